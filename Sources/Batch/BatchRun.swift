import Diagnostics
import Engine
import Parallel
import Reports
import RuleLoader
import RuleModel

/// A portfolio of profiles evaluated on every core: what `orgdiag batch` does, as a library.
///
/// Files are read in order, each in windows of whole documents (``ProfileStreamReader``), so
/// memory stays bounded however long a stream is; each window is decoded and evaluated on every
/// core, and its rows written to the output before the next window is decoded (the text summary,
/// which prints its count first, keeps its rows until the end), except with `--format fired`,
/// where one parallel step decodes a window while it decides the one before and writes its lines.
/// Meanwhile the reader reads, checks and cuts the next window: on another thread, or, with
/// `--format fired`, as a task of the step. A bad profile is reported and the others still run.
public struct BatchRun {
    /// What the batch writes.
    public enum Format: String, CaseIterable, Sendable {
        /// A summary: how often each diagnostic fires.
        case text
        /// One row per organisation.
        case csv
        /// Both, as JSON.
        case json
        /// One line per profile: the ids of the diagnostics that fired, then ` | ` and those left unknown.
        case fired
    }

    /// Time spent in each stage, summed over the windows of every file.
    public struct Timings: Sendable {
        /// Reading and decoding the profiles (reading counts, as the peer harness's `parse_s` asks).
        public var parse = Duration.zero
        /// Evaluating them.
        public var evaluation = Duration.zero
        /// Compiling the engine, when the run compiles it itself: with `--format fired`, its task's
        /// share of the first step, where it runs beside the first window's pieces; otherwise the
        /// wait for it before the first profile.
        public var engineWait = Duration.zero
    }

    /// What a run found.
    public struct Outcome: Sendable {
        /// Problems with the files and profiles that could not be read.
        public var problems = DiagnosticList()
        /// How many profiles were read, good or bad.
        public var profileCount = 0
        /// Where the time went.
        public var timings = Timings()
    }

    /// Runs of chunks (64 profiles each) a window is cut into per core, at most, for the block
    /// evaluator: several, so that a core slowed by other work (the next window's preparation)
    /// leaves its share to the others; each but the last an even number of chunks, which the
    /// evaluator takes two at a time. On a single core the whole window is one run, so that the
    /// block's working memory is set up once per window.
    private static let runsPerCore = 4

    /// The runs a table's chunks are decided in, on the cores the process may use.
    private static func runs(of chunkCount: Int) -> [Range<Int>] {
        let runCount = Cores.canOverlap ? Cores.usable * runsPerCore : 1
        let length = max(2, (chunkCount + runCount - 1) / runCount)
        let evenLength = length + length % 2
        return stride(from: 0, to: chunkCount, by: evenLength).map { $0..<min($0 + evenLength, chunkCount) }
    }

    private let pack: RulePack
    /// The engine, compiled at its first read when the run compiles it itself.
    private let engine: BackgroundValue<Result<Engine, EngineError>>
    private let format: Format
    private let language: String
    private let csv: PortfolioCSV
    private let catalogue: ProfileLoader.Catalogue
    /// The buffers `--format fired` writes each run's lines into, kept from one step to the next:
    /// a window's lines are megabytes whose first touch faulted pages in at every window.
    private let lineBuffers = ReusePool<[UInt8]>()

    /// Prepares a run of `engine` (compiled from `pack`) writing `format` in `language`; with
    /// `raw`, the CSV keeps ids and English headers (``PortfolioCSV``).
    public init(pack: RulePack, engine: Engine, format: Format, language: String, raw: Bool = false) {
        self.init(pack: pack, engine: BackgroundValue(ready: .success(engine)), format: format, language: language, raw: raw)
    }

    /// Prepares a run of `pack` writing `format` in `language`, which compiles its engine: with
    /// `--format fired` as a task of the step that decodes the first window, on one core while the
    /// others decode, rather than on a thread of its own that would take a core from them; for
    /// the others, before the first profile. ``run(files:to:progress:)`` throws the compiler's
    /// error, if any, before writing anything.
    public init(pack: RulePack, format: Format, language: String, raw: Bool = false) {
        self.init(pack: pack, engine: BackgroundValue(overlapping: false) { Result { () throws(EngineError) in try Engine(pack: pack) } },
                  format: format, language: language, raw: raw)
    }

    private init(pack: RulePack, engine: BackgroundValue<Result<Engine, EngineError>>, format: Format, language: String,
                 raw: Bool) {
        self.pack = pack
        self.engine = engine
        self.format = format
        self.language = language
        self.csv = PortfolioCSV(pack: pack, language: raw ? nil : language)
        self.catalogue = ProfileLoader.Catalogue(pack.facts)
    }

    /// Evaluates every profile of `files` (in this order), writing to `output`; `progress` is told
    /// the number of profiles read after each window. Throws, before writing anything, when the
    /// pack cannot be compiled.
    public func run(files: [String], to output: OutputSink, progress: (Int) -> Void = { _ in }) throws(EngineError) -> Outcome {
        try run(files: ProfileFiles(files), to: output, progress: progress)
    }

