import Diagnostics
import RuleLoader

/// The profile files of a batch, in order, each opened (its reader reading its first window at
/// once) when the one before is handed out, and the first as soon as the list is made: made
/// before the pack is loaded, the list lets that first read overlap the load.
public final class ProfileFiles {
    private var paths: ArraySlice<String>
    private var opened: (path: String, reader: Result<ProfileStreamReader, DiagnosticList>)?

    /// The files at `paths`, the first of them opened now.
    public init(_ paths: [String]) {
        self.paths = paths[...]
        opened = self.paths.popFirst().map { ($0, ProfileStreamReader.open($0)) }
    }

    /// The next file and its reader (or why it cannot be read), or `nil` after the last.
    func next() -> (path: String, reader: Result<ProfileStreamReader, DiagnosticList>)? {
        defer { opened = paths.popFirst().map { ($0, ProfileStreamReader.open($0)) } }
        return opened
    }
}
