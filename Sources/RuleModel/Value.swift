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

/// A value is stored as one list: the number of its kind, then its payload. The keyed containers
/// `Codable` would write for the enum (a key for the case, a nested container for its payload)
/// took a third of the time a stored pack's diagnostics took to read.
extension Value: Codable {
    private enum Code: Int {
        case bool, number, string, set
    }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let number = try container.decode(Int.self)
        switch Code(rawValue: number) {
        case .bool: self = .bool(try container.decode(Bool.self))
        case .number: self = .number(try container.decode(Double.self))
        case .string: self = .string(try container.decode(String.self))
        case .set: self = .set(try container.decode([String].self))
        case nil: throw DecodingError.dataCorruptedError(in: container, debugDescription: "no value kind is numbered \(number)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        switch self {
        case .bool(let value): try container.encode(Code.bool.rawValue); try container.encode(value)
        case .number(let value): try container.encode(Code.number.rawValue); try container.encode(value)
        case .string(let value): try container.encode(Code.string.rawValue); try container.encode(value)
        case .set(let values): try container.encode(Code.set.rawValue); try container.encode(values)
        }
    }
}
