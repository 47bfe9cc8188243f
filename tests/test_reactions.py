"""Reactions on articles written for these tests, in several house styles (all people and places
invented). Each article has one principal newsmaker whose own words must never be a reaction."""

from __future__ import annotations

import time

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from analysis import analyze_article
from analysis.model import STANCES, Article, Reaction
from analysis.text import split_sentences
from analysis.text.words import fold

# Wire style: curly quotes, "said NAME, role", a nominal reaction in the lead, background.
SCHOOL_WEEK = Article(
    title="Norland's premier proposes a four-day school week, and the backlash is swift",
    dateline="VELSBORG",
    paragraphs=[
        "Norland Prime Minister Elena Varga said on Tuesday that state schools could move to a "
        "four-day week from next autumn, a proposal that drew sharp criticism from teachers' "
        "unions.",
        "“We have to be honest about what the budget allows,” Varga told reporters. “A shorter "
        "week is not a punishment. It is a choice.”",
        "The Parents' Federation warned that the plan would put working families at risk of "
        "losing childcare.",
        "Education Minister Piotr Lenz later sought to clarify the remarks, saying the proposal "
        "centred on secondary schools only.",
        "“Nobody is closing primary schools,” Lenz said.",
        "Finance Minister Ada Rolf defended the idea, insisting it was the only option that kept "
        "class sizes stable.",
        "Osterland, the neighbouring region, said it had no plans to follow suit.",
        "“This is a reckless gamble with children’s futures,” said Marek Dunn, leader of the "
        "opposition Green Party. “The prime minister has failed to consult anyone.”",
        "Business groups welcomed the proposal. The Chamber of Commerce praised what it called "
        "a sensible reform.",
        "“It is probably intended to force a conversation about funding rather than to be "
        "enacted as written,” said Lina Okafor, a professor of public policy at Velsborg "
        "University.",
        "Varga, who became prime minister in 2021, said she would publish a full plan next "
        "month.",
        "In 2019, the previous government was criticised by the same unions over a pay freeze.",
    ],
)
SCHOOL_WEEK_EXPECTED = [
    ("teachers", "criticises"), ("parents", "warns"), ("lenz", "clarifies"),
    ("rolf", "defends"), ("osterland", "distances"), ("dunn", "criticises"),
    ("business groups", "supports"), ("chamber of commerce", "supports"),
    ("okafor", "analyses"),
]

# British style: single quotes, Mr/Ms/Dr, "said:" before the quote, a pronoun speaker.
HARBOUR_BRIDGE = Article(
    title="Hale defends harbour bridge closure as traders count the cost",
    dateline="KINGSMERE",
    paragraphs=[
        "Councillor Tom Hale has defended his decision to close the Kingsmere harbour bridge for "
        "six months, a move that prompted anger from market traders.",
        "'We simply cannot keep a crumbling bridge open,' Mr Hale said. 'The engineers were "
        "clear, and I will not gamble with people's safety.'",
        "The Kingsmere Traders' Association said the closure would be 'a disaster' for the "
        "Saturday market and warned that several stalls could fold by Christmas.",
        "Ms Priya Shah, who chairs the association, said: 'He has shown no understanding of how "
        "small businesses survive. It is a shameful way to treat us.'",
        "A council spokesperson later explained that the closure applied only to vehicles and "
        "that pedestrians would still be able to cross.",
        "Dr Ruth Ellery, a transport researcher at Northfield University, said the decision was "
        "likely to push traffic onto the coast road. 'It may be the right engineering call, but "
        "the timing suggests nobody thought about the summer season,' she said.",
        "Bransby District Council distanced itself from the plan, saying it had not been "
        "consulted.",
        "Local MP Joan Pryce backed Mr Hale, saying the safety report left him 'no real choice'.",
        "Mr Hale, who was first elected in 2015, said he would review the closure in March.",
    ],
)
HARBOUR_BRIDGE_EXPECTED = [
    ("traders", "criticises"), ("association", "warns"), ("shah", "criticises"),
    ("spokesperson", "clarifies"), ("ellery", "analyses"), ("bransby", "distances"),
    ("pryce", "supports"),
]

# Agency style: straight quotes, "according to", "told Reuters", praise as a noun.
PILOT_STRIKE = Article(
    title="Vireo Air cancels 300 flights as pilots walk out",
    dateline="PORT ALDER",
    paragraphs=[
        "Vireo Air chief executive Marta Kinsella on Friday cancelled 300 flights after pilots "
        "began a 48-hour strike, a decision that drew praise from passenger groups for its early "
        "notice.",
        "\"We would rather tell people today than strand them at the gate tomorrow,\" Kinsella "
        "said in a video message.",
        "The Vireo Pilots Association accused management of provoking the strike to justify job "
        "cuts.",
        "Transport Minister Omar Reyes said the government would not intervene in the dispute "
        "between the airline and its pilots.",
        "Airport operators cautioned that the disruption to flights could spread to cargo "
        "services over the weekend.",
        "According to Simon Vail, an aviation analyst at Harbour Lane Capital, the early "
        "cancellation of flights was designed to limit compensation claims. \"It's a calculated "
        "move,\" he told Reuters.",
        "Kinsella later said she was \"open to mediation\" and would meet the pilots on Monday.",
    ],
)
PILOT_STRIKE_EXPECTED = [
    ("passenger groups", "supports"), ("pilots association", "criticises"),
    ("reyes", "distances"), ("operators", "warns"), ("vail", "analyses"),
]

