import Diagnostics
import Foundation
import Reports

/// Where a command writes its output as it goes: standard output, or a file that appears
/// complete or not at all (``AtomicFile``). A failed write (a full disk, a closed pipe) is an
/// error with a code, never a silent success.
final class StreamingOutput: OutputSink {
    private let file: AtomicFile?
    private var pending: [UInt8] = []
    /// Why writing to standard output failed, if it did.
    private var standardOutputFailure: Int32?

    /// Standard output when `path` is `nil`; a file otherwise, refused when it is one of `inputs`.
    init(path: String?, inputs: [String] = []) throws {
        do {
            file = try path.map { path throws(Diagnostic) in try AtomicFile(path: path, inputs: inputs) }
        } catch {
            Terminal.report(DiagnosticList([error]))
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
            if let code = standardOutputFailure, code != EPIPE {
                throw Diagnostic.error(AtomicFile.Code.writeFailed, "cannot write to standard output: \(String(cString: strerror(code)))",
                                       at: nil)
            }
        } catch let error as Diagnostic {
            Terminal.report(DiagnosticList([error]))
            throw ExitStatus.badInput
        }
    }

    private func flush() {
        guard !pending.isEmpty else { return }
        pending.withUnsafeBytes { buffer in
            if let file {
                file.write(buffer)
            } else if standardOutputFailure == nil {
                standardOutputFailure = AtomicFile.writeAll(buffer, to: 1)
            }
        }
        pending.removeAll(keepingCapacity: true)
    }
}
