"""The QR poster: how phones join the séance, to pin on the door when the projector is busy.

One page, A4 or A3: the séance's QR code (its address carries the join code, as on the
projector), the short address and the join code in big type for those who type, and the
Wi-Fi's QR code when the settings name a network. Drawn straight on the canvas; the QR codes
are vector squares, sharp at any size.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import qrcode
from reportlab.lib.colors import Color, white
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.domain.french import french_typography
from app.errors import InvalidInput
from app.reports.i18n import PDF_LANG, Lang, t
from app.reports.layout import (
    ACCENT,
    ACCENT_LIGHT,
    BOLD,
    FONT,
    INK,
    MUTED,
    RULE,
    draw_text,
    register_fonts,
)
from app.reports.text import one_line
from app.system.files import atomic_output
from app.system.network import wifi_payload

SIZES = {"A4": A4, "A3": A3}
QUIET_ZONE = 4  # modules of white around a QR code (the standard's margin)


@dataclass(frozen=True, slots=True)
class PosterInfo:
    title: str
    join_url: str  # the page's address, without the code: http://192.168.1.20:8765/web/
    code: str  # the séance's join code
    organisation: str = ""
    wifi_ssid: str = ""
    wifi_password: str = ""

    @property
    def qr_text(self) -> str:
        """What the séance's QR code holds: the address with its join code."""
        return f"{self.join_url}?code={self.code}"

    @property
    def short_address(self) -> str:
        """What people type: the server's root leads to the page, which asks for the code."""
        return self.join_url.removeprefix("http://").removesuffix("/web/").rstrip("/")

    @property
    def wifi_text(self) -> str:
        return wifi_payload(self.wifi_ssid, self.wifi_password) if self.wifi_ssid else ""


def _typo(text: str) -> str:
    # reportlab's canvas knows no narrow no-break space width issues: keep U+00A0
    return french_typography(text).replace("\u202f", "\u00a0")


class _Page:
    """A top-down cursor on one page, in points, scaled from the A4 layout."""

    def __init__(self, canvas: Canvas, width: float, height: float) -> None:
        self.c, self.width, self.height = canvas, width, height
        self.k = width / A4[0]  # 1 on A4, √2 on A3
        self.margin = 1.6 * cm * self.k
        self.y = height - self.margin

    def text(self, text: str, size: float, *, font: str = FONT, colour: Color = INK,
             gap: float = 0.25) -> None:  # fmt: skip
        size *= self.k
        self.y -= size
        self.c.setFillColor(colour)
        draw_text(self.c, self.width / 2, self.y, text, font, size, anchor="middle")
        self.y -= gap * cm * self.k

    def fitted(self, text: str, size: float, *, font: str = BOLD, colour: Color = INK) -> None:
        """One line, shrunk until it fits the width."""
        room = self.width - 2 * self.margin
        while size > 8 and stringWidth(text, font, size * self.k) > room:
            size -= 1
        self.text(text, size, font=font, colour=colour)

    def wrapped(self, text: str, size: float, *, lines: int, font: str = BOLD) -> None:
        room = self.width - 2 * self.margin
        split = simpleSplit(text, font, size * self.k, room) or [""]
        if len(split) > lines:
            split = split[:lines]
            last = split[-1]
            while last and stringWidth(last + "…", font, size * self.k) > room:
                last = last[:-1]
            split[-1] = last.rstrip() + "…"
        for line in split:
            self.text(line, size, font=font, gap=0.1)

    def space(self, centimetres: float) -> None:
        self.y -= centimetres * cm * self.k

    def rule(self) -> None:
        self.c.setStrokeColor(RULE)
        self.c.setLineWidth(1 * self.k)
        self.c.line(self.margin, self.y, self.width - self.margin, self.y)

    def qr(self, text: str, side_cm: float, x: float | None = None) -> tuple[float, float]:
        """A QR code `side_cm` wide (quiet zone included), centred unless `x` is given; returns
        its left and bottom."""
        code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
        code.add_data(text)
        code.make(fit=True)
        matrix = code.get_matrix()
        side = side_cm * cm * self.k
        module = side / (len(matrix) + 2 * QUIET_ZONE)
        left = (self.width - side) / 2 if x is None else x
        bottom = self.y - side
        self.c.setFillColor(white)
        self.c.rect(left, bottom, side, side, stroke=0, fill=1)
        self.c.setFillColor(INK)
        for row, cells in enumerate(matrix):
            top = self.y - (row + QUIET_ZONE) * module
            col = 0
            while col < len(cells):  # one rectangle per run of dark modules
                if not cells[col]:
                    col += 1
                    continue
                start = col
                while col < len(cells) and cells[col]:
                    col += 1
                self.c.rect(left + (start + QUIET_ZONE) * module, top - module,
                            (col - start) * module, module, stroke=0, fill=1)  # fmt: skip
        return left, bottom


