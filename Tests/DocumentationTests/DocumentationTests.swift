import Foundation
import Testing
import TestSupport

/// The examples of the documentation run as written: files marked `<!-- file: PATH -->` before a
/// fenced block are written to a folder, and the commands of the page run on them with the
/// built binary.
@Suite struct DocumentationTests {
    static let root = Repository.root

    static var binary: URL { CLIRunner.binary }

    /// Writes the marked files of a page into a new folder and returns it.
    static func extractFiles(from page: String) throws -> URL {
        let text = try String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgdiag-doc-\(UUID().uuidString)")
        let lines = text.components(separatedBy: "\n")
        var index = 0
        var written = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("<!-- file: "), line.hasSuffix(" -->") {
                let path = String(line.dropFirst("<!-- file: ".count).dropLast(" -->".count))
                index += 2  // skip the opening fence
                var body: [String] = []
                while index < lines.count, !lines[index].hasPrefix("```") {
                    body.append(lines[index])
                    index += 1
                }
                let target = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data((body.joined(separator: "\n") + "\n").utf8).write(to: target)
                written += 1
            }
            index += 1
        }
        #expect(written > 0, "no marked file in \(page)")
        return folder
    }

    /// Runs the binary in `folder`; returns the status and standard output.
    static func run(_ arguments: [String], in folder: URL) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func ruleLanguageExampleWorksAsTheDocSays() throws {
        let folder = try Self.extractFiles(from: "docs/rule-language.md")
        defer { try? FileManager.default.removeItem(at: folder) }
        let lint = try Self.run(["lint", "--rules", "mini"], in: folder)
        #expect(lint == (0, "0 errors, 0 warnings\n"))
        let test = try Self.run(["test", "--rules", "mini", "profiles"], in: folder)
        #expect(test.0 == 0, "\(test.1)")
        #expect(test.1.contains("PASS the CAF of the example"))
        #expect(test.1.contains("PASS a CAF with a sponsor, a callback service and a saturated line"))
        #expect(test.1.hasSuffix("15 passed, 0 failed, 0 errors\n"))
        let report = try Self.run(["report", "profiles/profile.yaml", "--rules", "mini", "--lang", "en"], in: folder)
        #expect(report.0 == 0)
        #expect(report.1.contains("86% of calls answered for a target of 90%"))
        #expect(report.1.contains("Phase 1 — Organisation"))
        #expect(report.1.contains("Why it ranks here: answers one critical finding; high impact, high effort"))
        #expect(report.1.contains("In a second stage\n    Once the actions above are under way:\n    • Executive sponsorship"))
        #expect(report.1.contains("██░░░ 2/5  Reachable by phone"))
        #expect(report.1.contains("what holds back level 3: Too many unanswered calls"))
        #expect(report.1.contains("▸ The phone line") && report.1.contains("▸ Other findings"))
        #expect(report.1.contains("1. Last audit of the phone line — would settle 1") && !report.1.contains(". Callback delay —"))
        let training = try Self.run(["report", "training-profile.yaml", "--rules", "training", "--format", "markdown"], in: folder)
        #expect(training.0 == 0, "\(training.1)")
        // Numbers and their nouns are held together by no-break spaces.
        let plan = training.1.replacingOccurrences(of: "\u{a0}", with: " ")
        #expect(plan.contains("**Proximity management** — 42 participants, 5 groups (up to 10 each), 4.5 days per group: 22.5 trainer-days, €33,750"))
        #expect(plan.contains("Total: 42 enrolments, 5 groups, 22.5 trainer-days, €33,750"))
        #expect(try Self.run(["lint", "--rules", "training"], in: folder) == (0, "0 errors, 0 warnings\n"))
        let explain = try Self.run(["explain", "profiles/profile.yaml", "no_front_door", "--rules", "mini"], in: folder)
        #expect(explain.0 == 0)
        #expect(explain.1.contains("✓ calls_unanswered (true)"))
    }
}
