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
        let folder = try Repository.temporaryFolder("html")
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

    /// The story profile's report, printed by Chromium on A4, is a deliverable of at most eight
    /// pages in either language, and still holds its cover, findings, roadmap and sources.
    @Test(.enabled(if: browserIsExpected, Comment(rawValue: ExternalTool.missing(tools))))
    func storyReportPrintsInEightPages() throws {
        guard ExternalTool.require(Self.tools) else { return }
        let folder = try Repository.temporaryFolder("pages")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (language, sections) in [("fr", ["Sommaire", "Constats", "Feuille de route", "Plan de formation", "Sources"]),
                                     ("en", ["Contents", "Findings", "Roadmap", "Training plan", "Sources"])] {
            let html = folder.appendingPathComponent("story-\(language).html")
            let outcome = try CLIRunner.run(["report", "fixtures/profiles/cci-val-de-loire-sud.yaml", "--format", "html",
                                             "--lang", language, "-o", html.path])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let text = try render(html, in: folder)
            // pdftotext ends every page with a form feed.
            let pages = text.filter { $0 == "\u{0C}" }.count
            #expect((2...8).contains(pages), "\(language): the story report prints in \(pages) pages")
            for section in sections { #expect(text.contains(section), "\(language): the PDF lacks '\(section)'") }
        }
    }

    @Test(.enabled(if: browserIsExpected, Comment(rawValue: ExternalTool.missing(tools))))
    func hostileStringsShowAsText() throws {
        guard ExternalTool.require(Self.tools) else { return }
        let folder = try Repository.temporaryFolder("xss")
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

    /// Every chart label of every fixture's page, in both languages, at a narrow and a wide
    /// window, measured by Chromium: each label's box lies within the chart and its text within
    /// its box (nothing clipped or running past the edge, as SVG labels did).
    @Test(.enabled(if: browserIsExpected, Comment(rawValue: ExternalTool.missing(tools))))
    func noChartLabelIsClipped() throws {
        guard ExternalTool.require(Self.tools) else { return }
        let folder = try Repository.temporaryFolder("chart")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Measures in the page and writes the result where --dump-dom shows it: the title.
        let probe = """
            <script>
            const chart = document.querySelector('.chart').getBoundingClientRect();
            const labels = [...document.querySelectorAll('.chart-label, .chart-value')];
            const clipped = labels.filter(l => { const r = l.getBoundingClientRect();
              return r.left < chart.left - 0.5 || r.right > chart.right + 0.5 || l.scrollWidth > l.clientWidth + 1; })
              .map(l => l.textContent);
            document.title = 'MEASURED ' + labels.length + ' ' + JSON.stringify(clipped);
            </script>
            """
        let profiles = try FileManager.default.contentsOfDirectory(atPath: CLIRunner.packageRoot.appendingPathComponent("fixtures/profiles").path)
            .filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".tests.yaml") }.sorted()
        #expect(profiles.count >= 9)
        for profile in profiles {
            for language in ["fr", "en"] {
                let outcome = try CLIRunner.run(["report", "fixtures/profiles/\(profile)", "--format", "html", "--lang", language])
                let page = folder.appendingPathComponent("\(profile)-\(language).html")
                try Data(outcome.stdout.replacingOccurrences(of: "</body>", with: probe + "</body>").utf8).write(to: page)
                for width in [640, 1100] {
                    let dom = try run(ExternalTool.chromium.path, ["--no-sandbox", "--disable-gpu", "--window-size=\(width),900", "--dump-dom",
                                                                  page.absoluteString])
                    let title = dom.range(of: "<title>MEASURED ").map { String(dom[$0.upperBound...].prefix { $0 != "<" }) } ?? "no measure"
                    let parts = title.split(separator: " ", maxSplits: 1).map(String.init)
                    #expect(parts.count == 2 && (Int(parts[0]) ?? 0) > 0, "\(profile), \(language), \(width) px: no chart measured (\(title))")
                    #expect(parts.last == "[]", "\(profile), \(language), \(width) px: clipped \(title)")
                }
            }
        }
    }
}
