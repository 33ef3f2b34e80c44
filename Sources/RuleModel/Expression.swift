import Diagnostics

/// A parsed expression of the rule language: a condition (`hierarchy_levels > max_levels`) or an
/// indicator's formula (`staff_count / manager_count`).
public struct Expression: Hashable, Sendable, CustomStringConvertible {
    /// `+ - * /`
    public enum ArithmeticOperator: String, Hashable, Sendable, Codable {
        case add = "+", subtract = "-", multiply = "*", divide = "/"
    }

    /// `== != < <= > >=`
    public enum ComparisonOperator: String, Hashable, Sendable, Codable, CaseIterable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    /// The words of the language that cannot be names: its operators and literals. Function
    /// names are not among them (they are recognised only before `(`, see ``ExpressionFunction``).
    public static let keywords: Set<String> = ["and", "or", "not", "in", "contains", "between", "true", "false"]

    /// What an expression is.
    public indirect enum Kind: Hashable, Sendable {
        case literal(Value)
        case list([Expression])
        /// A fact, indicator, parameter or diagnostic name.
        case reference(String)
        case negate(Expression)
        case not(Expression)
        case arithmetic(ArithmeticOperator, Expression, Expression)
        case comparison(ComparisonOperator, Expression, Expression)
        case and(Expression, Expression)
        case or(Expression, Expression)
        /// `x in list` or, negated, `x not in list`.
        case membership(Expression, Expression, negated: Bool)
        /// `set contains value`
        case contains(Expression, Expression)
        /// `x between low and high`, inclusive at both ends.
        case between(Expression, Expression, Expression)
        case call(ExpressionFunction, [Expression])
    }

    /// What the expression is.
    public var kind: Kind
    /// Where it is written, when it comes from a file.
    public var location: SourceLocation?

    /// Creates an expression.
    public init(_ kind: Kind, at location: SourceLocation? = nil) {
        self.kind = kind
        self.location = location
    }

    public static func == (lhs: Expression, rhs: Expression) -> Bool { lhs.kind == rhs.kind }
    public func hash(into hasher: inout Hasher) { hasher.combine(kind) }

    /// Every name the expression refers to, in order of appearance, without repeats.
    public var references: [String] {
        var names: [String] = []
        visit { expression in
            if case .reference(let name) = expression.kind, !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// Calls `body` on this expression and every sub-expression, parents first.
    public func visit(_ body: (Expression) -> Void) {
        body(self)
        forEachChild { $0.visit(body) }
    }

    /// The direct sub-expressions.
    public var children: [Expression] {
        var children: [Expression] = []
        forEachChild { children.append($0) }
        return children
    }

    /// Calls `body` on each direct sub-expression, in order, with no array made (``visit(_:)``
    /// runs over whole packs when they are checked and compiled).
    public func forEachChild(_ body: (Expression) -> Void) {
        switch kind {
        case .literal, .reference:
            break
        case .list(let items), .call(_, let items):
            items.forEach(body)
        case .negate(let operand), .not(let operand):
            body(operand)
        case .arithmetic(_, let lhs, let rhs), .comparison(_, let lhs, let rhs), .and(let lhs, let rhs),
             .or(let lhs, let rhs), .membership(let lhs, let rhs, _), .contains(let lhs, let rhs):
            body(lhs)
            body(rhs)
        case .between(let value, let low, let high):
            body(value)
            body(low)
            body(high)
        }
    }

    /// The expression written back in the rule language, fully parenthesised where needed.
    public var description: String {
        switch kind {
        case .literal(let value): return value.description
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .reference(let name): return name
        case .negate(let operand): return "-\(operand.wrapped)"
        case .not(let operand): return "not \(operand.wrapped)"
        case .arithmetic(let op, let lhs, let rhs): return "\(lhs.wrapped) \(op.rawValue) \(rhs.wrapped)"
        case .comparison(let op, let lhs, let rhs): return "\(lhs.wrapped) \(op.rawValue) \(rhs.wrapped)"
        case .and(let lhs, let rhs): return "\(lhs.wrapped) and \(rhs.wrapped)"
        case .or(let lhs, let rhs): return "\(lhs.wrapped) or \(rhs.wrapped)"
        case .membership(let value, let list, let negated):
            return "\(value.wrapped) \(negated ? "not in" : "in") \(list.wrapped)"
        case .contains(let set, let value): return "\(set.wrapped) contains \(value.wrapped)"
        case .between(let value, let low, let high): return "\(value.wrapped) between \(low.wrapped) and \(high.wrapped)"
        case .call(let function, let arguments):
            return "\(function.name)(" + arguments.map(\.description).joined(separator: ", ") + ")"
        }
    }

    private var wrapped: String {
        switch kind {
        case .literal, .list, .reference, .call, .negate: return description
        default: return "(\(description))"
        }
    }
}
