import Diagnostics
import Engine
import RuleModel

/// Renders `orgdiag explain` for a terminal: the outcome, the condition tree with values, how each
/// indicator was derived, the filled-in sentence, and what would change the outcome.
public struct ExplanationRenderer: Sendable {
    let language: String

    /// Creates a renderer speaking `language`.
    public init(language: String) {
        self.language = language
    }

    /// Explains a diagnostic or an indicator.
    public func render(_ explanation: Explanation, evaluation: Evaluation) -> String {
        SafeText.terminal(unsafeRender(explanation, evaluation: evaluation))
    }

    private func unsafeRender(_ explanation: Explanation, evaluation: Evaluation) -> String {
        let pack = evaluation.pack
        let fallback = pack.metadata.defaultLanguage
        var out = ""
        if let rule = pack.finding(explanation.subject), let outcome = explanation.outcome {
            out += "\(rule.id): \(rule.title.text(in: language, fallback: fallback))\n"
            out += "outcome: \(outcome.rawValue.replacingAll("_", with: " ")) (severity \(rule.severity.rawValue))\n"
            if outcome == .notApplicable {
                out += "applies to: \((rule.appliesTo ?? []).joined(separator: ", ")); the organisation is '\(evaluation.profile.kind ?? "?")'\n"
                return out
            }
            out += "\ncondition:\n" + tree(explanation.tree, depth: 1)
            if !explanation.derivations.isEmpty {
                out += "\nderivations:\n" + explanation.derivations.map { "  \($0)\n" }.joined()
            }
            if outcome == .fired, let because = rule.because {
                out += "\nbecause: \(evaluation.fill(because.text(in: language, fallback: fallback)))\n"
            }
            if outcome == .unknown, let missing = evaluation.outcome(of: rule.id)?.missingFacts, !missing.isEmpty {
                out += "\nmissing facts: \(missing.joined(separator: ", "))\n"
            }
            if !explanation.changes.isEmpty {
                out += "\nwhat would change it:\n"
                for change in explanation.changes {
                    out += "  \(change.factID): \(change.from.isKnown ? change.from.description : "unknown") -> \(change.to) would make it \(change.outcome.rawValue.replacingAll("_", with: " "))\n"
                }
            } else if outcome != .notApplicable {
                out += "\nno change of a single fact would change it\n"
            }
        } else if let indicator = pack.indicator(explanation.subject) {
            out += "\(indicator.id): \(indicator.label.text(in: language, fallback: fallback))\n"
            let value = evaluation.value(of: indicator.id)
            out += "value: \(value.isKnown ? value.plainText : "unknown")\n\nderivations:\n"
            out += explanation.derivations.map { "  \($0)\n" }.joined()
        }
        return out
    }

    /// Explains why a recommendation is, or is not, in the roadmap.
    public func render(recommendation id: String, evaluation: Evaluation) -> String {
        SafeText.terminal(unsafeRender(recommendation: id, evaluation: evaluation))
    }

    private func unsafeRender(recommendation id: String, evaluation: Evaluation) -> String {
        let pack = evaluation.pack
        guard let recommendation = pack.recommendation(id) else { return "" }
        let fallback = pack.metadata.defaultLanguage
        var out = "\(id): \(recommendation.title.text(in: language, fallback: fallback))\n"
        guard let item = evaluation.roadmap.first(where: { $0.recommendation.id == id }) else {
            let callers = pack.findings.filter { $0.recommend.contains(id) }
            out += "not in the roadmap: "
            out += callers.isEmpty ? "no diagnostic recommends it\n"
                : "none of the diagnostics that call for it fired (" + callers.map {
                    "\($0.id): \(evaluation.outcome(of: $0.id)?.status.rawValue.replacingAll("_", with: " ") ?? "?")"
                }.joined(separator: ", ") + ")\n"
            return out
        }
        out += "in the roadmap: phase \(item.phase), priority \(Value.format(item.score))\n"
        if item.pulledIn {
            out += "pulled in as a prerequisite of: \(item.requiredBy.joined(separator: ", "))\n"
        } else {
            let weights = item.calledBy.compactMap { pack.finding($0) }.map { "\(Value.format($0.severity.weight)) (\($0.id), \($0.severity.rawValue))" }
            out += "called for by: \(item.calledBy.joined(separator: ", "))\n"
            out += "priority = severity weights × impact / effort = (\(weights.joined(separator: " + "))) × \(Value.format(recommendation.impact.factor)) / \(Value.format(recommendation.effort.factor)) = \(Value.format(item.score))\n"
        }
        if !recommendation.requires.isEmpty { out += "requires: \(recommendation.requires.joined(separator: ", "))\n" }
        return out
    }

    private func tree(_ node: Explanation.Node, depth: Int) -> String {
        let mark: String
        switch node.value {
        case .bool(true): mark = "✓"
        case .bool(false): mark = "✗"
        case .unknown: mark = "?"
        default: mark = "="
        }
        var out = String(repeating: "  ", count: depth) + "\(mark) \(node.text)\n"
        for child in node.children { out += tree(child, depth: depth + 1) }
        return out
    }
}
