"""The privacy officer reads the disk: after "Supprimer cette personne" her name, organisation
and phone token are in no byte of the base, its write-ahead log, its backups or a replica's
file; every file Atelier writes is its user's only (0600, folders 0700); the Wi-Fi password
goes to the system's keyring when there is one, and says where it went when there is none."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.backends import fail
from sqlalchemy import select

from app import settings as settings_module
from app.ops import archive, live, notes, participants, privacy, replica, workshops
from app.ops.base import Context
from app.settings import load_settings, save_settings, secret_storage
from app.store.db import Database
from app.store.models import JournalEntry
from app.system.files import atomic_output

NAME, ORG = "Bérénice Lacaze", "CCAS de Talence"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def holds(path: Path, *words: str) -> list[str]:
    data = path.read_bytes()
    return [w for w in words if w.encode("utf-8") in data]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[tuple[Context, Path]]:
    folder = tmp_path / "donnees" / "atelier"  # made by Atelier: private
    db = Database.open(folder / "atelier.sqlite3")
    try:
        yield Context(db), folder
    finally:
        db.close()


def _seance(ctx: Context) -> tuple[int, int, str]:
    wid = workshops.create_workshop(ctx, format_key="3h", title="Habiter").workshop_id
    live.start_session(ctx, wid)  # its backup ("debut-seance") holds her once she is in
    who = participants.check_in(ctx, wid, name=NAME, organisation=ORG, category="usager",
                                consent_named=True, key="join-berenice-1")  # fmt: skip
    notes.post_note(ctx, wid, who.participant_id, text="Un local pour les jeunes",
                    key="note-berenice-1")  # fmt: skip
    ctx.db.backup("test")  # a backup taken while she is in the base
    return wid, who.participant_id, who.token


def test_an_erased_person_is_in_no_byte_of_the_base_its_log_or_its_backups(
    store: tuple[Context, Path],
) -> None:
    ctx, folder = store
    wid, pid, token = _seance(ctx)
    words = ("Bérénice", "Lacaze", "Talence", token)
    backups = ctx.db.backups()
    assert backups and any(holds(b, *words) for b in backups)
    assert any(holds(f, *words) for f in files_under(folder) if f not in backups)
    privacy.erase_participant(ctx, wid, pid)
    for path in files_under(folder):
        assert holds(path, *words) == [], path
    # the backups were rewritten, not thrown away, and still open as Atelier bases
    assert ctx.db.backups() == backups
    copy = Database.open(backups[-1])
    try:
        people = participants.attendees(Context(copy), wid)
        assert [p.name for p in people] == [privacy.ERASED_NAME]
    finally:
        copy.close()


def test_every_file_atelier_writes_is_its_users_only(
    store: tuple[Context, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, folder = store
    wid, pid, _token = _seance(ctx)
    privacy.erase_participant(ctx, wid, pid)
    # the base, its -wal and -shm, the backups and their folder
    names = {p.name for p in files_under(folder)}
    assert {"atelier.sqlite3", "atelier.sqlite3-wal", "atelier.sqlite3-shm"} <= names
    for path in files_under(folder):
        assert mode(path) == 0o600, path
    for made in (folder, folder.parent, folder / "backups"):
        assert mode(made) == 0o700, made
    # an existing base made readable by others is made private again when opened
    loose = tmp_path / "ancienne.sqlite3"
    Database.open(loose).close()
    loose.chmod(0o644)
    Database.open(loose).close()
    assert mode(loose) == 0o600
    # exports (the documents and the archive)
    out = tmp_path / "exports"
    out.mkdir()
    with atomic_output(out / "compte-rendu.pdf") as temp:
        temp.write_bytes(b"%PDF-1.4")
    archive.write_archive(ctx, wid, out / "atelier.json")
    assert [mode(p) for p in sorted(out.iterdir())] == [0o600, 0o600]
    # a replica (its own store, in the `replicas` folder) and this laptop's device key
    from app.replica_files import device_key, replica_folder, replica_path

    replicas = replica_folder(ctx.db.url)
    copy = Database.open(replica_path(replicas, "http://192.0.2.7:8765", wid))
    try:
        replica.apply_snapshot(copy, replica.snapshot(ctx, wid), "http://192.0.2.7:8765")
    finally:
        copy.close()
    device_key(replicas)
    assert mode(replicas) == 0o700
    assert {mode(p) for p in files_under(replicas)} == {0o600}
    # a crash report
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    from app.crash import report_bug

    report = report_bug(RuntimeError("boom"))
    assert (mode(report), mode(report.parent)) == (0o600, 0o700)


class MemoryKeyring(KeyringBackend):
    """A keyring as the system's would be (Secret Service, Keychain…), in memory. Only while
    a test uses it: keyring's detection (lazy, process-wide) must never pick it for others."""

    in_use = False

    @properties.classproperty
    def priority(cls) -> float:
        if not cls.in_use:
            raise RuntimeError("a test's keyring")
        return 10.0

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / "atelier" / "settings.json"


