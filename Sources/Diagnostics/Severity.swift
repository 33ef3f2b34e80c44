/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    /// The input cannot be used as it is.
    case error
    /// The input works, but probably not as its author meant.
    case warning

    private var rank: Int { self == .error ? 0 : 1 }

    /// Errors sort before warnings.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
