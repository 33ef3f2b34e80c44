import Foundation
import Testing
import TestSupport

/// The situations of the issue "Rule language 2", written as a small pack and one rule-test case
/// each (fixtures/packs/situations): each must pass through `orgdiag test`, as a user runs it.
@Suite struct SituationTests {
    @Test(arguments: [
        "a sponsor in place is not recommended again",
        "activity costing in place is not pulled in as a prerequisite",
        "a second assessment after the reviews were done does not ask for them again",
        "the order follows the method even without requires",
        "one figure gives one finding",
        "the engagement score is not asked without a survey",
        "the engagement score is asked once a survey was run",
        "a level name never claims experiments the profile denies",
        "a level that needs a fact never asked is not assessed",
        "two experiments in two years are not a routine",
        "dates compare as dates",
        "a date a year and a day back is not recent",
        "a diagnostic for other kinds is not applicable",
        "a fact that no single answer can decide is not asked",
        "once one share is known the other decides",
    ])
    func theLanguageSaysWhatTheConsultantMeant(_ situation: String) throws {
        let outcome = try CLIRunner.run(["test", "--rules", "fixtures/packs/situations", "--filter", situation])
        #expect(outcome.stdout.contains("PASS \(situation) ("), "\(outcome.stdout)")
        #expect(outcome.stdout.hasSuffix("1 passed, 0 failed, 0 errors\n"))
        #expect(outcome.status == 0)
    }
}

/// `orgdiag explain` explains the new constructs: an action in place, a strength, a superseded
/// finding, a stage.
@Suite struct ExplainMethodTests {
    private func explain(_ id: String, facts: String) throws -> CLIRunner.Outcome {
        let folder = try Repository.temporaryFolder("explain")
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = folder.appendingPathComponent("p.yaml")
        try Data("organisation: {name: CAF du Nord, kind: caf}\nfacts: {\(facts)}\n".utf8).write(to: profile)
        return try CLIRunner.run(["explain", profile.path, id, "--rules", "fixtures/packs/situations"])
    }

    @Test func anActionInPlaceSaysWhyAndWhatBuildsOnIt() throws {
        let outcome = try explain("sponsorship", facts: "named_sponsor: true, sponsor_visible_6m: true, uniform_cuts: true, years_since_portfolio_review: 9")
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("stage: framing (Framing and sponsorship)"))
        #expect(outcome.stdout.contains("in place: yes, its in_place_when holds"))
        #expect(outcome.stdout.contains("✓ named_sponsor (true)"))
        #expect(outcome.stdout.contains("the roadmap builds on it: portfolio_review"))
        let undecided = try explain("sponsorship", facts: "uniform_cuts: true")
        #expect(undecided.stdout.contains("in place: undecided (the profile does not say); recommended as if not"))
        #expect(undecided.stdout.contains("in the roadmap: phase 1"))
    }

    @Test func aStrengthAndASupersededFinding() throws {
        let strength = try explain("sponsor_engaged", facts: "named_sponsor: true, sponsor_visible_6m: false")
        #expect(strength.stdout.contains("outcome: does not hold"))
        #expect(strength.stdout.contains("✗ sponsor_visible_6m (false)"))
        let superseded = try explain("calls_unanswered", facts: "call_handled_rate: 61")
        #expect(superseded.stdout.contains("superseded by: phone_unreachable (fired too)"))
    }

    @Test func anActionAfterEarlierStagesSaysWhichCameFirst() throws {
        let outcome = try explain("territorial_knowledge", facts: "named_sponsor: false, agent_ideas_channel: false")
        #expect(outcome.stdout.contains("after the actions of earlier stages: sponsorship, codev_groups"))
    }

    @Test func aMaturityLevelShowsTheClimbAndWhatStopsIt() throws {
        let reached = try explain("experimentation", facts: "experiments_24m: 2, users_involved_last_design: true, improvement_plan: true, experiments_evaluated: true")
        #expect(reached.stdout.contains("level: 4 of 5, Experiments evaluated and scaled"))
        #expect(reached.stdout.contains("level 5: Experimenting has become routine — not reached"))
        #expect(reached.stdout.contains("✗ experiments_24m (2) >= routine_experiments (4)"))
        let undecided = try explain("governance", facts: "quality_owner: true, service_commitments_published: true, kpis_with_target_share: 80, results_published_12m: true")
        #expect(undecided.stdout.contains("level: not assessed, at least 4; to decide it: peer_benchmarking"))
        #expect(undecided.stdout.contains("level 5: Integrated steering benchmarked with peers — undecided"))
    }
}

/// `--set` refuses what the pack's own checks refuse: a cap that is not a whole number from 1, a
/// trainer-day's price out of bounds, a phase length that is not 1 to 36 whole months, a date
/// parameter given something else than a date.
@Suite struct ParameterOverrideTests {
    @Test(arguments: [
        ("max_roadmap_actions=2.5", "caps the roadmap: a whole number of actions from 1, not 2.5"),
        ("max_roadmap_actions=0", "caps the roadmap: a whole number of actions from 1, not 0"),
        ("trainer_day_rate=1e308", "prices a trainer-day: a number from 0 to 10000000"),
        ("phase_months=40", "is the length of a roadmap phase: a whole number of months from 1 to 36, not 40"),
        ("phase_months=1.5", "is the length of a roadmap phase: a whole number of months from 1 to 36, not 1.5"),
    ])
    func aValueTheRoleRefusesIsAUsageError(_ setting: String, _ message: String) throws {
        let outcome = try CLIRunner.run(["report", "fixtures/profiles/caf-marne-et-loir.yaml", "--set", setting])
        #expect(outcome.status == 64)  // EX_USAGE, as every other command-line mistake
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }
}

/// `orgdiag report` on several profiles reports every good one when another cannot be read.
@Suite struct SeveralProfilesTests {
    @Test func aBadProfileDoesNotHideTheGoodOnes() throws {
        let folder = try Repository.temporaryFolder("several")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.yaml")
        try Data("organisation: {name: X}\nfacts: {staff_count: many}\n".utf8).write(to: bad)
        let outcome = try CLIRunner.run(["report", "fixtures/profiles/caf-marne-et-loir.yaml", bad.path, "--lang", "en"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.contains("Diagnostic report — CAF de Marne-et-Loir"))
        #expect(outcome.stderr.contains("bad.yaml:2:"))
    }
}
