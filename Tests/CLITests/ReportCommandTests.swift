import Foundation
import Testing
import TestSupport
import ZIPFoundation

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

    /// The Word report's text part, one paragraph, row or table per line, against its golden; the
    /// package holds Word's parts, and the same inputs give the same bytes.
    @Test func wordReportMatchesGolden() throws {
        let folder = try Repository.temporaryFolder("docx")
        defer { try? FileManager.default.removeItem(at: folder) }
        var packages: [Data] = []
        for name in ["a.docx", "b.docx"] {
            let target = folder.appendingPathComponent(name)
            let outcome = try CLIRunner.run(["report", "fixtures/profiles/cci-val-de-loire-sud.yaml", "--format", "docx", "--lang", "fr",
                                             "-o", target.path])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            packages.append(try Data(contentsOf: target))
        }
        #expect(packages[0] == packages[1])
        let archive = try Archive(data: packages[0], accessMode: .read)
        #expect(archive.map(\.path) == ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                                         "word/styles.xml", "word/settings.xml", "word/header1.xml", "word/footer1.xml",
                                         "docProps/core.xml", "docProps/app.xml"])
        let entry = try #require(archive["word/document.xml"])
        var xml = Data()
        _ = try archive.extract(entry) { xml.append($0) }
        let text = String(decoding: xml, as: UTF8.self)
            .replacingOccurrences(of: "</w:p>", with: "</w:p>\n").replacingOccurrences(of: "</w:tr>", with: "</w:tr>\n")
        try CLIRunner.assertGolden(text, "report-cci-fr.document.xml")
    }

    /// The consultancy's name and logo on the cover of the HTML page and of the Word document;
    /// a broken branding file stops the report with its problem located.
    @Test func brandingPutsTheConsultancyOnTheCover() throws {
        let folder = try Repository.temporaryFolder("brand")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A 2 x 1 PNG.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 2, 0, 0, 0, 1,
                            8, 2, 0, 0, 0, 0x7B, 0x40, 0xE8, 0xDD, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
        try Data(png).write(to: folder.appendingPathComponent("logo.png"))
        let branding = folder.appendingPathComponent("branding.yaml")
        try Data("consultancy: \"Exemple Conseil & Associés\"\nlogo: logo.png\n".utf8).write(to: branding)
        let html = try CLIRunner.run(["report", "fixtures/profiles/cma-haut-val.yaml", "--format", "html", "--branding", branding.path])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("<p class=\"consultancy\">Exemple Conseil &amp; Associés</p>"))
        #expect(html.stdout.contains("src=\"data:image/png;base64,\(Data(png).base64EncodedString())\""))
        let target = folder.appendingPathComponent("r.docx")
        let word = try CLIRunner.run(["report", "fixtures/profiles/cma-haut-val.yaml", "--format", "docx", "--branding", branding.path, "-o", target.path])
        #expect(word.status == 0, "\(word.stderr)")
        let archive = try Archive(data: Data(contentsOf: target), accessMode: .read)
        #expect(archive["word/media/logo.png"] != nil)
        var xml = Data()
        _ = try archive.extract(try #require(archive["word/document.xml"])) { xml.append($0) }
        #expect(String(decoding: xml, as: UTF8.self).contains("Exemple Conseil &amp; Associés"))
        try Data("consultancy: X\nlogo: missing.png\n".utf8).write(to: branding)
        let broken = try CLIRunner.run(["report", "fixtures/profiles/cma-haut-val.yaml", "--format", "html", "--branding", branding.path])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("branding.yaml:2:7: error[branding.unreadable-logo]: cannot read the logo 'missing.png'"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/script")))
    func aWordReportIsWrittenToAPipeButNotToATerminal() throws {
        let piped = try CLIRunner.run(["report", "fixtures/profiles/cma-haut-val.yaml", "--format", "docx"])
        #expect(piped.status == 0)
        #expect(piped.stdout.hasPrefix("PK"))
        // Under a pseudo-terminal, the bytes of a zip would garble the screen: refused, with the way out.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "\(CLIRunner.binary.path) report fixtures/profiles/cma-haut-val.yaml --format docx", "/dev/null"]
        process.currentDirectoryURL = CLIRunner.packageRoot
        let output = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let screen = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 64)
        #expect(screen.contains("a Word document is a file: write it with -o, as in -o report.docx"))
        #expect(!screen.contains("PK"))
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
