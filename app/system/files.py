"""Files of this computer: documents written in one step, and private files.

A crash or a kill while a document is being written leaves at most a hidden `.part`
file: never a half-written PDF or CSV under the name she chose, and an older document
of that name stays whole until the new one is complete.

Everything Atelier writes holds personal data (names, post-its), so it is readable by its
user only: files 0600, the folders Atelier makes 0700 (`private_folder`, `private_file`,
`write_private_text`); on Windows the modes mean little and the user's profile protects them.
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


FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(path: str | os.PathLike[str]) -> Path:
    """Make the folder (and its missing parents) if needed; the folders made, and `path`
    itself, are readable by their user only. Raises OSError."""
    folder = Path(path)
    missing = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    for made in [folder, *missing]:
        with contextlib.suppress(OSError):  # a folder of someone else: left as it is
            os.chmod(made, FOLDER_MODE)
    return folder


def private_file(path: str | os.PathLike[str], *, create: bool = False) -> Path:
    """The file readable by its user only (made empty first if `create` and missing); a file
    that does not exist, or that this user may not change, is left alone. Raises OSError when
    creating fails."""
    file = Path(path)
    if create and not file.exists():
        os.close(os.open(file, os.O_WRONLY | os.O_CREAT, FILE_MODE))
    with contextlib.suppress(OSError):  # gone, or someone else's (a shared file): as it is
        os.chmod(file, FILE_MODE)
    return file


def write_private_text(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` to `path` in one step (a temporary file moved over it), mode 0600."""
    target = Path(path)
    private_folder(target.parent)
    tmp = target.with_name(f".{target.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    os.chmod(tmp, FILE_MODE)  # an older temporary file kept its mode
    os.replace(tmp, target)


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
        os.chmod(temp, FILE_MODE)  # names and post-its: readable by her only (mkstemp's mode)
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
