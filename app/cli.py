"""The `atelier` command (also `python -m app`).

`atelier` alone opens the window; the subcommands work headless. Errors print one
clear line on stderr and exit non-zero, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from app import __version__
from app.errors import KnownError

if TYPE_CHECKING:
    from app.reports.i18n import Lang

EXIT_KNOWN_ERROR = 2
EXIT_BUG = 70

FORMAT_ALIASES = {"3h": "3h", "3j": "3j", "3m": "3m"}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # one line, like every other error (argparse would print the usage first)
        self.exit(EXIT_KNOWN_ERROR, f"{self.prog} : {message} (voir {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,  # a subcommand must not reset a --db given before it
        metavar="CHEMIN_OU_URL",
        help="fichier SQLite ou URL SQLAlchemy (postgresql+psycopg://…); défaut : $ATELIER_DB "
        "ou le dossier de données de l'utilisateur",
    )
    parser = _Parser(
        prog="atelier",
        parents=[common],
        description="Atelier : préparer, animer et restituer des ateliers participatifs, hors ligne.",
    )
    parser.add_argument("--version", action="version", version=f"atelier {__version__}")
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="vérifie l'installation (bibliothèque, base, interface) puis quitte",
    )
    parser.add_argument(
        "--lang", choices=["fr", "en"], help="langue de l'interface (défaut : français)"
    )
    parser.add_argument("--workshop", type=int, metavar="ID", help="ouvre directement cet atelier")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="journal détaillé sur la console"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")

    new = sub.add_parser("new", parents=[common], help="crée un atelier et affiche son numéro")
    new.add_argument("--format", required=True, choices=sorted(FORMAT_ALIASES), help="3h, 3j ou 3m")
    new.add_argument("--title", required=True, help="titre de l'atelier")
    new.add_argument("--place", default="", help="lieu")
    new.add_argument(
        "--lang",
        dest="doc_lang",
        choices=["fr", "en"],
        help="langue du programme copié du format (défaut : fr)",
    )

    lst = sub.add_parser(
        "list", parents=[common], help="liste les ateliers (numéro, titre, format, état)"
    )
    lst.add_argument("--json", action="store_true", help="sortie JSON pour les scripts")
    lst.add_argument("--all", action="store_true", help="inclut les ateliers archivés")

    sub.add_parser(
        "demo", parents=[common], help="crée un atelier de démonstration et affiche son numéro"
    )
    sub.add_parser(
        "formats", parents=[common], help="liste les formats et les méthodes disponibles"
    )
    serve = sub.add_parser(
        "serve", parents=[common], help="sert les téléphones d'un atelier, sans fenêtre"
    )
    serve.add_argument("--workshop", type=int, required=True, metavar="ID", help="l'atelier")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="adresse d'écoute (défaut 127.0.0.1 ; 0.0.0.0 : toutes, l'adresse probable est affichée)",
    )
    serve.add_argument("--port", type=int, default=8765, help="port (défaut 8765, ou le suivant)")
    serve.add_argument(
        "--meme-adresse",
        action="store_true",
        dest="shared_address",
        help="salle derrière une seule adresse (NAT) : inscriptions limitées par téléphone "
        "seulement, pas par adresse (défaut : le réglage « Salle derrière une seule adresse »)",
    )
    export = sub.add_parser(
        "export",
        parents=[common],
        help="compte-rendu PDF, feuille d'émargement, affiche QR code, fichiers CSV",
    )
    export.add_argument("--workshop", type=int, required=True, metavar="ID", help="l'atelier")
    export.add_argument("--pdf", metavar="FICHIER", help="le compte-rendu, en PDF")
    export.add_argument("--emargement", metavar="FICHIER", help="la feuille d'émargement, en PDF")
    export.add_argument(
        "--csv", metavar="DOSSIER", help="participants, post-its, votes et actions en CSV"
    )
    export.add_argument(
        "--poster",
        metavar="FICHIER",
        help="l'affiche QR code de l'atelier (même avant la séance), en PDF",
    )
    export.add_argument(
        "--size", choices=["A4", "A3"], default="A4", help="format de l'affiche (défaut A4)"
    )
    export.add_argument(
        "--port",
        type=int,
        default=8765,
        help="port du serveur des téléphones, pour l'adresse de l'affiche (défaut 8765)",
    )
    export.add_argument(
        "--json", metavar="FICHIER", help="l'archive JSON de tout l'atelier (atelier import)"
    )
    export.add_argument("--logo", metavar="IMAGE", help="logo PNG ou JPEG pour la couverture")
    export.add_argument(
        "--lang", dest="doc_lang", choices=["fr", "en"], help="langue des documents (défaut : fr)"
    )
    export.add_argument(
        "--facilitator",
        action="append",
        metavar="NOM",
        help="animateur ou animatrice (répétable ; défaut : le nom des paramètres)",
    )
    bilan = sub.add_parser(
        "bilan",
        parents=[common],
        help="bilan d'activité d'une période, tous ateliers confondus, en PDF",
    )
    bilan.add_argument(
        "--from",
        dest="start",
        required=True,
        metavar="DATE",
        help="premier jour de la période (AAAA-MM-JJ ou JJ/MM/AAAA)",
    )
    bilan.add_argument(
        "--to", dest="end", required=True, metavar="DATE", help="dernier jour de la période"
    )
    bilan.add_argument("--pdf", required=True, metavar="FICHIER", help="le bilan, en PDF")
    bilan.add_argument(
        "--lang", dest="doc_lang", choices=["fr", "en"], help="langue du bilan (défaut : fr)"
    )
    imp = sub.add_parser(
        "import",
        parents=[common],
        help="recrée un atelier à partir de son archive JSON et affiche son numéro",
    )
    imp.add_argument("file", metavar="FICHIER", help="l'archive (atelier export --json)")
    held = imp.add_mutually_exclusive_group()
    held.add_argument(
        "--replace",
        dest="if_held",
        action="store_const",
        const="replace",
        help="si la base contient déjà cet atelier, le remplacer par celui de l'archive",
    )
    held.add_argument(
        "--as-copy",
        dest="if_held",
        action="store_const",
        const="copy",
        help="si la base contient déjà cet atelier, garder les deux (l'import « … (copie) »)",
    )

    acts = sub.add_parser(
        "actions", parents=[common], help="le plan d'action d'un atelier ; « set » le modifie"
    )
    acts.add_argument("workshop", type=int, metavar="ATELIER", help="le numéro de l'atelier")
    acts.add_argument("verb", nargs="?", choices=["set"], help="set : modifier une action")
    acts.add_argument("action_id", nargs="?", type=int, metavar="ID", help="l'action à modifier")
    acts.add_argument("--json", action="store_true", help="sortie JSON pour les scripts")
    acts.add_argument("--what", help="l'action (le texte)")
    acts.add_argument("--who", help="qui s'en charge (texte libre)")
    acts.add_argument("--participant", type=int, metavar="ID", help="qui s'en charge : un inscrit")
    acts.add_argument("--due", metavar="AAAA-MM-JJ", help="échéance (« aucune » pour l'effacer)")
    acts.add_argument("--status", help="a_faire, en_cours, fait ou abandonnee")

    anon = sub.add_parser(
        "anonymise",
        parents=[common],
        help="remplace les noms des personnes d'un atelier par leurs initiales (RGPD)",
    )
    anon.add_argument("workshop", type=int, metavar="ATELIER", help="le numéro de l'atelier")
    anon.add_argument(
        "--oui", action="store_true", help="confirme (sans lui, dit seulement ce qui sera fait)"
    )
    ideas = sub.add_parser(
        "idees", parents=[common], help="le devenir de chaque post-it ; « set » le décide"
    )
    ideas.add_argument("workshop", type=int, metavar="ATELIER", help="le numéro de l'atelier")
    ideas.add_argument("verb", nargs="?", choices=["set"], help="set : décider du devenir")
    ideas.add_argument("note_ids", nargs="*", type=int, metavar="ID", help="les post-its")
    ideas.add_argument("--json", action="store_true", help="sortie JSON pour les scripts")
    ideas.add_argument("--fate", choices=["retenue", "fusionnee", "mise_de_cote", "aucun"],
                       help="le devenir (« aucun » : pas encore décidé)")  # fmt: skip
    ideas.add_argument("--reason", default="", help="pourquoi (mise de côté)")
    ideas.add_argument("--into", type=int, metavar="ID", help="fusionnée avec ce post-it")
    ideas.add_argument("--action", type=int, metavar="ID", help="retenue : devenue cette action")
    ideas.add_argument("--chantier", type=int, metavar="ID", help="retenue : devenue ce chantier")

    chs = sub.add_parser(
        "chantiers",
        parents=[common],
        help="les chantiers de tous les ateliers ; « set » en modifie un",
    )
    chs.add_argument("verb", nargs="?", choices=["set"], help="set : modifier un chantier")
    chs.add_argument("project_id", nargs="?", type=int, metavar="ID", help="le chantier à modifier")
    chs.add_argument("--json", action="store_true", help="sortie JSON pour les scripts")
    chs.add_argument("--status", help="idee, en_incubation, en_experimentation, en_deploiement, "
                     "abandonne ou termine")  # fmt: skip
    chs.add_argument("--partner", action="append", help="un partenaire du cadrage (répétable)")
    chs.add_argument("--text", help="(liste) cherche dans le titre, la description, le porteur")
    chs.add_argument("--owner", help="porteur ou porteuse du chantier")
    chs.add_argument("--progress", type=int, metavar="N", help="avancement en % (0 à 100)")
    chs.add_argument("--start", metavar="AAAA-MM-JJ", help="date de début")
    chs.add_argument("--target", metavar="AAAA-MM-JJ", help="date visée")
    return parser


def _context(db_target: str | None):
    from app.ops.base import Context
    from app.ops.formats import load_saved_formats
    from app.store.db import Database

    ctx = Context(Database.open(db_target))
    load_saved_formats(ctx)  # the formats saved in the base make workshops too
    _retention(ctx)
    return ctx


def _retention(ctx) -> None:
    """At start-up: the workshops past the retention setting are anonymised (or deleted),
    said on stderr (a bad setting is said there too, and changes nothing)."""
    from app.ops.privacy import apply_retention, retention_notice
    from app.settings import load_settings

    settings = load_settings()
    try:
        reached = apply_retention(
            ctx,
            months=int(settings.get("retention_months") or 0),
            action=str(settings.get("retention_action") or "anonymise"),
        )
    except KnownError as exc:
        print(f"atelier : {' '.join(exc.message.split())}", file=sys.stderr)
        return
    if reached:
        print(f"atelier : {retention_notice(reached)}", file=sys.stderr, flush=True)


def _cmd_anonymise(args: argparse.Namespace) -> int:
    from app.ops.privacy import anonymise_workshop
    from app.ops.queries import workshop_detail

    ctx = _context(args.db)
    try:
        detail = workshop_detail(ctx, args.workshop)  # a clear error if it does not exist
        what = (
            f"« {detail.title} » : les noms des participants, des auteurs de post-its, des "
            "responsables d'actions, des porteurs de chantiers et des co-animateurs seront "
            "remplacés par leurs initiales, partout (historique et sauvegardes compris). "
            "Cela ne peut pas être annulé : exportez l'atelier avant si besoin."
        )
        if not args.oui:
            print(f"{what}\nRelancez avec --oui pour confirmer.")
            return 1
        anonymise_workshop(ctx, detail.id)
        print(f"Atelier « {detail.title} » anonymisé : les noms sont devenus des initiales.")
    finally:
        ctx.db.close()
    return 0


def _cmd_new(args: argparse.Namespace) -> int:
    from app.ops.workshops import create_workshop

    ctx = _context(args.db)
    change = create_workshop(
        ctx,
        format_key=FORMAT_ALIASES[args.format],
        title=args.title,
        place=args.place,
        lang=_doc_lang(args),
    )
    print(f"Atelier créé : « {args.title.strip()} »")
    print(change.workshop_id)
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    from app.ops.queries import list_workshops

    ctx = _context(args.db)
    rows = list_workshops(ctx, include_archived=args.all)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": w.id,
                        "title": w.title,
                        "format": w.format_key,
                        "status": w.status.value,
                        "place": w.place,
                        "start_date": w.start_date.isoformat() if w.start_date else None,
                    }
                    for w in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for w in rows:
        title = w.title.replace("\t", " ").replace("\n", " ")
        print(f"{w.id}\t{title}\t{w.format_key}\t{w.status.value}")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from app.ops.demo import create_demo

    ctx = _context(args.db)
    change = create_demo(ctx)
    print("Atelier de démonstration créé.")
    print(change.workshop_id)
    return 0


def _cmd_formats(args: argparse.Namespace) -> int:
    from app.library import BRIQUES, load_library

    lib = load_library()
    for fmt in lib.formats.values():
        print(f"{fmt.key}\t{fmt.name}\t{fmt.tagline}")
    for brique, label in BRIQUES.items():
        names = [m.name for m in lib.methods.values() if m.brique == brique]
        print(f"{label} ({len(names)}) : {', '.join(names)}")
    for problem in lib.problems:
        print(f"Attention : {problem.message}", file=sys.stderr)
    return 0


def _cmd_gui(args: argparse.Namespace) -> int:
    # The window lives in widgets/ (Qt); the core only loads it by name, never imports it.
    gui = importlib.import_module("widgets.application")
    return int(
        gui.run(db=args.db, workshop_id=args.workshop, lang=args.lang, self_check=args.self_check)
    )


def _cmd_serve(args: argparse.Namespace) -> int:
    import gc
    import secrets
    import signal
    import threading

    from app.ops import live
    from app.ops.queries import workshop_detail
    from app.server.app import create_app
    from app.server.collector import QuietCollector
    from app.server.discovery import Advertiser
    from app.server.runner import ServerThread
    from app.store.notify import start_relay
    from app.system.network import likely_address, local_addresses

    ctx = _context(args.db)
    detail = workshop_detail(ctx, args.workshop)  # a clear error if it does not exist
    # several servers on one PostgreSQL base: each hears the others' changes (LISTEN/NOTIFY)
    relay = start_relay(ctx.db, ctx.bus)
    # phones are answered only while a séance is open: open it (a running one is resumed)
    live.start_session(ctx, detail.id)
    code = live.door(ctx, detail.id)[1]
    token = secrets.token_urlsafe(24)  # 192 bits
    from app.settings import load_settings

    shared = bool(args.shared_address or load_settings().get("shared_address"))
    api = create_app(ctx, detail.id, facilitator_token=token, shared_address=shared)
    api.state.facilitator_token = token
    server = ServerThread(api, args.host, args.port).start()
    # what start-up built (SQLAlchemy's mappers, FastAPI's routes, the method library) lives
    # as long as the server: keep it out of the collector's full passes, which otherwise cost
    # phones' writes ~0.1-0.3 ms each under load (bench/phones.py); the window does the same
    gc.collect()
    gc.freeze()
    # and what the room brings (2,000 phones' sockets) once it goes quiet: the collector's
    # passes while phones write walk only what is new (app/server/collector.py)
    collector = QuietCollector(ctx.bus, activity=server.activity).start()
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    shown = likely_address() if args.host in ("0.0.0.0", "") else args.host
    base = f"http://{f'[{shown}]' if ':' in shown else shown}:{server.port}/"
    print(f"Atelier « {detail.title} » servi.")
    print(f"Participants : {base}web/")
    print(f"Jeton d'animation : {api.state.facilitator_token}")
    print(f"Code de la séance : {code} (lien du QR code : {base}web/?code={code})", flush=True)
    print(
        f"Code co-animation : {api.state.cofac.code()} (pour un deuxième ordinateur, "
        f"adresse {shown}:{server.cofac_port})",
        flush=True,
    )
    # announced on the local network for "Rejoindre une séance" (loopback only if bound there)
    everywhere = args.host in ("0.0.0.0", "")
    addresses = [a for a in (local_addresses() if everywhere else [args.host]) if ":" not in a]
    advertiser = Advertiser(
        detail.title,
        server.cofac_port,  # laptops talk to the host over TLS, there
        detail.id,
        addresses,
        interfaces=None if everywhere else addresses,
    )
    if addresses:
        advertiser.start()
    try:
        stop.wait()
    finally:
        advertiser.close()
        server.stop()
        if relay is not None:
            relay.stop()
        collector.close()
        ctx.db.close()
    print("Serveur arrêté.", flush=True)
    return 0


def _cmd_export(args: argparse.Namespace) -> int:

    from app.errors import InvalidInput
    from app.ops.report_data import attendance_sheet, report_data
    from app.settings import load_settings

    if not (args.pdf or args.emargement or args.csv or args.poster or args.json):
        raise InvalidInput(
            "Indiquez au moins un document : --pdf, --emargement, --csv, --poster ou --json."
        )
    settings = load_settings()
    organisation = str(settings.get("organisation", "") or "")
    facilitators = tuple(args.facilitator or [str(settings.get("facilitator_name", "") or "")])
    logo = None
    if args.logo:  # checked before anything is written: a bad logo changes nothing
        from app.reports.logo import LogoError, read_logo

        try:
            logo = read_logo(args.logo)
        except LogoError as exc:
            raise InvalidInput(f"Logo refusé : {exc.message}") from exc
    ctx = _context(args.db)
    try:
        if args.poster:
            _export_poster(ctx, args, settings)
        if args.json:
            from app.ops.archive import write_archive

            write_archive(ctx, args.workshop, args.json)
            print(f"Archive JSON : {args.json}")
        if not (args.pdf or args.emargement or args.csv):
            return 0
        data = report_data(
            ctx, args.workshop, facilitators=facilitators, organisation=organisation, logo_png=logo
        )
        if args.pdf:
            from app.reports.compte_rendu import build_report

            build_report(data, args.pdf, lang=_doc_lang(args))
            print(f"Compte-rendu : {args.pdf}")
        if args.emargement:
            from app.reports.emargement import build_emargement

            sheet = attendance_sheet(ctx, args.workshop, organisation=organisation)
            build_emargement(sheet, args.emargement, lang=_doc_lang(args))
            print(f"Feuille d'émargement : {args.emargement}")
        if args.csv:
            from app.reports.csv_export import export_workshop_csv

            for path in export_workshop_csv(ctx, args.workshop, args.csv, data=data):
                print(f"CSV : {path}")
    finally:
        ctx.db.close()
    return 0


def _doc_lang(args: argparse.Namespace) -> Lang:
    """The documents' language: `export --lang`, else `atelier --lang`, else French."""
    return "en" if (args.doc_lang or args.lang) == "en" else "fr"


