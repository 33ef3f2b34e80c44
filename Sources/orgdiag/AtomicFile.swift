import Diagnostics
import Foundation

/// Writes an output file the way package managers do, so that a reader never sees half of it and
/// nothing else is lost (docs/cli.md, "Output files"):
///
/// - A regular file (or none yet) is written to a temporary file beside it, which replaces it in
///   one rename on ``commit()``, with the mode and owner the old file had. Dropped without a
///   commit (an error, an interrupted run), the temporary file is removed; one left by a process
///   killed outright is removed by the next run that writes there.
/// - A symbolic link is followed: its target is written, the link stays.
/// - A character device or a named pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written into
///   directly, since it cannot be replaced; a folder or a socket is refused.
/// - A target that is one of the run's inputs (same device and inode) is refused.
/// - A failed write (a full disk) is an error with a code; the old file stays.
final class AtomicFile {
    /// The stable codes of problems with an output file (docs/diagnostics.md).
    enum Code {
        static let unwritable = DiagnosticCode("output.unwritable")
        static let isInput = DiagnosticCode("output.is-input")
        static let writeFailed = DiagnosticCode("output.write-failed")
    }

    private let path: String
    /// The temporary file, when the target is replaced by a rename.
    private let temporary: String?
    private let descriptor: Int32
    private var failure: String?
    private var finished = false

    /// Opens `path` for writing, refusing it when it is one of `inputs`.
    /// - Throws: a diagnostic with one of ``Code``'s codes.
    init(path requested: String, inputs: [String] = []) throws(Diagnostic) {
        let path = Self.followingLinks(requested)
        self.path = path
        var status = stat()
        let exists = stat(path, &status) == 0
        if exists {
            for input in inputs {
                var inputStatus = stat()
                if stat(input, &inputStatus) == 0, inputStatus.st_dev == status.st_dev, inputStatus.st_ino == status.st_ino {
                    throw .error(Code.isInput, "'\(requested)' is one of the files this command reads; write the output elsewhere",
                                 at: nil)
                }
            }
        }
        let kind = status.st_mode & S_IFMT
        if exists, kind == S_IFCHR || kind == S_IFIFO {
            temporary = nil
            descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                finished = true  // nothing to clean: deinit runs after a throwing init
                throw Self.unwritable(requested, errno)
            }
            return
        }
        if exists, kind != S_IFREG {
            throw .error(Code.unwritable, "cannot write '\(requested)': it is \(kind == S_IFDIR ? "a folder" : "not a regular file")",
                         at: nil)
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        Self.removeAbandonedTemporaries(of: url.lastPathComponent, in: folder)
        // The process id and a random number: two processes with the same id (in two containers
        // sharing a folder) do not meet.
        let temporary = (folder as NSString).appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid()).\(String(UInt32.random(in: .min ... .max), radix: 16)).tmp")
        self.temporary = temporary
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, exists ? 0o600 : 0o666)
        guard descriptor >= 0 else {
            finished = true  // this run created no file: deinit must not remove another's
            throw Self.unwritable(requested, errno, folder: folder)
        }
        // Held while the file is written: a temporary file nobody holds a lock on was abandoned.
        _ = flock(descriptor, LOCK_EX | LOCK_NB)
        if exists {
            // The new file takes the old one's permissions and owner (when we may set it).
            _ = fchmod(descriptor, status.st_mode & 0o7777)
            _ = fchown(descriptor, status.st_uid, status.st_gid)
        }
        InterruptCleanup.shared.register(temporary)
    }

    deinit {
        guard !finished else { return }
        close(descriptor)
        if let temporary {
            unlink(temporary)
            InterruptCleanup.shared.unregister(temporary)
        }
    }

    /// Appends bytes; a failure is reported by ``commit()``.
    func write(_ buffer: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        if let code = Self.writeAll(buffer, to: descriptor) { failure = String(cString: strerror(code)) }
    }

    /// Writes every byte of `buffer` to `descriptor`, retrying after an interrupted call; the
    /// error number of a write that failed, `nil` when all went out.
    static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        guard let base = buffer.baseAddress else { return nil }
        var written = 0
        while written < buffer.count {
            let result = Foundation.write(descriptor, base + written, buffer.count - written)
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return result < 0 ? errno : EIO }
            written += result
        }
        return nil
    }

    /// Makes the file appear at its path, complete.
    /// - Throws: a diagnostic coded ``Code/writeFailed`` when a write, the sync or the rename failed.
    func commit() throws(Diagnostic) {
        finished = true
        if let temporary {
            if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
            close(descriptor)
            if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
            if failure != nil { unlink(temporary) }
            InterruptCleanup.shared.unregister(temporary)
        } else {
            close(descriptor)
        }
        if let failure {
            throw .error(Code.writeFailed, "cannot write '\(path)': \(failure); nothing was replaced", at: nil)
        }
    }

    /// `path` with its symbolic links followed, even a last link whose target does not exist yet.
    private static func followingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { return current }
            let target = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target
                : (URL(fileURLWithPath: current).deletingLastPathComponent().path as NSString).appendingPathComponent(target)
        }
        return current
    }

    /// Removes `.NAME.PID.RANDOM.tmp` files left beside `name` by runs that were killed outright:
    /// the lock a run holds on its temporary file while writing went with its process.
    private static func removeAbandonedTemporaries(of name: String, in folder: String) {
        let prefix = ".\(name)."
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
            let middle = entry.dropFirst(prefix.count).dropLast(4).split(separator: ".")
            guard middle.count == 2, pid_t(middle[0]) != nil, UInt32(middle[1], radix: 16) != nil else { continue }
            let path = (folder as NSString).appendingPathComponent(entry)
            let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard descriptor >= 0 else { continue }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { unlink(path) }
            close(descriptor)
        }
    }

    private static func unwritable(_ path: String, _ code: Int32, folder: String? = nil) -> Diagnostic {
        let place = folder.map { "in '\($0)'" } ?? "'\(path)'"
        return .error(Code.unwritable, "cannot write \(place): \(String(cString: strerror(code)))", at: nil)
    }
}
