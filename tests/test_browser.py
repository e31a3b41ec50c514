"""rkt serve in a real browser: headless Chromium, driven by selenium, against `rkt serve` run as a planner runs it.

The browser does only what a person does: it opens the page, chooses a file, presses buttons,
reads the text and downloads. Chromium and its driver come from the system (Debian: chromium and
chromium-driver, which .ci/run installs); without them the tests skip, and fail under CI.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.web import keys
from tests.builders import mini_data, write_inputs
from tests.web_support import broken_schedule

pytestmark = pytest.mark.slow

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")
DRIVER = "chromedriver"
WAIT = 60  # seconds a step may take on a slow machine before the test gives up


def system_chromium() -> tuple[str, str] | None:
    """The browser and driver the system has, or None."""
    browser = next((found for name in BROWSERS if (found := shutil.which(name))), None)
    driver = shutil.which(DRIVER)
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="module")
def chromium():
    found = system_chromium()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install chromium and chromium-driver (.ci/run)")
        pytest.skip("chromium and chromedriver are not installed")
    return found


def rkt_command() -> list[str]:
    """The rkt the planner runs: the console script beside this Python (bin/ or Scripts/)."""
    found = shutil.which("rkt", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-c", "from pipeline.cli import main; main()"]


@pytest.fixture
def serve():
    """Start `rkt serve --inputs ... --port 0 --no-browser` and return its URL; stopped at the end."""
    started: list[subprocess.Popen] = []

    def start(*folders: Path) -> str:
        args = [a for f in folders for a in ("--inputs", str(f))]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        process = subprocess.Popen([*rkt_command(), "serve", *args, "--port", "0", "--no-browser"], env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
        started.append(process)
        line = process.stdout.readline()
        found = re.search(r"http://\S+/", line)
        assert found, f"rkt serve did not start: {line}{process.stdout.read() if process.poll() is not None else ''}"
        return found.group(0)

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=WAIT)


@pytest.fixture
def browser(chromium, tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary, driver = chromium
    downloads = tmp_path / "unduhan"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--window-size=1280,1600", "--lang=id"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    session = webdriver.Chrome(options=options, service=Service(executable_path=driver))
    session.downloads = downloads
    yield session
    session.quit()


def seen(browser) -> str:
    """The page's text as a reader sees it, spaces collapsed."""
    from selenium.webdriver.common.by import By

    return " ".join(browser.find_element(By.TAG_NAME, "body").text.split())


def wait_for(browser, condition, what: str):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, WAIT).until(condition, message=f"waited {WAIT} s for {what}")


