import Foundation
import Testing
import TestSupport

/// `-o FILE` writes the way package managers do: atomically, keeping the file's mode, through
/// links, into devices and pipes, never over an input, and never leaving a temporary file behind.
@Suite(.serialized) struct OutputFileTests {
    static let profile = "fixtures/profiles/cci-val-de-loire-sud.yaml"

    private func folder() throws -> URL { try Repository.temporaryFolder("output") }

    private func temporaries(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
    }

    @Test func anInputIsNeverOverwritten() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("p.yaml")
        try FileManager.default.copyItem(at: Repository.url(Self.profile), to: copy)
        let before = try Data(contentsOf: copy)
        let report = try CLIRunner.run(["report", copy.path, "-o", copy.path])
        #expect(report.status == 2)
        #expect(report.stderr.contains("error[output.is-input]"))
        let batch = try CLIRunner.run(["batch", folder.path, "-o", copy.path, "--format", "csv"])
        #expect(batch.status == 2)
        #expect(try Data(contentsOf: copy) == before)
        let pack = folder.appendingPathComponent("pack")
        try FileManager.default.copyItem(at: Repository.url("fixtures/packs/sample"), to: pack)
        let packFile = pack.appendingPathComponent("pack.yaml")
        let packBefore = try Data(contentsOf: packFile)
        let rules = try CLIRunner.run(["rules", "--rules", pack.path, "-o", packFile.path])
        #expect(rules.status == 2 && rules.stderr.contains("output.is-input"))
        #expect(try Data(contentsOf: packFile) == packBefore)
    }

    @Test func aFileKeepsItsModeAndALinkItsTarget() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = folder.appendingPathComponent("secret.md")
        #expect(FileManager.default.createFile(atPath: secret.path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o600]))
        #expect(try CLIRunner.run(["report", Self.profile, "-o", secret.path]).status == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: secret.path)[.posixPermissions] as? Int == 0o600)
        #expect(try String(contentsOf: secret, encoding: .utf8).contains("CCI Val-de-Loire Sud"))

        let link = folder.appendingPathComponent("link.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "target.md")
        #expect(try CLIRunner.run(["report", Self.profile, "-o", link.path]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "target.md")
        #expect(try String(contentsOf: folder.appendingPathComponent("target.md"), encoding: .utf8).contains("CCI Val-de-Loire Sud"))
        #expect(try temporaries(in: folder).isEmpty)
    }

    @Test func devicesAndPipesAreWrittenIntoNotReplaced() throws {
        let null = try CLIRunner.run(["report", Self.profile, "-o", "/dev/null"])
        #expect(null.status == 0)
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
        let full = try CLIRunner.run(["report", Self.profile, "-o", "/dev/full"])
        #expect(full.status == 2)
        #expect(full.stderr.contains("error[output.write-failed]") && full.stderr.contains("No space left"))
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let received = folder.appendingPathComponent("received")
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cp")
        reader.arguments = [fifo.path, received.path]
        try reader.run()
        #expect(try CLIRunner.run(["report", Self.profile, "-o", fifo.path, "--format", "json"]).status == 0)
        reader.waitUntilExit()
        #expect(try String(contentsOf: received, encoding: .utf8).contains("\"schema\""))
        let refused = try CLIRunner.run(["report", Self.profile, "-o", folder.path])
        #expect(refused.status == 2 && refused.stderr.contains("error[output.unwritable]"))
    }

    @Test func aFullStandardOutputIsAnError() throws {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["report", Self.profile]
        process.currentDirectoryURL = Repository.root
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.contains("output.write-failed"))
    }

    /// A batch reading a pipe that stays open has its output's temporary file open; it is then
    /// stopped by `signal`.
    private func interruptedBatch(_ signal: Int32, in folder: URL) throws {
        let input = folder.appendingPathComponent("in.yaml")
        #expect(mkfifo(input.path, 0o600) == 0)
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["batch", input.path, "--format", "csv", "-o", folder.appendingPathComponent("out.csv").path]
        process.currentDirectoryURL = Repository.root
        process.standardError = FileHandle.nullDevice
        try process.run()
        let writer = try FileHandle(forWritingTo: input)  // blocks until the batch opens the pipe
        try writer.write(contentsOf: Data(try String(contentsOf: Repository.url(Self.profile), encoding: .utf8).utf8))
        var waited = 0
        while try temporaries(in: folder).isEmpty, waited < 100 {
            usleep(50_000)
            waited += 1
        }
        #expect(try temporaries(in: folder).count == 1)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        try writer.close()
    }

    @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
    func anInterruptedBatchLeavesNoTemporaryFile(_ signal: Int32) throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try interruptedBatch(signal, in: folder)
        #expect(try temporaries(in: folder).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.csv").path))
    }

    @Test func aKilledBatchsTemporaryFileIsRemovedByTheNextRun() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try interruptedBatch(SIGKILL, in: folder)
        #expect(try temporaries(in: folder).count == 1)
        let again = try CLIRunner.run(["batch", Self.profile, "--format", "csv", "-o", folder.appendingPathComponent("out.csv").path])
        #expect(again.status == 0)
        #expect(try temporaries(in: folder).isEmpty)
    }
}

