"""Which address phones should use to reach this laptop."""

from __future__ import annotations

import ipaddress
import logging
import socket

import ifaddr

log = logging.getLogger(__name__)
PROBES = ("192.168.255.255", "10.255.255.255", "172.31.255.255")  # one per private range


def local_addresses() -> list[str]:
    """The laptop's IPv4 addresses, most likely to be the room's network first.

    Nothing is sent on the network: the host name is resolved locally, each interface is
    asked for its addresses, and connecting a UDP socket only picks the interface the
    system would route through (Windows' hotspot, a travel router's network…).
    """
    found: set[str] = set()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(str(info[4][0]))
    except OSError:
        pass
    found.update(_interface_addresses())
    for target in PROBES:
        probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            probe.connect((target, 9))  # no packet is sent
            found.add(probe.getsockname()[0])
        except OSError:
            pass
        finally:
            probe.close()
    found.discard("0.0.0.0")
    return sorted(found, key=_rank)


def _interface_addresses() -> set[str]:
    """Each network interface's IPv4 addresses, as the system lists them (getifaddrs, or
    GetAdaptersAddresses on Windows, through ifaddr); none if the system will not tell."""
    try:
        adapters = ifaddr.get_adapters()
    except (OSError, ValueError):  # ctypes could not reach the system's listing
        return set()
    return {ip.ip for adapter in adapters for ip in adapter.ips if isinstance(ip.ip, str)}


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


def serving_address(host: str) -> tuple[str, str]:
    """Where a server listens and which address phones are given, for the `server_host`
    setting: (listen, shown). Automatic ("") listens on every network and shows the likely
    address; a chosen address is both, unless it is missing from the computer today (another
    venue): then automatic."""
    if host in ("", "0.0.0.0"):
        return "0.0.0.0", likely_address()
    if host not in local_addresses():  # chosen at another venue: every network rather than none
        log.warning("%s is not one of this computer's addresses today: automatic", host)
        return "0.0.0.0", likely_address()
    return host, host


def phones_url(host: str, port: int) -> str:
    """The address phones open: `host` (the address chosen in the settings), else this
    computer's likely one, as the QR code shows it (before a séance too: the poster, printed
    the day before, perhaps away from the venue's network)."""
    shown = host if host and host != "0.0.0.0" else likely_address()
    shown = f"[{shown}]" if ":" in shown else shown
    return f"http://{shown}:{port}/web/"


def wifi_payload(ssid: str, password: str) -> str:
    """The text of a QR code that joins a Wi-Fi network (the `WIFI:` format phones' cameras
    read): WPA/WPA2/WPA3 with a password, an open network without one. `\\ ; , : "` are
    escaped with a backslash, as the format asks."""

    def escape(text: str) -> str:
        return "".join("\\" + c if c in '\\;,:"' else c for c in text)

    if not password:
        return f"WIFI:T:nopass;S:{escape(ssid)};;"
    return f"WIFI:T:WPA;S:{escape(ssid)};P:{escape(password)};;"