def press(browser, button) -> None:
    """Press `button` and wait until the browser has left the page it was on."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions

    page = browser.find_element(By.TAG_NAME, "html")
    button.click()
    wait_for(browser, expected_conditions.staleness_of(page), "the next page")


def upload(browser, workbook: str, path: Path) -> None:
    """Choose `path` as the new version of `workbook` and press Unggah, as a person does."""
    from selenium.webdriver.common.by import By

    row = browser.find_element(By.ID, f"wb-{workbook}")
    row.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(path))
    press(browser, row.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert browser.current_url.endswith("#unggahan"), f"uploading {path.name} gave {browser.current_url}"


def downloaded(folder: Path, name: str) -> bytes:
    """The bytes of `name` once Chromium has finished writing it into `folder`."""
    target = folder / name
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if target.exists() and not any(folder.glob("*.crdownload")):
            return target.read_bytes()
        time.sleep(0.2)
    raise AssertionError(f"{name} was not downloaded: {sorted(p.name for p in folder.iterdir())}")


def test_from_a_broken_workbook_to_the_rkt_of_rkt_build_in_the_browser_only(tmp_path, serve, browser):
    from selenium.webdriver.common.by import By

    office = write_inputs(tmp_path / "contoh")
    fixed = tmp_path / "perbaikan" / "jadwal.xlsx"
    fixed.parent.mkdir()
    fixed.write_bytes((office / "jadwal.xlsx").read_bytes())
    broken = tmp_path / "rusak" / "jadwal.xlsx"
    broken.parent.mkdir()
    broken.write_bytes(broken_schedule(tmp_path / "tulis"))

    url = serve(office)
    browser.get(url)
    assert "Balai Kekarantinaan Kesehatan Kelas II Contoh" in seen(browser)
    assert browser.find_element(By.ID, "status").text == "siap"
    local = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert local and all(name.startswith(url) for name in local)  # every asset from rkt serve itself

    upload(browser, "jadwal", broken)
    assert browser.find_element(By.ID, "status").text == "ada galat"
    finding = browser.find_element(By.CSS_SELECTOR, "#temuan tr.finding.error")
    cells = [c.text for c in finding.find_elements(By.TAG_NAME, "td")]
    assert cells[:3] == ["Galat", "Jadwal", "C2:N2"]
    assert "jadwal QAH.017 berjumlah 209.999, alokasinya 120.000" in cells[3]
    assert "99.999" in browser.find_element(By.ID, "unggahan").text  # what changed: May's disbursement

    upload(browser, "jadwal", fixed)
    assert browser.find_element(By.ID, "status").text == "siap"
    assert not browser.find_elements(By.CSS_SELECTOR, "#temuan tr.finding")

    press(browser, browser.find_element(By.ID, "build"))
    result = wait_for(browser, lambda b: b.find_elements(By.ID, "hasil"), "the build to finish")[0]
    assert "RKT-2024-BKK-Kelas-II-Contoh.docx" in result.text
    browser.find_element(By.LINK_TEXT, "RKT-2024-BKK-Kelas-II-Contoh.docx").click()
    from_page = downloaded(browser.downloads, "RKT-2024-BKK-Kelas-II-Contoh.docx")

    cli = subprocess.run([*rkt_command(), "build", "--inputs", str(office), "--output", str(tmp_path / "cli")],
                         capture_output=True, text=True)
    assert cli.returncode == 0, cli.stderr
    assert from_page == (tmp_path / "cli" / "RKT-2024-BKK-Kelas-II-Contoh.docx").read_bytes()
    assert sorted(p.name for p in (office / "versi-lama").iterdir()) and (office / "jadwal.xlsx").read_bytes() == \
        fixed.read_bytes()


def test_a_browser_without_the_key_sees_nothing_of_the_office(tmp_path, serve, browser):
    from selenium.webdriver.common.by import By

    other = mini_data()
    other["identitas"]["Identitas"]["office_name"] = "Balai Kekarantinaan Kesehatan Kelas I Lain"
    jambi, padang = write_inputs(tmp_path / "jambi"), write_inputs(tmp_path / "padang", other)
    keys.set_key(jambi, "kunci-jambi-123")
    keys.set_key(padang, "kunci-padang-456")
    url = serve(jambi, padang)

    browser.get(url + "kantor/jambi/")
    page = seen(browser)
    assert "Halaman ini memerlukan kunci akses kantor." in page and "Contoh" not in page
    browser.get(url + "kantor/jambi/unduh/workbook/jadwal.xlsx")
    assert "memerlukan kunci akses" in seen(browser)
    assert not list(browser.downloads.iterdir())

    browser.get(url + "kantor/jambi/")
    browser.find_element(By.ID, "kunci").send_keys("kunci-padang-456")
    press(browser, browser.find_element(By.CSS_SELECTOR, "form.key button"))
    assert browser.current_url == url + "kantor/padang/"  # padang's key opens padang, not jambi
    assert "Kelas I Lain" in seen(browser)
    browser.get(url + "kantor/jambi/")
    assert "memerlukan kunci akses" in seen(browser) and "Contoh" not in seen(browser)

    browser.find_element(By.ID, "kunci").send_keys("salah-sekali")
    press(browser, browser.find_element(By.CSS_SELECTOR, "form.key button"))
    assert "Kunci akses salah." in seen(browser)
