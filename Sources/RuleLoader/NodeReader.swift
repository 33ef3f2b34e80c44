import Diagnostics
import RuleModel
import YAML

/// Reading helpers shared by the pack and profile loaders: each records its problems in a
/// diagnostic list and returns `nil` instead of stopping, so that every problem is reported.
struct NodeReader {
    var diagnostics = DiagnosticList()
    /// The pack's languages, for localised texts; the first is the default.
    var languages: [String] = ["en"]
    /// The code for an unknown key (pack or profile flavour).
    var unknownKeyCode = PackCheck.unknownKey.code
    var missingKeyCode = PackCheck.missingKey.code
    /// The code for a text in a language the pack does not have (pack or profile flavour).
    var unknownLanguageCode = PackCheck.unknownLanguage.code

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// Runs an accessor, recording its diagnostic on failure.
    mutating func read<T>(_ body: () throws(Diagnostic) -> T) -> T? {
        do {
            return try body()
        } catch {
            diagnostics.append(error)
            return nil
        }
    }

    /// The pairs of a mapping as key → value, after checking that every key is allowed and every
    /// required key present. Returns `nil` when the node is not a mapping.
    mutating func fields(_ node: YAMLNode, allowed: [String], required: [String] = [],
                         what: String) -> [String: YAMLNode]? {
        guard let pairs = read({ () throws(Diagnostic) in try node.mapping() }) else { return nil }
        var fields: [String: YAMLNode] = [:]
        for pair in pairs {
            guard let key = read({ () throws(Diagnostic) in try pair.key.string() }) else { continue }
            guard allowed.contains(key) else {
                report(.error(unknownKeyCode, "unknown key '\(key)' in \(what)", at: pair.key.location)
                    .suggesting(Suggestion.hint(for: key, among: allowed, listingAll: true)))
                continue
            }
            fields[key] = pair.value
        }
        for key in required where fields[key] == nil {
            report(.error(missingKeyCode, "\(what) lacks the required key '\(key)'", at: startOf(node)))
        }
        return fields
    }

    /// A snake_case id: lowercase letters, digits and underscores, starting with a letter.
    mutating func id(_ node: YAMLNode) -> String? {
        guard let text = read({ () throws(Diagnostic) in try node.string() }) else { return nil }
        guard Self.isValidID(text) else {
            report(PackCheck.invalidID.diagnostic("'\(text)' is not a valid id; use lowercase letters, digits and '_', starting with a letter",
                          at: node.location))
            return nil
        }
        return text
    }

    static func isValidID(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first), text.count <= 64 else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// A list of ids (a single id is accepted as a one-item list).
    mutating func ids(_ node: YAMLNode) -> [(id: String, location: SourceLocation)] {
        let items: [YAMLNode]
        if case .sequence(let list) = node.content { items = list } else { items = [node] }
        return items.compactMap { item in id(item).map { ($0, item.location) } }
    }

    /// A list of strings (a single string is accepted as a one-item list).
    mutating func strings(_ node: YAMLNode) -> [String] {
        let items: [YAMLNode]
        if case .sequence(let list) = node.content { items = list } else { items = [node] }
        return items.compactMap { item in read({ () throws(Diagnostic) in try item.string() }) }
    }

    /// A text in the pack's languages: a plain string (in the default language) or a mapping of
    /// language to text.
    mutating func localized(_ node: YAMLNode) -> LocalizedText? {
        if node.scalar != nil {
            return read({ () throws(Diagnostic) in try node.string() }).map { LocalizedText([languages[0]: $0]) }
        }
        guard let pairs = read({ () throws(Diagnostic) in try node.mapping() }) else { return nil }
        var translations: [String: String] = [:]
        for pair in pairs {
            guard let language = read({ () throws(Diagnostic) in try pair.key.string() }),
                  let text = read({ () throws(Diagnostic) in try pair.value.string() }) else { continue }
            guard languages.contains(language) else {
                report(.error(unknownLanguageCode, "language '\(language)' is not one of the pack's languages (\(languages.joined(separator: ", ")))",
                              at: pair.key.location))
                continue
            }
            translations[language] = text
        }
        return LocalizedText(translations)
    }

    func startOf(_ node: YAMLNode) -> SourceLocation {
        SourceLocation(file: node.location.file, range: SourceRange(start: node.location.range.start))
    }
}
