"""Which firewall may stop phones from reaching the laptop, and the command that lets them in.

Detection only reads: which programs are installed (`shutil.which`), and ufw's own
configuration file. Nothing is changed unless the facilitator asks for it (`open_port`, run
through pkexec, which asks for the administrator's password in a window of the system).
"""

from __future__ import annotations

import platform
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from app.errors import KnownError

SBIN = "/usr/local/sbin:/usr/sbin:/sbin"  # often missing from a user's PATH on Debian
UFW_CONF = Path("/etc/ufw/ufw.conf")
MAC_FIREWALL = "/usr/libexec/ApplicationFirewall/socketfilterfw"
WINDOWS_RULE = "Atelier telephones"  # ASCII: typed in cmd.exe or PowerShell as is


@dataclass(frozen=True)
class Firewall:
    """What this computer has, and what opens the phones' port."""

    system: str  # "linux", "windows", "macos", "other"
    kind: str  # "ufw", "firewalld", "windows", "macos", "none"
    active: bool | None  # None: cannot tell without administrator rights
    command: str  # to paste in a terminal as administrator ("" when there is nothing to open)
    elevated: tuple[str, ...] = ()  # run through pkexec by « Ouvrir le port »; () if not offered

    @property
    def can_open(self) -> bool:
        """The port can be opened from the app (a password window, no terminal)."""
        return bool(self.elevated)


def _system() -> str:
    name = platform.system()
    return {"Linux": "linux", "Windows": "windows", "Darwin": "macos"}.get(name, "other")


def _which(name: str) -> str | None:
    return shutil.which(name) or shutil.which(name, path=SBIN)


def _ufw_enabled(conf: Path) -> bool | None:
    """ufw's own setting (readable by everyone); None when the file cannot be read."""
    try:
        text = conf.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        key, _, value = line.strip().partition("=")
        if key.strip() == "ENABLED":
            return value.strip().strip("\"'").lower() == "yes"
    return None


def detect(port: int, system: str | None = None, ufw_conf: Path = UFW_CONF) -> Firewall:
    """The firewall of this computer and how to let phones in on TCP `port`, and the
    co-facilitator laptops on the next one (TLS, app/server/runner.py)."""
    port = int(port)
    if not 0 < port < 65535:
        raise KnownError("Port invalide : {port}.", code="saisie_invalide", port=port)
    system = system or _system()
    if system == "linux":
        return _linux(port, ufw_conf)
    if system == "windows":
        command = (
            f'netsh advfirewall firewall add rule name="{WINDOWS_RULE}" dir=in action=allow '
            f"protocol=TCP localport={port}-{port + 1}"
        )
        return Firewall("windows", "windows", None, command)
    if system == "macos":
        app = shlex.quote(sys.executable)
        command = f"sudo {MAC_FIREWALL} --add {app} && sudo {MAC_FIREWALL} --unblockapp {app}"
        return Firewall("macos", "macos", None, command)
    return Firewall(system, "none", None, "")


def _linux(port: int, ufw_conf: Path) -> Firewall:
    ufw = _which("ufw")
    firewall_cmd = _which("firewall-cmd")
    pkexec = _which("pkexec")
    enabled = _ufw_enabled(ufw_conf) if ufw else None
    if ufw and (enabled or not firewall_cmd):
        ports = f"{port}:{port + 1}/tcp"  # the phones', then the laptops'
        elevated = (pkexec, ufw, "allow", ports) if pkexec else ()
        return Firewall("linux", "ufw", enabled, f"sudo ufw allow {ports}", elevated)
    if firewall_cmd:
        # now and after a restart, in one password window
        ports = f"{port}-{port + 1}/tcp"  # the phones', then the laptops'
        now = f"firewall-cmd --add-port={ports}"
        kept = f"firewall-cmd --permanent --add-port={ports}"
        command = f"sudo {now} && sudo {kept}"
        script = (
            f"{firewall_cmd} --add-port={ports} && {firewall_cmd} --permanent --add-port={ports}"
        )
        elevated = (pkexec, "/bin/sh", "-c", script) if pkexec else ()
        return Firewall("linux", "firewalld", None, command, elevated)
    return Firewall("linux", "none", None, "")


def open_port(firewall: Firewall, timeout: float = 300.0) -> None:
    """Run the firewall's command through pkexec (the system asks for the password). Raises
    KnownError, in French, when it was refused or failed."""
    if not firewall.elevated:
        raise KnownError(
            "Ce pare-feu ne s'ouvre pas depuis Atelier : copiez la commande dans un terminal.",
            code="pare_feu",
        )
    try:
        done = subprocess.run(  # fixed arguments, shown to her before
            list(firewall.elevated), capture_output=True, text=True, timeout=timeout, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise KnownError(
            "Le port n'a pas pu être ouvert ({exc}).", code="pare_feu", exc=exc
        ) from exc
    if done.returncode in (126, 127):  # pkexec: the password window was closed, or refused
        raise KnownError(
            "Le port n'a pas été ouvert : le mot de passe administrateur n'a pas été donné.",
            code="pare_feu",
        )
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise KnownError(
            "Le port n'a pas pu être ouvert ({exc}).",
            code="pare_feu",
            exc=detail[-1] if detail else f"code {done.returncode}",
        )
