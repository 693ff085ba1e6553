"""First paint of the app's pages in headless Chromium, after the app is warm.

Starts ``claimgraph app -g GRAPH`` on a free port, loads every page once to
warm the caches (graph, views, QA engine), then for each page opens a fresh
tab N times and measures the time from navigation start until the page's
ready marker is visible (Ask: the question box and the example questions;
the others: their title, plus the network canvas on the Graph page). It also
times one question from Enter to the first answer card.

    .venv/bin/python bench/app_paint.py [-g GRAPH] [-n 5]

Prints a table and writes bench/results/app_paint.json. The target (issue 6)
is first paint of the Ask page under 3 s on the example graph, warm.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = str(Path(sys.executable).with_name("claimgraph"))
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--window-size=1400,1000"]
TARGET_S = 3.0

# page -> CSS selectors that must all be visible for the page to count as painted
READY = {
    "ask": ["input[aria-label='Question']", "button[kind='secondary']"],
    "entities": ["h1", "[data-testid='stDataFrame']"],
    "graph": ["h1", "iframe[title*='st_link_analysis']"],
    "reader": ["h1", ".cg-article mark"],
    "add": ["h1", "textarea"],
    "export": ["h1", "[data-testid='stDownloadButton']"],
    "sparql": ["h1", "textarea"],
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(graph: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([SCRIPT, "app", "-g", str(graph), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGTERM)
    raise SystemExit("the app did not start")


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "chromium"
    for f in FLAGS + [f"--user-data-dir={tempfile.mkdtemp(prefix='cg-bench-')}"]:
        opts.add_argument(f)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=opts)


def paint(driver, url: str, selectors: list[str], timeout: float = 60.0) -> float:
    """Seconds from navigation start until every selector matches a visible element."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    driver.switch_to.new_window("tab")
    t0 = time.perf_counter()
    driver.get(url)
    for sel in selectors:
        WebDriverWait(driver, timeout, poll_frequency=0.02).until(
            EC.visibility_of_element_located((By.CSS_SELECTOR, sel)))
    took = time.perf_counter() - t0
    handles = driver.window_handles
    driver.close()
    driver.switch_to.window(handles[0])
    return took


def ask_time(driver, url: str, question: str) -> float:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url + "/")
    box = WebDriverWait(driver, 60).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "input[aria-label='Question']"))
    t0 = time.perf_counter()
    box.send_keys(question + Keys.ENTER)
    WebDriverWait(driver, 120, poll_frequency=0.02).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".cg-para mark")
        or d.find_elements(By.CSS_SELECTOR, "[data-testid='stAlertContentWarning']"))
    return time.perf_counter() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-g", "--graph", default=str(ROOT / "examples" / "example.trig"))
    ap.add_argument("-n", type=int, default=5, help="paints per page (default 5)")
    ap.add_argument("-o", "--output", default=str(ROOT / "bench" / "results" / "app_paint.json"))
    a = ap.parse_args(argv)
    graph = Path(a.graph)
    if not graph.exists():
        subprocess.run([SCRIPT, "build", str(ROOT / "examples" / "caixin_treasuries_selloff.txt"),
                        "-o", str(graph), "-q"], check=True)
    t_start = time.perf_counter()
    proc, url = start_app(graph)
    started = time.perf_counter() - t_start
    driver = browser()
    rows = {}
    try:
        cold = paint(driver, url + "/", READY["ask"], timeout=120)
        for page in READY:  # warm every page's caches once
            paint(driver, f"{url}/{'' if page == 'ask' else page}", READY[page], timeout=120)
        from claimgraph.graph import load_graph

        from claimgraph import service

        question = service.example_questions(service.snapshot(load_graph(graph)))[0]
        first_q = ask_time(driver, url, question)
        for page, sels in READY.items():
            times = [paint(driver, f"{url}/{'' if page == 'ask' else page}", sels)
                     for _ in range(a.n)]
            rows[page] = {"median_s": round(statistics.median(times), 3),
                          "max_s": round(max(times), 3), "runs": [round(t, 3) for t in times]}
        warm_q = [ask_time(driver, url, question) for _ in range(3)]
    finally:
        driver.quit()
        os.killpg(proc.pid, signal.SIGTERM)
    ask = rows["ask"]["median_s"]
    print(f"graph: {graph}  server start: {started:.1f} s  first (cold) Ask paint: {cold:.2f} s")
    print(f"{'page':10} {'median s':>9} {'max s':>7}")
    for page, r in rows.items():
        print(f"{page:10} {r['median_s']:9.2f} {r['max_s']:7.2f}")
    print(f"question {question!r}: first {first_q:.2f} s, warm median "
          f"{statistics.median(warm_q):.2f} s (Enter to first answer card)")
    verdict = "met" if ask < TARGET_S else "NOT met"
    print(f"target: warm first paint of Ask < {TARGET_S:.0f} s -> {ask:.2f} s, {verdict}")
    out = Path(a.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({
        "graph": str(graph), "runs_per_page": a.n, "server_start_s": round(started, 2),
        "cold_ask_paint_s": round(cold, 3), "pages": rows,
        "question": question, "first_question_s": round(first_q, 3),
        "warm_question_median_s": round(statistics.median(warm_q), 3),
        "target_s": TARGET_S, "target_met": ask < TARGET_S,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
    }, indent=2) + "\n")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
