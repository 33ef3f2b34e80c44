import ArgumentParser
import Diagnostics
import RuleModel

/// `--set PARAM=VALUE`: a parameter value replacing the pack's for this run.
struct ParameterOverride: ExpressibleByArgument {
    let name: String
    let value: Value

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else { return nil }
        name = String(argument[..<equals])
        let text = String(argument[argument.index(after: equals)...])
        if let number = Double(text), number.isFinite {
            value = .number(number)
        } else if text == "true" || text == "false" {
            value = .bool(text == "true")
        } else {
            value = .string(text)
        }
    }

    /// The overrides as a dictionary, after checking each against the pack's parameters.
    static func resolve(_ overrides: [ParameterOverride], in pack: RulePack) throws -> [String: Value] {
        var result: [String: Value] = [:]
        let ranges = overrides.isEmpty ? [:] : pack.parameterRanges
        for override in overrides {
            guard let parameter = pack.parameter(override.name) else {
                let hint = Suggestion.didYouMean(override.name, among: pack.parameters.map(\.id))
                throw ExitStatus.usage("--set: unknown parameter '\(override.name)'\(hint)")
            }
            guard parameter.value.typeName == override.value.typeName else {
                throw ExitStatus.usage("--set: '\(override.name)' takes a \(parameter.value.typeName), not '\(override.value.plainText)'")
            }
            if case .number(let number) = override.value, let range = ranges[override.name], !range.contains(number) {
                throw ExitStatus.usage("--set: '\(override.name)' is compared with facts from \(Value.format(range.lowerBound)) to \(Value.format(range.upperBound)); \(Value.format(number)) is outside")
            }
            if let problem = RulePack.problem(with: override.value, for: parameter) { throw ExitStatus.usage("--set: " + problem) }
            result[override.name] = override.value
        }
        return result
    }
}
