import Foundation
import Testing
@testable import Reports

/// Every key the reports and the CLI ask `ReportStrings` for is in its table, in French and in
/// English: a missing one would print the key itself to a client.
@Suite struct ReportStringKeysTests {
    /// The keys written whole in `words("key", …)`, `w("key", …)` and `words.count(n, "one",
    /// "many")` calls across the sources that speak to a client (not a prefix completed at run time).
    private static func keysAskedFor() throws -> [String: String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let single = #/\b(?:words|w)\("([a-z][a-z0-9_]*)"(?!\s*\+)/#
        let plural = #/\.count\([^()"]*(?:\([^()"]*\))?[^()"]*, "([a-z][a-z0-9_]*)", "([a-z][a-z0-9_]*)"\)/#
        var keys: [String: String] = [:]
        for folder in ["Sources/Reports", "Sources/orgdiag"] {
            let directory = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() where name.hasSuffix(".swift") {
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                for match in text.matches(of: single) { keys[String(match.1)] = name }
                for match in text.matches(of: plural) {
                    keys[String(match.1)] = name
                    keys[String(match.2)] = name
                }
            }
        }
        return keys
    }

    @Test func everyKeyAskedForHasItsTextInBothLanguages() throws {
        let keys = try Self.keysAskedFor()
        #expect(keys.count > 50, "the scan found the calls")
        for language in ["fr", "en"] {
            for (key, file) in keys.sorted(by: { $0.key < $1.key }) {
                #expect(ReportStrings.table[key]?[language] != nil, "\(file) asks for '\(key)', which the table lacks in \(language)")
            }
        }
    }
}
