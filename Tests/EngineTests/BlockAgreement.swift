import Testing
import RuleModel
@testable import Engine

/// Checks the block evaluator against the one-profile evaluator (itself checked against the
/// reference tree evaluator) on a run of profiles.
enum BlockAgreement {
    /// Records an issue at the first profile whose block decision differs; returns how many
    /// (profile, diagnostic) pairs fired and were left unknown, so that a caller can check that
    /// the run decided something both ways.
    @discardableResult
    static func check(_ engine: Engine, _ profiles: [Profile?], overrides: [String: Value] = [:],
                      sourceLocation: SourceLocation = #_sourceLocation) -> (fired: Int, unknown: Int) {
        let decisions = engine.decide(profiles, overrides: overrides)
        #expect(decisions.count == profiles.count, sourceLocation: sourceLocation)
        var counts = (fired: 0, unknown: 0)
        for (index, profile) in profiles.enumerated() {
            let fired = decisions.fired(index).map(Int.init)
            let unknown = decisions.unknown(index).map(Int.init)
            let expected: (fired: [Int], unknown: [Int]) = profile.map { engine.decide($0, overrides: overrides) } ?? ([], [])
            guard fired == expected.fired, unknown == expected.unknown else {
                let which = "profile \(index) (\(profile?.kind ?? "-"), \(profile?.facts ?? [:]))"
                Issue.record("\(which): block \(fired) | \(unknown), one by one \(expected.fired) | \(expected.unknown)",
                             sourceLocation: sourceLocation)
                return counts
            }
            counts.fired += fired.count
            counts.unknown += unknown.count
        }
        // Read a block at a time, the decisions are the same, in order.
        var visited = 0
        decisions.forEach { index, fired, unknown in
            #expect(index == visited && Array(fired) == decisions.fired(index) && Array(unknown) == decisions.unknown(index),
                    "profile \(index) read a block at a time", sourceLocation: sourceLocation)
            visited += 1
        }
        #expect(visited == profiles.count, sourceLocation: sourceLocation)
        return counts
    }
}
