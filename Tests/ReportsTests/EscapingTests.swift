import Testing
@testable import Reports

/// Strings from packs and profiles never become markup, formulas or broken JSON.
@Suite struct EscapingTests {
    @Test func htmlEscapesEverySpecialCharacter() {
        #expect(HTMLReportRenderer.escape("<script>alert('x')</script> & \"q\"")
            == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
        #expect(HTMLReportRenderer.escape("</style>") == "&lt;/style&gt;")
    }

    @Test func markdownEscapesSyntax() {
        #expect(MarkdownReportRenderer.escape("**bold** | [link](x) <b> # title\nnext") == "\\*\\*bold\\*\\* \\| \\[link\\](x) \\<b\\> \\# title next")
    }

    @Test func csvNeutralisesFormulasAndQuotes() {
        #expect(PortfolioReport.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(PortfolioReport.cell("+33 1 23") == "'+33 1 23")
        #expect(PortfolioReport.cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(PortfolioReport.cell("-12") == "-12")
        #expect(PortfolioReport.cell("a, b") == "\"a, b\"")
        #expect(PortfolioReport.cell("plain") == "plain")
    }

    @Test func jsonEscapesControlCharactersAndAngleBrackets() {
        #expect(JSON.quoted("a\"b\\c\n\u{01}<") == "\"a\\\"b\\\\c\\n\\u0001\\u003c\"")
    }
}
