import Foundation

/// The figures of one run and their rendering (a Markdown table, pasted into BENCHMARKS.md).
struct Report {
    struct Row {
        var result: LoadResult
        var floor: Double?
        var floorName: String?
        var relativeToDirect: Bool
    }

    let floor: CryptoFloorProbe
    let options: RunOptions
    var rows: [Row] = []
    var direct: LoadResult?
    var connectTimes: [Double] = []
    var pythonConnectTimes: [Double] = []
    var pythonAS: LoadResult?
    var oursForPython: LoadResult?
    var pythonASResident: Double?
    var residentIdle: [(String, Double)] = []
    var residentAfter: [(String, Double)] = []
    var notes: [String] = []

    init(floor: CryptoFloorProbe, options: RunOptions) {
        self.floor = floor
        self.options = options
    }

    mutating func add(_ result: LoadResult, floor: Double?, floorName: String?, relativeToDirect: Bool = false) {
        rows.append(Row(result: result, floor: floor, floorName: floorName, relativeToDirect: relativeToDirect))
        print(String(format: "    %@: %.0f req/s, p50 %.0f µs, p99 %.0f µs, %d ok, %d failed", result.name, result.requestsPerSecond, result.p50, result.p99,
                     result.succeeded, result.failed))
        if let failure = result.firstFailure { print("    first failure: \(failure.prefix(300))") }
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    func render() -> String {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var lines = [
            "",
            "## LoadBench results (nproc \(cores), \(options.concurrency) workers, \(options.duration) per scenario, replicas \(options.replicas), storage \(options.storageURL == nil ? "SQLite" : "PostgreSQL")\(options.withoutFsync ? ", DIAGNOSTIC: fsync disabled (libeatmydata)" : ""))",
            "",
            String(format: "Crypto floor, same run, one thread: ES256 sign %.0f/s, ES256 verify %.0f/s.", floor.signPerSecond, floor.verifyPerSecond),
            "",
            "| Scenario | req/s | p50 µs | p99 µs | ok | failed | ratio |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        for row in rows {
            let result = row.result
            var ratio = ""
            if let floorRate = row.floor, let name = row.floorName {
                ratio = String(format: "%.2f × %@ (one core); %.2f × %d cores", result.requestsPerSecond / floorRate, name,
                               result.requestsPerSecond / (floorRate * Double(cores)), cores)
            } else if row.relativeToDirect, let direct {
                ratio = String(format: "%.2f × direct", result.requestsPerSecond / direct.requestsPerSecond)
            }
            lines.append(String(format: "| %@ | %.0f | %.0f | %.0f | %d | %d | %@ |", result.name, result.requestsPerSecond, result.p50, result.p99,
                                result.succeeded, result.failed, ratio))
        }
        if let pythonAS, let ours = oursForPython {
            lines.append(String(format: "| Python AS jwt-bearer grant (peer, same load) | %.0f | %.0f | %.0f | %d | %d | ours ÷ Python = %.2f × |", pythonAS.requestsPerSecond,
                                pythonAS.p50, pythonAS.p99, pythonAS.succeeded, pythonAS.failed, ours.requestsPerSecond / pythonAS.requestsPerSecond))
        }
        if !connectTimes.isEmpty {
            lines.append("")
            lines.append(String(format: "Connect to %d servers (ZeroTouchClient MCPConnector): median %.1f ms, min %.1f ms, max %.1f ms over %d rounds.",
                                options.servers, Self.median(connectTimes), connectTimes.min()!, connectTimes.max()!, connectTimes.count))
        }
        if !pythonConnectTimes.isEmpty {
            lines.append(String(format: "Connect to %d servers (Python MCP SDK client): median %.1f ms, min %.1f ms, max %.1f ms over %d rounds.",
                                options.servers, Self.median(pythonConnectTimes), pythonConnectTimes.min()!, pythonConnectTimes.max()!, pythonConnectTimes.count))
            if !connectTimes.isEmpty {
                lines.append(String(format: "Connect-to-%d, Python median ÷ ours median: %.1f × (ours faster when > 1).", options.servers,
                                    Self.median(pythonConnectTimes) / Self.median(connectTimes)))
            }
        }
        let format = { (sizes: [(String, Double)]) in sizes.map { String(format: "%@ %.1f MiB", $0.0, $0.1) }.joined(separator: ", ") }
        lines.append("")
        lines.append("Resident size (VmRSS) after start-up: " + format(residentIdle) + ".")
        lines.append("Resident size after the load: " + format(residentAfter) + ".")
        if let pythonASResident { lines.append(String(format: "Python AS (uvicorn, one process) resident size after its load: %.1f MiB.", pythonASResident)) }
        lines += notes
        return lines.joined(separator: "\n")
    }
}
