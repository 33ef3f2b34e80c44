import Foundation
import Testing

/// Runs the built `orgdiag` binary the way a user does, and compares outputs with golden files.
enum CLIRunner {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
        let seconds: Double
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary sits beside the test bundle in the build folder.
    static var binary: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("orgdiag").path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("orgdiag")
    }

    /// Runs `orgdiag arguments` (or another `executable`) in `folder`, by default the package root,
    /// with a fixed date, no colour and 100 columns.
    static func run(_ arguments: [String], executable: URL = binary, in folder: URL = packageRoot,
                    environment extra: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1795651200"  // 2026-11-26
        environment["NO_COLOR"] = "1"
        environment["COLUMNS"] = "100"
        environment.removeValue(forKey: "ORGDIAG_RULES")
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("orgdiag-out-\(UUID().uuidString)")
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("orgdiag-err-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: outputFile.path, contents: nil),
              FileManager.default.createFile(atPath: errorFile.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: try Data(contentsOf: outputFile), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self),
                       seconds: seconds)
    }

    /// Compares `text` with `Golden/name`; records it instead when ORGDIAG_RECORD_GOLDEN=1.
    static func assertGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = packageRoot.appendingPathComponent("Tests/CLITests/Golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["ORGDIAG_RECORD_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
            return
        }
        guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(name); record it with ORGDIAG_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if golden != text {
            let goldenLines = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let first = Array(zip(goldenLines, lines)).firstIndex { $0 != $1 } ?? min(goldenLines.count, lines.count)
            Issue.record("""
                output differs from \(name) at line \(first + 1):
                  golden: \(first < goldenLines.count ? String(goldenLines[first]) : "<end>")
                  actual: \(first < lines.count ? String(lines[first]) : "<end>")
                """, sourceLocation: sourceLocation)
        }
    }
}
