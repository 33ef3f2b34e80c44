import Dispatch

/// A value computed on another thread from the moment it is made, so that the work overlaps what
/// the caller does next; reading ``value`` waits until it is ready.
///
/// The work runs on a queue of its own, which libdispatch gives a thread even when every core's
/// worker is busy: a reader waiting inside `concurrentPerform` cannot starve it.
public final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once, by the work, before the group is left; read only after waiting for it.
    private var result: Value?

    /// Starts `work` on another thread.
    public init(_ work: @escaping @Sendable () -> Value) {
        group.enter()
        DispatchQueue(label: "orgdiag.background-value").async { [self] in
            result = work()
            group.leave()
        }
    }

    /// A value that is ready already.
    public init(ready value: Value) {
        result = value
    }

    /// The value, once the work is done.
    public var value: Value {
        group.wait()
        return result!
    }
}
