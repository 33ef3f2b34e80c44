import ArgumentParser
import Diagnostics
import Engine
import Foundation
import Reports
import RuleModel

/// `orgdiag report`: the main job.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Evaluate organisation profiles and print their diagnostic report and roadmap.")

    @Argument(help: ArgumentHelp("Profile files (YAML).", valueName: "profile"))
    var profiles: [String]

    @OptionGroup var pack: PackOptions

    @Option(help: "Output format.")
    var format: ReportFormat = .text

    @OptionGroup var language: LanguageOption

    @OptionGroup var output: OutputOption

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter of the pack.", valueName: "param=value"))
    var overrides: [ParameterOverride] = []

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a diagnostic of this severity or higher fires.")
    var failOn: FailOnOption?

    @Option(help: ArgumentHelp("The consultancy's name and logo for the cover of the HTML and Word reports (YAML: consultancy, logo).",
                               valueName: "file"))
    var branding: String?

    func validate() throws {
        guard !profiles.isEmpty else { throw ValidationError("name at least one profile to report on") }
        if format.isBinary, output.output == nil, isatty(1) == 1 {
            throw ValidationError("a Word document is a file: write it with -o, as in -o report.docx")
        }
    }

    func run() throws {
        let (rulePack, packFiles) = try pack.load()
        let values = try ParameterOverride.resolve(overrides, in: rulePack)
        let language = try language.resolve(for: rulePack)
        let engine = try ReportSupport.engine(for: rulePack)
        let cover = try branding.map(ReportSupport.branding)
        var models: [ReportModel] = []
        var failed = false
        var reachedThreshold = false
        for path in profiles {
            switch ProfileInput.load(path, pack: rulePack) {
            case .failure(let problems):
                Terminal.report(problems)
                failed = true
            case .success(let profile):
                let evaluation = engine.evaluate(profile, overrides: values)
                if let failOn, let threshold = RuleSeverity(rawValue: failOn.rawValue),
                   evaluation.findings.contains(where: { $0.rule.severity <= threshold }) {
                    reachedThreshold = true
                }
                models.append(ReportModel(evaluation, questions: engine.questions(for: evaluation), language: language, generatedOn: ReportSupport.today(),
                                          toolVersion: Orgdiag.version))
            }
        }
        // The good profiles are reported even when another could not be read (exit 2 then).
        if !models.isEmpty {
            let sink = try output.open(inputs: profiles + packFiles + (branding.map { [$0] } ?? []))
            try format.renderer(width: Terminal.width, usesColour: output.output == nil && Terminal.stdoutUsesColour, branding: cover)
                .render(models, to: sink)
            try sink.finish()
        }
        if failed { throw ExitStatus.badInput }
        if reachedThreshold { throw ExitStatus.problemsFound }
    }
}

/// `--format` of `orgdiag report` takes the report formats by name.
extension ReportFormat: ExpressibleByArgument {}
