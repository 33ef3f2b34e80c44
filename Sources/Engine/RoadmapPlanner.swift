import RuleModel

/// Turns fired diagnostics into a roadmap of recommendations in phases.
///
/// - Only diagnostics shown as findings count (fired, and not superseded by another that fired).
/// - A recommendation already in place (its `in_place_when` holds) is never in the roadmap; as a
///   prerequisite it is satisfied.
/// - A recommendation's score is the sum of the severity weights (critical 8, high 4, medium 2,
///   low 1) of the fired diagnostics that call for it, times its impact factor (high 3, medium 2,
///   low 1), divided by its effort factor (high 3, medium 2, low 1), rounded to 2 decimals.
/// - A prerequisite (`requires`) that nothing called for, and that is not in place, is pulled in,
///   marked as such, with the highest score of the recommendations that need it.
/// - A recommendation's phase is 1 plus the latest phase of its prerequisites in the roadmap and
///   of the roadmap's recommendations of earlier stages: the method's order holds even where no
///   `requires` says so.
/// - Items are ordered by phase, then score (highest first), then id. Under a cap, the actions
///   called for are kept by priority (score, highest first, then phase, then id) while they fit
///   with the prerequisites they still need, so that an urgent action is not crowded out by
///   minor ones of earlier stages; a prerequisite is kept only for a kept action; the rest is
///   marked "later" and comes after,
///   in its own phases (numbered on from the kept ones) that follow the same rules among
///   themselves: the kept actions are a first roadmap, the later ones a second.
enum RoadmapPlanner {
    static func plan(pack: RulePack, outcomes: [FindingOutcome], inPlace: Set<String> = [], limit: Int? = nil) -> [RoadmapItem] {
        var calledBy: [String: [String]] = [:]
        for outcome in outcomes where outcome.isShown {
            for id in outcome.rule.recommend where !inPlace.contains(id) { calledBy[id, default: []].append(outcome.rule.id) }
        }
        let severity = Dictionary(outcomes.map { ($0.rule.id, $0.rule.severity) }, uniquingKeysWith: { first, _ in first })
        let recommendations = Dictionary(pack.recommendations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        var scores: [String: Double] = [:]
        for (id, callers) in calledBy {
            guard let recommendation = recommendations[id] else { continue }
            let weight = callers.reduce(0.0) { $0 + (severity[$1]?.weight ?? 0) }
            scores[id] = (weight * recommendation.impact.factor / recommendation.effort.factor * 100).rounded() / 100
        }

        // Pull in prerequisites not in place, carrying the best score of what needs them.
        var included = Set(scores.keys)
        var requiredBy: [String: Set<String>] = [:]
        var pending = scores.keys.sorted()
        while let id = pending.popLast() {
            for prerequisite in recommendations[id]?.requires ?? [] where recommendations[prerequisite] != nil && !inPlace.contains(prerequisite) {
                requiredBy[prerequisite, default: []].insert(id)
                if included.insert(prerequisite).inserted { pending.append(prerequisite) }
            }
        }
        var changed = true
        while changed {
            changed = false
            for id in included.sorted() where calledBy[id] == nil {
                let best = (requiredBy[id] ?? []).compactMap { scores[$0] }.max() ?? 0
                if scores[id] != best {
                    scores[id] = best
                    changed = true
                }
            }
        }

        func inOrder(_ members: Set<String>, after offset: Int) -> [(id: String, phase: Int)] {
            let phases = Phases(pack: pack, recommendations: recommendations, included: members)
            return members.sorted().map { (id: $0, phase: offset + phases.phase(of: $0)) }
                .sorted { ($0.phase, -(scores[$0.id] ?? 0), $0.id) < ($1.phase, -(scores[$1.id] ?? 0), $1.id) }
        }
        var ordered = inOrder(included, after: 0)
        let byPriority = ordered.sorted { (-(scores[$0.id] ?? 0), $0.phase, $0.id) < (-(scores[$1.id] ?? 0), $1.phase, $1.id) }
        let kept = limit.map { keep(byPriority.map(\.id), limit: $0, calledFor: Set(calledBy.keys), recommendations: recommendations,
                                    included: included) }
        if let kept, kept.count < included.count {
            let first = inOrder(kept, after: 0)
            ordered = first + inOrder(included.subtracting(kept), after: first.map(\.phase).max() ?? 0)
        }
        return ordered.map { entry in
            let recommendation = recommendations[entry.id]!
            return RoadmapItem(recommendation: recommendation, phase: entry.phase, score: scores[entry.id] ?? 0,
                               calledBy: (calledBy[entry.id] ?? []).sorted(), pulledIn: calledBy[entry.id] == nil,
                               requiredBy: (requiredBy[entry.id] ?? []).sorted(),
                               prerequisitesInPlace: recommendation.requires.filter(inPlace.contains),
                               later: kept.map { !$0.contains(entry.id) } ?? false)
        }
    }

    /// The actions kept under a cap of `limit`: each action called for, in priority order, with the
    /// prerequisites it still needs (transitively, in the roadmap), while they all fit.
    private static func keep(_ ordered: [String], limit: Int, calledFor: Set<String>, recommendations: [String: Recommendation],
                             included: Set<String>) -> Set<String> {
        var kept = Set<String>()
        for id in ordered where calledFor.contains(id) && !kept.contains(id) {
            var needed: Set<String> = [id]
            var pending = [id]
            while let next = pending.popLast() {
                for prerequisite in recommendations[next]?.requires ?? [] where included.contains(prerequisite) && !kept.contains(prerequisite) {
                    if needed.insert(prerequisite).inserted { pending.append(prerequisite) }
                }
            }
            if kept.count + needed.count <= limit { kept.formUnion(needed) }
        }
        return kept
    }

    /// The phase of each recommendation of a roadmap: 1 plus the latest phase of its prerequisites
    /// in the roadmap and of the roadmap's recommendations of earlier stages.
    private final class Phases {
        let recommendations: [String: Recommendation]
        let included: Set<String>
        /// Each stage's position in the method.
        let stageIndex: [String: Int]
        /// The roadmap's recommendations of each stage.
        let members: [Int: [String]]
        var phases: [String: Int] = [:]
        /// For each stage, the latest phase of the recommendations of the stages before it,
        /// computed once, stage by stage.
        var floors: [Int] = []
        var inProgress: Set<String> = []

        init(pack: RulePack, recommendations: [String: Recommendation], included: Set<String>) {
            self.recommendations = recommendations
            self.included = included
            let stageIndex = pack.stages.positions(by: { $0.id })
            self.stageIndex = stageIndex
            var members: [Int: [String]] = [:]
            for id in included.sorted() {
                if let stage = recommendations[id]?.stage.flatMap({ stageIndex[$0] }) { members[stage, default: []].append(id) }
            }
            self.members = members
            // Stage by stage, so that each floor only needs the phases of earlier stages' members
            // (prerequisites are in the same or an earlier stage: the loader refuses the others).
            floors = [0]
            for stage in pack.stages.indices.dropFirst() {
                floors.append(max(floors[stage - 1], (members[stage - 1] ?? []).map(phase(of:)).max() ?? 0))
            }
        }

        func phase(of id: String) -> Int {
            if let known = phases[id] { return known }
            // The loader refuses cycles in `requires` and requirements of a later stage; a pack
            // built in code may hold them, and then they simply do not count.
            guard inProgress.insert(id).inserted else { return 0 }
            var latest = recommendations[id]?.stage.flatMap { stageIndex[$0] }.map { $0 < floors.count ? floors[$0] : 0 } ?? 0
            for prerequisite in recommendations[id]?.requires ?? [] where included.contains(prerequisite) {
                latest = max(latest, phase(of: prerequisite))
            }
            inProgress.remove(id)
            phases[id] = latest + 1
            return latest + 1
        }
    }
}
