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
            count(diagnostic.severity)
        } else {
            recordDropped(diagnostic.hashValue, diagnostic.severity)
        }
    }

    private mutating func recordDropped(_ hash: Int, _ severity: Severity) {
        guard dropped.updateValue(severity, forKey: hash) == nil else { return }
        droppedCount += 1
        count(severity)
    }

    private mutating func count(_ severity: Severity) {
        switch severity {
        case .error: errorCount += 1
        case .warning: warningCount += 1
        }
    }

    /// Records several diagnostics.
    public mutating func append(contentsOf diagnostics: some Sequence<Diagnostic>) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    /// Records everything another list holds, including what it dropped; a diagnostic both lists
    /// hold counts once.
    public mutating func append(contentsOf other: DiagnosticList) {
        append(contentsOf: other.storage)
        for (hash, severity) in other.dropped.sorted(by: { $0.key < $1.key }) { recordDropped(hash, severity) }
    }

    /// The diagnostics kept, for finding duplicates.
    private var kept = Set<Diagnostic>()
    /// The hashes of the diagnostics dropped beyond `limit` (not the diagnostics: a profile may
    /// hold hundreds of thousands of mistakes) with their severity, to find duplicates among them.
    private var dropped: [Int: Severity] = [:]

    /// The diagnostics kept, sorted by file, position, severity and code (none twice: a
    /// duplicate is not stored).
    public var sorted: [Diagnostic] { storage.sorted() }

    /// Whether any error was reported.
    public var hasErrors: Bool { errorCount > 0 }

    /// Whether nothing was reported.
    public var isEmpty: Bool { storage.isEmpty && droppedCount == 0 }
}
