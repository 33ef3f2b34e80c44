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

    private var words: ReportStrings { ReportStrings(language: language) }

    /// A `because` sentence filled as reports fill it: labels of words, numbers and dates as the
    /// language writes them.
    private func sentence(_ because: LocalizedText, evaluation: Evaluation) -> String {
        words.because(because.text(in: language, fallback: evaluation.pack.metadata.defaultLanguage), in: evaluation)
    }

    /// An outcome in words: `fired`, `déclenché`.
    private func status(_ status: FindingOutcome.Status) -> String { words("x_status_" + status.rawValue) }

    /// The words of a condition block: `all of`, `toutes ces conditions`.
    private func block(_ kind: Explanation.Node.Kind) -> String {
        switch kind {
        case .all: return words("block_all")
        case .any: return words("block_any")
        case .none: return words("block_none")
        case .not: return words("block_not")
        case .expression(let text): return text
        }
    }

    /// A derivation in words: `span_of_control = … = 100 / ? = unknown ('manager_count' is unknown)`.
    private func derivation(_ derivation: Explanation.Derivation) -> String {
        let head = "\(derivation.indicator) = \(derivation.formula) = \(derivation.substituted) = "
        guard !derivation.value.isKnown else { return head + derivation.value.plainText }
        let why: String
        switch derivation.reason {
        case .unknownName(let name)?: why = words("x_reason_unknown_name", name)
        case .divisionByZero?: why = words("x_reason_division_by_zero")
        case .tooLarge?: why = words("x_reason_too_large")
        case .emptyList(let function)?: why = words("x_reason_empty_list", function)
        case nil: why = words("x_reason_none")
        }
        return head + words("x_unknown") + " (" + why + ")"
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
            out += words("x_outcome", status(outcome), words.severity(rule.severity)) + "\n"
            if outcome == .notApplicable {
                out += words("x_applies_to", (rule.appliesTo ?? []).joined(separator: ", "), evaluation.profile.kind ?? "?") + "\n"
                return out
            }
            out += "\n" + words("x_condition") + "\n" + explanation.tree.outline(block: block)
            if !explanation.derivations.isEmpty {
                out += "\n" + words("x_derivations") + "\n" + explanation.derivations.map { "  " + derivation($0) + "\n" }.joined()
            }
            if let covering = evaluation.outcome(of: rule.id)?.supersededBy, !covering.isEmpty {
                out += "\n" + words("x_superseded", covering.joined(separator: ", ")) + "\n"
            }
            if outcome == .fired, let because = rule.because {
                out += "\n" + words("x_because", sentence(because, evaluation: evaluation)) + "\n"
            }
            if outcome == .unknown, let missing = evaluation.outcome(of: rule.id)?.missingFacts, !missing.isEmpty {
                out += "\n" + words("x_missing", missing.joined(separator: ", ")) + "\n"
            }
            if !explanation.changes.isEmpty {
                out += "\n" + words("x_changes") + "\n"
                for change in explanation.changes {
                    out += "  " + words("x_change", change.factID, change.from.isKnown ? change.from.description : "?", change.to.description, status(change.outcome)) + "\n"
                }
            } else if outcome != .notApplicable {
                out += "\n" + words("x_no_change") + "\n"
            }
        } else if let indicator = pack.indicator(explanation.subject) {
            out += "\(indicator.id): \(indicator.label.text(in: language, fallback: fallback))\n"
            let value = evaluation.value(of: indicator.id)
            out += words("x_value", value.isKnown ? value.plainText : words("x_unknown")) + "\n\n" + words("x_derivations") + "\n"
            out += explanation.derivations.map { "  " + derivation($0) + "\n" }.joined()
        }
        return out
    }

    /// Explains a fact: its definition, its value for this profile and where it comes from, and
    /// what reads it.
    public func render(fact id: String, evaluation: Evaluation, questions: [MissingFact]) -> String {
        guard let fact = evaluation.pack.fact(id) else { return "" }
        let fallback = evaluation.pack.metadata.defaultLanguage
        var out = "\(fact.id): \(fact.label.text(in: language, fallback: fallback))\n"
        var type = words("x_type", fact.type.rawValue)
        if let range = fact.range { type += ", " + words("x_range", Value.format(range.lowerBound), Value.format(range.upperBound)) }
        if !fact.values.isEmpty { type += ", " + words("x_values", fact.values.joined(separator: ", ")) }
        if let unit = fact.unit?.text(in: language, fallback: fallback) ?? fact.type.defaultUnit { type += ", " + words("x_unit", words.unit(unit, for: 2)) }
        out += type + "\n"
        if let question = fact.question { out += words("x_question", question.text(in: language, fallback: fallback)) + "\n" }
        if let relevance = fact.relevantWhen {
            let state = evaluation.irrelevantFacts.contains(id) ? words("x_relevant_no") : words("x_relevant_yes")
            out += words("x_relevant_when", relevance.expressions.map(\.description).joined(separator: "; "), state) + "\n"
        }
        let value = evaluation.value(of: id)
        if value.isKnown {
            out += words("x_value", value.plainText) + "\n"
        } else {
            out += words("x_value", words("x_unknown") + " (" + words(evaluation.profile.facts[id] == nil ? "x_not_given" : "x_written_tilde") + ")") + "\n"
        }
        if let evidence = evaluation.profile.evidence[id] { out += words("x_source", evidence) + "\n" }
        if let rank = questions.firstIndex(where: { $0.factID == id }) {
            let question = questions[rank]
            func answer(_ item: MissingFact.Undecided) -> String {
                question.deciding[item].map { " (" + words("x_with", $0.plainText.isEmpty ? "''" : $0.plainText) + ")" } ?? ""
            }
            let decided = question.decides.map { "\($0)\(answer(.diagnostic($0)))" }
                + question.decidesInPlace.map { words("x_whether_in_place", $0) + answer(.inPlaceTest($0)) }
                + question.decidesLevels.map { words("x_level_of", $0) + answer(.maturityLevel($0)) }
            out += words("x_asked_next", String(rank + 1), String(questions.count), Value.format(question.weight), decided.joined(separator: ", ")) + "\n"
        } else if !value.isKnown && !evaluation.irrelevantFacts.contains(id) {
            out += words("x_not_asked") + "\n"
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
            out += words("x_value_set", set.plainText, parameter.value(forKind: kind).plainText) + "\n"
        } else if let kind, let byKind = parameter.byKind[kind] {
            out += words("x_value_by_kind", byKind.plainText, kind, parameter.value.plainText) + "\n"
        } else {
            let kinds = parameter.byKind.keys.sorted()
            out += words("x_value", parameter.value.plainText)
            out += kinds.isEmpty ? "\n" : " (" + words("x_other_values", kinds.map { "'\($0)'" }.joined(separator: ", ")) + ")\n"
        }
        if let basis = words.basis(source: parameter.source?.text(in: language, fallback: fallback), judgement: parameter.judgement) {
            out += words("x_source", basis) + "\n"
        }
        return SafeText.terminal(out + readers(of: id, evaluation: evaluation))
    }

    /// The indicators and diagnostics whose expressions read `id` directly, with their outcome.
    private func readers(of id: String, evaluation: Evaluation) -> String {
        let pack = evaluation.pack
        let indicators = pack.indicators.filter { $0.expression.references.contains(id) }.map(\.id)
        let findings = pack.findings.filter { $0.condition.references.contains(id) }.map { rule in
            "\(rule.id) (\(evaluation.outcome(of: rule.id).map { status($0.status) } ?? "?"))"
        }
        guard !indicators.isEmpty || !findings.isEmpty else { return words("x_read_by_nothing") + "\n" }
        var out = words("x_read_by") + "\n"
        if !indicators.isEmpty { out += "  " + words("x_indicators", indicators.joined(separator: ", ")) + "\n" }
        if !findings.isEmpty { out += "  " + words("x_diagnostics", findings.joined(separator: ", ")) + "\n" }
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
            out += words("x_level", String(level), String(dimension.levels.count), dimension.levels[level - 1].name.text(in: language, fallback: fallback)) + "\n"
        } else if dimension.levels.isEmpty {
            return SafeText.terminal(out + words("x_level_no_levels") + "\n")
        } else {
            out += words("x_level_not_assessed", String(maturity.atLeast), maturity.missingFacts.joined(separator: ", ")) + "\n"
        }
        out += "\n" + words("x_level_floor", dimension.levels[0].name.text(in: language, fallback: fallback)) + "\n"
        for index in 1..<min(dimension.levels.count, maturity.atLeast + 1) {
            let name = dimension.levels[index].name.text(in: language, fallback: fallback)
            let state = words(index < maturity.atLeast ? "x_reached" : maturity.level == nil ? "x_undecided" : "x_not_reached")
            out += words("x_level_line", String(index + 1), name, state) + "\n"
            if let tree = trees[index] { out += tree.outline(block: block) }
        }
        if !maturity.blockers.isEmpty {
            out += "\n" + words("x_to_reach", String(maturity.atLeast + 1), maturity.blockers.map(\.description).joined(separator: "; ")) + "\n"
        }
        return SafeText.terminal(out)
    }

    /// Explains a strength: whether the organisation has it, and its condition with values.
    public func render(strength id: String, evaluation: Evaluation, tree: Explanation.Node) -> String {
        guard let outcome = evaluation.strengths.first(where: { $0.strength.id == id }) else { return "" }
        let fallback = evaluation.pack.metadata.defaultLanguage
        let strength = outcome.strength
        var out = "\(id): \(strength.title.text(in: language, fallback: fallback))\n"
        out += words("x_outcome_strength", words(outcome.truth == .true ? "x_holds" : outcome.truth == .false ? "x_does_not_hold" : "x_undecided")) + "\n"
        out += "\n" + words("x_condition") + "\n" + tree.outline(block: block)
        if outcome.truth == .true, let because = strength.because {
            out += "\n" + words("x_because", sentence(because, evaluation: evaluation)) + "\n"
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
            out += words("x_stage", stage + (pack.stage(stage).map { " (\($0.label.text(in: language, fallback: fallback)))" } ?? "")) + "\n"
        }
        if let inPlaceTree {
            switch evaluation.inPlaceTests[id] ?? .unknown {
            case .true: out += words("x_in_place_yes") + "\n"
            case .false: out += words("x_in_place_no") + "\n"
            case .unknown: out += words("x_in_place_unknown") + "\n"
            }
            out += inPlaceTree.outline(block: block)
            if evaluation.inPlaceTests[id] == .true {
                let needing = evaluation.roadmap.filter { $0.prerequisitesInPlace.contains(id) }.map(\.recommendation.id)
                if !needing.isEmpty { out += words("x_builds_on_it", needing.joined(separator: ", ")) + "\n" }
                return out
            }
        }
        guard let item = evaluation.roadmap.first(where: { $0.recommendation.id == id }) else {
            let callers = pack.findings.filter { $0.recommend.contains(id) }
            out += callers.isEmpty ? words("x_not_in_roadmap_none") + "\n"
                : words("x_not_in_roadmap", callers.map {
                    "\($0.id): \(evaluation.outcome(of: $0.id).map { status($0.status) } ?? "?")"
                }.joined(separator: ", ")) + "\n"
            return out
        }
        out += words("x_in_roadmap", String(item.phase), Value.format(item.score)) + (item.later ? words("x_later") : "") + "\n"
        if item.pulledIn {
            out += words("x_pulled_in", item.requiredBy.joined(separator: ", ")) + "\n"
        } else {
            let weights = item.calledBy.compactMap { pack.finding($0) }.map { "\(Value.format($0.severity.weight)) (\($0.id), \(words.severity($0.severity)))" }
            out += words("x_called_by", item.calledBy.joined(separator: ", ")) + "\n"
            out += words("x_priority_formula", weights.joined(separator: " + "), Value.format(recommendation.impact.factor), Value.format(recommendation.effort.factor), Value.format(item.score)) + "\n"
        }
        if !recommendation.requires.isEmpty { out += words("x_requires", recommendation.requires.joined(separator: ", ")) + "\n" }
        if !item.prerequisitesInPlace.isEmpty { out += words("x_builds_on", item.prerequisitesInPlace.joined(separator: ", ")) + "\n" }
        if let line = evaluation.trainingPlan.first(where: { $0.recommendation.id == id }), let sizing = recommendation.training {
            func shown(_ value: Double?) -> String { value.map(Value.format) ?? "?" }
            out += words("x_training") + "\n"
            out += "  " + words("x_participants", sizing.participants.description, line.participants.map(String.init) ?? "?") + "\n"
            out += "  " + words("x_groups", sizing.groupSize.description, line.groups.map(String.init) ?? "?") + "\n"
            out += "  " + words("x_trainer_days", sizing.daysPerGroup.description, shown(line.trainerDays)) + "\n"
            if let cost = line.cost { out += "  " + words("x_cost", RulePack.trainerDayRateParameter, Value.format(cost)) + "\n" }
            if !line.missingFacts.isEmpty { out += "  " + words("x_missing", line.missingFacts.joined(separator: ", ")) + "\n" }
        }
        let stagePositions = pack.stages.positions(by: { $0.id })
        if let position = recommendation.stage.flatMap({ stagePositions[$0] }), position > 0 {
            // Among the kept actions, or among the later ones: each is phased on its own.
            let earlier = evaluation.roadmap.filter { other in
                other.later == item.later && other.recommendation.stage.flatMap { stagePositions[$0] }.map { $0 < position } ?? false
            }
            if !earlier.isEmpty {
                out += words("x_after_earlier", earlier.map(\.recommendation.id).joined(separator: ", ")) + "\n"
            }
        }
        return out
    }
}
