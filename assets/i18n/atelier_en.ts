<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../widgets/method_library.py" line="58"/>
        <location filename="../../widgets/method_library.py" line="60"/>
        <source>MethodLibrary</source>
        <translation>MethodLibrary</translation>
    </message>
</context>
<context>
    <name>ActionsPanel</name>
    <message>
        <location filename="../../widgets/actions_panel.py" line="42"/>
        <source>À faire</source>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../../widgets/actions_panel.py" line="43"/>
        <source>En cours</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../widgets/actions_panel.py" line="44"/>
        <source>Fait</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../widgets/actions_panel.py" line="45"/>
        <source>Abandonnée</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <location filename="../../widgets/actions_panel.py" line="154"/>
        <source>Plan d&apos;action</source>
        <translation>Action plan</translation>
    </message>
    <message>
        <location filename="../../widgets/actions_panel.py" line="158"/>
        <source>Ce qui a été décidé : quoi, qui, pour quand. Double-cliquez sur une case pour la modifier ; Suppr retire l&apos;action (Ctrl+Z pour annuler).</source>
        <translation>What was decided: what, who, by when. Double-click a cell to change it; Delete removes the action (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <location filename="../../widgets/actions_panel.py" line="165"/>
        <source>Nouvelle action : ce qui sera fait…</source>
        <translation>New action: what will be done…</translation>
    </message>
    <message>
        <location filename="../../widgets/actions_panel.py" line="167"/>
        <source>Ajouter l&apos;action</source>
        <translation>Add the action</translation>
    </message>
    <message>
        <location filename="../../widgets/actions_panel.py" line="169"/>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../widgets/actions_panel.py" line="170"/>
        <source>Retirer l&apos;action choisie (Suppr)</source>
        <translation>Remove the chosen action (Delete)</translation>
    </message>
    <message>
        <location filename="../../widgets/actions_panel.py" line="179"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../widgets/actions_panel.py" line="179"/>
        <source>Qui</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../widgets/actions_panel.py" line="179"/>
        <source>Échéance</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../widgets/actions_panel.py" line="179"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../widgets/actions_panel.py" line="205"/>
        <source>Aucune action pour l&apos;instant. Écrivez ci-dessus ce qui a été décidé : qui fait quoi, pour quand. Après un vote, « Promouvoir en action » en ajoute aussi.</source>
        <translation>No actions yet. Write above what was decided: who does what, by when. After a vote, “Promote to action” adds some too.</translation>
    </message>
    <message>
        <location filename="../../widgets/actions_panel.py" line="324"/>
        <source>{n} action(s) supprimée(s) — Ctrl+Z pour annuler</source>
        <translation>{n} action(s) deleted — Ctrl+Z to undo</translation>
    </message>
    <message>
        <location filename="../../widgets/actions_panel.py" line="151"/>
        <source>Sans échéance</source>
        <translation>No due date</translation>
    </message>
    <message>
        <location filename="../../widgets/actions_panel.py" line="152"/>
        <source>Nom d&apos;une personne ou d&apos;une organisation</source>
        <translation>Name of a person or an organisation</translation>
    </message>
</context>
<context>
    <name>AgendaEditor</name>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="277"/>
        <source>+ Séquence</source>
        <translation>+ Activity</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="278"/>
        <source>Ajouter une séquence vide (Ctrl+Entrée)</source>
        <translation>Add an empty activity (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="280"/>
        <source>+ Pause</source>
        <translation>+ Break</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="282"/>
        <source>Monter</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="283"/>
        <source>Monter la séquence (Alt+↑)</source>
        <translation>Move the activity up (Alt+↑)</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="285"/>
        <source>Descendre</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="286"/>
        <source>Descendre la séquence (Alt+↓)</source>
        <translation>Move the activity down (Alt+↓)</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="288"/>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="291"/>
        <source>Retirer la séquence de l&apos;agenda (Suppr ; Ctrl+Z pour annuler)</source>
        <translation>Remove the activity from the agenda (Del; Ctrl+Z to undo)</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="316"/>
        <source>Séquence sélectionnée</source>
        <translation>Selected activity</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="346"/>
        <source> · semaine {week}</source>
        <translation> · week {week}</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="386"/>
        <source>Pause</source>
        <translation>Break</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="388"/>
        <source>Sans méthode</source>
        <translation>No method</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="423"/>
        <source>Total : {planned} sur {length} prévues · fin à {end}</source>
        <translation>Total: {planned} of {length} planned · ends at {end}</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="427"/>
        <source> · dépasse de {over}</source>
        <translation> · {over} over</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="430"/>
        <source> · reste {left}</source>
        <translation> · {left} left</translation>
    </message>
</context>
<context>
    <name>AllChantiersDialog</name>
    <message>
        <location filename="../../widgets/all_chantiers_dialog.py" line="42"/>
        <source>Chantiers de tous les ateliers</source>
        <translation>Projects of every workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/all_chantiers_dialog.py" line="46"/>
        <source>Tous les statuts</source>
        <translation>Every status</translation>
    </message>
    <message>
        <location filename="../../widgets/all_chantiers_dialog.py" line="53"/>
        <source>Chercher un titre, un porteur…</source>
        <translation>Search a title, an owner…</translation>
    </message>
    <message>
        <location filename="../../widgets/all_chantiers_dialog.py" line="64"/>
        <source>Chantier</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../widgets/all_chantiers_dialog.py" line="65"/>
        <source>Atelier</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/all_chantiers_dialog.py" line="66"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../widgets/all_chantiers_dialog.py" line="67"/>
        <source>Porteur</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../widgets/all_chantiers_dialog.py" line="68"/>
        <source>Partenaires</source>
        <translation>Partners</translation>
    </message>
    <message>
        <location filename="../../widgets/all_chantiers_dialog.py" line="69"/>
        <source>Avancement</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../widgets/all_chantiers_dialog.py" line="84"/>
        <source>Double-cliquez sur un chantier pour ouvrir son atelier.</source>
        <translation>Double-click a project to open its workshop.</translation>
    </message>
    <message>
        <location filename="../../widgets/all_chantiers_dialog.py" line="104"/>
        <source>Tous les partenaires</source>
        <translation>Every partner</translation>
    </message>
    <message>
        <location filename="../../widgets/all_chantiers_dialog.py" line="136"/>
        <source>{n} chantier(s)</source>
        <translation>{n} project(s)</translation>
    </message>
</context>
<context>
    <name>BilanDialog</name>
    <message>
        <location filename="../../widgets/bilan_dialog.py" line="26"/>
        <source>Bilan d&apos;activité</source>
        <translation>Activity summary</translation>
    </message>
    <message>
        <location filename="../../widgets/bilan_dialog.py" line="30"/>
        <source>Les chiffres clés de tous les ateliers animés pendant la période : séances, participants, post-its, chantiers, satisfaction.</source>
        <translation>The key figures of every workshop run during the period: sessions, participants, sticky notes, projects, satisfaction.</translation>
    </message>
    <message>
        <location filename="../../widgets/bilan_dialog.py" line="39"/>
        <source>Cette année</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../widgets/bilan_dialog.py" line="40"/>
        <source>L&apos;an dernier</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../widgets/bilan_dialog.py" line="48"/>
        <source>Du</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../widgets/bilan_dialog.py" line="49"/>
        <source>Au</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../widgets/bilan_dialog.py" line="58"/>
        <source>Choisir où l&apos;enregistrer…</source>
        <translation>Choose where to save it…</translation>
    </message>
    <message>
        <location filename="../../widgets/bilan_dialog.py" line="59"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../widgets/bilan_dialog.py" line="94"/>
        <source>La période se termine avant de commencer : inversez les deux dates.</source>
        <translation>The period ends before it starts: swap the two dates.</translation>
    </message>
</context>
<context>
    <name>BoardMirror</name>
    <message>
        <location filename="../../widgets/board_mirror.py" line="87"/>
        <source>{n} post-it(s) écrit(s) — le texte reste caché jusqu&apos;à la révélation</source>
        <translation>{n} sticky note(s) written — the text stays hidden until revealed</translation>
    </message>
    <message>
        <location filename="../../widgets/board_mirror.py" line="91"/>
        <source>Écriture individuelle : écrivez sur votre téléphone</source>
        <translation>Individual writing: write on your phone</translation>
    </message>
</context>
<context>
    <name>BoardOverview</name>
    <message>
        <location filename="../../widgets/board_overview.py" line="46"/>
        <source>Arrivées</source>
        <translation>Arrivals</translation>
    </message>
    <message>
        <location filename="../../widgets/board_overview.py" line="53"/>
        <source>Sans groupe</source>
        <translation>Not grouped</translation>
    </message>
    <message>
        <location filename="../../widgets/board_overview.py" line="60"/>
        <source>{n} post-it</source>
        <translation>{n} sticky note</translation>
    </message>
    <message>
        <location filename="../../widgets/board_overview.py" line="62"/>
        <source>{n} post-its</source>
        <translation>{n} sticky notes</translation>
    </message>
</context>
<context>
    <name>BoardPanel</name>
    <message>
        <location filename="../../widgets/board_panel.py" line="481"/>
        <source>Titre du groupe :</source>
        <translation>Group title:</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="491"/>
        <source>Exporter le tableau</source>
        <translation>Export the board</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="493"/>
        <source>Image PNG (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="503"/>
        <source>Tableau exporté : {path}</source>
        <translation>Board exported: {path}</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="310"/>
        <source>Séquence en cours (suit la séance)</source>
        <translation>Current activity (follows the session)</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="89"/>
        <source>Le tableau de quelle séquence</source>
        <translation>Which activity&apos;s board</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="92"/>
        <source>Écrire un post-it puis Entrée…</source>
        <translation>Write a sticky note, then Enter…</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="98"/>
        <source>Couleur du post-it (ou de la sélection)</source>
        <translation>Colour of the sticky note (or of the selection)</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="100"/>
        <source>Regrouper</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="102"/>
        <source>Dégrouper</source>
        <translation>Ungroup</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="105"/>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="108"/>
        <source>Dupliquer</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="111"/>
        <location filename="../../widgets/board_panel.py" line="481"/>
        <source>Renommer le groupe</source>
        <translation>Rename group</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="114"/>
        <source>Rechercher (Ctrl+F)</source>
        <translation>Search (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="118"/>
        <source>Tout voir</source>
        <translation>Show all</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="129"/>
        <source>Écriture individuelle</source>
        <translation>Individual writing</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="132"/>
        <source>Les post-its des téléphones restent cachés jusqu&apos;à « Révéler »</source>
        <translation>Sticky notes from phones stay hidden until “Reveal”</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="135"/>
        <location filename="../../widgets/board_panel.py" line="322"/>
        <source>Révéler</source>
        <translation>Reveal</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="139"/>
        <source>Tableau ▾</source>
        <translation>Board ▾</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="216"/>
        <source>Modèle de tableau</source>
        <translation>Board template</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="217"/>
        <source>Celui de la méthode</source>
        <translation>The method&apos;s own</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="223"/>
        <source>Grille magnétique</source>
        <translation>Snap to grid</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="226"/>
        <source>Grand texte (projection)</source>
        <translation>Large text (projector)</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="230"/>
        <source>Un seul tableau pour tout l&apos;atelier</source>
        <translation>One board for the whole workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="234"/>
        <source>Post-its des téléphones directement sur le tableau</source>
        <translation>Sticky notes from phones straight onto the board</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="247"/>
        <source>Exporter en image PNG…</source>
        <translation>Export as a PNG image…</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="322"/>
        <source>Révéler ({n})</source>
        <translation>Reveal ({n})</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="327"/>
        <source>{n} post-it(s)</source>
        <translation>{n} sticky note(s)</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="329"/>
        <source>{n} groupe(s)</source>
        <translation>{n} group(s)</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="331"/>
        <source>{n} caché(s)</source>
        <translation>{n} hidden</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="335"/>
        <source>Tableau vide : écrivez le premier post-it ci-dessus</source>
        <translation>Empty board: write the first sticky note above</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="402"/>
        <source>Sélectionnez au moins deux post-its (cliquer-glisser autour, ou Ctrl+clic).</source>
        <translation>Select at least two sticky notes (drag around them, or Ctrl+click).</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="410"/>
        <source>Groupe créé : double-cliquez sur son titre pour le replier.</source>
        <translation>Group created: double-click its title to collapse it.</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="438"/>
        <source>Sélectionnez un groupe (cliquez sur son titre).</source>
        <translation>Select a group (click its title).</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="451"/>
        <source>{n} post-it(s) supprimé(s) — Ctrl+Z pour annuler</source>
        <translation>{n} sticky note(s) deleted — Ctrl+Z to undo</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="515"/>
        <source>{n} résultat(s) pour la recherche</source>
        <translation>{n} result(s) for the search</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="120"/>
        <source>Voter…</source>
        <translation>Vote…</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="127"/>
        <source>Ouvrir un vote sur la sélection, ou sur tout le tableau (Ctrl+Shift+V)</source>
        <translation>Open a vote on the selection, or on the whole board (Ctrl+Shift+V)</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="239"/>
        <source>Suggérer des regroupements…</source>
        <translation>Suggest groups…</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="243"/>
        <source>Sur les post-its sélectionnés, ou sur tous ceux qui ne sont dans aucun groupe</source>
        <translation>On the selected post-its, or on all those in no group</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="432"/>
        <source>{n} groupe(s) créé(s) — Ctrl+Z pour annuler</source>
        <translation>{n} group(s) created — Ctrl+Z to undo</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="175"/>
        <source>Ranger</source>
        <translation>Tidy up</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="178"/>
        <source>Ranger la sélection, le groupe sélectionné, ou tout le tableau si rien n&apos;est sélectionné (Ctrl+Shift+R ; Ctrl+Z pour annuler)</source>
        <translation>Tidy up the selection, the selected group, or the whole board when nothing is selected (Ctrl+Shift+R; Ctrl+Z to undo)</translation>
    </message>
    <message>
        <location filename="../../widgets/board_panel.py" line="473"/>
        <source>Tableau rangé — Ctrl+Z pour annuler</source>
        <translation>Board tidied up — Ctrl+Z to undo</translation>
    </message>
</context>
<context>
    <name>CadrageForm</name>
    <message>
        <location filename="../../widgets/cadrage_form.py" line="31"/>
        <source>Porteurs du projet</source>
        <translation>Project owners</translation>
    </message>
    <message>
        <location filename="../../widgets/cadrage_form.py" line="32"/>
        <source>Qui porte le projet ? Direction, service, personne référente…</source>
        <translation>Who owns the project? Directorate, department, contact person…</translation>
    </message>
    <message>
        <location filename="../../widgets/cadrage_form.py" line="35"/>
        <source>Pourquoi</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../widgets/cadrage_form.py" line="36"/>
        <source>Le problème ou l&apos;occasion qui motive l&apos;atelier.</source>
        <translation>The problem or opportunity behind the workshop.</translation>
    </message>
    <message>
        <location filename="../../widgets/cadrage_form.py" line="37"/>
        <source>Objectifs</source>
        <translation>Objectives</translation>
    </message>
    <message>
        <location filename="../../widgets/cadrage_form.py" line="38"/>
        <source>Ce que l&apos;on veut avoir obtenu à la fin.</source>
        <translation>What we want to have achieved by the end.</translation>
    </message>
    <message>
        <location filename="../../widgets/cadrage_form.py" line="39"/>
        <source>Périmètre</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../widgets/cadrage_form.py" line="40"/>
        <source>Ce qui est dans le sujet, et ce qui n&apos;y est pas.</source>
        <translation>What is in scope, and what is not.</translation>
    </message>
    <message>
        <location filename="../../widgets/cadrage_form.py" line="41"/>
        <source>Livrables</source>
        <translation>Deliverables</translation>
    </message>
    <message>
        <location filename="../../widgets/cadrage_form.py" line="42"/>
        <source>Ce qui sera remis : compte-rendu, plan d&apos;action, prototype…</source>
        <translation>What will be delivered: report, action plan, prototype…</translation>
    </message>
    <message>
        <location filename="../../widgets/cadrage_form.py" line="43"/>
        <source>Partenaires concernés</source>
        <translation>Partners involved</translation>
    </message>
    <message>
        <location filename="../../widgets/cadrage_form.py" line="44"/>
        <source>Une organisation par ligne.</source>
        <translation>One organisation per line.</translation>
    </message>
    <message>
        <location filename="../../widgets/cadrage_form.py" line="45"/>
        <source>Public visé</source>
        <translation>Target audience</translation>
    </message>
    <message>
        <location filename="../../widgets/cadrage_form.py" line="46"/>
        <source>Agents, partenaires, acteurs privés, usagers…</source>
        <translation>Civil servants, partners, private actors, service users…</translation>
    </message>
    <message>
        <location filename="../../widgets/cadrage_form.py" line="69"/>
        <source>Salle, ville (hors les murs : Poitiers, Limoges…)</source>
        <translation>Room, town (off-site: Poitiers, Limoges…)</translation>
    </message>
    <message>
        <location filename="../../widgets/cadrage_form.py" line="71"/>
        <source>Date fixée</source>
        <translation>Date set</translation>
    </message>
    <message>
        <location filename="../../widgets/cadrage_form.py" line="86"/>
        <source>Non précisé</source>
        <translation>Not specified</translation>
    </message>
    <message>
        <location filename="../../widgets/cadrage_form.py" line="87"/>
        <source> personnes</source>
        <translation> people</translation>
    </message>
    <message>
        <location filename="../../widgets/cadrage_form.py" line="98"/>
        <source>Lieu</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../widgets/cadrage_form.py" line="99"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../widgets/cadrage_form.py" line="100"/>
        <source>Nombre de participants attendus</source>
        <translation>Expected number of participants</translation>
    </message>
</context>
<context>
    <name>ChantiersPanel</name>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="63"/>
        <source>Chantiers suivis</source>
        <translation>Projects followed</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="85"/>
        <source>Qui porte le chantier</source>
        <translation>Who owns the project</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="90"/>
        <source>Aucun partenaire dans le cadrage : complétez-le pour les associer.</source>
        <translation>No partners in the framing: complete it to involve them.</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="94"/>
        <location filename="../../widgets/chantiers_panel.py" line="96"/>
        <source>Non fixée</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="99"/>
        <source>Début</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="102"/>
        <source>Visée</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="121"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="122"/>
        <source>Porteur</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="126"/>
        <source>Partenaires</source>
        <translation>Partners</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="127"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="128"/>
        <source>Avancement</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="130"/>
        <source>Suivi</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="138"/>
        <source>comité du 12 mars : financement acquis</source>
        <translation>committee of 12 March: funding secured</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="140"/>
        <source>Ajouter au suivi</source>
        <translation>Add to the timeline</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="142"/>
        <source>Retirer la ligne</source>
        <translation>Remove the line</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="170"/>
        <source>Aucun chantier pour l&apos;instant. Après un vote, « Promouvoir en chantier » fait des idées retenues des chantiers à suivre ici : porteur, partenaires, dates, avancement et suivi. Vous pouvez aussi en ouvrir un ci-dessus.</source>
        <translation>No projects yet. After a vote, “Promote to project” turns the ideas kept into projects followed here: owner, partners, dates, progress and timeline. You can also open one above.</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="180"/>
        <source>Nouveau chantier : son titre…</source>
        <translation>New project: its title…</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="182"/>
        <source>Ouvrir le chantier</source>
        <translation>Open the project</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="184"/>
        <source>Supprimer le chantier…</source>
        <translation>Delete the project…</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="212"/>
        <source>{title}
{status} · {progress} %</source>
        <translation>{title}
{status} · {progress} %</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="242"/>
        <source>Chantier ouvert — Ctrl+Z pour annuler</source>
        <translation>Project opened — Ctrl+Z to undo</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="249"/>
        <source>Supprimer le chantier</source>
        <translation>Delete the project</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="251"/>
        <source>Supprimer « {title} » et son suivi ({n} ligne(s)) ? Les idées qu&apos;il a retenues reviennent « sans décision ». Ctrl+Z l&apos;annule.</source>
        <translation>Delete “{title}” and its timeline ({n} line(s))? The ideas it kept go back to “no decision”. Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="254"/>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="258"/>
        <source>Chantier supprimé — Ctrl+Z pour annuler</source>
        <translation>Project deleted — Ctrl+Z to undo</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="279"/>
        <source>Chantier ouvert à la main.</source>
        <translation>Project opened by hand.</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="322"/>
        <source>Chantier « {title} » : {status} — Ctrl+Z pour annuler</source>
        <translation>Project “{title}”: {status} — Ctrl+Z to undo</translation>
    </message>
    <message>
        <location filename="../../widgets/chantiers_panel.py" line="391"/>
        <source>Ligne du suivi retirée — Ctrl+Z pour annuler</source>
        <translation>Timeline line removed — Ctrl+Z to undo</translation>
    </message>
</context>
<context>
    <name>CheckInPanel</name>
    <message>
        <location filename="../../widgets/checkin_panel.py" line="42"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../widgets/checkin_panel.py" line="42"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../widgets/checkin_panel.py" line="42"/>
        <source>Catégorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../widgets/checkin_panel.py" line="42"/>
        <source>Arrivée</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <location filename="../../widgets/checkin_panel.py" line="51"/>
        <source>Personne n&apos;est encore arrivé. Les téléphones s&apos;enregistrent en scannant le QR code projeté ; « Ajouter » enregistre quelqu&apos;un sans téléphone.</source>
        <translation>Nobody has arrived yet. Phones check in by scanning the projected QR code; “Add” checks in someone without a phone.</translation>
    </message>
    <message>
        <location filename="../../widgets/checkin_panel.py" line="56"/>
        <source>Ajouter à la main…</source>
        <translation>Add by hand…</translation>
    </message>
    <message>
        <location filename="../../widgets/checkin_panel.py" line="58"/>
        <source>Corriger le nom…</source>
        <translation>Fix the name…</translation>
    </message>
    <message>
        <location filename="../../widgets/checkin_panel.py" line="60"/>
        <source>Retirer (doublon)…</source>
        <translation>Remove (duplicate)…</translation>
    </message>
    <message>
        <location filename="../../widgets/checkin_panel.py" line="63"/>
        <source>Supprimer cette personne…</source>
        <translation>Erase this person…</translation>
    </message>
    <message>
        <location filename="../../widgets/checkin_panel.py" line="66"/>
        <source>Efface son nom et ses données partout (RGPD) ; les comptes sont gardés</source>
        <translation>Erases her name and data everywhere (GDPR); the counts are kept</translation>
    </message>
    <message>
        <location filename="../../widgets/checkin_panel.py" line="107"/>
        <source>{n} présent(s)</source>
        <translation>{n} present</translation>
    </message>
    <message>
        <location filename="../../widgets/checkin_panel.py" line="107"/>
        <source>Aucun présent</source>
        <translation>Nobody present</translation>
    </message>
    <message>
        <location filename="../../widgets/checkin_panel.py" line="111"/>
        <source>{label} : {n}</source>
        <translation>{label}: {n}</translation>
    </message>
</context>
<context>
    <name>CofacDesk</name>
    <message>
        <location filename="../../widgets/cofac_desk.py" line="139"/>
        <source>Révoquer un ordinateur</source>
        <translation>Revoke a laptop</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_desk.py" line="141"/>
        <source>Déconnecter « {name} » de la séance ? Cet ordinateur ne pourra plus rien lire ni faire ; un nouveau code d&apos;appairage remplace l&apos;actuel.</source>
        <translation>Disconnect “{name}” from the session? That laptop will no longer see or do anything; a new pairing code replaces the current one.</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_desk.py" line="144"/>
        <source>Révoquer</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_desk.py" line="147"/>
        <source>« {name} » a été déconnecté.</source>
        <translation>“{name}” has been disconnected.</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_desk.py" line="101"/>
        <source>Co-animation ({n})</source>
        <translation>Co-facilitation ({n})</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_desk.py" line="99"/>
        <source>Co-animation ({n} en attente)</source>
        <translation>Co-facilitation ({n} waiting)</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_desk.py" line="103"/>
        <source>Co-animation</source>
        <translation>Co-facilitation</translation>
    </message>
</context>
<context>
    <name>CofacPanel</name>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="33"/>
        <source>Co-animateur·rice</source>
        <translation>Co-facilitator</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="34"/>
        <source>Co-pilote (décisions déléguées)</source>
        <translation>Co-pilot (delegated decisions)</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="35"/>
        <source>Gardien·ne du temps</source>
        <translation>Time keeper</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="36"/>
        <source>Scribe</source>
        <translation>Scribe</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="37"/>
        <source>Observateur·rice</source>
        <translation>Observer</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="54"/>
        <source>Co-animation</source>
        <translation>Co-facilitation</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="57"/>
        <source>Co-animer depuis un deuxième ordinateur</source>
        <translation>Co-facilitate from a second laptop</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="61"/>
        <source>Sur l&apos;autre ordinateur (même réseau Wi-Fi) : Fichier → « Rejoindre une séance… », choisir cette séance, puis taper ce code :</source>
        <translation>On the other laptop (same Wi-Fi network): File → “Join a session…”, pick this session, then type this code:</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="80"/>
        <source>Ordinateurs appairés</source>
        <translation>Paired laptops</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="83"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="83"/>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="83"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="93"/>
        <source>Aucun ordinateur n&apos;a encore rejoint la séance. Un nouvel ordinateur ne reçoit rien tant que vous ne l&apos;avez pas accepté ici ; il arrive en observateur·rice : choisissez ici son rôle.</source>
        <translation>No computer has joined the session yet. A new computer receives nothing until you accept it here; it arrives as an observer: choose its role here.</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="101"/>
        <source>Co-animateur·rice : tout, sauf terminer la séance · Gardien·ne du temps : le minuteur · Scribe : les post-its et les groupes · Observateur·rice : lecture seule</source>
        <translation>Co-facilitator: everything but ending the session · Time keeper: the timer · Scribe: post-its and groups · Observer: read only</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="107"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="109"/>
        <source>Nouveau code</source>
        <translation>New code</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="111"/>
        <source>Remplacer le code d&apos;appairage : l&apos;actuel ne sert plus à personne</source>
        <translation>Replace the pairing code: the current one no longer works for anyone</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="141"/>
        <source>Trop de codes erronés ont été essayés : ce code ne sert plus. Cliquez sur « Nouveau code » pour appairer un ordinateur.</source>
        <translation>Too many wrong codes were tried: this code no longer works. Click “New code” to pair a computer.</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="146"/>
        <source>Le serveur de la séance ne tourne pas : pas de co-animation possible.</source>
        <translation>The session&apos;s server is not running: no co-facilitation possible.</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="150"/>
        <source>Si la séance n&apos;apparaît pas dans la liste, taper l&apos;adresse : {address}</source>
        <translation>If the session is not in the list, type the address: {address}</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="182"/>
        <source>Accepter</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="185"/>
        <source>Cet ordinateur a tapé le code : lui donner accès à la séance</source>
        <translation>This computer typed the code: give it access to the session</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="188"/>
        <source>Révoquer…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="191"/>
        <source>Déconnecter cet ordinateur : il ne pourra plus ni lire ni agir</source>
        <translation>Disconnect this laptop: it will no longer see or do anything</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="220"/>
        <source>En attente d&apos;accord</source>
        <translation>Waiting for approval</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="227"/>
        <source>Pas encore connecté</source>
        <translation>Not connected yet</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="229"/>
        <source>● En ligne</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_panel.py" line="231"/>
        <source>Vu à {time}</source>
        <translation>Last seen at {time}</translation>
    </message>
</context>
<context>
    <name>CofacWindow</name>
    <message>
        <location filename="../../widgets/cofac_window.py" line="43"/>
        <source>Atelier — co-animation : {title}</source>
        <translation>Atelier — co-facilitation: {title}</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="109"/>
        <source>Copie de la séance en cours…</source>
        <translation>Copying the session…</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="135"/>
        <source>Séance de « {title} » · vous : {name}, {role}</source>
        <translation>Session “{title}” · you: {name}, {role}</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="143"/>
        <source>✕ Accès retiré par l&apos;animatrice</source>
        <translation>✕ Access removed by the lead facilitator</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="146"/>
        <source>Cet ordinateur ne reçoit plus la séance et ne cherche plus à s&apos;y reconnecter. Ce qui est affiché reste lisible, et le compte-rendu peut être exporté depuis cette copie.</source>
        <translation>This laptop no longer receives the session and no longer tries to reconnect. What is shown stays readable, and the report can be exported from this copy.</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="155"/>
        <source>L&apos;animatrice a retiré l&apos;accès de cet ordinateur : il ne se reconnecte plus à la séance.</source>
        <translation>The lead facilitator removed this laptop&apos;s access: it no longer reconnects to the session.</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="161"/>
        <source>◌ En attente de l&apos;accord de l&apos;animatrice</source>
        <translation>◌ Waiting for the lead facilitator&apos;s approval</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="164"/>
        <source>Le code était le bon. L&apos;animatrice doit encore accepter cet ordinateur dans son panneau de co-animation : rien n&apos;est reçu avant.</source>
        <translation>The code was right. The lead facilitator still has to accept this computer in her co-facilitation panel: nothing is received before that.</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="170"/>
        <source>● En ligne</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="171"/>
        <source>Relié à l&apos;ordinateur de l&apos;animatrice</source>
        <translation>Connected to the lead facilitator&apos;s laptop</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="174"/>
        <source>○ Hors ligne</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="177"/>
        <source>L&apos;ordinateur de l&apos;animatrice ne répond pas. Vous pouvez continuer à lire ; vos actions partiront dès son retour.</source>
        <translation>The lead facilitator&apos;s laptop does not answer. You can keep reading; your actions will be sent as soon as it is back.</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="187"/>
        <source>Refusé par l&apos;ordinateur de l&apos;animatrice : {message}</source>
        <translation>Refused by the lead facilitator&apos;s laptop: {message}</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="197"/>
        <source>{n} action(s) en attente d&apos;envoi</source>
        <translation>{n} action(s) waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="199"/>
        <source>Aucune action en attente</source>
        <translation>No action waiting</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="59"/>
        <source>Copie de la séance sur cet ordinateur : {where}</source>
        <translation>Copy of the session on this laptop: {where}</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="50"/>
        <source>Reprendre l&apos;atelier sur cet ordinateur…</source>
        <translation>Take over the workshop on this laptop…</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="218"/>
        <source>Attention : l&apos;ordinateur de l&apos;animatrice répond encore. Ne reprenez l&apos;atelier que s&apos;il ne peut plus servir la séance.</source>
        <translation>Careful: the lead facilitator&apos;s laptop still answers. Take the workshop over only if it can no longer run the session.</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="224"/>
        <source>« {title} » devient un atelier de cet ordinateur, avec sa copie complète : agenda et temps passés, post-its, votes, participants.</source>
        <translation>“{title}” becomes a workshop of this laptop, with its full copy: agenda and time spent, sticky notes, votes, participants.</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="231"/>
        <source>La séance se rouvre ici, minuteur en pause : vous le relancez quand la salle est prête. Cet ordinateur sert alors les téléphones : projetez son QR code, chaque participant le scanne et s&apos;enregistre à nouveau (les arrivées déjà notées restent dans la liste). Les autres co-animateurs rejoignent cet ordinateur avec son code.</source>
        <translation>The session reopens here with its timer paused: restart it when the room is ready. This laptop then serves the phones: project its QR code, each participant scans it and checks in again (arrivals already recorded stay in the list). Other co-facilitators join this laptop with its code.</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="240"/>
        <source>Aucune séance n&apos;est ouverte : « Démarrer la séance » la poursuivra ici.</source>
        <translation>No session is open: “Start session” will carry it on here.</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="246"/>
        <source>{n} action(s) en attente d&apos;envoi ne seront pas appliquées : refaites-les après la reprise.</source>
        <translation>{n} action(s) waiting to be sent will not be applied: do them again after taking over.</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="252"/>
        <source>Cette fenêtre se ferme : cet ordinateur ne suit plus celui de l&apos;animatrice, et la copie reçue reste telle quelle.</source>
        <translation>This window closes: this laptop no longer follows the lead facilitator&apos;s, and the copy received stays as it is.</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="257"/>
        <source>Reprendre l&apos;atelier sur cet ordinateur</source>
        <translation>Take over the workshop on this laptop</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="259"/>
        <source>Reprendre ici</source>
        <translation>Take over here</translation>
    </message>
    <message>
        <location filename="../../widgets/cofac_window.py" line="211"/>
        <source>Cet ordinateur n&apos;a plus accès à la séance : la copie est celle du moment où l&apos;accès a été retiré.</source>
        <translation>This laptop no longer has access to the session: the copy is as it was when access was removed.</translation>
    </message>
</context>
<context>
    <name>CoreError</name>
    <message>
        <location filename="../../widgets/core_errors.py" line="26"/>
        <source>Hors ligne : l&apos;ordinateur de l&apos;animatrice ne répond pas. Vous pouvez continuer à lire ; vos actions partiront dès son retour. ({detail})</source>
        <translation>Offline: the lead facilitator’s computer is not answering. You can carry on reading; your actions will be sent as soon as it is back. ({detail})</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="30"/>
        <source>Hors ligne : l&apos;ordinateur de l&apos;animatrice ne répond pas. Vous pouvez continuer à lire ; vos actions partiront dès son retour.</source>
        <translation>Offline: the lead facilitator’s computer is not answering. You can carry on reading; your actions will be sent as soon as it is back.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="34"/>
        <source>Adresse invalide : « {address} ».</source>
        <translation>Invalid address: “{address}”.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="35"/>
        <source>L&apos;ordinateur de l&apos;animatrice a Atelier {host_version}, celui-ci {version} : installez la même version sur les deux.</source>
        <translation>The facilitator’s computer has Atelier {host_version}, this one {version}: install the same version on both.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="39"/>
        <source>réponse {status_code}</source>
        <translation>answer {status_code}</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="40"/>
        <source>Date {what} illisible : « {value} ». Écrivez-la sous la forme AAAA-MM-JJ (par exemple 2026-01-31) ou JJ/MM/AAAA (31/01/2026).</source>
        <translation>Unreadable {what} date: “{value}”. Write it as YYYY-MM-DD (for example 2026-01-31) or DD/MM/YYYY (31/01/2026).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="44"/>
        <source>La période se termine le {end}, avant de commencer le {start} : inversez les deux dates.</source>
        <translation>The period ends on {end}, before it starts on {start}: swap the two dates.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="48"/>
        <source>La date {what} « {value} » n&apos;existe pas dans le calendrier : vérifiez le jour et le mois.</source>
        <translation>The {what} date “{value}” does not exist in the calendar: check the day and the month.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="52"/>
        <source>La durée doit être un nombre entier de minutes.</source>
        <translation>The duration must be a whole number of minutes.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="53"/>
        <source>Une séquence dure de 1 minute à 12 heures (720 minutes).</source>
        <translation>A sequence lasts from 1 minute to 12 hours (720 minutes).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="54"/>
        <source>{what} : un texte est attendu.</source>
        <translation>{what}: a text is expected.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="55"/>
        <source>{what} : {limit} caractères au plus ({n} saisis).</source>
        <translation>{what}: {limit} characters at most ({n} typed).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="56"/>
        <source>{what} : ce champ ne peut pas être vide.</source>
        <translation>{what}: this field cannot be empty.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="57"/>
        <source>Élément de vote inconnu.</source>
        <translation>Unknown vote item.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="58"/>
        <source>{what} : un nombre entier est attendu.</source>
        <translation>{what}: a whole number is expected.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="59"/>
        <source>{what} : de {low} à {high}.</source>
        <translation>{what}: from {low} to {high}.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="60"/>
        <source>De 1 à {MAX_CRITERIA} critères.</source>
        <translation>From 1 to {MAX_CRITERIA} criteria.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="61"/>
        <source>Deux critères portent la même clé.</source>
        <translation>Two criteria have the same key.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="62"/>
        <source>Bulletin illisible.</source>
        <translation>Unreadable ballot.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="63"/>
        <source>Type de vote inconnu.</source>
        <translation>Unknown vote type.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="64"/>
        <source>Heure de clôture invalide.</source>
        <translation>Invalid closing time.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="65"/>
        <source>Critère invalide.</source>
        <translation>Invalid criterion.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="66"/>
        <source>Chaque critère a un intitulé.</source>
        <translation>Each criterion needs a label.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="67"/>
        <source>Poids de « {label} »</source>
        <translation>Weight of “{label}”</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="68"/>
        <source>Axe inconnu (impact ou faisabilité).</source>
        <translation>Unknown axis (impact or feasibility).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="69"/>
        <source>Cet élément ne fait pas partie du vote.</source>
        <translation>This item is not part of the vote.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="70"/>
        <source>Critère inconnu pour ce vote.</source>
        <translation>Unknown criterion for this vote.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="71"/>
        <source>Vous ne pouvez pas voter pour vos propres post-its.</source>
        <translation>You cannot vote for your own sticky notes.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="72"/>
        <source>1 gommette au plus sur un même élément.</source>
        <translation>1 dot at most on any one item.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="73"/>
        <source>{n} gommettes au plus sur un même élément.</source>
        <translation>{n} dots at most on any one item.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="74"/>
        <source>Plus de gommettes : vous en avez {dots} en tout.</source>
        <translation>No more dots: you have {dots} in all.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="75"/>
        <source>Seuil éliminatoire de « {label} »</source>
        <translation>Elimination threshold of “{label}”</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="76"/>
        <source>Une valeur ne peut pas être négative.</source>
        <translation>A value cannot be negative.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="77"/>
        <source>Plus de points : votre budget est de {budget}.</source>
        <translation>No more points: your budget is {budget}.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="78"/>
        <source>Mention inconnue.</source>
        <translation>Unknown grade.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="79"/>
        <source>Donnez une mention à chaque élément.</source>
        <translation>Give every item a grade.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="80"/>
        <source>Chaque note va de 1 à 5.</source>
        <translation>Each score goes from 1 to 5.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="81"/>
        <source>Notez chaque élément sur chaque critère.</source>
        <translation>Score every item on every criterion.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="82"/>
        <source>{path}, ligne {line} : {problem}</source>
        <translation>{path}, line {line}: {problem}</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="83"/>
        <source>{path} : {problem}</source>
        <translation>{path}: {problem}</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="84"/>
        <source>{field_path} : {err}</source>
        <translation>{field_path}: {err}</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="85"/>
        <source>le fichier n&apos;est pas en UTF-8</source>
        <translation>the file is not UTF-8</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="86"/>
        <source>lecture impossible ({reason})</source>
        <translation>cannot be read ({reason})</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="87"/>
        <source>syntaxe TOML invalide ({msg})</source>
        <translation>invalid TOML syntax ({msg})</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="88"/>
        <source>clé « {key} » en double</source>
        <translation>key “{key}” appears twice</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="89"/>
        <source>méthode inconnue « {method} »</source>
        <translation>unknown method “{method}”</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="90"/>
        <source>format « {key} » déjà défini</source>
        <translation>format “{key}” is already defined</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="91"/>
        <source>méthode inconnue « {unknown} »</source>
        <translation>unknown method “{unknown}”</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="92"/>
        <source>Cette partie de l&apos;agenda n&apos;existe plus.</source>
        <translation>This part of the agenda no longer exists.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="93"/>
        <source>Méthode inconnue « {method_key} ».</source>
        <translation>Unknown method “{method_key}”.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="94"/>
        <source>Position invalide.</source>
        <translation>Invalid position.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="95"/>
        <source>Une séquence ne peut pas changer d&apos;atelier.</source>
        <translation>A sequence cannot move to another workshop.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="96"/>
        <source>Méthode inconnue « {value} ».</source>
        <translation>Unknown method “{value}”.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="97"/>
        <source>Champ inconnu « {key} ».</source>
        <translation>Unknown field “{key}”.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="98"/>
        <source>Type de séquence inconnu.</source>
        <translation>Unknown sequence type.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="99"/>
        <source>La base contient déjà l&apos;atelier « {title} » de cette archive. Choisissez de le remplacer (--replace) ou de garder les deux, l&apos;import étant renommé « {title}{COPY_SUFFIX} » (--as-copy). Rien n&apos;a été importé.</source>
        <translation>The database already holds the workshop “{title}” from this archive. Choose to replace it (--replace) or to keep both, the import being renamed “{title}{COPY_SUFFIX}” (--as-copy). Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="103"/>
        <source>Archive endommagée ou modifiée : {detail}. Rien n&apos;a été importé.</source>
        <translation>Archive damaged or modified: {detail}. Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="106"/>
        <source>Ce fichier n&apos;est pas une archive d&apos;atelier exportée par Atelier. Rien n&apos;a été importé.</source>
        <translation>This file is not a workshop archive exported by Atelier. Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="110"/>
        <source>numéro de version absent</source>
        <translation>version number missing</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="111"/>
        <source>Cette archive vient d&apos;une version plus récente d&apos;Atelier ({version}) : mettez Atelier à jour pour l&apos;importer.</source>
        <translation>This archive comes from a newer version of Atelier ({version}): update Atelier to import it.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="115"/>
        <source>l&apos;empreinte de contrôle ne correspond plus au contenu</source>
        <translation>the checksum no longer matches the content</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="116"/>
        <source>il faut exactement un atelier</source>
        <translation>there must be exactly one workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="117"/>
        <source>photos.data n&apos;est pas une image JPEG</source>
        <translation>photos.data is not a JPEG image</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="118"/>
        <source>une photo est bien trop lourde</source>
        <translation>a photo is far too heavy</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="119"/>
        <source>une photo n&apos;a pas une taille possible</source>
        <translation>a photo has an impossible size</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="120"/>
        <source>la liste des méthodes est invalide</source>
        <translation>the list of methods is invalid</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="121"/>
        <source>« {name} » est trop gros pour une archive d&apos;atelier.</source>
        <translation>“{name}” is too big for a workshop archive.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="122"/>
        <source>Impossible de lire « {name} » ({reason}).</source>
        <translation>Cannot read “{name}” ({reason}).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="123"/>
        <source>« {name} » n&apos;est pas une archive Atelier lisible (JSON invalide ou tronqué). Rien n&apos;a été importé.</source>
        <translation>“{name}” is not a readable Atelier archive (invalid or truncated JSON). Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="127"/>
        <source>plus de {MAX_PHOTOS} photos</source>
        <translation>more than {MAX_PHOTOS} photos</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="128"/>
        <source>{where} a une valeur invalide</source>
        <translation>{where} has an invalid value</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="129"/>
        <source>vote_rounds.items a une valeur invalide</source>
        <translation>vote_rounds.items has an invalid value</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="130"/>
        <source>une photo est abîmée</source>
        <translation>a photo is damaged</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="131"/>
        <source>une méthode est invalide</source>
        <translation>a method is invalid</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="132"/>
        <source>la table « {name} » manque</source>
        <translation>the table “{name}” is missing</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="133"/>
        <source>{where} est vide</source>
        <translation>{where} is empty</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="134"/>
        <source>une photo n&apos;a pas la taille annoncée</source>
        <translation>a photo does not have the size stated</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="135"/>
        <source>{where}.{column} renvoie à un élément absent</source>
        <translation>{where}.{column} refers to a missing item</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="136"/>
        <source>{where} : élément de vote inconnu</source>
        <translation>{where}: unknown vote item</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="137"/>
        <source>{where} n&apos;est pas une date</source>
        <translation>{where} is not a date</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="138"/>
        <source>{name} : champ inattendu « {field} »</source>
        <translation>{name}: unexpected field “{field}”</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="139"/>
        <source>{name}.{key} manque</source>
        <translation>{name}.{key} is missing</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="140"/>
        <source>{name} : identifiant manquant ou en double</source>
        <translation>{name}: identifier missing or duplicated</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="141"/>
        <source>{where} n&apos;est pas une image lisible</source>
        <translation>{where} is not a readable image</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="142"/>
        <source>{where} : type inconnu</source>
        <translation>{where}: unknown type</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="143"/>
        <source>Sélectionnez au moins deux post-its pour les regrouper.</source>
        <translation>Select at least two sticky notes to group them.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="144"/>
        <source>Rien à modifier.</source>
        <translation>Nothing to change.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="145"/>
        <source>Ce groupe n&apos;existe plus.</source>
        <translation>This group no longer exists.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="146"/>
        <source>Ce post-it n&apos;existe plus.</source>
        <translation>This sticky note no longer exists.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="147"/>
        <source>Sélectionnez au moins un {what}.</source>
        <translation>Select at least one {what}.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="148"/>
        <source>{LIMIT} éléments au plus à la fois.</source>
        <translation>{LIMIT} items at most at a time.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="149"/>
        <source>Un des post-its n&apos;existe plus (un autre écran l&apos;a peut-être supprimé).</source>
        <translation>One of the sticky notes no longer exists (another screen may have deleted it).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="152"/>
        <source>Couleur inconnue : {value}.</source>
        <translation>Unknown colour: {value}.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="153"/>
        <source>Position hors du tableau.</source>
        <translation>Position outside the board.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="154"/>
        <source>Cette séquence appartient à un autre atelier.</source>
        <translation>This sequence belongs to another workshop.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="155"/>
        <source>Rien à déplacer.</source>
        <translation>Nothing to move.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="156"/>
        <source>Seuls des post-its déplacés peuvent quitter leur groupe.</source>
        <translation>Only sticky notes being moved can leave their group.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="157"/>
        <source>Modèle de tableau inconnu : {template}.</source>
        <translation>Unknown board template: {template}.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="158"/>
        <source>Aucun post-it caché à révéler.</source>
        <translation>No hidden sticky note to reveal.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="159"/>
        <source>Réglage du tableau inconnu : {exc}.</source>
        <translation>Unknown board setting: {exc}.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="160"/>
        <source>Ce retour d&apos;expérience n&apos;existe plus.</source>
        <translation>This lessons-learned entry no longer exists.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="161"/>
        <source>La note va de 1 à 5.</source>
        <translation>The score goes from 1 to 5.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="162"/>
        <source>La séquence n° {phase_id} n&apos;est pas dans cet atelier.</source>
        <translation>Sequence no. {phase_id} is not in this workshop.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="163"/>
        <source>Cet ordinateur n&apos;est plus appairé.</source>
        <translation>This computer is no longer paired.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="164"/>
        <source>Rôle inconnu : {role}.</source>
        <translation>Unknown role: {role}.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="165"/>
        <source>Opération inconnue : {op}.</source>
        <translation>Unknown operation: {op}.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="166"/>
        <source>Votre rôle ({role_label}) ne le permet pas : {label}.</source>
        <translation>Your role ({role_label}) does not allow it: {label}.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="167"/>
        <location filename="../../widgets/core_errors.py" line="454"/>
        <source>« {name} » a été déconnecté : appairez-le à nouveau.</source>
        <translation>“{name}” has been disconnected: pair it again.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="168"/>
        <source>Paramètres invalides pour « {op} » ({exc}).</source>
        <translation>Invalid parameters for “{op}” ({exc}).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="169"/>
        <source>Participant inconnu pour cet atelier.</source>
        <translation>Unknown participant for this workshop.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="170"/>
        <source>Le nom « {clean_name} » est déjà pris par un format fourni.</source>
        <translation>The name “{clean_name}” is already taken by a shipped format.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="171"/>
        <source>Aucun groupe à créer.</source>
        <translation>No group to create.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="172"/>
        <source>Un groupe doit réunir au moins deux post-its.</source>
        <translation>A group must bring together at least two sticky notes.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="173"/>
        <source>Un post-it ne peut aller que dans un groupe.</source>
        <translation>A sticky note can only go into one group.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="174"/>
        <source>Un des post-its n&apos;existe plus.</source>
        <translation>One of the sticky notes no longer exists.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="175"/>
        <source>Aucune séance n&apos;est en cours pour cet atelier.</source>
        <translation>No session is running for this workshop.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="176"/>
        <source>Un ajustement doit être compris entre 1 minute et 12 heures.</source>
        <translation>An adjustment must be between 1 minute and 12 hours.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="177"/>
        <source>La séance est terminée : démarrez-en une nouvelle.</source>
        <translation>The session has ended: start a new one.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="178"/>
        <source>Cet atelier n&apos;a pas encore d&apos;agenda.</source>
        <translation>This workshop has no agenda yet.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="179"/>
        <source>« {title} » n&apos;a aucune séquence : ajoutez-en dans l&apos;agenda d&apos;abord.</source>
        <translation>“{title}” has no sequence: add some in the agenda first.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="182"/>
        <source>Une séquence ne peut pas durer plus de 12 heures.</source>
        <translation>A sequence cannot last more than 12 hours.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="183"/>
        <source>C&apos;est déjà la première séquence de la séance.</source>
        <translation>This is already the first sequence of the session.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="184"/>
        <source>Cette séance n&apos;appartient pas à l&apos;atelier.</source>
        <translation>This session does not belong to the workshop.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="185"/>
        <source>Cette séquence n&apos;existe plus.</source>
        <translation>This sequence no longer exists.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="186"/>
        <source>L&apos;atelier n° {workshop_id} n&apos;existe pas (ou a été supprimé).</source>
        <translation>Workshop no. {workshop_id} does not exist (or has been deleted).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="187"/>
        <source>« {title} » est en cours dans la séance : passez à une autre séquence avant de la retirer.</source>
        <translation>“{title}” is running in the session: move to another sequence before removing it.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="191"/>
        <source>Le post-it est vide.</source>
        <translation>The sticky note is empty.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="192"/>
        <source>Statut d&apos;action inconnu : {status} (statuts : {known}).</source>
        <translation>Unknown action status: {status} (statuses: {known}).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="193"/>
        <source>Échéance invalide : attendue au format AAAA-MM-JJ.</source>
        <translation>Invalid due date: expected as YYYY-MM-DD.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="194"/>
        <source>La personne n° {participant_id} n&apos;est pas inscrite à cet atelier.</source>
        <translation>Person no. {participant_id} is not registered for this workshop.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="197"/>
        <source>L&apos;action n° {action_id} n&apos;existe pas.</source>
        <translation>Action no. {action_id} does not exist.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="198"/>
        <source>Aucun post-it choisi.</source>
        <translation>No sticky note chosen.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="199"/>
        <source>Devenir inconnu : {fate} (retenue, fusionnee, mise_de_cote).</source>
        <translation>Unknown outcome: {fate} (retenue, fusionnee, mise_de_cote).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="200"/>
        <source>Une idée retenue devient une action ou un chantier : choisissez-en un.</source>
        <translation>A chosen idea becomes an action or a project: choose one.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="203"/>
        <source>Fusionnée avec quel post-it ? Choisissez-le.</source>
        <translation>Merged with which sticky note? Choose it.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="204"/>
        <source>Rien à changer.</source>
        <translation>Nothing to change.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="205"/>
        <source>L&apos;action est déjà à cette place.</source>
        <translation>The action is already in this place.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="206"/>
        <source>Post-it introuvable dans cet atelier : n° {missing}.</source>
        <translation>Sticky note not found in this workshop: no. {missing}.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="207"/>
        <source>Ces post-its ont déjà ce devenir.</source>
        <translation>These sticky notes already have this outcome.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="208"/>
        <source>Post-it introuvable dans cet atelier : n° {into}.</source>
        <translation>Sticky note not found in this workshop: no. {into}.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="209"/>
        <source>Un post-it ne peut pas être fusionné avec lui-même.</source>
        <translation>A sticky note cannot be merged with itself.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="210"/>
        <source>Ce post-it est lui-même fusionné avec un autre : fusionnez avec celui-là.</source>
        <translation>This sticky note is itself merged with another: merge with that one.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="213"/>
        <source>L&apos;action n° {action_id} n&apos;existe pas dans cet atelier.</source>
        <translation>Action no. {action_id} does not exist in this workshop.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="214"/>
        <source>Le chantier n° {project_id} n&apos;existe pas dans cet atelier.</source>
        <translation>Project no. {project_id} does not exist in this workshop.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="215"/>
        <source>Clé de requête invalide (8 à 64 lettres, chiffres, - ou _).</source>
        <translation>Invalid request key (8 to 64 letters, digits, - or _).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="216"/>
        <source>Ce participant n&apos;existe plus.</source>
        <translation>This participant no longer exists.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="217"/>
        <source>Catégorie inconnue : choisissez dans la liste.</source>
        <translation>Unknown category: choose from the list.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="218"/>
        <source>« {shown} » est trop lourde (plus de 40 Mo).</source>
        <translation>“{shown}” is too heavy (over 40 MB).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="219"/>
        <source>Cette photo n&apos;existe plus.</source>
        <translation>This photo no longer exists.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="220"/>
        <source>Aucune photo à ajouter.</source>
        <translation>No photo to add.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="221"/>
        <source>« {shown} » est une image abîmée ou incomplète.</source>
        <translation>“{shown}” is a damaged or incomplete image.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="222"/>
        <source>« {shown} » est trop grande pour être une photo.</source>
        <translation>“{shown}” is too large to be a photo.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="223"/>
        <source>Un atelier garde au plus {MAX_PHOTOS} photos.</source>
        <translation>A workshop keeps {MAX_PHOTOS} photos at most.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="224"/>
        <source>Cette photo a déjà été retirée.</source>
        <translation>This photo has already been removed.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="225"/>
        <source>Cette photo a été retirée.</source>
        <translation>This photo has been removed.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="226"/>
        <source>« {shown} » est au format HEIC (iPhone), qu&apos;Atelier ne lit pas : enregistrez-la en JPEG (réglage « Le plus compatible ») et ajoutez-la à nouveau.</source>
        <translation>“{shown}” is in HEIC format (iPhone), which Atelier cannot read: save it as JPEG (the “Most Compatible” setting) and add it again.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="230"/>
        <source>« {shown} » n&apos;est pas une photo JPEG ou PNG.</source>
        <translation>“{shown}” is not a JPEG or PNG photo.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="231"/>
        <source>« {shown} » est trop grande ({width} × {height} pixels).</source>
        <translation>“{shown}” is too large ({width} × {height} pixels).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="232"/>
        <source>Ce chantier n&apos;existe plus.</source>
        <translation>This project no longer exists.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="233"/>
        <source>Cette ligne du suivi n&apos;existe plus.</source>
        <translation>This follow-up line no longer exists.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="234"/>
        <source>Ce jalon n&apos;existe plus.</source>
        <translation>This milestone no longer exists.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="235"/>
        <source>Le chantier n° {project_id} n&apos;existe pas.</source>
        <translation>Project no. {project_id} does not exist.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="236"/>
        <source>Statut de chantier inconnu : {status} (statuts : {known}).</source>
        <translation>Unknown project status: {status} (statuses: {known}).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="237"/>
        <source>Date invalide : attendue au format AAAA-MM-JJ.</source>
        <translation>Invalid date: expected as YYYY-MM-DD.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="238"/>
        <source>« {name} » n&apos;est pas un partenaire du cadrage (partenaires : {listed}).</source>
        <translation>“{name}” is not a partner in the scope (partners: {listed}).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="241"/>
        <source>Le titre du chantier ne peut pas être vide.</source>
        <translation>The project title cannot be empty.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="242"/>
        <source>L&apos;avancement est un pourcentage entier de 0 à 100 ({progress}).</source>
        <translation>Progress is a whole percentage from 0 to 100 ({progress}).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="245"/>
        <source>La date visée est avant la date de début du chantier.</source>
        <translation>The target date is before the project’s start date.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="246"/>
        <source>« {title} » n&apos;est pas une répétition : il n&apos;est pas effacé ainsi. Rien n&apos;a été supprimé.</source>
        <translation>“{title}” is not a rehearsal: it is not wiped this way. Nothing was deleted.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="250"/>
        <source>Paramètre inconnu : {items}.</source>
        <translation>Unknown setting: {items}.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="251"/>
        <source>Positions invalides.</source>
        <translation>Invalid positions.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="252"/>
        <source>Tour de vote invalide.</source>
        <translation>Invalid voting round.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="253"/>
        <source>Ce tour de vote n&apos;existe pas.</source>
        <translation>This voting round does not exist.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="254"/>
        <source>C&apos;est la dernière séquence : seule l&apos;animatrice peut terminer la séance.</source>
        <translation>This is the last sequence: only the lead facilitator can end the session.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="257"/>
        <source>Identifiant invalide.</source>
        <translation>Invalid identifier.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="258"/>
        <source>Cet élément n&apos;existe pas dans cet atelier.</source>
        <translation>This item does not exist in this workshop.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="259"/>
        <source>L&apos;atelier change trop vite pour en prendre une copie : réessayez.</source>
        <translation>The workshop is changing too fast to take a copy of it: try again.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="262"/>
        <source>La séance en cours n&apos;a pas pu être retrouvée dans la copie.</source>
        <translation>The running session could not be found in the copy.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="263"/>
        <source>Vote clos : il n&apos;est plus possible de voter ni de changer d&apos;avis.</source>
        <translation>Voting closed: you can no longer vote or change your mind.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="266"/>
        <source>Ce tour de vote n&apos;existe plus.</source>
        <translation>This voting round no longer exists.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="267"/>
        <source>Cette action n&apos;existe plus.</source>
        <translation>This action no longer exists.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="268"/>
        <source>Aucun élément n&apos;a encore reçu de voix.</source>
        <translation>No item has received a vote yet.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="269"/>
        <source>Ces éléments sont déjà des chantiers du programme.</source>
        <translation>These items are already projects of the programme.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="270"/>
        <source>Les résultats ne sont pas encore révélés.</source>
        <translation>The results have not been revealed yet.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="271"/>
        <source>Un des éléments choisis n&apos;est plus au tableau.</source>
        <translation>One of the chosen items is no longer on the board.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="272"/>
        <source>Aucun post-it à mettre au vote.</source>
        <translation>No sticky note to put to the vote.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="273"/>
        <source>Ce vote est déjà clos.</source>
        <translation>This vote is already closed.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="274"/>
        <source>Ce vote est déjà ouvert.</source>
        <translation>This vote is already open.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="275"/>
        <source>Gommettes papier : un nombre de 0 à {MAX_PAPER}.</source>
        <translation>Paper dots: a number from 0 to {MAX_PAPER}.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="276"/>
        <source>Les votes papier s&apos;ajoutent aux gommettes ou aux points.</source>
        <translation>Paper votes add to dots or points.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="277"/>
        <source>Aucune gommette papier à ajouter.</source>
        <translation>No paper dot to add.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="278"/>
        <source>Seuls les votes papier se retirent ainsi.</source>
        <translation>Only paper votes are removed this way.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="279"/>
        <source>Ce bulletin papier n&apos;est plus compté.</source>
        <translation>This paper ballot is no longer counted.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="280"/>
        <source>Format inconnu « {key} » (formats disponibles : {known}).</source>
        <translation>Unknown format “{key}” (formats available: {known}).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="281"/>
        <source>Langue inconnue « {value} » (langues disponibles : fr, en).</source>
        <translation>Unknown language “{value}” (languages available: fr, en).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="282"/>
        <source>Champ de cadrage inconnu : {items}.</source>
        <translation>Unknown scope field: {items}.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="283"/>
        <source>Nombre de participants attendus : un nombre entier de 1 à {EXPECTED_MAX}, ou rien s&apos;il n&apos;est pas connu.</source>
        <translation>Expected number of participants: a whole number from 1 to {EXPECTED_MAX}, or nothing if it is not known.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="287"/>
        <source>Les téléphones simulés ne parlent qu&apos;au serveur de cet ordinateur (adresse « {host} » refusée).</source>
        <translation>The simulated phones only talk to this computer’s server (address “{host}” refused).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="291"/>
        <source>Entre 1 et {MAX_PHONES} téléphones simulés.</source>
        <translation>Between 1 and {MAX_PHONES} simulated phones.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="292"/>
        <source>La vitesse de la répétition doit être positive.</source>
        <translation>The rehearsal’s speed must be positive.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="293"/>
        <source>Impossible de créer le dossier « {target} » ({reason}).</source>
        <translation>Cannot create the folder “{target}” ({reason}).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="294"/>
        <source>« {name} » n&apos;est pas une image PNG ou JPEG.</source>
        <translation>“{name}” is not a PNG or JPEG image.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="295"/>
        <source>« {name} » est trop grande pour un logo ({width} × {height}).</source>
        <translation>“{name}” is too large for a logo ({width} × {height}).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="296"/>
        <source>« {name} » est une image abîmée.</source>
        <translation>“{name}” is a damaged image.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="297"/>
        <source>Format d&apos;affiche inconnu : A4 ou A3.</source>
        <translation>Unknown poster size: A4 or A3.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="298"/>
        <source>Pas d&apos;adresse ni de code à afficher : démarrez la séance (le code est créé à son ouverture).</source>
        <translation>No address or code to show: start the session (the code is created when it opens).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="302"/>
        <source>Jeton d&apos;animation manquant ou invalide.</source>
        <translation>Facilitation token missing or invalid.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="303"/>
        <source>Ce code ne correspond pas à la séance : vérifiez les 5 caractères affichés à l&apos;écran.</source>
        <translation>This code does not match the session: check the 5 characters shown on the screen.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="307"/>
        <source>Ce téléphone n&apos;est pas encore enregistré pour cet atelier.</source>
        <translation>This phone is not registered for this workshop yet.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="308"/>
        <source>Réservé à l&apos;équipe d&apos;animation.</source>
        <translation>Reserved for the facilitation team.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="309"/>
        <source>Les pages des téléphones manquent ({web}).</source>
        <translation>The phones’ pages are missing ({web}).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="310"/>
        <location filename="../../widgets/core_errors.py" line="450"/>
        <source>Ce code ne correspond pas : vérifiez les 6 chiffres affichés sur l&apos;ordinateur de l&apos;animatrice.</source>
        <translation>This code does not match: check the 6 digits shown on the lead facilitator’s computer.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="314"/>
        <source>Cet ordinateur n&apos;est pas (ou plus) appairé à la séance.</source>
        <translation>This computer is not (or no longer) paired with the session.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="315"/>
        <source>Trop de codes erronés : l&apos;appairage est bloqué pendant une minute.</source>
        <translation>Too many wrong codes: pairing is blocked for one minute.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="318"/>
        <source>La séance est terminée : ce code a expiré.</source>
        <translation>The session has ended: this code has expired.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="319"/>
        <source>Aucune séance n&apos;est ouverte : le code d&apos;appairage n&apos;est pas encore valable.</source>
        <translation>No session is open: the pairing code is not valid yet.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="322"/>
        <source>La page de test des téléphones manque ({page}).</source>
        <translation>The phones’ test page is missing ({page}).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="323"/>
        <source>Impossible d&apos;ouvrir le serveur sur {host} ({last}).</source>
        <translation>Cannot open the server on {host} ({last}).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="324"/>
        <source>Le serveur des téléphones n&apos;a pas démarré.</source>
        <translation>The phones’ server did not start.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="325"/>
        <source>Beaucoup de changements d&apos;un coup : attendez un instant.</source>
        <translation>A lot of changes at once: wait a moment.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="326"/>
        <source>« {path} » est un dossier, pas une base de données Atelier.</source>
        <translation>“{path}” is a folder, not an Atelier database.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="327"/>
        <source>Le fichier « {name} » n&apos;est pas une base de données Atelier. Il n&apos;a pas été modifié. Choisissez un autre fichier.</source>
        <translation>The file “{name}” is not an Atelier database. It has not been changed. Choose another file.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="331"/>
        <source>Le fichier « {name} » est endommagé ({check}). Il n&apos;a pas été modifié : restaurez une sauvegarde du dossier « backups ».</source>
        <translation>The file “{name}” is damaged ({check}). It has not been changed: restore a backup from the “backups” folder.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="335"/>
        <source>Le fichier « {name} » appartient à un autre logiciel : ce n&apos;est pas une base Atelier. Il n&apos;a pas été modifié.</source>
        <translation>The file “{name}” belongs to another program: it is not an Atelier database. It has not been changed.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="339"/>
        <source>Erreur de la base de données : {orig}</source>
        <translation>Database error: {orig}</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="340"/>
        <source>Le fichier « {name} » est endommagé et ne peut pas être ouvert ({exc}). Il n&apos;a pas été modifié : restaurez une sauvegarde du dossier « backups ».</source>
        <translation>The file “{name}” is damaged and cannot be opened ({exc}). It has not been changed: restore a backup from the “backups” folder.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="344"/>
        <source>Cette base de données contient des tables qui ne sont pas celles d&apos;Atelier. Elle n&apos;a pas été modifiée.</source>
        <translation>This database contains tables that are not Atelier’s. It has not been changed.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="348"/>
        <source>Cette base a été créée par une version plus récente d&apos;Atelier (schéma {current}). Mettez Atelier à jour pour l&apos;ouvrir ; le fichier n&apos;a pas été modifié.</source>
        <translation>This database was created by a newer version of Atelier (schema {current}). Update Atelier to open it; the file has not been changed.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="352"/>
        <source>Le disque est plein : la dernière action n&apos;a pas été enregistrée. Tout ce qui l&apos;a été avant est conservé et la séance continue en lecture seule : libérez de la place sur le disque, puis recommencez.</source>
        <translation>The disk is full: the last action was not saved. Everything saved before it is kept and the session carries on read-only: free some disk space, then try again.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="356"/>
        <source>La base de données est en lecture seule : rien ne peut être enregistré.</source>
        <translation>The database is read-only: nothing can be saved.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="359"/>
        <source>La base de données est occupée par un autre programme. Réessayez.</source>
        <translation>The database is busy with another program. Try again.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="362"/>
        <source>Adresse de base de données invalide : {exc}</source>
        <translation>Invalid database address: {exc}</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="363"/>
        <source>Impossible d&apos;ouvrir la base de données : {orig}</source>
        <translation>Cannot open the database: {orig}</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="364"/>
        <source>La mise à jour de la base de données a échoué ({orig}). Le fichier n&apos;a pas été modifié{kept}. Libérez de la place ou fermez les autres programmes qui l&apos;utilisent, puis rouvrez-le.</source>
        <translation>Updating the database failed ({orig}). The file has not been changed{kept}. Free some space or close the other programs using it, then open it again.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="368"/>
        <source>Impossible de créer le dossier « {parent} » ({reason}).</source>
        <translation>Cannot create the folder “{parent}” ({reason}).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="369"/>
        <source> ; une copie prise avant est dans « {folder} »</source>
        <translation>; a copy taken before is in “{folder}”</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="370"/>
        <source>La connexion à la base de données a été perdue.</source>
        <translation>The connection to the database was lost.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="371"/>
        <source>Le dossier « {folder} » n&apos;existe pas : choisissez un autre endroit.</source>
        <translation>The folder “{folder}” does not exist: choose another place.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="374"/>
        <source>Le fichier « {file} » est introuvable.</source>
        <translation>The file “{file}” cannot be found.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="375"/>
        <source>« {name} » est un dossier, pas une image.</source>
        <translation>“{name}” is a folder, not an image.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="376"/>
        <source>« {name} » est illisible ({reason}).</source>
        <translation>“{name}” cannot be read ({reason}).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="377"/>
        <source>Impossible d&apos;écrire dans « {folder} » ({reason}) : choisissez un autre dossier.</source>
        <translation>Cannot write to “{folder}” ({reason}): choose another folder.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="381"/>
        <source>L&apos;enregistrement de « {name} » a échoué ({reason}) : vérifiez la place disque et les droits du dossier.</source>
        <translation>Saving “{name}” failed ({reason}): check the disk space and the folder’s permissions.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="385"/>
        <source>« {name} » n&apos;est pas un fichier.</source>
        <translation>“{name}” is not a file.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="386"/>
        <source>Port invalide : {port}.</source>
        <translation>Invalid port: {port}.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="387"/>
        <source>Ce pare-feu ne s&apos;ouvre pas depuis Atelier : copiez la commande dans un terminal.</source>
        <translation>This firewall cannot be opened from Atelier: copy the command into a terminal.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="391"/>
        <source>Le port n&apos;a pas été ouvert : le mot de passe administrateur n&apos;a pas été donné.</source>
        <translation>The port was not opened: the administrator password was not given.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="395"/>
        <source>Le port n&apos;a pas pu être ouvert ({exc}).</source>
        <translation>The port could not be opened ({exc}).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="396"/>
        <source>Les retours s&apos;ouvrent à la clôture de la séance.</source>
        <translation>Feedback opens when the session closes.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="397"/>
        <source>Beaucoup de post-its d&apos;un coup : attendez un instant avant le suivant.</source>
        <translation>A lot of sticky notes at once: wait a moment before the next one.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="400"/>
        <location filename="../../widgets/core_errors.py" line="515"/>
        <source>La séance n&apos;a pas commencé. Cette page s&apos;ouvrira d&apos;elle-même dès son ouverture.</source>
        <translation>The session has not started. This page will open by itself as soon as it does.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="404"/>
        <location filename="../../widgets/core_errors.py" line="514"/>
        <source>La séance est terminée. Merci de votre participation !</source>
        <translation>The session has ended. Thank you for taking part!</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="405"/>
        <source>fichier ou dossier introuvable</source>
        <translation>file or folder not found</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="406"/>
        <source>accès refusé</source>
        <translation>access denied</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="407"/>
        <source>opération non permise</source>
        <translation>operation not permitted</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="408"/>
        <source>plus de place sur le disque</source>
        <translation>no space left on the disk</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="409"/>
        <source>quota de disque dépassé</source>
        <translation>disk quota exceeded</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="410"/>
        <source>support en lecture seule</source>
        <translation>read-only medium</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="411"/>
        <source>c&apos;est un dossier</source>
        <translation>it is a folder</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="412"/>
        <source>un élément du chemin n&apos;est pas un dossier</source>
        <translation>part of the path is not a folder</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="413"/>
        <source>existe déjà</source>
        <translation>already exists</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="414"/>
        <source>nom trop long</source>
        <translation>name too long</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="415"/>
        <source>erreur de lecture ou d&apos;écriture sur le support</source>
        <translation>read or write error on the medium</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="416"/>
        <source>ressource occupée</source>
        <translation>resource busy</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="417"/>
        <source>« {name} » est trop lourde (plus de 40 Mo).</source>
        <translation>“{name}” is too heavy (over 40 MB).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="418"/>
        <source>« {name} » est trop lourd pour un logo (plus de 10 Mo).</source>
        <translation>“{name}” is too heavy for a logo (over 10 MB).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="419"/>
        <source>Co-animateur·rice</source>
        <translation>Co-facilitator</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="420"/>
        <source>Gardien·ne du temps</source>
        <translation>Time keeper</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="421"/>
        <source>Scribe</source>
        <translation>Scribe</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="422"/>
        <source>Observateur·rice</source>
        <translation>Observer</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="423"/>
        <source>Co-pilote (décisions déléguées)</source>
        <translation>Co-pilot (delegated decisions)</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="424"/>
        <source>Un chantier « {title} » existe déjà dans cet atelier.</source>
        <translation>A project “{title}” already exists in this workshop.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="425"/>
        <source>Post-its invalides.</source>
        <translation>Invalid sticky notes.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="426"/>
        <source>Cette personne a déjà été effacée.</source>
        <translation>This person has already been erased.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="427"/>
        <source>La séance est terminée : cet ordinateur n&apos;y a plus accès.</source>
        <translation>The session has ended: this computer no longer has access to it.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="428"/>
        <source>L&apos;animatrice n&apos;a pas encore accepté cet ordinateur : elle le fait depuis son panneau de co-animation.</source>
        <translation>The lead facilitator has not accepted this computer yet: she does so from her co-facilitation panel.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="432"/>
        <source>L&apos;échange d&apos;appairage a expiré : recommencez.</source>
        <translation>The pairing exchange expired: start again.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="433"/>
        <source>Message d&apos;appairage illisible.</source>
        <translation>Unreadable pairing message.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="434"/>
        <source>L&apos;ordinateur qui répond à cette adresse n&apos;est pas celui avec lequel cet ordinateur a été appairé (son certificat a changé) : rien ne lui a été envoyé. Si l&apos;animatrice a changé d&apos;ordinateur, appairez de nouveau avec le code qu&apos;elle affiche.</source>
        <translation>The computer answering at this address is not the one this computer was paired with (its certificate changed): nothing was sent to it. If the lead facilitator changed computers, pair again with the code she shows.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="438"/>
        <source>L&apos;ordinateur qui répond n&apos;a pas prouvé qu&apos;il connaît le code d&apos;appairage : soit le code est faux, soit ce n&apos;est pas l&apos;ordinateur de l&apos;animatrice (une autre séance peut porter le même titre). Rien ne lui a été envoyé. Vérifiez les 6 chiffres et l&apos;adresse affichés sur son écran.</source>
        <translation>The computer answering did not prove it knows the pairing code: either the code is wrong or it is not the lead facilitator&apos;s computer (another session may have the same title). Nothing was sent to it. Check the 6 digits and the address shown on her screen.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="442"/>
        <source>Trop de codes erronés depuis cet ordinateur : l&apos;appairage est bloqué pendant une minute.</source>
        <translation>Too many wrong codes from this computer: pairing is blocked for one minute.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="446"/>
        <source>Trop de codes erronés : ce code d&apos;appairage ne sert plus. Demandez à l&apos;animatrice d&apos;afficher un nouveau code (« Nouveau code »).</source>
        <translation>Too many wrong codes: this pairing code no longer works. Ask the lead facilitator to show a new code (“New code”).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="455"/>
        <source>Action de conservation inconnue : « {action} ».</source>
        <translation>Unknown retention action: “{action}”.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="456"/>
        <source>Impossible de créer la base « {path} » ({reason}).</source>
        <translation>Cannot create the database “{path}” ({reason}).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="457"/>
        <source>« {name} » contient des données refusées : {detail}. Rien n&apos;a été importé.</source>
        <translation>“{name}” contains refused data: {detail}. Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="461"/>
        <source>« {name} » contient des données imbriquées à l&apos;excès. Rien n&apos;a été importé.</source>
        <translation>“{name}” contains data nested too deeply. Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="465"/>
        <source>valeur numérique invalide ({name})</source>
        <translation>invalid numeric value ({name})</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="469"/>
        <source>nombre entier de {digits} chiffres</source>
        <translation>a whole number of {digits} digits</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="473"/>
        <source>nombre démesuré ({text})</source>
        <translation>an oversized number ({text})</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="477"/>
        <source>{where} : nombre entier hors limites</source>
        <translation>{where}: whole number out of range</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="481"/>
        <source>{where} : nombre démesuré</source>
        <translation>{where}: oversized number</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="485"/>
        <source>{where} a une valeur inconnue (« {shown} »)</source>
        <translation>{where} has an unknown value (“{shown}”)</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="489"/>
        <source>{where} : données trop volumineuses</source>
        <translation>{where}: data too large</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="493"/>
        <source>{where} : données imbriquées sur plus de {MAX_DEPTH} niveaux</source>
        <translation>{where}: data nested more than {MAX_DEPTH} levels deep</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="497"/>
        <source>{where} : texte de {n} caractères (au plus {limit})</source>
        <translation>{where}: text of {n} characters (at most {limit})</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="501"/>
        <source>Trop de codes erronés ont été essayés dans la salle : les nouvelles arrivées sont suspendues (encore {minutes} min au plus). Prévenez l&apos;équipe d&apos;animation, qui peut lever ce blocage.</source>
        <translation>Too many wrong codes were tried in the room: new arrivals are suspended (for {minutes} min at most). Tell the facilitation team, who can lift this block.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="505"/>
        <source>Trop de codes erronés depuis ce téléphone : réessayez dans {minutes} min, en recopiant le code affiché à l&apos;écran (ou demandez-le à l&apos;équipe d&apos;animation).</source>
        <translation>Too many wrong codes from this phone: try again in {minutes} min, copying the code shown on screen (or ask the facilitation team for it).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="509"/>
        <source>L&apos;ordinateur de l&apos;animation ne peut pas lire la base de données pour l&apos;instant ({detail}). Réessayez dans un instant.</source>
        <translation>The facilitation computer cannot read the database for now ({detail}). Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="513"/>
        <source>sans réponse</source>
        <translation>no answer</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="519"/>
        <source>les tables manquent</source>
        <translation>the tables are missing</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="520"/>
        <source>Ce téléphone a déjà été enregistré plusieurs fois : une personne, un téléphone. Si vous prêtez le vôtre, demandez à l&apos;équipe d&apos;animation.</source>
        <translation>This phone has already been checked in several times: one person, one phone. If you are lending yours, ask the facilitation team.</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="524"/>
        <source>Trop d&apos;inscriptions depuis ce réseau. Si toute la salle passe par le même routeur, l&apos;équipe d&apos;animation peut l&apos;autoriser dans les réglages (« Salle derrière une seule adresse »).</source>
        <translation>Too many check-ins from this network. If the whole room goes through the same router, the facilitation team can allow it in the settings (“Room behind a single address”).</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="533"/>
        <source>Auteur</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="534"/>
        <source>Cadrage</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="535"/>
        <source>Ce qu&apos;il faudrait changer</source>
        <translation>What should change</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="536"/>
        <source>Ce que je retiens</source>
        <translation>What I take away</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="537"/>
        <source>Ce qui a marché</source>
        <translation>What worked</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="538"/>
        <source>Ce qui pourrait être amélioré</source>
        <translation>What could be improved</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="539"/>
        <source>Description du chantier</source>
        <translation>Project description</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="540"/>
        <source>L&apos;action</source>
        <translation>The action</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="541"/>
        <source>La méthode</source>
        <translation>The method</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="542"/>
        <source>La raison</source>
        <translation>The reason</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="543"/>
        <source>Libellé</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="544"/>
        <source>Lieu</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="545"/>
        <source>Le porteur</source>
        <translation>The owner</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="546"/>
        <source>Le titre du chantier</source>
        <translation>The project&apos;s title</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="547"/>
        <source>Ligne de suivi</source>
        <translation>Follow-up line</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="548"/>
        <source>Légende</source>
        <translation>Caption</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="549"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="550"/>
        <source>Nom du fichier</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="551"/>
        <source>Nom du format</source>
        <translation>Format name</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="552"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="553"/>
        <source>Post-it</source>
        <translation>Sticky note</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="554"/>
        <source>Qui</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="555"/>
        <source>Texte</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="556"/>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="557"/>
        <source>Titre du groupe</source>
        <translation>Group title</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="558"/>
        <source>Titre du vote</source>
        <translation>Vote title</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="559"/>
        <source>de début</source>
        <translation>start</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="560"/>
        <source>de fin</source>
        <translation>end</translation>
    </message>
    <message>
        <location filename="../../widgets/core_errors.py" line="561"/>
        <source>post-it</source>
        <translation>sticky note</translation>
    </message>
</context>
<context>
    <name>CoreText</name>
    <message>
        <location filename="../../widgets/core_text.py" line="26"/>
        <source>{date} à {time}</source>
        <translation>{date} at {time}</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="27"/>
        <source>À l’heure</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="28"/>
        <source>{sign}{n} min sur le programme</source>
        <translation>{sign}{n} min against the agenda</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="29"/>
        <source>Arrivées</source>
        <translation>Arrivals</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="30"/>
        <source>des téléphones</source>
        <translation>from phones</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="31"/>
        <source> (à la main)</source>
        <translation> (by hand)</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="32"/>
        <source>sans organisation</source>
        <translation>no organisation</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="36"/>
        <source>fr</source>
        <translation>en</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="39"/>
        <source>En préparation</source>
        <translation>In preparation</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="40"/>
        <source>En cours</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="41"/>
        <location filename="../../widgets/core_text.py" line="67"/>
        <source>Terminé</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="42"/>
        <source>Archivé</source>
        <translation>Archived</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="46"/>
        <source>Jaune</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="47"/>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="48"/>
        <source>Bleu ciel</source>
        <translation>Sky blue</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="49"/>
        <source>Vert</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="50"/>
        <source>Vermillon</source>
        <translation>Vermilion</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="51"/>
        <source>Rose</source>
        <translation>Pink</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="55"/>
        <source>Agent public</source>
        <translation>Public servant</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="56"/>
        <source>Privé</source>
        <translation>Private sector</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="57"/>
        <source>Association</source>
        <translation>Non-profit</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="58"/>
        <source>Citoyen·ne / usager</source>
        <translation>Citizen / user</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="62"/>
        <source>Idée</source>
        <translation>Idea</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="63"/>
        <source>En incubation</source>
        <translation>In incubation</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="64"/>
        <source>En expérimentation</source>
        <translation>In trial</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="65"/>
        <source>En déploiement</source>
        <translation>Being rolled out</translation>
    </message>
    <message>
        <location filename="../../widgets/core_text.py" line="66"/>
        <source>Abandonné</source>
        <translation>Dropped</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../widgets/dialogs.py" line="86"/>
        <location filename="../../widgets/dialogs.py" line="100"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs.py" line="115"/>
        <source>Atelier</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <location filename="../../widgets/dialogs.py" line="142"/>
        <source>Photos (*.jpg *.jpeg *.png *.heic *.JPG *.JPEG *.PNG *.HEIC)</source>
        <translation>Photos (*.jpg *.jpeg *.png *.heic *.JPG *.JPEG *.PNG *.HEIC)</translation>
    </message>
</context>
<context>
    <name>DocumentControls</name>
    <message>
        <location filename="../../widgets/controls/documents.py" line="75"/>
        <source>Liste des présents…</source>
        <translation>Attendance list…</translation>
    </message>
    <message>
        <location filename="../../widgets/controls/documents.py" line="77"/>
        <source>Mise en page…</source>
        <translation>Laying out…</translation>
    </message>
    <message>
        <location filename="../../widgets/controls/documents.py" line="91"/>
        <source>Lecture de l&apos;atelier…</source>
        <translation>Reading the workshop…</translation>
    </message>
    <message>
        <location filename="../../widgets/controls/documents.py" line="123"/>
        <source>Lecture des ateliers…</source>
        <translation>Reading the workshops…</translation>
    </message>
    <message>
        <location filename="../../widgets/controls/documents.py" line="198"/>
        <source>Photo {n} sur {total}…</source>
        <translation>Photo {n} of {total}…</translation>
    </message>
    <message>
        <location filename="../../widgets/controls/documents.py" line="209"/>
        <source>Terminé</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>GroupingDialog</name>
    <message>
        <location filename="../../widgets/grouping_dialog.py" line="40"/>
        <source>Suggérer des regroupements</source>
        <translation>Suggest groups</translation>
    </message>
    <message>
        <location filename="../../widgets/grouping_dialog.py" line="50"/>
        <source>Atelier propose des pistes d&apos;après les mots des post-its. Ce ne sont que des suggestions, souvent imparfaites : relisez-les, renommez-les (double-clic sur un titre) et n&apos;acceptez que celles qui ont du sens. Les doublons (×2, ×3…), des post-its qui disent la même chose, sont plus fiables.</source>
        <translation>Atelier suggests leads from the post-its&apos; words. They are only suggestions, often imperfect: read them, rename them (double-click a title) and accept only those that make sense. Duplicates (×2, ×3…), post-its saying the same thing, are more reliable.</translation>
    </message>
    <message>
        <location filename="../../widgets/grouping_dialog.py" line="64"/>
        <source>Rien à proposer : aucun post-it ne semble aller avec un autre, ou ils sont déjà tous dans des groupes. Sélectionnez des post-its pour n&apos;examiner qu&apos;eux.</source>
        <translation>Nothing to suggest: no post-it seems to go with another, or they are all in groups already. Select post-its to look at those only.</translation>
    </message>
    <message>
        <location filename="../../widgets/grouping_dialog.py" line="71"/>
        <source>Tout accepter</source>
        <translation>Accept all</translation>
    </message>
    <message>
        <location filename="../../widgets/grouping_dialog.py" line="74"/>
        <source>Accepter ce groupe</source>
        <translation>Accept this group</translation>
    </message>
    <message>
        <location filename="../../widgets/grouping_dialog.py" line="76"/>
        <source>Fermer sans rien changer</source>
        <translation>Close without changing anything</translation>
    </message>
    <message>
        <location filename="../../widgets/grouping_dialog.py" line="92"/>
        <source>Pistes de regroupement ({n}) — à vérifier</source>
        <translation>Suggested groups ({n}) — to check</translation>
    </message>
    <message>
        <location filename="../../widgets/grouping_dialog.py" line="95"/>
        <source>Doublons ({n})</source>
        <translation>Duplicates ({n})</translation>
    </message>
    <message>
        <location filename="../../widgets/grouping_dialog.py" line="107"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../widgets/grouping_dialog.py" line="120"/>
        <source>{n} post-its</source>
        <translation>{n} post-its</translation>
    </message>
    <message>
        <location filename="../../widgets/grouping_dialog.py" line="126"/>
        <source>Double-cliquez pour renommer ce groupe</source>
        <translation>Double-click to rename this group</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <location filename="../../widgets/home_view.py" line="42"/>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="43"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="44"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="45"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="46"/>
        <source>Lieu</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="47"/>
        <source>Modifié</source>
        <translation>Modified</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="54"/>
        <source>Vos ateliers</source>
        <translation>Your workshops</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="57"/>
        <source>Préparez, animez et restituez vos ateliers, sans connexion internet.</source>
        <translation>Prepare, facilitate and report on your workshops, no internet connection needed.</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="60"/>
        <source>+  Nouvel atelier</source>
        <translation>+  New workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="62"/>
        <source>Créer un atelier à partir d&apos;un format (Ctrl+N)</source>
        <translation>Create a workshop from a format (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="66"/>
        <source>Rechercher un atelier (titre ou lieu)…</source>
        <translation>Search workshops (title or venue)…</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="69"/>
        <source>Afficher les ateliers archivés</source>
        <translation>Show archived workshops</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="92"/>
        <location filename="../../widgets/home_view.py" line="107"/>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="94"/>
        <location filename="../../widgets/home_view.py" line="109"/>
        <source>Dupliquer</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="95"/>
        <source>Réutiliser cet atelier comme modèle (Ctrl+D)</source>
        <translation>Reuse this workshop as a template (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="97"/>
        <location filename="../../widgets/home_view.py" line="108"/>
        <source>Renommer</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="99"/>
        <location filename="../../widgets/home_view.py" line="273"/>
        <source>Archiver</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="101"/>
        <location filename="../../widgets/home_view.py" line="111"/>
        <source>Supprimer…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="124"/>
        <source>Aucun atelier ne correspond à cette recherche.</source>
        <translation>No workshop matches this search.</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="165"/>
        <source>Aucun atelier pour l&apos;instant</source>
        <translation>No workshops yet</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="167"/>
        <source>Créez votre premier atelier à partir d&apos;un format de LaBase : 3 heures pour démarrer un projet, 3 jours pour un sprint, 3 mois pour une incubation.</source>
        <translation>Create your first workshop from a LaBase format: 3 hours to kick off a project, 3 days for a sprint, 3 months for an incubation.</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="161"/>
        <source>Créer un atelier</source>
        <translation>Create a workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="271"/>
        <source>Désarchiver</source>
        <translation>Unarchive</translation>
    </message>
    <message>
        <location filename="../../widgets/home_view.py" line="222"/>
        <source>Répétition</source>
        <translation>Rehearsal</translation>
    </message>
</context>
<context>
    <name>IdeasPanel</name>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="38"/>
        <location filename="../../widgets/ideas_panel.py" line="45"/>
        <location filename="../../widgets/ideas_panel.py" line="129"/>
        <source>Sans décision</source>
        <translation>No decision</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="39"/>
        <source>Retenue</source>
        <translation>Kept</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="40"/>
        <source>Fusionnée</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="41"/>
        <source>Mise de côté</source>
        <translation>Set aside</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="44"/>
        <source>Toutes les idées</source>
        <translation>All ideas</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="46"/>
        <source>Retenues</source>
        <translation>Kept</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="47"/>
        <source>Fusionnées</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="48"/>
        <source>Mises de côté</source>
        <translation>Set aside</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="77"/>
        <source>Devenir des idées</source>
        <translation>What became of the ideas</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="81"/>
        <source>Chaque post-it a un devenir : retenu (il devient une action ou un chantier), fusionné avec un autre, ou mis de côté. Les promotions après un vote le décident pour les idées choisies ; décidez ici des autres (Ctrl+Z pour annuler).</source>
        <translation>Every sticky note has an outcome: kept (it becomes an action or a project), merged with another, or set aside. Promotions after a vote decide it for the ideas chosen; decide the others here (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="95"/>
        <source>Chercher dans les idées…</source>
        <translation>Search the ideas…</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="104"/>
        <source>Idée</source>
        <translation>Idea</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="104"/>
        <source>Thème</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="197"/>
        <source>{rank} ({score})</source>
        <translation>{rank} ({score})</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="230"/>
        <source>1er</source>
        <translation>#1</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="230"/>
        <source>{rank}e</source>
        <translation>#{rank}</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="104"/>
        <source>Devenir</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="104"/>
        <source>Votes (rang, score)</source>
        <translation>Votes (rank, score)</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="105"/>
        <source>Précision</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="121"/>
        <source>Retenir dans…</source>
        <translation>Keep in…</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="125"/>
        <location filename="../../widgets/ideas_panel.py" line="331"/>
        <source>Fusionner avec…</source>
        <translation>Merge with…</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="127"/>
        <source>Mettre de côté…</source>
        <translation>Set aside…</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="130"/>
        <source>Revenir à « pas encore décidé »</source>
        <translation>Back to “not decided yet”</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="139"/>
        <source>Aucun post-it pour l&apos;instant. Les idées écrites au tableau ou envoyées par les téléphones apparaîtront ici, avec leurs votes et ce qu&apos;elles deviennent.</source>
        <translation>No sticky notes yet. Ideas written on the board or sent from phones will appear here, with their votes and what becomes of them.</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="172"/>
        <source>{n} idée(s) : {kept} retenue(s) · {merged} fusionnée(s) · {aside} mise(s) de côté · {open} sans décision</source>
        <translation>{n} idea(s): {kept} kept · {merged} merged · {aside} set aside · {open} not decided</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="234"/>
        <source>→ action « {what} »</source>
        <translation>→ action “{what}”</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="236"/>
        <source>→ chantier « {title} »</source>
        <translation>→ project “{title}”</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="238"/>
        <source>avec « {text} »</source>
        <translation>with “{text}”</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="267"/>
        <source>{n} idée(s) : {fate} — Ctrl+Z pour annuler</source>
        <translation>{n} idea(s): {fate} — Ctrl+Z to undo</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="279"/>
        <source>Une nouvelle action</source>
        <translation>A new action</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="280"/>
        <source>Un nouveau chantier</source>
        <translation>A new project</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="283"/>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="288"/>
        <source>Chantiers</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="328"/>
        <source>Aucune autre idée avec laquelle fusionner.</source>
        <translation>No other idea to merge with.</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="332"/>
        <source>Les idées choisies rejoignent celle-ci (elles restent dans l&apos;annexe) :</source>
        <translation>The chosen ideas join this one (they stay in the appendix):</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="342"/>
        <source>Mettre de côté</source>
        <translation>Set aside</translation>
    </message>
    <message>
        <location filename="../../widgets/ideas_panel.py" line="343"/>
        <source>Pourquoi ? (facultatif, repris au compte-rendu)</source>
        <translation>Why? (optional, shown in the report)</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../../widgets/join_dialog.py" line="46"/>
        <source>Rejoindre une séance</source>
        <translation>Join a session</translation>
    </message>
    <message>
        <location filename="../../widgets/join_dialog.py" line="50"/>
        <source>Co-animer la séance d&apos;une collègue depuis cet ordinateur, sur le même réseau Wi-Fi. Elle trouve le code dans sa console, bouton « Co-animation ».</source>
        <translation>Co-facilitate a colleague&apos;s session from this laptop, on the same Wi-Fi network. She finds the code in her console, “Co-facilitation” button.</translation>
    </message>
    <message>
        <location filename="../../widgets/join_dialog.py" line="55"/>
        <source>Séances trouvées sur le réseau local</source>
        <translation>Sessions found on the local network</translation>
    </message>
    <message>
        <location filename="../../widgets/join_dialog.py" line="60"/>
        <location filename="../../widgets/join_dialog.py" line="134"/>
        <source>Recherche des séances sur le réseau local…</source>
        <translation>Looking for sessions on the local network…</translation>
    </message>
    <message>
        <location filename="../../widgets/join_dialog.py" line="64"/>
        <source>par exemple 192.168.1.10:8765</source>
        <translation>for example 192.168.1.10:8765</translation>
    </message>
    <message>
        <location filename="../../widgets/join_dialog.py" line="67"/>
        <source>6 chiffres</source>
        <translation>6 digits</translation>
    </message>
    <message>
        <location filename="../../widgets/join_dialog.py" line="71"/>
        <source>tel qu&apos;il apparaîtra dans l&apos;historique</source>
        <translation>as it will appear in the history</translation>
    </message>
    <message>
        <location filename="../../widgets/join_dialog.py" line="73"/>
        <source>ou adresse :</source>
        <translation>or address:</translation>
    </message>
    <message>
        <location filename="../../widgets/join_dialog.py" line="74"/>
        <source>Code de co-animation :</source>
        <translation>Co-facilitation code:</translation>
    </message>
    <message>
        <location filename="../../widgets/join_dialog.py" line="75"/>
        <source>Votre nom :</source>
        <translation>Your name:</translation>
    </message>
    <message>
        <location filename="../../widgets/join_dialog.py" line="82"/>
        <source>Rejoindre</source>
        <translation>Join</translation>
    </message>
    <message>
        <location filename="../../widgets/join_dialog.py" line="85"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../widgets/join_dialog.py" line="106"/>
        <source>Pas de réseau local : tapez l&apos;adresse affichée chez l&apos;animatrice.</source>
        <translation>No local network: type the address shown on the lead facilitator&apos;s laptop.</translation>
    </message>
    <message>
        <location filename="../../widgets/join_dialog.py" line="122"/>
        <source>{title} — {address}:{port}</source>
        <translation>{title} — {address}:{port}</translation>
    </message>
    <message>
        <location filename="../../widgets/join_dialog.py" line="132"/>
        <source>{n} séance(s) trouvée(s). Toujours à l&apos;écoute…</source>
        <translation>{n} session(s) found. Still listening…</translation>
    </message>
    <message>
        <location filename="../../widgets/join_dialog.py" line="154"/>
        <source>Choisissez une séance dans la liste ou tapez son adresse.</source>
        <translation>Pick a session in the list or type its address.</translation>
    </message>
    <message>
        <location filename="../../widgets/join_dialog.py" line="158"/>
        <source>Le code de co-animation a 6 chiffres.</source>
        <translation>The co-facilitation code has 6 digits.</translation>
    </message>
    <message>
        <location filename="../../widgets/join_dialog.py" line="161"/>
        <source>Indiquez votre nom : il accompagne vos actions.</source>
        <translation>Give your name: it goes with your actions.</translation>
    </message>
    <message>
        <location filename="../../widgets/join_dialog.py" line="163"/>
        <source>Connexion à la séance…</source>
        <translation>Connecting to the session…</translation>
    </message>
</context>
<context>
    <name>LiveConsole</name>
    <message>
        <location filename="../../widgets/live_console.py" line="390"/>
        <source>Retours : aucune réponse pour l&apos;instant</source>
        <translation>Feedback: no answers yet</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="392"/>
        <source>Retours : {n} · moyenne {average} / 5</source>
        <translation>Feedback: {n} · average {average} / 5</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="397"/>
        <source>Notes de 1 à 5 : {counts}</source>
        <translation>Ratings from 1 to 5: {counts}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="37"/>
        <source>Prêt : appuyez sur Espace pour démarrer</source>
        <translation>Ready: press Space to start</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="38"/>
        <source>En cours</source>
        <translation>Running</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="39"/>
        <source>Moins de 2 minutes</source>
        <translation>Less than 2 minutes</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="40"/>
        <source>Temps dépassé</source>
        <translation>Over time</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="41"/>
        <source>En pause</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="42"/>
        <source>Pause</source>
        <translation>Break</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="49"/>
        <source>✓ fait</source>
        <translation>✓ done</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="50"/>
        <source>⚠ en retard</source>
        <translation>⚠ late</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="51"/>
        <source>▶ prochaine</source>
        <translation>▶ next</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="52"/>
        <source>à venir</source>
        <translation>upcoming</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="53"/>
        <source>✓ atteint</source>
        <translation>✓ reached</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="54"/>
        <source>◆ jalon</source>
        <translation>◆ milestone</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="117"/>
        <source>← Retour à l&apos;atelier</source>
        <translation>← Back to the workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="136"/>
        <location filename="../../widgets/live_console.py" line="330"/>
        <source>Tableau (Ctrl+B)</source>
        <translation>Board (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="146"/>
        <source>Projection (F5)</source>
        <translation>Projector (F5)</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="148"/>
        <source>Terminer la séance</source>
        <translation>End session</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="167"/>
        <source>Lancer cette séance</source>
        <translation>Start this session</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="185"/>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="186"/>
        <source>Présents</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="187"/>
        <source>Post-its</source>
        <translation>Sticky notes</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="188"/>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="213"/>
        <location filename="../../widgets/live_console.py" line="504"/>
        <source>Démarrer (Espace)</source>
        <translation>Start (Space)</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="216"/>
        <source>◀ Précédente (←)</source>
        <translation>◀ Previous (←)</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="264"/>
        <source>Notes d&apos;animation (visibles par vous uniquement)</source>
        <translation>Facilitation notes (only you can see them)</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="330"/>
        <source>Minuteur (Ctrl+B)</source>
        <translation>Timer (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="354"/>
        <source>Semaine {week} · {mark} · {text}</source>
        <translation>Week {week} · {mark} · {text}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="383"/>
        <source>Présents ({n})</source>
        <translation>Present ({n})</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="384"/>
        <source>Post-its ({n})</source>
        <translation>Sticky notes ({n})</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="448"/>
        <source>Pas de consigne pour cette séquence.</source>
        <translation>No instructions for this activity.</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="218"/>
        <source>Suivante ▶ (→)</source>
        <translation>Next ▶ (→)</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="220"/>
        <source>−1 min</source>
        <translation>−1 min</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="222"/>
        <source>+1 min</source>
        <translation>+1 min</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="224"/>
        <source>+5 min</source>
        <translation>+5 min</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="226"/>
        <source>Réinitialiser</source>
        <translation>Reset</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="259"/>
        <source>Consigne aux participants</source>
        <translation>Instructions for participants</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="413"/>
        <source>{actual} min (prévu {planned})</source>
        <translation>{actual} min (planned {planned})</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="439"/>
        <source>Séquence {n} sur {total}</source>
        <translation>Activity {n} of {total}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="43"/>
        <location filename="../../widgets/live_console.py" line="444"/>
        <location filename="../../widgets/live_console.py" line="480"/>
        <source>Séance terminée</source>
        <translation>Session ended</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="450"/>
        <source>Aucune note.</source>
        <translation>No notes.</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="453"/>
        <source>À suivre : {title} ({minutes})</source>
        <translation>Up next: {title} ({minutes})</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="457"/>
        <source>C&apos;est la dernière séquence de la séance.</source>
        <translation>This is the last activity of the session.</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="461"/>
        <source>Pause (Espace)</source>
        <translation>Pause (Space)</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="503"/>
        <source>Reprendre (Espace)</source>
        <translation>Resume (Space)</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="531"/>
        <source>Pause — reprise à {time}</source>
        <translation>Break — back at {time}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="140"/>
        <source>Co-animation</source>
        <translation>Co-facilitation</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="142"/>
        <source>Le code et les rôles pour co-animer depuis un deuxième ordinateur</source>
        <translation>The code and the roles to co-facilitate from a second laptop</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="369"/>
        <source>Chantier · {status} · {title}</source>
        <translation>Project · {status} · {title}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="125"/>
        <source>RÉPÉTITION</source>
        <translation>REHEARSAL</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="128"/>
        <source>Séance d&apos;entraînement avec des téléphones simulés : elle ne compte pas dans le bilan d&apos;activité.</source>
        <translation>A practice session with simulated phones: it does not count in the activity summary.</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="229"/>
        <source>Faire le compte-rendu…</source>
        <translation>Write the report…</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="418"/>
        <source>non réalisée (prévu {planned})</source>
        <translation>not held (planned {planned})</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="554"/>
        <source>{n} min de retard</source>
        <translation>{n} min behind</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="556"/>
        <source>{n} min d’avance</source>
        <translation>{n} min ahead</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="558"/>
        <source>À l’heure</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="483"/>
        <source>Séance arrêtée après la séquence {n} sur {total}</source>
        <translation>Session stopped after activity {n} of {total}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="487"/>
        <source>Les {total} séquences ont eu lieu</source>
        <translation>All {total} activities were held</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="495"/>
        <source>Durée réelle : {real} (prévu : {planned})</source>
        <translation>Actual duration: {real} (planned: {planned})</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="235"/>
        <source>Retour d&apos;expérience…</source>
        <translation>Method review…</translation>
    </message>
    <message>
        <location filename="../../widgets/live_console.py" line="237"/>
        <source>Noter les méthodes de la séance : ce qui a marché, ce qu&apos;il faut changer</source>
        <translation>Rate the session&apos;s methods: what worked, what to change</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="209"/>
        <source>C&amp;hantiers de tous les ateliers…</source>
        <translation>Pro&amp;jects of every workshop…</translation>
    </message>
    <message>
        <location filename="../../widgets/document_desk.py" line="73"/>
        <source>Logo des paramètres ignoré : {problem}</source>
        <translation>Logo from the settings left out: {problem}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="205"/>
        <source>&amp;Bilan d&apos;activité…</source>
        <translation>Activity &amp;summary…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="214"/>
        <source>&amp;Exporter l&apos;atelier (archive)…</source>
        <translation>&amp;Export the workshop (archive)…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="217"/>
        <source>&amp;Importer un atelier…</source>
        <translation>&amp;Import a workshop…</translation>
    </message>
    <message>
        <location filename="../../widgets/document_desk.py" line="149"/>
        <location filename="../../widgets/document_desk.py" line="183"/>
        <source>Un document est déjà en préparation…</source>
        <translation>A document is already being prepared…</translation>
    </message>
    <message>
        <location filename="../../widgets/document_desk.py" line="162"/>
        <source>Enregistrer le bilan d&apos;activité</source>
        <translation>Save the activity summary</translation>
    </message>
    <message>
        <location filename="../../widgets/document_desk.py" line="169"/>
        <source>Préparation du bilan d&apos;activité…</source>
        <translation>Preparing the activity summary…</translation>
    </message>
    <message>
        <location filename="../../widgets/document_desk.py" line="170"/>
        <source>Bilan d&apos;activité enregistré : {path}</source>
        <translation>Activity summary saved: {path}</translation>
    </message>
    <message>
        <location filename="../../widgets/document_desk.py" line="171"/>
        <source>Le bilan d&apos;activité n&apos;a pas pu être préparé (erreur inattendue). Le rapport d&apos;erreur est ici : {path}</source>
        <translation>The activity summary could not be prepared (unexpected error). The error report is here: {path}</translation>
    </message>
    <message>
        <location filename="../../widgets/archive_desk.py" line="56"/>
        <source>Exporter l&apos;atelier (archive)</source>
        <translation>Export the workshop (archive)</translation>
    </message>
    <message>
        <location filename="../../widgets/archive_desk.py" line="58"/>
        <source>Archive Atelier (*.json)</source>
        <translation>Atelier archive (*.json)</translation>
    </message>
    <message>
        <location filename="../../widgets/archive_desk.py" line="66"/>
        <source>Archive enregistrée : {path} (à ouvrir avec « Importer un atelier… » sur un autre ordinateur)</source>
        <translation>Archive saved: {path} (open it with “Import a workshop…” on another computer)</translation>
    </message>
    <message>
        <location filename="../../widgets/archive_desk.py" line="76"/>
        <location filename="../../widgets/archive_desk.py" line="91"/>
        <source>Importer un atelier</source>
        <translation>Import a workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/archive_desk.py" line="77"/>
        <source>Archive Atelier (*.json);;Tous les fichiers (*)</source>
        <translation>Atelier archive (*.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/archive_desk.py" line="92"/>
        <source>La base contient déjà l&apos;atelier « {title} » de cette archive.

Le remplacer par celui de l&apos;archive (ce qui a changé ici depuis l&apos;export sera perdu), ou garder les deux, l&apos;import s&apos;appelant « {title} (copie) » ?</source>
        <translation>This database already holds the workshop “{title}” from this archive.

Replace it with the archive&apos;s (what changed here since the export will be lost), or keep both, the import being called “{title} (copie)”?</translation>
    </message>
    <message>
        <location filename="../../widgets/archive_desk.py" line="99"/>
        <source>Remplacer</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location filename="../../widgets/archive_desk.py" line="100"/>
        <source>Garder les deux</source>
        <translation>Keep both</translation>
    </message>
    <message>
        <location filename="../../widgets/archive_desk.py" line="112"/>
        <source>Atelier importé : « {title} »</source>
        <translation>Workshop imported: “{title}”</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="185"/>
        <source>&amp;Compte-rendu…</source>
        <translation>&amp;Report…</translation>
    </message>
    <message>
        <location filename="../../widgets/archive_desk.py" line="46"/>
        <location filename="../../widgets/document_desk.py" line="191"/>
        <location filename="../../widgets/main_window.py" line="322"/>
        <source>Ouvrez ou sélectionnez d&apos;abord un atelier.</source>
        <translation>Open or select a workshop first.</translation>
    </message>
    <message>
        <location filename="../../widgets/document_desk.py" line="63"/>
        <source>Enregistrer le compte-rendu</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <location filename="../../widgets/document_desk.py" line="206"/>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../widgets/document_desk.py" line="81"/>
        <source>Préparation du compte-rendu…</source>
        <translation>Preparing the report…</translation>
    </message>
    <message>
        <location filename="../../widgets/document_desk.py" line="82"/>
        <source>Compte-rendu enregistré : {path}</source>
        <translation>Report saved: {path}</translation>
    </message>
    <message>
        <location filename="../../widgets/document_desk.py" line="83"/>
        <source>Le compte-rendu n&apos;a pas pu être préparé (erreur inattendue). Le rapport d&apos;erreur est ici : {path}</source>
        <translation>The report could not be prepared (unexpected error). The error report is here: {path}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="71"/>
        <location filename="../../widgets/main_window.py" line="653"/>
        <source>Atelier</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="166"/>
        <source>Base : {where}</source>
        <translation>Database: {where}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="171"/>
        <source>Un fichier de format a été ignoré : {problem}</source>
        <translation>A format file was skipped: {problem}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="177"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="180"/>
        <source>&amp;Nouvel atelier…</source>
        <translation>&amp;New workshop…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="183"/>
        <source>Liste des &amp;ateliers</source>
        <translation>&amp;Workshop list</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="191"/>
        <source>Feuille d&apos;é&amp;margement…</source>
        <translation>&amp;Attendance sheet…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="201"/>
        <source>Exporter en C&amp;SV…</source>
        <translation>Export as &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="222"/>
        <source>A&amp;nonymiser l&apos;atelier…</source>
        <translation>A&amp;nonymise workshop…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="230"/>
        <source>&amp;Paramètres…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="233"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="235"/>
        <source>&amp;Édition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="237"/>
        <location filename="../../widgets/main_window.py" line="662"/>
        <source>&amp;Annuler</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="239"/>
        <location filename="../../widgets/main_window.py" line="667"/>
        <source>&amp;Rétablir</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="242"/>
        <source>&amp;Séance</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="244"/>
        <source>&amp;Démarrer la séance</source>
        <translation>&amp;Start session</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="254"/>
        <source>&amp;Aide</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="256"/>
        <source>&amp;Données personnelles…</source>
        <translation>&amp;Personal data…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="258"/>
        <source>À &amp;propos d&apos;Atelier</source>
        <translation>&amp;About Atelier</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="320"/>
        <source>Démarrer la séance</source>
        <translation>Start the session</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="349"/>
        <source>Renommer l&apos;atelier</source>
        <translation>Rename workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="349"/>
        <source>Nouveau titre :</source>
        <translation>New title:</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="359"/>
        <source>Atelier dupliqué : la copie est prête à être adaptée.</source>
        <translation>Workshop duplicated: the copy is ready to adapt.</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="368"/>
        <source>Supprimer définitivement « {title} » ?

Son cadrage, son agenda, {participants} participant(s), {notes} post-it(s) et les votes seront effacés. Cette action ne peut pas être annulée. Pour le mettre de côté sans rien perdre, choisissez plutôt « Archiver ».</source>
        <translation>Permanently delete “{title}”?

Its brief, its agenda, {participants} participant(s), {notes} sticky note(s) and the votes will be erased. This cannot be undone. To set it aside without losing anything, choose “Archive” instead.</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="377"/>
        <source>Supprimer l&apos;atelier</source>
        <translation>Delete workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="377"/>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="387"/>
        <source>Enregistrer comme format</source>
        <translation>Save as format</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="388"/>
        <source>Nom du nouveau format :</source>
        <translation>Name of the new format:</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="396"/>
        <source>Format « {name} » enregistré : il est proposé à la création d&apos;un atelier.</source>
        <translation>Format “{name}” saved: it is now offered when you create a workshop.</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="458"/>
        <source>À propos d&apos;Atelier</source>
        <translation>About Atelier</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="460"/>
        <source>Atelier {version}

Préparer, animer et restituer des ateliers participatifs, entièrement hors ligne.
Conçu pour LaBase, le laboratoire d&apos;innovation publique de Nouvelle-Aquitaine.</source>
        <translation>Atelier {version}

Prepare, facilitate and report on participatory workshops, entirely offline.
Designed for LaBase, the public innovation lab of Nouvelle-Aquitaine.</translation>
    </message>
    <message>
        <location filename="../../widgets/document_desk.py" line="97"/>
        <source>Enregistrer la feuille d&apos;émargement</source>
        <translation>Save the attendance sheet</translation>
    </message>
    <message>
        <location filename="../../widgets/document_desk.py" line="105"/>
        <source>Préparation de la feuille d&apos;émargement…</source>
        <translation>Preparing the attendance sheet…</translation>
    </message>
    <message>
        <location filename="../../widgets/document_desk.py" line="108"/>
        <source>Feuille d&apos;émargement enregistrée : {path}</source>
        <translation>Attendance sheet saved: {path}</translation>
    </message>
    <message>
        <location filename="../../widgets/document_desk.py" line="111"/>
        <source>La feuille d&apos;émargement n&apos;a pas pu être préparée (erreur inattendue). Le rapport d&apos;erreur est ici : {path}</source>
        <translation>The attendance sheet could not be prepared (unexpected error). The error report is here: {path}</translation>
    </message>
    <message>
        <location filename="../../widgets/document_desk.py" line="125"/>
        <source>Dossier où enregistrer les fichiers CSV</source>
        <translation>Folder for the CSV files</translation>
    </message>
    <message>
        <location filename="../../widgets/document_desk.py" line="132"/>
        <source>Export CSV…</source>
        <translation>Exporting CSV…</translation>
    </message>
    <message>
        <location filename="../../widgets/document_desk.py" line="133"/>
        <source>Fichiers CSV enregistrés dans {path} : participants, post-its, votes, actions</source>
        <translation>CSV files saved in {path}: participants, sticky notes, votes, actions</translation>
    </message>
    <message>
        <location filename="../../widgets/document_desk.py" line="137"/>
        <source>Les fichiers CSV n&apos;ont pas pu être écrits (erreur inattendue). Le rapport d&apos;erreur est ici : {path}</source>
        <translation>The CSV files could not be written (unexpected error). The error report is here: {path}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="660"/>
        <source>&amp;Annuler : {what}</source>
        <translation>&amp;Undo: {what}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="665"/>
        <source>&amp;Rétablir : {what}</source>
        <translation>&amp;Redo: {what}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="226"/>
        <source>&amp;Rejoindre une séance…</source>
        <translation>&amp;Join a session…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="480"/>
        <source>Choisissez d&apos;abord un atelier dans la liste.</source>
        <translation>First choose a workshop in the list.</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="483"/>
        <source>Anonymiser « {title} » ?

Les noms des participants, des auteurs de post-its, des responsables d&apos;actions, des porteurs de chantiers et des co-animateurs seront remplacés par leurs initiales (« Marie Dupont » → « M. D. »), partout : listes, historique, sauvegardes. Les post-its, votes et actions restent.

Cela ne peut pas être annulé : exportez d&apos;abord le compte-rendu ou l&apos;archive si vous avez besoin des noms.</source>
        <translation>Anonymise “{title}”?

The names of participants, sticky-note authors, action owners, project leads and co-facilitators will be replaced by their initials (“Marie Dupont” → “M. D.”), everywhere: lists, history, backups. Sticky notes, votes and actions stay.

This cannot be undone: export the report or the archive first if you need the names.</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="490"/>
        <source>Anonymiser l&apos;atelier</source>
        <translation>Anonymise workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="490"/>
        <source>Anonymiser</source>
        <translation>Anonymise</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="494"/>
        <source>Atelier anonymisé : les noms sont devenus des initiales.</source>
        <translation>Workshop anonymised: names are now initials.</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="586"/>
        <source>Atelier repris sur cet ordinateur : la séance est en pause. Projetez le QR code : les téléphones s&apos;enregistrent à nouveau ici.</source>
        <translation>Workshop taken over on this laptop: the session is paused. Project the QR code: phones check in again here.</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="592"/>
        <source>Atelier repris sur cet ordinateur : « Démarrer la séance » pour le poursuivre.</source>
        <translation>Workshop taken over on this laptop: “Start session” to carry it on.</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="228"/>
        <source>&amp;Tester le réseau…</source>
        <translation>&amp;Test the network…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="651"/>
        <source>Atelier — RÉPÉTITION (ne compte pas dans le bilan)</source>
        <translation>Atelier — REHEARSAL (not counted in the summary)</translation>
    </message>
</context>
<context>
    <name>ManualCheckInDialog</name>
    <message>
        <location filename="../../widgets/manual_checkin_dialog.py" line="32"/>
        <source>Enregistrer une arrivée</source>
        <translation>Check someone in</translation>
    </message>
    <message>
        <location filename="../../widgets/manual_checkin_dialog.py" line="44"/>
        <source>Apparaître nommément dans le compte-rendu</source>
        <translation>Appear by name in the report</translation>
    </message>
    <message>
        <location filename="../../widgets/manual_checkin_dialog.py" line="48"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../widgets/manual_checkin_dialog.py" line="49"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../widgets/manual_checkin_dialog.py" line="53"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../widgets/manual_checkin_dialog.py" line="54"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../widgets/manual_checkin_dialog.py" line="55"/>
        <source>Catégorie</source>
        <translation>Category</translation>
    </message>
</context>
<context>
    <name>MethodLibrary</name>
    <message>
        <location filename="../../widgets/method_library.py" line="121"/>
        <source>Bibliothèque de méthodes</source>
        <translation>Method library</translation>
    </message>
    <message>
        <location filename="../../widgets/method_library.py" line="124"/>
        <source>Rechercher une méthode…</source>
        <translation>Search methods…</translation>
    </message>
    <message>
        <location filename="../../widgets/method_library.py" line="128"/>
        <source>Toutes les briques</source>
        <translation>All building blocks</translation>
    </message>
    <message>
        <location filename="../../widgets/method_library.py" line="138"/>
        <source>Ajouter à l&apos;agenda</source>
        <translation>Add to agenda</translation>
    </message>
    <message>
        <location filename="../../widgets/method_library.py" line="175"/>
        <source>Aucune méthode ne correspond à cette recherche.</source>
        <translation>No method matches this search.</translation>
    </message>
    <message>
        <location filename="../../widgets/method_library.py" line="37"/>
        <source>{low}–{high} personnes</source>
        <translation>{low}–{high} people</translation>
    </message>
    <message>
        <location filename="../../widgets/method_library.py" line="38"/>
        <source>Matériel :</source>
        <translation>Materials:</translation>
    </message>
    <message>
        <location filename="../../widgets/method_library.py" line="39"/>
        <source>Déroulé</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../../widgets/method_library.py" line="40"/>
        <source>Conseils d&apos;animation</source>
        <translation>Facilitation tips</translation>
    </message>
    <message>
        <location filename="../../widgets/method_library.py" line="41"/>
        <source>Utilisée {n} fois</source>
        <translation>Used {n} times</translation>
    </message>
    <message>
        <location filename="../../widgets/method_library.py" line="42"/>
        <source>note moyenne {mean} / 5</source>
        <translation>average rating {mean} / 5</translation>
    </message>
    <message>
        <location filename="../../widgets/method_library.py" line="43"/>
        <source>Derniers retours d&apos;expérience</source>
        <translation>Latest reviews</translation>
    </message>
    <message>
        <location filename="../../widgets/method_library.py" line="44"/>
        <source>À retenir :</source>
        <translation>Worth keeping:</translation>
    </message>
    <message>
        <location filename="../../widgets/method_library.py" line="45"/>
        <source>À changer :</source>
        <translation>To change:</translation>
    </message>
</context>
<context>
    <name>MethodReviewDialog</name>
    <message>
        <location filename="../../widgets/method_review_dialog.py" line="49"/>
        <source>Retour d&apos;expérience</source>
        <translation>Method review</translation>
    </message>
    <message>
        <location filename="../../widgets/method_review_dialog.py" line="52"/>
        <source>Comment les méthodes de cette séance ont-elles marché ? Vos retours nourrissent la bibliothèque de méthodes et le bilan d&apos;activité.</source>
        <translation>How did this session&apos;s methods work? Your reviews feed the method library and the activity report.</translation>
    </message>
    <message>
        <location filename="../../widgets/method_review_dialog.py" line="58"/>
        <source>Méthode</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../widgets/method_review_dialog.py" line="58"/>
        <source>Note</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../widgets/method_review_dialog.py" line="58"/>
        <source>Ce qui a marché</source>
        <translation>What worked</translation>
    </message>
    <message>
        <location filename="../../widgets/method_review_dialog.py" line="58"/>
        <source>À changer</source>
        <translation>What to change</translation>
    </message>
    <message>
        <location filename="../../widgets/method_review_dialog.py" line="68"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../widgets/method_review_dialog.py" line="74"/>
        <source>À retenir…</source>
        <translation>Worth keeping…</translation>
    </message>
    <message>
        <location filename="../../widgets/method_review_dialog.py" line="76"/>
        <source>À faire autrement…</source>
        <translation>To do differently…</translation>
    </message>
    <message>
        <location filename="../../widgets/method_review_dialog.py" line="96"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../widgets/method_review_dialog.py" line="97"/>
        <source>Plus tard</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>MethodText</name>
    <message>
        <location filename="../../widgets/method_text.py" line="20"/>
        <source>Inspiration</source>
        <translation>Inspiration</translation>
    </message>
    <message>
        <location filename="../../widgets/method_text.py" line="21"/>
        <source>Méthodes centrées usagers</source>
        <translation>User-centred methods</translation>
    </message>
    <message>
        <location filename="../../widgets/method_text.py" line="22"/>
        <source>Idéation</source>
        <translation>Ideation</translation>
    </message>
    <message>
        <location filename="../../widgets/method_text.py" line="23"/>
        <source>Co-création</source>
        <translation>Co-creation</translation>
    </message>
    <message>
        <location filename="../../widgets/method_text.py" line="24"/>
        <source>Visualisation</source>
        <translation>Visualisation</translation>
    </message>
    <message>
        <location filename="../../widgets/method_text.py" line="25"/>
        <source>Narration</source>
        <translation>Storytelling</translation>
    </message>
    <message>
        <location filename="../../widgets/method_text.py" line="26"/>
        <source>Prototypage et test</source>
        <translation>Prototyping and testing</translation>
    </message>
    <message>
        <location filename="../../widgets/method_text.py" line="27"/>
        <source>Documentation</source>
        <translation>Documentation</translation>
    </message>
    <message>
        <location filename="../../widgets/method_text.py" line="28"/>
        <source>Mise en œuvre</source>
        <translation>Implementation</translation>
    </message>
    <message>
        <location filename="../../widgets/method_text.py" line="31"/>
        <source>Minuteur</source>
        <translation>Timer</translation>
    </message>
    <message>
        <location filename="../../widgets/method_text.py" line="32"/>
        <source>Post-its</source>
        <translation>Sticky notes</translation>
    </message>
    <message>
        <location filename="../../widgets/method_text.py" line="33"/>
        <source>Vote</source>
        <translation>Vote</translation>
    </message>
</context>
<context>
    <name>Minimap</name>
    <message>
        <location filename="../../widgets/board_view.py" line="105"/>
        <source>Vue d&apos;ensemble : cliquez pour vous y rendre</source>
        <translation>Overview: click to go there</translation>
    </message>
</context>
<context>
    <name>NetCheckDialog</name>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="53"/>
        <source>Tester le réseau</source>
        <translation>Test the network</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="64"/>
        <source>Avant l&apos;atelier, vérifiez que les téléphones joignent cet ordinateur : connectez un téléphone au Wi-Fi de la salle, puis scannez ce code avec son appareil photo. Aucune séance n&apos;est nécessaire.</source>
        <translation>Before the workshop, check that phones reach this computer: connect a phone to the room&apos;s Wi-Fi, then scan this code with its camera. No session is needed.</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="81"/>
        <source>En attente d&apos;un téléphone…</source>
        <translation>Waiting for a phone…</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="94"/>
        <source>Le réseau fonctionne : le jour de l&apos;atelier, sur ce même Wi-Fi, les participants rejoindront la séance de la même façon. Vous pouvez fermer cette fenêtre.</source>
        <translation>The network works: on the day of the workshop, on this same Wi-Fi, participants will join the session the same way. You can close this window.</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="106"/>
        <source>Aucun téléphone n&apos;y arrive ? Vérifiez, dans l&apos;ordre :</source>
        <translation>No phone gets through? Check, in this order:</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="113"/>
        <source>2. Sur un Wi-Fi invité (hôtel, mairie, médiathèque…), les appareils sont souvent isolés les uns des autres (« isolation des clients » ou « AP isolation ») : les téléphones ne voient pas l&apos;ordinateur. Utilisez plutôt un petit routeur Wi-Fi de voyage, ou le point d&apos;accès mobile de cet ordinateur (sous Windows, 8 appareils au plus : au-delà, prenez un routeur).</source>
        <translation>2. On a guest Wi-Fi (hotel, town hall, library…), devices are often kept apart from each other (“client isolation” or “AP isolation”): phones cannot see the computer. Use a small travel Wi-Fi router instead, or this computer&apos;s mobile hotspot (on Windows, 8 devices at most: beyond that, take a router).</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="130"/>
        <source>Copier la commande</source>
        <translation>Copy the command</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="132"/>
        <source>Ouvrir le port…</source>
        <translation>Open the port…</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="161"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="177"/>
        <source>Le test n&apos;a pas pu démarrer.</source>
        <translation>The test could not start.</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="184"/>
        <source>Adresse du test :</source>
        <translation>Test address:</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="187"/>
        <source>Le port {usual} est déjà pris (une séance est-elle ouverte ?) : le test utilise le port {port}.</source>
        <translation>Port {usual} is already taken (is a session open?): the test uses port {port}.</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="193"/>
        <source>1. Le téléphone est-il sur le même réseau Wi-Fi que cet ordinateur ? L&apos;adresse de cet ordinateur sur ce réseau est {address}. Coupez aussi ses données mobiles (4G, 5G).</source>
        <translation>1. Is the phone on the same Wi-Fi network as this computer? This computer&apos;s address on that network is {address}. Also turn off its mobile data (4G, 5G).</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="219"/>
        <source>Un téléphone a rejoint l&apos;ordinateur (aller-retour : {ms} ms).</source>
        <translation>A phone reached the computer (round trip: {ms} ms).</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="221"/>
        <source>{n} téléphones ont rejoint l&apos;ordinateur.</source>
        <translation>{n} phones reached the computer.</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="227"/>
        <source>{device} — aller-retour {ms} ms</source>
        <translation>{device} — round trip {ms} ms</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="242"/>
        <source>3. Le pare-feu {name} est installé mais désactivé : il ne bloque rien. S&apos;il est activé un jour, cette commande, tapée dans un terminal, laisse passer les téléphones (port {port}) :</source>
        <translation>3. The {name} firewall is installed but turned off: it blocks nothing. If it is ever turned on, this command, typed in a terminal, lets phones through (port {port}):</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="248"/>
        <source>3. Le pare-feu de cet ordinateur ({name}) peut bloquer les téléphones. Pour les laisser passer (port {port}), tapez cette commande dans un terminal :</source>
        <translation>3. This computer&apos;s firewall ({name}) may block phones. To let them through (port {port}), type this command in a terminal:</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="255"/>
        <source>3. Le pare-feu Windows peut bloquer les téléphones. Si Windows demande d&apos;autoriser Atelier, acceptez, y compris sur les réseaux publics. Sinon, tapez cette commande dans une invite de commandes ouverte « en tant qu&apos;administrateur » (port {port}) :</source>
        <translation>3. The Windows firewall may block phones. If Windows asks whether to allow Atelier, accept, public networks included. Otherwise, type this command in a command prompt opened “as administrator” (port {port}):</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="264"/>
        <source>3. Si le pare-feu de macOS est activé (Réglages Système › Réseau › Pare-feu), autorisez les connexions entrantes pour Atelier, ou tapez cette commande dans le Terminal :</source>
        <translation>3. If the macOS firewall is on (System Settings › Network › Firewall), allow incoming connections for Atelier, or type this command in Terminal:</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="272"/>
        <source>3. Aucun pare-feu courant n&apos;a été trouvé sur cet ordinateur : il ne devrait pas bloquer les téléphones (port {port}).</source>
        <translation>3. No common firewall was found on this computer: it should not block phones (port {port}).</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="284"/>
        <source>Commande copiée</source>
        <translation>Command copied</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="290"/>
        <location filename="../../widgets/netcheck_dialog.py" line="295"/>
        <source>Ouvrir le port</source>
        <translation>Open the port</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="292"/>
        <source>Atelier va lancer cette commande avec les droits d&apos;administrateur ; le système vous demandera votre mot de passe :

{command}</source>
        <translation>Atelier will run this command with administrator rights; the system will ask for your password:

{command}</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="300"/>
        <source>En attente du mot de passe administrateur…</source>
        <translation>Waiting for the administrator password…</translation>
    </message>
    <message>
        <location filename="../../widgets/netcheck_dialog.py" line="324"/>
        <source>Le port est ouvert. Refaites le test avec le téléphone.</source>
        <translation>The port is open. Test again with the phone.</translation>
    </message>
</context>
<context>
    <name>NewWorkshopDialog</name>
    <message>
        <location filename="../../widgets/new_workshop_dialog.py" line="43"/>
        <source>Nouvel atelier</source>
        <translation>New workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/new_workshop_dialog.py" line="47"/>
        <source>Choisissez un format</source>
        <translation>Choose a format</translation>
    </message>
    <message>
        <location filename="../../widgets/new_workshop_dialog.py" line="77"/>
        <source>Par exemple : Mobilité des agents — atelier de lancement</source>
        <translation>For example: Staff mobility — kick-off workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/new_workshop_dialog.py" line="83"/>
        <source>Date connue</source>
        <translation>Date known</translation>
    </message>
    <message>
        <location filename="../../widgets/new_workshop_dialog.py" line="94"/>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../widgets/new_workshop_dialog.py" line="95"/>
        <source>Lieu</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../widgets/new_workshop_dialog.py" line="96"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../widgets/new_workshop_dialog.py" line="101"/>
        <source>Créer l&apos;atelier</source>
        <translation>Create workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/new_workshop_dialog.py" line="103"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NotesInbox</name>
    <message>
        <location filename="../../widgets/notes_inbox.py" line="36"/>
        <source>{n} post-it(s) reçu(s)</source>
        <translation>{n} sticky note(s) received</translation>
    </message>
    <message>
        <location filename="../../widgets/notes_inbox.py" line="38"/>
        <source>Aucun post-it pour l&apos;instant</source>
        <translation>No sticky notes yet</translation>
    </message>
</context>
<context>
    <name>PaperVotesDialog</name>
    <message>
        <location filename="../../widgets/paper_votes_dialog.py" line="36"/>
        <source>Ajouter des votes papier</source>
        <translation>Add paper votes</translation>
    </message>
    <message>
        <location filename="../../widgets/paper_votes_dialog.py" line="40"/>
        <source>Comptez les {unit} posées à la main et saisissez-les ici : elles s&apos;ajoutent aux résultats, marquées « papier ».</source>
        <translation>Count the {unit} placed by hand and enter them here: they are added to the results, marked “paper”.</translation>
    </message>
    <message>
        <location filename="../../widgets/paper_votes_dialog.py" line="45"/>
        <source>Bulletins papier</source>
        <translation>Paper ballots</translation>
    </message>
    <message>
        <location filename="../../widgets/paper_votes_dialog.py" line="48"/>
        <source>Élément</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../widgets/paper_votes_dialog.py" line="66"/>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../widgets/paper_votes_dialog.py" line="67"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../widgets/paper_votes_dialog.py" line="71"/>
        <source>Libellé</source>
        <translation>Label</translation>
    </message>
</context>
<context>
    <name>PhaseDetails</name>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="165"/>
        <source>Travail</source>
        <translation>Work</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="166"/>
        <source>Pause</source>
        <translation>Break</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="171"/>
        <source>(aucune méthode)</source>
        <translation>(no method)</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="178"/>
        <source>Consigne affichée aux participants</source>
        <translation>Instructions shown to participants</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="184"/>
        <source>Vos notes d&apos;animation (jamais affichées en salle)</source>
        <translation>Your facilitation notes (never shown in the room)</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="190"/>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="191"/>
        <source>Durée</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="192"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="193"/>
        <source>Méthode</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="194"/>
        <source>Consigne</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <location filename="../../widgets/agenda_editor.py" line="195"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>PhotoDesk</name>
    <message>
        <location filename="../../widgets/photo_desk.py" line="50"/>
        <source>Ajouter des photos au compte-rendu</source>
        <translation>Add photos to the report</translation>
    </message>
    <message>
        <location filename="../../widgets/photo_desk.py" line="58"/>
        <source>Des photos sont déjà en cours d&apos;ajout…</source>
        <translation>Photos are already being added…</translation>
    </message>
    <message>
        <location filename="../../widgets/photo_desk.py" line="63"/>
        <source>Préparation des photos… {percent} %</source>
        <translation>Preparing the photos… {percent}%</translation>
    </message>
    <message>
        <location filename="../../widgets/photo_desk.py" line="70"/>
        <source>Préparation des photos…</source>
        <translation>Preparing the photos…</translation>
    </message>
    <message>
        <location filename="../../widgets/photo_desk.py" line="100"/>
        <source>Les photos n&apos;ont pas pu être ajoutées (erreur inattendue). Le rapport d&apos;erreur est ici : {path}</source>
        <translation>The photos could not be added (unexpected error). The error report is here: {path}</translation>
    </message>
    <message>
        <location filename="../../widgets/photo_desk.py" line="107"/>
        <source>Photo retirée du compte-rendu — Ctrl+Z pour la remettre.</source>
        <translation>Photo removed from the report — Ctrl+Z to put it back.</translation>
    </message>
</context>
<context>
    <name>PhotosPanel</name>
    <message>
        <location filename="../../widgets/photos_panel.py" line="162"/>
        <source>Photos du compte-rendu</source>
        <translation>Photos for the report</translation>
    </message>
    <message>
        <location filename="../../widgets/photos_panel.py" line="166"/>
        <source>Photos des tableaux papier, de la salle… Elles figurent en annexe du compte-rendu, dans cet ordre, avec leur légende.</source>
        <translation>Photos of the paper boards, of the room… They appear in the report&apos;s appendix, in this order, with their captions.</translation>
    </message>
    <message>
        <location filename="../../widgets/photos_panel.py" line="172"/>
        <source>Ajouter des photos…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <location filename="../../widgets/photos_panel.py" line="175"/>
        <source>Photos JPEG ou PNG ; vous pouvez aussi les glisser ici</source>
        <translation>JPEG or PNG photos; you can also drop them here</translation>
    </message>
    <message>
        <location filename="../../widgets/photos_panel.py" line="189"/>
        <source>Photos jointes</source>
        <translation>Attached photos</translation>
    </message>
    <message>
        <location filename="../../widgets/photos_panel.py" line="201"/>
        <source>Ce que montre la photo (facultatif)</source>
        <translation>What the photo shows (optional)</translation>
    </message>
    <message>
        <location filename="../../widgets/photos_panel.py" line="202"/>
        <source>Légende</source>
        <translation>Caption</translation>
    </message>
    <message>
        <location filename="../../widgets/photos_panel.py" line="204"/>
        <source>&amp;Légende</source>
        <translation>&amp;Caption</translation>
    </message>
    <message>
        <location filename="../../widgets/photos_panel.py" line="206"/>
        <source>◀ Déplacer avant</source>
        <translation>◀ Move earlier</translation>
    </message>
    <message>
        <location filename="../../widgets/photos_panel.py" line="209"/>
        <source>Déplacer après ▶</source>
        <translation>Move later ▶</translation>
    </message>
    <message>
        <location filename="../../widgets/photos_panel.py" line="207"/>
        <source>Avancer dans l&apos;annexe (Alt+←)</source>
        <translation>Move earlier in the appendix (Alt+←)</translation>
    </message>
    <message>
        <location filename="../../widgets/photos_panel.py" line="210"/>
        <source>Reculer dans l&apos;annexe (Alt+→)</source>
        <translation>Move later in the appendix (Alt+→)</translation>
    </message>
    <message>
        <location filename="../../widgets/photos_panel.py" line="212"/>
        <source>Retirer la photo</source>
        <translation>Remove the photo</translation>
    </message>
    <message>
        <location filename="../../widgets/photos_panel.py" line="213"/>
        <source>Retirer du compte-rendu (Suppr) ; Ctrl+Z la remet</source>
        <translation>Remove from the report (Del); Ctrl+Z puts it back</translation>
    </message>
    <message>
        <location filename="../../widgets/photos_panel.py" line="260"/>
        <source>Aucune photo pour l&apos;instant</source>
        <translation>No photos yet</translation>
    </message>
    <message>
        <location filename="../../widgets/photos_panel.py" line="262"/>
        <source>Photographiez les tableaux papier et les murs de post-its, puis glissez les photos ici ou cliquez sur « Ajouter des photos… ».</source>
        <translation>Take pictures of the paper boards and sticky-note walls, then drop the photos here or click “Add photos…”.</translation>
    </message>
    <message>
        <location filename="../../widgets/photos_panel.py" line="327"/>
        <source>Photo {n} sur {count} · {name} · {w} × {h} px</source>
        <translation>Photo {n} of {count} · {name} · {w} × {h} px</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <location filename="../../widgets/privacy_dialog.py" line="19"/>
        <source>Données personnelles</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location filename="../../widgets/privacy_dialog.py" line="33"/>
        <source>Sans limite : les ateliers gardent les noms tant que vous ne les anonymisez pas ou ne les supprimez pas (Paramètres › Durée de conservation).</source>
        <translation>No limit: workshops keep the names until you anonymise or delete them (Settings › Retention period).</translation>
    </message>
    <message>
        <location filename="../../widgets/privacy_dialog.py" line="38"/>
        <source>supprimé entièrement, sauvegardes comprises</source>
        <translation>deleted entirely, backups included</translation>
    </message>
    <message>
        <location filename="../../widgets/privacy_dialog.py" line="40"/>
        <source>anonymisé (les noms deviennent des initiales)</source>
        <translation>anonymised (names become initials)</translation>
    </message>
    <message>
        <location filename="../../widgets/privacy_dialog.py" line="43"/>
        <source>{months} mois après la date de l&apos;atelier. Au-delà, au démarrage d&apos;Atelier (fenêtre ou commande), l&apos;atelier est {then}, avec un message. Réglable dans Paramètres › Durée de conservation.</source>
        <translation>{months} months after the workshop&apos;s date. Past that, when Atelier starts (window or command), the workshop is {then}, with a message. Set in Settings › Retention period.</translation>
    </message>
    <message>
        <location filename="../../widgets/privacy_dialog.py" line="47"/>
        <source>(PostgreSQL : les sauvegardes du serveur)</source>
        <translation>(PostgreSQL: the server&apos;s own backups)</translation>
    </message>
    <message>
        <location filename="../../widgets/privacy_dialog.py" line="50"/>
        <source>Ce qui est enregistré</source>
        <translation>What is stored</translation>
    </message>
    <message>
        <location filename="../../widgets/privacy_dialog.py" line="52"/>
        <source>• Les participants : nom, organisation, catégorie, accord pour être nommé sur le compte-rendu, heure d&apos;arrivée, et un jeton qui relie leur téléphone à eux pendant la séance.
• Ce qu&apos;ils écrivent : post-its, votes (un vote anonyme reste lié au téléphone pour pouvoir changer d&apos;avis), avis de fin de séance.
• Les responsables des actions et les porteurs des chantiers, les noms des ordinateurs des co-animateurs, vos propres notes.
• L&apos;historique des actions (annuler / rétablir), qui reprend ces données.
• Rien n&apos;est envoyé sur Internet : tout reste sur cet ordinateur (et sur ceux des co-animateurs pendant une séance partagée).</source>
        <translation>• Participants: name, organisation, category, consent to be named in the report, arrival time, and a token linking their phone to them during the session.
• What they write: sticky notes, votes (an anonymous vote stays linked to the phone so they can change their mind), end-of-session feedback.
• Action owners and project leads, the names of co-facilitators&apos; computers, your own notes.
• The history of actions (undo / redo), which repeats these data.
• Nothing is sent over the Internet: everything stays on this computer (and on the co-facilitators&apos; computers during a shared session).</translation>
    </message>
    <message>
        <location filename="../../widgets/privacy_dialog.py" line="65"/>
        <source>Où, sur cet ordinateur</source>
        <translation>Where, on this computer</translation>
    </message>
    <message>
        <location filename="../../widgets/privacy_dialog.py" line="67"/>
        <source>• La base : {database}
• Ses sauvegardes (les 10 dernières) : {backups}
• Les copies des séances rejointes comme co-animateur : {replicas} (effacées après 30 jours sans usage)
• Les paramètres : {settings}
• Les rapports d&apos;erreur : {crashes}
• Le mot de passe du Wi-Fi : dans {password}.
Ces fichiers ne sont lisibles que par votre compte. Les documents exportés (compte-rendu, CSV, archive) sont où vous les enregistrez.</source>
        <translation>• The database: {database}
• Its backups (the last 10): {backups}
• Copies of sessions joined as co-facilitator: {replicas} (deleted after 30 days unused)
• Settings: {settings}
• Crash reports: {crashes}
• The Wi-Fi password: in {password}.
Only your account can read these files. Exported documents (report, CSV, archive) are wherever you save them.</translation>
    </message>
    <message>
        <location filename="../../widgets/privacy_dialog.py" line="85"/>
        <source>Combien de temps</source>
        <translation>For how long</translation>
    </message>
    <message>
        <location filename="../../widgets/privacy_dialog.py" line="87"/>
        <source>Comment effacer</source>
        <translation>How to erase</translation>
    </message>
    <message>
        <location filename="../../widgets/privacy_dialog.py" line="89"/>
        <source>• Une personne : pendant la séance, liste des présents › « Supprimer cette personne… ». Son nom, son organisation et le lien avec son téléphone sont effacés partout (liste, historique, sauvegardes, et ordinateurs des co-animateurs à leur prochaine synchronisation) ; elle reste comptée, sans nom, et ses post-its restent sans auteur. Cela ne peut pas être annulé.
• Un atelier entier : Fichier › « Anonymiser l&apos;atelier… » après l&apos;export (les noms deviennent des initiales), ou le supprimer depuis la liste des ateliers (ses sauvegardes le gardent jusqu&apos;à leur renouvellement, le seul retour possible après une erreur ; la suppression par la durée de conservation les efface aussi).
• En ligne de commande : atelier anonymise &lt;numéro&gt; --oui.</source>
        <translation>• One person: during the session, attendance list › “Erase this person…”. Her name, organisation and the link to her phone are erased everywhere (list, history, backups, and co-facilitators&apos; computers at their next sync); she is still counted, without a name, and her sticky notes stay without an author. This cannot be undone.
• A whole workshop: File › “Anonymise workshop…” after the export (names become initials), or delete it from the list of workshops (its backups keep it until they rotate, the only way back after a mistake; deletion by the retention period erases them too).
• From the command line: atelier anonymise &lt;number&gt; --oui.</translation>
    </message>
</context>
<context>
    <name>ProgrammeView</name>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="109"/>
        <source>Clic droit : changer son statut</source>
        <translation>Right-click: change its status</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="125"/>
        <source>Statut : {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="53"/>
        <source>Calendrier du programme</source>
        <translation>Programme calendar</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="59"/>
        <source>Double-cliquez sur une séance pour modifier son agenda.</source>
        <translation>Double-click a session to edit its agenda.</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="74"/>
        <source>Semaine {week} · {label} {number} — {title} ({minutes})</source>
        <translation>Week {week} · {label} {number} — {title} ({minutes})</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="86"/>
        <source>Semaine {week} · {mark} Jalon — {title}</source>
        <translation>Week {week} · {mark} Milestone — {title}</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="101"/>
        <source>Chantier · {status} · {title}</source>
        <translation>Project · {status} · {title}</translation>
    </message>
</context>
<context>
    <name>ProjectorView</name>
    <message>
        <location filename="../../widgets/projector_view.py" line="65"/>
        <source>Atelier — projection</source>
        <translation>Atelier — Projector</translation>
    </message>
    <message>
        <location filename="../../widgets/projector_view.py" line="90"/>
        <source>1. Rejoindre le Wi-Fi</source>
        <translation>1. Join the Wi-Fi</translation>
    </message>
    <message>
        <location filename="../../widgets/projector_view.py" line="97"/>
        <location filename="../../widgets/projector_view.py" line="215"/>
        <source>Participez avec votre téléphone</source>
        <translation>Join in with your phone</translation>
    </message>
    <message>
        <location filename="../../widgets/projector_view.py" line="104"/>
        <source>Code de l’atelier</source>
        <translation>Workshop code</translation>
    </message>
    <message>
        <location filename="../../widgets/projector_view.py" line="152"/>
        <source>Prêt à démarrer</source>
        <translation>Ready to start</translation>
    </message>
    <message>
        <location filename="../../widgets/projector_view.py" line="153"/>
        <source>En pause</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../widgets/projector_view.py" line="154"/>
        <source>Temps dépassé</source>
        <translation>Over time</translation>
    </message>
    <message>
        <location filename="../../widgets/projector_view.py" line="157"/>
        <source>Séance terminée — merci à toutes et à tous !</source>
        <translation>Session over — thank you, everyone!</translation>
    </message>
    <message>
        <location filename="../../widgets/projector_view.py" line="163"/>
        <source>Pause — reprise à {time}</source>
        <translation>Break — back at {time}</translation>
    </message>
    <message>
        <location filename="../../widgets/projector_view.py" line="173"/>
        <source>À suivre : {title}</source>
        <translation>Up next: {title}</translation>
    </message>
    <message>
        <location filename="../../widgets/projector_view.py" line="175"/>
        <source>Dernière séquence</source>
        <translation>Last activity</translation>
    </message>
    <message>
        <location filename="../../widgets/projector_view.py" line="209"/>
        <source>Réseau : {name}</source>
        <translation>Network: {name}</translation>
    </message>
    <message>
        <location filename="../../widgets/projector_view.py" line="213"/>
        <source>2. Rejoindre l’atelier</source>
        <translation>2. Join the workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/projector_view.py" line="82"/>
        <source>RÉPÉTITION — ne compte pas dans le bilan</source>
        <translation>REHEARSAL — not counted in the summary</translation>
    </message>
</context>
<context>
    <name>QuadrantChart</name>
    <message>
        <location filename="../../widgets/vote_quadrant.py" line="34"/>
        <source>Prioritaire</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_quadrant.py" line="35"/>
        <source>À préparer</source>
        <translation>To prepare</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_quadrant.py" line="36"/>
        <source>Facile</source>
        <translation>Easy</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_quadrant.py" line="37"/>
        <source>À écarter</source>
        <translation>To drop</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_quadrant.py" line="39"/>
        <source>Faisabilité →</source>
        <translation>Feasibility →</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_quadrant.py" line="40"/>
        <source>Impact →</source>
        <translation>Impact →</translation>
    </message>
</context>
<context>
    <name>RehearsalDesk</name>
    <message>
        <location filename="../../widgets/rehearsal_desk.py" line="55"/>
        <source>&amp;Répéter…</source>
        <translation>&amp;Rehearse…</translation>
    </message>
    <message>
        <location filename="../../widgets/rehearsal_desk.py" line="57"/>
        <source>S&apos;entraîner sur une copie de l&apos;atelier, avec des téléphones simulés</source>
        <translation>Practise on a copy of the workshop, with simulated phones</translation>
    </message>
    <message>
        <location filename="../../widgets/rehearsal_desk.py" line="60"/>
        <source>&amp;Effacer la répétition…</source>
        <translation>&amp;Erase the rehearsal…</translation>
    </message>
    <message>
        <location filename="../../widgets/rehearsal_desk.py" line="74"/>
        <source>Choisissez d&apos;abord l&apos;atelier à répéter.</source>
        <translation>First choose the workshop to rehearse.</translation>
    </message>
    <message>
        <location filename="../../widgets/rehearsal_desk.py" line="77"/>
        <source>Répéter l&apos;atelier</source>
        <translation>Rehearse the workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/rehearsal_desk.py" line="79"/>
        <source>Une copie de l&apos;atelier (cadrage et agenda) s&apos;ouvre pour la répétition, avec des téléphones simulés qui s&apos;enregistrent, écrivent des post-its et votent.
Elle ne comptera pas dans le bilan d&apos;activité.

Combien de téléphones simulés ?</source>
        <translation>A copy of the workshop (framing and agenda) opens for the rehearsal, with simulated phones that check in, write sticky notes and vote.
It will not count in the activity summary.

How many simulated phones?</translation>
    </message>
    <message>
        <location filename="../../widgets/rehearsal_desk.py" line="112"/>
        <source>Répétition : {count} téléphones simulés arrivent. Lancez le minuteur pour qu&apos;ils écrivent des post-its.</source>
        <translation>Rehearsal: {count} simulated phones are arriving. Start the timer for them to write sticky notes.</translation>
    </message>
    <message>
        <location filename="../../widgets/rehearsal_desk.py" line="119"/>
        <source>Répétition : les téléphones simulés sont partis.</source>
        <translation>Rehearsal: the simulated phones have left.</translation>
    </message>
    <message>
        <location filename="../../widgets/rehearsal_desk.py" line="123"/>
        <source>Répétition : {joined} téléphones connectés, {notes} post-its, {ballots} votes</source>
        <translation>Rehearsal: {joined} phones connected, {notes} sticky notes, {ballots} ballots</translation>
    </message>
    <message>
        <location filename="../../widgets/rehearsal_desk.py" line="142"/>
        <source>Choisissez d&apos;abord la répétition à effacer.</source>
        <translation>First choose the rehearsal to erase.</translation>
    </message>
    <message>
        <location filename="../../widgets/rehearsal_desk.py" line="147"/>
        <source>« {title} » n&apos;est pas une répétition : il ne peut pas être effacé ainsi.</source>
        <translation>“{title}” is not a rehearsal: it cannot be erased this way.</translation>
    </message>
    <message>
        <location filename="../../widgets/rehearsal_desk.py" line="152"/>
        <source>Effacer la répétition « {title} » ?

Ses {participants} participant(s) simulé(s), ses {notes} post-it(s), ses votes et son historique seront supprimés. L&apos;atelier d&apos;origine n&apos;est pas touché. Cette action ne peut pas être annulée.</source>
        <translation>Erase the rehearsal “{title}”?

Its {participants} simulated participant(s), its {notes} sticky note(s), its votes and its history will be deleted. The original workshop is not touched. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../widgets/rehearsal_desk.py" line="162"/>
        <source>Effacer la répétition</source>
        <translation>Erase the rehearsal</translation>
    </message>
    <message>
        <location filename="../../widgets/rehearsal_desk.py" line="171"/>
        <source>Répétition effacée.</source>
        <translation>Rehearsal erased.</translation>
    </message>
</context>
<context>
    <name>RemoteController</name>
    <message>
        <location filename="../../widgets/remote_controller.py" line="83"/>
        <source>ajouter une action</source>
        <translation>add an action</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="84"/>
        <source>modifier une action</source>
        <translation>change an action</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="85"/>
        <source>supprimer une action</source>
        <translation>delete an action</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="86"/>
        <source>déplacer une action</source>
        <translation>move an action</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="87"/>
        <source>modifier un chantier</source>
        <translation>change a project</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="88"/>
        <source>ajouter au suivi d&apos;un chantier</source>
        <translation>add to a project&apos;s timeline</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="89"/>
        <source>retirer une ligne du suivi d&apos;un chantier</source>
        <translation>remove a line from a project&apos;s timeline</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="92"/>
        <source>cocher un jalon</source>
        <translation>tick a milestone</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="30"/>
        <source>Réservé à l&apos;animatrice : {what}.</source>
        <translation>Only the lead facilitator can do this: {what}.</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="31"/>
        <source>Votre rôle ({role}) ne permet pas de {what}.</source>
        <translation>Your role ({role}) does not allow you to {what}.</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="33"/>
        <source>L&apos;animatrice a retiré l&apos;accès de cet ordinateur à la séance.</source>
        <translation>The lead facilitator removed this laptop&apos;s access to the session.</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="38"/>
        <source>terminer la séance</source>
        <translation>end the session</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="39"/>
        <source>l&apos;écriture individuelle</source>
        <translation>individual writing</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="40"/>
        <source>le modèle du tableau</source>
        <translation>the board&apos;s template</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="41"/>
        <source>les réglages du tableau</source>
        <translation>the board&apos;s settings</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="97"/>
        <source>promouvoir en action</source>
        <translation>promote to actions</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="45"/>
        <source>retirer des votes papier</source>
        <translation>remove paper votes</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="93"/>
        <source>ouvrir un chantier</source>
        <translation>open a project</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="94"/>
        <source>donner un retour d&apos;expérience</source>
        <translation>give feedback on a method</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="99"/>
        <source>décider du devenir d&apos;idées</source>
        <translation>decide what becomes of ideas</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="100"/>
        <source>changer le statut d&apos;un chantier</source>
        <translation>change a project&apos;s status</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="101"/>
        <source>supprimer un chantier</source>
        <translation>delete a project</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="295"/>
        <source>créer un atelier</source>
        <translation>create a workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="296"/>
        <source>renommer l&apos;atelier</source>
        <translation>rename the workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="297"/>
        <source>dupliquer l&apos;atelier</source>
        <translation>duplicate the workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="298"/>
        <source>archiver l&apos;atelier</source>
        <translation>archive the workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="299"/>
        <source>supprimer l&apos;atelier</source>
        <translation>delete the workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="300"/>
        <source>modifier le cadrage</source>
        <translation>change the framing</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="301"/>
        <source>modifier le lieu ou la date</source>
        <translation>change the place or the date</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="302"/>
        <source>enregistrer un format</source>
        <translation>save a format</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="303"/>
        <location filename="../../widgets/remote_controller.py" line="304"/>
        <location filename="../../widgets/remote_controller.py" line="305"/>
        <location filename="../../widgets/remote_controller.py" line="306"/>
        <source>modifier l&apos;agenda</source>
        <translation>change the agenda</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="307"/>
        <source>importer un atelier</source>
        <translation>import a workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="98"/>
        <source>promouvoir en chantier</source>
        <translation>promote to projects</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="47"/>
        <source>lancer une autre séance</source>
        <translation>start another session</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="51"/>
        <source>écrire un post-it</source>
        <translation>write a sticky note</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="52"/>
        <source>modifier un post-it</source>
        <translation>edit a sticky note</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="53"/>
        <source>changer la couleur d&apos;un post-it</source>
        <translation>change a sticky note&apos;s colour</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="54"/>
        <source>déplacer des post-its</source>
        <translation>move sticky notes</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="55"/>
        <source>supprimer des post-its</source>
        <translation>delete sticky notes</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="56"/>
        <source>dupliquer des post-its</source>
        <translation>duplicate sticky notes</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="57"/>
        <source>regrouper des post-its</source>
        <translation>group sticky notes</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="58"/>
        <source>dégrouper</source>
        <translation>ungroup</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="59"/>
        <source>modifier un groupe</source>
        <translation>edit a group</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="61"/>
        <source>révéler les post-its</source>
        <translation>reveal the sticky notes</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="62"/>
        <source>démarrer ou arrêter le minuteur</source>
        <translation>start or stop the timer</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="63"/>
        <source>démarrer le minuteur</source>
        <translation>start the timer</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="64"/>
        <source>mettre le minuteur en pause</source>
        <translation>pause the timer</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="65"/>
        <source>réinitialiser le minuteur</source>
        <translation>reset the timer</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="66"/>
        <source>passer à la séquence suivante</source>
        <translation>go to the next activity</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="67"/>
        <source>revenir à la séquence précédente</source>
        <translation>go back to the previous activity</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="70"/>
        <source>ajuster le minuteur</source>
        <translation>adjust the timer</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="71"/>
        <source>ouvrir un vote</source>
        <translation>open a vote</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="72"/>
        <source>clore un vote</source>
        <translation>close a vote</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="73"/>
        <source>rouvrir un vote</source>
        <translation>reopen a vote</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="74"/>
        <source>révéler les résultats</source>
        <translation>reveal the results</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="75"/>
        <source>ajouter des votes papier</source>
        <translation>add paper votes</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="76"/>
        <source>enregistrer une arrivée</source>
        <translation>check someone in</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="77"/>
        <source>corriger un nom</source>
        <translation>correct a name</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="78"/>
        <source>retirer une personne de la liste</source>
        <translation>remove someone from the list</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="81"/>
        <source>annuler</source>
        <translation>undo</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="82"/>
        <source>rétablir</source>
        <translation>redo</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="308"/>
        <source>effacer une personne</source>
        <translation>erase a person</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="309"/>
        <source>anonymiser l&apos;atelier</source>
        <translation>anonymise the workshop</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="42"/>
        <source>accepter des regroupements suggérés</source>
        <translation>accept suggested groups</translation>
    </message>
    <message>
        <location filename="../../widgets/remote_controller.py" line="60"/>
        <source>ranger le tableau</source>
        <translation>tidy up the board</translation>
    </message>
</context>
<context>
    <name>SessionRunner</name>
    <message>
        <location filename="../../widgets/session_runner.py" line="150"/>
        <source>Affiche QR code {size}…</source>
        <translation>QR code poster {size}…</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="379"/>
        <source>Enregistrer l&apos;affiche QR code</source>
        <translation>Save the QR code poster</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="381"/>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="384"/>
        <source>Affiche enregistrée : {path}</source>
        <translation>Poster saved: {path}</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="110"/>
        <source>Démarrer / mettre en pause</source>
        <translation>Start / pause</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="113"/>
        <source>Séquence suivante</source>
        <translation>Next activity</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="116"/>
        <source>Séquence précédente</source>
        <translation>Previous activity</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="119"/>
        <source>+1 minute</source>
        <translation>+1 minute</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="122"/>
        <source>+5 minutes</source>
        <translation>+5 minutes</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="125"/>
        <source>−1 minute</source>
        <translation>−1 minute</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="128"/>
        <source>Réinitialiser le minuteur</source>
        <translation>Reset timer</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="130"/>
        <source>Projection plein écran</source>
        <translation>Full-screen projector</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="133"/>
        <source>Tableau de post-its</source>
        <translation>Sticky-note board</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="138"/>
        <source>Terminer la séance…</source>
        <translation>End session…</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="142"/>
        <source>Codes erronés des téléphones…</source>
        <translation>Wrong phone codes…</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="153"/>
        <source>Nouveau code pour les téléphones…</source>
        <translation>New code for the phones…</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="185"/>
        <source>Ouvrez ou sélectionnez d&apos;abord un atelier.</source>
        <translation>Open or select a workshop first.</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="196"/>
        <source>La séance est terminée : démarrez-en une nouvelle.</source>
        <translation>The session has ended: start a new one.</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="198"/>
        <source>Ouvrez d&apos;abord la séance : Séance › Démarrer la séance.</source>
        <translation>Open the session first: Session › Start the session.</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="221"/>
        <source>Une séance est déjà ouverte</source>
        <translation>A session is already open</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="223"/>
        <source>La séance de « {title} » est ouverte. La mettre en pause et ouvrir celle-ci ? Vous pourrez la reprendre depuis son atelier.</source>
        <translation>The session of “{title}” is open. Pause it and open this one? You can resume it from its workshop.</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="226"/>
        <source>Mettre en pause et continuer</source>
        <translation>Pause it and continue</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="389"/>
        <source>Les téléphones ne sont pas servis : ouvrez d&apos;abord la séance.</source>
        <translation>Phones are not being served: open the session first.</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="396"/>
        <source>Trop de codes erronés ont été essayés : les nouvelles arrivées sont suspendues (encore {minutes} min au plus). Les téléphones déjà inscrits continuent. Lever le blocage maintenant ? Si quelqu&apos;un cherche à deviner le code, changez plutôt le code (Fichier › Nouveau code pour les téléphones).</source>
        <translation>Too many wrong codes were tried: new arrivals are suspended (for {minutes} more min at most). Phones already checked in carry on. Lift the block now? If someone is trying to guess the code, change the code instead (File › New code for the phones).</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="403"/>
        <source>Codes erronés depuis une heure : {wrong}. Téléphones en attente après plusieurs erreurs : {waiting}. Les arrivées ne sont pas suspendues. Lever les attentes ?</source>
        <translation>Wrong codes in the last hour: {wrong}. Phones waiting after several mistakes: {waiting}. Arrivals are not suspended. Lift the waits?</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="407"/>
        <source>Codes erronés</source>
        <translation>Wrong codes</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="407"/>
        <source>Lever le blocage</source>
        <translation>Lift the block</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="410"/>
        <source>Blocage levé : les téléphones peuvent de nouveau saisir le code.</source>
        <translation>Block lifted: phones may type the code again.</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="418"/>
        <source>Changer le code pour les téléphones ?</source>
        <translation>Change the code for the phones?</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="420"/>
        <source>Les affiches QR code déjà imprimées ne fonctionneront plus : il faudra les imprimer à nouveau. Les participants déjà inscrits gardent leur place.</source>
        <translation>QR posters already printed will stop working: you will need to print them again. Participants already checked in keep their place.</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="423"/>
        <source>Changer le code</source>
        <translation>Change the code</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="428"/>
        <source>Nouveau code pour les téléphones : {code}</source>
        <translation>New code for the phones: {code}</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="455"/>
        <source>Corriger le nom</source>
        <translation>Fix the name</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="455"/>
        <source>Nom :</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="464"/>
        <source>Retirer de la liste</source>
        <translation>Remove from the list</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="466"/>
        <source>Retirer « {name} » de la liste des présents ? Ses post-its restent, sans nom.</source>
        <translation>Remove “{name}” from the attendance list? Their sticky notes stay, without a name.</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="468"/>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="478"/>
        <source>Supprimer cette personne</source>
        <translation>Erase this person</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="480"/>
        <source>Effacer « {name} » partout ? Son nom, son organisation et le lien avec son téléphone sont effacés de la liste, de l&apos;historique, des sauvegardes et, à leur prochaine synchronisation, des ordinateurs des co-animateurs. Elle reste comptée comme « Personne effacée » ; ses post-its et ses votes restent, sans nom.

Cela ne peut pas être annulé (Ctrl+Z ne la fera pas revenir).</source>
        <translation>Erase “{name}” everywhere? Her name, organisation and the link to her phone are erased from the list, the history, the backups and, at their next sync, the co-facilitators&apos; computers. She is still counted as “Personne effacée”; her sticky notes and votes stay, without a name.

This cannot be undone (Ctrl+Z will not bring her back).</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="486"/>
        <source>Effacer</source>
        <translation>Erase</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="524"/>
        <source>Terminer la séance</source>
        <translation>End session</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="519"/>
        <source>Terminer la séance maintenant ? Les durées réelles sont enregistrées pour le compte-rendu. Vous pourrez encore consulter la console.</source>
        <translation>End the session now? Actual durations are saved for the report. You will still be able to view the console.</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="526"/>
        <source>Terminer</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="253"/>
        <location filename="../../widgets/session_runner.py" line="258"/>
        <source>Rouvrir la séance</source>
        <translation>Reopen the session</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="255"/>
        <source>« {title} » est terminé. Rouvrir sa séance ? L&apos;atelier repassera « en cours » et les temps de la séance rouverte s&apos;ajouteront au compte-rendu.</source>
        <translation>“{title}” is finished. Reopen its session? The workshop will be “in progress” again and the times of the reopened session will be added to the report.</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="506"/>
        <source>La séance en est à la séquence {n} sur {total} : il reste {left} séquences, qui n&apos;auront pas lieu. La terminer quand même ? Les durées réelles sont enregistrées pour le compte-rendu.</source>
        <translation>The session is at activity {n} of {total}: {left} activities are left, which will not take place. End it anyway? The actual durations are saved for the report.</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="512"/>
        <source>La séance en est à la séquence {n} sur {total} : il reste une séquence, qui n&apos;aura pas lieu. La terminer quand même ? Les durées réelles sont enregistrées pour le compte-rendu.</source>
        <translation>The session is at activity {n} of {total}: one activity is left, which will not take place. End it anyway? The actual durations are saved for the report.</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="526"/>
        <source>Terminer quand même</source>
        <translation>End anyway</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="156"/>
        <source>Retour d&apos;expérience…</source>
        <translation>Method review…</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="552"/>
        <source>Retour d&apos;expérience</source>
        <translation>Method review</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="553"/>
        <source>Aucune méthode de la bibliothèque n&apos;a encore été utilisée en séance dans cet atelier.</source>
        <translation>No method from the library has been used in a session of this workshop yet.</translation>
    </message>
    <message>
        <location filename="../../widgets/session_runner.py" line="578"/>
        <source>Retour d&apos;expérience enregistré : {n} méthode(s)</source>
        <translation>Method review saved: {n} method(s)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="155"/>
        <source>Aucun logo</source>
        <translation>No logo</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="156"/>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="157"/>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="163"/>
        <source>Images (*.png *.jpg *.jpeg);;Tous les fichiers (*)</source>
        <translation>Images (*.png *.jpg *.jpeg);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="43"/>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="92"/>
        <source>Les changements de langue et de taille du texte s&apos;appliquent au prochain démarrage.</source>
        <translation>Changes to language and text size take effect the next time Atelier starts.</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="100"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="101"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="136"/>
        <source>Automatique — {address} pour l&apos;instant</source>
        <translation>Automatic — {address} for now</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="141"/>
        <source>{address} (cet ordinateur seulement)</source>
        <translation>{address} (this computer only)</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="147"/>
        <source>{address} (absente de cet ordinateur aujourd&apos;hui)</source>
        <translation>{address} (not on this computer today)</translation>
    </message>
</context>
<context>
    <name>UndoLabels</name>
    <message>
        <location filename="../../widgets/undo_labels.py" line="21"/>
        <source>ajout de « {title} »</source>
        <translation>add “{title}”</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="22"/>
        <source>suppression de « {title} »</source>
        <translation>delete “{title}”</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="23"/>
        <source>déplacement de « {title} »</source>
        <translation>move “{title}”</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="24"/>
        <source>modification de « {title} »</source>
        <translation>edit “{title}”</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="25"/>
        <source>post-it « {title} »</source>
        <translation>add sticky note “{title}”</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="26"/>
        <source>modifier un post-it</source>
        <translation>edit a sticky note</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="27"/>
        <source>changer la couleur des post-its</source>
        <translation>change the sticky notes&apos; colour</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="28"/>
        <source>déplacer des post-its</source>
        <translation>move sticky notes</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="29"/>
        <source>supprimer des post-its</source>
        <translation>delete sticky notes</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="30"/>
        <source>dupliquer des post-its</source>
        <translation>duplicate sticky notes</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="31"/>
        <source>regrouper des post-its</source>
        <translation>group sticky notes</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="32"/>
        <source>groupes suggérés</source>
        <translation>suggested groups</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="33"/>
        <source>dégrouper « {title} »</source>
        <translation>ungroup “{title}”</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="34"/>
        <source>modifier un groupe</source>
        <translation>edit a group</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="35"/>
        <source>ranger le tableau</source>
        <translation>tidy the board</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="36"/>
        <source>révéler des post-its</source>
        <translation>reveal sticky notes</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="37"/>
        <source>écriture individuelle</source>
        <translation>individual writing</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="38"/>
        <source>modèle du tableau</source>
        <translation>board template</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="39"/>
        <source>réglages du tableau</source>
        <translation>board settings</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="40"/>
        <source>ajouter des photos</source>
        <translation>add photos</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="41"/>
        <source>légende d&apos;une photo</source>
        <translation>photo caption</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="42"/>
        <source>retirer une photo</source>
        <translation>remove a photo</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="43"/>
        <source>déplacer une photo</source>
        <translation>move a photo</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="44"/>
        <source>statut du chantier « {title} »</source>
        <translation>status of project “{title}”</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="45"/>
        <source>chantiers issus du vote</source>
        <translation>projects from the vote</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="46"/>
        <source>plan d&apos;action issu du vote</source>
        <translation>action plan from the vote</translation>
    </message>
    <message>
        <location filename="../../widgets/undo_labels.py" line="47"/>
        <source>votes papier</source>
        <translation>paper votes</translation>
    </message>
</context>
<context>
    <name>VoteChart</name>
    <message>
        <location filename="../../widgets/vote_chart.py" line="55"/>
        <source>ex æquo</source>
        <translation>tied</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_chart.py" line="56"/>
        <source>Pas encore de voix</source>
        <translation>No votes yet</translation>
    </message>
</context>
<context>
    <name>VoteDesk</name>
    <message>
        <location filename="../../widgets/vote_desk.py" line="56"/>
        <source>Vote</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="142"/>
        <source>Vote sur {n} post-it(s) sélectionné(s)</source>
        <translation>Vote on {n} selected sticky note(s)</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="147"/>
        <source>Vote sur les {n} post-it(s) du groupe « {title} »</source>
        <translation>Vote on the {n} sticky note(s) of the group “{title}”</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="157"/>
        <source>Rien n&apos;est sélectionné : vote sur tout le tableau ({groups} groupe(s) et {notes} post-it(s) hors groupe)</source>
        <translation>Nothing is selected: vote on the whole board ({groups} group(s) and {notes} ungrouped sticky note(s))</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="179"/>
        <source>Vote ouvert : les téléphones peuvent voter.</source>
        <translation>Vote open: phones can vote.</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="184"/>
        <source>Clore le vote</source>
        <translation>Close the vote</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="186"/>
        <source>Clore le vote maintenant ? Les téléphones ne pourront plus voter ni changer d&apos;avis (vous pourrez le rouvrir).</source>
        <translation>Close the vote now? Phones will no longer be able to vote or change their minds (you can reopen it).</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="189"/>
        <source>Clore</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="207"/>
        <source>gommettes</source>
        <translation>dots</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="207"/>
        <source>points</source>
        <translation>points</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="214"/>
        <source>Votes papier ajoutés.</source>
        <translation>Paper votes added.</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="227"/>
        <source>Promouvoir en action</source>
        <translation>Promote to action</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="228"/>
        <source>Ajouter au plan d&apos;action ({n}) :
{items}</source>
        <translation>Add to the action plan ({n}):
{items}</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="231"/>
        <source>Ajouter au plan d&apos;action</source>
        <translation>Add to the action plan</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="237"/>
        <source>{n} action(s) ajoutée(s) au plan d&apos;action — Ctrl+Z pour annuler</source>
        <translation>{n} action(s) added to the action plan — Ctrl+Z to undo</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="253"/>
        <source>Promouvoir en chantier</source>
        <translation>Promote to project</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="255"/>
        <source>Créer des chantiers suivis par le programme ({n}) :
{items}

Un élément qui est déjà un chantier n&apos;est pas créé deux fois.</source>
        <translation>Create projects followed by the programme ({n}):
{items}

An item that is already a project is not created twice.</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="258"/>
        <source>Créer les chantiers</source>
        <translation>Create the projects</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="267"/>
        <source>{n} chantier(s) créé(s), dans l&apos;onglet « Programme » — Ctrl+Z pour annuler</source>
        <translation>{n} project(s) created, in the “Programme” tab — Ctrl+Z to undo</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="270"/>
        <source>{n} chantier(s) créé(s), repris au compte-rendu — Ctrl+Z pour annuler</source>
        <translation>{n} project(s) created, included in the report — Ctrl+Z to undo</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="281"/>
        <source>gommette(s)</source>
        <translation>dot(s)</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="281"/>
        <source>point(s)</source>
        <translation>point(s)</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="283"/>
        <source>Retirer un bulletin papier</source>
        <translation>Remove a paper ballot</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="284"/>
        <source>Retirer le bulletin papier « {label} » ({total} {unit}) du vote ?</source>
        <translation>Remove the paper ballot “{label}” ({total} {unit}) from the vote?</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="287"/>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_desk.py" line="291"/>
        <source>Bulletin papier retiré — Ctrl+Z pour annuler</source>
        <translation>Paper ballot removed — Ctrl+Z to undo</translation>
    </message>
</context>
<context>
    <name>VoteDialog</name>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="36"/>
        <location filename="../../widgets/vote_dialog.py" line="87"/>
        <source>Gommettes</source>
        <translation>Dot vote</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="37"/>
        <source>Points à répartir</source>
        <translation>Points to share</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="38"/>
        <source>Jugement majoritaire</source>
        <translation>Majority judgment</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="39"/>
        <source>Grille multi-critères</source>
        <translation>Criteria grid</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="42"/>
        <source>Impact</source>
        <translation>Impact</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="43"/>
        <source>Faisabilité</source>
        <translation>Feasibility</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="44"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="61"/>
        <source>Ouvrir un tour de vote</source>
        <translation>Open a vote</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="68"/>
        <source>Par exemple : Quelles idées creuser ?</source>
        <translation>For example: Which ideas should we explore?</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="77"/>
        <source> par personne</source>
        <translation> per person</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="81"/>
        <source> au plus sur un même post-it</source>
        <translation> at most on one sticky note</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="83"/>
        <source>Chacun peut voter pour ses propres post-its</source>
        <translation>People may vote for their own sticky notes</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="88"/>
        <source>Plafond</source>
        <translation>Cap</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="93"/>
        <source> points par personne</source>
        <translation> points per person</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="96"/>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="100"/>
        <source>Chacun donne une mention à chaque élément : {grades}. Les éléments sont classés par leur mention majoritaire (la médiane), puis départagés selon la règle du jugement majoritaire.</source>
        <translation>Everyone grades every item: {grades}. Items are ranked by their majority grade (the median), then tie-broken by the majority judgment rule.</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="110"/>
        <source>Critère</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="111"/>
        <source>Poids</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="112"/>
        <source>Axe du graphique 2×2</source>
        <translation>Axis of the 2×2 chart</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="113"/>
        <source>Éliminatoire, seuil</source>
        <translation>Eliminatory, threshold</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="121"/>
        <source>Critères de LaBase</source>
        <translation>LaBase criteria</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="124"/>
        <source>L&apos;arbre de décision de LaBase : partenaires, transversalité, 18 mois, moyens, sobriété</source>
        <translation>LaBase&apos;s decision tree: partners, cross-administration work, 18 months, means, sobriety</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="129"/>
        <source>+ Critère</source>
        <translation>+ Criterion</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="131"/>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="141"/>
        <source>Chaque élément est noté de 1 à 5 sur chaque critère.</source>
        <translation>Each item is scored 1 to 5 on each criterion.</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="152"/>
        <source>Anonyme</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="153"/>
        <source>Nominatif (qui a voté quoi)</source>
        <translation>Named (who voted for what)</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="156"/>
        <source>Cachés jusqu&apos;à ce que je les révèle</source>
        <translation>Hidden until I reveal them</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="157"/>
        <source>En direct</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="160"/>
        <source>Je le clos moi-même</source>
        <translation>I close it myself</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="161"/>
        <source>Clôture automatique dans</source>
        <translation>Close automatically in</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="167"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="174"/>
        <source>Ouvrir le vote</source>
        <translation>Open the vote</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="175"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="180"/>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="181"/>
        <source>Type de vote</source>
        <translation>Kind of vote</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="183"/>
        <source>Bulletins</source>
        <translation>Ballots</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="184"/>
        <source>Résultats</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="185"/>
        <source>Clôture</source>
        <translation>Closing</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="239"/>
        <source>non</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_dialog.py" line="240"/>
        <source>Une moyenne sous ce seuil élimine la proposition</source>
        <translation>An average below this threshold eliminates the proposal</translation>
    </message>
</context>
<context>
    <name>VotePanel</name>
    <message>
        <location filename="../../widgets/vote_panel.py" line="38"/>
        <source>Gommettes</source>
        <translation>Dot vote</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="39"/>
        <source>Points à répartir</source>
        <translation>Points to share</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="40"/>
        <source>Jugement majoritaire</source>
        <translation>Majority judgment</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="41"/>
        <source>Grille multi-critères</source>
        <translation>Criteria grid</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="46"/>
        <source>Prioritaire</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="47"/>
        <source>À préparer</source>
        <translation>To prepare</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="48"/>
        <source>Facile</source>
        <translation>Easy</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="49"/>
        <source>À écarter</source>
        <translation>To drop</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="113"/>
        <source>Les tours de vote de l&apos;atelier</source>
        <translation>The workshop&apos;s votes</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="115"/>
        <source>Nouveau vote…</source>
        <translation>New vote…</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="119"/>
        <source>Sur les post-its sélectionnés au tableau, ou sur tout le tableau (Ctrl+Shift+V)</source>
        <translation>On the sticky notes selected on the board, or on the whole board (Ctrl+Shift+V)</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="129"/>
        <source>Aucun vote pour l&apos;instant. Sélectionnez des post-its au tableau (ou rien, pour tout le tableau) puis « Voter… ».</source>
        <translation>No vote yet. Select sticky notes on the board (or nothing, for the whole board) then “Vote…”.</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="157"/>
        <source>Clore le vote</source>
        <translation>Close the vote</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="160"/>
        <source>Rouvrir</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="162"/>
        <location filename="../../widgets/vote_panel.py" line="355"/>
        <source>Révéler les résultats</source>
        <translation>Reveal the results</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="165"/>
        <source>Projeter</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="168"/>
        <source>Montrer le vote sur la projection (sinon la projection garde le minuteur)</source>
        <translation>Show the vote on the projector (otherwise the projector keeps the timer)</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="171"/>
        <source>Ajouter des votes papier…</source>
        <translation>Add paper votes…</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="176"/>
        <source>les </source>
        <translation>the </translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="177"/>
        <source> premiers</source>
        <translation> first</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="178"/>
        <source>Promouvoir en action</source>
        <translation>Promote to action</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="185"/>
        <source>Voir ici les résultats cachés</source>
        <translation>See the hidden results here</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="187"/>
        <source>Pour vous seule : la projection ne les montre qu&apos;après « Révéler »</source>
        <translation>For you only: the projector shows them only after “Reveal”</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="206"/>
        <source>Résultats cachés : ils apparaîtront ici et sur la projection après « Révéler ».</source>
        <translation>Results hidden: they will appear here and on the projector after “Reveal”.</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="213"/>
        <source>Rang</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="213"/>
        <source>Élément</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="213"/>
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="308"/>
        <source>ouvert</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="308"/>
        <source>clos</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="322"/>
        <source>Vote ouvert</source>
        <translation>Vote open</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="324"/>
        <source>Vote clos</source>
        <translation>Vote closed</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="326"/>
        <source>résultats révélés</source>
        <translation>results revealed</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="332"/>
        <source>{voted} / {total} ont voté</source>
        <translation>{voted} / {total} have voted</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="342"/>
        <source> et {n} autres</source>
        <translation> and {n} more</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="343"/>
        <source>{n} ont fini : {names}</source>
        <translation>{n} done: {names}</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="345"/>
        <source>Personne n&apos;a encore appuyé sur « J&apos;ai fini ».</source>
        <translation>Nobody has pressed “I&apos;m done” yet.</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="347"/>
        <source>+ {n} bulletin(s) papier</source>
        <translation>+ {n} paper ballot(s)</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="355"/>
        <source>Masquer les résultats</source>
        <translation>Hide the results</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="378"/>
        <source>Clôture à {time} (dans {m}:{s:02d})</source>
        <translation>Closes at {time} (in {m}:{s:02d})</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="388"/>
        <source>{dots} gommette(s) par personne, {cap} au plus par élément</source>
        <translation>{dots} dot(s) per person, {cap} at most per item</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="393"/>
        <source>pas pour ses propres post-its</source>
        <translation>not for one&apos;s own sticky notes</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="395"/>
        <source>{n} points par personne</source>
        <translation>{n} points per person</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="397"/>
        <source>{n} critère(s)</source>
        <translation>{n} criterion/criteria</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="398"/>
        <source>{n} élément(s)</source>
        <translation>{n} item(s)</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="399"/>
        <source>anonyme</source>
        <translation>anonymous</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="399"/>
        <source>nominatif</source>
        <translation>named</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="401"/>
        <source>résultats en direct</source>
        <translation>live results</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="403"/>
        <source>résultats cachés jusqu&apos;à la révélation</source>
        <translation>results hidden until revealed</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="425"/>
        <source>gommette(s)</source>
        <translation>dot(s)</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="425"/>
        <source>point(s)</source>
        <translation>point(s)</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="428"/>
        <source>ex æquo</source>
        <translation>tied</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="180"/>
        <source>Promouvoir en chantier</source>
        <translation>Promote to project</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="182"/>
        <source>Les premiers deviennent des chantiers que le programme suit</source>
        <translation>The top items become projects that the programme follows</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="227"/>
        <source>Bulletin papier</source>
        <translation>Paper ballot</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="227"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="227"/>
        <source>Détail</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="235"/>
        <source>Retirer ce bulletin papier…</source>
        <translation>Remove this paper ballot…</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="247"/>
        <source>Vote nominatif : qui a voté quoi</source>
        <translation>Named vote: who voted what</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="252"/>
        <source>Personne</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="252"/>
        <source>Vote</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="438"/>
        <source>éliminée</source>
        <translation>eliminated</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="444"/>
        <source>personne</source>
        <translation>nobody</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_panel.py" line="481"/>
        <source>Personne n&apos;a encore voté.</source>
        <translation>Nobody has voted yet.</translation>
    </message>
</context>
<context>
    <name>VoteProjection</name>
    <message>
        <location filename="../../widgets/vote_projection.py" line="102"/>
        <source>{voted} / {total} ont voté</source>
        <translation>{voted} / {total} have voted</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_projection.py" line="116"/>
        <source>Votez sur votre téléphone</source>
        <translation>Vote on your phone</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_projection.py" line="118"/>
        <source>Vote clos — les résultats arrivent</source>
        <translation>Vote closed — results coming</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_projection.py" line="123"/>
        <source>Votez sur votre téléphone · {count}</source>
        <translation>Vote on your phone · {count}</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_projection.py" line="131"/>
        <source>… et {n} autres éléments</source>
        <translation>… and {n} more items</translation>
    </message>
    <message>
        <location filename="../../widgets/vote_projection.py" line="153"/>
        <source>Clôture à {time} — encore {m}:{s:02d}</source>
        <translation>Closes at {time} — {m}:{s:02d} left</translation>
    </message>
</context>
<context>
    <name>WorkshopEditor</name>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="233"/>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="234"/>
        <source>Chantiers</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="224"/>
        <source>Tableau</source>
        <translation>Board</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="159"/>
        <source>← Ateliers</source>
        <translation>← Workshops</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="160"/>
        <source>Revenir à la liste des ateliers (Alt+←)</source>
        <translation>Back to the workshop list (Alt+←)</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="170"/>
        <location filename="../../widgets/workshop_editor.py" line="279"/>
        <source>Enregistré ✓</source>
        <translation>Saved ✓</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="172"/>
        <source>Renommer</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="174"/>
        <source>Enregistrer comme format…</source>
        <translation>Save as format…</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="175"/>
        <source>Réutiliser cet agenda pour de prochains ateliers</source>
        <translation>Reuse this agenda for future workshops</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="178"/>
        <location filename="../../widgets/workshop_editor.py" line="249"/>
        <source>Démarrer la séance ▶</source>
        <translation>Start session ▶</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="181"/>
        <source>Ouvrir la console d&apos;animation et la projection (Ctrl+Maj+D)</source>
        <translation>Open the facilitation console and the projector (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="201"/>
        <source>Cadrage</source>
        <translation>Brief</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="202"/>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="203"/>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="232"/>
        <source>Idées</source>
        <translation>Ideas</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="238"/>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="247"/>
        <source>Reprendre la séance ▶</source>
        <translation>Resume session ▶</translation>
    </message>
    <message>
        <location filename="../../widgets/workshop_editor.py" line="279"/>
        <source>Enregistrement…</source>
        <translation>Saving…</translation>
    </message>
</context>
</TS>
