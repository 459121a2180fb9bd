"""Settings, described once: name, type, default, French label and description.

Stored as JSON in the user's config folder, readable by the user only (0600); an unreadable
file falls back to the defaults (and is kept aside, never overwritten silently). A `secret`
setting (the Wi-Fi password) goes to the system's keyring where one exists (`keyring`:
Secret Service, macOS Keychain, Windows Credential Locker) and never into the file then;
without one it stays in the file, which only its user can read (`secret_storage` says which).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir

from app import APP_NAME, ORG_NAME

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: Any
    label: str
    description: str
    choices: tuple[tuple[Any, str], ...] = ()  # (stored value, label)
    secret: bool = False
    warning: str = ""  # shown in plain sight under the editor
    # "address": one of this computer's network addresses, listed when editing;
    # "image": the path of an image file, picked with a file dialog
    kind: str = ""


SCHEMA: tuple[Setting, ...] = (
    Setting(
        "language",
        str,
        "fr",
        "Langue de l'interface",
        "Le français est la langue de référence ; l'anglais est une traduction.",
        choices=(("fr", "Français"), ("en", "English")),
    ),
    Setting(
        "facilitator_name",
        str,
        "",
        "Votre nom",
        "Apparaît dans l'historique des actions et sur le compte-rendu.",
    ),
    Setting(
        "organisation",
        str,
        "LaBase",
        "Votre structure",
        "Le laboratoire ou le service qui organise les ateliers.",
    ),
    Setting(
        "default_place",
        str,
        "LaBase, Bordeaux",
        "Lieu habituel",
        "Proposé à la création d'un atelier ; modifiable pour les séances hors les murs.",
    ),
    Setting(
        "wifi_ssid",
        str,
        "",
        "Nom du réseau Wi-Fi de la salle",
        "Pour le QR code qui fait rejoindre le Wi-Fi aux téléphones ; vide, il n'est pas affiché.",
    ),
    Setting(
        "wifi_password",
        str,
        "",
        "Mot de passe du Wi-Fi",
        "Lisible dans le QR code du Wi-Fi projeté pendant la séance ; n'est envoyé nulle part "
        "ailleurs. Gardé dans le trousseau du système s'il en existe un, sinon dans le fichier "
        "des paramètres, lisible par vous seul. Vide : réseau ouvert.",
        secret=True,
    ),
    Setting(
        "server_host",
        str,
        "",
        "Réseau des téléphones",
        "« Automatique » : les téléphones sont servis sur tous les réseaux de cet ordinateur et "
        "le QR code donne l'adresse la plus probable. Choisissez une adresse pour servir ce "
        "réseau-là seulement (celui du routeur ou du point d'accès de la salle).",
        warning="Un point d'accès mobile Windows n'accepte que 8 appareils : au-delà, prévoyez "
        "un petit routeur Wi-Fi de voyage.",
        kind="address",
    ),
    Setting(
        "shared_address",
        bool,
        False,
        "Salle derrière une seule adresse",
        "À cocher quand tous les téléphones arrivent par la même adresse réseau (le routeur "
        "d'un établissement, un partage de connexion) : l'ordinateur ne limite plus les "
        "inscriptions par adresse, seulement par téléphone, et compte les codes erronés pour "
        "toute la salle. Sans cette case, au-delà de 6 inscriptions par heure depuis une même "
        "adresse, les suivantes sont refusées (contre le bourrage des votes).",
    ),
    Setting(
        "report_logo",
        str,
        "",
        "Logo du compte-rendu",
        "Une image PNG ou JPEG placée sur la couverture des comptes-rendus ; vide : pas de logo. "
        "Un fichier introuvable ou illisible est ignoré, avec un message.",
        kind="image",
    ),
    Setting(
        "large_text",
        bool,
        False,
        "Grands caractères",
        "Agrandit le texte de l'interface (utile sur un écran à haute résolution).",
    ),
    Setting(
        "projector_text_px",
        int,
        24,
        "Texte projeté : taille minimale",
        "Le plus petit texte que le projecteur montre, en pixels d'un écran 1080p (ajusté à la "
        "taille réelle de l'écran). Quand le tableau est trop grand pour tenir à cette taille, "
        "la projection suit le groupe sélectionné ou les arrivées, et « Tout voir » montre les "
        "groupes sous forme de cartes.",
        choices=(
            (20, "Moyen (20 px)"),
            (24, "Grand (24 px, conseillé)"),
            (32, "Très grand (32 px)"),
        ),
    ),
    Setting(
        "retention_months",
        int,
        12,
        "Durée de conservation",
        "Combien de temps après sa date un atelier garde les noms des personnes. Au-delà, au "
        "démarrage d'Atelier, il est anonymisé (ou supprimé, selon le réglage suivant), avec un "
        "message. Exportez avant ce qui doit être gardé.",
        choices=(
            (6, "6 mois"),
            (12, "12 mois (conseillé)"),
            (24, "24 mois"),
            (36, "36 mois"),
            (0, "Sans limite"),
        ),
    ),
    Setting(
        "retention_action",
        str,
        "anonymise",
        "Après la durée de conservation",
        "Anonymiser : les noms deviennent des initiales, le reste (post-its, votes, actions) "
        "est gardé. Supprimer : l'atelier entier est effacé, sauvegardes comprises.",
        choices=(("anonymise", "Anonymiser l'atelier"), ("purge", "Supprimer l'atelier")),
    ),
    Setting(
        "chime",
        bool,
        True,
        "Carillon en fin de séquence",
        "Un son bref quand le temps d'une séquence est écoulé (muet sans haut-parleur).",
    ),
)
DEFAULTS = {s.name: s.default for s in SCHEMA}
KEYRING_SERVICE = "Atelier"


def _keyring() -> Any:
    """The `keyring` module when the system has a real keyring, else None (a headless
    machine: keyring's `fail` backend, or no backend worth the name)."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # no package, a broken backend: the file it is
        log.warning("no usable keyring", exc_info=True)
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return keyring


def secret_storage() -> str:
    """Where a secret setting is kept, said for people (the Données personnelles page)."""
    if _keyring() is not None:
        return "le trousseau du système"
    return "le fichier des paramètres (aucun trousseau sur cet ordinateur ; lisible par vous seul)"


def _read_secret(name: str, stored: Any) -> Any:
    ring = _keyring()
    if ring is None:
        return stored
    try:
        found = ring.get_password(KEYRING_SERVICE, name)
    except Exception:
        log.warning("keyring unreadable for %s", name, exc_info=True)
        return stored
    return found if found is not None else stored  # an older file's value until saved


def _keep_secret(name: str, value: str) -> bool:
    """Put a secret in the keyring (or take it out when empty); False without one."""
    ring = _keyring()
    if ring is None:
        return False
    try:
        if value:
            ring.set_password(KEYRING_SERVICE, name, value)
        else:
            with contextlib.suppress(Exception):  # nothing was kept
                ring.delete_password(KEYRING_SERVICE, name)
    except Exception:
        log.warning("keyring refused %s: kept in the settings file", name, exc_info=True)
        return False
    return True


def settings_path() -> Path:
    override = os.environ.get("ATELIER_CONFIG")
    if override:
        return Path(override)
    return Path(user_config_dir(APP_NAME, ORG_NAME)) / "settings.json"


def load_settings(path: Path | None = None) -> dict[str, Any]:
    path = path or settings_path()
    values = dict(DEFAULTS)
    if not path.exists():
        return values
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(stored, dict):
            raise ValueError("not an object")
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable (%s): using defaults", path, exc)
        return values
    for setting in SCHEMA:
        value = stored.get(setting.name)
        if setting.secret:
            value = _read_secret(setting.name, value)
        if isinstance(value, setting.type):
            values[setting.name] = value
    return values


def save_settings(values: dict[str, Any], path: Path | None = None) -> None:
    from app.system.files import write_private_text

    path = path or settings_path()
    clean = {s.name: values.get(s.name, s.default) for s in SCHEMA}
    for setting in SCHEMA:
        if setting.secret and _keep_secret(setting.name, str(clean[setting.name] or "")):
            clean[setting.name] = ""  # in the keyring: never in clear in the file
    write_private_text(path, json.dumps(clean, ensure_ascii=False, indent=2))


def custom_formats_dir() -> Path:
    return settings_path().parent / "formats"
