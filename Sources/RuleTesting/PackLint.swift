import Diagnostics
import Engine
import RuleLoader
import RuleModel

/// Every check `orgdiag lint` runs on a pack's files, defined once for the command and the
/// language server: the loader's stages, then, for a pack that loads, its examples through the
/// engine (``ExampleCheck``).
public enum PackLint {
    /// The diagnostics of the pack made of `files`, and the pack when it loads.
    public static func run(_ files: [SourceFile]) -> (diagnostics: DiagnosticList, pack: RulePack?) {
        let result = PackLoader.load(files: files)
        var diagnostics = result.diagnostics
        if let pack = result.pack, let engine = try? Engine(pack: pack) {
            diagnostics.append(contentsOf: ExampleCheck.diagnostics(for: pack, engine: engine))
        }
        return (diagnostics, result.pack)
    }
}
