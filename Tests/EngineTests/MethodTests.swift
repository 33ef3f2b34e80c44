import Testing
import TestSupport
import RuleModel
@testable import Engine

/// The constructs that make a roadmap follow the pack's method: actions already in place, stages,
/// the cap on the number of actions, findings that supersede others, strengths.
@Suite struct MethodTests {
    private static let stages = [Stage(id: "framing"), Stage(id: "governance"), Stage(id: "teams")]

    private static func condition(_ text: String) -> Condition { .expression(PackBuilder.expression(text)) }

    private static func recommendation(_ id: String, stage: String?, requires: [String] = [], inPlace: String? = nil,
                                       impact: Magnitude = .medium) -> Recommendation {
        Recommendation(id: id, kind: .governance, requires: requires, stage: stage, inPlaceWhen: inPlace.map(condition), impact: impact)
    }

    private static func evaluate(_ pack: RulePack, _ facts: [String: Value], kind: String? = nil,
                                 overrides: [String: Value] = [:]) throws -> Evaluation {
        try Engine(pack: pack).evaluate(Profile(name: "p", kind: kind, facts: facts), overrides: overrides)
    }

    @Test func anActionInPlaceIsNeitherRecommendedNorPulledIn() throws {
        var pack = PackBuilder.pack(diagnostics: [
            PackBuilder.diagnostic("no_sponsor", "a < 3", recommend: ["sponsor"]),
            PackBuilder.diagnostic("no_costing", "b < 1", recommend: ["pricing"]),
        ], recommendations: [
            Self.recommendation("sponsor", stage: nil, inPlace: "f"),
            Self.recommendation("costing", stage: nil, inPlace: "c >= 1"),
            Self.recommendation("pricing", stage: nil, requires: ["costing"]),
        ])
        pack.dimensions = []
        // A sponsor in place is not recommended again, though the finding that calls for it fired.
        let inPlace = try Self.evaluate(pack, ["a": .number(1), "f": .bool(true), "b": .number(0), "c": .number(2)])
        #expect(inPlace.outcome(of: "no_sponsor")?.status == .fired)
        #expect(inPlace.roadmap.map(\.recommendation.id) == ["pricing"])
        #expect(inPlace.roadmap[0].prerequisitesInPlace == ["costing"] && inPlace.roadmap[0].phase == 1)
        #expect(inPlace.recommendationsInPlace.map(\.id) == ["costing", "sponsor"])
        // Not in place, or undecided: recommended as before.
        let notInPlace = try Self.evaluate(pack, ["a": .number(1), "f": .bool(false), "b": .number(0)])
        #expect(notInPlace.roadmap.map(\.recommendation.id) == ["costing", "sponsor", "pricing"])
        #expect(notInPlace.inPlaceTests == ["costing": .unknown, "sponsor": .false])
    }

    @Test func anActionNeverComesBeforeAnEarlierStageEvenWithoutRequires() throws {
        let pack = RulePack(
            metadata: .init(id: "t"), facts: [FactDefinition(id: "a", type: .integer)],
            findings: [PackBuilder.diagnostic("d", "a > 1", severity: .critical, dimension: nil, recommend: ["codev", "narrative", "board"])],
            recommendations: [Self.recommendation("codev", stage: "teams", impact: .high),
                              Self.recommendation("board", stage: "governance"),
                              Self.recommendation("narrative", stage: "framing", impact: .low)],
            stages: Self.stages)
        let roadmap = try Self.evaluate(pack, ["a": .number(5)]).roadmap
        // Co-development groups score highest, yet come after the narrative and the board's alignment.
        #expect(roadmap.map(\.recommendation.id) == ["narrative", "board", "codev"])
        #expect(roadmap.map(\.phase) == [1, 2, 3])
    }

