import ArgumentParser
import Diagnostics
import Engine
import Foundation
import Reports
import RuleLoader
import RuleModel

/// `orgdiag ask`: asks for the missing facts, most decisive first, and saves each answer.
struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Ask for a profile's missing facts, most decisive first, checking and saving each answer at once.")

    @Argument(help: ArgumentHelp("The profile to complete (create one with 'orgdiag init -o FILE').", valueName: "profile"))
    var profile: String

    @OptionGroup var pack: PackOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let rulePack = try pack.loadPack()
        let language = try language.resolve(for: rulePack)
        let engine = try ReportSupport.engine(for: rulePack)
        let prompt = QuestionPrompt(pack: rulePack, language: language)
        var file = try readProfileFile()
        var current = try loadProfile(file, pack: rulePack)
        Terminal.standardOutput(prompt.introduction(engine.evaluate(current)))
        var passed = Set<String>()
        var number = 0
        while let missing = engine.questions(for: engine.evaluate(current)).first(where: { !passed.contains($0.factID) }),
              let fact = rulePack.fact(missing.factID) {
            number += 1
            Terminal.standardOutput(prompt.question(missing, number: number))
            var answered = false
            while !answered {
                guard let line = readLine(strippingNewline: true) else {
                    Terminal.standardOutput("\n")
                    return
                }
                let answer = line.trimmingCharacters(in: .whitespaces)
                if answer == "q" { return }
                if answer.isEmpty {
                    passed.insert(fact.id)
                    break
                }
                switch ProfileEditor.parseAnswer(answer, for: fact, languages: rulePack.metadata.languages) {
                case .failure:
                    Terminal.standardOutput(prompt.refusal(answer: answer, for: fact))
                case .success(let value):
                    (file, current) = try save(fact.id, value, in: file, pack: rulePack)
                    if value == nil { passed.insert(fact.id) }
                    Terminal.standardOutput(prompt.saved(fact.id, value))
                    answered = true
                    // Where the answer comes from, kept beside it in `evidence:` (reports show it).
                    guard value != nil else { break }
                    Terminal.standardOutput(prompt.sourceQuestion)
                    guard let source = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces) else { return }
                    if source == "q" { return }
                    if !source.isEmpty {
                        (file, current) = try save(fact.id, .string(source), in: file, pack: rulePack, section: .evidence)
                    }
                }
            }
        }
    }

    private func readProfileFile() throws -> SourceFile {
        switch ProfileInput.readFile(profile) {
        case .failure(let problems):
            Terminal.report(problems)
            throw ExitStatus.badInput
        case .success(let file):
            return file
        }
    }

    private func loadProfile(_ file: SourceFile, pack: RulePack) throws -> Profile {
        switch ProfileLoader.load(file, pack: pack) {
        case .failure(let problems):
            Terminal.report(problems)
            throw ExitStatus.badInput
        case .success(let loaded):
            return loaded
        }
    }

    /// Writes the answer into the file (atomically, only if the result is still a valid profile).
    private func save(_ factID: String, _ value: Value?, in file: SourceFile, pack: RulePack,
                      section: FileFormat.ProfileSection = .facts) throws -> (SourceFile, Profile) {
        switch ProfileEditor.setting(factID, to: value, in: file, section: section) {
        case .failure(let problem):
            Terminal.report(DiagnosticList([problem]))
            throw ExitStatus.badInput
        case .success(let text):
            let edited = SourceFile(path: file.path, text: text)
            let profile = try loadProfile(edited, pack: pack)
            let sink = try StreamingOutput(path: file.path)
            sink.write(text)
            try sink.finish()
            return (edited, profile)
        }
    }
}
