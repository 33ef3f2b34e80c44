/// A function of the rule language, declared once: its name, the arguments it takes, its result,
/// how unknown values propagate, what it computes, and its documentation.
///
/// The parser finds functions by name (``named(_:)``), the type checker reads ``arguments`` and
/// ``result``, the evaluators call ``evaluate``, the explainer reads ``unknownReason``, and
/// docs/rule-language.md's function table is checked against ``all``. To add a function, add a
/// declaration to ``all`` (and a row to that table); nothing else needs to change, since the
/// compiled program evaluates any call it has no fast path for through ``evaluate``.
///
/// A function's name is recognised only in call position (`min(a, b)`), so a pack may still use
/// the same word as an id: adding a function never turns an existing id into a reserved word.
public struct ExpressionFunction: Hashable, Sendable, CustomStringConvertible {
    /// The arguments a function accepts.
    public enum Arguments: Sendable {
        /// Exactly these types, in order; the last `optional` ones may be left out.
        case fixed([ExpressionType], optional: Int)
        /// One or more numbers, or a single list of numbers.
        case numbers
        /// Exactly one argument of any type.
        case anyValue
        /// A set (its words are counted) or a list of conditions (the true ones are counted).
        case setOrConditions
    }

    /// The name written in expressions.
    public let name: String
    /// The arguments it accepts.
    public let arguments: Arguments
    /// The type of its result.
    public let result: ExpressionType
    /// How it is written, for the documentation: `min(a, b, …)` or `min(list)`.
    public let signature: String
    /// One line saying what it computes.
    public let summary: String
    /// When its result is unknown.
    public let unknownWhen: String
    /// An example, as it could stand in a pack.
    public let example: String
    /// Why the result is unknown although every argument is known (`of an empty list`), for the
    /// explainer; `nil` when that cannot happen.
    public let unknownReason: String?
    /// Computes the result from the evaluated arguments. Never traps: anything it cannot compute
    /// is unknown.
    public let evaluate: @Sendable ([RuntimeValue]) -> RuntimeValue

    public static func == (lhs: ExpressionFunction, rhs: ExpressionFunction) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    public var description: String { name }

    /// The function called `name`, if the language has one.
    public static func named(_ name: String) -> ExpressionFunction? { byName[name] }

    private static let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// Every function of the language, in the documentation's order.
    public static let all: [ExpressionFunction] = [min, max, sum, mean, abs, round, count, known, daysBetween, yearsBetween]

    public static let daysBetween = ExpressionFunction(
        name: "days_between", arguments: .fixed([.date, .date], optional: 0), result: .number, signature: "days_between(from, to)",
        summary: "the number of days from one date to another (negative when `to` comes first)", unknownWhen: "a date is unknown",
        example: "days_between(last_reorganisation, assessed_on) < 365", unknownReason: nil,
        evaluate: { arguments in
            guard let (from, to) = dates(arguments) else { return .unknown }
            return .number(Double(to.daysSince1970 - from.daysSince1970))
        })
    public static let yearsBetween = ExpressionFunction(
        name: "years_between", arguments: .fixed([.date, .date], optional: 0), result: .number, signature: "years_between(from, to)",
        summary: "the whole years from one date to another, as an age is counted", unknownWhen: "a date is unknown",
        example: "years_between(last_portfolio_review, assessed_on) > 5", unknownReason: nil,
        evaluate: { arguments in
            guard let (from, to) = dates(arguments) else { return .unknown }
            let (early, late, sign) = from <= to ? (from, to, 1) : (to, from, -1)
            var years = late.year - early.year
            if (late.month, late.day) < (early.month, early.day) { years -= 1 }
            return .number(Double(sign * years))
        })

    /// Two dates written `YYYY-MM-DD`, or `nil`.
    private static func dates(_ arguments: [RuntimeValue]) -> (CivilDate, CivilDate)? {
        guard arguments.count == 2, case .string(let first) = arguments[0], case .string(let second) = arguments[1],
              let from = CivilDate(iso: first), let to = CivilDate(iso: second) else { return nil }
        return (from, to)
    }

