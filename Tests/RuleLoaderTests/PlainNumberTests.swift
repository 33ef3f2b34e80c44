import Foundation
import Testing
import TestSupport
@testable import RuleLoader

/// The stream decoder's number reader gives the double that `Double(_:)` reads from the same
/// text, for exactly the texts of its forms (`-?D` and, when fractions are allowed, `-?D.D`, at
/// most fifteen digits in all), and `nil` for every other.
@Suite struct PlainNumberTests {
    /// Whether `text` is of the reader's forms.
    private func isPlainNumber(_ text: String, allowingFraction: Bool) -> Bool {
        let pattern = allowingFraction ? #"^-?[0-9]+(\.[0-9]+)?$"# : #"^-?[0-9]+$"#
        guard text.range(of: pattern, options: .regularExpression) != nil else { return false }
        return text.filter(\.isNumber).count <= 15
    }

    private func read(_ text: String, allowingFraction: Bool) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { PlainNumber.read($0, allowingFraction: allowingFraction) }
    }

    @Test(arguments: [
        ("0", 0.0), ("-0", -0.0), ("42", 42), ("-7", -7), ("75.97", 75.97), ("0.02", 0.02), ("-4267.12", -4267.12),
        ("999999999999999", 999_999_999_999_999), ("0.00000000000001", 1e-14), ("12345678.1234567", 12345678.1234567),
    ])
    func readsTheNumberTheTextDenotes(text: String, expected: Double) {
        let value = read(text, allowingFraction: true)
        #expect(value == expected)
        #expect(value?.sign == expected.sign)
    }

    @Test(arguments: ["", "-", ".", "-.5", ".5", "5.", "1.2.3", "--1", "1-", "+1", "1e3", " 1", "1 ", "0x10", "1_000",
                      "1234567890123456", "123456789012345.6", "99999999999999999999"])
    func refusesTextsOfOtherForms(text: String) {
        #expect(read(text, allowingFraction: true) == nil)
        #expect(read(text, allowingFraction: false) == nil)
    }

    @Test func aFractionIsRefusedWhereOnlyWholeNumbersAre() {
        #expect(read("1.5", allowingFraction: false) == nil)
        #expect(read("15", allowingFraction: false) == 15)
    }

    /// Random texts over digits, signs and points, of up to twenty bytes: the reader and the
    /// forms' definition agree on each.
    @Test func agreesWithTheDefinitionOnRandomTexts() {
        var generator = SeededGenerator(state: 2026_12_03)
        let alphabet: [Character] = Array("0123456789-.") + ["1", "2", "5", "9", "x"]
        for _ in 0..<50_000 {
            let length = Int.random(in: 0...20, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            for allowingFraction in [true, false] {
                let expected = isPlainNumber(text, allowingFraction: allowingFraction) ? Double(text) : nil
                #expect(read(text, allowingFraction: allowingFraction) == expected, "\(text), fraction \(allowingFraction)")
            }
        }
    }
}
