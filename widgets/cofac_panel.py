"""The lead's co-animation panel: the pairing code in big type, the laptops joined, their roles.

A window of its own (not modal: the séance goes on behind it). It shows what the runner gives
it and says what the lead asked for through intent signals.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from widgets.core_text import time_text
from widgets.text import QT_TRANSLATE_NOOP, plain_label
from widgets.theme import FONT_FAMILY

# the core's roles (app.ops.cofac.ROLES), as the window names them
ROLE_LABELS = {
    "coanimateur": QT_TRANSLATE_NOOP("CofacPanel", "Co-animateur·rice"),
    "copilote": QT_TRANSLATE_NOOP("CofacPanel", "Co-pilote (décisions déléguées)"),
    "gardien": QT_TRANSLATE_NOOP("CofacPanel", "Gardien·ne du temps"),
    "scribe": QT_TRANSLATE_NOOP("CofacPanel", "Scribe"),
    "observateur": QT_TRANSLATE_NOOP("CofacPanel", "Observateur·rice"),
}


def spaced_code(code: str) -> str:
    """'482913' → '482 913': six digits read aloud in two groups."""
    return f"{code[:3]}\u2009{code[3:]}" if len(code) == 6 else code


class CofacPanel(QDialog):
    role_requested = Signal(int, str)  # laptop id, role key
    revoke_requested = Signal(int, str)  # laptop id, its name
    approve_requested = Signal(int)  # laptop id: let a newly paired laptop in
    new_code_requested = Signal()  # another pairing code (the current one stops working)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Co-animation"))
        self.setModal(False)
        self.resize(760, 560)
        heading = plain_label(self.tr("Co-animer depuis un deuxième ordinateur"))
        heading.setObjectName("sectionTitle")
        how = plain_label(
            self.tr(
                "Sur l'autre ordinateur (même réseau Wi-Fi) : Fichier → « Rejoindre une "
                "séance… », choisir cette séance, puis taper ce code :"
            )
        )
        how.setWordWrap(True)
        self.code = plain_label("—")
        self.code.setObjectName("cofacCode")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = QFont(FONT_FAMILY)
        big.setPixelSize(84)
        big.setBold(True)
        big.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 6)
        self.code.setFont(big)
        self.address = plain_label()
        self.address.setObjectName("muted")
        self.address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        laptops_title = plain_label(self.tr("Ordinateurs appairés"))
        laptops_title.setObjectName("sectionTitle")
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Nom"), self.tr("Rôle"), self.tr("État"), ""])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.empty = plain_label(
            self.tr("Aucun ordinateur n'a encore rejoint la séance. Un nouvel ordinateur ne reçoit "
                    "rien tant que vous ne l'avez pas accepté ici ; il arrive en "
                    "observateur·rice : choisissez ici son rôle.")
        )  # fmt: skip
        self.empty.setObjectName("muted")
        self.empty.setWordWrap(True)
        roles = plain_label(
            self.tr(
                "Co-animateur·rice : tout, sauf terminer la séance · Gardien·ne du temps : le "
                "minuteur · Scribe : les post-its et les groupes · Observateur·rice : lecture seule"
            )
        )
        roles.setObjectName("muted")
        roles.setWordWrap(True)
        close = QPushButton(self.tr("Fermer"))
        close.clicked.connect(self.close)
        self.new_code_button = QPushButton(self.tr("Nouveau code"))
        self.new_code_button.setToolTip(
            self.tr("Remplacer le code d'appairage : l'actuel ne sert plus à personne")
        )
        self.new_code_button.clicked.connect(lambda _checked=False: self.new_code_requested.emit())
        bottom = QHBoxLayout()
        bottom.addWidget(self.new_code_button)
        bottom.addStretch(1)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(how)
        layout.addWidget(self.code)
        layout.addWidget(self.address)
        layout.addSpacing(12)
        layout.addWidget(laptops_title)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(roles)
        layout.addLayout(bottom)
        self._shown: list[int] = []
        self.set_laptops([], [])

    def set_code(self, code: str, address: str = "", suspended: bool = False) -> None:
        """The pairing code ("" when no séance server runs) and the address to type by hand;
        `suspended`: too many wrong codes retired it (a new one is needed)."""
        self.code.setText(spaced_code(code) if code else "—")
        self.code.setToolTip(code)
        self.new_code_button.setEnabled(bool(code))
        if code and suspended:
            self.address.setText(
                self.tr("Trop de codes erronés ont été essayés : ce code ne sert plus. Cliquez sur "
                        "« Nouveau code » pour appairer un ordinateur.")
            )  # fmt: skip
        elif not code:
            self.address.setText(
                self.tr("Le serveur de la séance ne tourne pas : pas de co-animation possible.")
            )
        elif address:
            self.address.setText(
                self.tr("Si la séance n'apparaît pas dans la liste, taper l'adresse : {address}")
                .format(address=address)
            )  # fmt: skip
        else:
            self.address.setText("")

    def set_laptops(self, laptops: list[tuple[Any, Any]], roles: list[str]) -> None:
        """(`CoFacInfo`, `Presence` or None) for each laptop; `roles`: the core's role keys.

        The same laptops as shown: their role and state change in place (a list the lead is
        using is not rebuilt under her mouse each time someone connects)."""
        ids = [info.id for info, _presence in laptops]
        if ids and ids == self._shown and self.table.rowCount() == len(ids):
            for row, (info, presence) in enumerate(laptops):
                self._update_row(row, info, presence)
            return
        self._shown = ids
        self.table.setRowCount(len(laptops))
        for row, (info, presence) in enumerate(laptops):
            name = QTableWidgetItem(info.name)  # plain text: a table item never reads markup
            name.setData(Qt.ItemDataRole.UserRole, info.id)
            self.table.setItem(row, 0, name)
            combo = QComboBox()
            combo.setObjectName("cofacRole")
            for key in roles:
                combo.addItem(self.tr(ROLE_LABELS.get(key, key)), key)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.activated.connect(
                lambda index, c=combo, i=info.id: self.role_requested.emit(i, c.itemData(index))
            )
            self.table.setCellWidget(row, 1, combo)
            self.table.setItem(row, 2, QTableWidgetItem())
            accept = QPushButton(self.tr("Accepter"))
            accept.setObjectName("cofacAccept")
            accept.setToolTip(
                self.tr("Cet ordinateur a tapé le code : lui donner accès à la séance")
            )
            accept.clicked.connect(lambda _checked=False, i=info.id: self.approve_requested.emit(i))
            revoke = QPushButton(self.tr("Révoquer…"))
            revoke.setObjectName("danger")
            revoke.setToolTip(
                self.tr("Déconnecter cet ordinateur : il ne pourra plus ni lire ni agir")
            )
            revoke.clicked.connect(
                lambda _checked=False, i=info.id, n=info.name: self.revoke_requested.emit(i, n)
            )
            buttons = QWidget()
            line = QHBoxLayout(buttons)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(accept)
            line.addWidget(revoke)
            self.table.setCellWidget(row, 3, buttons)
            self._update_row(row, info, presence)
        if laptops:  # cell widgets are not measured by ResizeToContents
            for column in (1, 3):
                widest = max(self.table.cellWidget(r, column).sizeHint().width()
                             for r in range(len(laptops)))  # fmt: skip
                self.table.setColumnWidth(column, widest + 12)
        self.empty.setVisible(not laptops)
        self.table.setVisible(bool(laptops))

    def _update_row(self, row: int, info: Any, presence: Any) -> None:
        combo = self.role_combo(row)
        combo.blockSignals(True)
        combo.setCurrentIndex(max(0, combo.findData(info.role)))
        combo.blockSignals(False)
        approved = bool(getattr(info, "approved", True))
        self.accept_button(row).setVisible(not approved)
        state = self.table.item(row, 2)
        assert state is not None
        state.setText(self._state(presence) if approved else self.tr("En attente d'accord"))
        state.setForeground(
            Qt.GlobalColor.darkGreen if presence and presence.online else Qt.GlobalColor.gray
        )

    def _state(self, presence: Any) -> str:
        if presence is None:
            return self.tr("Pas encore connecté")
        if presence.online:
            return self.tr("● En ligne")
        moment = datetime.fromtimestamp(presence.last_seen)
        return self.tr("Vu à {time}").format(time=time_text(moment.hour * 60 + moment.minute))

    def row_of(self, laptop_id: int) -> int:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == laptop_id:
                return row
        return -1

    def role_combo(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, 1)
        assert isinstance(widget, QComboBox)
        return widget

    def revoke_button(self, row: int) -> QPushButton:
        widget = self.table.cellWidget(row, 3).findChild(QPushButton, "danger")
        assert isinstance(widget, QPushButton)
        return widget

    def accept_button(self, row: int) -> QPushButton:
        widget = self.table.cellWidget(row, 3).findChild(QPushButton, "cofacAccept")
        assert isinstance(widget, QPushButton)
        return widget
