import Diagnostics
import RuleModel
import YAML

/// The structure stage: reads each file's sections into a ``PackDraft``, checking keys, types and
/// expression syntax as it goes.
struct PackDecoder {
    /// Words that cannot be ids: the language's keywords, `kind`, and the name of the assessment's
    /// date (``RulePack/assessmentDateName``).
    static let reservedWords: Set<String> = Expression.keywords.union(["kind", RulePack.assessmentDateName])

    var reader = NodeReader()
    var draft = PackDraft()
    /// The line index of each file whose scalars were located, built once per file.
    private var lineIndexes = LineIndexCache()

    /// Reads the `pack:` header, which must appear in exactly one file.
    mutating func readHeader(_ documents: [(file: SourceFile, root: YAMLNode)]) {
        for (_, root) in documents {
            guard case .mapping(let pairs) = root.content,
                  let pair = pairs.first(where: { $0.key.scalar?.text == "pack" }) else { continue }
            if let first = draft.headerLocation {
                reader.report(PackCheck.duplicateID.diagnostic("a second 'pack' header; a pack has exactly one",
                                     at: pair.key.location, notes: [.init("first 'pack' header", at: first)]))
                continue
            }
            draft.headerLocation = pair.key.location
            guard let fields = reader.fields(pair.value, allowed: FileFormat.headerKeys,
                                             required: ["id", "version", "languages"], what: "the pack header") else { continue }
            let languages = fields["languages"].map { reader.ids($0).map(\.id) } ?? ["en"]
            let defaultLanguage = fields["default_language"].flatMap { reader.id($0) } ?? languages.first ?? "en"
            if !languages.contains(defaultLanguage), let node = fields["default_language"] {
                reader.report(PackCheck.unknownLanguage.diagnostic("default language '\(defaultLanguage)' is not one of the pack's languages", at: node.location))
            }
            reader.languages = [defaultLanguage] + languages.filter { $0 != defaultLanguage }
            var metadata = RulePack.Metadata(id: fields["id"].flatMap { reader.id($0) } ?? "pack")
            metadata.languages = languages.isEmpty ? ["en"] : languages
            metadata.defaultLanguage = defaultLanguage
            if let name = fields["name"] { metadata.name = localized(name, "the pack's name") ?? metadata.name }
            if let version = fields["version"], let text = reader.read({ () throws(Diagnostic) in try version.string() }) {
                if Self.isSemanticVersion(text) {
                    metadata.version = text
                } else {
                    reader.report(PackCheck.invalidVersion.diagnostic("version '\(text)' is not a semantic version MAJOR.MINOR.PATCH", at: version.location))
                }
            }
            if let kinds = fields["organisation_kinds"] {
                if case .mapping(let pairs) = kinds.content {
                    // `organisation_kinds: {cci: {fr: …, en: …}, …}`: kinds with how they read in reports.
                    for pair in pairs {
                        guard let kind = reader.id(pair.key) else { continue }
                        metadata.organisationKinds.append(kind)
                        if let label = localized(pair.value, "label of organisation kind '\(kind)'") {
                            metadata.organisationKindLabels[kind] = label
                        }
                    }
                } else {
                    metadata.organisationKinds = reader.ids(kinds).map(\.id)
                }
            }
            if let currency = fields["currency"] { metadata.currency = reader.read({ () throws(Diagnostic) in try currency.string() }) }
            draft.metadata = metadata
        }
    }

