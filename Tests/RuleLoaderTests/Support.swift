import Diagnostics
import Foundation
import RuleModel
@testable import RuleLoader
import TestSupport

/// The repository's root folder.
let packageRoot = Repository.root

/// Loads a pack folder of the repository (`fixtures/packs/sample`, `rules`).
func loadPack(_ relativePath: String) -> PackLoadResult {
    switch PackDirectory.read(packageRoot.appendingPathComponent(relativePath).path) {
    case .success(let files): return PackLoader.load(files: files)
    case .failure(let problems): return PackLoadResult(pack: nil, diagnostics: problems)
    }
}

/// The sample pack, which must load cleanly.
func samplePack() throws -> RulePack {
    let result = loadPack("fixtures/packs/sample")
    guard let pack = result.pack else { throw result.diagnostics }
    return pack
}

/// Loads a pack from in-memory files named `name.yaml`.
func loadPack(files: [String: String]) -> PackLoadResult {
    PackLoader.load(files: files.map { SourceFile(path: $0.key + ".yaml", text: $0.value) })
}

/// The minimal header most tests start from.
let header = """
    pack: {id: test, version: 1.0.0, languages: [en], organisation_kinds: [caf, metropole]}

    """

extension Diagnostic {
    /// `file:line:column severity code message`, the facts a test checks.
    var summary: String {
        "\(location.map { "\($0)" } ?? "-") \(severity.rawValue) \(code) \(message)"
    }
}

extension DiagnosticList {
    var summaries: [String] { sorted.map(\.summary) }
}

/// The default pack of the repository.
func defaultPack() throws -> RulePack {
    let result = loadPack("rules")
    guard let pack = result.pack else { throw result.diagnostics }
    return pack
}

/// A decoded profile or its diagnostics as one comparable line: every field, every location.
func describeDecoded(_ result: Result<Profile, DiagnosticList>) -> String {
    switch result {
    case .success(let profile):
        return "ok \(profile.name) \(profile.kind ?? "-") \(profile.assessedOn ?? "-") \(profile.facts.sorted { $0.key < $1.key }) "
            + "\(profile.evidence.sorted { $0.key < $1.key }) "
            + "\(profile.indexedFacts?.values.description ?? "nil")"
    case .failure(let list):
        return "failed " + list.sorted.map(\.description).joined(separator: " / ")
    }
}
