import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Language Server Protocol messages over a pair of byte streams: each a `Content-Length`
/// header, a blank line, then a JSON-RPC 2.0 body. Our own small codec (with Foundation's JSON):
/// no maintained Swift package for the protocol is available to this project.
final class JSONRPCConnection {
    /// What the input held next.
    enum Incoming {
        /// A JSON object.
        case message([String: Any])
        /// A frame whose body is not a JSON object: answered with a parse error.
        case malformed
    }

    /// The largest body accepted (a pack file is at most 16 MiB; its JSON escaping can double it).
    static let maxBodyBytes = 64 << 20
    /// The largest header accepted.
    static let maxHeaderBytes = 8 << 10

    private let input: FileHandle
    private let output: FileHandle
    private var buffer: [UInt8] = []
    private var atEnd = false

    init(input: FileHandle, output: FileHandle) {
        self.input = input
        self.output = output
    }

    /// The next message; `nil` at the end of the input (or a header that cannot be read).
    func read() -> Incoming? {
        // A header without its end within the limit is no frame: the stream cannot be read on.
        var tooLong = false
        guard let headerEnd = fill(until: { buffer -> Range<Int>? in
            if let end = buffer.firstRange(of: [13, 10, 13, 10]) { return end }
            tooLong = buffer.count > Self.maxHeaderBytes
            return tooLong ? 0..<0 : nil
        }), !tooLong else { return nil }
        let header = String(decoding: buffer[..<headerEnd.lowerBound], as: UTF8.self)
        buffer.removeSubrange(..<headerEnd.upperBound)
        var length: Int?
        for line in header.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                length = Int(parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        guard let length, length >= 0, length <= Self.maxBodyBytes else { return nil }
        guard fill(until: { $0.count >= length ? length : nil }) != nil else { return nil }
        let body = Data(buffer[..<length])
        buffer.removeSubrange(..<length)
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return .malformed }
        return .message(object)
    }

    /// Whether another message is already waiting: a whole frame in the buffer, or bytes ready on
    /// the input. The server lints once a burst of edits is read, not after each.
    var hasPendingInput: Bool {
        if let headerEnd = buffer.firstRange(of: [13, 10, 13, 10]), buffer.count > headerEnd.upperBound { return true }
        var descriptor = pollfd(fd: input.fileDescriptor, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0
    }

    /// Writes one message.
    func write(_ message: [String: Any]) {
        guard let body = try? JSONSerialization.data(withJSONObject: message, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        var frame = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
        frame.append(body)
        try? output.write(contentsOf: frame)
    }

    /// Reads until `found` finds what it looks for in the buffer; `nil` at the end of the input.
    private func fill<T>(until found: ([UInt8]) -> T?) -> T? {
        while true {
            if let result = found(buffer) { return result }
            guard !atEnd else { return nil }
            let data = input.availableData
            if data.isEmpty {
                atEnd = true
            } else {
                buffer += data
            }
        }
    }
}
