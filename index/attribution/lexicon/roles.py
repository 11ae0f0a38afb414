"""Word lists for speaker phrases: role nouns, titles before names, organisation heads.

A role noun ("spokesperson", "senator") tells what a person is and lets a later "the
spokesperson" find the person introduced with it; an organisation head ("Ministry",
"Committee") tells that a name is an organisation, not a person.
"""

from __future__ import annotations

import re

# A possessive ending, stripped from a word before it is looked up: "Trump's", "Jones'".
POSSESSIVE = re.compile(r"['’]s?$")

# Roles of people in the news; lowercase, singular.
ROLE_NOUNS = frozenset((
    "spokesperson", "spokesman", "spokeswoman", "minister", "president", "premier", "chancellor",
    "senator", "governor", "representative", "congressman", "congresswoman", "lawmaker",
    "ambassador", "envoy", "secretary", "diplomat", "chairman", "chairwoman", "chair", "director",
    "chief", "commissioner", "mayor", "judge", "justice", "prosecutor", "attorney", "lawyer",
    "general", "admiral", "commander", "officer", "official", "adviser", "advisor", "aide",
    "strategist", "manager", "leader", "nominee", "candidate", "contender", "frontrunner",
    "front-runner", "challenger", "incumbent", "billionaire", "mogul", "businessman",
    "businesswoman", "founder", "executive", "ceo", "economist", "analyst", "professor",
    "researcher", "expert", "pollster", "historian", "author", "columnist", "host", "anchor",
    "correspondent", "reporter", "editor", "king", "queen", "prince", "monarch", "pope",
    "cardinal", "bishop", "pastor", "rabbi", "imam", "cleric", "speaker", "whip", "treasurer",
    "deputy", "member", "delegate", "activist", "organizer", "veteran", "sheriff",
    "superintendent", "chief-of-staff", "mogul", "owner", "surrogate", "daughter", "son", "wife",
    "husband", "father", "mother", "nephew", "niece", "cousin", "uncle", "aunt", "brother",
    "sister", "grandson", "granddaughter", "grandfather", "grandmother", "friend", "neighbor",
    # British and entertainment news: "Labour MSP Christine May", "DJ Mike Read"
    "coordinator", "dj", "mp", "msp", "mep", "presenter", "actor", "actress",
))

# Offices one person holds at a time: "the chancellor said", "the deputy speaker said" name
# the holder even when the article never does, so the office as written is the speaker.
OFFICES = frozenset((
    "minister", "premier", "chancellor", "secretary", "president", "speaker", "governor",
    "mayor", "judge", "chairman", "chairwoman", "commissioner", "ambassador", "prosecutor",
))

# Bodies that speak as one, an office of their own: "the government says", "the board hopes".
GOVERNING = frozenset(("government", "board", "council", "cabinet", "commission", "committee"))

# Courtesy titles: they give no role, and the word after one is a surname ("Mr. King").
COURTESY_TITLES = frozenset(("mr", "mrs", "ms", "dr", "miss"))

# Titles written before a name, with the role they give and, where the title tells it, gender.
TITLES: dict[str, tuple[str | None, str | None]] = {
    "mr": (None, "m"), "mrs": (None, "f"), "ms": (None, "f"), "miss": (None, "f"),
    "sen": ("senator", None), "senator": ("senator", None), "rep": ("representative", None),
    "gov": ("governor", None), "governor": ("governor", None), "president": ("president", None),
    "dr": (None, None), "gen": ("general", None), "adm": ("admiral", None),
    "rev": (None, None), "prof": ("professor", None), "judge": ("judge", None),
    "secretary": ("secretary", None), "mayor": ("mayor", None), "speaker": ("speaker", None),
    "ambassador": ("ambassador", None), "minister": ("minister", None),
    "king": ("king", "m"), "queen": ("queen", "f"), "pope": ("pope", "m"),
    "chancellor": ("chancellor", None), "premier": ("premier", None),
    "del": ("delegate", None), "delegate": ("delegate", None), "amb": ("ambassador", None),
    # ranks, as the military and the police abbreviate them
    "lt": ("lieutenant", None), "col": ("colonel", None), "sgt": ("sergeant", None),
    "capt": ("captain", None), "cmdr": ("commander", None), "cpl": ("corporal", None),
    "maj": ("major", None), "pvt": ("private", None), "spc": ("specialist", None),
    "pfc": ("private", None), "brig": ("brigadier", None), "det": ("detective", None),
    "insp": ("inspector", None), "supt": ("superintendent", None), "atty": ("attorney", None),
}

