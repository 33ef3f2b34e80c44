/// A three-valued (Kleene) truth: a condition that reads an unknown fact is unknown, not false.
public enum Truth: String, Hashable, Sendable, CaseIterable, Codable {
    case `true`, `false`, unknown

    /// Kleene negation: not unknown is unknown.
    public static prefix func ! (value: Truth) -> Truth {
        switch value {
        case .true: return .false
        case .false: return .true
        case .unknown: return .unknown
        }
    }

    /// Kleene conjunction: false if either is false, else unknown if either is unknown.
    public static func && (lhs: Truth, rhs: Truth) -> Truth {
        if lhs == .false || rhs == .false { return .false }
        if lhs == .unknown || rhs == .unknown { return .unknown }
        return .true
    }

    /// Kleene disjunction: true if either is true, else unknown if either is unknown.
    public static func || (lhs: Truth, rhs: Truth) -> Truth {
        if lhs == .true || rhs == .true { return .true }
        if lhs == .unknown || rhs == .unknown { return .unknown }
        return .false
    }

    /// Creates a truth from a boolean.
    public init(_ value: Bool) { self = value ? .true : .false }
}
