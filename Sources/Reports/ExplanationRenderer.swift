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

    /// Explains a fact: its definition, its value for this profile and where it comes from, and
    /// what reads it.
    public func render(fact id: String, evaluation: Evaluation) -> String {
        guard let fact = evaluation.pack.fact(id) else { return "" }
        let fallback = evaluation.pack.metadata.defaultLanguage
        var out = "\(fact.id): \(fact.label.text(in: language, fallback: fallback))\n"
        var type = "type: \(fact.type)"
        if let range = fact.range { type += ", range \(Value.format(range.lowerBound)) to \(Value.format(range.upperBound))" }
        if !fact.values.isEmpty { type += ", values \(fact.values.joined(separator: ", "))" }
        if let unit = fact.unit?.text(in: language, fallback: fallback) ?? fact.type.defaultUnit { type += ", unit \(unit)" }
        out += type + "\n"
        if let question = fact.question { out += "question: \(question.text(in: language, fallback: fallback))\n" }
        if let relevance = fact.relevantWhen {
            let state = evaluation.irrelevantFacts.contains(id) ? "no: not asked, not counted as missing" : "yes, or not decided"
            out += "relevant when: \(relevance.expressions.map(\.description).joined(separator: "; ")) — \(state)\n"
        }
        let value = evaluation.value(of: id)
        if value.isKnown {
            out += "value: \(value.plainText)\n"
        } else {
            out += "value: unknown (\(evaluation.profile.facts[id] == nil ? "the profile does not give it" : "written ~ in the profile"))\n"
        }
        if let evidence = evaluation.profile.evidence[id] { out += "source: \(evidence)\n" }
        return SafeText.terminal(out + readers(of: id, evaluation: evaluation))
    }

    /// Explains a parameter: the value that applied to this profile and why (the pack's value,
    /// its value for the organisation's kind, or `--set`), its source, and what reads it.
    public func render(parameter id: String, evaluation: Evaluation) -> String {
        guard let parameter = evaluation.pack.parameter(id) else { return "" }
        let fallback = evaluation.pack.metadata.defaultLanguage
        var out = "\(parameter.id): \(parameter.label.text(in: language, fallback: fallback))\n"
        let kind = evaluation.profile.kind
        if let set = evaluation.overrides[id] {
            out += "value: \(set.plainText), set on the command line (--set); the pack says \(parameter.value(forKind: kind).plainText)\n"
        } else if let kind, let byKind = parameter.byKind[kind] {
            out += "value: \(byKind.plainText), the pack's value for '\(kind)' (by_kind); \(parameter.value.plainText) otherwise\n"
        } else {
            let kinds = parameter.byKind.keys.sorted()
            out += "value: \(parameter.value.plainText)"
            out += kinds.isEmpty ? "\n" : " (other values for \(kinds.map { "'\($0)'" }.joined(separator: ", ")), by_kind)\n"
        }
        if let source = parameter.source { out += "source: \(source)\n" }
        return SafeText.terminal(out + readers(of: id, evaluation: evaluation))
    }

    /// The indicators and diagnostics whose expressions read `id` directly, with their outcome.
    private func readers(of id: String, evaluation: Evaluation) -> String {
        let pack = evaluation.pack
        let indicators = pack.indicators.filter { $0.expression.references.contains(id) }.map(\.id)
        let findings = pack.findings.filter { $0.condition.references.contains(id) }.map { rule in
            "\(rule.id) (\(evaluation.outcome(of: rule.id)?.status.rawValue.replacingAll("_", with: " ") ?? "?"))"
        }
        guard !indicators.isEmpty || !findings.isEmpty else { return "read by: nothing\n" }
        var out = "read by:\n"
        if !indicators.isEmpty { out += "  indicators: \(indicators.joined(separator: ", "))\n" }
        if !findings.isEmpty { out += "  diagnostics: \(findings.joined(separator: ", "))\n" }
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
