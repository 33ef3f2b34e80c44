import Diagnostics
import Foundation
import RuleModel

/// `orgdiag lsp`: the Language Server Protocol over a pair of streams (JSON-RPC, full document
/// sync). It lints a pack as the author types (every check of `orgdiag lint`, with the same codes
/// and places, and fix-its as quick fixes), completes the pack's names and enum words, shows what
/// a name is on hover, and goes to its definition or lists its references across the pack's files.
public final class LanguageServer {
    private let connection: JSONRPCConnection
    private let workspace = PackWorkspace()
    private var shutdownRequested = false
    /// Pack folders edited since they were last linted.
    private var stale = Set<String>()

    /// A server reading requests from `input` and writing to `output`.
    public init(input: FileHandle, output: FileHandle) {
        connection = JSONRPCConnection(input: input, output: output)
    }

    /// Serves until the client says `exit` or the input ends; returns the exit status the protocol
    /// asks for: 0 after a `shutdown` request, 1 otherwise.
    public func run() -> Int32 {
        while let incoming = connection.read() {
            guard case .message(let message) = incoming else {
                connection.write(Self.error(id: NSNull(), code: -32700, message: "the message is not a JSON object"))
                continue
            }
            guard let method = message["method"] as? String else {
                // A response to us (none is expected) is dropped; a request without a method is answered.
                if let id = message["id"], message["result"] == nil, message["error"] == nil {
                    connection.write(Self.error(id: id, code: -32600, message: "a request names its method"))
                }
                continue
            }
            if method == "exit" { return shutdownRequested ? 0 : 1 }
            let params = message["params"] as? [String: Any] ?? [:]
            if let id = message["id"] {
                if method == "textDocument/codeAction" { publishStale() }  // fix-its of the text as it is
                connection.write(respond(to: method, id: id, params: params))
            } else {
                handle(method, params: params)
            }
            // A burst of edits is linted once, after its last message.
            if !connection.hasPendingInput { publishStale() }
        }
        return shutdownRequested ? 0 : 1
    }

    // MARK: Requests

    private func respond(to method: String, id: Any, params: [String: Any]) -> [String: Any] {
        let result: Any?
        switch method {
        case "initialize": result = Self.capabilities
        case "shutdown":
            shutdownRequested = true
            result = NSNull()
        case "textDocument/completion": result = completion(params)
        case "textDocument/hover": result = hover(params)
        case "textDocument/definition": result = definition(params)
        case "textDocument/references": result = references(params)
        case "textDocument/codeAction": result = codeActions(params)
        default: return Self.error(id: id, code: -32601, message: "no method '\(method)'")
        }
        return ["jsonrpc": "2.0", "id": id, "result": result ?? NSNull()]
    }

    private static var capabilities: [String: Any] { [
        "capabilities": [
            "textDocumentSync": ["openClose": true, "change": 1, "save": true],
            "completionProvider": ["triggerCharacters": ["'", "[", "(", " "]],
            "hoverProvider": true, "definitionProvider": true, "referencesProvider": true,
            "codeActionProvider": ["codeActionKinds": ["quickfix"]],
        ] as [String: Any],
        "serverInfo": ["name": "orgdiag"],
    ] }

    private static func error(id: Any, code: Int, message: String) -> [String: Any] {
        ["jsonrpc": "2.0", "id": id, "error": ["code": code, "message": message]]
    }

    /// Where a request points: the file's path, its text, the position in orgdiag's terms.
    private func place(_ params: [String: Any]) -> (path: String, text: DocumentText, position: SourcePosition)? {
        guard let document = params["textDocument"] as? [String: Any], let uri = document["uri"] as? String,
              let path = Self.path(uri), let spot = params["position"] as? [String: Any],
              let line = spot["line"] as? Int, let character = spot["character"] as? Int,
              let text = workspace.text(of: path) else { return nil }
        let lines = DocumentText(text)
        return (path, lines, lines.position(line: line, character: character))
    }

    private func symbols(for path: String) -> [PackSymbol] {
        guard let folder = workspace.packFolder(of: path), let pack = workspace.pack(of: folder) else { return [] }
        return PackSymbol.all(in: pack)
    }

    private func completion(_ params: [String: Any]) -> Any? {
        guard let place = place(params) else { return [] }
        let prefix = place.text.prefix(at: place.position).lowercased()
        let symbols = symbols(for: place.path)
        var items: [[String: Any]] = symbols.filter { $0.id.lowercased().hasPrefix(prefix) }.map { symbol in
            ["label": symbol.id, "kind": symbol.kind.completionKind, "detail": symbol.detail,
             "documentation": ["kind": "markdown", "value": symbol.documentation]]
        }
        // Enum and set words, for comparisons (`sector == 'retail'`).
        guard let folder = workspace.packFolder(of: place.path), let pack = workspace.pack(of: folder) else { return items }
        var seen = Set(items.compactMap { $0["label"] as? String })
        for fact in pack.facts {
            for word in fact.values where word.lowercased().hasPrefix(prefix) && seen.insert(word).inserted {
                items.append(["label": word, "kind": 20, "detail": "a value of \(fact.id)"])
            }
        }
        return ["isIncomplete": false, "items": items]
    }

