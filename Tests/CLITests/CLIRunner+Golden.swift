import Foundation
import Testing
import TestSupport

extension CLIRunner {
    /// Compares `text` with `Tests/CLITests/Golden/name` (see ``Golden``).
    static func assertGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try Golden.assertMatches(text, name, in: "Tests/CLITests/Golden", sourceLocation: sourceLocation)
    }
}
