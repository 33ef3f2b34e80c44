import Diagnostics

/// A named threshold, with values per organisation kind; overridable from the command line.
public struct Parameter: Hashable, Sendable, Codable {
    /// The snake_case id used in expressions.
    public var id: String
    /// The value used when no kind-specific value applies.
    public var value: Value
    /// Values for particular organisation kinds.
    public var byKind: [String: Value]
    /// Its name, per language.
    public var label: LocalizedText
    /// The unit its value is in, when the facts it is compared with do not say it.
    public var unit: LocalizedText?
    /// Where the value comes from: a citation a reader can look up, or, for a judgement, what
    /// the judgement rests on.
    public var source: LocalizedText?
    /// Whether the value is the consultancy's own judgement, where no published threshold
    /// exists (reports list it as such in their methodology appendix).
    public var judgement: Bool
    /// Where it is declared.
    public var location: SourceLocation?

    /// Creates a parameter.
    public init(id: String, value: Value, byKind: [String: Value] = [:], label: LocalizedText = LocalizedText([:]),
                unit: LocalizedText? = nil, source: LocalizedText? = nil, judgement: Bool = false, location: SourceLocation? = nil) {
        self.id = id
        self.value = value
        self.byKind = byKind
        self.label = label
        self.unit = unit
        self.source = source
        self.judgement = judgement
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
