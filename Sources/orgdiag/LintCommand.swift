import ArgumentParser
import Diagnostics
import RuleLoader
import RuleTesting

/// `orgdiag lint`: every check of the pack loader, located.
struct LintCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a rule pack and report every error and warning with its location; exit 1 on errors.")

    @OptionGroup var pack: PackOptions

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        let folder = try pack.packFolder()
        var diagnostics: DiagnosticList
        var unreadable = false
        switch PackDirectory.read(folder) {
        case .failure(let problems):
            diagnostics = problems
            unreadable = true
        case .success(let files):
            // Everything that needs no profile: the pack's examples run too.
            diagnostics = PackLint.run(files).diagnostics
        }
        switch format {
        case .text:
            Terminal.standardOutput(DiagnosticRenderer(usesColour: Terminal.stdoutUsesColour).render(diagnostics))
            Terminal.standardOutput("\(diagnostics.errorCount) error\(diagnostics.errorCount == 1 ? "" : "s"), \(diagnostics.warningCount) warning\(diagnostics.warningCount == 1 ? "" : "s")\n")
        case .json:
            Terminal.standardOutput(DiagnosticJSON.render(diagnostics))
        }
        // A pack that cannot be read is bad input (2); a pack read with errors is a finding (1).
        if unreadable { throw ExitStatus.badInput }
        if diagnostics.hasErrors { throw ExitStatus.problemsFound }
    }
}
