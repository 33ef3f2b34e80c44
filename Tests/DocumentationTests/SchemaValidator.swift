import Foundation
import TestSupport

/// A small JSON Schema validator for the keywords our schemas use: `type`, `enum`, `const`,
/// `properties`, `required`, `additionalProperties`, `propertyNames`, `items`, `minItems`,
/// `maxItems`, `minimum`, `maximum`, `pattern`, `oneOf` and local `$ref`.
struct SchemaValidator {
    let root: [String: Any]

    init(schemaAt url: URL) throws {
        root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    /// The definition `$defs/name` of the schema.
    func definition(_ name: String) -> [String: Any]? {
        (root["$defs"] as? [String: Any])?[name] as? [String: Any]
    }

    /// Every violation of the schema by `value`, each with its JSON path.
    func errors(_ value: Any) -> [String] { errors(value, root, path: "$") }

    private func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let reference = schema["$ref"] as? String, reference.hasPrefix("#/$defs/") else { return schema }
        return resolve(definition(String(reference.dropFirst("#/$defs/".count))) ?? [:])
    }

    private func typeName(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return "boolean" }
            return number.doubleValue.rounded() == number.doubleValue ? "integer" : "number"
        case is String: return "string"
        case is [Any]: return "array"
        case is [String: Any]: return "object"
        default: return "unknown"
        }
    }

    private func errors(_ value: Any, _ rawSchema: [String: Any], path: String) -> [String] {
        let schema = resolve(rawSchema)
        var found: [String] = []
        let actual = typeName(value)
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [types as! String]
            let matches = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
            if !matches { return ["\(path): expected \(allowed.joined(separator: " or ")), found \(actual)"] }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { "\($0)" == "\(value)" }) {
            found.append("\(path): '\(value)' is not one of \(options)")
        }
        if let constant = schema["const"], "\(constant)" != "\(value)" { found.append("\(path): expected '\(constant)'") }
        if let pattern = schema["pattern"] as? String, let text = value as? String,
           text.range(of: pattern, options: .regularExpression) == nil {
            found.append("\(path): '\(text)' does not match \(pattern)")
        }
        if let number = value as? NSNumber, actual != "boolean" {
            if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum { found.append("\(path): below \(minimum)") }
            if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum { found.append("\(path): above \(maximum)") }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                found.append("\(path): missing '\(key)'")
            }
            for (key, member) in object.sorted(by: { $0.key < $1.key }) {
                if let names = schema["propertyNames"] as? [String: Any] {
                    found += errors(key, names, path: "\(path).\(key) (name)")
                }
                if let property = properties[key] as? [String: Any] {
                    found += errors(member, property, path: "\(path).\(key)")
                } else if let additional = schema["additionalProperties"] {
                    if let flag = additional as? Bool, !flag {
                        found.append("\(path): unexpected key '\(key)'")
                    } else if let additionalSchema = additional as? [String: Any] {
                        found += errors(member, additionalSchema, path: "\(path).\(key)")
                    }
                }
            }
        }
        if let array = value as? [Any] {
            if let minimum = schema["minItems"] as? Int, array.count < minimum { found.append("\(path): fewer than \(minimum) items") }
            if let maximum = schema["maxItems"] as? Int, array.count > maximum { found.append("\(path): more than \(maximum) items") }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { found += errors(item, items, path: "\(path)[\(index)]") }
            }
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let matching = options.filter { errors(value, $0, path: path).isEmpty }.count
            if matching != 1 { found.append("\(path): matches \(matching) of the alternatives instead of exactly one") }
        }
        return found
    }
}
