/// Where a renderer or a batch writes what it produces, as it goes: standard output, a file
/// written atomically, or memory in tests.
public protocol OutputSink: AnyObject {
    /// Writes text.
    func write(_ text: String)
    /// Writes UTF-8 bytes.
    func write(bytes: [UInt8])
}

/// An output kept in memory.
public final class MemoryOutput: OutputSink {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []

    /// Creates an empty output.
    public init() {}

    /// Everything written so far, as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public func write(_ text: String) { bytes += text.utf8 }

    public func write(bytes: [UInt8]) { self.bytes += bytes }
}