# Local-paper feature style: present tense ("says"), colon quotes, "the minister" for a named
# person, a coordinated verb ("says … and accuses"), a negated cue ("not reckless").
FERRY_CUTS = Article(
    title="Island ferry cuts: Councillor Amara Osei says timetable cannot be saved",
    paragraphs=[
        "Councillor Amara Osei says the winter ferry timetable to Carrow Isle cannot be saved in "
        "its current form, a verdict that drew an angry response from islanders on Monday.",
        "Osei, who chairs the council's transport committee, told a public meeting: “We have run "
        "out of money and out of boats. I will not pretend otherwise.”",
        "The Carrow Residents' Trust says the cuts will leave pensioners stranded and accuses the "
        "council of ignoring its own consultation.",
        "Fisheries Minister Lars Okonjo said the government had no plans to take over the "
        "service. “Ferries are a council matter,” the minister said.",
        "Harbour master Ida Strand defended the decision, saying it was not reckless but “the "
        "only safe choice with two ageing boats”.",
        "Transport economist Felix Brandt says the council is probably right about the numbers. "
        "“Two boats that are forty years old are a cost, not a service,” he says.",
        "Osei says a revised timetable will be published in April.",
    ],
)
FERRY_CUTS_EXPECTED = [
    ("islanders", "criticises"), ("residents' trust", "criticises"), ("okonjo", "distances"),
    ("strand", "defends"), ("brandt", "analyses"),
]

# AP style with a merged organisation voice ("The association welcomed … said the
# association's chairman") and background in the last paragraphs.
FISHERIES = Article(
    title="Prime minister's hint at quitting fisheries pact rattles neighbours",
    dateline="OSLAND",
    paragraphs=[
        "Norvik Prime Minister Lena Hartvig suggested Tuesday that her country could walk away "
        "from the Northern Waters fisheries pact if quotas were cut again next year, a remark "
        "that drew a sharp rebuke from fishing nations across the region.",
        "\"We have honoured this agreement for twenty years,\" Hartvig told lawmakers. \"But no "
        "agreement is worth more than the livelihoods of our coastal towns, and nothing is off "
        "the table.\"",
        "Officials in neighbouring Drevland quickly moved to distance themselves, saying they had "
        "no intention of leaving the pact.",
        "The pact's secretary-general, Aurel Benes, warned that a Norvik exit would \"unravel two "
        "decades of conservation work.\"",
        "Norvik's fisheries minister, Jonas Eide, later sought to clarify the prime minister's "
        "comments, saying she was describing a worst case rather than announcing a policy.",
        "Greens leader Mia Solvang called the remark \"reckless and unnecessary.\"",
        "The Norvik Fishermen's Association welcomed the prime minister's stance, saying coastal "
        "communities had \"finally been heard.\"",
        "\"It's a signal that the government is prepared to defend us,\" said the association's "
        "chairman, Per Ulvik.",
        "\"Walking away probably wouldn't change much in the short term,\" said Ingrid Falk, a "
        "fisheries researcher at the University of Osland.",
        "Hartvig, who took office in 2022, said she would raise the issue at a summit in June.",
        "In 2019, a previous Norvik government was criticised by environmental groups.",
    ],
)
FISHERIES_EXPECTED = [
    ("fishing nations", "criticises"), ("drevland", "distances"), ("benes", "warns"),
    ("eide", "clarifies"), ("solvang", "criticises"), ("fishermen's association", "supports"),
    ("falk", "analyses"),
]

# Sports style: the lead opens on the principal's quote, an agent speaks after a clause about
# someone else, a board "fully backed" the principal; a surname ending in s (Ramos).
BENCHING = Article(
    title="Coach Ramos defends benching star striker before cup final",
    paragraphs=[
        "“I pick the team that gives us the best chance to win, and on Saturday that team did "
        "not include Niko,” Rovers coach Elena Ramos said after her side's 2-0 semifinal win, "
        "explaining why she left top scorer Niko Varga on the bench.",
        "The decision stunned supporters. Varga, who has scored 31 goals this season, did not "
        "comment after the match, but his agent, Marco Bellini, said in a statement that his "
        "client was \"hurt and confused.\"",
        "“Niko has carried this club all season. He deserves an explanation, not a press "
        "conference,” Bellini said.",
        "Former Rovers captain Tom Achebe criticised the coach on social media, writing that "
        "benching Varga before a final was \"a gamble nobody asked for.\"",
        "In a statement, the club's board said it fully backed Ramos and would not interfere in "
        "team selection.",
        "“It is probably a tactical message to the whole squad rather than a punishment,” said "
        "Sara Lindqvist, a former national team coach who now works as a television analyst.",
        "The Rovers Supporters' Trust warned that the row risked overshadowing the club's first "
        "final in 12 years.",
        "Ramos later said she had spoken to Varga and that he would “absolutely” be considered "
        "for the final.",
    ],
)
BENCHING_EXPECTED = [
    ("bellini", "criticises"), ("achebe", "criticises"), ("board", "supports"),
    ("lindqvist", "analyses"), ("supporters' trust", "warns"),
]

