"""Documents are written next to their final name, then moved over it in one step.

A crash or a kill while a document is being written leaves at most a hidden `.part`
file: never a half-written PDF or CSV under the name she chose, and an older document
of that name stays whole until the new one is complete.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.errors import KnownError, os_reason


class ExportError(KnownError):
    code = "export"


def read_input(
    path: str | os.PathLike[str], limit: int, error: type[KnownError], too_big: str
) -> bytes:
    """A file she picked (a logo, a photo), read whole: `error` with a French message if it
    is missing, a folder, unreadable or heavier than `limit` bytes (`too_big`, with {name})."""
    file = Path(path)
    try:
        if file.is_dir():
            raise IsADirectoryError(path)
        if not file.is_file():  # a pipe or a device would never end (or never start)
            if file.exists():
                raise error("« {name} » n'est pas un fichier.", name=file.name)
            raise FileNotFoundError(path)
        with file.open("rb") as stream:
            data = stream.read(limit + 1)  # bounded, whatever the size says
        if len(data) > limit:
            raise error(too_big.format(name=file.name))
        return data
    except FileNotFoundError:
        raise error("Le fichier « {file} » est introuvable.", file=file) from None
    except IsADirectoryError:
        raise error("« {name} » est un dossier, pas une image.", name=file.name) from None
    except OSError as exc:
        raise error(
            "« {name} » est illisible ({reason}).", name=file.name, reason=os_reason(exc)
        ) from exc


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces `path`."""
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(
            "Le dossier « {folder} » n'existe pas : choisissez un autre endroit.", folder=folder
        )
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ExportError(
            "Impossible d'écrire dans « {folder} » ({reason}) : choisissez un autre dossier.",
            folder=folder,
            reason=os_reason(exc),
        ) from exc
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        with open(temp, "rb+") as written:
            os.fsync(written.fileno())
        os.chmod(temp, 0o644)  # mkstemp makes it private; a document is meant to be shared
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise ExportError(
            "L'enregistrement de « {name} » a échoué ({reason}) : vérifiez la place disque et les droits du dossier.",
            name=target.name,
            reason=os_reason(exc),
        ) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
