import RuleModel

/// Ranks the facts a profile does not give by what answering them can decide.
///
/// A missing fact counts for an undecided diagnostic (or an undecided in-place test of a roadmap
/// action, or the undecided level of a dimension not assessed) only if some value of its domain decides it, the other facts as they are: each of its
/// words, true and false, numbers on each side of every threshold of the pack and at its range's
/// ends, the pack's texts and dates around the pack's dates (``FactDefinition/FactType/candidates(for:current:thresholds:texts:)``).
/// A fact read only through `known()`, or next to another unknown that blocks it, decides
/// nothing and is not asked; nor is a fact that is not relevant (`relevant_when` false). The
/// weight is the sum of the severity weights of the diagnostics it can decide (critical 8, high
/// 4, medium 2, low 1), plus 1 per in-place test or maturity level; ties go by fact id.
///
/// It re-runs the pack once per value tried (the extremes first, stopping once everything the
/// fact bears on is decided), so it is computed on demand (``Engine/questions(for:)``), not by
/// every evaluation.
enum QuestionRanker {
    static func rank(_ evaluation: Evaluation, engine: Engine) -> [MissingFact] {
        let compiled = engine.compiled
        let pack = compiled.pack
        let thresholds = engine.thresholds(overrides: evaluation.overrides)
        let dates = engine.dateTexts(evaluation.slots)

        let undecidedFindings = evaluation.outcomes.indices.filter { evaluation.outcomes[$0].status == .unknown }
        let roadmap = Set(evaluation.roadmap.map(\.recommendation.id))
        let undecidedInPlace = engine.inPlaceTests.filter { test in
            roadmap.contains(test.recommendationID) && evaluation.inPlaceTests[test.recommendationID] == .unknown
        }
        let inPlaceCones = undecidedInPlace.map { test in
            compiled.factCone(of: pack.recommendation(test.recommendationID)?.inPlaceWhen?.references ?? [])
        }

        // Each dimension not assessed: the criteria of its undecided level, and what they read.
        let undecidedLevels: [(dimension: String, condition: CompiledCondition, cone: Set<Int>)] =
            zip(evaluation.maturity, engine.levelCriteria).compactMap { entry, criteria in
                guard entry.level == nil, entry.atLeast < criteria.count, let condition = criteria[entry.atLeast] else { return nil }
                let cone = compiled.factCone(of: entry.dimension.levels[entry.atLeast].criteria?.references ?? [])
                return (entry.dimension.id, condition, cone)
            }

        var askable = Set<Int>()
        for index in undecidedFindings { askable.formUnion(compiled.factCones[index]) }
        for cone in inPlaceCones { askable.formUnion(cone) }
        for level in undecidedLevels { askable.formUnion(level.cone) }
        askable = askable.filter { !evaluation.slots[$0].isKnown && !evaluation.irrelevantFacts.contains(compiled.factID(atSlot: $0)) }

        var ranked: [MissingFact] = []
        for slot in askable.sorted() {
            let fact = pack.facts[slot]
            var findings = undecidedFindings.filter { compiled.factCones[$0].contains(slot) }
            var tests = undecidedInPlace.indices.filter { inPlaceCones[$0].contains(slot) }
            var levels = undecidedLevels.indices.filter { undecidedLevels[$0].cone.contains(slot) }
            var deciding: [MissingFact.Undecided: Value] = [:]
            var decides: [String] = []
            var decidesInPlace: [String] = []
            var decidesLevels: [String] = []
            for value in fact.type.candidates(for: fact, current: .unknown, thresholds: thresholds, texts: dates) {
                guard !findings.isEmpty || !tests.isEmpty || !levels.isEmpty else { break }
                var profile = evaluation.profile
                profile.facts[fact.id] = value
                if tests.isEmpty && levels.isEmpty {
                    let decision = engine.decide(profile, overrides: evaluation.overrides)
                    let stillUnknown = Set(decision.unknown)
                    for index in findings where !stillUnknown.contains(index) {
                        decides.append(pack.findings[index].id)
                        deciding[.diagnostic(pack.findings[index].id)] = value
                    }
                    findings.removeAll { !stillUnknown.contains($0) }
                } else {
                    let slots = engine.computeSlots(profile, overrides: evaluation.overrides)
                    for index in findings where slots[compiled.diagnosticSlots[index]].truth != .unknown {
                        decides.append(pack.findings[index].id)
                        deciding[.diagnostic(pack.findings[index].id)] = value
                    }
                    findings.removeAll { slots[compiled.diagnosticSlots[$0]].truth != .unknown }
                    for position in tests where undecidedInPlace[position].condition.truth(slots) != .unknown {
                        decidesInPlace.append(undecidedInPlace[position].recommendationID)
                        deciding[.inPlaceTest(undecidedInPlace[position].recommendationID)] = value
                    }
                    tests.removeAll { undecidedInPlace[$0].condition.truth(slots) != .unknown }
                    for position in levels where undecidedLevels[position].condition.truth(slots) != .unknown {
                        decidesLevels.append(undecidedLevels[position].dimension)
                        deciding[.maturityLevel(undecidedLevels[position].dimension)] = value
                    }
                    levels.removeAll { undecidedLevels[$0].condition.truth(slots) != .unknown }
                }
            }
            guard !decides.isEmpty || !decidesInPlace.isEmpty || !decidesLevels.isEmpty else { continue }
            let weight = decides.reduce(0.0) { $0 + (pack.finding($1)?.severity.weight ?? 0) } + Double(decidesInPlace.count + decidesLevels.count)
            ranked.append(MissingFact(factID: fact.id, weight: weight, decides: decides.sorted(), decidesInPlace: decidesInPlace.sorted(),
                                      decidesLevels: undecidedLevels.map(\.dimension).filter(decidesLevels.contains), deciding: deciding))
        }
        return ranked.sorted { ($1.weight, $0.factID) < ($0.weight, $1.factID) }
    }
}
