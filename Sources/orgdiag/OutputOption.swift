import ArgumentParser

/// `-o FILE`, shared by every command that can write to a file instead of standard output.
struct OutputOption: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    /// Where to write: the file, written atomically, or standard output.
    func open() throws -> StreamingOutput {
        try StreamingOutput(path: output)
    }

    /// Writes `text` and puts the file in place.
    func emit(_ text: String) throws {
        let sink = try open()
        sink.write(text)
        try sink.finish()
    }
}
