import Diagnostics
import RuleModel
import YAML

/// Reads an organisation profile and checks it against a pack's catalogue.
///
/// ```yaml
/// organisation: {name: "CAF de l'Exemple", kind: caf, assessed_on: 2026-10-14}
/// facts:
///   hierarchy_levels: 7
///   manager_count: ~        # explicitly unknown
/// evidence:
///   hierarchy_levels: "organigramme 2026"
/// ```
public enum ProfileLoader {
    /// Loads a profile file.
    /// - Returns: the profile, or every problem found (all of them, sorted).
    public static func load(_ file: SourceFile, pack: RulePack, limits: YAMLLimits = .default) -> Result<Profile, DiagnosticList> {
        let root: YAMLNode
        do {
            root = try YAMLParser.parseDocument(file, limits: limits)
        } catch {
            return .failure(error)
        }
        return load(profile: root, file: file, pack: pack)
    }

    /// Checks a profile already read as YAML (a profile written inline in a rule-test file).
    public static func load(profile root: YAMLNode, file: SourceFile, pack: RulePack,
                            catalogue: Catalogue? = nil) -> Result<Profile, DiagnosticList> {
        let languages = [pack.metadata.defaultLanguage] + pack.metadata.languages.filter { $0 != pack.metadata.defaultLanguage }
        var reader = NodeReader(languages: languages,
                                unknownKeyCode: LoaderCode.profileUnknownKey, missingKeyCode: LoaderCode.profileMissingKey,
                                unknownLanguageCode: LoaderCode.profileUnknownLanguage)
        let profile = read(root, file: file, pack: pack, catalogue: catalogue ?? Catalogue(pack.facts), reader: &reader)
        if reader.diagnostics.hasErrors || profile == nil { return .failure(reader.diagnostics) }
        return .success(profile!)
    }

    static func read(_ root: YAMLNode, file: SourceFile, pack: RulePack, catalogue: Catalogue, reader: inout NodeReader) -> Profile? {
        guard let fields = reader.fields(root, allowed: FileFormat.profileKeys,
                                         required: [FileFormat.ProfileSection.organisation.rawValue], what: "a profile") else { return nil }
        var profile = Profile(name: "", source: file)
        if let organisation = fields[FileFormat.ProfileSection.organisation.rawValue],
           let identity = reader.fields(organisation, allowed: FileFormat.organisationKeys, required: [FileFormat.OrganisationField.name.rawValue],
                                        what: "'organisation'") {
            if let name = identity[FileFormat.OrganisationField.name.rawValue] {
                profile.name = reader.read({ () throws(Diagnostic) in try name.string() }) ?? ""
                if profile.name.allSatisfy(\.isWhitespace), name.scalar != nil, !name.isNull {
                    reader.report(.error(LoaderCode.profileMissingKey, "the organisation's 'name' is blank; write its name",
                                         at: name.location))
                }
            }
            if let kindNode = identity[FileFormat.OrganisationField.kind.rawValue], let kind = reader.read({ () throws(Diagnostic) in try kindNode.string() }) {
                if pack.metadata.organisationKinds.contains(kind) {
                    profile.kind = kind
                } else {
                    let kinds = pack.metadata.organisationKinds
                    reader.report(.error(LoaderCode.profileUnknownKind, "unknown organisation kind '\(kind)'", at: kindNode.location)
                        .suggesting(Suggestion.hint(for: kind, among: kinds, listingAll: true)))
                }
            }
            if let date = identity[FileFormat.OrganisationField.assessedOn.rawValue] {
                if let text = date.scalar?.text, NodeReader.isISODate(text) {
                    profile.assessedOn = text
                } else {
                    reader.report(.error(LoaderCode.profileInvalidDate, "'assessed_on' expects a date written YYYY-MM-DD",
                                         at: date.location))
                }
            }
        }
        // An empty section (`facts:` or `evidence:` with nothing under it) is simply empty.
        if let facts = fields[FileFormat.ProfileSection.facts.rawValue], !facts.isNull {
            readFacts(facts, catalogue: catalogue, into: &profile, reader: &reader)
        }
        if let evidence = fields[FileFormat.ProfileSection.evidence.rawValue], !evidence.isNull, let pairs = reader.read({ () throws(Diagnostic) in try evidence.mapping() }) {
            for pair in pairs {
                guard let id = reader.read({ () throws(Diagnostic) in try pair.key.string() }),
                      let text = reader.read({ () throws(Diagnostic) in try pair.value.string() }) else { continue }
                guard pack.fact(id) != nil else {
                    reader.report(.error(LoaderCode.profileUnknownFact, "evidence for unknown fact '\(id)'", at: pair.key.location)
                        .suggesting(Suggestion.hint(for: id, among: pack.facts.map(\.id))))
                    continue
                }
                profile.evidence[id] = text
            }
        }
        if let summary = fields[FileFormat.ProfileSection.summary.rawValue], !summary.isNull {
            profile.summary = readSummary(summary, reader: &reader)
        }
        return profile
    }

