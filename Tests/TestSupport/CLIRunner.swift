import Foundation

/// Runs the built `orgdiag` binary (or another program) the way a user does.
public enum CLIRunner {
    /// What a run gave.
    public struct Outcome: Sendable {
        /// The exit status.
        public let status: Int32
        /// Everything written to standard output.
        public let stdout: String
        /// Everything written to standard error.
        public let stderr: String
        /// The wall time of the run.
        public let seconds: Double
    }

    /// The repository's root, where commands run by default.
    public static var packageRoot: URL { Repository.root }

    /// The `orgdiag` binary, which sits beside the test bundle in the build folder.
    public static let binary: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("orgdiag").path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("orgdiag")
    }()

    /// The checked-pack cache the commands run here share (not the user's).
    public static let packCache = FileManager.default.temporaryDirectory.appendingPathComponent("orgdiag-test-pack-cache")

    /// Runs `orgdiag arguments` (or another `executable`) in `folder`, by default the package root,
    /// with a fixed date, no colour, 100 columns and the tests' pack cache; standard input is empty.
    public static func run(_ arguments: [String], executable: URL = binary, in folder: URL = Repository.root,
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
        environment["ORGDIAG_CACHE"] = packCache.path
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
}
