import Foundation

/// The files under a folder and its sub-folders, found with the system's directory calls
/// (`opendir`, `readdir`, `realpath`): what a pack's folder and a folder of profiles or rule tests
/// are read from.
///
/// Written here rather than taken from `FileManager`: its enumerator, and `URL`'s link resolution
/// (which looks up every part of every path), cost about 2 M instructions for a pack of four files
/// at the start of every command (docs/performance.md, ninth session). Hidden entries (a name starting with `.`:
/// a version-control folder, an editor's lock file, the `._name.yaml` files macOS leaves on shared
/// drives) are left out with all they hold, and a link is listed as the entry it is: a link to a
/// folder is not entered, so a folder that links to itself cannot make the listing run away.
public enum FolderListing {
    /// The paths, relative to `folder`, of the entries under it that are not folders (files, and
    /// links not followed), in the order `<` sorts them; `nil` when `folder` cannot be listed.
    /// A sub-folder that cannot be listed is left out, as is an entry whose name is not UTF-8.
    public static func files(under folder: String) -> [String]? {
        var found: [String] = []
        guard list(at: folder, relative: "", into: &found) else { return nil }
        return found.sorted()
    }

    /// The absolute path of `path` with every link, `.` and `..` resolved, as the system gives it;
    /// `nil` when some part of it does not exist or cannot be read.
    public static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Appends the entries of the folder at `path` (`relative` to the top one) and of its
    /// sub-folders; false when it cannot be opened.
    private static func list(at path: String, relative: String, into found: inout [String]) -> Bool {
        guard let directory = opendir(path) else { return false }
        var folders: [String] = []
        while let entry = readdir(directory) {
            // The name read where the entry holds it (it may end before the field does), and left
            // out when it is not UTF-8: no path spelt in a `String` would lead back to it.
            let field = UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \.d_name)!
            guard let name = String(validatingCString: field.assumingMemoryBound(to: CChar.self)), !name.hasPrefix(".") else { continue }
            if isFolder(entry.pointee.d_type, at: path + "/" + name) {
                folders.append(name)
            } else {
                found.append(relative + name)
            }
        }
        closedir(directory)
        for name in folders {
            _ = list(at: path + "/" + name, relative: relative + name + "/", into: &found)
        }
        return true
    }

    /// Whether an entry of type `type` (`readdir`'s, which some file systems leave unknown) is a
    /// folder, a link to one not counting.
    private static func isFolder(_ type: UInt8, at path: String) -> Bool {
        if type != UInt8(DT_UNKNOWN) { return type == UInt8(DT_DIR) }
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}
