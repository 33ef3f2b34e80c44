import Diagnostics
import RuleModel

/// A profile template for a pack (`orgdiag init`): every fact, grouped by dimension, set to `~`
/// (unknown), with its question, unit and range as comments. It loads as a valid profile.
public struct ProfileTemplateRenderer: Sendable {
    let language: String

    /// Creates a renderer writing comments in `language`.
    public init(language: String) {
        self.language = language
    }

    /// Renders the template.
    /// - Parameters:
    ///   - kind: the organisation kind to write, if any.
    ///   - date: the assessment date to write (`YYYY-MM-DD`).
    public func render(_ pack: RulePack, kind: String?, date: String) -> String {
        let fallback = pack.metadata.defaultLanguage
        let words = ReportStrings(language: language)
        func text(_ localized: LocalizedText?) -> String {
            (localized?.text(in: language, fallback: fallback) ?? "").split(whereSeparator: \.isNewline).joined(separator: " ")
        }
        var out = "# \(words("template_header", pack.metadata.id, pack.metadata.version))\n"
        out += "# \(words("template_unknown"))\n"
        out += "organisation:\n  name: \"\(words("template_name"))\"\n"
        out += kind.map { "  kind: \($0)\n" } ?? "  # kind: \(pack.metadata.organisationKinds.joined(separator: " | "))\n"
        out += "  assessed_on: \(date)\nfacts:\n"
        var groups: [(title: String, facts: [FactDefinition])] = pack.dimensions.map { dimension in
            (text(dimension.label), pack.facts.filter { $0.dimension == dimension.id })
        }
        let known = Set(pack.dimensions.map(\.id))
        groups.append((words("other_facts"), pack.facts.filter { $0.dimension.map { !known.contains($0) } ?? true }))
        for group in groups where !group.facts.isEmpty {
            out += "\n  # == \(group.title) ==\n"
            for fact in group.facts {
                out += "  # \(text(fact.question).isEmpty ? text(fact.label) : text(fact.question))\n"
                out += "  # \(hint(fact, words: words, fallback: fallback, unit: words.unit(text(fact.unit), for: 2)))\n"
                out += "  \(fact.id): ~\n"
            }
        }
        out += "\nevidence:\n  # \(words("template_evidence"))\n"
        return SafeText.terminal(out)
    }

    /// What to write for `fact`: its type's form, a word with its label in the language when the
    /// label is not the word itself ("budget_threat (la menace budgétaire)").
    private func hint(_ fact: FactDefinition, words: ReportStrings, fallback: String, unit: String) -> String {
        func labelled(_ word: String) -> String {
            guard let label = fact.valueLabels[word]?.text(in: language, fallback: fallback), label != word else { return word }
            return "\(word) (\(label))"
        }
        let unitText = unit.isEmpty ? "" : " (\(unit))"
        switch fact.type.answer {
        case .boolean: return "true | false"
        case .number(let whole):
            let range = fact.range.map { "\(Value.format($0.lowerBound))…\(Value.format($0.upperBound))" } ?? words("a_number")
            return (whole ? words("whole_number") + " " : "") + range + unitText
        case .word: return fact.values.map(labelled).joined(separator: " | ")
        case .words: return "[" + fact.values.map(labelled).joined(separator: ", ") + "]"
        case .text: return words("text")
        case .date: return "YYYY-MM-DD"
        }
    }
}
