import Foundation
import Testing

/// A program some tests drive (a browser, a PDF reader), and the Debian package that brings it.
///
/// Tests that need one run where it is installed and always in CI (where `.ci/run` installs it):
/// there a missing tool fails the test and names the package; elsewhere the test is skipped with
/// the same words.
public struct ExternalTool: Sendable {
    /// The program's path.
    public let path: String
    /// The Debian package that installs it.
    public let package: String

    /// Headless Chromium, to print HTML to PDF and PNG.
    public static let chromium = ExternalTool(path: "/usr/bin/chromium-headless-shell", package: "chromium-headless-shell")
    /// taskset, to run a command on one core.
    public static let taskset = ExternalTool(path: "/usr/bin/taskset", package: "util-linux")
    /// pdftotext, to read a PDF's text.
    public static let pdftotext = ExternalTool(path: "/usr/bin/pdftotext", package: "poppler-utils")

    /// Whether the program is installed.
    public var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// Whether tests needing `tools` run: all installed, or in CI (where a missing one then fails).
    public static func expected(_ tools: [ExternalTool]) -> Bool {
        tools.allSatisfy(\.isInstalled) || ProcessInfo.processInfo.environment["CI"] != nil
    }

    /// What to install for `tools`, for a skip comment: "" when all are installed.
    public static func missing(_ tools: [ExternalTool]) -> String {
        let packages = tools.filter { !$0.isInstalled }.map(\.package)
        return packages.isEmpty ? "" : "needs the Debian packages: " + packages.joined(separator: " ")
    }

    /// Records a failure naming the packages to install when any of `tools` is missing; returns
    /// whether all are there.
    public static func require(_ tools: [ExternalTool], sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let message = missing(tools)
        if !message.isEmpty { Issue.record(Comment(rawValue: message + " (apt-get install -y …)"), sourceLocation: sourceLocation) }
        return message.isEmpty
    }
}
