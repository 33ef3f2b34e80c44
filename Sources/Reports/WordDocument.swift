import Diagnostics
import Foundation
import RuleModel
import ZIPFoundation

/// A WordprocessingML (.docx) document built paragraph by paragraph: headings as Word's own
/// heading styles (so that the navigation pane and a table of contents find them), paragraphs
/// of runs, bulleted items, tables with shaded cells, page breaks, a contents field, a running
/// header and page numbers. ``package()`` writes the parts and zips them with ZIPFoundation;
/// every text is escaped for XML, and the same document gives the same bytes.
struct WordDocument {
    /// A piece of a paragraph with one look.
    struct Run {
        var text: String
        var bold = false
        var italic = false
        /// An RGB colour, `A4161A`.
        var colour: String?
        /// Size in points.
        var size: Double?

        init(_ text: String, bold: Bool = false, italic: Bool = false, colour: String? = nil, size: Double? = nil) {
            self.text = text
            self.bold = bold
            self.italic = italic
            self.colour = colour
            self.size = size
        }
    }

    /// A cell of a table: its paragraphs' runs, its width in twentieths of a point, and an optional fill.
    struct Cell {
        var paragraphs: [[Run]]
        var width: Int
        var fill: String?

        init(_ runs: [Run], width: Int, fill: String? = nil) {
            paragraphs = [runs]
            self.width = width
            self.fill = fill
        }
    }

    /// The width of the text on an A4 page with the margins below, in twentieths of a point.
    static let textWidth = 11_906 - 2 * 1_021

    /// The document's language (`fr`, `en`), for spelling and hyphenation in Word.
    let language: String
    /// The title in the document's properties and the running header.
    let title: String
    /// The word before the page number in the footer ("page").
    let pageWord: String
    private var body = ""
    /// An image the document holds (the consultancy's logo): its part's name, media type and bytes.
    private var media: (name: String, mediaType: String, bytes: [UInt8])?
    /// Where the contents go in the body (a UTF-8 offset) and their title, when asked for.
    private var contentsPlace: (offset: Int, title: String)?
    /// The headings so far (level, text), for the contents.
    private var headings: [(level: Int, text: String)] = []

    init(language: String, title: String, pageWord: String) {
        self.language = language
        self.title = title
        self.pageWord = pageWord
    }

    // MARK: Content

    /// A heading of `level` 1 to 3 (Word's "Heading 1" to "Heading 3").
    mutating func heading(_ text: String, level: Int) {
        headings.append((level, text))
        body += paragraphXML([Run(text)], style: "Heading\(level)")
    }

    /// A paragraph of runs in a style of ``styles`` (`Normal` when `nil`).
    mutating func paragraph(_ runs: [Run], style: String? = nil, keepWithNext: Bool = false) {
        body += paragraphXML(runs, style: style, keepWithNext: keepWithNext)
    }

    /// A paragraph of plain text.
    mutating func paragraph(_ text: String, style: String? = nil) {
        paragraph([Run(text)], style: style)
    }

    /// An item of a bulleted list.
    mutating func bullet(_ runs: [Run]) {
        body += paragraphXML([Run("•\t")] + runs, style: "ListItem")
    }

    /// A table; the first row is a header repeated on each page when `header` is set.
    mutating func table(_ rows: [[Cell]], header: Bool = false) {
        guard let first = rows.first else { return }
        var xml = "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"\(first.map(\.width).reduce(0, +))\" w:type=\"dxa\"/>"
            + "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>"
        xml += first.map { "<w:gridCol w:w=\"\($0.width)\"/>" }.joined() + "</w:tblGrid>"
        for (index, row) in rows.enumerated() {
            xml += "<w:tr><w:trPr><w:cantSplit/>\(header && index == 0 ? "<w:tblHeader/>" : "")</w:trPr>"
            for cell in row {
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(cell.width)\" w:type=\"dxa\"/>"
                    + (cell.fill.map { "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\($0)\"/>" } ?? "") + "</w:tcPr>"
                xml += cell.paragraphs.map { paragraphXML($0, style: "TableText") }.joined()
                xml += "</w:tc>"
            }
            xml += "</w:tr>"
        }
        body += xml + "</w:tbl>" + paragraphXML([], style: "Spacer")
    }

