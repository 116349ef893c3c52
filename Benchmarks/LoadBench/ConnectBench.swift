import Foundation
import Logging
import ZeroTouchClient
import ZeroTouchCore

/// The client's connect-to-N time: a fresh `EnterpriseAuthorizer` (no cached discovery or tokens)
/// and `MCPConnector` connect to every server at once, each with discovery (the 401, RFC 9728
/// metadata, RFC 8414 metadata), the token exchange, the jwt-bearer grant and `initialize`, then
/// `tools/list`. The time ends when the last `tools/list` is answered; closing is not timed.
enum ConnectBench {
    static func measure(cluster: Cluster, idToken: String, rounds: Int) async throws -> [Double] {
        var times: [Double] = []
        var quiet = Logger(label: "loadbench.client")
        quiet.logLevel = .warning
        for _ in 0..<rounds {
            let configuration = EnterpriseAuthorizationConfiguration(
                identityProvider: IdentityProviderSettings(
                    issuer: cluster.idpIssuer,
                    credential: TokenEndpointCredential(clientID: ClientID(Cluster.clientID), secret: SecretValue(cluster.idpSecret), method: .clientSecretBasic)),
                authorizationServers: AuthorizationServerCredentials([
                    cluster.asIssuer: TokenEndpointCredential(
                        clientID: ClientID(Cluster.clientID), secret: SecretValue(cluster.asSecret), method: .clientSecretBasic)
                ]))
            let connector = MCPConnector(authorizer: EnterpriseAuthorizer(configuration: configuration, identity: StaticIDToken(idToken), logger: quiet))
            let clock = ContinuousClock()
            let start = clock.now
            let connections = try await withThrowingTaskGroup(of: MCPConnection.self) { group in
                for index in 0..<cluster.serverCount {
                    let endpoint = cluster.mcpResource(index)
                    group.addTask {
                        let connection = try await connector.connect(to: endpoint)
                        let tools = try await connection.listTools()
                        guard tools.contains(where: { $0.name == "echo" }) else { throw LoadHTTP.Failure(description: "no echo tool at \(endpoint)") }
                        return connection
                    }
                }
                var all: [MCPConnection] = []
                for try await connection in group { all.append(connection) }
                return all
            }
            let elapsed = clock.now - start
            times.append((Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) * 1000)
            for connection in connections { await connection.close() }
        }
        return times
    }
}
