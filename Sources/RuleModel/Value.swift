/// A fact's, parameter's or indicator's value.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case bool(Bool)
    case number(Double)
    /// Text, enum values and dates (ISO `YYYY-MM-DD`, which sort as text).
    case string(String)
    /// A set of enum values, kept sorted.
    case set([String])

    /// Creates a set value, sorted and without duplicates.
    public static func setOf(_ values: some Sequence<String>) -> Value { .set(Array(Set(values)).sorted()) }

    /// The value as users read it: `12`, `12.5`, `'none'`, `true`, `[a, b]`.
    public var description: String {
        switch self {
        case .bool(let value): return String(value)
        case .number(let value): return Value.format(value)
        case .string(let value): return "'\(value)'"
        case .set(let values): return "[" + values.joined(separator: ", ") + "]"
        }
    }

    /// The value without quotes, for sentences: `12`, `none`, `a, b`.
    public var plainText: String {
        switch self {
        case .string(let value): return value
        case .set(let values): return values.joined(separator: ", ")
        default: return description
        }
    }

    /// Formats a number without a useless decimal part, with at most 2 decimals.
    public static func format(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int(number)) }
        // Beyond, hundredths are meaningless (and multiplying by 100 could overflow): `1e+307`.
        guard abs(number) < 1e15 else { return String(number) }
        var text = String((number * 100).rounded() / 100)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// A word for the type, used in messages.
    public var typeName: String {
        switch self {
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "text"
        case .set: return "set"
        }
    }
}
