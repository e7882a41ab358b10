"""A person with a browser: headless Chromium (Debian's, driven by Playwright with its executablePath)
opens the served site, follows a link to a resource page, runs a query on the endpoint and keeps screenshots."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from scripts.serve import Server, free_port

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "dist-screenshots"

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI must install Debian's chromium for the browser test (see .ci/run)")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def page(dist: Path):
    with Server(dist, port=free_port()) as server, sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.server_url = server.url  # type: ignore[attr-defined]
        yield tab
        browser.close()


def test_landing_page_link_to_resource_and_back(page) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.goto(f"{page.server_url}/")
    assert page.title() == "NGOs and foreign policy in Turkey–Azerbaijan relations"
    page.screenshot(path=str(SCREENSHOTS / "landing.png"))
    page.click('a[href="resource/organization/turksam.html"]')
    assert page.url.endswith("/site/resource/organization/turksam.html")
    assert "TURKSAM" in page.inner_text("h1")
    assert page.locator("blockquote").count() >= 1  # its evidence from the article
    jsonld = page.locator('script[type="application/ld+json"]').inner_text()
    assert '"@id": "organization:turksam"' in jsonld and '"organization": "https://w3id.org/ngo-fp/resource/organization/"' in jsonld
    page.screenshot(path=str(SCREENSHOTS / "resource.png"))
    page.click("nav >> text=Home")
    assert page.url.endswith("/site/index.html")


def test_a_query_typed_in_the_page_is_answered(page) -> None:
    page.goto(f"{page.server_url}/site/queries.html")
    page.click("#run")
    page.wait_for_selector("#answer-table", timeout=20000)
    text = page.inner_text("#answer-table")
    assert "TURKSAM" in text and "ASAM" in text
    page.screenshot(path=str(SCREENSHOTS / "query.png"), full_page=False)
