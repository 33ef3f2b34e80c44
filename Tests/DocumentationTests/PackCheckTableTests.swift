import Foundation
import RuleLoader
import Testing
import TestSupport

/// docs/diagnostics.md's table of pack checks is the catalogue of ``PackCheck``, row for row.
@Suite struct PackCheckTableTests {
    @Test func theDocumentedTableIsTheCatalogue() throws {
        let lines = try Repository.text("docs/diagnostics.md").components(separatedBy: "\n")
        let heading = try #require(lines.firstIndex(of: "## Rule packs"))
        let table = lines[heading...].drop { !$0.hasPrefix("|") }.dropFirst(2).prefix { $0.hasPrefix("|") }
        let expected = PackCheck.all.map { "| `\($0.code)` | \($0.severity.rawValue) | \($0.summary) |" }
        #expect(Array(table) == expected, "write these rows in docs/diagnostics.md:\n\(expected.joined(separator: "\n"))")
    }
}
