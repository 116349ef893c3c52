// swift-tools-version: 6.2
import PackageDescription

/// The ZeroTouch benchmarks (issue 9): a separate package so that the main package's build and
/// `Package.resolved` stay free of the benchmark tooling. Run from this directory:
/// `nice -n 19 swift package --scratch-path .build benchmark`.
let benchmarkTargets: [(name: String, dependencies: [Target.Dependency])] = [
    ("CryptoFloor", [.product(name: "Crypto", package: "swift-crypto")]),
    ("Tokens", [
        .product(name: "ZeroTouchCore", package: "ZeroTouch"),
        .product(name: "ZeroTouchJOSE", package: "ZeroTouch"),
        .product(name: "ZeroTouchOAuth", package: "ZeroTouch"),
        .product(name: "ZeroTouchIdP", package: "ZeroTouch"),
        .product(name: "ZeroTouchAS", package: "ZeroTouch"),
        .product(name: "ZeroTouchResourceServer", package: "ZeroTouch"),
        .product(name: "ZeroTouchStorage", package: "ZeroTouch"),
        .product(name: "ZeroTouchTesting", package: "ZeroTouch"),
    ]),
    ("Policy", [
        .product(name: "ZeroTouchCore", package: "ZeroTouch"),
        .product(name: "ZeroTouchIdP", package: "ZeroTouch"),
    ]),
]

let package = Package(
    name: "ZeroTouchBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "ZeroTouch", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        // LoadBench only; the same packages and versions as the main package's manifest.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk.git", from: "0.12.1"),
    ],
    targets: benchmarkTargets.map { target in
        .executableTarget(
            name: target.name,
            dependencies: [.product(name: "Benchmark", package: "benchmark")] + target.dependencies,
            path: "Benchmarks/\(target.name)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    } + [
        // The HTTP load command (issue 9 item 2): release `zerotouch` servers as child processes on
        // 127.0.0.1, driven by a bounded built-in load generator. See BENCHMARKS.md, "HTTP load".
        .executableTarget(
            name: "LoadBench",
            dependencies: [
                .product(name: "ZeroTouchCore", package: "ZeroTouch"),
                .product(name: "ZeroTouchJOSE", package: "ZeroTouch"),
                .product(name: "ZeroTouchServer", package: "ZeroTouch"),
                .product(name: "ZeroTouchResourceServer", package: "ZeroTouch"),
                .product(name: "ZeroTouchClient", package: "ZeroTouch"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MCP", package: "swift-sdk"),
            ],
            path: "LoadBench"
        ),
    ]
)
