import Parallel
import RuleModel

/// Evaluates organisation profiles against a compiled pack. Pure and deterministic: the same pack,
/// profile and overrides always give the same evaluation.
public struct Engine: Sendable {
    /// The compiled pack.
    public let compiled: CompiledPack
    /// The same pack as flat instructions over typed registers: the fast path.
    let program: Program
    /// What every profile of one organisation kind starts from.
    struct KindSetup: Sendable {
        /// The constants, and the parameters at their value for the kind.
        let registers: Registers
        /// Which diagnostics concern the kind.
        let applies: [Bool]
    }

    /// The setup of each of the pack's organisation kinds, and of a profile without a kind.
    private let setups: [String: KindSetup]
    private let setupWithoutKind: KindSetup
    /// The identifier of the pack's catalogue, to use a profile's indexed facts.
    let catalogue: Int
    /// Each fact that is relevant only under a condition (`relevant_when`), with it compiled and
    /// the fact slots it reads.
    private let relevance: [(factID: String, condition: CompiledCondition, reads: Set<Int>)]
    /// Each recommendation that says when it is already in place (`in_place_when`), with it compiled.
    let inPlaceTests: [(recommendationID: String, condition: CompiledCondition)]
    /// Each strength's condition, compiled (pack order).
    private let strengthConditions: [CompiledCondition]
    /// Each dimension's levels' criteria, compiled (`nil` for a level without criteria).
    let levelCriteria: [[CompiledCondition?]]
    /// Each sized training's expressions, compiled, by recommendation id.
    private let trainingSizes: [String: (participants: CompiledExpression, groupSize: CompiledExpression, days: CompiledExpression)]
    /// The block evaluator's working memory, kept from one ``decide(_:chunks:overrides:)`` to the
    /// next (each block of registers is most of a megabyte for a pack of a few hundred rules, and
    /// setting one up cost a quarter of deciding a run of a batch window); a block is left as its
    /// last chunk left it, and every chunk resets what it reads. The blocks, two for each decision
    /// made at once, stay as long as the engine.
    let registerBlocks = ReusePool<RegisterBlock>()

    /// Compiles `pack` for evaluation.
    /// - Throws: ``EngineError`` for an unknown name or circular definitions.
    public init(pack: RulePack) throws(EngineError) {
        let compiled = try CompiledPack(pack)
        let program = ProgramCompiler.compile(compiled)
        self.compiled = compiled
        self.program = program
        setupWithoutKind = Self.setup(forKind: nil, compiled: compiled, program: program)
        setups = Dictionary(pack.metadata.organisationKinds.map { ($0, Self.setup(forKind: $0, compiled: compiled, program: program)) },
                            uniquingKeysWith: { first, _ in first })
        catalogue = IndexedFacts.identifier(of: pack.facts)
        let slot = compiled.slotLookup
        var relevance: [(factID: String, condition: CompiledCondition, reads: Set<Int>)] = []
        for fact in pack.facts {
            guard let condition = fact.relevantWhen else { continue }
            // The facts it reads, itself left out: a fact never waits for its own answer.
            let reads = compiled.factCone(of: condition.references).subtracting(compiled.slot(of: fact.id).map { [$0] } ?? [])
            relevance.append((fact.id, try CompiledCondition.compile(condition, slot: slot), reads))
        }
        self.relevance = relevance
        var inPlaceTests: [(recommendationID: String, condition: CompiledCondition)] = []
        for recommendation in pack.recommendations {
            guard let condition = recommendation.inPlaceWhen else { continue }
            inPlaceTests.append((recommendation.id, try CompiledCondition.compile(condition, slot: slot)))
        }
        self.inPlaceTests = inPlaceTests
        var strengthConditions: [CompiledCondition] = []
        for strength in pack.strengths {
            strengthConditions.append(try CompiledCondition.compile(strength.condition, slot: slot))
        }
        self.strengthConditions = strengthConditions
        var levelCriteria: [[CompiledCondition?]] = []
        for dimension in pack.dimensions {
            var compiledLevels: [CompiledCondition?] = []
            for level in dimension.levels {
                compiledLevels.append(try level.criteria.map { condition throws(EngineError) in
                    try CompiledCondition.compile(condition, slot: slot)
                })
            }
            levelCriteria.append(compiledLevels)
        }
        self.levelCriteria = levelCriteria
        var trainingSizes: [String: (participants: CompiledExpression, groupSize: CompiledExpression, days: CompiledExpression)] = [:]
        for recommendation in pack.recommendations {
            guard let sizing = recommendation.training else { continue }
            trainingSizes[recommendation.id] = (try CompiledExpression.compile(sizing.participants, slot: slot),
                                                try CompiledExpression.compile(sizing.groupSize, slot: slot),
                                                try CompiledExpression.compile(sizing.daysPerGroup, slot: slot))
        }
        self.trainingSizes = trainingSizes
    }

