import Diagnostics
import Testing
@testable import RuleLoader
import RuleModel

/// The branding file of `report --branding`: every code with where it points.
@Suite struct BrandingLoaderTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 240, 0, 0, 0, 80]

    private func load(_ text: String, logo: [UInt8]? = Self.png) -> Result<Branding, DiagnosticList> {
        BrandingLoader.load(SourceFile(path: "b.yaml", text: text)) { $0 == "logo.png" ? logo : nil }
    }

    @Test func theNameAndTheLogoAreRead() throws {
        let branding = try load("consultancy: Exemple Conseil\nlogo: logo.png\n").get()
        #expect(branding.consultancy == "Exemple Conseil")
        #expect(branding.logo?.mediaType == "image/png")
        #expect(try load("consultancy: X\n").get().logo == nil)
    }

    @Test func everyProblemIsLocated() {
        func problems(_ text: String, logo: [UInt8]? = Self.png) -> [String] {
            if case .failure(let list) = load(text, logo: logo) { return list.summaries }
            return []
        }
        #expect(problems("logo: logo.png\n") == ["b.yaml:1:1 error branding.missing-key a branding file lacks the required key 'consultancy'"])
        #expect(problems("consultancy: X\ncolour: blue\n")
                == ["b.yaml:2:1 error branding.unknown-key unknown key 'colour' in a branding file; expected one of 'consultancy', 'logo'"])
        #expect(problems("consultancy: X\nlogo: other.png\n") == ["b.yaml:2:7 error branding.unreadable-logo cannot read the logo 'other.png'"])
        #expect(problems("consultancy: X\nlogo: logo.png\n", logo: Array("GIF89a".utf8))
                == ["b.yaml:2:7 error branding.unreadable-logo the logo 'logo.png' is not a PNG, JPEG or SVG image"])
        #expect(problems("consultancy: X\nlogo: logo.png\n", logo: Self.png + [UInt8](repeating: 0, count: BrandingLoader.maxLogoBytes))
                == ["b.yaml:2:7 error branding.unreadable-logo the logo 'logo.png' is \(Self.png.count + BrandingLoader.maxLogoBytes) bytes, over the limit of \(BrandingLoader.maxLogoBytes)"])
    }

    @Test func imagesAreKnownByTheirFirstBytes() {
        #expect(BrandingLoader.mediaType(of: Self.png) == "image/png")
        #expect(BrandingLoader.mediaType(of: [0xFF, 0xD8, 0xFF, 0xE0]) == "image/jpeg")
        #expect(BrandingLoader.mediaType(of: Array("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)) == "image/svg+xml")
        #expect(BrandingLoader.mediaType(of: Array("hello".utf8)) == nil)
    }
}
