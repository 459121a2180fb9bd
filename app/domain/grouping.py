"""Grouping suggestions for post-its, offline and in pure Python (no model, no download).

`suggest(texts)` takes the post-its' French texts and proposes, by their indices in `texts`:

* groups of post-its that seem to speak of the same thing, each with a short French title
  (the 1-3 words that best tell the group from the rest of the wall);
* near-duplicate sets: the same idea posted by several people ("×3"), to merge.

How (all lexical, written for generic French; nothing was learnt from a labelled file):

1. Words: lower case, accents and elisions removed, generic French stop words and fillers
   dropped, a light stemmer of our own (plurals, common derivational endings), a few generic
   abbreviations of French offices and text messages spelt out (`ABBREVIATIONS`).
2. Each post-it is a TF-IDF vector of its stems (sublinear). Short post-its share few words,
   so each vector is widened by the stems that *co-occur* with its own on this wall
   (second-order similarity: "vélo" and "covoit" meet through "trajet" elsewhere).
3. A k-nearest-neighbour graph of cosine similarities is split into communities by Louvain
   modularity: the number of groups is where modularity stops rising (no count to guess).
4. Groups of one are left alone; the near-duplicates are pairs whose stem sets overlap a lot.

It runs in well under a second for 500 post-its (see `python -m bench.grouping`). The quality
is measured there (adjusted Rand index against a facilitator's grouping), not claimed here.
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# -- words -------------------------------------------------------------------------------------
# Generic French stop words and fillers (function words, auxiliaries, vague verbs and
# adverbs), written without accents since the text is folded before the lookup.
_STOP_TEXT = """
    a ai aie aient aies ait alors as au aucun aucune aupres aussi autre autres aux avaient
    avais avait avant avec avoir avons ayant b bah bcp beaucoup bien bon bonne c ca car ce ceci
    cela celle celles celui cependant ces cet cette ceux chacun chacune chaque chez ci comme
    comment d da dans de des deja depuis dessus dessous devrait devraient doit doivent donc dont
    du e elle elles en encore entre es est et etaient etais etait etc ete etre eu eux f faire
    fait faites faut fois font g h hein i il ils j je jusqu jusque l la le les leur leurs lui m
    ma mais me meme memes mes moi moins mon n ne ni non nos notre nous o on ont ou oui p par parce
    pas peu peut peuvent peux plus plutot pour pourquoi pourrait pourraient pouvoir puis q qu
    quand que quel quelle quelles quels qui quoi r s sa sans se sera serait seraient ses si
    sien soi soient soit sommes son sont sous suis sur t ta te tes toi ton tous tout toute
    toutes tres trop tu u un une unes uns v va vais vers via voila vont vos votre vous vu w x y
    z ya svp stp mettre mis avoir etre aller fais faisons pourra pourrions vraiment toujours
    jamais rien tjrs tjs ok merci marre stop enfin ici la-bas quoi genre truc trucs chose choses
    ainsi afin lors selon chez tel telle tels telles cas ceux-ci etc mieux pire assez tant
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())

# Generic abbreviations of French public offices and of text messages (not of any one wall).
ABBREVIATIONS = {
    "tt": "teletravail",
    "rh": "ressources humaines",
    "drh": "ressources humaines",
    "ds": "dans",
    "pr": "pour",
    "qd": "quand",
    "tjrs": "toujours",
    "pb": "probleme",
    "pbs": "problemes",
    "rdv": "rendez-vous",
    "covoit": "covoiturage",
    "resto": "restaurant",
    "info": "information",
    "infos": "informations",
    "dispo": "disponible",
    "admin": "administration",
    "appli": "application",
    "asso": "association",
    "assos": "associations",
    "ordi": "ordinateur",
    "ordis": "ordinateurs",
    "vae": "velo assistance electrique",
    "m2": "surface",
}

_WORD = re.compile(r"[a-z0-9]+")
_UNITS = {"j": "jours", "jours": "jours", "h": "heures", "mn": "minutes", "min": "minutes",
          "km": "kilometres", "ans": "ans", "an": "ans", "mois": "mois"}  # fmt: skip
_ELISION = re.compile(r"\b[cdjlmnst]'|\bqu'|\bjusqu'|\blorsqu'|\bpuisqu'")