# British broadsheet style: a passive reaction in the lead ("condemned by"), "hit back",
# "Its chair, Dr X, told the BBC", an organisation named with "of".
GP_CHARGES = Article(
    title="Health secretary's plan to charge for missed GP appointments sparks row",
    paragraphs=[
        "Health Secretary Priya Nandakumar has said patients who miss GP appointments without "
        "warning could be charged £10, a proposal that was immediately condemned by doctors' "
        "leaders.",
        "Speaking on a radio programme on Sunday, Ms Nandakumar said: ‘Every missed appointment "
        "is a slot that someone else desperately needed.’",
        "The Royal College of General Practitioners said the charge would hit the poorest "
        "patients hardest. Its chair, Dr Alan Whitby, told the BBC: ‘This is a tax on the "
        "vulnerable.’",
        "Downing Street distanced itself from the idea. A spokesman for the prime minister said "
        "there were \"no current plans\" to introduce charges.",
        "The opposition's health spokeswoman, Karen Adu, hit back, saying the government was "
        "\"blaming patients for its own failures\".",
        "In response, the Department of Health said the minister's comments had been taken out "
        "of context.",
        "Ms Nandakumar, who was appointed in 2023, is expected to set out her plans next month.",
    ],
)
GP_CHARGES_EXPECTED = [
    ("doctors' leaders", "criticises"), ("royal college of general practitioners", "warns"),
    ("downing street", "distances"), ("adu", "criticises"),
    ("department of health", "clarifies"),
]

# City-hall style: reactions straight after the principal's quote, a three-letter key word
# ("zoo"), a charity whose first word could be mistaken for a name ("Animal welfare charity").
ZOO = Article(
    title="Mayor's plan to close city zoo draws fire from animal groups",
    dateline="MARLOW",
    paragraphs=[
        "Mayor Anne-Marie Leclerc announced Monday that the city-run zoo would close within two "
        "years and its animals would be moved to sanctuaries.",
        "“We love this zoo, but love doesn't pay for a new elephant house,” Leclerc said.",
        "“This is a betrayal of every family that has ever visited,” said Ngozi Okafor-Bello, "
        "who runs a volunteer group. “Nobody asked us.”",
        "The National Zoo Association warned that moving older animals could put their health "
        "at risk.",
        "City council budget chair Ray Ostrowski welcomed the decision.",
        "Animal welfare charity Safe Paws said it supported moving the animals, calling it "
        "\"long overdue.\"",
        "Leclerc's chief of staff, Dana Ruiz, later clarified that no animals would be moved "
        "before a veterinary review.",
        "\"It's probably a sign of where many city budgets are heading,\" said Professor Lina "
        "Haas, who studies municipal finance.",
    ],
)
ZOO_EXPECTED = [
    ("okafor-bello", "criticises"), ("zoo association", "warns"), ("ostrowski", "supports"),
    ("safe paws", "supports"), ("ruiz", "clarifies"), ("haas", "analyses"),
]

# Diplomatic style: a title-only actor in the lead ("the European trade commissioner"), a
# ministry "regretted" the remarks, "later said" clarifies, and two non-responses: background
# ("Last year, … criticised") and an unrelated warning (the weather service).
BORDER_CHECKS = Article(
    title="Chancellor floats border checks, prompting warnings from trading partners",
    dateline="VELDEN",
    paragraphs=[
        "Chancellor Tobias Weiland of Austrind said Wednesday that temporary border checks with "
        "three neighbouring countries were \"on the table\" after a sharp rise in smuggling, a "
        "suggestion that drew swift criticism from the European trade commissioner.",
        "\"We are not closing anything today,\" Weiland said. \"But if the numbers keep rising, "
        "we will act.\"",
        "Trade Commissioner Ilse Maren said border checks would \"break the promise at the heart "
        "of the single market\" and warned that the Commission would examine any measures.",
        "The foreign ministry of neighbouring Carvania said in a statement that it regretted the "
        "chancellor's remarks and had not been consulted.",
        "Austrind's interior minister, Felix Odenthal, later said the checks would be limited to "
        "lorries and would last no more than three months.",
        "Political scientist Jan Dvorak of Velden University said the chancellor was probably "
        "speaking to voters at home.",
        "Last year, the opposition criticised Weiland for cutting the customs budget.",
        "Separately, the national weather service warned of heavy snow in the Alps.",
        "Weiland is due to meet his Carvanian counterpart on Friday.",
    ],
)
BORDER_CHECKS_EXPECTED = [
    ("maren", "warns"), ("carvania", "criticises"), ("odenthal", "clarifies"),
    ("dvorak", "analyses"),
]

# Markets style: the principal's institution "later issued a statement" (clarifies); a
# "cautious response" takes no side; "accused … and called for" criticises.
RATES = Article(
    title="Central bank governor signals rate rise, stunning markets",
    dateline="LISMORE",
    paragraphs=[
        "The governor of the Bank of Tessaly, Miriam Achterberg, said Friday that interest rates "
        "may have to rise \"sooner than many expect,\" drawing a cautious response from the "
        "finance ministry.",
        "\"Inflation is not coming down on its own,\" Achterberg told a banking conference.",
        "Opposition leader Hana Petrescu accused the bank of \"punishing borrowers for the "
        "government's mistakes\" and called for an inquiry.",
        "\"A rise in June now looks likely,\" said Tomas Brandt, chief economist at Lismore "
        "Savings.",
        "The Tessaly Homebuilders Federation warned that a rate rise would hit first-time buyers "
        "hardest.",
        "The Bank of Tessaly later issued a statement saying the governor's remarks reflected "
        "\"no change in the policy stance.\"",
    ],
)
RATES_EXPECTED = [
    ("petrescu", "criticises"), ("brandt", "analyses"), ("homebuilders", "warns"),
    ("bank of tessaly", "clarifies"),
]

