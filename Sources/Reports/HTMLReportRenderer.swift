import Foundation
import Diagnostics
import RuleModel

/// The report as one self-contained HTML page: no network, no script, printable (page breaks
/// between sections), a maturity chart of bars, and every string from a pack or a profile escaped.
public struct HTMLReportRenderer: ReportRenderer {
    /// The consultancy's name and logo on the cover, when given.
    let branding: Branding?

    /// Creates a renderer.
    public init(branding: Branding? = nil) {
        self.branding = branding
    }

    /// Renders reports into one page, each in its own `<main>`, with a page break between them.
    public func render(_ models: [ReportModel]) -> String {
        let language = models.first?.language ?? "en"
        let words = ReportStrings(language: language)
        let title = models.count == 1 ? "\(words("report_title")) — \(models[0].organisationName)" : words("report_title")
        return """
            <!DOCTYPE html>
            <html lang="\(SafeText.html(language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(SafeText.html(title))</title>
            <style>\(Self.stylesheet)\(Self.pageMargins(running: title, page: words("page")))</style>
            </head>
            <body>
            \(models.map(body).joined(separator: "\n"))
            </body>
            </html>

            """
    }

    /// Renders one report as a page.
    public func render(_ model: ReportModel) -> String { render([model]) }

    public func render(_ models: [ReportModel], to output: OutputSink) {
        output.write(render(models))
    }

