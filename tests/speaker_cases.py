"""Hand-written cases of speaker names (tests/test_speakers.py): what a speaker string names,
and which uses of names across articles are one speaker.

The names come from articles read while writing the fixes: BBC politics/089 ("Labour MSP
Christine May"), entertainment ("DJ Mike Read"), PolNeAR dev ("Republican Donald Trump",
"Loretta E. Lynch", "Bill de Blasio", "Douglas Holtz-Eakin", "Vann R. Newkirk II").
"""

from __future__ import annotations

# A sentence → the capitalised name runs `names.harvest_names` finds in it.
HARVESTS: list[tuple[str, list[str]]] = [
    ("Voters did not believe the Liar of the Year Barack Obama on health care.",
     ["Voters", "Liar", "Barack Obama"]),
    ("The Coach of the Month Sarah Kline said the team was ready.", ["Coach", "Sarah Kline"]),
    ("Ministers have talked to Theresa May about the plan.", ["Ministers", "Theresa May"]),
    ("Tonight Sen. Ted Cruz speaks in Iowa.", ["Ted Cruz", "Iowa"]),
    ("Will Sanders come down off the pique?", ["Sanders"]),  # a question's verb
    ("Will Rogers said it first.", ["Will Rogers"]),
    ("Unfortunately England were sloppy in defeat.", ["England"]),  # a sentence adverb
    ("Fox News’ Bret Baier asked Hillary Clinton’s aide.",  # an owner, then a name
     ["Fox News", "Bret Baier", "Hillary Clinton"]),
    ("Butz’s Feinstein’s/54 Below run also celebrates a CD.",  # an owner's thing's owner
     ["Butz", "Feinstein", "Below", "CD"]),
]

# A speaker string → the person's name it holds (None: no one person's name).
PERSON_NAMES: list[tuple[str, str | None]] = [
    ("Republican Donald Trump", "Donald Trump"),  # a party before the name
    ("Democrat Hillary Clinton", "Hillary Clinton"),
    ("Rival Hillary Clinton", "Hillary Clinton"),
    ("Media Coordinator Dan Lee", "Dan Lee"),  # a role of two words, never "Media Lee"
    ("DJ Mike Read", "Mike Read"),
    ("Labour MSP Christine May", "Christine May"),
    ("NBC Dante Chinni", "Dante Chinni"),  # an organisation's initials
    ("Universe Alicia Machado", "Alicia Machado"),  # "former Miss Universe Alicia Machado"
    ("Sen. Ted Cruz", "Ted Cruz"),
    ("Mr. Trump", "Trump"),
    ("Lord Falconer", "Lord Falconer"),  # a peer is named by title and one word
    ("Smith Angrily", "Smith"),  # an adverb of the sentence
    ("Said Ellis", "Ellis"),  # an inverted cue swept into a capitalised run
    ("Did Trump", "Trump"),
    ("Injecting Clinton", "Clinton"),
    ("Against Trump", "Trump"),
    ("Given Sanders", "Sanders"),  # "Given Sanders's record, ..." at a sentence start
    ("Reuters Luciana Lopez", "Luciana Lopez"),  # "Reuters’ Luciana Lopez"
    ("Gap Goes On", "Gap"),  # a headline's verb and particle after a name
    ("Christina Lastra.", "Christina Lastra"),  # a signature's full stop
    ("Donald Trump Jr.", "Donald Trump Jr."),  # suffixes stay
    ("Donald Trump, Jr.", "Donald Trump Jr."),
    ("Vann R. Newkirk II", "Vann R. Newkirk II"),
    ("Loretta E. Lynch", "Loretta E. Lynch"),
    ("Bill de Blasio", "Bill de Blasio"),  # particles stay
    ("Osama bin Laden", "Osama bin Laden"),
    ("Anne Lloyd-Price", "Anne Lloyd-Price"),  # hyphenated names stay whole
    ("Douglas Holtz-Eakin", "Douglas Holtz-Eakin"),
    ("Angus King", "Angus King"),  # a role word after a name is a surname
    ("Representative Peter T. King of New York", "Peter T. King"),
    ("April Ryan", "April Ryan"),  # a month that is a given name
    ("Year Barack Obama", "Barack Obama"),  # "Liar of the Year Barack Obama": a time word
    ("Week Tom Brady", "Tom Brady"),  # "the Player of the Week Tom Brady"
    ("Doris Day", "Doris Day"),  # a time word after a given name is a surname
    ("Theresa May", "Theresa May"),
    ("Hope Hicks", "Hope Hicks"),  # a verb that is a given name
    ("Reps Smith and Jones", None),  # two people
    ("Fox News’ Bret Baier", "Bret Baier"),  # an owner's possessive before the name
    ("Germany’s Chancellor Angela Merkel", "Angela Merkel"),
    ("Virginia Gov Terry McAuliffe (D)", "Terry McAuliffe"),  # a short title, a party tag
    ("Michelle Stevens, 30, of Gainesville, Fla.", "Michelle Stevens"),  # her age
    ("Article 33", None),  # numbers are in no person's name
    ("Six in 10", None),
    ("Elward Edd", "Elward Edd"),  # a surname nameparser reads as a degree (EdD)
    ("Ann Roe MSP", "Ann Roe"),  # letters after the name
    ("Florida’s Secretary of State Ken Detzner", "Ken Detzner"),  # an office "of" something
    ("Minister of Defence Jane Roe", "Jane Roe"),
    ("Republicans on Capitol Hill", None),  # a party where it sits
    ("Air Force 1st", None),
    ("Win For Bernie", None),  # a title-cased headline's function word
    ("May Not Have", None),
    ("Grassley and Leahy", None),
    ("Gordon Brown, Tony Blair", None),
    ("Obama strategist", None),  # describes someone
    ("Maybe Trump", "Trump"),  # a headline's adverb before the name
    ("Unfortunately England", "England"),
    ("Perhaps Fred Smith", "Fred Smith"),
    ("Dan Rather", "Dan Rather"),  # an adverb after a given name is a surname
    ("Only Ted Cruz", "Ted Cruz"),
    ("Newly Released Document", None),  # an adverb and a verb open a clause
    ("Butz’s Feinstein’s", None),  # an owner of an owner's thing
    ("New York Democrat", None),
    ("Friends of Mr. Clinton's", None),
    ("Labour", None),
    ("MPs", None),
]

