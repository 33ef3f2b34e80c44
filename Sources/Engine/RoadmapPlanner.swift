import RuleModel

/// Turns fired diagnostics into a roadmap of recommendations in phases.
///
/// - A recommendation's score is the sum of the severity weights (critical 8, high 4, medium 2,
///   low 1) of the fired diagnostics that call for it, times its impact factor (high 3, medium 2,
///   low 1), divided by its effort factor (high 3, medium 2, low 1), rounded to 2 decimals.
/// - A prerequisite (`requires`) that nothing called for is pulled in, marked as such, with the
///   highest score of the recommendations that need it.
/// - A recommendation's phase is 1 plus the latest phase of its prerequisites.
/// - Items are ordered by phase, then score (highest first), then id.
enum RoadmapPlanner {
    static func plan(pack: RulePack, outcomes: [FindingOutcome]) -> [RoadmapItem] {
        var calledBy: [String: [String]] = [:]
        for outcome in outcomes where outcome.status == .fired {
            for id in outcome.rule.recommend { calledBy[id, default: []].append(outcome.rule.id) }
        }
        let severity = Dictionary(outcomes.map { ($0.rule.id, $0.rule.severity) }, uniquingKeysWith: { first, _ in first })
        let recommendations = Dictionary(pack.recommendations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        var scores: [String: Double] = [:]
        for (id, callers) in calledBy {
            guard let recommendation = recommendations[id] else { continue }
            let weight = callers.reduce(0.0) { $0 + (severity[$1]?.weight ?? 0) }
            scores[id] = (weight * recommendation.impact.factor / recommendation.effort.factor * 100).rounded() / 100
        }

        // Pull in prerequisites, carrying the best score of what needs them.
        var included = Set(scores.keys)
        var requiredBy: [String: Set<String>] = [:]
        var pending = scores.keys.sorted()
        while let id = pending.popLast() {
            for prerequisite in recommendations[id]?.requires ?? [] where recommendations[prerequisite] != nil {
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

        var phases: [String: Int] = [:]
        func phase(of id: String, depth: Int = 0) -> Int {
            if let known = phases[id] { return known }
            // The loader refuses cycles in `requires`; the depth bound keeps a pack built in code safe.
            guard depth < included.count else { return 1 }
            let prerequisites = (recommendations[id]?.requires ?? []).filter(included.contains)
            let value = 1 + (prerequisites.map { phase(of: $0, depth: depth + 1) }.max() ?? 0)
            phases[id] = value
            return value
        }
        return included.map { id in
            RoadmapItem(recommendation: recommendations[id]!, phase: phase(of: id), score: scores[id] ?? 0,
                        calledBy: (calledBy[id] ?? []).sorted(), pulledIn: calledBy[id] == nil,
                        requiredBy: (requiredBy[id] ?? []).sorted())
        }.sorted { ($0.phase, -$0.score, $0.recommendation.id) < ($1.phase, -$1.score, $1.recommendation.id) }
    }
}
