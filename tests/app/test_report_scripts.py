"""Every script prints: a character DejaVu lacks is set in the first font of the fallback chain
that has it (Symbola, Noto for the scripts of India and Southeast Asia, Ethiopic, Adlam, Thaana,
Droid Sans Fallback for CJK and full-width forms, Nanum for Hangul), never as an empty box, and
the PDF's text gives it back (pdftotext)."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from reportlab.pdfbase.ttfonts import TTFont
from sqlalchemy.orm import Session

from app.domain.text import clean
from app.ops.base import Context
from app.ops.report_data import report_data
from app.ops.workshops import create_workshop
from app.reports.compte_rendu import build_report
from app.reports.layout import FALLBACK_CHAIN, FONT, register_fonts
from app.reports.text import FALLBACK_FONT, font_runs, markup
from app.resources import asset
from app.store.models import Note

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile-text.txt"  # from shared/data

# what participants may type beyond the Latin, Greek, Cyrillic, Arabic and Hebrew DejaVu has
SCRIPTS = {
    "DroidSansFallback": [
        "ＡＴＥＬＩＥＲ　ｐａｒｔｉｃｉｐａｔｉｆ　２０２６！",  # full-width Latin
        "参与式工作坊：我们一起决定下一步。",  # Chinese
        "參與式工作坊，繁體字也可以",  # traditional Chinese
        "参加型ワークショップ、ひらがなとカタカナ",  # Japanese
        "ﾊﾝｶｸｶﾀｶﾅ もある",  # half-width katakana
    ],
    "NanumGothicCoding": ["참여형 워크숍에서 함께 결정해요"],  # Korean
    "NotoSansThai": ["การประชุมเชิงปฏิบัติการแบบมีส่วนร่วม"],
    "NotoSansDevanagari": ["सहभागी कार्यशाला में स्वागत है"],  # Hindi
    "NotoSansBengali": ["অংশগ্রহণমূলক কর্মশালা"],
    "NotoSansGurmukhi": ["ਸਾਂਝੀ ਵਰਕਸ਼ਾਪ"],  # Punjabi
    "NotoSansGujarati": ["સહભાગી વર્કશોપ"],
    "NotoSansOriya": ["ସହଭାଗୀ କର୍ମଶାଳା"],
    "NotoSansTamil": ["பங்கேற்பு பட்டறை"],
    "NotoSansTelugu": ["భాగస్వామ్య కార్యశాల"],
    "NotoSansKannada": ["ಭಾಗವಹಿಸುವ ಕಾರ್ಯಾಗಾರ"],
    "NotoSansMalayalam": ["പങ്കാളിത്ത ശില്പശാല"],
    "NotoSansSinhala": ["සහභාගීත්ව වැඩමුළුව"],
    "NotoSansMyanmar": ["ပူးပေါင်းပါဝင်သော အလုပ်ရုံ"],  # Burmese
    "NotoSansKhmer": ["សិក្ខាសាលាចូលរួម"],
    "NotoSansEthiopic": ["አሳታፊ ወርክሾፕ እንኳን ደህና መጡ"],  # Amharic
    "NotoSansAdlam": ["𞤀𞤣𞤤𞤢𞤥 𞤆𞤵𞤤𞤢𞤪"],  # Fula in Adlam (right to left)
    "NotoSansThaana": ["ދިވެހި ބަސް"],  # Dhivehi (right to left)
}


def hostile_lines() -> list[str]:
    """Every case of hostile-text.txt as a post-it takes it (the '\\n' written as text kept as
    the two characters: each case is one line), blank ones left out (refused)."""
    lines = HOSTILE.read_text(encoding="utf-8").split("\n")
    return [line for line in lines if not line.startswith("#") and line.strip()]


def all_cases() -> list[str]:
    return hostile_lines() + [text for texts in SCRIPTS.values() for text in texts]


def visible(text: str) -> str:
    """The characters that must print: no white space, nothing the cleaner removes (controls,
    bidi overrides) and no format character (zero-width joiners, marks), which draw nothing."""
    return "".join(
        ch
        for ch in clean(text)
        if not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf")
    )


def right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-raw", str(path), "-"],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout  # fmt: skip


def test_each_character_goes_to_the_first_font_that_has_it() -> None:
    register_fonts()
    assert font_runs("Atelier à vélo") == [(None, "Atelier à vélo")]  # DejaVu has it all
    assert font_runs("vélo 🚲!") == [(None, "vélo "), (FALLBACK_FONT, "🚲"), (None, "!")]
    assert font_runs("Ｗｉ-Ｆｉ 漢字") == [
        ("DroidSansFallback", "Ｗｉ"),
        (None, "-"),
        ("DroidSansFallback", "Ｆｉ"),
        (None, " "),
        ("DroidSansFallback", "漢字"),
    ]
    assert font_runs("한국어") == [("NanumGothicCoding", "한국어")]
    assert font_runs("हिन्दी") == [("NotoSansDevanagari", "हिन्दी")]
    assert font_runs("ⵜⴰⵎⴰⵣⵉⵖⵜ") == [(None, "ⵜⴰⵎⴰⵣⵉⵖⵜ")]  # Tifinagh: DejaVu has it
    # participant text is data: the runs are escaped, the fonts' names are ours
    assert (
        markup("<b>漢</b>&") == '&lt;b&gt;<font name="DroidSansFallback">漢</font>&lt;/b&gt;&amp;'
    )


def test_no_character_of_what_participants_type_is_left_without_a_glyph() -> None:
    """No box: every visible character of the cases is in the cmap of the font its run is set
    in (each font file read here again, apart from the documents' own registry)."""
    register_fonts()
    files = {FONT: asset("fonts", "DejaVuSans.ttf"), FALLBACK_FONT: asset("fonts", "Symbola.ttf")}
    files |= {name: asset("fonts", "fallback", file) for name, file in FALLBACK_CHAIN}
    cmaps = {
        name: set(TTFont(f"check-{name}", str(path)).face.charToGlyph)
        for name, path in files.items()
    }
    for case in all_cases():
        for name, run in font_runs(clean(case)):
            for ch in visible(run):
                assert ord(ch) in cmaps[name or FONT], (case, ch, f"U+{ord(ch):04X}", name)
    for name, texts in SCRIPTS.items():  # each sample is set in the font meant for its script
        for text in texts:
            used = {font for font, run in font_runs(text) if visible(run)}
            assert name in used, (text, used)


def test_a_report_prints_every_line_in_every_script(ctx: Context, tmp_path: Path) -> None:
    wid = create_workshop(ctx, format_key="3h", title="Toutes les écritures 漢字").workshop_id
    assert wid is not None
    cases = all_cases()

    def notes(session: Session) -> None:  # as stored (a phone takes 280 characters at most)
        for n, case in enumerate(cases):
            session.add(Note(workshop_id=wid, text=case, x=n * 200.0, y=0.0, created_at=n))

    ctx.db.write(notes)
    out = tmp_path / "ecritures.pdf"
    build_report(report_data(ctx, wid), out)

    printed = pdf_text(out)
    flat = "".join(ch for ch in printed if not ch.isspace() and unicodedata.category(ch) != "Cf")
    bare = "".join(ch for ch in flat if unicodedata.category(ch) != "Mn")
    for case in cases:
        expected = visible(case)
        if right_to_left(case):
            # pdftotext gives a right-to-left word's letters in either order, and moves the
            # vowel marks (Thaana): each word's letters, then every mark, somewhere
            for word in (visible(word) for word in case.split()):
                letters = "".join(ch for ch in word if unicodedata.category(ch) != "Mn")
                assert letters in bare or letters[::-1] in bare, (case, word)
            assert not Counter(ch for ch in expected if ch not in bare) - Counter(flat), case
        else:
            assert expected in flat, repr(case)

    fonts = subprocess.run(
        ["pdffonts", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    for name in SCRIPTS:  # each fallback font used is embedded (as a subset), never referenced
        rows = [row for row in fonts if re.search(rf"\+{name}\b", row)]
        assert rows, (name, fonts)
        assert all(row.split()[-5] == "yes" for row in rows), rows
    assert not [row for row in fonts[2:] if row.split()[-5] != "yes"], fonts


def test_chart_labels_take_the_fallback_fonts_too() -> None:
    """A vote's bar chart and merit profiles label their bars with post-its' text."""
    from reportlab.graphics.shapes import Group, String

    from app.reports.layout import bar_chart, profile_chart

    def fonts(node: Any) -> dict[str, str]:
        found: dict[str, str] = {}
        for child in getattr(node, "contents", []):
            if isinstance(child, String):
                found[child.text] = child.fontName
            elif isinstance(child, Group):
                found |= fonts(child)
        return found

    for drawing in (
        bar_chart([("Navette 漢字 🚲", 3.0), ("सहभागी", 1.0)]),
        profile_chart([("Navette 漢字 🚲", [1, 2, 3, 0, 0, 1, 1])], ["a"] * 7),
    ):
        used = fonts(drawing)
        assert used["漢字"] == "DroidSansFallback" and used["🚲"] == FALLBACK_FONT, used
        assert used["Navette "] == FONT
