import RuleModel

/// Why a diagnostic or an indicator came out as it did.
public struct Explanation: Hashable, Sendable {
    /// One node of a condition tree, with the value it had.
    public struct Node: Hashable, Sendable {
        /// What a node is: a block of conditions, or an expression.
        public enum Kind: Hashable, Sendable {
            /// `all` (and `and`), `any` (and `or`), `none`, `not`.
            case all, any, none, not
            /// An expression, with values next to names: `hierarchy_levels (8) > max_levels (5)`
            /// (`?` for an unknown value).
            case expression(String)
        }

        public let kind: Kind
        /// What it evaluated to.
        public let value: RuntimeValue
        /// Its parts, for the blocks.
        public let children: [Node]

        /// The tree as an indented outline, one node a line, each marked with its value: ✓ true,
        /// ✗ false, ? unknown, = another value; `block` words the blocks (English by default).
        public func outline(depth: Int = 1, block: (Kind) -> String = Node.englishBlock) -> String {
            let mark: String
            switch value {
            case .bool(true): mark = "✓"
            case .bool(false): mark = "✗"
            case .unknown: mark = "?"
            default: mark = "="
            }
            let text: String
            if case .expression(let expression) = kind { text = expression } else { text = block(kind) }
            return String(repeating: "  ", count: depth) + "\(mark) \(text)\n" + children.map { $0.outline(depth: depth + 1, block: block) }.joined()
        }

        /// The blocks as English words: `all of`, `any of`, `none of`, `not`.
        public static func englishBlock(_ kind: Kind) -> String {
            switch kind {
            case .all: return "all of"
            case .any: return "any of"
            case .none: return "none of"
            case .not: return "not"
            case .expression(let text): return text
            }
        }
    }

    /// Why an indicator has no value.
    public enum UnknownReason: Hashable, Sendable {
        /// A name it reads is unknown.
        case unknownName(String)
        case divisionByZero
        /// The result overflows.
        case tooLarge
        /// A function (`min`, `max`, `mean`) of an empty list.
        case emptyList(function: String)
    }

    /// How an indicator was computed: `span_of_control = staff_count / manager_count = 240 / 12 = 20`.
    public struct Derivation: Hashable, Sendable, CustomStringConvertible {
        public let indicator: String
        /// Its formula as written.
        public let formula: String
        /// The formula with each name replaced by its value (`?` when unknown).
        public let substituted: String
        public let value: RuntimeValue
        /// Why the value is unknown, when it is.
        public let reason: UnknownReason?

        /// The derivation in English: `span_of_control = … = 100 / ? = unknown ('manager_count' is unknown)`.
        public var description: String {
            guard !value.isKnown else { return "\(indicator) = \(formula) = \(substituted) = \(value.plainText)" }
            let why: String
            switch reason {
            case .unknownName(let name)?: why = "'\(name)' is unknown"
            case .divisionByZero?: why = "division by zero"
            case .tooLarge?: why = "the result is too large"
            case .emptyList(let function)?: why = "'\(function)' of an empty list"
            case nil: why = "no value"
            }
            return "\(indicator) = \(formula) = \(substituted) = unknown (\(why))"
        }
    }

    /// A change of one fact that would change the outcome.
    public struct Change: Hashable, Sendable {
        public let factID: String
        /// The fact's value now (unknown for a missing fact).
        public let from: RuntimeValue
        /// The value that would change the outcome.
        public let to: Value
        /// The outcome it would give.
        public let outcome: FindingOutcome.Status

        /// Creates a change.
        public init(factID: String, from: RuntimeValue, to: Value, outcome: FindingOutcome.Status) {
            self.factID = factID
            self.from = from
            self.to = to
            self.outcome = outcome
        }
    }

    /// The id of the diagnostic or indicator explained.
    public let subject: String
    /// The tree of conditions (for an indicator: its formula) with values.
    public let tree: Node
    /// How each indicator it reads was computed: `span_of_control = staff_count / manager_count = 240 / 12 = 20`.
    public let derivations: [Derivation]
    /// For a diagnostic: its outcome.
    public let outcome: FindingOutcome.Status?
    /// For a diagnostic: the smallest single-fact changes that would change its outcome, one per fact,
    /// smallest relative change first.
    public let changes: [Change]
}