    static func isSemanticVersion(_ text: String) -> Bool {
        let core = text.split(separator: "-", maxSplits: 1).first ?? ""
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// Reads every section of one file.
    mutating func readSections(_ root: YAMLNode) {
        guard let fields = reader.fields(root, allowed: FileFormat.packFileKeys, what: "a pack file") else { return }
        if let node = fields["facts"] { forEachEntry(node, "facts") { decoder, id, value in decoder.readFact(id, value) } }
        if let node = fields["parameters"] {
            forEachEntry(node, "parameters") { decoder, id, value in decoder.readParameter(id, value) }
        }
        if let node = fields["indicators"] {
            forEachEntry(node, "indicators") { decoder, id, value in decoder.readIndicator(id, value) }
        }
        if let node = fields["dimensions"] {
            forEachEntry(node, "dimensions") { decoder, id, value in decoder.readDimension(id, value) }
        }
        if let node = fields["stages"] {
            forEachEntry(node, "stages") { decoder, id, value in decoder.readStage(id, value) }
        }
        if let node = fields["themes"] {
            forEachEntry(node, "themes") { decoder, id, value in decoder.readTheme(id, value) }
        }
        if let node = fields["strengths"], let items = reader.read({ () throws(Diagnostic) in try node.sequence() }) {
            for item in items { readStrength(item) }
        }
        if let node = fields["diagnostics"], let items = reader.read({ () throws(Diagnostic) in try node.sequence() }) {
            for item in items { readDiagnostic(item) }
        }
        if let node = fields["recommendations"], let items = reader.read({ () throws(Diagnostic) in try node.sequence() }) {
            for item in items { readRecommendation(item) }
        }
    }

    /// Calls `body` for each `id: definition` pair of a mapping section.
    private mutating func forEachEntry(_ node: YAMLNode, _ section: String,
                                       _ body: (inout PackDecoder, (String, SourceLocation), YAMLNode) -> Void) {
        guard let pairs = reader.read({ () throws(Diagnostic) in try node.mapping() }) else { return }
        for pair in pairs {
            // Dimensions and stages have their own namespaces: their ids are not names in expressions.
            let isName = !["dimensions", "stages", "themes"].contains(section)
            guard let id = isName ? nameID(pair.key) : reader.id(pair.key) else { continue }
            let declared = draft.facts.count + draft.parameters.count + draft.indicators.count
            body(&self, (id, pair.key.location), pair.value)
            if isName, draft.facts.count + draft.parameters.count + draft.indicators.count == declared {
                draft.brokenNames.insert(id)
            }
        }
    }

    /// The id of something expressions name (a fact, parameter, indicator or diagnostic): a valid
    /// id that is not a word of the language.
    private mutating func nameID(_ node: YAMLNode) -> String? {
        guard let id = reader.id(node) else { return nil }
        guard !Self.reservedWords.contains(id) else {
            reader.report(PackCheck.invalidID.diagnostic("'\(id)' is a reserved word of the rule language; choose another id",
                                                         at: node.location))
            return nil
        }
        return id
    }

    private mutating func localized(_ node: YAMLNode, _ what: String) -> LocalizedText? {
        let text = reader.localized(node)
        if let text { draft.texts.append(.init(text: text, location: node.location, what: what)) }
        return text
    }

    /// A diagnostic's references: each a citation written once for every language (a plain
    /// string: "Kotter, *Leading Change*, 1996"), or a text per language when it has words to
    /// translate.
    private mutating func references(_ node: YAMLNode, of what: String) -> [LocalizedText] {
        let items: [YAMLNode]
        if case .sequence(let list) = node.content { items = list } else { items = [node] }
        return items.compactMap { citation($0, "a reference of \(what)") }
    }

    /// A citation: a plain string, written once for every language, or a text per language.
    private mutating func citation(_ node: YAMLNode, _ what: String) -> LocalizedText? {
        guard node.scalar == nil else {
            return reader.read({ () throws(Diagnostic) in try node.string() })
                .map { citation in LocalizedText(Dictionary(reader.languages.map { ($0, citation) }, uniquingKeysWith: { first, _ in first })) }
        }
        return localized(node, what)
    }

    private mutating func required(_ fields: [String: YAMLNode], _ key: String, _ what: String) -> LocalizedText {
        fields[key].flatMap { localized($0, what) } ?? LocalizedText([:])
    }

    // MARK: Entries

    private mutating func readFact(_ entry: (String, SourceLocation), _ node: YAMLNode) {
        let (id, location) = entry
        let what = "fact '\(id)'"
        guard let fields = reader.fields(node, allowed: FileFormat.factKeys,
                                         required: ["type", "label"], what: what) else { return }
        guard let typeNode = fields["type"],
              let typeName = reader.read({ () throws(Diagnostic) in
                  try typeNode.word(oneOf: FactDefinition.FactType.allCases.map(\.rawValue))
              }),
              let type = FactDefinition.FactType(rawValue: typeName) else { return }
        var range: ClosedRange<Double>?
        if let rangeNode = fields["range"] {
            if let bounds = reader.read({ () throws(Diagnostic) in try rangeNode.sequence() }) {
                let numbers = bounds.compactMap { bound in reader.read({ () throws(Diagnostic) in try bound.number() }) }
                if bounds.count != 2 || !type.isNumeric {
                    reader.report(PackCheck.invalidRange.diagnostic(type.isNumeric ? "a range is two numbers: [lowest, highest]"
                                             : "only numeric facts have a range; '\(id)' is \(type.rawValue)",
                                         at: rangeNode.location))
                } else if numbers.count == 2 {
                    if numbers[0] > numbers[1] {
                        reader.report(PackCheck.invalidRange.diagnostic("the range starts above its end: \(Value.format(numbers[0])) > \(Value.format(numbers[1]))",
                                             at: rangeNode.location))
                    } else if let bounds = type.defaultRange, numbers[0] < bounds.lowerBound || numbers[1] > bounds.upperBound {
                        reader.report(PackCheck.invalidRange.diagnostic(
                            "a \(type)'s range must lie within \(Value.format(bounds.lowerBound))–\(Value.format(bounds.upperBound))",
                            at: rangeNode.location))
                    } else {
                        range = numbers[0]...numbers[1]
                    }
                }
            }
        }
        var values: [String] = []
        var valueLabels: [String: LocalizedText] = [:]
        if let valuesNode = fields["values"] {
            if case .mapping(let pairs) = valuesNode.content {
                // `values: {none: {fr: aucune, en: none}, ...}`: words with how they read in reports.
                for pair in pairs {
                    guard let word = reader.id(pair.key) else { continue }
                    values.append(word)
                    if let label = localized(pair.value, "label of value '\(word)' of \(what)") { valueLabels[word] = label }
                }
            } else {
                values = reader.ids(valuesNode).map(\.id)
            }
            if !type.takesValues {
                reader.report(PackCheck.invalidRange.diagnostic("only enum and set facts list values; '\(id)' is \(type.rawValue)",
                                     at: valuesNode.location))
            }
        } else if type.takesValues {
            reader.report(PackCheck.missingKey.diagnostic("\(what) is \(type.rawValue) and lacks the required key 'values'",
                                 at: location))
        }
        draft.facts.append(FactDefinition(
            id: id, type: type, range: range, values: values, valueLabels: valueLabels,
            unit: fields["unit"].flatMap { localized($0, "unit of \(what)") },
            dimension: fields["dimension"].flatMap { mention($0, in: \.dimensionMentions) },
            label: required(fields, "label", "label of \(what)"),
            question: fields["question"].flatMap { localized($0, "question of \(what)") },
            relevantWhen: fields["relevant_when"].flatMap { condition($0) },
            location: location))
    }

    private mutating func readParameter(_ entry: (String, SourceLocation), _ node: YAMLNode) {
        let (id, location) = entry
        let what = "parameter '\(id)'"
        if node.scalar != nil {
            if let value = parameterValue(node) { draft.parameters.append(Parameter(id: id, value: value, location: location)) }
            return
        }
        guard let fields = reader.fields(node, allowed: FileFormat.parameterKeys, required: ["value"],
                                         what: what),
              let value = fields["value"].flatMap({ parameterValue($0) }) else { return }
        var byKind: [String: Value] = [:]
        if let kinds = fields["by_kind"], let pairs = reader.read({ () throws(Diagnostic) in try kinds.mapping() }) {
            for pair in pairs {
                guard let kind = reader.id(pair.key), let kindValue = parameterValue(pair.value) else { continue }
                if kindValue.typeName != value.typeName {
                    reader.report(PackCheck.typeError.diagnostic("the value for '\(kind)' is a \(kindValue.typeName), but \(what) is a \(value.typeName)",
                                         at: pair.value.location))
                }
                draft.kindMentions.append((kind, pair.key.location))
                byKind[kind] = kindValue
            }
        }
        draft.parameters.append(Parameter(
            id: id, value: value, byKind: byKind, label: fields["label"].flatMap { localized($0, "label of \(what)") } ?? LocalizedText([:]),
            unit: fields["unit"].flatMap { localized($0, "unit of \(what)") },
            source: fields["source"].flatMap { citation($0, "source of \(what)") },
            judgement: fields["judgement"].flatMap { node in reader.read({ () throws(Diagnostic) in try node.bool() }) } ?? false,
            location: location))
    }

    private mutating func parameterValue(_ node: YAMLNode) -> Value? {
        guard let scalar = node.scalar else {
            reader.report(PackCheck.typeError.diagnostic("a parameter's value is a number, true or false, or a word", at: node.location))
            return nil
        }
        switch scalar.resolved {
        case .bool(let flag): return .bool(flag)
        case .integer, .float: return reader.read({ () throws(Diagnostic) in try node.number() }).map(Value.number)
        case .string: return .string(scalar.text)
        case .null:
            reader.report(PackCheck.typeError.diagnostic("a parameter needs a value", at: node.location))
            return nil
        }
    }

    private mutating func readIndicator(_ entry: (String, SourceLocation), _ node: YAMLNode) {
        let (id, location) = entry
        let what = "indicator '\(id)'"
        if node.scalar != nil {
            if let expression = expression(node) { draft.indicators.append(Indicator(id: id, expression: expression, location: location)) }
            return
        }
        guard let fields = reader.fields(node, allowed: FileFormat.indicatorKeys, required: ["expr"], what: what),
              let expression = fields["expr"].flatMap({ self.expression($0) }) else { return }
        draft.indicators.append(Indicator(
            id: id, expression: expression, unit: fields["unit"].flatMap { localized($0, "unit of \(what)") },
            label: fields["label"].flatMap { localized($0, "label of \(what)") } ?? LocalizedText([:]),
            dimension: fields["dimension"].flatMap { mention($0, in: \.dimensionMentions) }, location: location))
    }

    private mutating func readDimension(_ entry: (String, SourceLocation), _ node: YAMLNode) {
        let (id, location) = entry
        let what = "dimension '\(id)'"
        if case .mapping(let pairs) = node.content, let deductions = pairs.first(where: { $0.key.scalar?.text == "deductions" }) {
            // The deduction method of 0.1 is gone: say what replaces it rather than "unknown key".
            reader.report(PackCheck.unknownKey.diagnostic(
                "'deductions' no longer set maturity: each level above the first states its 'criteria' (docs/rule-language.md, dimensions)",
                at: deductions.key.location))
        }
        guard let fields = reader.fields(node, allowed: FileFormat.dimensionKeys + ["deductions"], required: ["label"],
                                         what: what) else { return }
        var levels: [Dimension.Level] = []
        if let levelsNode = fields["levels"], let items = reader.read({ () throws(Diagnostic) in try levelsNode.sequence() }) {
            for (index, item) in items.enumerated() {
                if let level = readLevel(item, number: index + 1, of: what) { levels.append(level) }
            }
            if items.count != Dimension.levelCount {
                reader.report(PackCheck.invalidRange.diagnostic("\(what) names \(items.count) maturity levels; it needs \(Dimension.levelCount)",
                                     at: levelsNode.location))
            }
        }
        draft.dimensions.append(Dimension(id: id, label: required(fields, "label", "label of \(what)"), levels: levels,
                                          location: location))
    }

    /// A maturity level: a name (level 1 may be just its name), and from level 2 its `criteria`.
    private mutating func readLevel(_ node: YAMLNode, number: Int, of dimension: String) -> Dimension.Level? {
        let what = "level \(number) of \(dimension)"
        var pairs: [YAMLNode.Pair] = []
        if case .mapping(let entries) = node.content { pairs = entries }
        guard pairs.contains(where: { $0.key.scalar?.text == "name" }) else {
            // A bare name: `{fr: ..., en: ...}` or a string.
            guard let name = localized(node, "name of \(what)") else { return nil }
            if number > 1 {
                reader.report(PackCheck.missingKey.diagnostic(
                    "\(what) has no 'criteria': write it {name: ..., criteria: ...}; only level 1, the floor, has none", at: node.location))
            }
            return Dimension.Level(name: name, location: node.location)
        }
        guard let fields = reader.fields(node, allowed: FileFormat.levelKeys, required: ["name"], what: what),
              let name = fields["name"].flatMap({ localized($0, "name of \(what)") }) else { return nil }
        var criteria: Condition?
        if let criteriaNode = fields["criteria"] {
            if number == 1 {
                reader.report(PackCheck.unknownKey.diagnostic("level 1 is the floor every organisation stands on: it has no 'criteria'",
                                                              at: pairs.first { $0.key.scalar?.text == "criteria" }?.key.location ?? criteriaNode.location))
            } else {
                criteria = condition(criteriaNode)
            }
        } else if number > 1 {
            reader.report(PackCheck.missingKey.diagnostic("\(what) lacks the required key 'criteria'", at: node.location))
        }
        return Dimension.Level(name: name, criteria: criteria, location: node.location)
    }

    private mutating func readDiagnostic(_ node: YAMLNode) {
        let declared = draft.findings.count
        readDiagnosticEntry(node)
        // An entry with an id that could not be read stays declared by name.
        if draft.findings.count == declared, case .mapping(let pairs) = node.content,
           let id = pairs.first(where: { $0.key.scalar?.text == "id" })?.value.scalar?.text, NodeReader.isValidID(id) {
            draft.brokenNames.insert(id)
        }
    }

    private mutating func readDiagnosticEntry(_ node: YAMLNode) {
        guard let fields = reader.fields(node, allowed: FileFormat.diagnosticKeys,
                                         required: ["id", "severity", "title", "when"], what: "a diagnostic"),
              let idNode = fields["id"], let id = nameID(idNode) else { return }
        let what = "diagnostic '\(id)'"
        guard let severityNode = fields["severity"],
              let severityName = reader.read({ () throws(Diagnostic) in try severityNode.word(oneOf: RuleSeverity.allCases.map(\.rawValue)) }),
              let severity = RuleSeverity(rawValue: severityName),
              let whenNode = fields["when"], let condition = condition(whenNode) else { return }
        let index = draft.findings.count
        var appliesTo: [String]?
        if let kinds = fields["applies_to"] {
            let mentions = reader.ids(kinds)
            draft.kindMentions += mentions.map { ($0.id, $0.location) }
            appliesTo = mentions.map(\.id)
        }
        let recommend = fields["recommend"].map { reader.ids($0) } ?? []
        draft.recommendationMentions += recommend.map { ($0.id, $0.location) }
        if let because = fields["because"] {
            draft.becauseLocations[index] = because.location
            draft.becauseOrigins[index] = languageOrigins(of: because)
        }
        let supersedes = fields["supersedes"].map { reader.ids($0) } ?? []
        draft.supersedesMentions += supersedes.map { ($0.id, id, $0.location) }
        draft.findings.append(FindingRule(
            id: id, dimension: fields["dimension"].flatMap { mention($0, in: \.dimensionMentions) },
            theme: fields["theme"].flatMap { mention($0, in: \.themeMentions) }, severity: severity,
            title: required(fields, "title", "title of \(what)"),
            rationale: fields["rationale"].flatMap { localized($0, "rationale of \(what)") },
            references: fields["references"].map { references($0, of: what) } ?? [],
            appliesTo: appliesTo, condition: condition,
            because: fields["because"].flatMap { localized($0, "'because' of \(what)") },
            recommend: recommend.map(\.id), supersedes: supersedes.map(\.id), location: idNode.location))
        if let examples = fields["examples"],
           let lists = reader.fields(examples, allowed: FileFormat.exampleKeys, what: "the examples of \(what)") {
            let kinds: [(String, PackDraft.ExampleExpectation)] = [("fires", .fires), ("does_not_fire", .doesNotFire), ("unknown", .unknown)]
            for (key, expected) in kinds {
                guard let list = lists[key], let items = reader.read({ () throws(Diagnostic) in try list.sequence() }) else { continue }
                draft.examples += items.map { PackDraft.PendingExample(findingIndex: index, expected: expected, node: $0) }
            }
        }
    }

    private mutating func readRecommendation(_ node: YAMLNode) {
        guard let fields = reader.fields(node, allowed: FileFormat.recommendationKeys,
                                         required: ["id", "kind", "title"], what: "a recommendation"),
              let idNode = fields["id"], let id = reader.id(idNode),
              let kindNode = fields["kind"],
              let kindName = reader.read({ () throws(Diagnostic) in try kindNode.word(oneOf: Recommendation.Kind.allCases.map(\.rawValue)) }),
              let kind = Recommendation.Kind(rawValue: kindName) else { return }
        let what = "recommendation '\(id)'"
        func magnitude(_ key: String) -> Magnitude {
            guard let node = fields[key] else { return .medium }
            return reader.read({ () throws(Diagnostic) in try node.word(oneOf: Magnitude.allCases.map(\.rawValue)) })
                .flatMap(Magnitude.init(rawValue:)) ?? .medium
        }
        let requires = fields["requires"].map { reader.ids($0) } ?? []
        draft.recommendationMentions += requires.map { ($0.id, $0.location) }
        draft.requiresLocations[id] = Dictionary(requires.map { ($0.id, $0.location) }, uniquingKeysWith: { first, _ in first })
        let stage = fields["stage"].flatMap { mention($0, in: \.stageMentions) }
        var training: TrainingSizing?
        if let node = fields["training"] {
            if kind != .training {
                reader.report(PackCheck.unknownKey.diagnostic("only a training has a 'training' size; \(what) is \(kind.rawValue)",
                                                              at: node.location))
            } else if let sizes = reader.fields(node, allowed: FileFormat.trainingKeys, required: FileFormat.trainingKeys,
                                                what: "the training size of \(what)"),
                      let participants = sizes["participants"].flatMap({ expression($0) }),
                      let groupSize = sizes["group_size"].flatMap({ expression($0) }),
                      let days = sizes["days_per_group"].flatMap({ expression($0) }) {
                training = TrainingSizing(participants: participants, groupSize: groupSize, daysPerGroup: days)
            }
        }
        draft.recommendations.append(Recommendation(
            id: id, kind: kind, audience: fields["audience"].flatMap { localized($0, "audience of \(what)") },
            title: required(fields, "title", "title of \(what)"),
            summary: fields["summary"].flatMap { localized($0, "summary of \(what)") },
            duration: fields["duration"].flatMap { localized($0, "duration of \(what)") },
            owner: fields["owner"].flatMap { localized($0, "owner of \(what)") },
            consultancyDelivers: fields["consultancy_delivers"].flatMap { localized($0, "what the consultancy delivers for \(what)") },
            organisationDoes: fields["organisation_does"].flatMap { localized($0, "what the organisation does for \(what)") },
            successMeasure: fields["success_measure"].flatMap { localized($0, "success measure of \(what)") },
            requires: requires.map(\.id), stage: stage, inPlaceWhen: fields["in_place_when"].flatMap { condition($0) }, training: training,
            impact: magnitude("impact"), effort: magnitude("effort"), location: idNode.location))
    }

    private mutating func readStage(_ entry: (String, SourceLocation), _ node: YAMLNode) {
        guard let (label, summary) = labelAndSummary(node, keys: FileFormat.stageKeys, what: "stage '\(entry.0)'") else { return }
        draft.stages.append(Stage(id: entry.0, label: label, summary: summary, location: entry.1))
    }

    private mutating func readTheme(_ entry: (String, SourceLocation), _ node: YAMLNode) {
        guard let (label, summary) = labelAndSummary(node, keys: FileFormat.themeKeys, what: "theme '\(entry.0)'") else { return }
        draft.themes.append(Theme(id: entry.0, label: label, summary: summary, location: entry.1))
    }

    /// A stage's or a theme's `label` (required) and `summary`.
    private mutating func labelAndSummary(_ node: YAMLNode, keys: [String], what: String) -> (LocalizedText, LocalizedText?)? {
        guard let fields = reader.fields(node, allowed: keys, required: ["label"], what: what) else { return nil }
        return (required(fields, "label", "label of \(what)"), fields["summary"].flatMap { localized($0, "summary of \(what)") })
    }

    private mutating func readStrength(_ node: YAMLNode) {
        guard let fields = reader.fields(node, allowed: FileFormat.strengthKeys, required: ["id", "title", "when"],
                                         what: "a strength"),
              let idNode = fields["id"], let id = reader.id(idNode),
              let whenNode = fields["when"], let condition = condition(whenNode) else { return }
        let what = "strength '\(id)'"
        let index = draft.strengths.count
        if let because = fields["because"] {
            draft.strengthBecauseLocations[index] = because.location
            draft.strengthBecauseOrigins[index] = languageOrigins(of: because)
        }
        draft.strengths.append(Strength(
            id: id, dimension: fields["dimension"].flatMap { mention($0, in: \.dimensionMentions) },
            title: required(fields, "title", "title of \(what)"),
            rationale: fields["rationale"].flatMap { localized($0, "rationale of \(what)") }, condition: condition,
            because: fields["because"].flatMap { localized($0, "'because' of \(what)") }, location: idNode.location))
    }

    /// Where each character of a text's translations stands, per language (to point at a
    /// `{placeholder}`): a plain scalar is in the default language.
    private mutating func languageOrigins(of node: YAMLNode) -> [String: TextOrigin] {
        var origins: [String: TextOrigin] = [:]
        if node.scalar != nil, let language = reader.languages.first {
            origins[language] = textOrigin(of: node)
        } else if case .mapping(let pairs) = node.content {
            for pair in pairs {
                if let language = pair.key.scalar?.text, pair.value.scalar != nil { origins[language] = textOrigin(of: pair.value) }
            }
        }
        return origins
    }

    // MARK: Conditions and expressions

    /// A condition: an expression, a list (all of it), or a one-key mapping `all`, `any`, `none` or `not`.
    mutating func condition(_ node: YAMLNode, depth: Int = 0) -> Condition? {
        // `when:` is level 0: 64 nested blocks are accepted, 65 refused.
        guard depth <= ExpressionParser.maxDepth else {
            reader.report(.error(ExpressionParser.syntaxCode, "conditions nested deeper than \(ExpressionParser.maxDepth) levels",
                                 at: node.location))
            return nil
        }
        switch node.content {
        case .scalar:
            return expression(node).map(Condition.expression)
        case .sequence(let items):
            let parts = items.compactMap { condition($0, depth: depth + 1) }
            return parts.count == items.count ? .all(parts, location: node.location) : nil
        case .mapping(let pairs):
            guard pairs.count == 1, let key = pairs[0].key.scalar?.text else {
                reader.report(PackCheck.unknownKey.diagnostic("a condition block has exactly one key: 'all', 'any', 'none' or 'not'",
                                     at: node.location))
                return nil
            }
            let body = pairs[0].value
            switch key {
            case "not":
                return condition(body, depth: depth + 1).map { .not($0, location: pairs[0].key.location) }
            case "all", "any", "none":
                guard let items = reader.read({ () throws(Diagnostic) in try body.sequence() }) else { return nil }
                let parts = items.compactMap { condition($0, depth: depth + 1) }
                guard parts.count == items.count else { return nil }
                let location = pairs[0].key.location
                return key == "all" ? .all(parts, location: location) : key == "any" ? .any(parts, location: location)
                    : .none(parts, location: location)
            default:
                reader.report(PackCheck.unknownKey.diagnostic("unknown condition block '\(key)'", at: pairs[0].key.location)
                    .suggesting(Suggestion.hint(for: key, among: ["all", "any", "none", "not"])))
                return nil
            }
        }
    }

    /// A `dimension:`, `theme:` or `stage:` value, remembered with its place in `mentions` so that
    /// a misspelt one is pointed at.
    private mutating func mention(_ node: YAMLNode,
                                  in mentions: WritableKeyPath<PackDraft, [(id: String, location: SourceLocation)]>) -> String? {
        guard let id = reader.id(node) else { return nil }
        draft[keyPath: mentions].append((id, node.location))
        return id
    }

    /// Where each character of a scalar's text stands, through its file's line index (built once).
    private mutating func textOrigin(of node: YAMLNode) -> TextOrigin? {
        node.textOrigin(lines: lineIndexes.lines(of: node.location.file))
    }

    /// Parses a scalar as an expression, locating it inside the YAML text.
    mutating func expression(_ node: YAMLNode) -> Expression? {
        guard let scalar = node.scalar else {
            reader.report(PackCheck.typeError.diagnostic("expected an expression, found \(node.kindDescription)", at: node.location))
            return nil
        }
        if case .bool(let flag) = scalar.resolved { return Expression(.literal(.bool(flag)), at: node.location) }
        let origin = textOrigin(of: node)
        return reader.read({ () throws(Diagnostic) in try ExpressionParser.parse(scalar.text, origin: origin) })
    }
}
