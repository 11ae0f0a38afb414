"""Attribution cases of patterns found while tuning on PolNeAR train/dev and BBC dev articles
(each written from an article read, not from the benchmark's gold); tests/attribution_cases.py
adds them to its table."""

from __future__ import annotations

FOUND_CASES: list[tuple[str, str, dict[str, str | None]]] = [
    # cases found in PolNeAR's training and dev articles
    ("quote-with-its-own-subject",
     "“My apologies, I am sorry,” Becky Quick said after a back-and-forth.",
     {"apologies": "Becky Quick"}),
    ("party-first-word", "Republicans say Democrats are just trying to distract the public.",
     {"distract": "Republicans"}),
    ("acronym-role", "SEIU chief says the union can win the state.", {"union": "SEIU chief"}),
    ("signed-headline", "Trump Could Address Clean Energy, Lindsey Graham Says.",
     {"Energy": "Lindsey Graham"}),
    ("short-quote-continued",
     "Mark Kelly spoke last.\n“Elections matter,” Kelly said. “Look at the records.”",
     {"matter": "Mark Kelly", "records": "Mark Kelly"}),
    ("place-opens-a-name", "The Washington Post reported that the deal was off.",
     {"deal": "Washington Post"}),
    ("place-opens-an-org-name",
     "And America Rising, a conservative political action committee, called the former "
     "president less an asset than “a walking reminder”.", {"asset": "America Rising"}),
    ("place-opens-a-pac-name",
     "America Rising PAC, an outside Republican group, is blasting out missives about the deal.",
     {"missives": "America Rising PAC"}),
    ("delegate-title", "“It wastes time,” said Del. Stacey Plaskett of the Virgin Islands.",
     {"wastes": "Stacey Plaskett"}),
    ("reporter-then-quote-elsewhere",
     "The Senate voted on Tuesday. “This is a great day for workers,” Bernie Sanders said. "
     "The House will vote next week.",
     {"voted": None, "great day": "Bernie Sanders", "House": None}),
    # a speaker that resolves to no one yields to another attribution of the sentence (a poll
    # speaks for the pollster it names)
    ("unresolved-yields-to-named",
     "Some 60 percent of voters said they trust the governor, according to a Gallup poll "
     "released on Monday.",
     {"percent": "Gallup"}),
    ("statement-saying",
     "On Friday, Elizabeth Warren issued a statement saying the bill would hurt working "
     "families.", {"bill": "Elizabeth Warren"}),
    # "as X put it": the clause the "as" clause modifies is the content
    ("as-put-it", "As Elizabeth Warren put it, the tax plan would hurt working families.",
     {"tax": "Elizabeth Warren"}),
    ("as-noted-inside", "The tax plan, as Elizabeth Warren noted, would hurt working families.",
     {"tax": "Elizabeth Warren"}),
    ("as-time-clause",
     "As Elizabeth Warren turned her attention to the tax plan, the crowd grew restless.",
     {"crowd": None}),
    ("put-no-as", "Elizabeth Warren put the tax plan on hold for another year.", {"tax": None}),
    # a poll or a study shows an object, not only a clause
    ("poll-showed-object",
     "A Marist College poll released last week showed Warren with a narrow lead in Ohio.",
     {"Marist": "Marist College"}),
    ("person-found-object", "Warren found the keys under a rock near the house.",
     {"keys": None}),
    ("in-a-poll", "In the latest Monmouth poll, Warren leads the field with 30 percent.",
     {"leads": "the latest Monmouth poll"}),
    ("in-an-unnamed-poll", "In the poll, Warren leads the field with 30 percent.",
     {"leads": None}),
    # an abbreviated country names a group of speakers; a demonym does not
    ("abbreviated-country-officials",
     "U.S. intelligence officials believe the hackers have slowed down since last year.",
     {"hackers": "U.S. intelligence officials"}),
    ("demonym-officials",
     "Chinese officials believe the hackers have slowed down since last year.",
     {"hackers": None}),
    # a capitalised first word is a name when the article capitalises it elsewhere too
    ("sentence-start-name-modifier",
     "Users have left Facebook in droves. Facebook officials say they are reviewing posts.",
     {"Users": None, "reviewing": "Facebook officials"}),
    ("sentence-start-common-modifier",
     "Election scholars caution that high turnout does not help a party in November.",
     {"turnout": None}),
    ("and-called-for",
     "Elizabeth Warren spoke in Iowa on Monday and called for a ban on stock trading by "
     "lawmakers.", {"ban": "Elizabeth Warren"}),
    ("called-a-name", "The tiny town called Hope has only one road.", {"Hope": None}),
    # the content covers all the speaker's predicates after the subject
    ("defended-saying",
     "Bernie Sanders defended his plan to raise the minimum wage, saying it would help "
     "millions of workers.", {"defended": "Bernie Sanders"}),
    ("three-speakers-listed",
     "Jeb Bush, Chris Christie and John Kasich said the deal was a disaster for the country.",
     {"deal": "Jeb Bush, Chris Christie and John Kasich"}),
    ("dateline-with-date",
     "BOSTON, Aug. 24 (UPI) — Elizabeth Warren said the bank must be broken up.",
     {"bank": "Elizabeth Warren"}),
    # "continue" attributes a quotation only
    ("continued-quote", "“We will keep fighting for working families,” Warren continued.",
     {"fighting": "Warren"}),
    ("continues-to", "The lead for Elizabeth Warren continues to grow after a big win in Ohio.",
     {"lead": None}),
    # one word before a colon speaks only when the article uses it as a name
    ("stray-colon-label", "Revealed: The senator kept a second email account for years.",
     {"senator": None}),
    ("name-colon-label", "On Monday, Elizabeth Warren spoke in Ohio.\n"
     "Warren: The banks must be broken up soon.", {"spoke": None, "banks": "Elizabeth Warren"}),
    # the agent of a passive cue speaks
    ("reported-by", "News of the merger was first reported by the Boston Globe on Monday.",
     {"merger": "Boston Globe"}),
    ("as-reported-by", "As reported by the Boston Globe, the merger will close next spring.",
     {"merger": "Boston Globe"}),
    ("asked-by", "Warren was asked by host Jake Tapper whether the banks should be broken up.",
     {"banks": "Jake Tapper"}),
    ("passed-by", "The bill was passed by the Senate on Tuesday after a long debate.",
     {"bill": None}),
    # a longer name that ends in another word is another entity, not a fuller name
    ("name-then-thing-named-after",
     "Trump spoke in Ohio. The Trump Train rolled into town on Monday. He said the wall "
     "would be built next year.", {"spoke": None, "wall": "Trump"}),
    ("given-name-then-full-name",
     "Hillary spoke in Ohio. Hillary Clinton said the wall would never be built.",
     {"wall": "Hillary Clinton"}),
    # "see X as Y" states a view; "see X" does not
    ("sees-as", "Elizabeth Warren sees the big banks as a threat to working families.",
     {"banks": "Elizabeth Warren"}),
    ("sees-object", "Elizabeth Warren sees her grandchildren every week in Boston.",
     {"grandchildren": None}),
    # a noun of saying or stance owned by a named speaker
    ("owned-call-for", "Voters cheered Sanders's call for a ban on fracking in every state.",
     {"fracking": "Sanders"}),
    ("owned-plan-to", "Warren's plan to break up the banks got a cool reception.",
     {"banks": "Warren"}),
    ("owned-thing", "Warren's house in Cambridge is on a quiet street.", {"house": None}),
    ("calling-for-to",
     "Hillary Clinton is calling for the United States to take a stronger role in the war.",
     {"stronger": "Hillary Clinton"}),
    # a past tense the parser misreads as a participle on the subject
    ("misread-past-tense", "Beruff, a Scott ally, called Florida’s standards “strong.”",
     {"standards": "Beruff"}),
    # "did not respond to a request for comment" is reported; "responded to the attack" is not
    ("no-response-to-request",
     "A spokesman for Warren, Jon Donenberg, did not respond to a request for comment.",
     {"request": "Jon Donenberg"}),
    ("responded-to-event", "Warren responded to the attack with a long speech in Boston.",
     {"attack": None}),
    # an inverted speaker after a comma, beside a subject the parser gave the cue by mistake
    ("inverted-after-misread-subject",
     'The rejection of the treaty signals "the beginning of the end" for the EU, said Geert '
     "Wilders, founder of the Party for Freedom.", {"rejection": "Geert Wilders"}),
    ("abbreviated-rank-before-name",
     "“The candidates just don’t understand the military,” said Army Capt. Christian Pardo, "
     "who lives in Ohio.", {"military": "Christian Pardo"}),
    # a quotation that began in the sentence before: its words are no speaker
    ("quote-continued-from-previous-sentence",
     '"He would be a great senator. One of the brightest members of the entire Congress," '
     "Rep. Elijah E. Cummings said in a phone interview.", {"brightest": "Elijah E. Cummings"}),
    ("role-read-as-apposition",
     "Hillary Clinton, the Democratic presidential candidate, spoke in Ohio. In an interview "
     "with Morning Joe hosts Joe Scarborough and Mika Brzezinski, the Democratic presidential "
     "candidate stated that the comments did not fit with what she knew about him.",
     {"comments": "Hillary Clinton"}),
    # a name after a cue is its speaker only when it is no possessor and no clause's subject
    ("inverted-name-is-possessor",
     "Stuart Stevens, who served as Mitt Romney's chief strategist during the 2012 campaign, "
     'called Trump\'s statements and actions on Sunday "childish."', {"statements": None}),
    ("inverted-name-is-content-subject",
     "Mr. Slinker, whose latest start-up, Paradata, uses big data to help brands find "
     "suppliers, said Mr. Trump was a candidate very much in the spirit of Silicon Valley.",
     {"spirit": None}),
    ("apposition-across-dashes-read-as-subject",
     "A former Republican presidential candidate -- John McCain, who lost the 2008 election to "
     'Obama -- said the president "offered no changes to his strategy."',
     {"changes": "John McCain"}),
    ("one-adviser-is-someone-new",
     "David Axelrod, an adviser to Barack Obama, spoke on CNN. “This is eerily similar to the "
     "first debate in 2000,” said one longtime adviser to Bill Clinton.", {"eerily": None}),
    ("name-and-apposition-after-quote",
     "“It is not the position that everything is hunky-dory,” Gene Sperling, a top outside "
     "Clinton adviser, said at a recent POLITICO event on the economy in Iowa.",
     {"hunky": "Gene Sperling"}),
    ("colon-spaces-quote",
     'Stephen Loomis spoke first. Kasich resisted:  "Ohio governors do not have the power to '
     'suspend state laws."', {"governors": "Kasich"}),
    # a demonym alone as a speaker is a surname; with an article it is the country's people
    ("demonym-surname",
     'Mark Cuban, the billionaire, spoke on NBC. "I\'d have the same conversation for '
     'Donald," Cuban said.', {"conversation": "Mark Cuban"}),
    ("demonym-with-article", "The Chinese said the sales would damage relations badly.",
     {"sales": "China"}),
    # a single word names an entity by its first or last word only
    ("surname-inside-show-name",
     'The Rachel Maddow Show drew guests. "In any other year they would definitely be '
     'short-listed," Maddow said of the list.', {"short-listed": "Maddow"}),
    # a stance verb before "that" is worth parsing wherever its subject stands
    ("stance-that-after-adverb",
     "Bernie Sanders spoke in Ohio. Sanders, meanwhile, hopes that winning a large share of "
     "the delegates will give him momentum.", {"momentum": "Bernie Sanders"}),
    # colon labels: "X to Y:" is X's; a section label or an interviewer's "Q:" is no one's
    ("colon-label-to-addressee",
     "On Monday, Hillary Clinton spoke in Ohio. Clinton to Planned Parenthood: Trump will "
     "reverse the ruling on abortion.", {"reverse": "Hillary Clinton"}),
    ("colon-section-label", "Delegate Update: The latest count in the Democratic race.",
     {"latest": None}),
    ("colon-interviewer", "Q: But this is like the Trump moment for the party, right?",
     {"moment": None}),
    ("role-holder-named-after-its-object",
     "He had a voice in decisions about investments in Ukraine, said a former spokesman for "
     "Ukraine's Foreign Ministry, Oleg Voloshyn, who also ran as a candidate.",
     {"investments": "Oleg Voloshyn"}),
    # a time after a cue is no topic: nothing is claimed
    ("time-is-no-topic", "On Monday, Bernie Sanders spoke to supporters on Thursday night.",
     {"supporters": None}),
    # after a title, one word is a last name ("Mr. Paulson" is no "Paulson Partners")
    ("title-then-surname-only",
     "Paulson Partners lost money last year, according to its investors. In October, Mr. "
     "Paulson told investors that concerns about drug makers were overblown.",
     {"overblown": "Paulson"}),
    # speaker names are names: parties, roles and verbs before a name are no part of it
    ("party-before-name",
     "She said Republican Donald Trump favors a strongman approach to the world.",
     {"strongman": "Donald Trump"}),
    ("role-words-before-name",
     "“Bernie stands with the gun industry and Hillary stands with families,” New York City "
     "Public Advocate Trish James said.", {"gun industry": "Trish James"}),
    ("acronym-role-before-name",
     "The song was written by former DJ Mike Read. DJ Mike Read said he was delighted with "
     "the record.", {"delighted": "Mike Read"}),
    ("surname-read-as-modal",
     'Labour MSP Christine May had said Mr McLetchie was "very clever" to ask the clerk to '
     "consider his conduct.", {"clever": "Christine May"}),
    ("hyphenated-surname-stays-whole",
     "''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist who served as "
     "director of the Congressional Budget Office.", {"tax reform": "Douglas Holtz-Eakin"}),
    ("two-people-are-no-fused-name",
     "Reps. Smith and Jones said the bill would pass the House next week.",
     {"bill": "Smith and Jones"}),
    ("headline-name-after-comma",
     "Railing Against Trump, Sanders Vows To Eliminate Tax Breaks Used By Real Estate "
     "Developers", {"Eliminate": "Sanders"}),
    ("department-keeps-its-state",
     "The State Department said on Thursday that it fell short of its court-ordered goal.",
     {"court-ordered": "State Department"}),
    # a relative "who" after an apposition means the person it describes, and after a
    # place the people in it (PolNeAR dev, wash-post and huff-post, 2016-09)
    ("who-after-apposition-is-the-person",
     "Obama has clashed with Rivera, now the House minority whip, who in 2012 said the "
     "party's main goal was to block the budget.", {"budget": "Rivera"}),
    ("who-after-a-place-is-the-people",
     "The shift is likely to reassure anxious Republicans on Capitol Hill, who have argued "
     "that the tax cut helps every district.", {"district": "Republicans"}),
    # a demonym's government speaks as its country, as the possessive does (nyt, 2016-09)
    ("demonym-government-is-the-country",
     "The Saudi government has said that it needs a fallback plan if the treaty fails.",
     {"fallback": "Saudi Arabia"}),
    ("possessive-government-is-the-country",
     "Saudi Arabia's government has said that it needs a fallback plan if the treaty fails.",
     {"fallback": "Saudi Arabia"}),
    ("federal-government-stays-as-written",
     "The federal government said the loans would be cut next year.",
     {"loans": "the federal government"}),
    # a section heading before a colon names no speaker (nyt, 2016-09-20)
    ("heading-with-preposition-is-no-speaker",
     "Little Hope for Farmers: The drought is exactly the kind of crisis the council was "
     "created to handle.", {"drought": None}),
    # "his aides": the pronoun tells whose (PolNeAR dev, wash-post 2016-09-08)
    ("his-aides-are-the-persons-aides",
     "Rep. Tom Price spoke to voters on Monday.\n"
     "His aides say it's too early to discuss a run for governor.",
     {"governor": "Tom Price's aides"}),
    ("her-lawyer-is-the-persons-lawyer",
     "Mayor Lena Ortiz was in court on Tuesday.\nHer lawyer said the case would be dropped.",
     {"dropped": "Lena Ortiz's lawyer"}),
    ("his-promises-are-no-speaker",
     "Rep. Tom Price spoke to voters on Monday.\n"
     "His promises showed that he would cut taxes for every family.",
     {"every family": None}),
    ("his-partner-keeps-the-apposed-name",
     "Tom Clarke runs a mine in Kentucky.\nHis former business partner at Lenox, Lawrence "
     "B. Cummings, said Tom is a real visionary.",
     {"visionary": "His former business partner at Lenox, Lawrence B. Cummings"}),
    ("their-aides-stay-unresolved",
     "The senators met on Monday.\nTheir aides said the deal would be signed.",
     {"deal": None}),
    # "it's too early to say": the "it" of "it is" speaks for no one
    ("expletive-it-is-no-speaker",
     "The Fair Trade Act passed in 2010.\nAides say it's too early to discuss the next bill.",
     {"next bill": None}),
    ("heading-with-verb-is-no-speaker",
     "The Divide Grows On: It was during her term that the council set up a new fund.",
     {"council": None}),
    # "co-host" cut in two by the parser, which hangs the outlet's name on "co"
    ("hyphenated-role-before-inverted-name",
     "“Imagine him on the same stage,” mused Blaze co-host Stu Burguiere.",
     {"stage": "Stu Burguiere"}),
]
