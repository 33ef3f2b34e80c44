import Diagnostics
import Foundation
import RuleLoader
import RuleModel
import YAML

/// Reads rule-test files (`*.tests.yaml`):
///
/// ```yaml
/// tests:
///   - name: a vertical CAF
///     profile: caf-verticale.yaml        # a path beside this file, or a profile written inline
///     expect:
///       fired: [excessive_verticality]
///       not_fired: [low_satisfaction]
///       unknown: []
///       roadmap_starts_with: [gov_executive_sponsorship]
/// ```
///
/// The expectations are those of ``RuleTestExpectation``.
public enum RuleTestFileLoader {
    /// The stable codes of test-file problems.
    public static let unknownDiagnosticCode = DiagnosticCode("test.unknown-diagnostic")
    public static let unknownRecommendationCode = DiagnosticCode("test.unknown-recommendation")
    public static let unknownStrengthCode = DiagnosticCode("test.unknown-strength")
    public static let unknownFactCode = DiagnosticCode("test.unknown-fact")
    public static let unknownDimensionCode = DiagnosticCode("test.unknown-dimension")
    public static let profilePathCode = DiagnosticCode("test.profile-path")
    public static let unknownKeyCode = DiagnosticCode("test.unknown-key")
    public static let missingKeyCode = DiagnosticCode("test.missing-key")

    /// Reads the cases of one test file; problems with the file are returned alongside.
    public static func load(_ file: SourceFile, pack: RulePack) -> (cases: [RuleTestCase], problems: DiagnosticList) {
        var problems = DiagnosticList()
        let root: YAMLNode
        do {
            root = try YAMLParser.parseDocument(file)
        } catch {
            return ([], error)
        }
        func read<T>(_ body: () throws(Diagnostic) -> T) -> T? {
            do { return try body() } catch { problems.append(error); return nil }
        }
        guard let pairs = read({ () throws(Diagnostic) in try root.mapping() }) else { return ([], problems) }
        var cases: [RuleTestCase] = []
        for pair in pairs {
            guard pair.key.scalar?.text == "tests" else {
                problems.append(.error(unknownKeyCode, "unknown key '\(pair.key.scalar?.text ?? "?")' in a test file; expected 'tests'",
                                       at: pair.key.location))
                continue
            }
            guard let items = read({ () throws(Diagnostic) in try pair.value.sequence() }) else { continue }
            for item in items {
                if let testCase = readCase(item, file: file, pack: pack, problems: &problems) { cases.append(testCase) }
            }
        }
        return (cases, problems)
    }

    private static func readCase(_ node: YAMLNode, file: SourceFile, pack: RulePack, problems: inout DiagnosticList) -> RuleTestCase? {
        guard case .mapping(let pairs) = node.content else {
            problems.append(.error(YAMLDiagnosticCode.typeMismatch, "expected a test case (a mapping), found \(node.kindDescription)", at: node.location))
            return nil
        }
        var fields: [String: YAMLNode] = [:]
        for pair in pairs {
            let key = pair.key.scalar?.text ?? ""
            let allowed = ["name", "profile", "expect"]
            guard allowed.contains(key) else {
                problems.append(.error(unknownKeyCode, "unknown key '\(key)' in a test case", at: pair.key.location)
                    .suggesting(Suggestion.hint(for: key, among: allowed)))
                continue
            }
            fields[key] = pair.value
        }
        guard let profileNode = fields["profile"] else {
            problems.append(.error(missingKeyCode, "a test case lacks its 'profile'", at: node.location))
            return nil
        }
        let name = fields["name"]?.scalar?.text ?? "case at line \(node.location.range.start.line)"
        let profileResult: Result<Profile, DiagnosticList>
        if let path = profileNode.scalar?.text {
            switch resolve(path, besides: file, at: profileNode.location) {
            case .failure(let diagnostic):
                problems.append(diagnostic)
                return nil
            case .success(let profileFile):
                profileResult = ProfileLoader.load(profileFile, pack: pack)
            }
        } else {
            profileResult = ProfileLoader.load(profile: profileNode, file: file, pack: pack)
        }
        guard case .success(let profile) = profileResult else {
            if case .failure(let list) = profileResult { problems.append(contentsOf: list) }
            return nil
        }
        var expected: [RuleTestExpectation: RuleTestExpectation.Expected] = [:]
        var caseProblems: [Diagnostic] = []
        let allowed = RuleTestExpectation.allCases.map(\.rawValue)
        if let expect = fields["expect"], case .mapping(let expectations) = expect.content {
            if expectations.isEmpty {
                caseProblems.append(.error(missingKeyCode, "the case expects nothing; name what it expects: \(allowed.joined(separator: ", "))",
                                           at: expect.location))
            }
            for pair in expectations {
                let key = pair.key.scalar?.text ?? ""
                guard let expectation = RuleTestExpectation(rawValue: key) else {
                    caseProblems.append(.error(unknownKeyCode, "unknown expectation '\(key)'", at: pair.key.location)
                        .suggesting(Suggestion.hint(for: key, among: allowed)))
                    continue
                }
                let candidates = RuleTestExpectation.ids(of: expectation.subject, in: pack)
                if let form = expectation.valueForm {
                    if let values = readMapping(pair.value, expectation: expectation, form: form, ids: candidates, problems: &caseProblems) {
                        expected[expectation] = values
                    }
                    continue
                }
                let items: [YAMLNode]
                if case .sequence(let list) = pair.value.content { items = list } else { items = [pair.value] }
                var ids: [String] = []
                for item in items {
                    guard let id = item.scalar?.text else { continue }
                    guard candidates.contains(id) else {
                        caseProblems.append(.error(unknownCode(expectation.subject), "unknown \(expectation.subject.rawValue) '\(id)'", at: item.location)
                            .suggesting(Suggestion.hint(for: id, among: candidates)))
                        continue
                    }
                    ids.append(id)
                }
                if case .ids(let earlier)? = expected[expectation] { ids = earlier + ids }
                expected[expectation] = .ids(ids)
            }
        } else {
            problems.append(.error(missingKeyCode, "a test case lacks its 'expect' mapping", at: node.location))
            return nil
        }
        return RuleTestCase(name: name, origin: .testFile, profile: profile, expected: expected, location: node.location,
                            problems: caseProblems)
    }

