import Diagnostics
import Parallel
import RuleModel
import YAML

/// What loading a pack gives: the pack when it has no error, and every problem found.
public struct PackLoadResult: Sendable {
    /// The checked pack; `nil` when any error was found.
    public let pack: RulePack?
    /// Every error and warning, from every stage.
    public let diagnostics: DiagnosticList
}

/// Loads a rule pack from its YAML files and checks it (this is the linter).
///
/// The checks run as the named stages of ``PackCheck/Stage``: `read` and `structure` here, the
/// others in ``PackChecker/stages``; every problem of every stage is reported at once. What each
/// check reports is declared in ``PackCheck/all``.
public enum PackLoader {
    /// Loads a pack from its files (the order of the files does not matter).
    /// - Parameter usageWarnings: whether to run the `usage` stage, whose checks only warn (unused
    ///   facts and recommendations, missing examples, contradictions, threshold directions): a
    ///   command that does not show warnings skips it.
    public static func load(files: [SourceFile], limits: YAMLLimits = .default, packLimits: PackLimits = .default,
                            usageWarnings: Bool = true) -> PackLoadResult {
        var diagnostics = DiagnosticList()
        let files = files.sorted { $0.path < $1.path }
        guard files.count <= packLimits.maxFiles else {
            diagnostics.append(PackCheck.packTooLarge.diagnostic("the pack has \(files.count) files, over the limit of \(packLimits.maxFiles)", at: nil))
            return PackLoadResult(pack: nil, diagnostics: diagnostics)
        }

        // read
        // A file whose tree survives its errors (a duplicate key) is still read, so that what it
        // declares is known and its errors do not cascade into "unknown name" everywhere.
        var documents: [(file: SourceFile, root: YAMLNode)] = []
        var unreadable: [Diagnostic] = []  // the problems of the files that could not be read
        // The files are parsed on every core (most of a report's start-up), then read in order.
        let parsed = concurrentMap(count: files.count) { index in YAMLParser.parseDocumentRecovering(files[index], limits: limits) }
        for (file, (root, problems)) in zip(files, parsed) {
            if let root {
                documents.append((file, root))
                diagnostics.append(contentsOf: problems)
            } else {
                unreadable += problems.sorted
            }
        }
        guard !files.isEmpty else {
            diagnostics.append(PackCheck.noPackFiles.diagnostic("the pack has no YAML files", at: nil))
            return PackLoadResult(pack: nil, diagnostics: diagnostics)
        }

        // structure
        var decoder = PackDecoder()
        decoder.readHeader(documents)
        // A file that could not be read may hold the header: then its error says enough.
        if decoder.draft.metadata == nil, unreadable.isEmpty {
            let firstFile = documents.first.map { SourceLocation(file: $0.file, range: SourceRange(line: 1, column: 1)) }
            diagnostics.append(PackCheck.missingHeader.diagnostic("no file of the pack has a 'pack:' header with its id, version and languages", at: firstFile))
        }
        for document in documents { decoder.readSections(document.root) }
        diagnostics.append(contentsOf: decoder.reader.diagnostics)
        var draft = decoder.draft
        let sizes: [(String, [SourceLocation?], Int)] = [
            ("facts", draft.facts.map(\.location), packLimits.maxFacts),
            ("parameters", draft.parameters.map(\.location), packLimits.maxParameters),
            ("indicators", draft.indicators.map(\.location), packLimits.maxIndicators),
            ("diagnostics", draft.findings.map(\.location), packLimits.maxDiagnostics),
            ("recommendations", draft.recommendations.map(\.location), packLimits.maxRecommendations),
            ("dimensions", draft.dimensions.map(\.location), packLimits.maxDimensions),
            ("stages", draft.stages.map(\.location), packLimits.maxStagesOrThemes),
            ("themes", draft.themes.map(\.location), packLimits.maxStagesOrThemes),
            ("strengths", draft.strengths.map(\.location), packLimits.maxStrengths),
        ]
        for (what, locations, limit) in sizes where locations.count > limit {
            diagnostics.append(PackCheck.packTooLarge.diagnostic("the pack has \(locations.count) \(what), over the limit of \(limit); this one is the first beyond it",
                                      at: locations[limit]))
        }
        if diagnostics.hasErrors, sizes.contains(where: { $0.1.count > $0.2 }) {
            diagnostics.append(contentsOf: unreadable)
            return PackLoadResult(pack: nil, diagnostics: diagnostics)
        }
        let allFilesRead = documents.count == files.count
        var checker = PackChecker(draft: draft, checksUsage: allFilesRead && usageWarnings)
        checker.run()
        draft = checker.draft
        if allFilesRead {
            diagnostics.append(contentsOf: checker.diagnostics)
        } else {
            // A file that could not be read may declare the names the others use: each unknown
            // name would be an error caused by that file's. They are counted on the root error,
            // not listed.
            let caused: Set<DiagnosticCode> = [PackCheck.unknownName.code, PackCheck.unknownReference.code, LoaderCode.profileUnknownFact]
            let dependants = checker.diagnostics.filter { caused.contains($0.code) }.count
            diagnostics.append(contentsOf: checker.diagnostics.filter { !caused.contains($0.code) })
            if dependants > 0, let root = unreadable.firstIndex(where: { $0.severity == .error }) {
                unreadable[root].notes.append(.init(
                    "and \(dependants) error\(dependants == 1 ? "" : "s") about unknown names or facts, not listed: this file may declare them"))
            }
        }
        diagnostics.append(contentsOf: unreadable)

        guard !diagnostics.hasErrors, let metadata = draft.metadata else {
            return PackLoadResult(pack: nil, diagnostics: diagnostics)
        }
        let pack = RulePack(metadata: metadata, facts: draft.facts, parameters: draft.parameters,
                            indicators: draft.indicators, findings: draft.findings,
                            recommendations: draft.recommendations, dimensions: draft.dimensions,
                            stages: draft.stages, themes: draft.themes, strengths: draft.strengths, contentHash: contentHash(files))
        return PackLoadResult(pack: pack, diagnostics: diagnostics)
    }

    /// FNV-1a 64 over each file's name and bytes, in path order, as 16 hex digits.
    static func contentHash(_ files: [SourceFile]) -> String {
        var hasher = FNV1a()
        for file in files {
            hasher.mix((file.path.split(separator: "/").last ?? "").utf8)
            hasher.mix([0])
            hasher.mix(file.contents)
        }
        let digits = String(hasher.value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
