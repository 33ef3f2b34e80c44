import Diagnostics
import Foundation

/// The process's terminal: whether streams are terminals, their width, and writing to them.
enum Terminal {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// Whether standard output may be coloured.
    static var stdoutUsesColour: Bool { ColourPolicy.usesColour(isTerminal: isatty(1) == 1, environment: environment) }

    /// Whether standard error may be coloured.
    static var stderrUsesColour: Bool { ColourPolicy.usesColour(isTerminal: isatty(2) == 1, environment: environment) }

    /// The width to wrap text to: the terminal's, `COLUMNS`, or 80.
    static var width: Int {
        var size = winsize()
        if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return environment["COLUMNS"].flatMap(Int.init) ?? 80
    }

    static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Prints diagnostics on standard error, rendered with source excerpts.
    static func report(_ diagnostics: DiagnosticList) {
        guard !diagnostics.isEmpty else { return }
        standardError(DiagnosticRenderer(usesColour: stderrUsesColour).render(diagnostics))
    }
}
