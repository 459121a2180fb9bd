"""Simulated phones for a répétition: they check in, post plausible post-its and vote.

Each phone talks HTTP to the séance's real server exactly as the phone page does
(`assets/web/app.js`, `votes.js`): `GET /api/state` to follow the agenda, `POST /api/join` with
the séance's join code, `POST /api/notes` with an idempotency key (a retry after a network
error sends the same key again), and when a vote is open `GET /api/votes/current`, then its
whole ballot (`POST /api/votes/{id}/ballot`) and "J'ai fini". So the team practises the séance
with a live room: the head count rises, post-its arrive during the writing phases (a few a
minute per phone), ballots come in when a round opens, and nothing on the server is special.

Bounded: at most `MAX_PHONES` phones, for at most `MAX_MINUTES`, towards this computer only
(the loopback, or one of its own addresses); the phones stop when the séance ends (the server
answers 409 "ended"), when `stop()` is called, or at the time limit. Everything runs on one
background thread with its own event loop; `stats` (counts under a lock) and `wait_for` tell
how far it went, and `on_change` is called from that thread (a window hands it to its own).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import random
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

import httpx

from app.errors import KnownError

DEFAULT_PHONES = 25
MAX_PHONES = 200
MAX_MINUTES = 8 * 60  # a whole day of rehearsal at most
NOTES_PER_MINUTE = 3.0  # per phone, during a writing phase
POLL_SECONDS = 3.0  # how often a phone looks at the séance and the vote
GIVE_UP_AFTER = 20  # network errors in a row: the server is gone (the séance ended), stop

FIRST_NAMES = (
    "Camille", "Léa", "Hugo", "Inès", "Nicolas", "Sophie", "Karim", "Julie", "Thomas", "Nadia",
    "Mathieu", "Claire", "Yannick", "Aurélie", "Malik", "Émilie", "Pierre", "Fatou", "Lucas",
    "Hélène", "Antoine", "Margaux", "Samir", "Chloé", "Bernard", "Anaïs", "Olivier", "Sarah",
)  # fmt: skip
ORGANISATIONS = (
    "Bordeaux Métropole", "Département de la Gironde", "DREAL Nouvelle-Aquitaine",
    "SGAR Nouvelle-Aquitaine", "Région Nouvelle-Aquitaine", "Association Les Possibles",
    "Coopérative Terres d'ici", "Mairie de Bègles", "Habitante", "Bureau d'études Vivaterra",
)  # fmt: skip
# LaBase's rooms: about two thirds public agents
CATEGORIES = ("public",) * 6 + ("prive", "prive", "association", "usager")
IDEAS = (
    "Un guichet unique pour les démarches des associations",
    "Mutualiser les véhicules de service entre administrations",
    "Des horaires d'accueil le samedi matin",
    "Un annuaire partagé des agents par compétence",
    "Tester le projet avec cinq usagers avant de le lancer",
    "Un formulaire en ligne plus court, en langage clair",
    "Former les agents d'accueil à l'écoute active",
    "Cartographier les lieux de collecte existants",
    "Une journée d'immersion croisée entre services",
    "Un tableau de bord commun des projets en cours",
    "Associer les communes rurales dès le cadrage",
    "Réduire les impressions papier de moitié",
    "Un kit d'accueil pour les nouveaux partenaires",
    "Des permanences mobiles dans les quartiers",
    "Partager les données ouvertes sur un seul portail",
    "Un circuit court pour la restauration collective",
    "Faire relire les courriers par des usagers",
    "Un espace de coworking entre administrations",
    "Prototyper l'affiche avant la campagne",
    "Un retour systématique aux personnes consultées",
    "Simplifier le vocabulaire des courriers",
    "Mesurer le temps d'attente au guichet",
    "Un covoiturage entre agents des différents sites",
    "Organiser un forum ouvert chaque trimestre",
    "Créer un comité d'usagers permanent",
    "Rendre visibles les décisions prises après l'atelier",
    "Un calendrier commun des consultations publiques",
    "Des ateliers dans les médiathèques",
    "Tester une signalétique plus lisible à l'accueil",
    "Un budget participatif pour les petits projets",
)  # fmt: skip


class RehearsalError(KnownError):
    code = "repetition"


@dataclass(frozen=True, slots=True)
class Stats:
    """How far the simulated phones went."""

    joined: int = 0
    notes: int = 0
    ballots: int = 0
    errors: int = 0  # answers other than the expected ones (shown, never raised)
    ended: bool = False  # the séance ended (or the phones were stopped)


def check_address(url: str, own: Callable[[], list[str]] | None = None) -> None:
    """Only this computer's server: the loopback or one of its own addresses (RehearsalError)."""
    host = urlsplit(url).hostname or ""
    try:
        if host == "localhost" or ipaddress.ip_address(host).is_loopback:
            return
    except ValueError:
        pass
    if own is None:
        from app.system.network import local_addresses

        own = local_addresses
    if host not in own():
        raise RehearsalError(
            "Les téléphones simulés ne parlent qu'au serveur de cet ordinateur (adresse « {host} » refusée).",
            host=host,
        )


