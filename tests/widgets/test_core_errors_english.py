"""Every error message the core can raise exists in English: the window, in English, says it
in English (its template translated, its parameters filled in, a French parameter translated
too); in French it says exactly what the core wrote."""

from __future__ import annotations

import errno
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from core_error_scan import PASSED_ON, messages_by_name, scan
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.domain.agenda import clean_text
from app.errors import FormatFileError, InvalidInput, KnownError, os_reason, phrase
from app.library import load_methods
from app.ops import archive
from app.ops.base import Context
from app.ops.workshops import create_workshop, rename_workshop
from app.store.db import Database
from widgets.application import install_translations
from widgets.core_errors import CONTEXT, MESSAGES, WORDS, error_text, known

FRENCH = re.compile(
    r"[éèêàâçùûôîœÉÈÀÇ«»]|\b(les|des|une|et|pour|avec|dans|sur|est|du|au|aux|pas|sans|ou"
    r"|c'est|ce|cette|séance|introuvable|inconnue?)\b",
    re.IGNORECASE,
)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[list[QTranslator]]:
    yield from _chosen(qapp, "en")


@pytest.fixture
def french(qapp: QApplication) -> Iterator[list[QTranslator]]:
    yield from _chosen(qapp, "fr")


def _chosen(qapp: QApplication, lang: str) -> Iterator[list[QTranslator]]:
    previous = QLocale()
    translators = install_translations(qapp, lang)
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(previous)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_the_core_can_raise_is_in_the_catalogue() -> None:
    sites, passed, words = scan()
    assert len(sites) > 200  # the scan finds them (app/ raises ~280)
    missing = [f"{s.path}:{s.line}: {s.template}" for s in sites if not known(s.template)]
    missing += [m for m in messages_by_name() if not known(m)]
    missing += [w for w in words if not known(w)]
    assert missing == [], "\n".join(missing)
    # a message not written where it is raised comes from a place the scan reads
    unlisted = [
        f"{path}:{line}: {source}"
        for path, line, source in passed
        if (path, source) not in PASSED_ON and not source.startswith("phrase(")
    ]
    assert unlisted == [], "\n".join(unlisted)
    # every placeholder of a template is given where it is raised (else formatting it fails)
    ungiven = [
        f"{s.path}:{s.line}: {s.template} lacks {sorted(_fields(s.template) - s.given)}"
        for s in sites
        if s.given is not None and not _fields(s.template) <= s.given
    ]
    assert ungiven == [], "\n".join(ungiven)


def test_every_message_has_english(english) -> None:
    problems = []
    for text in MESSAGES + WORDS:
        translated = QCoreApplication.translate(CONTEXT, text)
        if not translated or (translated == text and FRENCH.search(text)):
            problems.append(f"no English: {text}")
        elif _fields(translated) != _fields(text):
            problems.append(f"placeholders differ: {text} -> {translated}")
        elif FRENCH.search(translated.replace("retenue, fusionnee, mise_de_cote", "")):
            problems.append(f"French left: {translated}")  # (the outcomes' keys are typed)
    assert problems == [], "\n".join(problems)


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[Context]:
    db = Database.open(f"sqlite:///{tmp_path / 'errors.db'}")
    try:
        yield Context(db)
    finally:
        db.close()


def _raised(call, *args, **kwargs) -> KnownError:
    with pytest.raises(KnownError) as caught:
        call(*args, **kwargs)
    return caught.value


