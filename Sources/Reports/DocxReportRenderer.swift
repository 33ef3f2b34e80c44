import RuleModel

/// The report as a Word document (.docx), for the consultant to finish in Word: a cover, the
/// contents, the synthesis, maturity as a table of shaded levels, the findings theme by theme
/// with their evidence, the dated roadmap with each action's owner and success measure, the
/// training plan as a table with its totals, and the appendix; Word's heading styles throughout,
/// a running header and page numbers. Several organisations make one document, a page break
/// between them.
public struct DocxReportRenderer: ReportRenderer {
    /// The consultancy's name and logo on the cover, when given.
    let branding: Branding?

    /// Creates a renderer.
    public init(branding: Branding? = nil) {
        self.branding = branding
    }

    /// Severity colours, as the HTML report's.
    static let severityColours: [RuleSeverity: String] = [.critical: "A4161A", .high: "D1495B", .medium: "B7791F", .low: "3D7EA6"]
    /// Maturity colours by level, as the HTML report's bars.
    static let levelColours = ["A4161A", "D1495B", "E09F3E", "6A9F58", "2E7D32"]

    public func render(_ models: [ReportModel], to output: OutputSink) throws {
        output.write(bytes: try document(models))
    }

    /// The .docx file's bytes.
    public func document(_ models: [ReportModel]) throws -> [UInt8] {
        let language = models.first?.language ?? "en"
        let words = ReportStrings(language: language)
        let title = models.count == 1 ? "\(words("report_title")) — \(models[0].organisationName)" : words("report_title")
        var document = WordDocument(language: language, title: title, pageWord: words("page"))
        for (index, model) in models.enumerated() {
            if index > 0 { document.pageBreak() }
            cover(model, into: &document)
            if index == 0 {
                document.contents(title: words("contents"))
                document.pageBreak()
            }
            body(model, into: &document)
        }
        return try document.package()
    }

    private func cover(_ model: ReportModel, into document: inout WordDocument) {
        let words = ReportStrings(language: model.language)
        if let branding {
            if let logo = branding.logo { document.image(logo, width: 4) }
            document.paragraph([.init(branding.consultancy, bold: true, colour: "5F6B7A")])
        }
        document.paragraph([.init(model.organisationName)], style: "Title")
        document.paragraph(words("report_title"), style: "Subtitle")
        var lines: [(String, String)] = []
        if let kind = model.organisationKindLabel { lines.append((words("kind"), kind)) }
        if let date = model.assessedOn { lines.append((words("assessed_on"), words.date(date))) }
        lines.append((words("pack"), model.packName))
        for (label, value) in lines {
            document.paragraph([.init(label + words.colon, colour: "5F6B7A"), .init(value, bold: true)])
        }
        document.pageBreak()
    }