# Round-up style: two reactions in one lead ("applause from X and fury from Y"), two actors
# in one sentence ("X hailed …, while Y voiced concern …"), background at the end.
PARDONS = Article(
    title="Governor pardons 40 protesters jailed after capital riots",
    dateline="DRAVEN CITY",
    paragraphs=[
        "Governor Elias Moreno on Monday pardoned 40 people jailed for their part in last "
        "spring's riots, a decision that drew applause from civil liberties groups and fury "
        "from police unions.",
        "Moreno said the sentences had been \"wildly out of proportion.\"",
        "The Draven Police Federation slammed the pardons as \"a slap in the face for every "
        "officer who was injured.\"",
        "Civil Liberties Watch hailed the move as \"an overdue correction,\" while the state's "
        "bar association voiced concern that the pardons had bypassed the review board.",
        "Attorney General Samuel Oduya distanced his office from the decision, saying he had not "
        "been asked for advice.",
        "Last year, Moreno criticised the prosecutors who brought the cases.",
    ],
)
PARDONS_EXPECTED = [
    ("civil liberties groups", "supports"), ("police unions", "criticises"),
    ("police federation", "criticises"), ("civil liberties watch", "supports"),
    ("bar association", "warns"), ("oduya", "distances"),
]

CASES = [
    (SCHOOL_WEEK, SCHOOL_WEEK_EXPECTED, "varga"),
    (HARBOUR_BRIDGE, HARBOUR_BRIDGE_EXPECTED, "hale"),
    (PILOT_STRIKE, PILOT_STRIKE_EXPECTED, "kinsella"),
    (FERRY_CUTS, FERRY_CUTS_EXPECTED, "osei"),
    (FISHERIES, FISHERIES_EXPECTED, "hartvig"),
    (BENCHING, BENCHING_EXPECTED, "ramos"),
    (GP_CHARGES, GP_CHARGES_EXPECTED, "nandakumar"),
    (ZOO, ZOO_EXPECTED, "leclerc"),
    (BORDER_CHECKS, BORDER_CHECKS_EXPECTED, "weiland"),
    (RATES, RATES_EXPECTED, "achterberg"),
    (PARDONS, PARDONS_EXPECTED, "moreno"),
]
IDS = ["wire", "british", "agency", "feature", "ap", "sports", "broadsheet", "city-hall",
       "diplomatic", "markets", "round-up"]


def _reactions(article: Article) -> list[Reaction]:
    return analyze_article(article).reactions


def _actors(article: Article) -> list[str]:
    """Who reacts, folded for comparison."""
    return [fold(r.actor) for r in _reactions(article)]


def _matches(reactions: list[Reaction], actor_word: str, stance: str) -> bool:
    return any(actor_word in fold(r.actor) and r.stance == stance for r in reactions)


@pytest.mark.parametrize(("article", "expected", "principal"), CASES,
                         ids=IDS)
def test_every_expected_reaction_is_found(article: Article, expected: list[tuple[str, str]],
                                          principal: str) -> None:
    reactions = _reactions(article)
    missing = [(a, s) for a, s in expected if not _matches(reactions, a, s)]
    assert not missing, f"missing {missing} in {[(r.actor, r.stance) for r in reactions]}"


@pytest.mark.parametrize(("article", "expected", "principal"), CASES,
                         ids=IDS)
def test_few_extras_and_never_the_principal(article: Article, expected: list[tuple[str, str]],
                                            principal: str) -> None:
    reactions = _reactions(article)
    assert not [r for r in reactions if principal in fold(r.actor)]
    extras = [r for r in reactions
              if not any(a in fold(r.actor) and r.stance == s for a, s in expected)]
    assert len(extras) <= 1, extras


@pytest.mark.parametrize("article", [c[0] for c in CASES], ids=IDS)
def test_reaction_fields_are_well_formed(article: Article) -> None:
    for r in _reactions(article):
        assert r.stance in STANCES
        assert r.actor.strip()
        assert r.text in split_sentences(article.paragraphs[r.paragraph])


def test_background_and_the_principals_words_are_not_reactions() -> None:
    reactions = _reactions(SCHOOL_WEEK)
    texts = " ".join(r.text for r in reactions)
    assert "2019" not in texts  # background criticism from years before
    assert "publish a full plan" not in texts  # the principal's own statement
    assert "honest about what the budget allows" not in texts


def test_consecutive_sentences_of_one_actor_make_one_reaction() -> None:
    reactions = _reactions(SCHOOL_WEEK)
    assert len([r for r in reactions if "lenz" in fold(r.actor)]) == 1
    assert len([r for r in _reactions(HARBOUR_BRIDGE) if "ellery" in fold(r.actor)]) == 1


def test_a_named_person_called_by_role_stays_one_actor() -> None:
    reactions = _reactions(FERRY_CUTS)
    assert not [r for r in reactions if fold(r.actor) == "the minister"]
    assert len([r for r in reactions if "okonjo" in fold(r.actor)]) == 1


def test_a_negated_cue_does_not_set_the_stance() -> None:
    strand = [r for r in _reactions(FERRY_CUTS) if "strand" in fold(r.actor)]
    assert [r.stance for r in strand] == ["defends"]


def test_group_nouns_count_as_actors_but_sentence_openers_do_not() -> None:
    article = Article(
        title="Old town car ban approved",
        paragraphs=[
            "Mayor Ana Ruiz said on Friday that cars would be banned from the old town of "
            "Pellara, a plan that drew praise from cyclists.",
            "The car ban is probably a gamble, economists say.",
            "Shopkeepers warned that the car ban would drive customers to the retail parks.",
            "Now, critics say the car ban was rushed through without a vote.",
        ],
    )
    found = {(fold(r.actor), r.stance) for r in _reactions(article)}
    assert ("cyclists", "supports") in found
    assert ("economists", "analyses") in found
    assert ("shopkeepers", "warns") in found
    assert ("critics", "criticises") in found
    assert not [a for a, _ in found if a in ("now", "now, critics")]