    /// The facts whose relevance condition is false for these slot values: they are not asked,
    /// nor listed as missing.
    func irrelevantFacts(_ slots: [RuntimeValue]) -> Set<String> {
        Set(relevance.filter { $0.condition.truth(slots) == .false }.map(\.factID))
    }

    /// The facts whose relevance is still unknown for these slot values, each with the fact slots
    /// its condition reads: such a fact waits for them when they are asked themselves.
    func factsOfUnknownRelevance(_ slots: [RuntimeValue]) -> [String: Set<Int>] {
        Dictionary(relevance.filter { $0.condition.truth(slots) == .unknown }.map { ($0.factID, $0.reads) }, uniquingKeysWith: { $0.union($1) })
    }

    private static func setup(forKind kind: String?, compiled: CompiledPack, program: Program) -> KindSetup {
        var registers = Registers(template: program.template)
        for (offset, parameter) in compiled.pack.parameters.enumerated() {
            program.store(parameter.value(forKind: kind), into: &registers, at: compiled.factCount + offset)
        }
        let profile = Profile(name: "", kind: kind)
        return KindSetup(registers: registers, applies: compiled.pack.findings.map { applies($0, to: profile) })
    }

    /// The setup for a profile's kind (computed on the spot for a kind the pack does not list).
    func setup(for profile: Profile) -> KindSetup { setup(forKind: profile.kind) }

    /// The setup for an organisation kind (computed on the spot for a kind the pack does not list).
    func setup(forKind kind: String?) -> KindSetup {
        guard let kind else { return setupWithoutKind }
        return setups[kind] ?? Self.setup(forKind: kind, compiled: compiled, program: program)
    }

    /// Evaluates a profile.
    /// - Parameters:
    ///   - profile: the organisation's facts.
    ///   - overrides: parameter values that replace the pack's (from the command line).
    public func evaluate(_ profile: Profile, overrides: [String: Value] = [:]) -> Evaluation {
        let pack = compiled.pack
        let slots = computeSlots(profile, overrides: overrides)
        let irrelevant = irrelevantFacts(slots)
        var outcomes: [FindingOutcome] = []
        for (index, rule) in pack.findings.enumerated() {
            let status: FindingOutcome.Status
            var missing: [String] = []
            if !Self.applies(rule, to: profile) {
                status = .notApplicable
            } else {
                switch slots[compiled.diagnosticSlots[index]].truth {
                case .true: status = .fired
                case .false: status = .notFired
                case .unknown:
                    status = .unknown
                    missing = compiled.missingFacts(in: compiled.factCones[index], slots: slots, irrelevant: irrelevant)
                }
            }
            outcomes.append(FindingOutcome(rule: rule, status: status, missingFacts: missing))
        }
        Self.markSuperseded(&outcomes)
        let inPlace = Dictionary(inPlaceTests.map { ($0.recommendationID, $0.condition.truth(slots)) }, uniquingKeysWith: { first, _ in first })
        let limit = compiled.slot(of: RulePack.roadmapLimitParameter).flatMap { slots[$0].value.flatMap(RulePack.roadmapLimit) }
        var evaluation = Evaluation(
            compiled: compiled, profile: profile, overrides: overrides, slots: slots, outcomes: outcomes,
            roadmap: RoadmapPlanner.plan(pack: pack, outcomes: outcomes, inPlace: Set(inPlace.filter { $0.value == .true }.keys),
                                         limit: limit),
            maturity: maturity(outcomes: outcomes, slots: slots, irrelevant: irrelevant))
        evaluation.irrelevantFacts = irrelevant
        evaluation.inPlaceTests = inPlace
        evaluation.strengths = zip(pack.strengths, strengthConditions).map { StrengthOutcome(strength: $0, truth: $1.truth(slots)) }
        evaluation.trainingPlan = trainingPlan(evaluation.roadmap, slots: slots, irrelevant: irrelevant)
        return evaluation
    }

