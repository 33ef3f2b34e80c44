#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The file this process runs from, as the pack cache tells one build from the next.
enum RunningExecutable {
    /// The executable's resolved path, size and modification time, or `nil` when they cannot be
    /// read. On Linux they come from `/proc/self/exe`, read as a link for the path and opened for
    /// the rest: opened, it is the file this process was started from even if another has since
    /// been installed at its path (and under valgrind, which answers a `stat` of it with its own
    /// tool's); an executable that cannot be read is `stat`ed instead. `Bundle.main` and
    /// `FileManager` took a millisecond of every command's start to find the same.
    static func identity() -> String? {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count)
        // A path as long as the buffer may have been cut short.
        guard length > 0, length < buffer.count else { return nil }
        let path = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var status = stat()
        let descriptor = open("/proc/self/exe", O_RDONLY | O_CLOEXEC)
        if descriptor >= 0 {
            defer { close(descriptor) }
            guard fstat(descriptor, &status) == 0 else { return nil }
        } else {
            // An executable installed without read permission (mode 0711) cannot be opened; its
            // status can still be read, and valgrind, which needs to read it, is not running it.
            guard stat("/proc/self/exe", &status) == 0 else { return nil }
        }
        return "\(path) \(status.st_size) \(status.st_mtim.tv_sec) \(status.st_mtim.tv_nsec)"
        #else
        guard let path = Bundle.main.executableURL?.resolvingSymlinksInPath().path,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date else { return nil }
        return "\(path) \(size) \(modified.timeIntervalSince1970)"
        #endif
    }
}
