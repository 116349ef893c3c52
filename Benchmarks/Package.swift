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
    ],
    targets: benchmarkTargets.map { target in
        .executableTarget(
            name: target.name,
            dependencies: [.product(name: "Benchmark", package: "benchmark")] + target.dependencies,
            path: "Benchmarks/\(target.name)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    }
)
