import Dispatch

/// Computes `count` results on every core, result `i` from `transform(i)`, and returns them in
/// order; on a single core (``Cores/usable``), in a loop on the caller's thread.
///
/// This is the one place orgdiag fills results from `DispatchQueue.concurrentPerform`: each
/// iteration initialises its own slot of a buffer allocated before and read after the loop, so no
/// two threads touch the same memory and no lock is needed. `transform` must not depend on the
/// order in which iterations run.
public func concurrentMap<T>(count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    guard Cores.canOverlap else { return (0..<count).map(transform) }
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        let slots = Slots(base: buffer.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.initialize(index, to: transform(index))
        }
        initialized = count
    }
}

/// The start of the result buffer, shared with the iterations; each writes only its own slot.
private struct Slots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>

    func initialize(_ index: Int, to value: T) {
        (base + index).initialize(to: value)
    }
}
