"""Given names that tell a person's gender: common US and British first names, and those of
the people politics and business news names most ("hillary", "barack", "iain"). They tell a
first name from a surname ("Hope Hicks", "Mark Kelly") and whom "she" or "he" may mean.
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
    "rahm", "josh", "will", "shane",
    # British given names of BBC news
    "iain", "gordon", "nigel", "alastair", "hamish", "ewan", "rhodri", "gareth", "neil",
))

# Either gender's: a word that opens a person's name.
GIVEN = FEMALE | MALE
