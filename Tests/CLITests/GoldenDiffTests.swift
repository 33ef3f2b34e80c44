import Testing
import TestSupport

/// A golden failure must show what differs, including what the eye cannot see.
@Suite struct GoldenDiffTests {
    @Test func aNoBreakSpaceDifferenceIsVisible() {
        let diff = LineDiff.describe(from: "a\n40 %\nc", to: "a\n40\u{A0}%\nc")
        #expect(diff == "-2: 40 %\n+2: 40·%")
    }

    @Test func insertedAndRemovedLinesAreListedInOrder() {
        let diff = LineDiff.describe(from: "one\ntwo\nthree\nfour", to: "one\nthree\nfour\nfive")
        #expect(diff == "-2: two\n+4: five")
    }

    @Test func controlCharactersAndTrailingSpacesAreWrittenOut() {
        #expect(LineDiff.visible("a\tb\u{1B}[2J ") == "a→b⟨U+1B⟩[2J ⏎")
    }

    @Test func crlfLinesAreComparedOneByOne() {
        #expect(LineDiff.describe(from: "a\r\nb\r\n", to: "a\r\nc\r\n") == "-2: b⟨CR⟩\n+2: c⟨CR⟩")
    }
}
