# Sourced by the other scripts: makes sure the system libraries orgdiag links are there
# (scripts/system-libraries.sh), installing them with apt-get when we are root, or stopping with
# the command to run.
. "$(dirname "${BASH_SOURCE[0]}")/system-libraries.sh"
mapfile -t missing_libraries < <(missing_system_libraries)
if [ ${#missing_libraries[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "orgdiag: installing ${missing_libraries[*]} (the system libraries orgdiag links)" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_libraries[@]}" >&2
    else
        echo "orgdiag needs the system libyaml and mimalloc; install them first with:" >&2
        echo "    sudo apt-get install -y ${missing_libraries[*]}" >&2
        exit 1
    fi
fi
