"""Finding the séance on the local network (restricted to 127.0.0.1 here), or by its address."""

from __future__ import annotations

from cofac_helpers import Host

from app.cofac_client import base_url, new_device_key, pair
from app.server.discovery import Advertiser, Browser

LOOPBACK = ["127.0.0.1"]


def test_the_laptop_finds_the_seance_and_pairs_with_it(host: Host) -> None:
    browser = Browser(interfaces=LOOPBACK)
    advertiser = Advertiser(
        "Atelier mobilité", host.port, host.workshop_id, LOOPBACK, interfaces=LOOPBACK
    ).start()
    try:
        # other séances may be announced on this machine's loopback: ours is the one on our port
        found = [
            f
            for f in browser.wait(lambda fs: any(f.port == host.port for f in fs), timeout=20)
            if f.port == host.port
        ]
        assert [(f.title, f.address, f.port, f.workshop_id) for f in found] == [
            ("Atelier mobilité", "127.0.0.1", host.port, host.workshop_id)
        ]
        paired = pair(found[0].url, host.code(), "Camille", new_device_key())
        assert paired.workshop_id == host.workshop_id and paired.title == "Atelier mobilité"
    finally:
        advertiser.close()
        browser.close()


def test_an_address_typed_by_hand_works_too(host: Host) -> None:
    assert base_url("192.168.1.20") == "http://192.168.1.20:8765/"
    assert base_url(" 10.0.0.5:8770 ") == "http://10.0.0.5:8770/"
    assert base_url("http://10.0.0.5:8770/web/?code=ABCDE") == "http://10.0.0.5:8770/"
    paired = pair(f"127.0.0.1:{host.port}", host.code(), "Sacha", new_device_key())
    assert paired.url == host.url
