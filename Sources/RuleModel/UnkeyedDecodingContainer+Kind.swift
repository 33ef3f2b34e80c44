extension UnkeyedDecodingContainer {
    /// The next whole number read as a kind of `Kind`: how a stored expression, condition or value
    /// (each one list) says which case it is. A number that names no kind is damage, reported as
    /// "no `noun` kind is numbered …". Inlined, so that each caller's `Kind` is known where it is
    /// read: left generic, every call looked up `Kind`'s conformances at run time (1.1 M
    /// instructions more in a report).
    @inline(__always)
    mutating func decodeKind<Kind: RawRepresentable>(_: Kind.Type, of noun: String) throws -> Kind where Kind.RawValue == Int {
        let number = try decode(Int.self)
        guard let kind = Kind(rawValue: number) else {
            throw DecodingError.dataCorruptedError(in: self, debugDescription: "no \(noun) kind is numbered \(number)")
        }
        return kind
    }
}
