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

    /// Loads and checks the pack, printing its errors (`lint` shows the warnings).
    func loadPack() throws -> RulePack {
        try load().pack
    }

    /// Loads and checks the pack, printing its errors; also gives the paths of its files (an
    /// output file must not be one of them). A pack read before comes from the cache (``cache()``).
    func load() throws -> (pack: RulePack, files: [String]) {
        let folder = try packFolder()
        let files: [SourceFile]
        switch PackDirectory.read(folder) {
        case .success(let found): files = found
        case .failure(let problems):
            Terminal.report(problems)
            throw ExitStatus.badInput
        }
        let result = Self.cache()?.load(files: files) ?? PackLoader.load(files: files, usageWarnings: false)
        // A pack with an error is not given: its errors are shown with its warnings.
        guard let pack = result.pack else {
            Terminal.report(result.diagnostics)
            throw ExitStatus.badInput
        }
        return (pack, files.map(\.path))
    }

    /// The checked-pack cache: the folder `ORGDIAG_CACHE` names (`off`: none), else
    /// `$XDG_CACHE_HOME/orgdiag`, else `~/.cache/orgdiag`; its entries are this executable's.
    static func cache() -> PackCache? {
        let environment = Terminal.environment
        let folder: String
        if let chosen = environment["ORGDIAG_CACHE"], !chosen.isEmpty {
            guard chosen != "off" else { return nil }
            folder = chosen
        } else if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") {
            folder = base + "/orgdiag"
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            folder = home + "/.cache/orgdiag"
        } else {
            return nil
        }
        // The executable's path, size and date tell one build from the next; without them, no
        // cache (an entry of an earlier build could be read).
        guard let executable = RunningExecutable.identity() else { return nil }
        return PackCache(folder: folder, build: "orgdiag \(Orgdiag.version) \(executable)")
    }
}