# Endings taken off, longest first; the stem must keep at least MIN_STEM letters.
SUFFIXES = (
    "issements", "issement", "atrices", "ateurs", "ations", "ements", "ement", "atrice",
    "ateur", "ation", "ances", "ences", "iques", "ismes", "istes", "ables", "ibles", "ments",
    "euses", "ance", "ence", "ique", "isme", "iste", "able", "ible", "ment", "euse", "eurs",
    "eur", "ites", "ite", "ives", "ive", "ifs", "if", "ees", "ee", "es", "er", "ez", "e",
)  # fmt: skip
MIN_STEM = 4
MAX_STEM = 8


def fold(text: str) -> str:
    """Lower case without accents or ligatures: 'Œuvre à Élancourt' → 'oeuvre a elancourt'."""
    text = text.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stem(word: str) -> str:
    """A light French stem of a folded word: plurals and usual endings off, then cut."""
    if len(word) <= MIN_STEM:
        return word
    if word.endswith("eaux"):
        word = word[:-1]
    elif word.endswith("aux") and len(word) > 5:
        word = word[:-3] + "al"
    elif word[-1] in "sx" and len(word) > MIN_STEM:
        word = word[:-1]
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            word = word[: -len(suffix)]
            break
    return word[:MAX_STEM]


def words(text: str) -> list[tuple[str, str]]:
    """The content words of a post-it as (stem, folded word), in order."""
    folded = _ELISION.sub(" ", fold(text).replace("’", "'"))
    out: list[tuple[str, str]] = []
    for raw in _WORD.findall(folded):
        if raw[0].isdigit():  # 3j, 48h, 2026: a duration speaks, a number does not
            raw = _UNITS.get(raw.lstrip("0123456789"), "")
        for word in ABBREVIATIONS.get(raw, raw).split():
            if word in STOP_WORDS or len(word) < 2:
                continue
            out.append((stem(word), word))
    return out


def _surface_forms(text: str) -> dict[str, str]:
    """Folded word → the word as typed (first spelling seen), for readable titles."""
    forms: dict[str, str] = {}
    for token in re.findall(r"\w+", text.replace("’", "'")):
        folded = fold(token)
        if folded.isalnum():
            forms.setdefault(folded, token)
    return forms


# -- results -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Group:
    """A suggested group: its title and its post-its (indices, the most typical first)."""

    title: str
    members: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Duplicates:
    """Post-its saying the same thing: keep `keep`, shown with `label` ("×3")."""

    keep: int
    members: tuple[int, ...]  # all of them (indices), `keep` first

    @property
    def label(self) -> str:
        return f"×{len(self.members)}"


@dataclass(frozen=True, slots=True)
class Suggestion:
    groups: tuple[Group, ...]
    duplicates: tuple[Duplicates, ...]
    alone: tuple[int, ...]  # post-its put in no group


RELATED = 10  # co-occurring stems kept a stem, and added to a post-it

# -- vectors -----------------------------------------------------------------------------------
Vector = dict[str, float]


def _normalise(vec: Vector) -> Vector:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / norm for k, v in vec.items()} if norm else {}


def _cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def tfidf(docs: Sequence[Sequence[str]]) -> list[Vector]:
    """Sublinear TF-IDF of stems, unit length (smoothed IDF, as scikit-learn's default)."""
    n = len(docs)
    df = Counter(s for doc in docs for s in set(doc))
    idf = {s: math.log((1 + n) / (1 + c)) + 1.0 for s, c in df.items()}
    return [
        _normalise({s: (1.0 + math.log(c)) * idf[s] for s, c in Counter(doc).items()})
        for doc in docs
    ]


def widen(vectors: Sequence[Vector], weight: float) -> list[Vector]:
    """Second-order vectors: each stem also counts for the stems that co-occur with it on
    this wall (in the same post-it), weighted by how specific the pair is (PPMI)."""
    n = len(vectors)
    if n < 3 or weight <= 0:
        return list(vectors)
    df: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for vec in vectors:
        keys = sorted(vec)
        df.update(keys)
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                pairs[(a, b)] += 1
    related: dict[str, dict[str, float]] = defaultdict(dict)
    for (a, b), c in pairs.items():
        pmi = math.log(c * n / (df[a] * df[b]))
        if pmi > 0 and (df[a] > 1 or df[b] > 1):  # a pair seen once tells nothing new
            related[a][b] = pmi
            related[b][a] = pmi
    strongest = {
        a: dict(sorted(links.items(), key=lambda kv: (-kv[1], kv[0]))[:RELATED])
        for a, links in related.items()
    }
    out: list[Vector] = []
    for vec in vectors:
        added: dict[str, float] = defaultdict(float)
        for stem_, value in vec.items():
            links = strongest.get(stem_)
            if not links:
                continue
            total = sum(links.values())
            for other, pmi in links.items():
                added[other] += weight * value * pmi / total
        wide = dict(vec)
        for other, value in sorted(added.items(), key=lambda kv: (-kv[1], kv[0]))[:RELATED]:
            wide[other] = wide.get(other, 0.0) + value
        out.append(_normalise(wide))
    return out


