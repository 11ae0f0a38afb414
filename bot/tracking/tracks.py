"""Tracks and timelines: where a claim appeared, and how a speaker's claims ran over time.

`track` finds the clusters (`index.Cluster`) of a claim id or a quotation; `timeline` lists a
speaker's claims (on a topic) in date order, grouped by cluster. Both read the ledger's
cluster tables, kept at ingest (`index.tracking`); the records here are what `ClaimBot.track`
and `ClaimBot.timeline` return, with `lines` for the command line and `as_dict` for JSON.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from index import Appearance, Claim, Cluster, Hit
from index.ledger.clusters import ClusterTable
from index.tracking.quotations import content_words, quotations, shingles, words

# A searched sentence this close to the text, holding this share of its content words, is
# the claim it names.
SIMILAR = 0.6  # the indexed vectors carry paragraph and title: lower than sentence to sentence
SHARED = 0.6


@dataclass(frozen=True)
class Track:
    """The clusters of a claim or quotation, with every appearance.

    Attributes:
        query: The claim id or text tracked.
        clusters: The matching clusters, the one with the earliest appearance first.
    """

    query: str
    clusters: tuple[Cluster, ...]

    @property
    def appearances(self) -> tuple[Appearance, ...]:
        """Every appearance of every cluster, earliest first (undated last)."""
        return tuple(sorted((a for c in self.clusters for a in c.appearances),
                            key=lambda a: (a.date is None, a.date or "")))

    @property
    def first(self) -> Appearance | None:
        """The earliest appearance, if any matched."""
        return self.appearances[0] if self.clusters else None

    @property
    def by_outlet(self) -> dict[str, int]:
        """Appearances per outlet ("" for none), most first."""
        return Cluster("", self.appearances).by_outlet if self.clusters else {}

    def lines(self) -> list[str]:
        """A readable account, one appearance a line."""
        if not self.clusters:
            return [f"No stored claim matches {self.query!r}."]
        out = []
        for cluster in self.clusters:
            outlets = ", ".join(f"{o or 'no outlet'} {n}" for o, n in cluster.by_outlet.items())
            out.append(f"cluster {cluster.id}: {len(cluster.appearances)} appearances in "
                       f"{cluster.articles} articles ({outlets})")
            out += [f"  {place(a)}  {a.speaker or '?'}: {a.text}" for a in cluster.appearances]
        return out

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: the clusters with their appearances, first appearance, outlet counts."""
        first = self.first
        return {"query": self.query, "first": asdict(first) if first else None,
                "by_outlet": self.by_outlet,
                "clusters": [cluster_dict(c) for c in self.clusters]}


