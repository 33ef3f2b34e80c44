import ArgumentParser
import Diagnostics
import Foundation
import RuleLoader
import RuleModel

/// `--rules DIR`, shared by every command that reads a pack, and how the default pack is found.
struct PackOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The rule pack's folder (default: the pack shipped with orgdiag).", valueName: "dir"))
    var rules: String?

    /// The folder of the pack to use: `--rules`, else `ORGDIAG_RULES`, else `rules/` beside the
    /// executable or in `../share/orgdiag/`, else the `rules/` of the source tree it was built from.
    func packFolder() throws -> String {
        if let rules { return rules }
        if let fromEnvironment = Terminal.environment["ORGDIAG_RULES"], !fromEnvironment.isEmpty { return fromEnvironment }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let sourceTree = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules")
        let candidates = [
            executable.appendingPathComponent("rules"),
            executable.deletingLastPathComponent().appendingPathComponent("share/orgdiag/rules"),
            sourceTree,
        ]
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("pack.yaml").path) {
            return candidate.path
        }
        Terminal.standardError("error: cannot find orgdiag's default rule pack; pass --rules DIR or set ORGDIAG_RULES\n")
        throw ExitStatus.badInput
    }

    /// Loads and checks the pack, printing its diagnostics (warnings too, when asked).
    func loadPack(showWarnings: Bool = false) throws -> RulePack {
        try load(showWarnings: showWarnings).pack
    }

    /// Loads and checks the pack, printing its diagnostics; also gives the paths of its files (an
    /// output file must not be one of them).
    func load(showWarnings: Bool = false) throws -> (pack: RulePack, files: [String]) {
        let folder = try packFolder()
        let files: [SourceFile]
        switch PackDirectory.read(folder) {
        case .success(let found): files = found
        case .failure(let problems):
            Terminal.report(problems)
            throw ExitStatus.badInput
        }
        let result = PackLoader.load(files: files, usageWarnings: showWarnings)
        let shown = showWarnings || result.pack == nil
            ? result.diagnostics
            : DiagnosticList(result.diagnostics.sorted.filter { $0.severity == .error })
        Terminal.report(shown)
        guard let pack = result.pack else { throw ExitStatus.badInput }
        return (pack, files.map(\.path))
    }
}
