import Foundation
import RuleLoader

/// Finds the YAML files a command is given: files as named, and the matching files under
/// folders (``FolderListing``: hidden entries left out), each folder's files sorted.
enum YAMLFileDiscovery {
    /// - Parameter wanted: whether a path found in a folder (relative to it) is one to take.
    static func files(in paths: [String], where wanted: (String) -> Bool) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(path)
                continue
            }
            // Listed through its resolved path, so that a folder given through a link is read.
            let found = FolderListing.resolvedPath(path).flatMap(FolderListing.files(under:)) ?? []
            files += found.filter(wanted).map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }
}
