public import Foundation

/// The per-user file holding the login session: `$XDG_CONFIG_HOME/zerotouch/credentials.json`,
/// or `~/.config/zerotouch/credentials.json` (XDG Base Directory Specification), mode 0600 in a
/// 0700 directory, refused when others can read it (EMA-S §7.5.4, checklist C-34).
public struct CredentialStore: Sendable {
    /// The file.
    public let fileURL: URL

    /// A store at `fileURL`.
    public init(fileURL: URL) { self.fileURL = fileURL }

    /// The directory ZeroTouch keeps per-user files in: `$XDG_CONFIG_HOME/zerotouch`, else `$HOME/.config/zerotouch`.
    public static func configurationDirectory(environment: [String: String]) -> URL {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("zerotouch")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path
        return URL(fileURLWithPath: home).appendingPathComponent(".config").appendingPathComponent("zerotouch")
    }

    /// The standard store for the environment's user.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> CredentialStore {
        CredentialStore(fileURL: configurationDirectory(environment: environment).appendingPathComponent("credentials.json"))
    }

    /// The stored session, or `nil` when there is none.
    /// - Throws: `ZeroTouchClientError.credentialStoreFailed` when the file is unreadable, unsafe or corrupt.
    public func load() throws(ZeroTouchClientError) -> StoredCredentials? {
        let data: Data
        do {
            guard let contents = try PrivateFile.read(fileURL) else { return nil }
            data = contents
        } catch {
            throw ZeroTouchClientError(.credentialStoreFailed, error.description, url: fileURL.path)
        }
        do {
            return try Self.decoder.decode(StoredCredentials.self, from: data)
        } catch {
            throw ZeroTouchClientError(
                .credentialStoreFailed, "the credentials file is not readable", nextStep: "Run `zerotouch logout`, then `zerotouch login`",
                url: fileURL.path)
        }
    }

    /// Saves `credentials`, replacing the file atomically.
    /// - Throws: `ZeroTouchClientError.credentialStoreFailed`.
    public func save(_ credentials: StoredCredentials) throws(ZeroTouchClientError) {
        do {
            let data = try Self.encoder.encode(credentials)
            try PrivateFile.write(data, to: fileURL)
        } catch let error as PrivateFile.Failure {
            throw ZeroTouchClientError(.credentialStoreFailed, error.description, url: fileURL.path)
        } catch {
            throw ZeroTouchClientError(.credentialStoreFailed, "the credentials could not be encoded", url: fileURL.path)
        }
    }

    /// Deletes the file; a missing file is fine.
    /// - Throws: `ZeroTouchClientError.credentialStoreFailed`.
    public func delete() throws(ZeroTouchClientError) {
        do {
            try PrivateFile.delete(fileURL)
        } catch {
            throw ZeroTouchClientError(.credentialStoreFailed, error.description, url: fileURL.path)
        }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .secondsSince1970
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }()
}
