import Diagnostics
import Foundation
import Testing
@testable import RuleLoader
import RuleModel

@Suite struct SamplePackTests {
    @Test func loadsWithoutAnyDiagnostic() throws {
        let result = loadPack("fixtures/packs/sample")
        #expect(result.diagnostics.summaries == [])
        let pack = try #require(result.pack)
        #expect(pack.facts.map(\.id) == ["decision_delegation", "hierarchy_levels", "manager_count", "satisfaction_rate",
                                         "single_entry_point", "staff_count"])
        #expect(pack.findings.map(\.id) == ["excessive_verticality", "low_satisfaction", "no_single_entry_point"])
        #expect(pack.metadata.defaultLanguage == "fr")
        #expect(pack.finding("excessive_verticality")?.examples.fires.first?.facts == ["hierarchy_levels": .number(8)])
        #expect(pack.contentHash.count == 16)
    }
}

@Suite struct FileOrderTests {
    @Test func shufflingFilesChangesNothing() throws {
        let files = try PackDirectory.read(packageRoot.appendingPathComponent("fixtures/packs/sample").path).get()
        let reference = try #require(PackLoader.load(files: files).pack)
        for permutation in [files.reversed(), [files[1], files[0], files[2]], [files[2], files[0], files[1]]] {
            let shuffled = PackLoader.load(files: Array(permutation))
            #expect(shuffled.pack == reference)
        }
    }
}
