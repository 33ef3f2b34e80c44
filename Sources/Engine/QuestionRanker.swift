import Parallel
import RuleModel

/// Ranks the facts a profile does not give by what answering them can decide.
///
/// A missing fact counts for an undecided diagnostic (or an undecided in-place test of a roadmap
/// action, or the undecided level of a dimension not assessed) only if some value of its domain decides it, the other facts as they are: each of its
/// words, true and false, numbers on each side of every threshold of the pack and at its range's
/// ends, the pack's texts and dates around the pack's dates (``FactDefinition/FactType/candidates(for:current:thresholds:texts:)``).
/// A fact read only through `known()`, or next to another unknown that blocks it, decides
/// nothing and is not asked; nor is a fact that is not relevant (`relevant_when` false), nor one
/// whose relevance is unknown while a fact its relevance reads is asked (whether the organisation
/// is a partner comes before how fast it answers partners). The
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

        // Each fact's answers are tried on every core: the facts are independent.
        let candidateSlots = askable.sorted()
        let ranked = concurrentMap(count: candidateSlots.count) { position -> MissingFact? in
            let slot = candidateSlots[position]
            let fact = pack.facts[slot]
            var findings = undecidedFindings.filter { compiled.factCones[$0].contains(slot) }
            var tests = undecidedInPlace.indices.filter { inPlaceCones[$0].contains(slot) }
            var levels = undecidedLevels.indices.filter { undecidedLevels[$0].cone.contains(slot) }
            var deciding: [MissingFact.Undecided: Value] = [:]
            var settled: [MissingFact.Undecided] = []
            for value in fact.type.candidates(for: fact, current: .unknown, thresholds: thresholds, texts: dates) {
                guard !findings.isEmpty || !tests.isEmpty || !levels.isEmpty else { break }
                var profile = evaluation.profile
                profile.facts[fact.id] = value
                /// Moves what this answer decides out of `pending`, recording the answer.
                func settle(_ pending: inout [Int], decided: (Int) -> Bool, as item: (Int) -> MissingFact.Undecided) {
                    for index in pending where decided(index) {
                        settled.append(item(index))
                        deciding[item(index)] = value
                    }
                    pending.removeAll(where: decided)
                }
                let diagnostic = { (index: Int) in MissingFact.Undecided.diagnostic(pack.findings[index].id) }
                if tests.isEmpty && levels.isEmpty {
                    // Only diagnostics left: the fast decision path is enough.
                    let stillUnknown = Set(engine.decide(profile, overrides: evaluation.overrides).unknown)
                    settle(&findings, decided: { !stillUnknown.contains($0) }, as: diagnostic)
                } else {
                    let slots = engine.computeSlots(profile, overrides: evaluation.overrides)
                    settle(&findings, decided: { slots[compiled.diagnosticSlots[$0]].truth != .unknown }, as: diagnostic)
                    settle(&tests, decided: { undecidedInPlace[$0].condition.truth(slots) != .unknown },
                           as: { .inPlaceTest(undecidedInPlace[$0].recommendationID) })
                    settle(&levels, decided: { undecidedLevels[$0].condition.truth(slots) != .unknown },
                           as: { .maturityLevel(undecidedLevels[$0].dimension) })
                }
            }
            guard !settled.isEmpty else { return nil }
            var decides: [String] = []
            var decidesInPlace: [String] = []
            var decidesLevels: [String] = []
            for item in settled {
                switch item {
                case .diagnostic(let id): decides.append(id)
                case .inPlaceTest(let id): decidesInPlace.append(id)
                case .maturityLevel(let id): decidesLevels.append(id)
                }
            }
            let weight = decides.reduce(0.0) { $0 + (pack.finding($1)?.severity.weight ?? 0) } + Double(decidesInPlace.count + decidesLevels.count)
            return MissingFact(factID: fact.id, weight: weight, decides: decides.sorted(), decidesInPlace: decidesInPlace.sorted(),
                               decidesLevels: undecidedLevels.map(\.dimension).filter(decidesLevels.contains), deciding: deciding)
        }.compactMap { $0 }
        // A fact that may not be relevant waits for the questions that tell whether it is, unless
        // those wait themselves (relevance conditions that read each other): one of them is asked.
        let pendingRelevance = engine.factsOfUnknownRelevance(evaluation.slots)
        let candidates = Set(ranked.map(\.factID))
        var waiting = Set<String>()
        var changed = true
        while changed {
            changed = false
            for missing in ranked where !waiting.contains(missing.factID) {
                guard let reads = pendingRelevance[missing.factID] else { continue }
                let blocked = reads.contains { slot in
                    let id = compiled.factID(atSlot: slot)
                    return candidates.contains(id) && !waiting.contains(id)
                }
                if blocked {
                    waiting.insert(missing.factID)
                    changed = true
                }
            }
        }
        return ranked.filter { !waiting.contains($0.factID) }.sorted { ($1.weight, $0.factID) < ($0.weight, $1.factID) }
    }
}
