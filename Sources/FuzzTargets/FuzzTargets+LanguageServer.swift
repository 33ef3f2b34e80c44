import Dispatch
import Foundation
import LanguageServer

extension FuzzTargets {
    /// The language server on a sequence of messages the bytes choose: requests of every method
    /// it serves and some it does not, with sound or broken parameters, whole-document edits that
    /// insert and delete fragments of YAML and expressions in a small pack's files, malformed
    /// frames, `shutdown` and `exit`. It must never crash or hang, and must answer every request
    /// once, in order.
    public static func languageServer(_ bytes: [UInt8]) {
        guard let folder = languageServerPack else { return }
        var choices = ByteChoices(bytes)
        var texts = languageServerFiles
        var frames: [Data] = []
        var requests: [Int] = []
        func frame(_ object: [String: Any]) {
            guard let body = try? JSONSerialization.data(withJSONObject: object) else { return }
            frames.append(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
        }
        func uri(_ name: String) -> String { URL(fileURLWithPath: folder + "/" + name).absoluteString }
        let names = texts.keys.sorted()
        frame(["jsonrpc": "2.0", "id": 0, "method": "initialize", "params": ["capabilities": [:] as [String: Any]]])
        requests.append(0)
        for step in 1...(1 + choices.next(40)) {
            let name = names[choices.next(names.count)]
            let lines = texts[name]!.split(separator: "\n", omittingEmptySubsequences: false).count
            let position: [String: Any] = ["line": choices.next(lines + 2), "character": choices.next(60)]
            let document: [String: Any] = ["uri": uri(name)]
            switch choices.next(12) {
            case 0: frame(["jsonrpc": "2.0", "method": "textDocument/didOpen",
                           "params": ["textDocument": ["uri": uri(name), "languageId": "yaml", "version": step, "text": texts[name]!]]])
            case 1, 2:
                var text = Array(texts[name]!.unicodeScalars)
                let at = choices.next(text.count + 1)
                if choices.next(2) == 0 {
                    text.insert(contentsOf: languageServerFragments[choices.next(languageServerFragments.count)].unicodeScalars, at: at)
                } else {
                    text.removeSubrange(at..<min(text.count, at + choices.next(12)))
                }
                texts[name] = String(String.UnicodeScalarView(text))
                frame(["jsonrpc": "2.0", "method": "textDocument/didChange",
                       "params": ["textDocument": ["uri": uri(name), "version": step], "contentChanges": [["text": texts[name]!]]]])
            case 3, 4, 5, 6:
                let method = ["textDocument/completion", "textDocument/hover", "textDocument/definition", "textDocument/references"][choices.next(4)]
                frame(["jsonrpc": "2.0", "id": step, "method": method, "params": ["textDocument": document, "position": position]])
                requests.append(step)
            case 7:
                let range: [String: Any] = ["start": position, "end": ["line": choices.next(lines + 2), "character": choices.next(60)]]
                frame(["jsonrpc": "2.0", "id": step, "method": "textDocument/codeAction",
                       "params": ["textDocument": document, "range": range, "context": ["diagnostics": [] as [Any]]]])
                requests.append(step)
            case 8:
                // Parameters of the wrong shapes, and a method no one serves.
                let params: Any = [[1, 2], "text", ["textDocument": 3, "position": ["line": -5, "character": "x"]], NSNull()][choices.next(4)]
                frame(["jsonrpc": "2.0", "id": step, "method": ["textDocument/hover", "no/such/method"][choices.next(2)], "params": params])
                requests.append(step)
            case 9: frames.append(Data("Content-Length: 7\r\n\r\n{\"a\":[1".utf8))
            case 10: frame(["jsonrpc": "2.0", "method": "textDocument/didClose", "params": ["textDocument": document]])
            default: frame(["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": choices.next(9)]])
            }
        }
        frame(["jsonrpc": "2.0", "id": 9_999, "method": "shutdown"])
        requests.append(9_999)
        frame(["jsonrpc": "2.0", "method": "exit"])

        let input = Pipe()
        // One file per run: the regression test replays inputs in parallel in one process.
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("orgdiag-fuzz-lsp-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        guard FileManager.default.createFile(atPath: output.path, contents: nil),
              let outputHandle = try? FileHandle(forWritingTo: output) else { return }
        let writer = DispatchQueue(label: "fuzz-lsp-writer")
        let payload = frames
        writer.async {
            for frame in payload { try? input.fileHandleForWriting.write(contentsOf: frame) }
            try? input.fileHandleForWriting.close()
        }
        let status = LanguageServer(input: input.fileHandleForReading, output: outputHandle).run()
        writer.sync {}
        try? outputHandle.close()
        guard status == 0 else { fatalError("the server did not exit after shutdown and exit: \(status)") }
        let answered = answeredIDs(Array((try? Data(contentsOf: output)) ?? Data()))
        let malformed = frames.filter { $0.starts(with: Data("Content-Length: 7\r\n\r\n{\"a\"".utf8)) }.count
        let expected = requests.map(Optional.some) + Array(repeating: nil, count: malformed)
        if answered.compactMap({ $0 }) != requests || answered.count != expected.count {
            fatalError("requests \(requests) and \(malformed) malformed frames, answers \(answered)")
        }
    }

    /// The ids of the responses in a server's output, in order (`nil` for a response without id).
    private static func answeredIDs(_ bytes: [UInt8]) -> [Int?] {
        var ids: [Int?] = []
        var rest = bytes[...]
        while let headerEnd = rest.firstRange(of: [13, 10, 13, 10]) {
            let header = String(decoding: rest[..<headerEnd.lowerBound], as: UTF8.self)
            guard let length = Int(header.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") else { break }
            let body = rest[headerEnd.upperBound..<min(rest.endIndex, headerEnd.upperBound + length)]
            rest = rest[body.endIndex...]
            guard let message = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
                  message["method"] == nil else { continue }  // notifications
            ids.append(message["id"] as? Int)
        }
        return ids
    }

    /// A small pack's files, as the language server target starts them.
    static let languageServerFiles: [String: String] = [
        "pack.yaml": "pack: {id: fuzz, version: 1.0.0, languages: [en], organisation_kinds: [caf]}\n",
        "facts.yaml": """
            facts:
              staff: {type: integer, range: [0, 100000], label: Staff}
              level: {type: enum, values: [none, some, all], label: Level}
              named: {type: boolean, label: Named}
            parameters:
              max_staff: {value: 500, label: Max}

            """,
        "diagnostics.yaml": """
            diagnostics:
              - id: too_big
                severity: high
                title: Too big
                when: staff > max_staff and level != 'all'
                examples:
                  fires: [{staff: 900, level: none}]
              - id: unnamed
                severity: low
                title: Unnamed
                when: {all: [not named, {any: [staff > 10, level == 'some']}]}

            """,
    ]

    /// Fragments the edits insert.
    private static let languageServerFragments = [
        "staf", "max_staff", " and ", " or not ", "'", "\"", ": ", "\n  - id: x\n", "{", "]", "level == 'som'", "\t", "é😀",
        "when: ", "- ", "&a ", "*a", "\r\n", "#", "!!str ", "named", "(", ")", "1e400", "between 1 and", "---\n",
    ]

    /// The folder the target's pack lives in (written once per process; edits stay in the server's memory).
    private static let languageServerPack: String? = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgdiag-fuzz-lsp-pack-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in languageServerFiles { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        } catch {
            return nil
        }
        return folder.path
    }()
}