def test_the_core_errors_in_english(english, ctx: Context, tmp_path: Path) -> None:
    error = _raised(create_workshop, ctx, format_key="zz", title="Mobilité")
    assert error.message == "Format inconnu « zz » (formats disponibles : 3h, 3j, 3m)."
    assert error_text(error) == "Unknown format “zz” (formats available: 3h, 3j, 3m)."
    # a field's French name, given as a parameter, is translated too
    wid = create_workshop(ctx, format_key="3h", title="Mobilité").workshop_id
    assert wid is not None
    error = _raised(rename_workshop, ctx, wid, "x" * 250)
    assert error_text(error) == "Title: 200 characters at most (250 typed)."
    assert error_text(_raised(clean_text, 3, what="Lieu")) == "Venue: a text is expected."
    # a French part made elsewhere (an OS reason, an archive's damage) is translated in place
    reason = os_reason(OSError(errno.EACCES, "Permission denied"))
    error = archive.ArchiveError("Impossible de lire « {name} » ({reason}).", name="a.json",
                                 reason=reason)  # fmt: skip
    assert error_text(error) == "Cannot read “a.json” (access denied)."
    bad = tmp_path / "bad.atelier.json"
    bad.write_text('{"format": "atelier-archive", "version": 1, "tables": {}}', encoding="utf-8")
    error = _raised(archive.import_archive, ctx, archive.read_archive(bad))
    assert error.message.startswith("Archive endommagée ou modifiée")
    assert error_text(error).startswith("Archive damaged or modified: "), error_text(error)
    assert error_text(error).endswith(". Nothing was imported.")
    assert not FRENCH.search(error_text(error)), error_text(error)
    # a format file's problem: where, then what, in English
    broken = tmp_path / "methods.toml"
    broken.write_text('[[method]]\nkey = "a"\n', encoding="utf-8")
    error = _raised(load_methods, broken)
    assert isinstance(error, FormatFileError)
    assert error_text(error).startswith(f"{broken}, line ") or error_text(error).startswith(
        f"{broken}: "
    )
    assert "ligne" not in error_text(error)
    # an error the core did not write (a system's words) is shown as it is
    assert error_text(KnownError("Connection refused")) == "Connection refused"
    assert error_text(InvalidInput(phrase("Rien à modifier."))) == "Nothing to change."


def test_the_core_errors_in_french_are_as_written(french, ctx: Context) -> None:
    error = _raised(create_workshop, ctx, format_key="zz", title="Mobilité")
    assert error_text(error) == error.message
    assert error_text(_raised(clean_text, "", what="Titre", required=True)) == (
        "Titre : ce champ ne peut pas être vide."
    )


def test_a_date_in_an_error_is_written_in_english(english) -> None:
    from datetime import date

    from app.domain.activity import Period

    error = _raised(Period, date(2026, 6, 5), date(2026, 6, 3))
    assert error.message == (
        "La période se termine le 3 juin 2026, avant de commencer le 5 juin 2026 : "
        "inversez les deux dates."
    )
    assert error_text(error) == (
        "The period ends on 3 June 2026, before it starts on 5 June 2026: swap the two dates."
    )


def test_a_laptop_says_its_hosts_error_in_english(english) -> None:
    """The host sends its error's template and parameters with the French message; the
    laptop's window says it in English. A message without them is matched as written."""
    import httpx

    from app.cofac_client import _raise_for

    with_template = httpx.Response(
        403,
        json={
            "code": "interdit",
            "message": "Votre rôle (Observateur·rice) ne le permet pas : écrire un post-it.",
            "template": "Votre rôle ({role_label}) ne le permet pas : {label}.",
            "params": {"role_label": "Observateur·rice", "label": "écrire un post-it"},
        },
    )
    error = _raised(_raise_for, with_template)
    assert error.code == "interdit"
    assert error.message == "Votre rôle (Observateur·rice) ne le permet pas : écrire un post-it."
    assert error_text(error) == "Your role (Observer) does not allow it: write a sticky note."
    plain = httpx.Response(
        403, json={"code": "interdit", "message": "Réservé à l'équipe d'animation."}
    )
    assert error_text(_raised(_raise_for, plain)) == "Reserved for the facilitation team."
    # a template that does not give the message it came with is not trusted
    forged = httpx.Response(
        400, json={"code": "x", "message": "Rien à modifier.", "template": "{a}", "params": {}}
    )
    assert error_text(_raised(_raise_for, forged)) == "Nothing to change."


def test_every_remote_operation_and_role_is_named_in_english(english) -> None:
    """A refusal names the laptop's role and the operation: both have English."""
    from app.ops.cofac import ROLES
    from app.ops.remote_ops import REMOTE_OPS

    for label in [op.label for op in REMOTE_OPS.values()] + list(ROLES.values()):
        error = KnownError("Votre rôle ({role_label}) ne le permet pas : {label}.",
                           role_label=label, label=label)  # fmt: skip
        english_text = error_text(error)
        assert not FRENCH.search(english_text), english_text
