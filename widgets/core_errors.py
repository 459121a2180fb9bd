"""The core's error messages in the window's language.

`app/` raises `KnownError(template, **params)`: the French template (a stable key) and its
parameters (app/errors.py). Here is every template the core can raise, marked for Qt's
translation (context "CoreError", English in assets/i18n/atelier_en.ts); `error_text` says an
error in the window's language: the template translated, its parameters filled in, a parameter
that is itself French (a `Phrase`, a field's name, an OS reason) translated too. French, the
source language, is exactly what the core wrote. tests/widgets/test_core_errors_english.py
reads the core's source for every template and fails on one missing here or in English.
"""

from __future__ import annotations

from string import Formatter

from PySide6.QtCore import QCoreApplication

from app.errors import DateText, KnownError, Phrase
from widgets.core_text import date_text
from widgets.text import QT_TRANSLATE_NOOP

CONTEXT = "CoreError"

# every message template the core raises (by module), then the messages it passes by name
MESSAGES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Hors ligne : l'ordinateur de l'animatrice ne répond pas. Vous pouvez continuer à lire ; vos actions partiront dès son retour. ({detail})",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Hors ligne : l'ordinateur de l'animatrice ne répond pas. Vous pouvez continuer à lire ; vos actions partiront dès son retour.",
    ),
    QT_TRANSLATE_NOOP("CoreError", "Adresse invalide : « {address} »."),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "L'ordinateur de l'animatrice a Atelier {host_version}, celui-ci {version} : installez la même version sur les deux.",
    ),
    QT_TRANSLATE_NOOP("CoreError", "réponse {status_code}"),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Date {what} illisible : « {value} ». Écrivez-la sous la forme AAAA-MM-JJ (par exemple 2026-01-31) ou JJ/MM/AAAA (31/01/2026).",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "La période se termine le {end}, avant de commencer le {start} : inversez les deux dates.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "La date {what} « {value} » n'existe pas dans le calendrier : vérifiez le jour et le mois.",
    ),
    QT_TRANSLATE_NOOP("CoreError", "La durée doit être un nombre entier de minutes."),
    QT_TRANSLATE_NOOP("CoreError", "Une séquence dure de 1 minute à 12 heures (720 minutes)."),
    QT_TRANSLATE_NOOP("CoreError", "{what} : un texte est attendu."),
    QT_TRANSLATE_NOOP("CoreError", "{what} : {limit} caractères au plus ({n} saisis)."),
    QT_TRANSLATE_NOOP("CoreError", "{what} : ce champ ne peut pas être vide."),
    QT_TRANSLATE_NOOP("CoreError", "Élément de vote inconnu."),
    QT_TRANSLATE_NOOP("CoreError", "{what} : un nombre entier est attendu."),
    QT_TRANSLATE_NOOP("CoreError", "{what} : de {low} à {high}."),
    QT_TRANSLATE_NOOP("CoreError", "De 1 à {MAX_CRITERIA} critères."),
    QT_TRANSLATE_NOOP("CoreError", "Deux critères portent la même clé."),
    QT_TRANSLATE_NOOP("CoreError", "Bulletin illisible."),
    QT_TRANSLATE_NOOP("CoreError", "Type de vote inconnu."),
    QT_TRANSLATE_NOOP("CoreError", "Heure de clôture invalide."),
    QT_TRANSLATE_NOOP("CoreError", "Critère invalide."),
    QT_TRANSLATE_NOOP("CoreError", "Chaque critère a un intitulé."),
    QT_TRANSLATE_NOOP("CoreError", "Poids de « {label} »"),
    QT_TRANSLATE_NOOP("CoreError", "Axe inconnu (impact ou faisabilité)."),
    QT_TRANSLATE_NOOP("CoreError", "Cet élément ne fait pas partie du vote."),
    QT_TRANSLATE_NOOP("CoreError", "Critère inconnu pour ce vote."),
    QT_TRANSLATE_NOOP("CoreError", "Vous ne pouvez pas voter pour vos propres post-its."),
    QT_TRANSLATE_NOOP("CoreError", "1 gommette au plus sur un même élément."),
    QT_TRANSLATE_NOOP("CoreError", "{n} gommettes au plus sur un même élément."),
    QT_TRANSLATE_NOOP("CoreError", "Plus de gommettes : vous en avez {dots} en tout."),
    QT_TRANSLATE_NOOP("CoreError", "Seuil éliminatoire de « {label} »"),
    QT_TRANSLATE_NOOP("CoreError", "Une valeur ne peut pas être négative."),
    QT_TRANSLATE_NOOP("CoreError", "Plus de points : votre budget est de {budget}."),
    QT_TRANSLATE_NOOP("CoreError", "Mention inconnue."),
    QT_TRANSLATE_NOOP("CoreError", "Donnez une mention à chaque élément."),
    QT_TRANSLATE_NOOP("CoreError", "Chaque note va de 1 à 5."),
    QT_TRANSLATE_NOOP("CoreError", "Notez chaque élément sur chaque critère."),
    QT_TRANSLATE_NOOP("CoreError", "{path}, ligne {line} : {problem}"),
    QT_TRANSLATE_NOOP("CoreError", "{path} : {problem}"),
    QT_TRANSLATE_NOOP("CoreError", "{field_path} : {err}"),
    QT_TRANSLATE_NOOP("CoreError", "le fichier n'est pas en UTF-8"),
    QT_TRANSLATE_NOOP("CoreError", "lecture impossible ({reason})"),
    QT_TRANSLATE_NOOP("CoreError", "syntaxe TOML invalide ({msg})"),
    QT_TRANSLATE_NOOP("CoreError", "clé « {key} » en double"),
    QT_TRANSLATE_NOOP("CoreError", "méthode inconnue « {method} »"),
    QT_TRANSLATE_NOOP("CoreError", "format « {key} » déjà défini"),
    QT_TRANSLATE_NOOP("CoreError", "méthode inconnue « {unknown} »"),
    QT_TRANSLATE_NOOP("CoreError", "Cette partie de l'agenda n'existe plus."),
    QT_TRANSLATE_NOOP("CoreError", "Méthode inconnue « {method_key} »."),
    QT_TRANSLATE_NOOP("CoreError", "Position invalide."),
    QT_TRANSLATE_NOOP("CoreError", "Une séquence ne peut pas changer d'atelier."),
    QT_TRANSLATE_NOOP("CoreError", "Méthode inconnue « {value} »."),
    QT_TRANSLATE_NOOP("CoreError", "Champ inconnu « {key} »."),
    QT_TRANSLATE_NOOP("CoreError", "Type de séquence inconnu."),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "La base contient déjà l'atelier « {title} » de cette archive. Choisissez de le remplacer (--replace) ou de garder les deux, l'import étant renommé « {title}{COPY_SUFFIX} » (--as-copy). Rien n'a été importé.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError", "Archive endommagée ou modifiée : {detail}. Rien n'a été importé."
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Ce fichier n'est pas une archive d'atelier exportée par Atelier. Rien n'a été importé.",
    ),
    QT_TRANSLATE_NOOP("CoreError", "numéro de version absent"),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Cette archive vient d'une version plus récente d'Atelier ({version}) : mettez Atelier à jour pour l'importer.",
    ),
    QT_TRANSLATE_NOOP("CoreError", "l'empreinte de contrôle ne correspond plus au contenu"),
    QT_TRANSLATE_NOOP("CoreError", "il faut exactement un atelier"),
    QT_TRANSLATE_NOOP("CoreError", "photos.data n'est pas une image JPEG"),
    QT_TRANSLATE_NOOP("CoreError", "une photo est bien trop lourde"),
    QT_TRANSLATE_NOOP("CoreError", "une photo n'a pas une taille possible"),
    QT_TRANSLATE_NOOP("CoreError", "la liste des méthodes est invalide"),
    QT_TRANSLATE_NOOP("CoreError", "« {name} » est trop gros pour une archive d'atelier."),
    QT_TRANSLATE_NOOP("CoreError", "Impossible de lire « {name} » ({reason})."),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "« {name} » n'est pas une archive Atelier lisible (JSON invalide ou tronqué). Rien n'a été importé.",
    ),
    QT_TRANSLATE_NOOP("CoreError", "plus de {MAX_PHOTOS} photos"),
    QT_TRANSLATE_NOOP("CoreError", "{where} a une valeur invalide"),
    QT_TRANSLATE_NOOP("CoreError", "vote_rounds.items a une valeur invalide"),
    QT_TRANSLATE_NOOP("CoreError", "une photo est abîmée"),
    QT_TRANSLATE_NOOP("CoreError", "une méthode est invalide"),
    QT_TRANSLATE_NOOP("CoreError", "la table « {name} » manque"),
    QT_TRANSLATE_NOOP("CoreError", "{where} est vide"),
    QT_TRANSLATE_NOOP("CoreError", "une photo n'a pas la taille annoncée"),
    QT_TRANSLATE_NOOP("CoreError", "{where}.{column} renvoie à un élément absent"),
    QT_TRANSLATE_NOOP("CoreError", "{where} : élément de vote inconnu"),
    QT_TRANSLATE_NOOP("CoreError", "{where} n'est pas une date"),
    QT_TRANSLATE_NOOP("CoreError", "{name} : champ inattendu « {field} »"),
    QT_TRANSLATE_NOOP("CoreError", "{name}.{key} manque"),
    QT_TRANSLATE_NOOP("CoreError", "{name} : identifiant manquant ou en double"),
    QT_TRANSLATE_NOOP("CoreError", "{where} n'est pas une image lisible"),
    QT_TRANSLATE_NOOP("CoreError", "{where} : type inconnu"),
    QT_TRANSLATE_NOOP("CoreError", "Sélectionnez au moins deux post-its pour les regrouper."),
    QT_TRANSLATE_NOOP("CoreError", "Rien à modifier."),
    QT_TRANSLATE_NOOP("CoreError", "Ce groupe n'existe plus."),
    QT_TRANSLATE_NOOP("CoreError", "Ce post-it n'existe plus."),
    QT_TRANSLATE_NOOP("CoreError", "Sélectionnez au moins un {what}."),
    QT_TRANSLATE_NOOP("CoreError", "{LIMIT} éléments au plus à la fois."),
    QT_TRANSLATE_NOOP(
        "CoreError", "Un des post-its n'existe plus (un autre écran l'a peut-être supprimé)."
    ),
    QT_TRANSLATE_NOOP("CoreError", "Couleur inconnue : {value}."),
    QT_TRANSLATE_NOOP("CoreError", "Position hors du tableau."),
    QT_TRANSLATE_NOOP("CoreError", "Cette séquence appartient à un autre atelier."),
    QT_TRANSLATE_NOOP("CoreError", "Rien à déplacer."),
    QT_TRANSLATE_NOOP("CoreError", "Seuls des post-its déplacés peuvent quitter leur groupe."),
    QT_TRANSLATE_NOOP("CoreError", "Modèle de tableau inconnu : {template}."),
    QT_TRANSLATE_NOOP("CoreError", "Aucun post-it caché à révéler."),
    QT_TRANSLATE_NOOP("CoreError", "Réglage du tableau inconnu : {exc}."),
    QT_TRANSLATE_NOOP("CoreError", "Ce retour d'expérience n'existe plus."),
    QT_TRANSLATE_NOOP("CoreError", "La note va de 1 à 5."),
    QT_TRANSLATE_NOOP("CoreError", "La séquence n° {phase_id} n'est pas dans cet atelier."),
    QT_TRANSLATE_NOOP("CoreError", "Cet ordinateur n'est plus appairé."),
    QT_TRANSLATE_NOOP("CoreError", "Rôle inconnu : {role}."),
    QT_TRANSLATE_NOOP("CoreError", "Opération inconnue : {op}."),
    QT_TRANSLATE_NOOP("CoreError", "Votre rôle ({role_label}) ne le permet pas : {label}."),
    QT_TRANSLATE_NOOP("CoreError", "« {name} » a été déconnecté : appairez-le à nouveau."),
    QT_TRANSLATE_NOOP("CoreError", "Paramètres invalides pour « {op} » ({exc})."),
    QT_TRANSLATE_NOOP("CoreError", "Participant inconnu pour cet atelier."),
    QT_TRANSLATE_NOOP("CoreError", "Le nom « {clean_name} » est déjà pris par un format fourni."),
    QT_TRANSLATE_NOOP("CoreError", "Aucun groupe à créer."),
    QT_TRANSLATE_NOOP("CoreError", "Un groupe doit réunir au moins deux post-its."),
    QT_TRANSLATE_NOOP("CoreError", "Un post-it ne peut aller que dans un groupe."),
    QT_TRANSLATE_NOOP("CoreError", "Un des post-its n'existe plus."),
    QT_TRANSLATE_NOOP("CoreError", "Aucune séance n'est en cours pour cet atelier."),
    QT_TRANSLATE_NOOP("CoreError", "Un ajustement doit être compris entre 1 minute et 12 heures."),
    QT_TRANSLATE_NOOP("CoreError", "La séance est terminée : démarrez-en une nouvelle."),
    QT_TRANSLATE_NOOP("CoreError", "Cet atelier n'a pas encore d'agenda."),
    QT_TRANSLATE_NOOP(
        "CoreError", "« {title} » n'a aucune séquence : ajoutez-en dans l'agenda d'abord."
    ),
    QT_TRANSLATE_NOOP("CoreError", "Une séquence ne peut pas durer plus de 12 heures."),
    QT_TRANSLATE_NOOP("CoreError", "C'est déjà la première séquence de la séance."),
    QT_TRANSLATE_NOOP("CoreError", "Cette séance n'appartient pas à l'atelier."),
    QT_TRANSLATE_NOOP("CoreError", "Cette séquence n'existe plus."),
    QT_TRANSLATE_NOOP("CoreError", "L'atelier n° {workshop_id} n'existe pas (ou a été supprimé)."),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "« {title} » est en cours dans la séance : passez à une autre séquence avant de la retirer.",
    ),
    QT_TRANSLATE_NOOP("CoreError", "Le post-it est vide."),
    QT_TRANSLATE_NOOP("CoreError", "Statut d'action inconnu : {status} (statuts : {known})."),
    QT_TRANSLATE_NOOP("CoreError", "Échéance invalide : attendue au format AAAA-MM-JJ."),
    QT_TRANSLATE_NOOP(
        "CoreError", "La personne n° {participant_id} n'est pas inscrite à cet atelier."
    ),
    QT_TRANSLATE_NOOP("CoreError", "L'action n° {action_id} n'existe pas."),
    QT_TRANSLATE_NOOP("CoreError", "Aucun post-it choisi."),
    QT_TRANSLATE_NOOP("CoreError", "Devenir inconnu : {fate} (retenue, fusionnee, mise_de_cote)."),
    QT_TRANSLATE_NOOP(
        "CoreError", "Une idée retenue devient une action ou un chantier : choisissez-en un."
    ),
    QT_TRANSLATE_NOOP("CoreError", "Fusionnée avec quel post-it ? Choisissez-le."),
    QT_TRANSLATE_NOOP("CoreError", "Rien à changer."),
    QT_TRANSLATE_NOOP("CoreError", "L'action est déjà à cette place."),
    QT_TRANSLATE_NOOP("CoreError", "Post-it introuvable dans cet atelier : n° {missing}."),
    QT_TRANSLATE_NOOP("CoreError", "Ces post-its ont déjà ce devenir."),
    QT_TRANSLATE_NOOP("CoreError", "Post-it introuvable dans cet atelier : n° {into}."),
    QT_TRANSLATE_NOOP("CoreError", "Un post-it ne peut pas être fusionné avec lui-même."),
    QT_TRANSLATE_NOOP(
        "CoreError", "Ce post-it est lui-même fusionné avec un autre : fusionnez avec celui-là."
    ),
    QT_TRANSLATE_NOOP("CoreError", "L'action n° {action_id} n'existe pas dans cet atelier."),
    QT_TRANSLATE_NOOP("CoreError", "Le chantier n° {project_id} n'existe pas dans cet atelier."),
    QT_TRANSLATE_NOOP("CoreError", "Clé de requête invalide (8 à 64 lettres, chiffres, - ou _)."),
    QT_TRANSLATE_NOOP("CoreError", "Ce participant n'existe plus."),
    QT_TRANSLATE_NOOP("CoreError", "Catégorie inconnue : choisissez dans la liste."),
    QT_TRANSLATE_NOOP("CoreError", "« {shown} » est trop lourde (plus de 40 Mo)."),
    QT_TRANSLATE_NOOP("CoreError", "Cette photo n'existe plus."),
    QT_TRANSLATE_NOOP("CoreError", "Aucune photo à ajouter."),
    QT_TRANSLATE_NOOP("CoreError", "« {shown} » est une image abîmée ou incomplète."),
    QT_TRANSLATE_NOOP("CoreError", "« {shown} » est trop grande pour être une photo."),
    QT_TRANSLATE_NOOP("CoreError", "Un atelier garde au plus {MAX_PHOTOS} photos."),
    QT_TRANSLATE_NOOP("CoreError", "Cette photo a déjà été retirée."),
    QT_TRANSLATE_NOOP("CoreError", "Cette photo a été retirée."),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "« {shown} » est au format HEIC (iPhone), qu'Atelier ne lit pas : enregistrez-la en JPEG (réglage « Le plus compatible ») et ajoutez-la à nouveau.",
    ),
    QT_TRANSLATE_NOOP("CoreError", "« {shown} » n'est pas une photo JPEG ou PNG."),
    QT_TRANSLATE_NOOP("CoreError", "« {shown} » est trop grande ({width} × {height} pixels)."),
    QT_TRANSLATE_NOOP("CoreError", "Ce chantier n'existe plus."),
    QT_TRANSLATE_NOOP("CoreError", "Cette ligne du suivi n'existe plus."),
    QT_TRANSLATE_NOOP("CoreError", "Ce jalon n'existe plus."),
    QT_TRANSLATE_NOOP("CoreError", "Le chantier n° {project_id} n'existe pas."),
    QT_TRANSLATE_NOOP("CoreError", "Statut de chantier inconnu : {status} (statuts : {known})."),
    QT_TRANSLATE_NOOP("CoreError", "Date invalide : attendue au format AAAA-MM-JJ."),
    QT_TRANSLATE_NOOP(
        "CoreError", "« {name} » n'est pas un partenaire du cadrage (partenaires : {listed})."
    ),
    QT_TRANSLATE_NOOP("CoreError", "Le titre du chantier ne peut pas être vide."),
    QT_TRANSLATE_NOOP(
        "CoreError", "L'avancement est un pourcentage entier de 0 à 100 ({progress})."
    ),
    QT_TRANSLATE_NOOP("CoreError", "La date visée est avant la date de début du chantier."),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "« {title} » n'est pas une répétition : il n'est pas effacé ainsi. Rien n'a été supprimé.",
    ),
    QT_TRANSLATE_NOOP("CoreError", "Paramètre inconnu : {items}."),
    QT_TRANSLATE_NOOP("CoreError", "Positions invalides."),
    QT_TRANSLATE_NOOP("CoreError", "Tour de vote invalide."),
    QT_TRANSLATE_NOOP("CoreError", "Ce tour de vote n'existe pas."),
    QT_TRANSLATE_NOOP(
        "CoreError", "C'est la dernière séquence : seule l'animatrice peut terminer la séance."
    ),
    QT_TRANSLATE_NOOP("CoreError", "Identifiant invalide."),
    QT_TRANSLATE_NOOP("CoreError", "Cet élément n'existe pas dans cet atelier."),
    QT_TRANSLATE_NOOP(
        "CoreError", "L'atelier change trop vite pour en prendre une copie : réessayez."
    ),
    QT_TRANSLATE_NOOP("CoreError", "La séance en cours n'a pas pu être retrouvée dans la copie."),
    QT_TRANSLATE_NOOP(
        "CoreError", "Vote clos : il n'est plus possible de voter ni de changer d'avis."
    ),
    QT_TRANSLATE_NOOP("CoreError", "Ce tour de vote n'existe plus."),
    QT_TRANSLATE_NOOP("CoreError", "Cette action n'existe plus."),
    QT_TRANSLATE_NOOP("CoreError", "Aucun élément n'a encore reçu de voix."),
    QT_TRANSLATE_NOOP("CoreError", "Ces éléments sont déjà des chantiers du programme."),
    QT_TRANSLATE_NOOP("CoreError", "Les résultats ne sont pas encore révélés."),
    QT_TRANSLATE_NOOP("CoreError", "Un des éléments choisis n'est plus au tableau."),
    QT_TRANSLATE_NOOP("CoreError", "Aucun post-it à mettre au vote."),
    QT_TRANSLATE_NOOP("CoreError", "Ce vote est déjà clos."),
    QT_TRANSLATE_NOOP("CoreError", "Ce vote est déjà ouvert."),
    QT_TRANSLATE_NOOP("CoreError", "Gommettes papier : un nombre de 0 à {MAX_PAPER}."),
    QT_TRANSLATE_NOOP("CoreError", "Les votes papier s'ajoutent aux gommettes ou aux points."),
    QT_TRANSLATE_NOOP("CoreError", "Aucune gommette papier à ajouter."),
    QT_TRANSLATE_NOOP("CoreError", "Seuls les votes papier se retirent ainsi."),
    QT_TRANSLATE_NOOP("CoreError", "Ce bulletin papier n'est plus compté."),
    QT_TRANSLATE_NOOP("CoreError", "Format inconnu « {key} » (formats disponibles : {known})."),
    QT_TRANSLATE_NOOP("CoreError", "Langue inconnue « {value} » (langues disponibles : fr, en)."),
    QT_TRANSLATE_NOOP("CoreError", "Champ de cadrage inconnu : {items}."),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Nombre de participants attendus : un nombre entier de 1 à {EXPECTED_MAX}, ou rien s'il n'est pas connu.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Les téléphones simulés ne parlent qu'au serveur de cet ordinateur (adresse « {host} » refusée).",
    ),
    QT_TRANSLATE_NOOP("CoreError", "Entre 1 et {MAX_PHONES} téléphones simulés."),
    QT_TRANSLATE_NOOP("CoreError", "La vitesse de la répétition doit être positive."),
    QT_TRANSLATE_NOOP("CoreError", "Impossible de créer le dossier « {target} » ({reason})."),
    QT_TRANSLATE_NOOP("CoreError", "« {name} » n'est pas une image PNG ou JPEG."),
    QT_TRANSLATE_NOOP("CoreError", "« {name} » est trop grande pour un logo ({width} × {height})."),
    QT_TRANSLATE_NOOP("CoreError", "« {name} » est une image abîmée."),
    QT_TRANSLATE_NOOP("CoreError", "Format d'affiche inconnu : A4 ou A3."),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Pas d'adresse ni de code à afficher : démarrez la séance (le code est créé à son ouverture).",
    ),
    QT_TRANSLATE_NOOP("CoreError", "Jeton d'animation manquant ou invalide."),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Ce code ne correspond pas à la séance : vérifiez les 5 caractères affichés à l'écran.",
    ),
    QT_TRANSLATE_NOOP("CoreError", "Ce téléphone n'est pas encore enregistré pour cet atelier."),
    QT_TRANSLATE_NOOP("CoreError", "Réservé à l'équipe d'animation."),
    QT_TRANSLATE_NOOP("CoreError", "Les pages des téléphones manquent ({web})."),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Ce code ne correspond pas : vérifiez les 6 chiffres affichés sur l'ordinateur de l'animatrice.",
    ),
    QT_TRANSLATE_NOOP("CoreError", "Cet ordinateur n'est pas (ou plus) appairé à la séance."),
    QT_TRANSLATE_NOOP(
        "CoreError", "Trop de codes erronés : l'appairage est bloqué pendant une minute."
    ),
    QT_TRANSLATE_NOOP("CoreError", "La séance est terminée : ce code a expiré."),
    QT_TRANSLATE_NOOP(
        "CoreError", "Aucune séance n'est ouverte : le code d'appairage n'est pas encore valable."
    ),
    QT_TRANSLATE_NOOP("CoreError", "La page de test des téléphones manque ({page})."),
    QT_TRANSLATE_NOOP("CoreError", "Impossible d'ouvrir le serveur sur {host} ({last})."),
    QT_TRANSLATE_NOOP("CoreError", "Le serveur des téléphones n'a pas démarré."),
    QT_TRANSLATE_NOOP("CoreError", "Beaucoup de changements d'un coup : attendez un instant."),
    QT_TRANSLATE_NOOP("CoreError", "« {path} » est un dossier, pas une base de données Atelier."),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Le fichier « {name} » n'est pas une base de données Atelier. Il n'a pas été modifié. Choisissez un autre fichier.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Le fichier « {name} » est endommagé ({check}). Il n'a pas été modifié : restaurez une sauvegarde du dossier « backups ».",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Le fichier « {name} » appartient à un autre logiciel : ce n'est pas une base Atelier. Il n'a pas été modifié.",
    ),
    QT_TRANSLATE_NOOP("CoreError", "Erreur de la base de données : {orig}"),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Le fichier « {name} » est endommagé et ne peut pas être ouvert ({exc}). Il n'a pas été modifié : restaurez une sauvegarde du dossier « backups ».",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Cette base de données contient des tables qui ne sont pas celles d'Atelier. Elle n'a pas été modifiée.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Cette base a été créée par une version plus récente d'Atelier (schéma {current}). Mettez Atelier à jour pour l'ouvrir ; le fichier n'a pas été modifié.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Le disque est plein : la dernière action n'a pas été enregistrée. Tout ce qui l'a été avant est conservé et la séance continue en lecture seule : libérez de la place sur le disque, puis recommencez.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError", "La base de données est en lecture seule : rien ne peut être enregistré."
    ),
    QT_TRANSLATE_NOOP(
        "CoreError", "La base de données est occupée par un autre programme. Réessayez."
    ),
    QT_TRANSLATE_NOOP("CoreError", "Adresse de base de données invalide : {exc}"),
    QT_TRANSLATE_NOOP("CoreError", "Impossible d'ouvrir la base de données : {orig}"),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "La mise à jour de la base de données a échoué ({orig}). Le fichier n'a pas été modifié{kept}. Libérez de la place ou fermez les autres programmes qui l'utilisent, puis rouvrez-le.",
    ),
    QT_TRANSLATE_NOOP("CoreError", "Impossible de créer le dossier « {parent} » ({reason})."),
    QT_TRANSLATE_NOOP("CoreError", " ; une copie prise avant est dans « {folder} »"),
    QT_TRANSLATE_NOOP("CoreError", "La connexion à la base de données a été perdue."),
    QT_TRANSLATE_NOOP(
        "CoreError", "Le dossier « {folder} » n'existe pas : choisissez un autre endroit."
    ),
    QT_TRANSLATE_NOOP("CoreError", "Le fichier « {file} » est introuvable."),
    QT_TRANSLATE_NOOP("CoreError", "« {name} » est un dossier, pas une image."),
    QT_TRANSLATE_NOOP("CoreError", "« {name} » est illisible ({reason})."),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Impossible d'écrire dans « {folder} » ({reason}) : choisissez un autre dossier.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "L'enregistrement de « {name} » a échoué ({reason}) : vérifiez la place disque et les droits du dossier.",
    ),
    QT_TRANSLATE_NOOP("CoreError", "« {name} » n'est pas un fichier."),
    QT_TRANSLATE_NOOP("CoreError", "Port invalide : {port}."),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Ce pare-feu ne s'ouvre pas depuis Atelier : copiez la commande dans un terminal.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Le port n'a pas été ouvert : le mot de passe administrateur n'a pas été donné.",
    ),
    QT_TRANSLATE_NOOP("CoreError", "Le port n'a pas pu être ouvert ({exc})."),
    QT_TRANSLATE_NOOP("CoreError", "Les retours s'ouvrent à la clôture de la séance."),
    QT_TRANSLATE_NOOP(
        "CoreError", "Beaucoup de post-its d'un coup : attendez un instant avant le suivant."
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "La séance n'a pas commencé. Cette page s'ouvrira d'elle-même dès son ouverture.",
    ),
    QT_TRANSLATE_NOOP("CoreError", "La séance est terminée. Merci de votre participation !"),
    QT_TRANSLATE_NOOP("CoreError", "fichier ou dossier introuvable"),
    QT_TRANSLATE_NOOP("CoreError", "accès refusé"),
    QT_TRANSLATE_NOOP("CoreError", "opération non permise"),
    QT_TRANSLATE_NOOP("CoreError", "plus de place sur le disque"),
    QT_TRANSLATE_NOOP("CoreError", "quota de disque dépassé"),
    QT_TRANSLATE_NOOP("CoreError", "support en lecture seule"),
    QT_TRANSLATE_NOOP("CoreError", "c'est un dossier"),
    QT_TRANSLATE_NOOP("CoreError", "un élément du chemin n'est pas un dossier"),
    QT_TRANSLATE_NOOP("CoreError", "existe déjà"),
    QT_TRANSLATE_NOOP("CoreError", "nom trop long"),
    QT_TRANSLATE_NOOP("CoreError", "erreur de lecture ou d'écriture sur le support"),
    QT_TRANSLATE_NOOP("CoreError", "ressource occupée"),
    QT_TRANSLATE_NOOP("CoreError", "« {name} » est trop lourde (plus de 40 Mo)."),
    QT_TRANSLATE_NOOP("CoreError", "« {name} » est trop lourd pour un logo (plus de 10 Mo)."),
    QT_TRANSLATE_NOOP("CoreError", "Co-animateur·rice"),
    QT_TRANSLATE_NOOP("CoreError", "Gardien·ne du temps"),
    QT_TRANSLATE_NOOP("CoreError", "Scribe"),
    QT_TRANSLATE_NOOP("CoreError", "Observateur·rice"),
    QT_TRANSLATE_NOOP("CoreError", "Co-pilote (décisions déléguées)"),
    QT_TRANSLATE_NOOP("CoreError", "Un chantier « {title} » existe déjà dans cet atelier."),
    QT_TRANSLATE_NOOP("CoreError", "Post-its invalides."),
    QT_TRANSLATE_NOOP("CoreError", "Cette personne a déjà été effacée."),
    QT_TRANSLATE_NOOP("CoreError", "La séance est terminée : cet ordinateur n'y a plus accès."),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "L'animatrice n'a pas encore accepté cet ordinateur : elle le fait depuis son panneau de co-animation.",
    ),
    QT_TRANSLATE_NOOP("CoreError", "L'échange d'appairage a expiré : recommencez."),
    QT_TRANSLATE_NOOP("CoreError", "Message d'appairage illisible."),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "L'ordinateur qui répond à cette adresse n'est pas celui avec lequel cet ordinateur a été appairé (son certificat a changé) : rien ne lui a été envoyé. Si l'animatrice a changé d'ordinateur, appairez de nouveau avec le code qu'elle affiche.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "L'ordinateur qui répond n'a pas prouvé qu'il connaît le code d'appairage : soit le code est faux, soit ce n'est pas l'ordinateur de l'animatrice (une autre séance peut porter le même titre). Rien ne lui a été envoyé. Vérifiez les 6 chiffres et l'adresse affichés sur son écran.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Trop de codes erronés depuis cet ordinateur : l'appairage est bloqué pendant une minute.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Trop de codes erronés : ce code d'appairage ne sert plus. Demandez à l'animatrice d'afficher un nouveau code (« Nouveau code »).",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Ce code ne correspond pas : vérifiez les 6 chiffres affichés sur l'ordinateur de l'animatrice.",
    ),
    QT_TRANSLATE_NOOP("CoreError", "« {name} » a été déconnecté : appairez-le à nouveau."),
    QT_TRANSLATE_NOOP("CoreError", "Action de conservation inconnue : « {action} »."),
    QT_TRANSLATE_NOOP("CoreError", "Impossible de créer la base « {path} » ({reason})."),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "« {name} » contient des données refusées : {detail}. Rien n'a été importé.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "« {name} » contient des données imbriquées à l'excès. Rien n'a été importé.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "valeur numérique invalide ({name})",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "nombre entier de {digits} chiffres",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "nombre démesuré ({text})",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "{where} : nombre entier hors limites",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "{where} : nombre démesuré",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "{where} a une valeur inconnue (« {shown} »)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "{where} : données trop volumineuses",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "{where} : données imbriquées sur plus de {MAX_DEPTH} niveaux",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "{where} : texte de {n} caractères (au plus {limit})",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Trop de codes erronés ont été essayés dans la salle : les nouvelles arrivées sont suspendues (encore {minutes} min au plus). Prévenez l'équipe d'animation, qui peut lever ce blocage.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Trop de codes erronés depuis ce téléphone : réessayez dans {minutes} min, en recopiant le code affiché à l'écran (ou demandez-le à l'équipe d'animation).",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "L'ordinateur de l'animation ne peut pas lire la base de données pour l'instant ({detail}). Réessayez dans un instant.",
    ),
    QT_TRANSLATE_NOOP("CoreError", "sans réponse"),
    QT_TRANSLATE_NOOP("CoreError", "La séance est terminée. Merci de votre participation !"),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "La séance n'a pas commencé. Cette page s'ouvrira d'elle-même dès son ouverture.",
    ),
    QT_TRANSLATE_NOOP("CoreError", "les tables manquent"),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Ce téléphone a déjà été enregistré plusieurs fois : une personne, un téléphone. Si vous prêtez le vôtre, demandez à l'équipe d'animation.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreError",
        "Trop d'inscriptions depuis ce réseau. Si toute la salle passe par le même routeur, l'équipe d'animation peut l'autoriser dans les réglages (« Salle derrière une seule adresse »).",
    ),
)

