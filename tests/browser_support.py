"""Launch Debian's Chromium through Playwright, for the browser tests and the benchmark.

Playwright's own browser download cannot work on these machines, so the
tests drive /usr/bin/chromium (``apt-get install chromium``; ``make test``
installs it when run as root). The flags keep a headless Chromium quiet on a
machine without network: no background services, no QUIC, a fresh profile.
"""
from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
MISSING_MESSAGE = (
    f"Chromium not found at {CHROMIUM}: run `make test` as root or `apt-get install chromium` to enable browser tests"
)


def chromium_available() -> bool:
    return CHROMIUM.is_file()


def require_chromium() -> None:
    """Skip the calling test, saying how to enable it, when there is no Chromium."""
    import pytest

    if not chromium_available():
        pytest.skip(MISSING_MESSAGE)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("the playwright package is missing: pip install -e '.[test]' to enable browser tests")


@contextlib.contextmanager
def chromium_context(viewport: tuple[int, int] = (1400, 900)) -> Iterator[object]:
    """A Playwright BrowserContext of a headless Chromium with a fresh profile, closed on exit."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="newsgraph-chromium-") as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            headless=True,
            args=list(CHROMIUM_ARGS),
            viewport={"width": viewport[0], "height": viewport[1]},
            device_scale_factor=1,
        )
        try:
            yield context
        finally:
            context.close()


def wait_until_ready(page, timeout_ms: int = 120_000) -> dict:
    """Wait for the network page's layout to settle; return its timing figures."""
    page.wait_for_function("() => Boolean(window.newsgraph && window.newsgraph.isReady)", timeout=timeout_ms)
    return page.evaluate("() => window.newsgraph.stats")
