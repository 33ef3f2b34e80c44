/// The problems found while reading one or more files: collected, not thrown one at a time.
///
/// Keeps at most `limit` diagnostics (the rest are counted), and hands them back sorted.
public struct DiagnosticList: Sendable, Error, Hashable {
    /// The most diagnostics kept; beyond it they are only counted in `droppedCount`.
    public let limit: Int
    private var storage: [Diagnostic] = []
    /// Whether the list keeps no more diagnostics: work that only improves a message (a "did you
    /// mean") can then be skipped.
    public var isFull: Bool { storage.count >= limit }

    /// How many diagnostics were reported beyond `limit`.
    public private(set) var droppedCount = 0
    /// How many errors were reported, kept or dropped.
    public private(set) var errorCount = 0
    /// How many warnings were reported, kept or dropped.
    public private(set) var warningCount = 0

    /// Creates an empty list that keeps at most `limit` diagnostics.
    public init(limit: Int = 200) {
        self.limit = max(1, limit)
    }

    /// Creates a list holding `diagnostics`.
    public init(_ diagnostics: [Diagnostic], limit: Int = 200) {
        self.init(limit: limit)
        append(contentsOf: diagnostics)
    }

    /// Records a diagnostic; one already recorded (same place, code and message) is not counted
    /// again, so that the counts are those of the diagnostics listed.
    public mutating func append(_ diagnostic: Diagnostic) {
        guard !kept.contains(diagnostic) else { return }
        if storage.count < limit {
            kept.insert(diagnostic)
            storage.append(diagnostic)
        } else {
            guard dropped.insert(diagnostic.hashValue).inserted else { return }
            droppedCount += 1
        }
        switch diagnostic.severity {
        case .error: errorCount += 1
        case .warning: warningCount += 1
        }
    }

    /// Records several diagnostics.
    public mutating func append(contentsOf diagnostics: some Sequence<Diagnostic>) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    /// Records everything another list holds, including what it dropped (counted, as the other
    /// list counted them).
    public mutating func append(contentsOf other: DiagnosticList) {
        append(contentsOf: other.storage)
        for hash in other.dropped where dropped.insert(hash).inserted { droppedCount += 1 }
        errorCount += other.errorCount - other.storage.filter { $0.severity == .error }.count
        warningCount += other.warningCount - other.storage.filter { $0.severity == .warning }.count
    }

    /// The diagnostics kept, for finding duplicates.
    private var kept = Set<Diagnostic>()
    /// The hashes of the diagnostics dropped beyond `limit` (not the diagnostics: a profile may
    /// hold hundreds of thousands of mistakes), to find duplicates among them.
    private var dropped = Set<Int>()

    /// The diagnostics kept, sorted by file, position, severity and code; duplicates removed.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return storage.sorted().filter { seen.insert($0).inserted }
    }

    /// Whether any error was reported.
    public var hasErrors: Bool { errorCount > 0 }

    /// Whether nothing was reported.
    public var isEmpty: Bool { storage.isEmpty && droppedCount == 0 }
}
