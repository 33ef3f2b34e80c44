import ArgumentParser

/// `-o FILE`, shared by every command that can write to a file instead of standard output.
struct OutputOption: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    /// Where to write: the file, written atomically, or standard output. The file is refused when
    /// it is one of `inputs`, the files the command reads.
    func open(inputs: [String]) throws -> StreamingOutput {
        try StreamingOutput(path: output, inputs: inputs)
    }

    /// Writes `text` and puts the file in place.
    func emit(_ text: String, inputs: [String]) throws {
        let sink = try open(inputs: inputs)
        sink.write(text)
        try sink.finish()
    }
}
