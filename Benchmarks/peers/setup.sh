#!/bin/sh
# Installs the Python peers of the load benchmark (issue 9) into a virtual environment in
# Benchmarks/.build-peers/venv (ignored by the root .gitignore's `.build-*/`; nothing from it is committed):
#   - mcp (the official Python MCP SDK) for the connect-to-20 client, and httpx, which it uses;
#   - PyJWT + cryptography, starlette and uvicorn for the ID-JAG-redeeming authorization server.
# Usage: Benchmarks/peers/setup.sh   (then: LoadBench run --peers Benchmarks/.build-peers/venv)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
venv="$here/.build-peers/venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --upgrade pip
"$venv/bin/pip" install --quiet "mcp==2.3.0" httpx "pyjwt[crypto]" starlette "uvicorn[standard]"
"$venv/bin/python" -c "import mcp, jwt, uvicorn, starlette, httpx; print('peers ready:', '$venv')"
"$venv/bin/pip" freeze | grep -iE '^(mcp|httpx|pyjwt|cryptography|starlette|uvicorn)=='
