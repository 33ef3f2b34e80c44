import Batch
import Diagnostics
import Engine
import Foundation
import Reports
import RuleLoader
import RuleModel
import Testing
import TestSupport

/// The batch as a library: every profile of every file evaluated, in file and document order, bad
/// profiles reported while the others run.
@Suite struct BatchRunTests {
    static func defaultPack() throws -> (RulePack, Engine) {
        let files = try PackDirectory.read(Repository.url("rules").path).get()
        guard let pack = PackLoader.load(files: files).pack else { throw CocoaError(.fileReadCorruptFile) }
        return (pack, try Engine(pack: pack))
    }

    static var fixtures: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: Repository.url("fixtures/profiles").path))?
            .filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".tests.yaml") }.sorted()
            .map { Repository.url("fixtures/profiles/\($0)").path } ?? []
    }

    /// Writes `text` as `stream.yaml` in a new folder; the caller removes the folder.
    private func writeStream(_ text: String) throws -> (file: URL, folder: URL) {
        let folder = try Repository.temporaryFolder("batch")
        let file = folder.appendingPathComponent("stream.yaml")
        try Data(text.utf8).write(to: file)
        return (file, folder)
    }

    @Test func firedLinesFollowTheFilesAndAgreeWithTheEngine() throws {
        let (pack, engine) = try Self.defaultPack()
        let output = MemoryOutput()
        let outcome = try BatchRun(pack: pack, engine: engine, format: .fired, language: "fr").run(files: Self.fixtures, to: output)
        #expect(outcome.problems.isEmpty)
        #expect(outcome.profileCount == Self.fixtures.count)
        let lines = output.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == Self.fixtures.count)
        // The first fixture's line is what the engine decides for it alone.
        let profile = try ProfileLoader.load(SourceFile(path: Self.fixtures[0], contents: Array(try Data(contentsOf: URL(fileURLWithPath: Self.fixtures[0])))), pack: pack).get()
        let decision = engine.decide(profile)
        var expected: [UInt8] = []
        DecisionLines(ids: pack.findings.map(\.id)).append(fired: decision.fired.map(Int32.init),
                                                          unknown: decision.unknown.map(Int32.init), to: &expected)
        #expect(String(lines[0]) + "\n" == String(decoding: expected, as: UTF8.self))
    }

    @Test func aBadProfileIsReportedAndTheOthersRun() throws {
        let (pack, engine) = try Self.defaultPack()
        let (stream, folder) = try writeStream("""
            organisation: {name: A, kind: cci}
            facts: {named_sponsor: false}
            ---
            organisation: {name: B, kind: cci}
            facts: {no_such_fact: 1}
            ---
            organisation: {name: C, kind: cci}
            facts: {named_sponsor: true}

            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = MemoryOutput()
        let outcome = try BatchRun(pack: pack, engine: engine, format: .csv, language: "en").run(files: [stream.path], to: output)
        #expect(outcome.profileCount == 3)
        #expect(outcome.problems.sorted.map { "\($0.location?.description ?? "-") \($0.code)" } == ["\(stream.path):5:9 profile.unknown-fact"])
        // CSV rows end with CRLF (RFC 4180).
        let rows = output.text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(rows.count == 2)
        #expect(rows.first?.contains("stream.yaml#1") == true)
        #expect(rows.last?.contains("stream.yaml#3") == true)
    }

    @Test func aMissingFileIsAProblemNotAStop() throws {
        let (pack, engine) = try Self.defaultPack()
        let output = MemoryOutput()
        let outcome = try BatchRun(pack: pack, engine: engine, format: .text, language: "en")
            .run(files: ["/nonexistent/profile.yaml"] + Self.fixtures.prefix(1), to: output)
        #expect(outcome.problems.hasErrors)
        #expect(outcome.profileCount == 1)
        #expect(!output.text.isEmpty)
    }

    @Test func aBadProfileKeepsItsLineInTheFiredFormat() throws {
        let (pack, engine) = try Self.defaultPack()
        let (stream, folder) = try writeStream("organisation: {name: A}\nfacts: {}\n---\norganisation: {name: B}\nfacts: {no_such_fact: 1}\n---\norganisation: {name: C}\nfacts: {}\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = MemoryOutput()
        _ = try BatchRun(pack: pack, engine: engine, format: .fired, language: "en").run(files: [stream.path], to: output)
        let lines = output.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 3)
        #expect(lines[1] == "! \(stream.path):5:9")
        #expect(lines[0] == lines[2])
    }

    @Test func aBadByteFailsItsOwnDocumentOnly() throws {
        let (pack, engine) = try Self.defaultPack()
        let (stream, folder) = try writeStream("organisation: {name: A}\nfacts: {}\n---\norganisation: {name: \"B\u{01}\"}\nfacts: {}\n---\norganisation: {name: C}\nfacts: {}\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = MemoryOutput()
        let outcome = try BatchRun(pack: pack, engine: engine, format: .fired, language: "en").run(files: [stream.path], to: output)
        let lines = output.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 3)
        #expect(lines[1] == "! \(stream.path):4:24")
        #expect(lines[0] == lines[2] && !lines[0].hasPrefix("!"))
        #expect(outcome.problems.sorted.map(\.code.rawValue) == ["yaml.control-character"])
    }

    /// A stream long enough to be cut into many pieces, with bad documents in several of them:
    /// every document keeps its line, in order, and each bad one is reported once, where it is.
    @Test func badProfilesInManyPiecesKeepTheirLinesInOrder() throws {
        let (pack, engine) = try Self.defaultPack()
        let count = 12_000
        let bad = Set(stride(from: 7, to: count, by: 1_301))
        let text = (0..<count).map { index in
            bad.contains(index) ? "organisation: {name: P\(index)}\nfacts: {no_such_fact: 1}\n"
                                : "organisation: {name: P\(index)}\nfacts: {}\n"
        }.joined(separator: "---\n")
        #expect(text.utf8.count > 3 * ProfileWindow.pieceBytes)
        let (stream, folder) = try writeStream(text)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = MemoryOutput()
        let outcome = try BatchRun(pack: pack, engine: engine, format: .fired, language: "en").run(files: [stream.path], to: output)
        let lines = output.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines.count == count)
        // The same in windows of 64 KB: each prepared on another thread while the one before is decided.
        let windowed = MemoryOutput()
        let windowedOutcome = try BatchRun(pack: pack, engine: engine, format: .fired, language: "en")
            .run(files: ProfileFiles([stream.path], windowBytes: 64 << 10), to: windowed)
        #expect(windowed.text == output.text)
        #expect(windowedOutcome.problems.sorted.map(\.description) == outcome.problems.sorted.map(\.description))
        let good = lines[0]
        #expect(!good.hasPrefix("!"))
        for (index, line) in lines.enumerated() {
            // Each document takes three lines, `---` included; the bad fact is on the second.
            let expected = bad.contains(index) ? "! \(stream.path):\(3 * index + 2):9" : good
            #expect(line == expected, "document \(index + 1)")
        }
        let places = outcome.problems.sorted.compactMap { $0.location?.range.start.line }
        #expect(places == bad.sorted().map { 3 * $0 + 2 })
        #expect(outcome.problems.errorCount == bad.count)
        #expect(outcome.profileCount == count)
    }

    /// Several files in small windows, a missing one among them: each window is decided in the
    /// step that decodes the next, across files too, and the lines, problems and counts are those
    /// of the files run one by one; progress is told after each window's lines, in rising counts
    /// that end at the total.
    @Test func windowsDecidedAStepLaterGiveTheLinesOfEachFileAlone() throws {
        let (pack, engine) = try Self.defaultPack()
        let text = (0..<3_000).map { index in
            index % 997 == 5 ? "organisation: {name: P\(index)}\nfacts: {no_such_fact: 1}\n" : "organisation: {name: P\(index)}\nfacts: {}\n"
        }.joined(separator: "---\n")
        let (stream, folder) = try writeStream(text)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("copy.yaml").path
        try FileManager.default.copyItem(atPath: stream.path, toPath: copy)
        let files = [stream.path, "/nonexistent/profile.yaml"] + Self.fixtures.prefix(3) + [copy]
        let run = BatchRun(pack: pack, engine: engine, format: .fired, language: "en")

        var counts: [Int] = []
        let together = MemoryOutput()
        let outcome = try run.run(files: ProfileFiles(files, windowBytes: 16 << 10), to: together) { counts.append($0) }
        var alone = "", problems: [String] = [], total = 0
        for file in files {
            let output = MemoryOutput()
            let single = try run.run(files: ProfileFiles([file], windowBytes: 16 << 10), to: output)
            alone += output.text
            problems += single.problems.sorted.map(\.description)
            total += single.profileCount
        }
        #expect(together.text == alone)
        #expect(outcome.problems.sorted.map(\.description).sorted() == problems.sorted())
        #expect(outcome.problems.errorCount == 9)
        #expect(outcome.profileCount == total && total == 6_003)
        #expect(counts.count > 10 && counts == counts.sorted() && Set(counts).count == counts.count && counts.last == total)
    }

    /// A run that compiles its own engine while it reads (as the command does) decides as one
    /// given a ready engine; a pack that cannot be compiled stops it before anything is written,
    /// whatever the format.
    @Test func aRunCompilingItsEngineDecidesAlikeAndStopsOnACompileError() throws {
        let (pack, engine) = try Self.defaultPack()
        let ready = MemoryOutput(), compiling = MemoryOutput()
        _ = try BatchRun(pack: pack, engine: engine, format: .fired, language: "en").run(files: Self.fixtures, to: ready)
        _ = try BatchRun(pack: pack, format: .fired, language: "en").run(files: Self.fixtures, to: compiling)
        #expect(compiling.text == ready.text && ready.text.contains(" | "))

        var broken = pack
        broken.findings.append(pack.findings[0])
        let (empty, folder) = try writeStream("")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Fixtures, an empty file, a missing one: the error comes whether or not a window was read.
        for files in [Self.fixtures, [empty.path], ["/nonexistent/profile.yaml"], []] {
            for format in BatchRun.Format.allCases {
                let output = MemoryOutput()
                #expect(throws: EngineError.duplicateID(pack.findings[0].id), "\(format) \(files)") {
                    try BatchRun(pack: broken, format: format, language: "en").run(files: files, to: output)
                }
                #expect(output.text.isEmpty, "\(format) \(files)")
            }
        }
    }

    /// Named pipes fed one after the other by one writer: each is opened only when its turn
    /// comes, so the writer is never left blocked on a pipe that nobody reads while the batch
    /// waits to open the next one.
    @Test func pipesFedOneAfterTheOtherAreReadInTurn() throws {
        let (pack, engine) = try Self.defaultPack()
        let folder = try Repository.temporaryFolder("batch-pipes")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipes = ["first", "second"].map { folder.appendingPathComponent("\($0).yaml").path }
        for pipe in pipes { #expect(mkfifo(pipe, 0o600) == 0) }
        // About 170 KB a pipe: more than a window of 16 KB and a pipe's buffer.
        let text = Array(repeating: "organisation: {name: P}\nfacts: {}\n", count: 5_000).joined(separator: "---\n")
        Thread {
            for pipe in pipes {
                guard let handle = FileHandle(forWritingAtPath: pipe) else { continue }
                handle.write(Data(text.utf8))
                try? handle.close()
            }
        }.start()
        // The batch runs on a thread of its own, so that a batch stuck on a pipe fails the test
        // instead of hanging the suite.
        let result = PipeRun()
        Thread {
            let output = MemoryOutput()
            result.outcome = try? BatchRun(pack: pack, engine: engine, format: .fired, language: "en")
                .run(files: ProfileFiles(pipes, windowBytes: 16 << 10), to: output)
            result.lines = output.text.split(separator: "\n").count
            result.done.signal()
        }.start()
        guard result.done.wait(timeout: .now() + 60) == .success else {
            Issue.record("the batch is stuck: it waits to open a pipe whose writer waits for the pipe before")
            return
        }
        #expect(result.outcome?.profileCount == 10_000)
        #expect(result.outcome?.problems.isEmpty == true)
        #expect(result.lines == 10_000)
    }
}

/// What the batch run on its own thread gave, read once `done` is signalled.
private final class PipeRun: @unchecked Sendable {
    var outcome: BatchRun.Outcome?
    var lines = 0
    let done = DispatchSemaphore(value: 0)
}
