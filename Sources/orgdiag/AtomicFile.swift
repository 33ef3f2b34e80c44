import Foundation

/// Writes a file so that a reader never sees half of it: the bytes go to a temporary file in the
/// same folder, which replaces the target in one rename when ``commit()`` is called. Dropped
/// without a commit (an error, an interrupted batch), it removes the temporary file and leaves
/// the old file intact.
final class AtomicFile {
    struct WriteError: Error, CustomStringConvertible {
        let description: String
    }

    private let path: String
    private let temporary: String
    private let descriptor: Int32
    private var failure: String?
    private var finished = false

    /// Creates the temporary file beside `path`.
    init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        self.path = path
        temporary = (folder as NSString).appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            throw WriteError(description: "cannot write in '\(folder)': \(String(cString: strerror(errno)))")
        }
    }

    deinit {
        guard !finished else { return }
        close(descriptor)
        unlink(temporary)
    }

    /// Appends bytes; a failure is reported by ``commit()``.
    func write(_ buffer: UnsafeRawBufferPointer) {
        guard failure == nil, let base = buffer.baseAddress else { return }
        var written = 0
        while written < buffer.count {
            let result = Foundation.write(descriptor, base + written, buffer.count - written)
            if result < 0, errno == EINTR { continue }
            guard result > 0 else {
                failure = String(cString: strerror(errno))
                return
            }
            written += result
        }
    }

    /// Makes the file appear at its path, complete.
    func commit() throws {
        finished = true
        let synced = failure == nil && fsync(descriptor) == 0
        if failure == nil && !synced { failure = String(cString: strerror(errno)) }
        close(descriptor)
        guard let failure = failure ?? (rename(temporary, path) == 0 ? nil : String(cString: strerror(errno))) else { return }
        unlink(temporary)
        throw WriteError(description: "cannot write '\(path)': \(failure)")
    }
}
