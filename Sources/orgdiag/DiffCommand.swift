import ArgumentParser
import Engine
import Reports
import RuleModel

/// `orgdiag diff`: two assessments of the same organisation.
struct DiffCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two assessments of one organisation: findings resolved, new and persisting, maturity changes, facts changed.")

    @Argument(help: ArgumentHelp("The earlier profile.", valueName: "before"))
    var before: String

    @Argument(help: ArgumentHelp("The later profile.", valueName: "after"))
    var after: String

    @OptionGroup var pack: PackOptions

    @OptionGroup var language: LanguageOption

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        let rulePack = try pack.loadPack()
        let language = try language.resolve(for: rulePack)
        let engine = try ReportSupport.engine(for: rulePack)
        var profiles: [Profile] = []
        var failed = false
        for path in [before, after] {
            switch ProfileInput.load(path, pack: rulePack) {
            case .failure(let problems):
                Terminal.report(problems)
                failed = true
            case .success(let profile):
                profiles.append(profile)
            }
        }
        if failed { throw ExitStatus.badInput }
        let comparison = EvaluationComparison(before: engine.evaluate(profiles[0]), after: engine.evaluate(profiles[1]))
        Terminal.standardOutput(ComparisonRenderer(language: language, markdown: format == .markdown).render(comparison))
    }
}
