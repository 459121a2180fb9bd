"""Every error message the core can raise, read from its source (`ast`): the templates given
to `KnownError` and its kinds, to the helpers that make one (`error`, `_damaged`) and to
`phrase`, and the French words passed as a message's parameters (a field's `what=`, an OS
reason). The window must have English for each (tests/widgets/test_core_errors_english.py)."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# what makes an error besides KnownError's kinds (found by `error_kinds`)
HELPERS = {"error", "_damaged", "phrase", "Phrase"}
# the command line speaks French only (`atelier …` is a French tool); the window never runs it
OUT_OF_SCOPE = {"app/cli.py"}
# sites whose message is not a literal: where the text comes from, checked by the test
PASSED_ON = {
    ("app/cofac_client.py", "message"): "the host's message (its template travels with it)",
    ("app/cofac_client.py", "str(exc)"): "httpx's own words, inside the offline message",
    ("app/cofac_client.py", "exc.message"): "another KnownError's message, already translated",
    ("app/cofac_client.py", "template"): "the host's template, checked to give its message",
    ("app/ops/feedback.py", "CLOSED_MESSAGE"): "a module constant, in MESSAGES_BY_NAME",
    ("app/server/access.py", "state"): "SeanceClosed(state): problems.CLOSED's values",
    ("app/server/access.py", "self.message"): "the rate limit's message, its default scanned",
    ("app/system/files.py", "too_big.format(name=file.name)"): "the `too_big` templates",
    ("app/ops/archive.py", "message"): "AlreadyHeld's own template, passed through",
    ("app/ops/archive.py", "detail"): "_damaged's detail: the phrases given to _damaged",
    ("app/errors.py", "message"): "KnownError itself",
    ("app/errors.py", "template"): "Phrase itself",
    ("app/errors.py", "problem"): "FormatFileError's problem: the templates given to it",
    ("app/errors.py", "reason"): "os_reason: _OS_ERRORS' values",
    ("app/server/problems.py", "CLOSED[seance]"): "problems.CLOSED's values",
    ("app/errors.py", "SEANCE_CLOSED[seance]"): "SeanceNotOpen: SEANCE_CLOSED's values",
    ("app/cofac_client.py", "str(exc) or type(exc).__name__"): "ssl's own words (offline)",
    ("app/cofac_client.py", "FAKE_HOST"): "a module constant, in messages_by_name",
    ("app/server/cofac.py", "LOCKED"): "a module constant, in messages_by_name",
    ("app/ops/archive.py", "exc.detail"): "archive_schema.Refused's phrases, scanned",
    ("app/server/cofac.py", "SUSPENDED"): "a module constant, in messages_by_name",
    ("app/server/cofac.py", "WRONG"): "a module constant, in messages_by_name",
}


@dataclass(frozen=True)
class Site:
    path: str
    line: int
    template: str
    given: frozenset[str] | None = None  # the parameters the call names (None: **params)


def _given(call: ast.Call) -> frozenset[str] | None:
    if any(k.arg is None for k in call.keywords):
        return None
    return frozenset(k.arg for k in call.keywords if k.arg)


def _message_arg(call: ast.Call, name: str) -> ast.expr | None:
    index = 2 if name == "FormatFileError" else 0
    return call.args[index] if len(call.args) > index else None


def _literals(node: ast.expr) -> list[str] | None:
    """The literal strings an expression can be (both branches of an `if`), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _literals(node.body), _literals(node.orelse)
        return body + orelse if body is not None and orelse is not None else None
    return None


def error_kinds(root: Path = ROOT) -> set[str]:
    """KnownError and every class of app/ that derives from it, by name."""
    bases: dict[str, set[str]] = {}
    for path in (root / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(
                    getattr(b, "id", getattr(b, "attr", "")) for b in node.bases
                )
    kinds = {"KnownError"}
    while grown := {name for name, of in bases.items() if of & kinds} - kinds:
        kinds |= grown
    return kinds


def scan(root: Path = ROOT) -> tuple[list[Site], list[tuple[str, int, str]], set[str]]:
    """(the templates, the sites passing a message on, the French words given as `what=`)"""
    kinds = error_kinds(root)
    calls = kinds | HELPERS
    sites: list[Site] = []
    passed: list[tuple[str, int, str]] = []
    words: set[str] = set()
    for path in sorted((root / "app").rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel in OUT_OF_SCOPE:
            continue
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        for cls in ast.walk(tree):  # an error kind's own message: super().__init__("…")
            bases = {getattr(b, "id", "") for b in getattr(cls, "bases", [])}
            if isinstance(cls, ast.ClassDef) and bases & kinds:
                for node in ast.walk(cls):
                    if (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "__init__"
                            and node.args):  # fmt: skip
                        literals = _literals(node.args[0])
                        if literals is None:
                            passed.append((rel, node.lineno, ast.unparse(node.args[0])))
                        else:
                            given = _given(node)
                            sites += [Site(rel, node.lineno, text, given) for text in literals]
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):  # def _ids(ids, what: str = "post-it")
                names = [a.arg for a in node.args.args][-len(node.args.defaults) :]
                words.update(
                    str(default.value)
                    for name, default in zip(names, node.args.defaults, strict=False)
                    if name == "what" and isinstance(default, ast.Constant)
                )
            if not isinstance(node, ast.Call):
                continue
            if (getattr(node.func, "id", "") == "parse_day" and len(node.args) > 1
                    and isinstance(node.args[1], ast.Constant)):  # fmt: skip
                words.add(str(node.args[1].value))  # parse_day(text, "de début")
            for keyword in node.keywords:  # clean_text(…, what="Titre"), _int(…, what)
                if keyword.arg == "what" and isinstance(keyword.value, ast.Constant):
                    words.add(str(keyword.value.value))
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name not in calls or name == "SeanceNotOpen":  # its argument: a key of
                continue  # SEANCE_CLOSED, whose messages are in messages_by_name
            arg = _message_arg(node, name)
            if arg is None:
                continue
            literals = _literals(arg)
            if literals is None:
                passed.append((rel, node.lineno, ast.unparse(arg)))
            else:
                sites += [Site(rel, node.lineno, text, _given(node)) for text in literals]
    return sites, passed, words


def messages_by_name() -> list[str]:
    """The messages the core passes by name (constants), and the words of its OS reasons."""
    import inspect

    from app.cofac_client import FAKE_HOST
    from app.errors import _OS_ERRORS, SEANCE_CLOSED
    from app.ops.cofac import ROLES
    from app.ops.feedback import CLOSED_MESSAGE
    from app.reports.logo import MAX_LOGO_BYTES  # noqa: F401  (the module of a too_big)
    from app.server.access import RateLimit
    from app.server.cofac import LOCKED, SUSPENDED, WRONG
    from app.server.problems import CLOSED

    rate = inspect.signature(RateLimit.__init__).parameters["message"].default
    return [
        CLOSED_MESSAGE,
        rate,
        *SEANCE_CLOSED.values(),
        FAKE_HOST,
        LOCKED,
        SUSPENDED,
        WRONG,
        *CLOSED.values(),
        *_OS_ERRORS.values(),
        *too_big_templates(),
        *ROLES.values(),  # a co-facilitator's role, named in a refusal
    ]


def too_big_templates() -> list[str]:
    """The `too_big` templates given to files.read_input (with {name})."""
    found = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "read_input":
                found += [a.value for a in node.args[3:] if isinstance(a, ast.Constant)]
                found += [k.value.value for k in node.keywords
                          if k.arg == "too_big" and isinstance(k.value, ast.Constant)]  # fmt: skip
    return found