    /// A mapping expectation: `maturity: {structure: 2, budget: not_assessed}` (a level from 1 to 5,
    /// or not assessed), `phases: {id: 1}` (a whole number from 1), `scores: {id: 90}` (a number),
    /// `because: {id: "text"}` (a text), each key an id of the expectation's subject.
    private static func readMapping(_ node: YAMLNode, expectation: RuleTestExpectation, form: RuleTestExpectation.ValueForm,
                                    ids: [String], problems: inout [Diagnostic]) -> RuleTestExpectation.Expected? {
        let key = expectation.rawValue
        let subject = expectation.subject
        let example: String = switch form {
        case .level: "{structure: 2, budget: \(RuleTestExpectation.notAssessed)}"
        case .phase: "{gov_sponsorship: 1}"
        case .score: "{gov_sponsorship: 90}"
        case .text: "{no_named_sponsor: \"no sponsor\"}"
        }
        guard case .mapping(let pairs) = node.content else {
            problems.append(.error(YAMLDiagnosticCode.typeMismatch,
                                   "'\(key)' expects a mapping of \(subject.rawValue) to value: \(example)", at: node.location))
            return nil
        }
        var levels: [String: Int?] = [:]
        var numbers: [String: Double] = [:]
        var texts: [String: String] = [:]
        for pair in pairs {
            let id = pair.key.scalar?.text ?? ""
            guard ids.contains(id) else {
                problems.append(.error(unknownCode(subject), "unknown \(subject.rawValue) '\(id)'", at: pair.key.location)
                    .suggesting(Suggestion.hint(for: id, among: ids)))
                continue
            }
            let text = pair.value.scalar?.text ?? ""
            switch form {
            case .level:
                if text == RuleTestExpectation.notAssessed {
                    levels[id] = .some(nil)
                } else if let level = Int(text), (1...Dimension.levelCount).contains(level) {
                    levels[id] = level
                } else {
                    problems.append(.error(YAMLDiagnosticCode.typeMismatch,
                                           "a maturity level is a whole number from 1 to \(Dimension.levelCount), or \(RuleTestExpectation.notAssessed)",
                                           at: pair.value.location))
                }
            case .phase, .score:
                // A phase is a whole number within the roadmap's reach; a score any finite number.
                let number = form == .phase ? Int(text).flatMap { (1...10_000).contains($0) ? Double($0) : nil } : Double(text)
                if let number, number.isFinite {
                    numbers[id] = number
                } else {
                    problems.append(.error(YAMLDiagnosticCode.typeMismatch,
                                           form == .phase ? "a phase is a whole number from 1 to 10000" : "a score is a number",
                                           at: pair.value.location))
                }
            case .text:
                if pair.value.scalar != nil, !text.isEmpty {
                    texts[id] = text
                } else {
                    problems.append(.error(YAMLDiagnosticCode.typeMismatch, "'\(key)' expects a text for each diagnostic", at: pair.value.location))
                }
            }
        }
        switch form {
        case .level: return .levels(levels)
        case .phase, .score: return .numbers(numbers)
        case .text: return .texts(texts)
        }
    }

    /// The code of an unknown id of a subject.
    private static func unknownCode(_ subject: RuleTestExpectation.Subject) -> DiagnosticCode {
        switch subject {
        case .diagnostic: return unknownDiagnosticCode
        case .recommendation: return unknownRecommendationCode
        case .strength: return unknownStrengthCode
        case .fact: return unknownFactCode
        case .dimension: return unknownDimensionCode
        }
    }

    /// A profile path relative to the test file; it must stay inside the test file's folder.
    private static func resolve(_ path: String, besides file: SourceFile, at location: SourceLocation) -> Result<SourceFile, Diagnostic> {
        let folder = URL(fileURLWithPath: file.path).deletingLastPathComponent()
        let target = folder.appendingPathComponent(path)
        let root = FolderListing.resolvedPath(folder.path) ?? folder.standardizedFileURL.path
        // A path that leads nowhere is judged where it would be (its folder resolved, as the
        // root is), and then cannot be read.
        let resolved = FolderListing.resolvedPath(target.path)
            ?? FolderListing.resolvedPath(target.deletingLastPathComponent().path).map { $0 + "/" + target.lastPathComponent }
            ?? target.standardizedFileURL.path
        guard !path.hasPrefix("/"), resolved.hasPrefix(root + "/") else {
            return .failure(.error(profilePathCode, "profile path '\(path)' leads outside the test file's folder; refused", at: location))
        }
        // Only a regular file is read: a named pipe would make the run wait for ever.
        let bytes: [UInt8]
        switch RegularFile.read(resolved, maxBytes: YAMLLimits.default.maxBytes) {
        case .success(let read): bytes = read
        case .failure(.tooLarge(let size)):
            return .failure(.error(profilePathCode, "the profile '\(path)' is \(size) bytes, over the limit of \(YAMLLimits.default.maxBytes) bytes",
                                   at: location))
        case .failure(.notRegular), .failure(.unreadable):
            return .failure(.error(profilePathCode, "cannot read the profile '\(path)'", at: location))
        }
        let shownPath = ((file.path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(path)
        return .success(SourceFile(path: shownPath, contents: bytes))
    }
}
