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

    @OptionGroup var language: LanguageOption

    @Option(help: "Output format.")
    var format: Format = .text

    @OptionGroup var output: OutputOption

    func run() throws {
        let (rulePack, packFiles) = try pack.load()
        let language = try language.resolve(for: rulePack)
        let reference = PackReferenceRenderer(language: language, markdown: format == .markdown).render(rulePack)
        try output.emit(reference, inputs: packFiles)
    }
}