@dataclass(frozen=True)
class Timeline:
    """A speaker's claims (on a topic) in date order, grouped by cluster.

    Attributes:
        speaker: The speaker as asked for.
        topic: The topic, if one was given.
        claims: The claims, earliest first (undated last).
        groups: ``(cluster id, its claims in date order)``, by each group's first claim.
    """

    speaker: str
    topic: str | None
    claims: tuple[Claim, ...]
    groups: tuple[tuple[str, tuple[Claim, ...]], ...]

    @property
    def earliest(self) -> Claim | None:
        """The first dated claim (else the first one), if any."""
        return self.claims[0] if self.claims else None

    @property
    def latest(self) -> Claim | None:
        """The last dated claim, if any."""
        dated = [c for c in self.claims if c.date]
        return dated[-1] if dated else (self.claims[-1] if self.claims else None)

    def lines(self) -> list[str]:
        """A readable account: earliest and latest, then each group."""
        about = f" on {self.topic}" if self.topic else ""
        if not self.claims:
            return [f"No claims by {self.speaker}{about} are stored."]
        out = [f"{self.speaker}{about}: {len(self.claims)} claims in {len(self.groups)} groups"]
        for label, claim in (("earliest", self.earliest), ("latest", self.latest)):
            if claim is not None:
                out.append(f"{label}: {claim_place(claim)}  {claim.text}")
        for cluster, claims in self.groups:
            out.append(f"group {cluster} ({len(claims)}):")
            out += [f"  {claim_place(c)}  {c.text}" for c in claims]
        return out

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: the groups of claims, earliest and latest."""
        return {"speaker": self.speaker, "topic": self.topic,
                "earliest": asdict(self.earliest) if self.earliest else None,
                "latest": asdict(self.latest) if self.latest else None,
                "groups": [{"cluster": k, "claims": [asdict(c) for c in v]}
                           for k, v in self.groups]}


def cluster_dict(cluster: Cluster) -> dict[str, Any]:
    """A cluster as JSON: id, speakers, text, first appearance, counts and appearances."""
    return {"id": cluster.id, "speakers": list(cluster.speakers), "text": cluster.text,
            "first": asdict(cluster.first), "articles": cluster.articles,
            "by_outlet": cluster.by_outlet,
            "appearances": [asdict(a) for a in cluster.appearances]}


def place(a: Appearance) -> str:
    """Date, outlet, file and line of an appearance."""
    return f"{a.date or '----------'}  {a.outlet or '-'}  {Path(a.path).name}:{a.line}"


def claim_place(c: Claim) -> str:
    """Date, outlet, file and line of a claim."""
    return f"{c.date or '----------'}  {c.outlet or '-'}  {Path(c.path or '').name}:{c.line}"


def clusters(table: ClusterTable, ids: Sequence[str]) -> list[Cluster]:
    """The clusters with these ids, in the given order, with their appearances."""
    grouped: dict[str, list[Appearance]] = {i: [] for i in ids}
    for a in table.appearances(list(ids)):
        grouped[a.cluster].append(a)
    return [Cluster(i, tuple(grouped[i])) for i in ids if grouped[i]]


def matching(table: ClusterTable, text: str, search: Callable[[], Sequence[Hit]]) -> list[str]:
    """Ids of the clusters `text` names: a stored claim's sentence id; else the clusters
    whose quotations share a six-word run of its words; else those of the sentences `search`
    finds that hold its words in a row (a claim in reported speech), or are close to it and
    share most of its content words."""
    own = table.cluster_of([text])
    if own:
        return list(own.values())
    keys = shingles(quotations(f"“{text}”", "direct"))
    found = table.cluster_of(table.sharing_keys(keys)) if keys else {}
    if found:
        return sorted(set(found.values()))
    wanted, topic = words(text), content_words(text)
    close = [h.sentence_id for h in search() if _holds(words(h.text), wanted)
             or ((h.similarity or 0.0) >= SIMILAR
                 and len(topic & content_words(h.text)) >= SHARED * len(topic))]
    of = table.cluster_of(close)
    return list(dict.fromkeys(of[s] for s in close if s in of))


def track(table: ClusterTable, text: str, search: Callable[[], Sequence[Hit]]) -> Track:
    """The `Track` of a claim id or text (see `matching`)."""
    return Track(text, earliest_first(clusters(table, matching(table, text, search))))


def _holds(sentence: tuple[str, ...], run: tuple[str, ...]) -> bool:
    n = len(run)
    return n > 0 and any(sentence[i:i + n] == run for i in range(len(sentence) - n + 1))


def earliest_first(found: list[Cluster]) -> tuple[Cluster, ...]:
    """Clusters ordered by their first appearance's date (undated last)."""
    return tuple(sorted(found, key=lambda c: (c.first.date is None, c.first.date or "")))


def timeline(speaker: str, topic: str | None, claims: Sequence[Claim],
             table: ClusterTable) -> Timeline:
    """Group date-ordered claims by their clusters."""
    ordered = sorted(claims, key=lambda c: (c.date is None, c.date or ""))
    of = table.cluster_of([c.sentence_id for c in ordered])
    groups: dict[str, list[Claim]] = {}
    for c in ordered:
        groups.setdefault(of.get(c.sentence_id, c.sentence_id), []).append(c)
    return Timeline(speaker, topic, tuple(ordered),
                    tuple((k, tuple(v)) for k, v in groups.items()))


def echoes(table: ClusterTable, sentence_ids: Sequence[str]) -> dict[str, tuple[int, Appearance]]:
    """For each claim that also appears in other articles: how many, and the cluster's first
    appearance."""
    of = table.cluster_of(sentence_ids)
    grouped: dict[str, list[Appearance]] = {}
    for a in table.appearances(sorted(set(of.values()))):
        grouped.setdefault(a.cluster, []).append(a)
    found: dict[str, tuple[int, Appearance]] = {}
    for sid, cluster in of.items():
        members = grouped.get(cluster, [])
        own = {a.article for a in members if a.sentence_id == sid}
        others = {a.article for a in members} - own
        if others:
            found[sid] = (len(others), members[0])
    return found
