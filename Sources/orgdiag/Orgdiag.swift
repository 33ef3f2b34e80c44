import ArgumentParser

/// The `orgdiag` command: diagnoses public organisations against a rule pack.
@main
struct Orgdiag: ParsableCommand {
    /// orgdiag's version, printed by `--version` and in reports.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "orgdiag",
        abstract: "Diagnose a public organisation's customer culture and plan its training and governance roadmap.",
        discussion: """
            Exit codes: 0 success; 1 the run worked but found problems (lint errors, failing rule tests, \
            --fail-on reached); 2 bad input (an unreadable or invalid file); 64 usage error.
            """,
        version: version,
        subcommands: [ReportCommand.self, ExplainCommand.self, LintCommand.self, TestCommand.self, InitCommand.self,
                      RulesCommand.self, DiffCommand.self, BatchCommand.self, AskCommand.self, LSPCommand.self]
    )
}
