import Diagnostics
import RuleModel

/// The types stage: infers the type of every expression and reports comparisons of unlike values,
/// enum values a fact does not declare and percentages outside 0–100.
struct TypeChecker {
    var types: [String: ExpressionType]
    let facts: [String: FactDefinition]
    /// The text value of each parameter that has one, to say which is not a date.
    let parameterTexts: [String: String]
    var diagnostics: [Diagnostic] = []

    init(facts: [FactDefinition], parameters: [Parameter], findings: [FindingRule]) {
        self.facts = Dictionary(facts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var types: [String: ExpressionType] = [:]
        for fact in facts { types[fact.id] = fact.type.expressionType(fact) }
        for parameter in parameters {
            switch parameter.value {
            case .bool: types[parameter.id] = .boolean
            case .number: types[parameter.id] = .number
            // A parameter written as a real date, `2025-01-01`, is a date; any other text is text.
            case .string(let text): types[parameter.id] = CivilDate(iso: text) != nil ? .date : .text(values: nil)
            case .set: types[parameter.id] = .set(values: [])
            }
        }
        for finding in findings { types[finding.id] = .boolean }
        types[RulePack.assessmentDateName] = .date
        self.types = types
        var parameterTexts: [String: String] = [:]
        for parameter in parameters { if case .string(let text) = parameter.value { parameterTexts[parameter.id] = text } }
        self.parameterTexts = parameterTexts
    }

    /// Checks a condition: every leaf must be a boolean.
    mutating func checkCondition(_ condition: Condition) {
        for expression in condition.expressions {
            let type = check(expression)
            if type != .boolean && type != .any {
                error("a condition must be true or false, but this is \(type)", at: expression)
            }
        }
    }

    /// Checks an indicator's formula and records its type.
    mutating func checkIndicator(_ indicator: Indicator) {
        types[indicator.id] = check(indicator.expression)
    }

    @discardableResult
    mutating func check(_ expression: Expression) -> ExpressionType {
        switch expression.kind {
        case .literal(let value):
            switch value {
            case .bool: return .boolean
            case .number: return .number
            case .string: return .text(values: nil)
            case .set(let values): return .set(values: values)
            }
        case .reference(let name):
            return types[name] ?? .any
        case .list(let items):
            let itemTypes = items.map { check($0) }
            let first = itemTypes.first { $0 != .any } ?? .any
            for (item, type) in zip(items, itemTypes) where !type.isComparable(with: first) {
                error("a list mixes \(first) and \(type)", at: item)
            }
            return .list(first)
        case .negate(let operand):
            expect(.number, operand, "'-'")
            return .number
        case .not(let operand):
            expect(.boolean, operand, "'not'")
            return .boolean
        case .arithmetic(let op, let lhs, let rhs):
            expect(.number, lhs, "'\(op.rawValue)'")
            expect(.number, rhs, "'\(op.rawValue)'")
            return .number
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            let word = if case .and = expression.kind { "'and'" } else { "'or'" }
            expect(.boolean, lhs, word)
            expect(.boolean, rhs, word)
            return .boolean
        case .comparison(let op, let lhs, let rhs):
            let rawLeft = check(lhs)
            let rawRight = check(rhs)
            let left = dated(rawLeft, lhs, comparedWith: rawRight)
            let right = dated(rawRight, rhs, comparedWith: rawLeft)
            if rawLeft == .date || rawRight == .date, let problem = notADate(lhs, rhs) {
                error(problem, at: expression)
            } else if !left.isComparable(with: right) {
                error("cannot compare \(left) with \(right): \(expression)", at: expression)
            } else if op != .equal && op != .notEqual, left == .boolean || right == .boolean || isSet(left) || isSet(right) {
                error("'\(op.rawValue)' orders numbers, text or dates, not \(isSet(left) || isSet(right) ? "sets" : "booleans")", at: expression)
            } else {
                checkWord(lhs, against: right)
                checkWord(rhs, against: left)
                checkPercentage(lhs, rhs)
                checkPercentage(rhs, lhs)
            }
            return .boolean
        case .membership(let value, let list, _):
            let valueType = check(value)
            let listType = check(list)
            switch listType {
            case .list(let element):
                if !element.isComparable(with: valueType) {
                    error("'in' looks for \(valueType) in a list of \(element == .any ? "values" : element.description)", at: expression)
                }
                if case .list(let items) = list.kind { for item in items { checkWord(item, against: valueType) } }
            case .set(let values):
                if !valueType.isComparable(with: .text(values: nil)) { error("a set holds words, not \(valueType)", at: value) }
                checkWord(value, against: .text(values: values))
            case .any: break
            default: error("'in' needs a list or a set on its right, found \(listType)", at: list)
            }
            return .boolean
        case .contains(let set, let value):
            let setType = check(set)
            let valueType = check(value)
            switch setType {
            case .set(let values):
                if !valueType.isComparable(with: .text(values: nil)) { error("a set holds words, not \(valueType)", at: value) }
                checkWord(value, against: .text(values: values))
            case .list(let element):
                if !element.isComparable(with: valueType) { error("'contains' looks for \(valueType) in a list of \(element)", at: expression) }
            case .any: break
            default: error("'contains' needs a set or a list on its left, found \(setType)", at: set)
            }
            return .boolean
        case .between(let value, let low, let high):
            let type = check(value)
            for bound in [low, high] {
                let boundType = dated(check(bound), bound, comparedWith: type)
                if type == .date, let problem = notADate(bound, value) {
                    error(problem, at: bound)
                    continue
                }
                if !boundType.isComparable(with: type) || type == .boolean {
                    error("'between' compares numbers or dates; found \(type) and \(boundType)", at: bound)
                }
                checkPercentage(value, bound)
            }
            return .boolean
        case .call(let function, let arguments):
            return checkCall(function, arguments, expression)
        }
    }

    /// Checks a call against its function's declared ``ExpressionFunction/Arguments``.
    private mutating func checkCall(_ function: ExpressionFunction, _ arguments: [Expression], _ call: Expression) -> ExpressionType {
        let name = "'\(function.name)'"
        let types = arguments.map { check($0) }
        func arity(_ allowed: ClosedRange<Int>) -> Bool {
            guard allowed.contains(arguments.count) else {
                let count = allowed.lowerBound == allowed.upperBound ? "\(allowed.lowerBound)" : "\(allowed.lowerBound) to \(allowed.upperBound)"
                error("\(name) takes \(count) argument\(allowed.upperBound == 1 ? "" : "s"), found \(arguments.count)", at: call)
                return false
            }
            return true
        }
        switch function.arguments {
        case .anyValue:
            _ = arity(1...1)
        case .fixed(let expected, let optional):
            if arity((expected.count - optional)...expected.count) {
                for (argument, type) in zip(arguments, expected) { expect(type, argument, name) }
            }
        case .setOrConditions:
            guard arity(1...1) else { break }
            switch types[0] {
            case .set, .any, .list(.boolean), .list(.any): break
            default: error("\(name) counts the words of a set or the true items of a list of conditions, found \(types[0])", at: arguments[0])
            }
        case .numbers:
            if arguments.count == 1, case .list(let element) = types[0] {
                if element != .number && element != .any { error("\(name) needs numbers, found a list of \(element)", at: arguments[0]) }
            } else if arguments.isEmpty {
                error("\(name) needs at least one number", at: call)
            } else {
                for argument in arguments { expect(.number, argument, name) }
            }
        }
        return function.result
    }

    /// A text literal compared with a date reads as a date when it is one, `'2025-01-01'`.
    private func dated(_ type: ExpressionType, _ expression: Expression, comparedWith other: ExpressionType) -> ExpressionType {
        guard other == .date, case .literal(.string(let text)) = expression.kind, CivilDate(iso: text) != nil else { return type }
        return .date
    }

    /// When one side of a comparison with a date is text that is no date (a literal, or a
    /// parameter written `1er janvier 2025`), what to say.
    private func notADate(_ lhs: Expression, _ rhs: Expression) -> String? {
        for side in [lhs, rhs] {
            switch side.kind {
            case .literal(.string(let text)) where CivilDate(iso: text) == nil:
                return "'\(text)' is not a date: write dates YYYY-MM-DD, as '2025-01-01'"
            case .reference(let name):
                if let text = parameterTexts[name], CivilDate(iso: text) == nil {
                    return "parameter '\(name)' is compared with a date but its value '\(text)' is not one: write it YYYY-MM-DD, as 2025-01-01"
                }
            default: break
            }
        }
        return nil
    }

    private func isSet(_ type: ExpressionType) -> Bool {
        if case .set = type { return true }
        return false
    }

    private mutating func expect(_ expected: ExpressionType, _ expression: Expression, _ context: String) {
        if expected == .date, case .literal(.string(let text)) = expression.kind {
            if CivilDate(iso: text) == nil { error("'\(text)' is not a date: write dates YYYY-MM-DD, as '2025-01-01'", at: expression) }
            return
        }
        let actual = check(expression)
        if actual != .any && !actual.isComparable(with: expected) {
            error("\(context) needs \(expected), but '\(expression)' is \(actual)", at: expression)
        }
    }

    /// A text literal compared with an enum must be one of its values.
    private mutating func checkWord(_ expression: Expression, against type: ExpressionType) {
        guard case .literal(.string(let word)) = expression.kind, case .text(let values?) = type, !values.contains(word) else { return }
        diagnostics.append(PackCheck.unknownValue.diagnostic("'\(word)' is not a declared value", at: expression.location)
            .suggesting(Suggestion.hint(for: word, among: values, listingAll: true), written: { "'\($0)'" }))
    }

    /// A percentage fact compared with a number outside 0–100 can never match as meant.
    private mutating func checkPercentage(_ subject: Expression, _ other: Expression) {
        guard case .reference(let name) = subject.kind, let fact = facts[name], fact.type == .percentage,
              case .literal(.number(let value)) = other.kind, !(0...100).contains(value) else { return }
        error("'\(name)' is a percentage (0–100) but is compared with \(Value.format(value))", at: other)
    }

    /// Reports a type error at `expression` (also for the checks of other stages on expressions).
    mutating func error(_ message: String, at expression: Expression) {
        diagnostics.append(PackCheck.typeError.diagnostic(message, at: expression.location))
    }
}
