"""The method library and the formats, loaded from TOML files and validated.

A broken file never stops the app: it is left out, and its problem (file, line,
what is wrong) is kept in `Library.problems` for the window and the log.
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from app.errors import FormatFileError, os_reason
from app.resources import formats_dir

log = logging.getLogger(__name__)

BRIQUES: dict[str, str] = {
    "inspiration": "Inspiration",
    "centre-usager": "Méthodes centrées usagers",
    "ideation": "Idéation",
    "co-creation": "Co-création",
    "visualisation": "Visualisation",
    "narration": "Narration",
    "prototypage": "Prototypage et test",
    "documentation": "Documentation",
    "mise-en-oeuvre": "Mise en œuvre",
}
TOOLS: dict[str, str] = {"timer": "Minuteur", "postits": "Post-its", "vote": "Vote"}

Key = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]
Text = Annotated[str, Field(max_length=5000)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Method(_Strict):
    key: Key
    name: Annotated[str, Field(min_length=1, max_length=120)]
    brique: Literal[
        "inspiration",
        "centre-usager",
        "ideation",
        "co-creation",
        "visualisation",
        "narration",
        "prototypage",
        "documentation",
        "mise-en-oeuvre",
    ]
    summary: Text = ""
    duration_min: Annotated[int, Field(ge=1, le=720)]
    duration_max: Annotated[int, Field(ge=1, le=720)]
    group_min: Annotated[int, Field(ge=1, le=1000)] = 1
    group_max: Annotated[int, Field(ge=1, le=1000)] = 1000
    materials: list[Annotated[str, Field(max_length=200)]] = []
    steps: list[Text] = []
    tips: list[Text] = []
    tool: Literal["timer", "postits", "vote"] = "timer"
    board: Key | None = None  # the board template its phases start with (app/domain/board.py)
    # the same in English, shown when the window runs in English (French when left out)
    name_en: Annotated[str, Field(max_length=120)] = ""
    summary_en: Text = ""
    materials_en: list[Annotated[str, Field(max_length=200)]] = []
    steps_en: list[Text] = []
    tips_en: list[Text] = []

    @model_validator(mode="after")
    def _ranges(self) -> Method:
        if self.duration_min > self.duration_max:
            raise ValueError("duration_min dépasse duration_max")
        if self.group_min > self.group_max:
            raise ValueError("group_min dépasse group_max")
        return self

    @property
    def brique_label(self) -> str:
        return BRIQUES[self.brique]

    @property
    def default_minutes(self) -> int:
        return max(
            self.duration_min,
            min(self.duration_max, round((self.duration_min + self.duration_max) / 2 / 5) * 5),
        )


class PhaseTemplate(_Strict):
    title: Annotated[str, Field(min_length=1, max_length=200)]
    method: Key | None = None
    minutes: Annotated[int, Field(ge=1, le=720)]
    kind: Literal["work", "break"] = "work"
    instructions: Text = ""
    notes: Text = ""
    # the same in English, copied into a workshop created in English (French when left out)
    title_en: Annotated[str, Field(max_length=200)] = ""
    instructions_en: Text = ""
    notes_en: Text = ""


class BlockTemplate(_Strict):
    title: Annotated[str, Field(min_length=1, max_length=200)]
    title_en: Annotated[str, Field(max_length=200)] = ""
    week: Annotated[int, Field(ge=1, le=104)] | None = None
    phases: list[PhaseTemplate] = []


class MilestoneTemplate(_Strict):
    title: Annotated[str, Field(min_length=1, max_length=200)]
    title_en: Annotated[str, Field(max_length=200)] = ""
    week: Annotated[int, Field(ge=1, le=104)]


class Format(_Strict):
    key: Key
    name: Annotated[str, Field(min_length=1, max_length=120)]
    tagline: Text = ""
    description: Text = ""
    # the same in English, shown when the window runs in English (French when left out)
    name_en: Annotated[str, Field(max_length=120)] = ""
    tagline_en: Text = ""
    description_en: Text = ""
    block_label: Annotated[str, Field(min_length=1, max_length=40)] = "Séance"
    block_label_en: Annotated[str, Field(max_length=40)] = ""
    block_minutes: Annotated[int, Field(ge=1, le=24 * 60)]
    blocks: Annotated[list[BlockTemplate], Field(min_length=1)]
    milestones: list[MilestoneTemplate] = []
    custom: bool = False  # saved by a facilitator, not shipped

    @property
    def is_programme(self) -> bool:
        return bool(self.milestones) or any(b.week for b in self.blocks)


class _MethodFile(_Strict):
    method: list[Method]


@dataclass
class Library:
    methods: dict[str, Method] = field(default_factory=dict)
    formats: dict[str, Format] = field(default_factory=dict)
    problems: list[FormatFileError] = field(default_factory=list)

    def method(self, key: str | None) -> Method | None:
        return self.methods.get(key) if key else None

    def format(self, key: str) -> Format | None:
        return self.formats.get(key)

    def format_name(self, key: str) -> str:
        fmt = self.formats.get(key)
        return fmt.name if fmt else key


def _line_of(text: str, loc: tuple[Any, ...]) -> int | None:
    """Best effort: the line of the table or key a pydantic error location points at."""
    lines = text.splitlines()
    pos = 0
    table_path: list[str] = []
    for part in loc:
        if isinstance(part, str):
            table_path.append(part)
            # the n-th [[a.b]] header or the `key =` line after pos
            key_re = re.compile(rf"^\s*{re.escape(part)}\s*=")
            for i in range(pos, len(lines)):
                if key_re.match(lines[i]):
                    pos = i
                    break
        elif isinstance(part, int):
            header = re.compile(rf"^\s*\[\[\s*{re.escape('.'.join(table_path))}\s*\]\]")
            seen = -1
            for i in range(pos, len(lines)):
                if header.match(lines[i]):
                    seen += 1
                    if seen == part:
                        pos = i
                        break
    return pos + 1 if lines else None


def _load_toml(path: Path) -> tuple[str, dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise FormatFileError(str(path), None, "le fichier n'est pas en UTF-8") from None
    except OSError as exc:
        raise FormatFileError(
            str(path), None, "lecture impossible ({reason})", reason=os_reason(exc)
        ) from None
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        if line is None:
            m = re.search(r"line (\d+)", str(exc))
            line = int(m.group(1)) if m else None
        msg = getattr(exc, "msg", str(exc))
        raise FormatFileError(str(path), line, "syntaxe TOML invalide ({msg})", msg=msg) from None


def _validation_problem(path: Path, text: str, exc: ValidationError) -> FormatFileError:
    err = exc.errors()[0]
    loc = tuple(err["loc"])
    field_path = ".".join(str(p) for p in loc) or "(racine)"
    return FormatFileError(
        str(path),
        _line_of(text, loc),
        "{field_path} : {err}",
        field_path=field_path,
        err=err["msg"],
    )


def load_methods(path: Path) -> dict[str, Method]:
    text, data = _load_toml(path)
    try:
        parsed = _MethodFile.model_validate(data)
    except ValidationError as exc:
        raise _validation_problem(path, text, exc) from None
    methods: dict[str, Method] = {}
    for index, method in enumerate(parsed.method):
        if method.key in methods:
            raise FormatFileError(
                str(path),
                _line_of(text, ("method", index)),
                "clé « {key} » en double",
                key=method.key,
            )
        methods[method.key] = method
    return methods


def load_format(path: Path, methods: dict[str, Method]) -> Format:
    text, data = _load_toml(path)
    try:
        fmt = Format.model_validate(data)
    except ValidationError as exc:
        raise _validation_problem(path, text, exc) from None
    for b, block in enumerate(fmt.blocks):
        for p, phase in enumerate(block.phases):
            if phase.method and phase.method not in methods:
                line = _line_of(text, ("blocks", b, "phases", p, "method"))
                raise FormatFileError(
                    str(path), line, "méthode inconnue « {method} »", method=phase.method
                )
    return fmt


def load_library(shipped: Path | None = None, custom: Path | None = None) -> Library:
    """Load the shipped methods and formats, then the facilitator's own formats."""
    shipped = shipped or formats_dir()
    lib = Library()
    method_files = sorted(shipped.glob("methods*.toml"))
    for path in method_files:
        try:
            for key, method in load_methods(path).items():
                lib.methods.setdefault(key, method)
        except FormatFileError as problem:
            log.warning("%s", problem.message)
            lib.problems.append(problem)
    format_files = [p for p in sorted(shipped.glob("*.toml")) if p not in method_files]
    custom_files = sorted(custom.glob("*.toml")) if custom and custom.is_dir() else []
    for path in format_files + custom_files:
        try:
            fmt = load_format(path, lib.methods)
        except FormatFileError as problem:
            log.warning("%s", problem.message)
            lib.problems.append(problem)
            continue
        if path in custom_files:  # hers: she may save over it (see ops/formats.py)
            fmt = fmt.model_copy(update={"custom": True})
        if fmt.key in lib.formats:
            lib.problems.append(
                FormatFileError(str(path), 1, "format « {key} » déjà défini", key=fmt.key)
            )
            continue
        lib.formats[fmt.key] = fmt
    return lib


