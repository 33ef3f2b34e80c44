import ArgumentParser
import Engine
import Reports
import Diagnostics
import RuleModel

/// `orgdiag explain`: why a diagnostic, indicator or recommendation came out as it did.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a diagnostic, an indicator or a recommendation for one profile.")

    @Argument(help: ArgumentHelp("The profile file (YAML).", valueName: "profile"))
    var profile: String

    @Argument(help: ArgumentHelp("The id of a diagnostic, indicator or recommendation.", valueName: "id"))
    var id: String

    @OptionGroup var pack: PackOptions

    @OptionGroup var language: LanguageOption

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter of the pack.", valueName: "param=value"))
    var overrides: [ParameterOverride] = []

    func run() throws {
        let rulePack = try pack.loadPack()
        let language = try language.resolve(for: rulePack)
        let values = try ParameterOverride.resolve(overrides, in: rulePack)
        let engine = try ReportSupport.engine(for: rulePack)
        let profile: Profile
        switch ProfileInput.load(self.profile, pack: rulePack) {
        case .failure(let problems):
            Terminal.report(problems)
            throw ExitStatus.badInput
        case .success(let loaded):
            profile = loaded
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
}