# -- graph -------------------------------------------------------------------------------------
def knn_graph(vectors: Sequence[Vector], k: int) -> dict[int, dict[int, float]]:
    """Each post-it linked to its k most similar ones (symmetrised, positive weights)."""
    index: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for key, value in vec.items():
            index[key].append((i, value))
    graph: dict[int, dict[int, float]] = {i: {} for i in range(len(vectors))}
    for i, vec in enumerate(vectors):
        scores: dict[int, float] = defaultdict(float)
        for key, value in vec.items():
            for j, other in index[key]:
                if j != i:
                    scores[j] += value * other
        best = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
        for j, sim in best:
            if sim > 0:
                weight = max(sim, graph[i].get(j, 0.0))
                graph[i][j] = weight
                graph[j][i] = weight
    return graph


def modularity(graph: dict[int, dict[int, float]], labels: Sequence[int]) -> float:
    """Newman's modularity of a partition of a weighted, undirected graph."""
    two_m = sum(sum(ws.values()) for ws in graph.values())
    if two_m == 0:
        return 0.0
    inside: dict[int, float] = defaultdict(float)
    degree: dict[int, float] = defaultdict(float)
    for v, ws in graph.items():
        for u, w in ws.items():
            degree[labels[v]] += w
            if labels[u] == labels[v]:
                inside[labels[v]] += w
    return sum(inside[c] / two_m - (degree[c] / two_m) ** 2 for c in degree)


def communities(graph: dict[int, dict[int, float]], runs: int, seed: int = 0) -> list[int]:
    """The best partition (highest modularity) of `runs` Louvain runs in different orders:
    one run's result depends on the order nodes are visited in."""
    best: list[int] = []
    best_q = -math.inf
    for r in range(max(1, runs)):
        labels = louvain(graph, seed=seed + r)
        q = modularity(graph, labels)
        if q > best_q + 1e-12:
            best, best_q = labels, q
    return best


def louvain(graph: dict[int, dict[int, float]], seed: int = 0) -> list[int]:
    """Communities of a weighted graph by the Louvain method (Blondel et al., 2008):
    move nodes while modularity rises, fold communities into nodes, repeat."""
    rng = random.Random(seed)
    nodes = list(graph)
    membership = {v: v for v in nodes}  # original node → current community
    current = {v: dict(ws) for v, ws in graph.items()}
    while True:
        total = sum(sum(ws.values()) for ws in current.values()) / 2
        if total == 0:
            break
        degree = {v: sum(ws.values()) + ws.get(v, 0.0) for v, ws in current.items()}
        community = {v: v for v in current}
        tot = dict(degree)
        order = list(current)
        rng.shuffle(order)
        moved_any = False
        improved = True
        while improved:
            improved = False
            for v in order:
                own = community[v]
                links: dict[int, float] = defaultdict(float)
                for u, w in current[v].items():
                    if u != v:
                        links[community[u]] += w
                tot[own] -= degree[v]
                best, best_gain = own, links.get(own, 0.0) - tot[own] * degree[v] / (2 * total)
                for c, w in links.items():
                    gain = w - tot[c] * degree[v] / (2 * total)
                    if gain > best_gain + 1e-12:
                        best, best_gain = c, gain
                tot[best] += degree[v]
                if best != own:
                    community[v] = best
                    improved = moved_any = True
        if not moved_any:
            break
        folded: dict[int, dict[int, float]] = defaultdict(lambda: defaultdict(float))
        for v, ws in current.items():
            cv = community[v]
            folded[cv].setdefault(cv, 0.0)  # an isolated community stays a node
            for u, w in ws.items():
                folded[cv][community[u]] += w
        current = {v: dict(ws) for v, ws in folded.items()}
        membership = {v: community[c] for v, c in membership.items()}
    labels: dict[int, int] = {}
    return [labels.setdefault(membership[v], len(labels)) for v in nodes]


