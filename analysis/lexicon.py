"""The engine's word lists, in one place: speech and statement verbs, titles, honorifics,
nationalities, nouns for people and organisations that speak, pronouns, words capitalised only
for their position. Plain data (and the inflection of verb lemmas); the stances' own verbs,
nouns and cue words are in the stance registry (`analysis.stances`)."""

from __future__ import annotations

import re

# Lemmas of verbs that introduce or attribute speech; inflections are generated below.
_SPEECH_LEMMAS = """
say tell add warn insist write ask explain note argue tweet state declare continue recall
acknowledge admit announce answer assert boast caution charge claim comment complain concede
conclude confirm contend counter cry describe deny emphasize emphasise estimate exclaim
joke lament maintain mention muse observe offer opine plead point predict proclaim promise
protest question quip reason recount reflect remark repeat reply report respond retort reveal
scoff scream shout sigh speculate stress suggest summarize testify thunder vow whisper wonder
yell blast slam accuse agree allege call concur criticize criticise demand disagree dismiss
echo urge threaten tout praise hail liken label brand dub mock pledge fume gush rail
""".split()

_IRREGULAR = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "cry": ("cry", "cries", "cried", "crying"),
    "reply": ("reply", "replies", "replied", "replying"),
    "testify": ("testify", "testifies", "testified", "testifying"),
    "deny": ("deny", "denies", "denied", "denying"),
    "speak": ("speak", "speaks", "spoke", "speaking"),
}


