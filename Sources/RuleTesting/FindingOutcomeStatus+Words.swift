import Engine

extension FindingOutcome.Status {
    /// The status in words, as test and lint messages write it: "not fired", "not applicable".
    var words: String { rawValue.split(separator: "_").joined(separator: " ") }
}