    /// The roadmap's sized trainings: participants rounded to whole people, groups rounded up,
    /// trainer-days, and the cost at the pack's day rate (``RulePack/trainerDayRateParameter``).
    /// A size that cannot be computed (a fact missing, a group size below 1, a negative count)
    /// is left empty, never guessed.
    private func trainingPlan(_ roadmap: [RoadmapItem], slots: [RuntimeValue], irrelevant: Set<String>) -> [TrainingLine] {
        let rate: Double? = compiled.slot(of: RulePack.trainerDayRateParameter).flatMap {
            if case .number(let value) = slots[$0], value >= 0 { return value }
            return nil
        }
        return roadmap.compactMap { item in
            guard let size = trainingSizes[item.recommendation.id], let sizing = item.recommendation.training else { return nil }
            func number(_ expression: CompiledExpression) -> Double? {
                if case .number(let value) = expression.evaluate(slots), value.isFinite { return value }
                return nil
            }
            let participants = number(size.participants).flatMap { $0 >= 0 && $0 < 1e9 ? Int($0.rounded()) : nil }
            let groupSize = number(size.groupSize).flatMap { $0 >= 1 ? $0 : nil }
            let days = number(size.days).flatMap { $0 > 0 ? $0 : nil }
            var groups: Int?
            if let participants, let groupSize { groups = Int((Double(participants) / groupSize).rounded(.up)) }
            // Anything that overflows to infinity is no size (a day rate of 1e308 set on the command line).
            let trainerDays = groups.flatMap { groups in days.map { Double(groups) * $0 } }.flatMap { $0.isFinite ? $0 : nil }
            let cost = trainerDays.flatMap { days in rate.map { days * $0 } }.flatMap { $0.isFinite ? $0 : nil }
            let missing = compiled.missingFacts(in: compiled.factCone(of: sizing.expressions.flatMap(\.references)), slots: slots,
                                                irrelevant: irrelevant)
            return TrainingLine(recommendation: item.recommendation, participants: participants, groupSize: groupSize, groups: groups,
                                daysPerGroup: days, trainerDays: trainerDays, cost: cost,
                                missingFacts: missing, later: item.later)
        }
    }

    /// Marks each fired diagnostic that a fired diagnostic supersedes.
    static func markSuperseded(_ outcomes: inout [FindingOutcome]) {
        guard outcomes.contains(where: { !$0.rule.supersedes.isEmpty }) else { return }
        var coveredBy: [String: [String]] = [:]
        for outcome in outcomes where outcome.status == .fired {
            for id in outcome.rule.supersedes { coveredBy[id, default: []].append(outcome.rule.id) }
        }
        for index in outcomes.indices where outcomes[index].status == .fired {
            outcomes[index].supersededBy = (coveredBy[outcomes[index].rule.id] ?? []).sorted()
        }
    }

