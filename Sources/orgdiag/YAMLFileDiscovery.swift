import Foundation

/// Finds the YAML files a command is given: files as named, and the matching files under
/// folders, each folder's files sorted.
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
            // Listed through its resolved path: the enumerator does not go into a link to a folder.
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            let found = (FileManager.default.enumerator(atPath: resolved)?.allObjects as? [String] ?? []).filter(wanted).sorted()
            files += found.map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }
}
