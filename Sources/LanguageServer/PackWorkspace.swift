import Diagnostics
import Foundation
import RuleLoader
import RuleModel
import RuleTesting

/// The packs an editor works on: the text of each open document (which wins over the file on
/// disk), the last diagnostics of each file, and the last pack of each folder that loaded, for
/// completion, hover and navigation while the author's text does not load.
final class PackWorkspace {
    /// Open documents by path.
    private(set) var documents: [String: String] = [:]
    /// The last diagnostics of each file linted, by path.
    private(set) var diagnostics: [String: [Diagnostic]] = [:]
    /// The last pack that loaded, by folder.
    private var packs: [String: RulePack] = [:]

    func open(_ path: String, text: String) { documents[Self.key(path)] = text }

    func close(_ path: String) { documents[Self.key(path)] = nil }

    /// The folder of the pack a file belongs to: the nearest folder up from it holding `pack.yaml`.
    func packFolder(of path: String) -> String? {
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        for _ in 0..<64 {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("pack.yaml").path) { return folder.path }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
        return nil
    }

    /// The pack's files as on disk, each open one with the editor's text instead.
    func files(of folder: String) -> [SourceFile] {
        guard case .success(let files) = PackDirectory.read(folder) else { return [] }
        return files.map { file in
            documents[Self.key(file.path)].map { SourceFile(path: file.path, text: $0) } ?? file
        }
    }

    /// Lints the pack in `folder` (``PackLint``): the diagnostics of each of its files (empty for
    /// a file without any, so that an editor clears them), keeping the pack when it loads.
    func lint(_ folder: String) -> [(file: SourceFile, diagnostics: [Diagnostic])] {
        let files = files(of: folder)
        let (found, pack) = PackLint.run(files)
        if let pack { packs[folder] = pack }
        var byPath: [String: [Diagnostic]] = [:]
        for diagnostic in found.sorted {
            guard let path = diagnostic.location?.file.path else { continue }
            byPath[Self.key(path), default: []].append(diagnostic)
        }
        return files.map { file in
            let list = byPath[Self.key(file.path)] ?? []
            diagnostics[Self.key(file.path)] = list
            return (file, list)
        }
    }

    /// The last pack of `folder` that loaded (loading it now when none did yet).
    func pack(of folder: String) -> RulePack? {
        if packs[folder] == nil { _ = lint(folder) }
        return packs[folder]
    }

    /// The text of a file: the open document's, or for a regular file of a pack (at most 16 MiB,
    /// the loader's limit) the file's on disk; `nil` for anything else (a device, a FIFO, a file
    /// outside any pack).
    func text(of path: String) -> String? {
        if let open = documents[Self.key(path)] { return open }
        guard packFolder(of: path) != nil,
              let attributes = try? FileManager.default.attributesOfItem(atPath: Self.key(path)),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = attributes[.size] as? Int, size <= 16 << 20 else { return nil }
        return try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// The form of a path used as a key: resolved and standardised.
    static func key(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
