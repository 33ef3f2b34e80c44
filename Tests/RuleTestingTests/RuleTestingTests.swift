import Diagnostics
import Engine
import Foundation
import RuleLoader
import RuleModel
import RuleTesting
import Testing
import TestSupport

/// Rule-test files: their format, their diagnostics (with where they point) and the runner.
@Suite struct RuleTestingTests {
    static let root = Repository.root

    private func pack() throws -> RulePack {
        let files = try PackDirectory.read(Self.root.appendingPathComponent("fixtures/packs/sample").path).get()
        let result = PackLoader.load(files: files)
        guard let pack = result.pack else { throw result.diagnostics }
        return pack
    }

    /// Writes a test file into the fixtures' folder of the sample pack's profile and loads it.
    private func load(_ text: String) throws -> (cases: [RuleTestCase], problems: [String]) {
        let path = Self.root.appendingPathComponent("fixtures/packs/inline.tests.yaml").path
        let loaded = RuleTestFileLoader.load(SourceFile(path: path, text: text), pack: try pack())
        // A case's own problems (unknown expectations or ids) travel with the case.
        let all = loaded.problems.sorted + loaded.cases.flatMap(\.problems)
        return (loaded.cases, all.sorted().map { "\($0.location.map { "\($0.range.start)" } ?? "-") \($0.code) \($0.message)" })
    }

    /// A profile a test file names that is a named pipe is not opened (reading it would wait for
    /// a writer for ever), nor one that does not exist: each is a problem at its path.
    @Test func aProfileThatIsAPipeIsNotRead() throws {
        let folder = try Repository.temporaryFolder("test-pipe")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(mkfifo(folder.appendingPathComponent("pipe.yaml").path, 0o600) == 0)
        let text = "tests:\n  - {name: a pipe, profile: pipe.yaml, expect: {fired: []}}\n  - {name: none, profile: gone.yaml, expect: {fired: []}}\n"
        let loaded = RuleTestFileLoader.load(SourceFile(path: folder.appendingPathComponent("x.tests.yaml").path, text: text), pack: try pack())
        let problems = (loaded.problems.sorted + loaded.cases.flatMap(\.problems)).map { "\($0.location.map { "\($0.range.start)" } ?? "-") \($0.message)" }
        #expect(problems.sorted() == ["2:29 cannot read the profile 'pipe.yaml'", "3:27 cannot read the profile 'gone.yaml'"])
    }

