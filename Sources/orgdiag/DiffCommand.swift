import ArgumentParser
import Engine
import Reports
import RuleModel

/// `orgdiag diff`: two assessments of the same organisation.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two assessments of one organisation: findings resolved, new, established and persisting, actions now in place, maturity changes, facts changed.")

    @Argument(help: ArgumentHelp("The earlier profile.", valueName: "before"))
    var before: String

    @Argument(help: ArgumentHelp("The later profile.", valueName: "after"))
    var after: String

    @OptionGroup var pack: PackOptions

    @OptionGroup var language: LanguageOption

    @Option(help: "Output format.")
    var format: ComparisonRenderer.Format = .text

    @OptionGroup var output: OutputOption

    @Flag(help: "Compare even two different organisations, or a later assessment given first.")
    var force = false

    func run() throws {
        let (rulePack, packFiles) = try pack.load()
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
        if !force, let problem = Self.mismatch(profiles[0], profiles[1]) {
            throw ValidationError(problem + "; add --force to compare them anyway")
        }
        let comparison = EvaluationComparison(before: engine.evaluate(profiles[0]), after: engine.evaluate(profiles[1]))
        try output.emit(ComparisonRenderer(format: format).render(comparison, language: language), inputs: [before, after] + packFiles)
    }

    /// Why two profiles are not two assessments of one organisation in order: another name or
    /// kind, or the later assessment given first; `nil` when they are.
    static func mismatch(_ first: Profile, _ second: Profile) -> String? {
        if first.name != second.name || first.kind != second.kind {
            return "'\(first.name)' and '\(second.name)' are not the same organisation"
                + (first.kind != second.kind ? " (\(first.kind ?? "no kind") and \(second.kind ?? "no kind"))" : "")
        }
        if let earlier = first.assessedOn.flatMap(CivilDate.init(iso:)), let later = second.assessedOn.flatMap(CivilDate.init(iso:)), later < earlier {
            return "the first profile was assessed on \(earlier), after the second (\(later)): give the earlier one first"
        }
        return nil
    }
}

/// `--format` of `orgdiag diff` takes the comparison's formats by name.
extension ComparisonRenderer.Format: ExpressibleByArgument {}