def _export_poster(ctx, args: argparse.Namespace, settings: dict[str, object]) -> None:
    """The QR poster, séance open or not (printed the day before): the address phones use (the
    settings' network, else the likely one, as `atelier serve` and the window show it) and the
    workshop's join code, the same for every séance until renewed."""
    from app.ops import live
    from app.ops.queries import workshop_detail
    from app.reports.poster import PosterInfo, build_poster
    from app.system.network import phones_url

    detail = workshop_detail(ctx, args.workshop)
    info = PosterInfo(
        title=detail.title,
        join_url=phones_url(str(settings.get("server_host") or ""), args.port),
        code=live.join_code(ctx, detail.id),
        organisation=str(settings.get("organisation", "") or ""),
        wifi_ssid=str(settings.get("wifi_ssid", "") or ""),
        wifi_password=str(settings.get("wifi_password", "") or ""),
    )
    build_poster(info, args.poster, args.size, lang=_doc_lang(args))
    print(f"Affiche QR code ({args.size}) : {args.poster}")


def _cmd_bilan(args: argparse.Namespace) -> int:
    from app.domain.activity import parse_period
    from app.ops.activity import activity_data
    from app.reports.bilan import build_bilan
    from app.settings import load_settings

    period = parse_period(args.start, args.end)  # refused before anything is opened
    settings = load_settings()
    ctx = _context(args.db)
    try:
        data = activity_data(
            ctx,
            period,
            organisation=str(settings.get("organisation", "") or ""),
            author=str(settings.get("facilitator_name", "") or ""),
        )
    finally:
        ctx.db.close()
    build_bilan(data, args.pdf, lang=_doc_lang(args))
    print(f"Bilan d'activité : {args.pdf}")
    return 0


