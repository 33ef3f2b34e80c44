import RuleModel

/// Builds explanations from an evaluation: condition trees with values, derivations of indicators,
/// and the smallest single-fact changes that would change a diagnostic's outcome.
public struct Explainer: Sendable {
    let engine: Engine
    let evaluation: Evaluation

    /// Creates an explainer for an evaluation made by `engine`.
    public init(engine: Engine, evaluation: Evaluation) {
        self.engine = engine
        self.evaluation = evaluation
    }

    /// Explains the diagnostic or indicator `id`; `nil` when the pack has neither with that id.
    public func explain(_ id: String) -> Explanation? {
        let pack = evaluation.pack
        if let rule = pack.finding(id) {
            let outcome = evaluation.outcome(of: id)!
            return Explanation(subject: id, tree: node(rule.condition), derivations: derivations(rule.condition.references),
                               outcome: outcome.status,
                               changes: outcome.status == .notApplicable ? [] : changes(for: rule, from: outcome.status))
        }
        if let indicator = pack.indicator(id) {
            return Explanation(subject: id, tree: node(indicator.expression),
                               derivations: derivations([id]), outcome: nil, changes: [])
        }
        return nil
    }

    /// The tree of any condition of the pack (an in-place test, a strength) with the values of
    /// this evaluation.
    public func tree(of condition: Condition) -> Explanation.Node { node(condition) }

    // MARK: Trees

    private func node(_ condition: Condition) -> Explanation.Node {
        let value = RuntimeValue.fromTruth(truth(condition))
        switch condition {
        case .expression(let expression): return node(expression)
        case .all(let parts, _): return Explanation.Node(kind: .all, value: value, children: parts.map(node))
        case .any(let parts, _): return Explanation.Node(kind: .any, value: value, children: parts.map(node))
        case .none(let parts, _): return Explanation.Node(kind: .none, value: value, children: parts.map(node))
        case .not(let part, _): return Explanation.Node(kind: .not, value: value, children: [node(part)])
        }
    }

    private func node(_ expression: Expression) -> Explanation.Node {
        let value = evaluate(expression)
        switch expression.kind {
        case .and(let lhs, let rhs):
            return Explanation.Node(kind: .all, value: value, children: [node(lhs), node(rhs)])
        case .or(let lhs, let rhs):
            return Explanation.Node(kind: .any, value: value, children: [node(lhs), node(rhs)])
        case .not(let operand):
            return Explanation.Node(kind: .not, value: value, children: [node(operand)])
        default:
            return Explanation.Node(kind: .expression(annotated(expression)), value: value, children: [])
        }
    }

    private func truth(_ condition: Condition) -> Truth {
        switch condition {
        case .expression(let expression): return evaluate(expression).truth
        case .all(let parts, _): return parts.reduce(Truth.true) { $0 && truth($1) }
        case .any(let parts, _): return parts.reduce(Truth.false) { $0 || truth($1) }
        case .none(let parts, _): return !parts.reduce(Truth.false) { $0 || truth($1) }
        case .not(let part, _): return !truth(part)
        }
    }

    /// Evaluates a sub-expression against the evaluation's values.
    private func evaluate(_ expression: Expression) -> RuntimeValue {
        guard let compiled = try? CompiledExpression.compile(expression, slot: engine.compiled.slotLookup) else {
            return .unknown
        }
        return compiled.evaluate(evaluation.slots)
    }

    /// The expression with each name followed by its value: `hierarchy_levels (8) > max_levels (5)`.
    private func annotated(_ expression: Expression) -> String {
        let names = Set(expression.references)
        return replacingNames(in: expression.description) { name in
            guard names.contains(name) else { return nil }
            let value = evaluation.value(of: name)
            return "\(name) (\(value.isKnown ? value.description : "?"))"
        }
    }

