import Foundation
import Testing
import TestSupport

/// Every kind of bad file a user can pass: a located diagnostic on stderr, exit 2, no crash, no hang.
@Suite(.serialized) struct BadInputTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let expected: String
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "tab indentation", bytes: Array("organisation:\n\tname: X\n".utf8),
             expected: "bad.yaml:2:1: error[yaml.tab-indentation]"),
        Case(name: "unterminated quote", bytes: Array("organisation: {name: \"X}\n".utf8),
             expected: "bad.yaml:2:1: error[yaml.syntax]: found unexpected end of stream while scanning a quoted scalar"),
        Case(name: "duplicate keys", bytes: Array("organisation: {name: X}\norganisation: {name: Y}\n".utf8),
             expected: "bad.yaml:2:1: error[yaml.duplicate-key]: duplicate key 'organisation'"),
        Case(name: "alias bomb", bytes: Array(BadInputTests.aliasBomb.utf8),
             expected: "error[yaml.alias-budget]"),
        Case(name: "deep nesting", bytes: Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8),
             expected: "bad.yaml:1:201: error[yaml.too-deep]"),
        Case(name: "invalid UTF-8", bytes: Array("organisation: {name: ".utf8) + [0xC3, 0x28] + Array("}\n".utf8),
             expected: "bad.yaml:1:22: error[yaml.invalid-utf8]"),
        Case(name: "binary junk", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0xFF, 0xFE],
             expected: "bad.yaml:1:1: error[yaml.control-character]"),
        Case(name: "empty file", bytes: [], expected: "bad.yaml:1:1: error[yaml.empty-document]"),
        Case(name: "a list instead of a mapping", bytes: Array("- a\n- b\n".utf8),
             expected: "bad.yaml:1:1: error[yaml.type-mismatch]: expected a mapping, found a list"),
        Case(name: "a scalar instead of a mapping", bytes: Array("hello\n".utf8),
             expected: "bad.yaml:1:1: error[yaml.type-mismatch]: expected a mapping, found a string 'hello'"),
        Case(name: "two documents", bytes: Array("organisation: {name: X}\n---\norganisation: {name: Y}\n".utf8),
             expected: "bad.yaml:2:1: error[yaml.multiple-documents]"),
        Case(name: "unknown fact", bytes: Array("organisation: {name: X}\nfacts:\n  hierarchy_levles: 7\n".utf8),
             expected: "bad.yaml:3:3: error[profile.unknown-fact]: unknown fact 'hierarchy_levles'; did you mean 'hierarchy_levels'?"),
        Case(name: "wrong type", bytes: Array("organisation: {name: X}\nfacts:\n  named_sponsor: oui\n".utf8),
             expected: "bad.yaml:3:18: error[profile.wrong-type]: 'named_sponsor' expects true or false, found 'oui'"),
        Case(name: "out of range", bytes: Array("organisation: {name: X}\nfacts:\n  call_handled_rate: 140\n".utf8),
             expected: "bad.yaml:3:22: error[profile.out-of-range]: 140 is outside the range of 'call_handled_rate'"),
    ]

    static var aliasBomb: String {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        return text
    }

    @Test(arguments: cases)
    func badProfileIsRefusedWithALocatedDiagnostic(_ testCase: Case) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgdiag-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.yaml").path
        try Data(testCase.bytes).write(to: URL(fileURLWithPath: path))
        let output = folder.appendingPathComponent("out.json").path
        let outcome = try CLIRunner.run(["report", path, "--format", "json", "-o", output])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(testCase.expected.replacingOccurrences(of: "bad.yaml", with: path)), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output))
        // A hang or a crash would show here; the real figure is in the benchmarks.
        #expect(outcome.seconds < 5)
    }

    @Test func missingFileAndFolder() throws {
        let missing = try CLIRunner.run(["report", "fixtures/profiles/nope.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("error[file.unreadable]: no such file 'fixtures/profiles/nope.yaml'"))
        let folder = try CLIRunner.run(["report", "fixtures/profiles"])
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("'fixtures/profiles' is a folder; expected a YAML file"))
    }

    @Test func hugeProfileIsRefusedQuickly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgdiag-huge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("huge.yaml").path
        var text = "organisation: {name: X}\nfacts:\n"
        let line = "  # " + String(repeating: "padding ", count: 12) + "\n"
        while text.utf8.count < 30_000_000 { text += String(repeating: line, count: 1000) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let outcome = try CLIRunner.run(["report", path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("error[yaml.file-too-large]"))
        #expect(outcome.seconds < 5)
    }

    @Test func everyBadProfileIsReportedAndTheGoodOnesStillRun() throws {
        let source = try Repository.temporaryFolder("not-yaml").appendingPathComponent("source.swift")
        defer { try? FileManager.default.removeItem(at: source.deletingLastPathComponent()) }
        try Data("// swift-tools-version: 6.0\nimport PackageDescription\n\nlet package = Package(\n    name: \"orgdiag\"\n)\n".utf8).write(to: source)
        let outcome = try CLIRunner.run(["report", "fixtures/profiles/nope.yaml", "fixtures/profiles/cma-haut-val.yaml", source.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("nope.yaml"))
        #expect(outcome.stderr.contains("source.swift:4:1: error[yaml.syntax]"))
    }
}
