"""Take the README's screenshot of `rkt serve`: the shipped office just after a broken jadwal.xlsx was uploaded.

    .venv/bin/python tools/screenshot_page.py [docs/rkt-serve.png]

Runs `rkt serve` on a copy of inputs/, uploads through headless Chromium (the system's chromium
and chromedriver, as tests/test_browser.py) a jadwal.xlsx whose January no longer adds up, and
saves the page as a person sees it then, down to its findings: the office at a glance, the upload's
diff, the workbooks and the finding with its sheet and cell.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.web import broken, rkt  # noqa: E402
from tests.test_browser import system_chromium  # noqa: E402

WIDTH, HEIGHT = 1280, 1000


def main(target: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    found = system_chromium()
    if found is None:
        raise SystemExit("chromium and chromedriver are needed (Debian: apt-get install chromium chromium-driver)")
    with tempfile.TemporaryDirectory(prefix="rkt-screenshot-") as tmp:
        office = shutil.copytree(ROOT / "inputs", Path(tmp) / "jambi")
        wrong = Path(tmp) / "jadwal.xlsx"
        wrong.write_bytes(broken(office / "jadwal.xlsx"))
        server = subprocess.Popen([*rkt(), "serve", "--inputs", str(office), "--port", "0", "--no-browser"],
                                  env={**os.environ, "PYTHONUNBUFFERED": "1"}, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True, encoding="utf-8")
        options = webdriver.ChromeOptions()
        options.binary_location = found[0]
        for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars",
                     f"--window-size={WIDTH},{HEIGHT}", "--force-device-scale-factor=1", "--lang=id"):
            options.add_argument(flag)
        browser = webdriver.Chrome(options=options, service=Service(executable_path=found[1]))
        try:
            url = re.search(r"http://\S+/", server.stdout.readline()).group(0)
            browser.get(url)
            row = browser.find_element(By.ID, "wb-jadwal")
            row.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(wrong))
            row.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            WebDriverWait(browser, 60).until(lambda b: b.find_elements(By.ID, "unggahan"))
            end = browser.find_element(By.ID, "dokumen").location["y"]  # down to the findings, not beyond
            frame = HEIGHT - browser.execute_script("return window.innerHeight")  # the window's own bars
            browser.set_window_size(WIDTH, end - 8 + frame)
            browser.execute_script("window.scrollTo(0, 0)")
            target.write_bytes(browser.get_screenshot_as_png())
        finally:
            browser.quit()
            server.terminate()
            server.wait(timeout=60)
    print(f"{target} written")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "rkt-serve.png")
