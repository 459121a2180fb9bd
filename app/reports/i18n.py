"""The documents in French or in English: the fixed words they print, and their numbers and dates.

French is the source: `t(text, lang)` returns it unchanged for "fr", and the catalogue's
English for "en". A text with `{placeholders}` is looked up before it is formatted. Participant
text (post-its, names, titles) is data and never goes through here. Under `strict()` (the
tests) an English lookup the catalogue lacks raises instead of printing French.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Literal

from app.domain.agenda import format_minutes
from app.domain.english import (
    english_clock_time,
    english_date,
    english_minutes,
    english_month,
    english_number,
    english_percent,
    english_period,
)
from app.domain.french import (
    clock_time,
    french_date,
    french_month,
    french_number,
    french_percent,
    french_period,
)

Lang = Literal["fr", "en"]
LANGS: tuple[Lang, ...] = ("fr", "en")
PDF_LANG = {"fr": "fr-FR", "en": "en-GB"}


class MissingTranslation(KeyError):
    """A document's French text the catalogue has no English for (raised under `strict`)."""


_strict = False


@contextmanager
def strict() -> Iterator[None]:
    """While inside, an English lookup that misses raises `MissingTranslation`."""
    global _strict
    before, _strict = _strict, True
    try:
        yield
    finally:
        _strict = before


def t(text: str, lang: Lang = "fr") -> str:
    """`text` (French) in `lang`."""
    if lang == "fr":
        return text
    english = CATALOGUE.get(text)
    if english is None:
        if _strict:
            raise MissingTranslation(text)
        return text
    return english


def number(value: float, lang: Lang = "fr", decimals: int = 0) -> str:
    return french_number(value, decimals) if lang == "fr" else english_number(value, decimals)


def percent(part: float, whole: float, lang: Lang = "fr") -> str:
    return french_percent(part, whole) if lang == "fr" else english_percent(part, whole)


def date_text(value: date, lang: Lang = "fr") -> str:
    return french_date(value) if lang == "fr" else english_date(value)


def time_text(minutes_since_midnight: int, lang: Lang = "fr") -> str:
    if lang == "fr":
        return clock_time(minutes_since_midnight)
    return english_clock_time(minutes_since_midnight)


def minutes_text(total: int, lang: Lang = "fr") -> str:
    """A duration: '2 h 05' in French, '2h05' in English."""
    return format_minutes(total) if lang == "fr" else english_minutes(total)


def period_text(start: date, end: date, lang: Lang = "fr") -> str:
    return french_period(start, end) if lang == "fr" else english_period(start, end)


def month_text(value: date, lang: Lang = "fr", short: bool = False) -> str:
    return french_month(value, short) if lang == "fr" else english_month(value, short)


