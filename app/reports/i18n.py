"""The documents in French or in English: the fixed words they print, and their numbers and dates.

French is the source: `t(text, lang)` returns it unchanged for "fr", and the catalogue's
English for "en". A text with `{placeholders}` is looked up before it is formatted. Participant
text (post-its, names, titles) is data and never goes through here. Under `strict()` (the
tests) an English lookup the catalogue lacks raises instead of printing French.

Over ~600 lines as one cohesive thing: most of it is the catalogue itself, one entry per fixed
text of the documents (data, grouped by document and section), beside the few functions that
read it.
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
    # the compte-rendu: votes
    "Votes": "Votes",
    "Aucun vote n'a eu lieu.": "No vote took place.",
    "Vote sans titre": "Untitled vote",
    "Vote à gommettes": "Dot vote",
    "Points à répartir": "Points to share",
    "Jugement majoritaire": "Majority judgment",
    "Grille multi-critères": "Criteria grid",
    "gommette par personne": "dot per person",
    "gommettes par personne": "dots per person",
    "{n} au plus sur une proposition": "at most {n} on one proposal",
    "chacun pouvait voter pour ses propres post-its": (
        "everyone could vote for their own sticky notes"
    ),
    "chacun votait pour les post-its des autres": "everyone voted for the others' sticky notes",
    "{n} points à répartir par personne": "{n} points to share per person",
    "grille de critères de LaBase, de même poids": "LaBase's criteria grid, of equal weight",
    "critère": "criterion",
    "critères": "criteria",
    "de même poids": "of equal weight",
    "pondérés": "weighted differently",
    "critère éliminatoire": "eliminatory criterion",
    "critères éliminatoires": "eliminatory criteria",
    "vote anonyme": "anonymous vote",
    "vote nominatif": "named vote",
    "résultats affichés en direct": "results shown live",
    "résultats montrés seulement quand l'animation les a révélés": (
        "results shown only once the facilitators revealed them"
    ),
    "clôture prévue à {time}": "closing planned at {time}",
    "ouvert à {time}": "opened at {time}",
    ", clos à {time}": ", closed at {time}",
    ", encore ouvert à l'édition de ce document": (", still open when this document was produced"),
    "votant": "voter",
    "votants": "voters",
    " dont {ballots}": " including {ballots}",
    "bulletin papier": "paper ballot",
    "bulletins papier": "paper ballots",
    "Tour {when} ; {voters}.": "Round {when}; {voters}.",
    " Les résultats n'avaient pas été montrés en séance.": (
        " The results were not shown during the session."
    ),
    "Aucune voix n'a été enregistrée pour ce tour.": "No vote was recorded for this round.",
    "Rang": "Rank",
    "Proposition": "Proposal",
    "Mention majoritaire": "Majority grade",
    "Note": "Score",
    "Points": "Points",
    "Voix": "Votes",
    "Votants": "Voters",
    "À rejeter": "Reject",
    "Insuffisant": "Poor",
    "Passable": "Fair",
    "Assez bien": "Fairly good",
    "Bien": "Good",
    "Très bien": "Very good",
    "Excellent": "Excellent",
    "Le graphique montre les {top} premières propositions ; le tableau les donne toutes "
    "({n}).": "The chart shows the first {top} proposals; the table gives them all ({n}).",
    "Toutes les propositions notées ont été éliminées.": "Every scored proposal was eliminated.",
    "Jugement majoritaire : chaque proposition reçoit la mention que lui donne au moins la "
    "moitié des votants (sa mention majoritaire) ; à mention égale, la départage se fait sur "
    "les mentions suivantes.": (
        "Majority judgment: each proposal gets the grade at least half of the voters give it "
        "(its majority grade); proposals with the same grade are told apart by the next grades."
    ),
    "Chaque critère est noté de 1 à 5 ; la note est la moyenne des critères, chacun compté "
    "selon son poids.": (
        "Each criterion is scored from 1 to 5; the score is the mean of the criteria, each "
        "counted by its weight."
    ),
    " Une proposition dont la moyenne sur un critère éliminatoire est sous son seuil est "
    "écartée, quelles que soient ses autres notes.": (
        " A proposal whose mean on an eliminatory criterion is below its threshold is set "
        "aside, whatever its other scores."
    ),
    "autre proposition n'a": "other proposal",
    "autres propositions n'ont": "other proposals",
    " reçu aucune voix.": " received no vote.",
    "proposition éliminée": "proposal eliminated",
    "propositions éliminées": "proposals eliminated",
    " par un critère éliminatoire (hors classement) :": " by an eliminatory criterion (not ranked):",
    "{label} : {mean}\u00a0/\u00a05, sous le seuil de {threshold}": (
        "{label}: {mean}\u00a0/\u00a05, below the threshold of {threshold}"
    ),
    "poids {n}": "weight {n}",
    "éliminatoire sous {n}": "eliminatory below {n}",
    "C{n} : {name}": "C{n}: {name}",
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
        "As Atelier's method library describes them."
    ),
    # the method library's briques (app/library.BRIQUES), as the annexe names them
    "Inspiration": "Inspiration",
    "Méthodes centrées usagers": "User-centred methods",
    "Idéation": "Ideation",
    "Co-création": "Co-creation",
    "Visualisation": "Visualisation",
    "Narration": "Storytelling",
    "Prototypage et test": "Prototyping and testing",
    "Documentation": "Documentation",
    "Mise en œuvre": "Implementation",
    "{low} à {high} min": "{low} to {high} min",
    "Matériel : ": "Materials: ",
    "pause": "break",  # a break's title says so already, or the agenda adds " (pause)"
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
    # the bilan d'activité
    "Bilan d'activité {year}": "Activity report {year}",
    "Bilan d'activité": "Activity report",
    "bilan d'activité": "activity report",
    "ateliers participatifs": "participatory workshops",
    "innovation publique": "public innovation",
    "séance": "session",
    "séances": "sessions",
    "satisfaction sur 5": "satisfaction out of 5",
    "satisfaction : aucun retour": "satisfaction: no feedback",
    "projet en incubation": "project incubating",
    "projets en incubation": "projects incubating",
    "{public} d'agents publics, {others} d'acteurs privés, d'associations et d'usagers": (
        "{public} public servants, {others} private sector, associations and service users"
    ),
    "Sur la période, {workshops} réuni {participants} en {sessions}": (
        "Over the period, {workshops} brought together {participants} in {sessions}"
    ),
    "atelier a": "workshop",
    "ateliers ont": "workshops",
    " Ils ont produit {notes}": " They produced {notes}",
    " et lancé {projects}": " and launched {projects}",
    "chantier": "project",
    "chantiers": "projects",
    " Un programme de 3 mois était en cours.": " One 3-month programme was under way.",
    " {n} programmes de 3 mois étaient en cours.": " {n} 3-month programmes were under way.",
    "Période": "Period",
    "atelier": "workshop",
    "ateliers": "workshops",
    ", dont {programmes} de 3 mois": ", including {programmes} of 3 months",
    "programme": "programme",
    "programmes": "programmes",
    "Ateliers": "Workshops",
    "Lieux": "Venues",
    "lieu": "venue",
    "lieux": "venues",
    "Aucune séance n'a été animée avec Atelier {period} : ce bilan ne contient donc aucun "
    "chiffre.": "No session was run with Atelier {period}: this report therefore holds no figures.",
    "Vérifiez les dates choisies. Une séance compte dès qu'une séquence a été lancée au "
    "chronomètre ou qu'un participant a émargé ; les ateliers seulement préparés n'y figurent "
    "pas.": (
        "Check the dates chosen. A session counts as soon as a sequence was started on the "
        "timer or a participant checked in; workshops that were only prepared are not included."
    ),
    "Qui est venu": "Who came",
    "L'activité": "Activity",
    "d'un atelier": "one workshop",
    "de {workshops}": "{workshops}",
    "{sessions} au cours {workshops}": "{sessions} in {workshops}",
    "séance animée": "session run",
    "séances animées": "sessions run",
    ", dans {places}.": ", in {places}.",
    "Séances par mois": "Sessions per month",
    "Par format": "By format",
    "Séances": "Sessions",
    "Participants": "Participants",
    "Post-its": "Sticky notes",
    "Les participants": "Participants",
    "Aucun participant n'a été enregistré sur la période.": (
        "No participant was recorded over the period."
    ),
    "participation": "participation",
    "participations": "participations",
    "{participations} : {shares}. Ce sont {people}, certaines venues à plusieurs ateliers.": (
        "{participations}: {shares}. They are {people}, some of whom came to several workshops."
    ),
    "{participations} : {shares}.": "{participations}: {shares}.",
    "personne distincte": "distinct person",
    "personnes distinctes": "distinct people",
    "Pour {workshops} sans émargement, ce sont les inscrits qui sont comptés.": (
        "For {workshops} without check-in, the registered people are counted."
    ),
    "Organisations représentées ({n})": "Organisations represented ({n})",
    "Et {organisations} ({participants}).": "And {organisations} ({participants}).",
    "autre organisation": "other organisation",
    "autres organisations": "other organisations",
    "Projet": "Project",
    "Atelier d'origine": "Workshop of origin",
    "Statut": "Status",
    "Depuis le": "Since",
    "En déploiement (passage à l'échelle)": "Being rolled out (scaling up)",
    "De la participation aux projets": "From participation to projects",
    "Participations": "Participations",
    "Idées (post-its)": "Ideas (sticky notes)",
    "Projets incubés": "Incubated projects",
    "{participations}, soit {people}¹, ont donné {ideas} sur post-it ; {projects} été "
    "{launched} et {incubated} {incubated_word}.": (
        "{participations}, that is {people}¹, gave {ideas} on sticky notes; {projects} "
        "{launched} and {incubated} {incubated_word}."
    ),
    "idée": "idea",
    "idées": "ideas",
    "chantier a": "project was",
    "chantiers ont": "projects were",
    "lancé": "launched",
    "lancés": "launched",
    "projet est": "project is",
    "projets sont": "projects are",
    "incubé": "incubated",
    "incubés": "incubated",
    "\u00b9 Personnes distinctes : même nom et même organisation, d'un atelier à l'autre "
    "(majuscules, accents et espaces mis à part) ; une personne venue à trois ateliers fait "
    "trois participations.": (
        "\u00b9 Distinct people: the same name and the same organisation, from one workshop to "
        "another (capitals, accents and spaces aside); a person who came to three workshops "
        "makes three participations."
    ),
    "Les projets incubés": "Projects incubated",
    "Idées, chantiers et actions": "Ideas, projects and actions",
    " et ": " and ",
    " En moyenne, {n} post-its par séance.": " On average, {n} sticky notes per session.",
    "Post-its par atelier": "Sticky notes per workshop",
    "Les dix ateliers les plus productifs.": "The ten most productive workshops.",
    "Chantiers lancés sur la période": "Projects launched over the period",
    "Projets en incubation": "Projects incubating",
    "{projects} en incubation aujourd'hui : ": "{projects} incubating today: ",
    "le chantier lancé sur la période, ci-dessus.": "the project launched over the period, above.",
    "des chantiers lancés sur la période, ci-dessus.": (
        "some of the projects launched over the period, above."
    ),
    "{projects} en incubation aujourd'hui.": "{projects} incubating today.",
    "Aucun projet n'est en incubation.": "No project is incubating.",
    "Programmes de 3 mois": "3-month programmes",
    "Programme": "Programme",
    "Séances sur la période": "Sessions in the period",
    "Dates": "Dates",
    "{done} sur {planned}": "{done} of {planned}",
    "La satisfaction des participants": "Participants' satisfaction",
    "Aucun retour de participant n'a été recueilli sur la période.": (
        "No participant feedback was collected over the period."
    ),
    "{answers} au questionnaire de fin de séance, dans {workshops}": (
        "{answers} to the end-of-session questionnaire, in {workshops}"
    ),
    " ({share} des participations)": " ({share} of participations)",
    "{share} des répondants sont satisfaits ou très satisfaits.": (
        "{share} of respondents are satisfied or very satisfied."
    ),
    "Ce que les participants en retiennent": "What participants take away",
    "Les ateliers de la période": "The period's workshops",
    "Atelier": "Workshop",
    "Présents": "Present",
    "Note\u00a0/\u00a05": "Rating\u00a0/\u00a05",
    "Total : {workshops}": "Total: {workshops}",
    "Comment ces chiffres sont comptés": "How these figures are counted",
    "Une séance compte le jour de sa première activité enregistrée dans Atelier : une séquence "
    "lancée au chronomètre ou un premier émargement. Une séance animée sans Atelier n'est pas "
    "comptée.": (
        "A session counts on the day of its first activity recorded in Atelier: a sequence "
        "started on the timer or a first check-in. A session run without Atelier is not counted."
    ),
    "Les ateliers de la période sont ceux dont au moins une séance s'y est tenue, archivés "
    "compris.": (
        "The period's workshops are those with at least one session held in it, archived ones "
        "included."
    ),
    "Les participants sont les personnes qui ont émargé pendant la période, chacune une fois par "
    "atelier : une personne venue à deux ateliers compte deux fois (deux participations). Pour "
    "un atelier sans émargement, ce sont les inscrits.": (
        "Participants are the people who checked in during the period, each once per workshop: "
        "a person who came to two workshops counts twice (two participations). For a workshop "
        "without check-in, they are the registered people."
    ),
    "Les personnes distinctes : deux participations sous le même nom et la même organisation "
    "(sans tenir compte des majuscules, des accents ni des espaces) sont une seule personne, "
    "d'un atelier à l'autre. Deux homonymes d'une même organisation comptent pour une ; une "
    "personne qui a écrit son nom ou son organisation autrement compte pour deux.": (
        "Distinct people: two participations under the same name and the same organisation "
        "(regardless of capitals, accents and spaces) are one person, from one workshop to "
        "another. Two namesakes from the same organisation count as one; a person who wrote "
        "their name or organisation differently counts as two."
    ),
    "Les post-its (hors post-its masqués par la modération), les tours de vote, les retours et "
    "les chantiers comptent à la date où ils ont été écrits, ouverts, donnés ou créés. Les "
    "actions, qui ne sont pas datées, comptent avec leur atelier.": (
        "Sticky notes (except those hidden by moderation), voting rounds, feedback and projects "
        "count on the date they were written, opened, given or created. Actions, which are not "
        "dated, count with their workshop."
    ),
    "Les projets en incubation sont ceux qui portent aujourd'hui ce statut et qui ont été créés "
    "avant la fin de la période, quel que soit l'atelier dont ils viennent. Les projets incubés "
    "de l'entonnoir sont comptés de même, qu'ils soient encore en incubation ou allés plus loin "
    "(expérimentation, déploiement, terminé).": (
        "Projects incubating are those with that status today and created before the end of "
        "the period, whatever workshop they come from. The funnel's incubated projects are "
        "counted the same way, whether still incubating or gone further (testing, roll-out, "
        "done)."
    ),
    "La satisfaction est la moyenne des notes de 1 à 5 données par les participants en fin de "
    "séance, sur leur téléphone.": (
        "Satisfaction is the mean of the 1-to-5 ratings participants gave at the end of the "
        "session, on their phones."
    ),
    # Décisions et suites
    "Décisions et suites": "Decisions and next steps",
    "Idées retenues": "Ideas retained",
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
    "proposition notée": "proposal scored",
    "propositions notées": "proposals scored",
    "{proposals} au vote, {received} des voix": "{proposals} put to the vote, {received} votes",
    "proposition": "proposal",
    "propositions": "proposals",
    "a reçu": "received",
    "ont reçu": "received",
    " (dont {ballots})": " (including {ballots})",
    " ; {out} par un critère éliminatoire": "; {out} by an eliminatory criterion",
    "Chaque critère est noté de 1 à 5 ; la note d'une proposition est la moyenne des critères "
    "selon leur poids. Une proposition sous le seuil d'un critère éliminatoire est écartée, "
    "quelles que soient ses autres notes.": (
        "Each criterion is scored from 1 to 5; a proposal's score is the mean of the criteria "
        "by their weight. A proposal below the threshold of an eliminatory criterion is set "
        "aside, whatever its other scores."
    ),
    "Les chantiers retenus": "The projects retained",
    "Chantier": "Project",
    "Porteur": "Owner",
    "Prochaine date": "Next date",
    "éliminé": "eliminated",
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
    # Capitalisation (the bilan)
    "Capitalisation": "Lessons learnt",
    "Aucune méthode de la bibliothèque n'a été utilisée ni évaluée sur la période.": (
        "No method of the library was used or rated in the period."
    ),
    "méthode utilisée": "method used",
    "méthodes utilisées": "methods used",
    "retour d'expérience": "facilitator's review",
    "retours d'expérience": "facilitators' reviews",
    "évaluée": "rated",
    "évaluées": "rated",
    "{methods} ou {evaluated} ; {reviews} des animateurs.": "{methods} or {evaluated}; {reviews}.",
    "Utilisations": "Uses",
    "Retours": "Reviews",
    "À retenir": "To keep in mind",
    "Capitalisation : une méthode compte une fois par séquence lancée avec elle pendant la "
    "période ; sa note est la moyenne des retours d'expérience des animateurs donnés pendant la "
    "période. Les répétitions ne comptent pas.": (
        "Lessons learnt: a method counts once per sequence started with it in the period; its "
        "rating is the mean of the facilitators' reviews given in the period. Rehearsals do not "
        "count."
    ),
}
