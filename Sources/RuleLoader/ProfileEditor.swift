import Diagnostics
import RuleModel
import YAML

/// Changes one fact of a profile in its YAML text, keeping everything else as written
/// (comments, order, layout): what `orgdiag ask` saves after each answer.
public enum ProfileEditor {
    /// The stable code of an edit that cannot be made.
    public static let code = DiagnosticCode("profile.cannot-edit")

    /// Reads an answer typed for `fact`: as YAML (`12`, `true`, `none`, `[phone, desk]`, `~`), or as
    /// people type it (`oui`, `2,5`, `-32 %`, a word's label: ``TypedAnswer``).
    /// - Returns: the value, `nil` for an explicit unknown (`~` or `?`), or why the answer does not fit.
    public static func parseAnswer(_ answer: String, for fact: FactDefinition, languages: [String] = ["en"]) -> Result<Value?, Diagnostic> {
        let trimmed = answer.trimmingSpaces
        if trimmed == "?" || trimmed == "~" { return .success(nil) }
        let typed = TypedAnswer.normalised(trimmed, for: fact, languages: languages)
        let file = SourceFile(path: "<answer>", text: typed)
        let node: YAMLNode
        do {
            node = try YAMLParser.parseDocument(file)
        } catch {
            return .failure(error.sorted.first ?? .error(code, "cannot read the answer", at: nil))
        }
        var reader = NodeReader(languages: languages)
        let value = reader.factValue(node, for: fact)
        if let problem = reader.diagnostics.sorted.first { return .failure(problem) }
        return .success(value ?? nil)
    }

    /// The profile's text with `factID` set to `value` (`nil`: `~`) in `section` (`facts`, or
    /// `evidence` for where a value came from). A key already written is replaced in place; a new
    /// one is added at the end of the section (created when missing).
    public static func setting(_ factID: String, to value: Value?, in file: SourceFile,
                               section: FileFormat.ProfileSection = .facts) -> Result<String, Diagnostic> {
        let name = section.rawValue
        let root: YAMLNode
        do {
            root = try YAMLParser.parseDocument(file)
        } catch {
            return .failure(error.sorted.first ?? .error(code, "cannot read the profile", at: nil))
        }
        // The file's own line ends are kept: a profile written with CRLF stays CRLF.
        let text = String(decoding: file.contents, as: UTF8.self)
        let lineEnd = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: lineEnd)
        let rendered = yaml(value)
        guard case .mapping(let pairs) = root.content else {
            return .failure(.error(code, "the profile is not a mapping", at: root.location))
        }
        guard let factsPair = pairs.first(where: { $0.key.scalar?.text == name }), !factsPair.value.isNull else {
            // Nothing in the section yet: add it at the end.
            if lines.last == "" { lines.removeLast() }
            if let factsPair = pairs.first(where: { $0.key.scalar?.text == name }) {
                lines.insert("  \(factID): \(rendered)", at: factsPair.key.location.range.start.line)
            } else {
                lines += ["\(name):", "  \(factID): \(rendered)"]
            }
            return .success(lines.joined(separator: lineEnd) + lineEnd)
        }
        guard case .mapping(let facts) = factsPair.value.content,
              factsPair.value.location.range.start.line > factsPair.key.location.range.start.line else {
            return .failure(.error(code, "'\(name)' must be written one entry per line for orgdiag ask to edit it",
                                   at: factsPair.value.location))
        }
        if let existing = facts.first(where: { $0.key.scalar?.text == factID }) {
            if existing.value.isNull, existing.value.scalar?.text == "" {
                // `fact:` with nothing after it: the value goes after the colon, on the key's line
                // (libyaml places the empty value where the next token starts).
                let keyRange = existing.key.location.range
                var line = Array(lines[keyRange.start.line - 1])
                guard let colon = line[min(keyRange.end.column - 1, line.count)...].firstIndex(of: ":") else {
                    return .failure(.error(code, "cannot find the ':' after '\(factID)'; edit it by hand", at: existing.key.location))
                }
                let rest = line[(colon + 1)...]
                let comment = rest.firstIndex(of: "#").map { String(line[$0...]) }
                line = Array(line[...colon]) + Array(" \(rendered)") + (comment.map { Array(" " + $0) } ?? [])
                lines[keyRange.start.line - 1] = String(line)
                return .success(lines.joined(separator: lineEnd))
            }
            let range = existing.value.location.range
            guard range.start.line == range.end.line || existing.value.isNull else {
                return .failure(.error(code, "the value of '\(factID)' spans several lines; edit it by hand", at: existing.value.location))
            }
            var line = Array(lines[range.start.line - 1])
            let start = range.start.column - 1
            let end = existing.value.isNull && range.end == range.start ? start : min(range.end.column - 1, line.count)
            line.replaceSubrange(start..<end, with: Array(rendered))
            lines[range.start.line - 1] = String(line)
            return .success(lines.joined(separator: lineEnd))
        }
        // A new fact: after the last line of the facts mapping, with the same indentation.
        let indent = facts.first.map { String(repeating: " ", count: $0.key.location.range.start.column - 1) } ?? "  "
        let lastLine = facts.map { max($0.value.location.range.end.line, $0.key.location.range.start.line) }.max()
            ?? factsPair.key.location.range.start.line
        // A block value ends at the start of the next line: step back onto its own last line.
        var insertAt = lastLine
        if let last = facts.last, last.value.location.range.end.column == 1, last.value.location.range.end.line > last.key.location.range.start.line {
            insertAt = last.value.location.range.end.line - 1
        }
        lines.insert("\(indent)\(factID): \(rendered)", at: min(insertAt, lines.count))
        return .success(lines.joined(separator: lineEnd))
    }

    /// A value written as YAML.
    public static func yaml(_ value: Value?) -> String {
        guard let value else { return "~" }
        switch value {
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return Value.format(number)
        case .string(let text): return quotedIfNeeded(text)
        case .set(let values): return "[" + values.map(quotedIfNeeded).joined(separator: ", ") + "]"
        }
    }

    private static func quotedIfNeeded(_ text: String) -> String {
        let plain = YAMLScalar(text: text, style: .plain).resolved == .string && !text.isEmpty
            && text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || "_- ".unicodeScalars.contains($0) }
            && !text.hasPrefix("-") && !text.hasPrefix(" ") && !text.hasSuffix(" ")
        guard !plain else { return text }
        var escaped = ""
        for character in text {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return "\"\(escaped)\""
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
