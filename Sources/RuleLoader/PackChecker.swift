import Diagnostics
import RuleModel
import YAML

/// The stages after `structure` (see ``PackCheck/Stage``): identifiers, references, cycles,
/// types, examples, translations and usage, run in the order of ``stages``.
struct PackChecker {
    /// One stage: what it checks, when it runs, and how.
    struct StageRun {
        let stage: PackCheck.Stage
        /// Whether it runs, given what the earlier stages found.
        let runs: @Sendable (PackChecker) -> Bool
        let body: @Sendable (inout PackChecker) -> Void
    }

    /// The stages, in order, as OPA's compiler keeps its stages: a table, not inline calls.
    static let stages: [StageRun] = [
        StageRun(stage: .identifiers, runs: { _ in true }, body: { $0.checkIdentifiers() }),
        StageRun(stage: .references, runs: { _ in true }, body: { $0.namesResolve = $0.checkReferences() }),
        StageRun(stage: .cycles, runs: { _ in true }, body: { $0.acyclic = $0.checkCycles() }),
        // Types only when every name resolves and nothing is circular: otherwise each unknown name
        // would be reported again as a type error.
        StageRun(stage: .types, runs: { $0.namesResolve && $0.acyclic }, body: { $0.checkTypes() }),
        StageRun(stage: .examples, runs: { _ in true }, body: { $0.decodeExamples() }),
        StageRun(stage: .translations, runs: { _ in true }, body: { $0.checkTranslations() }),
        // Usage warnings would be noise while a file could not be read: what it uses is unknown.
        StageRun(stage: .usage, runs: { $0.checksUsage }, body: { $0.checkUsage() }),
    ]

    var draft: PackDraft
    /// Whether to run the `usage` stage (only when every file could be read).
    let checksUsage: Bool
    var diagnostics: [Diagnostic] = []
    /// What the `references` stage found: every name in every expression resolves.
    private(set) var namesResolve = true
    /// What the `cycles` stage found: no indicator or diagnostic depends on itself.
    private(set) var acyclic = true

    init(draft: PackDraft, checksUsage: Bool) {
        self.draft = draft
        self.checksUsage = checksUsage
    }

    mutating func run() {
        for stage in Self.stages where stage.runs(self) { stage.body(&self) }
    }

    // MARK: identifiers

    fileprivate mutating func checkIdentifiers() {
        var first: [String: (what: String, location: SourceLocation?)] = [:]
        func claim(_ id: String, _ what: String, _ location: SourceLocation?, namespace: String) {
            let key = namespace + ":" + id
            if let previous = first[key] {
                diagnostics.append(PackCheck.duplicateID.diagnostic("'\(id)' is already defined as a \(previous.what)", at: location,
                                          notes: [.init("first definition of '\(id)'", at: previous.location)]))
            } else {
                first[key] = (what, location)
            }
        }
        for fact in draft.facts { claim(fact.id, "fact", fact.location, namespace: "name") }
        for parameter in draft.parameters { claim(parameter.id, "parameter", parameter.location, namespace: "name") }
        for indicator in draft.indicators { claim(indicator.id, "indicator", indicator.location, namespace: "name") }
        for finding in draft.findings { claim(finding.id, "diagnostic", finding.location, namespace: "name") }
        for recommendation in draft.recommendations {
            claim(recommendation.id, "recommendation", recommendation.location, namespace: "recommendation")
        }
        for dimension in draft.dimensions { claim(dimension.id, "dimension", dimension.location, namespace: "dimension") }
        for stage in draft.stages { claim(stage.id, "stage", stage.location, namespace: "stage") }
        for theme in draft.themes { claim(theme.id, "theme", theme.location, namespace: "theme") }
        for strength in draft.strengths { claim(strength.id, "strength", strength.location, namespace: "strength") }
    }

    // MARK: references

    private var names: [String] {
        draft.facts.map(\.id) + draft.parameters.map(\.id) + draft.indicators.map(\.id) + draft.findings.map(\.id)
    }

