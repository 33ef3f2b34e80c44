// orgdiag's benchmark suite: `swift run -c release orgdiag-bench [--quick]`.
// Medians of several runs, in release mode, printed as a Markdown table (docs/performance.md).
import Diagnostics
import Engine
import Foundation
import RuleLoader
import RuleModel
import YAML

let quick = CommandLine.arguments.contains("--quick")
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Median wall time of `body`, in seconds.
func measure(runs: Int = quick ? 3 : 7, _ body: () throws -> Void) rethrows -> Double {
    try measureSpread(runs: runs, body).median
}

/// Median and shortest wall time of `body`, in seconds: the shortest is the one least disturbed
/// by the rest of a shared machine.
func measureSpread(runs: Int, _ body: () throws -> Void) rethrows -> (median: Double, minimum: Double) {
    var times: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<runs {
        let start = clock.now
        try body()
        let elapsed = clock.now - start
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    times.sort()
    return (times[times.count / 2], times[0])
}

func format(_ seconds: Double) -> String {
    if seconds < 1e-3 { return String(format: "%.2f µs", seconds * 1e6) }
    if seconds < 1 { return String(format: "%.2f ms", seconds * 1e3) }
    return String(format: "%.3f s", seconds)
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

// MARK: The default pack

let packFiles = try PackDirectory.read(root.appendingPathComponent("rules").path).get()
var defaultPack: RulePack!
let loadTime = try measure {
    defaultPack = PackLoader.load(files: packFiles).pack
    _ = try Engine(pack: defaultPack)
}
let engine = try Engine(pack: defaultPack)
let storyFile = SourceFile(path: "story.yaml", contents: Array(try Data(contentsOf: root.appendingPathComponent("fixtures/profiles/cci-val-de-loire-sud.yaml"))))
let story = try ProfileLoader.load(storyFile, pack: defaultPack).get()
let profileLoad = measure { for _ in 0..<1000 { _ = ProfileLoader.load(storyFile, pack: defaultPack) } } / 1000
let fullEvaluation = measure { for _ in 0..<1000 { _ = engine.evaluate(story) } } / 1000
let decision = measure { for _ in 0..<10_000 { _ = engine.decide(story) } } / 10_000
let storyEvaluation = engine.evaluate(story)
let questionRanking = measure { for _ in 0..<100 { _ = engine.questions(for: storyEvaluation) } } / 100

print("| benchmark | median |")
print("|---|---:|")
print("| default pack: read, check and compile (\(defaultPack.findings.count) diagnostics) | \(format(loadTime)) |")
print("| default pack: read and check one profile | \(format(profileLoad)) |")
print("| default pack: full evaluation of one profile (roadmap, maturity, strengths, in-place tests) | \(format(fullEvaluation)) |")
print("| default pack: rank the questions to ask next for one profile | \(format(questionRanking)) |")
print("| default pack: decide one profile (fired and unknown only) | \(format(decision)) |")

// MARK: Synthetic packs like the peer workload: 60 facts, nested all/any/not, derived chains

struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 11 | state << 53
    }
}

let words = ["alpha", "beta", "gamma", "delta", "epsilon"]
let tags = ["t0", "t1", "t2", "t3", "t4", "t5"]

func syntheticFacts() -> [FactDefinition] {
    (0..<18).map { FactDefinition(id: "int_\($0)", type: .integer, range: 0...1000) }
        + (0..<10).map { FactDefinition(id: "num_\($0)", type: .number, range: 0...100) }
        + (0..<10).map { FactDefinition(id: "flag_\($0)", type: .boolean) }
        + (0..<14).map { FactDefinition(id: "cat_\($0)", type: .enumeration, values: words) }
        + (0..<8).map { FactDefinition(id: "tags_\($0)", type: .set, values: tags) }
}

func comparison(_ generator: inout SeededGenerator) -> String {
    switch Int.random(in: 0..<6, using: &generator) {
    case 0: return "int_\(Int.random(in: 0..<18, using: &generator)) > \(Int.random(in: 0...1000, using: &generator))"
    case 1: return "num_\(Int.random(in: 0..<10, using: &generator)) between 20 and \(Int.random(in: 30...100, using: &generator))"
    case 2: return "flag_\(Int.random(in: 0..<10, using: &generator)) == true"
    case 3: return "cat_\(Int.random(in: 0..<14, using: &generator)) in ['\(words.randomElement(using: &generator)!)', '\(words.randomElement(using: &generator)!)']"
    case 4: return "tags_\(Int.random(in: 0..<8, using: &generator)) contains '\(tags.randomElement(using: &generator)!)'"
    default: return "cat_\(Int.random(in: 0..<14, using: &generator)) != '\(words.randomElement(using: &generator)!)'"
    }
}

func condition(_ generator: inout SeededGenerator, depth: Int, derived: [String]) -> String {
    if depth == 0 || Int.random(in: 0..<3, using: &generator) == 0 {
        if !derived.isEmpty, Int.random(in: 0..<8, using: &generator) == 0 { return derived.randomElement(using: &generator)! }
        return comparison(&generator)
    }
    let parts = (0..<Int.random(in: 2...3, using: &generator)).map { _ in condition(&generator, depth: depth - 1, derived: derived) }
    switch Int.random(in: 0..<3, using: &generator) {
    case 0: return "(" + parts.joined(separator: " and ") + ")"
    case 1: return "(" + parts.joined(separator: " or ") + ")"
    default: return "not (" + parts.joined(separator: " and ") + ")"
    }
}