def _wifi_band(page: _Page, info: PosterInfo, lang: Lang = "fr") -> None:
    """Step 1: the Wi-Fi's QR code on the left, its name and password on the right."""
    k, c = page.k, page.c
    band = 4.8 * cm * k
    top = page.y
    c.setFillColor(ACCENT_LIGHT)
    c.roundRect(page.margin, top - band, page.width - 2 * page.margin, band, 10 * k,
                stroke=0, fill=1)  # fmt: skip
    page.y = top - 0.35 * cm * k
    left, _ = page.qr(info.wifi_text, 4.1, x=page.margin + 0.35 * cm * k)
    x = left + 4.1 * cm * k + 0.6 * cm * k
    room = page.width - page.margin - 0.4 * cm * k - x
    y = top - 1.2 * cm * k
    c.setFillColor(ACCENT)
    c.setFont(BOLD, 20 * k)
    c.drawString(x, y, t("1. Rejoindre le Wi-Fi", lang))
    lines = [(t("Réseau", lang), info.wifi_ssid)]
    lines.append(
        (t("Mot de passe", lang), info.wifi_password)
        if info.wifi_password
        else ("", t("Réseau ouvert", lang))
    )
    y -= 1.0 * cm * k
    for label, value in lines:
        if label:
            c.setFont(FONT, 11 * k)
            c.setFillColor(MUTED)
            c.drawString(x, y, label)
            y -= 0.6 * cm * k
        size = 18.0
        while size > 8 and stringWidth(value, BOLD, size * k) > room:
            size -= 1
        c.setFillColor(INK)
        draw_text(c, x, y, value, BOLD, size * k)  # a network's name may hold an emoji
        y -= 0.8 * cm * k
    page.y = top - band - 0.6 * cm * k


def _code(page: _Page, code: str) -> None:
    """The join code in a box, letters spaced apart."""
    k, c = page.k, page.c
    size = 54 * k
    spacing = 0.35 * size
    widths = [stringWidth(ch, BOLD, size) for ch in code]
    total = sum(widths) + spacing * (len(code) - 1)
    box_w, box_h = total + 1.6 * cm * k, size * 1.3
    top = page.y
    c.setStrokeColor(ACCENT)
    c.setLineWidth(3 * k)
    c.roundRect((page.width - box_w) / 2, top - box_h, box_w, box_h, 12 * k, stroke=1, fill=0)
    x = (page.width - total) / 2
    c.setFont(BOLD, size)
    c.setFillColor(INK)
    for ch, w in zip(code, widths, strict=True):
        c.drawString(x, top - box_h + 0.3 * size, ch)
        x += w + spacing
    page.y = top - box_h


def build_poster(
    info: PosterInfo, path: str | os.PathLike[str], size: str = "A4", lang: Lang = "fr"
) -> None:
    """Write the poster to `path` (complete, or not at all), in `lang`."""
    if size not in SIZES:
        raise InvalidInput("Format d'affiche inconnu : A4 ou A3.")
    if not info.join_url or not info.code:
        raise InvalidInput(
            "Pas d'adresse ni de code à afficher : démarrez la séance (le code est créé à son "
            "ouverture)."
        )
    register_fonts()
    width, height = SIZES[size]
    title = one_line(info.title)
    with atomic_output(path) as temp:
        canvas = Canvas(
            str(temp), pagesize=(width, height), initialFontName=FONT, lang=PDF_LANG[lang]
        )
        canvas.setTitle(t("Affiche QR code — {title}", lang).format(title=title))
        canvas.setAuthor(one_line(info.organisation) or "Atelier")
        canvas.setSubject(t("Rejoindre l'atelier « {title} »", lang).format(title=title))
        canvas.setCreator("Atelier")
        page = _Page(canvas, width, height)
        if info.organisation.strip():
            page.text(one_line(info.organisation).upper(), 11, colour=MUTED, gap=0.2)
        page.wrapped(_typo(title), 26, lines=2)
        page.space(0.2)
        page.rule()
        page.space(0.6)
        wifi = bool(info.wifi_text)
        if wifi:
            _wifi_band(page, info, lang)
            page.text(t("2. Rejoindre l'atelier", lang), 20, font=BOLD, colour=ACCENT, gap=0.3)
        else:
            page.text(_typo(t("Rejoignez l'atelier avec votre téléphone", lang)), 22, font=BOLD,
                      colour=ACCENT, gap=0.4)  # fmt: skip
        side = 8.6 if wifi else 13.0
        page.qr(info.qr_text, side)
        page.space(side)
        page.space(0.2)
        page.text(t("Scannez ce QR code avec l'appareil photo", lang), 12, colour=MUTED, gap=0.35)
        page.text(_typo(t("ou tapez l'adresse :", lang)), 12, colour=MUTED, gap=0.3)
        page.fitted(info.short_address, 30)
        page.space(0.35)
        page.text(_typo(t("puis le code de la séance :", lang)), 12, colour=MUTED, gap=0.35)
        _code(page, info.code)
        canvas.setFont(FONT, 9.5 * page.k)
        canvas.setFillColor(MUTED)
        canvas.drawCentredString(
            width / 2,
            page.margin * 0.6,
            t(
                "Aucune application à installer, aucun compte : une page web sur le réseau de "
                "la salle.",
                lang,
            ),
        )
        canvas.showPage()
        canvas.save()
