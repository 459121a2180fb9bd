"""Aide → « Données personnelles »: what Atelier stores about people, where on this computer
(the real paths), for how long, and how to erase it. PRIVACY.md says the same for the repo.

Plain text in a read-only view: the paths are data (a folder may hold any character), never
markup.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from widgets.controls.privacy import PrivacyFacts


class PrivacyDialog(QDialog):
    def __init__(self, facts: PrivacyFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacyDialog")
        self.setWindowTitle(self.tr("Données personnelles"))
        self.resize(760, 620)
        self.page = QPlainTextEdit()
        self.page.setReadOnly(True)
        self.page.setPlainText(self.text(facts))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(buttons)

    def text(self, facts: PrivacyFacts) -> str:
        if facts.retention_months <= 0:
            how_long = self.tr(
                "Sans limite : les ateliers gardent les noms tant que vous ne les anonymisez pas "
                "ou ne les supprimez pas (Paramètres › Durée de conservation)."
            )
        else:
            then = (
                self.tr("supprimé entièrement, sauvegardes comprises")
                if facts.retention_action == "purge"
                else self.tr("anonymisé (les noms deviennent des initiales)")
            )
            how_long = self.tr(
                "{months} mois après la date de l'atelier. Au-delà, au démarrage d'Atelier "
                "(fenêtre ou commande), l'atelier est {then}, avec un message. Réglable dans "
                "Paramètres › Durée de conservation."
            ).format(months=facts.retention_months, then=then)
        backups = facts.backups or self.tr("(PostgreSQL : les sauvegardes du serveur)")
        sections = [
            (
                self.tr("Ce qui est enregistré"),
                self.tr(
                    "• Les participants : nom, organisation, catégorie, accord pour être nommé "
                    "sur le compte-rendu, heure d'arrivée, et un jeton qui relie leur téléphone "
                    "à eux pendant la séance.\n"
                    "• Ce qu'ils écrivent : post-its, votes (un vote anonyme reste lié au "
                    "téléphone pour pouvoir changer d'avis), avis de fin de séance.\n"
                    "• Les responsables des actions et les porteurs des chantiers, les noms des "
                    "ordinateurs des co-animateurs, vos propres notes.\n"
                    "• L'historique des actions (annuler / rétablir), qui reprend ces données.\n"
                    "• Rien n'est envoyé sur Internet : tout reste sur cet ordinateur (et sur "
                    "ceux des co-animateurs pendant une séance partagée)."
                ),
            ),
            (
                self.tr("Où, sur cet ordinateur"),
                self.tr(
                    "• La base : {database}\n"
                    "• Ses sauvegardes (les 10 dernières) : {backups}\n"
                    "• Les copies des séances rejointes comme co-animateur : {replicas} "
                    "(effacées après 30 jours sans usage)\n"
                    "• Les paramètres : {settings}\n"
                    "• Les rapports d'erreur : {crashes}\n"
                    "• Le mot de passe du Wi-Fi : dans {password}.\n"
                    "Ces fichiers ne sont lisibles que par votre compte. Les documents exportés "
                    "(compte-rendu, CSV, archive) sont où vous les enregistrez."
                ).format(
                    database=facts.database,
                    backups=backups,
                    replicas=facts.replicas,
                    settings=facts.settings,
                    crashes=facts.crash_reports,
                    password=facts.password_kept_in,
                ),
            ),
            (self.tr("Combien de temps"), how_long),
            (
                self.tr("Comment effacer"),
                self.tr(
                    "• Une personne : pendant la séance, liste des présents › « Supprimer cette "
                    "personne… ». Son nom, son organisation et le lien avec son téléphone sont "
                    "effacés partout (liste, historique, sauvegardes, et ordinateurs des "
                    "co-animateurs à leur prochaine synchronisation) ; elle reste comptée, sans "
                    "nom, et ses post-its restent sans auteur. Cela ne peut pas être annulé.\n"
                    "• Un atelier entier : Fichier › « Anonymiser l'atelier… » après l'export "
                    "(les noms deviennent des initiales), ou le supprimer depuis la liste des "
                    "ateliers (ses sauvegardes le gardent jusqu'à leur renouvellement, le seul "
                    "retour possible après une erreur ; la suppression par la durée de "
                    "conservation les efface aussi).\n"
                    "• En ligne de commande : atelier anonymise <numéro> --oui."
                ),
            ),
        ]
        return "\n\n".join(f"{title}\n\n{body}" for title, body in sections)
