import Diagnostics
import Foundation

/// Finds and reads a pack's files: every `*.yaml` and `*.yml` file in a folder and its
/// sub-folders, except rule-test files (`*.tests.yaml`). Files reached through a link that leads
/// outside the folder are refused.
public enum PackDirectory {
    /// Reads the pack files under `path`.
    /// - Returns: the files, or the problems met (an unreadable folder or file, a link leading outside).
    public static func read(_ path: String) -> Result<[SourceFile], DiagnosticList> {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .failure(DiagnosticList([.error(LoaderCode.unreadableFile, "'\(path)' is not a folder holding a rule pack", at: nil)]))
        }
        let root = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        // The folder's own path resolved: the enumerator does not go into a link to a folder, so a
        // pack given through one would seem empty.
        guard let enumerator = fileManager.enumerator(atPath: root) else {
            return .failure(DiagnosticList([.error(LoaderCode.unreadableFile, "cannot list the folder '\(path)'", at: nil)]))
        }
        var files: [SourceFile] = []
        var problems = DiagnosticList()
        for case let relative as String in enumerator {
            guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml"), !relative.hasSuffix(".tests.yaml"),
                  !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            let full = (path as NSString).appendingPathComponent(relative)
            let resolved = URL(fileURLWithPath: full).resolvingSymlinksInPath().standardizedFileURL.path
            guard resolved.hasPrefix(root + "/") else {
                problems.append(.error(LoaderCode.pathOutsidePack, "'\(full)' leads outside the pack's folder; refused", at: nil))
                continue
            }
            guard let data = fileManager.contents(atPath: full) else {
                problems.append(.error(LoaderCode.unreadableFile, "cannot read '\(full)'", at: nil))
                continue
            }
            files.append(SourceFile(path: full, contents: Array(data)))
        }
        if problems.hasErrors { return .failure(problems) }
        return .success(files.sorted { $0.path < $1.path })
    }
}
