import RuleModel

/// An expression with its names resolved to slots, ready to evaluate without lookups.
indirect enum CompiledExpression: Sendable {
    case constant(RuntimeValue)
    case slot(Int)
    case list([CompiledExpression])
    case negate(CompiledExpression)
    case not(CompiledExpression)
    case arithmetic(Expression.ArithmeticOperator, CompiledExpression, CompiledExpression)
    case comparison(Expression.ComparisonOperator, CompiledExpression, CompiledExpression)
    case and(CompiledExpression, CompiledExpression)
    case or(CompiledExpression, CompiledExpression)
    case membership(CompiledExpression, CompiledExpression, negated: Bool)
    case contains(CompiledExpression, CompiledExpression)
    case between(CompiledExpression, CompiledExpression, CompiledExpression)
    case call(ExpressionFunction, [CompiledExpression])

    /// Compiles `expression`, resolving each name through `slot`.
    static func compile(_ expression: Expression, slot: (String) -> Int?) throws(EngineError) -> CompiledExpression {
        func compile(_ child: Expression) throws(EngineError) -> CompiledExpression {
            try CompiledExpression.compile(child, slot: slot)
        }
        switch expression.kind {
        case .literal(let value): return .constant(RuntimeValue(value))
        case .reference(let name):
            guard let index = slot(name) else { throw EngineError.unresolvedName(name) }
            return .slot(index)
        case .list(let items):
            var compiled: [CompiledExpression] = []
            for item in items { compiled.append(try compile(item)) }
            return .list(compiled)
        case .negate(let operand): return .negate(try compile(operand))
        case .not(let operand): return .not(try compile(operand))
        case .arithmetic(let op, let lhs, let rhs): return .arithmetic(op, try compile(lhs), try compile(rhs))
        case .comparison(let op, let lhs, let rhs): return .comparison(op, try compile(lhs), try compile(rhs))
        case .and(let lhs, let rhs): return .and(try compile(lhs), try compile(rhs))
        case .or(let lhs, let rhs): return .or(try compile(lhs), try compile(rhs))
        case .membership(let value, let list, let negated):
            return .membership(try compile(value), try compile(list), negated: negated)
        case .contains(let set, let value): return .contains(try compile(set), try compile(value))
        case .between(let value, let low, let high): return .between(try compile(value), try compile(low), try compile(high))
        case .call(let function, let arguments):
            var compiled: [CompiledExpression] = []
            for argument in arguments { compiled.append(try compile(argument)) }
            return .call(function, compiled)
        }
    }

    /// Evaluates against slot values. Never traps: a type mismatch, a division by zero, an
    /// overflow or an empty list gives unknown.
    func evaluate(_ slots: [RuntimeValue]) -> RuntimeValue {
        switch self {
        case .constant(let value): return value
        case .slot(let index): return slots[index]
        case .list(let items): return .list(items.map { $0.evaluate(slots) })
        case .negate(let operand):
            guard case .number(let value) = operand.evaluate(slots) else { return .unknown }
            return .number(-value)
        case .not(let operand):
            return truthValue(!operand.evaluate(slots).truth)
        case .arithmetic(let op, let lhs, let rhs):
            guard case .number(let left) = lhs.evaluate(slots), case .number(let right) = rhs.evaluate(slots) else {
                return .unknown
            }
            return Self.arithmetic(op, left, right).map(RuntimeValue.number) ?? .unknown
        case .comparison(let op, let lhs, let rhs):
            return truthValue(Self.compare(op, lhs.evaluate(slots), rhs.evaluate(slots)))
        case .and(let lhs, let rhs):
            let left = lhs.evaluate(slots).truth
            if left == .false { return .bool(false) }
            return truthValue(left && rhs.evaluate(slots).truth)
        case .or(let lhs, let rhs):
            let left = lhs.evaluate(slots).truth
            if left == .true { return .bool(true) }
            return truthValue(left || rhs.evaluate(slots).truth)
        case .membership(let value, let list, let negated):
            let found = Self.membership(value.evaluate(slots), in: list.evaluate(slots))
            return truthValue(negated ? !found : found)
        case .contains(let set, let value):
            return truthValue(Self.membership(value.evaluate(slots), in: set.evaluate(slots)))
        case .between(let value, let low, let high):
            let subject = value.evaluate(slots)
            return truthValue(Self.compare(.greaterOrEqual, subject, low.evaluate(slots))
                              && Self.compare(.lessOrEqual, subject, high.evaluate(slots)))
        case .call(let function, let arguments):
            return function.evaluate(arguments.map { $0.evaluate(slots) })
        }
    }

    private func truthValue(_ truth: Truth) -> RuntimeValue {
        switch truth {
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .unknown: return .unknown
        }
    }

    /// The result of `left op right`, or `nil` for a division by zero or an overflow.
    static func arithmetic(_ op: Expression.ArithmeticOperator, _ left: Double, _ right: Double) -> Double? {
        let result: Double
        switch op {
        case .add: result = left + right
        case .subtract: result = left - right
        case .multiply: result = left * right
        case .divide:
            guard right != 0 else { return nil }
            result = left / right
        }
        return result.isFinite ? result : nil
    }

    /// Three-valued comparison; values of different types compare as unknown.
    static func compare(_ op: Expression.ComparisonOperator, _ lhs: RuntimeValue, _ rhs: RuntimeValue) -> Truth {
        switch (lhs, rhs) {
        case (.number(let left), .number(let right)):
            return Truth(op.holds(left, right))
        case (.string(let left), .string(let right)):
            return Truth(op.holds(left, right))
        case (.bool(let left), .bool(let right)) where op == .equal || op == .notEqual:
            return Truth((left == right) == (op == .equal))
        case (.set(let left), .set(let right)) where op == .equal || op == .notEqual:
            return Truth((left == right) == (op == .equal))
        default:
            return .unknown
        }
    }

    /// Whether `value` is an element of `collection` (a list or a set), three-valued.
    static func membership(_ value: RuntimeValue, in collection: RuntimeValue) -> Truth {
        guard value.isKnown else { return .unknown }
        switch collection {
        case .set(let elements):
            guard case .string(let text) = value else { return .unknown }
            return Truth(elements.contains(text))
        case .list(let items):
            var result = Truth.false
            for item in items {
                result = result || compare(.equal, value, item)
                if result == .true { return .true }
            }
            return result
        default:
            return .unknown
        }
    }
}