class Rehearsal:
    """`phones` simulated phones against the server at `url` (its séance's join `code`).

    `speed` divides every delay (1: a real room's pace; tests go faster). `seed` makes the
    post-its and ballots reproducible."""

    def __init__(
        self,
        url: str,
        code: str,
        phones: int = DEFAULT_PHONES,
        *,
        speed: float = 1.0,
        max_minutes: float = MAX_MINUTES,
        seed: int | None = None,
        arrival_seconds: float = 90.0,
        on_change: Callable[[Stats], None] | None = None,
    ) -> None:
        check_address(url)
        if not 1 <= phones <= MAX_PHONES:
            raise RehearsalError(
                "Entre 1 et {MAX_PHONES} téléphones simulés.", MAX_PHONES=MAX_PHONES
            )
        if speed <= 0:
            raise RehearsalError("La vitesse de la répétition doit être positive.")
        self.url = url.rstrip("/") + "/"
        self.code = code
        self.phones = phones
        self.speed = speed
        self.max_seconds = max(0.0, min(max_minutes, MAX_MINUTES)) * 60
        self.random = random.Random(seed)
        self.arrival_seconds = arrival_seconds  # people arrive over this time, not all at once
        self.on_change = on_change
        self.stats = Stats()
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._stopping = False

    # -- control (any thread) ----------------------------------------------------------------
    def start(self) -> Rehearsal:
        self._thread = threading.Thread(target=self._run, name="atelier-rehearsal", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the phones and wait for them (idempotent)."""
        self._stopping = True
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop has just closed
                loop.call_soon_threadsafe(stop.set)
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait_for(self, predicate: Callable[[Stats], bool], timeout: float) -> bool:
        """Wait until `predicate(stats)` holds (True) or `timeout` seconds pass (False)."""
        with self._changed:
            return self._changed.wait_for(lambda: predicate(self.stats), timeout)

    # -- the phones (their thread) -----------------------------------------------------------
    def _count(self, **add: Any) -> None:
        with self._changed:
            fields = {k: (v if isinstance(v, bool) else getattr(self.stats, k) + v)
                      for k, v in add.items()}  # fmt: skip
            self.stats = replace(self.stats, **fields)
            stats = self.stats
            self._changed.notify_all()
        if self.on_change is not None:
            self.on_change(stats)

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._main())
        finally:
            self._count(ended=True)
            loop.close()

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        if self._stopping:
            return
        limits = httpx.Limits(max_connections=min(self.phones, 50))
        async with httpx.AsyncClient(base_url=self.url, timeout=10, limits=limits) as client:
            phones = [
                asyncio.create_task(_Phone(self, client, n).run()) for n in range(self.phones)
            ]
            stopped = asyncio.create_task(self._stop.wait())
            everyone: asyncio.Future[Any] = asyncio.gather(*phones)
            await asyncio.wait(
                [stopped, everyone],
                timeout=self.max_seconds,
                return_when=asyncio.FIRST_COMPLETED,
            )
            self._stop.set()
            for task in phones:
                task.cancel()
            await asyncio.gather(*phones, stopped, return_exceptions=True)

    async def pause(self, seconds: float) -> bool:
        """Wait `seconds` (divided by the speed); False when the phones must stop."""
        assert self._stop is not None
        try:
            await asyncio.wait_for(self._stop.wait(), seconds / self.speed)
        except TimeoutError:
            return True
        return False


class _Ended(Exception):
    """The séance ended: this phone stops."""


class _Phone:
    def __init__(self, rehearsal: Rehearsal, client: httpx.AsyncClient, number: int) -> None:
        self.r = rehearsal
        self.client = client
        self.random = random.Random(rehearsal.random.random())
        self.name = f"{FIRST_NAMES[number % len(FIRST_NAMES)]} {number + 1}"
        self.token = ""
        self.voted: set[int] = set()  # the rounds this phone has finished
        self.failures = 0  # network errors in a row

    async def request(self, method: str, path: str, **kw: Any) -> httpx.Response | None:
        """One request; None after a network error (the phone tries again later)."""
        if self.token:
            kw.setdefault("headers", {})["Authorization"] = f"Bearer {self.token}"
        try:
            answer = await self.client.request(method, path, **kw)
        except httpx.HTTPError:
            self.r._count(errors=1)
            self.failures += 1
            if self.failures >= GIVE_UP_AFTER:
                raise _Ended from None
            return None
        self.failures = 0
        if answer.status_code == 409:
            body = _json(answer)
            if body.get("code") == "seance_fermee" and body.get("seance") == "ended":
                raise _Ended
        return answer

    async def run(self) -> None:
        try:
            if not await self.r.pause(self.random.uniform(0, self.r.arrival_seconds)):
                return
            if not await self.join():
                return
            await self.live()
        except _Ended:
            return

    async def join(self) -> bool:
        key = secrets.token_hex(16)  # the same key on every retry: one participant
        body = {
            "code": self.r.code,
            "name": self.name,
            "organisation": self.random.choice(ORGANISATIONS),
            "category": self.random.choice(CATEGORIES),
            "consent_named": self.random.random() < 0.7,
            "key": key,
        }
        while True:
            answer = await self.request("POST", "/api/join", json=body)
            if answer is not None and answer.status_code == 201:
                self.token = str(_json(answer).get("token", ""))
                self.r._count(joined=1)
                return True
            if answer is not None and answer.status_code not in (409, 429, 503):
                self.r._count(errors=1)  # a wrong code: nothing more to do
                return False
            if not await self.r.pause(5):  # the séance not open yet, or busy: again later
                return False

    async def live(self) -> None:
        next_note = self.random.expovariate(NOTES_PER_MINUTE / 60)
        while True:
            tick = POLL_SECONDS * self.random.uniform(0.7, 1.3)
            if not await self.r.pause(tick):
                return
            vote = await self.current_vote()
            if vote is not None:
                await self.vote(vote)
                continue
            state = await self.request("GET", "/api/state")
            if state is None or state.status_code != 200:
                continue
            if not _writing(_json(state)):
                continue
            next_note -= tick
            if next_note <= 0:
                await self.post_note()
                next_note = self.random.expovariate(NOTES_PER_MINUTE / 60)

    async def post_note(self) -> None:
        body = {"text": self.random.choice(IDEAS), "key": secrets.token_hex(16)}
        for _attempt in range(3):  # the same key again after a network error: written once
            answer = await self.request("POST", "/api/notes", json=body)
            if answer is None:
                if not await self.r.pause(2):
                    return
                continue
            if answer.status_code == 201:
                self.r._count(notes=1)
            elif answer.status_code != 429:  # 429: this one is dropped, as a person would
                self.r._count(errors=1)
            return

    async def current_vote(self) -> dict[str, Any] | None:
        answer = await self.request("GET", "/api/votes/current")
        if answer is None or answer.status_code != 200:
            return None
        body = _json(answer)
        round_ = body.get("round")
        if not isinstance(round_, dict) or not round_.get("is_open"):
            return None
        if body.get("done") or round_.get("id") in self.voted:
            return None
        return round_

    async def vote(self, round_: dict[str, Any]) -> None:
        # a moment to read the choices, then the whole ballot and "J'ai fini"
        if not await self.r.pause(self.random.uniform(3, 20)):
            return
        round_id = int(round_["id"])
        choices = ballot(round_, self.random)
        body = {"key": secrets.token_hex(16), "choices": choices}
        answer = await self.request("POST", f"/api/votes/{round_id}/ballot", json=body)
        if answer is None:
            return  # tried again at the next look
        self.voted.add(round_id)
        if answer.status_code != 200:
            self.r._count(errors=1)  # closed meanwhile, or a kind it cannot fill
            return
        self.r._count(ballots=1)
        await self.request("POST", f"/api/votes/{round_id}/done", json={"done": True})


def _json(answer: httpx.Response) -> dict[str, Any]:
    try:
        body = answer.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _writing(state: dict[str, Any]) -> bool:
    """Whether people write now: a phase of work (not a break) while the timer runs."""
    phase, timer = state.get("phase"), state.get("timer")
    if not isinstance(phase, dict) or phase.get("is_break"):
        return False
    return isinstance(timer, dict) and timer.get("state") == "running"


def ballot(round_: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A plausible whole ballot for the round as a phone sees it (`RoundOut`)."""
    items = [i for i in round_.get("items", []) if isinstance(i, dict)]
    kind = round_.get("kind")
    keys = [str(i["key"]) for i in items]
    if kind == "dots":
        barred = round_.get("own_allowed") is False  # its own post-its, when the round says so
        allowed = [str(i["key"]) for i in items if not (barred and i.get("own"))]
        dots, cap = int(round_.get("dots") or 0), int(round_.get("cap") or 1)
        choices: dict[str, Any] = {}
        for _ in range(dots):
            free = [k for k in allowed if choices.get(k, 0) < cap]
            if not free:
                break
            pick = rng.choice(free)
            choices[pick] = choices.get(pick, 0) + 1
        return choices
    if kind == "points":
        budget = int(round_.get("budget") or 0)
        points: dict[str, Any] = {}
        for _ in range(budget // 5):
            if keys:
                pick = rng.choice(keys)
                points[pick] = points.get(pick, 0) + 5
        return points
    if kind == "majority":
        grades = len(round_.get("grades") or [])
        return {k: rng.randrange(grades) for k in keys} if grades else {}
    if kind == "criteria":
        crits = [str(c["key"]) for c in round_.get("criteria") or [] if isinstance(c, dict)]
        return {k: {c: rng.randint(1, 5) for c in crits} for k in keys}
    return {}
