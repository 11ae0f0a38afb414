"""Given names whose gender is clear, so that "she said" can skip "Donald Trump".

The article itself is the first evidence (titles, the pronouns that follow a name; see
`index.speakers.infer_genders`); these lists decide when the article does not. They hold
common English given names and names frequent in political news; ambiguous names (Jordan,
Kim, Leslie) are left out on purpose.
"""

from __future__ import annotations

FEMALE = frozenset((
    "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah",
    "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily",
    "donna", "michelle", "dorothy", "carol", "amanda", "melissa", "deborah", "stephanie",
    "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "angela", "shirley", "anna",
    "brenda", "pamela", "emma", "nicole", "helen", "samantha", "katherine", "christine", "debra",
    "rachel", "carolyn", "janet", "catherine", "maria", "heather", "diane", "ruth", "julie",
    "olivia", "joyce", "virginia", "victoria", "kelly", "lauren", "christina", "joan", "evelyn",
    "judith", "megan", "andrea", "cheryl", "hannah", "jacqueline", "martha", "gloria", "teresa",
    "ann", "sara", "madison", "frances", "kathryn", "janice", "jean", "abigail", "alice", "judy",
    "sophia", "grace", "denise", "amber", "doris", "marilyn", "danielle", "beverly", "isabella",
    "theresa", "diana", "natalie", "brittany", "charlotte", "marie", "kayla", "alexis", "lori",
    "hillary", "huma", "kellyanne", "carly", "ivanka", "melania", "chelsea", "nikki",
    "condoleezza", "madeleine", "hope", "kamala", "sheryl", "megyn", "dianne", "debbie", "loretta",
    "nancy", "elena", "sonia", "ruth", "janet", "marine", "angela", "theresa", "hilary", "tulsi",
    "valerie", "susana", "gretchen", "hoda", "katy", "ann-marie", "mika", "mia",
))

MALE = frozenset((
    "james", "robert", "john", "michael", "william", "david", "richard", "joseph", "thomas",
    "charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul",
    "andrew", "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward",
    "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen",
    "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory", "alexander", "frank",
    "patrick", "raymond", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "adam", "nathan",
    "henry", "douglas", "zachary", "peter", "kyle", "ethan", "walter", "noah", "jeremy",
    "christian", "keith", "roger", "terry", "gerald", "harold", "sean", "austin", "carl", "arthur",
    "lawrence", "dylan", "jesse", "bryan", "billy", "joe", "bruce", "gabriel", "logan", "albert",
    "willie", "alan", "juan", "wayne", "elijah", "randy", "roy", "vincent", "ralph", "eugene",
    "russell", "bobby", "mason", "philip", "louis", "barack", "bernie", "ted", "marco", "jeb",
    "ben", "chris", "mike", "mitt", "rand", "newt", "rick", "lindsey", "mitch", "harry", "reince",
    "corey", "jared", "eric", "hunter", "bill", "vladimir", "xi", "boris", "emmanuel", "justin",
    "bashar", "recep", "benjamin", "ali", "muhammad", "mohammed", "ahmed", "omar", "reid", "chuck",
    "tim", "al", "jim", "tom", "bob", "dick", "colin", "rudy", "herman", "bobby", "joe", "karl",
    "rahm", "josh",
))


def gender_of_given_name(name: str) -> str | None:
    """Gender of a full name's first word from the lists, or None when not listed.

    Args:
        name: A person's name as written ("Hillary Clinton").

    Returns:
        "f", "m" or None.
    """
    first = name.split()[0].lower().rstrip(".") if name.split() else ""
    if first in FEMALE and first not in MALE:
        return "f"
    if first in MALE and first not in FEMALE:
        return "m"
    return None