CATALOGUE: dict[str, str] = {
    # shared
    "Terminé": "Done",
    "Préparation…": "Preparing…",
    "Mise en page…": "Laying out…",
    # the émargement
    "Feuille d'émargement": "Attendance sheet",
    "Date : ____ / ____ / ________": "Date: ____ / ____ / ________",
    "Lieu : ______________": "Venue: ______________",
    "Une personne s'est enregistrée à son arrivée. Elle signe": (
        "One person checked in on arrival and signs"
    ),
    "{n} personnes se sont enregistrées à leur arrivée. Chacune signe": (
        "{n} people checked in on arrival. Each signs"
    ),
    " en face de son nom ; les personnes arrivées sans s'enregistrer "
    "s'inscrivent sur les lignes libres.": (
        " next to their name; people who arrived without checking in write themselves "
        "on the blank lines."
    ),
    "Merci d'inscrire lisiblement vos nom, prénom et organisation, votre catégorie "
    "(agent public, acteur privé, association, citoyen ou usager), puis de signer.": (
        "Please write clearly your full name and organisation, your category (public "
        "servant, private sector, association, citizen or service user), then sign."
    ),
    "N°": "No.",
    "Nom et prénom": "Full name",
    "Organisation": "Organisation",
    "Catégorie": "Category",
    "Arrivée": "Arrival",
    "Signature": "Signature",
    "Visa de l'animation": "Facilitator's initials",
    "Nombre de présents": "Number present",
    "Agent public": "Public servant",
    "Acteur privé": "Private sector",
    "Association": "Association",
    "Citoyen, usager": "Citizen, service user",
    "Feuille d'émargement — {title}": "Attendance sheet — {title}",
    "Émargement de l'atelier « {title} »": "Attendance of the workshop “{title}”",
    # the QR poster
    "1. Rejoindre le Wi-Fi": "1. Join the Wi-Fi",
    "Réseau": "Network",
    "Mot de passe": "Password",
    "Réseau ouvert": "Open network",
    "2. Rejoindre l'atelier": "2. Join the workshop",
    "Rejoignez l'atelier avec votre téléphone": "Join the workshop with your phone",
    "Scannez ce QR code avec l'appareil photo": "Scan this QR code with your camera",
    "ou tapez l'adresse :": "or type the address:",
    "puis le code de la séance :": "then the session code:",
    "Aucune application à installer, aucun compte : une page web sur le réseau de la salle.": (
        "No app to install, no account: a web page on the room's network."
    ),
    "Affiche QR code — {title}": "QR code poster — {title}",
    "Rejoindre l'atelier « {title} »": "Join the workshop “{title}”",
    # the compte-rendu: its frame, its cover
    "Compte-rendu": "Report",
    "Compte-rendu — {title}": "Report — {title}",
    "Compte-rendu de l'atelier « {title} »": "Report of the workshop “{title}”",
    "compte-rendu": "report",
    "atelier participatif": "participatory workshop",
    "Cadrage et déroulé…": "Scope and agenda…",
    "Votes et retours…": "Votes and feedback…",
    "Compte-rendu d'atelier": "Workshop report",
    "Répétition": "Rehearsal",
    "Séance d'entraînement avec des téléphones simulés : "
    "elle ne compte pas dans le bilan d'activité": (
        "Practice session with simulated phones: it does not count in the activity report"
    ),
    "Format": "Format",
    "Date": "Date",
    "Lieu": "Venue",
    "Animation": "Facilitation",
    "À préciser": "To be confirmed",
    "Du {first} au {last}": "From {first} to {last}",
    "participant": "participant",
    "participants": "participants",
    "post-it": "sticky note",
    "post-its": "sticky notes",
    "action décidée": "action agreed",
    "actions décidées": "actions agreed",
    "satisfaction (sur 5)": "satisfaction (out of 5)",
    " de {n}": " from {n}",
    "organisation": "organisation",
    "organisations": "organisations",
    " ({share} d'agents publics)": " ({share} public servants)",
    "thème": "theme",
    "thèmes": "themes",
    "regroupés en {themes}": "grouped into {themes}",
    "{notes}, dont {n} {what}": "{notes}, {n} of them {what}",
    "tour de vote": "voting round",
    "tours de vote": "voting rounds",
    "chantier lancé": "project launched",
    "chantiers lancés": "projects launched",
    "projet incubé": "incubated project",
    "projets incubés": "incubated projects",
    "dont": "including",
    "réponse": "answer",
    "réponses": "answers",
    "une satisfaction moyenne de {average} / 5 ({answers})": (
        "an average satisfaction of {average} / 5 ({answers})"
    ),
    "Rien n'a encore été enregistré pendant la séance : ce document présente sa "
    "préparation.": "Nothing has been recorded during the session yet: this document "
    "presents its preparation.",
    "En résumé : ": "In short: ",
    " ; ": "; ",
    "Document établi le {day} avec Atelier.": "Document produced on {day} with Atelier.",
    "Sommaire": "Contents",
    # the compte-rendu: participation
    "Personnes": "People",
    "Part": "Share",
    "Total": "Total",
    "100 %": "100%",
    "Agents publics": "Public servants",
    "Acteurs privés": "Private sector",
    "Associations": "Associations",
    "Citoyens et usagers": "Citizens and service users",
    "agent public": "public servant",
    "agents publics": "public servants",
    "acteur privé": "private-sector person",
    "acteurs privés": "private-sector people",
    "association": "association",
    "associations": "associations",
    "citoyen ou usager": "citizen or service user",
    "citoyens et usagers": "citizens and service users",
    "Participation": "Participation",
    "Aucun participant n'a été enregistré.": "No participant was recorded.",
    "{people} : {shares}.": "{people}: {shares}.",
    "personne a participé": "person took part",
    "personnes ont participé": "people took part",
    " {others} sans émargement.": " {others} without checking in.",
    "autre personne inscrite": "other registered person",
    "autres personnes inscrites": "other registered people",
    " (Personne n'a émargé : ce sont les inscrits.)": (
        " (Nobody checked in: these are the registered people.)"
    ),
    "Organisations représentées": "Organisations represented",
    "Sans organisation": "No organisation",
    "Liste des participants": "List of participants",
    "Les personnes qui n'ont pas souhaité être nommées dans ce compte-rendu "
    "apparaissent par leurs initiales.": (
        "People who did not wish to be named in this report appear by their initials."
    ),
    "Nom": "Name",
    # the compte-rendu: production
    "Post-its non regroupés": "Ungrouped sticky notes",
    "Regroupement sans titre": "Untitled group",
    "Production": "Output",
    "Le tableau « {title} » compte trop de post-its pour tenir lisiblement sur une page : "
    "ils sont présentés ci-dessous groupe par groupe, en cartes aux couleurs des groupes.": (
        "The board “{title}” holds too many sticky notes to fit legibly on one page: they "
        "are shown below group by group, as cards in the groups' colours."
    ),
    "Le tableau tel qu'il était à la fin de la séance.": (
        "The board as it was at the end of the session."
    ),
    "Le tableau « {title} » tel qu'il a été laissé.": "The board “{title}” as it was left.",
    "Aucun post-it n'a été écrit.": "No sticky note was written.",
    ", reproduits en entier dans l'ordre du tableau.": (
        ", reproduced in full in the board's order."
    ),
    " {notes} en écriture individuelle et jamais révélés n'y figurent pas.": (
        " {notes} in silent writing and never revealed are not included."
    ),
    "post-it écrit": "sticky note written",
    "post-its écrits": "sticky notes written",
    "Le graphique montre les {n} plus gros regroupements ; {others} ({notes}) sont "
    "détaillés plus bas.": (
        "The chart shows the {n} largest groups; {others} ({notes}) are detailed below."
    ),
    "autre regroupement": "other group",
    "autres regroupements": "other groups",
    "Post-its…": "Sticky notes…",
    # the compte-rendu: decisions, feedback
    "Décisions et plan d'action": "Decisions and action plan",
    "Aucune décision ni action n'a été enregistrée.": "No decision or action was recorded.",
    "Action": "Action",
    "Qui": "Who",
    "Échéance": "Due",
    "État": "Status",
    "À désigner": "To be named",
    "Fait": "Done",
    "À faire": "To do",
    "En cours": "In progress",
    "Abandonnée": "Dropped",
    "Chantiers lancés": "Projects launched",
    "Idée": "Idea",
    "En incubation": "Incubating",
    "En expérimentation": "Being tested",
    "En déploiement": "Being rolled out",
    "Abandonné": "Dropped",
    "Retours des participants": "Participants' feedback",
    "Aucun retour n'a été recueilli.": "No feedback was collected.",
    "personne a donné son avis": "person gave feedback",
    "personnes ont donné leur avis": "people gave feedback",
    " sur {present} ({share})": " out of {present} ({share})",
    ". Note moyenne :": ". Average rating:",
    "5 — Très satisfait": "5 — Very satisfied",
    "4 — Satisfait": "4 — Satisfied",
    "3 — Mitigé": "3 — Mixed",
    "2 — Peu satisfait": "2 — Not very satisfied",
    "1 — Pas satisfait": "1 — Not satisfied",
    "Ce que les participants retiennent": "What participants take away",
    "Ce qui pourrait être amélioré": "What could be improved",
    # the compte-rendu: annexes
    "Annexe : photos": "Appendix: photos",
    "{photos} par l'équipe d'animation.": "{photos} by the facilitation team.",
    "photo jointe": "photo attached",
    "photos jointes": "photos attached",
    "Photo {n}": "Photo {n}",
    "Annexe : les méthodes utilisées": "Appendix: the methods used",
    "Telles que les décrit la bibliothèque de méthodes d'Atelier.": (
        "As Atelier's method library describes them (in French)."
    ),
    "{low} à {high} min": "{low} to {high} min",
    "Matériel : ": "Materials: ",
    # the compte-rendu: cadrage and déroulé
    "Cadrage": "Scope",
    "Le cadrage n'a pas été renseigné.": "The scope has not been filled in.",
    "Porteurs du projet": "Project owners",
    "Pourquoi": "Why",
    "Objectifs": "Objectives",
    "Périmètre": "Scope",
    "Livrables": "Deliverables",
    "Partenaires concernés": "Partners involved",
    "Public visé": "Intended audience",
    "Nombre de participants attendus": "Expected number of participants",
    "Déroulé": "Agenda",
    "Aucune séquence n'a été prévue.": "No sequence was planned.",
    "Les horaires réels n'ont pas été relevés : voici l'agenda prévu.": (
        "The actual times were not recorded: here is the planned agenda."
    ),
    "La séance n'a pas encore eu lieu : voici l'agenda prévu.": (
        "The session has not taken place yet: here is the planned agenda."
    ),
    "Les séances n'ont pas encore eu lieu : voici l'agenda prévu.": (
        "The sessions have not taken place yet: here is the planned agenda."
    ),
    "à venir": "to come",
    "non réalisée": "not held",
    "Séance arrêtée après la séquence {n} sur {of} : ": (
        "Session stopped after sequence {n} of {of}: "
    ),
    "la dernière séquence n'a pas été réalisée. ": "the last sequence was not held. ",
    "les {n} dernières séquences n'ont pas été réalisées. ": (
        "the last {n} sequences were not held. "
    ),
    "Durée réelle : {real}, pour {done} prévues ": "Actual duration: {real}, for {done} planned ",
    "dans la séquence réalisée": "in the sequence held",
    "dans les séquences réalisées": "in the sequences held",
    "{tail} ; le programme complet prévoyait {planned}. ": (
        "{tail}; the full programme planned {planned}. "
    ),
    "Durée réelle : {real} pour {planned} prévues{tail}. ": (
        "Actual duration: {real} for {planned} planned{tail}. "
    ),
    "L'écart compare, séquence par séquence, la durée réelle à la durée prévue.": (
        "The gap compares, sequence by sequence, the actual duration with the planned one."
    ),
    "Heure": "Time",
    "Début": "Start",
    "Séquence": "Sequence",
    "Méthode": "Method",
    "Prévu": "Planned",
    "Réel": "Actual",
    "Écart": "Gap",
    "départ": "start",
    " (pause)": " (break)",
    # Décisions et suites
    "Décisions et suites": "Decisions and next steps",
    "Post-its": "Sticky notes",
    "Idées retenues": "Ideas retained",
    "Projets incubés": "Incubated projects",
    "sur {notes}, {retained}": "out of {notes}, {retained}",
    "idée a été retenue": "idea was retained",
    "idées ont été retenues": "ideas were retained",
    "aucune idée n'a encore été marquée comme retenue": "no idea has been marked as retained yet",
    "chantier a été lancé": "project was launched",
    "chantiers ont été lancés": "projects were launched",
    ", dont {incubated}": ", including {incubated}",
    "action a été décidée": "action was agreed",
    "actions ont été décidées": "actions were agreed",
    "Comment les choix ont été faits": "How the choices were made",
    "{kind} « {title} » : ": "{kind} “{title}”: ",
    "sans titre": "untitled",
    "Vote à gommettes": "Dot vote",
    "Points à répartir": "Points to share",
    "Jugement majoritaire": "Majority judgment",
    "Grille multi-critères": "Criteria grid",
    "proposition notée": "proposal scored",
    "propositions notées": "proposals scored",
    "{proposals} au vote, {received} des voix": "{proposals} put to the vote, {received} votes",
    "proposition": "proposal",
    "propositions": "proposals",
    "a reçu": "received",
    "ont reçu": "received",
    "votant": "voter",
    "votants": "voters",
    " (dont {ballots})": " (including {ballots})",
    "bulletin papier": "paper ballot",
    "bulletins papier": "paper ballots",
    " ; {out} par un critère éliminatoire": "; {out} by an eliminatory criterion",
    "proposition éliminée": "proposal eliminated",
    "propositions éliminées": "proposals eliminated",
    "Chaque critère est noté de 1 à 5 ; la note d'une proposition est la moyenne des critères "
    "selon leur poids. Une proposition sous le seuil d'un critère éliminatoire est écartée, "
    "quelles que soient ses autres notes.": (
        "Each criterion is scored from 1 to 5; a proposal's score is the mean of the criteria "
        "by their weight. A proposal below the threshold of an eliminatory criterion is set "
        "aside, whatever its other scores."
    ),
    "Les chantiers retenus": "The projects retained",
    "Chantier": "Project",
    "Note": "Score",
    "Porteur": "Owner",
    "Statut": "Status",
    "Prochaine date": "Next date",
    "éliminé": "eliminated",
    "En déploiement (passage à l'échelle)": "Being rolled out (scaling up)",
    "{incubated} en tête, en gras": "{incubated} first, in bold",
    "Les chantiers lancés": "The projects launched",
    "{lead} ; la prochaine date est la prochaine étape du suivi du chantier, "
    "à défaut sa date visée.": (
        "{lead}; the next date is the next step in the project's follow-up, "
        "failing that its target date."
    ),
    "Plan d'action": "Action plan",
    "Les idées non retenues": "The ideas not retained",
    "idée n'a pas été retenue": "idea was not retained",
    "idées n'ont pas été retenues": "ideas were not retained",
    "{ideas} : {details}": "{ideas}: {details}",
    "{merged} avec une idée proche": "{merged} with a similar idea",
    "a été fusionnée": "was merged",
    "ont été fusionnées": "were merged",
    "a été mise de côté": "was set aside",
    "ont été mises de côté": "were set aside",
    "avec sa raison": "with its reason",
    "avec leur raison": "with their reasons",
    "{undecided} à ce jour": "{undecided} so far",
    "reste sans décision": "remains undecided",
    "restent sans décision": "remain undecided",
    "Aucune n'est perdue : toutes figurent dans ce compte-rendu, avec leur thème, dans la "
    "partie « {section} ». Elles rejoignent la réserve d'idées du laboratoire, où elles "
    "seront reprises pour enrichir les chantiers lancés et nourrir les prochains ateliers.": (
        "None is lost: all of them appear in this report, with their theme, in the "
        "“{section}” section. They join the lab's pool of ideas, where they will be taken up "
        "again to enrich the projects launched and feed the next workshops."
    ),
}