# Words that end a company's or a political action committee's name ("America Rising PAC").
COMPANY_SUFFIXES = frozenset(("pac", "pacs", "inc", "llc", "ltd", "plc"))

# Last words of organisation names: "Foreign Ministry", "State Department", "Clinton campaign".
ORG_HEADS = frozenset((
    "ministry", "department", "office", "agency", "bureau", "committee", "council", "commission",
    "campaign", "party", "administration", "government", "parliament", "congress", "senate",
    "house", "court", "board", "foundation", "institute", "university", "college", "center",
    "centre", "association", "union", "federation", "league", "coalition", "alliance",
    "organization", "organisation", "corporation", "company", "group", "bank", "fund", "service",
    "services", "network", "news", "times", "post", "journal", "press", "tribune", "herald",
    "magazine", "review", "cabinet", "embassy", "mission", "delegation", "assembly", "caucus",
    "authority", "police", "army", "navy", "force", "forces", "command", "administration", "team",
    "kremlin", "pentagon", "state", "street",  # "Downing Street", "Wall Street"
)) | COMPANY_SUFFIXES

# Nouns a business story calls a company by: "the firm said", "UK sportswear firm Umbro",
# "the carmaker's chief"; a name they come with is an organisation, and "the firm" means the
# latest organisation named, whatever its name.
COMPANY_NOUNS = frozenset((
    "company", "firm", "giant", "group", "maker", "carmaker", "airline", "retailer", "bank",
    "operator", "chain", "supermarket", "brewer", "insurer", "lender", "broadcaster",
    "publisher", "manufacturer", "conglomerate", "business", "charity", "club", "watchdog",
    "regulator", "exchange", "carrier", "developer", "producer", "supplier", "distributor",
    "organisation", "organization",
))

# Organisations named by initials or one word, never people.
ORG_NAMES = frozenset((
    "un", "u.n.", "nato", "eu", "e.u.", "fbi", "cia", "nsa", "dnc", "rnc", "gop", "cnn", "nbc",
    "abc", "cbs", "msnbc", "fox", "pbs", "npr", "ap", "reuters", "bloomberg", "politico",
    "breitbart", "who", "imf", "opec", "wto", "pentagon", "kremlin", "congress", "senate",
))

# Indefinite pronouns: no one in particular ("someone like Mr. Clarke" is anyone of his kind).
INDEFINITE_PRONOUNS = frozenset(
    "someone somebody anyone anybody everyone everybody nobody".split())

# Plural or collective sources that name no one: "officials said", "critics say".
GENERIC_SOURCES = INDEFINITE_PRONOUNS | frozenset((
    "official", "officials", "critic", "critics", "expert", "experts", "aide", "aides", "source",
    "sources", "people", "analyst", "analysts", "observer", "observers", "voter", "voters", "poll",
    "polls", "pollster", "pollsters", "supporter", "supporters", "opponent", "opponents",
    "residents", "lawmakers", "legislators", "activists", "advocates", "strategists", "insiders",
    "others", "some", "many", "most", "few", "both", "several", "all",
))

# Pronouns by what they may refer to.
PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
GROUP_PRONOUNS = frozenset({"they", "them", "their", "we", "our", "us"})
THING_PRONOUNS = frozenset({"it", "its"})
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})

# Capitalised words that start sentences or name times, never part of a person's name.
CAPITALISED_STOP = frozenset((
    "interestingly", "meanwhile", "finally", "earlier", "later", "separately", "similarly",
    "additionally", "ultimately", "notably", "importantly", "surprisingly", "apparently",
    "clearly", "obviously", "indeed", "still", "again", "instead", "however", "moreover",
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "if", "when", "while", "after",
    "before", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "his", "her",
    "their", "our", "its", "as", "for", "with", "from", "by", "to", "of", "so", "yet", "still",
    "meanwhile", "however", "some", "many", "more", "most", "also", "not", "no", "yes", "what",
    "who", "why", "how", "where", "there", "here", "then", "now", "today", "yesterday", "tomorrow",
    "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "according", "despite", "during", "since", "until", "unless",
    "although", "though", "because", "instead", "even", "just", "only", "one", "two", "three",
    "four", "five", "first", "last", "next", "new", "unlike", "former", "late", "acting", "early",
    "every",
    "each", "all", "both", "either", "neither", "another", "other", "such", "any", "my", "your",
    "you", "me", "us", "them", "him", "mine", "ours", "dear",
))