def inflect(lemma: str) -> tuple[str, ...]:
    """The forms of a verb lemma: base, third person, past, gerund ("argue" -> "argues",
    "argued", "arguing"; "slam" -> "slammed"; "label" -> "labeled" and "labelled")."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("ee"):
        return (lemma, lemma + "s", lemma + "d", lemma + "ing")
    if lemma.endswith("e"):
        return (lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith(("sh", "ch", "ss", "x")):
        return (lemma, lemma + "es", lemma + "ed", lemma + "ing")
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return (lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    if _DOUBLES.match(lemma) and (len(_VOWEL_GROUPS.findall(lemma)) == 1
                                  or lemma in _STRESSED_LAST):
        stem = lemma + lemma[-1]
        return (lemma, lemma + "s", stem + "ed", stem + "ing")
    if _BRITISH_DOUBLES.match(lemma):  # "labeled" in American, "labelled" in British copy
        return (lemma, lemma + "s", lemma + "ed", lemma + "ing", lemma + "led", lemma + "ling")
    return (lemma, lemma + "s", lemma + "ed", lemma + "ing")


# A final consonant after a single vowel doubles before -ed and -ing ("slam", "quip"), in one
# syllable or a stressed last one ("admit"); "w", "x" and "y" never do.
_DOUBLES = re.compile(r".*(?:^|[^aeiou]|qu)[aeiou][b-df-hj-np-tvz]$")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# A final "l" after a single vowel doubles in British spelling whatever the stress ("label").
_BRITISH_DOUBLES = re.compile(r".*[^aeiou][aeiou]l$")
_STRESSED_LAST = frozenset(
    "admit commit regret rebut refer prefer omit submit permit equip compel repel control "
    "confer defer deter abet".split())


SPEECH_VERBS: frozenset[str] = frozenset(
    form for lemma in _SPEECH_LEMMAS for form in inflect(lemma)
) | frozenset(("spoke", "speaks", "speaking", "wrote", "quoted", "put it", "posted"))

# The bare forms, which are nouns as often as verbs ("a Hale tweet", "the Kremlin answer").
SPEECH_LEMMAS: frozenset[str] = frozenset(_SPEECH_LEMMAS)

# The past forms, which report speech and never name it ("warned", "said").
PAST_SPEECH_FORMS: frozenset[str] = frozenset(
    w for w in SPEECH_VERBS if w.endswith("ed")) | frozenset("said told wrote spoke".split())

# Verbs that source a fact rather than state a view ("according to X", "X reported"): the
# source is neither a quote's speaker where the sentence names one nor a reacting actor.
SOURCING_VERBS: frozenset[str] = frozenset(("according to", "reported", "reports"))

# The auxiliary verbs: "has copied", "will say".
AUXILIARY_VERBS: frozenset[str] = frozenset(
    "is was are were has have had will would shall can could should may might must do does did"
    .split())
# Words between a subject and its verb that do not change the subject: "he also said" (not
# "can": "he can be seen smiling" is no statement of his).
AUXILIARIES: frozenset[str] = AUXILIARY_VERBS - {"can"} | frozenset("""
also later then further previously recently once often repeatedly publicly privately again
even still quickly simply just reportedly never always once first initially earlier
subsequently separately already however flatly angrily bluntly
""".split())

HONORIFICS: frozenset[str] = frozenset(
    "mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady mme mme. m.".split()
)

# Titles that can precede a name ("Senator Lamar Alexander", "Sen. Ted Cruz").
TITLE_WORDS: frozenset[str] = frozenset("""
president vice prime minister secretary senator sen. sen rep. rep representative gov. gov
governor mayor judge justice chancellor king queen prince princess pope ambassador general
gen. gen lt. lt col. col colonel sgt. sgt sergeant capt. capt captain cmdr. commander adm.
adm admiral maj. maj major chief chairman chairwoman chair director speaker leader officer
attorney commissioner superintendent sheriff deputy assistant acting former foreign defense
defence interior finance economy justice health state treasury trade labor labour education
energy home foreign-affairs press spokesman spokeswoman spokesperson coach professor
archbishop bishop cardinal reverend rev. rev rabbi imam sheikh emir sultan premier minority
majority whip house senate congressman congresswoman councilman councilwoman councillor
councilor lawmaker executive ceo founder co-founder candidate nominee first lady
vice-president secretary-general director-general attorney-general inspector-general
surgeon-general u.s. us federal district special envoy retired ret. ret gop democratic
republican democrat libertarian independent party campaign manager communications adviser
advisor aide analyst
lt.-gen. lt.-gen general-secretary del. del delegate opposition national security homeland counsel
mp mep mla msp magistrate coroner detective constable inspector prosecutor
""".split())

NATIONALITIES: frozenset[str] = frozenset("""
american british english french german italian spanish russian chinese japanese korean
indian pakistani ukrainian polish dutch belgian swiss austrian swedish norwegian danish
finnish irish scottish welsh canadian mexican brazilian argentine australian israeli
palestinian iranian iraqi syrian turkish egyptian saudi greek portuguese hungarian czech
romanian bulgarian serbian croatian european african asian arab latvian lithuanian estonian
belarusian georgian armenian nigerian kenyan
""".split())

# Nominal heads that denote a person who can speak: "the diplomat said".
PERSON_NOUNS: frozenset[str] = frozenset("""
diplomat spokesman spokeswoman spokesperson official officials researcher researchers
analyst analysts expert experts professor scientist economist lawyer attorney minister
president senator governor mayor leader chief chairman chairwoman director executive
source sources aide aides adviser advisers advisor advisors candidate nominee businessman
businesswoman man woman officer officers detective investigator investigators prosecutor
prosecutors judge historian author writer reporter journalist editor columnist activist
campaigner critic critics supporter supporters voter voters resident residents witness
witnesses worker workers employee employees member members lawmaker lawmakers legislator
secretary ambassador envoy general commander soldier doctor physician nurse teacher student
pastor priest bishop pope coach player manager owner founder ceo strategist pollster
consultant organizer organiser representative congressman congresswoman speaker veteran
mother father wife husband son daughter sister brother friend neighbor neighbour victim
survivor questioner scholar observer observers commentator host anchor moderator
insider insiders operative operatives staffer staffers negotiator negotiators chancellor
premier king queen prince monarch regulator regulators economist economists democrat
republican conservative liberal progressive independent libertarian protester protesters fan
fans niece nephew cousin aunt uncle grandmother grandfather grandson granddaughter widow widower
partner girlfriend boyfriend fiance fiancee colleague classmate roommate owner parent parents
child children teenager pensioner retiree patient customer shopper tourist visitor passenger
driver pilot farmer fisherman miner engineer nurse lecturer academic adviser consultant
predecessor successor agent publicist respondent respondents surrogate
trader shopkeeper citizen homeowner landlord tenant employer retailer merchant vendor investor
banker dealer rancher grower buyer seller builder contractor pundit blogger publisher juror
star defender forward midfielder playmaker goalkeeper winger boss skipper singer actor actress
rapper presenter comedian chef referee umpire golfer batsman bowler jockey boxer promoter
fighter trainer footballer cricketer novelist poet playwright designer photographer artist
musician dancer broadcaster model schoolboy schoolgirl youngster toddler
rider sprinter swimmer commenter follower poster tweeter vlogger influencer user users
lobbyist donor volunteer demonstrator marcher striker delegate councillor councilman alderman
commissioner challenger incumbent rival opponent ally backer viewer listener reader subscriber
consumer client commuter cyclist pedestrian sailor firefighter paramedic surgeon pharmacist
therapist psychologist psychiatrist educator pupil athlete taxpayer motorist landowner
entrepreneur shareholder unionist mediator inspector auditor accountant treasurer clergyman imam
rabbi cleric worshipper parishioner villager islander refugee migrant immigrant settler dissident
defector insurgent rebel militant gunman attacker suspect defendant plaintiff petitioner claimant
prisoner inmate detainee hostage relative