def _held_note(result: dict[str, object]) -> str:
    """What became of the workshop the base already held, if it held it."""
    if result.get("if_held") == "replace":
        return " ; il remplace celui que la base contenait"
    if result.get("if_held") == "copy":
        return f" ; la base le contenait déjà : l'import s'appelle « {result.get('title')} »"
    return ""


def _cmd_import(args: argparse.Namespace) -> int:
    from app.ops.archive import import_file

    ctx = _context(args.db)
    try:
        change = import_file(ctx, args.file, if_held=args.if_held or "refuse")
    finally:
        ctx.db.close()
    print(f"Atelier importé depuis « {args.file} »" + _held_note(change.result))
    print(change.workshop_id)
    return 0


def _date(value: str, what: str):
    from datetime import date

    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise _bad(f"{what} invalide : « {value[:40]} » (attendu AAAA-MM-JJ).") from None


def _bad(message: str) -> Exception:
    from app.errors import InvalidInput

    return InvalidInput(message)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _cmd_actions(args: argparse.Namespace) -> int:
    from app.ops import outcomes

    if args.verb is None and any(
        v is not None for v in (args.what, args.who, args.participant, args.due, args.status)
    ):
        raise _bad("Pour modifier une action : atelier actions ATELIER set ID --status …")
    if args.verb == "set" and args.action_id is None:
        raise _bad("Quelle action ? atelier actions ATELIER set ID …")
    due = None
    if args.due is not None and args.due.strip().lower() not in ("aucune", ""):
        due = _date(args.due, "Échéance")
    ctx = _context(args.db)
    try:
        if args.verb == "set":
            if args.action_id not in {a.id for a in outcomes.actions(ctx, args.workshop)}:
                raise _bad(
                    f"L'action n° {args.action_id} n'est pas dans l'atelier n° {args.workshop}."
                )
            kwargs: dict = {"what": args.what, "who": args.who, "status": args.status}
            if args.participant is not None:
                kwargs["participant_id"] = args.participant
            if args.due is not None:
                kwargs["due"] = due
            outcomes.update_action(ctx, args.action_id, **kwargs)
            print(f"Action n° {args.action_id} modifiée.")
            return 0
        rows = outcomes.actions(ctx, args.workshop)
    finally:
        ctx.db.close()
    if args.json:
        print(json.dumps([{"id": a.id, "position": a.position, "what": a.what, "who": a.who,
                           "participant_id": a.participant_id,
                           "due": a.due.isoformat() if a.due else None, "status": a.status}
                          for a in rows], ensure_ascii=False, indent=2))  # fmt: skip
        return 0
    for a in rows:
        due_text = a.due.isoformat() if a.due else "-"
        print(f"{a.id}\t{_one_line(a.what)}\t{_one_line(a.who) or '-'}\t{due_text}\t{a.status}")
    return 0


