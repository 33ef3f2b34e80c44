import Testing
@testable import Diagnostics

/// JSON string literals and HTML text, which append whole runs between the characters they
/// escape: they must give what escaping scalar by scalar gives, also where a run starts inside a
/// character (a combining mark after `<` or a quote belongs to it).
@Suite struct EscapeByRunsTests {
    /// Escapes `text` one scalar at a time with `escape`: the reference.
    private func scalarByScalar(_ text: String, _ escape: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        for scalar in text.unicodeScalars { out += escape(scalar) ?? String(scalar) }
        return out
    }

    private static let samples: [String] = {
        var samples = ["", "plain", "\"", "<\u{301}b", "a\"\u{308}", "\\\u{301}\u{302}", "é<è>&'\"", "\u{1F1EB}\u{1F1F7}<\u{200D}",
                       "\u{0}\u{1F}\u{7F}\u{85}\u{202E}x\u{2066}", "line\nnext\r\ttab", "40\u{a0}%", "<<<", "&&\u{301}"]
        // Random strings over the characters that matter and a few ordinary ones.
        let pieces = ["a", "é", "\u{301}", "<", ">", "&", "\"", "'", "\\", "\n", "\u{1}", "\u{9C}", "\u{202A}", "€", "\u{1F600}", " "]
        var seed: UInt64 = 42
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<12 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(seed >> 33) % pieces.count]
            }
            samples.append(text)
        }
        return samples
    }()

    @Test func jsonStringsAreEscapedAsScalarByScalar() {
        for text in Self.samples {
            let expected = "\"" + scalarByScalar(text) { scalar in
                switch scalar {
                case "\"": return "\\\""
                case "\\": return "\\\\"
                case "\n": return "\\n"
                case "\r": return "\\r"
                case "\t": return "\\t"
                case "<": return "\\u003c"
                default:
                    guard scalar.value < 0x20 else { return nil }
                    let hex = String(scalar.value, radix: 16)
                    return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            } + "\""
            #expect(Array(JSONString.quoted(text).unicodeScalars) == Array(expected.unicodeScalars), "\(text.debugDescription)")
        }
    }

    @Test func htmlTextIsEscapedAsScalarByScalar() {
        for text in Self.samples {
            let expected = scalarByScalar(text) { scalar in
                switch scalar {
                case "&": return "&amp;"
                case "<": return "&lt;"
                case ">": return "&gt;"
                case "\"": return "&quot;"
                case "'": return "&#39;"
                default: return SafeText.isControl(scalar) ? "\u{FFFD}" : nil
                }
            }
            #expect(Array(SafeText.html(text).unicodeScalars) == Array(expected.unicodeScalars), "\(text.debugDescription)")
        }
        #expect(SafeText.html("<\u{301}script>") == "&lt;\u{301}script&gt;")
    }
}