    /// Returns whether every name in every expression resolves.
    fileprivate mutating func checkReferences() -> Bool {
        let known = Set(names + [RulePack.assessmentDateName])
        // Names whose entries failed are declared all the same: their uses are no new error, but
        // the types stage cannot run over them.
        let broken = draft.brokenNames.subtracting(known)
        var readsBrokenName = false
        // The first fact (in catalogue order) declaring each word.
        var wordOwners: [String: String] = [:]
        for fact in draft.facts where fact.type.takesValues {
            for word in fact.values where wordOwners[word] == nil { wordOwners[word] = fact.id }
        }
        let before = diagnostics.count
        let expressions = draft.expressions
        for expression in expressions {
            expression.visit { node in
                guard case .reference(let name) = node.kind, !known.contains(name) else { return }
                if broken.contains(name) {
                    readsBrokenName = true
                    return
                }
                if let owner = wordOwners[name] {
                    // An enum or set word written without quotes reads as a name.
                    var problem = PackCheck.unknownName.diagnostic(
                        "unknown name '\(name)'; '\(name)' is a value of '\(owner)': write it quoted, '\(name)'", at: node.location)
                    if let location = node.location { problem.fixIts.append(FixIt("quote it", replacing: location, with: "'\(name)'")) }
                    diagnostics.append(problem)
                    return
                }
                diagnostics.append(PackCheck.unknownName.diagnostic("unknown name '\(name)'", at: node.location)
                    .suggesting(Suggestion.hint(for: name, among: known)))
            }
        }
        let nameErrors = diagnostics.count > before
        func checkPlaceholders(_ because: LocalizedText?, of id: String, origins: [String: TextOrigin]?, location: SourceLocation?) {
            for (language, template) in because?.translations.sorted(by: { $0.key < $1.key }) ?? [] {
                let sentence = SentenceTemplate(template)
                // At the placeholder itself when the text's characters can be located.
                func place(_ range: Range<Int>) -> SourceLocation? {
                    origins?[language]?.location(from: range.lowerBound, to: range.upperBound) ?? location
                }
                for (message, range) in sentence.problems {
                    diagnostics.append(PackCheck.invalidPlaceholder.diagnostic("'because' of '\(id)': \(message)", at: place(range)))
                }
                // A `select` chooses by a word: a boolean fact's or a diagnostic's true or false, an
                // enumeration's values; a form for a word the name never takes would never be written.
                for case .placeholder(let name, .select(let forms, _)?, let range) in sentence.segments {
                    let words: [String]
                    if let fact = draft.facts.first(where: { $0.id == name }) {
                        switch fact.type.answer {
                        case .boolean: words = ["true", "false"]
                        case .word: words = fact.values
                        default: words = []
                        }
                    } else {
                        words = draft.findings.contains { $0.id == name } ? ["true", "false"] : []
                    }
                    guard !words.isEmpty else {
                        // An unknown name is reported below; any other has no word to choose by.
                        if known.contains(name) {
                            diagnostics.append(PackCheck.invalidPlaceholder.diagnostic(
                                "'because' of '\(id)': a select chooses by a boolean, an enumeration or a diagnostic; '\(name)' is none", at: place(range)))
                        }
                        continue
                    }
                    for key in forms.keys.sorted() where !words.contains(key) {
                        diagnostics.append(PackCheck.invalidPlaceholder.diagnostic(
                            "'because' of '\(id)': '\(name)' is never '\(key)'; its values are \(words.joined(separator: ", "))", at: place(range))
                            .suggesting(Suggestion.hint(for: key, among: words)))
                    }
                }
                for (name, range) in sentence.placeholders where !known.contains(name) && !broken.contains(name) {
                    let place = place(range)
                    diagnostics.append(PackCheck.unknownName.diagnostic("'because' of '\(id)' names '{\(name)}', which is not defined",
                                                                        at: place)
                        .suggesting(Suggestion.hint(for: name, among: known), written: { "{\($0)}" }))
                }
            }
        }
        for (index, finding) in draft.findings.enumerated() {
            checkPlaceholders(finding.because, of: finding.id, origins: draft.becauseOrigins[index], location: draft.becauseLocations[index])
        }
        for (index, strength) in draft.strengths.enumerated() {
            checkPlaceholders(strength.because, of: strength.id, origins: draft.strengthBecauseOrigins[index],
                              location: draft.strengthBecauseLocations[index])
        }
        checkMentions("dimension", draft.dimensionMentions, among: Set(draft.dimensions.map(\.id)))
        checkMentions("recommendation", draft.recommendationMentions, among: Set(draft.recommendations.map(\.id)))
        let findings = Set(draft.findings.map(\.id)).union(draft.brokenNames)
        for mention in draft.supersedesMentions {
            if mention.id == mention.by {
                diagnostics.append(PackCheck.unknownReference.diagnostic("diagnostic '\(mention.by)' cannot supersede itself", at: mention.location))
            } else {
                checkMentions("diagnostic", [(mention.id, mention.location)], among: findings)
            }
        }
        checkMentions("stage", draft.stageMentions, among: Set(draft.stages.map(\.id)))
        checkStages()
        checkMentions("theme", draft.themeMentions, among: Set(draft.themes.map(\.id)))
        checkMentions("organisation kind", draft.kindMentions, among: Set(draft.metadata?.organisationKinds ?? []))
        return !nameErrors && !readsBrokenName
    }

