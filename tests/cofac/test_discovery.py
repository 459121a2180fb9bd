"""Finding the séance on the local network (restricted to 127.0.0.1 here), or by its address."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cofac_helpers import Host

from app.cofac_client import base_url, new_device_key, pair
from app.errors import KnownError
from app.server.discovery import Advertiser, Browser

LOOPBACK = ["127.0.0.1"]


def test_the_laptop_finds_the_seance_and_pairs_with_it(
    host: Host, make_host: Callable[..., Host], tmp_path: Path
) -> None:
    """The real séance and a fake announcement with the same title (another computer of the
    network: here an Atelier that does not know the real code) are both listed; pairing with
    the code shown on the real host works with the real one only."""
    (tmp_path / "autre").mkdir()  # another computer: its own base, its own certificate
    fake = make_host(title="Atelier mobilité", url=tmp_path / "autre" / "host.sqlite3")
    port = host.server.cofac_port  # laptops are told of the co-facilitation port (TLS)
    browser = Browser(interfaces=LOOPBACK)
    advertisers = [
        Advertiser(
            "Atelier mobilité", one.server.cofac_port, one.workshop_id, LOOPBACK,
            interfaces=LOOPBACK,
        ).start()
        for one in (host, fake)
    ]  # fmt: skip
    ports = {port, fake.server.cofac_port}
    try:
        # other séances may be announced on this machine's loopback: ours are on our ports
        found = [
            f
            for f in browser.wait(lambda fs: ports <= {f.port for f in fs}, timeout=20)
            if f.port in ports
        ]
        assert sorted((f.title, f.address, f.port) for f in found) == sorted(
            ("Atelier mobilité", "127.0.0.1", p) for p in ports
        )
        (real,) = [f for f in found if f.port == port]
        (other,) = [f for f in found if f.port != port]
        assert real.url.startswith("https://")
        with pytest.raises(KnownError) as refused:
            pair(other.url, host.code(), "Camille", new_device_key())
        assert refused.value.code == "hote_non_authentifie"
        assert "pas l'ordinateur de l'animatrice" in refused.value.message
        paired = pair(real.url, host.code(), "Camille", new_device_key())
        assert paired.workshop_id == host.workshop_id and paired.title == "Atelier mobilité"
        assert paired.certificate == host.certificate != fake.certificate
    finally:
        for advertiser in advertisers:
            advertiser.close()
        browser.close()


def test_an_address_typed_by_hand_works_too(host: Host) -> None:
    assert base_url("192.168.1.20") == "https://192.168.1.20:8766/"
    assert base_url(" 10.0.0.5:8770 ") == "https://10.0.0.5:8770/"
    assert base_url("https://10.0.0.5:8770/web/?code=ABCDE") == "https://10.0.0.5:8770/"
    paired = pair(f"127.0.0.1:{host.server.cofac_port}", host.code(), "Sacha", new_device_key())
    assert paired.url == host.url


def test_the_announcement_does_not_name_the_computer() -> None:
    """A stranger browsing the Wi-Fi's mDNS learns no computer name from a séance's
    announcement (issue 18): the instance and server names carry the workshop and port."""
    import socket

    from app.server.discovery import Advertiser

    advertiser = Advertiser("Atelier mobilité", 8766, 7, ["127.0.0.1"], interfaces=["127.0.0.1"])
    host = socket.gethostname().lower()
    assert host not in advertiser.info.name.lower() and host not in advertiser.info.server.lower()
    assert advertiser.info.name.startswith("Atelier mobilité - 7-8766.")
