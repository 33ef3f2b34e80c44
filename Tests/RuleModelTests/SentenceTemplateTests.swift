import Testing
@testable import RuleModel

/// One parser of `{name}` placeholders, for the checker and the engine alike.
@Suite struct SentenceTemplateTests {
    private func fill(_ text: String) -> String {
        SentenceTemplate(text).filled { name, _ in "<\(name)>" }
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
        #expect(SentenceTemplate("{a}").filled { _, _ in "{a}" } == "{a}")
    }

    @Test func formatsAreReadWithTheirForms() {
        let sentence = SentenceTemplate("fell by {change, abs} % at {points, plural, one {# point} other {# points}}")
        #expect(sentence.segments == [
            .text("fell by "), .placeholder("change", .absolute, 8..<21), .text(" % at "),
            .placeholder("points", .plural(one: "# point", other: "# points"), 27..<75),
        ])
        #expect(sentence.problems.isEmpty)
        #expect(sentence.placeholders.map(\.name) == ["change", "points"])
        let select = SentenceTemplate("{strategy, select, false {no strategy} partial_plan {a plan} other {}}")
        #expect(select.segments == [.placeholder("strategy", .select(["false": "no strategy", "partial_plan": "a plan"], other: ""), 0..<70)])
        let zero = SentenceTemplate("{n, plural, =0 {aucun projet} one {# projet} other {# projets}}")
        #expect(zero.segments == [.placeholder("n", .plural(one: "# projet", other: "# projets", zero: "aucun projet"), 0..<63)])
    }

    @Test func aFormatThatCannotBeReadIsAProblemWhereItStands() {
        let cases: [(String, String)] = [
            ("x {a, plurl, one {p} other {q}}", "unknown format 'plurl'; write abs, plural or select"),
            ("x {a, plural, one {p}}", "'plural' needs both forms: one {…} other {…}"),
            ("x {a, plural, few {p} other {q}}", "a plural form is 'one {…}', 'other {…}' or '=0 {…}', not 'few'"),
            ("x {a, plural, =1 {p} one {p} other {q}}", "a plural form is 'one {…}', 'other {…}' or '=0 {…}'"),
            ("x {a, abs now}", "'abs' takes nothing after it"),
            ("x {a, plural, one {p} one {q} other {r}}", "the form 'one' is given twice"),
            ("x {a, plural one {p} other {q}}", "'plural' is followed by a comma and its forms: one {…} other {…}"),
            ("x {a, plural, one p other {q}}", "the form 'one' is written in braces: one {…}"),
            ("x {a, plural, one {{p}} other {q}}", "the form 'one' holds no brace of its own"),
            ("x {a, select, true {p}}", "'select' needs the form other {…}, for any other value and an unknown one"),
            ("x {a, select, {p} other {q}}", "a select form is a word of the value (true, false, an enumeration's word) or 'other', then its text in braces"),
            ("x {a, select true {p} other {q}}", "'select' is followed by a comma and its forms: word {…} other {…}"),
        ]
        for (text, message) in cases {
            let sentence = SentenceTemplate(text)
            #expect(sentence.problems.map(\.message) == [message], "\(text)")
            #expect(sentence.problems.first?.range.lowerBound == 2, "\(text)")
            #expect(sentence.problems.first?.range.upperBound == text.unicodeScalars.count, "\(text)")
            // Written as it stands wherever it is filled.
            #expect(sentence.filled { _, _ in "?" } == text)
        }
    }

    @Test func aFormatWhoseBracesDoNotCloseIsText() {
        #expect(fill("{a, plural, one {p} other {q}") == "{a, plural, one <p> other <q>")
        // Linear: many unclosed formats do not rescan the sentence.
        let long = String(repeating: "{a, ", count: 20_000)
        #expect(SentenceTemplate(long).segments == [.text(long)])
    }
}
