"""The network test's server (no séance, no database) and the firewall advice, without Qt."""

from __future__ import annotations

import json
import shutil
import urllib.request
from pathlib import Path

import httpx
import pytest

from app.errors import KnownError
from app.server.netcheck import (
    PAGE,
    NetCheck,
    PhoneSeen,
    device_family,
    start_netcheck,
)
from app.system import firewall
from app.system.firewall import detect, open_port

ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Mobile Safari/537.36"
)
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
)


def test_device_family_keeps_the_kind_of_phone_and_browser_only():
    assert device_family(ANDROID) == "Android · Chrome"
    assert device_family(IPHONE) == "iPhone · Safari"
    samsung = ANDROID.replace("Chrome/124", "SamsungBrowser/24.0 Chrome/124")
    assert device_family(samsung) == "Android · Samsung Internet"
    assert device_family("Mozilla/5.0 (Android 14; Mobile; rv:125.0) Firefox/125.0") == (
        "Android · Firefox"
    )
    assert device_family("") == "Appareil inconnu"
    assert "SM-S918B" not in device_family(ANDROID) and "14" not in device_family(ANDROID)


@pytest.fixture
def serve():
    """`serve(check)`: an HTTP client of a real test server on 127.0.0.1, stopped after."""
    servers = []

    def start(check: NetCheck) -> httpx.Client:
        server = start_netcheck(check, "127.0.0.1", 0)
        servers.append(server)
        return httpx.Client(base_url=f"http://127.0.0.1:{server.port}", timeout=10)

    yield start
    for server in servers:
        server.stop()


def test_a_report_is_recorded_with_its_round_trip_and_told_to_the_listener(serve):
    told: list[PhoneSeen] = []
    check = NetCheck(told.append, clock=lambda: 1000.0)
    client = serve(check)

    assert client.get("/", follow_redirects=False).headers["location"] == PAGE
    page = client.get(PAGE)
    assert page.status_code == 200 and "test du réseau" in page.text
    assert "http" not in client.get(PAGE + "reseau.js").text.replace("HTTP ${", "")  # offline
    ping = client.get("/api/reseau/ping")
    assert ping.json() == {"ok": True} and ping.headers["cache-control"] == "no-store"

    answer = client.post(
        "/api/reseau/report",
        json={"key": "ab12", "round_trip_ms": 12.34},
        headers={"User-Agent": ANDROID},
    )
    assert answer.status_code == 200
    assert answer.json() == {"ok": True, "device": "Android · Chrome", "round_trip_ms": 12.3}
    assert told == [PhoneSeen("ab12", "Android · Chrome", 12.3, 1000.0)]
    # the same phone testing again replaces its line; another phone adds one
    client.post(
        "/api/reseau/report",
        json={"key": "ab12", "round_trip_ms": 8},
        headers={"User-Agent": ANDROID},
    )
    client.post(
        "/api/reseau/report",
        json={"key": "cd34", "round_trip_ms": 30},
        headers={"User-Agent": IPHONE},
    )
    assert [(p.key, p.round_trip_ms) for p in check.phones()] == [("ab12", 8.0), ("cd34", 30.0)]
    assert len(told) == 3


@pytest.mark.parametrize(
    "body",
    [
        {"key": "", "round_trip_ms": 3},
        {"key": "<b>x</b>", "round_trip_ms": 3},
        {"key": "a", "round_trip_ms": -1},
        {},
    ],
)
def test_a_bad_report_is_refused_and_records_nothing(body, serve):
    check = NetCheck()
    client = serve(check)
    assert client.post("/api/reseau/report", json=body).status_code == 422
    assert check.phones() == []


def test_the_test_server_answers_over_http_and_stops():
    check = NetCheck()
    server = start_netcheck(check, "127.0.0.1", 0)
    try:
        url = f"http://127.0.0.1:{server.port}/api/reseau/ping"
        with urllib.request.urlopen(url, timeout=10) as answer:
            assert json.load(answer) == {"ok": True}
    finally:
        server.stop()
    assert not server.running


# -- the firewall ------------------------------------------------------------------------------
def _which(found: dict[str, str]):
    def which(name: str, mode: int = 0, path: str | None = None) -> str | None:
        return found.get(name)

    return which


