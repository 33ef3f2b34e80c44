extension Array {
    /// The position of each element by its id (the first, when two share one): the order of a
    /// pack's stages, themes or dimensions, or where each of its rules stands.
    public func positions(by id: KeyPath<Element, String>) -> [String: Int] {
        Dictionary(enumerated().map { ($1[keyPath: id], $0) }, uniquingKeysWith: { first, _ in first })
    }
}
