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
                raise error(f"« {file.name} » n'est pas un fichier.")
            raise FileNotFoundError(path)
        with file.open("rb") as stream:
            data = stream.read(limit + 1)  # bounded, whatever the size says
        if len(data) > limit:
            raise error(too_big.format(name=file.name))
        return data
    except FileNotFoundError:
        raise error(f"Le fichier « {file} » est introuvable.") from None
    except IsADirectoryError:
        raise error(f"« {file.name} » est un dossier, pas une image.") from None
    except OSError as exc:
        raise error(f"« {file.name} » est illisible ({os_reason(exc)}).") from exc


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces `path`."""
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"Le dossier « {folder} » n'existe pas : choisissez un autre endroit.")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ExportError(
            f"Impossible d'écrire dans « {folder} » ({os_reason(exc)}) : "
            "choisissez un autre dossier."
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
            f"L'enregistrement de « {target.name} » a échoué ({os_reason(exc)}) : "
            "vérifiez la place disque et les droits du dossier."
        ) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
