import Engine
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Reports
import RuleModel
import ZIPFoundation

extension FuzzTargets {
    /// The Word writer: the input's pieces (split at NUL bytes, decoded as UTF-8 with
    /// replacement) become the organisation's name, the consultant's context and key messages and
    /// a fact's source, in a report on the sample pack in each language. The package must unzip
    /// into the ten parts of a Word document, each well-formed XML, and the title must read back
    /// as the name with what XML cannot hold replaced.
    public static func word(_ bytes: [UInt8]) {
        let pieces = bytes.split(separator: 0, maxSplits: 4, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        func piece(_ index: Int) -> String { index < pieces.count ? pieces[index] : "" }
        var profile = Profile(name: piece(0), kind: "cci", assessedOn: "2026-09-22", facts: ["n": .number(3), "b": .bool(true), "e": .string("none")],
                              evidence: ["b": piece(3)])
        profile.summary = ConsultantSummary(context: LocalizedText(["en": piece(1)]),
                                            keyMessages: [LocalizedText(["en": piece(2)]), LocalizedText(["en": piece(4)])])
        let evaluation = sampleEngine.evaluate(profile)
        let model = ReportModel(evaluation, questions: sampleEngine.questions(for: evaluation), language: "en", generatedOn: "2026-12-02",
                                toolVersion: "fuzz")
        let package: [UInt8]
        do {
            package = try DocxReportRenderer().document([model, model])
        } catch {
            fatalError("the Word package could not be built: \(error)")
        }
        let archive: Archive
        do {
            archive = try Archive(data: Data(package), accessMode: .read, pathEncoding: nil)
        } catch {
            fatalError("the Word package does not unzip: \(error)")
        }
        let paths = archive.map(\.path)
        guard paths.count == 10 else { fatalError("the Word package holds \(paths)") }
        for entry in archive {
            var xml = Data()
            guard (try? archive.extract(entry, consumer: { xml.append($0) })) != nil else { fatalError("\(entry.path) does not extract") }
            let parser = XMLParser(data: xml)
            let reader = TitleReader()
            parser.delegate = reader
            guard parser.parse() else {
                fatalError("\(entry.path) is not well-formed XML: \(parser.parserError.map(String.init(describing:)) ?? "?")")
            }
            if entry.path == "word/document.xml" {
                let expected = SafeTextExpectation.xmlText(piece(0))
                guard reader.titles.first == expected else {
                    fatalError("the title reads back as \(reader.titles.first.debugDescription), not \(expected.debugDescription)")
                }
            }
        }
    }
}

/// What a text becomes in a Word document: control characters (but tab and line feed) and the
/// noncharacters U+FFFE and U+FFFF as U+FFFD; a tab and a line break are Word's own elements.
enum SafeTextExpectation {
    static func xmlText(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            switch scalar.value {
            case 0x09, 0x0A: return nil
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0xFFFE, 0xFFFF: return "\u{FFFD}"
            default: return scalar
            }
        }))
    }
}

/// Collects the text of each paragraph styled `Title`.
private final class TitleReader: NSObject, XMLParserDelegate {
    var titles: [String] = []
    private var inTitle = false
    private var inText = false
    private var current = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "w:p": current = ""; inTitle = false
        case "w:pStyle": inTitle = attributes["w:val"] == "Title"
        case "w:t": inText = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "w:t" { inText = false }
        if name == "w:p", inTitle { titles.append(current) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}
