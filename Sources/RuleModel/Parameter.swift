import Diagnostics

/// A named threshold, with values per organisation kind; overridable from the command line.
public struct Parameter: Hashable, Sendable {
    /// The snake_case id used in expressions.
    public var id: String
    /// The value used when no kind-specific value applies.
    public var value: Value
    /// Values for particular organisation kinds.
    public var byKind: [String: Value]
    /// Its name, per language.
    public var label: LocalizedText
    /// Where the value comes from (a source, or "judgement").
    public var source: String?
    /// Where it is declared.
    public var location: SourceLocation?

    /// Creates a parameter.
    public init(id: String, value: Value, byKind: [String: Value] = [:], label: LocalizedText = LocalizedText([:]),
                source: String? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.value = value
        self.byKind = byKind
        self.label = label
        self.source = source
        self.location = location
    }

    /// Every value it can take: the pack's (kind `nil`), then each `by_kind` value in kind order.
    public var allValues: [(kind: String?, value: Value)] {
        [(nil, value)] + byKind.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The value for an organisation of `kind`.
    public func value(forKind kind: String?) -> Value {
        kind.flatMap { byKind[$0] } ?? value
    }
}
