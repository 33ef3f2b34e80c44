import Diagnostics
import Foundation
import RuleLoader
import RuleModel
import YAML

/// Reads profile files given on the command line.
enum ProfileInput {
    /// The largest profile file read, in bytes.
    static let maxBytes = 16 << 20

    /// Reads a file as a source, or reports why it cannot be read.
    static func readFile(_ path: String) -> Result<SourceFile, DiagnosticList> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(DiagnosticList([.error(LoaderCode.unreadableFile, "no such file '\(path)'", at: nil)]))
        }
        guard !isDirectory.boolValue else {
            return .failure(DiagnosticList([.error(LoaderCode.unreadableFile, "'\(path)' is a folder; expected a YAML file", at: nil)]))
        }
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           let size = attributes[.size] as? Int, size > maxBytes {
            let start = SourceLocation(file: SourceFile(path: path, contents: []), range: SourceRange(line: 1, column: 1))
            return .failure(DiagnosticList([.error(YAMLDiagnosticCode.fileTooLarge,
                                                   "the file is \(size) bytes, over the limit of \(maxBytes) bytes for a profile", at: start)]))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(DiagnosticList([.error(LoaderCode.unreadableFile, "cannot read '\(path)'", at: nil)]))
        }
        return .success(SourceFile(path: path, contents: Array(data)))
    }

    /// Reads and checks a profile against a pack.
    static func load(_ path: String, pack: RulePack) -> Result<Profile, DiagnosticList> {
        switch readFile(path) {
        case .failure(let problems): return .failure(problems)
        case .success(let file): return ProfileLoader.load(file, pack: pack)
        }
    }
}
