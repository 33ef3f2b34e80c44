import Foundation
import Testing
import TestSupport

/// The HTML report checked in a real browser: headless Chromium prints it to PDF and PNG, and the
/// PDF's text must show the sections, the organisation's name, and hostile strings as plain text.
@Suite(.serialized) struct BrowserRenderingTests {
    static let tools = [ExternalTool.chromium, .pdftotext]

    /// Runs where Chromium and pdftotext are installed, and always in CI (where .ci/run installs
    /// them); elsewhere the skip names the packages to install.
    static var browserIsExpected: Bool { ExternalTool.expected(tools) }

    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        try CLIRunner.run(arguments, executable: URL(fileURLWithPath: executable)).stdout
    }

    /// Renders `html` to PDF and PNG in `folder`; returns the PDF's text.
    private func render(_ html: URL, in folder: URL) throws -> String {
        let pdf = folder.appendingPathComponent("report.pdf").path
        let png = folder.appendingPathComponent("report.png").path
        _ = try run(ExternalTool.chromium.path, ["--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)", html.absoluteString])
        _ = try run(ExternalTool.chromium.path, ["--no-sandbox", "--disable-gpu", "--window-size=1000,1400", "--screenshot=\(png)", html.absoluteString])
        #expect(FileManager.default.fileExists(atPath: png))
        return try run(ExternalTool.pdftotext.path, ["-layout", pdf, "-"])
    }

    @Test(.enabled(if: browserIsExpected, Comment(rawValue: ExternalTool.missing(tools))))
    func htmlReportRendersWithItsSections() throws {
        guard ExternalTool.require(Self.tools) else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgdiag-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("report.html")
        let outcome = try CLIRunner.run(["report", "fixtures/profiles/cci-val-de-loire-sud.yaml", "--format", "html", "-o", html.path])
        #expect(outcome.status == 0)
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(!page.contains("<script"))
        #expect(!page.contains("http://") || page.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        let text = try render(html, in: folder)
        for expected in ["CCI Val-de-Loire Sud", "Maturité par dimension", "Constats", "Feuille de route", "Phase 1",
                         "Questions à poser ensuite", "Engagement et parrainage actif de la direction"] {
            #expect(text.contains(expected), "the PDF lacks '\(expected)'")
        }
    }

    @Test(.enabled(if: browserIsExpected, Comment(rawValue: ExternalTool.missing(tools))))
    func hostileStringsShowAsText() throws {
        guard ExternalTool.require(Self.tools) else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgdiag-xss-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let hostile = "<script>document.body.innerHTML='PWNED'</script> \\\"Q\\\" </style><b>bold</b>"
        let profile = folder.appendingPathComponent("hostile.yaml")
        try Data("organisation: {name: \"\(hostile)\", kind: cci}\nfacts:\n  named_sponsor: false\nevidence:\n  named_sponsor: \"</style><img src=x onerror=alert(1)>\"\n".utf8)
            .write(to: profile)
        let html = folder.appendingPathComponent("report.html")
        let outcome = try CLIRunner.run(["report", profile.path, "--format", "html", "-o", html.path, "--lang", "en"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let text = try render(html, in: folder)
        // Had the script run, the page would hold nothing but its word: the sections prove it did not.
        #expect(text.contains("<script>document.body.innerHTML='PWNED'</script>"))
        #expect(text.contains("Maturity by dimension") && text.contains("Roadmap"))
        #expect(text.contains("</style><b>bold</b>"))
        #expect(text.contains("</style><img src=x onerror=alert(1)>"))
    }
}
