"""People across articles: which uses of a name are one person, and the name they go by.

Full names are one person when first name, surname and suffix agree ("Donald J. Trump" is
Donald Trump; "Donald Trump Jr." is not; "T. Blair" is the only Blair whose first name starts
with T), and so do their middle initials where two are written ("George W. Bush" is not
"George P. Bush"). Two roles of different fields at the same time ("senator" and "chief
executive" within a year) are two people. A surname alone joins the person named in full in
the same article, else the one bearer of its role ("President Clinton"), else the corpus's
dominant bearer of the surname; when none tells (two Clintons in the article, no dominant
one), it stays a speaker of its own. A person's
canonical name is the longest full name seen, never rebuilt from words of several names.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from index.attribution.identities.people import PersonName

# (name, role, article), as `identities.merge` keys uses.
Key = tuple[str, str | None, str]

# A surname alone joins the corpus's bearer of that surname with at least this share of the
# claims of all its full-name bearers.
DOMINANT_SHARE = 2 / 3
# Two roles of different fields this close in time cannot be one person's.
SAME_TIME_DAYS = 366

# Fields of roles that one person does not hold at once: an office, a company's executive
# post, a newsroom's, a court's, a church's, a university's. Descriptions that go with any
# career ("businessman", "candidate", "billionaire") and roles of every field ("president",
# "director", "chairman", "spokesman") belong to none.
_FIELDS: dict[str, tuple[str, ...]] = {
    "office": ("senator", "governor", "representative", "congressman", "congresswoman",
               "mayor", "minister", "premier", "chancellor", "ambassador", "mp", "msp", "mep"),
    "business": ("ceo", "executive"),
    "media": ("host", "anchor", "correspondent", "reporter", "columnist", "presenter", "dj"),
    "law": ("judge", "justice", "prosecutor"),
    "religion": ("pope", "cardinal", "bishop", "pastor", "rabbi", "imam", "cleric"),
    "research": ("professor", "researcher", "historian", "economist"),
}
_FIELD_OF = {role: field for field, roles in _FIELDS.items() for role in roles}


@dataclass(frozen=True)
class PersonUse:
    """One use of a person's name: its key, parsed name, role, article date and claims."""

    key: Key
    name: PersonName
    role: str | None
    date: str | None
    claims: int


@dataclass
class _Person:
    uses: list[PersonUse]
    name: str = ""

    @property
    def claims(self) -> int:
        return sum(u.claims for u in self.uses)

    @property
    def articles(self) -> frozenset[str]:
        return frozenset(u.key[2] for u in self.uses)


def merge_people(uses: Sequence[PersonUse]) -> dict[Key, str]:
    """The canonical name of each use of a person's name.

    Args:
        uses: Every use whose name parses as one person's, in a stable order.

    Returns:
        Each use's key → the name of the person it is.
    """
    full = [u for u in uses if u.name.full]
    people = [p for group in _by_full_name(full) for same in _split_by_middle(group)
              for p in _split_by_field(same)]
    for person in people:
        person.name = _canonical(person.uses)
    _qualify_namesakes(people)
    names = {u.key: p.name for p in people for u in p.uses}
    by_surname: dict[tuple[str, str], list[_Person]] = defaultdict(list)
    for person in people:
        surname = person.uses[0].name
        for word in _surname_keys(surname.surname):
            by_surname[(word, surname.suffix)].append(person)
    lone: dict[tuple[str, str], list[PersonUse]] = defaultdict(list)
    for use in uses:
        if use.name.full:
            continue
        owner = _owner(use, by_surname)
        if owner is not None:
            names[use.key] = owner.name
        else:
            lone[(use.name.surname.lower(), use.name.suffix)].append(use)
    for group in lone.values():
        name = _canonical(group)
        names.update({u.key: name for u in group})
    return names


def _surname_keys(surname: str) -> set[str]:
    """ "de Blasio" is found as "de blasio" and "blasio"."""
    return {surname.lower(), surname.split()[-1].lower()}


def _given_key(given: str) -> str:
    return given.lower().replace(".", "")


def _is_initial(given: str) -> bool:
    """ "T.", "G.K.", "JB": initials, which may stand for a first name."""
    bare = given.replace(".", "")
    return len(bare) <= 2 and (given.endswith(".") or len(bare) == 1 or bare.isupper())


def _by_full_name(full: Sequence[PersonUse]) -> list[list[PersonUse]]:
    """Full-name uses grouped by (surname, suffix, first name); an initial joins the one
    first name it can stand for, if there is exactly one."""
    groups: dict[tuple[str, str, str], list[PersonUse]] = defaultdict(list)
    initials: list[PersonUse] = []
    for use in full:
        if _is_initial(use.name.given):
            initials.append(use)
        else:
            groups[(use.name.surname.lower(), use.name.suffix, _given_key(use.name.given))
                   ].append(use)
    for use in initials:
        letters = _given_key(use.name.given)
        fits = [k for k in groups if k[:2] == (use.name.surname.lower(), use.name.suffix)
                and k[2].startswith(letters[:1]) and (len(letters) == 1 or k[2] == letters)]
        key = fits[0] if len(fits) == 1 else (use.name.surname.lower(), use.name.suffix, letters)
        groups[key].append(use)
    return list(groups.values())


