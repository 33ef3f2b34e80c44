import RuleModel

/// Why a diagnostic or an indicator came out as it did.
public struct Explanation: Hashable, Sendable {
    /// One node of a condition tree, with the value it had.
    public struct Node: Hashable, Sendable {
        /// The condition or expression, with values next to names: `hierarchy_levels (8) > max_levels (5)`.
        public let text: String
        /// What it evaluated to.
        public let value: RuntimeValue
        /// Its parts, for `all`, `any`, `none`, `not`, `and` and `or`.
        public let children: [Node]

        /// The tree as an indented outline, one node a line, each marked with its value: ✓ true,
        /// ✗ false, ? unknown, = another value.
        public func outline(depth: Int = 1) -> String {
            let mark: String
            switch value {
            case .bool(true): mark = "✓"
            case .bool(false): mark = "✗"
            case .unknown: mark = "?"
            default: mark = "="
            }
            return String(repeating: "  ", count: depth) + "\(mark) \(text)\n" + children.map { $0.outline(depth: depth + 1) }.joined()
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
    public let derivations: [String]
    /// For a diagnostic: its outcome.
    public let outcome: FindingOutcome.Status?
    /// For a diagnostic: the smallest single-fact changes that would change its outcome, one per fact,
    /// smallest relative change first.
    public let changes: [Change]
}
