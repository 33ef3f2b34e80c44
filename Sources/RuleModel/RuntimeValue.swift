/// A value during evaluation: a known value, or unknown.
public enum RuntimeValue: Hashable, Sendable, CustomStringConvertible {
    case unknown
    case bool(Bool)
    case number(Double)
    case string(String)
    case set([String])
    case list([RuntimeValue])

    /// Wraps a model value.
    public init(_ value: Value) {
        switch value {
        case .bool(let flag): self = .bool(flag)
        case .number(let number): self = .number(number)
        case .string(let text): self = .string(text)
        case .set(let values): self = .set(values)
        }
    }

    /// The truth of a boolean value; unknown for anything else.
    public var truth: Truth {
        if case .bool(let flag) = self { return Truth(flag) }
        return .unknown
    }

    /// Whether the value is known.
    public var isKnown: Bool { self != .unknown }

    /// The model value, when known and not a list.
    public var value: Value? {
        switch self {
        case .unknown, .list: return nil
        case .bool(let flag): return .bool(flag)
        case .number(let number): return .number(number)
        case .string(let text): return .string(text)
        case .set(let values): return .set(values)
        }
    }

    /// The value as users read it; `unknown` when unknown.
    public var description: String {
        switch self {
        case .unknown: return "unknown"
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        default: return value!.description
        }
    }

    /// The value as it goes into a sentence: `12`, `none`; `?` when unknown.
    public var plainText: String {
        switch self {
        case .unknown: return "?"
        case .list(let items): return items.map(\.plainText).joined(separator: ", ")
        default: return value!.plainText
        }
    }

    /// The word a `select` placeholder chooses its form by: `true` or `false` for a boolean, the
    /// word itself for an enumeration's value; `nil` for any other value and an unknown one.
    public var word: String? {
        switch self {
        case .bool(let flag): return flag ? "true" : "false"
        case .string(let text): return text
        default: return nil
        }
    }
}