/// Escape sequences, NUL and delimiters written in YAML reach no terminal and no spreadsheet.
@Suite struct HostileTextTests {
    @Test func escapesInAProfileReachTheTerminalAsText() throws {
        let folder = try Repository.temporaryFolder("hostile")
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = folder.appendingPathComponent("p.yaml")
        try Data("organisation: {name: \"\\e[2J\\e]0;title\\a x;=1+1;y \\0\", kind: cci}\nfacts: {named_sponsor: false}\n".utf8)
            .write(to: profile)
        for format in ["text", "markdown", "html"] {
            let report = try CLIRunner.run(["report", profile.path, "--format", format])
            #expect(report.status == 0)
            #expect(!report.stdout.contains("\u{1B}") && !report.stdout.contains("\u{07}") && !report.stdout.contains("\u{0}"), "\(format)")
        }
        // The whole name is one quoted cell: no spreadsheet splitting on ';' or ',' gets a '=1+1' cell.
        for (arguments, delimiter) in [(["--lang", "fr"], ";"), (["--lang", "en"], ","), (["--raw"], ",")] {
            let csv = try CLIRunner.run(["batch", profile.path, "--format", "csv"] + arguments)
            #expect(csv.stdout.contains("\(delimiter)\"\u{FFFD}[2J\u{FFFD}]0;title\u{FFFD} x;=1+1;y \u{FFFD}\"\(delimiter)"), "\(arguments)")
            #expect(!csv.stdout.contains("\u{1B}"))
        }
    }

    @Test func aLineBreakInAFileNameCannotForgeADiagnostic() throws {
        let folder = try Repository.temporaryFolder("hostile")
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = folder.appendingPathComponent("a\nfake.yaml:1:1: error[x]: forged.yaml")
        try Data("organisation: {name: x}\nfacts: {no_such: 1}\n".utf8).write(to: profile)
        let report = try CLIRunner.run(["report", profile.path])
        #expect(report.status == 2)
        #expect(!report.stderr.split(separator: "\n").contains { $0.hasPrefix("fake.yaml") })
    }

    @Test func anErrorOnAVeryLongLineShowsAWindowAroundTheCaret() throws {
        let folder = try Repository.temporaryFolder("hostile")
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = folder.appendingPathComponent("long.yaml")
        let filler = (0..<20_000).map { "f\($0): 1" }.joined(separator: ", ")
        try Data("organisation: {name: x}\nfacts: {\(filler)}\n".utf8).write(to: profile)
        let report = try CLIRunner.run(["report", profile.path])
        #expect(report.status == 2)
        for line in report.stderr.split(separator: "\n") { #expect(line.count < 400) }
    }

    @Test(arguments: ["\r", "\u{85}", "\u{2028}", "\u{2029}", "\r\n"])
    func linesEndWhereLibyamlEndsThem(_ lineBreak: String) throws {
        let folder = try Repository.temporaryFolder("hostile")
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = folder.appendingPathComponent("p.yaml")
        // The break stands inside a quoted name for the separators, between lines otherwise.
        let isReturn = lineBreak.unicodeScalars.first == "\r"  // "\r\n" is one Character: compare scalars
        let text = isReturn ? "organisation: {name: x}\(lineBreak)facts:\n  no_such: 1\n"
            : "organisation: {name: \"a\(lineBreak)b\"}\nfacts:\n  no_such: 1\n"
        try Data(text.utf8).write(to: profile)
        let outcome = try CLIRunner.run(["report", profile.path])
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        let line = isReturn ? 3 : 4
        #expect(lines.first?.hasSuffix("p.yaml:\(line):3: error[profile.unknown-fact]: unknown fact 'no_such'") == true, "\(lines)")
        #expect(lines.dropFirst().first?.hasSuffix("|   no_such: 1") == true, "\(lines)")
    }
}
