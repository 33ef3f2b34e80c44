import ArgumentParser
import Diagnostics
import Dispatch
import Engine
import Foundation
import Reports
import RuleModel

/// `orgdiag batch`: a portfolio of organisations, evaluated on every core.
struct BatchCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, csv, json
    }

    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Evaluate a portfolio of profiles: one row per organisation and how often each diagnostic fires.",
        discussion: "A bad profile is reported with its location and the others still run; the exit code is then 2.")

    @Argument(help: ArgumentHelp("Profile files, or folders searched for *.yaml (rule-test files excepted).", valueName: "path"))
    var paths: [String]

    @OptionGroup var pack: PackOptions

    @Option(help: "Output format: a summary (text), one row per organisation (csv), or both (json).")
    var format: Format = .text

    @Option(name: .customLong("lang"), help: "Language of the text summary (default: the pack's).")
    var language: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    /// Rows and problems, filled from several threads.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var rows: [PortfolioReport.Row] = []
        private(set) var problems = DiagnosticList()
        private(set) var done = 0

        func add(_ row: PortfolioReport.Row) -> Int {
            lock.lock()
            defer { lock.unlock() }
            rows.append(row)
            done += 1
            return done
        }

        func add(_ list: DiagnosticList) -> Int {
            lock.lock()
            defer { lock.unlock() }
            problems.append(contentsOf: list)
            done += 1
            return done
        }
    }

    func run() throws {
        let rulePack = try pack.loadPack()
        let language = try ReportSupport.language(language, of: rulePack)
        let engine = try ReportSupport.engine(for: rulePack)
        let files = profileFiles()
        guard !files.isEmpty else { throw ExitStatus.usage("no profile found in \(paths.joined(separator: ", "))") }
        let results = Results()
        let showsProgress = isatty(2) == 1 && files.count >= 100
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let done: Int
            switch ProfileInput.load(files[index], pack: rulePack) {
            case .failure(let problems): done = results.add(problems)
            case .success(let profile): done = results.add(PortfolioReport.Row(path: files[index], evaluation: engine.evaluate(profile)))
            }
            if showsProgress, done % 50 == 0 || done == files.count {
                Terminal.standardError("\r\(done)/\(files.count) profiles")
            }
        }
        if showsProgress { Terminal.standardError("\n") }
        Terminal.report(results.problems)
        let report = PortfolioReport(pack: rulePack, rows: results.rows)
        switch format {
        case .text: try ReportSupport.emit(report.text(language: language), to: output)
        case .csv: try ReportSupport.emit(report.csv(), to: output)
        case .json: try ReportSupport.emit(report.json(), to: output)
        }
        if results.problems.hasErrors { throw ExitStatus.badInput }
    }

    /// The files named, and the `*.yaml` files under the folders named (rule tests excepted).
    private func profileFiles() -> [String] {
        YAMLFileDiscovery.files(in: paths) { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasSuffix(".tests.yaml") }
    }
}