    private func hover(_ params: [String: Any]) -> Any? {
        guard let place = place(params), let word = place.text.word(at: place.position),
              let symbol = symbols(for: place.path).first(where: { $0.id == word.word }) else { return nil }
        let start = SourcePosition(line: place.position.line, column: word.start)
        let end = SourcePosition(line: place.position.line, column: word.start + word.word.unicodeScalars.count)
        return ["contents": ["kind": "markdown", "value": symbol.documentation],
                "range": place.text.lspRange(SourceRange(start: start, end: end))]
    }

    private func definition(_ params: [String: Any]) -> Any? {
        guard let place = place(params), let word = place.text.word(at: place.position),
              let location = symbols(for: place.path).first(where: { $0.id == word.word })?.location else { return nil }
        return Self.lspLocation(location, text: DocumentText(workspace.text(of: location.file.path) ?? ""))
    }

    /// Every place in the pack's files where the name under the cursor is written as a whole word.
    private func references(_ params: [String: Any]) -> Any? {
        guard let place = place(params), let word = place.text.word(at: place.position),
              let folder = workspace.packFolder(of: place.path) else { return [] }
        var found: [[String: Any]] = []
        for file in workspace.files(of: folder) {
            let text = DocumentText(file)
            for line in 1...max(1, text.lines.count) {
                for candidate in text.identifiers(onLine: line) where candidate.word == word.word {
                    let start = SourcePosition(line: line, column: candidate.start)
                    let end = SourcePosition(line: line, column: candidate.start + candidate.word.unicodeScalars.count)
                    found.append(["uri": Self.uri(file.path), "range": text.lspRange(SourceRange(start: start, end: end))])
                }
            }
        }
        return found
    }

    /// The fix-its of the diagnostics under the range, as quick fixes.
    private func codeActions(_ params: [String: Any]) -> Any? {
        guard let document = params["textDocument"] as? [String: Any], let uri = document["uri"] as? String,
              let path = Self.path(uri), let range = params["range"] as? [String: Any],
              let start = range["start"] as? [String: Any], let end = range["end"] as? [String: Any],
              let text = workspace.text(of: path) else { return [] }
        let lines = DocumentText(text)
        let from = lines.position(line: start["line"] as? Int ?? 0, character: start["character"] as? Int ?? 0)
        let to = lines.position(line: end["line"] as? Int ?? 0, character: end["character"] as? Int ?? 0)
        var actions: [[String: Any]] = []
        for diagnostic in workspace.diagnostics[PackWorkspace.key(path)] ?? [] {
            guard let place = diagnostic.location?.range, place.start.line <= to.line, place.end.line >= from.line else { continue }
            for fix in diagnostic.fixIts {
                let target = DocumentText(workspace.text(of: fix.location.file.path) ?? "")
                let edit: [String: Any] = ["range": target.lspRange(fix.location.range), "newText": fix.replacement]
                actions.append(["title": fix.message, "kind": "quickfix",
                                "diagnostics": [Self.lspDiagnostic(diagnostic, text: lines)],
                                "edit": ["changes": [Self.uri(fix.location.file.path): [edit]]]])
            }
        }
        return actions
    }

    // MARK: Notifications

    private func handle(_ method: String, params: [String: Any]) {
        let document = params["textDocument"] as? [String: Any]
        guard let uri = document?["uri"] as? String, let path = Self.path(uri) else { return }
        switch method {
        case "textDocument/didOpen":
            workspace.open(path, text: document?["text"] as? String ?? "")
        case "textDocument/didChange":
            // Full sync: the last change holds the whole text.
            guard let changes = params["contentChanges"] as? [[String: Any]], let text = changes.last?["text"] as? String else { return }
            workspace.open(path, text: text)
        case "textDocument/didClose":
            workspace.close(path)
        case "textDocument/didSave":
            break
        default:
            return
        }
        if let folder = workspace.packFolder(of: path) { stale.insert(folder) }
    }

    /// Lints each pack edited since its last lint and publishes the diagnostics of each of its files.
    private func publishStale() {
        for folder in stale.sorted() {
            for (file, diagnostics) in workspace.lint(folder) {
                let text = DocumentText(file)
                connection.write(["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
                                  "params": ["uri": Self.uri(file.path), "diagnostics": diagnostics.map { Self.lspDiagnostic($0, text: text) }]])
            }
        }
        stale.removeAll()
    }

    // MARK: Conversions

    private static func lspDiagnostic(_ diagnostic: Diagnostic, text: DocumentText) -> [String: Any] {
        var result: [String: Any] = [
            "range": diagnostic.location.map { text.lspRange($0.range) } ?? text.lspRange(SourceRange(line: 1, column: 1)),
            "severity": diagnostic.severity == .error ? 1 : 2, "code": diagnostic.code.rawValue, "source": "orgdiag",
            "message": diagnostic.message,
        ]
        let related: [[String: Any]] = diagnostic.notes.compactMap { note in
            guard let location = note.location else { return nil }
            return ["location": lspLocation(location, text: DocumentText(location.file)), "message": note.message]
        }
        if !related.isEmpty { result["relatedInformation"] = related }
        return result
    }

    private static func lspLocation(_ location: SourceLocation, text: DocumentText) -> [String: Any] {
        ["uri": uri(location.file.path), "range": text.lspRange(location.range)]
    }

    static func path(_ uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.path
    }

    static func uri(_ path: String) -> String { URL(fileURLWithPath: path).absoluteString }
}
