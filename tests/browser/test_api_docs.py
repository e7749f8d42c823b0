"""The read API's Swagger UI in Chromium under the site's Content Security Policy: django-ninja's
own static assets, no CDN, no inline script, and no CSP error in the console."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_swagger_ui_lists_the_operations_with_no_csp_error(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(15_000)
    tab = context.new_page()
    messages: list[str] = []
    tab.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    tab.on("pageerror", lambda error: messages.append(f"pageerror: {error}"))
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    try:
        response = tab.goto("/api/v1/docs")
        assert response.status == 200
        assert "script-src 'self'" in response.headers["content-security-policy"]
        expect(tab.locator(".opblock-summary-path", has_text="/api/v1/datasets/{slug}").first).to_be_visible()
        expect(tab.locator(".opblock-summary-path", has_text="/api/v1/agency/realisations")).to_be_visible()
        expect(tab.locator(".opblock-summary-path", has_text="/api/v1/agency/needs")).to_be_visible()
        # Open one operation: Swagger UI renders its parameters without a policy violation.
        tab.locator(".opblock-summary-path", has_text="/api/v1/agency/realisations").click()
        expect(tab.locator(".parameters-container").first).to_be_visible()
        tab.wait_for_timeout(300)
    finally:
        context.close()
    csp_errors = [m for m in messages if "Content Security Policy" in m or "Refused" in m]
    assert csp_errors == []
    assert not [m for m in messages if m.startswith(("error", "pageerror"))], messages
    assert all(url.startswith(live_server.url) for url in requests), "a request left the site"
