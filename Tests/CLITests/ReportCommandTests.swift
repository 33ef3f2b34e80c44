import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct ReportCommandTests {
    @Test(arguments: [
        ("cci-val-de-loire-sud", "text", "fr", "report-cci-fr.txt"),
        ("caf-marne-et-loir", "text", "en", "report-caf-en.txt"),
        ("cci-val-de-loire-sud", "markdown", "en", "report-cci-en.md"),
        ("metropole-rivebelle", "markdown", "fr", "report-metropole-fr.md"),
        ("caf-marne-et-loir", "json", "fr", "report-caf-fr.json"),
        ("cci-premier-entretien", "json", "en", "report-empty-en.json"),
        ("cci-val-de-loire-sud", "html", "fr", "report-cci-fr.html"),
    ])
    func reportMatchesGolden(profile: String, format: String, language: String, golden: String) throws {
        let outcome = try CLIRunner.run(["report", "fixtures/profiles/\(profile).yaml", "--format", format, "--lang", language])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.isEmpty)
        try CLIRunner.assertGolden(outcome.stdout, golden)
    }

    @Test func sameInputsGiveTheSameBytes() throws {
        let first = try CLIRunner.run(["report", "fixtures/profiles/metropole-rivebelle.yaml", "--format", "json"])
        let second = try CLIRunner.run(["report", "fixtures/profiles/metropole-rivebelle.yaml", "--format", "json"])
        #expect(first.stdout == second.stdout)
    }

    @Test func failOnReturnsOneWhenASevereDiagnosticFires() throws {
        let failing = try CLIRunner.run(["report", "fixtures/profiles/cci-val-de-loire-sud.yaml", "--fail-on", "critical"])
        #expect(failing.status == 1)
        #expect(!failing.stdout.isEmpty)
        let passing = try CLIRunner.run(["report", "fixtures/profiles/cma-haut-val.yaml", "--fail-on", "low"])
        #expect(passing.status == 0)
    }

    @Test func setOverridesAParameter() throws {
        let base = try CLIRunner.run(["report", "fixtures/profiles/caf-marne-et-loir.yaml", "--format", "json"])
        let overridden = try CLIRunner.run(["report", "fixtures/profiles/caf-marne-et-loir.yaml", "--format", "json",
                                            "--set", "min_call_handled_rate=70"])
        #expect(base.stdout.contains("\"id\": \"low_call_handling\""))
        #expect(!overridden.stdout.contains("\"id\": \"low_call_handling\""))
        let unknown = try CLIRunner.run(["report", "fixtures/profiles/caf-marne-et-loir.yaml", "--set", "min_call_handled_rat=70"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown parameter 'min_call_handled_rat'; did you mean 'min_call_handled_rate'?"))
    }

    @Test func outputFileIsWrittenAndBadInputLeavesNone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgdiag-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("report.html").path
        let written = try CLIRunner.run(["report", "fixtures/profiles/cma-haut-val.yaml", "--format", "html", "-o", target])
        #expect(written.status == 0)
        #expect(written.stdout.isEmpty)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let other = folder.appendingPathComponent("never.html").path
        let refused = try CLIRunner.run(["report", "Package.swift", "--format", "html", "-o", other])
        #expect(refused.status == 2)
        #expect(!FileManager.default.fileExists(atPath: other))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.html"])
    }

    @Test func versionAndHelp() throws {
        #expect(try CLIRunner.run(["--version"]).stdout == "0.1.0\n")
        let help = try CLIRunner.run(["report", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--fail-on"))
        let usage = try CLIRunner.run(["report", "fixtures/profiles/cma-haut-val.yaml", "--format", "pdf"])
        #expect(usage.status == 64)
    }
}