# Uses of names across articles: (name, role, article, date, claims) → the speaker each is
# (None: a group or a description, no one speaker).
Use = tuple[str, str | None, str, str | None, int]
MERGES: list[tuple[str, list[Use], list[str | None]]] = [
    ("longest-seen-full-name",
     [("Donald Trump", None, "a1", None, 5), ("Donald J. Trump", "candidate", "a2", None, 1),
      ("Trump", None, "a3", None, 1)],
     ["Donald J. Trump", "Donald J. Trump", "Donald J. Trump"]),
    ("role-and-party-words-are-no-name",
     [("Republican Donald Trump", None, "a1", None, 4), ("Donald Trump", None, "a2", None, 1),
      ("Media Coordinator Dan Lee", None, "a3", None, 1)],
     ["Donald Trump", "Donald Trump", "Dan Lee"]),
    ("particle-and-middle-initial-kept",
     [("Bill de Blasio", "mayor", "a1", None, 3), ("de Blasio", None, "a2", None, 1),
      ("Loretta E. Lynch", None, "a3", None, 2), ("Loretta Lynch", "general", "a4", None, 9)],
     ["Bill de Blasio", "Bill de Blasio", "Loretta E. Lynch", "Loretta E. Lynch"]),
    ("jr-is-another-person",
     [("Donald Trump", None, "a1", None, 10), ("Donald Trump Jr.", None, "a2", None, 2),
      ("Trump", None, "a3", None, 1)],
     ["Donald Trump", "Donald Trump Jr.", "Donald Trump"]),
    ("first-names-apart",
     [("Hillary Clinton", None, "a1", None, 5), ("Bill Clinton", None, "a2", None, 1)],
     ["Hillary Clinton", "Bill Clinton"]),
    ("surname-joins-the-full-name-in-its-article",
     [("Hillary Clinton", None, "a1", None, 20), ("Bill Clinton", None, "a2", None, 2),
      ("Clinton", None, "a2", None, 1)],
     ["Hillary Clinton", "Bill Clinton", "Bill Clinton"]),
    ("surname-of-two-in-one-article-stays-apart",
     [("Hillary Clinton", None, "a1", None, 2), ("Bill Clinton", None, "a1", None, 1),
      ("Clinton", None, "a1", None, 1)],
     ["Hillary Clinton", "Bill Clinton", "Clinton"]),
    ("surname-joins-a-dominant-bearer",
     [("Gordon Brown", "chancellor", "a1", None, 9), ("Nick Brown", None, "a2", None, 1),
      ("Brown", None, "a3", None, 2)],
     ["Gordon Brown", "Nick Brown", "Gordon Brown"]),
    ("surname-without-dominant-bearer-stays",
     [("John Smith", None, "a1", None, 3), ("Jane Smith", None, "a2", None, 2),
      ("Smith", None, "a3", None, 1)],
     ["John Smith", "Jane Smith", "Smith"]),
    ("surname-joins-the-only-bearer-of-its-role",
     [("John Smith", "senator", "a1", None, 1), ("Jane Smith", "ceo", "a2", None, 1),
      ("Smith", "senator", "a3", None, 1), ("Smith", "ceo", "a4", None, 1)],
     ["John Smith", "Jane Smith", "John Smith", "Jane Smith"]),
    ("roles-of-two-fields-at-once-are-two-people",
     [("John Smith", "senator", "a1", "2016-09-01", 3),
      ("John Smith", "ceo", "a2", "2016-09-20", 1)],
     ["John Smith", "John Smith (ceo)"]),
    ("roles-years-apart-are-one-career",
     [("John Smith", "senator", "a1", "2016-09-01", 3),
      ("John Smith", "ceo", "a2", "2004-03-20", 1)],
     ["John Smith", "John Smith"]),
    ("two-middle-initials-are-two-people",
     [("George W. Bush", None, "a1", None, 6), ("George P. Bush", "commissioner", "a2", None, 1),
      ("George Bush", None, "a3", None, 2), ("George Bush", None, "a2", None, 1)],
     ["George W. Bush", "George P. Bush", "George W. Bush", "George P. Bush"]),
    ("a-middle-name-or-none-is-one-person",
     [("Hillary Rodham Clinton", None, "a1", None, 3), ("Hillary R. Clinton", None, "a2", None, 1),
      ("Hillary Clinton", None, "a3", None, 9)],
     ["Hillary Rodham Clinton", "Hillary Rodham Clinton", "Hillary Rodham Clinton"]),
    ("an-organisation-opening-with-a-title-word-is-no-surname",
     [("Judicial Watch", None, "a1", None, 2), ("Human Rights Watch", None, "a2", None, 5),
      ("Right Wing Watch", None, "a3", None, 1), ("Lord Falconer", None, "a4", None, 1)],
     [None, "Human Rights Watch", None, "Lord Falconer"]),
    ("a-surname-with-a-role-joins-the-bearer-of-the-role",
     [("Hillary Clinton", None, "a1", None, 20), ("Bill Clinton", "president", "a2", None, 2),
      ("Clinton", "president", "a3", None, 1), ("Clinton", None, "a4", None, 1)],
     ["Hillary Clinton", "Bill Clinton", "Bill Clinton", "Hillary Clinton"]),
    ("an-initial-joins-the-only-first-name-it-fits",
     [("Tony Blair", "minister", "a1", None, 5), ("T. Blair", None, "a2", None, 1)],
     ["Tony Blair", "Tony Blair"]),
    ("parties-under-their-canonical-names",
     [("Labour", None, "a1", None, 2), ("Labour's", None, "a2", None, 1),
      ("Tories", None, "a3", None, 1), ("Conservatives", None, "a4", None, 1),
      ("Tory party", None, "a5", None, 1), ("Lib Dems", None, "a6", None, 1),
      ("No 10", None, "a7", None, 1), ("Downing Street", None, "a8", None, 1)],
     ["Labour Party", "Labour Party", "Conservative Party", "Conservative Party",
      "Conservative Party", "Liberal Democrats", "Downing Street", "Downing Street"]),
    ("groups-and-descriptions-are-no-one",
     [("Grassley and Leahy", None, "a1", None, 2), ("a narrator in the Clinton ad", None,
      "a2", None, 1), ("Moscow officials", None, "a3", None, 1), ("MPs", None, "a4", None, 1),
      ("West Virginia", None, "a5", None, 1), ("Virginia", None, "a6", None, 1)],
     [None, None, None, None, None, None]),
    ("organisations-by-their-commonest-spelling",
     [("PolitiFact", None, "a1", None, 4), ("Politifact", None, "a2", None, 2),
      ("Clinton campaign", None, "a3", None, 1), ("Suffolk University Poll", None, "a4", None, 1),
      ("Suffolk University Boston Globe Poll", None, "a5", None, 1)],
     ["PolitiFact", "PolitiFact", "Clinton campaign", "Suffolk University Poll",
      "Suffolk University Boston Globe Poll"]),
]
