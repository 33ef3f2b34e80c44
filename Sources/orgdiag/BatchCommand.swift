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

    /// Time spent in each stage, summed over the windows of every file.
    private struct Timings {
        var load = Duration.zero
        var parse = Duration.zero
        var evaluation = Duration.zero

        func line() -> String {
            func seconds(_ duration: Duration) -> String {
                String(Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
            }
            return "BENCH {\"load_s\": \(seconds(load)), \"parse_s\": \(seconds(parse)), "
                + "\"eval_s\": \(seconds(evaluation)), \"version\": \"orgdiag \(Orgdiag.version)\"}\n"
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        var spent = Timings()
        let loadStart = clock.now
        let rulePack = try pack.loadPack()
        let language = try ReportSupport.language(language, of: rulePack)
        let engine = try ReportSupport.engine(for: rulePack)
        spent.load = clock.now - loadStart

        // Files in path order, each read in windows of whole documents: memory stays bounded
        // however long a stream is (the text summary keeps one row per profile).
        let files = YAMLFileDiscovery.files(in: paths) {
            ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasSuffix(".tests.yaml")
        }.sorted()
        guard !files.isEmpty else { throw ExitStatus.usage("no profile found in \(paths.joined(separator: ", "))") }
        let catalogue = ProfileLoader.Catalogue(rulePack.facts)
        let lines = DecisionLines(ids: rulePack.diagnostics.map(\.id))
        let sink = try StreamingOutput(path: output)
        // CSV and JSON are written a row at a time; the text summary prints its count first, so it
        // keeps its rows until the end.
        var json = PortfolioJSONStream(pack: rulePack)
        if format == .csv { sink.write(PortfolioReport.csvHeader(pack: rulePack)) }
        if format == .json { sink.write(json.head()) }
        let showsProgress = isatty(2) == 1 && format != .fired
        var problems = DiagnosticList()
        var rows: [PortfolioReport.Row] = []
        var profileCount = 0

        for path in files {
            let reader: ProfileStreamReader
            switch ProfileStreamReader.open(path) {
            case .failure(let list):
                problems.append(contentsOf: list)
                continue
            case .success(let opened):
                reader = opened
            }
            var documentCount = 0
            // Reading counts with decoding, as the harness's `parse_s` asks.
            var parseStart = clock.now
            while let window = reader.next() {
                let results: [Result<Profile, DiagnosticList>] = switch window {
                case .failure(let list): [.failure(list)]
                case .success(let file): ProfileStreamDecoder.decode(file, pack: rulePack, catalogue: catalogue)
                }
                spent.parse += clock.now - parseStart
                let wholeFile = reader.windowCount == 1 && reader.isFinished && results.count == 1
                let firstDocument = documentCount + 1
                documentCount += results.count
                for case .failure(let list) in results { problems.append(contentsOf: list) }

                let evaluationStart = clock.now
                if format == .fired {
                    let decided = Slots<(fired: [Int], unknown: [Int])>(count: results.count)
                    DispatchQueue.concurrentPerform(iterations: results.count) { index in
                        guard case .success(let profile) = results[index] else { return }
                        decided.items[index] = engine.decide(profile)
                    }
                    spent.evaluation += clock.now - evaluationStart
                    // Writing the lines is output, outside the timed evaluation.
                    var bytes: [UInt8] = []
                    for case let decision? in decided.items { lines.append(fired: decision.fired, unknown: decision.unknown, to: &bytes) }
                    sink.write(bytes: bytes)
                } else {
                    let computed = Slots<PortfolioReport.Row>(count: results.count)
                    DispatchQueue.concurrentPerform(iterations: results.count) { index in
                        guard case .success(let profile) = results[index] else { return }
                        let label = wholeFile ? path : "\(path)#\(firstDocument + index)"
                        computed.items[index] = PortfolioReport.Row(path: label, evaluation: engine.evaluate(profile))
                    }
                    spent.evaluation += clock.now - evaluationStart
                    let windowRows = computed.items.compactMap { $0 }
                    switch format {
                    case .csv: windowRows.forEach { sink.write(PortfolioReport.csvLine($0)) }
                    case .json: windowRows.forEach { sink.write(json.row($0)) }
                    case .text: rows += windowRows
                    case .fired: break  // decided above
                    }
                }
                profileCount += results.count
                if showsProgress && profileCount >= 1000 { Terminal.standardError("\r\(profileCount) profiles") }
                parseStart = clock.now
            }
        }
        if showsProgress && profileCount >= 1000 { Terminal.standardError("\n") }

        Terminal.report(problems)
        switch format {
        case .text: sink.write(PortfolioReport(pack: rulePack, rows: rows).text(language: language))
        case .json: sink.write(json.tail())
        case .csv, .fired: break
        }
        try sink.finish()
        if timings { Terminal.standardError(spent.line()) }
        if problems.hasErrors { throw ExitStatus.badInput }
    }
}
