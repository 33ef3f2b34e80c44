extension Expression.ComparisonOperator {
    /// The operator with its operands swapped: `a < b` is `b > a`.
    public var flipped: Expression.ComparisonOperator {
        switch self {
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        case .equal, .notEqual: return self
        }
    }

    /// The operator that holds exactly when this one does not, for values that compare (a total
    /// order): `a < b` fails exactly when `a >= b` holds.
    public var negated: Expression.ComparisonOperator {
        switch self {
        case .equal: return .notEqual
        case .notEqual: return .equal
        case .less: return .greaterOrEqual
        case .lessOrEqual: return .greater
        case .greater: return .lessOrEqual
        case .greaterOrEqual: return .less
        }
    }

    /// Whether `left op right` holds.
    @inlinable
    public func holds<T: Comparable>(_ left: T, _ right: T) -> Bool {
        switch self {
        case .equal: return left == right
        case .notEqual: return left != right
        case .less: return left < right
        case .lessOrEqual: return left <= right
        case .greater: return left > right
        case .greaterOrEqual: return left >= right
        }
    }
}
