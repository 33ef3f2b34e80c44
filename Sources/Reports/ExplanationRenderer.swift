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
            out += "\ncondition:\n" + explanation.tree.outline()
            if !explanation.derivations.isEmpty {
                out += "\nderivations:\n" + explanation.derivations.map { "  \($0)\n" }.joined()
            }
            if let covering = evaluation.outcome(of: rule.id)?.supersededBy, !covering.isEmpty {
                out += "\nsuperseded by: \(covering.joined(separator: ", ")) (fired too): not shown, weighs nothing in the roadmap; level criteria that read it see it fired\n"
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
    public func render(fact id: String, evaluation: Evaluation, questions: [MissingFact]) -> String {
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
        if let rank = questions.firstIndex(where: { $0.factID == id }) {
            let question = questions[rank]
            func answer(_ item: MissingFact.Undecided) -> String {
                question.deciding[item].map { " (with \($0.plainText.isEmpty ? "''" : $0.plainText))" } ?? ""
            }
            let decided = question.decides.map { "\($0)\(answer(.diagnostic($0)))" }
                + question.decidesInPlace.map { "whether \($0) is in place\(answer(.inPlaceTest($0)))" }
                + question.decidesLevels.map { "the level of \($0)\(answer(.maturityLevel($0)))" }
            out += "asked next: question \(rank + 1) of \(questions.count), weight \(Value.format(question.weight)); an answer decides \(decided.joined(separator: ", "))\n"
        } else if !value.isKnown && !evaluation.irrelevantFacts.contains(id) {
            out += "not asked: no answer alone decides anything still undecided\n"
        }
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

    /// Explains a dimension's maturity level: each level climbed, its criteria with values, up to
    /// the level that stops the climb; `trees` holds each level's criteria with values (`nil` for
    /// level 1).
    public func render(dimension id: String, evaluation: Evaluation, trees: [Explanation.Node?]) -> String {
        guard let maturity = evaluation.maturity.first(where: { $0.dimension.id == id }) else { return "" }
        let fallback = evaluation.pack.metadata.defaultLanguage
        let dimension = maturity.dimension
        var out = "\(id): \(dimension.label.text(in: language, fallback: fallback))\n"
        if let level = maturity.level {
            out += "level: \(level) of \(dimension.levels.count), \(dimension.levels[level - 1].name.text(in: language, fallback: fallback))\n"
        } else if dimension.levels.isEmpty {
            return SafeText.terminal(out + "level: not assessed (the dimension has no levels)\n")
        } else {
            out += "level: not assessed, at least \(maturity.atLeast); to decide it: \(maturity.missingFacts.joined(separator: ", "))\n"
        }
        out += "\nlevel 1: \(dimension.levels[0].name.text(in: language, fallback: fallback)) (the floor)\n"
        for index in 1..<min(dimension.levels.count, maturity.atLeast + 1) {
            let name = dimension.levels[index].name.text(in: language, fallback: fallback)
            let state = index < maturity.atLeast ? "reached" : maturity.level == nil ? "undecided" : "not reached"
            out += "level \(index + 1): \(name) — \(state)\n"
            if let tree = trees[index] { out += tree.outline() }
        }
        if !maturity.blockers.isEmpty {
            out += "\nto reach level \(maturity.atLeast + 1): \(maturity.blockers.map(\.description).joined(separator: "; "))\n"
        }
        return SafeText.terminal(out)
    }

    /// Explains a strength: whether the organisation has it, and its condition with values.
    public func render(strength id: String, evaluation: Evaluation, tree: Explanation.Node) -> String {
        guard let outcome = evaluation.strengths.first(where: { $0.strength.id == id }) else { return "" }
        let fallback = evaluation.pack.metadata.defaultLanguage
        let strength = outcome.strength
        var out = "\(id): \(strength.title.text(in: language, fallback: fallback))\n"
        out += "outcome: \(outcome.truth == .true ? "holds" : outcome.truth == .false ? "does not hold" : "undecided")\n"
        out += "\ncondition:\n" + tree.outline()
        if outcome.truth == .true, let because = strength.because {
            out += "\nbecause: \(evaluation.fill(because.text(in: language, fallback: fallback)))\n"
        }
        return SafeText.terminal(out)
    }

    /// Explains why a recommendation is, or is not, in the roadmap; `inPlaceTree` is its
    /// `in_place_when` condition with values, when it has one.
    public func render(recommendation id: String, evaluation: Evaluation, inPlaceTree: Explanation.Node? = nil) -> String {
        SafeText.terminal(unsafeRender(recommendation: id, evaluation: evaluation, inPlaceTree: inPlaceTree))
    }

    private func unsafeRender(recommendation id: String, evaluation: Evaluation, inPlaceTree: Explanation.Node?) -> String {
        let pack = evaluation.pack
        guard let recommendation = pack.recommendation(id) else { return "" }
        let fallback = pack.metadata.defaultLanguage
        var out = "\(id): \(recommendation.title.text(in: language, fallback: fallback))\n"
        if let stage = recommendation.stage {
            out += "stage: \(stage)\(pack.stage(stage).map { " (\($0.label.text(in: language, fallback: fallback)))" } ?? "")\n"
        }
        if let inPlaceTree {
            switch evaluation.inPlaceTests[id] ?? .unknown {
            case .true: out += "in place: yes, its in_place_when holds: not recommended, satisfied as a prerequisite\n"
            case .false: out += "in place: no, its in_place_when does not hold\n"
            case .unknown: out += "in place: undecided (the profile does not say); recommended as if not\n"
            }
            out += inPlaceTree.outline()
            if evaluation.inPlaceTests[id] == .true {
                let needing = evaluation.roadmap.filter { $0.prerequisitesInPlace.contains(id) }.map(\.recommendation.id)
                if !needing.isEmpty { out += "the roadmap builds on it: \(needing.joined(separator: ", "))\n" }
                return out
            }
        }
        guard let item = evaluation.roadmap.first(where: { $0.recommendation.id == id }) else {
            let callers = pack.findings.filter { $0.recommend.contains(id) }
            out += "not in the roadmap: "
            out += callers.isEmpty ? "no diagnostic recommends it\n"
                : "none of the diagnostics that call for it fired (" + callers.map {
                    "\($0.id): \(evaluation.outcome(of: $0.id)?.status.rawValue.replacingAll("_", with: " ") ?? "?")"
                }.joined(separator: ", ") + ")\n"
            return out
        }
        out += "in the roadmap: phase \(item.phase), priority \(Value.format(item.score))"
            + (item.later ? ", after the cap (max_roadmap_actions): listed as later" : "") + "\n"
        if item.pulledIn {
            out += "pulled in as a prerequisite of: \(item.requiredBy.joined(separator: ", "))\n"
        } else {
            let weights = item.calledBy.compactMap { pack.finding($0) }.map { "\(Value.format($0.severity.weight)) (\($0.id), \($0.severity.rawValue))" }
            out += "called for by: \(item.calledBy.joined(separator: ", "))\n"
            out += "priority = severity weights × impact / effort = (\(weights.joined(separator: " + "))) × \(Value.format(recommendation.impact.factor)) / \(Value.format(recommendation.effort.factor)) = \(Value.format(item.score))\n"
        }
        if !recommendation.requires.isEmpty { out += "requires: \(recommendation.requires.joined(separator: ", "))\n" }
        if !item.prerequisitesInPlace.isEmpty { out += "builds on (in place): \(item.prerequisitesInPlace.joined(separator: ", "))\n" }
        if let line = evaluation.trainingPlan.first(where: { $0.recommendation.id == id }), let sizing = recommendation.training {
            func shown(_ value: Double?) -> String { value.map(Value.format) ?? "unknown" }
            out += "training size:\n"
            out += "  participants = \(sizing.participants) = \(line.participants.map(String.init) ?? "unknown")\n"
            out += "  groups = participants / (\(sizing.groupSize)) rounded up = \(line.groups.map(String.init) ?? "unknown")\n"
            out += "  trainer-days = groups × (\(sizing.daysPerGroup)) = \(shown(line.trainerDays))\n"
            if let cost = line.cost { out += "  cost = trainer-days × \(RulePack.trainerDayRateParameter) = \(Value.format(cost))\n" }
            if !line.missingFacts.isEmpty { out += "  missing: \(line.missingFacts.joined(separator: ", "))\n" }
        }
        if let stage = recommendation.stage, let position = pack.stages.firstIndex(where: { $0.id == stage }), position > 0 {
            let earlier = evaluation.roadmap.filter { other in
                other.recommendation.stage.flatMap { own in pack.stages.firstIndex { $0.id == own } }.map { $0 < position } ?? false
            }
            if !earlier.isEmpty {
                out += "after the actions of earlier stages: \(earlier.map(\.recommendation.id).joined(separator: ", "))\n"
            }
        }
        return out
    }
}
