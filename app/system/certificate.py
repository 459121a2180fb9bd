"""The host's TLS certificate for co-facilitation: self-signed, made once, kept next to the base.

Co-facilitator laptops talk to the host over TLS (`app.server.runner` serves the co-facilitation
routes on a port of their own). No authority can vouch for a laptop on a venue's Wi-Fi, so the
certificate is self-signed and the pairing code vouches for it instead: the pairing exchange
binds its fingerprint (`app.domain.pairing`), and the laptop pins it afterwards.

The key and certificate are written readable by the user only (0600) and reused across runs,
so a laptop paired yesterday still recognises the host today. A file that is unreadable or
not a certificate and its key is replaced by a new pair (the laptops then pair again).
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import os
import ssl
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)
CERT_FILE = "cofac-cert.pem"
KEY_FILE = "cofac-key.pem"
VALID_DAYS = 3650  # pinned, not trusted through a date: a long life spares needless re-pairing


@dataclass(frozen=True, slots=True)
class Certificate:
    cert_path: Path
    key_path: Path
    pem: str  # the certificate (public), as laptops pin it

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.pem)


def fingerprint(pem: str) -> str:
    """The SHA-256 of a certificate's DER form, in hex (what pairing binds and laptops pin)."""
    return hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest()


def _write_private(path: Path, data: bytes) -> None:
    """Write `data` to `path`, readable and writable by the user only (from its creation)."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
    os.chmod(path, 0o600)


def _make(cert_path: Path, key_path: Path) -> None:
    # `cryptography` is imported only when a certificate is made or read (not at start-up)
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Atelier co-animation")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=VALID_DAYS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(key, hashes.SHA256())
    )
    _write_private(
        key_path,
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
    )
    _write_private(cert_path, cert.public_bytes(serialization.Encoding.PEM))


def _usable(cert_path: Path, key_path: Path) -> str | None:
    """The certificate's PEM if both files are there and go together, else None."""
    try:
        pem = cert_path.read_text(encoding="ascii")
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert_path, key_path)  # fails if they do not match
        fingerprint(pem)
    except (OSError, ValueError, ssl.SSLError):
        return None
    return pem


def host_certificate(folder: Path) -> Certificate:
    """This host's certificate and key in `folder` (made the first time, 0600, then reused)."""
    cert_path, key_path = folder / CERT_FILE, folder / KEY_FILE
    pem = _usable(cert_path, key_path)
    if pem is None:
        folder.mkdir(parents=True, exist_ok=True)
        log.info("making the co-facilitation certificate in %s", folder)
        _make(cert_path, key_path)
        pem = cert_path.read_text(encoding="ascii")
    return Certificate(cert_path, key_path, pem)


def server_context(certificate: Certificate) -> ssl.SSLContext:
    """What the host's TLS listener serves: TLS 1.2 at least, its certificate."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(certificate.cert_path, certificate.key_path)
    return context


def pinned_context(pem: str) -> ssl.SSLContext:
    """A client context that accepts only the server holding the key of certificate `pem`
    (the pinned one is the only trust anchor; no name to check: it is an address on a LAN)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = False
    context.verify_mode = ssl.CERT_REQUIRED
    context.load_verify_locations(cadata=pem)
    return context


def peer_certificate(host: str, port: int, timeout: float) -> str:
    """The certificate a TLS server presents (PEM), unverified: pairing then checks it through
    the code, and every later request is pinned to it (`pinned_context`)."""
    import socket

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with (
        socket.create_connection((host, port), timeout=timeout) as raw,
        context.wrap_socket(raw) as tls,
    ):
        der = tls.getpeercert(binary_form=True)
    if not der:
        raise ssl.SSLError("no certificate")
    return ssl.DER_cert_to_PEM_cert(der)
