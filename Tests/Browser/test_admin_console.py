"""Browser tests of the IdP's web admin console (issue 10), run by scripts/browser-tests.sh.

Headless Chromium (Debian's chromium-headless-shell through Playwright's executable_path) against a
real `zerotouch dev`: an admin signs in through the IdP's own login, creates a group and a policy,
runs explain, and finds a grant made by a real token exchange in the audit view; a non-admin is
refused. Every page is screenshotted into test-artifacts/screenshots/.
"""

import base64
import hashlib
import html
import json
import os
import re
import secrets
import urllib.error
import urllib.parse
import urllib.request

import pytest
from playwright.sync_api import Page, expect, sync_playwright

BASE_PORT = int(os.environ["ZT_BASE_PORT"])
IDP = f"http://127.0.0.1:{BASE_PORT}"
AS = f"http://127.0.0.1:{BASE_PORT + 1}"
ISSUES = f"http://127.0.0.1:{BASE_PORT + 2}/mcp"
SCREENSHOTS = os.environ.get("ZT_SCREENSHOTS", "test-artifacts/screenshots")
GROUP = "browser-testers"
RULE = "Browser testers: docs read"


def passwords() -> dict:
    """The passwords `zerotouch dev` printed once, by username."""
    found = {}
    with open(os.environ["ZT_DEV_BANNER"], encoding="utf-8") as banner:
        for line in banner:
            match = re.match(r"^\s+(\w+)\s+([a-z0-9]{4}(?:-[a-z0-9]{4}){3})\s+\S+", line)
            if match:
                found[match.group(1)] = match.group(2)
    return found


PASSWORDS = passwords()


def shot(page: Page, name: str) -> None:
    page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=os.environ["ZT_CHROMIUM"], headless=True)
        yield chromium
        chromium.close()


