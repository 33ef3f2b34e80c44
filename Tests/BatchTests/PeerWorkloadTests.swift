import Batch
import Diagnostics
import Engine
import Foundation
import Reports
import RuleLoader
import RuleModel
import Testing
import TestSupport

/// The peer harness's workload in CI size (fixtures/peer-workload: 50 rules, 2,000 profiles,
/// three-valued): the batch's fast path (a table of fact codes, the block evaluator) and the
/// one-profile evaluator both give the harness's reference answer, fired and unknown, on every
/// profile.
@Suite struct PeerWorkloadTests {
    private static let folder = "fixtures/peer-workload/R50_P2000_S42_K"

    private static func reference() throws -> [String] {
        let fired = try Repository.text(folder + "/expected.txt").split(separator: "\n", omittingEmptySubsequences: false)
        let unknown = try Repository.text(folder + "/expected_unknown.txt").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(fired.count == unknown.count)
        return zip(fired, unknown).dropLast().map { $1.isEmpty ? String($0) : "\($0) | \($1)" }
    }

    private static func pack() throws -> (RulePack, Engine) {
        let files = try PackDirectory.read(Repository.url(folder + "/pack").path).get()
        let result = PackLoader.load(files: files)
        guard let pack = result.pack else { throw CocoaError(.fileReadCorruptFile) }
        return (pack, try Engine(pack: pack))
    }

    @Test func theBatchGivesTheReferenceAnswer() throws {
        let (pack, engine) = try Self.pack()
        #expect(pack.findings.count == 50)
        let output = MemoryOutput()
        let outcome = try BatchRun(pack: pack, engine: engine, format: .fired, language: "en")
            .run(files: [Repository.url(Self.folder + "/profiles.yaml").path], to: output)
        #expect(outcome.problems.isEmpty)
        let lines = output.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        let expected = try Self.reference()
        #expect(lines.count == 2_000 && expected.count == 2_000)
        let wrong = zip(lines, expected).enumerated().filter { $1.0 != $1.1 }
        let differing = wrong.count
        #expect(differing == 0, "first: \(wrong.first.map { "#\($0.offset + 1): \($0.element.0) instead of \($0.element.1)" } ?? "")")
        #expect(expected.contains { $0.contains(" | ") } && expected.contains { !$0.isEmpty && !$0.hasPrefix(" |") })
    }

    /// The same profiles read in windows of 200 KB (each cut into pieces), as written (a line per
    /// section) and rewritten in block style (a line per fact, as consultants write them): the
    /// reference answer either way, so the windows' cuts and line starts lose no document.
    @Test(arguments: [false, true]) func smallWindowsGiveTheReferenceAnswer(blockStyle: Bool) throws {
        let (pack, engine) = try Self.pack()
        var text = try Repository.text(Self.folder + "/profiles.yaml")
        if blockStyle {
            text = Self.blockStyle(text)
            #expect(text.split(separator: "\n").count > 60_000, "a line per fact")
        }
        let folder = try Repository.temporaryFolder("peer-windows")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("profiles.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let output = MemoryOutput()
        let outcome = try BatchRun(pack: pack, engine: engine, format: .fired, language: "en")
            .run(files: ProfileFiles([path], windowBytes: 200_000), to: output)
        #expect(outcome.problems.isEmpty)
        let lines = output.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines == (try Self.reference()))
    }

    /// Each `key: {a: 1, b: [x, y]}` line as `key:` then a line per item.
    private static func blockStyle(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let colon = line.range(of: ": {"), line.hasSuffix("}") else { return String(line) }
            var items: [String] = []
            var item = ""
            var depth = 0
            for character in line[colon.upperBound..<line.index(before: line.endIndex)] {
                if character == "[" { depth += 1 }
                if character == "]" { depth -= 1 }
                if character == ",", depth == 0 {
                    items.append(item.trimmingCharacters(in: .whitespaces))
                    item = ""
                } else {
                    item.append(character)
                }
            }
            items.append(item.trimmingCharacters(in: .whitespaces))
            return ([line[..<colon.lowerBound] + ":"] + items.map { "  " + $0 }).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    @Test func theOneProfileEvaluatorGivesTheReferenceAnswer() throws {
        let (pack, engine) = try Self.pack()
        let file = SourceFile(path: "profiles.yaml", contents: Array(try Data(contentsOf: Repository.url(Self.folder + "/profiles.yaml"))))
        let profiles = ProfileStreamDecoder.decode(file, pack: pack, catalogue: ProfileLoader.Catalogue(pack.facts)).compactMap { try? $0.get() }
        let lines = DecisionLines(ids: pack.findings.map(\.id))
        let expected = try Self.reference()
        #expect(profiles.count == expected.count)
        for (index, (profile, reference)) in zip(profiles, expected).enumerated() {
            let decision = engine.decide(profile)
            var bytes: [UInt8] = []
            lines.append(fired: decision.fired.map(Int32.init), unknown: decision.unknown.map(Int32.init), to: &bytes)
            guard String(decoding: bytes.dropLast(), as: UTF8.self) == reference else {
                Issue.record("profile #\(index + 1): \(String(decoding: bytes, as: UTF8.self)) instead of \(reference)")
                return
            }
        }
    }
}
