extension Array {
    /// The position of each element by its id (the first, when two share one): the order of a
    /// pack's stages, themes or dimensions, or where each of its rules stands. The id is read
    /// through a closure: a key path, applied to each element, copied the whole element.
    public func positions(by id: (Element) -> String) -> [String: Int] {
        Dictionary(indices.map { (id(self[$0]), $0) }, uniquingKeysWith: { first, _ in first })
    }
}
