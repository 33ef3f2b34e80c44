import Diagnostics
import Testing
@testable import YAML

/// The encoding check's line starts are those of ``LineIndex`` (libyaml's lines), however many
/// the plain-text scan finds at once, and a refused byte is placed at its line and column.
@Suite struct UTF8ScannerTests {
    /// More lines than the scan notes in one call, with tabs, CR LF, lone CR, NEL and accented
    /// characters among them, and a control character after line 1,500.
    @Test func lineStartsAreLibyamlsAndABadByteIsPlaced() {
        var text = ""
        for line in 1...2_600 {
            switch line % 7 {
            case 0: text += "key\(line):\tvalue\r\n"
            case 1: text += "é: \(line)\r"
            case 2: text += "a: \(line)\u{85}"
            case 3: text += String(repeating: "x", count: line % 90) + "\n"
            default: text += "  k: \(line)\n"
            }
            if line == 1_600 { text += "bad: ab\u{07}c\n" }
        }
        let file = SourceFile(path: "lines.yaml", text: text)
        let (problems, lineStarts) = UTF8Scanner.scan(file)
        let index = LineIndex(file)
        #expect(lineStarts.count == index.count)
        #expect(lineStarts == (1...index.count).map { index.offset(ofLine: $0)! })
        #expect(problems.map { "\($0.location!.range.start.line):\($0.location!.range.start.column) \($0.code)" }
            == ["1601:8 yaml.control-character"])
    }
}
