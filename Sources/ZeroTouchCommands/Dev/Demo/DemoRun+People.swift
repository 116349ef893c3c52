import Foundation
import MCP
import ZeroTouchClient
import ZeroTouchCore

extension DemoRun {
    /// alice signs in, connects to everything in one call, and uses each server.
    func aliceScene() async throws(DemoFailure) -> DevSession {
        let alice = try await narrator.step("alice signs in through the IdP's sign-in page") {
            let session = try await signIn("alice")
            return (
                session,
                [
                    "GET /authorize (PKCE S256, state, nonce) -> sign-in form -> POST /login with its CSRF token and cookie",
                    "-> 303 to the CLI's loopback redirect_uri -> code redeemed with the PKCE verifier",
                    "ID token verified (signature, iss, aud, nonce, exp): sub \(DevAuditTrail.short(session.credentials.identity.subject.rawValue))",
                ]
            )
        }
        let reports = try await narrator.step("alice connects to every server she may use, in one call") {
            let reports = try await alice.connectToEverything()
            try expectConnected(reports, to: [.issues, .docs, .notes])
            return (reports, reports.map(Self.describe))
        }
        try await narrator.step("alice creates an issue (issues.write)") {
            let issue = try await DemoTools.call(
                try connection(.issues, in: reports), DemoTools.createIssue,
                ["title": "Checkout fails on Safari", "body": "Repro: add to cart, pay, blank page."])
            let author = DemoTools.who(issue["created_by"])
            return ["issues server: opened \(DemoTools.issue(issue)), created_by \(author) (her account at the authorization server)"]
        }
        try await narrator.step("alice searches the docs (docs.read)") {
            let found = DemoTools.pageTitles(try await DemoTools.call(try connection(.docs, in: reports), DemoTools.searchDocs, ["query": "release"]))
            guard !found.isEmpty else { throw DemoExpectation("the search for 'release' found nothing") }
            return ["docs server: 'release' found \(found.map { "\"\($0)\"" }.joined(separator: ", "))"]
        }
        try await narrator.step("alice writes a note through the gateway, which vouches for her to the notes server") {
            let note = try await DemoTools.call(
                try connection(.notes, in: reports), DemoTools.addNote, ["title": "Safari checkout", "text": "Investigating, see the issue."])
            guard let author = note["author"] as? String, author != "anonymous" else { throw DemoExpectation("the note has no author") }
            return [
                "notes server (no OAuth of its own): note #\(note["id"].map { "\($0)" } ?? "?") by \(DevAuditTrail.short(author))",
                "the gateway checked her token (notes.write), dropped it, and sent X-ZeroTouch-User: \(DevAuditTrail.short(author)) upstream",
            ]
        }
        for report in reports { await report.connection?.close() }
        return alice
    }

    /// maya sees docs and notes only, writes docs, and is refused issues with the IdP's reason.
    func mayaScene() async throws(DemoFailure) {
        let maya = try await narrator.step("maya signs in; the IdP's catalog lists only docs and notes for her") {
            let session = try await signIn("maya")
            let reports = try await session.connectToEverything()
            try expectConnected(reports, to: [.docs, .notes])
            return (session, reports.map(Self.describe))
        }
        try await narrator.step("maya writes a docs page (docs.write, which alice does not have)") {
            let connection = try await maya.connect(to: .docs)
            let page = try await DemoTools.call(
                connection, DemoTools.writePage,
                ["slug": "launch", "title": "Launch announcement", "body": "ZeroTouch connects every MCP server at login."])
            await connection.close()
            let version = page["version"].map { "\($0)" } ?? "?"
            return ["docs server: page \"\(page["slug"] as? String ?? "?")\" version \(version) written by \(DemoTools.who(page["updated_by"]))"]
        }
        try await narrator.step("maya asks for the issues server anyway: the IdP refuses, with its reason") {
            do {
                let connection = try await maya.connect(to: .issues)
                await connection.close()
                throw DemoExpectation("maya got an access token for the issues server")
            } catch let error as ZeroTouchClientError where error.code == .blockedByPolicy {
                let reference = error.denial?.auditReference.map { " (audit reference \(DevAuditTrail.short($0)))" } ?? ""
                return [
                    "the IdP's token exchange answered \(error.oauthError?.error ?? "?"): \(error.denial?.reason ?? error.reason)\(reference)",
                    "no ID-JAG was issued, so the client had nothing to present to the authorization server",
                ]
            }
        }
    }

    /// A contractor without a second factor, one with it, and a suspended account.
    func contractorScenes() async throws(DemoFailure) {
        try await narrator.step("dana (contractor, no second factor) asks for issues: the IdP wants a second factor") {
            let dana = try await signIn("dana")
            do {
                let connection = try await dana.connect(to: .issues)
                await connection.close()
                throw DemoExpectation("dana got an access token for the issues server")
            } catch let error as ZeroTouchClientError where error.oauthError?.error == OAuthErrorCode.insufficientUserAuthentication.rawValue {
                return ["the IdP's token exchange answered insufficient_user_authentication: \(error.oauthError?.errorDescription ?? error.reason)"]
            }
        }
        let carlos = try await narrator.step("carlos (contractor) signs in with his password and a one-time code, and reads issues") {
            let carlos = try await signIn("carlos")
            let connection = try await carlos.connect(to: .issues)
            let issues = DemoTools.issues(try await DemoTools.call(connection, DemoTools.listIssues))
            guard issues.contains(where: { ($0["title"] as? String)?.contains("Safari") == true }) else {
                throw DemoExpectation("carlos does not see alice's issue")
            }
            return (
                connection,
                [
                    "POST /login -> the one-time code form -> POST /login/otp with the TOTP code: the sign-in's amr is pwd otp",
                    "issues.read granted by rule contractors-issues; he sees \(issues.map(DemoTools.issue).joined(separator: ", "))",
                ]
            )
        }
        try await narrator.step("carlos cannot open an issue: his token carries issues.read only") {
            var refusal: ZeroTouchClientError?
            do {
                _ = try await DemoTools.call(carlos, DemoTools.createIssue, ["title": "Contractor change"])
            } catch let error as ZeroTouchClientError where error.code == .insufficientScope {
                refusal = error
            } catch {
                await carlos.close()
                throw error
            }
            await carlos.close()
            guard let refusal else { throw DemoExpectation("carlos opened an issue") }
            return [
                "the issues server answered \(refusal.status.map { "HTTP \($0) " } ?? "")insufficient_scope before running the tool;",
                "the client did not step up: the IdP had already narrowed its grant to issues.read",
            ]
        }
        try await narrator.step("sam (suspended) cannot sign in") {
            do {
                _ = try await signIn("sam")
                throw DemoExpectation("sam signed in")
            } catch let error as BrowserSignInError {
                guard case .refused(let status, let message) = error else { throw error }
                return ["the sign-in page answered HTTP \(status): \(message)"]
            }
        }
    }

    /// The open connection to `server` among `reports`.
    func connection(_ server: DevServer, in reports: [ServerReport]) throws -> MCPConnection {
        guard let connection = reports.first(where: { $0.entry.name == server.name })?.connection else {
            throw DemoExpectation("no connection to \(server.name)")
        }
        return connection
    }

    /// Every one of `servers`, and nothing else, reported connected.
    func expectConnected(_ reports: [ServerReport], to servers: [DevServer]) throws {
        let connected = Set(reports.compactMap { report -> String? in
            if case .connected = report.status { return report.entry.name }
            return nil
        })
        guard connected == Set(servers.map(\.name)), reports.count == servers.count else {
            throw DemoExpectation("expected exactly \(servers.map(\.name)) connected, got: \(reports.map(Self.describe).joined(separator: "; "))")
        }
    }

    static func describe(_ report: ServerReport) -> String {
        let name = report.entry.name.padding(toLength: 7, withPad: " ", startingAt: 0)
        switch report.status {
        case .connected(let tools):
            return "\(name) connected, scope \(report.entry.scopes.joined(separator: " ")), tools: \(tools.map(\.name).joined(separator: ", "))"
        case .denied(let denial): return "\(name) denied: \(denial)"
        case .unreachable(let error): return "\(name) unreachable: \(error.reason)"
        }
    }
}
