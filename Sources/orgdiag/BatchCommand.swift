import ArgumentParser
import Diagnostics
import Dispatch
import Engine
import Foundation
import Reports
import RuleLoader
import RuleModel
import YAML

/// `orgdiag batch`: a portfolio of organisations, evaluated on every core.
struct BatchCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, csv, json, fired
    }

    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Evaluate a portfolio of profiles: one row per organisation and how often each diagnostic fires.",
        discussion: """
            A file may hold one profile, or several as a YAML stream (documents separated by '---'). \
            A bad profile is reported with its location and the others still run; the exit code is then 2.
            """)

    @Argument(help: ArgumentHelp("Profile files, or folders searched for *.yaml (rule-test files excepted).", valueName: "path"))
    var paths: [String]

    @OptionGroup var pack: PackOptions

    @Option(help: """
        Output: a summary (text), one row per organisation (csv), both (json), or one line per profile with \
        the ids of the diagnostics that fired, then ' | ' and those left unknown (fired).
        """)
    var format: Format = .text

    @Option(name: .customLong("lang"), help: "Language of the text summary (default: the pack's).")
    var language: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Print on standard error how long loading the pack, reading the profiles and evaluating them took.")
    var timings = false

    /// Results filled from several threads, each at its own index.
    private final class Slots<Element>: @unchecked Sendable {
        var items: [Element?]
        init(count: Int) { items = Array(repeating: nil, count: count) }
    }

    /// A progress line on standard error, updated from several threads.
    private final class Progress: @unchecked Sendable {
        private let lock = NSLock()
        private let total: Int
        private let shown: Bool
        private var done = 0

        init(total: Int, shown: Bool) {
            self.total = total
            self.shown = shown
        }

        func advance() {
            guard shown else { return }
            lock.lock()
            defer { lock.unlock() }
            done += 1
            if done % 500 == 0 || done == total { Terminal.standardError("\r\(done)/\(total) profiles") }
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        let loadStart = clock.now
        let rulePack = try pack.loadPack()
        let language = try ReportSupport.language(language, of: rulePack)
        let engine = try ReportSupport.engine(for: rulePack)
        let loadTime = clock.now - loadStart

        let parseStart = clock.now
        let files = YAMLFileDiscovery.files(in: paths) {
            ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasSuffix(".tests.yaml")
        }
        guard !files.isEmpty else { throw ExitStatus.usage("no profile found in \(paths.joined(separator: ", "))") }
        // Every file on every core; each stream's documents are decoded on every core too.
        let catalogue = ProfileLoader.Catalogue(rulePack.facts)
        let decoded = Slots<[(label: String, result: Result<Profile, DiagnosticList>)]>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let path = files[index]
            switch ProfileInput.readFile(path) {
            case .failure(let problems):
                decoded.items[index] = [(path, .failure(problems))]
            case .success(let file):
                let results = ProfileStreamDecoder.decode(file, pack: rulePack, catalogue: catalogue)
                decoded.items[index] = results.enumerated().map { (results.count == 1 ? path : "\(path)#\($0 + 1)", $1) }
            }
        }
        let documents = decoded.items.flatMap { $0! }
        let profiles = Slots<Result<Profile, DiagnosticList>>(count: documents.count)
        profiles.items = documents.map(\.result)
        var problems = DiagnosticList()
        let parseTime = clock.now - parseStart

        let evaluationStart = clock.now
        let showsProgress = isatty(2) == 1 && documents.count >= 1000 && format != .fired
        var rendered = ""
        var rows: [PortfolioReport.Row] = []
        var decisions: [(fired: [Int], unknown: [Int])?] = []
        if format == .fired {
            let decided = Slots<(fired: [Int], unknown: [Int])>(count: documents.count)
            DispatchQueue.concurrentPerform(iterations: documents.count) { index in
                guard case .success(let profile) = profiles.items[index]! else { return }
                decided.items[index] = engine.decide(profile)
            }
            decisions = decided.items
        } else {
            let computed = Slots<PortfolioReport.Row>(count: documents.count)
            let progress = Progress(total: documents.count, shown: showsProgress)
            DispatchQueue.concurrentPerform(iterations: documents.count) { index in
                guard case .success(let profile) = profiles.items[index]! else { return }
                computed.items[index] = PortfolioReport.Row(path: documents[index].label, evaluation: engine.evaluate(profile))
                progress.advance()
            }
            if showsProgress { Terminal.standardError("\n") }
            rows = computed.items.compactMap { $0 }
        }
        let evaluationTime = clock.now - evaluationStart
        if format == .fired {
            // Writing the lines is output, outside the timed evaluation.
            let ids = rulePack.diagnostics.map(\.id)
            rendered = decisions.compactMap { decision in
                decision.map { decision in
                    var line = decision.fired.map { ids[$0] }.joined(separator: " ")
                    if !decision.unknown.isEmpty { line += " | " + decision.unknown.map { ids[$0] }.joined(separator: " ") }
                    return line + "\n"
                }
            }.joined()
        }

        for case .failure(let list) in profiles.items.compactMap({ $0 }) { problems.append(contentsOf: list) }
        Terminal.report(problems)
        let report = PortfolioReport(pack: rulePack, rows: rows)
        switch format {
        case .text: try ReportSupport.emit(report.text(language: language), to: output)
        case .csv: try ReportSupport.emit(report.csv(), to: output)
        case .json: try ReportSupport.emit(report.json(), to: output)
        case .fired: try ReportSupport.emit(rendered, to: output)
        }
        if timings {
            func seconds(_ duration: Duration) -> String {
                String(Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
            }
            Terminal.standardError("BENCH {\"load_s\": \(seconds(loadTime)), \"parse_s\": \(seconds(parseTime)), "
                                   + "\"eval_s\": \(seconds(evaluationTime)), \"version\": \"orgdiag \(Orgdiag.version)\"}\n")
        }
        if problems.hasErrors { throw ExitStatus.badInput }
    }
}
