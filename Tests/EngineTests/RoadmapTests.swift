import Testing
import RuleModel
@testable import Engine

@Suite struct RoadmapTests {
    private let recommendations = [
        Recommendation(id: "gov_sponsor", kind: .governance, impact: .high, effort: .low),
        Recommendation(id: "org_review", kind: .organisation, requires: ["gov_sponsor"], impact: .high, effort: .high),
        Recommendation(id: "trn_managers", kind: .training, requires: ["gov_sponsor"], impact: .medium, effort: .medium),
        Recommendation(id: "trn_front", kind: .training, requires: ["trn_managers"], impact: .high, effort: .medium),
    ]

    private func evaluation(_ facts: [String: Value]) throws -> Evaluation {
        let pack = PackBuilder.pack(diagnostics: [
            PackBuilder.diagnostic("vertical", "a > 5", severity: .high, recommend: ["org_review", "trn_managers"]),
            PackBuilder.diagnostic("service", "f == false", severity: .critical, recommend: ["trn_front"]),
        ], recommendations: recommendations)
        return try Engine(pack: pack).evaluate(Profile(name: "p", facts: facts))
    }

    @Test func phasesRespectPrerequisitesAndPullThemIn() throws {
        let roadmap = try evaluation(["a": .number(9), "f": .bool(false)]).roadmap
        #expect(roadmap.map(\.recommendation.id) == ["gov_sponsor", "org_review", "trn_managers", "trn_front"])  // ties by id
        #expect(roadmap.map(\.phase) == [1, 2, 2, 3])
        let sponsor = try #require(roadmap.first)
        #expect(sponsor.pulledIn)
        #expect(sponsor.requiredBy == ["org_review", "trn_managers"])
        // Scores: trn_managers = 4 * 2 / 2 = 4, org_review = 4 * 3 / 3 = 4, trn_front = 8 * 3 / 2 = 12.
        #expect(roadmap.map(\.score) == [4, 4, 4, 12])
        #expect(roadmap[3].calledBy == ["service"])
    }

    @Test func everyRecommendationTracesBackToAFiredDiagnostic() throws {
        for facts: [String: Value] in [[:], ["a": .number(9)], ["f": .bool(false)], ["a": .number(9), "f": .bool(false)]] {
            let evaluation = try evaluation(facts)
            let fired = Set(evaluation.outcomes(.fired).map(\.rule.id))
            var traced = Set<String>()
            for item in evaluation.roadmap where !item.pulledIn {
                #expect(!item.calledBy.isEmpty && item.calledBy.allSatisfy(fired.contains))
                traced.insert(item.recommendation.id)
            }
            var changed = true
            while changed {
                changed = false
                for item in evaluation.roadmap where item.pulledIn && !traced.contains(item.recommendation.id)
                    && item.requiredBy.contains(where: traced.contains) {
                    traced.insert(item.recommendation.id)
                    changed = true
                }
            }
            #expect(traced.count == evaluation.roadmap.count)
        }
    }

    @Test func nothingFiredMeansNoRoadmap() throws {
        #expect(try evaluation(["a": .number(1), "f": .bool(true)]).roadmap.isEmpty)
    }
}
