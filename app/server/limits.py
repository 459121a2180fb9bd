"""What an attacker on the venue's Wi-Fi cannot do by trying fast: guess the join code, or check
one device in many times to cast many ballots.

`CodeLockout` counts the wrong join codes, per source address and for the whole room. Once an
address has typed `WRONG_PER_ADDRESS` wrong codes within `ADDRESS_WINDOW`, it is refused,
the right code included, until its oldest wrong code is that old (a participant who mistyped a
few times waits two minutes at most). Across every address, `WRONG_PER_ROOM` wrong codes
within `ROOM_WINDOW` close the door to new arrivals (the phones already in carry on) until the
window slides on or the facilitator lifts it: a botnet of addresses on the Wi-Fi gets no more
tries than that. `guess_time()` is what this buys: with 28^5 codes, at most 60 wrong codes an
hour, half the code space takes ~16 years to try, ~2,000 times a 3-day workshop
(bench/security.py prints it, and the tries a second a real server lets through).

`CheckInQuota` counts the check-ins, per device (an id the phone page keeps in its storage)
and per address: one device checking in 30 times to cast 30 ballots is refused after
`CHECK_INS_PER_DEVICE`. A room behind one NAT (every phone through the same address) needs the
facilitator's switch `shared_address` (the setting « Salle derrière une seule adresse »): the
per-address check-in limit is lifted, the per-device one stays, and wrong codes are counted for
the room only. The laptop itself (loopback: a rehearsal's simulated phones, the facilitator's
own browser, from 127.0.0.1) is not limited in its check-ins.

Addresses are compared as IPv4 addresses or IPv6 /64 networks (one device may take any
address of its /64). The clock is `time.monotonic` (tests give their own).
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from app.domain.join_code import ALPHABET, LENGTH
from app.errors import KnownError

WRONG_PER_ADDRESS = 5
ADDRESS_WINDOW = 120.0  # seconds: a mistyping participant waits this long at most
WRONG_PER_ROOM = 60
ROOM_WINDOW = 3600.0  # seconds: the whole room's wrong codes, an hour
CHECK_INS_PER_DEVICE = 3
DEVICE_WINDOW = 3600.0
CHECK_INS_PER_ADDRESS = 6
CHECK_IN_ADDRESS_WINDOW = 3600.0
MAX_HEAD = 32 * 1024  # bytes of a request's line and headers (app/server/wire.py)
KEEP_ALIVE = 5  # seconds an idle connection is kept between requests
WORKSHOP_SECONDS = 3 * 24 * 3600.0  # the longest workshop the goal is measured against
GOAL_TIMES = 1000  # guessing must take this many workshops, on average

# the refusals' codes and statuses (app/server/problems.py answers them)
LIMITS_STATUS = {"code_bloque": 429, "entree_bloquee": 429, "trop_d_inscriptions": 429}

Clock = Callable[[], float]


def guess_time(
    space: int = len(ALPHABET) ** LENGTH,
    wrong: int = WRONG_PER_ROOM,
    window: float = ROOM_WINDOW,
) -> float:
    """Seconds an attacker needs, on average, to find the code: half the code space at the
    room's ceiling (the most any number of addresses can try)."""
    return (space / 2) / (wrong / window)


