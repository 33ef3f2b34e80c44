import Diagnostics
import RuleModel

/// The report for a terminal: plain text wrapped to a width, maturity as bars, colour only when asked.
public struct TextReportRenderer: ReportRenderer {
    /// The line width to wrap to.
    public var width: Int
    /// Whether to use ANSI colours (decide with `ColourPolicy`).
    public var usesColour: Bool

    /// Creates a renderer.
    public init(width: Int = 80, usesColour: Bool = false) {
        self.width = width
        self.usesColour = usesColour
    }

    /// Renders reports one after the other, separated by a rule.
    public func render(_ models: [ReportModel], to output: OutputSink) {
        output.write(models.map(render).joined(separator: "\n" + String(repeating: "─", count: 40) + "\n\n"))
    }

    /// Renders a report.
    public func render(_ model: ReportModel) -> String {
        let words = ReportStrings(language: model.language)
        var out = ""
        func line(_ text: String = "", indent: String = "") { out += TextWrapping.wrap(text, width: width, indent: indent) + "\n" }
        func heading(_ text: String) {
            out += "\n" + paint(text.uppercased(), "1") + "\n"
        }

        line(paint("\(words("report_title")) — \(model.organisationName)", "1"))
        line("\(words("organisation"))\(words.colon)\(model.organisationName)" + (model.organisationKindLabel.map { " (\($0))" } ?? ""))
        if let date = model.assessedOn { line("\(words("assessed_on"))\(words.colon)\(words.date(date))") }
        line("\(words("pack"))\(words.colon)\(model.packName), \(words("version", model.packVersion))")
        line(words.summaryLine(model))

        if model.hasSynthesis {
            heading(words("summary"))
            if !model.context.isEmpty {
                line("  " + paint(words("context"), "1"))
                for (index, paragraph) in model.context.enumerated() {
                    if index > 0 { out += "\n" }
                    line("  " + paragraph, indent: "  ")
                }
            }
            if !model.consultantMessages.isEmpty {
                line("  " + paint(words("consultant_messages"), "1"))
                for message in model.consultantMessages { line("  • " + message, indent: "    ") }
            }
            if !model.keyMessages.isEmpty {
                line("  " + paint(words("key_messages"), "1"))
                for (index, message) in model.keyMessages.enumerated() {
                    line("  \(index + 1). " + paint(message.lead, "1"), indent: "     ")
                    line("     " + message.body, indent: "     ")
                }
            }
            if let strengths = model.strengthsLine { line("  " + strengths, indent: "    ") }
        }

        heading(words("maturity"))
        let labelWidth = min(28, model.maturity.map(\.label.count).max() ?? 0)
        for entry in model.maturity {
            let label = entry.label.count > labelWidth ? String(entry.label.prefix(labelWidth - 1)) + "…"
                : entry.label + String(repeating: " ", count: labelWidth - entry.label.count)
            // One line per dimension, never wrapped, so that the bars stay aligned.
            let prefix = "  \(label)  "
            if let level = entry.level {
                let bar = paint(String(repeating: "█", count: level), level <= 2 ? "31" : level == 3 ? "33" : "32")
                    + String(repeating: "░", count: 5 - level)
                let name = entry.levelName.map { "  " + truncated($0, to: width - prefix.count - 10) } ?? ""
                out += "\(prefix)\(bar) \(level)/5\(name)\n"
            } else {
                out += "\(prefix)\(String(repeating: "·", count: 5)) \(words.notAssessed(atLeast: entry.atLeast))\n"
            }
            let indent = String(repeating: " ", count: prefix.count)
            if !entry.missing.isEmpty {
                line("\(indent)\(words("to_decide"))\(words.colon)" + entry.missing.joined(separator: ", "), indent: indent + "  ")
            }
            if let level = entry.level, !entry.blockers.isEmpty {
                line("\(indent)\(words("next_level", String(level + 1)))\(words.colon)" + entry.blockers.joined(separator: words.semicolon),
                     indent: indent + "  ")
            }
        }

        if !model.strengths.isEmpty {
            heading(words("strengths"))
            for strength in model.strengths {
                line("  + " + paint(strength.title, "1"), indent: "    ")
                if let because = strength.because { line("    " + ReportText.sentence(because), indent: "    ") }
            }
        }

        heading(words("findings"))
        if model.findings.isEmpty { line("  " + words("no_findings")) }
        for (index, finding) in model.findings.enumerated() {
            if let theme = model.themeHeading(before: index) { line("  " + paint("▸ " + theme.title, "1")) }
            line("  " + paint("[\(words.severity(finding.severity))]", severityColour(finding.severity)) + " " + paint(finding.title, "1"),
                 indent: "    ")
            if let because = finding.because { line("    " + ReportText.sentence(because), indent: "    ") }
            for evidence in finding.evidence {
                line("    · \(evidence.label)\(words.colon)\(evidence.value)" + (evidence.source.map { " (\($0))" } ?? ""), indent: "      ")
            }
            if !finding.covers.isEmpty { line("    \(words("covers"))\(words.colon)" + finding.covers.joined(separator: words.semicolon), indent: "      ") }
        }

        heading(words("roadmap"))
        if model.roadmap.isEmpty { line("  " + words("no_roadmap")) }
        for (phase, actions) in model.phases {
            let heading = model.phaseHeading(phase, actions: actions)
            line("  " + paint(heading.title, "1"))
            if let summary = heading.summary { line("    " + summary, indent: "    ") }
            for action in actions {
                line("    • \(action.title) (\(words.kind(action.kind)))", indent: "      ")
                line("      \(words("priority"))\(words.colon)\(action.priority)", indent: "      ")
                for detail in model.details(of: action) { line("      \(detail.label)\(words.colon)\(detail.text)", indent: "        ") }
                if !action.answers.isEmpty { line("      \(words("called_by"))\(words.colon)" + action.answers.joined(separator: words.semicolon), indent: "      ") }
                if action.pulledIn { line("      " + words("prerequisite", action.prerequisiteOf.joined(separator: words.semicolon)), indent: "      ") }
                if !action.buildsOn.isEmpty { line("      \(words("builds_on"))\(words.colon)" + action.buildsOn.joined(separator: words.semicolon), indent: "      ") }
            }
        }
        if !model.laterActions.isEmpty {
            line("  " + paint(words("later"), "1"))
            line("    " + words("later_note"), indent: "    ")
            for action in model.laterActions { line("    • \(action.title) (\(words.kind(action.kind)))", indent: "      ") }
        }
        if !model.trainingPlan.isEmpty {
            heading(words("training_plan"))
            for item in model.trainingPlan {
                line("  • \(item.title) — \(words.trainingSize(item, currency: model.currency))", indent: "    ")
            }
            line("  " + words.trainingTotal(model), indent: "    ")
        }
        if !model.inPlace.isEmpty {
            heading(words("in_place"))
            line("  " + words("in_place_note"), indent: "  ")
            for action in model.inPlace { line("  ✓ \(action.title) (\(words.kind(action.kind)))", indent: "    ") }
        }

        if !model.undecided.isEmpty {
            heading(words("unknown"))
            for item in model.undecided {
                line("  [\(words.severity(item.severity))] \(item.title) — " + words.lacking(item.missing),
                     indent: "    ")
            }
        }

        heading(words("questions"))
        if model.questions.isEmpty { line("  " + words("no_questions")) }
        for (index, question) in model.printedQuestions.enumerated() {
            line("  \(index + 1). \(question.question ?? question.label) — " + words.settles(question.decides),
                 indent: "     ")
        }
        if let more = model.moreQuestions { line("  " + more, indent: "  ") }
        out += "\n" + words("generated", words.date(model.generatedOn), model.toolVersion) + "\n"
        return SafeText.terminal(out, keepingColours: usesColour)
    }

    private func truncated(_ text: String, to length: Int) -> String {
        guard text.count > length, length > 1 else { return text }
        return String(text.prefix(length - 1)) + "…"
    }

    private func severityColour(_ severity: RuleSeverity) -> String {
        switch severity {
        case .critical: return "1;31"
        case .high: return "31"
        case .medium: return "33"
        case .low: return "36"
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        usesColour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