def _split_by_middle(uses: list[PersonUse]) -> list[list[PersonUse]]:
    """One group per middle initial when a full name comes with two ("George W. Bush",
    "George P. Bush"): two people. A use with no middle name joins the one of its own
    article, else the dominant one, else stays a person of its own."""
    middles: dict[str, list[PersonUse]] = defaultdict(list)
    bare: list[PersonUse] = []
    for use in uses:
        initial = use.name.middle[:1].lower()
        (middles[initial] if initial else bare).append(use)
    if len(middles) < 2:
        return [uses]
    groups = list(middles.values())
    total = sum(u.claims for g in groups for u in g)
    best = max(groups, key=lambda g: (sum(u.claims for u in g), g[0].key))
    alone: list[PersonUse] = []
    for use in bare:
        here = [g for g in groups if any(u.key[2] == use.key[2] for u in g)]
        if len(here) == 1:
            here[0].append(use)
        elif not here and sum(u.claims for u in best) >= DOMINANT_SHARE * total:
            best.append(use)
        else:
            alone.append(use)
    return groups + ([alone] if alone else [])


def _split_by_field(uses: list[PersonUse]) -> list[_Person]:
    """One person, or one per field when roles of different fields overlap in time."""
    fields: dict[str, list[PersonUse]] = defaultdict(list)
    open_uses: list[PersonUse] = []
    for use in uses:
        field = _FIELD_OF.get(use.role or "")
        (fields[field] if field else open_uses).append(use)
    if len(fields) < 2 or not _overlap(list(fields.values())):
        return [_Person(list(uses))]
    parts = sorted(fields.values(), key=lambda g: (-sum(u.claims for u in g), g[0].key))
    parts[0] = parts[0] + open_uses  # roles that fit any field go with the best-known one
    return [_Person(part) for part in parts]


def _overlap(groups: list[list[PersonUse]]) -> bool:
    """Whether uses of two different fields are close in time (or undated)."""
    for i, first in enumerate(groups):
        for second in groups[i + 1 :]:
            if any(_close(a.date, b.date) for a in first for b in second):
                return True
    return False


def _close(a: str | None, b: str | None) -> bool:
    try:
        days = abs((dt.date.fromisoformat(a or "") - dt.date.fromisoformat(b or "")).days)
    except ValueError:
        return True  # undated: nothing tells the two roles apart in time
    return days <= SAME_TIME_DAYS


def _canonical(uses: Sequence[PersonUse]) -> str:
    """The longest name seen (most words), then the most claimed, then the first in order;
    a form seen exactly as written beats one cleaned of other words."""
    seen = {u.key[0] for u in uses}
    claims: dict[str, int] = defaultdict(int)
    for use in uses:
        claims[use.name.text] += use.claims
    return min(claims, key=lambda n: (n not in seen, -len(n.split()), -claims[n], n))


def _qualify_namesakes(people: list[_Person]) -> None:
    """Namesakes told apart by their field: the best-known keeps the name, the others add
    their role ("John Smith (ceo)")."""
    by_name: dict[tuple[str, str, str], list[_Person]] = defaultdict(list)
    for person in people:
        name = person.uses[0].name
        by_name[(name.surname.lower(), name.suffix, _given_key(name.given))].append(person)
    for same in by_name.values():
        same.sort(key=lambda p: (-p.claims, p.uses[0].key))
        taken = {same[0].name}
        for person in same[1:]:
            roles = sorted({u.role or "" for u in person.uses if _FIELD_OF.get(u.role or "")})
            if person.name in taken and roles:  # not "George P. Bush" after "George W. Bush"
                person.name = f"{person.name} ({roles[0]})"
            taken.add(person.name)


def _owner(use: PersonUse, by_surname: dict[tuple[str, str], list[_Person]]) -> _Person | None:
    """The person a surname alone means: the one named in full in the same article, else
    the only one with the same role, else the dominant bearer of the surname (unless bearers
    with the role are several)."""
    bearers = by_surname.get((use.name.surname.lower(), use.name.suffix), [])
    if not bearers:
        return None
    here = [p for p in bearers if use.key[2] in p.articles]
    if here:
        return here[0] if len(here) == 1 else None  # two of that surname: cannot tell
    same_role = [p for p in bearers if use.role and use.role in {u.role for u in p.uses}]
    if len(same_role) == 1:
        return same_role[0]  # "President Clinton" is the Clinton who was president
    total = sum(p.claims for p in bearers)
    best = max(bearers, key=lambda p: (p.claims, p.name), default=None)
    if best is not None and best.claims >= DOMINANT_SHARE * total and not same_role:
        return best
    return None
