"""Adds the issue-9 data scale to an IdP SQLite database made by the zerotouch admin commands:
100 000 users (each in one of 1 000 groups), 10 000 policy rules and 1 000 000 audit records.

Rows are written directly in the shapes the IdP stores (documents as JSON, one audit row per
record), copied from the existing `bench` user, rule and token-exchange audit row, because the
admin commands would hash 100 000 passwords with bcrypt (cost 12) one by one. Usage:
    python3 seed_idp_scale.py IDP_DATA_DIRECTORY/zerotouch.sqlite
Used by memory/idp-memory.sh; standard library only.
"""

import hashlib
import json
import sqlite3
import sys
import time
import uuid

USERS, GROUPS, RULES, AUDIT = 100_000, 1_000, 10_000, 1_000_000


def key_id(key):
    return hashlib.sha256(key.encode()).hexdigest()


def main(path):
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    now_us = int(time.time() * 1_000_000)
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    template = json.loads(db.execute("SELECT body FROM documents WHERE collection = 'idp-users' LIMIT 1").fetchone()[0])
    servers = [row[0] for row in db.execute("SELECT id FROM documents WHERE collection = 'idp-servers'")]
    docs = []
    group_ids = []
    for g in range(GROUPS):
        gid = "g-scale%026d" % g
        group_ids.append(gid)
        name = "scale-group-%d" % g
        docs.append(("idp-groups", gid, json.dumps({"createdAt": stamp, "description": "", "id": gid, "name": name}, separators=(",", ":"))))
        docs.append(("idp-group-name-keys", key_id(name), json.dumps({"owner": gid})))
    user_ids = []
    for u in range(USERS):
        uid = "u-scale%026d" % u
        user_ids.append(uid)
        username = "user%06d" % u
        body = dict(template, id=uid, username=username, email=username + "@example.com", displayName="User %d" % u, createdAt=stamp)
        docs.append(("idp-users", uid, json.dumps(body, separators=(",", ":"), sort_keys=True)))
        docs.append(("idp-username-keys", key_id(username), json.dumps({"owner": uid})))
        gid = group_ids[u % GROUPS]
        docs.append(("idp-memberships", gid + "/" + uid, json.dumps({"groupID": gid, "userID": uid})))
    for r in range(RULES):
        rid = "r-scale%026d" % r
        subjects = {"everyone": False, "groups": [group_ids[r % GROUPS]], "users": []} if r % 2 else {"everyone": False, "groups": [], "users": [user_ids[r * 7 % USERS]]}
        body = {"conditions": {"requiresSecondFactor": r % 10 == 0}, "createdAt": stamp, "effect": "deny" if r % 25 == 0 else "allow", "id": rid,
                "name": "scale rule %d" % r, "scopes": "bench.read", "servers": [servers[r % len(servers)]], "subjects": subjects}
        docs.append(("idp-policy-rules", rid, json.dumps(body, separators=(",", ":"), sort_keys=True)))
    with db:
        db.executemany("INSERT INTO documents (collection, id, body, updated_at) VALUES (?, ?, CAST(? AS BLOB), ?)",
                       ((c, i, b.encode(), now_us) for c, i, b in docs))
        db.execute("UPDATE store_versions SET version = version + 1 WHERE name = 'documents'")
    row = db.execute("SELECT occurred_at, service, event, outcome, actor, subject, client_id, resource, scope, jti, correlation_id, reason, details "
                     "FROM audit_records WHERE event = 'token_exchange' ORDER BY sequence DESC LIMIT 1").fetchone()
    if row is None:
        row = (now_us, "idp", "token_exchange", "success", "bench", user_ids[0], "bench", "http://127.0.0.1/mcp", "bench.read", "x", "y", None, "{}")
    batch = []
    with db:
        for a in range(AUDIT):
            batch.append((str(uuid.uuid4()), row[0] - (AUDIT - a) * 1000, row[1], row[2], row[3], row[4], user_ids[a % USERS], row[6], row[7], row[8],
                          uuid.uuid4().hex, row[10], row[11], row[12]))
            if len(batch) == 50_000:
                db.executemany("INSERT INTO audit_records (id, occurred_at, service, event, outcome, actor, subject, client_id, resource, scope, jti, "
                               "correlation_id, reason, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
                batch = []
    counts = dict(db.execute("SELECT collection, count(*) FROM documents GROUP BY collection").fetchall())
    audit = db.execute("SELECT count(*) FROM audit_records").fetchone()[0]
    print(json.dumps({"documents": counts, "audit_records": audit}))


if __name__ == "__main__":
    main(sys.argv[1])
