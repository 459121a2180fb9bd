"""« Tester le réseau… » with a real phone page in Chromium: the laptop records the phone and
its measured round trip; the phone says it works."""

from __future__ import annotations

import threading

from app.server.netcheck import PAGE, NetCheck, PhoneSeen, start_netcheck

PHONE = {"width": 390, "height": 844}

ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Mobile Safari/537.36"
)


def test_a_phone_opening_the_test_address_is_seen_with_its_round_trip(browser):
    seen: list[PhoneSeen] = []
    reported = threading.Event()

    def on_phone(phone: PhoneSeen) -> None:  # called from the server's thread
        seen.append(phone)
        reported.set()

    check = NetCheck(on_phone)
    server = start_netcheck(check, "127.0.0.1", 0)
    context = browser.new_context(viewport=PHONE, user_agent=ANDROID)
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.port}/")  # the QR code's address
        assert page.url.endswith(PAGE)
        page.wait_for_selector("h1.ok")
        assert page.locator("h1").inner_text() == "Ça marche !"
        assert "aller-retour" in page.locator("#detail").inner_text()
        assert reported.wait(10)
        (phone,) = check.phones()
        assert phone.device == "Android · Chrome"
        assert 0 <= phone.round_trip_ms < 5000
        assert seen == [phone]

        page.locator("#again").click()  # the same visit tests again: still one phone
        page.wait_for_selector("#again", state="visible")
        page.wait_for_function("() => document.querySelector('h1').className === 'ok'")
        assert len(check.phones()) == 1 and len(seen) == 2
    finally:
        context.close()
        server.stop()
