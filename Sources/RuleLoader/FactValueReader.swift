import Diagnostics
import RuleModel
import YAML

extension NodeReader {
    /// Reads a fact's value as declared in the catalogue; `~` gives `nil` without a diagnostic
    /// (explicitly unknown). Records a located diagnostic for a value that does not fit.
    mutating func factValue(_ node: YAMLNode, for fact: FactDefinition) -> Value?? {
        if node.isNull { return .some(nil) }
        func wrongType(_ expected: String) -> Value?? {
            report(.error(LoaderCode.profileWrongType,
                          "'\(fact.id)' expects \(expected), found \(node.kindDescription)\(node.scalar.map { " '\($0.text)'" } ?? "")",
                          at: node.location))
            return nil
        }
        switch fact.type {
        case .boolean:
            guard case .bool(let flag)? = node.scalar?.resolved else {
                if let text = node.scalar?.text, YAMLScalar.isBooleanLikeWord(text) {
                    report(.error(LoaderCode.profileWrongType,
                                  "'\(fact.id)' expects true or false, found '\(text)'; write true or false",
                                  at: node.location))
                    return nil
                }
                return wrongType("true or false")
            }
            return .bool(flag)
        case .integer, .number, .percentage:
            guard let scalar = node.scalar else { return wrongType("a number") }
            let number: Double
            switch scalar.resolved {
            case .integer(let value?): number = Double(value)
            case .float(let value) where value.isFinite && fact.type != .integer: number = value == 0 ? 0 : value
            case .float(let value) where value.isFinite && value.rounded() == value:
                number = value
            case .float(let value) where value.isFinite:
                return wrongType("a whole number")
            case .integer(nil), .float:
                report(.error(LoaderCode.profileOutOfRange,
                              "'\(scalar.text)' is not a finite number that fits; '\(fact.id)' expects a number",
                              at: node.location))
                return nil
            default:
                return wrongType(fact.type == .integer ? "a whole number" : "a number")
            }
            if let range = fact.range, !range.contains(number) {
                let unit = fact.type == .percentage ? " (a percentage)" : ""
                report(.error(LoaderCode.profileOutOfRange,
                              "\(Value.format(number)) is outside the range of '\(fact.id)'\(unit): \(Value.format(range.lowerBound)) to \(Value.format(range.upperBound))",
                              at: node.location))
                return nil
            }
            return .number(number)
        case .enumeration:
            guard let scalar = node.scalar else { return wrongType("one of its values") }
            guard fact.values.contains(scalar.text) else {
                reportUnknownValue(scalar.text, fact: fact, at: node.location)
                return nil
            }
            return .string(scalar.text)
        case .set:
            guard case .sequence(let items) = node.content else { return wrongType("a list of its values") }
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
        case .string:
            guard let text = read({ () throws(Diagnostic) in try node.string() }) else { return nil }
            return .string(text)
        case .date:
            guard let text = node.scalar?.text, Self.isISODate(text) else {
                report(.error(LoaderCode.profileInvalidDate,
                              "'\(fact.id)' expects a date written YYYY-MM-DD, found \(node.scalar.map { "'\($0.text)'" } ?? node.kindDescription)",
                              at: node.location))
                return nil
            }
            return .string(text)
        }
    }

    private mutating func reportUnknownValue(_ text: String, fact: FactDefinition, at location: SourceLocation) {
        report(.error(LoaderCode.profileUnknownValue, "'\(text)' is not a value of '\(fact.id)'", at: location)
            .suggesting(Suggestion.hint(for: text, among: fact.values, listingAll: true)))
    }

    /// `YYYY-MM-DD` with a real month and day.
    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}
