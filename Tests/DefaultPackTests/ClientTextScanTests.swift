import Diagnostics
import Engine
import Foundation
import Reports
import RuleLoader
import RuleModel
import Testing
import TestSupport
import ZIPFoundation

/// Every fixture, in French and English, in every client-facing format (text, Markdown, HTML, Word),
/// scanned for what a client must never read: a raw id, an ISO date, a count that does not agree
/// with its noun ("1 diagnostics", "0 projets"), "de" before a vowel, a unit split from its number,
/// "judgement" anywhere but where the methodology appendix says a threshold is the consultancy's.
@Suite struct ClientTextScanTests {
    /// Nouns that end in -s in the singular too.
    static let invariable: Set<String> = ["mois", "fois", "temps", "cours", "pays", "corps"]

    static func reports() throws -> [(name: String, language: String, format: String, text: String)] {
        let pack = try DefaultPackTests.load()
        let engine = try Engine(pack: pack)
        var reports: [(String, String, String, String)] = []
        for (name, profile) in try DefaultPackTests.fixtureProfiles(pack) {
            let evaluation = engine.evaluate(profile)
            for language in ["fr", "en"] {
                let model = ReportModel(evaluation, questions: engine.questions(for: evaluation), language: language,
                                        generatedOn: "2026-11-26", toolVersion: "test")
                reports.append((name, language, "text", TextReportRenderer(width: 80).render(model)))
                reports.append((name, language, "markdown", MarkdownReportRenderer().render(model)))
                reports.append((name, language, "html", Self.visibleText(HTMLReportRenderer().render(model))))
                reports.append((name, language, "docx", try Self.wordText(DocxReportRenderer().document([model]))))
            }
        }
        return reports
    }

    /// The text a reader sees in a page: no style sheet, no tags, entities decoded.
    static func visibleText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (entity, character) in [("&#39;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// The text of a Word document's body and header, a paragraph a line.
    static func wordText(_ package: [UInt8]) throws -> String {
        let archive = try Archive(data: Data(package), accessMode: .read)
        var text = ""
        for part in ["word/document.xml", "word/header1.xml"] {
            let entry = try #require(archive[part])
            var xml = Data()
            _ = try archive.extract(entry) { xml.append($0) }
            text += visibleText(String(decoding: xml, as: UTF8.self).replacingOccurrences(of: "</w:p>", with: "\n")
                .replacingOccurrences(of: "<w:tab/>", with: " ").replacingOccurrences(of: "<w:br/>", with: "\n"))
        }
        return text
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    @Test func noClientReadsWhatADeliverableMustNotShow() throws {
        let pack = try DefaultPackTests.load()
        // The pack's own ids with an underscore: no word of French or English has one.
        let ids = Set(pack.facts.map(\.id) + pack.parameters.map(\.id) + pack.indicators.map(\.id) + pack.findings.map(\.id)
                      + pack.recommendations.map(\.id) + pack.strengths.map(\.id) + pack.themes.map(\.id) + pack.stages.map(\.id)
                      + pack.dimensions.map(\.id) + pack.facts.flatMap(\.values) + pack.metadata.organisationKinds
                      + [pack.metadata.id, pack.contentHash]).filter { $0.contains("_") || $0 == pack.contentHash }
        let reports = try Self.reports()
        #expect(reports.count == 15 * 2 * 4)
        for (name, language, format, text) in reports {
            let place = "\(name), \(language), \(format)"
            #expect(Self.matches("\\b\\d{4}-\\d{2}-\\d{2}\\b", in: text).isEmpty, "an ISO date in \(place)")
            let words = Set(Self.matches("[\\p{L}\\p{N}_]+", in: text))
            #expect(words.intersection(ids).isEmpty, "raw ids \(words.intersection(ids).sorted()) in \(place)")
            // Counts held to their noun by a no-break space, as the reports write them.
            let counts = language == "fr" ? Self.matches("(?<![\\d,.\\u202f])[01]\\u00a0\\p{L}+s\\b", in: text)
                : Self.matches("(?<![\\d,.])1\\u00a0\\p{L}+s\\b", in: text)
            let wrong = counts.filter { !Self.invariable.contains(String($0.dropFirst(2))) }
            #expect(wrong.isEmpty, "\(wrong) in \(place)")
            if language == "fr" {
                #expect(Self.matches("\\b[Dd]e [aeiouàâéèêîôûAEIOUÉÈ]", in: text).isEmpty, "'de' before a vowel in \(place): \(Self.matches("\\b[Dd]e [aeiouàâéèêîôûAEIOUÉÈ]\\S*", in: text))")
            }
            #expect(Self.matches("\\n\\s*[%:;]", in: text).isEmpty, "a unit or a mark split from what it follows in \(place)")
            // "Judgement" only as the methodology appendix words a threshold the consultancy chose.
            let judgements = Self.matches("(?i)(\\S+\\s+\\S+\\s+)?\\b(judgement|jugement)\\b(\\s+\\S+\\s+\\S+)?", in: text)
                .filter { !$0.lowercased().contains("jugement du cabinet") && !$0.lowercased().contains("consultancy's judgement") }
            #expect(judgements.isEmpty, "\(judgements) in \(place)")
        }
    }
}
