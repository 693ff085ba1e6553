"""End to end in a real browser: ``claimgraph app`` on a free port, driven by headless Chromium.

Needs Debian's ``chromium`` and ``chromium-driver`` (``make tools`` installs
them); skipped when they are missing. Screenshots go to the test's temp folder,
and also to ``$CLAIMGRAPH_SCREENSHOTS`` when set (that is how
``docs/screenshots/*.png`` are made).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
SCRIPT = str(Path(sys.executable).with_name("claimgraph"))

if not (CHROMIUM and DRIVER):
    pytest.skip("chromium and chromium-driver are not installed", allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1200"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(example_graph, tmp_path_factory):
    """``claimgraph app`` serving the example graph; yields its base URL."""
    port = free_port()
    log = tmp_path_factory.mktemp("server") / "app.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([SCRIPT, "app", "-g", str(example_graph), "--port", str(port)],
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                raise AssertionError(f"the app did not start:\n{log.read_text()[-2000:]}")
            time.sleep(0.5)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def browser():
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="claimgraph-chromium-")
    for flag in CHROME_FLAGS + [f"--user-data-dir={profile}"]:
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def screenshot(driver, tmp_path: Path, name: str) -> Path:
    out = tmp_path / name
    driver.save_screenshot(str(out))
    extra = os.environ.get("CLAIMGRAPH_SCREENSHOTS")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        shutil.copy(out, Path(extra) / name)
    return out


def resource_urls(driver) -> list[str]:
    return driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
        ".concat([document.location.href]);")


def test_ask_a_question_in_the_browser(server, browser, tmp_path):
    wait = WebDriverWait(browser, 120)
    browser.get(server + "/")
    box = wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "input[aria-label='Question']")))
    examples = browser.find_elements(By.CSS_SELECTOR, "button[kind='secondary'] p")
    question = next((e.text for e in examples if e.text.startswith("What did")), None)
    assert question, "the Ask page offers example questions drawn from the graph"
    box.send_keys(question)
    box.send_keys(Keys.ENTER)
    wait.until(lambda d: d.find_elements(By.XPATH, "//a[contains(., 'Show in article')]")
               or d.find_elements(By.CSS_SELECTOR, "[data-testid='stAlertContentWarning']"))
    assert not browser.find_elements(By.CSS_SELECTOR, "[data-testid='stException']")
    marks = browser.find_elements(By.CSS_SELECTOR, ".cg-para mark")
    assert marks, "an answer card with its quote highlighted in the paragraph"
    assert marks[0].text.strip()
    headings = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "h3")]
    assert any("answer" in h for h in headings)
    link = browser.find_element(By.XPATH, "//a[contains(., 'Show in article')]")
    assert "/reader?article=" in link.get_attribute("href")
    browser.execute_script("window.scrollTo(0, 0)")
    shot = screenshot(browser, tmp_path, "ask.png")
    assert shot.stat().st_size > 10_000
    # jump from the answer to its place in the article
    quote = marks[0].text.strip()
    browser.find_element(By.XPATH, "//a[contains(., 'Show in article')]").click()
    target = wait.until(EC.visibility_of_element_located((By.ID, "cg-target")))
    assert "reader" in browser.current_url and "start=" in browser.current_url
    assert " ".join(target.text.split())[:40] in " ".join(quote.split())
    wait.until(lambda d: d.execute_script(
        "const r = document.getElementById('cg-target').getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight;"))


def test_abstention_shows_in_the_browser(server, browser):
    wait = WebDriverWait(browser, 120)
    browser.get(server + "/")
    box = wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "input[aria-label='Question']")))
    box.send_keys("What did the Zorblax Galactic Federation say about bananas?")
    box.send_keys(Keys.ENTER)
    alert = wait.until(EC.visibility_of_element_located(
        (By.CSS_SELECTOR, "[data-testid='stAlertContentWarning']")))
    assert "Not in the graph" in alert.text


def test_graph_page_draws_offline(server, browser, example_graph, tmp_path):
    from urllib.parse import quote

    from claimgraph.graph import load_graph

    from claimgraph import service

    snap = service.snapshot(load_graph(example_graph))
    # the entity with the largest two-hop neighbourhood makes the most telling picture
    top = max((e for e in snap.entities if e["claims"]), key=lambda e: (
        len(service.graph_elements(snap, focus=e["iri"], depth=2)["nodes"]), e["iri"]))
    wait = WebDriverWait(browser, 120)
    browser.get(f"{server}/graph?focus={quote(top['iri'], safe='')}")
    frame = wait.until(EC.presence_of_element_located(
        (By.CSS_SELECTOR, "iframe[title*='st_link_analysis']")))
    page_urls = resource_urls(browser)
    browser.switch_to.frame(frame)
    try:
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#cy canvas"))
        frame_urls = resource_urls(browser)
    finally:
        browser.switch_to.default_content()
    time.sleep(6)  # let the layout animation settle before the screenshot
    screenshot(browser, tmp_path, "graph.png")
    # tapping a node (through Cytoscape's API: a canvas has no DOM nodes) opens it below
    browser.switch_to.frame(frame)
    try:
        tapped = browser.execute_script(
            "const cy = document.getElementById('cy')._cyreg.cy;"
            "const n = cy.nodes().filter(x => x.id() !== arguments[0] && "
            "['Person', 'Organization'].includes(x.data('label')))[0];"
            "n.emit('tap'); return n.data('name');", top["iri"])
    finally:
        browser.switch_to.default_content()
    wait.until(lambda d: any(f"Focus the network on {tapped}" in a.text
                             for a in d.find_elements(By.TAG_NAME, "a")))
    urls = [u for u in page_urls + frame_urls if u.startswith("http")]
    assert any("st_link_analysis" in u or "component" in u for u in urls)
    outside = [u for u in urls if not u.startswith(server)]
    assert not outside, f"the app loaded resources from elsewhere: {outside}"
