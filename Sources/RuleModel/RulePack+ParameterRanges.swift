extension RulePack {
    /// The range each numeric parameter must stay in because of the facts it is compared with: a
    /// parameter compared with a fact that has a range (a percentage: 0–100) takes the range of
    /// that fact, the narrowest when it meets several. A value outside it could never compare as
    /// meant (a threshold of 150 % for a percentage).
    public var parameterRanges: [String: ClosedRange<Double>] {
        var ranges: [String: ClosedRange<Double>] = [:]
        func meet(_ parameter: String, _ fact: String) {
            guard self.parameter(parameter) != nil, let range = self.fact(fact)?.range else { return }
            if let known = ranges[parameter] {
                let lower = Swift.max(known.lowerBound, range.lowerBound)
                let upper = Swift.min(known.upperBound, range.upperBound)
                if lower <= upper { ranges[parameter] = lower...upper }
            } else {
                ranges[parameter] = range
            }
        }
        let expressions = indicators.map(\.expression) + findings.flatMap(\.condition.expressions)
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
