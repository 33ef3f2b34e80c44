import ArgumentParser
import Diagnostics
import Foundation
import Reports

/// `orgdiag init`: a profile template with every fact of the pack.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a profile template: every fact of the pack, grouped by dimension, with its question, unit and range.")

    @OptionGroup var pack: PackOptions

    @Option(help: "The organisation kind to write in the template.")
    var kind: String?

    @OptionGroup var language: LanguageOption

    @OptionGroup var output: OutputOption

    func validate() throws {
        if let output = output.output, FileManager.default.fileExists(atPath: output) {
            throw ValidationError("'\(output)' already exists; orgdiag init never overwrites a profile")
        }
    }

    func run() throws {
        let rulePack = try pack.loadPack()
        let language = try language.resolve(for: rulePack)
        if let kind, !rulePack.metadata.organisationKinds.contains(kind) {
            throw ExitStatus.usage("--kind: unknown organisation kind '\(kind)'\(Suggestion.didYouMean(kind, among: rulePack.metadata.organisationKinds))")
        }
        let template = ProfileTemplateRenderer(language: language).render(rulePack, kind: kind, date: ReportSupport.today())
        try output.emit(template, inputs: [])
    }
}
