import Diagnostics
import Testing
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