def test_linux_with_ufw_enabled_and_pkexec_can_open_the_port(monkeypatch, tmp_path: Path):
    conf = tmp_path / "ufw.conf"
    conf.write_text("# comment\nENABLED=yes\nLOGLEVEL=low\n")
    monkeypatch.setattr(
        shutil,
        "which",
        _which(
            {
                "ufw": "/usr/sbin/ufw",
                "pkexec": "/usr/bin/pkexec",
                "firewall-cmd": "/usr/bin/firewall-cmd",
            }
        ),
    )
    wall = detect(8765, system="linux", ufw_conf=conf)
    assert (wall.kind, wall.active) == ("ufw", True)
    assert wall.command == "sudo ufw allow 8765:8766/tcp"
    assert wall.elevated == ("/usr/bin/pkexec", "/usr/sbin/ufw", "allow", "8765:8766/tcp")
    assert wall.can_open


def test_linux_ufw_without_pkexec_gives_the_command_only(monkeypatch, tmp_path: Path):
    conf = tmp_path / "ufw.conf"
    conf.write_text("ENABLED=no\n")
    monkeypatch.setattr(shutil, "which", _which({"ufw": "/usr/sbin/ufw"}))
    wall = detect(8770, system="linux", ufw_conf=conf)
    assert (wall.kind, wall.active, wall.command) == ("ufw", False, "sudo ufw allow 8770:8771/tcp")
    assert not wall.can_open


def test_linux_firewalld_opens_now_and_after_a_restart(monkeypatch, tmp_path: Path):
    monkeypatch.setattr(
        shutil,
        "which",
        _which({"firewall-cmd": "/usr/bin/firewall-cmd", "pkexec": "/usr/bin/pkexec"}),
    )
    wall = detect(8765, system="linux", ufw_conf=tmp_path / "absent")
    assert wall.kind == "firewalld" and wall.active is None
    assert wall.command == (
        "sudo firewall-cmd --add-port=8765-8766/tcp && "
        "sudo firewall-cmd --permanent --add-port=8765-8766/tcp"
    )
    assert wall.elevated[:3] == ("/usr/bin/pkexec", "/bin/sh", "-c")
    assert "--permanent --add-port=8765-8766/tcp" in wall.elevated[3]


def test_linux_without_a_known_firewall(monkeypatch, tmp_path: Path):
    monkeypatch.setattr(shutil, "which", _which({"pkexec": "/usr/bin/pkexec"}))
    wall = detect(8765, system="linux", ufw_conf=tmp_path / "absent")
    assert (wall.kind, wall.command, wall.can_open) == ("none", "", False)


def test_windows_and_macos_give_a_command_to_run_as_administrator(monkeypatch):
    monkeypatch.setattr(shutil, "which", _which({"pkexec": "/usr/bin/pkexec"}))
    windows = detect(8765, system="windows")
    assert windows.kind == "windows" and not windows.can_open
    assert windows.command == (
        'netsh advfirewall firewall add rule name="Atelier telephones" dir=in action=allow '
        "protocol=TCP localport=8765-8766"
    )
    monkeypatch.setattr(
        firewall.sys, "executable", "/Applications/Atelier.app/Contents/MacOS/Atelier"
    )
    mac = detect(8765, system="macos")
    assert mac.kind == "macos" and not mac.can_open
    assert "socketfilterfw --add /Applications/Atelier.app/Contents/MacOS/Atelier" in mac.command
    assert "--unblockapp" in mac.command


def test_the_platform_is_read_when_not_given(monkeypatch):
    monkeypatch.setattr(firewall.platform, "system", lambda: "Windows")
    assert detect(8765).kind == "windows"


def test_a_bad_port_is_refused():
    with pytest.raises(KnownError):
        detect(0, system="linux")


def test_open_port_runs_the_command_and_says_when_it_was_refused(monkeypatch):
    ran: list[list[str]] = []

    class Done:
        def __init__(self, code: int, stderr: str = "") -> None:
            self.returncode, self.stderr, self.stdout = code, stderr, ""

    answers = [Done(0), Done(126), Done(1, "ERROR: problem running\n")]

    def run(argv, **kwargs):
        ran.append(argv)
        return answers.pop(0)

    monkeypatch.setattr(firewall.subprocess, "run", run)
    wall = firewall.Firewall(
        "linux",
        "ufw",
        True,
        "sudo ufw allow 8765:8766/tcp",
        ("pkexec", "ufw", "allow", "8765:8766/tcp"),
    )
    open_port(wall)
    assert ran == [["pkexec", "ufw", "allow", "8765:8766/tcp"]]
    with pytest.raises(KnownError, match="mot de passe"):
        open_port(wall)
    with pytest.raises(KnownError, match="problem running"):
        open_port(wall)
    with pytest.raises(KnownError, match="terminal"):
        open_port(firewall.Firewall("windows", "windows", None, "netsh …"))
    assert len(ran) == 3
