# Sourced by the other scripts: makes sure the system libraries orgdiag links are there —
# libyaml (Debian package libyaml-dev), which reads every YAML file, and mimalloc
# (libmimalloc-dev), the allocator — installing them with apt-get when we are root, or stopping
# with the command to run.
missing_libraries=()
pkg-config --exists yaml-0.1 2>/dev/null || missing_libraries+=(libyaml-dev pkg-config)
{ ldconfig -p || /sbin/ldconfig -p; } 2>/dev/null | grep -q 'libmimalloc\.so ' || missing_libraries+=(libmimalloc-dev)
if [ ${#missing_libraries[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "orgdiag: installing ${missing_libraries[*]} (the system libraries orgdiag links)" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_libraries[@]}" >&2
    else
        echo "orgdiag needs the system libyaml and mimalloc; install them first with:" >&2
        echo "    sudo apt-get install -y libyaml-dev libmimalloc-dev pkg-config" >&2
        exit 1
    fi
fi
