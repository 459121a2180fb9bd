"""Which addresses phones can use, and the Wi-Fi QR code's text."""

from __future__ import annotations

import ipaddress

from app.server.network import likely_address, local_addresses, wifi_payload


def test_wifi_payload_escapes_what_the_format_reserves():
    assert wifi_payload("LaBase", "velo2026") == "WIFI:T:WPA;S:LaBase;P:velo2026;;"
    assert (
        wifi_payload('Salle; "A", B:1', 'p\\a;s,s:"')
        == 'WIFI:T:WPA;S:Salle\\; \\"A\\"\\, B\\:1;P:p\\\\a\\;s\\,s\\:\\";;'
    )
    assert wifi_payload("Café des Lumières", "") == "WIFI:T:nopass;S:Café des Lumières;;"


def test_addresses_are_ipv4_loopback_last_and_likely_is_one_of_them():
    found = local_addresses()
    assert found and all(ipaddress.ip_address(a).version == 4 for a in found)
    loopback = [ipaddress.ip_address(a).is_loopback for a in found]
    assert loopback == sorted(loopback)  # the room's network first, loopback at the end
    assert likely_address() in found
