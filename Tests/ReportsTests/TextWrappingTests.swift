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

    @Test func aWordLongerThanTheWidthStandsAlone() {
        let long = String(repeating: "x", count: 25)
        #expect(TextWrapping.wrap("a \(long) b", width: 20) == "a\n\(long)\nb")
    }
}