def test_called_described_thanked_and_stood_by() -> None:
    article = Article(
        title="Pension age to rise to 69",
        paragraphs=[
            "Chancellor Mira Dalen announced on Wednesday that the state pension age would rise "
            "to 69, a decision that sparked protests from unions.",
            "Opposition leader Tom Reyes called the plan ‘a betrayal of a generation’.",
            "The Pensioners' Alliance described the pension move as reckless.",
            "Business leaders thanked the chancellor for “facing reality” on pensions.",
            "Finance Minister Olav Berg said he stood by the decision.",
            "A spokesperson for the chancellor said she had never said the pension age would "
            "rise for people already over 60.",
        ],
    )
    found = {(fold(r.actor), r.stance) for r in _reactions(article)}
    expected = {("unions", "criticises"), ("tom reyes", "criticises"),
                ("the pensioners' alliance", "criticises"), ("business leaders", "supports"),
                ("olav berg", "defends")}
    assert expected <= found, found
    assert any("spokesperson" in a and s == "clarifies" for a, s in found), found


def test_inverted_attribution_with_a_descriptor_before_the_name() -> None:
    article = Article(
        title="Airline cuts regional routes",
        paragraphs=[
            "Airline chief Rosa Lind said on Monday that Skyvale would drop six regional routes "
            "in the spring.",
            "“Dropping the routes is a disgrace,” said retired pilot Anna Kowal. “They have "
            "abandoned the north.”",
            "“It will hurt the hotels first,” warned tourism officer Ben Aldous.",
        ],
    )
    found = {(fold(r.actor), r.stance) for r in _reactions(article)}
    assert ("anna kowal", "criticises") in found
    assert ("ben aldous", "warns") in found


def test_the_principal_named_by_role_is_not_a_reaction() -> None:
    article = Article(
        title="Estavian president floats joint navy",
        paragraphs=[
            "Estavian President Karin Holt said on Monday that a joint navy with neighbouring "
            "states could not be ruled out, a remark that drew criticism from opposition parties.",
            "The Estavian leader warned that the sea lanes were at risk without one.",
            "“A joint navy is the only way to keep the straits open,” the president said.",
            "Defence analysts said the idea was probably years away.",
        ],
    )
    actors = _actors(article)
    assert "opposition parties" in actors and "defence analysts" in actors
    assert not [a for a in actors if "leader" in a or "president" in a or "holt" in a]


def test_a_title_that_names_one_of_a_family_by_first_name_points_at_that_one() -> None:
    article = Article(
        title="Marek Dunn calls the harbour tax 'a slow leak'",
        paragraphs=[
            "Former governor Marek Dunn on Tuesday called the harbour tax \u201ca slow leak\u201d "
            "at a rally for his daughter, Senate candidate Ilse Dunn, in Varbury.",
            "Marek Dunn, who left office in 2019, has long opposed the tax.",
            "Ilse Dunn has said she would keep the tax but cut it for small boats.",
            "Ilse Dunn later told reporters she had her own view of the tax.",
            "Ilse Dunn is ahead in the polls.",
            "Port operator Sami Reyes said the former governor was right about the leak.",
            "\u201cHe put it better than anyone in Varbury has,\u201d Reyes said.",
        ],
    )
    actors = _actors(article)
    assert "sami reyes" in actors
    assert "marek dunn" not in actors  # the principal, though his daughter is named more


def test_a_title_calling_on_someone_to_act_points_at_whom_it_calls_on() -> None:
    article = Article(
        title="Ortega calls on Lind to apologise for remark about Voss",
        paragraphs=[
            "Campaign strategist Pia Ortega on Sunday called on party chair Tomas Lind to "
            "apologise for suggesting that rival Karl Voss had faked his war record.",
            "Lind made the remark on a radio show on Friday. On Sunday Lind said he stood "
            "by every word.",
            "\u201cIt is beneath the party,\u201d Ortega said. "
            "\u201cHe should say sorry today.\u201d",
            "Voss said he would not dignify the claim with an answer.",
            "Voss also told supporters the radio show had no evidence.",
            "Voss later said the party knew his record well.",
        ],
    )
    actors = _actors(article)
    assert "pia ortega" in actors and "karl voss" in actors  # Voss, named most, answers Lind
    assert "tomas lind" not in actors


@pytest.mark.parametrize("verb", ["has hit back at", "lashed out at", "rounds on"])
def test_a_title_hitting_back_at_someone_points_at_whom_it_answers(verb: str) -> None:
    article = Article(
        title=f"Coach Ana Brandt {verb} club owner Tomas Lind over stadium sale",
        paragraphs=[
            f"Coach Ana Brandt {verb} club owner Tomas Lind over his plan to sell the stadium.",
            "\u201cHe has never kicked a ball for this club,\u201d Brandt said on Friday.",
            "Brandt said the players would not train at a ground owned by a bank.",
            "Brandt also said the sale would ruin the youth academy.",
            "Lind said on Thursday the sale was the only way to pay the club's debts.",
        ],
    )
    actors = _actors(article)
    assert "ana brandt" in actors  # named most, but she answers Lind, whose plan is the news
    assert "tomas lind" not in actors


