"""What the per-role browser tests (issue 24) share: a tab at a phone's or a desktop's width,
logging in as a demo or factory account, and axe-core's violations on a page."""

import re
from pathlib import Path

from playwright.sync_api import expect

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
LOCALES = {"id": "id-ID", "en": "en-US"}


def open_tab(browser, live_server, width="desktop", *, language="id", axe=False):
    """A fresh context (its own cookies) at ``width``, offline for map tiles."""
    context = browser.new_context(
        base_url=live_server.url,
        viewport=WIDTHS[width],
        is_mobile=width == "phone",
        has_touch=width == "phone",
        locale=LOCALES[language],
        timezone_id="Asia/Jakarta",
    )
    context.set_default_timeout(15_000)
    context.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    if axe:
        # Injected by the browser itself: the pages' CSP rightly refuses an inline script tag.
        context.add_init_script(script=AXE)
    return context, context.new_page()


def portal_login(tab, username, password, *, lands_on=r"/(partner|facility)/$"):
    tab.goto("/accounts/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", password)
    tab.click("button[type=submit].button")
    expect(tab).to_have_url(re.compile(lands_on))


def admin_login(tab, username, password):
    tab.goto("/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", password)
    tab.click("input[type=submit]")
    expect(tab).to_have_url(re.compile(r"/admin/$"))


def switch_language(tab, code):
    tab.select_option("#language-select", code)
    tab.locator(".language-switch button").click()
    expect(tab.locator("html")).to_have_attribute("lang", code)


def fits_the_screen(tab) -> bool:
    return tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def violations(tab, path) -> list:
    """axe-core's violations on ``path`` (and a sideways scroll, which is one on a phone)."""
    response = tab.goto(path)
    assert response is not None and response.status < 400, f"{path} answered {response and response.status}"
    tab.wait_for_load_state("load")
    result = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
    found = [(v["id"], v["impact"], [node["target"] for node in v["nodes"]][:3]) for v in result["violations"]]
    return found + ([("scrolls-sideways", path)] if not fits_the_screen(tab) else [])
