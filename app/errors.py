"""Two kinds of errors.

`KnownError`: something the environment or the user did (a bad file, a taken port,
a full disk, a value out of range). It carries a French message for people and a
stable code for machines, and is shown as such, never as a traceback.

Anything else is a bug, reported with the log path.
"""

from __future__ import annotations

from datetime import date
from typing import Any


class Phrase(str):
    """A French sentence that knows how it was made: its `template` (a stable key, the French
    with `{placeholders}`) and its `params`, so the window can say it in another language. It
    is the French text itself for everything else (a `str`)."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, /, **params: object) -> Phrase:
        text = super().__new__(cls, template.format(**params) if params else template)
        text.template = template
        text.params = params
        return text


class DateText(str):
    """A date as a French sentence writes it ('3 juin 2026'), keeping the date itself so the
    window can write it in its own language."""

    value: date

    def __new__(cls, text: str, value: date) -> DateText:
        written = super().__new__(cls, text)
        written.value = value
        return written


def phrase(template: str, /, **params: object) -> Phrase:
    """`template` formatted with `params`, remembering both (see `Phrase`)."""
    return Phrase(template, **params)


class KnownError(Exception):
    """An expected failure with a message a facilitator can act on.

    `message` is a template, the French with `{placeholders}` filled from `params`
    (`InvalidInput("Format inconnu « {key} ».", key=key)`): the French is `self.message`; the
    template and the params let the window translate it (widgets/core_errors.py)."""

    code = "erreur"

    def __init__(self, message: str, /, *, code: str | None = None, **params: Any) -> None:
        template = message.template if isinstance(message, Phrase) and not params else message
        if isinstance(message, Phrase) and not params:
            params = dict(message.params)
        text = template.format(**params) if params else template
        super().__init__(text)
        self.message = text
        self.template = template
        self.params = params
        if code:
            self.code = code


class NotFound(KnownError):
    code = "introuvable"


class InvalidInput(KnownError):
    code = "saisie_invalide"


class DatabaseError(KnownError):
    code = "base_de_donnees"


# why phones are refused outside a séance (the server answers 409 with `seance`)
SEANCE_CLOSED = {
    "absent": "La séance n'a pas commencé. Cette page s'ouvrira d'elle-même dès son ouverture.",
    "ended": "La séance est terminée. Merci de votre participation !",
}


class SeanceNotOpen(KnownError):
    """A phone's write met a séance that is not open (ended by this or another server)."""

    code = "seance_fermee"

    def __init__(self, seance: str) -> None:
        super().__init__(SEANCE_CLOSED[seance])
        self.seance = seance


class FormatFileError(KnownError):
    code = "format_invalide"

    def __init__(self, path: str, line: int | None, problem: str, /, **params: object) -> None:
        problem_text = phrase(problem, **params) if params else problem
        if line:
            super().__init__("{path}, ligne {line} : {problem}", path=path, line=line,
                             problem=problem_text)  # fmt: skip
        else:
            super().__init__("{path} : {problem}", path=path, problem=problem_text)
        self.path = path
        self.line = line
        self.problem = str(problem_text)


_OS_ERRORS = {  # errno name → what a French sentence says in its place
    "ENOENT": "fichier ou dossier introuvable",
    "EACCES": "accès refusé",
    "EPERM": "opération non permise",
    "ENOSPC": "plus de place sur le disque",
    "EDQUOT": "quota de disque dépassé",
    "EROFS": "support en lecture seule",
    "EISDIR": "c'est un dossier",
    "ENOTDIR": "un élément du chemin n'est pas un dossier",
    "EEXIST": "existe déjà",
    "ENAMETOOLONG": "nom trop long",
    "EIO": "erreur de lecture ou d'écriture sur le support",
    "EBUSY": "ressource occupée",
}


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in French (the system's own words are English); one of
    `_OS_ERRORS` is a `Phrase` the window translates."""
    import errno

    name = errno.errorcode.get(exc.errno or -1, "")
    reason = _OS_ERRORS.get(name)
    return phrase(reason) if reason else exc.strerror or str(exc)