@pytest.mark.parametrize("officials", ["Port Authority officials", "Kessel leaders"])
def test_an_organisations_own_officials_speak_as_it(officials: str) -> None:
    article = Article(
        title="Kessel Port Authority raises harbour fees",
        paragraphs=[
            "The Kessel Port Authority raised its harbour fees by a third on Monday.",
            f"{officials} said the rise in harbour fees was needed to pay for the new quay.",
            "Ferry captain Ana Brandt said the rise in harbour fees would end the winter "
            "service.",
        ],
    )
    actors = _actors(article)
    assert actors == ["ana brandt"]  # the officials announce the rise: no answer to it


def test_a_stand_also_taken_beside_the_event_is_no_reaction() -> None:
    article = Article(
        title="Harbour council votes to close the east quay",
        paragraphs=[
            "The Kessel harbour council voted on Monday to close the east quay to ferries.",
            "Ferry operator Ana Brandt said the vote would cost the island its winter service.",
            "Councillor Piet Saar has also called for a new quay on the west shore, where the "
            "water is deeper.",
        ],
    )
    actors = _actors(article)
    assert "ana brandt" in actors
    assert "piet saar" not in actors  # his own call, beside the vote


def test_a_title_endorsing_someone_makes_the_endorser_the_newsmaker() -> None:
    article = Article(
        title="Northern dockers' union endorses Hana Ruiz for mayor",
        paragraphs=[
            "The Northern Dockers Union endorsed Hana Ruiz for mayor on Monday, the first union "
            "in the port to pick a side.",
            "Hana Ruiz has promised to reopen the east quay. Hana Ruiz leads in the polls.",
            "\u201cShe is the only candidate who has walked the quays,\u201d the Northern Dockers "
            "Union said in a statement.",
            "\u201cI am proud to have the dockers behind me,\u201d Hana Ruiz told supporters.",
            "Her rival, Piet Saar, said the union had been promised a pay rise in return.",
        ],
    )
    actors = _actors(article)
    assert "hana ruiz" in actors and "piet saar" in actors
    assert not [a for a in actors if "union" in a]


def test_the_lead_sentence_states_the_event_and_is_not_a_reaction() -> None:
    article = Article(
        title="Nurses' union rejects pay offer",
        paragraphs=[
            "The nurses' union rejected the hospital group's pay offer on Friday, saying it was "
            "an insult to its members.",
            "“We will strike on Monday,” said union leader Pat Doyle.",
            "Hospital chief executive Omar Lund criticised the decision to reject the pay offer, "
            "warning that patients would suffer.",
        ],
    )
    found = {(fold(r.actor), r.stance) for r in _reactions(article)}
    assert ("omar lund", "criticises") in found
    assert not [a for a, _ in found if "union" in a or "doyle" in a]


def test_an_organisation_and_its_chairman_make_one_reaction() -> None:
    reactions = _reactions(FISHERIES)
    assert not [r for r in reactions if "ulvik" in fold(r.actor)]
    assert len([r for r in reactions if "association" in fold(r.actor)]) == 1


def test_an_officer_introduced_as_its_chair_speaks_for_the_organisation() -> None:
    assert not [r for r in _reactions(GP_CHARGES) if "whitby" in fold(r.actor)]


def test_unrelated_and_background_warnings_are_left_out() -> None:
    texts = " ".join(r.text for r in _reactions(BORDER_CHECKS))
    assert "snow" not in texts and "customs budget" not in texts


def test_responds_to_points_at_the_principals_central_quote() -> None:
    analysis = analyze_article(PILOT_STRIKE)
    ids = {q.id for q in analysis.quotes}
    for r in analysis.reactions:
        assert r.responds_to == "" or r.responds_to in ids


def test_statements_that_are_not_responses_are_left_out() -> None:
    article = Article(
        title="Coastal town opens a new library",
        paragraphs=[
            "Mayor Ilse Brandt opened the new Dunmore library on Saturday, the town's first "
            "public building in a decade.",
            "The library has 40,000 books and a rooftop reading room.",
            "The weather service said rain was expected on Sunday.",
            "Brandt said the building would open seven days a week.",
        ],
    )
    assert _reactions(article) == []


def test_no_paragraphs_and_hostile_text_give_no_reactions() -> None:
    assert _reactions(Article()) == []
    weird = Article(title="x", paragraphs=["“", "\"\"\"", "said said said.", "‘’‘’", ", said ,"])
    assert isinstance(_reactions(weird), list)


_NEWSY = st.sampled_from(
    ["said", "warned", "the", "The Kremlin", "he", "she", "“", "”", "'", '"', "according to",
     "from", "an outcry", "prompted", "Mr", "minister", "analysts say", ",", ".", "Jane Roe",
     "in 2019", "last year", "who", "and accused", "sought to distance", "(", "—", ", ,", "\x00",
     "drew an angry response from", "It", "They", "‘", "’", "Osterland, the region,",
     "many of whom say", "have been demanding", "insisted on anonymity", "''"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_NEWSY, max_size=40).map(" ".join) | st.text(max_size=200),
                max_size=8))
# The lead's speaker an organisation whose name folds to no word at all
@example(["Þ", "said said said said said said said “ and accused said said", "said The Kremlin"])
def test_any_text_never_crashes(paragraphs: list[str]) -> None:
    for r in _reactions(Article(title="t", paragraphs=paragraphs)):
        assert r.stance in STANCES and r.actor