    /// Evaluates every profile of `files`, opened already (``ProfileFiles``); as
    /// ``run(files:to:progress:)``.
    public func run(files: ProfileFiles, to output: OutputSink, progress: (Int) -> Void = { _ in }) throws(EngineError) -> Outcome {
        let clock = ContinuousClock()
        var outcome = Outcome()
        // Only `--format fired` overlaps compiling with decoding: the others write a header first.
        if format != .fired { _ = try readyEngine(outcome: &outcome) }
        let lines = DecisionLines(ids: pack.findings.map(\.id))
        var json = PortfolioJSONStream(pack: pack)
        var rows: [PortfolioReport.Row] = []
        if format == .csv { output.write(csv.header) }
        if format == .json { output.write(json.head()) }

        // `--format fired`: the last window decoded, decided in the next step.
        var waiting: DecodedWindow?
        while let (path, opened) = files.next() {
            let reader: ProfileStreamReader
            switch opened {
            case .failure(let list):
                outcome.problems.append(contentsOf: list)
                continue
            case .success(let opened):
                reader = opened
            }
            var documentCount = 0
            var parseStart = clock.now
            if format == .fired {
                // Each window is decoded in the same parallel step as the one before it is decided
                // and written, and the next read, checked and cut.
                while let window = reader.next(readingAheadOnItsThread: false) {
                    let decoding = WindowTableDecoding(window, pack: pack, catalogue: catalogue)
                    let written = waiting?.table.count ?? 0
                    waiting = try step(deciding: waiting, decoding: (decoding, path), reading: reader.pendingRead, lines: lines,
                                       to: output, outcome: &outcome, start: parseStart)
                    if written > 0 {
                        outcome.profileCount += written
                        progress(outcome.profileCount)
                    }
                    parseStart = clock.now
                }
                continue
            }
            while let window = reader.next() {
                let results: [Result<Profile, DiagnosticList>] = switch window {
                case .failure(let list): [.failure(list)]
                case .success(let window): ProfileStreamDecoder.decode(window, pack: pack, catalogue: catalogue)
                }
                outcome.timings.parse += clock.now - parseStart
                let wholeFile = reader.windowCount == 1 && reader.isFinished && results.count == 1
                let firstDocument = documentCount + 1
                documentCount += results.count
                for case .failure(let list) in results { outcome.problems.append(contentsOf: list) }

                let evaluationStart = clock.now
                let engine = try readyEngine(outcome: &outcome)  // ready: waited for above
                let windowRows = concurrentMap(count: results.count) { index -> PortfolioReport.Row? in
                    guard case .success(let profile) = results[index] else { return nil }
                    let label = wholeFile ? path : "\(path)#\(firstDocument + index)"
                    return PortfolioReport.Row(path: label, evaluation: engine.evaluate(profile))
                }.compactMap { $0 }
                outcome.timings.evaluation += clock.now - evaluationStart
                switch format {
                case .csv: windowRows.forEach { output.write(csv.line($0)) }
                case .json: windowRows.forEach { output.write(json.row($0)) }
                case .text: rows += windowRows
                case .fired: break  // never here: decided window by window above
                }
                outcome.profileCount += results.count
                progress(outcome.profileCount)
                parseStart = clock.now
            }
        }
        if let last = waiting {
            _ = try step(deciding: last, decoding: nil, reading: nil, lines: lines, to: output, outcome: &outcome, start: clock.now)
            outcome.profileCount += last.table.count
            progress(outcome.profileCount)
        }
        // A run that read no window (an empty or missing file) still reports a pack it cannot compile.
        if format == .fired { _ = try readyEngine(outcome: &outcome) }
        switch format {
        case .text: output.write(PortfolioReport(pack: pack, rows: rows).text(language: language))
        case .json: output.write(json.tail())
        case .csv, .fired: break
        }
        return outcome
    }

    /// The engine, once compiled; the time waited for it is added to the outcome's timings.
    private func readyEngine(outcome: inout Outcome) throws(EngineError) -> Engine {
        let start = ContinuousClock.now
        defer { outcome.timings.engineWait += ContinuousClock.now - start }
        return try engine.value.get()
    }

    /// A window decoded and waiting to be decided: its rows, the problems of the rows that could
    /// not be read, by row, and its file.
    private struct DecodedWindow: Sendable {
        let table: FactTable
        let failures: [Int: DiagnosticList]
        let path: String
    }

    /// What a task of a step gives: a run's lines, a piece of the next window, the engine
    /// compiled, or the window after read.
    private enum StepPart: Sendable {
        case lines([UInt8], deciding: Duration, writing: Duration)
        case piece(WindowTableDecoding.Part)
        case compiled(Duration)
        case read
    }

