# Sourced by the other scripts: makes sure the system libyaml (Debian package libyaml-dev) is
# there, installing it with apt-get when we are root, or stopping with the command to run.
if ! pkg-config --exists yaml-0.1 2>/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "orgdiag: installing libyaml-dev (the system YAML library orgdiag reads files with)" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libyaml-dev pkg-config >&2
    else
        echo "orgdiag needs the system libyaml; install it first with:" >&2
        echo "    sudo apt-get install -y libyaml-dev pkg-config" >&2
        exit 1
    fi
fi
