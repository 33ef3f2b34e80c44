import Foundation

/// The bytes of a regular file, read with `open`, `fstat` and `read`, within a size limit: what a
/// pack's files, the pack cache's entries and the profiles a rule-test file names are read with.
///
/// Only a regular file is opened, without waiting for a writer and without following a link, and
/// checked again once open: a named pipe or a device under a `.yaml` name in a pack's folder would
/// otherwise block the command or be read without end, and a file far over the limit is refused
/// before it is read rather than after.
public enum RegularFile {
    /// Why a file was not read.
    public enum Problem: Error, Equatable {
        /// Not a regular file (a folder, a link, a named pipe, a device), or gone.
        case notRegular
        /// Over the limit: the file's size, in bytes.
        case tooLarge(Int)
        /// The system's reason.
        case unreadable(String)
    }

    /// The bytes of the regular file at `path` (a link is not followed), at most `maxBytes` of them.
    public static func read(_ path: String, maxBytes: Int) -> Result<[UInt8], Problem> {
        var named = stat()
        guard lstat(path, &named) == 0, named.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
        guard status.st_size <= maxBytes else { return .failure(.tooLarge(Int(status.st_size))) }
        // Read to the end, not to the size first seen: a file cut short or grown meanwhile gives
        // the bytes it holds, one grown past the limit is refused.
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= maxBytes else { return .failure(.tooLarge(count)) }
                bytes += [UInt8](repeating: 0, count: min(max(count, 4096), maxBytes + 1 - count))
            }
            let got = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }
}
