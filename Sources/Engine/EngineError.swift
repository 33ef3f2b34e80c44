/// A pack that cannot be compiled. The loader's checks catch all of these in packs read from
/// files; they reach users only from packs built in code.
public enum EngineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A fact, parameter, indicator or diagnostic id defined twice.
    case duplicateID(String)
    /// An expression names something the pack does not define.
    case unresolvedName(String)
    /// Indicators or diagnostics depend on each other in a circle.
    case cycle([String])

    public var description: String {
        switch self {
        case .duplicateID(let id): return "'\(id)' is defined twice"
        case .unresolvedName(let name): return "unknown name '\(name)'"
        case .cycle(let names): return "circular definitions: " + names.joined(separator: " -> ")
        }
    }
}
