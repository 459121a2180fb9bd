"""The bilan's last section: how the figures are counted (also on an empty period's cover)."""

from __future__ import annotations

from reportlab.platypus import (
    Paragraph,
)

from app.reports.bilan.common import (
    BilanStory,
)
from app.reports.i18n import (
    t,
)
from app.reports.layout import (
    Styles,
)
from app.reports.text import markup

METHOD_NOTES = (
    "Une séance compte le jour de sa première activité enregistrée dans Atelier : une séquence "
    "lancée au chronomètre ou un premier émargement. Une séance animée sans Atelier n'est pas "
    "comptée.",
    "Les ateliers de la période sont ceux dont au moins une séance s'y est tenue, archivés "
    "compris.",
    "Les participants sont les personnes qui ont émargé pendant la période, chacune une fois par "
    "atelier : une personne venue à deux ateliers compte deux fois (deux participations). Pour "
    "un atelier sans émargement, ce sont les inscrits.",
    "Les personnes distinctes : deux participations sous le même nom et la même organisation "
    "(sans tenir compte des majuscules, des accents ni des espaces) sont une seule personne, "
    "d'un atelier à l'autre. Deux homonymes d'une même organisation comptent pour une ; une "
    "personne qui a écrit son nom ou son organisation autrement compte pour deux.",
    "Les post-its (hors post-its masqués par la modération), les tours de vote, les retours et "
    "les chantiers comptent à la date où ils ont été écrits, ouverts, donnés ou créés. Les "
    "actions, qui ne sont pas datées, comptent avec leur atelier.",
    "Les projets en incubation sont ceux qui portent aujourd'hui ce statut et qui ont été créés "
    "avant la fin de la période, quel que soit l'atelier dont ils viennent. Les projets incubés "
    "de l'entonnoir sont comptés de même, qu'ils soient encore en incubation ou allés plus loin "
    "(expérimentation, déploiement, terminé).",
    "La satisfaction est la moyenne des notes de 1 à 5 données par les participants en fin de "
    "séance, sur leur téléphone.",
    "Capitalisation : une méthode compte une fois par séquence lancée avec elle pendant la "
    "période ; sa note est la moyenne des retours d'expérience des animateurs donnés pendant la "
    "période. Les répétitions ne comptent pas.",
)


def method(story: BilanStory, numbered: bool = True) -> None:
    story.section(t("Comment ces chiffres sont comptés", story.lang), numbered=numbered)
    for note in METHOD_NOTES:
        story.add(Paragraph(markup(t(note, story.lang)), Styles.bullet, bulletText="•"))