    /// One parallel step of `--format fired`: the block evaluator decides `waiting` in runs of
    /// whole blocks, each run's lines made on the core that decided it (`! path:line` for a
    /// document that could not be read, so that lines stay in step with documents), and the
    /// pieces of the next window (`decoding`, from the file at the path given) are decoded, and
    /// `reading` reads the window after, all as tasks of one ``concurrentMap(count:_:)``, the
    /// longest first: reading, then the runs, then the pieces. The first step of a run, the only
    /// one with nothing to decide (every step that decodes leaves a window to decide), has a first
    /// task that compiles the engine instead (a run given one finds it ready). Then `waiting`'s
    /// lines are written, and the new window returned, assembled.
    ///
    /// The next window is read by a task rather than on a thread of the reader's own: a third
    /// thread beside the step's made the kernel queue two of them on one core now and then, the
    /// other core idle until it took one back (up to a tenth of a batch's time).
    ///
    /// One step rather than three stages a window (decode, decide, write) so that no core waits
    /// for another's last task at the end of each. Deciding is not done piece by piece on the core
    /// that decoded each: between two of libyaml's pieces the program and its block of registers
    /// (about 800 KB for the peer workload's pack) fall out of the core's caches, and deciding
    /// pieces of 128 KB that way took half as long again.
    ///
    /// Timings: the deciding tasks' time, shared between the cores the step ran on, is evaluation;
    /// the compiling task's, compiling; the rest of the step, and the wait for the reader since
    /// `start`, is reading and decoding, but for writing `waiting`'s lines to the output.
    private func step(deciding waiting: DecodedWindow?, decoding: (WindowTableDecoding, path: String)?, reading: ProfileStreamReader.PendingRead?,
                      lines: DecisionLines, to output: OutputSink, outcome: inout Outcome,
                      start: ContinuousClock.Instant) throws(EngineError) -> DecodedWindow? {
        let clock = ContinuousClock()
        // Compiled by the first step's task: the engine, or the compiler's error before anything is written.
        let waitedBefore = outcome.timings.engineWait
        let engine = try waiting.map { _ throws(EngineError) in try readyEngine(outcome: &outcome) }
        let waitedForEngine = outcome.timings.engineWait - waitedBefore
        let runs = waiting.map { Self.runs(of: $0.table.chunks.count) } ?? []
        var row = 0
        let firstRows = runs.map { run in
            defer { row += waiting!.table.chunks[run].reduce(0) { $0 + $1.count } }
            return row
        }
        let pieceCount = decoding?.0.taskCount ?? 0
        let compileTasks = waiting == nil ? 1 : 0
        let readTasks = reading == nil ? 0 : 1
        let compiler = self.engine, buffers = lineBuffers
        let parts = concurrentMap(count: compileTasks + readTasks + runs.count + pieceCount) { task -> StepPart in
            if task < compileTasks {
                let started = clock.now
                _ = compiler.value  // compiled here, at the first read
                return .compiled(clock.now - started)
            }
            if task < compileTasks + readTasks {
                reading!.run()
                return .read
            }
            let index = task - compileTasks - readTasks
            guard index < runs.count, let waiting, let engine else { return .piece(decoding!.0.decode(task: index - runs.count)) }
            let started = clock.now
            let decided = engine.decide(waiting.table, chunks: runs[index])
            let decidedAt = clock.now
            var bytes = buffers.take() ?? []
            bytes.removeAll(keepingCapacity: true)
            decided.forEach { offset, fired, unknown in
                if let problems = waiting.failures[firstRows[index] + offset] {
                    let place = problems.sorted.first?.location.map { "\($0)" } ?? waiting.path
                    bytes += Array("! \(SafeText.terminal(place, singleLine: true))\n".utf8)
                } else {
                    lines.append(fired: fired, unknown: unknown, to: &bytes)
                }
            }
            return .lines(bytes, deciding: decidedAt - started, writing: clock.now - decidedAt)
        }

        var deciding = Duration.zero, writing = Duration.zero, compilingTime = Duration.zero
        var pieces: [WindowTableDecoding.Part] = []
        pieces.reserveCapacity(pieceCount)
        let outputStart = clock.now
        var outputTime = Duration.zero
        for part in parts {
            switch part {
            case .lines(let bytes, let decidingRun, let writingRun):
                let written = clock.now
                output.write(bytes: bytes)
                outputTime += clock.now - written
                lineBuffers.giveBack(bytes)
                deciding += decidingRun
                writing += writingRun
            case .piece(let piece):
                pieces.append(piece)
            case .compiled(let duration):
                compilingTime = duration
            case .read:
                break
            }
        }
        let cores = Cores.canOverlap ? max(1, min(Cores.usable, parts.count)) : 1
        outcome.timings.evaluation += deciding / cores
        outcome.timings.engineWait += compilingTime / cores
        guard let (decoding, path) = decoding else { return nil }
        let (table, failures) = decoding.assemble(pieces)
        for row in failures.keys.sorted() { outcome.problems.append(contentsOf: failures[row]!) }
        // Writing the output is neither: it is left out, as the other formats leave it out.
        outcome.timings.parse += max(.zero, outputStart - start - waitedForEngine - (deciding + writing + compilingTime) / cores
                                             + (clock.now - outputStart - outputTime))
        return DecodedWindow(table: table, failures: failures, path: path)
    }
}
