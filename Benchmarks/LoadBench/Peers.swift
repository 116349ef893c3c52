import Foundation

/// The Python peers, in the same run as ours (issue 9 item 3): the Python MCP SDK client's
/// connect-to-N (`peers/connect20.py`) and the Python authorization server (`peers/python_as.py`,
/// the SDK's SEP-990 token handler under uvicorn, one process) under the same jwt-bearer load as
/// ours. Both come from the virtual environment `peers/setup.sh` makes.
struct Peers {
    let venv: String
    let cluster: Cluster
    let scenarios: Scenarios
    let options: RunOptions

    var python: String { venv + "/bin/python" }
    var scripts: String {
        ["peers", "Benchmarks/peers"].first { FileManager.default.fileExists(atPath: $0 + "/python_as.py") } ?? "peers"
    }

    func measure(into report: inout Report) async throws {
        let servers = (0..<cluster.serverCount).map(cluster.mcpResource)
        print("peers: Python MCP SDK client, connect to \(servers.count) servers, \(options.rounds) rounds…")
        let output = try Command.run(
            python,
            [scripts + "/connect20.py", "--idp", cluster.idpIssuer.rawValue, "--as-issuer", cluster.asIssuer.rawValue, "--client-id", Cluster.clientID,
             "--idp-secret", cluster.idpSecret, "--as-secret", cluster.asSecret, "--id-token", scenarios.idToken, "--rounds", String(options.rounds)]
                + servers)
        let decoded = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        report.pythonConnectTimes = (decoded?["times_ms"] as? [Double]) ?? []

        guard let port = cluster.pythonASPort, let issuer = cluster.pythonASIssuer else { return }
        let server = try ChildProcess(
            name: "python-as", executable: python,
            arguments: [scripts + "/python_as.py", "--port", String(port), "--issuer", issuer, "--idp-issuer", cluster.idpIssuer.rawValue,
                        "--jwks-uri", cluster.idpIssuer.rawValue + "/jwks", "--client-id", Cluster.clientID, "--client-secret", cluster.asSecret,
                        "--resource", cluster.pythonResource],
            logDirectory: cluster.directory)
        defer { server.stop() }
        try await Health.wait(port: port)
        let (c, d) = (options.concurrency, options.duration)
        let pool = AssertionPool()
        print("peers: minting ID-JAGs for the Python authorization server, not timed…")
        _ = await LoadGenerator.run("mint", concurrency: c, duration: d) { _ in
            pool.add(try await scenarios.exchange(resource: cluster.pythonResource, audience: issuer))
        }
        let assertions = pool.snapshot()
        for index in 0..<10 { _ = try await scenarios.redeem(assertions[index], resource: cluster.pythonResource, asURL: issuer, clientIDInForm: true) }
        print("peers: Python authorization server, jwt-bearer, \(assertions.count - 10) fresh ID-JAGs, \(c) workers, \(d)…")
        let result = await LoadGenerator.run("Python AS jwt-bearer grant", concurrency: c, duration: d, limit: assertions.count - 10) { index in
            _ = try await scenarios.redeem(assertions[index + 10], resource: cluster.pythonResource, asURL: issuer, clientIDInForm: true)
        }
        print(String(format: "    Python AS: %.0f req/s, p50 %.0f µs, p99 %.0f µs, %d ok, %d failed", result.requestsPerSecond, result.p50, result.p99,
                     result.succeeded, result.failed))
        if let failure = result.firstFailure { print("    first failure: \(failure.prefix(300))") }
        report.pythonAS = result
        report.pythonASResident = residentMiB(pid: server.pid)
    }
}
