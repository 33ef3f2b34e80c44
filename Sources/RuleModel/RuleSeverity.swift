/// How serious a pack's diagnostic is for the organisation.
public enum RuleSeverity: String, Hashable, Sendable, CaseIterable, Comparable, Codable {
    case critical, high, medium, low

    /// The weight used in priority scores and missing-fact ranking: 8, 4, 2, 1.
    public var weight: Double {
        switch self {
        case .critical: return 8
        case .high: return 4
        case .medium: return 2
        case .low: return 1
        }
    }

    /// Critical sorts first.
    public static func < (lhs: RuleSeverity, rhs: RuleSeverity) -> Bool { lhs.weight > rhs.weight }
}

/// A three-step scale for a recommendation's impact and effort.
public enum Magnitude: String, Hashable, Sendable, CaseIterable, Codable {
    case high, medium, low

    /// 3, 2, 1.
    public var factor: Double {
        switch self {
        case .high: return 3
        case .medium: return 2
        case .low: return 1
        }
    }
}
