/// The report as JSON, in the versioned schema of docs/report-schema.md (`orgdiag.report/2`),
/// separate from internal types so that it changes only on purpose.
public struct JSONReportRenderer: ReportRenderer {
    /// The schema identifier written in every report.
    public static let schema = "orgdiag.report/2"

    /// Creates a renderer.
    public init() {}

    /// Renders one report as a JSON object, several as an array of them.
    public func render(_ models: [ReportModel], to output: OutputSink) {
        let documents = models.map(render)
        guard documents.count != 1 else { return output.write(documents[0]) }
        output.write("[\n" + documents.map { String($0.reversed().drop { $0 == "\n" }.reversed()) }.joined(separator: ",\n") + "\n]\n")
    }

    /// Renders a report, ending with a newline.
    public func render(_ model: ReportModel) -> String {
        let json = JSON.object([
            ("schema", .string(Self.schema)),
            ("language", .string(model.language)),
            ("organisation", .object([
                ("name", .string(model.organisationName)),
                ("kind", .optional(model.organisationKind)),
                ("assessed_on", .optional(model.assessedOn)),
            ])),
            ("pack", .object([
                ("id", .string(model.packID)), ("name", .string(model.packName)),
                ("version", .string(model.packVersion)), ("content_hash", .string(model.packHash)),
            ])),
            ("generated", .object([("on", .string(model.generatedOn)), ("orgdiag_version", .string(model.toolVersion))])),
            ("summary", .object([
                ("fired", .number(Double(model.findings.count))),
                ("superseded", .number(Double(model.supersededCount))),
                ("not_fired", .number(Double(model.notFiredCount))),
                ("unknown", .number(Double(model.undecided.count))),
                ("not_applicable", .number(Double(model.notApplicableCount))),
                ("recommendations", .number(Double(model.currentActions.count))),
                ("later", .number(Double(model.laterActions.count))),
                ("phases", .number(Double(model.phaseCount))),
            ])),
            ("synthesis", .object([
                ("context", .array(model.context.map(JSON.string))),
                ("consultant_messages", .array(model.consultantMessages.map(JSON.string))),
                ("key_messages", .array(model.keyMessages.map { message in
                    .object([("theme", .string(message.theme)), ("count", .string(message.count)),
                             ("severity", .string(message.severity.rawValue)), ("title", .string(message.title)),
                             ("figure", .optional(message.figure))])
                })),
            ])),
            ("maturity", .array(model.maturity.map { entry in
                .object([("dimension", .string(entry.id)), ("label", .string(entry.label)), ("level", .optional(entry.level)),
                         ("level_name", .optional(entry.levelName)), ("at_least", .number(Double(entry.atLeast))),
                         ("missing", .array(entry.missing.map(JSON.string))), ("next_level_blocked_by", .array(entry.blockers.map(JSON.string))),
                         ("fired", .number(Double(entry.fired))),
                         ("decided", .number(Double(entry.decided))), ("applicable", .number(Double(entry.applicable)))])
            })),
            ("strengths", .array(model.strengths.map { strength in
                .object([("id", .string(strength.id)), ("title", .string(strength.title)), ("dimension", .optional(strength.dimension)),
                         ("because", .optional(strength.because)), ("rationale", .optional(strength.rationale))])
            })),
            ("findings", .array(model.findings.map { finding in
                .object([("id", .string(finding.id)), ("title", .string(finding.title)),
                         ("severity", .string(finding.severity.rawValue)), ("dimension", .optional(finding.dimension)),
                         ("theme", .optional(finding.theme)),
                         ("because", .optional(finding.because)), ("rationale", .optional(finding.rationale)),
                         ("references", .array(finding.references.map(JSON.string))),
                         ("evidence", .array(finding.evidence.map { evidence in
                             .object([("fact", .string(evidence.fact)), ("label", .string(evidence.label)),
                                      ("value", .string(evidence.value)), ("source", .optional(evidence.source))])
                         })),
                         ("recommendations", .array(finding.recommendations.map(JSON.string))),
                         ("covers", .array(finding.covers.map(JSON.string)))])
            })),
            ("roadmap", .array(model.roadmap.map { action in
                .object([("id", .string(action.id)), ("phase", .number(Double(action.phase))), ("title", .string(action.title)),
                         ("kind", .string(action.kind.rawValue)), ("audience", .optional(action.audience)),
                         ("duration", .optional(action.duration)), ("summary", .optional(action.summary)),
                         ("stage", .optional(action.stage)), ("later", .bool(action.later)),
                         ("score", .number(action.score)), ("priority", .string(action.priority)),
                         ("answers", .array(action.answers.map(JSON.string))),
                         ("requires", .array(action.requires.map(JSON.string))), ("pulled_in", .bool(action.pulledIn)),
                         ("prerequisite_of", .array(action.prerequisiteOf.map(JSON.string))),
                         ("builds_on", .array(action.buildsOn.map(JSON.string))),
                         ("owner", .optional(action.owner)), ("consultancy_delivers", .optional(action.consultancyDelivers)),
                         ("organisation_does", .optional(action.organisationDoes)), ("success_measure", .optional(action.successMeasure)),
                         ("period", action.later ? .null : model.period(ofPhase: action.phase).map { period in
                             .object([("starts", .string(period.start.description)), ("ends", .string(period.end.description))])
                         } ?? .null)])
            })),
            ("training_plan", .object([
                ("currency", .optional(model.currency)),
                ("lines", .array(model.trainingPlan.map { item in
                    .object([("id", .string(item.id)), ("title", .string(item.title)), ("audience", .optional(item.audience)),
                             ("participants", item.participants.map { .number(Double($0)) } ?? .null),
                             ("group_size", item.groupSize.map(JSON.number) ?? .null), ("groups", item.groups.map { .number(Double($0)) } ?? .null),
                             ("days_per_group", item.daysPerGroup.map(JSON.number) ?? .null),
                             ("trainer_days", item.trainerDays.map(JSON.number) ?? .null), ("cost", item.cost.map(JSON.number) ?? .null),
                             ("missing", .array(item.missing.map(JSON.string)))])
                })),
                ("total_participants", .number(Double(model.trainingTotals.participants))),
                ("total_groups", .number(Double(model.trainingTotals.groups))),
                ("total_trainer_days", .number(model.trainingTotals.trainerDays)),
                ("total_cost", model.trainingTotals.cost.map(JSON.number) ?? .null),
                ("complete", .bool(model.trainingTotals.complete)),
            ])),
            ("in_place", .array(model.inPlace.map { action in
                .object([("id", .string(action.id)), ("title", .string(action.title)), ("kind", .string(action.kind.rawValue))])
            })),
            ("undecided", .array(model.undecided.map { item in
                .object([("id", .string(item.id)), ("title", .string(item.title)), ("severity", .string(item.severity.rawValue)),
                         ("missing", .array(item.missing.map(JSON.string)))])
            })),
            ("questions", .array(model.questions.map { question in
                .object([("fact", .string(question.fact)), ("label", .string(question.label)),
                         ("question", .optional(question.question)), ("unit", .optional(question.unit)),
                         ("weight", .number(question.weight)), ("decides", .number(Double(question.decides)))])
            })),
            ("thresholds", .array(model.thresholds.map { threshold in
                .object([("parameter", .string(threshold.id)), ("label", .string(threshold.label)), ("value", .string(threshold.value)),
                         ("source", .optional(threshold.source)), ("judgement", .bool(threshold.judgement))])
            })),
        ])
        return json.written() + "\n"
    }
}