@pytest.mark.parametrize("text", [
    " ".join(f"Jo{i} Ann{i} said, and" for i in range(3000)),
    ("X, " * 5000) + "said that " + "y " * 1000,
    " ".join(["a move that drew criticism from leaders"] * 2000),
    "The plan drew " + ", ".join(f"criticism from farmers of Dunmore{i}" for i in range(1500)),
], ids=["verbs", "commas", "nominals", "named reactions"])
def test_run_on_text_stays_fast(text: str) -> None:
    start = time.perf_counter()
    _reactions(Article(title="Run on", paragraphs=[text, text[:5000]]))
    assert time.perf_counter() - start < 2.0


def test_fast_enough() -> None:
    article = Article(title=SCHOOL_WEEK.title, paragraphs=SCHOOL_WEEK.paragraphs * 3)
    start = time.perf_counter()
    for _ in range(20):
        _reactions(article)
    assert (time.perf_counter() - start) / 20 < 0.05


def test_a_scientist_of_a_research_institution_analyses() -> None:
    analysis = analyze_article(Article(
        title="Kesra study says the island's harbour is sinking",
        paragraphs=[
            "A study by two geologists at the University of Kesra found the island's harbour "
            "had sunk four centimetres in a decade.",
            "The study was published in the journal Tides on Monday.",
            "Harbour pilots condemned the study as alarmist.",
            "Dr Ivo Brand of the Dunmore Institution for Marine Science said the harbour figures "
            "open new ways of reading old tide records.",
        ],
    ))
    assert ("Ivo Brand", "analyses") in [(r.actor, r.stance) for r in analysis.reactions]


def test_each_speaker_of_a_sentence_said_only_their_own_clause() -> None:
    analysis = analyze_article(Article(
        title="Kesra council plans a harbour toll",
        paragraphs=[
            "The Kesra council on Monday proposed a toll on every boat entering the harbour.",
            "The ferry union has indicated that joining the toll board is not on the table, "
            "but harbour pilots warned the toll would be a disaster for the island.",
        ],
    ))
    stances = {r.actor: r.stance for r in analysis.reactions}
    assert stances == {"The ferry union": "distances", "Harbour pilots": "warns"}


def test_each_signed_letter_of_a_letters_page_is_its_writers_reaction() -> None:
    analysis = analyze_article(Article(
        title="Harbour toll is a tax on islanders",
        paragraphs=[
            "LETTERS.",
            "The council's harbour toll is a disgrace. Islanders already pay for the ferry, "
            "the bridge and the quay, and now they must pay to come home.",
            "Ada Moss.",
            "Dunmore.",
            "I run a boatyard on the north shore. The toll is the right call if it pays for the "
            "dredging nobody else will fund.",
            "Piet Orlov.",
            "Kesra.",
            "POSTS.",
            "Who asked the islanders before any of this was decided?",
            "@tidewatcher_9.",
            "Ten crowns a crossing for a fishing boat. Madness.",
            "@kesra_gull.",
        ],
    ))
    actors = [r.actor for r in analysis.reactions]
    assert actors == ["Ada Moss", "Piet Orlov", "@tidewatcher_9", "@kesra_gull"]
    assert analysis.reactions[0].stance == "criticises"


def test_subheadings_after_a_section_are_no_signatures() -> None:
    analysis = analyze_article(Article(
        title="What the harbour board has done in ten years",
        paragraphs=[
            "The Kesra harbour board marks ten years on Monday with a report on its record.",
            "Harbour Fees.",
            "The board raised fees four times in ten years, more than any board on the coast, "
            "and harbour pilots have called the rises reckless.",
            "Dredging Works.",
            "Dredging has kept the channel open every winter since the board was set up, the "
            "report says, and ferry captains say the board has kept its word.",
            "Island Ferries.",
            "The ferries now run every hour.",
        ],
    ))
    actors = [r.actor for r in analysis.reactions]
    assert not [a for a in actors if a in ("Harbour Fees", "Dredging Works", "Island Ferries")]


@pytest.mark.parametrize("earlier", [
    "Another Kest TV host, Mina Hale, had previously denounced the strike in an on-air rant",
    "Several weeks ago, another Kest TV host, Mina Hale, denounced the strike in an on-air rant",
])
def test_a_stand_taken_before_the_news_is_background(earlier: str) -> None:
    analysis = analyze_article(Article(
        title="Kest TV defends its island coverage",
        paragraphs=[
            "Kest TV on Monday defended its coverage of the island ferry strike after viewers "
            "complained that it took the owners' side.",
            f"{earlier}, which the network pointed to as proof of its balance.",
            "Media critic Ola Berg said the network's coverage of the strike was one-sided.",
        ],
    ))
    actors = [r.actor for r in analysis.reactions]
    assert "Ola Berg" in actors
    assert "Mina Hale" not in actors


@pytest.mark.parametrize("said", ["Ana Brandt Says", "ferry captain Ana Brandt warns"])
def test_a_title_s_closing_attribution_names_who_reacts_not_the_newsmaker(said: str) -> None:
    article = Article(
        title=f"Harbour Plan Could Sink The Ferry Trade, {said}.",
        paragraphs=[
            "Port chief Tomas Lind on Monday unveiled a plan to close the old ferry berth and "
            "sell the quay to a hotel group.",
            "Lind said the berth had lost money for a decade. Lind told the board the sale "
            "would pay for a new marina.",
            "\u201cThis plan sinks the ferry trade,\u201d said Ana Brandt, who captains the "
            "island ferry. \u201cIt is a disgrace.\u201d",
            "Brandt said the crews would fight it. Brandt told reporters the islanders would "
            "be cut off. Brandt has run the ferry for twenty years.",
        ],
    )
    actors = _actors(article)
    assert any("brandt" in actor for actor in actors)
    assert not any("lind" in actor for actor in actors)