    private func body(_ model: ReportModel) -> String {
        let words = ReportStrings(language: model.language)
        let e = SafeText.html
        let colon = words.colon
        var body = ""
        body += """
            <header class="cover">\(brandingBlock)
              <p class="eyebrow">\(e(words("report_title")))</p>
              <h1>\(e(model.organisationName))</h1>
              <dl class="facts">
                \(model.organisationKindLabel.map { "<div><dt>\(e(words("kind")))</dt><dd>\(e($0))</dd></div>" } ?? "")
                \(model.assessedOn.map { "<div><dt>\(e(words("assessed_on")))</dt><dd>\(e(words.date($0)))</dd></div>" } ?? "")
                <div><dt>\(e(words("pack")))</dt><dd>\(e(model.packName))</dd></div>
              </dl>
            </header>

            """
        body += contents(model, words)
        body += "<section id=\"synthesis\">\n<h2>\(e(words("summary")))</h2>\n<p class=\"summary\">\(e(words.summaryLine(model)))</p>\n"
        if !model.context.isEmpty {
            body += "<h3>\(e(words("context")))</h3>\n" + model.context.map { "<p>\(e($0))</p>\n" }.joined()
        }
        if !model.consultantMessages.isEmpty {
            body += "<h3>\(e(words("consultant_messages")))</h3>\n<ul class=\"messages\">\n"
                + model.consultantMessages.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        }
        if !model.keyMessages.isEmpty {
            body += "<h3>\(e(words("key_messages")))</h3>\n<ol class=\"messages\">\n"
            for message in model.keyMessages {
                body += "<li class=\"\(message.severity.rawValue)\"><strong>\(e(message.lead))</strong><br>\(e(message.body))</li>\n"
            }
            body += "</ol>\n"
        }
        if let strengths = model.strengthsLine { body += "<p class=\"strengths-line\">\(e(strengths))</p>\n" }
        body += summary(model, words)
        body += "</section>\n"
        body += "<section id=\"maturity\">\n<h2>\(e(words("maturity")))</h2>\n\(maturityChart(model, words))\n"
        let notes = model.maturity.filter(\.hasNote)
        if !notes.isEmpty {
            body += "<ul class=\"next-levels\">\n"
            for entry in notes {
                let detail = entry.level.map { words("next_level", String($0 + 1)) + colon + entry.blockers.joined(separator: words.semicolon) }
                    ?? words("to_decide") + colon + entry.missing.joined(separator: ", ")
                body += "<li><strong>\(e(entry.label))</strong> — \(e(detail))</li>\n"
            }
            body += "</ul>\n"
        }
        body += "</section>\n"

        if !model.strengths.isEmpty {
            body += "<section id=\"strengths\">\n<h2>\(e(words("strengths")))</h2>\n<ul class=\"strengths\">\n"
            for strength in model.strengths {
                body += "<li><strong>\(e(strength.title))</strong>\(strength.because.map { "<br><span class=\"muted\">\(e(ReportText.sentence($0)))</span>" } ?? "")</li>\n"
            }
            body += "</ul>\n</section>\n"
        }
        body += "<section id=\"findings\">\n<h2>\(e(words("findings")))</h2>\n"
        if model.findings.isEmpty { body += "<p>\(e(words("no_findings")))</p>\n" }
        // Each theme's findings in a list of their own, after the theme's heading.
        for (index, finding) in model.findings.enumerated() {
            if let theme = model.themeHeading(before: index) {
                if index > 0 { body += "</div>\n" }
                body += "<h3 class=\"theme\">\(e(theme.title))</h3>\n" + (theme.summary.map { "<p class=\"muted\">\(e($0))</p>\n" } ?? "")
                body += "<div class=\"finding-list\">\n"
            } else if index == 0 {
                body += "<div class=\"finding-list\">\n"
            }
            body += "<article class=\"finding \(finding.severity.rawValue)\">\n"
            body += "<h3><span class=\"badge \(finding.severity.rawValue)\">\(e(words.severity(finding.severity)))</span> \(e(finding.title))</h3>\n"
            if let dimension = finding.dimension, !model.groupsFindingsByTheme || finding.theme == nil {
                body += "<p class=\"muted\">\(e(words("dimension")))\(colon)\(e(dimension))</p>\n"
            }
            if let because = finding.because { body += "<p class=\"because\">\(e(ReportText.sentence(because)))</p>\n" }
            if let rationale = finding.rationale { body += "<p class=\"rationale\">\(e(rationale))</p>\n" }
            if !finding.evidence.isEmpty {
                body += "<p class=\"evidence\">" + finding.evidence.map { evidence in
                    "\(e(evidence.label))\(colon)<strong>\(e(evidence.value))</strong>\(evidence.source.map { " <span class=\"muted\">(\(e($0)))</span>" } ?? "")"
                }.joined(separator: " · ") + "</p>\n"
            }
            let numbers = model.sourceNumbers(of: finding)
            if !numbers.isEmpty {
                body += "<p class=\"references\">\(e(words("references")))\(colon)"
                    + numbers.map { "<a href=\"#source-\($0)\">[\($0)]</a>" }.joined(separator: " ") + "</p>\n"
            }
            if !finding.covers.isEmpty {
                body += "<p class=\"references\">\(e(words("covers")))\(colon)\(finding.covers.map(e).joined(separator: " · "))</p>\n"
            }
            body += "</article>\n"
        }
        if !model.findings.isEmpty { body += "</div>\n" }
        body += "</section>\n"

        body += "<section id=\"roadmap\">\n<h2>\(e(words("roadmap")))</h2>\n"
        if model.roadmap.isEmpty { body += "<p>\(e(words("no_roadmap")))</p>\n" }
        for (phase, actions) in model.phases {
            let heading = model.phaseHeading(phase, actions: actions)
            body += "<div class=\"phase\"><h3>\(e(heading.title))</h3>\n"
            if let summary = heading.summary { body += "<p class=\"muted\">\(e(summary))</p>\n" }
            body += "<ol>\n"
            for action in actions {
                body += "<li class=\"action\"><div class=\"action-head\"><strong>\(e(action.title))</strong> <span class=\"tag\">\(e(words.kind(action.kind)))</span></div>\n"
                body += "<p class=\"priority\">\(e(words("priority")))\(colon)\(e(action.priority))</p>\n"
                if let summary = action.summary { body += "<p>\(e(summary))</p>\n" }
                let details = model.details(of: action)
                if !details.isEmpty {
                    body += "<dl class=\"details\">\n"
                        + details.map { "<div><dt>\(e($0.label))</dt><dd>\(e($0.text))</dd></div>\n" }.joined() + "</dl>\n"
                }
                if !action.answers.isEmpty {
                    body += "<p class=\"answers called-by\">\(e(words("called_by")))\(colon)\(action.answers.map(e).joined(separator: words.semicolon))</p>\n"
                }
                if action.pulledIn {
                    body += "<p class=\"muted\">\(e(words("prerequisite", action.prerequisiteOf.joined(separator: words.semicolon))))</p>\n"
                }
                if !action.buildsOn.isEmpty {
                    body += "<p class=\"answers\">\(e(words("builds_on")))\(colon)\(action.buildsOn.map(e).joined(separator: words.semicolon))</p>\n"
                }
                body += "</li>\n"
            }
            body += "</ol></div>\n"
        }
        if !model.laterActions.isEmpty {
            body += "<div class=\"phase later\"><h3>\(e(words("later")))</h3>\n<p class=\"muted\">\(e(words("later_note")))</p>\n<ul>\n"
            for action in model.laterActions { body += "<li>\(e(action.title)) <span class=\"tag\">\(e(words.kind(action.kind)))</span></li>\n" }
            body += "</ul></div>\n"
        }
        if !model.trainingPlan.isEmpty {
            body += "<div class=\"training-plan\"><h3>\(e(words("training_plan")))</h3>\n<ul>\n"
            for item in model.trainingPlan {
                body += "<li><strong>\(e(item.title))</strong> — \(e(words.trainingSize(item, currency: model.currency)))</li>\n"
            }
            body += "</ul>\n<p>\(e(words.trainingTotal(model)))</p></div>\n"
        }
        if !model.inPlace.isEmpty {
            body += "<div class=\"in-place\"><h3>\(e(words("in_place")))</h3>\n<p class=\"muted\">\(e(words("in_place_note")))</p>\n<ul>\n"
            for action in model.inPlace { body += "<li>\(e(action.title)) <span class=\"tag\">\(e(words.kind(action.kind)))</span></li>\n" }
            body += "</ul></div>\n"
        }
        body += "</section>\n"

        body += "<section id=\"questions\">\n"
        if !model.undecided.isEmpty {
            body += "<h2>\(e(words("unknown")))</h2>\n<ul class=\"undecided\">\n"
            for item in model.undecided {
                body += "<li><span class=\"badge \(item.severity.rawValue)\">\(e(words.severity(item.severity)))</span> \(e(item.title)) <span class=\"muted\">— \(e(words.lacking(item.missing)))</span></li>\n"
            }
            body += "</ul>\n"
        }
        body += "<h2>\(e(words("questions")))</h2>\n"
        if model.questions.isEmpty { body += "<p>\(e(words("no_questions")))</p>\n" } else { body += "<ol class=\"questions\">\n" }
        for question in model.printedQuestions {
            body += "<li>\(e(question.question ?? question.label)) <span class=\"muted\">— \(e(words.settles(question.decides)))</span></li>\n"
        }
        if !model.questions.isEmpty { body += "</ol>\n" }
        if let more = model.moreQuestions { body += "<p class=\"muted\">\(e(more))</p>\n" }
        body += "</section>\n"
        body += appendix(model, words)
        body += "<footer>\(e(words("generated", words.date(model.generatedOn), model.toolVersion)))</footer>\n"

        return "<main>\n\(body)</main>\n"
    }

    /// The consultancy's logo (an image from a data URI: an SVG's scripts never run in an `<img>`)
    /// and name, for the cover.
    private var brandingBlock: String {
        guard let branding else { return "" }
        var html = "<div class=\"branding\">"
        if let logo = branding.logo {
            html += "<img class=\"logo\" alt=\"\" src=\"data:\(logo.mediaType);base64,\(Data(logo.bytes).base64EncodedString())\">"
        }
        return html + "<p class=\"consultancy\">\(SafeText.html(branding.consultancy))</p></div>"
    }

    /// The report's sections with links, in order.
    private func contents(_ model: ReportModel, _ words: ReportStrings) -> String {
        var entries = [("synthesis", words("summary")), ("maturity", words("maturity"))]
        if !model.strengths.isEmpty { entries.append(("strengths", words("strengths"))) }
        entries += [("findings", words("findings")), ("roadmap", words("roadmap"))]
        entries.append(("questions", model.undecided.isEmpty ? words("questions") : words("unknown")))
        entries.append(("appendix", words("appendix")))
        return "<nav class=\"contents\">\n<h2>\(SafeText.html(words("contents")))</h2>\n<ol>\n"
            + entries.map { "<li><a href=\"#\($0.0)\">\(SafeText.html($0.1))</a></li>\n" }.joined() + "</ol>\n</nav>\n"
    }

    /// The method, the maturity grid and the pack's edition: what a reader checks the report against.
    private func appendix(_ model: ReportModel, _ words: ReportStrings) -> String {
        let e = SafeText.html
        var html = "<section id=\"appendix\">\n<h2>\(e(words("appendix")))</h2>\n"
        if !model.method.isEmpty {
            html += "<h3>\(e(words("method")))</h3>\n<p>\(e(words("method_note")))</p>\n<ol class=\"method\">\n"
            for stage in model.method {
                html += "<li><strong>\(e(stage.title))</strong>\(stage.summary.map { " — " + e($0) } ?? "")</li>\n"
            }
            html += "</ol>\n"
        }
        if !model.grid.isEmpty {
            html += "<h3>\(e(words("maturity_grid")))</h3>\n<table class=\"grid\">\n<thead><tr><th>\(e(words("dimension")))</th>"
            let width = model.grid.map(\.levels.count).max() ?? 0
            for level in 0..<width { html += "<th>\(level + 1)</th>" }
            html += "</tr></thead>\n<tbody>\n"
            for row in model.grid {
                html += "<tr><th>\(e(row.dimension))</th>" + row.levels.map { "<td>\(e($0))</td>" }.joined()
                    + String(repeating: "<td></td>", count: width - row.levels.count) + "</tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        if !model.thresholds.isEmpty {
            html += "<h3>\(e(words("thresholds")))</h3>\n<p>\(e(words("thresholds_note")))</p>\n<ul class=\"thresholds\">\n"
            for threshold in model.thresholds {
                html += "<li><strong>\(e(threshold.label))</strong>\(e(words.colon))\(e(threshold.value))"
                    + (words.basis(source: threshold.source, judgement: threshold.judgement).map { " <span class=\"muted\">— \(e($0))</span>" } ?? "")
                    + "</li>\n"
            }
            html += "</ul>\n"
        }
        if !model.sources.isEmpty {
            html += "<h3>\(e(words("sources")))</h3>\n<ol class=\"sources\">\n"
            for (index, source) in model.sources.enumerated() { html += "<li id=\"source-\(index + 1)\">\(e(source))</li>\n" }
            html += "</ol>\n"
        }
        html += "<h3>\(e(words("edition")))</h3>\n<p>\(e(model.packName)), \(e(words("version", model.packVersion))).</p>\n"
        return html + "</section>\n"
    }

    /// The findings counted by severity and the first actions of the roadmap: the page a director reads.
    private func summary(_ model: ReportModel, _ words: ReportStrings) -> String {
        let e = SafeText.html
        var html = "<div class=\"summary-grid\">\n<div><h3>\(e(words("findings")))</h3>\n<ul class=\"counts\">\n"
        for severity in RuleSeverity.allCases {
            let count = model.findings.filter { $0.severity == severity }.count
            html += "<li><span class=\"badge \(severity.rawValue)\">\(e(words.severity(severity)))</span> <strong>\(count)</strong></li>\n"
        }
        html += "</ul></div>\n<div><h3>\(e(words("first_actions")))</h3>\n<ol class=\"first-actions\">\n"
        for action in model.currentActions.prefix(5) {
            html += "<li>\(e(action.title)) <span class=\"muted\">· \(e(words("phase", String(action.phase))))</span></li>\n"
        }
        if model.roadmap.isEmpty { html += "<li class=\"muted\">\(e(words("no_roadmap")))</li>\n" }
        return html + "</ol></div>\n</div>\n"
    }

    /// The printed page's running header (the report's title) and page numbers ("page 3 / 8"),
    /// in CSS paged-media margin boxes; none on the cover.
    static func pageMargins(running title: String, page: String) -> String {
        """
        @media print {
          @page { @top-left { content: \(cssString(title)); font: 8pt Arial, sans-serif; color: #5f6b7a; }
                  @bottom-right { content: \(cssString(page + " ")) counter(page) " / " counter(pages); font: 8pt Arial, sans-serif; color: #5f6b7a; } }
          @page :first { @top-left { content: none; } @bottom-right { content: none; } }
        }

        """
    }

    /// A CSS string literal holding `text`: every character but letters, digits and spaces
    /// written as a hexadecimal escape, so that nothing can close the string or the style sheet.
    static func cssString(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == " " {
                literal.unicodeScalars.append(scalar)
            } else {
                literal += "\\" + String(scalar.value, radix: 16) + " "
            }
        }
        return literal + "\""
    }

    /// A horizontal bar per dimension, level 1 to 5, laid out in HTML so that every label wraps
    /// within its column instead of running past the chart's edge (an SVG text does not wrap).
    private func maturityChart(_ model: ReportModel, _ words: ReportStrings) -> String {
        let e = SafeText.html
        var html = "<div class=\"chart\" role=\"img\" aria-label=\"\(e(words("maturity")))\">\n"
        for entry in model.maturity {
            html += "<div class=\"chart-row\"><div class=\"chart-label\">\(e(entry.label))</div><div class=\"chart-track\">"
            if let level = entry.level {
                html += "<div class=\"bar level\(level)\" style=\"width: \(level * 20)%\"></div></div>"
                html += "<div class=\"chart-value\"><strong>\(level)/5</strong>\(entry.levelName.map { " · " + e($0) } ?? "")</div></div>\n"
            } else {
                html += "</div><div class=\"chart-value muted\">\(e(words.notAssessed(atLeast: entry.atLeast)))</div></div>\n"
            }
        }
        html += "<div class=\"chart-row chart-axis\"><div></div><div class=\"chart-scale\">"
            + (0...5).map { "<span>\($0)</span>" }.joined() + "</div><div></div></div>\n"
        return html + "</div>"
    }

    static let stylesheet = """

        :root { --ink: #1d2733; --muted: #5f6b7a; --line: #dde3ea; --accent: #1f4e79; --critical: #a4161a; --high: #d1495b; --medium: #e09f3e; --low: #3d7ea6; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.55 "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #f4f6f9; }
        main { max-width: 880px; margin: 0 auto; padding: 40px 48px; background: #fff; }
        header { border-bottom: 3px solid var(--accent); padding-bottom: 16px; margin-bottom: 8px; }
        .eyebrow { text-transform: uppercase; letter-spacing: .08em; color: var(--accent); font-weight: 600; margin: 0; font-size: 13px; }
        h1 { font-size: 30px; margin: 4px 0 12px; }
        h2 { font-size: 21px; color: var(--accent); border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 32px; }
        h3 { font-size: 17px; margin: 18px 0 6px; }
        .facts { display: flex; flex-wrap: wrap; gap: 8px 32px; margin: 0; }
        .facts div { display: flex; gap: 8px; } .facts dt { color: var(--muted); } .facts dd { margin: 0; font-weight: 600; }
        .summary { font-size: 16px; margin: 12px 0 0; }
        .summary-grid { display: grid; grid-template-columns: 1fr 2fr; gap: 24px; margin-top: 8px; break-inside: avoid; }
        .summary-grid h3 { font-size: 15px; color: var(--accent); }
        .counts { list-style: none; padding: 0; margin: 0; } .counts li { margin: 4px 0; }
        .first-actions { padding-left: 20px; margin: 0; } .first-actions li { margin: 4px 0; }
        .muted { color: var(--muted); font-weight: normal; }
        .chart { margin: 8px 0 4px; }
        .chart-row { display: grid; grid-template-columns: 30% 26% 1fr; gap: 6px 12px; align-items: center; margin: 5px 0; break-inside: avoid; }
        .chart-label { text-align: right; font-size: 13px; overflow-wrap: anywhere; }
        .chart-value { font-size: 13px; overflow-wrap: anywhere; }
        .chart-track { height: 20px; background: repeating-linear-gradient(to right, var(--line) 0 1px, transparent 1px 20%), #fafbfc; border-right: 1px solid var(--line); }
        .chart-track .bar { height: 100%; border-radius: 3px; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        .chart-scale { display: flex; justify-content: space-between; font-size: 11px; color: var(--muted); margin: 0 -3px; }
        .bar { background: var(--line); }
        .bar.level1 { background: var(--critical); } .bar.level2 { background: var(--high); } .bar.level3 { background: var(--medium); }
        .bar.level4 { background: #6a9f58; } .bar.level5 { background: #2e7d32; }
        .finding { border-left: 4px solid var(--line); padding: 2px 0 2px 14px; margin: 14px 0; break-inside: avoid; }
        .finding.critical { border-color: var(--critical); } .finding.high { border-color: var(--high); }
        .finding.medium { border-color: var(--medium); } .finding.low { border-color: var(--low); }
        .badge { display: inline-block; font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: #fff; border-radius: 3px; padding: 1px 6px; vertical-align: 2px; }
        .badge.critical { background: var(--critical); } .badge.high { background: var(--high); }
        .badge.medium { background: var(--medium); } .badge.low { background: var(--low); }
        .because { font-weight: 600; margin: 4px 0; } .rationale { color: var(--muted); margin: 4px 0; }
        .evidence { margin: 4px 0; font-size: 13px; } .references { font-size: 13px; color: var(--muted); }
        .phase ol { padding-left: 20px; } .action { margin: 8px 0 12px; break-inside: avoid; } .action p { margin: 2px 0; }
        .tag { font-size: 11px; border: 1px solid var(--accent); color: var(--accent); border-radius: 3px; padding: 0 5px; }
        .details, .answers, .priority { font-size: 13px; color: var(--muted); }
        .strengths { padding-left: 20px; } .strengths li { margin: 6px 0; }
        h3.theme { color: var(--accent); border-bottom: 1px solid var(--line); padding-bottom: 2px; margin-top: 24px; }
        .next-levels { font-size: 13px; color: var(--muted); padding-left: 20px; }
        footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--line); font-size: 12px; color: var(--muted); }
        .cover { border-bottom: 3px solid var(--accent); }
        .branding { display: flex; align-items: center; gap: 14px; margin-bottom: 18px; } .branding .logo { max-height: 56px; max-width: 200px; }
        .branding .consultancy { margin: 0; font-weight: 600; color: var(--muted); }
        .contents ol { columns: 2; padding-left: 20px; } .contents a { color: var(--accent); text-decoration: none; }
        .messages li { margin: 6px 0; } .strengths-line { font-style: italic; }
        .messages li.critical strong { color: var(--critical); } .messages li.high strong { color: var(--high); }
        dl.details { margin: 4px 0 0; font-size: 13px; display: grid; grid-template-columns: 1fr 1fr; gap: 2px 18px; } dl.details div { margin: 0; }
        dl.details dt { display: inline; color: var(--muted); } dl.details dt::after { content: ": "; } dl.details dd { display: inline; margin: 0; }
        html[lang="fr"] dl.details dt::after { content: "\\a0: "; }
        table.grid { border-collapse: collapse; font-size: 11px; width: 100%; } table.grid th, table.grid td { border: 1px solid var(--line); padding: 4px; vertical-align: top; text-align: left; }
        .method li { margin: 4px 0; } .sources, .thresholds { font-size: 13px; } .sources li { margin: 2px 0; }
        @media print {
          @page { size: A4; margin: 14mm 13mm 14mm; }
          header.cover { height: 170mm; display: flex; flex-direction: column; justify-content: center; border-bottom: none; }
          nav.contents { break-after: page; border-top: 3px solid var(--accent); padding-top: 4mm; }
          header.cover h1 { font-size: 34pt; } header.cover .facts { flex-direction: column; font-size: 13pt; }
          nav.contents ol { columns: 2; font-size: 10pt; }
          body { font-size: 8.5pt; line-height: 1.25; background: #fff; }
          main { max-width: none; padding: 0; }
          main + main { break-before: page; }
          h2 { font-size: 13pt; margin-top: 8px; } h3 { font-size: 11pt; margin: 8px 0 3px; }
          h2, h3 { break-after: avoid; break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
          footer { margin-top: 6px; padding-top: 3px; font-size: 7pt; }
          .chart-label, .chart-value { font-size: 8.5pt; } .chart-row { margin: 2px 0; } .next-levels { font-size: 8pt; }
          /* Findings and the roadmap run in two columns, their theme and phase headings with them. */
          section#findings { break-before: page; }
          section#findings, section#roadmap { columns: 2; column-gap: 8mm; }
          section#findings > h2, section#roadmap > h2, .phase.later, .training-plan { column-span: all; }
          section#findings > p.muted { margin: 0 0 4px; font-size: 8pt; break-after: avoid; }
          h3.theme { margin-top: 6px; }
          .finding { margin: 0 0 3px; padding-left: 8px; } .finding h3 { font-size: 9pt; margin: 2px 0 1px; }
          .finding p { margin: 1px 0; } .finding .because, .finding .rationale { font-size: 8pt; }
          .finding:not(.critical) .rationale, .finding.medium .references, .finding.low .references { display: none; }
          /* A finding's evidence and references share one run of text. */
          .finding .evidence, .finding .references { display: inline; font-size: 7pt; }
          .finding .evidence + .references::before, .finding .references + .references::before { content: " · "; }
          .finding .muted { font-size: 7pt; }
          .phase h3 { font-size: 10pt; } .phase > p { break-after: avoid; }
          .action { margin: 0 0 6px; } .action p { margin: 1px 0; }
          /* An action's details run on as one paragraph; the findings it answers are counted in its justification. */
          dl.details { display: block; } dl.details div { display: inline; } dl.details div + div::before { content: " · "; }
          dl.details dt { color: var(--ink); font-weight: 600; }
          dl.details, .details, .answers, .priority { font-size: 7pt; } .action .called-by { display: none; }
          .in-place ul, .later ul { columns: 3; column-gap: 6mm; font-size: 7.5pt; } .later .tag { display: none; }
          ul.undecided { columns: 3; column-gap: 6mm; font-size: 7.5pt; } ul.undecided .muted { display: none; }
          ul.undecided .badge { font-size: 6pt; padding: 0 3px; }
          ol.questions { columns: 2; column-gap: 8mm; font-size: 7.5pt; } ol.questions li { break-inside: avoid; }
          #appendix h3 { margin: 5px 0 2px; } #appendix p { margin: 2px 0; } .method li { margin: 1px 0; }
          table.grid { font-size: 6.5pt; } table.grid th, table.grid td { padding: 1px 3px; }
          .sources, .thresholds { font-size: 6.5pt; line-height: 1.2; columns: 3; column-gap: 4mm; } .sources li, .thresholds li { margin: 0; }
          .sources { padding-left: 14px; } .thresholds { padding-left: 12px; }
        }

        """
}
