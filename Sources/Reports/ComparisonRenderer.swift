import Diagnostics
import Engine
import RuleModel

/// Renders `orgdiag diff`, two assessments of one organisation, as text, Markdown, an HTML page
/// or JSON (`orgdiag.comparison/1`, docs/report-schema.md).
public struct ComparisonRenderer: Sendable {
    /// The formats of a comparison.
    public enum Format: String, CaseIterable, Sendable {
        case text, markdown, html, json
    }

    /// The schema identifier of the JSON comparison.
    public static let schema = "orgdiag.comparison/1"

    let format: Format

    /// Creates a renderer.
    public init(format: Format) {
        self.format = format
    }

    /// Renders the comparison.
    public func render(_ comparison: EvaluationComparison, language: String) -> String {
        let model = ComparisonModel(comparison, language: language)
        switch format {
        case .text, .markdown: return plain(model, markdown: format == .markdown)
        case .html: return html(model)
        case .json: return json(model)
        }
    }

    private func mark(_ direction: ComparisonModel.Direction) -> String {
        switch direction {
        case .better: "▲"
        case .worse: "▼"
        case .neutral: "="
        }
    }

    private func plain(_ model: ComparisonModel, markdown: Bool) -> String {
        let words = ReportStrings(language: model.language)
        func e(_ text: String) -> String { markdown ? SafeText.markdown(text) : SafeText.terminal(text) }
        func heading(_ level: Int, _ title: String) -> String {
            markdown ? String(repeating: "#", count: level) + " \(title)\n\n" : (level == 1 ? title + "\n" : "\n" + title.uppercased() + "\n")
        }
        var out = heading(1, "\(words("comparison")) — \(e(model.organisationName))")
        out += e(words.comparisonDates(model)) + (markdown ? "\n\n" : "\n")
        out += words.comparisonBalance(model) + (markdown ? "\n\n" : "\n")
        for section in model.sections where !section.items.isEmpty || ["resolved", "new", "persisting"].contains(section.key) {
            out += heading(2, "\(mark(section.direction)) \(section.title) (\(section.items.count))")
            for item in section.items { out += "- \(e(item.title))" + (item.severity.map { " (\($0))" } ?? "") + "\n" }
            if section.items.isEmpty { out += "- —\n" }
            if markdown { out += "\n" }
        }
        out += heading(2, words("maturity"))
        for change in model.maturity {
            out += "- \(e(change.label))\(words.colon)\(e(change.beforeText)) → \(e(change.afterText)) \(mark(change.direction))\n"
        }
        if markdown { out += "\n" }
        out += heading(2, "\(words("facts_changed")) (\(model.facts.count))")
        for change in model.facts { out += "- \(e(change.label))\(words.colon)\(e(change.before)) → \(e(change.after))\n" }
        if model.facts.isEmpty { out += "- —\n" }
        return out
    }

    private func html(_ model: ComparisonModel) -> String {
        let words = ReportStrings(language: model.language)
        let e = SafeText.html
        var body = "<h1>\(e(words("comparison"))) — \(e(model.organisationName))</h1>\n"
        body += "<p class=\"muted\">\(e(words.comparisonDates(model)))</p>\n<p><strong>\(e(words.comparisonBalance(model)))</strong></p>\n"
        for section in model.sections where !section.items.isEmpty {
            body += "<h2 class=\"\(section.direction.rawValue)\">\(mark(section.direction)) \(e(section.title)) (\(section.items.count))</h2>\n<ul>\n"
            for item in section.items {
                body += "<li>\(e(item.title))" + (item.severity.map { " <span class=\"muted\">(\(e($0)))</span>" } ?? "") + "</li>\n"
            }
            body += "</ul>\n"
        }
        body += "<h2>\(e(words("maturity")))</h2>\n<table>\n<tr><th>\(e(words("dimension")))</th><th>\(e(words("before")))</th><th>\(e(words("after")))</th><th></th></tr>\n"
        for change in model.maturity {
            body += "<tr><td>\(e(change.label))</td><td>\(e(change.beforeText))</td><td>\(e(change.afterText))</td>"
                + "<td class=\"\(change.direction.rawValue)\">\(mark(change.direction))</td></tr>\n"
        }
        body += "</table>\n<h2>\(e(words("facts_changed"))) (\(model.facts.count))</h2>\n<ul>\n"
        for change in model.facts { body += "<li>\(e(change.label))\(e(words.colon))\(e(change.before)) → \(e(change.after))</li>\n" }
        body += "</ul>\n"
        return """
            <!DOCTYPE html>
            <html lang="\(e(model.language))">
            <head>
            <meta charset="utf-8">
            <title>\(e(words("comparison"))) — \(e(model.organisationName))</title>
            <style>
            body { font: 15px/1.5 "Segoe UI", Arial, sans-serif; color: #1d2733; max-width: 860px; margin: 32px auto; padding: 0 24px; }
            h1 { font-size: 26px; } h2 { font-size: 18px; color: #1f4e79; border-bottom: 1px solid #dde3ea; }
            h2.better, td.better { color: #2e7d32; } h2.worse, td.worse { color: #a4161a; } .muted { color: #5f6b7a; }
            table { border-collapse: collapse; } td, th { border: 1px solid #dde3ea; padding: 4px 10px; text-align: left; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    private func json(_ model: ComparisonModel) -> String {
        let balance = model.balance
        return JSON.object([
            ("schema", .string(Self.schema)),
            ("language", .string(model.language)),
            ("organisation", .object([("name", .string(model.organisationName)), ("kind_label", .optional(model.organisationKindLabel))])),
            ("before", .optional(model.beforeISO)), ("after", .optional(model.afterISO)),
            ("better", .number(Double(balance.better))), ("worse", .number(Double(balance.worse))),
            ("sections", .array(model.sections.map { section in
                .object([("key", .string(section.key)), ("title", .string(section.title)), ("direction", .string(section.direction.rawValue)),
                         ("items", .array(section.items.map { item in
                             .object([("id", .string(item.id)), ("title", .string(item.title)), ("severity", .optional(item.severity))])
                         }))])
            })),
            ("maturity", .array(model.maturity.map { change in
                .object([("dimension", .string(change.id)), ("label", .string(change.label)), ("before", .optional(change.before)),
                         ("after", .optional(change.after)), ("direction", .string(change.direction.rawValue))])
            })),
            ("facts", .array(model.facts.map { change in
                .object([("fact", .string(change.id)), ("label", .string(change.label)), ("before", .string(change.before)),
                         ("after", .string(change.after))])
            })),
        ]).written() + "\n"
    }
}
