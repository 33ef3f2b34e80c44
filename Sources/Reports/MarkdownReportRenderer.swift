import Diagnostics
import RuleModel

/// The report as Markdown, for a consultant's deliverable: renders on GitHub and in pandoc. Every
/// string from a pack or a profile is escaped, so that it shows as text and never as markup.
public struct MarkdownReportRenderer: ReportRenderer {
    /// Creates a renderer.
    public init() {}

    /// Renders reports one after the other.
    public func render(_ models: [ReportModel], to output: OutputSink) {
        output.write(models.map(render).joined(separator: "\n\n"))
    }

    /// Renders a report.
    public func render(_ model: ReportModel) -> String {
        let words = ReportStrings(language: model.language)
        let e = SafeText.markdown
        var out = "# \(words("report_title")) — \(e(model.organisationName))\n\n"
        out += "| | |\n|---|---|\n"
        out += "| \(words("organisation")) | \(e(model.organisationName)) |\n"
        if let kind = model.organisationKindLabel { out += "| \(words("kind")) | \(e(kind)) |\n" }
        if let date = model.assessedOn { out += "| \(words("assessed_on")) | \(e(words.date(date))) |\n" }
        out += "| \(words("pack")) | \(e(model.packName)), \(e(words("version", model.packVersion))) |\n\n"
        out += "## \(words("summary"))\n\n"
        out += words.summaryLine(model) + ".\n\n"
        if !model.context.isEmpty {
            out += "### \(words("context"))\n\n" + model.context.map(e).joined(separator: "\n\n") + "\n\n"
        }
        if !model.consultantMessages.isEmpty {
            out += "### \(words("consultant_messages"))\n\n" + model.consultantMessages.map { "- " + e($0) + "\n" }.joined() + "\n"
        }
        if !model.keyMessages.isEmpty {
            out += "### \(words("key_messages"))\n\n"
            for (index, message) in model.keyMessages.enumerated() {
                out += "\(index + 1). **\(e(message.lead))**  \n   \(e(message.body))\n"
            }
            out += "\n"
        }
        if let strengths = model.strengthsLine { out += e(strengths) + "\n\n" }

        out += "## \(words("maturity"))\n\n| \(words("dimension")) | \(words("level")) | |\n|---|:---:|---|\n"
        for entry in model.maturity {
            if let level = entry.level {
                out += "| \(e(entry.label)) | \(String(repeating: "●", count: level))\(String(repeating: "○", count: 5 - level)) \(level)/5 | \(e(entry.levelName ?? "")) |\n"
            } else {
                out += "| \(e(entry.label)) | — | \(words.notAssessed(atLeast: entry.atLeast)) |\n"
            }
        }
        let notes = model.maturity.filter(\.hasNote)
        if !notes.isEmpty {
            out += "\n"
            for entry in notes {
                if let level = entry.level {
                    out += "- **\(e(entry.label))**, \(words("next_level", String(level + 1)))\(words.colon)" + entry.blockers.map(e).joined(separator: words.semicolon) + "\n"
                } else {
                    out += "- **\(e(entry.label))**, \(words("to_decide"))\(words.colon)" + entry.missing.map(e).joined(separator: ", ") + "\n"
                }
            }
        }

        if !model.strengths.isEmpty {
            out += "\n## \(words("strengths"))\n\n"
            for strength in model.strengths {
                out += "- **\(e(strength.title))**" + (strength.because.map { "  \n  " + ReportText.sentence(e($0)) } ?? "") + "\n"
            }
        }

        out += "\n## \(words("findings"))\n\n"
        if model.findings.isEmpty { out += words("no_findings") + "\n" }
        for (index, finding) in model.findings.enumerated() {
            if let theme = model.themeHeading(before: index) {
                out += "### \(e(theme.title))\n\n" + (theme.summary.map { "_\(e($0))_\n\n" } ?? "")
            }
            out += (model.groupsFindingsByTheme ? "#### " : "### ") + "\(e(finding.title))\n\n"
            out += "**\(words("severity"))\(words.bareColon)** \(words.severity(finding.severity))"
            if let dimension = finding.dimension { out += " · **\(words("dimension"))\(words.bareColon)** \(e(dimension))" }
            out += "\n\n"
            if let because = finding.because { out += ReportText.sentence(e(because)) + "\n\n" }
            if let rationale = finding.rationale { out += "> \(e(rationale))\n\n" }
            if !finding.evidence.isEmpty {
                out += "**\(words("evidence"))\(words.bareColon)**\n\n"
                for evidence in finding.evidence {
                    out += "- \(e(evidence.label))\(words.colon)\(e(evidence.value))" + (evidence.source.map { " — _\(e($0))_" } ?? "") + "\n"
                }
                out += "\n"
            }
            if !finding.references.isEmpty {
                out += "**\(words("references"))\(words.bareColon)** " + finding.references.map(e).joined(separator: words.semicolon) + "\n\n"
            }
            if !finding.covers.isEmpty {
                out += "**\(words("covers"))\(words.bareColon)** " + finding.covers.map(e).joined(separator: words.semicolon) + "\n\n"
            }
        }

        out += "## \(words("roadmap"))\n\n"
        if model.roadmap.isEmpty { out += words("no_roadmap") + "\n\n" }
        for (phase, actions) in model.phases {
            let heading = model.phaseHeading(phase, actions: actions)
            out += "### \(e(heading.title))\n\n"
            if let summary = heading.summary { out += "_\(e(summary))_\n\n" }
            for action in actions {
                out += "- **\(e(action.title))** (\(words.kind(action.kind)))  \n  \(words("priority"))\(words.colon)\(e(action.priority))"
                if let summary = action.summary { out += "  \n  \(e(summary))" }
                for detail in model.details(of: action) { out += "  \n  \(detail.label)\(words.colon)\(e(detail.text))" }
                if !action.answers.isEmpty { out += "  \n  \(words("called_by"))\(words.colon)" + action.answers.map(e).joined(separator: words.semicolon) }
                if action.pulledIn { out += "  \n  _" + words("prerequisite", action.prerequisiteOf.map(e).joined(separator: words.semicolon)) + "_" }
                if !action.buildsOn.isEmpty { out += "  \n  \(words("builds_on"))\(words.colon)" + action.buildsOn.map(e).joined(separator: words.semicolon) }
                out += "\n"
            }
            out += "\n"
        }
        if !model.laterActions.isEmpty {
            out += "### \(words("later"))\n\n" + words("later_note") + "\n\n"
            for action in model.laterActions { out += "- \(e(action.title)) (\(words.kind(action.kind)))\n" }
            out += "\n"
        }
        if !model.trainingPlan.isEmpty {
            out += "## \(words("training_plan"))\n\n"
            for item in model.trainingPlan {
                out += "- **\(e(item.title))** — \(e(words.trainingSize(item, currency: model.currency)))\n"
            }
            out += "\n" + e(words.trainingTotal(model)) + "\n\n"
        }
        if !model.inPlace.isEmpty {
            out += "## \(words("in_place"))\n\n" + words("in_place_note") + "\n\n"
            for action in model.inPlace { out += "- \(e(action.title)) (\(words.kind(action.kind)))\n" }
            out += "\n"
        }

        if !model.undecided.isEmpty {
            out += "## \(words("unknown"))\n\n"
            for item in model.undecided {
                out += "- \(e(item.title)) (\(words.severity(item.severity))) — " + e(words.lacking(item.missing)) + "\n"
            }
            out += "\n"
        }
        out += "## \(words("questions"))\n\n"
        if model.questions.isEmpty { out += words("no_questions") + "\n\n" }
        for (index, question) in model.printedQuestions.enumerated() {
            out += "\(index + 1). \(e(question.question ?? question.label)) — "
                + words.settles(question.decides) + "\n"
        }
        if let more = model.moreQuestions { out += "\n" + more + "\n" }
        out += "\n---\n\n_" + words("generated", e(words.date(model.generatedOn)), e(model.toolVersion)) + "_\n"
        return out
    }
}