    /// Each mention of a dimension, recommendation, stage… that names none the pack declares:
    /// `pack.unknown-reference` at the mention, with "did you mean".
    private mutating func checkMentions(_ what: String, _ mentions: [(id: String, location: SourceLocation)], among known: Set<String>) {
        for mention in mentions where !known.contains(mention.id) {
            diagnostics.append(PackCheck.unknownReference.diagnostic("unknown \(what) '\(mention.id)'", at: mention.location)
                .suggesting(Suggestion.hint(for: mention.id, among: known)))
        }
    }

    /// When a pack declares its method's stages every recommendation has one, and none requires
    /// a recommendation of a later stage (the roadmap could not follow both).
    private mutating func checkStages() {
        let order = draft.stages.positions(by: { $0.id })
        guard !draft.stages.isEmpty else { return }
        let recommendations = Dictionary(draft.recommendations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for recommendation in draft.recommendations {
            guard let stage = recommendation.stage else {
                diagnostics.append(PackCheck.stageOrder.diagnostic(
                    "recommendation '\(recommendation.id)' has no 'stage'; the pack declares the stages \(draft.stages.map(\.id).joined(separator: ", "))",
                    at: recommendation.location))
                continue
            }
            guard let position = order[stage] else { continue }
            for prerequisite in recommendation.requires {
                guard let other = recommendations[prerequisite]?.stage, let otherPosition = order[other], otherPosition > position else { continue }
                let location = draft.requiresLocations[recommendation.id]?[prerequisite] ?? recommendation.location
                diagnostics.append(PackCheck.stageOrder.diagnostic(
                    "'\(recommendation.id)' (stage '\(stage)') requires '\(prerequisite)' of the later stage '\(other)'; move one of them, or drop the requirement",
                    at: location))
            }
        }
    }

    // MARK: cycles

    /// Returns whether indicators and diagnostics are free of cycles.
    fileprivate mutating func checkCycles() -> Bool {
        var locations: [String: SourceLocation?] = [:]
        var dependencies: [String: [String]] = [:]
        for indicator in draft.indicators {
            dependencies[indicator.id] = indicator.expression.references
            locations[indicator.id] = indicator.location
        }
        for finding in draft.findings {
            dependencies[finding.id] = finding.condition.references
            locations[finding.id] = finding.location
        }
        let definitionCycles = Self.cycles(dependencies)
        for cycle in definitionCycles {
            report(cycle: cycle, locations: locations, what: "definitions")
        }
        var requires: [String: [String]] = [:]
        for recommendation in draft.recommendations {
            requires[recommendation.id] = recommendation.requires
            locations[recommendation.id] = recommendation.location
        }
        for cycle in Self.cycles(requires) {
            report(cycle: cycle, locations: locations, what: "'requires'")
        }
        var supersedes: [String: [String]] = [:]
        for finding in draft.findings where !finding.supersedes.isEmpty { supersedes[finding.id] = finding.supersedes }
        for cycle in Self.cycles(supersedes) where cycle.count > 1 {
            report(cycle: cycle, locations: locations, what: "'supersedes'")
        }
        return definitionCycles.isEmpty
    }

    private mutating func report(cycle: [String], locations: [String: SourceLocation?], what: String) {
        let path = (cycle + [cycle[0]]).map { "'\($0)'" }.joined(separator: " -> ")
        let notes = cycle.dropFirst().map { Diagnostic.Note("'\($0)' is part of the cycle", at: locations[$0] ?? nil) }
        diagnostics.append(PackCheck.cycle.diagnostic("circular \(what): \(path)", at: locations[cycle[0]] ?? nil, notes: notes))
    }

    /// The cycles a depth-first search meets (roots and edges in sorted order), each starting at its
    /// smallest id, iteratively so that a long chain cannot exhaust the stack.
    static func cycles(_ graph: [String: [String]]) -> [[String]] {
        var state: [String: Int] = [:]  // 1: on the path, 2: done
        var found = Set<[String]>()
        for root in graph.keys.sorted() where state[root] == nil {
            var path: [String] = [root]
            var iterators: [[String]] = [(graph[root] ?? []).filter { graph[$0] != nil }]
            state[root] = 1
            while let last = path.last {
                if iterators[iterators.count - 1].isEmpty {
                    state[last] = 2
                    path.removeLast()
                    iterators.removeLast()
                    continue
                }
                let next = iterators[iterators.count - 1].removeFirst()
                if state[next] == 1, let start = path.firstIndex(of: next) {
                    var cycle = Array(path[start...])
                    let smallest = cycle.indices.min { cycle[$0] < cycle[$1] }!
                    cycle = Array(cycle[smallest...] + cycle[..<smallest])
                    found.insert(cycle)
                } else if state[next] == nil {
                    state[next] = 1
                    path.append(next)
                    iterators.append((graph[next] ?? []).filter { graph[$0] != nil })
                }
            }
        }
        return found.sorted { $0.joined(separator: " ") < $1.joined(separator: " ") }
    }

    // MARK: types

    fileprivate mutating func checkTypes() {
        var checker = TypeChecker(facts: draft.facts, parameters: draft.parameters, findings: draft.findings)
        var dependencies: [String: [String]] = [:]
        for indicator in draft.indicators { dependencies[indicator.id] = indicator.expression.references }
        // Indicators in dependency order, so that each one's type is known before it is used
        // (checkCycles has shown there is no cycle).
        let indicators = Dictionary(draft.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in (try? DependencyOrder.sorted(dependencies)) ?? [] {
            if let indicator = indicators[id] { checker.checkIndicator(indicator) }
        }
        for finding in draft.findings { checker.checkCondition(finding.condition) }
        for fact in draft.facts { if let relevance = fact.relevantWhen { checker.checkCondition(relevance) } }
        for recommendation in draft.recommendations { if let inPlace = recommendation.inPlaceWhen { checker.checkCondition(inPlace) } }
        for strength in draft.strengths { checker.checkCondition(strength.condition) }
        for criteria in draft.dimensions.flatMap({ $0.levels.compactMap(\.criteria) }) { checker.checkCondition(criteria) }
        for sizing in draft.recommendations.compactMap(\.training) {
            for expression in sizing.expressions {
                let type = checker.check(expression)
                if type != .number && type != .any {
                    checker.error("a training size is a number, but this is \(type)", at: expression)
                }
            }
            if case .literal(.number(let size)) = sizing.groupSize.kind, size < 1 {
                diagnostics.append(PackCheck.invalidRange.diagnostic("a group holds at least one person, not \(Value.format(size))",
                                                                     at: sizing.groupSize.location))
            }
            if case .literal(.number(let days)) = sizing.daysPerGroup.kind, days <= 0 {
                diagnostics.append(PackCheck.invalidRange.diagnostic("a group is trained for more than 0 days, not \(Value.format(days))",
                                                                     at: sizing.daysPerGroup.location))
            }
        }
        diagnostics += checker.diagnostics
        checkParameterRanges()
        checkParameterValues()
    }

    /// A parameter compared with a fact that has a range must lie in it (a threshold of 150 for a
    /// percentage could never compare as meant), for every organisation kind.
    private mutating func checkParameterRanges() {
        let ranges = RulePack.parameterRanges(facts: draft.facts, parameters: Set(draft.parameters.map(\.id)),
                                              expressions: draft.expressions)
        for parameter in draft.parameters {
            guard let range = ranges[parameter.id] else { continue }
            for (kind, value) in parameter.allValues {
                guard case .number(let number) = value, !range.contains(number) else { continue }
                diagnostics.append(PackCheck.typeError.diagnostic(
                    "'\(parameter.id)' is compared with facts from \(Value.format(range.lowerBound)) to \(Value.format(range.upperBound)), "
                        + "but its value\(kind.map { " for '\($0)'" } ?? "") is \(Value.format(number))",
                    at: parameter.location))
            }
        }
    }

    /// Every value of every parameter (the pack's and each `by_kind`, by kind) that its role
    /// refuses (``RulePack/problem(with:for:)``): the roadmap's cap, a trainer-day's price, dates.
    private mutating func checkParameterValues() {
        for parameter in draft.parameters {
            for (kind, value) in parameter.allValues {
                guard let problem = RulePack.problem(with: value, for: parameter) else { continue }
                diagnostics.append(PackCheck.typeError.diagnostic(problem + (kind.map { " (for '\($0)')" } ?? ""), at: parameter.location))
            }
        }
    }

    // MARK: examples

    fileprivate mutating func decodeExamples() {
        let catalogue = ProfileLoader.Catalogue(draft.facts)
        var reader = NodeReader(languages: draft.metadata?.languages ?? ["en"])
        let kinds = draft.metadata?.organisationKinds ?? []
        for pending in draft.examples {
            guard let pairs = reader.read({ () throws(Diagnostic) in try pending.node.mapping() }) else { continue }
            var profile = Profile(name: "example")
            var factPairs: [YAMLNode.Pair] = []
            for pair in pairs {
                if pair.key.scalar?.text == "kind" {
                    if let kind = reader.read({ () throws(Diagnostic) in try pair.value.word(oneOf: kinds) }) { profile.kind = kind }
                } else if pair.key.scalar?.text == RulePack.assessmentDateName {
                    if let text = pair.value.scalar?.text, NodeReader.isISODate(text) {
                        profile.assessedOn = text
                    } else {
                        reader.report(.error(LoaderCode.profileInvalidDate, "'\(RulePack.assessmentDateName)' expects a date written YYYY-MM-DD",
                                             at: pair.value.location))
                    }
                } else {
                    factPairs.append(pair)
                }
            }
            let factsNode = YAMLNode(.mapping(factPairs), location: pending.node.location)
            ProfileLoader.readFacts(factsNode, catalogue: catalogue, into: &profile, reader: &reader, broken: draft.brokenNames)
            let example = FindingRule.Example(facts: profile.facts, kind: profile.kind, assessedOn: profile.assessedOn,
                                              location: pending.node.location)
            switch pending.expected {
            case .fires: draft.findings[pending.findingIndex].examples.fires.append(example)
            case .doesNotFire: draft.findings[pending.findingIndex].examples.doesNotFire.append(example)
            case .unknown: draft.findings[pending.findingIndex].examples.unknown.append(example)
            }
        }
        diagnostics += reader.diagnostics.sorted
    }

    // MARK: translations

    fileprivate mutating func checkTranslations() {
        guard let languages = draft.metadata?.languages else { return }
        for text in draft.texts {
            for language in languages where text.text.translations[language] == nil {
                diagnostics.append(PackCheck.missingTranslation.diagnostic("\(text.what) has no '\(language)' text", at: text.location))
            }
        }
    }

    // MARK: usage

    fileprivate mutating func checkUsage() {
        var used = Set<String>()
        for expression in draft.expressions { used.formUnion(expression.references) }
        // A fact a `because` sentence shows is used: the report quotes it.
        for because in draft.findings.compactMap(\.because) + draft.strengths.compactMap(\.because) {
            for template in because.translations.values {
                used.formUnion(SentenceTemplate(template).placeholders.map(\.name))
            }
        }
        for fact in draft.facts where !used.contains(fact.id) {
            diagnostics.append(PackCheck.unusedFact.diagnostic("fact '\(fact.id)' is used by no indicator, diagnostic or 'because' sentence",
                                        at: fact.location))
        }
        var recommended = Set(draft.findings.flatMap(\.recommend))
        var pending = Array(recommended)
        let requires = Dictionary(draft.recommendations.map { ($0.id, $0.requires) }, uniquingKeysWith: { first, _ in first })
        while let id = pending.popLast() {
            for prerequisite in requires[id] ?? [] where recommended.insert(prerequisite).inserted { pending.append(prerequisite) }
        }
        for recommendation in draft.recommendations where !recommended.contains(recommendation.id) {
            diagnostics.append(PackCheck.unusedRecommendation.diagnostic("recommendation '\(recommendation.id)' is recommended by no diagnostic, nor required by one that is",
                                        at: recommendation.location))
        }
        let finder = ContradictionFinder(parameters: draft.parameters)
        for finding in draft.findings {
            var missing: [String] = []
            if finding.examples.fires.isEmpty { missing.append("that fires") }
            if finding.examples.doesNotFire.isEmpty { missing.append("that does not fire") }
            if !missing.isEmpty {
                diagnostics.append(PackCheck.missingExamples.diagnostic("diagnostic '\(finding.id)' has no example \(missing.joined(separator: " and no example "))",
                                            at: finding.location))
            }
            diagnostics += finder.warnings(in: finding.condition, of: finding.id)
        }
        checkThresholdDirections()
    }

    /// A parameter that its id or label calls a maximum (`max_levels`, "Niveaux maximum") or a
    /// minimum, compared so that the finding fires at the threshold itself.
    private mutating func checkThresholdDirections() {
        enum Bound { case maximum, minimum }
        var bounds: [String: Bound] = [:]
        for parameter in draft.parameters {
            let tokens = parameter.id.split(separator: "_")
            var isMaximum = tokens.contains { $0 == "max" || $0.hasPrefix("maxim") }
            var isMinimum = tokens.contains { $0 == "min" || $0.hasPrefix("minim") }
            if !isMaximum && !isMinimum {
                // The label only when the id says nothing: "Niveaux maximum", "Satisfaction minimale".
                for text in parameter.label.translations.values {
                    let lowered = text.lowercased()
                    isMaximum = isMaximum || lowered.contains("maxim")
                    isMinimum = isMinimum || lowered.contains("minim")
                }
            }
            if isMaximum != isMinimum { bounds[parameter.id] = isMaximum ? .maximum : .minimum }
        }
        guard !bounds.isEmpty else { return }
        for expression in draft.expressions {
            expression.visit { node in
                guard case .comparison(let written, let lhs, let rhs) = node.kind else { return }
                // With the parameter on the right: `x OP bound`.
                var op = written
                var subject = lhs
                var name: String?
                if case .reference(let right) = rhs.kind, bounds[right] != nil {
                    name = right
                } else if case .reference(let left) = lhs.kind, bounds[left] != nil {
                    name = left
                    subject = rhs
                    op = written.flipped
                }
                guard let name, let bound = bounds[name] else { return }
                let better: Expression.ComparisonOperator
                switch (bound, op) {
                case (.maximum, .greaterOrEqual): better = .greater
                case (.minimum, .lessOrEqual): better = .less
                default: return
                }
                let rewritten = Expression(.comparison(better, subject, Expression(.reference(name))))
                var warning = PackCheck.thresholdDirection.diagnostic(
                    "'\(node)' fires at the \(bound == .maximum ? "maximum" : "minimum") '\(name)' itself; write '\(rewritten)' for a value beyond it, or rename the parameter if it is a threshold to reach",
                    at: node.location)
                if let location = node.location {
                    warning.fixIts.append(FixIt("replace with '\(rewritten)'", replacing: location, with: rewritten.description))
                }
                diagnostics.append(warning)
            }
        }
    }
}
