import ArgumentParser
import Diagnostics
import Engine
import Reports
import RuleModel
import RuleTesting

/// `orgdiag explain`: why a diagnostic, indicator or recommendation came out as it did.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a diagnostic, an indicator or a recommendation for one profile.")

    @Argument(help: ArgumentHelp("The profile file (YAML); with --example, the id alone (the example's diagnostic by default).",
                                 valueName: "profile"))
    var profile: String?

    @Argument(help: ArgumentHelp("The id of a diagnostic, indicator, recommendation, strength, dimension, fact or parameter.",
                                 valueName: "id"))
    var id: String?

    @Option(help: ArgumentHelp("Explain for the profile of a diagnostic's example instead of a file: the Nth of its examples, counted from 1 through 'fires', then 'does_not_fire', then 'unknown'.",
                               valueName: "diagnostic:N"))
    var example: String?

    @OptionGroup var pack: PackOptions

    @OptionGroup var language: LanguageOption

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter of the pack.", valueName: "param=value"))
    var overrides: [ParameterOverride] = []

    func validate() throws {
        if example == nil, profile == nil || id == nil {
            throw ValidationError("expected a profile file and an id, or --example DIAGNOSTIC:N")
        }
        if example != nil, id != nil {
            throw ValidationError("with --example, give the id alone (the profile is the example's)")
        }
    }

    func run() throws {
        let rulePack = try pack.loadPack()
        let language = try language.resolve(for: rulePack)
        let values = try ParameterOverride.resolve(overrides, in: rulePack)
        let engine = try ReportSupport.engine(for: rulePack)
        let profile: Profile
        let id: String
        if let example {
            let chosen = try Self.example(example, in: rulePack)
            Terminal.standardOutput("\(chosen.name)\(chosen.location.map { " (\($0))" } ?? "")\n\n")
            profile = chosen.profile
            id = self.profile ?? chosen.diagnostic
        } else {
            switch ProfileInput.load(self.profile ?? "", pack: rulePack) {
            case .failure(let problems):
                Terminal.report(problems)
                throw ExitStatus.badInput
            case .success(let loaded):
                profile = loaded
            }
            id = self.id ?? ""
        }
        let evaluation = engine.evaluate(profile, overrides: values)
        let renderer = ExplanationRenderer(language: language)
        let explainer = Explainer(engine: engine, evaluation: evaluation)
        if let recommendation = rulePack.recommendation(id) {
            Terminal.standardOutput(renderer.render(recommendation: id, evaluation: evaluation,
                                                    inPlaceTree: recommendation.inPlaceWhen.map(explainer.tree(of:))))
        } else if let dimension = rulePack.dimension(id) {
            Terminal.standardOutput(renderer.render(dimension: id, evaluation: evaluation,
                                                    trees: dimension.levels.map { $0.criteria.map(explainer.tree(of:)) }))
        } else if let strength = rulePack.strengths.first(where: { $0.id == id }) {
            Terminal.standardOutput(renderer.render(strength: id, evaluation: evaluation, tree: explainer.tree(of: strength.condition)))
        } else if rulePack.fact(id) != nil {
            Terminal.standardOutput(renderer.render(fact: id, evaluation: evaluation, questions: engine.questions(for: evaluation)))
        } else if rulePack.parameter(id) != nil {
            Terminal.standardOutput(renderer.render(parameter: id, evaluation: evaluation))
        } else if let explanation = explainer.explain(id) {
            Terminal.standardOutput(renderer.render(explanation, evaluation: evaluation))
        } else {
            let known = rulePack.findings.map(\.id) + rulePack.indicators.map(\.id) + rulePack.recommendations.map(\.id)
                + rulePack.facts.map(\.id) + rulePack.parameters.map(\.id) + rulePack.strengths.map(\.id) + rulePack.dimensions.map(\.id)
            throw ExitStatus.usage("no diagnostic, indicator, recommendation, strength, dimension, fact or parameter '\(id)'\(Suggestion.didYouMean(id, among: known))")
        }
    }

    /// The example `DIAGNOSTIC:N` names: the Nth case of the diagnostic's examples, as `orgdiag
    /// test` runs them (fires, then does not fire, then stays unknown).
    private static func example(_ reference: String, in pack: RulePack) throws -> (name: String, diagnostic: String, profile: Profile,
                                                                                  location: SourceLocation?) {
        let parts = reference.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let number = Int(parts[1]), number >= 1 else {
            throw ExitStatus.usage("--example expects DIAGNOSTIC:N, N from 1 (got '\(reference)')")
        }
        guard pack.finding(parts[0]) != nil else {
            throw ExitStatus.usage("no diagnostic '\(parts[0])'\(Suggestion.didYouMean(parts[0], among: pack.findings.map(\.id)))")
        }
        let cases = RuleTestCase.examples(of: pack).filter { $0.origin == .example(diagnostic: parts[0]) }
        guard number <= cases.count else {
            throw ExitStatus.usage("'\(parts[0])' has \(cases.count) example\(cases.count == 1 ? "" : "s"); no example \(number)")
        }
        let chosen = cases[number - 1]
        return (chosen.name, parts[0], chosen.profile, chosen.location)
    }
}
