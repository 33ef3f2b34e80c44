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
    var format: ReportFormatOption = .text

    @Option(name: .customLong("lang"), help: "Language of the report (default: the pack's).")
    var language: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter of the pack.", valueName: "param=value"))
    var overrides: [ParameterOverride] = []

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a diagnostic of this severity or higher fires.")
    var failOn: FailOnOption?

    func run() throws {
        let rulePack = try pack.loadPack()
        let values = try ParameterOverride.resolve(overrides, in: rulePack)
        let language = try ReportSupport.language(language, of: rulePack)
        let engine = try ReportSupport.engine(for: rulePack)
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
                   evaluation.outcomes(.fired).contains(where: { $0.rule.severity <= threshold }) {
                    reachedThreshold = true
                }
                models.append(ReportModel(evaluation, language: language, generatedOn: ReportSupport.today(),
                                          toolVersion: Orgdiag.version))
            }
        }
        if failed { throw ExitStatus.badInput }
        try ReportSupport.emit(render(models), to: output)
        if reachedThreshold { throw ExitStatus.problemsFound }
    }

    private func render(_ models: [ReportModel]) -> String {
        switch format {
        case .text:
            let renderer = TextReportRenderer(width: Terminal.width, usesColour: output == nil && Terminal.stdoutUsesColour)
            return models.map(renderer.render).joined(separator: "\n" + String(repeating: "─", count: 40) + "\n\n")
        case .markdown:
            return models.map(MarkdownReportRenderer().render).joined(separator: "\n\n")
        case .json:
            let documents = models.map(JSONReportRenderer().render)
            return documents.count == 1 ? documents[0]
                : "[\n" + documents.map { $0.trimmingCharacters(in: .newlines) }.joined(separator: ",\n") + "\n]\n"
        case .html:
            return HTMLReportRenderer().render(models)
        }
    }
}
