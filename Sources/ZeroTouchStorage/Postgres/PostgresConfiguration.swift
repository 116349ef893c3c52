import Foundation

/// Where and how to reach the PostgreSQL server shared by every replica, read from a
/// `postgres://user:password@host:port/database?sslmode=require` URL (the libpq URI form,
/// PostgreSQL manual §34.1.1.2, restricted to what this build supports).
///
/// Query parameters: `sslmode` (`disable`, `require`; `verify-full` is a synonym of `require`,
/// which here always verifies the certificate chain and host name), `schema` (a schema created if
/// missing and put first on `search_path`), `application_name`, `connect_timeout` and
/// `acquire_timeout` (seconds), `pool_max`. Anything else is refused, so a misspelt `sslmode`
/// cannot silently turn TLS off. Without `sslmode`, a loopback host gets `disable` and any other
/// host `require`. `description` never shows the password.
public struct PostgresConfiguration: Sendable, Equatable, CustomStringConvertible {
    /// Whether the connection is encrypted.
    public enum TLSMode: String, Sendable, Equatable {
        /// Plain TCP; only sensible on loopback or a private network.
        case disable
        /// TLS with the server certificate verified against the system's trust roots and the host name.
        case require
    }

    /// The server's host name or IP address (TCP only; Unix sockets are not supported).
    public var host: String
    /// The server's TCP port, 5432 by default.
    public var port: Int
    /// The role to log in as (SCRAM-SHA-256 or another method the server offers).
    public var username: String
    /// The password; never log it (use `description`).
    public var password: String?
    /// The database name; the user name when the URL has no path, as libpq does.
    public var database: String
    /// Whether the connection is encrypted; see `TLSMode`.
    public var tlsMode: TLSMode
    /// A schema (`[a-z_][a-z0-9_]*`, at most 63 bytes) that holds the tables instead of the
    /// user's default `search_path`; created on first start.
    public var schema: String?
    /// Shown in `pg_stat_activity`, so an operator can tell replicas apart.
    public var applicationName: String
    /// How long opening one TCP connection may take.
    public var connectTimeout: Duration
    /// How long an operation waits for a pooled connection before it fails with
    /// `StorageError.unavailable(.connectionTimedOut)`: the bound on how long a request can hang
    /// while PostgreSQL is down.
    public var acquireTimeout: Duration
    /// The server-side `statement_timeout`, so that no statement holds a connection forever.
    public var statementTimeout: Duration
    /// The most connections the pool opens.
    public var maximumConnections: Int

    /// A configuration with the defaults: 5 s connect and acquire timeouts, a 30 s statement
    /// timeout and at most 20 connections.
    public init(
        host: String, port: Int = 5432, username: String, password: String?, database: String,
        tlsMode: TLSMode? = nil, schema: String? = nil
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tlsMode = tlsMode ?? (Self.isLoopback(host) ? .disable : .require)
        self.schema = schema
        applicationName = "zerotouch"
        connectTimeout = .seconds(5)
        acquireTimeout = .seconds(5)
        statementTimeout = .seconds(30)
        maximumConnections = 20
    }

    /// Parses a `postgres://` or `postgresql://` URL.
    /// - Throws: `StorageError.invalidStorageURL`, whose reason never quotes the password.
    public init(url: String) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            ["postgres", "postgresql"].contains(scheme)
        else {
            throw StorageError.invalidStorageURL(reason: "expected postgres://user:password@host:port/database")
        }
        var host = components.host ?? ""
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw StorageError.invalidStorageURL(reason: "the URL has no host") }
        guard let username = components.percentEncodedUser?.removingPercentEncoding, !username.isEmpty else {
            throw StorageError.invalidStorageURL(reason: "the URL has no user name")
        }
        let password = components.percentEncodedPassword?.removingPercentEncoding
        if components.percentEncodedPassword != nil, password == nil {
            throw StorageError.invalidStorageURL(reason: "the password is not valid percent-encoding")
        }
        let path = components.percentEncodedPath.dropFirst(components.percentEncodedPath.hasPrefix("/") ? 1 : 0)
        guard let database = path.isEmpty ? username : String(path).removingPercentEncoding, !database.contains("/") else {
            throw StorageError.invalidStorageURL(reason: "the path must be a single database name")
        }
        self.init(host: host, port: components.port ?? 5432, username: username, password: password, database: database)
        guard (1...65535).contains(port) else { throw StorageError.invalidStorageURL(reason: "the port must be 1 to 65535") }
        var seen = Set<String>()
        for item in components.queryItems ?? [] {
            guard seen.insert(item.name).inserted else {
                throw StorageError.invalidStorageURL(reason: "the parameter \(item.name) is given twice")
            }
            try apply(parameter: item.name, value: item.value ?? "")
        }
    }

    private mutating func apply(parameter name: String, value: String) throws {
        switch name {
        case "sslmode":
            switch value {
            case "disable": tlsMode = .disable
            case "require", "verify-full": tlsMode = .require
            default: throw StorageError.invalidStorageURL(reason: "sslmode must be disable or require")
            }
        case "schema":
            guard Self.isPlainIdentifier(value) else {
                throw StorageError.invalidStorageURL(reason: "schema must match [a-z_][a-z0-9_]* (at most 63 characters)")
            }
            schema = value
        case "application_name":
            guard !value.isEmpty, value.utf8.count <= 63, value.allSatisfy({ $0.isASCII && !$0.isNewline }) else {
                throw StorageError.invalidStorageURL(reason: "application_name must be 1 to 63 ASCII characters")
            }
            applicationName = value
        case "connect_timeout", "acquire_timeout":
            guard let seconds = Double(value), seconds > 0, seconds <= 600 else {
                throw StorageError.invalidStorageURL(reason: "\(name) must be a number of seconds in (0, 600]")
            }
            if name == "connect_timeout" { connectTimeout = .milliseconds(Int64(seconds * 1000)) }
            else { acquireTimeout = .milliseconds(Int64(seconds * 1000)) }
        case "pool_max":
            guard let count = Int(value), (1...1000).contains(count) else {
                throw StorageError.invalidStorageURL(reason: "pool_max must be 1 to 1000")
            }
            maximumConnections = count
        default:
            throw StorageError.invalidStorageURL(reason: "unsupported parameter \(name.prefix(40))")
        }
    }

    /// The URL with the password replaced by `***`, for logs and diagnostics.
    public var description: String {
        var text = "postgres://\(username)\(password == nil ? "" : ":***")@"
        text += host.contains(":") ? "[\(host)]" : host
        text += ":\(port)/\(database)?sslmode=\(tlsMode.rawValue)"
        if let schema { text += "&schema=\(schema)" }
        return text
    }

    /// Whether `name` is an unquoted identifier PostgreSQL keeps as written (manual §4.1.1).
    static func isPlainIdentifier(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, scalars.count <= 63 else { return false }
        func isLowercaseLetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || scalar == "_" }
        return isLowercaseLetter(first) && scalars.allSatisfy { isLowercaseLetter($0) || ("0"..."9").contains($0) }
    }

    private static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
