import ArgumentParser

/// The documented exit codes (docs/cli.md).
enum ExitStatus {
    /// The run worked but found problems: lint errors, failing rule tests, `--fail-on` reached.
    static let problemsFound = ExitCode(1)
    /// Bad input: an unreadable or invalid file.
    static let badInput = ExitCode(2)
}