""".split())

# Heads of what an organisation publishes, which speaks for it in a quote ("the report said")
# but reacts to nothing itself: the organisation does.
DOCUMENT_NOUNS: frozenset[str] = frozenset("""
statement report study survey poll article editorial memo letter video advertisement email
document filing lawsuit complaint indictment footage photo picture image clip recording
""".split())

# Heads of organisation nouns: "the ministry said", "the operators' association".
ORG_NOUNS: frozenset[str] = frozenset("""
ministry department agency association union committee commission council company
panel subcommittee government administration campaign party office kremlin pentagon
police court army
military navy group firm bank board authority authorities organisation organization
institute foundation university newspaper network bureau service services embassy
federation league guild coalition alliance cabinet parliament congress senate house team club
corporation airline operator operators regime state-run spokesoffice white-house
secretariat directorate prosecutor's council's
center centre college school hospital fund trust chamber conference
""".split()) | DOCUMENT_NOUNS

# Nouns for a body, not a document: one that right before a name ("the newspaper Kathmandu
# Today") or heading its appositive ("Russia Today, the global satellite network …") makes
# the name an organisation's, however it reads. The outlets are not speaking heads of their own;
# an operator is a person's job as often ("Lane, the school's print shop operator").
BODY_NOUNS: frozenset[str] = ORG_NOUNS - DOCUMENT_NOUNS - {"operator", "operators"} | frozenset(
    "paper charity channel broadcaster magazine website station".split())

# Words in a capitalised sequence that make it an organisation rather than a person.
ORG_NAME_WORDS: frozenset[str] = frozenset("""
ministry department agency association union committee commission council company
government administration campaign party office kremlin pentagon police court army navy
group firm bank board authority institute foundation university college school news
times post journal network bureau service embassy federation league coalition alliance
cabinet parliament congress senate house club corporation corp inc co ltd llc airlines
airline center centre nato un eu fbi cia nsa epa imf who reuters ap press associated
party's tribune herald gazette magazine daily telegraph guardian review organization
organisation fund trust society church hospital assembly parliament watch institute's
energy motors holdings partners capital systems technologies labs media industries airways
petroleum oil pharmaceuticals insurance solutions networks communications entertainment
studios brands foods exchange financial securities ventures enterprises aerospace electric
chemicals caucus project initiative forum clinic museum library institution academy
laboratory observatory channel broadcasting radio television lines state coal mining
railways railroad shipping logistics software utilities
""".split())


# Capitalised words that start sentences without being names.
COMMON_CAPITALISED: frozenset[str] = frozenset("""
the a an in on at for to of and but or yet so if when while as after before since during
though although because this that these those there here it its his her their our my your
we they he she i you what which who whom whose where why how one some many most more few
all both each every no not none nothing everything something anything another other such
than then now today yesterday tomorrow monday tuesday wednesday thursday friday saturday
sunday january february march april may june july august september october november
december also still even just only despite meanwhile however instead asked with without
by from into over under about against between among through like unlike speaking says said
according under until unless whether earlier later last next first second third already
is was are were be been being has have had do does did will would can could should must
mr mrs ms dr sir
me somebody someone nobody everyone everybody anyone anybody apart ahead away quite nowadays
reality indeed perhaps maybe certainly clearly obviously plainly sadly fortunately unfortunately
finally eventually recently currently previously ultimately overall overnight otherwise thus
hence therefore moreover furthermore besides anyway nevertheless nonetheless regardless rather
almost always never often sometimes usually again once twice soon back down up out off just
very much less least well fine sure okay ok yes please thanks thank sorry hey hello oh ah wow
scroll makes make see look watch read click follow share get let keep take give tell ask find
go come try sources source fans
seconds minutes hours days nights weeks months years decades moments mornings evenings
""".split())

MONTHS: frozenset[str] = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

# Words before a quoted term that make it a name or a term, not speech.
TERM_MARKERS: frozenset[str] = frozenset("""
so-called dubbed nicknamed nickname titled entitled named term slogan hashtag
motto headline label known film movie book novel song album show series program programme
play poem documentary episode article column podcast opera musical painting tv anthem hymn
memoir ballad tune hit record single track remix
""".split())

# The small words a title keeps in lower case ("Salt in the Ropes").
TITLE_SMALL_WORDS: frozenset[str] = frozenset(
    "a an the of and or in on at to for with by from".split())

# Capitalised adjectives that are never a speaker's name on their own.
ADJECTIVES: frozenset[str] = frozenset("""
democratic republican libertarian conservative liberal progressive gop federal national
democrat democrats republicans independent independents conservatives liberals progressives
presidential congressional military local regional international global western eastern
northern southern islamic christian jewish muslim catholic black white latino hispanic
asian stronger new old
one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred thousand million billion dozens hundreds thousands millions
""".split())

# Verbs of opinion and finding that report a statement as speech verbs do ("Some believe …",
# "the Tax Foundation estimates …", "research found …").
OPINION_LEMMAS = """
believe think fear worry feel doubt hope expect reckon consider regard view find conclude
estimate calculate project forecast report reveal show indicate agree acknowledge express voice
see
""".split()
_IRREGULAR.update({
    "think": ("think", "thinks", "thought", "thinking"),
    "feel": ("feel", "feels", "felt", "feeling"),
    "find": ("find", "finds", "found", "finding"),
    "see": ("see", "sees", "saw", "seen", "seeing"),
    "show": ("show", "shows", "showed", "shown", "showing"),
    "forecast": ("forecast", "forecasts", "forecasting"),
})
OPINION_VERBS: frozenset[str] = frozenset(
    form for lemma in OPINION_LEMMAS for form in inflect(lemma))

# Heads of phrases naming people in the plural or as a group that make statements:
# "top black lawmakers said", "Experts on North Korea said", "his aides say".
GROUP_NOUNS: frozenset[str] = frozenset("""
officials analysts experts critics lawmakers legislators residents workers observers economists
activists campaigners members allies officers representatives sources negotiators employers
executives directors professors researchers scholars historians commentators candidates senators
investors traders farmers owners opponents rivals neighbours neighbors partners people voters
teachers parents students doctors nurses prosecutors lawyers organisers organizers fans players
managers spokespeople aides advisers advisors insiders colleagues counterparts strategists
pollsters bankers supporters backers proponents advocates sceptics skeptics detractors locals
villagers islanders citizens taxpayers pensioners families consumers customers passengers
commuters drivers patients protesters demonstrators strikers shopkeepers merchants democrats
republicans conservatives liberals progressives leaders diplomats ministers governments groups
unions parties countries nations states authorities regulators companies firms businesses banks
developers objectors relatives victims survivors veterans immigrants refugees donors delegates
""".split())

# Endings of plural nouns for people that no list can hold: shopkeepers, cyclists, commuters.
PEOPLE_PLURALS = ("ers", "ists", "ians", "ents", "ors", "ees")

# Quantifiers that stand for a group of speakers by themselves: "Some believe …".
GROUP_PRONOUNS: frozenset[str] = frozenset("some others many several few most".split())

# Numbers in words: a phrase opening with one counts or measures ("Sixty-two percent of …").
NUMBER_WORDS: frozenset[str] = frozenset("""
one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred thousand million billion dozens hundreds thousands millions
""".split())

# Countries by their common one-word names: they speak through their governments ("Russia
# insisted", "Japan branded …"), where a lone place name is otherwise no speaker.
COUNTRIES: frozenset[str] = frozenset("""
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
botswana brazil brunei bulgaria burkina burma burundi cambodia cameroon canada chad chile
china colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador
egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana
greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran
iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait
kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova
monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands
nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay peru
philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles
singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan
tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine
uruguay uzbekistan vanuatu vatican venezuela vietnam yemen zambia zimbabwe britain
""".split())

# Verbs whose present plural reports what a group says or thinks ("critics say", "experts
# warn", "some believe"): their base form is a reporting verb too.
PRESENT_REPORTERS: frozenset[str] = frozenset("""
say tell argue warn believe think fear worry insist agree disagree contend predict expect
doubt suggest note maintain acknowledge complain accuse criticize criticise urge call describe
see
""".split())

# Particles inside names: "Bill de Blasio", "Ursula von der Leyen".
NAME_PARTICLES: tuple[str, ...] = tuple(
    "de da di du van von der den del della bin ibn al le la dos das".split())

# Words that open a subordinate clause: "after it backed Clinton", "which critics say".
SUBORDINATORS: frozenset[str] = frozenset(
    "after before when whenever because since although though if unless while until once as "
    "that which who whom whose where".split())

# Words that open a noun phrase before its noun: articles, demonstratives and possessives, and
# the quantifiers.
ARTICLES_AND_POSSESSIVES: frozenset[str] = frozenset(
    "the a an this that these those his her its their our".split())
DETERMINERS: frozenset[str] = ARTICLES_AND_POSSESSIVES | frozenset(
    "another one some several two three many other".split())

# Honorifics that tell a person's gender.
FEMALE_HONORIFICS: frozenset[str] = frozenset(
    "mrs. mrs ms. ms miss dame lady mme. mme madam".split())
MALE_HONORIFICS: frozenset[str] = frozenset("mr. mr sir lord".split())
# First words of place names, never of a person's: "San Jose", "Fort Worth"; and the places
# "New" opens (not "The New Yorker" or "The New Republic", which publish).
PLACE_NAME_STARTS: frozenset[str] = frozenset("san santa los las fort mount port lake".split())
NEW_PLACES: frozenset[str] = frozenset(
    "york jersey mexico hampshire orleans zealand delhi england haven brunswick wales".split())
# Last words of place names, never of a person's or a speaking body's: "Bay Area", "Silicon
# Valley", "Long Island", "Emirates Stadium" (not "Airport" or "Street": "Heathrow Airport",
# "Downing Street" speak for those who run them).
PLACE_NAME_ENDS: frozenset[str] = frozenset("""valley area coast beach peninsula mountains
desert river canyon island islands stadium road square bridge""".split())
# Nouns that say whether the one they describe is a man or a woman: "a spokeswoman … he" are two.
MALE_NOUNS: frozenset[str] = frozenset("""man boy father dad son husband brother uncle nephew
grandfather grandson boyfriend widower gentleman spokesman chairman businessman congressman
policeman fireman fisherman sportsman king prince""".split())
FEMALE_NOUNS: frozenset[str] = frozenset("""woman girl mother mum mom daughter wife sister aunt
niece grandmother granddaughter girlfriend widow lady spokeswoman chairwoman businesswoman
congresswoman policewoman actress waitress queen princess""".split())

# Abbreviated titles and their words ("Sen." is a senator; a role is shown spelt out).
TITLE_ABBREVIATIONS: dict[str, str] = {
    "Sen.": "Senator", "Rep.": "Representative", "Gov.": "Governor", "Gen.": "General",
    "Lt.": "Lieutenant", "Del.": "Delegate", "Prof.": "Professor", "Sgt.": "Sergeant",
    "Capt.": "Captain", "Col.": "Colonel", "Adm.": "Admiral", "Maj.": "Major",
    "Supt.": "Superintendent", "Cmdr.": "Commander", "Lt.-Gen.": "Lieutenant-General",
}

# What a description's head can stand for in someone's role: "the senator" is the person
# titled "Sen."; "the Ohio Democrat" the person tagged "D-Ohio".
ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "senator": ("senator", "sen.", "sen"),
    "congressman": ("congressman", "rep.", "rep", "representative"),
    "congresswoman": ("congresswoman", "rep.", "rep", "representative"),
    "governor": ("governor", "gov.", "gov"),
    "general": ("general", "gen.", "gen"),
    "professor": ("professor", "prof.", "prof"),
    "president": ("president",),
    "judge": ("judge", "justice"),
    "democrat": ("democrat", "democratic", "d"),
    "republican": ("republican", "r", "gop"),
}

# Words in a name or role that make the actor an analyst of the event rather than a side.
EXPERT_WORDS: frozenset[str] = frozenset("""
professor analyst analysts expert experts economist economists researcher researchers scholar
scholars historian fellow institute center centre foundation university strategist pollster
observer observers commentator think tank scientist lecturer academic study survey report
research office institution
""".split())
# Those whose job is to speak for someone.
SPOKESPEOPLE: frozenset[str] = frozenset("spokesman spokeswoman spokesperson".split())
# Words in a role that make the actor speak for someone else.
SPOKESPERSON_WORDS: frozenset[str] = SPOKESPEOPLE | frozenset("""
press secretary aide aides adviser advisers advisor advisors campaign surrogate daughter son
wife husband lawyer attorney chief of staff manager""".split())
# Officers who lead an organisation and speak for it: "its chair", "the association's head".
LEADER_NOUNS: frozenset[str] = frozenset("""chair chairman chairwoman president head director
leader chief secretary-general""".split())
# Officers who speak for an organisation: its leaders and its spokespeople.
OFFICER_NOUNS: frozenset[str] = LEADER_NOUNS | SPOKESPEOPLE
# Nouns for places that speak through their governments ("the neighbouring region").
PLACE_NOUNS: frozenset[str] = frozenset(
    "country nation region state province city republic kingdom".split())
# Last words of the names of streets and buildings, which speak for who works there.
PLACE_ENDINGS: frozenset[str] = frozenset(
    "street road avenue square place hall house palace court lane".split())

# Words too common to carry a sentence's content (function words, and in news "said").
STOPWORDS: frozenset[str] = frozenset("""
a an the and or but if of to in on at by for with from as is are was were be been being
has have had do does did it its this that these those he she they we you i his her their
our your my me him them us who whom which what when where why how not no so than then there
here also just about into over after before under up down out more most very can could
would should will may might must said says say told one two new last first year years
""".split())
# Words too common in news to tie a statement to one event (function words among them).
NEWS_WORDS: frozenset[str] = frozenset("""
that this with from have has had been being were will would could should their there they
them then than what when where which while about after before over under into also only just
more most some such said says saying week weeks month year years today monday tuesday
wednesday thursday friday saturday sunday other others time times made make makes last first
second next many much very well even still back since because these those here people new
news told tells say the and for but not was are his her its our you who why how all any can
may out off two one six ten per via yet now set get put see own few far big day ago did does
got let lot use way
""".split())
