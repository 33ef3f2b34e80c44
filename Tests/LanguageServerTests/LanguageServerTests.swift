import Diagnostics
import Foundation
import Testing
@testable import LanguageServer

/// The language server's codec and positions (its protocol end to end: Tests/LanguageServer, with pytest-lsp).
@Suite struct LanguageServerTests {
    @Test func positionsConvertBetweenUTF16AndScalarColumns() {
        let text = DocumentText("a: 1\n  when: note == 'é😀' and staff_count > 2\n")
        // `staff_count` starts at scalar column 26 of line 2; the emoji before it is one scalar, two UTF-16 units.
        let start = SourcePosition(line: 2, column: 26)
        #expect(text.lspPosition(start)["character"] as? Int == 26)
        #expect(text.lspPosition(start)["line"] as? Int == 1)
        #expect(text.position(line: 1, character: 26) == start)
        #expect(text.word(at: SourcePosition(line: 2, column: 30))?.word == "staff_count")
        #expect(text.prefix(at: SourcePosition(line: 2, column: 31)) == "staff")
        #expect(text.word(at: SourcePosition(line: 2, column: 21)) == nil)
    }

    @Test func linesEndAtEveryProtocolLineEndAndHugePositionsAreClamped() {
        let text = DocumentText("a: 1\r\nb: two\rc: 3\n")
        #expect(text.lines.map(String.init) == ["a: 1", "b: two", "c: 3", ""])
        #expect(text.word(at: SourcePosition(line: 2, column: 5))?.word == "two")
        #expect(text.position(line: Int.max, character: Int.max) == SourcePosition(line: 5, column: 1))
        #expect(text.position(line: Int.min, character: 0) == SourcePosition(line: 0, column: 1))
        #expect(text.word(at: SourcePosition(line: Int.max, column: Int.min)) == nil)
        #expect(text.identifiers(onLine: 2).map(\.word) == ["b", "two"] && text.identifiers(onLine: 2).map(\.start) == [1, 4])
    }

    @Test func framesAreReadAsTheyWereWritten() throws {
        let pipe = Pipe()
        let writer = JSONRPCConnection(input: FileHandle.nullDevice, output: pipe.fileHandleForWriting)
        writer.write(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["text": "é\r\n\r\n😀"]])
        try pipe.fileHandleForWriting.write(contentsOf: Data("Content-Length: 5\r\n\r\n[1,2]".utf8))
        try pipe.fileHandleForWriting.write(contentsOf: Data("X-Other: 1\r\ncontent-length: 2\r\n\r\n{}".utf8))
        try pipe.fileHandleForWriting.close()
        let reader = JSONRPCConnection(input: pipe.fileHandleForReading, output: FileHandle.nullDevice)
        guard case .message(let first)? = reader.read() else { Issue.record("no first message"); return }
        #expect(first["method"] as? String == "initialize")
        #expect((first["params"] as? [String: Any])?["text"] as? String == "é\r\n\r\n😀")
        guard case .malformed? = reader.read() else { Issue.record("an array is no message"); return }
        guard case .message(let empty)? = reader.read() else { Issue.record("a lower-case header is read"); return }
        #expect(empty.isEmpty)
        #expect(reader.read() == nil)
    }

    @Test func theServerAnswersInOrderAndExitsAsAsked() throws {
        let input = Pipe()
        let output = Pipe()
        func send(_ body: String) throws {
            try input.fileHandleForWriting.write(contentsOf: Data("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8))
        }
        try send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#)
        try send(#"{"jsonrpc":"2.0","id":"two","method":"no/such/method"}"#)
        try send("not json")
        try send(#"{"jsonrpc":"2.0","id":4,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///dev/stdin"},"position":{"line":9223372036854775807,"character":0}}}"#)
        try send(#"{"jsonrpc":"2.0","id":5}"#)
        try send(#"{"jsonrpc":"2.0","id":3,"method":"shutdown"}"#)
        try send(#"{"jsonrpc":"2.0","method":"exit"}"#)
        let status = LanguageServer(input: input.fileHandleForReading, output: output.fileHandleForWriting).run()
        try output.fileHandleForWriting.close()
        #expect(status == 0)
        let reader = JSONRPCConnection(input: output.fileHandleForReading, output: FileHandle.nullDevice)
        var answers: [[String: Any]] = []
        while case .message(let message)? = reader.read() { answers.append(message) }
        #expect(answers.count == 6)
        #expect((answers[0]["result"] as? [String: Any])?["capabilities"] != nil)
        #expect(answers[1]["id"] as? String == "two" && (answers[1]["error"] as? [String: Any])?["code"] as? Int == -32601)
        #expect((answers[2]["error"] as? [String: Any])?["code"] as? Int == -32700)
        // A device outside any pack is not read (it would swallow the server's own input), and a
        // line number past any file does not trap: no hover.
        #expect(answers[3]["id"] as? Int == 4 && answers[3]["result"] is NSNull)
        #expect(answers[4]["id"] as? Int == 5 && (answers[4]["error"] as? [String: Any])?["code"] as? Int == -32600)
        #expect(answers[5]["id"] as? Int == 3 && answers[5]["result"] is NSNull)
    }
}
