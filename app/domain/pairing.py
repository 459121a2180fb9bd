"""Pairing a co-facilitator laptop: the 6-digit code authenticates the host's TLS certificate.

Threat model (a venue's open Wi-Fi): anyone on the network can listen, announce a fake
`_atelier._tcp` séance with the same title, answer in the host's place or relay between the
laptop and the host. The code is seen only by the people in the room. So:

- Everything goes over TLS to a self-signed certificate. The laptop reads the certificate the
  server presents, then makes every pairing request pinned to that very certificate.
- The code is never sent, nor anything from which it could be guessed offline: both sides run
  SPAKE2 (the `spake2` package, a password-authenticated key exchange) with the code as the
  password. Someone who does not know the code gets one guess per exchange, online, and a
  listener gets nothing (with 10⁶ codes, the host's lockout makes guessing hopeless).
- The shared key then proves the certificate's fingerprint: the host first
  (`HMAC(key, "host" ‖ fingerprint)`), which the laptop checks against the fingerprint *it*
  sees before it sends anything else; then the laptop (`HMAC(key, "laptop" ‖ fingerprint)`),
  which the host checks before it gives a token. A fake host does not know the code, so it
  cannot prove it (pairing fails on the laptop, which tells the person); a relay between the
  laptop and the real host presents another certificate, so the host's proof does not match
  the fingerprint the laptop sees.
- Afterwards the laptop pins the fingerprint (`app.replica_files`): any other certificate is
  refused, code or not, until it pairs again with a code.

Pure computation, no I/O: the server (`app.server.cofac`) and the client (`app.cofac_client`)
carry the messages.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac

from spake2 import SPAKE2_A, SPAKE2_B
from spake2.spake2 import SPAKEError

LAPTOP_ID, HOST_ID = b"atelier-cofac-laptop", b"atelier-cofac-host"
MAX_MESSAGE = 200  # characters of a base64 message (SPAKE2's are 33 bytes)


class ProofFailed(Exception):
    """The other side did not prove it knows the code (or saw another certificate)."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    if not isinstance(text, str) or len(text) > MAX_MESSAGE:
        raise ProofFailed("message")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ProofFailed("message") from None


def _proof(key: bytes, side: bytes, fingerprint: str) -> str:
    return _b64(hmac.new(key, side + b"|" + fingerprint.encode("ascii"), hashlib.sha256).digest())


def _password(code: str) -> bytes:
    return "".join(c for c in code if c.isdigit()).encode("ascii")


class LaptopSide:
    """The laptop's half: `message` to send, then `finish` with the host's answer."""

    def __init__(self, code: str) -> None:
        self._pake = SPAKE2_A(_password(code), idA=LAPTOP_ID, idB=HOST_ID)
        self.message = _b64(self._pake.start())

    def finish(self, host_message: str, host_proof: str, fingerprint: str) -> str:
        """The laptop's proof for the host, once the host proved it knows the code and holds
        the certificate of `fingerprint` (the one this laptop sees); else ProofFailed."""
        try:
            key = self._pake.finish(_unb64(host_message))
        except (SPAKEError, ValueError, AssertionError):
            raise ProofFailed("host message") from None
        expected = _proof(key, b"host", fingerprint)
        if not hmac.compare_digest(expected.encode(), str(host_proof).encode()):
            raise ProofFailed("host proof")
        return _proof(key, b"laptop", fingerprint)


class HostSide:
    """The host's half for one pairing request: `message` and `proof` to answer with, then
    `check` the laptop's proof."""

    def __init__(self, code: str, laptop_message: str, fingerprint: str) -> None:
        pake = SPAKE2_B(_password(code), idA=LAPTOP_ID, idB=HOST_ID)
        self.message = _b64(pake.start())
        try:
            key = pake.finish(_unb64(laptop_message))
        except (SPAKEError, ValueError, AssertionError):
            raise ProofFailed("laptop message") from None
        self.proof = _proof(key, b"host", fingerprint)
        self._expected = _proof(key, b"laptop", fingerprint)

    def check(self, laptop_proof: str) -> bool:
        return hmac.compare_digest(self._expected.encode(), str(laptop_proof).encode())
