import ArgumentParser

/// The documented exit codes (docs/cli.md).
enum ExitStatus {
    /// The run worked but found problems: lint errors, failing rule tests, `--fail-on` reached.
    static let problemsFound = ExitCode(1)
    /// Bad input: an unreadable or invalid file.
    static let badInput = ExitCode(2)

    /// A usage error found after parsing (an unknown parameter or id): prints it and exits 64.
    static func usage(_ message: String) -> ExitCode {
        Terminal.standardError("error: \(message)\n")
        return ExitCode(64)
    }
}
