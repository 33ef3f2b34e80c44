import Diagnostics

/// An axis of the assessment (structure, budget, client service...), rated on maturity levels 1 to 5.
///
/// Each level above the first is reached by criteria, as in the EU CAF and EFQM scoring grids: a
/// profile is at the highest level whose criteria, and those of every level below, hold. Level 1
/// is the floor and has none. So a level's name never claims a practice the profile denies.
public struct Dimension: Hashable, Sendable, Codable {
    /// One maturity level: its name, and what must hold to reach it.
    public struct Level: Hashable, Sendable, Codable {
        public var name: LocalizedText
        /// What must hold to reach the level (with every lower level's criteria); `nil` for level 1.
        public var criteria: Condition?
        public var location: SourceLocation?

        /// Creates a level.
        public init(name: LocalizedText, criteria: Condition? = nil, location: SourceLocation? = nil) {
            self.name = name
            self.criteria = criteria
            self.location = location
        }
    }

    public var id: String
    public var label: LocalizedText
    /// Levels 1 to 5, in order.
    public var levels: [Level]
    public var location: SourceLocation?

    /// The number of levels a dimension has.
    public static let levelCount = 5

    /// Creates a dimension.
    public init(id: String, label: LocalizedText = LocalizedText([:]), levels: [Level] = [], location: SourceLocation? = nil) {
        self.id = id
        self.label = label
        self.levels = levels
        self.location = location
    }
}
