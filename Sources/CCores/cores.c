// Swift's Glibc module is built without _GNU_SOURCE, so sched_getaffinity and CPU_COUNT are not
// visible from Swift: this file is compiled as plain C, where they are.
#define _GNU_SOURCE
#include "cores.h"

#include <unistd.h>
#ifdef __linux__
#include <sched.h>
#endif

int orgdiag_usable_cores(void) {
#ifdef __linux__
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        int count = CPU_COUNT(&set);
        if (count > 0) return count;
    }
#endif
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    return online > 0 ? (int)online : 1;
}
