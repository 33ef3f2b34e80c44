extension CodingUserInfoKey {
    /// The files a ``SourceLocation`` is written against, as `[SourceFile]`: a location is stored
    /// as the index of its file in this list, and read back as a location in the same list's file.
    public static let sourceFiles = CodingUserInfoKey(rawValue: "orgdiag.sourceFiles")!
}

/// A location is stored as five whole numbers (``StoredNumbers``): its file's index in the coder's
/// ``CodingUserInfoKey/sourceFiles``, then the line and column of its start and of its end; it
/// points into the files read now, wherever they are.
extension SourceLocation: Codable {
    /// The five numbers a location is stored as, in their order.
    public typealias StoredNumbers = (file: Int, startLine: Int, startColumn: Int, endLine: Int, endColumn: Int)

    /// The location stored as `numbers` against `files`; `nil` when its file index is not one of
    /// theirs. A decoder that reads the five numbers itself, rather than through an unkeyed
    /// container, builds the location here.
    public init?(stored numbers: StoredNumbers, in files: [SourceFile]) {
        guard files.indices.contains(numbers.file) else { return nil }
        self.init(file: files[numbers.file],
                  range: SourceRange(start: SourcePosition(line: numbers.startLine, column: numbers.startColumn),
                                     end: SourcePosition(line: numbers.endLine, column: numbers.endColumn)))
    }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let numbers = StoredNumbers(try container.decode(Int.self), try container.decode(Int.self), try container.decode(Int.self),
                                    try container.decode(Int.self), try container.decode(Int.self))
        guard let files = decoder.userInfo[.sourceFiles] as? [SourceFile], let location = Self(stored: numbers, in: files) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "no file \(numbers.file) among the source files")
        }
        self = location
    }

    public func encode(to encoder: any Encoder) throws {
        guard let files = encoder.userInfo[.sourceFiles] as? [SourceFile], let index = files.firstIndex(where: { $0 === file }) else {
            throw EncodingError.invalidValue(self, .init(codingPath: encoder.codingPath, debugDescription: "'\(file.path)' is not among the source files"))
        }
        let stored: StoredNumbers = (index, range.start.line, range.start.column, range.end.line, range.end.column)
        var container = encoder.unkeyedContainer()
        for number in [stored.file, stored.startLine, stored.startColumn, stored.endLine, stored.endColumn] { try container.encode(number) }
    }
}
