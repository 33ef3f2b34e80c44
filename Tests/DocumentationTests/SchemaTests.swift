import Diagnostics
import Foundation
import RuleLoader
import RuleModel
import Testing
import YAML
import TestSupport

/// The JSON Schemas of docs/schema stay in step with the loaders and validate the real files.
@Suite struct SchemaTests {
    static let schemas = DocumentationTests.root.appendingPathComponent("docs/schema")

    /// A YAML document as the plain values JSON Schema speaks of.
    static func plain(_ node: YAMLNode) -> Any {
        switch node.content {
        case .sequence(let items): return items.map(plain)
        case .mapping(let pairs):
            var object: [String: Any] = [:]
            for pair in pairs { object[pair.key.scalar?.text ?? pair.key.description] = plain(pair.value) }
            return object
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: return NSNull()
            case .bool(let flag): return NSNumber(value: flag)
            case .integer(let value): return NSNumber(value: value ?? 0)
            case .float(let value): return NSNumber(value: value)
            case .string: return scalar.text
            }
        }
    }

    static func yaml(_ url: URL) throws -> Any {
        plain(try YAMLParser.parseDocument(SourceFile(path: url.path, contents: Array(try Data(contentsOf: url)))))
    }

    static func files(under folder: String, _ include: (String) -> Bool) -> [URL] {
        let base = DocumentationTests.root.appendingPathComponent(folder)
        return (FileManager.default.enumerator(atPath: base.path)?.allObjects as? [String] ?? [])
            .filter(include).sorted().map { base.appendingPathComponent($0) }
    }

    private func keys(_ schema: [String: Any]?) -> [String] {
        guard var schema else { return [] }
        if let options = schema["oneOf"] as? [[String: Any]], let object = options.first(where: { $0["type"] as? String == "object" }) {
            schema = object
        }
        return ((schema["properties"] as? [String: Any])?.keys.map { $0 } ?? []).sorted()
    }

    @Test func packSchemaKeysMatchTheLoader() throws {
        let validator = try SchemaValidator(schemaAt: Self.schemas.appendingPathComponent("pack.schema.json"))
        #expect(keys(validator.root) == FileFormat.packFileKeys.sorted())
        #expect(keys(validator.definition("header")) == FileFormat.headerKeys.sorted())
        #expect(keys(validator.definition("fact")) == FileFormat.factKeys.sorted())
        #expect(keys(validator.definition("parameter")) == FileFormat.parameterKeys.sorted())
        #expect(keys(validator.definition("indicator")) == FileFormat.indicatorKeys.sorted())
        #expect(keys(validator.definition("dimension")) == FileFormat.dimensionKeys.sorted())
        #expect(keys(validator.definition("diagnostic")) == FileFormat.diagnosticKeys.sorted())
        #expect(keys(validator.definition("examples")) == FileFormat.exampleKeys.sorted())
        #expect(keys(validator.definition("recommendation")) == FileFormat.recommendationKeys.sorted())
        #expect(keys(validator.definition("stage")) == FileFormat.stageKeys.sorted())
        #expect(keys(validator.definition("strength")) == FileFormat.strengthKeys.sorted())
        #expect(keys(validator.definition("level")) == FileFormat.levelKeys.sorted())
        #expect(keys(validator.definition("theme")) == FileFormat.themeKeys.sorted())
        #expect(keys(validator.definition("stage")) == FileFormat.stageKeys.sorted())
    }

    @Test func profileSchemaKeysMatchTheLoader() throws {
        let validator = try SchemaValidator(schemaAt: Self.schemas.appendingPathComponent("profile.schema.json"))
        #expect(keys(validator.root) == FileFormat.profileKeys.sorted())
        #expect(keys(validator.root["properties"].flatMap { ($0 as? [String: Any])?["organisation"] as? [String: Any] })
            == FileFormat.organisationKeys.sorted())
    }

    @Test func everyPackFileValidates() throws {
        let validator = try SchemaValidator(schemaAt: Self.schemas.appendingPathComponent("pack.schema.json"))
        let files = Self.files(under: "rules") { $0.hasSuffix(".yaml") } + Self.files(under: "fixtures/packs/sample") { $0.hasSuffix(".yaml") }
        #expect(files.count >= 10)
        for file in files {
            #expect(validator.errors(try Self.yaml(file)) == [], "\(file.lastPathComponent)")
        }
        let types = FactDefinition.FactType.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        #expect(validator.errors(["facts": ["x": ["type": "integr", "label": "X"]]]) == ["$.facts.x.type: 'integr' is not one of [\(types)]"])
    }

    @Test func everyProfileValidates() throws {
        let validator = try SchemaValidator(schemaAt: Self.schemas.appendingPathComponent("profile.schema.json"))
        let files = Self.files(under: "fixtures/profiles") { $0.hasSuffix(".yaml") && !$0.hasSuffix(".tests.yaml") }
        #expect(files.count >= 6)
        for file in files {
            #expect(validator.errors(try Self.yaml(file)) == [], "\(file.lastPathComponent)")
        }
        #expect(validator.errors(["organisaton": ["name": "X"]]) == ["$: missing 'organisation'", "$: unexpected key 'organisaton'"])
    }

    @Test func goldenJSONReportsValidate() throws {
        let validator = try SchemaValidator(schemaAt: Self.schemas.appendingPathComponent("report.schema.json"))
        let files = Self.files(under: "Tests/CLITests/Golden") { $0.hasSuffix(".json") }
        #expect(files.count >= 2)
        for file in files {
            #expect(validator.errors(try JSONSerialization.jsonObject(with: Data(contentsOf: file))) == [], "\(file.lastPathComponent)")
        }
    }
}
