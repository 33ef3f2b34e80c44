import Diagnostics
import Testing
@testable import YAML

/// Each hostile input gives one located diagnostic with a stable code, quickly, and never a crash.
@Suite struct HostileInputTests {
    @Test func aliasBombIsRefusedQuickly() {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        let clock = ContinuousClock()
        var found: [Diagnostic] = []
        let elapsed = clock.measure { found = problems(text) }
        #expect(found.map(\.summary) == ["7:8 yaml.alias-budget aliases expand to more than 1000000 nodes; refusing a possible alias bomb"])
        #expect(elapsed < .milliseconds(100))
    }

    @Test func deepNestingIsRefusedQuickly() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let clock = ContinuousClock()
        var found: [Diagnostic] = []
        let elapsed = clock.measure { found = problems(text) }
        #expect(found.map(\.summary) == ["1:201 yaml.too-deep collections nested deeper than 200 levels"])
        #expect(elapsed < .milliseconds(100))
    }

    /// Each quoted value and flow collection's end is checked for a `#` right after it; on one
    /// line of 100,000 values that check once walked the line from its start each time.
    @Test func oneLineOfManyQuotedValuesIsReadInLinearTime() throws {
        let items = (0..<100_000).map { "'v\($0)'" }.joined(separator: ", ")
        let clock = ContinuousClock()
        let start = clock.now
        let root = try YAMLParser.parseDocument(SourceFile(path: "line.yaml", text: "list: [\(items)]\n"))
        #expect(clock.now - start < .seconds(5), "a hang, not a benchmark: quadratic work is minutes here")
        guard case .sequence(let values)? = root["list"]?.content else { Issue.record("no list"); return }
        #expect(values.count == 100_000)
        #expect(values.last?.location.range.start.column == items.count)
    }

    @Test func integersAndFloatsAreDifferentKeys() {
        #expect(problems("1: a\n1.0: b\n").isEmpty)
        #expect(problems("9007199254740993: a\n9007199254740992: b\n").isEmpty)
        #expect(problems("2.5: a\n25e-1: b\n").map(\.code) == [YAMLDiagnosticCode.duplicateKey])
    }

    @Test func aTextWithAColonGetsTheHintToQuoteIt() throws {
        let (_, problems) = YAMLParser.parse(SourceFile(path: "t.yaml", text: "title: Note: a colon\n"), limits: .default, maxDocuments: 1)
        let problem = try #require(problems.sorted.first)
        #expect(problem.description == "t.yaml:1:12: error[yaml.syntax]: mapping values are not allowed in this context; a text holding ': ' must be quoted (\"…\")")
    }

    @Test func deepBlockNestingIsRefused() {
        var text = ""
        for level in 0..<300 { text += String(repeating: " ", count: level) + "k:\n" }
        #expect(problems(text).map(\.summary) == ["201:201 yaml.too-deep collections nested deeper than 200 levels"])
    }

    @Test func nestingJustUnderTheLimitIsAccepted() {
        let limits = YAMLLimits(maxDepth: 10)
        #expect(problems(String(repeating: "[", count: 10) + String(repeating: "]", count: 10), limits: limits).isEmpty)
        #expect(problems(String(repeating: "[", count: 11) + String(repeating: "]", count: 11), limits: limits)
            .map(\.code) == [YAMLDiagnosticCode.tooDeep])
    }

    @Test func fileOverTheSizeLimitIsRefused() {
        let limits = YAMLLimits(maxBytes: 10)
        #expect(problems("a: 1234567", limits: limits).isEmpty)
        #expect(problems("a: 12345678", limits: limits).map(\.summary)
            == ["1:1 yaml.file-too-large the file is 11 bytes, over the limit of 10 bytes"])
    }

    @Test func duplicateKeyPointsAtBothOccurrences() throws {
        let found = problems("name: a\nkind: caf\nname: b\n")
        #expect(found.map(\.summary) == ["3:1 yaml.duplicate-key duplicate key 'name'"])
        let note = try #require(found.first?.notes.first)
        #expect(note.message == "first occurrence of 'name'")
        #expect(note.location?.range.start == SourcePosition(line: 1, column: 1))
    }

    @Test func duplicateKeysAreAllReported() {
        #expect(problems("a: 1\nb: 2\na: 3\nb: 4\n").map(\.summary) == [
            "3:1 yaml.duplicate-key duplicate key 'a'",
            "4:1 yaml.duplicate-key duplicate key 'b'",
        ])
    }

    @Test func keysEqualUnderTheCoreSchemaAreDuplicates() {
        #expect(problems("1: a\n0x1: b\n").map(\.code) == [YAMLDiagnosticCode.duplicateKey])
        #expect(problems("'1': a\n1: b\n").isEmpty)
    }

    @Test func twoDocumentsWhereOneIsExpected() {
        #expect(problems("a: 1\n---\nb: 2\n").map(\.summary)
            == ["2:1 yaml.multiple-documents a second document starts here; this file must hold only one"])
    }

    @Test func emptyFileAndCommentOnlyFile() {
        #expect(problems("").map(\.summary) == ["1:1 yaml.empty-document the file holds no YAML document; expected a mapping"])
        #expect(problems("# nothing here\n").map(\.code) == [YAMLDiagnosticCode.emptyDocument])
    }

    @Test func invalidUTF8IsLocated() {
        let bytes = Array("name: caf\nkind: m".utf8) + [0xE9] + Array("tropole\n".utf8)
        #expect(problems(bytes: bytes).map(\.summary)
            == ["2:8 yaml.invalid-utf8 invalid UTF-8 byte 0xE9; save the file as UTF-8"])
    }

    @Test func invalidUTF8AfterMultibyteCharactersCountsScalars() {
        let bytes = Array("é: ".utf8) + [0xFF]
        #expect(problems(bytes: bytes).map(\.summary) == ["1:4 yaml.invalid-utf8 invalid UTF-8 byte 0xFF; save the file as UTF-8"])
    }

    @Test func overlongAndSurrogateEncodingsAreInvalid() {
        #expect(problems(bytes: [0x61, 0x3A, 0x20, 0xC0, 0xAF]).map(\.code) == [YAMLDiagnosticCode.invalidUTF8])
        #expect(problems(bytes: [0x61, 0x3A, 0x20, 0xED, 0xA0, 0x80]).map(\.code) == [YAMLDiagnosticCode.invalidUTF8])
    }

    @Test func controlCharactersAreLocated() {
        #expect(problems("a: b\u{07}c\n").map(\.summary)
            == ["1:5 yaml.control-character control character U+0007 is not allowed in YAML"])
        #expect(problems("a: \u{0}").map(\.summary)
            == ["1:4 yaml.control-character control character U+0000 is not allowed in YAML"])
    }

    /// Printable runs are read sixteen bytes at a time: a byte YAML refuses is found at every
    /// position of a long line (in a first block, a second and the tail), and so is a character
    /// that is not ASCII but allowed.
    @Test(arguments: [UInt8(0x07), 0x7F, 0x00, 0x1F])
    func aForbiddenByteIsFoundAtEveryPositionOfALongLine(byte: UInt8) {
        for position in 0..<40 {
            var bytes = Array("a: ".utf8) + Array(repeating: UInt8(ascii: "x"), count: 40) + [0x0A]
            bytes[3 + position] = byte
            let hex = String(byte, radix: 16, uppercase: true)
            let expected = "1:\(4 + position) yaml.control-character control character U+\(String(repeating: "0", count: 4 - hex.count) + hex) is not allowed in YAML"
            #expect(problems(bytes: bytes).map(\.summary) == [expected], "at \(position)")
        }
        for position in 0..<40 {
            var text = "a: " + String(repeating: "x", count: 40) + "\n"
            text.insert("é", at: text.index(text.startIndex, offsetBy: 3 + position))
            #expect(problems(text).isEmpty, "é at \(position)")
        }
    }

    @Test func binaryJunkGivesBoundedDiagnostics() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let found = problems(bytes: bytes)
        #expect(!found.isEmpty)
        #expect(found.count <= 20)
        #expect(found.allSatisfy { $0.location != nil })
    }

    @Test func undefinedAliasIsLocated() {
        #expect(problems("a: 1\nb: *missing\n").map(\.summary)
            == ["2:4 yaml.undefined-alias alias '*missing' refers to no anchor defined before it"])
    }

    @Test func tabIndentationIsNamed() {
        #expect(problems("a:\n\tb: 1\n").map(\.summary)
            == ["2:1 yaml.tab-indentation a tab character where YAML expects spaces; indent with spaces"])
    }

    @Test func unterminatedQuoteNotesWhereItStarts() throws {
        let found = problems("name: \"CAF de l'Exemple\nkind: caf\n")
        #expect(found.map(\.summary)
            == ["3:1 yaml.syntax found unexpected end of stream while scanning a quoted scalar"])
        #expect(found.first?.notes.first?.location?.range.start == SourcePosition(line: 1, column: 7))
    }

    @Test func commentWithoutSpaceAfterQuoteIsRefused() {
        #expect(problems("key: \"value\"# comment\n").map(\.summary)
            == ["1:13 yaml.syntax a comment needs a space before '#'"])
    }

    @Test func directiveAfterImplicitDocumentEndIsRefused() {
        let (_, diagnostics) = YAMLParser.parse(SourceFile(path: "t.yaml", text: "a: 1\n%YAML 1.2\n---\nb: 2\n"),
                                                limits: .default, maxDocuments: .max)
        #expect(diagnostics.sorted.map(\.summary) == ["2:1 yaml.syntax a directive must follow a document end marker '...'"])
    }
}
