"""Which addresses phones can use, and the Wi-Fi QR code's text."""

from __future__ import annotations

import ipaddress

import ifaddr

from app.system import network
from app.system.network import likely_address, local_addresses, wifi_payload


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


def _adapters(*ips: object) -> list[ifaddr.Adapter]:
    return [
        ifaddr.Adapter(f"if{n}", f"if{n}", [ifaddr.IP(ip, 24, f"if{n}")])  # type: ignore[arg-type]
        for n, ip in enumerate(ips)
    ]


def test_interfaces_give_their_ipv4_addresses_only(monkeypatch):
    fake = _adapters("127.0.0.1", ("fe80::1", 0, 2), "10.42.0.1", "169.254.3.4", "192.168.1.20")
    monkeypatch.setattr(network.ifaddr, "get_adapters", lambda: fake)
    assert network._interface_addresses() == {
        "127.0.0.1",
        "10.42.0.1",
        "169.254.3.4",
        "192.168.1.20",
    }


def test_every_interface_counts_private_first_link_local_then_loopback_last(monkeypatch):
    fake = _adapters("127.0.0.1", "169.254.3.4", "203.0.113.9", "10.42.0.1", "192.168.1.20")
    monkeypatch.setattr(network.ifaddr, "get_adapters", lambda: fake)
    monkeypatch.setattr(network.socket, "getaddrinfo", lambda *args: [])  # no host name
    monkeypatch.setattr(network, "PROBES", ())
    found = local_addresses()
    assert found[:2] == ["10.42.0.1", "192.168.1.20"]  # the room's networks first
    assert found[-3:] == ["203.0.113.9", "169.254.3.4", "127.0.0.1"]
    assert likely_address() == "10.42.0.1"


def test_a_system_that_will_not_list_its_interfaces_still_gives_addresses(monkeypatch):
    def refuse() -> list[ifaddr.Adapter]:
        raise OSError("getifaddrs")

    monkeypatch.setattr(network.ifaddr, "get_adapters", refuse)
    assert network._interface_addresses() == set()
    assert local_addresses()  # the host name and the routing probes still answer


def test_serving_address_follows_the_setting_and_falls_back_when_absent_today():
    likely = likely_address()
    assert network.serving_address("") == ("0.0.0.0", likely)
    assert network.serving_address("127.0.0.1") == ("127.0.0.1", "127.0.0.1")
    assert network.serving_address("203.0.113.9") == ("0.0.0.0", likely)  # another venue's
