"""The case page as a person uses it: headless Chromium fills a case and reads the shown advice.

Needs Debian's chromium and chromium-driver (``make test`` installs them as
root); skipped only where they are not installed. Screenshots go to
build/screenshots/.
"""

import json
import shutil
import urllib.parse
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from wervel_lp import recommend
from wervel_lp.service.local import LocalService

ROOT = Path(__file__).parent.parent
SCREENSHOTS = ROOT / "build" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-quic", "--window-size=1400,1000")

pytestmark = pytest.mark.skipif(CHROMIUM is None or CHROMEDRIVER is None,
                                reason="Chromium not installed (apt-get install chromium chromium-driver)")


@pytest.fixture(scope="module")
def service():
    with LocalService() as running:
        yield running


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    try:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    except WebDriverException as e:
        pytest.fail(f"Chromium is installed but does not start: {e.msg}")
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    yield driver
    driver.quit()


def settled(browser):
    """Wait until the page has shown the answer to its last change; return the result's state."""
    result = browser.find_element(By.ID, "result")
    WebDriverWait(browser, 30).until(lambda _: result.get_attribute("data-busy") == "0"
                                     and result.get_attribute("data-state"))
    return result.get_attribute("data-state")


def fill(browser, case, kb):
    """Enter each finding as a person would: choose it in its list, or type the number.

    An explicit "unknown" value (tumour_type: unknown) is the list's unknown.
    """
    for name, value in case.items():
        control = browser.find_element(By.ID, f"field-{name}")
        if control.tag_name == "select":
            choice = "" if value in kb.schema.fields[name].unknown_values else value
            Select(control).select_by_value(json.dumps(choice) if isinstance(choice, bool) else choice)
        else:
            control.clear()
            control.send_keys(str(value))


def shown_decisions(browser):
    return {li.get_attribute("data-topic"): li.get_attribute("data-value")
            for li in browser.find_elements(By.CSS_SELECTOR, "#decisions li.decision")}


def screenshot(browser, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    assert browser.save_screenshot(str(path)) and path.stat().st_size > 10_000
    return path


@pytest.mark.parametrize("example", ["mescc_deficit_breast", "unknown_primary_with_mescc",
                                     "postoperative_insufficient_recovery"])
def test_filled_in_case_shows_the_decisions_of_recommend(service, browser, kb, example):
    case = json.loads((ROOT / "examples" / f"{example}.json").read_text())
    browser.get(service.url + "/?lang=nl")
    assert settled(browser) == "ok" and shown_decisions(browser) == {}
    for select in browser.find_elements(By.CSS_SELECTOR, "#case-form select"):
        assert select.get_attribute("value") == ""  # every field starts unknown
    fill(browser, case, kb)
    assert settled(browser) == "ok"
    result = recommend(case)
    assert shown_decisions(browser) == result.decisions
    shown_open = [li.get_attribute("data-topic") for li in browser.find_elements(By.CSS_SELECTOR, "li.open-topic")]
    assert shown_open == [u["topic"] for u in result.to_dict()["undetermined"]]
    for li in browser.find_elements(By.CSS_SELECTOR, "li.open-topic"):
        asked = li.find_elements(By.CSS_SELECTOR, "ol.ask li")
        assert asked and all(a.text for a in asked)
    screenshot(browser, f"case_page_{example}")


def test_a_proof_opens_as_a_tree_with_its_quote(service, browser, kb):
    case = json.loads((ROOT / "examples" / "mescc_deficit_breast.json").read_text())
    browser.get(service.url + "/?lang=en")
    fill(browser, case, kb)
    settled(browser)
    decision = browser.find_element(By.CSS_SELECTOR, 'li.decision[data-topic="treatment"]')
    proof = decision.find_element(By.CSS_SELECTOR, "details.proof")
    quote = proof.find_element(By.CSS_SELECTOR, "blockquote.quote")
    assert not quote.is_displayed()
    proof.find_element(By.TAG_NAME, "summary").click()
    assert quote.is_displayed() and quote.text == kb.rules[proof.get_attribute("data-rule")].quote
    assert len(proof.find_elements(By.CSS_SELECTOR, ".tree details")) >= 3
    screenshot(browser, "case_page_proof_en")


def test_the_case_follows_to_the_other_language_and_back(service, browser, kb):
    case = {"known_primary_malignancy": True, "back_pain": True, "night_pain": True, "radicular_pain": "unilateral"}
    browser.get(service.url + "/?lang=nl")
    fill(browser, case, kb)
    settled(browser)
    browser.find_element(By.ID, "other-language").click()
    WebDriverWait(browser, 30).until(lambda b: b.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
    settled(browser)
    assert shown_decisions(browser) == recommend(case).decisions
    assert Select(browser.find_element(By.ID, "field-radicular_pain")).first_selected_option.text == "unilateral"
    assert browser.find_element(By.CSS_SELECTOR, "#decisions h2").text == "Decisions"
    open_topic = browser.find_element(By.CSS_SELECTOR, "li.open-topic")
    assert kb.topics[open_topic.get_attribute("data-topic")].label_en in open_topic.text
    screenshot(browser, "case_page_en")


def test_a_refused_finding_is_named_and_reset_makes_all_unknown(service, browser, kb):
    browser.get(service.url + "/?lang=en")
    fill(browser, {"complete_cord_lesion": True, "neurological_deficit": False}, kb)
    assert settled(browser) == "error"
    error = browser.find_element(By.CSS_SELECTOR, "#result .error")
    assert error.get_attribute("data-field") == "complete_cord_lesion"
    assert kb.schema.fields["complete_cord_lesion"].label_en in error.text
    browser.find_element(By.ID, "reset").click()
    WebDriverWait(browser, 30).until(lambda b: b.find_element(By.ID, "result").get_attribute("data-state") == "ok")
    assert shown_decisions(browser) == {}


@pytest.mark.parametrize("width", [375, 1440])
def test_the_page_fits_the_screen_results_first_on_a_phone(service, browser, kb, width):
    """No horizontal scroll at phone and desktop width; one column, the result above the form, below 800 px."""
    case = json.loads((ROOT / "examples" / "mescc_deficit_breast.json").read_text())
    browser.set_window_size(width, 1000)
    try:
        browser.get(service.url + "/?lang=nl#case=" + urllib.parse.quote(json.dumps(case)))
        assert settled(browser) == "ok" and shown_decisions(browser) == recommend(case).decisions
        inner, scroll = browser.execute_script(
            "return [window.innerWidth, document.documentElement.scrollWidth]")
        assert scroll <= inner, (width, scroll, inner)
        result = browser.find_element(By.ID, "result").rect
        form = browser.find_element(By.ID, "case-form").rect
        if width < 800:
            assert result["y"] < form["y"] and result["x"] == form["x"]
        else:
            assert result["x"] > form["x"] and abs(result["y"] - form["y"]) < 50
        now = [li.get_attribute("data-topic") for li in browser.find_elements(By.CSS_SELECTOR, "#now li")]
        urgent = {t: kb.urgency[(t, v)] for t, v in recommend(case).decisions.items()
                  if kb.urgency[(t, v)] != "info"}
        assert sorted(now) == sorted(urgent) and now and urgent[now[0]] == "critical"
        screenshot(browser, f"case_page_width_{width}")
    finally:
        browser.set_window_size(1400, 1000)
