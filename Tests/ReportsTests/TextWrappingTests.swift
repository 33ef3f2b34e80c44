import Testing
@testable import Reports

/// Terminal wrapping: lines of at most the width in characters, later lines indented, and a space
/// that a combining mark follows kept with its mark.
@Suite struct TextWrappingTests {
    @Test func linesHoldAtMostTheWidthInCharacters() {
        let text = "Seulement 64 % des appels aboutissent, soit 21 points sous l'objectif fixé par la convention d'objectifs."
        let wrapped = TextWrapping.wrap(text, width: 30, indent: "  ")
        let lines = wrapped.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.count <= 30 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") })
        #expect(wrapped.replacingOccurrences(of: "\n  ", with: " ") == text)
        #expect(TextWrapping.wrap("court", width: 30) == "court")
    }

    @Test func aSpaceACombiningMarkFollowsIsNotABreak() {
        // " \u{301}" is one character: the mark stays after its space, never at a line's start.
        let wrapped = TextWrapping.wrap("aaaa bbbb cccc dddd \u{301}eeee", width: 20)
        #expect(wrapped == "aaaa bbbb cccc\ndddd \u{301}eeee")
    }

    /// Words are measured in characters, not bytes: accented letters (two bytes each) and letters
    /// with a combining accent (two scalars each) count once, ASCII words by their bytes.
    @Test(arguments: ["\u{E9}", "e\u{301}"])
    func accentedWordsAreMeasuredInCharacters(letter: String) {
        let word = String(repeating: letter, count: 4)
        let wrapped = TextWrapping.wrap(Array(repeating: word, count: 5).joined(separator: " ") + " abcd", width: 20)
        #expect(wrapped == Array(repeating: word, count: 4).joined(separator: " ") + "\n" + word + " abcd")
    }

    /// CR LF is one character: a line holding one is measured with it counted once.
    @Test func aCarriageReturnAndLineFeedCountOnce() {
        #expect(TextWrapping.wrap("aaaa bbbb cccc ab\r\ncd eeee", width: 20) == "aaaa bbbb cccc ab\r\ncd\neeee")
    }

    @Test func aWordLongerThanTheWidthStandsAlone() {
        let long = String(repeating: "x", count: 25)
        #expect(TextWrapping.wrap("a \(long) b", width: 20) == "a\n\(long)\nb")
    }
}
