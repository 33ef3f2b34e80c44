import RuleModel

/// The formats `orgdiag report` writes, each with its renderer.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, markdown, json, html, docx

    /// Whether the format is binary (a Word package): written to a file, not to a terminal.
    public var isBinary: Bool { self == .docx }

    /// The renderer of this format. `width` and `usesColour` matter to the terminal text only,
    /// `branding` (the consultancy's name and logo on the cover) to the HTML page and the Word
    /// document.
    public func renderer(width: Int = 80, usesColour: Bool = false, branding: Branding? = nil) -> any ReportRenderer {
        switch self {
        case .text: TextReportRenderer(width: width, usesColour: usesColour)
        case .markdown: MarkdownReportRenderer()
        case .json: JSONReportRenderer()
        case .html: HTMLReportRenderer(branding: branding)
        case .docx: DocxReportRenderer(branding: branding)
        }
    }
}
