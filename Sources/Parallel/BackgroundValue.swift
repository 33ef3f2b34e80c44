import Dispatch

/// A value computed on another thread from the moment it is made, so that the work overlaps what
/// the caller does next, or deferred to the first read of ``value``, on the reader's thread (on a
/// single core, where there is nothing to overlap it with, or when the caller chooses that thread:
/// a task of a parallel step); reading ``value`` waits until it is ready.
///
/// Work that runs at once runs on a queue of its own, which libdispatch gives a thread even when
/// every core's worker is busy: a reader waiting inside `concurrentPerform` cannot starve it.
public final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once, by the work, before the group is left or under `deferral`; read only after
    /// waiting for the group, or under `deferral`.
    private var result: Value?
    /// The work not started yet, when it waits for the first read; guarded by `deferral`.
    private var pendingWork: (@Sendable () -> Value)?
    /// The queue that serialises reads of a deferred value; `nil` when the work runs on its own thread.
    private let deferral: DispatchQueue?

    /// Starts `work` on another thread when `overlapping`, and leaves it for the first read of
    /// ``value`` otherwise.
    public init(overlapping: Bool, _ work: @escaping @Sendable () -> Value) {
        guard overlapping else {
            pendingWork = work
            deferral = DispatchQueue(label: "orgdiag.deferred-value")
            return
        }
        deferral = nil
        group.enter()
        DispatchQueue(label: "orgdiag.background-value").async { [self] in
            result = work()
            group.leave()
        }
    }

    /// A value that is ready already.
    public init(ready value: Value) {
        result = value
        deferral = nil
    }

    /// The value, once the work is done.
    public var value: Value {
        if let deferral {
            return deferral.sync {
                if let work = pendingWork {
                    result = work()
                    pendingWork = nil
                }
                return result!
            }
        }
        group.wait()
        return result!
    }
}
