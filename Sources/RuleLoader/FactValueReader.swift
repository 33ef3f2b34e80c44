import Diagnostics
import RuleModel
import YAML

extension NodeReader {
    /// How a profile's value of each fact type is read: one reader per type, registered by the
    /// type's name. Each gets a node that is not null, and reports what does not fit.
    static let readers: [String: @Sendable (inout NodeReader, YAMLNode, FactDefinition) -> Value?] = [
        FactDefinition.FactType.boolean.rawValue: { $0.readBoolean($1, for: $2) },
        FactDefinition.FactType.integer.rawValue: { $0.readNumber($1, for: $2) },
        FactDefinition.FactType.number.rawValue: { $0.readNumber($1, for: $2) },
        FactDefinition.FactType.percentage.rawValue: { $0.readNumber($1, for: $2) },
        FactDefinition.FactType.enumeration.rawValue: { $0.readWord($1, for: $2) },
        FactDefinition.FactType.set.rawValue: { $0.readWords($1, for: $2) },
        FactDefinition.FactType.string.rawValue: { $0.readText($1, for: $2) },
        FactDefinition.FactType.date.rawValue: { $0.readDate($1, for: $2) },
    ]

    /// Reads a fact's value as declared in the catalogue; `~` gives `nil` without a diagnostic
    /// (explicitly unknown). Records a located diagnostic for a value that does not fit. This is
    /// the one reader of facts' values: profiles, examples in packs, rule-test profiles, answers
    /// to `orgdiag ask`, and the stream decoder's documents that leave its fast path.
    mutating func factValue(_ node: YAMLNode, for fact: FactDefinition) -> Value?? {
        if node.isNull { return .some(nil) }
        guard let read = Self.readers[fact.type.rawValue] else {
            report(.error(YAMLDiagnosticCode.internal, "no reader for facts of type '\(fact.type)'; please report this", at: node.location))
            return nil
        }
        return read(&self, node, fact).map { .some($0) }
    }

    private mutating func wrongType(_ node: YAMLNode, _ fact: FactDefinition, expected: String) -> Value? {
        report(.error(LoaderCode.profileWrongType,
                      "'\(fact.id)' expects \(expected), found \(node.kindDescription)\(node.scalar.map { " '\($0.text)'" } ?? "")",
                      at: node.location))
        return nil
    }

    private mutating func readBoolean(_ node: YAMLNode, for fact: FactDefinition) -> Value? {
        guard case .bool(let flag)? = node.scalar?.resolved else {
            if let text = node.scalar?.text, YAMLScalar.isBooleanLikeWord(text) {
                report(.error(LoaderCode.profileWrongType, "'\(fact.id)' expects true or false, found '\(text)'; write true or false",
                              at: node.location))
                return nil
            }
            return wrongType(node, fact, expected: "true or false")
        }
        return .bool(flag)
    }

    private mutating func readNumber(_ node: YAMLNode, for fact: FactDefinition) -> Value? {
        let whole = fact.type.step == 1
        guard let scalar = node.scalar else { return wrongType(node, fact, expected: "a number") }
        let number: Double
        switch scalar.resolved {
        case .integer(let value?): number = Double(value)
        case .float(let value) where value.isFinite && !whole: number = value == 0 ? 0 : value
        case .float(let value) where value.isFinite && value.rounded() == value:
            number = value
        case .float(let value) where value.isFinite:
            return wrongType(node, fact, expected: "a whole number")
        case .integer(nil), .float:
            report(.error(LoaderCode.profileOutOfRange,
                          "'\(scalar.text)' is not a finite number that fits; '\(fact.id)' expects a number",
                          at: node.location))
            return nil
        default:
            return wrongType(node, fact, expected: whole ? "a whole number" : "a number")
        }
        if let range = fact.range, !range.contains(number) {
            let unit = fact.type == .percentage ? " (a percentage)" : ""
            report(.error(LoaderCode.profileOutOfRange,
                          "\(Value.format(number)) is outside the range of '\(fact.id)'\(unit): \(Value.format(range.lowerBound)) to \(Value.format(range.upperBound))",
                          at: node.location))
            return nil
        }
        return .number(number)
    }

    private mutating func readWord(_ node: YAMLNode, for fact: FactDefinition) -> Value? {
        guard let scalar = node.scalar else { return wrongType(node, fact, expected: "one of its values") }
        guard fact.values.contains(scalar.text) else {
            reportUnknownValue(scalar.text, fact: fact, at: node.location)
            return nil
        }
        return .string(scalar.text)
    }

    private mutating func readWords(_ node: YAMLNode, for fact: FactDefinition) -> Value? {
        guard case .sequence(let items) = node.content else { return wrongType(node, fact, expected: "a list of its values") }
        var values: [String] = []
        for item in items {
            guard let text = item.scalar?.text, item.scalar?.resolved != .null else {
                report(.error(LoaderCode.profileWrongType, "'\(fact.id)' expects a list of words, found \(item.kindDescription)",
                              at: item.location))
                continue
            }
            if fact.values.contains(text) { values.append(text) } else { reportUnknownValue(text, fact: fact, at: item.location) }
        }
        return .setOf(values)
    }

    private mutating func readText(_ node: YAMLNode, for fact: FactDefinition) -> Value? {
        read({ () throws(Diagnostic) in try node.string() }).map(Value.string)
    }

    private mutating func readDate(_ node: YAMLNode, for fact: FactDefinition) -> Value? {
        guard let text = node.scalar?.text, Self.isISODate(text) else {
            report(.error(LoaderCode.profileInvalidDate,
                          "'\(fact.id)' expects a date written YYYY-MM-DD, found \(node.scalar.map { "'\($0.text)'" } ?? node.kindDescription)",
                          at: node.location))
            return nil
        }
        return .string(text)
    }

    private mutating func reportUnknownValue(_ text: String, fact: FactDefinition, at location: SourceLocation) {
        report(.error(LoaderCode.profileUnknownValue, "'\(text)' is not a value of '\(fact.id)'", at: location)
            .suggesting(Suggestion.hint(for: text, among: fact.values, listingAll: true)))
    }

    /// `YYYY-MM-DD` with a real month and day.
    static func isISODate(_ text: String) -> Bool { CivilDate(iso: text) != nil }
}
