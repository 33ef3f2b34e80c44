import RuleModel

/// Small formatting helpers shared by the renderers.
enum ReportText {
    /// A score or weight without a useless decimal part.
    static func number(_ value: Double) -> String { Value.format(value) }

    /// The text with a capital first letter and a final full stop, unless it already ends a sentence.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        let capitalised = first.uppercased() + text.dropFirst()
        return [".", "!", "?"].contains(capitalised.last) ? capitalised : capitalised + "."
    }
}
