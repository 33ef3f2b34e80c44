import Diagnostics
import Engine
import RuleModel

/// Renders `orgdiag diff`: two assessments of one organisation, as text or Markdown.
public struct ComparisonRenderer: Sendable {
    let language: String
    let markdown: Bool

    /// Creates a renderer; `markdown` chooses Markdown over plain text.
    public init(language: String, markdown: Bool) {
        self.language = language
        self.markdown = markdown
    }

    /// Renders the comparison.
    public func render(_ comparison: EvaluationComparison) -> String {
        let words = ReportStrings(language: language)
        let pack = comparison.after.pack
        let fallback = pack.metadata.defaultLanguage
        func text(_ localized: LocalizedText?) -> String { localized?.text(in: language, fallback: fallback) ?? "" }
        func title(_ outcome: FindingOutcome) -> String {
            "\(text(outcome.rule.title)) (\(words.severity(outcome.rule.severity)))"
        }
        let markdown = self.markdown
        func e(_ text: String) -> String { markdown ? SafeText.markdown(text) : SafeText.terminal(text) }
        let before = comparison.before.profile
        let after = comparison.after.profile
        var out = heading(1, "\(words("comparison")) — \(e(after.name))")
        out += "\(ReportText.sentence(words("before")).dropLast())\(words.colon)\(e(before.assessedOn ?? "?")) · \(words("after"))\(words.colon)\(e(after.assessedOn ?? "?"))\n\n"
        func section(_ key: String, _ unsorted: [FindingOutcome]) {
            let outcomes = unsorted.sorted { ($0.rule.severity, $0.rule.id) < ($1.rule.severity, $1.rule.id) }
            out += heading(2, "\(words(key)) (\(outcomes.count))")
            for outcome in outcomes { out += "- \(e(title(outcome)))\n" }
            out += outcomes.isEmpty ? "- —\n\n" : "\n"
        }
        section("resolved", comparison.resolved)
        section("new_findings", comparison.new)
        section("persisting", comparison.persisting)
        out += heading(2, words("maturity"))
        for change in comparison.maturity {
            let from = change.before.map { "\($0)/5" } ?? "—"
            let to = change.after.map { "\($0)/5" } ?? "—"
            let arrow = (change.before ?? 0) < (change.after ?? 0) ? "↑" : (change.before ?? 0) > (change.after ?? 0) ? "↓" : "="
            out += "- \(e(text(change.dimension.label))): \(from) → \(to) \(arrow)\n"
        }
        out += "\n" + heading(2, "\(words("facts_changed")) (\(comparison.facts.count))")
        for change in comparison.facts {
            let label = text(pack.fact(change.factID)?.label)
            let fact = pack.fact(change.factID)
            out += "- \(e(label)) [\(change.factID)]: \(e(words.value(change.before, of: fact, fallback: fallback))) → \(e(words.value(change.after, of: fact, fallback: fallback)))\n"
        }
        if comparison.facts.isEmpty { out += "- —\n" }
        return out
    }

    private func heading(_ level: Int, _ title: String) -> String {
        markdown ? String(repeating: "#", count: level) + " \(title)\n\n" : (level == 1 ? title : title.uppercased()) + "\n"
    }
}
