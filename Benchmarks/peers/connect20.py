"""The Python MCP SDK client doing the login-free flow of LoadBench's connect-to-N scenario.

Given an ID token: for each MCP server at once, the SDK's SEP-990 client
(`mcp.client.auth.extensions.IdentityAssertionOAuthProvider`): the MCP request, its 401, the
authorization server's RFC 8414 metadata, the ID-JAG from our IdP by RFC 8693 token exchange (the
SDK leaves leg 1 to the caller: done here with the SDK's HTTP client, httpx2), the RFC 7523
jwt-bearer grant at our authorization server, then `initialize` and `tools/list`. The time ends
when the last `tools/list` is answered (closing is not timed), as in ZeroTouch's measurement.
Prints one JSON object: {"times_ms": [...]}. Started by `LoadBench run --peers VENV`.
"""

import argparse
import asyncio
import json
import time

import httpx2
from mcp import ClientSession
from mcp.client.auth.extensions.identity_assertion import IdentityAssertionOAuthProvider
from mcp.client.streamable_http import streamable_http_client


class MemoryStorage:
    """No cached tokens: every round starts from the ID token alone."""

    def __init__(self):
        self.tokens = None
        self.client_info = None

    async def get_tokens(self):
        return self.tokens

    async def set_tokens(self, tokens):
        self.tokens = tokens

    async def get_client_info(self):
        return self.client_info

    async def set_client_info(self, client_info):
        self.client_info = client_info


async def connect(url, args, idp_http, done):
    async def fetch_id_jag(audience, resource):
        reply = await idp_http.post(
            args.idp + "/token",
            data={
                "grant_type": "urn:ietf:params:oauth:grant-type:token-exchange",
                "requested_token_type": "urn:ietf:params:oauth:token-type:id-jag",
                "subject_token": args.id_token,
                "subject_token_type": "urn:ietf:params:oauth:token-type:id_token",
                "audience": audience,
                "resource": resource,
            },
            auth=(args.client_id, args.idp_secret),
        )
        reply.raise_for_status()
        return reply.json()["access_token"]

    auth = IdentityAssertionOAuthProvider(
        server_url=url,
        storage=MemoryStorage(),
        client_id=args.client_id,
        client_secret=args.as_secret,
        issuer=args.as_issuer,
        assertion_provider=fetch_id_jag,
        token_endpoint_auth_method="client_secret_basic",
    )
    async with httpx2.AsyncClient(auth=auth) as http:
        async with streamable_http_client(url, http_client=http) as streams:
            read, write = streams[0], streams[1]
            async with ClientSession(read, write) as session:
                await session.initialize()
                tools = await session.list_tools()
                assert any(tool.name == "echo" for tool in tools.tools)
                done.append(time.perf_counter())


async def round_once(args):
    done = []
    async with httpx2.AsyncClient() as idp_http:
        start = time.perf_counter()
        await asyncio.gather(*(connect(url, args, idp_http, done) for url in args.servers))
    return (max(done) - start) * 1000


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--idp", required=True)
    parser.add_argument("--as-issuer", required=True)
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--idp-secret", required=True)
    parser.add_argument("--as-secret", required=True)
    parser.add_argument("--id-token", required=True)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("servers", nargs="+")
    args = parser.parse_args()
    times = [await round_once(args) for _ in range(args.rounds)]
    print(json.dumps({"times_ms": times}))


if __name__ == "__main__":
    asyncio.run(main())
