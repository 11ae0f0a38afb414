"""Country gazetteer: normalises country names, demonyms, capitals and aliases to one name.

Names come from pycountry (ISO 3166), so every country is known without a hand list; the
demonyms, capitals and press aliases that ISO lacks ("Chinese", "Beijing", "the U.S.",
"Kremlin") are a small table here, limited to countries that news writes about often.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from index.attribution.lexicon.roles import POSSESSIVE

# ISO's short names read oddly in news ("Russian Federation", "Viet Nam"); these win.
_CANONICAL_OVERRIDES = {
    "RU": "Russia",
    "VN": "Vietnam",
    "CZ": "Czech Republic",
    "US": "United States",
    "GB": "United Kingdom",
    "PS": "Palestine",
    "VA": "Vatican",
}

# alpha-2 code -> (demonyms, capitals and metonyms, other aliases), all lowercase.
_EXTRA: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "US": (
        ("american", "americans", "u.s.", "us"),
        ("washington",),
        ("u.s.", "us", "usa", "u.s.a.", "america", "united states of america", "the states"),
    ),
    "CN": (("chinese",), ("beijing",), ("prc", "people's republic of china", "mainland china")),
    "RU": (("russian", "russians"), ("moscow", "kremlin"), ("russian federation",)),
    "UA": (("ukrainian", "ukrainians"), ("kyiv", "kiev"), ()),
    "GB": (
        ("british", "briton", "britons"),
        ("london", "downing street"),
        ("britain", "uk", "u.k."),
    ),
    "FR": (("french",), ("paris", "elysee"), ()),
    "DE": (("german", "germans"), ("berlin",), ()),
    "JP": (("japanese",), ("tokyo",), ()),
    "KR": (("south korean", "south koreans"), ("seoul",), ("korea, south", "republic of korea")),
    "KP": (("north korean", "north koreans"), ("pyongyang",), ("dprk",)),
    "IN": (("indian", "indians"), ("new delhi", "delhi"), ()),
    "PK": (("pakistani", "pakistanis"), ("islamabad",), ()),
    "AF": (("afghan", "afghans"), ("kabul",), ()),
    "IR": (("iranian", "iranians"), ("tehran",), ()),
    "IQ": (("iraqi", "iraqis"), ("baghdad",), ()),
    "SY": (("syrian", "syrians"), ("damascus",), ()),
    "IL": (("israeli", "israelis"), ("jerusalem",), ()),
    "PS": (("palestinian", "palestinians"), ("ramallah",), ()),
    "SA": (("saudi", "saudis"), ("riyadh",), ("saudi arabia",)),
    "TR": (("turkish", "turks"), ("ankara",), ("turkey", "turkiye")),
    "EG": (("egyptian", "egyptians"), ("cairo",), ()),
    "MX": (("mexican", "mexicans"), ("mexico city",), ()),
    "CA": (("canadian", "canadians"), ("ottawa",), ()),
    "BR": (("brazilian", "brazilians"), ("brasilia",), ()),
    "AU": (("australian", "australians"), ("canberra",), ()),
    "IT": (("italian", "italians"), ("rome",), ()),
    "ES": (("spanish",), ("madrid",), ()),
    "PL": (("polish",), ("warsaw",), ()),
    "BY": (("belarusian", "belarusians"), ("minsk",), ()),
    "TW": (("taiwanese",), ("taipei",), ()),
    "VN": (("vietnamese",), ("hanoi",), ()),
    "CU": (("cuban", "cubans"), ("havana",), ()),
    "VE": (("venezuelan", "venezuelans"), ("caracas",), ()),
    "NG": (("nigerian", "nigerians"), ("abuja",), ()),
    "ZA": (("south african", "south africans"), ("pretoria",), ()),
    "KE": (("kenyan", "kenyans"), ("nairobi",), ()),
    "ET": (("ethiopian", "ethiopians"), ("addis ababa",), ()),
    "QA": (("qatari",), ("doha",), ()),
    "AE": (("emirati",), ("abu dhabi",), ("uae", "u.a.e.")),
    "LB": (("lebanese",), ("beirut",), ()),
    "JO": (("jordanian",), ("amman",), ()),
    "GR": (("greek",), ("athens",), ()),
    "SE": (("swedish",), ("stockholm",), ()),
    "NO": (("norwegian",), ("oslo",), ()),
    "NL": (("dutch",), ("amsterdam", "the hague"), ()),
    "HU": (("hungarian",), ("budapest",), ()),
    "KZ": (("kazakh",), ("astana",), ()),
    "IE": (("irish",), ("dublin",), ()),
}

_SPACE = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")


def _key(text: str) -> str:
    text = _SPACE.sub(" ", text.strip().lower()).replace("’", "'")
    return _LEADING_THE.sub("", POSSESSIVE.sub("", text))


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Every known spelling (normalised by `_key`) -> canonical country name."""
    table: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        canonical: str = (_CANONICAL_OVERRIDES.get(code)
                          or getattr(country, "common_name", None) or country.name)
        for name in (country.name, getattr(country, "common_name", None),
                     getattr(country, "official_name", None), canonical):
            if name:
                table.setdefault(_key(name), canonical)
        demonyms, capitals, aliases = _EXTRA.get(code, ((), (), ()))
        for name in (*demonyms, *capitals, *aliases):
            table[_key(name)] = canonical
    return table


def country_of(text: str | None) -> str | None:
    """Normalise a country name, demonym, capital or alias to the canonical country name.

    Args:
        text: A mention such as "China's", "Chinese", "Beijing", "the U.S." or "Washington".

    Returns:
        The canonical name ("China", "United States") or None when `text` names no country.
    """
    if not text:
        return None
    key = _key(text)
    # Names are capitalised; this keeps the pronoun "us" from becoming the United States.
    start = text.strip()[4:] if text.strip().lower().startswith("the ") else text.strip()
    if not start[:1].isupper():
        return None
    return _table().get(key)


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(_key(d) for demonyms, _, _ in _EXTRA.values() for d in demonyms)


def is_demonym(text: str) -> bool:
    """True for a people's adjective or noun ("Cuban", "Chinese", "Americans"), which names a
    country only as a modifier or a group: alone as a speaker it is a surname (Mark Cuban).

    Args:
        text: A word as written.

    Returns:
        Whether the gazetteer lists it as a demonym.
    """
    return _key(text) in _demonyms()

