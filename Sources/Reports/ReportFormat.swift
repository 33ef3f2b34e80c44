/// The formats `orgdiag report` writes, each with its renderer.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, markdown, json, html

    /// The renderer of this format. `width` and `usesColour` matter to the terminal text only.
    public func renderer(width: Int = 80, usesColour: Bool = false) -> any ReportRenderer {
        switch self {
        case .text: TextReportRenderer(width: width, usesColour: usesColour)
        case .markdown: MarkdownReportRenderer()
        case .json: JSONReportRenderer()
        case .html: HTMLReportRenderer()
        }
    }
}
