"""Which address phones should use to reach this laptop."""

from __future__ import annotations

import ipaddress
import socket


def local_addresses() -> list[str]:
    """The laptop's IPv4 addresses, most likely to be the room's network first."""
    found: set[str] = set()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(str(info[4][0]))
    except OSError:
        pass
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        # no packet is sent: connecting a UDP socket only picks the outgoing interface
        probe.connect(("192.168.255.255", 9))
        found.add(probe.getsockname()[0])
    except OSError:
        pass
    finally:
        probe.close()
    return sorted(found, key=_rank)


def _rank(address: str) -> tuple[int, str]:
    ip = ipaddress.ip_address(address)
    if ip.is_loopback:
        return (3, address)
    if ip.is_link_local:
        return (2, address)
    if ip.is_private:  # home, hotspot and travel-router networks
        return (0, address)
    return (1, address)


def likely_address() -> str:
    addresses = [a for a in local_addresses() if not ipaddress.ip_address(a).is_loopback]
    return addresses[0] if addresses else "127.0.0.1"


def wifi_payload(ssid: str, password: str) -> str:
    """The text of a QR code that joins a Wi-Fi network (the `WIFI:` format phones' cameras
    read): WPA/WPA2/WPA3 with a password, an open network without one. `\\ ; , : "` are
    escaped with a backslash, as the format asks."""

    def escape(text: str) -> str:
        return "".join("\\" + c if c in '\\;,:"' else c for c in text)

    if not password:
        return f"WIFI:T:nopass;S:{escape(ssid)};;"
    return f"WIFI:T:WPA;S:{escape(ssid)};P:{escape(password)};;"
