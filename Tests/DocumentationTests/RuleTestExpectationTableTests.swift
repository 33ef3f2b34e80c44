import Foundation
import RuleTesting
import Testing
import TestSupport

/// docs/rule-language.md's table of rule-test expectations names every expectation the loader
/// accepts, in the declared order, and no other.
@Suite struct RuleTestExpectationTableTests {
    @Test func theDocumentedTableIsTheDeclaredExpectations() throws {
        let lines = try Repository.text("docs/rule-language.md").components(separatedBy: "\n")
        let header = try #require(lines.firstIndex { $0 == "| expectation | holds when |" }, "no expectation table")
        let keys = lines[(header + 2)...].prefix { $0.hasPrefix("|") }.map { row in
            String(row.split(separator: "`")[1])
        }
        #expect(keys == RuleTestExpectation.allCases.map(\.rawValue))
    }
}
