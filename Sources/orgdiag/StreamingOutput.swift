import Foundation
import Reports

/// Where a command writes its output as it goes: standard output, or a file that appears
/// complete or not at all (``AtomicFile``).
final class StreamingOutput: OutputSink {
    private let file: AtomicFile?
    private var pending: [UInt8] = []

    /// Standard output when `path` is `nil`.
    init(path: String?) throws {
        do {
            file = try path.map(AtomicFile.init(path:))
        } catch {
            Terminal.standardError("error: \(error)\n")
            throw ExitStatus.badInput
        }
    }

    /// Writes `text`, buffered.
    func write(_ text: String) {
        pending += text.utf8
        if pending.count >= 1 << 16 { flush() }
    }

    /// Writes UTF-8 bytes, buffered.
    func write(bytes: [UInt8]) {
        pending += bytes
        if pending.count >= 1 << 16 { flush() }
    }

    /// Writes what is buffered and, for a file, puts it in place.
    func finish() throws {
        flush()
        do {
            try file?.commit()
        } catch {
            Terminal.standardError("error: \(error)\n")
            throw ExitStatus.badInput
        }
    }

    private func flush() {
        guard !pending.isEmpty else { return }
        if let file { pending.withUnsafeBytes { file.write($0) } } else { FileHandle.standardOutput.write(Data(pending)) }
        pending.removeAll(keepingCapacity: true)
    }
}
