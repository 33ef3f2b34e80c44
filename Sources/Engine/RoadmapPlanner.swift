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
/// - Items are ordered by phase, then score (highest first), then id; those after the cap are
///   marked "later".
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

        let phases = Phases(pack: pack, recommendations: recommendations, included: included)
        let ordered = included.map { (id: $0, phase: phases.phase(of: $0)) }
            .sorted { ($0.phase, -(scores[$0.id] ?? 0), $0.id) < ($1.phase, -(scores[$1.id] ?? 0), $1.id) }
        return ordered.enumerated().map { position, entry in
            let recommendation = recommendations[entry.id]!
            return RoadmapItem(recommendation: recommendation, phase: entry.phase, score: scores[entry.id] ?? 0,
                               calledBy: (calledBy[entry.id] ?? []).sorted(), pulledIn: calledBy[entry.id] == nil,
                               requiredBy: (requiredBy[entry.id] ?? []).sorted(),
                               prerequisitesInPlace: recommendation.requires.filter(inPlace.contains),
                               later: limit.map { position >= $0 } ?? false)
        }
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
        /// For each stage, the latest phase of the recommendations of the stages before it.
        var floors: [Int: Int] = [:]
        var inProgress: Set<String> = []

        init(pack: RulePack, recommendations: [String: Recommendation], included: Set<String>) {
            self.recommendations = recommendations
            self.included = included
            let stageIndex = Dictionary(pack.stages.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            self.stageIndex = stageIndex
            var members: [Int: [String]] = [:]
            for id in included.sorted() {
                if let stage = recommendations[id]?.stage.flatMap({ stageIndex[$0] }) { members[stage, default: []].append(id) }
            }
            self.members = members
        }

        func phase(of id: String) -> Int {
            if let known = phases[id] { return known }
            // The loader refuses cycles in `requires` and requirements of a later stage; a pack
            // built in code may hold them, and then they simply do not count.
            guard inProgress.insert(id).inserted else { return 0 }
            var latest = recommendations[id]?.stage.flatMap { stageIndex[$0] }.map(floor(before:)) ?? 0
            for prerequisite in recommendations[id]?.requires ?? [] where included.contains(prerequisite) {
                latest = max(latest, phase(of: prerequisite))
            }
            inProgress.remove(id)
            phases[id] = latest + 1
            return latest + 1
        }

        /// The latest phase of the roadmap's recommendations of the stages before `stage`.
        func floor(before stage: Int) -> Int {
            guard stage > 0 else { return 0 }
            if let known = floors[stage] { return known }
            let value = max(floor(before: stage - 1), (members[stage - 1] ?? []).map(phase(of:)).max() ?? 0)
            floors[stage] = value
            return value
        }
    }
}
