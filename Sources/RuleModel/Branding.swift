/// The consultancy's identity on a report's cover (`orgdiag report --branding FILE`): its name
/// and, optionally, its logo.
public struct Branding: Hashable, Sendable {
    /// An image's bytes and media type.
    public struct Logo: Hashable, Sendable {
        /// `image/png`, `image/jpeg` or `image/svg+xml`.
        public let mediaType: String
        public let bytes: [UInt8]

        public init(mediaType: String, bytes: [UInt8]) {
            self.mediaType = mediaType
            self.bytes = bytes
        }
    }

    /// The consultancy's name, as the cover prints it.
    public var consultancy: String
    public var logo: Logo?

    /// Creates a branding.
    public init(consultancy: String, logo: Logo? = nil) {
        self.consultancy = consultancy
        self.logo = logo
    }
}
