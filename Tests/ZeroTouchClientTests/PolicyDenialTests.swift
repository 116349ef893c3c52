import Foundation
import Testing
import ZeroTouchClient
import ZeroTouchCore

/// A policy denial at the IdP is a typed result, never a fallback to interactive consent.
@Suite("Policy denial")
struct PolicyDenialTests {
    @Test("access_denied from the IdP becomes blocked_by_policy with the reason and audit reference")
    func deniedIsTyped() async throws {
        let world = try MockWorld()
        try await world.run { _ in
            let endpoint = world.mcpEndpoint
            world.update { $0.options.deniedResources = [endpoint] }
            let error = await expectClientError(.blockedByPolicy) { _ = try await world.connector().connect(to: world.mcpEndpoint) }
            let denial = try #require(error?.denial)
            #expect(denial.reason.contains("blocked by your organization's policy"))
            #expect(denial.auditReference == "audit-4711")
            #expect(error?.description.contains("Blocked by your organization") == true)
        }
        #expect(world.jwtBearerCount == 0)
        let requests = world.read(\.mcpRequests)
        #expect(requests.allSatisfy { $0.authorization == nil }, "no token of any kind reaches the MCP server")
        #expect(requests.count == 1)
    }
}
