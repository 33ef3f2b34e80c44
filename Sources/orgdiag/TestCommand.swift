import ArgumentParser
import Diagnostics
import Foundation
import Reports
import RuleLoader
import RuleModel
import RuleTesting

/// `orgdiag test`: runs the pack's examples and its rule-test files.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every diagnostic's examples and the rule-test files (*.tests.yaml); exit 1 on a failure.")

    @Argument(help: ArgumentHelp("Rule-test files, or folders to search for *.tests.yaml (default: the pack's folder).",
                                 valueName: "path"))
    var paths: [String] = []

    @OptionGroup var pack: PackOptions

    @Option(help: "Run only the cases whose name contains this text.")
    var filter: String?

    /// How the coverage is written.
    enum CoverageFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: ArgumentHelp("Also tell which leaves of the pack's conditions the cases exercised: after the results (text), or as JSON on standard output with the results on standard error (json).",
                               valueName: "text|json"))
    var coverage: CoverageFormat?

    func run() throws {
        let rulePack = try pack.loadPack()
        let engine = try ReportSupport.engine(for: rulePack)
        var cases = RuleTestCase.examples(of: rulePack)
        var problems = DiagnosticList()
        var unreadable = false
        for file in try testFiles() {
            switch ProfileInput.readFile(file) {
            case .failure(let list):
                problems.append(contentsOf: list)
                unreadable = true
            case .success(let source):
                let loaded = RuleTestFileLoader.load(source, pack: rulePack)
                cases += loaded.cases
                problems.append(contentsOf: loaded.problems)
            }
        }
        let report = RuleTestRunner(engine: engine).run(cases, problems: problems, filter: filter, coverage: coverage != nil)
        // With JSON coverage, standard output holds the JSON alone.
        let resultsToStandardError = coverage == .json
        func say(_ text: String) {
            if resultsToStandardError { Terminal.standardError(text) } else { Terminal.standardOutput(text) }
        }
        let colour = Terminal.stdoutUsesColour
        func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        var out = ""
        for result in report.results {
            let label = result.status == .pass ? paint("PASS", "32") : paint(result.status.rawValue, "1;31")
            out += "\(label) \(result.testCase.name)\(result.testCase.location.map { " (\($0))" } ?? "")\n"
            for failure in result.failures { out += "     \(failure)\n" }
        }
        say(out)
        Terminal.report(report.problems)
        if filter == nil {
            if !report.neverFired.isEmpty {
                say("no test fires: \(report.neverFired.joined(separator: ", "))\n")
            }
            if !report.neverNotFired.isEmpty {
                say("no test expects not firing: \(report.neverNotFired.joined(separator: ", "))\n")
            }
        }
        if let filter, report.results.isEmpty {
            Terminal.standardError("error: no test case's name contains '\(filter)'\n")
        }
        say("\(report.passed) passed, \(report.failed) failed, \(report.errors) errors\n")
        if let recorded = report.coverage {
            Terminal.standardOutput(coverage == .json ? CoverageRenderer.json(recorded) : CoverageRenderer.text(recorded))
        }
        // A test file that cannot be read is bad input (2), like any other command's.
        if unreadable { throw ExitStatus.badInput }
        if !report.succeeded || (filter != nil && report.results.isEmpty) { throw ExitStatus.problemsFound }
    }

    /// The test files named, and those found in named folders (the pack's folder by default).
    private func testFiles() throws -> [String] {
        YAMLFileDiscovery.files(in: paths.isEmpty ? [try pack.packFolder()] : paths) { $0.hasSuffix(".tests.yaml") }
    }
}
