import Foundation
import Testing

/// Golden files: outputs recorded once, on purpose, and compared byte for byte afterwards.
///
/// `ORGDIAG_RECORD_GOLDEN=1` re-records them; each file it changes is named on standard error, so
/// a re-recording shows what it touched. A failure prints the whole difference, line by line, with
/// invisible characters made visible.
public enum Golden {
    /// Compares `text` with the golden file `name` in `folder` (a path below the repository root).
    public static func assertMatches(_ text: String, _ name: String, in folder: String,
                                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = Repository.url(folder).appendingPathComponent(name)
        let golden = try? String(contentsOf: url, encoding: .utf8)
        if ProcessInfo.processInfo.environment["ORGDIAG_RECORD_GOLDEN"] == "1" {
            if golden != text {
                try Data(text.utf8).write(to: url)
                FileHandle.standardError.write(Data("re-recorded golden file \(folder)/\(name)\n".utf8))
            }
            return
        }
        guard let golden else {
            Issue.record("no golden file \(folder)/\(name); record it with ORGDIAG_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if golden != text {
            let difference = LineDiff.describe(from: golden, to: text)
            Issue.record("output differs from \(folder)/\(name) (- golden, + actual):\n\(difference)", sourceLocation: sourceLocation)
        }
    }
}