# US states, written like names but no one's name ("the Florida senator").
US_STATES = frozenset((
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
    "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
    "mississippi", "missouri", "montana", "nebraska", "nevada", "hampshire", "jersey", "york",
    "carolina", "dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode", "tennessee",
    "texas", "utah", "vermont", "virginia", "wisconsin", "wyoming",
))

# Cities and streets: names, but never the person a pronoun refers to.
PLACES = US_STATES | frozenset((
    "chicago", "boston", "philadelphia", "manhattan", "brooklyn", "miami", "orlando", "atlanta",
    "denver", "phoenix", "dallas", "houston", "cleveland", "detroit", "milwaukee", "vegas",
    "angeles", "francisco", "seattle", "portland", "baltimore", "charlotte", "des", "moines",
    "tampa", "columbus", "cincinnati", "pittsburgh", "richmond", "raleigh", "street", "avenue",
))

# Capitalised labels before a colon that are no speakers: "Update: ...", "Watch: ...".
NON_SPEAKER_LABELS = frozenset((
    "update", "updates", "note", "watch", "read", "related", "photo", "photos", "video", "source",
    "sources", "correction", "advertisement", "warning", "breaking", "exclusive", "poll", "report",
    "editor", "q", "a", "answer", "question", "transcript", "graphic", "chart", "map", "live",
    "clarification", "disclosure", "note", "editor's", "also", "plus", "bottom", "line",
))

# Words that complete a title, not a name: "Secretary of State", "Chief of Staff".
TITLE_OBJECTS = frozenset((
    "state", "defense", "staff", "justice", "commerce", "labor", "energy", "treasury",
    "elections", "homeland", "security", "health", "education", "agriculture", "interior",
))

# Adjectives that name a party, so "Democratic leaders" names someone even as a first word.
PARTY_ADJECTIVES = frozenset(("democratic", "republican", "libertarian"))
# Party members as a group: a speaker even when the tagger takes the first word of a sentence
# for a common noun ("Republicans say ..." tagged NNS).
PARTY_NOUNS = frozenset(("democrats", "republicans", "libertarians", "gop"))
# Words of party names and party members, never part of a person's name ("Republican Donald
# Trump", "Labour MSP Christine May"); "Green" is left out, a surname too.
PARTY_WORDS = PARTY_ADJECTIVES | PARTY_NOUNS | frozenset((
    "democrat", "republican", "libertarian", "labour", "tory", "tories", "conservative",
    "conservatives", "liberal", "liberals", "lib", "dem", "dems", "snp", "ukip", "unionist",
    "socialist", "gop's",
))

# Heads of time phrases: "spoke on Thursday night", "said on March 14" name a time, no topic.
TIME_WORDS = frozenset((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "morning", "afternoon", "evening", "night", "day", "week", "weekend",
    "month", "year", "today", "tonight", "yesterday", "tomorrow",
))


# Time words that a capitalised run sweeps in before a name ("Liar of the Year Barack Obama",
# "Week One Tom Brady"), never part of one; months that are given names ("April Ryan", "June
# Carter") and "Day", a surname, are left out.
TIME_OPENERS = TIME_WORDS - {"april", "may", "june", "august", "day"}


# People someone has about them, beyond the role nouns: "his surrogates", "her allies".
_PEOPLE = frozenset(("advisers", "advisors", "surrogates", "operatives", "allies", "staff",
                     "lawyers", "attorneys", "doctors", "friends", "family", "aides"))


def people_noun(word: str) -> bool:
    """A noun for people who may speak for someone, not a thing of theirs.

    Args:
        word: A noun as written ("aides", "lawyer", "promises").

    Returns:
        True for "aides", "lawyer", "surrogates"; False for "promises", "submission".
    """
    lower = word.lower()
    return lower in _PEOPLE or lower in ROLE_NOUNS or lower.removesuffix("s") in ROLE_NOUNS

# Letters written after a name: "Judge Richard Mawrey, QC", "Jane Roe MSP"; no part of it.
POST_NOMINALS = frozenset({"QC", "KC", "MP", "MSP", "MEP", "AM", "OBE", "MBE", "CBE"})
