import Foundation
import Testing
import TestSupport

/// `orgdiag ask` run for real under a pseudo-terminal (`script`), answering as a consultant would.
@Suite(.serialized) struct AskCommandTests {
    /// Runs `orgdiag ask` under `script`, typing each answer after a pause; returns the screen.
    private func ask(_ path: String, answers: [String], killAfterAnswers: Bool = false) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = "\(CLIRunner.binary.path) ask \(path) --lang en"
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = CLIRunner.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        for answer in answers {
            Thread.sleep(forTimeInterval: 0.4)
            input.fileHandleForWriting.write(Data((answer + "\n").utf8))
        }
        Thread.sleep(forTimeInterval: 0.4)
        if killAfterAnswers {
            // kill -9 the whole session: what was saved must stay saved and whole.
            kill(process.processIdentifier, SIGKILL)
            if FileManager.default.fileExists(atPath: "/usr/bin/pkill") {
                let pkill = Process()
                pkill.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
                pkill.arguments = ["-9", "-f", "\(CLIRunner.binary.path) ask \(path)"]
                try pkill.run()
                pkill.waitUntilExit()
            }
        } else {
            try input.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private func copyOfNearlyEmptyProfile() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgdiag-ask-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("profile.yaml")
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("fixtures/profiles/cci-premier-entretien.yaml"), to: target)
        return target
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/script")))
    func asksTheMostDecisiveFactsAndSavesEachAnswer() throws {
        let profile = try copyOfNearlyEmptyProfile()
        defer { try? FileManager.default.removeItem(at: profile.deletingLastPathComponent()) }
        // Each saved answer is followed by the question of its source (Enter skips it).
        let (status, screen) = try ask(profile.path, answers: ["maybe", "existing", "interview with the director, 3 June", "-30 %", "", "", "q"])
        #expect(status == 0)
        #expect(screen.contains("[1] Does the organisation sell services, or plan to? (none | planned | existing)"))
        #expect(screen.contains("'maybe' cannot be taken here; expected: "))
        #expect(screen.contains("saved: paid_offer = existing"))
        #expect(screen.contains("Source of this answer"))
        #expect(screen.contains("saved: public_funding_change_5y = -30"))
        let text = try String(contentsOf: profile, encoding: .utf8)
        #expect(text.contains("  named_sponsor: true\n  paid_offer: existing\n  public_funding_change_5y: -30\n"))
        #expect(text.hasSuffix("evidence:\n  paid_offer: \"interview with the director, 3 June\"\n"))
        #expect(text.hasPrefix("# A first interview with a chamber"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/script")))
    func killedMidwayKeepsEveryAnswerGiven() throws {
        let profile = try copyOfNearlyEmptyProfile()
        defer { try? FileManager.default.removeItem(at: profile.deletingLastPathComponent()) }
        _ = try ask(profile.path, answers: ["planned", "", "-25"], killAfterAnswers: true)
        let text = try String(contentsOf: profile, encoding: .utf8)
        #expect(text.contains("  paid_offer: planned\n"))
        #expect(text.contains("  public_funding_change_5y: -25\n"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: profile.deletingLastPathComponent().path)
        #expect(leftovers == ["profile.yaml"])
        let report = try CLIRunner.run(["report", profile.path])
        #expect(report.status == 0)
    }
}