func syntheticPack(rules: Int) throws -> RulePack {
    var generator = SeededGenerator(state: 42)
    var diagnostics: [FindingRule] = []
    var derived: [String] = []
    for index in 0..<rules {
        let id = "r" + String(10_000 + index)
        let text = condition(&generator, depth: 3, derived: derived)
        diagnostics.append(FindingRule(id: id, severity: .medium, condition: .expression(try ExpressionParser.parse(text))))
        if index % 5 == 0 { derived.append(id) }
    }
    return RulePack(metadata: .init(id: "synthetic"), facts: syntheticFacts(), findings: diagnostics)
}

func syntheticProfiles(_ count: Int, seed: UInt64) -> [Profile] {
    var generator = SeededGenerator(state: seed)
    return (0..<count).map { index in
        var facts: [String: Value] = [:]
        for fact in syntheticFacts() where Int.random(in: 0..<100, using: &generator) >= 6 {
            switch fact.type {
            case .integer: facts[fact.id] = .number(Double(Int.random(in: 0...1000, using: &generator)))
            case .number: facts[fact.id] = .number(Double(Int.random(in: 0...10_000, using: &generator)) / 100)
            case .boolean: facts[fact.id] = .bool(Bool.random(using: &generator))
            case .enumeration: facts[fact.id] = .string(words.randomElement(using: &generator)!)
            default: facts[fact.id] = .setOf(tags.filter { _ in Int.random(in: 0..<3, using: &generator) == 0 })
            }
        }
        return Profile(name: "p\(index)", facts: facts)
    }
}

let profileCount = quick ? 2000 : 10_000
let profiles = syntheticProfiles(profileCount, seed: 7)
for rules in [50, 200, 1000] {
    let pack = try syntheticPack(rules: rules)
    var compiledEngine: Engine!
    let compileTime = try measure { compiledEngine = try Engine(pack: pack) }
    let batch = measure(runs: quick ? 1 : 3) { for profile in profiles { _ = compiledEngine.decide(profile) } }
    print("| \(rules) rules: compile | \(format(compileTime)) |")
    print("| \(rules) rules: decide \(profileCount) profiles, one core | \(format(batch)) (\(format(batch / Double(profileCount))) per profile) |")
}

// MARK: YAML: a stream of profiles through the YAML layer and the profile loader

let streamText = profiles.prefix(quick ? 2000 : 10_000).map { profile in
    "---\norganisation: {name: \(profile.name)}\nfacts:\n" + profile.facts.sorted { $0.key < $1.key }.map { key, value in
        switch value {
        case .set(let items): return "  \(key): [\(items.joined(separator: ", "))]\n"
        default: return "  \(key): \(value.plainText)\n"
        }
    }.joined()
}.joined()
let stream = SourceFile(path: "stream.yaml", text: streamText)
let syntheticPack200 = try syntheticPack(rules: 200)
let parseTime = measure(runs: quick ? 1 : 3) {
    let (documents, _) = YAMLParser.parse(stream, limits: YAMLLimits(maxBytes: 1 << 30), maxDocuments: .max)
    for document in documents { _ = ProfileLoader.load(profile: document, file: stream, pack: syntheticPack200) }
}
print("| YAML stream of \(profileCount) profiles (\(stream.contents.count / 1000) kB): parse and check, one core | \(format(parseTime)) (\(format(parseTime / Double(profileCount))) per profile) |")

// MARK: Memory in a long batch

let before = peakRSSMegabytes()
let longEngine = try Engine(pack: syntheticPack200)
for round in 0..<(quick ? 5 : 50) {
    for profile in syntheticProfiles(2000, seed: UInt64(round)) { _ = longEngine.decide(profile) }
}
let after = peakRSSMegabytes()
print("| peak RSS growth over \((quick ? 5 : 50) * 2000) decided profiles | \(String(format: "%.1f MB", after - before)) |")

// MARK: The peer workload, when its converted folder is given (`--peer DIR`, see bench/peers-adapter)

if let flag = CommandLine.arguments.firstIndex(of: "--peer"), flag + 1 < CommandLine.arguments.count {
    let folder = CommandLine.arguments[flag + 1]
    let peerPack = PackLoader.load(files: try PackDirectory.read(folder + "/pack").get()).pack!
    let peerEngine = try Engine(pack: peerPack)
    let peerFile = SourceFile(path: "profiles.yaml", contents: Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/profiles.yaml"))))
    let catalogue = ProfileLoader.Catalogue(peerPack.facts)
    var peerProfiles: [Profile] = []
    let decodeTime = measure(runs: quick ? 1 : 3) {
        peerProfiles = ProfileStreamDecoder.decode(peerFile, pack: peerPack, catalogue: catalogue).compactMap { try? $0.get() }
    }
    let decideTime = measure(runs: quick ? 1 : 5) { for profile in peerProfiles { _ = peerEngine.decide(profile) } }
    var table = FactTable(catalogue: peerPack.facts)
    let tableTime = measure(runs: quick ? 1 : 3) {
        table = ProfileStreamDecoder.decodeTable(peerFile, pack: peerPack, catalogue: catalogue).table
    }
    let blockTime = measureSpread(runs: quick ? 11 : 101) { _ = peerEngine.decide(table) }
    let count = Double(peerProfiles.count)
    print("| peer workload (\(peerPack.findings.count) rules): decode \(peerProfiles.count) YAML profiles, both cores | \(format(decodeTime)) (\(format(decodeTime / count)) per profile) |")
    print("| peer workload: decide \(peerProfiles.count) profiles one by one, one core | \(format(decideTime)) (\(format(decideTime / count)) per profile) |")
    print("| peer workload: decode \(table.count) YAML profiles into a table (what `batch --format fired` does), both cores | \(format(tableTime)) (\(format(tableTime / count)) per profile) |")
    print("| peer workload: decide \(table.count) profiles with the block evaluator, one core, median (shortest) | \(format(blockTime.median)) (\(format(blockTime.minimum))), \(format(blockTime.median / count)) per profile |")
}
