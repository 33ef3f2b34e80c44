import Diagnostics
import Foundation
import RuleLoader

/// The profile files of a batch, in order, for one run. The first is opened as soon as the list
/// is made when it is a regular file, and its reader starts reading its first window at once:
/// made before the pack is loaded, the list lets that read overlap the load. Every other file is
/// opened only when its turn comes, and so is a first one that is a pipe, whose opening waits for
/// a writer (and a writer may feed several pipes one after the other).
public final class ProfileFiles {
    private var paths: ArraySlice<String>
    private let windowBytes: Int
    private var opened: (path: String, reader: Result<ProfileStreamReader, DiagnosticList>)?

    /// The files at `paths`, the first opened now when it is a regular file; each is read in
    /// windows of about `windowBytes` (``ProfileStreamReader``).
    public init(_ paths: [String], windowBytes: Int = ProfileStreamReader.defaultWindowBytes) {
        self.paths = paths[...]
        self.windowBytes = windowBytes
        if let first = paths.first, Self.isRegularFile(first) { opened = openNext() }
    }

    /// The next file and its reader (or why it cannot be read), or `nil` after the last.
    func next() -> (path: String, reader: Result<ProfileStreamReader, DiagnosticList>)? {
        defer { opened = nil }
        return opened ?? openNext()
    }

    private func openNext() -> (path: String, reader: Result<ProfileStreamReader, DiagnosticList>)? {
        paths.popFirst().map { ($0, ProfileStreamReader.open($0, windowBytes: windowBytes)) }
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }
}
