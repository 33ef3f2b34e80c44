import ArgumentParser
import Reports

/// `orgdiag rules`: the pack's reference, generated from the pack.
struct RulesCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Print the pack's reference: dimensions, facts with their questions, parameters, indicators, diagnostics, recommendations.")

    @OptionGroup var pack: PackOptions

    @Option(name: .customLong("lang"), help: "Language of the reference (default: the pack's).")
    var language: String?

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let rulePack = try pack.loadPack()
        let language = try ReportSupport.language(language, of: rulePack)
        let reference = PackReferenceRenderer(language: language, markdown: format == .markdown).render(rulePack)
        try ReportSupport.emit(reference, to: output)
    }
}
