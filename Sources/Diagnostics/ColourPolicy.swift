/// Decides whether output may be coloured: only on a terminal, never when `NO_COLOR` is set
/// (https://no-color.org) and never for `TERM=dumb`.
public enum ColourPolicy {
    /// Whether to colour output written to a stream.
    /// - Parameters:
    ///   - isTerminal: whether the stream is a terminal.
    ///   - environment: the process environment.
    public static func usesColour(isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }
}
