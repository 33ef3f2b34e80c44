/// The consultant's own words on an organisation, written in its profile: the context of the
/// assessment and the key messages, each in one or several of the pack's languages. Reports open
/// with them, before the messages the engine draws from the findings.
public struct ConsultantSummary: Hashable, Sendable {
    /// The context of the assessment: one or several paragraphs (separated by a blank line).
    public var context: LocalizedText?
    /// The consultant's key messages, in the order written.
    public var keyMessages: [LocalizedText]

    /// Creates a summary.
    public init(context: LocalizedText? = nil, keyMessages: [LocalizedText] = []) {
        self.context = context
        self.keyMessages = keyMessages
    }

    /// The paragraphs of a text: runs of lines separated by blank lines, each run's lines joined
    /// by a space (YAML block scalars keep the author's line breaks).
    public static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = String(line.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs
    }
}
