import Diagnostics
import Testing
@testable import YAML

/// A scalar's text origin puts each character of the decoded text where it stands in the source,
/// whatever the scalar's style: the marker `§` is found in both and must land on the same place.
@Suite struct TextOriginTests {
    static let documents: [String] = [
        "key: a and §b\n",
        "key: a and\n  more and\n\n  even §more\n",
        "key: 'it''s a §test'\n",
        "key: 'first\n  second §third'\n",
        "key: \"a \\\"quoted\\\" §word\"\n",
        "key: \"\\u00e9\\x41\\t\\U0001F600 §x\"\n",
        "key: \"joined \\\n   line §end\"\n",
        "key: \"é€ multi-byte before §x\"\n",
        "key: |\n  first line\n  second §line\n",
        "key: |-\n    deeper\n      more-indented §x\n",
        "key: >\n  folded\n  text\n\n  after a §gap\n",
        "key: >-\n  one\n  two §three\n",
        "list:\n  - \"née à Évry\"\n  - |\n    a\n    b §c\n",
        "key: |\r\n  crlf\r\n  line §two\r\n",
        "é: \"ééé\" \nkey: >\n  ééé\n  ééé §x\n",
        "a: 1\nb: 2\nkey: 'after two lines §x'\n",
        "key: \"joined \\\n\n\n   after empty lines §x\"\n",
        "key: |2\n    more-indented first\n  then §x\n",
        "key: |2-\n      deeper §x\n",
    ]

    private static func markerPosition(in source: String) -> SourcePosition {
        var line = 1, column = 1
        for scalar in source.unicodeScalars {
            if scalar == "§" { return SourcePosition(line: line, column: column) }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourcePosition(line: 0, column: 0)
    }

    private static func scalarHoldingMarker(_ node: YAMLNode) -> YAMLNode? {
        switch node.content {
        case .scalar(let scalar): return scalar.text.contains("§") ? node : nil
        case .sequence(let items): return items.lazy.compactMap(scalarHoldingMarker).first
        case .mapping(let pairs): return pairs.lazy.compactMap { scalarHoldingMarker($0.value) }.first
        }
    }

    @Test(arguments: documents)
    func theMarkerLandsWhereItIsWritten(_ source: String) throws {
        let file = SourceFile(path: "t.yaml", text: source)
        let root = try YAMLParser.parseDocument(file, limits: .default)
        let node = try #require(Self.scalarHoldingMarker(root), "no scalar holds the marker")
        let text = Array(node.scalar!.text.unicodeScalars)
        let offset = try #require(text.firstIndex(of: "§"))
        let origin = try #require(node.textOrigin())
        let indexed = try #require(node.textOrigin(lines: LineIndex(file)))
        #expect(origin.position(ofScalarOffset: offset) == Self.markerPosition(in: source))
        #expect(indexed.position(ofScalarOffset: offset) == Self.markerPosition(in: source))
        // The character after the marker follows it on the same line.
        #expect(origin.position(ofScalarOffset: offset + 1)
                == SourcePosition(line: Self.markerPosition(in: source).line, column: Self.markerPosition(in: source).column + 1))
    }

    @Test func aNonScalarHasNoTextOrigin() throws {
        let root = try YAMLParser.parseDocument(SourceFile(path: "t.yaml", text: "a: [1]\n"), limits: .default)
        #expect(root.textOrigin() == nil)
    }
}