    @Test func theCapListsTheRestAsLaterAndKeepsPrerequisitesFirst() throws {
        let pack = PackBuilder.pack(diagnostics: [
            PackBuilder.diagnostic("d", "a > 1", recommend: ["one", "two", "three"]),
        ], recommendations: [
            Self.recommendation("one", stage: nil), Self.recommendation("two", stage: nil, requires: ["one"]),
            Self.recommendation("three", stage: nil, requires: ["two"]),
        ], parameters: [Parameter(id: RulePack.roadmapLimitParameter, value: .number(2), byKind: ["caf": .number(1)])])
        let roadmap = try Self.evaluate(pack, ["a": .number(5)]).roadmap
        #expect(roadmap.map(\.later) == [false, false, true])
        #expect(try Self.evaluate(pack, ["a": .number(5)], kind: "caf").roadmap.map(\.later) == [false, true, true])
        #expect(try Self.evaluate(pack, ["a": .number(5)], overrides: [RulePack.roadmapLimitParameter: .number(3)]).roadmap
            .allSatisfy { !$0.later })
        #expect(RulePack.roadmapLimit(.number(2.5)) == nil && RulePack.roadmapLimit(.number(0)) == nil
            && RulePack.roadmapLimit(.bool(true)) == nil && RulePack.roadmapLimit(.number(1)) == 1)
    }

    @Test func underTheCapAPrerequisiteIsKeptOnlyForAKeptAction() throws {
        let pack = PackBuilder.pack(diagnostics: [
            PackBuilder.diagnostic("d", "a > 1", severity: .critical, recommend: ["needs_prerequisite", "stands_alone"]),
        ], recommendations: [
            Self.recommendation("prerequisite", stage: nil), Self.recommendation("needs_prerequisite", stage: nil, requires: ["prerequisite"], impact: .high),
            Self.recommendation("stands_alone", stage: nil),
        ], parameters: [Parameter(id: RulePack.roadmapLimitParameter, value: .number(1))])
        let roadmap = try Self.evaluate(pack, ["a": .number(5)]).roadmap
        // In roadmap order the prerequisite comes first, but it only serves an action that does not fit.
        #expect(roadmap.map(\.recommendation.id) == ["stands_alone", "prerequisite", "needs_prerequisite"])
        #expect(roadmap.map(\.later) == [false, true, true])
        #expect(roadmap.map(\.phase) == [1, 2, 3])
    }

    /// Under a cap, the action of highest priority is kept, even of a later stage than minor ones.
    @Test func theCapKeepsActionsByPriorityThenOrdersThemByTheMethod() throws {
        let pack = RulePack(
            metadata: .init(id: "t"), facts: [FactDefinition(id: "a", type: .integer)],
            parameters: [Parameter(id: RulePack.roadmapLimitParameter, value: .number(1))],
            findings: [PackBuilder.diagnostic("minor", "a > 1", severity: .low, dimension: nil, recommend: ["framing_note"]),
                       PackBuilder.diagnostic("urgent", "a > 1", severity: .critical, dimension: nil, recommend: ["phone_plan"])],
            recommendations: [Self.recommendation("framing_note", stage: "framing"), Self.recommendation("phone_plan", stage: "governance")],
            stages: Self.stages)
        let roadmap = try Self.evaluate(pack, ["a": .number(5)]).roadmap
        #expect(roadmap.map(\.recommendation.id) == ["phone_plan", "framing_note"])
        #expect(roadmap.map(\.later) == [false, true])
    }

    @Test func oneFigureGivesOneFinding() throws {
        var critical = PackBuilder.diagnostic("line_saturated", "a < 70", severity: .critical, recommend: ["phone_plan"])
        critical.supersedes = ["calls_unanswered"]
        let pack = PackBuilder.pack(diagnostics: [
            critical, PackBuilder.diagnostic("calls_unanswered", "a < 85", severity: .high, recommend: ["phone_plan"]),
            PackBuilder.diagnostic("reads_it", "calls_unanswered", severity: .low),
        ], recommendations: [Self.recommendation("phone_plan", stage: nil, impact: .high)])
        let evaluation = try Self.evaluate(pack, ["a": .number(61)])
        #expect(evaluation.findings.map(\.rule.id) == ["line_saturated", "reads_it"])
        #expect(evaluation.outcome(of: "calls_unanswered")?.supersededBy == ["line_saturated"])
        // Still fired for the conditions that read it; weighs nothing in the roadmap or maturity.
        #expect(evaluation.outcome(of: "reads_it")?.status == .fired)
        #expect(evaluation.roadmap.first?.calledBy == ["line_saturated"] && evaluation.roadmap.first?.score == 12)
        #expect(evaluation.maturity.first { $0.dimension.id == "structure" }?.fired == ["line_saturated", "reads_it"])
        // Above the critical threshold, the high one is shown.
        #expect(try Self.evaluate(pack, ["a": .number(80)]).findings.map(\.rule.id) == ["calls_unanswered", "reads_it"])
    }

    @Test func strengthsHoldAreDeniedOrStayUndecided() throws {
        var pack = PackBuilder.pack()
        pack.strengths = [Strength(id: "listening", condition: Self.condition("f and a >= 3"))]
        #expect(try Self.evaluate(pack, ["f": .bool(true), "a": .number(4)]).strengths.map(\.truth) == [.true])
        #expect(try Self.evaluate(pack, ["f": .bool(false)]).strengths.map(\.truth) == [.false])
        #expect(try Self.evaluate(pack, ["f": .bool(true)]).strengths.map(\.truth) == [.unknown])
    }

    /// Random packs with stages and `requires` that respect them (as the loader demands), random
    /// profiles: no roadmap ever places an action before a prerequisite or an action of an earlier
    /// stage, nor recommends or pulls in an action in place, and the kept actions are closed under
    /// prerequisites.
    @Test(arguments: 0..<40) func noRoadmapRunsAgainstTheMethod(seed: UInt64) throws {
        var g = SeededGenerator(state: seed &* 7919 &+ 11)
        let stageCount = Int.random(in: 1...4, using: &g)
        let stages = (0..<stageCount).map { Stage(id: "s\($0)") }
        var recommendations: [Recommendation] = []
        for index in 0..<Int.random(in: 2...12, using: &g) {
            let stage = Int.random(in: 0..<stageCount, using: &g)
            // Prerequisites among the earlier recommendations of the same or an earlier stage.
            let candidates = recommendations.filter { Int($0.stage!.dropFirst())! <= stage }.map(\.id)
            let requires = candidates.filter { _ in Int.random(in: 0..<3, using: &g) == 0 }
            let inPlace = Int.random(in: 0..<4, using: &g) == 0 ? "a > \(Int.random(in: 0...9, using: &g))" : nil
            recommendations.append(Self.recommendation("r\(index)", stage: "s\(stage)", requires: requires, inPlace: inPlace))
        }
        let findings = (0..<5).map { index in
            PackBuilder.diagnostic("d\(index)", "b > \(index)", severity: RuleSeverity.allCases.randomElement(using: &g)!, dimension: nil,
                                   recommend: recommendations.filter { _ in Int.random(in: 0..<3, using: &g) == 0 }.map(\.id))
        }
        let pack = RulePack(metadata: .init(id: "t"), facts: [FactDefinition(id: "a", type: .number), FactDefinition(id: "b", type: .number)],
                            parameters: [Parameter(id: RulePack.roadmapLimitParameter, value: .number(Double(Int.random(in: 1...8, using: &g))))],
                            findings: findings, recommendations: recommendations, stages: stages)
        let engine = try Engine(pack: pack)
        for _ in 0..<10 {
            let evaluation = engine.evaluate(Profile(name: "p", facts: ["a": .number(Double(Int.random(in: 0...10, using: &g))),
                                                                        "b": .number(Double(Int.random(in: 0...6, using: &g)))]))
            let roadmap = evaluation.roadmap
            let phase = Dictionary(uniqueKeysWithValues: roadmap.map { ($0.recommendation.id, $0.phase) })
            let position = Dictionary(uniqueKeysWithValues: roadmap.enumerated().map { ($1.recommendation.id, $0) })
            let inPlace = Set(evaluation.recommendationsInPlace.map(\.id))
            // The kept actions come first; each prerequisite comes before what needs it.
            #expect(roadmap.map(\.later) == roadmap.map(\.later).sorted { !$0 && $1 })
            for item in roadmap {
                #expect(!inPlace.contains(item.recommendation.id))
                let stage = Int(item.recommendation.stage!.dropFirst())!
                for prerequisite in item.recommendation.requires {
                    if inPlace.contains(prerequisite) { #expect(item.prerequisitesInPlace.contains(prerequisite)); continue }
                    let before = try #require(phase[prerequisite], "prerequisite \(prerequisite) of \(item.recommendation.id) missing")
                    #expect(before < item.phase)
                    if !item.later { #expect(roadmap[position[prerequisite]!].later == false) }
                }
                // Within the kept actions, and within the later ones, no action before an action of an earlier stage.
                for other in roadmap where other.later == item.later && Int(other.recommendation.stage!.dropFirst())! < stage {
                    #expect(other.phase < item.phase, "\(other.recommendation.id) of an earlier stage is not before \(item.recommendation.id)")
                    #expect(position[other.recommendation.id]! < position[item.recommendation.id]!)
                }
            }
        }
    }
}

/// Training plans: participants, groups, trainer-days and cost from each training's size.
@Suite struct TrainingPlanTests {
    private func engine(rate: Double? = 1500) throws -> Engine {
        let sizing = TrainingSizing(participants: PackBuilder.expression("a * b / 100"), groupSize: PackBuilder.expression("12"),
                                    daysPerGroup: PackBuilder.expression("c"))
        var pack = PackBuilder.pack(diagnostics: [PackBuilder.diagnostic("d", "f", recommend: ["managers"])],
                                    recommendations: [Recommendation(id: "managers", kind: .training, training: sizing)],
                                    parameters: rate.map { [Parameter(id: RulePack.trainerDayRateParameter, value: .number($0))] } ?? [])
        pack.dimensions = []
        return try Engine(pack: pack)
    }

    @Test func aTrainingIsSizedFromTheProfile() throws {
        let line = try #require(try engine().evaluate(Profile(name: "p", facts: ["f": .bool(true), "a": .number(100), "b": .number(49.6),
                                                                                  "c": .number(2.5)])).trainingPlan.first)
        // 49.6 people round to 50: 5 groups of 12 (rounded up), 12.5 trainer-days, 18,750.
        #expect(line.participants == 50 && line.groups == 5 && line.trainerDays == 12.5 && line.cost == 18_750)
        #expect(line.missingFacts.isEmpty)
    }

    @Test func anUnknownSizeIsLeftEmptyWithWhatItNeeds() throws {
        let line = try #require(try engine().evaluate(Profile(name: "p", facts: ["f": .bool(true), "a": .number(100)])).trainingPlan.first)
        #expect(line.participants == nil && line.groups == nil && line.trainerDays == nil && line.cost == nil)
        #expect(line.missingFacts == ["b", "c"])
    }

    @Test func withoutADayRateThereIsNoCostAndANegativeAudienceIsNoSize() throws {
        let facts: [String: Value] = ["f": .bool(true), "a": .number(10), "b": .number(100), "c": .number(1)]
        #expect(try engine(rate: nil).evaluate(Profile(name: "p", facts: facts)).trainingPlan.first?.cost == nil)
        var negative = facts
        negative["b"] = .number(-100)
        #expect(try engine().evaluate(Profile(name: "p", facts: negative)).trainingPlan.first?.participants == nil)
        // A cost that overflows is no cost, never infinity in a report.
        var huge = facts
        huge["a"] = .number(1_000_000)
        huge["c"] = .number(1e303)
        let line = try #require(try engine().evaluate(Profile(name: "p", facts: huge)).trainingPlan.first)
        #expect(line.trainerDays != nil && line.cost == nil)
        // Not in the roadmap (the finding does not fire): no line.
        #expect(try engine().evaluate(Profile(name: "p", facts: ["f": .bool(false)])).trainingPlan.isEmpty)
    }
}
