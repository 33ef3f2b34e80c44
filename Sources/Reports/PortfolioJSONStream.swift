import RuleModel

/// The portfolio as JSON (`orgdiag.portfolio/1`) written one organisation at a time: the bytes of
/// ``PortfolioReport/json()``, in memory that does not grow with the organisations (it keeps only
/// how often each diagnostic fired).
public struct PortfolioJSONStream {
    private let pack: RulePack
    private var counts: [String: Int] = [:]
    private var organisations = 0

    /// Starts the portfolio of a pack.
    public init(pack: RulePack) {
        self.pack = pack
    }

    /// Everything before the first organisation.
    public func head() -> String {
        let packJSON = JSON.object([("id", .string(pack.metadata.id)), ("version", .string(pack.metadata.version)),
                                    ("content_hash", .string(pack.contentHash))])
        return "{\n  \"schema\": \(JSON.quoted("orgdiag.portfolio/1")),\n  \"pack\": \(packJSON.written(indent: "  ")),\n"
            + "  \"organisations\": ["
    }

    /// One organisation, counted for the summary.
    public mutating func row(_ row: PortfolioReport.Row) -> String {
        for id in row.fired { counts[id, default: 0] += 1 }
        organisations += 1
        let json = JSON.object([
            ("path", .string(row.path)), ("name", .string(row.name)), ("kind", .optional(row.kind)),
            ("assessed_on", .optional(row.assessedOn)),
            ("maturity", .object(zip(pack.dimensions, row.maturity).map { ($0.id, JSON.optional($1)) })),
            ("fired", .object(zip(RuleSeverity.allCases, row.firedBySeverity).map { ($0.rawValue, JSON.number(Double($1))) })),
            ("unknown", .number(Double(row.unknown))),
            ("fired_diagnostics", .array(row.fired.map(JSON.string))),
            ("top_recommendations", .array(row.topRecommendations.map(JSON.string))),
        ])
        return (organisations == 1 ? "\n    " : ",\n    ") + json.written(indent: "    ")
    }

    /// Everything after the last organisation: how often each diagnostic fired.
    public func tail() -> String {
        let diagnostics = PortfolioReport.rankedFrequencies(pack: pack, counts: counts, organisations: organisations).map { frequency in
            JSON.object([("id", .string(frequency.diagnostic)), ("fired", .number(Double(frequency.fired))),
                         ("share", .number((frequency.share * 1000).rounded() / 1000))])
        }
        return (organisations == 0 ? "]" : "\n  ]") + ",\n  \"diagnostics\": \(JSON.array(diagnostics).written(indent: "  "))\n}\n"
    }
}
