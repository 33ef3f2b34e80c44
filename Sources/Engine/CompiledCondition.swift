import RuleModel

/// A condition (an expression, or `all` / `any` / `none` / `not` blocks) with its names resolved
/// to slots, evaluated over slot values with three-valued logic. Used for the conditions outside
/// the compiled program: a fact's relevance, in-place tests, strengths, maturity criteria. Each
/// leaf keeps the expression it was compiled from, to say which leaves hold.
indirect enum CompiledCondition: Sendable {
    case leaf(CompiledExpression, source: Expression)
    case all([CompiledCondition])
    case any([CompiledCondition])
    case none([CompiledCondition])
    case not(CompiledCondition)

    /// Compiles `condition`, resolving each name through `slot`.
    static func compile(_ condition: Condition, slot: (String) -> Int?) throws(EngineError) -> CompiledCondition {
        func parts(_ conditions: [Condition]) throws(EngineError) -> [CompiledCondition] {
            var compiled: [CompiledCondition] = []
            for part in conditions { compiled.append(try compile(part, slot: slot)) }
            return compiled
        }
        switch condition {
        case .expression(let expression): return .leaf(try CompiledExpression.compile(expression, slot: slot), source: expression)
        case .all(let conditions, _): return .all(try parts(conditions))
        case .any(let conditions, _): return .any(try parts(conditions))
        case .none(let conditions, _): return .none(try parts(conditions))
        case .not(let condition, _): return .not(try compile(condition, slot: slot))
        }
    }

    /// The condition's truth for these slot values.
    func truth(_ slots: [RuntimeValue]) -> Truth {
        switch self {
        case .leaf(let expression, _): return expression.evaluate(slots).truth
        case .all(let parts): return parts.reduce(Truth.true) { $0 && $1.truth(slots) }
        case .any(let parts): return parts.reduce(Truth.false) { $0 || $1.truth(slots) }
        case .none(let parts): return !parts.reduce(Truth.false) { $0 || $1.truth(slots) }
        case .not(let part): return !part.truth(slots)
        }
    }

    /// For a condition that does not hold, the leaves that keep it from holding, in the order
    /// written: false leaves, true ones under `none` or `not`, and only inside the blocks that
    /// themselves keep it from holding (in `all: [a, any: [b, c]]` with `b` true, not `c`).
    func leaves(blocking slots: [RuntimeValue]) -> [Expression] {
        func collect(_ condition: CompiledCondition, wanted: Truth) -> [Expression] {
            guard condition.truth(slots) == wanted else { return [] }
            switch condition {
            case .leaf(let expression, let source): return expression.evaluate(slots).truth == wanted ? [source] : []
            case .all(let parts), .any(let parts): return parts.flatMap { collect($0, wanted: wanted) }
            case .none(let parts): return parts.flatMap { collect($0, wanted: wanted == .false ? .true : .false) }
            case .not(let part): return collect(part, wanted: wanted == .false ? .true : .false)
            }
        }
        return collect(self, wanted: .false)
    }
}