    public static let min = numeric(
        "min", "the smallest of the numbers", example: "min(calls_answered_share, emails_answered_share) < 80",
        reduce: { $0.min()! })
    public static let max = numeric(
        "max", "the largest of the numbers", example: "max(complaint_days, email_days) > 15", reduce: { $0.max()! })
    public static let mean = numeric(
        "mean", "the arithmetic mean of the numbers", example: "mean([score_2024, score_2025]) < 60",
        reduce: { $0.reduce(0, +) / Double($0.count) })
    public static let sum = ExpressionFunction(
        name: "sum", arguments: .numbers, result: .number, signature: "sum(a, b, …) or sum(list)",
        summary: "the total of the numbers; 0 for an empty list", unknownWhen: "an argument is unknown",
        example: "sum([paid_share, grant_share]) > 100", unknownReason: nil,
        evaluate: { arguments in
            guard let numbers = numbers(in: arguments) else { return .unknown }
            return .number(numbers.reduce(0, +))
        })
    public static let abs = ExpressionFunction(
        name: "abs", arguments: .fixed([.number], optional: 0), result: .number, signature: "abs(x)",
        summary: "the absolute value", unknownWhen: "the argument is unknown", example: "abs(budget_change) > 10",
        unknownReason: nil,
        evaluate: { arguments in
            guard arguments.count == 1, case .number(let value) = arguments[0] else { return .unknown }
            return .number(Swift.abs(value))
        })
    public static let round = ExpressionFunction(
        name: "round", arguments: .fixed([.number, .number], optional: 1), result: .number,
        signature: "round(x) or round(x, digits)",
        summary: "rounded half away from zero, to whole numbers or to `digits` decimals (0 to 10)",
        unknownWhen: "an argument is unknown", example: "round(staff_count / manager_count) > 12", unknownReason: nil,
        evaluate: { arguments in
            guard case .number(let value)? = arguments.first else { return .unknown }
            var digits = 0.0
            if arguments.count == 2 {
                guard case .number(let requested) = arguments[1] else { return .unknown }
                digits = requested
            }
            var scale = 1.0
            for _ in 0..<Int(Swift.max(0, Swift.min(digits, 10))) { scale *= 10 }
            return .number((value * scale).rounded() / scale)
        })
    public static let count = ExpressionFunction(
        name: "count", arguments: .setOrConditions, result: .number, signature: "count(set) or count([conditions])",
        summary: "the number of words in a set, or of true conditions in a list",
        unknownWhen: "the set is unknown, or a condition of the list is unknown",
        example: "count([has_mediator, has_charter, has_survey]) < 2", unknownReason: nil,
        evaluate: { arguments in
            guard arguments.count == 1 else { return .unknown }
            switch arguments[0] {
            case .set(let words): return .number(Double(words.count))
            case .list(let items):
                var count = 0
                for item in items {
                    switch item {
                    case .bool(true): count += 1
                    case .bool(false): break
                    default: return .unknown
                    }
                }
                return .number(Double(count))
            default: return .unknown
            }
        })
    public static let known = ExpressionFunction(
        name: "known", arguments: .anyValue, result: .boolean, signature: "known(x)",
        summary: "whether the value is known (never unknown itself)", unknownWhen: "never",
        example: "not known(satisfaction_rate)", unknownReason: nil,
        evaluate: { arguments in .bool(arguments.first?.isKnown ?? false) })

    /// A function reducing one or more numbers (or one list of them) to one, unknown for none.
    private static func numeric(_ name: String, _ summary: String, example: String,
                                reduce: @escaping @Sendable ([Double]) -> Double) -> ExpressionFunction {
        ExpressionFunction(
            name: name, arguments: .numbers, result: .number, signature: "\(name)(a, b, …) or \(name)(list)",
            summary: summary, unknownWhen: "an argument is unknown, or the list is empty", example: example,
            unknownReason: "of an empty list",
            evaluate: { arguments in
                guard let numbers = numbers(in: arguments), !numbers.isEmpty else { return .unknown }
                return .number(reduce(numbers))
            })
    }

    /// The numbers of a call taking numbers: its arguments, or the items of its one list; `nil`
    /// when one of them is not a known number.
    private static func numbers(in arguments: [RuntimeValue]) -> [Double]? {
        var items = arguments
        if arguments.count == 1, case .list(let elements) = arguments[0] { items = elements }
        var numbers: [Double] = []
        numbers.reserveCapacity(items.count)
        for item in items {
            guard case .number(let value) = item else { return nil }
            numbers.append(value)
        }
        return numbers
    }
}

/// A function is stored by its name, and read back as the built-in function of that name
/// (``Expression/init(stored:)``).
extension ExpressionFunction: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