def _cmd_chantiers(args: argparse.Namespace) -> int:
    from app.ops import projects

    setting = any(v is not None for v in (args.owner, args.progress, args.start, args.target))
    if args.verb is None and setting:
        raise _bad("Pour modifier un chantier : atelier chantiers set ID --status …")
    if args.verb == "set" and args.project_id is None:
        raise _bad("Quel chantier ? atelier chantiers set ID …")
    start = _date(args.start, "Date de début") if args.start else projects.UNSET
    target = _date(args.target, "Date visée") if args.target else projects.UNSET
    ctx = _context(args.db)
    try:
        if args.verb == "set":
            projects.update_project(
                ctx, args.project_id, status=args.status, owner=args.owner,
                partners=args.partner, progress=args.progress, start_date=start,
                target_date=target,
            )  # fmt: skip
            print(f"Chantier n° {args.project_id} modifié.")
            return 0
        partner = args.partner[0] if args.partner else None
        rows = projects.all_chantiers(ctx, status=args.status, partner=partner, text=args.text)
    finally:
        ctx.db.close()
    if args.json:
        print(json.dumps([{"id": c.id, "workshop_id": c.workshop_id,
                           "workshop_title": c.workshop_title,
                           "workshop_date": c.workshop_date.isoformat() if c.workshop_date else None,
                           "title": c.title, "status": c.status, "owner": c.owner,
                           "partners": list(c.partners), "progress": c.progress,
                           "start_date": c.start_date.isoformat() if c.start_date else None,
                           "target_date": c.target_date.isoformat() if c.target_date else None}
                          for c in rows], ensure_ascii=False, indent=2))  # fmt: skip
        return 0
    for c in rows:
        print(f"{c.id}\t{_one_line(c.title)}\t{c.status}\t{c.progress} %\t"
              f"{_one_line(c.owner) or '-'}\t{_one_line(c.workshop_title)}")  # fmt: skip
    return 0


