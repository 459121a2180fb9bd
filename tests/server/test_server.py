"""The local server, without Qt: a real uvicorn in a thread, a real HTTP client."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from app.domain.clock import FakeClock
from app.domain.join_code import ALPHABET, LENGTH
from app.domain.timer import display, from_wire
from app.ops import live
from app.ops.base import Context
from app.ops.workshops import create_workshop
from app.server.app import create_app
from app.server.guard import CSP
from app.server.runner import ServerThread
from app.store.db import Database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def served(serve):
    return serve(title="Mobilité <b>des</b> agents", clock=FakeClock())


def test_health_time_and_security_headers(served):
    ctx, _wid, client = served
    answer = client.get("/api/health")
    assert answer.status_code == 200 and answer.json()["ok"] is True
    assert answer.headers["content-security-policy"] == CSP
    assert "'unsafe-inline'" not in CSP and "http" not in CSP
    assert client.get("/api/time").json()["server_now"] == ctx.clock()


def test_state_gives_the_timer_a_phone_computes_from(served):
    ctx, wid, client = served
    client.headers["X-Atelier-Code"] = live.door(ctx, wid)[1]  # a phone holding the code
    state = client.get("/api/state").json()
    assert state["timer"]["state"] == "ready"  # the séance is open, its countdown not started
    assert state["workshop"] == "Mobilité <b>des</b> agents"  # text as typed, JSON-encoded
    live.start(ctx, wid)
    ctx.clock.advance(61.5)
    state = client.get("/api/state").json()
    assert state["phase"]["title"] == live.live_session(ctx, wid).current.title
    remote = from_wire(state["timer"])
    here = live.live_session(ctx, wid).timer
    assert display(remote, state["timer"]["server_now"]).text == display(here, ctx.clock()).text


def test_schema_served_locally_and_no_cdn_docs(served):
    _ctx, _wid, client = served
    schema = client.get("/openapi.json").json()
    assert "/api/state" in schema["paths"]
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


def test_only_the_phone_pages_are_served(served):
    _ctx, _wid, client = served
    page = client.get("/web/")
    assert page.status_code == 200 and "app.js" in page.text
    assert "<script>" not in page.text  # no inline script: the CSP forbids them
    assert client.get("/", follow_redirects=False).headers["location"] == "/web/"
    for path in ("/web/../pyproject.toml", "/web/%2e%2e/pyproject.toml", "/web/../../etc/passwd"):
        answer = client.get(path)
        assert answer.status_code == 404, path
        assert "PySide6" not in answer.text


def test_oversized_bodies_are_refused_in_json(served):
    _ctx, _wid, client = served
    answer = client.post("/api/state", content=b"x" * (17 * 1024))
    assert answer.status_code == 413
    assert answer.json()["code"] == "trop_gros"
    assert "16 Ko" in answer.json()["message"]


def test_a_taken_port_falls_back_to_the_next(tmp_path):
    db = Database.open(tmp_path / "p.sqlite3")
    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen()
    taken = blocker.getsockname()[1]
    try:
        ctx = Context(db)
        wid = create_workshop(ctx, format_key="3h", title="Port").workshop_id
        server = ServerThread(create_app(ctx, wid), "127.0.0.1", taken).start()
        try:
            assert server.port != taken
            assert httpx.get(f"{server.url}api/health", timeout=10).status_code == 200
        finally:
            server.stop()
    finally:
        blocker.close()
        db.close()


def test_atelier_serve_prints_the_address_and_stops_on_sigterm(tmp_path):
    path = tmp_path / "cli.sqlite3"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    made = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(path), "new", "--format", "3h", "--title", "T"],
        capture_output=True, text=True, env=env, check=True, timeout=60,
    )  # fmt: skip
    wid = made.stdout.strip().splitlines()[-1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--db", str(path), "serve", "--workshop", wid,
         "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        lines = [proc.stdout.readline() for _ in range(4)]
        url = lines[1].split(" : ", 1)[1].strip()
        assert url.startswith("http://127.0.0.1:") and url.endswith("/web/")
        assert len(lines[2].split(" : ", 1)[1].strip()) >= 32  # ≥ 128 bits, URL-safe
        # the séance is opened, its code printed with the QR code's address
        assert lines[3].startswith("Code de la séance : ")
        code = lines[3].split(" : ", 1)[1].split()[0]
        assert len(code) == LENGTH and set(code) <= set(ALPHABET)
        assert f"{url}?code={code}" in lines[3]
        assert httpx.get(url.replace("/web/", "/api/health"), timeout=10).json()["ok"]
        joined = httpx.post(
            url.replace("/web/", "/api/join"),
            json={"code": code.lower(), "name": "Alex", "category": "usager", "key": "cli-0001"},
            timeout=10,
        )
        assert joined.status_code == 201, joined.text
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "Serveur arrêté" in out
    assert "Traceback" not in err


def test_serve_an_unknown_workshop_is_one_clear_line(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(tmp_path / "x.sqlite3"), "serve",
         "--workshop", "99"],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode != 0
    assert len(done.stderr.strip().splitlines()) == 1
    assert "99" in done.stderr and "Traceback" not in done.stderr
