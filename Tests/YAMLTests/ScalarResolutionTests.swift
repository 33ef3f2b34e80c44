import Testing
@testable import YAML

@Suite struct ScalarResolutionTests {
    @Test(arguments: [
        ("~", YAMLScalar.Resolved.null), ("null", .null), ("NULL", .null), ("", .null),
        ("true", .bool(true)), ("False", .bool(false)),
        ("yes", .string), ("no", .string), ("on", .string), ("off", .string), ("y", .string),
        ("42", .integer(42)), ("-7", .integer(-7)), ("+3", .integer(3)), ("0o17", .integer(15)),
        ("0x1F", .integer(31)), ("99999999999999999999", .integer(nil)),
        ("1.5", .float(1.5)), ("-0.25", .float(-0.25)), ("1e3", .float(1000)), (".5", .float(0.5)),
        (".inf", .float(.infinity)), ("-.Inf", .float(-.infinity)),
        ("2026-10-14", .string), ("1_000", .string), ("0b101", .string), ("12:30", .string), ("CAF", .string),
    ])
    func plainScalarsFollowTheCoreSchema(text: String, expected: YAMLScalar.Resolved) {
        #expect(YAMLScalar(text: text, style: .plain).resolved == expected)
    }

    @Test func notANumberIsAFloat() {
        guard case .float(let value) = YAMLScalar(text: ".nan", style: .plain).resolved else {
            Issue.record("'.nan' should resolve to a float")
            return
        }
        #expect(value.isNaN)
    }

    @Test func quotedScalarsAreAlwaysStrings() {
        #expect(YAMLScalar(text: "42", style: .doubleQuoted).resolved == .string)
        #expect(YAMLScalar(text: "true", style: .singleQuoted).resolved == .string)
        #expect(YAMLScalar(text: "~", style: .literal).resolved == .string)
    }

    @Test func standardTagsDecide() {
        #expect(YAMLScalar(text: "42", style: .plain, tag: "tag:yaml.org,2002:str").resolved == .string)
        #expect(YAMLScalar(text: "42", style: .doubleQuoted, tag: "tag:yaml.org,2002:int").resolved == .integer(42))
        #expect(YAMLScalar(text: "42", style: .plain, tag: "!").resolved == .string)
    }

    @Test func documentKeepsKeyOrderAndPositions() throws {
        let root = try document("zeta: 1\nalpha:\n  - x\n  - \"y\"\n")
        let pairs = try root.mapping()
        #expect(pairs.map { $0.key.scalar?.text } == ["zeta", "alpha"])
        let items = try pairs[1].value.sequence()
        #expect(items[1].scalar?.style == .doubleQuoted)
        #expect(items[1].location.range.start.line == 4)
        #expect(items[1].location.range.start.column == 5)
        #expect(items[1].location.range.end.column == 8)
    }

    @Test func columnsCountUnicodeScalars() throws {
        let root = try document("é: ü\nkey: [ï, ö]\n")
        #expect(root["é"]?.location.range.start.column == 4)
        let list = try #require(root["key"]).sequence()
        #expect(list[1].location.range.start.column == 10)
    }

    @Test func aliasesShareTheAnchoredNode() throws {
        let root = try document("base: &b {x: 1}\ncopy: *b\n")
        #expect(root["copy"] == root["base"])
    }

    /// The byte-level null test (read four bytes at a time) agrees with the list of the core
    /// schema's null spellings on every string of up to five bytes over the letters they use.
    @Test func nullWordsAreTheCoreSchemasOnly() {
        let letters = Array("nulNUL~ x".utf8)
        let spellings: Set<[UInt8]> = Set(["", "~", "null", "Null", "NULL"].map { Array($0.utf8) })
        var words: [[UInt8]] = [[]]
        var checked = 0
        for _ in 0..<5 {
            words = words.flatMap { word in letters.map { word + [$0] } }
            for word in words {
                #expect(word.withUnsafeBufferPointer { YAMLScalar.isNullWord($0) } == spellings.contains(word), "\(word)")
                checked += 1
            }
        }
        #expect([UInt8]().withUnsafeBufferPointer { YAMLScalar.isNullWord($0) })
        #expect(checked == 9 + 81 + 729 + 6_561 + 59_049)
    }
}
