import ArgumentParser
import Foundation
import LanguageServer

/// `orgdiag lsp`: the language server on standard input and output (docs/editors.md).
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Serve the Language Server Protocol on standard input and output, for editors.")

    func run() throws {
        let status = LanguageServer(input: .standardInput, output: .standardOutput).run()
        if status != 0 { throw ExitCode(status) }
    }
}
