import Diagnostics
import Testing
@testable import YAML

@Suite struct AccessorTests {
    private func value(_ text: String) throws -> YAMLNode {
        try #require(try document("v: \(text)\n")["v"])
    }

    private func failure(_ text: String, _ read: (YAMLNode) throws -> Void) throws -> String {
        let node = try value(text)
        do {
            try read(node)
            return "no error"
        } catch let diagnostic as Diagnostic {
            return diagnostic.summary
        }
    }

    @Test func integers() throws {
        #expect(try value("42").integer() == 42)
        #expect(try failure("4.5") { _ = try $0.integer() } == "1:4 yaml.type-mismatch expected a whole number, found a number '4.5'")
        #expect(try failure("5.0") { _ = try $0.integer() }
            == "1:4 yaml.invalid-value expected a whole number, found '5.0'; write it without a decimal part")
        #expect(try failure("99999999999999999999") { _ = try $0.integer() }
            == "1:4 yaml.invalid-value '99999999999999999999' is too large for a whole number")
        #expect(try failure("\"42\"") { _ = try $0.integer() } == "1:4 yaml.type-mismatch expected a whole number, found a string '42'")
    }

    @Test func numbers() throws {
        #expect(try value("1.25").number() == 1.25)
        #expect(try value("3").number() == 3)
        #expect(try value("-0").number().sign == .plus)
        #expect(try failure(".nan") { _ = try $0.number() } == "1:4 yaml.invalid-value expected a finite number, found '.nan'")
        #expect(try failure("1e400") { _ = try $0.number() } == "1:4 yaml.invalid-value expected a finite number, found '1e400'")
        #expect(try failure("[1]") { _ = try $0.number() } == "1:4 yaml.type-mismatch expected a number, found a list")
    }

    @Test func booleans() throws {
        #expect(try value("true").bool())
        #expect(try failure("yes") { _ = try $0.bool() }
            == "1:4 yaml.invalid-value expected true or false, found 'yes'; YAML 1.2 reads it as text")
        #expect(try failure("1") { _ = try $0.bool() } == "1:4 yaml.type-mismatch expected true or false, found a number '1'")
    }

    @Test func strings() throws {
        #expect(try value("2026").string() == "2026")
        #expect(try failure("~") { _ = try $0.string() } == "1:4 yaml.type-mismatch expected a string, found nothing")
        #expect(try failure("{a: 1}") { _ = try $0.string() } == "1:4 yaml.type-mismatch expected a string, found a mapping")
    }

    @Test func collections() throws {
        #expect(try value("[a, b]").sequence().count == 2)
        #expect(try failure("a") { _ = try $0.mapping() } == "1:4 yaml.type-mismatch expected a mapping, found a string 'a'")
        #expect(try failure("a") { _ = try $0.sequence() } == "1:4 yaml.type-mismatch expected a list, found a string 'a'")
    }

    @Test func wordsSuggestTheNearestKnownWord() throws {
        let severities = ["critical", "high", "medium", "low"]
        #expect(try value("high").word(oneOf: severities) == "high")
        #expect(try failure("hihg") { _ = try $0.word(oneOf: severities) }
            == "1:4 yaml.unknown-word unknown value 'hihg'; did you mean 'high'?")
        #expect(try failure("urgent") { _ = try $0.word(oneOf: severities) }
            == "1:4 yaml.unknown-word unknown value 'urgent'; expected one of 'critical', 'high', 'low', 'medium'")
    }
}
