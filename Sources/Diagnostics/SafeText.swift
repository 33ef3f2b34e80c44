/// Text from a user's file made safe for where it goes: one function per destination, used by
/// every renderer and by the diagnostic renderer. Whatever a pack or a profile holds (escape
/// sequences, NUL, C1 controls, bidirectional overrides, markup, formulas), it reaches the reader
/// as visible text and never as an instruction to the terminal, the page or the spreadsheet.
public enum SafeText {
    /// Control characters that would act on a terminal or reorder text: C0 but line feed and tab,
    /// DEL, C1, and the bidirectional embedding, override and isolate marks.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `\u{1B}` for ESC: how a control character shows in a terminal.
    public static func visible(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// For a terminal: every control character shown as `\u{…}`. With `keepingColours`, the
    /// colour sequences orgdiag itself writes (`ESC [ … m` made only of reset, bold and the
    /// foreground colours 30–37) are kept, for output coloured on purpose; anything else a
    /// terminal would obey (clearing the screen, setting the window title, ringing the bell,
    /// concealing or blinking text) is shown, not sent. With `singleLine`, line feeds and tabs are shown
    /// too, so that the text cannot start a line of its own (a diagnostic's path and message).
    public static func terminal(_ text: String, keepingColours: Bool = false, singleLine: Bool = false) -> String {
        func shown(_ scalar: Unicode.Scalar) -> Bool { isControl(scalar) || singleLine && (scalar == "\n" || scalar == "\t") }
        guard text.unicodeScalars.contains(where: shown) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if keepingColours, scalar == "\u{1B}", index + 1 < scalars.count, scalars[index + 1] == "[" {
                var end = index + 2
                while end < scalars.count, scalars[end] == ";" || ("0"..."9").contains(scalars[end]) { end += 1 }
                let parameters = String(String.UnicodeScalarView(scalars[(index + 2)..<end])).split(separator: ";", omittingEmptySubsequences: false)
                let harmless = parameters.allSatisfy { $0.isEmpty || $0 == "0" || $0 == "1" || ($0.count == 2 && $0.hasPrefix("3")) }
                if end < scalars.count, scalars[end] == "m", harmless {
                    out.append(contentsOf: scalars[index...end])
                    index = end + 1
                    continue
                }
            }
            if shown(scalar) {
                out.append(contentsOf: visible(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
            index += 1
        }
        return String(out)
    }

    /// For Markdown: markup characters escaped, and `&` where it could start an entity (`&copy;`,
    /// `&#60;`); line breaks folded into spaces, control characters shown as `\u{…}`, so that the
    /// text renders as itself.
    public static func markdown(_ text: String) -> String {
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "#", "|", "<", ">", "!", "{", "}", "~":
                out += "\\" + String(scalar)
            case "&":
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                out += next == "#" || next.properties.isAlphabetic ? "\\&" : "&"
            case "\n", "\r": out += " "
            default:
                if isControl(scalar) { out += visible(scalar) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// For HTML text and attribute values: `& < > " '` as entities, control characters (which
    /// HTML does not allow) as U+FFFD.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        ScalarReplacement.append(text, to: &out) { scalar in
            switch scalar {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"": return "&quot;"
            case "'": return "&#39;"
            default: return isControl(scalar) ? "\u{FFFD}" : nil
            }
        }
        return out
    }

    /// For XML text and attribute values (WordprocessingML): as ``html(_:)``, and the two
    /// noncharacters XML 1.0 does not allow (U+FFFE, U+FFFF) as U+FFFD too.
    public static func xml(_ text: String) -> String {
        let escaped = html(text)
        guard escaped.unicodeScalars.contains(where: { $0.value == 0xFFFE || $0.value == 0xFFFF }) else { return escaped }
        return String(String.UnicodeScalarView(escaped.unicodeScalars.map { $0.value == 0xFFFE || $0.value == 0xFFFF ? "\u{FFFD}" : $0 }))
    }

    /// For a CSV cell read by a spreadsheet splitting on `,` or on `;` (French Excel): a cell
    /// starting like a formula (`= + - @`, tab, CR) gets a leading `'` unless it is a number; a
    /// cell holding either delimiter, a quote, a line break or a tab is quoted, so that no part of
    /// it becomes a cell of its own; control characters become U+FFFD.
    public static func csvCell(_ value: String) -> String {
        var text = String(String.UnicodeScalarView(value.unicodeScalars.map { scalar in
            isControl(scalar) && scalar != "\r" && scalar != "\n" ? "\u{FFFD}" : scalar
        }))
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first), Double(text) == nil {
            text = "'" + text
        }
        if text.unicodeScalars.contains(where: { [",", ";", "\"", "\n", "\r", "\t"].contains($0) }) {
            var quoted = "\""
            for character in text { quoted += character == "\"" ? "\"\"" : String(character) }
            text = quoted + "\""
        }
        return text
    }

    /// For JSON: a string literal (``JSONString/quoted(_:)``), control characters escaped.
    public static func json(_ text: String) -> String {
        JSONString.quoted(text)
    }
}
