import Diagnostics

/// A diagnostic's condition: an expression, or a YAML block of `all`, `any`, `none` or `not`
/// whose leaves are expressions.
public indirect enum Condition: Hashable, Sendable {
    /// A leaf: an expression that must be true.
    case expression(Expression)
    /// True when every part is true (Kleene conjunction).
    case all([Condition], location: SourceLocation?)
    /// True when some part is true (Kleene disjunction).
    case any([Condition], location: SourceLocation?)
    /// True when no part is true.
    case none([Condition], location: SourceLocation?)
    /// True when the part is false.
    case not(Condition, location: SourceLocation?)

    /// The direct parts.
    public var parts: [Condition] {
        switch self {
        case .expression: return []
        case .all(let parts, _), .any(let parts, _), .none(let parts, _): return parts
        case .not(let part, _): return [part]
        }
    }

    /// Every leaf expression, in order.
    public var expressions: [Expression] {
        if case .expression(let expression) = self { return [expression] }
        return parts.flatMap(\.expressions)
    }

    /// Every name the condition refers to, in order, without repeats.
    public var references: [String] {
        var names: [String] = []
        for name in expressions.flatMap(\.references) where !names.contains(name) { names.append(name) }
        return names
    }

    /// Where the condition is written.
    public var location: SourceLocation? {
        switch self {
        case .expression(let expression): return expression.location
        case .all(_, let location), .any(_, let location), .none(_, let location), .not(_, let location): return location
        }
    }
}
