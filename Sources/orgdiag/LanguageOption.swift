import ArgumentParser
import RuleModel

/// `--lang`, shared by every command that writes texts of the pack.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Language of the output, one of the pack's (default: the pack's).")
    var language: String?

    /// The language asked for, which must be one of the pack's; the pack's default otherwise.
    func resolve(for pack: RulePack) throws -> String {
        guard let language else { return pack.metadata.defaultLanguage }
        guard pack.metadata.languages.contains(language) else {
            throw ExitStatus.usage("--lang: the pack speaks \(pack.metadata.languages.joined(separator: ", ")), not '\(language)'")
        }
        return language
    }
}
