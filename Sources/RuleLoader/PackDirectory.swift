import Diagnostics
import Foundation
import YAML

/// Finds and reads a pack's files: every `*.yaml` and `*.yml` file in a folder and its
/// sub-folders, except rule-test files (`*.tests.yaml`). Files reached through a link that leads
/// outside the folder are refused.
public enum PackDirectory {
    /// Reads the pack files under `path`.
    /// - Returns: the files, or the problems met (an unreadable folder or file, a link leading outside).
    public static func read(_ path: String) -> Result<[SourceFile], DiagnosticList> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .failure(DiagnosticList([.error(LoaderCode.unreadableFile, "'\(path)' is not a folder holding a rule pack", at: nil)]))
        }
        // Listed through its own path resolved: a pack given through a link to its folder (a
        // shared pack linked into a project) is read, and where its files lead is judged against it.
        guard let root = FolderListing.resolvedPath(path), let found = FolderListing.files(under: root) else {
            return .failure(DiagnosticList([.error(LoaderCode.unreadableFile, "cannot list the folder '\(path)'", at: nil)]))
        }
        var files: [SourceFile] = []
        var problems = DiagnosticList()
        for relative in found where (relative.hasSuffix(".yaml") || relative.hasSuffix(".yml")) && !relative.hasSuffix(".tests.yaml") {
            let full = (path as NSString).appendingPathComponent(relative)
            // A link that leads nowhere is a file that cannot be read; the file read is the one
            // judged, at its resolved path, so that a link changed in between cannot lead outside.
            guard let resolved = FolderListing.resolvedPath(full) else {
                problems.append(.error(LoaderCode.unreadableFile, "cannot read '\(full)'", at: nil))
                continue
            }
            guard resolved.hasPrefix(root + "/") else {
                problems.append(.error(LoaderCode.pathOutsidePack, "'\(full)' leads outside the pack's folder; refused", at: nil))
                continue
            }
            switch RegularFile.read(resolved, maxBytes: YAMLLimits.default.maxBytes) {
            case .success(let bytes):
                files.append(SourceFile(path: full, contents: bytes))
            case .failure(.tooLarge(let size)):
                // As the YAML reader reports a file over the limit, before it is read.
                problems.append(YAMLParser.fileTooLarge(SourceFile(path: full, contents: []), bytes: size, limit: YAMLLimits.default.maxBytes))
            case .failure(.notRegular):
                problems.append(.error(LoaderCode.unreadableFile, "cannot read '\(full)': not a regular file", at: nil))
            case .failure(.unreadable(let reason)):
                problems.append(.error(LoaderCode.unreadableFile, "cannot read '\(full)': \(reason)", at: nil))
            }
        }
        if problems.hasErrors { return .failure(problems) }
        return .success(files.sorted { $0.path < $1.path })
    }
}
