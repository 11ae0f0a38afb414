"""The hand-written attribution cases of tests/test_attribution.py: who said what, by pattern.

Each case: a name, an article (lines are paragraphs) and, per sentence picked by a substring,
the speaker expected; None means no claim, or a claim whose speaker is None.
"""

from __future__ import annotations

CASES: list[tuple[str, str, dict[str, str | None]]] = [
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
    ("headline-verb", "Hillary Clinton Slams Donald Trump On Abortion Ruling\nThe ruling came on "
     "Monday.", {"Slams": "Hillary Clinton", "ruling came": None}),
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
    # reporter's voice: no claim
    ("reporter-plain", "The meeting took place in a large hall in Geneva on Monday.",
     {"meeting": None}),
    ("reporter-schedule", "Mishustin's visit is scheduled for Tuesday and Wednesday.",
     {"visit": None}),
    ("reporter-what-it-calls", "China maintains what it calls “normal trade” with Russia.",
     {"trade": None}),
    ("reporter-passive", "It was reported that the factory would close next year.",
     {"factory": None}),
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
    ("delegate-title", "“It wastes time,” said Del. Stacey Plaskett of the Virgin Islands.",
     {"wastes": "Stacey Plaskett"}),
    ("reporter-then-quote-elsewhere",
     "The Senate voted on Tuesday. “This is a great day for workers,” Bernie Sanders said. "
     "The House will vote next week.",
     {"voted": None, "great day": "Bernie Sanders", "House": None}),
    # a speaker that resolves to no one yields to another attribution of the sentence
    ("unresolved-yields-to-named",
     "Some 60 percent of voters said they trust the governor, according to a Gallup poll "
     "released on Monday.",
     {"percent": "a Gallup poll"}),
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
     {"Marist": "A Marist College poll"}),
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
]
