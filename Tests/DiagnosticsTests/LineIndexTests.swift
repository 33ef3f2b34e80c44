import Testing
@testable import Diagnostics

/// Lines end where libyaml ends them; a line-feed count is right only where no other break is.
@Suite struct LineIndexTests {
    private func hasOtherBreaks(_ text: String, within range: Range<Int>? = nil) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { LineIndex.hasBreaksBesidesLineFeeds(in: $0, within: range ?? $0.indices) }
    }

    @Test func lineFeedsAndCarriageReturnLineFeedsAreCountedByTheirLineFeeds() {
        #expect(!hasOtherBreaks("a: 1\nb: 2\r\nc: 3\r\n"))
        #expect(!hasOtherBreaks(""))
        // Bytes that start a break elsewhere but not here: a no-break space, a typographic apostrophe.
        #expect(!hasOtherBreaks("name: \u{A0}l\u{2019}agence\n"))
    }

    @Test(arguments: ["a\rb", "a\r", "a\u{85}b", "a\u{2028}b", "a\u{2029}b", "l\u{2019}a\u{2029}b"])
    func everyOtherBreakIsFound(text: String) {
        #expect(hasOtherBreaks(text))
        #expect(LineIndex(SourceFile(path: "t", text: text)).count == 2)
    }

    @Test func onlyTheRangeIsSearchedButABreakEndsBeyondIt() {
        #expect(!hasOtherBreaks("a\nb\u{2028}", within: 0..<3))
        #expect(!hasOtherBreaks("a\r\nb", within: 0..<2))  // CR LF cut after its CR
        #expect(hasOtherBreaks("a\rb", within: 0..<2))
    }
}
