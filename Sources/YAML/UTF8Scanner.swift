import CByteScan
import Diagnostics

/// Checks that a file is UTF-8 made only of characters YAML allows, before libyaml sees it, so
/// that each bad byte gets its own line and column.
enum UTF8Scanner {
    /// Every invalid sequence or forbidden character, at most `limit` of them, and the byte
    /// offset where each line starts.
    static func scan(_ file: SourceFile, limit: Int = 20) -> (problems: [Diagnostic], lineStarts: [Int]) {
        var problems: [Diagnostic] = []
        let bytes = file.contents
        // Room for a line per line feed (the other breaks are rare), made at once: grown by
        // doubling, the line starts of a window were copied and their pages faulted in twice.
        var lineStarts = [0]
        lineStarts.reserveCapacity(1 + bytes.withUnsafeBufferPointer { LineIndex.lineFeeds(in: $0) })
        var index = 0
        var line = 1
        var column = 1
        func report(_ code: DiagnosticCode, _ message: String) {
            let location = SourceLocation(file: file, range: SourceRange(line: line, column: column, endColumn: column + 1))
            problems.append(.error(code, message, at: location))
        }
        let count = bytes.count
        // Line starts found by the plain-text scan, a batch at a time.
        var found = [Int](repeating: 0, count: 1024)
        while index < count, problems.count < limit {
            // Printable ASCII, tabs and line feeds, the bulk of any file, are scanned sixteen bytes
            // at a time, noting where each line starts.
            var written = 0
            let run = bytes.withUnsafeBufferPointer { bytes in
                found.withUnsafeMutableBufferPointer { found in
                    orgdiag_scan_plain_lines(bytes.baseAddress! + index, count - index, index, found.baseAddress!, found.count, &written)
                }
            }
            index += run
            if written > 0 {
                lineStarts += found[..<written]
                line += written
                column = index - lineStarts[lineStarts.count - 1] + 1
            } else {
                column += run
            }
            guard index < count else { break }
            let byte = bytes[index]
            // Line breaks as libyaml counts them (``LineIndex``): LF, CR, CRLF, NEL, LS, PS.
            let breakLength = byte == 0x0A ? 1
                : byte == 0x0D || byte == 0xC2 || byte == 0xE2 ? bytes.withUnsafeBufferPointer { LineIndex.breakLength(in: $0, at: index) } : 0
            if breakLength > 0 {
                index += breakLength
                lineStarts.append(index)
                line += 1
                column = 1
                continue
            }
            if byte < 0x80 {
                if (byte < 0x20 && byte != 0x09 && byte != 0x0D) || byte == 0x7F {
                    report(YAMLDiagnosticCode.controlCharacter,
                           "control character \(hex(UInt32(byte))) is not allowed in YAML")
                }
                index += 1
                column += 1
                continue
            }
            guard let (scalar, length) = decode(bytes, at: index) else {
                report(YAMLDiagnosticCode.invalidUTF8,
                       "invalid UTF-8 byte 0x\(String(byte, radix: 16, uppercase: true)); save the file as UTF-8")
                // One report for the whole malformed sequence: skip its continuation bytes.
                index += 1
                while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
                column += 1
                continue
            }
            if (0x80...0x9F).contains(scalar) && scalar != 0x85 || scalar == 0xFFFE || scalar == 0xFFFF {
                report(YAMLDiagnosticCode.controlCharacter, "control character \(hex(scalar)) is not allowed in YAML")
            }
            index += length
            column += 1
        }
        return (problems, lineStarts)
    }

    private static func hex(_ scalar: UInt32) -> String {
        let digits = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Decodes one multi-byte scalar, refusing overlong forms, surrogates and values past U+10FFFF.
    private static func decode(_ bytes: [UInt8], at index: Int) -> (UInt32, Int)? {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let continuation = bytes[index + offset]
            guard continuation & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        let minimum: UInt32 = length == 3 ? 0x800 : length == 4 ? 0x10000 : 0x80
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return nil }
        return (value, length)
    }
}
