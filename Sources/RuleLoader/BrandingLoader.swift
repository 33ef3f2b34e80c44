import Diagnostics
import RuleModel
import YAML

/// Reads a branding file: the consultancy's name and its logo, a PNG, JPEG or SVG file named
/// relative to the branding file (at most ``maxLogoBytes``), recognised by its first bytes.
///
/// ```yaml
/// consultancy: Cabinet Exemple Conseil
/// logo: logo.png
/// ```
public enum BrandingLoader {
    /// The keys of a branding file; `consultancy` is required.
    public static let keys = ["consultancy", "logo"]
    /// The largest logo read, in bytes.
    public static let maxLogoBytes = 1 << 20
    public static let unreadableLogo = DiagnosticCode("branding.unreadable-logo")

    /// Reads `file`; `readLogo` returns the bytes of the file a path names (relative to the
    /// branding file), or `nil` when it cannot be read.
    public static func load(_ file: SourceFile, readLogo: (String) -> [UInt8]?) -> Result<Branding, DiagnosticList> {
        let root: YAMLNode
        do {
            root = try YAMLParser.parseDocument(file)
        } catch {
            return .failure(error)
        }
        var reader = NodeReader(unknownKeyCode: LoaderCode.brandingUnknownKey, missingKeyCode: LoaderCode.brandingMissingKey)
        guard let fields = reader.fields(root, allowed: keys, required: ["consultancy"], what: "a branding file") else {
            return .failure(reader.diagnostics)
        }
        var branding = Branding(consultancy: "")
        if let name = fields["consultancy"].flatMap({ node in reader.read({ () throws(Diagnostic) in try node.string() }) }) {
            branding.consultancy = name
        }
        if let node = fields["logo"], let path = reader.read({ () throws(Diagnostic) in try node.string() }) {
            if let bytes = readLogo(path) {
                if bytes.count > maxLogoBytes {
                    reader.report(.error(unreadableLogo, "the logo '\(path)' is \(bytes.count) bytes, over the limit of \(maxLogoBytes)", at: node.location))
                } else if let type = mediaType(of: bytes) {
                    branding.logo = Branding.Logo(mediaType: type, bytes: bytes)
                } else {
                    reader.report(.error(unreadableLogo, "the logo '\(path)' is not a PNG, JPEG or SVG image", at: node.location))
                }
            } else {
                reader.report(.error(unreadableLogo, "cannot read the logo '\(path)'", at: node.location))
            }
        }
        return reader.diagnostics.hasErrors ? .failure(reader.diagnostics) : .success(branding)
    }

    /// The media type of an image from its first bytes: PNG, JPEG or SVG; `nil` for anything else.
    static func mediaType(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        let head = String(decoding: bytes.prefix(512), as: UTF8.self)
        if head.contains("<svg") { return "image/svg+xml" }
        return nil
    }
}
