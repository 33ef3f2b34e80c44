import RuleModel

/// A rule pack compiled for evaluation: every name resolved to a slot, indicators and diagnostics
/// in dependency order, conditions compiled. Built once, used for any number of profiles.
public struct CompiledPack: Sendable {
    /// Something computed from other slots: an indicator or a diagnostic's condition.
    struct Derivation: Sendable {
        enum Subject: Sendable {
            case indicator(Int)
            case finding(Int)
        }
        let subject: Subject
        let slot: Int
        let expression: CompiledExpression
    }

    /// The pack as written.
    public let pack: RulePack
    /// Slot of every fact, parameter, indicator and diagnostic, by id.
    let slots: [String: Int]
    let factCount: Int
    let slotCount: Int
    /// The slot of the assessment's date (``RulePack/assessmentDateName``), after the parameters.
    let assessmentDateSlot: Int
    /// Indicators and diagnostics, each after everything it reads.
    let derivations: [Derivation]
    /// For each diagnostic (pack order), the fact slots its outcome depends on, directly or not.
    let factCones: [[Int]]
    /// For each indicator and diagnostic, by id, the fact slots it depends on, directly or not.
    private let derivedCones: [String: Set<Int>]
    /// Every number the pack's expressions and parameters hold, ascending: the thresholds the
    /// explainer and the question ranking try values around.
    let numericConstants: [Double]
    /// Every text the pack's expressions and parameters hold, sorted.
    let textConstants: [String]
    /// For each diagnostic (pack order), its slot.
    let diagnosticSlots: [Int]

    /// Compiles a pack.
    /// - Throws: ``EngineError`` for an id defined twice, an unknown name or circular definitions.
    public init(_ pack: RulePack) throws(EngineError) {
        self.pack = pack
        var seen = Set<String>()
        for id in pack.facts.map(\.id) + pack.parameters.map(\.id) + pack.indicators.map(\.id) + pack.findings.map(\.id)
        where !seen.insert(id).inserted {
            throw EngineError.duplicateID(id)
        }
        var slots: [String: Int] = [:]
        for fact in pack.facts { slots[fact.id] = slots.count }
        factCount = pack.facts.count
        for parameter in pack.parameters { slots[parameter.id] = slots.count }
        assessmentDateSlot = slots.count
        slots[RulePack.assessmentDateName] = assessmentDateSlot

        // Order indicators and diagnostics so that each comes after what it reads.
        var references: [String: [String]] = [:]
        for indicator in pack.indicators { references[indicator.id] = indicator.expression.references }
        for finding in pack.findings { references[finding.id] = finding.condition.references }
        let order: [String]
        do { order = try DependencyOrder.sorted(references) } catch { throw EngineError.cycle(error.members) }
        for id in order { slots[id] = slots.count }
        self.slots = slots
        slotCount = slots.count

        var derivations: [Derivation] = []
        let indicatorIndex = pack.indicators.positions(by: { $0.id })
        let diagnosticIndex = pack.findings.positions(by: { $0.id })
        for id in order {
            if let index = indicatorIndex[id] {
                let expression = try CompiledExpression.compile(pack.indicators[index].expression) { slots[$0] }
                derivations.append(Derivation(subject: .indicator(index), slot: slots[id]!, expression: expression))
            } else if let index = diagnosticIndex[id] {
                let expression = try Self.compile(pack.findings[index].condition) { slots[$0] }
                derivations.append(Derivation(subject: .finding(index), slot: slots[id]!, expression: expression))
            }
        }
        self.derivations = derivations

        var cones: [String: Set<Int>] = [:]
        for id in order {
            var cone = Set<Int>()
            for name in references[id] ?? [] {
                if let slot = slots[name], slot < factCount { cone.insert(slot) }
                cone.formUnion(cones[name] ?? [])
            }
            cones[id] = cone
        }
        factCones = pack.findings.map { (cones[$0.id] ?? []).sorted() }
        derivedCones = cones

        var numbers = Set<Double>()
        var texts = Set<String>()
        for expression in pack.expressions {
            expression.visit { node in
                switch node.kind {
                case .literal(.number(let value)): numbers.insert(value)
                case .literal(.string(let text)): texts.insert(text)
                default: break
                }
            }
        }
        for parameter in pack.parameters {
            for (_, value) in parameter.allValues {
                switch value {
                case .number(let number): numbers.insert(number)
                case .string(let text): texts.insert(text)
                default: break
                }
            }
        }
        numericConstants = numbers.sorted()
        textConstants = texts.sorted()
        diagnosticSlots = pack.findings.map { slots[$0.id]! }
    }

    /// The slot of a name, if the pack defines it.
    func slot(of id: String) -> Int? { slots[id] }

    /// ``slot(of:)`` as a function holding the table of slots alone, for the compilers: a
    /// reference to the method, or a closure calling it, copied the whole compiled pack at every
    /// call (every field retained and released: a twentieth of a report's instructions).
    var slotLookup: (String) -> Int? { { [slots] in slots[$0] } }

    /// The fact slots a condition or expression reading `references` depends on, directly or
    /// through indicators and diagnostics.
    func factCone(of references: [String]) -> Set<Int> {
        var cone = Set<Int>()
        for name in references {
            if let slot = slots[name], slot < factCount { cone.insert(slot) }
            cone.formUnion(derivedCones[name] ?? [])
        }
        return cone
    }

    /// The facts of `cone` (fact slots) the profile leaves unknown and that are relevant to it,
    /// by id: what a finding, a level or a training size still needs.
    func missingFacts(in cone: some Sequence<Int>, slots: [RuntimeValue], irrelevant: Set<String>) -> [String] {
        let facts = pack.facts
        return cone.filter { !slots[$0].isKnown }.sorted().map { facts[$0].id }.filter { !irrelevant.contains($0) }
    }

    /// The fact id at a fact slot.
    func factID(atSlot slot: Int) -> String { pack.facts[slot].id }

    private static func compile(_ condition: Condition, slot: (String) -> Int?) throws(EngineError) -> CompiledExpression {
        func fold(_ parts: [Condition], _ combine: (CompiledExpression, CompiledExpression) -> CompiledExpression,
                  empty: Bool) throws(EngineError) -> CompiledExpression {
            var result: CompiledExpression?
            for part in parts {
                let compiled = try compile(part, slot: slot)
                result = result.map { combine($0, compiled) } ?? compiled
            }
            return result ?? .constant(.bool(empty))
        }
        switch condition {
        case .expression(let expression): return try CompiledExpression.compile(expression, slot: slot)
        case .all(let parts, _): return try fold(parts, CompiledExpression.and, empty: true)
        case .any(let parts, _): return try fold(parts, CompiledExpression.or, empty: false)
        case .none(let parts, _): return .not(try fold(parts, CompiledExpression.or, empty: false))
        case .not(let part, _): return .not(try compile(part, slot: slot))
        }
    }
}