    /// The diagnostics that fire, and those left unknown, as indices into the pack's diagnostics
    /// (ascending, so in id order): the fast path for batches that need no explanation, roadmap
    /// or maturity.
    public func decide(_ profile: Profile, overrides: [String: Value] = [:]) -> (fired: [Int], unknown: [Int]) {
        let setup = setup(for: profile)
        let registers = run(profile, overrides: overrides, setup: setup)
        let applies = setup.applies
        var fired: [Int] = []
        var unknown: [Int] = []
        fired.reserveCapacity(64)
        for (index, slot) in compiled.diagnosticSlots.enumerated() where applies[index] {
            switch registers.truth(slot) {
            case .true: fired.append(index)
            case .unknown: unknown.append(index)
            case .false: break
            }
        }
        return (fired, unknown)
    }

    /// Runs the program for a profile: facts and parameters stored, every derivation computed.
    private func run(_ profile: Profile, overrides: [String: Value], setup: KindSetup) -> Registers {
        var registers = setup.registers
        if let codes = indexedCodes(of: profile) {
            for (index, code) in codes.enumerated() where code.kind != .missing {
                if let (tag, payload) = program.encoded(code, fact: index) {
                    registers.tags[index] = tag.rawValue
                    registers.payloads[index] = payload
                } else if let value = profile.indexedFacts?.values[index] {
                    program.store(value, into: &registers, at: index, fact: index)
                }
            }
        } else {
            for (index, fact) in compiled.pack.facts.enumerated() {
                if let value = profile.facts[fact.id] { program.store(value, into: &registers, at: index, fact: index) }
            }
        }
        if let date = profile.assessedOn { program.store(.string(date), into: &registers, at: compiled.assessmentDateSlot) }
        if !overrides.isEmpty {
            for (offset, parameter) in compiled.pack.parameters.enumerated() {
                if let value = overrides[parameter.id] { program.store(value, into: &registers, at: compiled.factCount + offset) }
            }
        }
        program.run(&registers, applies: setup.applies)
        return registers
    }

    /// The codes of the profile's facts by position in the pack, when the profile loader filled
    /// them for this pack (``IndexedFacts``); `nil` for a profile built otherwise.
    @inline(__always) func indexedCodes(of profile: Profile) -> [FactCode]? {
        guard let indexed = profile.indexedFacts, indexed.catalogue == catalogue, indexed.codes.count == compiled.factCount else {
            return nil
        }
        return indexed.codes
    }

    /// Every slot's value: facts, parameters, then indicators and diagnostics.
    func computeSlots(_ profile: Profile, overrides: [String: Value]) -> [RuntimeValue] {
        let registers = run(profile, overrides: overrides, setup: setup(for: profile))
        return (0..<compiled.slotCount).map { program.runtimeValue(registers, $0) }
    }

    /// The reference evaluation, one ``CompiledExpression`` tree per derivation: the semantics the
    /// fast program must reproduce (a test compares them on random profiles).
    func referenceSlots(_ profile: Profile, overrides: [String: Value]) -> [RuntimeValue] {
        let pack = compiled.pack
        var slots = [RuntimeValue](repeating: .unknown, count: compiled.slotCount)
        for (index, fact) in pack.facts.enumerated() {
            if let value = profile.facts[fact.id] { slots[index] = RuntimeValue(value) }
        }
        for (offset, parameter) in pack.parameters.enumerated() {
            slots[compiled.factCount + offset] = RuntimeValue(overrides[parameter.id] ?? parameter.value(forKind: profile.kind))
        }
        if let date = profile.assessedOn { slots[compiled.assessmentDateSlot] = .string(date) }
        for derivation in compiled.derivations {
            if case .finding(let index) = derivation.subject, !Self.applies(pack.findings[index], to: profile) {
                // A diagnostic that does not concern this kind of organisation reads as false.
                slots[derivation.slot] = .bool(false)
                continue
            }
            slots[derivation.slot] = derivation.expression.evaluate(slots)
        }
        return slots
    }

