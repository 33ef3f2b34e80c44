extension CodingUserInfoKey {
    /// The files a ``SourceLocation`` is written against, as `[SourceFile]`: a location is stored
    /// as the index of its file in this list, and read back as a location in the same list's file.
    public static let sourceFiles = CodingUserInfoKey(rawValue: "orgdiag.sourceFiles")!
}

/// A location is stored as five whole numbers: its file's index in the coder's
/// ``CodingUserInfoKey/sourceFiles``, then the line and column of its start and of its end; it
/// points into the files read now, wherever they are.
extension SourceLocation: Codable {
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let index = try container.decode(Int.self)
        guard let files = decoder.userInfo[.sourceFiles] as? [SourceFile], files.indices.contains(index) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "no file \(index) among the source files")
        }
        let start = SourcePosition(line: try container.decode(Int.self), column: try container.decode(Int.self))
        let end = SourcePosition(line: try container.decode(Int.self), column: try container.decode(Int.self))
        self.init(file: files[index], range: SourceRange(start: start, end: end))
    }

    public func encode(to encoder: any Encoder) throws {
        guard let files = encoder.userInfo[.sourceFiles] as? [SourceFile], let index = files.firstIndex(where: { $0 === file }) else {
            throw EncodingError.invalidValue(self, .init(codingPath: encoder.codingPath, debugDescription: "'\(file.path)' is not among the source files"))
        }
        var container = encoder.unkeyedContainer()
        for number in [index, range.start.line, range.start.column, range.end.line, range.end.column] { try container.encode(number) }
    }
}
