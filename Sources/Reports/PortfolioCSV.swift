import Diagnostics
import RuleModel

/// The portfolio's rows as CSV (RFC 4180), for a spreadsheet: in the report's language by default
/// (headers, kinds and recommendations as the pack names them; `;` between cells in French, as
/// French spreadsheets split), or raw for a program (`--raw`: English headers, ids, `,`). A cell
/// a spreadsheet would run as a formula, or that holds either delimiter, is made safe
/// (``SafeText/csvCell(_:)``).
public struct PortfolioCSV: Sendable {
    let pack: RulePack
    /// The language of the headers and values; `nil` for raw ids.
    let language: String?

    /// Creates the CSV writer of `pack`'s portfolio, in `language`, or raw when `nil`.
    public init(pack: RulePack, language: String?) {
        self.pack = pack
        self.language = language
    }

    /// The cell separator: `;` in French, `,` otherwise and in raw CSV.
    var delimiter: String { language == "fr" ? ";" : "," }

    /// The header line.
    public var header: String {
        var cells: [String]
        if let language {
            let words = ReportStrings(language: language)
            let fallback = pack.metadata.defaultLanguage
            cells = ["csv_path", "organisation", "kind", "assessed_on"].map { words($0) }
            cells += pack.dimensions.map { words("csv_maturity", $0.label.text(in: language, fallback: fallback)) }
            cells += ["csv_critical", "csv_high", "csv_medium", "csv_low", "csv_unknown", "csv_first_actions"].map { words($0) }
        } else {
            cells = ["path", "organisation", "kind", "assessed_on"] + pack.dimensions.map { "maturity_\($0.id)" }
                + ["critical", "high", "medium", "low", "unknown", "top_recommendations"]
        }
        return line(cells)
    }

    /// One organisation's line.
    public func line(_ row: PortfolioReport.Row) -> String {
        let fallback = pack.metadata.defaultLanguage
        var cells = [row.path, row.name]
        if let language {
            cells.append(row.kind.map { ReportStrings(language: language).organisationKind($0, in: pack) } ?? "")
        } else {
            cells.append(row.kind ?? "")
        }
        cells.append(row.assessedOn ?? "")
        cells += row.maturity.map { $0.map(String.init) ?? "" }
        cells += row.firedBySeverity.map(String.init) + [String(row.unknown)]
        if let language {
            cells.append(row.topRecommendations.map { pack.recommendation($0)?.title.text(in: language, fallback: fallback) ?? $0 }
                .joined(separator: " | "))
        } else {
            cells.append(row.topRecommendations.joined(separator: " | "))
        }
        return line(cells)
    }

    private func line(_ cells: [String]) -> String {
        cells.map(SafeText.csvCell).joined(separator: delimiter) + "\r\n"
    }
}
