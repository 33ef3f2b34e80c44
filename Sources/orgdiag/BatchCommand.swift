import ArgumentParser
import Batch
import Diagnostics
import Engine
import Foundation
import Reports
import RuleLoader
import RuleModel

/// `orgdiag batch`: a portfolio of organisations, evaluated on every core.
struct BatchCommand: ParsableCommand {
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
    var format: BatchRun.Format = .text

    @OptionGroup var language: LanguageOption

    @OptionGroup var output: OutputOption

    @Flag(help: "CSV for a program: ids and English headers, cells separated by commas, whatever the language.")
    var raw = false

    @Flag(help: "Print on standard error how long loading the pack, reading the profiles and evaluating them took.")
    var timings = false

    /// The profile files, in path order.
    private var files: [String] {
        YAMLFileDiscovery.files(in: paths) {
            ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasSuffix(".tests.yaml")
        }.sorted()
    }

    // Checked here, not in `run()`, so that the error is followed by this command's usage.
    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("no profile found in \(paths.joined(separator: ", "))") }
    }

    func run() throws {
        let clock = ContinuousClock()
        let loadStart = clock.now
        let files = self.files
        // The first file's first window is read while the pack loads.
        let profiles = ProfileFiles(files)
        let (rulePack, packFiles) = try pack.load()
        let language = try language.resolve(for: rulePack)
        // Compiles the engine when the run first needs it: with `--format fired`, beside the
        // decoding of the first window.
        let batch = BatchRun(pack: rulePack, format: format, language: language, raw: raw)
        let load = clock.now - loadStart

        let sink = try output.open(inputs: files + packFiles)
        let showsProgress = isatty(2) == 1 && format != .fired
        let outcome = try ReportSupport.compiling { () throws(EngineError) in
            try batch.run(files: profiles, to: sink) { count in
                if showsProgress && count >= 1000 { Terminal.standardError("\r\(count) profiles") }
            }
        }
        if showsProgress && outcome.profileCount >= 1000 { Terminal.standardError("\n") }
        Terminal.report(outcome.problems)
        try sink.finish()
        if timings {
            func seconds(_ duration: Duration) -> String {
                String(Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
            }
            // Loading counts compiling the engine (with `--format fired`, its share of the step that
            // decoded the first window beside it).
            Terminal.standardError("BENCH {\"load_s\": \(seconds(load + outcome.timings.engineWait)), \"parse_s\": \(seconds(outcome.timings.parse)), "
                + "\"eval_s\": \(seconds(outcome.timings.evaluation)), \"version\": \"orgdiag \(Orgdiag.version)\"}\n")
        }
        if outcome.problems.hasErrors { throw ExitStatus.badInput }
    }
}

/// `--format` of `orgdiag batch` takes the batch formats by name.
extension BatchRun.Format: ExpressibleByArgument {}
