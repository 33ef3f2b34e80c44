import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct PortfolioCommandTests {
    @Test func batchGivesOneRowPerOrganisation() throws {
        let csv = try CLIRunner.run(["batch", "fixtures/profiles", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        try CLIRunner.assertGolden(csv.stdout, "batch.csv")
        // For a program: ids, English headers, commas, whatever the language.
        let raw = try CLIRunner.run(["batch", "fixtures/profiles", "--format", "csv", "--raw", "--lang", "fr"])
        try CLIRunner.assertGolden(raw.stdout, "batch-raw.csv")
        let english = try CLIRunner.run(["batch", "fixtures/profiles/cma-haut-val.yaml", "--format", "csv", "--lang", "en"])
        #expect(english.stdout.hasPrefix("File,Organisation,Kind,Assessment date,Maturity: Leadership and narrative,"))
        #expect(english.stdout.contains(",Chamber of trades and crafts,"))
        let json = try CLIRunner.run(["batch", "fixtures/profiles", "--format", "json"])
        #expect(json.stdout.contains("\"schema\": \"orgdiag.portfolio/1\""))
        let text = try CLIRunner.run(["batch", "fixtures/profiles", "--lang", "en"])
        try CLIRunner.assertGolden(text.stdout, "batch-en.txt")
    }

    /// Folders given through links (a shared portfolio or pack linked into a project) are read,
    /// their files named under the paths given.
    @Test func foldersReachedThroughLinksAreRead() throws {
        let folder = try Repository.temporaryFolder("linked")
        defer { try? FileManager.default.removeItem(at: folder) }
        let profiles = folder.appendingPathComponent("profiles").path
        let pack = folder.appendingPathComponent("pack").path
        try FileManager.default.createSymbolicLink(atPath: profiles, withDestinationPath: Repository.url("fixtures/profiles").path)
        try FileManager.default.createSymbolicLink(atPath: pack, withDestinationPath: Repository.url("rules").path)
        let linked = try CLIRunner.run(["batch", profiles, "--rules", pack, "--format", "csv"])
        #expect(linked.status == 0, "\(linked.stderr)")
        let direct = try CLIRunner.run(["batch", "fixtures/profiles", "--format", "csv"])
        #expect(linked.stdout.contains("\(profiles)/cma-haut-val.yaml;Chambre de métiers"))
        #expect(linked.stdout.replacingOccurrences(of: "\(profiles)/", with: "fixtures/profiles/") == direct.stdout)
    }

    /// Hidden files in a folder of profiles (the `._name.yaml` files macOS leaves on shared
    /// drives, an editor's lock file) are not read as profiles; a folder with none left is a
    /// usage error, said once.
    @Test func hiddenFilesInAFolderAreNotProfiles() throws {
        let folder = try Repository.temporaryFolder("hidden")
        defer { try? FileManager.default.removeItem(at: folder) }
        let profiles = folder.appendingPathComponent("portfolio")
        try FileManager.default.createDirectory(at: profiles.appendingPathComponent(".backup"), withIntermediateDirectories: true)
        let profile = try Data(contentsOf: Repository.url("fixtures/profiles/cma-haut-val.yaml"))
        try profile.write(to: profiles.appendingPathComponent("cma-haut-val.yaml"))
        try profile.write(to: profiles.appendingPathComponent(".backup/cma-haut-val.yaml"))
        try Data([0, 5, 22, 7, 0, 2, 0, 0]).write(to: profiles.appendingPathComponent("._cma-haut-val.yaml"))
        let outcome = try CLIRunner.run(["batch", profiles.path, "--format", "csv", "--raw"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // One row, the profile's: not its hidden copies.
        #expect(outcome.stdout.components(separatedBy: "cma-haut-val.yaml").count == 2)
        #expect(outcome.stdout.contains("\n\(profiles.path)/cma-haut-val.yaml,"))

        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try profile.write(to: empty.appendingPathComponent(".only-hidden.yaml"))
        let none = try CLIRunner.run(["batch", empty.path])
        #expect(none.status == 64)
        #expect(none.stdout.isEmpty)
        // The error once, then the batch command's own usage.
        #expect(none.stderr.hasPrefix("Error: no profile found in \(empty.path)\nUsage: orgdiag batch <path> ..."))
        #expect(none.stderr.components(separatedBy: "no profile found").count == 2)
    }

    @Test func batchReportsABadProfileAndRunsTheOthers() throws {
        let source = try Repository.temporaryFolder("not-yaml").appendingPathComponent("source.swift")
        defer { try? FileManager.default.removeItem(at: source.deletingLastPathComponent()) }
        try Data("// swift-tools-version: 6.0\nimport PackageDescription\n\nlet package = Package(\n    name: \"orgdiag\"\n)\n".utf8).write(to: source)
        let outcome = try CLIRunner.run(["batch", "fixtures/profiles/cma-haut-val.yaml", source.path, "--format", "csv"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("source.swift:4:1: error[yaml.syntax]"))
        #expect(outcome.stdout.contains("fixtures/profiles/cma-haut-val.yaml;Chambre de métiers"))
    }

    /// A stream longer than one window (4 MiB) is read in pieces: rows in document order, a bad
    /// document in a later window reported at its line of the whole file.
    @Test func aLongStreamIsReadInWindows() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgdiag-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("portfolio.yaml").path
        let padding = String(repeating: "# a consultant's long notes on this organisation\n", count: 100)
        var text = ""
        for index in 1...1000 { text += "---\norganisation: {name: Org \(index), kind: caf}\nfacts:\n  staff_count: \(index)\n" + padding }
        text += "---\norganisation: {name: Broken}\nfacts:\n  staff_count: many\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(text.utf8.count > 4_500_000)

        let outcome = try CLIRunner.run(["batch", path, "--format", "csv", "--raw", "-o", folder.appendingPathComponent("rows.csv").path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("\(path):104004:16: error[profile.wrong-type]"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("104004 |   staff_count: many"))
        let rows = try String(contentsOfFile: folder.appendingPathComponent("rows.csv").path, encoding: .utf8)
            .split(separator: "\r\n").dropFirst()
        #expect(rows.count == 1000)
        #expect(rows.prefix(3).map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
                == ["\(path)#1,Org 1", "\(path)#2,Org 2", "\(path)#3,Org 3"])
        #expect(rows.last?.hasPrefix("\(path)#1000,Org 1000,") == true)

        // The JSON portfolio is written a row at a time too, and stays one valid document.
        let json = try CLIRunner.run(["batch", path, "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let organisations = try #require(document["organisations"] as? [[String: Any]])
        #expect(organisations.count == 1000)
        #expect(organisations.first?["name"] as? String == "Org 1")
        #expect(organisations.last?["name"] as? String == "Org 1000")
    }

    /// On one core (`taskset -c 0`) the batch reads, decodes and decides each window in turn, with
    /// no thread to overlap: the same lines as on every core, and the reference answers.
    @Test(.enabled(if: ExternalTool.expected([.taskset]), "\(ExternalTool.missing([.taskset]))"))
    func onOneCoreTheBatchWorksInTurn() throws {
        guard ExternalTool.require([.taskset]) else { return }
        let folder = "fixtures/peer-workload/R50_P2000_S42_K"
        let arguments = ["batch", folder + "/profiles.yaml", folder + "/profiles.yaml", "--rules", folder + "/pack", "--format", "fired"]
        let pinned = try CLIRunner.run(["-c", "0", CLIRunner.binary.path] + arguments, executable: URL(fileURLWithPath: ExternalTool.taskset.path))
        #expect(pinned.status == 0, "\(pinned.stderr)")
        let everyCore = try CLIRunner.run(arguments)
        #expect(pinned.stdout == everyCore.stdout)
        let fired = try Repository.text(folder + "/expected.txt").split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let unknown = try Repository.text(folder + "/expected_unknown.txt").split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let reference = zip(fired, unknown).map { $1.isEmpty ? "\($0)\n" : "\($0) | \($1)\n" }.joined()
        #expect(fired.count == 2_000)
        #expect(pinned.stdout == reference + reference)
    }

    /// The JSON portfolio's summary counts what its rows list, and an empty portfolio is valid.
    @Test func theJSONPortfolioIsConsistent() throws {
        let outcome = try CLIRunner.run(["batch", "fixtures/profiles", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let organisations = try #require(document["organisations"] as? [[String: Any]])
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(organisations.count == 15)
        for diagnostic in diagnostics {
            let id = try #require(diagnostic["id"] as? String)
            let listing = organisations.filter { ($0["fired_diagnostics"] as? [String])?.contains(id) == true }.count
            #expect(diagnostic["fired"] as? Int == listing, "\(id)")
        }
        #expect(diagnostics.contains { ($0["fired"] as? Int ?? 0) > 0 })

        let empty = try CLIRunner.run(["batch", "Package.swift", "--format", "json"])
        #expect(empty.status == 2)
        let emptyDocument = try #require(try JSONSerialization.jsonObject(with: Data(empty.stdout.utf8)) as? [String: Any])
        #expect((emptyDocument["organisations"] as? [Any])?.isEmpty == true)
    }

    @Test func initWritesATemplateThatLoads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgdiag-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("new.yaml").path
        let written = try CLIRunner.run(["init", "--kind", "caf", "--lang", "en", "-o", path])
        #expect(written.status == 0, "\(written.stderr)")
        let template = try String(contentsOfFile: path, encoding: .utf8)
        #expect(template.contains("  kind: caf\n"))
        #expect(template.contains("  # How many hierarchy levels separate the chief executive from a front-line agent?\n  # whole number 1…15 (levels)\n  hierarchy_levels: ~\n"))
        // A word is shown with its label when the label says more than the word.
        #expect(template.contains("budget_threat (the budget threat)"))
        let report = try CLIRunner.run(["report", path, "--format", "json"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("\"fired\": 0"))
        let again = try CLIRunner.run(["init", "-o", path])
        #expect(again.status == 64)
        #expect(again.stderr.contains("already exists"))
        let badKind = try CLIRunner.run(["init", "--kind", "cafe"])
        #expect(badKind.stderr.contains("did you mean 'caf'?"))
    }

    @Test func rulesPrintsTheReference() throws {
        let markdown = try CLIRunner.run(["rules", "--format", "markdown", "--lang", "en"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# Customer culture in public organisations — culture\\_client\\_public 2.0.0\n"))
        #expect(markdown.stdout.contains("- `max_span` = 15 (caf: 25, cpam: 25) — Maximum span of control"))
        #expect(markdown.stdout.contains("### Excessive verticality (excessive\\_verticality)"))
        let text = try CLIRunner.run(["rules"])
        #expect(text.stdout.contains("\nDIAGNOSTICS\n"))
    }

    @Test func diffComparesTwoAssessments() throws {
        let folder = try Repository.temporaryFolder("diff")
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try String(contentsOfFile: CLIRunner.packageRoot.appendingPathComponent("fixtures/profiles/caf-marne-et-loir.yaml").path, encoding: .utf8)
        let after = before.replacingOccurrences(of: "call_handled_rate: 78", with: "call_handled_rate: 93")
            .replacingOccurrences(of: "experiments_24m: 1", with: "experiments_24m: 0")
            .replacingOccurrences(of: "assessed_on: 2026-10-14", with: "assessed_on: 2027-04-02")
        try Data(after.utf8).write(to: folder.appendingPathComponent("after.yaml"))
        let outcome = try CLIRunner.run(["diff", "fixtures/profiles/caf-marne-et-loir.yaml", folder.appendingPathComponent("after.yaml").path,
                                         "--lang", "en", "--format", "markdown"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        try CLIRunner.assertGolden(outcome.stdout, "diff-caf-en.md")
    }

    @Test func diffRefusesTwoOrganisationsOrReversedDatesUnlessForced() throws {
        let story = "fixtures/profiles/cci-val-de-loire-sud.yaml", later = "fixtures/profiles/cci-val-de-loire-sud-2027.yaml"
        let other = try CLIRunner.run(["diff", story, "fixtures/profiles/caf-marne-et-loir.yaml", "--lang", "en"])
        #expect(other.status == 64)
        #expect(other.stderr.contains("'CCI Val-de-Loire Sud' and 'CAF de Marne-et-Loir' are not the same organisation (cci and caf); add --force"))
        let reversed = try CLIRunner.run(["diff", later, story])
        #expect(reversed.status == 64)
        #expect(reversed.stderr.contains("the first profile was assessed on 2027-09-21, after the second (2026-09-22): give the earlier one first"))
        #expect(try CLIRunner.run(["diff", later, story, "--force"]).status == 0)
    }

    @Test func diffNamesTransitionsAndCountsActionsNowInPlaceAsProgress() throws {
        let folder = try Repository.temporaryFolder("diff")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Before: whether a sponsor is named is not known; after, it is known that none is.
        let story = try String(contentsOfFile: CLIRunner.packageRoot.appendingPathComponent("fixtures/profiles/cci-val-de-loire-sud.yaml").path,
                               encoding: .utf8)
        let before = folder.appendingPathComponent("before.yaml")
        try Data(story.replacingOccurrences(of: "  named_sponsor: false\n", with: "").utf8).write(to: before)
        let target = folder.appendingPathComponent("diff.json")
        let json = try CLIRunner.run(["diff", before.path, "fixtures/profiles/cci-val-de-loire-sud-2027.yaml", "--format", "json", "-o", target.path])
        #expect(json.status == 0, "\(json.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: target)) as? [String: Any]
        let sections = try #require(document?["sections"] as? [[String: Any]])
        func ids(_ key: String) -> [String] {
            (sections.first { $0["key"] as? String == key }?["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        }
        #expect(sections.map { $0["key"] as? String } == ["resolved", "now_in_place", "new", "established", "persisting", "undecided", "no_longer_in_place"])
        #expect(ids("now_in_place").contains("gov_executive_sponsorship"))
        #expect(ids("resolved").contains("missing_client_service") && !ids("new").contains("excessive_verticality"))
        #expect(ids("persisting").contains("excessive_verticality"))
        #expect(document?["schema"] as? String == "orgdiag.comparison/1")
        #expect((document?["better"] as? Int ?? 0) > (document?["worse"] as? Int ?? 0))
        let maturity = try #require(document?["maturity"] as? [[String: Any]])
        #expect(maturity.first { $0["dimension"] as? String == "access" }?["direction"] as? String == "better")
        let html = try CLIRunner.run(["diff", before.path, "fixtures/profiles/cci-val-de-loire-sud-2027.yaml", "--format", "html"])
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>") && html.stdout.contains("Actions désormais en place"))
    }
}
