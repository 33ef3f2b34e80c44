import RuleModel

/// An answer as a consultant types it at `orgdiag ask`, rewritten into the profile's YAML form:
/// `oui` / `non` (when the pack speaks French) and `yes` / `no` (in English) for a boolean; a
/// decimal comma (when the pack speaks French), grouped digits (`7 800`) and a trailing `%` for a
/// number (`2,5`, `-32 %`); the
/// label of a word in any of the pack's languages (`la menace budgétaire` for `budget_threat`);
/// a list of words or labels separated by commas for a set. Anything else is left as typed, for
/// the fact's reader to accept or explain.
enum TypedAnswer {
    static func normalised(_ answer: String, for fact: FactDefinition, languages: [String]) -> String {
        let typed = answer.trimmingSpaces
        switch fact.type.answer {
        case .boolean:
            let lowered = typed.lowercased()
            var yes: Set<String> = ["true"], no: Set<String> = ["false"]
            if languages.contains("fr") { yes.formUnion(["oui", "o", "vrai"]); no.formUnion(["non", "n", "faux"]) }
            if languages.contains("en") { yes.formUnion(["yes", "y"]); no.formUnion(["no", "n"]) }
            return yes.contains(lowered) ? "true" : no.contains(lowered) ? "false" : typed
        case .number:
            var scalars = String.UnicodeScalarView()
            for scalar in typed.unicodeScalars {
                switch scalar {
                case " ", "\u{a0}", "\u{202f}": continue            // grouped digits, or a space before %
                case "\u{2212}": scalars.append("-")                // the typographic minus sign
                default: scalars.append(scalar)
                }
            }
            var number = String(scalars)
            if number.hasSuffix("%") { number.removeLast() }
            let parts = number.split(separator: ",", omittingEmptySubsequences: false)
            if languages.contains("fr"), parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
               parts.allSatisfy({ $0.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") } }) {
                number = parts[0] + "." + parts[1]
            }
            return Double(number) != nil ? number : typed
        case .word:
            return word(typed, of: fact) ?? typed
        case .words:
            guard !typed.hasPrefix("[") else { return typed }
            let items = typed.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            let words = items.map { word($0, of: fact) ?? $0 }
            return "[" + words.joined(separator: ", ") + "]"
        case .text, .date:
            return typed
        }
    }

    /// The declared word whose id or label (in any language) is `typed`, ignoring case.
    private static func word(_ typed: String, of fact: FactDefinition) -> String? {
        let lowered = typed.lowercased()
        return fact.values.first { value in
            value.lowercased() == lowered || fact.valueLabels[value]?.translations.values.contains { $0.lowercased() == lowered } == true
        }
    }
}
