"""The Python peer authorization server of LoadBench: an ID-JAG-redeeming AS on the Python stack.

The official Python MCP SDK (PyPI `mcp` 2.3.0) ships SEP-990 support on the server side: its
token handler accepts the RFC 7523 jwt-bearer grant when `identity_assertion_enabled` is set and
calls the provider's `exchange_identity_assertion`, whose documentation lists the checks the
provider must make. This file is that provider, making every listed check with PyJWT, plus the
SDK's routes (RFC 8414 metadata, /token with its client authentication) under uvicorn:

- signature with the IdP's JWKS (PyJWKClient, cached), `iss`, `exp`, `typ` = oauth-id-jag+jwt;
- `aud` = this authorization server's issuer; `sub` present;
- replay: `jti` tracked until the assertion expires (in memory: one process);
- the ID-JAG's `client_id` claim equals the authenticated client;
- the access token's audience is the ID-JAG's `resource` claim (a registered resource; the
  request's `resource`, when given, must match it);
- scopes from the ID-JAG, narrowed to the resource's registered scopes.

The access token is an RFC 9068 JWT signed with ES256, as ZeroTouch's authorization server issues.
Started by `LoadBench run --peers VENV`; nothing here is committed from the peer packages.
"""

import argparse
import secrets
import time

import jwt
import uvicorn
from cryptography.hazmat.primitives.asymmetric import ec
from mcp.server.auth.provider import OAuthAuthorizationServerProvider, TokenError
from mcp.server.auth.routes import create_auth_routes
from mcp.shared.auth import OAuthClientInformationFull, OAuthToken
from pydantic import AnyHttpUrl
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"


class IDJAGProvider(OAuthAuthorizationServerProvider):
    def __init__(self, args):
        self.issuer = args.issuer
        self.idp_issuer = args.idp_issuer
        self.jwks = jwt.PyJWKClient(args.jwks_uri, cache_keys=True, lifespan=300)
        self.client = OAuthClientInformationFull(
            client_id=args.client_id,
            client_secret=args.client_secret,
            redirect_uris=None,
            grant_types=[JWT_BEARER],
            token_endpoint_auth_method="client_secret_basic",
        )
        self.resources = {resource: {"bench.read"} for resource in args.resource}
        self.seen = {}
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.kid = secrets.token_hex(8)

    async def get_client(self, client_id):
        return self.client if client_id == self.client.client_id else None

    async def exchange_identity_assertion(self, client, params):
        try:
            header = jwt.get_unverified_header(params.assertion)
            if header.get("typ") != "oauth-id-jag+jwt":
                raise TokenError("invalid_grant", "typ must be oauth-id-jag+jwt")
            key = self.jwks.get_signing_key_from_jwt(params.assertion)
            claims = jwt.decode(
                params.assertion,
                key.key,
                algorithms=["ES256"],
                audience=self.issuer,
                issuer=self.idp_issuer,
                leeway=60,
                options={"require": ["exp", "iat", "sub", "jti", "aud", "iss"]},
            )
        except TokenError:
            raise
        except jwt.PyJWTError as error:
            raise TokenError("invalid_grant", f"the ID-JAG is invalid: {type(error).__name__}")
        if claims.get("client_id") != client.client_id:
            raise TokenError("invalid_grant", "the ID-JAG was issued to another client")
        resource = claims.get("resource")
        if resource not in self.resources or (params.resource and params.resource != resource):
            raise TokenError("invalid_target", "unknown resource")
        now = time.time()
        if len(self.seen) > 100_000:
            self.seen = {jti: exp for jti, exp in self.seen.items() if exp > now}
        jti = claims["jti"]
        if jti in self.seen:
            raise TokenError("invalid_grant", "the ID-JAG was already used")
        self.seen[jti] = claims["exp"]
        granted = [scope for scope in str(claims.get("scope", "")).split() if scope in self.resources[resource]]
        issued = int(now)
        access_token = jwt.encode(
            {
                "iss": self.issuer,
                "sub": claims["sub"],
                "aud": resource,
                "client_id": client.client_id,
                "scope": " ".join(granted),
                "jti": secrets.token_urlsafe(16),
                "iat": issued,
                "exp": issued + 300,
            },
            self.key,
            algorithm="ES256",
            headers={"typ": "at+jwt", "kid": self.kid},
        )
        return OAuthToken(access_token=access_token, token_type="Bearer", expires_in=300, scope=" ".join(granted) or None)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--issuer", required=True)
    parser.add_argument("--idp-issuer", required=True)
    parser.add_argument("--jwks-uri", required=True)
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--client-secret", required=True)
    parser.add_argument("--resource", action="append", required=True)
    args = parser.parse_args()
    routes = create_auth_routes(IDJAGProvider(args), issuer_url=AnyHttpUrl(args.issuer), identity_assertion_enabled=True)
    routes.append(Route("/healthz", lambda request: PlainTextResponse("ok")))
    app = Starlette(routes=routes)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