def _cmd_idees(args: argparse.Namespace) -> int:
    from app.ops import outcomes

    if args.verb == "set" and (not args.note_ids or args.fate is None):
        raise _bad("Quels post-its, quel devenir ? atelier idees ATELIER set ID… --fate …")
    if args.verb is None and (args.note_ids or args.fate is not None):
        raise _bad("Pour décider : atelier idees ATELIER set ID… --fate …")
    ctx = _context(args.db)
    try:
        if args.verb == "set":
            fate = None if args.fate == "aucun" else args.fate
            outcomes.set_fate(
                ctx, args.workshop, args.note_ids, fate, reason=args.reason, into=args.into,
                action_id=args.action, project_id=args.chantier,
            )  # fmt: skip
            what = {None: "sans décision", "retenue": "retenue", "fusionnee": "fusionnée",
                    "mise_de_cote": "mise de côté"}[fate]  # fmt: skip
            n = len(set(args.note_ids))
            print(f"{n} post-it{'s' if n > 1 else ''} : {what}.")
            return 0
        rows = outcomes.fate_trail(ctx, args.workshop)
    finally:
        ctx.db.close()
    if args.json:
        print(json.dumps([{"id": t.note_id, "text": t.text, "theme": t.cluster_title,
                           "fate": t.fate, "reason": t.reason, "merged_into": t.merged_into,
                           "action_id": t.action_id, "chantier_id": t.project_id,
                           "votes": [{"round_id": v.round_id, "round": v.round_title,
                                      "rank": v.rank, "score": v.score} for v in t.votes]}
                          for t in rows], ensure_ascii=False, indent=2))  # fmt: skip
        return 0
    for t in rows:
        print(f"{t.note_id}\t{_one_line(t.text)}\t{t.fate or '-'}\t{_one_line(t.reason) or '-'}")
    return 0


COMMANDS = {
    "new": _cmd_new,
    "list": _cmd_list,
    "demo": _cmd_demo,
    "formats": _cmd_formats,
    "serve": _cmd_serve,
    "export": _cmd_export,
    "import": _cmd_import,
    "bilan": _cmd_bilan,
    "actions": _cmd_actions,
    "chantiers": _cmd_chantiers,
    "anonymise": _cmd_anonymise,
    "idees": _cmd_idees,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.db = getattr(args, "db", None)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    handler = COMMANDS.get(args.command or "", _cmd_gui)
    try:
        code = handler(args)
        sys.stdout.flush()  # a closed pipe is reported here, not at the interpreter's exit
        return code
    except KnownError as exc:
        print(f"atelier : {' '.join(exc.message.split())}", file=sys.stderr)  # one line
        return EXIT_KNOWN_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (`atelier list --json | head -1`): not an error of ours; point
        # stdout at nothing so the interpreter's final flush does not raise again
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # a bug: one line here, the details in the log
        from app.crash import report_bug

        path = report_bug(exc)
        print(
            f"atelier : erreur inattendue ({type(exc).__name__}). Rapport : {path}", file=sys.stderr
        )
        return EXIT_BUG