    /// The consultant's `summary`: a `context` and `key_messages`, each text a plain string (in
    /// the pack's default language) or a mapping of language to text.
    private static func readSummary(_ node: YAMLNode, reader: inout NodeReader) -> ConsultantSummary? {
        guard let fields = reader.fields(node, allowed: FileFormat.summaryKeys, required: [], what: "'summary'") else { return nil }
        var summary = ConsultantSummary()
        if let context = fields[FileFormat.SummaryField.context.rawValue], !context.isNull {
            summary.context = reader.localized(context)
        }
        if let messages = fields[FileFormat.SummaryField.keyMessages.rawValue], !messages.isNull {
            let items: [YAMLNode]
            if case .sequence(let list) = messages.content { items = list } else { items = [messages] }
            summary.keyMessages = items.compactMap { reader.localized($0) }
        }
        return summary
    }

    /// A pack's facts by id and position, built once and shared by every profile of a batch.
    public struct Catalogue: Sendable {
        let facts: [String: (index: Int, definition: FactDefinition)]
        let definitions: [FactDefinition]
        let names: [String]
        /// Each fact's answer form, by position: what the stream decoder's fast path reads
        /// without copying a definition.
        let answers: [FactDefinition.FactType.AnswerForm]
        /// Each fact's declared values (enums and sets), by position.
        let words: [[String]]
        /// Each fact's range, by position.
        let ranges: [ClosedRange<Double>?]
        /// The facts' positions by the bytes of their ids, for the stream decoder.
        let nameIndex: ByteNameIndex
        /// Each fact's declared values by their bytes, by position.
        let wordIndexes: [ByteNameIndex]
        let template: IndexedFacts

        /// Indexes a pack's facts.
        public init(_ facts: [FactDefinition]) {
            self.facts = Dictionary(facts.enumerated().map { ($1.id, ($0, $1)) }, uniquingKeysWith: { first, _ in first })
            definitions = facts
            names = facts.map(\.id)
            answers = facts.map(\.type.answer)
            words = facts.map(\.values)
            ranges = facts.map(\.range)
            nameIndex = ByteNameIndex(names)
            wordIndexes = words.map(ByteNameIndex.init)
            template = IndexedFacts(catalogue: facts)
        }
    }

    /// Reads a mapping of fact id → value into `profile`.
    /// Facts named in `broken` (declared by entries of the pack that could not be read) are
    /// skipped without a word: their entry's error says it all.
    static func readFacts(_ node: YAMLNode, catalogue: Catalogue, into profile: inout Profile,
                          reader: inout NodeReader, broken: Set<String> = []) {
        guard let pairs = reader.read({ () throws(Diagnostic) in try node.mapping() }) else { return }
        // Filled locally and assigned once: each change of `profile.facts` drops its index.
        var facts = profile.facts
        facts.reserveCapacity(pairs.count)
        var indexed = catalogue.template
        for pair in pairs {
            guard let id = reader.read({ () throws(Diagnostic) in try pair.key.string() }) else { continue }
            guard let (index, fact) = catalogue.facts[id] else {
                if broken.contains(id) { continue }
                let problem = Diagnostic.error(LoaderCode.profileUnknownFact, "unknown fact '\(id)'", at: pair.key.location)
                // Once no more diagnostics are kept, a hint is work no one reads.
                reader.report(reader.diagnostics.isFull ? problem : problem.suggesting(Suggestion.hint(for: id, among: catalogue.names)))
                continue
            }
            if case .some(.some(let value)) = reader.factValue(pair.value, for: fact) {
                facts[id] = value
                indexed.set(index, to: value, words: fact.values)
            }
        }
        profile.facts = facts
        profile.indexedFacts = indexed
    }
}
