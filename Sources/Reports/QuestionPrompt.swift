import Diagnostics
import Engine
import RuleModel

/// The words `orgdiag ask` shows: the introduction and each question with what it expects.
public struct QuestionPrompt: Sendable {
    let language: String
    let pack: RulePack

    /// Creates the prompts for a pack, in a language.
    public init(pack: RulePack, language: String) {
        self.pack = pack
        self.language = language
    }

    /// The first line: the organisation, how many diagnostics are undecided, how to answer.
    public func introduction(_ evaluation: Evaluation) -> String {
        let words = ReportStrings(language: language)
        return SafeText.terminal("\(evaluation.profile.name) — \(words.count(Double(evaluation.outcomes(.unknown).count), "undecided_one", "undecided_many"))\n")
            + words("ask_help") + "\n"
    }

    /// A question: its number, the fact's question, what it expects, how many diagnostics it decides.
    public func question(_ missing: MissingFact, number: Int) -> String {
        let words = ReportStrings(language: language)
        let fallback = pack.metadata.defaultLanguage
        guard let fact = pack.fact(missing.factID) else { return missing.factID }
        let question = (fact.question ?? fact.label).text(in: language, fallback: fallback)
        let expected = self.expected(fact)
        return SafeText.terminal("[\(number)] \(question) (\(expected)) — \(words.settles(missing.decidedCount))\n> ")
    }

    /// What to type for `fact`, in the words ``TypedAnswer`` reads: yes / no, a number with its
    /// unit, a word's label.
    func expected(_ fact: FactDefinition) -> String {
        let words = ReportStrings(language: language)
        let fallback = pack.metadata.defaultLanguage
        func label(_ word: String) -> String { fact.valueLabels[word]?.text(in: language, fallback: fallback) ?? word }
        switch fact.type.answer {
        case .boolean: return words("yes") + " | " + words("no")
        case .number:
            var expected = fact.range.map { "\(words.number($0.lowerBound))…\(words.number($0.upperBound))" } ?? words("a_number")
            if let unit = fact.unit?.text(in: language, fallback: fallback) { expected += " " + words.unit(unit, for: 2) }
            return expected
        case .word: return fact.values.map(label).joined(separator: " | ")
        case .words: return words("several_of") + fact.values.map(label).joined(separator: ", ")
        case .text: return words("text")
        case .date: return words("date_format")
        }
    }

    /// Why an answer was not taken, in the prompt's language: what was typed and what is
    /// expected. Every problem an answer meets (a wrong type, a word the fact does not know, a
    /// number out of range, a malformed date, text YAML cannot read) means the same to the
    /// person typing: this is not an answer to the question, and here is what is.
    public func refusal(answer: String, for fact: FactDefinition) -> String {
        let words = ReportStrings(language: language)
        return SafeText.terminal("    " + words("ask_refused", answer, expected(fact)) + "\n> ")
    }

    /// The question after a saved answer: where it comes from (optional).
    public var sourceQuestion: String { "    " + ReportStrings(language: language)("ask_source") + "\n> " }

    /// The confirmation after a saved answer.
    public func saved(_ factID: String, _ value: Value?) -> String {
        "    \(ReportStrings(language: language)("saved")): \(factID) = \(value.map(\.plainText) ?? "~")\n"
    }
}
