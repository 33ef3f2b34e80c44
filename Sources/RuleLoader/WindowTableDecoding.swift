import Diagnostics
import RuleModel

/// The decoding of a window of profiles into the rows of a ``FactTable``, split into tasks (one
/// per piece) that any thread may run, in any order, then assembled in the window's order.
///
/// ``ProfileStreamDecoder/decodeTable(_:pack:catalogue:)`` runs the tasks on every core at once;
/// `orgdiag batch` runs them in the same parallel step as it decides the window before, so that
/// neither waits for the other's last task.
public struct WindowTableDecoding: Sendable {
    /// The rows of one task's documents, and the problems of those that could not be read, by row
    /// within the task.
    public struct Part: Sendable {
        let table: FactTable
        let failures: [Int: DiagnosticList]
    }

    private enum Source: Sendable {
        /// A window that passed the check, decoded piece by piece on the fast path.
        case pieces(ProfileWindow, lineStarts: [Int], cuts: [(bytes: Range<Int>, line: Int)])
        /// A window that failed the check, decoded as one task, document by document.
        case unchecked(ProfileWindow)
        /// A window the reader could not give: its row is unread, with these problems.
        case unread(DiagnosticList)
    }

    private let source: Source
    private let pack: RulePack
    private let catalogue: ProfileLoader.Catalogue

    /// The decoding of `window` (or of the reader's failure to give it) for `pack`'s facts.
    public init(_ window: Result<ProfileWindow, DiagnosticList>, pack: RulePack, catalogue: ProfileLoader.Catalogue) {
        switch window {
        case .success(let window):
            if let (lineStarts, cuts) = window.pieces {
                source = .pieces(window, lineStarts: lineStarts, cuts: cuts)
            } else {
                source = .unchecked(window)
            }
        case .failure(let problems):
            source = .unread(problems)
        }
        self.pack = pack
        self.catalogue = catalogue
    }

    /// The number of tasks.
    public var taskCount: Int {
        switch source {
        case .pieces(_, _, let cuts): cuts.count
        case .unchecked: 1
        case .unread: 0
        }
    }

    /// Runs task `index` (in `0..<taskCount`).
    public func decode(task index: Int) -> Part {
        switch source {
        case .pieces(let window, let lineStarts, let cuts):
            let decoder = ProfileStreamDecoder.decodedPiece(index, of: window, lineStarts: lineStarts, cuts: cuts, pack: pack,
                                                            catalogue: catalogue, output: .table)
            return Part(table: decoder.table, failures: decoder.failures)
        case .unchecked(let window):
            let (table, failures) = Self.tabulate(ProfileStreamDecoder.decode(window, pack: pack, catalogue: catalogue), pack: pack)
            return Part(table: table, failures: failures)
        case .unread:
            preconditionFailure("a window the reader could not give has no task")
        }
    }

    /// The window's rows, from the parts of every task in task order, and the problems of the
    /// rows that could not be read, by row. A window with no document gives one row, its problem.
    public func assemble(_ parts: [Part]) -> (table: FactTable, failures: [Int: DiagnosticList]) {
        if case .unread(let problems) = source {
            return (FactTable([nil], catalogue: pack.facts), [0: problems])
        }
        var table = FactTable(catalogue: pack.facts)
        var failures: [Int: DiagnosticList] = [:]
        for part in parts {
            for (row, list) in part.failures { failures[table.count + row] = list }
            table.append(contentsOf: part.table)
        }
        guard table.count == 0, case .pieces(let window, _, _) = source else { return (table, failures) }
        return Self.tabulate([.failure(ProfileStreamDecoder.noDocument(window.file))], pack: pack)
    }

    /// Results as table rows, and the problems of the failed ones by row.
    static func tabulate(_ results: [Result<Profile, DiagnosticList>], pack: RulePack) -> (table: FactTable, failures: [Int: DiagnosticList]) {
        var table = FactTable(catalogue: pack.facts)
        var failures: [Int: DiagnosticList] = [:]
        for result in results {
            switch result {
            case .success(let profile):
                table.append(profile, facts: pack.facts)
            case .failure(let list):
                failures[table.count] = list
                table.appendUnread()
            }
        }
        return (table, failures)
    }
}
