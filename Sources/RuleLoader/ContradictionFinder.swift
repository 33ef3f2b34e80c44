import Diagnostics
import RuleModel

/// Finds conjunctions that can never hold because they bound one fact from both sides with no
/// room in between (`x > 5 and x < 3`), or require two different words (`x == 'a' and x == 'b'`).
struct ContradictionFinder {
    /// Numeric parameters with a single value, usable as constants.
    let constants: [String: Double]

    init(parameters: [Parameter]) {
        var constants: [String: Double] = [:]
        for parameter in parameters where parameter.byKind.isEmpty {
            if case .number(let value) = parameter.value { constants[parameter.id] = value }
        }
        self.constants = constants
    }

    /// Warnings for every contradictory conjunction in a condition.
    func warnings(in condition: Condition, of rule: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func walk(_ condition: Condition) {
            switch condition {
            case .expression(let expression):
                found += check(conjuncts(of: expression), at: expression.location, rule: rule)
                walkExpression(expression)
            case .all(let parts, let location):
                let leaves = parts.flatMap { part -> [Expression] in
                    if case .expression(let expression) = part { return conjuncts(of: expression) }
                    return []
                }
                found += check(leaves, at: location, rule: rule)
                parts.forEach(walk)
            case .any(let parts, _), .none(let parts, _):
                parts.forEach(walk)
            case .not(let part, _):
                walk(part)
            }
        }
        func walkExpression(_ expression: Expression) {
            if case .or(let lhs, let rhs) = expression.kind {
                for side in [lhs, rhs] {
                    found += check(conjuncts(of: side), at: side.location, rule: rule)
                    walkExpression(side)
                }
            }
        }
        walk(condition)
        var seen = Set<String>()
        return found.filter { seen.insert($0.description).inserted }
    }

    private func conjuncts(of expression: Expression) -> [Expression] {
        if case .and(let lhs, let rhs) = expression.kind { return conjuncts(of: lhs) + conjuncts(of: rhs) }
        return [expression]
    }

    private struct Bounds {
        var lower: (value: Double, strict: Bool)?
        var upper: (value: Double, strict: Bool)?
        var word: String?
        var conflictingWord = false

        mutating func atLeast(_ value: Double, strict: Bool) {
            if let lower, lower.value > value || (lower.value == value && lower.strict) { return }
            lower = (value, strict)
        }

        mutating func atMost(_ value: Double, strict: Bool) {
            if let upper, upper.value < value || (upper.value == value && upper.strict) { return }
            upper = (value, strict)
        }

        var isEmpty: Bool {
            if conflictingWord { return true }
            guard let lower, let upper else { return false }
            return lower.value > upper.value || (lower.value == upper.value && (lower.strict || upper.strict))
        }
    }

    private func number(_ expression: Expression) -> Double? {
        switch expression.kind {
        case .literal(.number(let value)): return value
        case .reference(let name): return constants[name]
        default: return nil
        }
    }

    private func check(_ leaves: [Expression], at location: SourceLocation?, rule: String) -> [Diagnostic] {
        // One leaf contradicts itself only as `between` with its bounds the wrong way round.
        guard leaves.count > 1 || leaves.contains(where: { if case .between = $0.kind { true } else { false } }) else { return [] }
        var bounds: [String: Bounds] = [:]
        var texts: [String: [String]] = [:]
        for leaf in leaves {
            switch leaf.kind {
            case .comparison(let op, let lhs, let rhs):
                var op = op
                var subject = lhs
                var other = rhs
                if case .reference(let name) = rhs.kind, constants[name] == nil, number(lhs) != nil {
                    (subject, other) = (rhs, lhs)
                    op = op.flipped
                }
                guard case .reference(let name) = subject.kind, constants[name] == nil else { continue }
                texts[name, default: []].append(leaf.description)
                if case .literal(.string(let word)) = other.kind, op == .equal {
                    if let existing = bounds[name]?.word, existing != word { bounds[name, default: Bounds()].conflictingWord = true }
                    bounds[name, default: Bounds()].word = word
                    continue
                }
                guard let value = number(other) else { continue }
                switch op {
                case .greater: bounds[name, default: Bounds()].atLeast(value, strict: true)
                case .greaterOrEqual: bounds[name, default: Bounds()].atLeast(value, strict: false)
                case .less: bounds[name, default: Bounds()].atMost(value, strict: true)
                case .lessOrEqual: bounds[name, default: Bounds()].atMost(value, strict: false)
                case .equal:
                    bounds[name, default: Bounds()].atLeast(value, strict: false)
                    bounds[name, default: Bounds()].atMost(value, strict: false)
                case .notEqual: break
                }
            case .between(let subject, let low, let high):
                guard case .reference(let name) = subject.kind, let lowValue = number(low), let highValue = number(high) else { continue }
                texts[name, default: []].append(leaf.description)
                bounds[name, default: Bounds()].atLeast(lowValue, strict: false)
                bounds[name, default: Bounds()].atMost(highValue, strict: false)
            default:
                continue
            }
        }
        return bounds.keys.sorted().filter { bounds[$0]!.isEmpty }.map { name in
            PackCheck.contradiction.diagnostic("conditions on '\(name)' in '\(rule)' can never all hold: \(texts[name]!.joined(separator: " and "))",
                     at: location)
        }
    }
}