def source(host: str) -> str:
    """Who is asking, as counted: an IPv4 address, or an IPv6 address's /64 network."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


LAPTOP = frozenset({"127.0.0.1", "::1", "::ffff:127.0.0.1"})  # the laptop's own connections


def is_laptop(host: str) -> bool:
    """A connection from the laptop itself (its usual loopback address): not another device."""
    return host in LAPTOP


class _Window:
    """Times of events by key, kept for `window` seconds."""

    def __init__(self, window: float) -> None:
        self.window = window
        self.seen: dict[Hashable, deque[float]] = {}

    def count(self, key: Hashable, now: float) -> int:
        seen = self.seen.get(key)
        if seen is None:
            return 0
        while seen and now - seen[0] >= self.window:
            seen.popleft()
        if not seen:
            del self.seen[key]
            return 0
        return len(seen)

    def add(self, key: Hashable, now: float) -> None:
        self.seen.setdefault(key, deque()).append(now)

    def remove_last(self, key: Hashable) -> None:
        seen = self.seen.get(key)
        if seen:
            seen.pop()

    def free_at(self, key: Hashable) -> float:
        seen = self.seen.get(key)
        return seen[0] + self.window if seen else 0.0


@dataclass(frozen=True, slots=True)
class LockoutState:
    """What the facilitator sees: whether new arrivals are refused for the whole room (and
    until when, in seconds from now), and the addresses refused for now."""

    room_locked: bool
    room_seconds_left: float
    wrong_this_hour: int
    addresses: tuple[str, ...]


class CodeLockout:
    """The wrong join codes, per address and for the room (see the module's docstring)."""

    def __init__(self, clock: Clock = time.monotonic, shared_address: bool = False) -> None:
        self.clock = clock
        self.shared_address = shared_address
        self._by_address = _Window(ADDRESS_WINDOW)
        self._room = _Window(ROOM_WINDOW)
        self._lock = threading.Lock()

    def before_check(self, host: str) -> None:
        """Refuse (KnownError) while this address or the room is locked: the right code too."""
        now = self.clock()
        with self._lock:
            if self._room.count(None, now) >= WRONG_PER_ROOM:
                minutes = _minutes(self._room.free_at(None) - now)
                raise KnownError(
                    "Trop de codes erronés ont été essayés dans la salle : les nouvelles "
                    "arrivées sont suspendues (encore {minutes} min au plus). Prévenez "
                    "l'équipe d'animation, qui peut lever ce blocage.",
                    code="entree_bloquee",
                    minutes=minutes,
                )
            who = source(host)
            if not self.shared_address and self._by_address.count(who, now) >= WRONG_PER_ADDRESS:
                minutes = _minutes(self._by_address.free_at(who) - now)
                raise KnownError(
                    "Trop de codes erronés depuis ce téléphone : réessayez dans {minutes} min, "
                    "en recopiant le code affiché à l'écran (ou demandez-le à l'équipe "
                    "d'animation).",
                    code="code_bloque",
                    minutes=minutes,
                )

    def wrong(self, host: str) -> None:
        """A wrong code was typed from `host`."""
        now = self.clock()
        with self._lock:
            self._by_address.add(source(host), now)
            self._room.add(None, now)

    def state(self) -> LockoutState:
        now = self.clock()
        with self._lock:
            wrong = self._room.count(None, now)
            locked = wrong >= WRONG_PER_ROOM
            addresses = tuple(
                sorted(
                    str(who)
                    for who in list(self._by_address.seen)
                    if self._by_address.count(who, now) >= WRONG_PER_ADDRESS
                )
            )
            left = max(0.0, self._room.free_at(None) - now) if locked else 0.0
        return LockoutState(locked, left, wrong, addresses)

    def lift(self) -> LockoutState:
        """The facilitator lifts every lockout (the room's and the addresses')."""
        with self._lock:
            self._by_address.seen.clear()
            self._room.seen.clear()
        return self.state()


class CheckInQuota:
    """Check-ins per device and per address (see the module's docstring). `take` before the
    check-in, `give_back` if it turned out to be a retry (it counted once already)."""

    def __init__(self, clock: Clock = time.monotonic, shared_address: bool = False) -> None:
        self.clock = clock
        self.shared_address = shared_address
        self._devices = _Window(DEVICE_WINDOW)
        self._addresses = _Window(CHECK_IN_ADDRESS_WINDOW)
        self._lock = threading.Lock()

    def _keys(self, host: str, device: str) -> tuple[str | None, str | None]:
        if is_laptop(host):
            return None, None
        by_address = None if self.shared_address else source(host)
        return by_address, (f"device:{device}" if device else None)

    def take(self, host: str, device: str) -> None:
        address, device_key = self._keys(host, device)
        now = self.clock()
        with self._lock:
            if device_key is not None and self._devices.count(device_key, now) >= (
                CHECK_INS_PER_DEVICE
            ):
                raise KnownError(
                    "Ce téléphone a déjà été enregistré plusieurs fois : une personne, un "
                    "téléphone. Si vous prêtez le vôtre, demandez à l'équipe d'animation.",
                    code="trop_d_inscriptions",
                )
            if address is not None and self._addresses.count(address, now) >= (
                CHECK_INS_PER_ADDRESS
            ):
                raise KnownError(
                    "Trop d'inscriptions depuis ce réseau. Si toute la salle passe par le même "
                    "routeur, l'équipe d'animation peut l'autoriser dans les réglages (« Salle "
                    "derrière une seule adresse »).",
                    code="trop_d_inscriptions",
                )
            if device_key is not None:
                self._devices.add(device_key, now)
            if address is not None:
                self._addresses.add(address, now)

    def give_back(self, host: str, device: str) -> None:
        address, device_key = self._keys(host, device)
        with self._lock:
            if device_key is not None:
                self._devices.remove_last(device_key)
            if address is not None:
                self._addresses.remove_last(address)


def _minutes(seconds: float) -> int:
    return max(1, int(-(-seconds // 60)))
