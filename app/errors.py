"""Two kinds of errors.

`KnownError`: something the environment or the user did (a bad file, a taken port,
a full disk, a value out of range). It carries a French message for people and a
stable code for machines, and is shown as such, never as a traceback.

Anything else is a bug, reported with the log path.
"""

from __future__ import annotations


class KnownError(Exception):
    """An expected failure with a message a facilitator can act on."""

    code = "erreur"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
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

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        where = f"{path}, ligne {line}" if line else path
        super().__init__(f"{where} : {problem}")
        self.path = path
        self.line = line
        self.problem = problem


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
    """Why a file operation failed, in French (the system's own words are English)."""
    import errno

    name = errno.errorcode.get(exc.errno or -1, "")
    return _OS_ERRORS.get(name) or exc.strerror or str(exc)
