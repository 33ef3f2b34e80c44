import Dispatch

/// Values kept between uses, taken and given back by any thread: working memory that is costly
/// to set up (large arrays whose first touch faults pages in) and can be used again as it was
/// left, such as the block evaluator's registers.
///
/// It holds what was given back and nothing more, so it never holds more values than were in use
/// at once. Written here rather than taken from a package: a stack behind a semaphore is all it
/// is, and `Synchronization.Mutex` needs macOS 15.
public final class ReusePool<Value: Sendable>: @unchecked Sendable {
    /// Guards `values`.
    private let lock = DispatchSemaphore(value: 1)
    private var values: [Value] = []

    /// An empty pool.
    public init() {}

    /// A value given back earlier, or `nil` when none is left.
    public func take() -> Value? {
        lock.wait()
        defer { lock.signal() }
        return values.popLast()
    }

    /// Keeps `value` for a later ``take()``.
    public func giveBack(_ value: Value) {
        lock.wait()
        defer { lock.signal() }
        values.append(value)
    }
}
