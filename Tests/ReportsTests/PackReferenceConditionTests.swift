import Testing
@testable import Reports
@testable import RuleModel

/// `orgdiag rules` shows a condition with its structure: a `none` block must never read as if
/// its parts were required.
@Suite struct PackReferenceConditionTests {
    private func reference(_ condition: Condition, markdown: Bool = false, language: String = "en") throws -> String {
        let rule = FindingRule(id: "d", severity: .high, title: LocalizedText(["en": "T", "fr": "T"]), condition: condition)
        let pack = RulePack(metadata: .init(id: "p", languages: ["en", "fr"]), findings: [rule])
        let text = PackReferenceRenderer(language: language, markdown: markdown).render(pack)
        let start = try #require(text.range(of: "Condition"))  // the same word in both languages
        return String(text[start.lowerBound...].split(separator: "\n\n", maxSplits: 1)[0])
    }

    private func leaf(_ text: String) throws -> Condition { .expression(try ExpressionParser.parse(text)) }

    @Test func everyBlockKindIsShownWithItsParts() throws {
        let condition = Condition.all([
            .none([try leaf("has_desk"), try leaf("mediators >= 1")], location: nil),
            .not(try leaf("known(x)"), location: nil),
            .any([try leaf("a > 1"), try leaf("b < 2")], location: nil),
        ], location: nil)
        #expect(try reference(condition) == """
            Condition:
            - all of:
              - none of:
                - has_desk
                - mediators >= 1
              - not:
                - known(x)
              - any of:
                - a > 1
                - b < 2
            """)
    }

    @Test func frenchWordsAndMarkdownCode() throws {
        let condition = Condition.none([try leaf("has_desk")], location: nil)
        let text = try reference(condition, markdown: true, language: "fr")
        #expect(text.contains("- aucune de ces conditions\u{A0}:\n  - `has_desk`"))
    }

    @Test func aSingleExpressionStaysOnItsLine() throws {
        #expect(try reference(try leaf("a > 1")) == "Condition: a > 1")
    }
}