def sign_in(browser, username: str) -> Page:
    """A fresh browser context signed in as `username` through /admin → the IdP's sign-in page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{IDP}/admin")
    expect(page.locator("h1")).to_have_text("Sign in")
    expect(page.locator("strong")).to_have_text("ZeroTouch admin console")
    page.fill("#username", username)
    page.fill("#password", PASSWORDS[username])
    page.click("button[type=submit]")
    return page


@pytest.fixture(scope="module")
def admin(browser):
    page = sign_in(browser, "ada")
    expect(page).to_have_url(f"{IDP}/admin")
    yield page
    page.context.close()


# --- a real client: sign-in, code, ID token, token exchange -> ID-JAG, jwt-bearer at the AS ---------

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def call(method: str, url: str, form: dict | None = None, headers: dict | None = None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None:
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        response = OPENER.open(request, timeout=30)
    except urllib.error.HTTPError as error:  # 3xx and 4xx arrive here without redirects
        response = error
    return response.status, response.headers, response.read().decode()


def basic(client_id: str, secret: str) -> str:
    raw = f"{urllib.parse.quote_plus(client_id)}:{urllib.parse.quote_plus(secret)}".encode()
    return "Basic " + base64.b64encode(raw).decode()


def claims(jwt: str) -> dict:
    payload = jwt.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def real_exchange(username: str) -> dict:
    """Alice's CLI flow by hand: /authorize, the sign-in form, /token (code), /token (token exchange),
    then the AS's jwt-bearer grant. Returns the ID-JAG's claims."""
    with open(os.environ["ZT_DEV_PROFILE"], encoding="utf-8") as file:
        profile = json.load(file)
    idp_client = profile["identity_provider"]
    as_client = profile["authorization_servers"][0]
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    redirect_uri = "http://127.0.0.1/callback"
    query = urllib.parse.urlencode({
        "response_type": "code", "client_id": idp_client["client_id"], "redirect_uri": redirect_uri, "scope": "openid",
        "state": "browser-test", "code_challenge": challenge, "code_challenge_method": "S256",
    })
    status, headers, body = call("GET", f"{IDP}/authorize?{query}")
    assert status == 200, body
    cookie = headers["Set-Cookie"].split(";")[0]
    fields = {name: html.unescape(value) for name, value in re.findall(r'name="(request_id|csrf_token)" value="([^"]*)"', body)}
    status, headers, body = call(
        "POST", f"{IDP}/login", {**fields, "username": username, "password": PASSWORDS[username]}, {"Cookie": cookie})
    assert status == 303, body
    code = urllib.parse.parse_qs(urllib.parse.urlparse(headers["Location"]).query)["code"][0]
    authorization = {"Authorization": basic(idp_client["client_id"], idp_client["client_secret"])}
    status, _, body = call("POST", f"{IDP}/token", {
        "grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri, "code_verifier": verifier}, authorization)
    assert status == 200, body
    id_token = json.loads(body)["id_token"]
    status, _, body = call("POST", f"{IDP}/token", {
        "grant_type": "urn:ietf:params:oauth:grant-type:token-exchange",
        "requested_token_type": "urn:ietf:params:oauth:token-type:id-jag", "audience": as_client["issuer"], "resource": ISSUES,
        "scope": "issues.read", "subject_token": id_token, "subject_token_type": "urn:ietf:params:oauth:token-type:id_token",
    }, authorization)
    assert status == 200, body
    id_jag = json.loads(body)["access_token"]
    status, _, body = call("POST", f"{AS}/token", {
        "grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion": id_jag, "resource": ISSUES,
    }, {"Authorization": basic(as_client["client_id"], as_client["client_secret"])})
    assert status == 200, body
    return claims(id_jag)


# --- the tests, in order ------------------------------------------------------------------------------

def test_signed_out_visitor_gets_the_sign_in_page(browser):
    context = browser.new_context()
    page = context.new_page()
    response = page.goto(f"{IDP}/admin/policies")
    assert page.url.startswith(f"{IDP}/admin/login")
    assert response.headers["cache-control"] == "no-store"
    shot(page, "00-sign-in")
    context.close()


def test_non_admin_is_refused(browser):
    page = sign_in(browser, "alice")
    expect(page.locator("h1")).to_have_text("Not allowed")
    expect(page.locator("main")).to_contain_text("not a member of the group idp-admins")
    response = page.goto(f"{IDP}/admin/users")
    assert response.status == 403
    headers = response.headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    shot(page, "01-non-admin-refused")
    page.context.close()


def test_overview_and_directory(admin: Page):
    admin.goto(f"{IDP}/admin")
    expect(admin.locator("h1")).to_have_text("Overview")
    shot(admin, "02-overview")
    admin.goto(f"{IDP}/admin/users")
    admin.fill("#q", "ali")
    admin.click("form.filters button")
    expect(admin.locator("table tbody tr")).to_have_count(1)
    shot(admin, "03-users")
    admin.click("text=alice")
    expect(admin.locator("h1")).to_have_text("User alice")
    shot(admin, "04-user")


def test_admin_creates_a_group_with_a_member(admin: Page):
    admin.goto(f"{IDP}/admin/groups")
    admin.fill("#name", GROUP)
    admin.fill("#description", "Made by the browser tests")
    admin.click("text=Create group")
    expect(admin.locator("h1")).to_have_text(f"Group {GROUP}")
    expect(admin.locator(".notice")).to_have_text("Created.")
    admin.fill("#username", "maya")
    admin.click("text=Add member")
    expect(admin.locator("main table")).to_contain_text("maya")
    shot(admin, "05-group")
    admin.goto(f"{IDP}/admin/groups")
    shot(admin, "06-groups")


def test_bad_input_is_shown_and_changes_nothing(admin: Page):
    admin.goto(f"{IDP}/admin/groups")
    admin.fill("#name", GROUP)
    with admin.expect_response(f"{IDP}/admin/groups") as response:
        admin.click("text=Create group")
    assert response.value.status == 409
    expect(admin.locator(".error")).to_be_visible()
    shot(admin, "07-group-conflict")


def test_admin_creates_a_policy(admin: Page):
    admin.goto(f"{IDP}/admin/policies")
    admin.fill("#name", RULE)
    admin.select_option("#effect", "allow")
    admin.locator("label", has_text=f"group {GROUP}").locator("input").check()
    admin.locator("label", has_text="docs (").locator("input").check()
    admin.fill("#scopes", "docs.read")
    admin.click("text=Create rule")
    expect(admin.locator("h1")).to_have_text(f"Policy rule {RULE}")
    shot(admin, "08-policy")
    admin.goto(f"{IDP}/admin/policies")
    expect(admin.locator("table")).to_contain_text(RULE)
    shot(admin, "09-policies")
    admin.goto(f"{IDP}/admin/matrix")
    row = admin.locator("tr", has_text=GROUP)
    expect(row).to_contain_text("docs.read")
    shot(admin, "10-matrix")


def test_explain_shows_the_decision_and_the_rules(admin: Page):
    admin.goto(f"{IDP}/admin/explain")
    admin.select_option("#user", "maya")
    admin.select_option("#client", "zerotouch")
    admin.select_option("#server", "docs")
    admin.fill("#scope", "docs.read")
    admin.click("form.filters button")
    expect(admin.locator("#decision")).to_contain_text("allow")
    expect(admin.locator("main table")).to_contain_text(RULE)
    shot(admin, "11-explain-allow")
    admin.select_option("#user", "alice")
    admin.select_option("#server", "issues")
    admin.fill("#scope", "issues.admin")
    admin.click("form.filters button")
    expect(admin.locator("#decision")).to_contain_text("deny")
    shot(admin, "12-explain-deny")


def test_catalog_and_keys(admin: Page):
    admin.goto(f"{IDP}/admin/servers")
    expect(admin.locator("table")).to_contain_text("issues")
    shot(admin, "13-servers")
    admin.click("text=issues >> nth=0")
    expect(admin.locator("#resource")).to_have_value(ISSUES)
    shot(admin, "14-server")
    admin.goto(f"{IDP}/admin/clients")
    shot(admin, "15-clients")
    admin.goto(f"{IDP}/admin/clients/zerotouch")
    expect(admin.locator("#map-issues")).to_have_value("zerotouch")
    shot(admin, "16-client")
    admin.goto(f"{IDP}/admin/keys")
    before = admin.locator("tbody tr").count()
    admin.click("text=Rotate signing key")
    expect(admin.locator(".notice")).to_contain_text("new signing key")
    expect(admin.locator("tbody tr")).to_have_count(before + 1)
    shot(admin, "17-keys")


def test_a_real_exchange_is_found_in_the_audit_view(admin: Page):
    grant = real_exchange("alice")
    jti = grant["jti"]
    admin.goto(f"{IDP}/admin/audit")
    admin.fill("#user", "alice")
    admin.select_option("#event", "token_exchange")
    admin.select_option("#outcome", "success")
    admin.click("form.filters button")
    expect(admin.locator("#audit")).to_contain_text(jti)
    shot(admin, "18-audit-filtered")
    admin.click(f"a[href='/admin/audit?trail={jti}']")
    trail = admin.locator("#audit")
    expect(trail).to_contain_text("token_exchange")
    expect(trail).to_contain_text("jwt_bearer")
    shot(admin, "19-audit-trail")
    export = admin.locator("#export").get_attribute("href")
    response = admin.request.get(f"{IDP}{export}")
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert jti in response.text()
    admin.goto(f"{IDP}/admin/audit?event=admin.")
    expect(admin.locator("#audit")).to_contain_text("console:ada")
    shot(admin, "20-audit-admin-changes")
