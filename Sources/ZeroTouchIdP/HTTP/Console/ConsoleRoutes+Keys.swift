import Foundation
import HTTPTypes
import Hummingbird
import ZeroTouchCore
import ZeroTouchJOSE

extension ConsoleRoutes {
    func addKeys(to router: Router<IdPRequestContext>) {
        page(router, "/admin/keys") { request, _, admin in try await keysPage(admin, notice: Self.notice(request)) }
        form(router, "/admin/keys/rotate", redisplay: { error, _, _, admin in try await keysPage(admin, error: error) }) { _, _, admin in
            try await provider.rotateSigningKey(by: admin.actor)
            return ConsoleResponse.redirect(to: "/admin/keys?notice=rotated")
        }
    }

    func keysPage(_ admin: ConsoleAdmin, notice: String? = nil, error: ConsoleFormError? = nil) async throws -> Response {
        let keys = try await provider.signingKeyStatuses(now: provider.clock.now)
        let values: [String: Any] = [
            "keys": keys.map { key -> [String: Any] in
                [
                    "kid": key.keyID.rawValue, "algorithm": key.algorithm, "stage": key.stage.rawValue, "signing": key.stage == .signing,
                    "from": Self.timestamp(key.signsFrom), "retired": key.retiredAt.map(Self.timestamp) ?? "",
                    "until": key.publishedUntil.map(Self.timestamp) ?? "",
                ]
            },
            "activation_delay": Int(KeyRing.defaultActivationDelay),
            "retiring_for": Int(provider.options.lifetimes.longestSignedToken + JWTTimeRules.defaultLeeway),
        ]
        return renderer.page(
            "keys", title: "Signing keys", section: .keys, admin: admin, values: values, notice: notice, error: error?.message,
            status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }
}