    /// An image as its own paragraph, `width` centimetres wide, its height from its proportions;
    /// nothing for an image whose size cannot be read (an SVG: Word needs a bitmap beside it).
    /// One image per document.
    mutating func image(_ logo: Branding.Logo, width: Double) {
        guard media == nil, let size = Self.pixelSize(of: logo.bytes), size.width > 0, size.height > 0 else { return }
        let name = logo.mediaType == "image/png" ? "logo.png" : "logo.jpeg"
        media = (name, logo.mediaType, logo.bytes)
        let cx = Int(width * 360_000)  // EMU per centimetre
        let cy = cx * size.height / size.width
        body += "<w:p><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/>"
            + "<wp:docPr id=\"1\" name=\"Logo\"/><a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
            + "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
            + "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"1\" name=\"\(name)\"/>"
            + "<pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdLogo\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>"
            + "</pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    }

    /// The width and height in pixels of a PNG (its IHDR) or a JPEG (its start-of-frame), else `nil`.
    static func pixelSize(of bytes: [UInt8]) -> (width: Int, height: Int)? {
        func bigEndian(_ offset: Int, _ count: Int) -> Int? {
            guard offset >= 0, offset + count <= bytes.count else { return nil }
            return bytes[offset..<(offset + count)].reduce(0) { $0 << 8 | Int($1) }
        }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            guard let width = bigEndian(16, 4), let height = bigEndian(20, 4) else { return nil }
            return (width, height)
        }
        guard bytes.starts(with: [0xFF, 0xD8]) else { return nil }
        var offset = 2
        while offset + 4 <= bytes.count, bytes[offset] == 0xFF {
            let marker = bytes[offset + 1]
            guard let length = bigEndian(offset + 2, 2), length >= 2 else { return nil }
            // Start of frame (baseline, progressive…), not DHT (C4), JPG (C8) or DAC (CC).
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard let height = bigEndian(offset + 5, 2), let width = bigEndian(offset + 7, 2) else { return nil }
                return (width, height)
            }
            offset += 2 + length
        }
        return nil
    }

    /// Starts a new page.
    mutating func pageBreak() {
        body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
    }

    /// A table of contents here: Word's TOC field over headings 1 and 2, holding the document's
    /// headings (those added after this call too) until Word or LibreOffice updates it (then with
    /// page numbers). It is written when the document is packaged, once every heading is known.
    mutating func contents(title: String) {
        contentsPlace = (body.utf8.count, title)
    }

    /// The contents' XML, over the headings the document holds.
    private func contentsXML(title: String) -> String {
        var xml = paragraphXML([Run(title)], style: "TOCHeading")
        let lines = headings.filter { $0.level <= 2 }
        let begin = "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
        let end = "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        guard !lines.isEmpty else { return xml + "<w:p>\(begin)\(end)</w:p>" }
        for (index, line) in lines.enumerated() {
            xml += "<w:p><w:pPr><w:pStyle w:val=\"TOC\(line.level)\"/></w:pPr>"
                + (index == 0 ? begin : "") + runXML(Run(line.text)) + (index == lines.count - 1 ? end : "") + "</w:p>"
        }
        return xml
    }

    // MARK: Package

    /// The document as the bytes of a .docx file.
    func package() throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        // A fixed date: the same document gives the same bytes.
        let date = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01, the first date a zip can hold
        var files = parts.map { ($0.0, Data($0.1.utf8)) }
        if let media { files.append(("word/media/\(media.name)", Data(media.bytes))) }
        for (path, data) in files {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return Array(data)
    }

    /// Every part of the package, in the order they are zipped.
    private var parts: [(String, String)] {
        let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let main = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
            + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
        let contentTypes = header + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            \(media.map { "<Default Extension=\"\($0.name.split(separator: ".").last!)\" ContentType=\"\($0.mediaType)\"/>" } ?? "")\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
            <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
            <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
            <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
            </Types>
            """
        let packageRelationships = header + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
            </Relationships>
            """
        let documentRelationships = header + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
            <Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>\
            <Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>\
            \(media.map { "<Relationship Id=\"rIdLogo\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/\($0.name)\"/>" } ?? "")\
            </Relationships>
            """
        let section = "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"
            + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1247\" w:right=\"1021\" w:bottom=\"1134\" w:left=\"1021\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
            + "<w:titlePg/></w:sectPr>"
        var text = body
        if let place = contentsPlace {
            let index = text.utf8.index(text.utf8.startIndex, offsetBy: place.offset)
            text.insert(contentsOf: contentsXML(title: place.title), at: index)
        }
        let document = header + "<w:document \(main)><w:body>\(text)\(section)</w:body></w:document>"
        let runningHeader = header + "<w:hdr \(main)>" + paragraphXML([Run(title)], style: "HeaderText") + "</w:hdr>"
        let field = { (name: String) in
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> \(name) </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        }
        let footer = header + "<w:ftr \(main)><w:p><w:pPr><w:pStyle w:val=\"FooterText\"/><w:jc w:val=\"right\"/></w:pPr>"
            + runXML(Run(pageWord + " ")) + field("PAGE") + runXML(Run(" / ")) + field("NUMPAGES") + "</w:p></w:ftr>"
        let settings = header + "<w:settings \(main)><w:defaultTabStop w:val=\"284\"/>"
            + "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" "
            + "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>"
        let core = header + """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:title>\(SafeText.xml(title))</dc:title><dc:creator>orgdiag</dc:creator><dc:language>\(SafeText.xml(language))</dc:language>\
            </cp:coreProperties>
            """
        let app = header + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>orgdiag</Application></Properties>"
        return [("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRelationships), ("word/document.xml", document),
                ("word/_rels/document.xml.rels", documentRelationships), ("word/styles.xml", styles), ("word/settings.xml", settings),
                ("word/header1.xml", runningHeader), ("word/footer1.xml", footer), ("docProps/core.xml", core), ("docProps/app.xml", app)]
    }

    /// The styles the document uses, Word's built-in names for headings, title and contents.
    private var styles: String {
        let locale = language == "fr" ? "fr-FR" : language == "en" ? "en-GB" : language
        func style(_ id: String, _ name: String, basedOn: String? = "Normal", next: String? = nil, paragraph: String = "",
                   run: String = "", outline: Int? = nil) -> String {
            "<w:style w:type=\"paragraph\"\(basedOn == nil ? " w:default=\"1\"" : "") w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
                + (basedOn.map { "<w:basedOn w:val=\"\($0)\"/>" } ?? "") + (next.map { "<w:next w:val=\"\($0)\"/>" } ?? "")
                + "<w:qFormat/><w:pPr>\(paragraph)\(outline.map { "<w:outlineLvl w:val=\"\($0)\"/>" } ?? "")</w:pPr><w:rPr>\(run)</w:rPr></w:style>"
        }
        let accent = "1F4E79"
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" w:cs=\"Calibri\"/>"
            + "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/><w:lang w:val=\"\(SafeText.xml(locale))\"/></w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:spacing w:after=\"80\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
            + style("Normal", "Normal", basedOn: nil)
            + style("Title", "Title", next: "Subtitle", paragraph: "<w:spacing w:before=\"2400\" w:after=\"240\"/>",
                    run: "<w:b/><w:color w:val=\"\(accent)\"/><w:sz w:val=\"64\"/><w:szCs w:val=\"64\"/>")
            + style("Subtitle", "Subtitle", paragraph: "<w:spacing w:after=\"120\"/>",
                    run: "<w:caps/><w:color w:val=\"\(accent)\"/><w:spacing w:val=\"20\"/><w:sz w:val=\"26\"/>")
            + style("Heading1", "heading 1", next: "Normal",
                    paragraph: "<w:keepNext/><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"2\" w:color=\"DDE3EA\"/></w:pBdr><w:spacing w:before=\"360\" w:after=\"120\"/>",
                    run: "<w:b/><w:color w:val=\"\(accent)\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>", outline: 0)
            + style("Heading2", "heading 2", next: "Normal", paragraph: "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"80\"/>",
                    run: "<w:b/><w:color w:val=\"\(accent)\"/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>", outline: 1)
            + style("Heading3", "heading 3", next: "Normal", paragraph: "<w:keepNext/><w:spacing w:before=\"160\" w:after=\"40\"/>",
                    run: "<w:b/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>", outline: 2)
            + style("TOCHeading", "TOC Heading", paragraph: "<w:spacing w:before=\"240\" w:after=\"120\"/>",
                    run: "<w:b/><w:color w:val=\"\(accent)\"/><w:sz w:val=\"32\"/>")
            + style("TOC1", "toc 1", paragraph: "<w:spacing w:after=\"60\"/>", run: "<w:b/>")
            + style("TOC2", "toc 2", paragraph: "<w:spacing w:after=\"40\"/><w:ind w:left=\"284\"/>")
            + style("ListItem", "List Paragraph", paragraph: "<w:tabs><w:tab w:val=\"left\" w:pos=\"284\"/></w:tabs><w:spacing w:after=\"40\"/><w:ind w:left=\"284\" w:hanging=\"284\"/>")
            + style("Muted", "Muted", run: "<w:color w:val=\"5F6B7A\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>")
            + style("Quote", "Quote", paragraph: "<w:ind w:left=\"284\"/>", run: "<w:i/><w:color w:val=\"5F6B7A\"/>")
            + style("TableText", "Table Text", paragraph: "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/>",
                    run: "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>")
            + style("Spacer", "Spacer", paragraph: "<w:spacing w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/>")
            + style("HeaderText", "header", run: "<w:color w:val=\"5F6B7A\"/><w:sz w:val=\"16\"/>")
            + style("FooterText", "footer", run: "<w:color w:val=\"5F6B7A\"/><w:sz w:val=\"16\"/>")
            + "<w:style w:type=\"table\" w:styleId=\"ReportTable\"><w:name w:val=\"Report Table\"/><w:tblPr><w:tblBorders>"
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"C9D1DB\"/>" }.joined()
            + "</w:tblBorders><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
            + "</w:styles>"
    }

    // MARK: XML

    private func paragraphXML(_ runs: [Run], style: String?, keepWithNext: Bool = false) -> String {
        let properties = (style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? "") + (keepWithNext ? "<w:keepNext/>" : "")
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + runs.map(runXML).joined() + "</w:p>"
    }

    private func runXML(_ run: Run) -> String {
        var properties = ""
        if run.bold { properties += "<w:b/>" }
        if run.italic { properties += "<w:i/>" }
        if let colour = run.colour { properties += "<w:color w:val=\"\(colour)\"/>" }
        if let size = run.size { properties += "<w:sz w:val=\"\(Int((size * 2).rounded()))\"/>" }
        // A tab in the text is Word's tab; a line feed its line break (split by scalars: a CR LF
        // pair is one Character, and its CR becomes U+FFFD as any control).
        var content = ""
        var piece = String.UnicodeScalarView()
        func flush() {
            if !piece.isEmpty { content += "<w:t xml:space=\"preserve\">\(SafeText.xml(String(piece)))</w:t>" }
            piece = String.UnicodeScalarView()
        }
        for scalar in run.text.unicodeScalars {
            switch scalar {
            case "\n": flush(); content += "<w:br/>"
            case "\t": flush(); content += "<w:tab/>"
            default: piece.append(scalar)
            }
        }
        flush()
        return "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>") + content + "</w:r>"
    }
}
