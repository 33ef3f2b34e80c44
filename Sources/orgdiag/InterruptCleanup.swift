import Foundation

/// Removes the temporary file of an output being written when the process is interrupted
/// (TERM, INT, HUP), then lets the signal end the process as it would have. A process killed
/// outright (KILL) cannot clean up: the next run that writes the same file removes what it left.
///
/// The signal handler only calls `unlink` on a path kept in memory allocated once, which is
/// async-signal-safe; the path is written with its first byte last, so a signal arriving during
/// an update never sees half a path.
final class InterruptCleanup: Sendable {
    static let shared = InterruptCleanup()

    /// The path of the temporary file being written, NUL-terminated; empty when there is none.
    private nonisolated(unsafe) static let pending: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX) + 1)
        buffer.initialize(repeating: 0, count: Int(PATH_MAX) + 1)
        return buffer
    }()

    private init() {
        // A parent may have started us with these signals blocked (test runners do): the cleanup
        // must see them.
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        _ = Self.pending  // allocated now, never inside a handler
        for signal in [SIGTERM, SIGINT, SIGHUP] {
            // A signal the parent ignores (nohup, a background job) stays ignored.
            var current = sigaction()
            guard sigaction(signal, nil, &current) == 0,
                  unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) != unsafeBitCast(SIG_IGN, to: Int.self)
            else { continue }
            Foundation.signal(signal) { number in
                if InterruptCleanup.pending[0] != 0 { unlink(InterruptCleanup.pending) }
                Foundation.signal(number, SIG_DFL)
                raise(number)
            }
        }
    }

    /// Remembers `path` as the temporary file to remove on an interrupt.
    func register(_ path: String) {
        let bytes = Array(path.utf8)
        guard !bytes.isEmpty, bytes.count <= Int(PATH_MAX) else { return }
        Self.pending[0] = 0
        for (index, byte) in bytes.enumerated().dropFirst() { Self.pending[index] = CChar(bitPattern: byte) }
        Self.pending[bytes.count] = 0
        Self.pending[0] = CChar(bitPattern: bytes[0])
    }

    /// Forgets `path` once it is renamed into place or removed.
    func unregister(_ path: String) {
        guard Self.pending[0] != 0, String(cString: Self.pending) == path else { return }
        Self.pending[0] = 0
    }
}