    @Test func runsAPassingAndAFailingCase() throws {
        let (cases, problems) = try load("""
            tests:
              - name: passes
                profile: sample-caf.yaml
                expect:
                  fired: [excessive_verticality, no_single_entry_point]
                  unknown: [low_satisfaction]
                  roadmap_starts_with: [gov_executive_sponsorship]
              - name: fails
                profile:
                  organisation: {name: Inline, kind: metropole}
                  facts: {hierarchy_levels: 6}
                expect:
                  fired: [excessive_verticality]
                  not_fired: [low_satisfaction]
            """)
        #expect(problems == [])
        let report = RuleTestRunner(engine: try Engine(pack: try pack())).run(cases)
        #expect(report.results.map(\.status) == [.pass, .fail])
        #expect(report.results[1].failures == [
            // A FAIL says why: the condition with the profile's values.
            """
            expected 'excessive_verticality' fired, got unknown
                  ? any of
                    ✗ hierarchy_levels (6) > max_levels (6)
                    ? all of
                      ? span_of_control (?) < min_span (4)
                      ? decision_delegation (?) == 'none'
            """,
            "expected 'low_satisfaction' not fired, got not applicable (it applies to caf)",
        ])
        #expect(report.neverNotFired == ["excessive_verticality", "no_single_entry_point"])
        #expect(!report.succeeded)
    }

    /// Phases, scores and `because` sentences (as the report in the pack's language prints them) are
    /// asserted; each wrong one fails with what came out.
    @Test func phasesScoresAndBecauseSentencesAreAsserted() throws {
        let (cases, problems) = try load("""
            tests:
              - name: holds
                profile: sample-caf.yaml
                expect:
                  phases: {gov_executive_sponsorship: 1, trn_front_line_reception: 3}
                  scores: {gov_executive_sponsorship: 12, org_spans_layers_review: 4}
                  because: {excessive_verticality: "8 niveaux"}
                  because_is: {no_single_entry_point: "les usagers n'ont pas de point d'entrée unique"}
              - name: does not hold
                profile: sample-caf.yaml
                expect:
                  phases: {gov_executive_sponsorship: 2}
                  scores: {org_spans_layers_review: 4.5}
                  because: {excessive_verticality: "9 niveaux"}
                  because_is: {no_single_entry_point: "les usagers"}
            """)
        #expect(problems == [])
        let report = RuleTestRunner(engine: try Engine(pack: try pack())).run(cases)
        #expect(report.results.map(\.status) == [.pass, .fail])
        #expect(report.results[1].failures == [
            "expected 'gov_executive_sponsorship' at phase 2, got phase 1",
            "expected 'org_spans_layers_review' at score 4.5, got score 4",
            "expected the 'because' of 'excessive_verticality' to contain “9 niveaux”, got “8 niveaux pour un maximum de 5”",
            "expected the 'because' of 'no_single_entry_point' to be “les usagers”, got “les usagers n'ont pas de point d'entrée unique”",
        ])
    }

    @Test func mappingExpectationsPointAtTheirMistakes() throws {
        let (_, problems) = try load("""
            tests:
              - name: mistakes
                profile: sample-caf.yaml
                expect:
                  phases: {gov_executive_sponsorshp: 1, gov_service_charter: 0}
                  scores: [gov_service_charter]
                  because: {excessive_verticality: [a]}
            """)
        #expect(problems == [
            "5:16 test.unknown-recommendation unknown recommendation 'gov_executive_sponsorshp'; did you mean 'gov_executive_sponsorship'?",
            "5:66 yaml.type-mismatch a phase is a whole number from 1 to 10000",
            "6:15 yaml.type-mismatch 'scores' expects a mapping of recommendation to value: {gov_sponsorship: 90}",
            "7:40 yaml.type-mismatch 'because' expects a text for each diagnostic",
        ])
    }

    @Test func filterSelectsCasesByName() throws {
        let (cases, _) = try load("tests:\n  - {name: alpha case, profile: sample-caf.yaml, expect: {fired: []}}\n  - {name: beta, profile: sample-caf.yaml, expect: {fired: []}}\n")
        let report = RuleTestRunner(engine: try Engine(pack: try pack())).run(cases, filter: "ALPHA")
        #expect(report.results.map(\.testCase.name) == ["alpha case"])
        #expect(RuleTestRunner(engine: try Engine(pack: try pack())).run(cases, filter: "").results.count == cases.count)
    }

    @Test func everyTestFileCodePointsAtItsPlace() throws {
        let (_, problems) = try load("""
            tests:
              - name: bad ids
                profile: sample-caf.yaml
                expect:
                  fired: [excesive_verticality]
                  roadmap_starts_with: [gov_sponsorship]
                  strengths: [listening_habit]
                  asks: [hierarchy_level]
                  maturity: {structur: 2}
                  unexpected: []
              - name: escapes
                profile: ../../Package.swift
                expect: {fired: []}
              - name: no expectation
                profile: sample-caf.yaml
              - {name: no profile, expect: {fired: []}}
            other: 1
            """)
        #expect(problems == [
            "5:15 test.unknown-diagnostic unknown diagnostic 'excesive_verticality'; did you mean 'excessive_verticality'?",
            "6:29 test.unknown-recommendation unknown recommendation 'gov_sponsorship'",
            "7:19 test.unknown-strength unknown strength 'listening_habit'",
            "8:14 test.unknown-fact unknown fact 'hierarchy_level'; did you mean 'hierarchy_levels'?",
            "9:18 test.unknown-dimension unknown dimension 'structur'; did you mean 'structure'?",
            "10:7 test.unknown-key unknown expectation 'unexpected'",
            "12:14 test.profile-path profile path '../../Package.swift' leads outside the test file's folder; refused",
            "14:5 test.missing-key a test case lacks its 'expect' mapping",
            "16:5 test.missing-key a test case lacks its 'profile'",
            "17:1 test.unknown-key unknown key 'other' in a test file; expected 'tests'",
        ])
    }

    @Test(arguments: [
        "expect: {fired: [no_such_diagnostic]}",
        "expect: {firde: [excessive_verticality]}",
        "expect: {}",
        "expect: {roadmap_starts_with: [no_such_action]}",
        "expect: {roadmap: [no_such_action]}",
        "expect: {in_place: [no_such_action]}",
        "expect: {strengths: [no_such_strength]}",
        "expect: {superseded: [no_such_diagnostic]}",
    ])
    func aCaseWithAnErrorIsNeverAPass(_ expectation: String) throws {
        let (cases, _) = try load("tests:\n  - {name: broken, profile: sample-caf.yaml, \(expectation)}\n")
        let report = RuleTestRunner(engine: try Engine(pack: try pack())).run(cases)
        #expect(report.results.map(\.status) == [.error])
        #expect(report.passed == 0 && report.errors == 1 && !report.succeeded)
        #expect(report.results.first?.failures.first?.contains("inline.tests.yaml:2:") == true)
    }
}
