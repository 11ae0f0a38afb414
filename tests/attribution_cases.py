"""The hand-written attribution cases of tests/test_attribution.py: who said what, by pattern.

Each case: a name, an article (lines are paragraphs) and, per sentence picked by a substring,
the speaker expected; None means no claim, or a claim whose speaker is None.
"""

from __future__ import annotations

from attribution_found_cases import FOUND_CASES

Case = tuple[str, str, dict[str, str | None]]

CASES: list[Case] = [
    # direct quotes, curly and straight
    ("curly-said-after", "“The economy is strong and growing,” Janet Yellen said.",
     {"economy": "Janet Yellen"}),
    ("curly-said-inverted", "“The economy is strong and growing,” said Janet Yellen.",
     {"economy": "Janet Yellen"}),
    ("curly-quote-glued-to-speaker", "“The economy is strong and growing,”Janet Yellen said.",
     {"economy": "Janet Yellen"}),
    ("straight-quote-glued-to-speaker", '"The economy is strong and growing,"Janet Yellen said.',
     {"economy": "Janet Yellen"}),
    ("straight-said-after", '"The economy is strong and growing," Janet Yellen said.',
     {"economy": "Janet Yellen"}),
    ("straight-said-inverted", '"The economy is strong and growing," said Janet Yellen.',
     {"economy": "Janet Yellen"}),
    ("colon-before-quote", "Janet Yellen said: “The economy is strong and growing.”",
     {"economy": "Janet Yellen"}),
    ("split-quote", "“The economy,” Janet Yellen said, “is strong and growing.”",
     {"economy": "Janet Yellen"}),
    ("asked", "“Why would anyone vote for this terrible bill?” Elizabeth Warren asked.",
     {"vote": "Elizabeth Warren"}),
    ("name-colon-quote", "Elizabeth Warren: “The big banks must be broken up now.”",
     {"banks": "Elizabeth Warren"}),
    # indirect speech
    ("said-that", "Elizabeth Warren said that the plan would fail working families.",
     {"plan": "Elizabeth Warren"}),
    ("says", "Elizabeth Warren says the plan will fail working families.",
     {"plan": "Elizabeth Warren"}),
    ("said-trailing", "The plan will fail working families, Elizabeth Warren said on Tuesday.",
     {"plan": "Elizabeth Warren"}),
    ("according-to-front", "According to Elizabeth Warren, the plan will fail working families.",
     {"plan": "Elizabeth Warren"}),
    ("according-to-end", "The plan will fail working families, according to Elizabeth Warren.",
     {"plan": "Elizabeth Warren"}),
    ("told", "Elizabeth Warren told reporters the plan would fail working families.",
     {"plan": "Elizabeth Warren"}),
    ("told-that", "Donald Trump told CNN that the wall would be built next year.",
     {"wall": "Donald Trump"}),
    ("tweeted", "Donald Trump tweeted that the media was dishonest and totally corrupt.",
     {"media": "Donald Trump"}),
    ("cited-as-saying",
     "Elizabeth Warren spoke on Monday. Warren was cited as saying the plan would fail families.",
     {"spoke": None, "cited": "Elizabeth Warren"}),
    ("criticized-saying",
     "Elizabeth Warren criticized the plan, saying it would hurt millions of working families.",
     {"criticized": "Elizabeth Warren"}),
    ("point-reiterated",
     "Chinese diplomat Geng Shuang spoke at the United Nations. China says it does not provide "
     "arms to either side, a point Geng reiterated at the meeting.",
     {"spoke": None, "arms": "China"}),
    ("believes", "Bernie Sanders believes that the system is rigged against working people.",
     {"rigged": "Bernie Sanders"}),
    ("wants", "Bernie Sanders wants to raise the minimum wage to fifteen dollars.",
     {"minimum": "Bernie Sanders"}),
    ("warned", "Mitch McConnell warned that the shutdown could last for several weeks.",
     {"shutdown": "Mitch McConnell"}),
    ("statement", "Mitch McConnell said in a statement that the bill would pass this week.",
     {"bill": "Mitch McConnell"}),
    ("title-sen", "Sen. Ted Cruz said the deal was a disaster for the country.",
     {"deal": "Ted Cruz"}),
    ("title-mr", "Mr. Trump said the deal was a disaster for the country.", {"deal": "Trump"}),
    ("dateline", "WASHINGTON — Senator Elizabeth Warren said the big banks must be broken up.",
     {"banks": "Elizabeth Warren"}),
    ("relative-who",
     "Bernie Sanders, who said the system is rigged against workers, won the primary.",
     {"rigged": "Bernie Sanders"}),
    # mixed quotes
    ("mixed", "Elizabeth Warren called the plan “a disaster for working families across America.”",
     {"disaster": "Elizabeth Warren"}),
    ("mixed-that", "Warren said the plan was “a disaster for working families” and must go.",
     {"disaster": "Warren"}),
    # quotes over several sentences and paragraphs
    ("multi-sentence-quote",
     "“We are ready. We will fight for every vote. We will win,” Elizabeth Warren said.",
     {"ready": "Elizabeth Warren", "every vote": "Elizabeth Warren", "We will win":
      "Elizabeth Warren"}),
    ("multi-sentence-straight",
     '"We are ready. We will fight for every vote," Elizabeth Warren said.',
     {"ready": "Elizabeth Warren", "every vote": "Elizabeth Warren"}),
    ("quote-continues-after-attribution",
     "“We are ready to fight,” Elizabeth Warren said. “We will win every single vote.”",
     {"ready": "Elizabeth Warren", "single vote": "Elizabeth Warren"}),
    ("multi-paragraph-quote",
     "Elizabeth Warren spoke in Boston.\n"
     "“We are ready to fight for families,” Warren said. “We will not back down.\n"
     "“We will win this fight in the end, and the banks know it.”",
     {"Boston": None, "ready": "Elizabeth Warren", "back down": "Elizabeth Warren",
      "banks know": "Elizabeth Warren"}),
    ("quote-then-other-speaker",
     "“Taxes must rise for the richest,” Elizabeth Warren said. Mitch McConnell disagreed, "
     "saying taxes must fall for everyone.",
     {"rise": "Elizabeth Warren", "disagreed": "Mitch McConnell"}),
    ("quote-then-reporter",
     "“Taxes must rise for the richest,” Elizabeth Warren said. The bill passed the Senate on "
     "Friday.",
     {"rise": "Elizabeth Warren", "passed": None}),
    ("quote-then-reporter-paragraph",
     "“Taxes must rise for the richest,” Elizabeth Warren said.\n"
     "The bill passed the Senate on Friday by a wide margin.",
     {"rise": "Elizabeth Warren", "passed": None}),
    ("nested-quote",
     "“He told me ‘we will never surrender’ and I believed him,” Elizabeth Warren said.",
     {"surrender": "Elizabeth Warren"}),
    ("paragraph-other-speaker",
     "“Taxes must rise for the richest,” Elizabeth Warren said.\n"
     "Mitch McConnell disagreed. “Taxes must fall for every family,” he said.",
     {"rise": "Elizabeth Warren", "fall": "Mitch McConnell"}),
    # headlines
    # a headline is a claim when the body names its speaker (index.attribution.articles.titles)
    ("headline-verb", "Hillary Clinton Slams Donald Trump On Abortion Ruling\nThe ruling came on "
     "Monday. Clinton said it was wrong.", {"Slams": "Hillary Clinton", "ruling came": None}),
    ("headline-says", "Bernie Sanders Says The System Is Rigged Against Workers",
     {"Rigged": "Bernie Sanders"}),
    ("headline-colon", "Elizabeth Warren: Donald Trump Is a Proven Failure in Business",
     {"Failure": "Elizabeth Warren"}),
    # resolution: surnames, pronouns, roles, organisations, countries
    ("surname",
     "Senator Elizabeth Warren spoke in Boston. “We will win this fight,” Warren said.",
     {"win": "Elizabeth Warren"}),
    ("surname-first", "Ministry spokesperson Wang Wenbin spoke on Friday. Wang added that the "
     "talks would be useful for both sides.", {"talks": "Wang Wenbin"}),
    ("pronoun-she", "Elizabeth Warren spoke in Boston on Monday. She said the plan would fail "
     "working families.", {"plan": "Elizabeth Warren"}),
    ("pronoun-she-two-people", "Donald Trump met Hillary Clinton before the debate. She said "
     "his plan would raise taxes on families.", {"plan": "Hillary Clinton"}),
    ("pronoun-he-two-people", "Hillary Clinton attacked Donald Trump on Monday. He said her "
     "plan would raise taxes on families.", {"plan": "Donald Trump"}),
    ("pronoun-he-quote", "Mitch McConnell spoke to reporters. “The bill will pass this week,” he "
     "said.", {"bill": "Mitch McConnell"}),
    ("pronoun-no-antecedent", "He said the plan would raise taxes on every family.",
     {"plan": None}),
    ("pronoun-they-unknown", "They said the plan would raise taxes on every family.",
     {"plan": None}),
    ("role-spokesperson", "Foreign Ministry spokesperson Wang Wenbin spoke on Friday. The "
     "spokesperson said the talks would be useful for both sides.", {"talks": "Wang Wenbin"}),
    # "the Vermont senator": a role with a home state or city stands for the person named
    # before it (the most salient one); with no place, or indefinite, it names no one known
    ("role-epithet-state", "Amy Hollis toured three farms in Iowa on Monday. The Minnesota "
     "senator said the farm bill would pass this year.", {"farm bill": "Amy Hollis"}),
    ("role-epithet-city", "Donald Trump held a rally in Ohio. “We need change,” the New York "
     "businessman said.", {"change": "Donald Trump"}),
    ("role-no-place", "Amy Hollis toured three farms in Iowa on Monday. The senator said the "
     "farm bill would pass this year.", {"farm bill": None}),
    ("role-epithet-newspaper", "Amy Hollis toured three farms in Iowa on Monday. The Iowa "
     "Farm Leader said the farm bill would pass this year.",
     {"farm bill": "The Iowa Farm Leader"}),
    ("role-epithet-indefinite", "Amy Hollis toured three farms in Iowa on Monday. A Minnesota "
     "senator said the farm bill would pass this year.", {"farm bill": None}),
    ("appositive-role", "Wang Wenbin, a ministry spokesperson, said the talks would be useful "
     "for both sides.", {"talks": "Wang Wenbin"}),
    ("org-noun", "China's Foreign Ministry said the visit would go ahead. The ministry said both "
     "sides would sign several deals.", {"visit": "Foreign Ministry", "deals":
                                         "Foreign Ministry"}),
    ("campaign-named", "The Clinton campaign said the report was false and misleading.",
     {"report": "Clinton campaign"}),
    ("campaign-possessive", "Donald Trump held a rally in Ohio. His campaign said the crowd was "
     "the largest one yet.", {"crowd": "Trump campaign"}),
    ("country-china", "China says it will not provide arms to either side.", {"arms": "China"}),
    ("country-beijing", "Beijing says it will not provide arms to either side.",
     {"arms": "China"}),
    ("country-washington", "Washington says the sanctions will stay in place for now.",
     {"sanctions": "United States"}),
    ("country-us", "The U.S. said the sanctions would stay in place for now.",
     {"sanctions": "United States"}),
    ("generic-critics", "Critics say the plan will raise taxes for the middle class.",
     {"plan": None}),
    ("generic-officials", "Officials said the bridge would reopen next month after repairs.",
     {"bridge": None}),
    # colon and dash attributions, wire-copy quotes, joint and indefinite speakers
    ("said-colon-next-paragraph",
     "Elizabeth Warren said:\n“The big banks must be broken up before the next crisis.”",
     {"banks": "Elizabeth Warren"}),
    ("clause-colon-quote",
     "In a Fox interview, Donald Trump went even further: “If he loses, it is the end of his "
     "career.”", {"loses": "Donald Trump"}),
    ("transcript-label", "WALLACE: Do you really see those two things as equivalent, sir?\n"
     "PENCE: Well, look, the question really should be about her campaign.",
     {"equivalent": "Wallace", "look": "Pence"}),
    ("dash-signature",
     "“Trump must stop portraying Latinos as gangsters. Most of us work hard.” ― Carla Sanchez",
     {"gangsters": "Carla Sanchez", "work hard": "Carla Sanchez"}),
    ("two-apostrophe-quotes",
     "''The key to the success of these ventures was the timing,'' Mr. Hedge said.",
     {"ventures": "Hedge"}),
    ("joint-speakers", "Chuck Grassley and Patrick Leahy said the program was riddled with "
     "fraud.", {"program": "Chuck Grassley and Patrick Leahy"}),
    ("indefinite-role", "Josh Earnest, the White House spokesman, spoke on Monday. A spokesman "
     "for the Clinton campaign said the report was false.",
     {"report": "A spokesman for the Clinton campaign"}),
    ("inverted-after-quote",
     "“If it does not have the weapons yet, it will at some point soon,” said James Acton.",
     {"weapons": "James Acton"}),
    ("reporter-subhead-colon",
     "Veto Power Impedes Peace Efforts: Eliminating war is one of the original goals.",
     {"Eliminating": None}),
    ("transcript-turn-owns-its-paragraph",
     "BAKER: Well, look, Tom Reese has been saying tough things about my party. Tom Reese "
     "knows as much about farming as I do about hockey. And I think the voters see that. "
     "Tom Reese said he would stay in the race.",
     {"farming": "Baker", "voters": "Baker", "stay": "Tom Reese"}),
    ("transcript-turn-ends-with-its-paragraph",
     "BAKER: We will cut taxes for every family in the state.\n"
     "Tom Reese knows as much about farming as I do about hockey.",
     {"taxes": "Baker", "farming": None}),
    ("according-to-parsed-as-the-root",
     "According to conservative talk radio host Dan Miles, the plan reeks of fear and "
     "desperation.",
     {"reeks": "Dan Miles"}),
    ("possessive-ends-a-coordination",
     "Miller and Dale's campaign said the plan is working.",
     {"working": "Miller and Dale"}),
    ("possessive-apposition-is-no-coordination",
     "Even Norway, Sweden's closest partner and its largest market, said it was opposed to "
     "the tariff.",
     {"opposed": "Norway"}),
    ("possessive-pronoun-conjunct-names-no-one",
     "Senator Jane Miller and her aides said the plan is working.",
     {"working": "Jane Miller"}),
    ("organisation-named-by-its-purpose",
     "The Committee to Protect Journalists said the arrests were unlawful.",
     {"unlawful": "Committee to Protect Journalists"}),
    ("purpose-name-stops-at-its-parenthesis",
     "More than 5,000 parents marched, according to the organizer Coalition to Save Our Parks "
     "(CSOP).",
     {"marched": "Coalition to Save Our Parks"}),
    ("surname-means-the-namesake-who-spoke",
     "Sen. Tom Reyes is endorsing the governor.\n"
     "Reyes said he has had disagreements with the governor.\n"
     "The governor retweeted an unflattering image of Anna Reyes.\n"
     "“I am not in the habit of supporting people who attack my wife,” Reyes said in July.",
     {"disagreements": "Tom Reyes", "habit": "Tom Reyes"}),
    ("surname-means-the-latest-namesake-to-speak",
     "Sen. Tom Reyes is endorsing the governor.\n"
     "Anna Reyes said she would campaign for her husband.\n"
     "Reyes said the campaign would open offices in every county.",
     {"offices": "Anna Reyes"}),
    ("editors-note-label",
     "Governor Ray Dunn spoke in Albany on Monday.\n"
     "Editor’s note: Ray Dunn has twice vetoed the state budget.",
     {"vetoed": None}),
    ("update-label",
     "Mayor Lena Ortiz met the strikers.\nUpdate: Lena Ortiz has resigned as chair of the board.",
     {"resigned": None}),
    # abbreviated ranks are titles, kept whole by the tokenizer (a PolNeAR train form)
    ("military-rank-before-name",
     "“We were hoping to see something else,” said Air Force 1st Lt. Tyler Livingston.\n"
     "Army Sgt. Maria Lopez said the base was quiet.",
     {"hoping": "Tyler Livingston", "quiet": "Maria Lopez"}),
    # a misparsed place before a clause is no subject: the name right before the verb is
    ("name-right-before-verb-after-a-clause",
     "Tuesday in Berea, OH, after winning Ohio in the primary, Gov. John Kasich (R-OH), said, "
     "“I am getting ready to rent a covered wagon.”",
     {"covered wagon": "John Kasich"}),
    # a title-case headline's verb group is no name ("May Not Have"), which a "he" could mean:
    # he is the headline's Trump (the parser reads the body's name as no subject)
    ("title-case-headline-verb-group",
     "Trump May Not Have Suggested A Muslim Registry, But He Fully Supported One\n\n"
     "Donald Trump, who is vying to be the next president, tweeted on Friday to say he had "
     "never suggested the U.S. should use a database to track Muslims.",
     {"database": "Trump"}),
    # reporter's voice: no claim
    ("reporter-plain", "The meeting took place in a large hall in Geneva on Monday.",
     {"meeting": None}),
    ("reporter-schedule", "Mishustin's visit is scheduled for Tuesday and Wednesday.",
     {"visit": None}),
    ("reporter-what-it-calls", "China maintains what it calls “normal trade” with Russia.",
     {"trade": None}),
    ("reporter-passive", "It was reported that the factory would close next year.",
     {"factory": None}),
    # a cue form that is a noun here: "states" with its relative clause, "Part" of a thing
    # (PolNeAR train forms, sentences written here)
    ("noun-states-with-relative-clause",
     "Voters went to the polls in Ohio and Michigan, Rust Belt states that have lost many "
     "factory jobs.", {"factory jobs": None}),
    ("part-of-is-no-name",
     "Part of this “binary choice” framework involves understanding that conservative "
     "advisers have a chance to get the nominee’s ear.", {"binary choice": None}),
    # an indefinite pronoun likened to someone is no speaker, nor a name for him
    ("someone-like-a-person",
     "Tom Hale runs a sawmill in Oregon. Why, then, would someone like Mr. Hale want to buy a "
     "failing mill that its owners were trying to sell? Mr. Hale said the purchase suited his "
     "plans for the valley.",
     {"someone like": None, "purchase": "Tom Hale"}),
]

# The cases of patterns found while tuning on PolNeAR train/dev and BBC dev.
CASES += FOUND_CASES