def test_a_physical_attack_is_no_statement() -> None:
    actors = _actors(Article(
        title="Mayor Lind vows to rebuild the harbour after the storm",
        paragraphs=[
            "Mayor Tomas Lind on Monday promised to rebuild the harbour wall within a year.",
            "Smugglers attacked the old customs post in 2019, killing two guards, and Lind "
            "said the new wall would keep the port safe.",
            "Harbour master Ada Moss said the promise was welcome but late.",
        ],
    ))
    assert "ada moss" in actors
    assert not any("smuggler" in actor for actor in actors)


@pytest.mark.parametrize("title", [
    "Ana Brandt: Lind's Harbour Sale Will Sink The Ferry Trade",
    "Ana Brandt says Lind's harbour sale will sink the ferry trade",
])
def test_a_title_s_speaker_who_opens_the_story_reacts(title: str) -> None:
    # The headline says Brandt speaks; she speaks first in the story too, and still reacts.
    article = Article(
        title=title,
        paragraphs=[
            "Ferry captain Ana Brandt told the Dunmore Gazette on Tuesday that the sale of the "
            "quay would end the island's ferry trade.",
            "\u201cThe crews will be gone within a year,\u201d said Brandt. Brandt said the "
            "islanders had not been asked.",
            "Port chief Tomas Lind announced the sale of the quay to a hotel group last week. "
            "Lind said it would pay for a marina.",
            "Brandt added that the council should stop the sale.",
        ],
    )
    actors = _actors(article)
    assert any("brandt" in actor for actor in actors)
    assert not any("lind" in actor for actor in actors)


def test_another_camp_s_strategist_is_no_ally_of_the_newsmaker() -> None:
    # Ada Moss, "Lind's former campaign strategist", attacks Voss: she criticises him; the
    # campaign she served is Lind's, not his.
    analysis = analyze_article(Article(
        title="Moss calls on Voss to apologise for remark about Lind",
        paragraphs=[
            "Ada Moss on Wednesday called on Karl Voss to apologise to Tomas Lind for accusing "
            "him of lying about the harbour accounts.",
            "\u201cThat was outrageous,\u201d Lind's former campaign strategist said on the "
            "radio. \u201cHe should take it back.\u201d",
            "Voss made the remark on Monday. Voss has not apologised.",
        ],
    ))
    moss = [r for r in analysis.reactions if "moss" in fold(r.actor)]
    assert moss and all(r.stance == "criticises" for r in moss)


def test_a_secretary_from_a_namesake_country_is_no_ally() -> None:
    # The principal is North Veldia; Ana Holt is a secretary general "from South Veldia":
    # her condemnation is criticism, not a spokeswoman's defence.
    analysis = analyze_article(Article(
        title="North Veldia tests a missile over the strait",
        paragraphs=[
            "North Veldia fired a missile over the Kessel Strait on Friday, its third test "
            "this year. North Veldia said the test was a success.",
            "Ana Holt, a diplomat from South Veldia, is the alliance's Secretary General.",
            "Secretary General Ana Holt condemned what she called a \u201cbrazen breach\u201d "
            "of the strait treaty.",
        ],
    ))
    holt = [r for r in analysis.reactions if "holt" in fold(r.actor)]
    assert holt and holt[0].stance == "criticises"


@pytest.mark.parametrize("title", [
    "Judge rejects ferry company's bid to keep port contract secret",
    "Harbour panel votes to fine ferry company over missed sailings",
])
def test_a_headline_naming_the_newsmaker_by_role_points_at_the_role_holder(title: str) -> None:
    # The ferry company and its chief are named most, but the headline's judge (a justice)
    # or panel (its chairman) acted; the company answers.
    actors = _actors(Article(
        title=title,
        paragraphs=[
            "Justice Ada Moss, who chairs the harbour panel, ruled on Monday against the "
            "Kessel Ferry Company and its chief executive, Tomas Lind.",
            "Lind said the company would appeal. Lind said the ruling was unfair to islanders. "
            "Lind told the Gazette the company had done nothing wrong.",
            "Lind added that the ferries would keep sailing. Lind's lawyer said the ruling was "
            "\u201cdeeply flawed.\u201d",
            "Panel member Karl Voss, panel's ranking member, said the vote was fair.",
        ],
    ))
    assert "tomas lind" in actors
    assert not any("moss" in actor for actor in actors)


def test_a_headline_speaker_called_by_title_who_speaks_of_another_reacts() -> None:
    # "Retired admiral reveals …" is Admiral Ivo Brand telling of President Hale's years: Hale
    # is the newsmaker, Brand reacts, though the story opens with Brand.
    actors = _actors(Article(
        title="Retired admiral reveals 'demoralising' years serving under Hale",
        paragraphs=[
            "Retired Osterland Navy Admiral Ivo Brand is speaking out about the problems he has "
            "with the current commander in chief.",
            "Brand told a radio host that serving under President Tom Hale was "
            "\u201cdemoralising\u201d for the fleet. Brand said morale had never been lower. "
            "Brand added that cuts had left ships idle.",
            "Hale has defended the cuts. President Hale said the navy was ready. Hale's office "
            "said the fleet was the best funded in years.",
            "Hale said the cuts were needed to balance the budget.",
        ],
    ))
    assert "ivo brand" in actors
    assert not any("hale" in actor for actor in actors)
