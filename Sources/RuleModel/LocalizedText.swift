/// A text in several languages, keyed by language code (`fr`, `en`).
public struct LocalizedText: Hashable, Sendable {
    /// The text per language.
    public var translations: [String: String]

    /// Creates a text from its translations.
    public init(_ translations: [String: String]) {
        self.translations = translations
    }

    /// The text in `language`, else in `fallback`, else in the first language in alphabetical order.
    public func text(in language: String, fallback: String) -> String {
        translations[language] ?? translations[fallback]
            ?? translations.keys.sorted().first.flatMap { translations[$0] } ?? ""
    }
}

/// A text is stored as a list of its languages and texts in turn, in the languages' order (a list
/// reads faster than a keyed container, and the order makes a text's bytes the same every time).
extension LocalizedText: Codable {
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        // Room for the pack's languages (two, usually) from the start, rather than grown twice.
        var translations = [String: String](minimumCapacity: container.count.map { $0 / 2 } ?? 2)
        while !container.isAtEnd {
            let language = try container.decode(String.self)
            translations[language] = try container.decode(String.self)
        }
        self.init(translations)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for (language, text) in translations.sorted(by: { $0.key < $1.key }) {
            try container.encode(language)
            try container.encode(text)
        }
    }
}
