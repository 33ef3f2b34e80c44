import Diagnostics
import Testing
import TestSupport
@testable import YAML

/// A stream read in pieces on several cores gives the documents and positions of a sequential read.
@Suite struct ConcurrentStreamTests {
    private func stream(documents: Int, badAt bad: Int? = nil) -> SourceFile {
        var text = "# a portfolio\n"
        for index in 0..<documents {
            text += "---\norganisation: {name: \"Org \(index)\"}\nfacts:\n  a: \(index)\n  b: [x, y]\n  text: |\n    --- not a marker inside a block? it is one only at column 0\n"
            if index == bad { text += "  broken: [unclosed\n" }
        }
        return SourceFile(path: "stream.yaml", text: text)
    }

    @Test func piecesGiveTheSameDocumentsAndPositions() {
        let file = stream(documents: 3000)
        let cuts = YAMLParser.documentCuts(file, lineStarts: UTF8Scanner.scan(file).lineStarts, pieces: 8)
        #expect(cuts.count == 8)
        let sequential = YAMLParser.parse(file, limits: .default, maxDocuments: .max)
        let concurrent = YAMLParser.parseStreamConcurrently(file, pieces: 8)
        #expect(concurrent.diagnostics.isEmpty)
        #expect(concurrent.documents.count == 3000)
        #expect(concurrent.documents == sequential.documents)
        #expect(concurrent.documents.map(\.location.range) == sequential.documents.map(\.location.range))
        #expect(concurrent.documents[2999]["facts"]?["a"]?.location.description == "stream.yaml:20998:6")
    }

    @Test func anErrorInALaterPieceKeepsItsLine() {
        let file = stream(documents: 3000, badAt: 2500)
        let concurrent = YAMLParser.parseStreamConcurrently(file, pieces: 8)
        let sequential = YAMLParser.parse(file, limits: .default, maxDocuments: .max)
        #expect(concurrent.diagnostics.sorted.first?.description == sequential.diagnostics.sorted.first?.description)
        #expect(concurrent.diagnostics.sorted.first?.location?.range.start.line == 17510)
    }