    private func body(_ model: ReportModel, into document: inout WordDocument) {
        let words = ReportStrings(language: model.language)
        let colon = words.colon
        let full = WordDocument.textWidth

        // Synthesis.
        document.heading(words("summary"), level: 1)
        document.paragraph([.init(words.summaryLine(model), bold: true)])
        if !model.context.isEmpty {
            document.heading(words("context"), level: 3)
            for paragraph in model.context { document.paragraph(paragraph) }
        }
        if !model.consultantMessages.isEmpty {
            document.heading(words("consultant_messages"), level: 3)
            for message in model.consultantMessages { document.bullet([.init(message)]) }
        }
        if !model.keyMessages.isEmpty {
            document.heading(words("key_messages"), level: 3)
            for (index, message) in model.keyMessages.enumerated() {
                document.paragraph([.init("\(index + 1).\t"), .init(message.lead, bold: true, colour: Self.severityColours[message.severity]),
                                    .init("\n" + message.body)], style: "ListItem")
            }
        }
        if let strengths = model.strengthsLine { document.paragraph([.init(strengths, italic: true)]) }

        // Maturity.
        document.heading(words("maturity"), level: 1)
        let labelWidth = 2_900, levelWidth = 420
        var rows: [[WordDocument.Cell]] = [[
            .init([.init(words("dimension"), bold: true)], width: labelWidth, fill: "EEF2F6"),
        ] + (1...5).map { .init([.init(String($0), bold: true)], width: levelWidth, fill: "EEF2F6") } + [
            .init([.init(words("level").capitalisingFirst, bold: true)], width: full - labelWidth - 5 * levelWidth, fill: "EEF2F6"),
        ]]
        for entry in model.maturity {
            var row: [WordDocument.Cell] = [.init([.init(entry.label, bold: true)], width: labelWidth)]
            for level in 1...5 {
                let filled = entry.level.map { level <= $0 } ?? false
                row.append(.init([], width: levelWidth, fill: filled ? Self.levelColours[(entry.level ?? 1) - 1] : nil))
            }
            let reading = entry.level.map { "\($0)/5" + (entry.levelName.map { " — " + $0 } ?? "") } ?? words.notAssessed(atLeast: entry.atLeast)
            var cell = WordDocument.Cell([.init(reading)], width: full - labelWidth - 5 * levelWidth)
            if let level = entry.level, !entry.blockers.isEmpty {
                cell.paragraphs.append([.init(words("next_level", String(level + 1)) + colon + entry.blockers.joined(separator: words.semicolon),
                                              colour: "5F6B7A", size: 8)])
            } else if !entry.missing.isEmpty {
                cell.paragraphs.append([.init(words("to_decide") + colon + entry.missing.joined(separator: ", "), colour: "5F6B7A", size: 8)])
            }
            row.append(cell)
            rows.append(row)
        }
        document.table(rows, header: true)

        // Strengths.
        if !model.strengths.isEmpty {
            document.heading(words("strengths"), level: 1)
            for strength in model.strengths {
                document.bullet([.init(strength.title, bold: true)] + (strength.because.map { [.init("\n" + ReportText.sentence($0))] } ?? []))
            }
        }

        // Findings.
        document.heading(words("findings"), level: 1)
        if model.findings.isEmpty { document.paragraph(words("no_findings")) }
        for (index, finding) in model.findings.enumerated() {
            if let theme = model.themeHeading(before: index) {
                document.heading(theme.title, level: 2)
                if let summary = theme.summary { document.paragraph(summary, style: "Muted") }
            }
            document.paragraph([.init(words.severity(finding.severity).uppercased() + "  ", bold: true, colour: Self.severityColours[finding.severity], size: 8),
                                .init(finding.title, bold: true, size: 11)], keepWithNext: true)
            if let because = finding.because { document.paragraph([.init(ReportText.sentence(because))], keepWithNext: true) }
            if let rationale = finding.rationale { document.paragraph(rationale, style: "Quote") }
            for evidence in finding.evidence {
                document.bullet([.init(evidence.label + colon), .init(evidence.value, bold: true)]
                                + (evidence.source.map { [.init(" (\($0))", colour: "5F6B7A")] } ?? []))
            }
            var notes: [String] = []
            let numbers = model.sourceNumbers(of: finding)
            if !numbers.isEmpty { notes.append(words("references") + colon + numbers.map { "[\($0)]" }.joined(separator: " ")) }
            if !finding.covers.isEmpty { notes.append(words("covers") + colon + finding.covers.joined(separator: words.semicolon)) }
            for note in notes { document.paragraph(note, style: "Muted") }
        }

        // Roadmap.
        document.heading(words("roadmap"), level: 1)
        if model.roadmap.isEmpty { document.paragraph(words("no_roadmap")) }
        for (phase, actions) in model.phases {
            let heading = model.phaseHeading(phase, actions: actions)
            document.heading(heading.title, level: 2)
            if let summary = heading.summary { document.paragraph(summary, style: "Muted") }
            for action in actions {
                document.heading(action.title + " (" + words.kind(action.kind) + ")", level: 3)
                document.paragraph([.init(words("priority") + colon, colour: "5F6B7A"), .init(action.priority)])
                if let summary = action.summary { document.paragraph(summary) }
                let details = model.details(of: action)
                if !details.isEmpty {
                    let labelColumn = 2_600
                    document.table(details.map { detail in
                        [.init([.init(detail.label, bold: true)], width: labelColumn, fill: "F4F6F9"), .init([.init(detail.text)], width: full - labelColumn)]
                    })
                }
                if !action.answers.isEmpty {
                    document.paragraph(words("called_by") + colon + action.answers.joined(separator: words.semicolon), style: "Muted")
                }
                if action.pulledIn { document.paragraph(words("prerequisite", action.prerequisiteOf.joined(separator: words.semicolon)), style: "Muted") }
                if !action.buildsOn.isEmpty {
                    document.paragraph(words("builds_on") + colon + action.buildsOn.joined(separator: words.semicolon), style: "Muted")
                }
            }
        }
        if !model.laterActions.isEmpty {
            document.heading(words("later"), level: 2)
            document.paragraph(words("later_note"), style: "Muted")
            for action in model.laterActions { document.bullet([.init(action.title), .init(" (" + words.kind(action.kind) + ")", colour: "5F6B7A")]) }
        }
        if !model.inPlace.isEmpty {
            document.heading(words("in_place"), level: 2)
            document.paragraph(words("in_place_note"), style: "Muted")
            for action in model.inPlace { document.bullet([.init(action.title), .init(" (" + words.kind(action.kind) + ")", colour: "5F6B7A")]) }
        }

        // Training plan.
        if !model.trainingPlan.isEmpty {
            document.heading(words("training_plan"), level: 1)
            let titleWidth = 4_200
            let rest = (full - titleWidth) / 4
            let header = ["training_column", "participants_column", "groups_column", "trainer_days_column"]
            var rows: [[WordDocument.Cell]] = [
                [.init([.init(words(header[0]), bold: true)], width: titleWidth, fill: "EEF2F6")]
                + header.dropFirst().map { .init([.init(words($0), bold: true)], width: rest, fill: "EEF2F6") }
                + [.init([.init(words("cost_column"), bold: true)], width: full - titleWidth - 3 * rest, fill: "EEF2F6")],
            ]
            for item in model.trainingPlan {
                let cells = [item.participants.map { words.amount(Double($0)) }, item.groups.map { words.amount(Double($0)) },
                             item.trainerDays.map(words.amount), item.cost.map { words.money($0, currency: model.currency) }]
                var title = WordDocument.Cell([.init(item.title, bold: true)], width: titleWidth)
                if let audience = item.audience { title.paragraphs.append([.init(audience, colour: "5F6B7A", size: 8)]) }
                if !item.missing.isEmpty { title.paragraphs.append([.init(words.lacking(item.missing), colour: "5F6B7A", size: 8)]) }
                rows.append([title] + cells.enumerated().map { column, text in
                    .init([.init(text ?? "—")], width: column == 3 ? full - titleWidth - 3 * rest : rest)
                })
            }
            let totals = model.trainingTotals
            rows.append([.init([.init(words("total_row"), bold: true)], width: titleWidth, fill: "F4F6F9"),
                         .init([.init(words.amount(Double(totals.participants)), bold: true)], width: rest, fill: "F4F6F9"),
                         .init([.init(words.amount(Double(totals.groups)), bold: true)], width: rest, fill: "F4F6F9"),
                         .init([.init(words.amount(totals.trainerDays), bold: true)], width: rest, fill: "F4F6F9"),
                         .init([.init(totals.cost.map { words.money($0, currency: model.currency) } ?? "—", bold: true)],
                               width: full - titleWidth - 3 * rest, fill: "F4F6F9")])
            document.table(rows, header: true)
            document.paragraph(words.trainingTotal(model), style: "Muted")
        }

        // Open points and questions.
        if !model.undecided.isEmpty {
            document.heading(words("unknown"), level: 1)
            for item in model.undecided {
                document.bullet([.init(words.severity(item.severity) + "  ", bold: true, colour: Self.severityColours[item.severity]),
                                 .init(item.title), .init(" — " + words.lacking(item.missing), colour: "5F6B7A")])
            }
        }
        document.heading(words("questions"), level: 1)
        if model.questions.isEmpty { document.paragraph(words("no_questions")) }
        for (index, question) in model.printedQuestions.enumerated() {
            document.paragraph([.init("\(index + 1).\t"), .init(question.question ?? question.label),
                                .init(" — " + words.settles(question.decides), colour: "5F6B7A")], style: "ListItem")
        }
        if let more = model.moreQuestions { document.paragraph(more, style: "Muted") }

        // Appendix.
        document.pageBreak()
        document.heading(words("appendix"), level: 1)
        if !model.method.isEmpty {
            document.heading(words("method"), level: 2)
            document.paragraph(words("method_note"))
            for (index, stage) in model.method.enumerated() {
                document.paragraph([.init("\(index + 1).\t"), .init(stage.title, bold: true)] + (stage.summary.map { [.init(" — " + $0)] } ?? []),
                                   style: "ListItem")
            }
        }
        if !model.grid.isEmpty {
            document.heading(words("maturity_grid"), level: 2)
            let width = model.grid.map(\.levels.count).max() ?? 0
            let first = 1_900
            let column = width > 0 ? (full - first) / width : 0
            var grid: [[WordDocument.Cell]] = [[.init([.init(words("dimension"), bold: true)], width: first, fill: "EEF2F6")]
                + (0..<width).map { .init([.init(String($0 + 1), bold: true)], width: column, fill: "EEF2F6") }]
            for row in model.grid {
                grid.append([.init([.init(row.dimension, bold: true)], width: first)]
                            + (0..<width).map { .init([.init($0 < row.levels.count ? row.levels[$0] : "", size: 8)], width: column) })
            }
            document.table(grid, header: true)
        }
        if !model.thresholds.isEmpty {
            document.heading(words("thresholds"), level: 2)
            document.paragraph(words("thresholds_note"))
            for threshold in model.thresholds {
                let basis = words.basis(source: threshold.source, judgement: threshold.judgement)
                document.paragraph([.init(threshold.label, bold: true), .init(words.colon + threshold.value, size: 9)]
                                   + (basis.map { [.init(" — " + $0, colour: "5F6B7A", size: 9)] } ?? []), style: "ListItem")
            }
        }
        if !model.sources.isEmpty {
            document.heading(words("sources"), level: 2)
            for (index, source) in model.sources.enumerated() {
                document.paragraph([.init("[\(index + 1)]\t"), .init(source, size: 9)], style: "ListItem")
            }
        }
        document.heading(words("edition"), level: 2)
        document.paragraph("\(model.packName), \(words("version", model.packVersion)).")
        document.paragraph(words("generated", words.date(model.generatedOn), model.toolVersion), style: "Muted")
    }
}

extension String {
    /// The text with a capital first letter.
    var capitalisingFirst: String { prefix(1).uppercased() + dropFirst() }
}
