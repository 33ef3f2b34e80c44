/// A format of the report: it renders the reports of one or several organisations into one
/// document, written to an output. How several reports make one document (a separator, a JSON
/// array, sections of one page) is the renderer's business.
///
/// To add a format: write its renderer conforming to this protocol, and add a case to
/// ``ReportFormat``; the CLI's `--format` lists the cases.
public protocol ReportRenderer: Sendable {
    /// Renders `models` (at least one) as one document into `output`; throws only when the
    /// document cannot be built (a Word package that cannot be zipped).
    func render(_ models: [ReportModel], to output: OutputSink) throws
}