    /// The cuts, skipping the lines before each part's size, are those of a scan of every line:
    /// the first document start at least a part's size after the cut before, for streams of every
    /// kind of line a document start depends on.
    @Test func cutsAreThoseOfAScanOfEveryLine() {
        let kinds = ["---\n", "--- {a: 1}\n", "---x\n", "%YAML 1.2\n", "...\n", "# comment\n", "\n", "a: 1\n", "  b: [x, y]\n",
                     String(repeating: "c", count: 300) + "\n"]
        var generator = SeededGenerator(state: 5)
        for round in 0..<40 {
            // Rounds with few markers too, so that some parts hold none.
            let weights = round % 2 == 0 ? [6, 1, 1, 1, 1, 2, 2, 8, 8, 2] : [1, 0, 0, 1, 1, 1, 1, 20, 20, 6]
            let weighted = zip(kinds, weights).flatMap { Array(repeating: $0, count: $1) }
            var text = ""
            while text.utf8.count < 70_000 + round * 3_000 { text += weighted.randomElement(using: &generator)! }
            let file = SourceFile(path: "s.yaml", text: text)
            let lineStarts = UTF8Scanner.scan(file).lineStarts
            for pieces in [2, 3, 8, 40] {
                for block in [1, 3, 64] {
                    let found = YAMLParser.documentCuts(file, lineStarts: lineStarts, pieces: pieces, documentsPerBlock: block)
                    let expected = everyLineCuts(file, lineStarts: lineStarts, pieces: pieces, documentsPerBlock: block)
                    #expect(found.map(\.bytes) == expected.map(\.bytes) && found.map(\.line) == expected.map(\.line),
                            "round \(round), \(pieces) pieces, blocks of \(block)")
                }
            }
        }
    }

    /// The cuts by definition: every line fed to one scanner, each cut the first document start
    /// at least a part's size after the one before, with a multiple of `documentsPerBlock` marker
    /// lines from there, or at least twice a part's size after it.
    private func everyLineCuts(_ file: SourceFile, lineStarts: [Int], pieces: Int,
                               documentsPerBlock: Int) -> [(bytes: Range<Int>, line: Int)] {
        let count = file.contents.count
        let target = count / pieces
        var cuts: [(bytes: Range<Int>, line: Int)] = []
        var start = 0
        var startLine = 0
        var scanner = DocumentStartScanner()
        file.contents.withUnsafeBufferPointer { bytes in
            for (line, offset) in lineStarts.enumerated() where offset < count {
                guard let document = scanner.feed(lineAt: offset, line: line, in: bytes), document.offset - start >= target,
                      (startLine..<document.line).count(where: { DocumentStartScanner.isMarker(bytes, at: lineStarts[$0]) })
                          % documentsPerBlock == 0 || document.offset - start >= 2 * target else { continue }
                cuts.append((start..<document.offset, startLine))
                start = document.offset
                startLine = document.line
            }
        }
        return cuts + [(start..<count, startLine)]
    }

    /// Where each document starts with a marker, every part but the last holds whole blocks of
    /// documents, and the parts still hold every document, in order.
    @Test func partsHoldWholeBlocksOfDocuments() {
        let file = stream(documents: 3000)
        let cuts = YAMLParser.documentCuts(file, lineStarts: UTF8Scanner.scan(file).lineStarts, pieces: 8, documentsPerBlock: 64)
        #expect(cuts.count > 2)
        let documents = cuts.map { cut in
            file.contents[cut.bytes].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                .count { $0.starts(with: Array("---".utf8)) && ($0.count == 3 || $0[$0.startIndex + 3] == UInt8(ascii: " ")) }
        }
        #expect(documents.dropLast().allSatisfy { $0 % 64 == 0 && $0 > 0 })
        #expect(documents.reduce(0, +) == 3000)
        #expect(zip(cuts, cuts.dropFirst()).allSatisfy { $0.bytes.upperBound == $1.bytes.lowerBound })
    }

    /// Documents too large for a block to fit a part still make several parts: a cut waits for
    /// a whole block for twice a part's size at most.
    @Test func largeDocumentsStillMakeSeveralParts() {
        let document = "---\nfacts:\n" + String(repeating: "  text: \(String(repeating: "x", count: 200))\n", count: 100)
        let file = SourceFile(path: "large.yaml", text: String(repeating: document, count: 100))
        let cuts = YAMLParser.documentCuts(file, lineStarts: UTF8Scanner.scan(file).lineStarts, pieces: 16, documentsPerBlock: 64)
        let target = file.contents.count / 16
        #expect(cuts.count >= 6)
        #expect(cuts.dropLast().allSatisfy { $0.bytes.count >= target && $0.bytes.count < 2 * target + document.utf8.count })
    }

    @Test func directivesStayWithTheirDocument() {
        let file = SourceFile(path: "d.yaml", text: String(repeating: "%YAML 1.2\n---\na: 1\n...\n", count: 10_000))
        let cuts = YAMLParser.documentCuts(file, lineStarts: UTF8Scanner.scan(file).lineStarts, pieces: 8)
        #expect(cuts.count > 1)
        for cut in cuts { #expect(file.contents[cut.bytes.lowerBound] == UInt8(ascii: "%")) }
        let concurrent = YAMLParser.parseStreamConcurrently(file, pieces: 8)
        #expect(concurrent.diagnostics.isEmpty)
        #expect(concurrent.documents.count == 10_000)
    }

    @Test func aDirectiveAfterAnImplicitEndIsReportedAsInASequentialRead() {
        var text = String(repeating: "---\na: 1\n", count: 9_000)
        text += "%YAML 1.2\n---\nb: 2\n" + String(repeating: "---\na: 1\n", count: 9_000)
        let file = SourceFile(path: "d.yaml", text: text)
        let concurrent = YAMLParser.parseStreamConcurrently(file, pieces: 8)
        let sequential = YAMLParser.parse(file, limits: .default, maxDocuments: .max)
        #expect(sequential.diagnostics.sorted.first?.message == "a directive must follow a document end marker '...'")
        #expect(concurrent.diagnostics.sorted.first?.description == sequential.diagnostics.sorted.first?.description)
    }
}