def test_without_a_keyring_the_password_stays_in_a_file_only_she_can_read(
    settings_file: Path,
) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # a headless machine (this CI's own, outside pytest)
    try:
        assert settings_module._keyring() is None
        save_settings({"wifi_ssid": "Salle", "wifi_password": "motdepasse-42"}, settings_file)
        stored = json.loads(settings_file.read_text(encoding="utf-8"))
        assert stored["wifi_password"] == "motdepasse-42"
        assert (mode(settings_file), mode(settings_file.parent)) == (0o600, 0o700)
        assert load_settings(settings_file)["wifi_password"] == "motdepasse-42"
        assert "fichier des paramètres" in secret_storage()
    finally:
        keyring.set_keyring(before)


def test_with_a_keyring_the_password_is_never_in_the_file(settings_file: Path) -> None:
    before = keyring.get_keyring()
    MemoryKeyring.in_use = True
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    try:
        # a file of an older version, with the password in clear: saving moves it out
        settings_file.parent.mkdir(parents=True)
        settings_file.write_text(json.dumps({"wifi_password": "ancien-mdp"}), encoding="utf-8")
        assert load_settings(settings_file)["wifi_password"] == "ancien-mdp"
        save_settings({"wifi_password": "motdepasse-42"}, settings_file)
        assert "motdepasse-42" not in settings_file.read_text(encoding="utf-8")
        assert "ancien-mdp" not in settings_file.read_text(encoding="utf-8")
        assert ring.kept == {("Atelier", "wifi_password"): "motdepasse-42"}
        assert load_settings(settings_file)["wifi_password"] == "motdepasse-42"
        assert secret_storage() == "le trousseau du système"
        save_settings({"wifi_password": ""}, settings_file)  # emptied: taken out of the ring
        assert ring.kept == {} and load_settings(settings_file)["wifi_password"] == ""
    finally:
        keyring.set_keyring(before)
        MemoryKeyring.in_use = False


def _host_and_replica(tmp_path: Path) -> tuple[Context, Database, int, int]:
    host = Context(Database.open(tmp_path / "hote.sqlite3"))
    wid, pid, _token = _seance(host)
    laptop = Database.open(tmp_path / "replicas" / "seance-hote-1.sqlite3")
    replica.apply_snapshot(laptop, replica.snapshot(host, wid))
    page = replica.journal_page(host, wid, 0, 500)["entries"]
    replica.apply_entries(laptop, wid, page)  # its history, as a laptop keeps it
    return host, laptop, wid, pid


def _synced(host: Context, laptop: Database, wid: int) -> bool:
    since = replica.replica_seq(laptop, wid)
    return replica.apply_entries(
        laptop, wid, replica.journal_page(host, wid, since, 500)["entries"]
    )


def test_a_replica_loses_her_on_its_next_sync(tmp_path: Path) -> None:
    host, laptop, wid, pid = _host_and_replica(tmp_path)
    try:
        file = tmp_path / "replicas" / "seance-hote-1.sqlite3"
        assert holds(file, "Lacaze") or holds(Path(f"{file}-wal"), "Lacaze")
        privacy.erase_participant(host, wid, pid)
        assert _synced(host, laptop, wid)  # replayed, no snapshot needed
        assert replica.comparable_state(host.db, wid) == replica.comparable_state(laptop, wid)
        for path in files_under(tmp_path / "replicas"):
            assert holds(path, "Bérénice", "Lacaze", "Talence") == [], path
    finally:
        laptop.close()
        host.db.close()


def test_a_replica_that_must_take_a_snapshot_still_scrubs_its_history(tmp_path: Path) -> None:
    host, laptop, wid, pid = _host_and_replica(tmp_path)
    try:
        privacy.erase_participant(host, wid, pid)
        page = replica.journal_page(host, wid, replica.replica_seq(laptop, wid), 500)["entries"]
        # an entry this laptop cannot replay comes with it: it will take a snapshot instead
        odd = {**page[-1], "seq": page[-1]["seq"] + 1, "forward": [["inconnue", {}]]}
        assert replica.apply_entries(laptop, wid, [*page, odd]) is False
        history = laptop.read(
            lambda s: json.dumps([[e.label, e.forward] for e in s.scalars(select(JournalEntry))],
                                 ensure_ascii=False)
        )  # fmt: skip
        assert "Lacaze" not in history and "Bérénice" not in history
        assert "Lacaze" not in json.dumps(replica.comparable_state(laptop, wid), ensure_ascii=False)
    finally:
        laptop.close()
        host.db.close()


def test_a_backup_that_cannot_be_scrubbed_is_deleted_not_kept(
    store: tuple[Context, Path],
) -> None:
    """A backup of an older schema (taken before a migration) cannot be rewritten safely: an
    erasure deletes it rather than leave her in it."""
    import sqlite3

    ctx, _folder = store
    wid, pid, _token = _seance(ctx)
    older = ctx.db.backups()[-1]
    con = sqlite3.connect(older)
    with con:
        con.execute("UPDATE alembic_version SET version_num = '0013'")
    con.close()
    privacy.erase_participant(ctx, wid, pid)
    assert not older.exists()
    left = ctx.db.backups()
    assert left and all(holds(b, "Lacaze") == [] for b in left)
