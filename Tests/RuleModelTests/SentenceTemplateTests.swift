import Testing
@testable import RuleModel

/// One parser of `{name}` placeholders, for the checker and the engine alike.
@Suite struct SentenceTemplateTests {
    private func fill(_ text: String) -> String {
        SentenceTemplate(text).filled { "<\($0)>" }
    }

    @Test func placeholdersAreReplacedOnce() {
        #expect(fill("{levels} levels for a maximum of {max_levels}") == "<levels> levels for a maximum of <max_levels>")
        #expect(SentenceTemplate("{a} and {b}").placeholders.map(\.name) == ["a", "b"])
        #expect(SentenceTemplate("x {a}").placeholders.map(\.range) == [2..<5])
    }

    @Test func bracesThatAreNotPlaceholdersStayText() {
        #expect(fill("an unclosed {brace") == "an unclosed {brace")
        #expect(fill("{a{b}") == "{a<b>")
        #expect(fill("{} and { x }") == "{} and { x }")
        #expect(SentenceTemplate("{a{b}").placeholders.map(\.name) == ["b"])
    }

    @Test func aFilledValueIsNotReadAgain() {
        #expect(SentenceTemplate("{a}").filled { _ in "{a}" } == "{a}")
    }
}
