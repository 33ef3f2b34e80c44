import Foundation
import Testing
import TestSupport

/// docs/editors.md names schema files that exist, for the files they describe.
@Suite struct EditorsDocumentationTests {
    @Test func everySchemaThePageNamesExists() throws {
        let page = try Repository.text("docs/editors.md")
        let names = try NSRegularExpression(pattern: "docs/schema/[a-z]+\\.schema\\.json")
            .matches(in: page, range: NSRange(page.startIndex..., in: page))
            .map { String(page[Range($0.range, in: page)!]) }
        #expect(Set(names).count == 3)
        for name in Set(names) { #expect(FileManager.default.fileExists(atPath: Repository.url(name).path), "\(name)") }
    }
}
