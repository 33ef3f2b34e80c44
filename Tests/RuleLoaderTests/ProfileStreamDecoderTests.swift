import Diagnostics
import Foundation
import Testing
import RuleModel
import YAML
@testable import RuleLoader

/// The fast stream decoder gives exactly what the tree parser and the profile loader give:
/// the same profiles, and for bad documents the same diagnostics.
@Suite struct ProfileStreamDecoderTests {
    /// The tree parser and the profile loader on each document of the stream on its own.
    private func reference(_ file: SourceFile, _ pack: RulePack) -> [String] {
        referenceResults(file, pack).map(describeDecoded)
    }

    private func referenceResults(_ file: SourceFile, _ pack: RulePack) -> [Result<Profile, DiagnosticList>] {
        var diagnostics = DiagnosticList()
        let lineStarts = YAMLParser.check(file, limits: .default, into: &diagnostics)!
        let starts = lineStarts.enumerated().filter { _, offset in
            offset + 3 <= file.contents.count && file.contents[offset..<offset + 3].elementsEqual("---".utf8)
        }
        var results: [Result<Profile, DiagnosticList>] = []
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].element : file.contents.count
            let (documents, problems) = YAMLParser.parse(file, bytes: start.element..<end, lineOffset: start.offset,
                                                         lineStarts: lineStarts)
            if problems.contains(where: { $0.severity == .error }) {
                results.append(.failure(DiagnosticList(problems.filter { $0.severity == .error })))
            } else {
                results += documents.map { ProfileLoader.load(profile: $0, file: file, pack: pack) }
            }
        }
        return results
    }

    private func decoded(_ file: SourceFile, _ pack: RulePack) -> [String] {
        ProfileStreamDecoder.decode(file, pack: pack, catalogue: ProfileLoader.Catalogue(pack.facts)).map(describeDecoded)
    }

    /// Every fixture profile, each as a document of one stream.
    private static func fixturesAsOneStream() throws -> String {
        let folder = packageRoot.appendingPathComponent("fixtures/profiles")
        var text = ""
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        where name.hasSuffix(".yaml") && !name.hasSuffix(".tests.yaml") {
            text += "---\n" + (try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
        return text
    }

    @Test func theFixturesAsOneStream() throws {
        let pack = try defaultPack()
        let text = try Self.fixturesAsOneStream()
        // Large enough to be cut in pieces read on several cores.
        let file = SourceFile(path: "all.yaml", text: String(repeating: text, count: 40))
        let expected = reference(file, pack)
        #expect(expected.count == 600)
        #expect(decoded(file, pack) == expected)
    }

    @Test func badDocumentsGetTheTreeParsersDiagnostics() throws {
        let pack = try defaultPack()
        let good = "---\norganisation: {name: Good, kind: caf}\nfacts:\n  staff_count: 10\n  paid_offer: none\n  services_x: ~\n"
            .replacingOccurrences(of: "  services_x: ~\n", with: "")
        let bad = [
            "---\norganisation: {name: A}\nfacts:\n  hierarchy_levles: 7\n",
            "---\norganisation: {name: B}\nfacts:\n  staff_count: many\n",
            "---\norganisation: {name: C}\nfacts:\n  staff_count: 1\n  staff_count: 2\n",
            "---\norganisation: &o {name: D}\nfacts:\n  staff_count: 1\n",
            "---\norganisation: {name: E, kind: cafe}\n",
            "---\n- a list\n",
            "---\norganisation: {name: F}\nfacts:\n  paid_offer: \"none\"\n  named_sponsor: !!str true\n",
            "---\nfacts: {staff_count: 3}\n",
            "---\n",
        ]
        var text = ""
        for (index, document) in bad.enumerated() { text += String(repeating: good, count: 200) + document + (index % 2 == 0 ? "" : "# comment\n") }
        let file = SourceFile(path: "mixed.yaml", text: text)
        #expect(decoded(file, pack) == reference(file, pack))
    }

    /// Scalars near the forms the decoder reads without a node give the loader's values or diagnostics.
    @Test func scalarsOfEveryFormGiveTheLoadersValues() throws {
        let pack = try defaultPack()
        let integers = ["7", "007", "-0", "0", "100", "101", "-1", "+3", "3.0", "3.5", "1e2", "0x1F", "0o7", "1_000", "\"5\"", "~", "''",
                        "1234567890123456", "-", "7 # comment"]
        let numbers = ["12.5", "-0.0", "-100", "-100.5", "300", "300.01", ".5", "5.", "1.5e1", "-.inf", ".nan", "0.1234567890123456", "'12'",
                       "0.1", "2.675", "0.3", "99.999999999999", "1.00000000000001", "-99.1234567890123", "1.2.3", "--1", "-.5", "4-"]
        let booleans = ["true", "false", "True", "FALSE", "yes", "\"true\"", "null", "1"]
        let words = ["none", "'none'", "\"planned\"", "None", "null", "~", "existing ", "other"]
        var text = ""
        for value in integers { text += "---\norganisation: {name: I}\nfacts:\n  experiments_24m: \(value)\n" }
        for value in numbers { text += "---\norganisation: {name: N}\nfacts:\n  public_funding_change_5y: \(value)\n" }
        for value in booleans { text += "---\norganisation: {name: B}\nfacts:\n  activity_costing: \(value)\n" }
        for value in words { text += "---\norganisation: {name: W}\nfacts:\n  paid_offer: \(value)\n" }
        let file = SourceFile(path: "forms.yaml", text: text)
        let actual = decoded(file, pack)
        #expect(actual == reference(file, pack))
        #expect(actual.count == integers.count + numbers.count + booleans.count + words.count)
        #expect(actual.filter { $0.hasPrefix("ok") }.count > 20)
        #expect(actual.filter { $0.hasPrefix("failed") }.count > 10)
    }

    /// Decimals read from their digits are the doubles the loader reads (correctly rounded).
    @Test func decimalsAreReadAsTheLoaderReadsThem() throws {
        let pack = try defaultPack()
        var text = ""
        for index in 0..<3000 {
            let fractionDigits = 1 + index % 12
            var modulus = 1
            for _ in 0..<fractionDigits { modulus *= 10 }
            let fraction = String((index * 104_729 + 12_345) % modulus)
            let whole = (index * 37) % 300 - 100
            let sign = whole == 0 && index % 2 == 1 ? "-" : ""
            let value = "\(sign)\(whole).\(String(repeating: "0", count: fractionDigits - fraction.count))\(fraction)"
            text += "---\norganisation: {name: N}\nfacts:\n  public_funding_change_5y: \(value)\n"
        }
        let file = SourceFile(path: "decimals.yaml", text: text)
        let actual = decoded(file, pack)
        #expect(actual.count == 3000)
        #expect(actual == reference(file, pack))
    }

    /// Lists of a set fact's words near the forms read without nodes give the loader's values or diagnostics.
    @Test func listsOfEveryFormGiveTheLoadersValues() throws {
        let result = loadPack(files: ["pack": header + "facts:\n  services: {type: set, values: [phone, desk, web], label: Services}\n"
                                      + "  levels: {type: integer, range: [1, 20], label: Levels}\n"
                                      + "diagnostics:\n  - {id: d, severity: low, title: T, when: \"levels > 3 and services contains 'web'\"}\n"])
        let pack = try #require(result.pack, "\(result.diagnostics.summaries)")
        let lists = ["[phone, desk]", "[web, phone, web]", "[]", "['desk', \"web\"]", "[phone, ~]", "[phone, null]", "[phone, fax]",
                     "[Phone]", "[[phone]]", "[{a: 1}]", "\n    - desk\n    - phone", "phone", "~", "[1]", "[true]"]
        var text = ""
        for list in lists { text += "---\norganisation: {name: S}\nfacts:\n  services: \(list)\n" }
        text += "---\norganisation: {name: L}\nfacts:\n  levels: [3]\n"
        let file = SourceFile(path: "lists.yaml", text: text)
        let actual = decoded(file, pack)
        #expect(actual == reference(file, pack))
        #expect(actual.count == lists.count + 1)
        #expect(actual.filter { $0.hasPrefix("ok") }.count >= 6)
    }

    /// libyaml breaks lines at a lone CR, NEL, LS and PS too (found by fuzzing: a lone CR in a
    /// comment made the fast path map libyaml's line numbers to the wrong bytes).
    @Test func otherLineBreaksGiveTheLoadersResults() throws {
        let pack = try defaultPack()
        let good = "---\norganisation: {name: Good}\nfacts:\n  staff_count: 10\n"
        for lineBreak in ["\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}"] {
            // An error after the break is located on the line libyaml gives it.
            let located = "organisation: {name: Odd}\(lineBreak)facts:\(lineBreak)  staff_count: many\n"
            let file = SourceFile(path: "located.yaml", text: String(repeating: good, count: 300) + "---\n" + located + good)
            let expected = reference(file, pack)
            #expect(expected.contains { $0.contains("located.yaml:1204:") }, "\(expected.filter { !$0.hasPrefix("ok") })")
            #expect(decoded(file, pack) == expected, "\(lineBreak.unicodeScalars.map { $0.value })")
            let odd = "#remi\(lineBreak)ernd.\norganisation:\n  name: Odd\n"
            let breaks = SourceFile(path: "breaks.yaml", text: String(repeating: good, count: 300) + "---\n" + odd + String(repeating: good, count: 300))
            #expect(decoded(breaks, pack) == reference(breaks, pack), "\(lineBreak.unicodeScalars.map { $0.value })")
            let single = SourceFile(path: "single.yaml", text: odd)
            #expect(decoded(single, pack) == [describeDecoded(ProfileLoader.load(single, pack: pack))],
                    "\(lineBreak.unicodeScalars.map { $0.value })")
        }
    }

    @Test func aSyntaxErrorInTheMiddleFailsItsDocumentOnly() throws {
        let pack = try defaultPack()
        let good = "---\norganisation: {name: Good}\nfacts:\n  staff_count: 10\n"
        let file = SourceFile(path: "broken.yaml", text: String(repeating: good, count: 3000) + "---\norganisation: {name: \"unterminated\n" + String(repeating: good, count: 3000))
        let actual = decoded(file, pack)
        #expect(actual == reference(file, pack))
        #expect(actual.count == 6001)
        #expect(actual[3000].hasPrefix("failed broken.yaml:12003:1: error[yaml.syntax]"))
    }

    /// A bad byte fails its own document only; in a file of one document, that document fails
    /// with the check's problem, at its line and column, whether decoded to profiles or to a table.
    @Test func aBadByteFailsItsDocumentOnly() throws {
        let pack = try defaultPack()
        let good = Array("---\norganisation: {name: Good}\nfacts:\n  staff_count: 10\n".utf8)
        let bad = Array("---\norganisation: {name: ".utf8) + [0xC3, 0x28] + Array("}\n".utf8)
        let several = SourceFile(path: "bytes.yaml", contents: good + bad + good)
        let results = decoded(several, pack)
        #expect(results.count == 3)
        #expect(results[1].hasPrefix("failed bytes.yaml:6:22: error[yaml.invalid-utf8]"), "\(results[1])")
        #expect(!results[0].hasPrefix("failed") && !results[2].hasPrefix("failed"))

        let one = SourceFile(path: "one.yaml", contents: Array(bad.dropFirst(4)))
        let alone = decoded(one, pack)
        #expect(alone.count == 1)
        #expect(alone.first?.hasPrefix("failed one.yaml:1:22: error[yaml.invalid-utf8]") == true, "\(alone)")
        let (table, failures) = ProfileStreamDecoder.decodeTable(one, pack: pack, catalogue: ProfileLoader.Catalogue(pack.facts))
        #expect(table.count == 1)
        #expect(failures[0]?.sorted.first.map { "\($0.location.map { "\($0)" } ?? "") \($0.code)" } == "one.yaml:1:22 yaml.invalid-utf8")
    }

    /// A profile without a mapping of facts has no facts by position either, as the loader's;
    /// an empty mapping has them, all unknown.
    @Test func documentsWithoutFactsGiveTheLoadersProfiles() throws {
        let pack = try defaultPack()
        let text = "---\norganisation: {name: A}\n---\norganisation: {name: B}\nfacts: ~\n---\norganisation: {name: C}\nfacts:\n"
            + "---\norganisation: {name: D}\nfacts: {}\n---\norganisation: {name: E}\nfacts: {staff_count: 3}\n"
        let file = SourceFile(path: "none.yaml", text: text)
        let expected = reference(file, pack)
        #expect(expected.count == 5)
        #expect(expected[0].hasSuffix(" nil") && !expected[3].hasSuffix(" nil"))
        #expect(decoded(file, pack) == expected)
    }

    @Test func emptyFile() throws {
        let pack = try defaultPack()
        #expect(decoded(SourceFile(path: "e.yaml", text: "# nothing\n"), pack)
            == ["failed e.yaml:1:1: error[yaml.empty-document]: the file holds no YAML document; expected a mapping"])
    }

    /// The table a batch that only decides reads holds, row by row, what the tree parser and the
    /// profile loader read: each good document's facts as codes, kind and date, each bad one
    /// unread with its problems.
    @Test func theTableHoldsWhatTheLoaderReads() throws {
        let pack = try defaultPack()
        var text = try Self.fixturesAsOneStream()
        text += "---\norganisation: {name: \"unterminated\n---\norganisation: {name: X}\nfacts: {no_such_fact: 1}\n"
        let file = SourceFile(path: "all.yaml", text: String(repeating: text, count: 20))
        let catalogue = ProfileLoader.Catalogue(pack.facts)
        let results = referenceResults(file, pack)
        let (table, failures) = ProfileStreamDecoder.decodeTable(file, pack: pack, catalogue: catalogue)
        var expected = FactTable(catalogue: pack.facts)
        for result in results {
            if case .success(let profile) = result { expected.append(profile, facts: pack.facts) } else { expected.appendUnread() }
        }
        #expect(table.count == results.count && results.count == 340)
        #expect(table.chunks.count > 1)
        var kinds = Set<FactCode.Kind>()
        for row in 0..<table.count {
            #expect(table.isRead(row) == expected.isRead(row))
            for fact in 0..<table.factCount {
                let code = table.code(row: row, fact: fact)
                kinds.insert(code.kind)
                guard code == expected.code(row: row, fact: fact),
                      table.otherValue(row: row, fact: fact) == expected.otherValue(row: row, fact: fact) else {
                    Issue.record("row \(row), fact \(pack.facts[fact].id): \(code), expected \(expected.code(row: row, fact: fact))")
                    return
                }
            }
        }
        #expect(kinds.isSuperset(of: [.word, .number, .boolean, .missing]))
        #expect(table.chunks.flatMap(\.organisationKinds) == expected.chunks.flatMap(\.organisationKinds))
        #expect(table.chunks.flatMap(\.dates) == expected.chunks.flatMap(\.dates))
        for (row, result) in results.enumerated() {
            if case .failure(let problems) = result { #expect(failures[row]?.sorted == problems.sorted) } else { #expect(failures[row] == nil) }
        }
        #expect(failures.count == 40)
    }
}
