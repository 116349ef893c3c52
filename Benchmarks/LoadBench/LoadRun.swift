import Foundation
import ZeroTouchCore

/// One `LoadBench run`: the crypto floor, the servers, the scenarios, the peers, the report.
struct LoadRun {
    let options: RunOptions

    func run() async throws {
        let started = Date()
        print("LoadBench run started \(ISO8601DateFormatter().string(from: started)), nproc \(ProcessInfo.processInfo.activeProcessorCount)")
        print("measuring the crypto floor (raw swift-crypto ES256, one thread, 2 s each)…")
        let floor = CryptoFloorProbe.measure()
        print(String(format: "  ES256 sign %.0f/s, verify %.0f/s", floor.signPerSecond, floor.verifyPerSecond))
        let cluster = Cluster(
            binary: options.zerotouch, directory: options.workDirectory, basePort: options.basePort, serverCount: options.servers,
            replicas: options.replicas, storageURL: options.storageURL)
        cluster.pythonASPort = options.peers == nil ? nil : options.basePort + 5
        cluster.withoutFsync = options.withoutFsync
        var report = Report(floor: floor, options: options)
        do {
            print("seeding \(options.workDirectory.path) with the zerotouch admin commands…")
            try cluster.seed()
            try await cluster.start(loadBench: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path)
            report.residentIdle = cluster.residentSizes()
            try await measure(cluster, into: &report)
            report.residentAfter = cluster.residentSizes()
        } catch {
            print("FAILED: \(error)")
            fflush(nil)
            print("(server logs in \(options.workDirectory.path))")
            cluster.stop()
            throw error
        }
        cluster.stop()
        print(report.render())
    }

    private func measure(_ cluster: Cluster, into report: inout Report) async throws {
        let idToken = try await BrowserLogin.idToken(
            issuer: cluster.idpIssuer, clientID: Cluster.clientID, secret: cluster.idpSecret, username: cluster.username, password: cluster.password)
        let http = LoadHTTP(connectionsPerHost: options.concurrency)
        defer { Task { await http.shutdown() } }
        let view = ClusterView(
            idpURL: cluster.idpIssuer.rawValue, asIssuer: cluster.asIssuer.rawValue, clientID: Cluster.clientID, idpSecret: cluster.idpSecret,
            asSecret: cluster.asSecret)
        let scenarios = Scenarios(cluster: view, http: http, idToken: idToken)
        let resource = cluster.mcpResource(0)
        let (c, d) = (options.concurrency, options.duration)
        // Warm-up: JWKS caches, connections, first-use account creation at the AS.
        for _ in 0..<20 {
            let token = try await scenarios.redeem(try await scenarios.exchange(resource: resource), resource: resource)
            try await scenarios.callTool(resource, token: token)
        }
        if options.only.contains("a") || options.only.contains("b") {
            let pool = AssertionPool()
            let idpURLs = cluster.idpURLs
            print("(a) token exchange, \(c) workers, \(d)…")
            report.add(
                await LoadGenerator.run("IdP token exchange (ID token → ID-JAG)", concurrency: c, duration: d) { index in
                    pool.add(try await scenarios.exchange(resource: resource, idpURL: idpURLs[index % idpURLs.count]))
                }, floor: report.floor.signPerSecond, floorName: "ES256 sign")
            print("    minting more ID-JAGs for (b), not timed…")
            _ = await LoadGenerator.run("mint", concurrency: c, duration: d) { index in
                pool.add(try await scenarios.exchange(resource: resource, idpURL: idpURLs[index % idpURLs.count]))
            }
            let assertions = pool.snapshot()
            let asURLs = cluster.asURLs
            print("(b) jwt-bearer, \(assertions.count) fresh ID-JAGs, \(c) workers, \(d)…")
            let bearer = await LoadGenerator.run("AS jwt-bearer grant (ID-JAG → access token)", concurrency: c, duration: d, limit: assertions.count) { index in
                _ = try await scenarios.redeem(assertions[index], resource: resource, asURL: asURLs[index % asURLs.count])
            }
            report.add(bearer, floor: report.floor.verifyPerSecond, floorName: "ES256 verify")
            report.oursForPython = bearer
        }
        if options.only.contains("c") {
            let token = try await scenarios.redeem(try await scenarios.exchange(resource: resource), resource: resource)
            let gatewayToken = try await scenarios.redeem(
                try await scenarios.exchange(resource: cluster.gatewayResource), resource: cluster.gatewayResource)
            print("(c) tools/call direct, middleware, gateway, \(c) workers, \(d) each…")
            let direct = await LoadGenerator.run("MCP tools/call direct (no auth)", concurrency: c, duration: d) { _ in
                try await scenarios.callTool(cluster.directURL, token: nil)
            }
            report.add(direct, floor: nil, floorName: nil)
            report.direct = direct
            report.add(
                await LoadGenerator.run("MCP tools/call through the bearer middleware", concurrency: c, duration: d) { _ in
                    try await scenarios.callTool(resource, token: token)
                }, floor: nil, floorName: nil, relativeToDirect: true)
            report.add(
                await LoadGenerator.run("MCP tools/call through the gateway", concurrency: c, duration: d) { _ in
                    try await scenarios.callTool(cluster.gatewayResource, token: gatewayToken)
                }, floor: nil, floorName: nil, relativeToDirect: true)
        }
        if options.only.contains("d") {
            print("(d) connect to \(cluster.serverCount) servers, \(options.rounds) rounds…")
            report.connectTimes = try await ConnectBench.measure(cluster: cluster, idToken: idToken, rounds: options.rounds)
        }
        if let venv = options.peers, options.only.contains("peers") {
            try await Peers(venv: venv, cluster: cluster, scenarios: scenarios, options: options).measure(into: &report)
        }
    }
}
