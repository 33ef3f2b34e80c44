# Sourced by scripts/require-libyaml.sh and .ci/run: the one list of the system libraries orgdiag
# links (libyaml, which reads every YAML file, and mimalloc, the allocator) and how to tell
# whether each is installed.

# Prints the Debian packages of the libraries that are missing, one per line.
missing_system_libraries() {
    pkg-config --exists yaml-0.1 2>/dev/null || printf '%s\n' libyaml-dev pkg-config
    # The linker cache read whole, not piped into `grep -q`: under `pipefail`, grep leaving
    # early would fail the pipe and report the library missing.
    local cache
    cache="$(ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null || true)"
    [[ "$cache" == *"libmimalloc.so "* ]] || echo libmimalloc-dev
}
