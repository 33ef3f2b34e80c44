import CCores

/// The cores this process may run on, read once.
public enum Cores {
    /// How many cores the process may run on: its CPU affinity on Linux, so that `taskset` and a
    /// container's CPU set count; at least 1.
    public static let usable = Int(orgdiag_usable_cores())

    /// Whether work handed to another thread runs beside the caller's. On a single core it would
    /// only take turns with it, and each turn evict the other's data from the core's caches.
    public static var canOverlap: Bool { usable > 1 }
}
