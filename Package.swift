// swift-tools-version: 6.2
import PackageDescription

/// Settings every ZeroTouch target shares (STYLE.md §1.1): explicit existentials, imports that
/// only leak where public API needs them, and member visibility tied to imports.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "ZeroTouch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "zerotouch", targets: ["zerotouch"]),
        .library(name: "ZeroTouchCore", targets: ["ZeroTouchCore"]),
        .library(name: "ZeroTouchJOSE", targets: ["ZeroTouchJOSE"]),
        .library(name: "ZeroTouchOAuth", targets: ["ZeroTouchOAuth"]),
        .library(name: "ZeroTouchStorage", targets: ["ZeroTouchStorage"]),
        .library(name: "ZeroTouchServer", targets: ["ZeroTouchServer"]),
        .library(name: "ZeroTouchIdP", targets: ["ZeroTouchIdP"]),
        .library(name: "ZeroTouchAS", targets: ["ZeroTouchAS"]),
        .library(name: "ZeroTouchResourceServer", targets: ["ZeroTouchResourceServer"]),
        .library(name: "ZeroTouchClient", targets: ["ZeroTouchClient"]),
        .library(name: "ZeroTouchTesting", targets: ["ZeroTouchTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0", traits: [.defaults, "YAML"]),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        .package(url: "https://github.com/swift-extras/swift-extras-base64.git", from: "1.2.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk.git", from: "0.12.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        // The protocol vocabulary: URNs, error codes, metadata models, identifiers, clock, store protocols.
        .target(
            name: "ZeroTouchCore",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        // Compact JWS, signing keys with rotation, JWKS documents, the JWKS fetcher and cache.
        .target(
            name: "ZeroTouchJOSE",
            dependencies: [
                .product(name: "ExtrasBase64", package: "swift-extras-base64"),
                "ZeroTouchCore",
                // swift-crypto directly: jwt-kit's verify path skips `typ` and falls back to default
                // keys (STYLE.md §3), so the JOSE checks are ours; jwt-kit cross-checks them in tests.
                .product(name: "Crypto", package: "swift-crypto"),
                // RSA (RS256/PS256) and Ed25519 PKCS#8 PEM; jwt-kit depends on the same product.
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Token-endpoint mechanics shared by the IdP and the authorization server: client authentication.
        .target(
            name: "ZeroTouchOAuth",
            dependencies: [
                "ZeroTouchCore", "ZeroTouchJOSE",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Embedded SQLite implementations of the Core store protocols.
        .target(
            name: "ZeroTouchStorage",
            dependencies: [
                "ZeroTouchCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Hummingbird glue shared by every role: OAuth error rendering, form bodies, health, metrics, logging, TLS.
        .target(
            name: "ZeroTouchServer",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types"),
                "ZeroTouchCore", "ZeroTouchJOSE", "ZeroTouchOAuth",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The enterprise IdP: OpenID provider, directory, policy, ID-JAG issuance (RFC 8693), audit, admin API.
        .target(
            name: "ZeroTouchIdP",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                "ZeroTouchCore", "ZeroTouchJOSE", "ZeroTouchOAuth", "ZeroTouchServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The MCP authorization server: redeems ID-JAGs (RFC 7523) for RFC 9068 access tokens.
        .target(
            name: "ZeroTouchAS",
            dependencies: [
                "ZeroTouchCore", "ZeroTouchJOSE", "ZeroTouchOAuth", "ZeroTouchServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The resource-server side: bearer middleware, protected resource metadata, MCP hosting, the gateway.
        .target(
            name: "ZeroTouchResourceServer",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                "ZeroTouchCore", "ZeroTouchJOSE", "ZeroTouchServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The two demo MCP servers (issues, docs) with their own SQLite data.
        .target(
            name: "ZeroTouchDemoServers",
            dependencies: [
                "ZeroTouchCore", "ZeroTouchResourceServer", "ZeroTouchStorage",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        // The MCP host side: single sign-on, discovery, both exchanges, Streamable HTTP transport.
        .target(
            name: "ZeroTouchClient",
            dependencies: [
                "ZeroTouchCore", "ZeroTouchJOSE",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Test support shipped as a library: fixed clock, per-run keys, a loopback HTTP peer.
        .target(
            name: "ZeroTouchTesting",
            dependencies: [
                "ZeroTouchCore", "ZeroTouchJOSE", "ZeroTouchOAuth", "ZeroTouchStorage", "ZeroTouchServer",
                "ZeroTouchIdP", "ZeroTouchAS",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The command tree of the `zerotouch` CLI (a library so that tests can drive it).
        .target(
            name: "ZeroTouchCommands",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types"),
                "ZeroTouchCore", "ZeroTouchJOSE", "ZeroTouchOAuth", "ZeroTouchStorage", "ZeroTouchServer",
                "ZeroTouchIdP", "ZeroTouchAS", "ZeroTouchResourceServer", "ZeroTouchDemoServers", "ZeroTouchClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "zerotouch",
            dependencies: ["ZeroTouchCommands"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ZeroTouchCoreTests",
            dependencies: ["ZeroTouchCore", "ZeroTouchTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ZeroTouchJOSETests",
            dependencies: [
                "ZeroTouchJOSE", "ZeroTouchTesting",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ZeroTouchOAuthTests",
            dependencies: ["ZeroTouchOAuth", "ZeroTouchTesting", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ZeroTouchStorageTests",
            dependencies: ["ZeroTouchStorage", "ZeroTouchTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ZeroTouchServerTests",
            dependencies: [
                "ZeroTouchServer", "ZeroTouchTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ZeroTouchIdPTests",
            dependencies: [
                "ZeroTouchIdP", "ZeroTouchTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ZeroTouchASTests",
            dependencies: [
                "ZeroTouchAS", "ZeroTouchTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ZeroTouchResourceServerTests",
            dependencies: [
                "ZeroTouchResourceServer", "ZeroTouchDemoServers", "ZeroTouchTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "MCP", package: "swift-sdk"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ZeroTouchClientTests",
            dependencies: [
                "ZeroTouchClient", "ZeroTouchTesting", "ZeroTouchJOSE",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "MCP", package: "swift-sdk"),
            ],
            swiftSettings: swiftSettings
        ),
        // Flows across every role over loopback HTTP.
        .testTarget(
            name: "ZeroTouchEndToEndTests",
            dependencies: [
                "ZeroTouchCore", "ZeroTouchJOSE", "ZeroTouchOAuth", "ZeroTouchStorage", "ZeroTouchServer",
                "ZeroTouchIdP", "ZeroTouchAS", "ZeroTouchResourceServer", "ZeroTouchDemoServers", "ZeroTouchClient",
                "ZeroTouchTesting", "ZeroTouchCommands",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "MCP", package: "swift-sdk"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ZeroTouchCommandsTests",
            dependencies: ["ZeroTouchCommands", "ZeroTouchTesting", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
    ]
)
