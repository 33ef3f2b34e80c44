import Diagnostics
import Engine
import RuleLoader
import RuleModel
import YAML

/// The entry points the fuzzers drive (`scripts/fuzz`), and that the regression test replays:
/// each takes arbitrary bytes and must neither crash, hang nor leak, whatever they hold.
public enum FuzzTargets {
    /// The targets by name.
    public static let all: [String: @Sendable ([UInt8]) -> Void] = [
        "yaml": yaml, "expression": expression, "pack": pack, "profile": profile, "evaluators": evaluators,
        "lsp": languageServer, "word": word, "cache": cache,
    ]

    /// Small limits, so that the fuzzer explores structure rather than size.
    static let limits = YAMLLimits(maxBytes: 1 << 20, maxDepth: 64, maxExpandedNodes: 100_000)

    /// The YAML layer: a stream of documents, its diagnostics rendered, every scalar read as each type.
    public static func yaml(_ bytes: [UInt8]) {
        let file = SourceFile(path: "fuzz.yaml", contents: bytes)
        let (documents, diagnostics) = YAMLParser.parse(file, limits: limits, maxDocuments: .max)
        _ = DiagnosticRenderer().render(diagnostics)
        _ = DiagnosticJSON.render(diagnostics)
        var pending = documents
        var visited = 0
        while let node = pending.popLast(), visited < 10_000 {
            visited += 1
            switch node.content {
            case .scalar:
                _ = try? node.integer()
                _ = try? node.number()
                _ = try? node.bool()
                _ = try? node.word(oneOf: ["critical", "high"])
            case .sequence(let items): pending += items
            case .mapping(let pairs): pending += pairs.flatMap { [$0.key, $0.value] }
            }
        }
    }

    /// The expression parser, and the evaluator on a pack built around the expression's names.
    public static func expression(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let expression = try? ExpressionParser.parse(text) else { return }
        _ = expression.description
        let names = expression.references
        let facts = names.enumerated().map { index, name in
            FactDefinition(id: name, type: index % 2 == 0 ? .number : .enumeration, values: ["a", "b"])
        }
        let rule = FindingRule(id: "fuzz_rule_\(names.count)", severity: .low, condition: .expression(expression))
        guard !names.contains(rule.id), let engine = try? Engine(pack: RulePack(metadata: .init(id: "fuzz"), facts: facts, findings: [rule]))
        else { return }
        var profileFacts: [String: Value] = [:]
        for (index, name) in names.enumerated() { profileFacts[name] = index % 2 == 0 ? .number(Double(index) - 1) : .string("a") }
        let evaluation = engine.evaluate(Profile(name: "fuzz", facts: profileFacts))
        _ = Explainer(engine: engine, evaluation: evaluation).explain(rule.id)
    }

    /// The pack loader with every check, then the engine (maturity criteria, in-place tests,
    /// strengths, stages, training sizes, the questions to ask) on an empty profile and on each
    /// example's profile, and explanations.
    public static func pack(_ bytes: [UInt8]) {
        let result = PackLoader.load(files: [SourceFile(path: "pack.yaml", contents: bytes)], limits: limits)
        _ = DiagnosticRenderer().render(result.diagnostics)
        guard let pack = result.pack, let engine = try? Engine(pack: pack) else { return }
        let evaluation = engine.evaluate(Profile(name: "fuzz"))
        _ = engine.questions(for: evaluation)
        let explainer = Explainer(engine: engine, evaluation: evaluation)
        for rule in pack.findings.prefix(20) { _ = explainer.explain(rule.id) }
        for example in pack.findings.prefix(20).flatMap({ $0.examples.fires + $0.examples.doesNotFire }).prefix(20) {
            let profile = Profile(name: "example", kind: example.kind, assessedOn: example.assessedOn, facts: example.facts)
            _ = engine.questions(for: engine.evaluate(profile))
        }
    }

    /// A profile checked against the sample pack, read both ways, then evaluated. The batch's
    /// decoder must read a one-document file as the profile loader does: the same profile, or a
    /// failure on both sides; its table (``FactTable``) must hold the same documents; and the
    /// block evaluator must decide each as the one-profile evaluator does.
    public static func profile(_ bytes: [UInt8]) {
        let file = SourceFile(path: "profile.yaml", contents: bytes)
        let loaded = ProfileLoader.load(file, pack: samplePack, limits: limits)
        if case .success(let profile) = loaded {
            _ = sampleEngine.evaluate(profile)
        }
        let decoded = ProfileStreamDecoder.decode(file, pack: samplePack, catalogue: sampleCatalogue, limits: limits)
        let (table, failures) = ProfileStreamDecoder.decodeTable(file, pack: samplePack, catalogue: sampleCatalogue, limits: limits)
        let blocks = sampleEngine.decide(table)
        guard table.count == decoded.count, blocks.count == decoded.count else {
            fatalError("the table holds \(table.count) documents, the stream decoder read \(decoded.count)")
        }
        for (row, result) in decoded.enumerated() {
            guard case .success(let profile) = result else {
                if failures[row] == nil || table.isRead(row) { fatalError("document \(row + 1) failed, but not in the table") }
                continue
            }
            let one = sampleEngine.decide(profile)
            if one.fired != blocks.fired(row).map(Int.init) || one.unknown != blocks.unknown(row).map(Int.init) {
                fatalError("the block evaluator decided \(blocks.fired(row)) | \(blocks.unknown(row)) for \(profile), "
                           + "the one-profile evaluator \(one.fired) | \(one.unknown)")
            }
        }
        guard decoded.count == 1 else { return }
        switch (loaded, decoded[0]) {
        case (.success(let expected), .success(let actual)):
            if (expected.name, expected.kind, expected.assessedOn, expected.facts, expected.evidence, expected.indexedFacts)
                != (actual.name, actual.kind, actual.assessedOn, actual.facts, actual.evidence, actual.indexedFacts) {
                fatalError("the stream decoder read \(actual) where the profile loader read \(expected)")
            }
        case (.success, .failure(let problems)):
            fatalError("the stream decoder refused what the profile loader read: \(problems)")
        case (.failure(let problems), .success):
            fatalError("the stream decoder read what the profile loader refused: \(problems)")
        case (.failure, .failure):
            break
        }
    }

    /// The file of a small pack with every fact type, for the profile and cache targets.
    static let samplePackFile: SourceFile = {
        let text = """
            pack: {id: fuzz, version: 1.0.0, languages: [en], organisation_kinds: [caf, cci]}
            facts:
              n: {type: integer, range: [0, 100], label: N}
              x: {type: number, label: X}
              p: {type: percentage, label: P}
              b: {type: boolean, label: B}
              e: {type: enum, values: [none, some, all], label: E}
              s: {type: set, values: [phone, desk, web], label: S}
              t: {type: string, label: T}
              d: {type: date, label: D}
            indicators:
              ratio: n / x
            diagnostics:
              - {id: d1, severity: high, title: D1, when: "ratio > 2 or (b and e == 'none')"}
              - {id: d2, severity: low, title: D2, when: "s contains 'web' and p between 10 and 90 and d < '2026-01-01' and t != 'x'"}

            """
        return SourceFile(path: "fuzz-pack.yaml", text: text)
    }()

    /// The small pack, loaded.
    static let samplePack: RulePack = PackLoader.load(files: [samplePackFile]).pack!

    static let sampleEngine: Engine = try! Engine(pack: samplePack)
    static let sampleCatalogue = ProfileLoader.Catalogue(samplePack.facts)
}
