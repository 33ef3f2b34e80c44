import Foundation
import Testing
import TestSupport

/// `orgdiag test` never reports success for what it did not check.
@Suite struct TestCommandTests {
    @Test func aFilterMatchingNothingFails() throws {
        let outcome = try CLIRunner.run(["test", "fixtures/profiles", "--filter", "no case is named like this"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("no test case's name contains 'no case is named like this'"))
    }

    @Test func aCaseWithAnUnknownIdIsAnErrorNotAPass() throws {
        let folder = try Repository.temporaryFolder("tests")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Repository.url("fixtures/profiles/caf-marne-et-loir.yaml"),
                                         to: folder.appendingPathComponent("caf.yaml"))
        try Data("tests:\n  - {name: typo, profile: caf.yaml, expect: {fired: [no_such_diagnostic]}}\n".utf8)
            .write(to: folder.appendingPathComponent("caf.tests.yaml"))
        let outcome = try CLIRunner.run(["test", folder.path, "--filter", "typo"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("ERROR typo"))
        #expect(!outcome.stdout.contains("PASS typo"))
        #expect(outcome.stdout.contains("0 passed, 0 failed, 1 errors"))
    }
}

/// `orgdiag test --coverage`: which leaves of the pack's conditions the cases exercised.
@Suite struct TestCoverageTests {
    @Test func jsonCoverageHoldsEveryLeafAndTheResultsGoToStandardError() throws {
        let outcome = try CLIRunner.run(["test", "fixtures/profiles", "--coverage", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("PASS ") && outcome.stderr.contains(" passed, 0 failed, 0 errors"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "orgdiag.coverage/1")
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.count == json["leaves"] as? Int && items.count > 100)
        #expect(items.filter { $0["covered"] as? Bool == true }.count == json["covered"] as? Int)
        let kinds = Set(items.compactMap { ($0["owner"] as? [String: Any])?["kind"] as? String })
        #expect(kinds == ["diagnostic", "indicator", "strength", "criterion"])
        #expect(items.allSatisfy { ($0["location"] as? String)?.contains("rules/") == true })
    }

    @Test func textCoverageFollowsTheResults() throws {
        let outcome = try CLIRunner.run(["test", "fixtures/profiles", "--coverage", "text"])
        #expect(outcome.status == 0)
        let lines = outcome.stdout.components(separatedBy: "\n")
        let summary = try #require(lines.firstIndex { $0.hasPrefix("coverage: ") })
        #expect(lines[summary - 1].hasSuffix(" passed, 0 failed, 0 errors"))
        #expect(lines[summary].contains(" leaves covered (") && lines[summary].contains(" cases"))
        // "not covered:" lists the leaves left, and appears only when some are.
        let counts = lines[summary].split(separator: " ").compactMap { Int($0) }
        #expect(counts.count >= 2)
        #expect(lines.contains("not covered:") == (counts[0] < counts[1]))
    }
}

/// `orgdiag explain --example DIAGNOSTIC:N`: an example's profile explained inline.
@Suite struct ExplainExampleTests {
    @Test func theNthExampleIsExplained() throws {
        let outcome = try CLIRunner.run(["explain", "--example", "no_named_sponsor:2", "--lang", "en"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("no_named_sponsor: does not fire #1 ("))
        #expect(outcome.stdout.contains("✗ not") && outcome.stdout.contains("✓ named_sponsor (true)"))
        let fact = try CLIRunner.run(["explain", "--example", "no_named_sponsor:1", "named_sponsor", "--lang", "en"])
        #expect(fact.status == 0 && fact.stdout.contains("named_sponsor"))
    }

    @Test(arguments: [(["no_named_sponsor:9"], "'no_named_sponsor' has 3 examples; no example 9"),
                      (["no_named_sponsr:1"], "no diagnostic 'no_named_sponsr'; did you mean 'no_named_sponsor'?"),
                      (["no_named_sponsor"], "--example expects DIAGNOSTIC:N, N from 1 (got 'no_named_sponsor')"),
                      (["no_named_sponsor:1", "a", "b"], "with --example, give the id alone")])
    func aWrongExampleIsAUsageError(_ arguments: [String], _ message: String) throws {
        let outcome = try CLIRunner.run(["explain", "--example"] + arguments)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }
}

/// `orgdiag lint` runs everything that needs no profile, the pack's own examples included.
@Suite struct LintExamplesTests {
    @Test func anExampleThatContradictsItsConditionIsALintError() throws {
        let folder = try Repository.temporaryFolder("lint")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = folder.appendingPathComponent("pack")
        try FileManager.default.copyItem(at: Repository.url("fixtures/packs/sample"), to: pack)
        let file = pack.appendingPathComponent("diagnostics.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "fires: [{satisfaction_rate: 60}]", with: "fires: [{satisfaction_rate: 95}]")
        try Data(text.utf8).write(to: file)
        let outcome = try CLIRunner.run(["lint", "--rules", pack.path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("diagnostics.yaml:39:15: error[pack.example-fails]: the example 'low_satisfaction: fires #1' does not hold: expected 'low_satisfaction' fired, got not fired"))
    }
}

/// `orgdiag explain` explains facts and parameters too.
@Suite struct ExplainFactsAndParametersTests {
    @Test func aParameterSaysWhichValueAppliedAndWhy() throws {
        let byKind = try CLIRunner.run(["explain", "fixtures/profiles/caf-marne-et-loir.yaml", "min_call_handled_rate", "--lang", "en"])
        #expect(byKind.status == 0)
        #expect(byKind.stdout.contains("value: 90, the pack's value for 'caf' (by_kind); 85 otherwise"))
        #expect(byKind.stdout.contains("read by:"))
        let set = try CLIRunner.run(["explain", "fixtures/profiles/caf-marne-et-loir.yaml", "min_call_handled_rate", "--lang", "en",
                                     "--set", "min_call_handled_rate=80"])
        #expect(set.stdout.contains("value: 80, set on the command line (--set); the pack says 90"))
    }

    @Test func aFactShowsItsValueItsSourceAndItsReaders() throws {
        let outcome = try CLIRunner.run(["explain", "fixtures/profiles/caf-marne-et-loir.yaml", "reorganisations_5y", "--lang", "en"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("type: integer, range 0 to 20"))
        #expect(outcome.stdout.contains("value: 4"))
        #expect(outcome.stdout.contains("diagnostics: change_fatigue (fired)"))
        let unknown = try CLIRunner.run(["explain", "fixtures/profiles/cci-premier-entretien.yaml", "reorganisations_5y", "--lang", "en"])
        #expect(unknown.stdout.contains("value: unknown (the profile does not give it)"))
    }
}

/// The default pack asks the engagement score only where a survey was run: when nothing is said
/// about a survey, the survey is asked first.
@Suite struct RelevantFactsTests {
    private func questions(_ profile: String) throws -> [String] {
        let outcome = try CLIRunner.run(["report", profile, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        return (json?["questions"] as? [[String: Any]])?.compactMap { $0["fact"] as? String } ?? []
    }

    @Test func noSurveyNoEngagementScoreQuestion() throws {
        // engagement_survey_24m: false
        #expect(!(try questions("fixtures/profiles/chambre-agriculture-plaine.yaml")).contains("engagement_score"))
        // nothing said about a survey: whether one was run is asked, and the score waits for the answer
        let firstInterview = try questions("fixtures/profiles/cci-premier-entretien.yaml")
        #expect(firstInterview.contains("engagement_survey_24m") && !firstInterview.contains("engagement_score"))
    }
}