def add_saved_formats(lib: Library, saved: Iterable[tuple[str, dict[str, Any]]]) -> None:
    """Add the formats facilitators saved in the base ((key, the Format as JSON)), marked as
    theirs; one stored in the base replaces a file of the same key in the custom folder. A
    row that no longer reads (a method gone from the library) is reported, not loaded."""
    for key, data in saved:
        where = f"base : format « {key} »"
        try:
            fmt = Format.model_validate(data).model_copy(update={"custom": True})
        except ValidationError as exc:
            err = exc.errors()[0]
            field_path = ".".join(str(p) for p in err["loc"]) or "(racine)"
            lib.problems.append(
                FormatFileError(
                    where, None, "{field_path} : {err}", field_path=field_path, err=err["msg"]
                )
            )
            continue
        unknown = [p.method for b in fmt.blocks for p in b.phases
                   if p.method and p.method not in lib.methods]  # fmt: skip
        if unknown:
            lib.problems.append(
                FormatFileError(where, None, "méthode inconnue « {unknown} »", unknown=unknown[0])
            )
            continue
        if key in lib.formats and not lib.formats[key].custom:
            lib.problems.append(
                FormatFileError(where, None, "format « {key} » déjà défini", key=key)
            )
            continue
        lib.formats[key] = fmt


def slugify(title: str) -> str:
    import unicodedata

    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return slug[:50] or "format"


def write_format(fmt: Format, folder: Path) -> Path:
    """Save a facilitator's format as TOML (atomically) and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    data = fmt.model_dump(mode="json", exclude_none=True, exclude={"custom"})
    path = folder / f"{fmt.key}.toml"
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text(tomli_w.dumps(data), encoding="utf-8")
    tmp.replace(path)
    return path
