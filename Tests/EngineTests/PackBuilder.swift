import RuleModel
@testable import Engine

/// Small packs built in Swift: the engine never sees YAML.
enum PackBuilder {
    static func expression(_ text: String) -> Expression {
        do {
            return try ExpressionParser.parse(text)
        } catch {
            fatalError("bad test expression '\(text)': \(error)")
        }
    }

    static func diagnostic(_ id: String, _ condition: String, severity: RuleSeverity = .high, dimension: String? = "structure",
                           recommend: [String] = [], appliesTo: [String]? = nil) -> FindingRule {
        FindingRule(id: id, dimension: dimension, severity: severity, appliesTo: appliesTo, condition: .expression(expression(condition)),
                       recommend: recommend)
    }

    /// A pack with numeric facts a, b, c, an enum e, a set s and a boolean f.
    static func pack(diagnostics: [FindingRule] = [], indicators: [String: String] = [:],
                     recommendations: [Recommendation] = [], parameters: [Parameter] = []) -> RulePack {
        RulePack(
            metadata: .init(id: "test", organisationKinds: ["caf", "metropole"]),
            facts: [
                FactDefinition(id: "a", type: .integer, range: 0...100, dimension: "structure"),
                FactDefinition(id: "b", type: .number),
                FactDefinition(id: "c", type: .number),
                FactDefinition(id: "e", type: .enumeration, values: ["none", "partial", "broad"]),
                FactDefinition(id: "s", type: .set, values: ["phone", "desk", "web"]),
                FactDefinition(id: "f", type: .boolean),
            ],
            parameters: parameters,
            indicators: indicators.map { Indicator(id: $0.key, expression: expression($0.value)) },
            findings: diagnostics, recommendations: recommendations,
            dimensions: [Dimension(id: "structure"), Dimension(id: "service")])
    }

    static func evaluate(_ condition: String, _ facts: [String: Value], indicators: [String: String] = [:]) throws -> FindingOutcome.Status {
        let engine = try Engine(pack: pack(diagnostics: [diagnostic("d", condition)], indicators: indicators))
        return engine.evaluate(Profile(name: "p", facts: facts)).outcome(of: "d")!.status
    }
}
