import Diagnostics
import Engine

/// `orgdiag test --coverage`: which leaves of the pack's conditions the rule tests exercised
/// (``Coverage``), as text for the terminal or as JSON (`orgdiag.coverage/1`).
public enum CoverageRenderer {
    /// The summary, then every leaf not covered (never both true and false) with its counts, in
    /// file order; those never exercised at all are marked.
    public static func text(_ coverage: Coverage) -> String {
        let covered = coverage.leaves.filter(\.isCovered).count
        var out = "coverage: \(covered) of \(coverage.leaves.count) leaves covered (\(percent(coverage.coveredShare))) "
            + "over \(coverage.evaluationCount) cases — covered: seen true and false, or with a value\n"
        let open = ordered(coverage.leaves.filter { !$0.isCovered })
        if !open.isEmpty { out += "not covered:\n" }
        for leaf in open {
            let place = leaf.expression.location.map { "\($0)" } ?? "-"
            let counts = "true \(leaf.trueCount), false \(leaf.falseCount), unknown \(leaf.unknownCount)"
            let never = leaf.isExercised ? "" : ", never exercised"
            out += SafeText.terminal("  \(place)  \(leaf.owner)  \(leaf.expression)  (\(counts)\(never))", singleLine: true) + "\n"
        }
        return out
    }

    /// Every leaf with its counts, in file order.
    public static func json(_ coverage: Coverage) -> String {
        let covered = coverage.leaves.filter(\.isCovered).count
        let items: [JSON] = ordered(coverage.leaves).map { leaf in
            let owner: [(String, JSON)]
            switch leaf.owner {
            case .diagnostic(let id): owner = [("kind", .string("diagnostic")), ("id", .string(id))]
            case .indicator(let id): owner = [("kind", .string("indicator")), ("id", .string(id))]
            case .strength(let id): owner = [("kind", .string("strength")), ("id", .string(id))]
            case .criterion(let dimension, let level):
                owner = [("kind", .string("criterion")), ("id", .string(dimension)), ("level", .number(Double(level)))]
            }
            return .object([
                ("owner", .object(owner)), ("expression", .string(leaf.expression.description)),
                ("location", .optional(leaf.expression.location.map { "\($0)" })),
                ("true", .number(Double(leaf.trueCount))), ("false", .number(Double(leaf.falseCount))),
                ("unknown", .number(Double(leaf.unknownCount))), ("value", .number(Double(leaf.valueCount))),
                ("covered", .bool(leaf.isCovered)), ("exercised", .bool(leaf.isExercised)),
            ])
        }
        return JSON.object([
            ("schema", .string("orgdiag.coverage/1")), ("cases", .number(Double(coverage.evaluationCount))),
            ("leaves", .number(Double(coverage.leaves.count))), ("covered", .number(Double(covered))),
            ("share", .number((coverage.coveredShare * 1000).rounded() / 1000)), ("items", .array(items)),
        ]).written() + "\n"
    }

    /// Leaves by file, line and column (those without a place last, in pack order).
    private static func ordered(_ leaves: [Coverage.Leaf]) -> [Coverage.Leaf] {
        leaves.enumerated().sorted { first, second in
            switch (first.element.expression.location, second.element.expression.location) {
            case let (a?, b?):
                let left = (a.file.path, a.file.firstLine + a.range.start.line, a.range.start.column, first.offset)
                let right = (b.file.path, b.file.firstLine + b.range.start.line, b.range.start.column, second.offset)
                return left < right
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return first.offset < second.offset
            }
        }.map(\.element)
    }

    private static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }
}
