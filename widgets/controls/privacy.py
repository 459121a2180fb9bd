"""Personal data (RGPD): erase a person, anonymise a workshop, the retention at start-up, and
what the « Données personnelles » page says of this computer (its real paths).

A mixin of `widgets.controller.Controller` (see `widgets.controls.base`). The lead's laptop
only: a co-facilitator's laptop is refused these (`widgets.remote_controller`).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.ops import privacy
from app.ops.base import Change
from widgets.controls.base import Controls


@dataclass(frozen=True, slots=True)
class PrivacyFacts:
    """Where this computer keeps personal data, and for how long (plain data for the page)."""

    database: str  # the SQLite file, or the PostgreSQL server (without its password)
    backups: str  # the backups' folder ("" for PostgreSQL: the server's own backups)
    replicas: str
    settings: str
    crash_reports: str
    retention_months: int
    retention_action: str  # anonymise, purge
    password_kept_in: str  # the keyring, or the settings file


class PrivacyControls(Controls):
    def erase_participant(self, workshop_id: int, participant_id: int) -> Change | None:
        return self._call(privacy.erase_participant, self.ctx, workshop_id, participant_id)

    def anonymise_workshop(self, workshop_id: int) -> Change | None:
        return self._call(privacy.anonymise_workshop, self.ctx, workshop_id)

    def apply_retention(self) -> str:
        """At start-up: the workshops past the retention setting anonymised (or deleted); the
        notice to show ("" when none)."""
        from app.settings import load_settings

        settings = load_settings()
        reached = self._call(
            privacy.apply_retention,
            self.ctx,
            months=int(settings.get("retention_months") or 0),
            action=str(settings.get("retention_action") or "anonymise"),
        )
        return privacy.retention_notice(reached or [])

    def privacy_facts(self) -> PrivacyFacts:
        from sqlalchemy.engine import make_url

        from app.crash import log_dir
        from app.replica_files import replica_folder
        from app.settings import load_settings, secret_storage, settings_path

        db = self.ctx.db
        settings = load_settings()
        if db.path is not None:
            database = str(db.path)
        else:
            database = make_url(db.url).render_as_string(hide_password=True)
        backups = db.backup_dir()
        return PrivacyFacts(
            database=database,
            backups=str(backups) if backups is not None else "",
            replicas=str(replica_folder(db.url)),
            settings=str(settings_path()),
            crash_reports=str(log_dir()),
            retention_months=int(settings.get("retention_months") or 0),
            retention_action=str(settings.get("retention_action") or "anonymise"),
            password_kept_in=secret_storage(),
        )