# -- titles and duplicates ---------------------------------------------------------------------
def title_of(
    members: Sequence[int],
    docs: Sequence[Sequence[tuple[str, str]]],
    texts: Sequence[str],
    df: Counter[str],
    n: int,
    most: int = 3,
) -> str:
    """The 1-3 stems most typical of the group (frequent in it, rarer elsewhere), each written
    as the post-its spell it most often; the first capitalised."""
    inside: Counter[str] = Counter()
    spelled: dict[str, Counter[str]] = defaultdict(Counter)
    for i in members:
        forms = _surface_forms(texts[i])
        for s, w in docs[i]:
            spelled[s][forms.get(w, w)] += 1
        inside.update({s for s, _ in docs[i]})
    size = len(members)
    scored = [
        (c / size * math.log((n + 1) / df[s]), s) for s, c in inside.items() if c >= min(2, size)
    ]
    scored.sort(key=lambda t: (-t[0], t[1]))
    chosen = [s for _, s in scored[:most] if _ >= scored[0][0] * 0.5] if scored else []
    if not chosen:
        return "Groupe"
    names = [spelled[s].most_common(1)[0][0] for s in chosen]
    names = [n_ if n_.isupper() and len(n_) <= 5 else n_.lower() for n_ in names]
    first = names[0][:1].upper() + names[0][1:]
    return ", ".join([first, *names[1:]])


def near_duplicates(
    docs: Sequence[Sequence[tuple[str, str]]], contained: float = 0.6, overlap: float = 0.25
) -> list[list[int]]:
    """Sets of post-its saying the same thing, each in reading order. Two post-its are close
    when they have at least two stems in common, that are `contained` of the shorter one's
    stems and `overlap` of both post-its' stems together (Jaccard)."""
    stems = [frozenset(s for s, _ in doc) for doc in docs]
    index: dict[str, list[int]] = defaultdict(list)
    for i, ss in enumerate(stems):
        for s in ss:
            index[s].append(i)
    close: set[tuple[int, int]] = set()
    scored: list[tuple[float, int, int]] = []
    for i, ss in enumerate(stems):
        shared: Counter[int] = Counter(j for s in ss for j in index[s] if j > i)
        for j, common in shared.items():
            jaccard = common / len(ss | stems[j])
            if (
                common >= 2
                and common / min(len(ss), len(stems[j])) >= contained
                and jaccard >= overlap
            ):
                close.add((i, j))
                scored.append((jaccard, i, j))
    # closest pairs first; two sets join only if every post-it is close to every other one
    # (a chain of small changes does not make the first and the last say the same thing)
    sets: dict[int, list[int]] = {i: [i] for i in range(len(docs))}
    where = list(range(len(docs)))
    for _, i, j in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        a, b = where[i], where[j]
        if a == b:
            continue
        if all((min(x, y), max(x, y)) in close for x in sets[a] for y in sets[b]):
            for x in sets[b]:
                where[x] = a
            sets[a] = sorted(sets[a] + sets.pop(b))
    return [members for members in sets.values() if len(members) > 1]


# -- the suggestion ----------------------------------------------------------------------------
WIDEN = 0.5  # how much the co-occurring stems count, next to a post-it's own
NEIGHBOURS = 8  # links per post-it in the similarity graph
RUNS = 10  # Louvain runs, the best kept


def suggest(
    texts: Sequence[str],
    *,
    widen_weight: float = WIDEN,
    neighbours: int = NEIGHBOURS,
    runs: int = RUNS,
    seed: int = 0,
) -> Suggestion:
    """Proposed groups and near-duplicate sets for the post-its `texts` (by index)."""
    docs = [words(t) for t in texts]
    n = len(docs)
    if n == 0:
        return Suggestion((), (), ())
    vectors = widen(tfidf([[s for s, _ in d] for d in docs]), widen_weight)
    labels = communities(knn_graph(vectors, neighbours), runs, seed=seed)
    df: Counter[str] = Counter(s for d in docs for s in {s for s, _ in d})
    members: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        members[label].append(i)
    groups: list[Group] = []
    alone: list[int] = []
    for group in members.values():
        if len(group) < 2:
            alone.extend(group)
            continue
        centre = _normalise(_sum(vectors[i] for i in group))
        ordered = sorted(group, key=lambda i: (-_cosine(vectors[i], centre), i))
        groups.append(Group(title_of(ordered, docs, texts, df, n), tuple(ordered)))
    groups.sort(key=lambda g: (-len(g.members), g.title))
    duplicates = tuple(Duplicates(d[0], tuple(d)) for d in near_duplicates(docs))
    return Suggestion(tuple(groups), duplicates, tuple(alone))


def _sum(vectors: Iterable[Vector]) -> Vector:
    total: dict[str, float] = defaultdict(float)
    for vec in vectors:
        for k, v in vec.items():
            total[k] += v
    return total
