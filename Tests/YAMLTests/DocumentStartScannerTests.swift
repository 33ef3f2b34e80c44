import Testing
@testable import YAML

/// The one rule for where a document starts in a stream of YAML documents.
@Suite struct DocumentStartScannerTests {
    /// The lines (0-based) where a document starts.
    private func starts(_ text: String) -> [Int] {
        let bytes = Array(text.utf8)
        var lineStarts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") && index + 1 < bytes.count { lineStarts.append(index + 1) }
        var scanner = DocumentStartScanner()
        return bytes.withUnsafeBufferPointer { buffer in
            lineStarts.enumerated().compactMap { scanner.feed(lineAt: $0.element, line: $0.offset, in: buffer)?.line }
        }
    }

    @Test func markersFollowedByASpaceATabABreakOrTheEnd() {
        #expect(starts("---\na: 1\n--- b\n---\tc\n---\r\nd: 1\n---") == [0, 2, 3, 4, 6])
        #expect(starts("----\n-- -\n ---\n").isEmpty)
    }

    @Test func directivesAfterAnExplicitEndBelongToTheNextDocument() {
        #expect(starts("%YAML 1.2\n---\na: 1\n...\n# comment\n%YAML 1.2\n%TAG ! tag:x,2000:\n---\nb: 1\n") == [0, 5])
    }

    @Test func directivesAfterAnImplicitEndStartNoDocument() {
        #expect(starts("---\na: 1\n%YAML 1.2\n---\nb: 1\n") == [0])
    }
}
