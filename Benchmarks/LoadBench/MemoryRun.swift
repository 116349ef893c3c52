import Foundation
import ZeroTouchCore

/// `LoadBench memory`: the release IdP's resident size (VmRSS), idle and after token exchanges,
/// first with the small seeded organization, then with 100 000 users, 1 000 groups, 10 000 policy
/// rules and 1 000 000 audit records added by `memory/seed_idp_scale.py` (issue 9 item 4).
struct MemoryRun {
    let options: RunOptions

    func run() async throws {
        print("LoadBench memory started \(ISO8601DateFormatter().string(from: Date())), nproc \(ProcessInfo.processInfo.activeProcessorCount)")
        var lines: [String] = ["", "## IdP resident size (VmRSS, MiB)", "", "| Data | after start + 5 s | after 1 000 token exchanges |", "|---|---:|---:|"]
        for scale in [false, true] {
            let directory = options.workDirectory.appendingPathComponent(scale ? "scale" : "small")
            let cluster = Cluster(binary: options.zerotouch, directory: directory, basePort: options.basePort, serverCount: 1)
            try cluster.seed()
            if scale {
                let script = ["memory", "Benchmarks/memory"].first { FileManager.default.fileExists(atPath: $0 + "/seed_idp_scale.py") } ?? "memory"
                let started = Date()
                let output = try Command.run("/usr/bin/env", ["python3", script + "/seed_idp_scale.py", cluster.file("idp") + "/zerotouch.sqlite"])
                print(String(format: "  seeded in %.0f s: %@", Date().timeIntervalSince(started), output.trimmingCharacters(in: .whitespacesAndNewlines)))
            }
            let server = try ChildProcess(
                name: "idp", executable: options.zerotouch, arguments: ["idp", "serve", "--config", cluster.file("idp.yaml")], logDirectory: directory)
            defer { server.stop() }
            try await Health.wait(port: cluster.idpPort, timeout: .seconds(300))
            try await Task.sleep(for: .seconds(5))
            let idle = residentMiB(pid: server.pid) ?? .nan
            let idToken = try await BrowserLogin.idToken(
                issuer: cluster.idpIssuer, clientID: Cluster.clientID, secret: cluster.idpSecret, username: cluster.username, password: cluster.password)
            let http = LoadHTTP(connectionsPerHost: 4)
            let view = ClusterView(
                idpURL: cluster.idpIssuer.rawValue, asIssuer: cluster.asIssuer.rawValue, clientID: Cluster.clientID, idpSecret: cluster.idpSecret,
                asSecret: cluster.asSecret)
            let scenarios = Scenarios(cluster: view, http: http, idToken: idToken)
            let result = await LoadGenerator.run("exchanges", concurrency: 4, duration: .seconds(120), limit: 1000) { _ in
                _ = try await scenarios.exchange(resource: cluster.mcpResource(0))
            }
            await http.shutdown()
            let after = residentMiB(pid: server.pid) ?? .nan
            let label = scale ? "100 000 users, 1 000 groups, 10 000 rules, 1 000 000 audit rows" : "1 user, 2 servers, 1 rule (seeded by the admin commands)"
            print(String(format: "  %@: idle %.1f MiB, after %d exchanges (%d failed) %.1f MiB", label, idle, result.succeeded, result.failed, after))
            lines.append(String(format: "| %@ | %.1f | %.1f |", label, idle, after))
        }
        print(lines.joined(separator: "\n"))
    }
}
