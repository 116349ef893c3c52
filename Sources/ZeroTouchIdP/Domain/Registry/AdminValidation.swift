import Foundation
import ZeroTouchCore

/// Size and shape checks shared by the admin operations. Every input is bounded.
enum AdminValidation {
    static let maximumNameLength = 200
    static let maximumDescriptionLength = 2000
    static let maximumListCount = 1000
    static let maximumIdentifierLength = 255

    /// A trimmed-equal, non-empty, single-line name of at most 200 characters.
    static func name(_ value: String, field: String) throws(IdPAdminError) {
        guard !value.isEmpty, value.count <= maximumNameLength else {
            throw .invalidInput(field: field, message: "must have 1 to \(maximumNameLength) characters")
        }
        guard value == value.trimmingCharacters(in: .whitespaces) else {
            throw .invalidInput(field: field, message: "must not start or end with spaces")
        }
        try noControlCharacters(value, field: field)
    }

    /// Free text of at most `maximum` characters, without control characters other than newlines.
    static func text(_ value: String, field: String, maximum: Int = maximumDescriptionLength) throws(IdPAdminError) {
        guard value.count <= maximum else { throw .invalidInput(field: field, message: "must have at most \(maximum) characters") }
        guard value.unicodeScalars.allSatisfy({ $0 == "\n" || !isControl($0) }) else {
            throw .invalidInput(field: field, message: "must not contain control characters")
        }
    }

    static func noControlCharacters(_ value: String, field: String) throws(IdPAdminError) {
        guard !value.unicodeScalars.contains(where: isControl) else {
            throw .invalidInput(field: field, message: "must not contain control characters")
        }
    }

    /// Printable ASCII without spaces (`%x21-7E`), as RFC 6749 Appendix A allows for identifiers we choose.
    static func identifier(_ value: String, field: String) throws(IdPAdminError) {
        guard !value.isEmpty, value.utf8.count <= maximumIdentifierLength,
            value.utf8.allSatisfy({ (0x21...0x7E).contains($0) }), !value.contains("/")
        else {
            throw .invalidInput(field: field, message: "must be 1 to \(maximumIdentifierLength) printable ASCII characters without spaces or '/'")
        }
    }

    /// At most `maximum` entries, without repeats.
    static func list<T: Hashable>(_ values: [T], field: String, maximum: Int = maximumListCount) throws(IdPAdminError) {
        guard values.count <= maximum else { throw .invalidInput(field: field, message: "must have at most \(maximum) entries") }
        guard Set(values).count == values.count else { throw .invalidInput(field: field, message: "must not repeat an entry") }
    }

    /// The actor recorded in the audit trail: the admin's name.
    static func actor(_ value: String) throws(IdPAdminError) { try name(value, field: "actor") }

    /// Each token is a valid RFC 6749 §3.3 scope token.
    static func scopeToken(_ value: String, field: String) throws(IdPAdminError) {
        guard !value.isEmpty, value.utf8.count <= maximumNameLength, (try? Scope(parsing: value))?.tokens.count == 1 else {
            throw .invalidInput(field: field, message: "'\(value.prefix(50))' is not an RFC 6749 §3.3 scope token")
        }
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
            && scalar != "\u{200D}"
    }
}
