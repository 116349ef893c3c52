/// The fields of a user an admin sets (issue 3, item 2), validated before anything is stored.
public struct UserDetails: Sendable, Equatable {
    public var username: String
    public var email: String?
    public var displayName: String

    public init(username: String, email: String? = nil, displayName: String) {
        self.username = username
        self.email = email
        self.displayName = displayName
    }

    /// The characters a username may use: ASCII letters, digits and `. _ @ + -`, so that
    /// case-insensitive uniqueness is plain ASCII folding and look-alike names can't be registered.
    static func isUsernameCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "@"), UInt8(ascii: "+"), UInt8(ascii: "-"): true
        default: false
        }
    }

    /// Checks every field.
    /// - Throws: `IdPAdminError.invalidInput`.
    func validate() throws(IdPAdminError) {
        guard (1...AdminValidation.maximumNameLength).contains(username.utf8.count), username.utf8.allSatisfy(Self.isUsernameCharacter)
        else {
            throw .invalidInput(field: "username", message: "must be 1 to 200 characters from A-Z a-z 0-9 . _ @ + -")
        }
        try AdminValidation.name(displayName, field: "displayName")
        if let email {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            guard email.utf8.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
                !email.contains(where: { $0.isWhitespace }), email.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F })
            else { throw .invalidInput(field: "email", message: "must be an e-mail address of at most 254 characters") }
        }
    }
}

/// A newly enrolled TOTP second factor, shown once to the admin or the user and never stored elsewhere.
public struct TOTPEnrollment: Sendable {
    /// The base32 secret (RFC 4648 §6) for manual entry.
    public var secret: String
    /// The `otpauth://` URI to render as a QR code.
    public var provisioningURI: String
}
