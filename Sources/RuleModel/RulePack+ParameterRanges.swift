extension RulePack {
    /// Every condition a pack evaluates besides its indicators: its diagnostics' conditions, its
    /// facts' relevance, its recommendations' in-place tests, its strengths and its maturity
    /// levels' criteria.
    public static func conditions(facts: [FactDefinition], findings: [FindingRule], recommendations: [Recommendation],
                                  strengths: [Strength], dimensions: [Dimension]) -> [Condition] {
        findings.map(\.condition) + facts.compactMap(\.relevantWhen) + recommendations.compactMap(\.inPlaceWhen)
            + strengths.map(\.condition) + dimensions.flatMap { $0.levels.compactMap(\.criteria) }
    }

    /// Every expression of a pack: its indicators' formulas, its trainings' sizes and the leaves of its ``conditions(facts:findings:recommendations:strengths:dimensions:)``.
    /// The one list the checks that look at all expressions read.
    public static func expressions(facts: [FactDefinition], indicators: [Indicator], findings: [FindingRule],
                                   recommendations: [Recommendation], strengths: [Strength], dimensions: [Dimension]) -> [Expression] {
        indicators.map(\.expression) + recommendations.flatMap { $0.training?.expressions ?? [] }
            + conditions(facts: facts, findings: findings, recommendations: recommendations, strengths: strengths,
                         dimensions: dimensions).flatMap(\.expressions)
    }

    /// Every expression of this pack (``expressions(facts:indicators:findings:recommendations:strengths:dimensions:)``).
    public var expressions: [Expression] {
        Self.expressions(facts: facts, indicators: indicators, findings: findings, recommendations: recommendations,
                         strengths: strengths, dimensions: dimensions)
    }

    /// The range each numeric parameter must stay in because of the facts it is compared with: a
    /// parameter compared with a fact that has a range (a percentage: 0–100) takes the range of
    /// that fact, the narrowest when it meets several. A value outside it could never compare as
    /// meant (a threshold of 150 % for a percentage).
    public var parameterRanges: [String: ClosedRange<Double>] {
        Self.parameterRanges(facts: facts, parameters: Set(parameters.map(\.id)), expressions: expressions)
    }

    /// The ranges of ``parameterRanges`` for `parameters` (ids), from the facts and the
    /// expressions that compare them, before a pack is built (the loader's checks).
    public static func parameterRanges(facts: [FactDefinition], parameters: Set<String>,
                                       expressions: [Expression]) -> [String: ClosedRange<Double>] {
        let factRanges = Dictionary(facts.compactMap { fact in fact.range.map { (fact.id, $0) } }, uniquingKeysWith: { first, _ in first })
        var ranges: [String: ClosedRange<Double>] = [:]
        func meet(_ parameter: String, _ fact: String) {
            guard parameters.contains(parameter), let range = factRanges[fact] else { return }
            if let known = ranges[parameter] {
                let lower = Swift.max(known.lowerBound, range.lowerBound)
                let upper = Swift.min(known.upperBound, range.upperBound)
                if lower <= upper { ranges[parameter] = lower...upper }
            } else {
                ranges[parameter] = range
            }
        }
        for expression in expressions {
            expression.visit { node in
                var pairs: [(Expression, Expression)] = []
                switch node.kind {
                case .comparison(_, let lhs, let rhs): pairs = [(lhs, rhs)]
                case .between(let value, let low, let high): pairs = [(value, low), (value, high)]
                default: return
                }
                for (a, b) in pairs {
                    if case .reference(let left) = a.kind, case .reference(let right) = b.kind {
                        meet(left, right)
                        meet(right, left)
                    }
                }
            }
        }
        return ranges
    }
}
