import Diagnostics
import RuleModel

/// A name a pack defines, as an editor shows it: for completion, hover and go to definition.
struct PackSymbol {
    /// What defines the name.
    enum Kind: String {
        case fact, parameter, indicator, diagnostic, recommendation, strength, dimension

        /// The protocol's `CompletionItemKind`.
        var completionKind: Int {
            switch self {
            case .fact: return 6  // Variable
            case .parameter: return 21  // Constant
            case .indicator: return 3  // Function
            case .diagnostic: return 23  // Event
            case .recommendation: return 18  // Reference
            case .strength: return 12  // Value
            case .dimension: return 19  // Folder
            }
        }
    }

    let id: String
    let kind: Kind
    /// A line: `fact · integer · Staff`.
    let detail: String
    /// What hover shows, in Markdown.
    let documentation: String
    let location: SourceLocation?

    /// Every name `pack` defines, in the order of its sections.
    static func all(in pack: RulePack) -> [PackSymbol] {
        let language = pack.metadata.defaultLanguage
        func text(_ localized: LocalizedText?) -> String? {
            guard let localized, !localized.translations.isEmpty else { return nil }
            return localized.text(in: language, fallback: "")
        }
        func symbol(_ id: String, _ kind: Kind, type: String? = nil, label: LocalizedText?, lines: [String?] = [],
                    location: SourceLocation?) -> PackSymbol {
            let title = text(label)
            let detail = ([kind.rawValue, type, title] as [String?]).compactMap { $0 }.joined(separator: " · ")
            var documentation = "**\(id)** — \(kind.rawValue)\(type.map { ", \($0)" } ?? "")"
            if let title { documentation += "\n\n\(title)" }
            for line in lines.compactMap({ $0 }) { documentation += "\n\n\(line)" }
            if let location {
                let file = location.file.path.split(separator: "/").last.map(String.init) ?? location.file.path
                documentation += "\n\nDefined in `\(file)`, line \(location.file.firstLine - 1 + location.range.start.line)."
            }
            return PackSymbol(id: id, kind: kind, detail: detail, documentation: documentation, location: location)
        }
        var symbols: [PackSymbol] = []
        for fact in pack.facts {
            symbols.append(symbol(fact.id, .fact, type: fact.type.rawValue, label: fact.label, lines: [
                text(fact.unit).map { "Unit: \($0)" }, text(fact.question).map { "Question: \($0)" },
                fact.values.isEmpty ? nil : "Values: " + fact.values.map { "`\($0)`" }.joined(separator: ", "),
                fact.range.map { "Range: \($0.lowerBound) to \($0.upperBound)" },
            ], location: fact.location))
        }
        for parameter in pack.parameters {
            symbols.append(symbol(parameter.id, .parameter, label: parameter.label,
                                  lines: ["Value: `\(parameter.value)`"]
                                      + parameter.byKind.keys.sorted().map { "For `\($0)`: `\(parameter.byKind[$0]!)`" },
                                  location: parameter.location))
        }
        for indicator in pack.indicators {
            symbols.append(symbol(indicator.id, .indicator, label: indicator.label,
                                  lines: ["`\(indicator.expression)`", text(indicator.unit).map { "Unit: \($0)" }],
                                  location: indicator.location))
        }
        for rule in pack.findings {
            symbols.append(symbol(rule.id, .diagnostic, type: rule.severity.rawValue, label: rule.title, location: rule.location))
        }
        for recommendation in pack.recommendations {
            symbols.append(symbol(recommendation.id, .recommendation, label: recommendation.title, location: recommendation.location))
        }
        for strength in pack.strengths { symbols.append(symbol(strength.id, .strength, label: strength.title, location: strength.location)) }
        for dimension in pack.dimensions { symbols.append(symbol(dimension.id, .dimension, label: dimension.label, location: dimension.location)) }
        return symbols
    }
}