# French words the core passes as a message's parameters: a field's name (`what=`), a date's
# side, a co-facilitator's role
WORDS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("CoreError", "Auteur"),
    QT_TRANSLATE_NOOP("CoreError", "Cadrage"),
    QT_TRANSLATE_NOOP("CoreError", "Ce qu'il faudrait changer"),
    QT_TRANSLATE_NOOP("CoreError", "Ce que je retiens"),
    QT_TRANSLATE_NOOP("CoreError", "Ce qui a marché"),
    QT_TRANSLATE_NOOP("CoreError", "Ce qui pourrait être amélioré"),
    QT_TRANSLATE_NOOP("CoreError", "Description du chantier"),
    QT_TRANSLATE_NOOP("CoreError", "L'action"),
    QT_TRANSLATE_NOOP("CoreError", "La méthode"),
    QT_TRANSLATE_NOOP("CoreError", "La raison"),
    QT_TRANSLATE_NOOP("CoreError", "Libellé"),
    QT_TRANSLATE_NOOP("CoreError", "Lieu"),
    QT_TRANSLATE_NOOP("CoreError", "Le porteur"),
    QT_TRANSLATE_NOOP("CoreError", "Le titre du chantier"),
    QT_TRANSLATE_NOOP("CoreError", "Ligne de suivi"),
    QT_TRANSLATE_NOOP("CoreError", "Légende"),
    QT_TRANSLATE_NOOP("CoreError", "Nom"),
    QT_TRANSLATE_NOOP("CoreError", "Nom du fichier"),
    QT_TRANSLATE_NOOP("CoreError", "Nom du format"),
    QT_TRANSLATE_NOOP("CoreError", "Organisation"),
    QT_TRANSLATE_NOOP("CoreError", "Post-it"),
    QT_TRANSLATE_NOOP("CoreError", "Qui"),
    QT_TRANSLATE_NOOP("CoreError", "Texte"),
    QT_TRANSLATE_NOOP("CoreError", "Titre"),
    QT_TRANSLATE_NOOP("CoreError", "Titre du groupe"),
    QT_TRANSLATE_NOOP("CoreError", "Titre du vote"),
    QT_TRANSLATE_NOOP("CoreError", "de début"),
    QT_TRANSLATE_NOOP("CoreError", "de fin"),
    QT_TRANSLATE_NOOP("CoreError", "post-it"),
)
_KNOWN = frozenset(MESSAGES + WORDS)
# a co-facilitator operation's name, as widgets/remote_controller.OP_LABELS translates it
_OTHER_CONTEXTS = ("RemoteController",)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def known(text: str) -> bool:
    """Whether `text` is one of the core's templates or words."""
    return text in _KNOWN


def _param(value: object) -> object:
    if isinstance(value, Phrase):
        return _say(value.template, value.params)
    if isinstance(value, DateText):
        return date_text(value.value)
    if isinstance(value, str):
        if value in _KNOWN:
            return _tr(value)
        for context in _OTHER_CONTEXTS:
            translated = QCoreApplication.translate(context, value)
            if translated != value:
                return translated
    return value


def _say(template: str, params: dict[str, object]) -> str:
    french = template.format(**params) if params else template
    if template not in _KNOWN:
        return french
    text = _tr(template)
    if not params:
        return text
    fields = {name for _, name, _, _ in Formatter().parse(text) if name}
    if not fields <= set(params):  # a translation naming a parameter the core did not give
        return french
    return text.format(**{name: _param(value) for name, value in params.items()})


def error_text(error: KnownError | str) -> str:
    """A core error (or a message the core wrote) in the window's language; as written when
    it is not one of the core's templates (the host's own words, a system's)."""
    if isinstance(error, KnownError):
        return _say(error.template, error.params)
    if isinstance(error, Phrase):
        return _say(error.template, error.params)
    return _tr(error) if error in _KNOWN else error
