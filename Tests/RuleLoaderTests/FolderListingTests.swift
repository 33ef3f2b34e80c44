import Foundation
import RuleLoader
import Testing
import TestSupport

struct FolderListingTests {
    /// A folder with sub-folders, hidden entries, links to a file and to folders (one of them its
    /// own parent), and an empty sub-folder.
    private static func makeTree() throws -> URL {
        let root = try Repository.temporaryFolder("listing")
        let manager = FileManager.default
        for folder in ["b/deeper", ".git/objects", "empty", "c"] {
            try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in ["a.yaml", "b/one.yaml", "b/deeper/two.yml", "c/notes.txt", ".hidden.yaml", "b/._one.yaml", ".git/objects/x.yaml"] {
            try Data("x: 1\n".utf8).write(to: root.appendingPathComponent(file))
        }
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("link.yaml").path,
                                       withDestinationPath: root.appendingPathComponent("a.yaml").path)
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("b/loop").path, withDestinationPath: root.appendingPathComponent("b").path)
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("to-c").path, withDestinationPath: root.appendingPathComponent("c").path)
        return root
    }

    /// Every entry but folders, by path relative to the top, sorted; hidden entries and all they
    /// hold left out; links listed as themselves, a link to a folder not entered (so `b/loop`,
    /// which leads back to `b`, is listed once and the listing ends).
    @Test func listsTheFilesUnderAFolder() throws {
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(FolderListing.files(under: root.path) ==
            ["a.yaml", "b/deeper/two.yml", "b/loop", "b/one.yaml", "c/notes.txt", "link.yaml", "to-c"])
    }

    @Test func aFolderThatCannotBeListedGivesNothing() throws {
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(FolderListing.files(under: root.appendingPathComponent("missing").path) == nil)
        #expect(FolderListing.files(under: root.appendingPathComponent("a.yaml").path) == nil)
    }

    @Test func resolvesLinksAndDots() throws {
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let real = try #require(FolderListing.resolvedPath(root.path))
        // `..` after a link is taken from where the link leads, as the system does.
        #expect(FolderListing.resolvedPath(root.path + "/to-c/../link.yaml") == real + "/a.yaml")
        #expect(FolderListing.resolvedPath(root.path + "/b/loop/deeper/../one.yaml") == real + "/b/one.yaml")
        #expect(FolderListing.resolvedPath(root.path + "/link.yaml") == real + "/a.yaml")
        #expect(FolderListing.resolvedPath(root.path + "/nothing-here.yaml") == nil)
    }
}
