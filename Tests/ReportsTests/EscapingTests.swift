import Diagnostics
import Foundation
import Testing
@testable import Reports

/// Strings from packs and profiles never become markup, formulas, terminal commands or broken
/// JSON: every destination's function is tried on the same hostile payloads.
@Suite struct EscapingTests {
    static let payloads: [String] = [
        "\u{1B}[2J\u{1B}[H cleared", "\u{1B}]0;window title\u{07}", "bell\u{07}", "C1 \u{9B}31m and \u{85}",
        "nul\u{0}byte", "bidi \u{202E}txt.exe", "<script>alert('x')</script> & \"q\"", "</style>",
        "=1+1", "x;=1+1;y", "a, b", "+33 1 23", "@SUM(A1)", "**bold** | [link](x) # title\nnext", "tab\there", "plain",
    ]

    @Test(arguments: payloads)
    func terminalShowsEveryControlAsText(_ payload: String) {
        let safe = SafeText.terminal(payload)
        #expect(!safe.unicodeScalars.contains(where: SafeText.isControl))
        let coloured = SafeText.terminal("\u{1B}[1;31m" + payload + "\u{1B}[0m", keepingColours: true)
        #expect(coloured.hasPrefix("\u{1B}[1;31m") && coloured.hasSuffix("\u{1B}[0m"))
        #expect(!coloured.contains("\u{1B}]") && !coloured.contains("\u{1B}[2J") && !coloured.contains("\u{07}"))
    }

    @Test(arguments: payloads)
    func markdownShowsTheTextItself(_ payload: String) {
        let safe = SafeText.markdown(payload)
        #expect(!safe.unicodeScalars.contains(where: SafeText.isControl))
        #expect(!safe.contains("\n"))
        for markup in ["*", "[", "<", "#", "|", "`"] where payload.contains(markup) {
            #expect(!safe.replacingOccurrences(of: "\\" + markup, with: "").contains(markup))
        }
        #expect(SafeText.markdown("&copy; &#60; & x") == "\\&copy; \\&\\#60; & x")
    }

    @Test(arguments: payloads)
    func htmlHoldsNoMarkupAndNoControl(_ payload: String) {
        let safe = SafeText.html(payload)
        #expect(!safe.contains("<") && !safe.contains(">") && !safe.contains("\"") && !safe.contains("'"))
        #expect(!safe.unicodeScalars.contains(where: SafeText.isControl))
    }

    /// Splits a CSV line the way a spreadsheet does with `delimiter`, honouring quotes.
    private func cells(_ line: String, delimiter: Character) -> [String] {
        var cells: [String] = [], current = "", quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == delimiter && !quoted {
                cells.append(current)
                current = ""
            } else { current.append(character) }
        }
        return cells + [current]
    }

    @Test(arguments: payloads)
    func csvIsOneCellWithEitherDelimiterAndNeverAFormula(_ payload: String) {
        let safe = SafeText.csvCell(payload)
        for delimiter: Character in [",", ";"] {
            let split = cells(safe, delimiter: delimiter)
            #expect(split.count == 1, "'\(payload)' splits on '\(delimiter)'")
            if let first = split.first?.first, "=+-@".contains(first) { #expect(Double(split[0]) != nil) }
        }
        #expect(!safe.unicodeScalars.contains { SafeText.isControl($0) && $0 != "\n" && $0 != "\r" })
    }

    @Test(arguments: payloads)
    func jsonReadsBackAsTheSameText(_ payload: String) throws {
        let literal = SafeText.json(payload)
        #expect(!literal.contains("<"))
        let decoded = try JSONSerialization.jsonObject(with: Data(("[" + literal + "]").utf8)) as? [String]
        #expect(decoded == [payload])
    }

    @Test func onlyOrgdiagsOwnColoursPassWhenColouring() {
        #expect(SafeText.terminal("\u{1B}[8mhidden\u{1B}[0m", keepingColours: true) == "\\u{1B}[8mhidden\u{1B}[0m")
        #expect(SafeText.terminal("\u{1B}[1;31mred\u{1B}[0m", keepingColours: true) == "\u{1B}[1;31mred\u{1B}[0m")
        #expect(SafeText.terminal("\u{1B}[5;31mblink", keepingColours: true).hasPrefix("\\u{1B}"))
    }

    @Test func knownForms() {
        #expect(SafeText.html("<script>alert('x')</script> & \"q\"") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
        #expect(SafeText.markdown("**bold** | [link](x) <b> # title\nnext") == "\\*\\*bold\\*\\* \\| \\[link\\](x) \\<b\\> \\# title next")
        #expect(SafeText.csvCell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(SafeText.csvCell("x;=1+1;y") == "\"x;=1+1;y\"")
        #expect(SafeText.csvCell("-12") == "-12")
        #expect(SafeText.terminal("\u{1B}[2J") == "\\u{1B}[2J")
        #expect(JSON.quoted("a\"b\\c\n\u{01}<") == "\"a\\\"b\\\\c\\n\\u0001\\u003c\"")
    }
}
