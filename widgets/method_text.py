"""The method library's words in the window's language.

A method's own text (formats/methods.toml) has optional English fields (`name_en`,
`summary_en`, `materials_en`, `steps_en`, `tips_en`), shown when the window runs in English;
French where one is left out, and always in French. The briques and tools are the core's keys
(app/library.BRIQUES, TOOLS), translated here (context "MethodText").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.library import BRIQUES, TOOLS, Method
from widgets.core_text import french
from widgets.text import QT_TRANSLATE_NOOP

CONTEXT = "MethodText"

BRIQUE_LABELS = {  # app/library.BRIQUES's keys, the same French words
    "inspiration": QT_TRANSLATE_NOOP("MethodText", "Inspiration"),
    "centre-usager": QT_TRANSLATE_NOOP("MethodText", "Méthodes centrées usagers"),
    "ideation": QT_TRANSLATE_NOOP("MethodText", "Idéation"),
    "co-creation": QT_TRANSLATE_NOOP("MethodText", "Co-création"),
    "visualisation": QT_TRANSLATE_NOOP("MethodText", "Visualisation"),
    "narration": QT_TRANSLATE_NOOP("MethodText", "Narration"),
    "prototypage": QT_TRANSLATE_NOOP("MethodText", "Prototypage et test"),
    "documentation": QT_TRANSLATE_NOOP("MethodText", "Documentation"),
    "mise-en-oeuvre": QT_TRANSLATE_NOOP("MethodText", "Mise en œuvre"),
}
TOOL_LABELS = {  # app/library.TOOLS's keys
    "timer": QT_TRANSLATE_NOOP("MethodText", "Minuteur"),
    "postits": QT_TRANSLATE_NOOP("MethodText", "Post-its"),
    "vote": QT_TRANSLATE_NOOP("MethodText", "Vote"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def brique_label(key: str) -> str:
    return _tr(BRIQUE_LABELS[key]) if key in BRIQUE_LABELS else BRIQUES.get(key, key)


def tool_label(key: str) -> str:
    return _tr(TOOL_LABELS[key]) if key in TOOL_LABELS else TOOLS.get(key, key)


def method_name(method: Method) -> str:
    return method.name_en if method.name_en and not french() else method.name


def method_summary(method: Method) -> str:
    return method.summary_en if method.summary_en and not french() else method.summary


def method_materials(method: Method) -> list[str]:
    return method.materials_en if method.materials_en and not french() else method.materials


def method_steps(method: Method) -> list[str]:
    return method.steps_en if method.steps_en and not french() else method.steps


def method_tips(method: Method) -> list[str]:
    return method.tips_en if method.tips_en and not french() else method.tips
