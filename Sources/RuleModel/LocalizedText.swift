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
