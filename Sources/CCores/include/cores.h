#ifndef ORGDIAG_CORES_H
#define ORGDIAG_CORES_H

/// The number of cores this process may run on: its CPU affinity mask on Linux (so that
/// `taskset` and container CPU sets count), the online processors elsewhere; at least 1.
int orgdiag_usable_cores(void);

#endif
