import Diagnostics
import RuleModel

/// The reference of a pack, generated from the pack itself (`orgdiag rules`): dimensions and
/// their levels, facts with their questions, parameters with their sources, indicators,
/// diagnostics and recommendations. Markdown, or plain text for a terminal.
public struct PackReferenceRenderer: Sendable {
    let language: String
    let markdown: Bool

    /// Creates a renderer; `markdown` chooses Markdown over plain text.
    public init(language: String, markdown: Bool) {
        self.language = language
        self.markdown = markdown
    }

    /// A condition with its structure: an expression on the same line, or its `all` / `any` /
    /// `none` / `not` blocks as an indented list, one level per block, in the report's language.
    private func conditionText(_ condition: Condition, words: ReportStrings, code: (String) -> String) -> String {
        var out = ""
        func block(_ condition: Condition, depth: Int) {
            let indent = String(repeating: "  ", count: depth)
            let word: String
            switch condition {
            case .expression(let expression):
                out += "\(indent)- \(code(expression.description))\n"
                return
            case .all: word = words("block_all")
            case .any: word = words("block_any")
            case .none: word = words("block_none")
            case .not: word = words("block_not")
            }
            out += "\(indent)- \(word)\(words.bareColon)\n"
            for part in condition.parts { block(part, depth: depth + 1) }
        }
        if case .expression(let expression) = condition { return code(expression.description) + "\n" }
        out = "\n"
        block(condition, depth: 0)
        return out
    }

    /// Renders the reference of `pack`.
    public func render(_ pack: RulePack) -> String {
        let fallback = pack.metadata.defaultLanguage
        let markdown = self.markdown
        let words = ReportStrings(language: language)
        func text(_ localized: LocalizedText?) -> String { localized?.text(in: language, fallback: fallback) ?? "" }
        func e(_ text: String) -> String { markdown ? SafeText.markdown(text) : SafeText.terminal(text) }
        func code(_ text: String) -> String { markdown ? "`\(text)`" : text }
        func heading(_ level: Int, _ title: String) -> String {
            markdown ? String(repeating: "#", count: level) + " \(e(title))\n\n" : (level == 2 ? "\n\(title.uppercased())\n" : level == 1 ? "\(title)\n" : "\n\(title)\n")
        }
        var out = heading(1, "\(text(pack.metadata.name)) — \(pack.metadata.id) \(pack.metadata.version)")
        let kinds = pack.metadata.organisationKinds.map { kind in
            pack.metadata.organisationKindLabels[kind].map { "\(code(kind)) (\(e(text($0))))" } ?? code(kind)
        }
        out += "\(words("languages"))\(words.colon)\(pack.metadata.languages.joined(separator: ", ")) · "
            + "\(words("kinds"))\(words.colon)\(kinds.joined(separator: ", "))\n"

        out += heading(2, words("dimensions"))
        for dimension in pack.dimensions {
            out += heading(3, "\(text(dimension.label)) (\(dimension.id))")
            for (index, level) in dimension.levels.enumerated() {
                out += "\(index + 1). \(e(text(level.name)))"
                if let criteria = level.criteria {
                    out += " — \(words("criteria"))\(words.colon)" + conditionText(criteria, words: words, code: code)
                } else {
                    out += "\n"
                }
            }
        }

        out += heading(2, words("facts"))
        for fact in pack.facts {
            var details = [fact.type.rawValue]
            if let range = fact.range { details.append("\(words.number(range.lowerBound))–\(words.number(range.upperBound))") }
            if !fact.values.isEmpty { details.append(fact.values.joined(separator: " | ")) }
            if let unit = fact.unit { details.append(words.unit(text(unit), for: 2)) }
            out += "- \(code(fact.id)) — \(e(text(fact.label))) (\(e(details.joined(separator: ", "))))"
            if let question = fact.question { out += markdown ? "  \n  _\(e(text(question)))_" : "\n    \(text(question))" }
            out += "\n"
        }

        out += heading(2, words("parameters"))
        for parameter in pack.parameters {
            var value = parameter.value.plainText
            if !parameter.byKind.isEmpty {
                value += " (" + parameter.byKind.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.plainText)" }.joined(separator: ", ") + ")"
            }
            out += "- \(code(parameter.id)) = \(e(value)) — \(e(text(parameter.label)))"
            if let basis = words.basis(source: parameter.source.map(text), judgement: parameter.judgement) {
                out += markdown ? "  \n  \(words("source"))\(words.colon)\(e(basis))" : "\n    \(words("source"))\(words.colon)\(basis)"
            }
            out += "\n"
        }

        out += heading(2, words("indicators"))
        for indicator in pack.indicators {
            out += "- \(code(indicator.id)) = \(code(indicator.expression.description)) — \(e(text(indicator.label)))\n"
        }

        out += heading(2, words("diagnostics_reference"))
        for rule in pack.findings {
            out += heading(3, "\(text(rule.title)) (\(rule.id))")
            out += "\(words("severity"))\(words.colon)\(words.severity(rule.severity))"
            if let dimension = rule.dimension { out += " · \(words("dimension"))\(words.colon)\(e(text(pack.dimension(dimension)?.label)))" }
            if let kinds = rule.appliesTo { out += " · \(words("applies_to"))\(words.colon)\(kinds.joined(separator: ", "))" }
            out += "\n\n"
            // A single expression follows the label on its line; a block of conditions starts below it.
            var isSingleExpression = false
            if case .expression = rule.condition { isSingleExpression = true }
            out += words("condition") + (isSingleExpression ? words.colon : words.bareColon)
                + conditionText(rule.condition, words: words, code: code)
            if let rationale = rule.rationale { out += "\n\(e(text(rationale)))\n" }
            if !rule.recommend.isEmpty { out += "\n\(words("recommends"))\(words.colon)" + rule.recommend.map(code).joined(separator: ", ") + "\n" }
        }

        out += heading(2, words("recommendations"))
        for recommendation in pack.recommendations {
            out += "- \(code(recommendation.id)) — \(e(text(recommendation.title))) (\(words.kind(recommendation.kind)); "
                + "impact \(recommendation.impact.rawValue), effort \(recommendation.effort.rawValue))"
            if !recommendation.requires.isEmpty {
                out += markdown ? "  \n  " : "\n    "
                out += "\(words("requires"))\(words.colon)" + recommendation.requires.map(code).joined(separator: ", ")
            }
            out += "\n"
        }
        return out
    }
}