    /// The decision of the reference tree evaluator (``referenceSlots(_:overrides:)``): the
    /// diagnostics that fire and those left unknown, as ``decide(_:overrides:)`` gives them. For
    /// the fuzz target that holds the fast evaluators to it.
    @_spi(Reference) public func referenceDecide(_ profile: Profile, overrides: [String: Value] = [:]) -> (fired: [Int], unknown: [Int]) {
        let slots = referenceSlots(profile, overrides: overrides)
        var fired: [Int] = []
        var unknown: [Int] = []
        for (index, rule) in compiled.pack.findings.enumerated() where Self.applies(rule, to: profile) {
            switch slots[compiled.diagnosticSlots[index]].truth {
            case .true: fired.append(index)
            case .unknown: unknown.append(index)
            case .false: break
            }
        }
        return (fired, unknown)
    }

    /// Whether `rule` concerns an organisation of the profile's kind (`applies_to`); one of an
    /// unknown kind is concerned by all.
    public static func applies(_ rule: FindingRule, to profile: Profile) -> Bool {
        guard let kinds = rule.appliesTo else { return true }
        guard let kind = profile.kind else { return true }
        return kinds.contains(kind)
    }

    /// The numbers the values tried for a numeric fact are built around: the pack's, and those
    /// set on the command line, ascending.
    func thresholds(overrides: [String: Value]) -> [Double] {
        var values = Set(compiled.numericConstants)
        for case .number(let number) in overrides.values { values.insert(number) }
        return values.sorted()
    }

    /// The dates the values tried for a date fact are built around: the pack's texts, the
    /// assessment's date and the profile's dates.
    func dateTexts(_ slots: [RuntimeValue]) -> [String] {
        var texts = compiled.textConstants
        for (index, fact) in compiled.pack.facts.enumerated() where fact.type == .date {
            if case .string(let text) = slots[index] { texts.append(text) }
        }
        if case .string(let text) = slots[compiled.assessmentDateSlot] { texts.append(text) }
        return texts
    }

    /// The questions worth asking next for an evaluation this engine made: the missing facts whose
    /// answer can decide an undecided diagnostic or in-place test, most decisive first
    /// (``QuestionRanker``). Computed on demand: it re-runs the pack for the values it tries.
    public func questions(for evaluation: Evaluation) -> [MissingFact] {
        QuestionRanker.rank(evaluation, engine: self)
    }

    /// Each dimension's level: the highest whose criteria and those of every lower level hold,
    /// climbing from level 1 and stopping at the first level whose criteria do not hold (the level
    /// below it) or cannot be told (not assessed, with the facts that would decide it).
    private func maturity(outcomes: [FindingOutcome], slots: [RuntimeValue], irrelevant: Set<String>) -> [DimensionMaturity] {
        zip(compiled.pack.dimensions, levelCriteria).map { dimension, criteria in
            let own = outcomes.filter { $0.rule.dimension == dimension.id && $0.status != .notApplicable }
            var level: Int? = dimension.levels.isEmpty ? nil : dimension.levels.count
            var atLeast = dimension.levels.isEmpty ? 0 : dimension.levels.count
            var missing: [String] = []
            var blockers: [Expression] = []
            for (index, condition) in criteria.enumerated() where index > 0 {
                let truth = condition?.truth(slots) ?? .true
                if truth == .true { continue }
                atLeast = index
                if truth == .false {
                    level = index
                    blockers = condition?.leaves(blocking: slots) ?? []
                } else {
                    level = nil
                    missing = compiled.missingFacts(in: compiled.factCone(of: dimension.levels[index].criteria?.references ?? []),
                                                    slots: slots, irrelevant: irrelevant)
                }
                break
            }
            return DimensionMaturity(dimension: dimension, level: level, atLeast: atLeast, missingFacts: missing, blockers: blockers,
                                     fired: own.filter(\.isShown).map(\.rule.id).sorted(),
                                     decided: own.filter { $0.status == .fired || $0.status == .notFired }.count,
                                     applicable: own.count)
        }
    }

}
