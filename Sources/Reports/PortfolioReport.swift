import Diagnostics
import Engine
import RuleModel

/// A portfolio of organisations (`orgdiag batch`): one row per organisation, and how often each
/// diagnostic fires across them. Rows are built one evaluation at a time, so that a large batch
/// keeps only rows in memory.
public struct PortfolioReport: Sendable {
    /// One organisation's summary.
    public struct Row: Sendable {
        public let path: String
        public let name: String
        public let kind: String?
        public let assessedOn: String?
        /// Level per dimension, in the pack's order (`nil`: not assessed).
        public let maturity: [Int?]
        /// How many diagnostics fired, per severity (critical, high, medium, low).
        public let firedBySeverity: [Int]
        public let unknown: Int
        /// Ids of the diagnostics that fired.
        public let fired: [String]
        /// Ids of the first recommendations of the roadmap.
        public let topRecommendations: [String]

        /// Summarises an evaluation.
        public init(path: String, evaluation: Evaluation, topCount: Int = 3) {
            self.path = path
            name = evaluation.profile.name
            kind = evaluation.profile.kind
            assessedOn = evaluation.profile.assessedOn
            maturity = evaluation.maturity.map(\.level)
            let fired = evaluation.findings
            firedBySeverity = RuleSeverity.allCases.map { severity in fired.filter { $0.rule.severity == severity }.count }
            unknown = evaluation.outcomes(.unknown).count
            self.fired = fired.map(\.rule.id)
            topRecommendations = evaluation.roadmap.prefix(topCount).map(\.recommendation.id)
        }
    }

    /// How often one diagnostic fired.
    public struct Frequency: Sendable {
        public let diagnostic: String
        public let fired: Int
        public let share: Double
    }

    public let pack: RulePack
    /// Rows in the order given (`orgdiag batch`: files sorted by path, each file's documents in order).
    public let rows: [Row]

    /// Creates a portfolio report.
    public init(pack: RulePack, rows: [Row]) {
        self.pack = pack
        self.rows = rows
    }

    /// Every diagnostic with how many organisations it fired for, most frequent first, ties by id.
    public var frequencies: [Frequency] {
        var counts: [String: Int] = [:]
        for row in rows { for id in row.fired { counts[id, default: 0] += 1 } }
        return Self.rankedFrequencies(pack: pack, counts: counts, organisations: rows.count)
    }

    /// The frequencies of `pack`'s diagnostics from how many of `organisations` each fired for.
    static func rankedFrequencies(pack: RulePack, counts: [String: Int], organisations: Int) -> [Frequency] {
        let total = Double(max(organisations, 1))
        return pack.findings.map { Frequency(diagnostic: $0.id, fired: counts[$0.id] ?? 0, share: Double(counts[$0.id] ?? 0) / total) }
            .sorted { ($1.fired, $0.diagnostic) < ($0.fired, $1.diagnostic) }
    }

    /// The rows as CSV (``PortfolioCSV``), in `language`, or raw ids when `nil`.
    public func csv(language: String?) -> String {
        let writer = PortfolioCSV(pack: pack, language: language)
        return writer.header + rows.map(writer.line).joined()
    }

    /// The portfolio as JSON: `{"schema": "orgdiag.portfolio/1", "organisations": [...], "diagnostics": [...]}`.
    public func json() -> String {
        var stream = PortfolioJSONStream(pack: pack)
        return stream.head() + rows.map { stream.row($0) }.joined() + stream.tail()
    }

    /// A summary for a terminal: one line per organisation, then the most frequent diagnostics.
    public func text(language: String) -> String {
        let words = ReportStrings(language: language)
        let fallback = pack.metadata.defaultLanguage
        var out = "\(words("portfolio", String(rows.count)))\n\n"
        for row in rows {
            let severities = zip(RuleSeverity.allCases, row.firedBySeverity).filter { $0.1 > 0 }
                .map { words.count(Double($0.1), "findings_one_" + $0.0.rawValue, "findings_many_" + $0.0.rawValue) }.joined(separator: ", ")
            let undecided = row.unknown > 0 ? " · " + words.count(Double(row.unknown), "undecided_one", "undecided_many") : ""
            // The kind as the pack names it and the date written out, so that two assessments of
            // one organisation read apart.
            let kind = row.kind.map { words.organisationKind($0, in: pack) }
            let identity = [kind, row.assessedOn.map(words.date)].compactMap { $0 }
            out += "\(row.name)\(identity.isEmpty ? "" : " (" + identity.joined(separator: ", ") + ")")\(words.colon)\(severities.isEmpty ? "—" : severities)\(undecided)\n"
        }
        out += "\n\(words("most_frequent"))\n"
        for frequency in frequencies.prefix(15) where frequency.fired > 0 {
            let title = pack.finding(frequency.diagnostic)?.title.text(in: language, fallback: fallback) ?? frequency.diagnostic
            out += "  \(frequency.fired)/\(rows.count)  \(title)\n"
        }
        return SafeText.terminal(out)
    }
}
