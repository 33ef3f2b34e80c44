/// The type of an expression, as the type checker infers it and as functions declare their
/// arguments and results.
public indirect enum ExpressionType: Equatable, Sendable, CustomStringConvertible {
    case boolean
    case number
    /// Text; `values` lists the allowed words when it comes from an enum fact.
    case text(values: [String]?)
    /// A set of words from `values`.
    case set(values: [String])
    case list(ExpressionType)
    /// A calendar day (a date fact, a date parameter, a `'YYYY-MM-DD'` text compared with one).
    case date
    /// Not known (after an error), compatible with everything so that one error is reported once.
    case any

    public var description: String {
        switch self {
        case .boolean: return "a boolean"
        case .number: return "a number"
        case .text: return "text"
        case .set: return "a set"
        case .list: return "a list"
        case .date: return "a date"
        case .any: return "a value"
        }
    }

    /// Whether two types may be compared with `==` (ignoring enum values).
    public func isComparable(with other: ExpressionType) -> Bool {
        switch (self, other) {
        case (.any, _), (_, .any), (.boolean, .boolean), (.number, .number), (.text, .text), (.set, .set), (.date, .date): return true
        case (.list(let left), .list(let right)): return left.isComparable(with: right)
        default: return false
        }
    }
}
