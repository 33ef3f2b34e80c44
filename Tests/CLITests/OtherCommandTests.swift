import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct OtherCommandTests {
    @Test func explainADiagnosticAnIndicatorAndARecommendation() throws {
        let diagnostic = try CLIRunner.run(["explain", "fixtures/profiles/cci-val-de-loire-sud.yaml", "excessive_verticality", "--lang", "en"])
        #expect(diagnostic.status == 0)
        try CLIRunner.assertGolden(diagnostic.stdout, "explain-verticality.txt")
        let indicator = try CLIRunner.run(["explain", "fixtures/profiles/cci-val-de-loire-sud.yaml", "span_of_control"])
        #expect(indicator.stdout.contains("span_of_control = (staff_count - manager_count) / manager_count = (420 - 95) / 95 = 3.42"))
        let recommendation = try CLIRunner.run(["explain", "fixtures/profiles/cci-val-de-loire-sud.yaml", "trn_frontline_service_relation", "--lang", "en"])
        #expect(recommendation.stdout.contains("in the roadmap: phase"))
        // In the pack's language by default: the frame of the explanation too, not only the pack's texts.
        let french = try CLIRunner.run(["explain", "fixtures/profiles/cci-val-de-loire-sud.yaml", "excessive_verticality"])
        #expect(french.stdout.contains("résultat\u{a0}: déclenché (gravité élevée)"))
        #expect(french.stdout.contains("calculs\u{a0}:") && french.stdout.contains("ce qui changerait le résultat\u{a0}:"))
        #expect(french.stdout.contains("hierarchy_levels\u{a0}: 8 -> 6 donnerait «\u{a0}non déclenché\u{a0}»"))
        #expect(!french.stdout.contains("outcome:") && !french.stdout.contains("derivations:"))
        let unknown = try CLIRunner.run(["explain", "fixtures/profiles/cci-val-de-loire-sud.yaml", "excesive_verticality"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("did you mean 'excessive_verticality'?"))
    }

    @Test func lintTheDefaultPackAndABrokenOne() throws {
        let clean = try CLIRunner.run(["lint"])
        #expect(clean.status == 0)
        #expect(clean.stdout == "0 errors, 0 warnings\n")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgdiag-pack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("pack: {id: p, version: 1.0.0, languages: [en]}\nfacts:\n  x: {type: integer, label: X}\ndiagnostics:\n  - {id: d, severity: high, title: T, when: y > 1}\n".utf8)
            .write(to: folder.appendingPathComponent("pack.yaml"))
        let broken = try CLIRunner.run(["lint", "--rules", folder.path])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("pack.yaml:5:45: error[pack.unknown-name]: unknown name 'y'\n"))
        let json = try CLIRunner.run(["lint", "--rules", folder.path, "--format", "json"])
        #expect(json.stdout.contains("\"code\": \"pack.unknown-name\""))
        #expect(json.stdout.contains("\"line\": 5, \"column\": 45"))
    }

    @Test func testCommandRunsExamplesAndFixtures() throws {
        let outcome = try CLIRunner.run(["test", "fixtures/profiles"])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.contains("PASS the vertical chamber of the story"))
        #expect(outcome.stdout.hasSuffix("0 failed, 0 errors\n"))
        let filtered = try CLIRunner.run(["test", "fixtures/profiles", "--filter", "well-run"])
        #expect(filtered.stdout == "PASS a well-run chamber of trades fires almost nothing (fixtures/profiles/cma-haut-val.tests.yaml:2:5)\n1 passed, 0 failed, 0 errors\n")
    }

    @Test func defaultPackIsFoundFromAnotherFolderAndFromACopiedBinary() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgdiag-bin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("orgdiag")
        try FileManager.default.copyItem(at: CLIRunner.binary, to: copy)
        let outcome = try CLIRunner.run(["lint"], executable: copy, in: folder)
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "0 errors, 0 warnings\n")
    }

    /// The date a report prints is the UTC day of `SOURCE_DATE_EPOCH`, leap days and centuries included.
    @Test(arguments: [("0", "1970-01-01"), ("-1", "1969-12-31"), ("951782400", "2000-02-29"), ("951868799", "2000-02-29"),
                      ("951868800", "2000-03-01"), ("1709251199", "2024-02-29"), ("4107456000", "2100-02-28"),
                      ("4107542400", "2100-03-01"), ("1795651200", "2026-11-26"), ("253402300799", "9999-12-31")])
    func reportsAreDatedWithTheDayOfTheEpoch(_ epoch: String, _ day: String) throws {
        let outcome = try CLIRunner.run(["report", "fixtures/profiles/caf-marne-et-loir.yaml", "--format", "json"],
                                        environment: ["SOURCE_DATE_EPOCH": epoch])
        #expect(outcome.stdout.contains("\"on\": \"\(day)\""), "\(outcome.stdout.prefix(400))")
    }

    @Test func anInstalledBinaryUsesThePackInstalledBesideIt() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("orgdiag-prefix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("share/orgdiag"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: prefix) }
        try FileManager.default.copyItem(at: CLIRunner.binary, to: prefix.appendingPathComponent("bin/orgdiag"))
        // The sample pack stands in for the installed one, to show which pack is found.
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("fixtures/packs/sample"),
                                         to: prefix.appendingPathComponent("share/orgdiag/rules"))
        let outcome = try CLIRunner.run(["rules", "--lang", "en"], executable: prefix.appendingPathComponent("bin/orgdiag"),
                                        in: FileManager.default.temporaryDirectory)
        #expect(outcome.stdout.hasPrefix("Sample pack — sample 1.0.0\n"))
    }
}