    /// How each indicator among `names`, and the indicators they read, was computed, in dependency order.
    private func derivations(_ names: [String]) -> [Explanation.Derivation] {
        let pack = evaluation.pack
        let indicators = Dictionary(pack.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // The compiled pack has no cycle, so the order always exists.
        let order = (try? DependencyOrder.order(from: names, references: indicators.mapValues(\.expression.references))) ?? []
        return order.compactMap { name in
            guard let indicator = indicators[name] else { return nil }
            let references = Set(indicator.expression.references)
            let substituted = replacingNames(in: indicator.expression.description) { name in
                references.contains(name) ? evaluation.value(of: name).plainText : nil
            }
            let value = evaluation.value(of: name)
            return Explanation.Derivation(indicator: name, formula: indicator.expression.description, substituted: substituted,
                                          value: value, reason: value.isKnown ? nil : reasonForUnknown(indicator.expression))
        }
    }

    /// Why an expression that evaluates to unknown has no value: the first unknown name it reads,
    /// a division by zero, an overflow, or a function of an empty list.
    func reasonForUnknown(_ expression: Expression) -> Explanation.UnknownReason? {
        guard !evaluate(expression).isKnown else { return nil }
        for child in expression.children {
            if let reason = reasonForUnknown(child) { return reason }
        }
        switch expression.kind {
        case .reference(let name):
            return .unknownName(name)
        case .arithmetic(.divide, _, let divisor) where evaluate(divisor) == .number(0):
            return .divisionByZero
        case .arithmetic:
            return .tooLarge
        case .call(let function, _):
            return function.unknownReason != nil ? .emptyList(function: function.name) : nil
        default:
            return nil
        }
    }

    /// Replaces whole identifiers of `text` found in `replacements`; quoted text is left alone.
    private func replacingNames(in text: String, _ replacements: (String) -> String?) -> String {
        var result = ""
        var word = ""
        var quote: Character?
        func flush() {
            result += replacements(word) ?? word
            word = ""
        }
        for character in text {
            if let open = quote {
                result.append(character)
                if character == open { quote = nil }
            } else if character.isLetter || character.isNumber || character == "_" {
                word.append(character)
            } else {
                flush()
                if character == "'" || character == "\"" { quote = character }
                result.append(character)
            }
        }
        flush()
        return result
    }

    // MARK: Changes

    /// For each fact the diagnostic depends on, the value closest to the current one that gives
    /// another outcome, found by trying the thresholds of the pack and bisecting towards them.
    private func changes(for rule: FindingRule, from base: FindingOutcome.Status) -> [Explanation.Change] {
        let compiled = engine.compiled
        guard let index = compiled.pack.findings.firstIndex(where: { $0.id == rule.id }) else { return [] }
        let thresholds = engine.thresholds(overrides: evaluation.overrides)
        let dates = engine.dateTexts(evaluation.slots)
        var found: [(change: Explanation.Change, distance: Double)] = []
        for factSlot in compiled.factCones[index] {
            let fact = compiled.pack.facts[factSlot]
            let current = evaluation.slots[factSlot]
            var best: (value: Value, status: FindingOutcome.Status, distance: Double)?
            for candidate in fact.type.candidates(for: fact, current: current, thresholds: thresholds, texts: dates) {
                var status = outcome(of: rule, with: fact.id, set: candidate)
                var value = candidate
                // The outcome without a change is the evaluation's: no need to run the pack again.
                guard status != base else { continue }
                if case .number(let target) = candidate, case .number(let start) = current {
                    (value, status) = bisect(rule, fact: fact, from: start, to: target, status: status)
                }
                let distance = Self.distance(from: current, to: value, fact: fact)
                if best == nil || distance < best!.distance { best = (value, status, distance) }
            }
            if let best {
                found.append((Explanation.Change(factID: fact.id, from: current, to: best.value, outcome: best.status), best.distance))
            }
        }
        return found.sorted { ($0.distance, $0.change.factID) < ($1.distance, $1.change.factID) }.map(\.change)
    }

    private func outcome(of rule: FindingRule, with factID: String?, set value: Value?) -> FindingOutcome.Status {
        var profile = evaluation.profile
        if let factID, let value { profile.facts[factID] = value }
        let slots = engine.computeSlots(profile, overrides: evaluation.overrides)
        switch slots[engine.compiled.slot(of: rule.id)!].truth {
        case .true: return .fired
        case .false: return .notFired
        case .unknown: return .unknown
        }
    }

    /// Narrows a numeric change down to the value closest to `start` that still gives `status`.
    private func bisect(_ rule: FindingRule, fact: FactDefinition, from start: Double, to target: Double,
                        status: FindingOutcome.Status) -> (Value, FindingOutcome.Status) {
        var near = start
        var far = target
        let step = fact.type.step ?? 0.01
        for _ in 0..<40 where abs(far - near) > step {
            var middle = (near + far) / 2
            middle = step == 1 ? middle.rounded() : (middle * 100).rounded() / 100
            if middle == near || middle == far { break }
            if outcome(of: rule, with: fact.id, set: .number(middle)) == status { far = middle } else { near = middle }
        }
        return (.number(far), status)
    }

    /// How big a change is, relative to the current value (or the range when it is zero), so facts compare.
    private static func distance(from current: RuntimeValue, to value: Value, fact: FactDefinition) -> Double {
        // Dates: a day is a small step, a year a big one.
        if case .string(let text) = value, let target = CivilDate(iso: text),
           case .string(let now) = current, let start = CivilDate(iso: now) {
            return Double(Swift.abs(target.daysSince1970 - start.daysSince1970)) / 365
        }
        guard case .number(let target) = value else { return current.isKnown ? 1 : 2 }
        guard case .number(let now) = current else { return 2 }
        // Relative to the current value: going from 8 to 6 levels is a bigger step than from 420 to 430 staff.
        let scale = now != 0 ? abs(now) : fact.range.map { max($0.upperBound - $0.lowerBound, 1) } ?? 1
        return abs(target - now) / scale
    }
}

extension RuntimeValue {
    static func fromTruth(_ truth: Truth) -> RuntimeValue {
        switch truth {
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .unknown: return .unknown
        }
    }
}
