import Testing
import TestSupport
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

    /// Line feeds are counted sixteen bytes at a time, in a byte per lane summed every 255 rounds:
    /// the count is every byte equal to `\n`, next to any other byte (0x8A and 0x0B included), in
    /// the tail under sixteen bytes, and across the rounds' sums.
    @Test func lineFeedsAreCountedExactly() {
        var generator = SeededGenerator(state: 7)
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 100, 1_000, 4_079, 4_080, 4_081, 10_000] {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in [UInt8(0x0A), 0x8A, 0x0B, 0x09, 0xFF, 0x00, 0x61][Int(generator.next() % 7)] }
                let expected = bytes.filter { $0 == 0x0A }.count
                #expect(bytes.withUnsafeBufferPointer { LineIndex.lineFeeds(in: $0) } == expected)
            }
        }
        // Every byte a line feed: each lane's count reaches its most before it is summed.
        for length in [4_080, 4_096, 10_007] {
            let bytes = [UInt8](repeating: 0x0A, count: length)
            #expect(bytes.withUnsafeBufferPointer { LineIndex.lineFeeds(in: $0) } == length)
        }
    }
}
