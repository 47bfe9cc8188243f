"""Who speaks in reported speech (people.reported): the subject of the statement verb, not a
speaker inside what it reports; the speaker after an inverted verb; a quote mark left beside
an archive quote does not hide the speaker after the verb. Articles written for these tests;
people and places invented."""

from __future__ import annotations

import pytest

from analysis import analyze, analyze_article
from analysis.model import Article
from analysis.people.reported import reported_speakers
from analysis.reactions.statements import statement_verbs
from analysis.stances import reaction_nouns


def _speakers(sentence: str) -> list[tuple[str, str]]:
    return [(r.phrase.text, r.verb) for r in
            reported_speakers(sentence, statement_verbs(), reaction_nouns())]


@pytest.mark.parametrize(("sentence", "expected"), [
    # The subject stops at the first verb of speaking; what it reports adds no speaker.
    ("Local councillors said residents had warned for years that the wall was too low.",
     [("Local councillors", "said")]),
    ("Harbour workers say the new cranes are unsafe.", [("Harbour workers", "say")]),
    # A name and its role inside a subordinate clause: the name speaks, not the role.
    ("The charity reported the cafe after Ivo Brand, its marketing manager, boasted that it "
     "sold the soup.", [("Ivo Brand", "boasted")]),
    ("The board acted when Rhea Sand, a harbour pilot, warned that the quay was unsafe.",
     [("Rhea Sand", "warned")]),
    # One whom an event moves to speak: the object of "prompted", "led".
    ("The closure prompted Mayor Ivo Brand to warn that the port would lose its ferries.",
     [("Ivo Brand", "warn")]),
    ("All this has led the harbour pilot Rhea Sand to fear for her job.",
     [("Rhea Sand", "fear")]),
    # An inverted verb: the speaker after it.
    ("The cuts will hurt the islands, said Rhea Sand, the harbour master.",
     [("Rhea Sand", "said")]),
    # "according to", a passive agent, a reaction named as a noun.
    ("The bridge will close in May, according to the Kingsmere Traders' Association.",
     [("Kingsmere Traders' Association", "according to")]),
    ("The plan was condemned by opposition councillors.",
     [("opposition councillors", "condemned")]),
    ("The harbour master has been called a liar by the dockers.",
     [("the dockers", "called")]),
    ("The plan was branded \u201ca disgrace\u201d by market traders.",
     [("market traders", "branded")]),
    ("The closure drew fierce criticism from market traders.",
     [("market traders", "criticism")]),
    # A second clause of its own has its own speaker.
    ("The mayor praised the plan, while the ferry union warned of delays.",
     [("mayor", "praised"), ("the ferry union", "warned")]),
    # After an appositive and an auxiliary, the name after the verb is its object, not an
    # inverted speaker; examples set off after the subject are not the subject.
    ("Other ferry unions, including the Dock Guild and the NFU, have also endorsed Hana Ruiz "
     "in the race.", [("Other ferry unions", "endorsed")]),
    ("The harbour will close in May, said Rhea Sand.", [("Rhea Sand", "said")]),
    # A base form after one named person is no statement of theirs ("help X maintain"); after
    # two named people, or an auxiliary, it is.
    ("The new rules help Mr. Hale maintain the fiction that the port is busy.", []),
    ("Rhea Sand and Tom Ardle argue the ferry plan is a giveaway.",
     [("Rhea Sand", "argue"), ("Tom Ardle", "argue")]),
    # Two named subjects of one verb both speak, a plural title before them names neither; an
    # organisation whose name holds "and" is one.
    ("Councillors Ann Cole and Tom Ardle called the ferry plan a giveaway.",
     [("Ann Cole", "called"), ("Tom Ardle", "called")]),
    ("The Department of Harbours and Ferries said the plan was sound.",
     [("Department of Harbours and Ferries", "said")]),
    # A person "of" an organisation whose name goes on ("for", "of"), and a place with its
    # state after it, are one speaker: the state is no one.
    # The subject of a relative clause says what it holds.
    ("The levy, which critics say is a tax on jobs, passed on Monday.", [("critics", "say")]),
    ("It is a levy which harbour pilots say will drive trade away.",
     [("harbour pilots", "say")]),
    ("Ann Cole of the Institute for Harbour Studies said the plan was sound.",
     [("Ann Cole", "said")]),
    ("Mayor Ann Cole of Dunmore, Pa., said the plan was sound.", [("Ann Cole", "said")]),
    ("Ann Cole of the Kent Trust in Dunmore, PA said the plan was sound.",
     [("Ann Cole", "said")]),
    ("Rhea Sand will argue the ferry plan is a giveaway.", [("Rhea Sand", "argue")]),
    # Where it was said, set off before the named speaker, is no speaker, even when its name
    # holds an "and": the person after the comma speaks.
    ("In an accompanying Tide and Harbour article for the Gazette, Dr Ann Cole of the Kent "
     "Trust in Dunmore, PA said the plan was sound.", [("Ann Cole", "said")]),
    # What a study shows names no speaker after the verb.
    ("A Kingsmere Post analysis of ferry groups that have raised a million crowns since 2015, "
     "shows harbour groups outpacing ferry groups in recent weeks.", []),
    # Not statements: a negated verb, anonymity, an infinitive, a credit line.
    ("Rhea Sand did not respond to requests for comment.", []),
    ("The party's harbour chairman, Ivo Brand, said he could not comment on the letter.", []),
    ("The official insisted on anonymity to discuss the talks.", []),
    ("The new timetable allows commuters to say where they board.", []),
    ("Ana Lind reported from Kingsmere.", []),
    # "X did …, and said": X, not the first clause's object.
    ("Mr. Hale generally backed Labour during his time at the paper, and said he did not "
     "regret it.", [("Hale", "said")]),
    # Seeing is an opinion only "as" something; a video that shows is nobody speaking.
    ("Many islanders see the ferry plan as a giveaway.", [("Many islanders", "see")]),
    ("Harbour guards saw Rhea Sand leave the quay at noon.", []),
    # What others think of someone, told in an appositive, and what someone can expect, are
    # no statements; what experts expect, and what they generally praised, are.
    ("Ivo Brand, a pilot and widely considered the best on the coast, retired on Friday.", []),
    ("Pilots who retire early can expect a smaller pension.", []),
    # A setting opening the sentence with no comma after it is no part of the subject.
    ("During the trial the pilot told the court he had slept for four hours.",
     [("the pilot", "told")]),
    # A participle straight before the preposition its verb takes after an object describes
    # its noun: no one accused or blamed anyone.
    ("The pilot accused of causing the crash has been released on bail.", []),
    ("Ivo Brand, blamed for the delays, resigned on Friday.", []),
    ("Ann Cole accused the pilots of causing the crash.", [("Ann Cole", "accused")]),
    ("Harbour economists expect the levy to rise.", [("Harbour economists", "expect")]),
    ("The pilots generally praised the new quay.", [("The pilots", "praised")]),
    # Whom the subject agreed with "that …" holds it too.
    ("Judge Ann Cole agreed with defence lawyer Ivo Brand that the pilot posed no risk.",
     [("Ann Cole", "agreed"), ("Ivo Brand", "agreed")]),
    # Finding states a finding in a clause; a verdict or a thing found states none.
    ("Harbour inspectors found the cranes had not been checked in years.",
     [("Harbour inspectors", "found")]),
    ("Harbour inspectors found that the cranes were unsafe.", [("Harbour inspectors", "found")]),
    ("After three days, jurors found Ivo Brand guilty of all four counts.", []),
    ("Harbour guards found the missing ferry in a sheltered bay.", []),
    ("Officials found the ferry being towed away.", []),
    ("It shows the crane falling onto the quay.", []),
    # Asked is no statement, whatever adverb stands between; a base form after "the" is a noun.
    ("Rhea Sand was once asked how the ferry war would end.", []),
    ("From a harbour master, Rhea Sand, this shows the greatest fear I have ever seen.", []),
    # Counted among those who said it, joining others in saying it, going on to say it.
    ("Councillor Ada Moss was among the islanders who criticized the ferry plan.",
     [("Ada Moss", "criticized")]),
    ("Councillor Ada Moss joined harbour pilots in calling the ferry plan a giveaway.",
     [("Ada Moss", "calling")]),
    ("Councillor Ada Moss went on to say the ferry plan was a giveaway.",
     [("Ada Moss", "say")]),
    # Firing, shooting and hitting back speak; firing workers does not.
    ("Councillor Ada Moss fired back that the ferry plan was a giveaway.",
     [("Ada Moss", "fired back")]),
    ("The ferry company fired 300 workers last year.", []),
    # Backing is a position or an act, no statement.
    ("With Osterland backing the harbour board, the ferry plan passed.", []),
    # "As X noted, …" attributes what follows; "after it backed X" is a subordinate clause.
    ("As one pilot noted, the quay floods every spring.",
     [("one pilot", "noted")]),
    ("After it backed Rhea Sand, the union grew.", []),
    # A user of a platform speaks.
    ("One Twitter user wrote that the ferry plan was absurd.", [("One Twitter user", "wrote")]),
    # Celebrating, charging and adding in a match are plays, no statements.
    ("Ivo Brand celebrates with his team-mates after the second goal.", []),
    ("Rhea Sand charged into the box and crossed for Brand.", []),
    ("Kesra's Tom Ardle added an own goal in stoppage time.", []),
    ("Brand added a second in the 60th minute.", []),
    ("Police officers, called to service by the mayor after the riot, stood by the quay.", []),
    ("The coach called up Rhea Sand to the national squad on Monday.", []),
    ("The union celebrated the ruling.", [("The union", "celebrated")]),
    ("Prosecutors charged that the pilot had lied.", [("Prosecutors", "charged")]),
    ("She added the second option was worse.", [("she", "added")]),
    # Claiming an attack is an act; claiming that something is so is a statement.
    ("The Harbour Front also claimed responsibility for two blasts in Kesra.", []),
    ("Rebels claimed full responsibility for the raid.", []),
    ("The Harbour Front claimed the blasts were staged.", [("The Harbour Front", "claimed")]),
    # A cry of pain or for help says nothing; a cry that something is so does.
    ("But the pilot cried out in pain as the divers lifted him.", []),
    ("Villagers screamed for help for hours after the quake.", []),
    ("Harbour pilots shouted that the crane was falling.", [("Harbour pilots", "shouted")]),
    # A name given after "a NOUN called" says nothing; a label given to a name is a statement.
    ("A group called Harbour Lights is giving away free ferry passes.", []),
    ("A union called Harbour Crews United was set up in May.", []),
    ("A pilot called Ivo Brand a liar.", [("A pilot", "called")]),
    ("A pilot called Ivo Brand reckless.", [("A pilot", "called")]),
    # An infinitive after a noun is no role of it: the speaker after the comma said it.
    ("It took ten hours for the divers and police officers to pull him out, a spokeswoman "
     "said.", [("a spokeswoman", "said")]),
    # An owner's name opening the sentence is not its subject: the one they own is.
    ("Rhea's court-appointed lawyer has visited the child and says she is well.",
     [("Rhea's court-appointed lawyer", "says")]),
    # A named subject and its appositive before "said": what follows is what they said.
    ("But Mina Hale, senior associate for ferry planning at the Kingsmere Institute, said "
     "parents still want local ferries.", [("Mina Hale", "said")]),
    ("The plan to pool the ferries would touch the islands' oldest power, the harbours, years "
     "after many Baltic countries agreed to share a port.", []),
    # A feeling told is no statement; a concern with what it is, is.
    ("Harbour towns almost universally expressed outrage over the closure.", []),
    ("The ferry union voiced concern that the cranes were unsafe.",
     [("The ferry union", "voiced")]),
    # Who "told" or "urged" addresses is no inverted speaker; a relative clause after the
    # subject does not hand the verb to the name after it; a think tank thinks nothing.
    ("Mayor Ines Tarrow, who knew the vote was lost, told her aides to draft a new plan.",
     [("Ines Tarrow", "told")]),
    ("Economist Jo Rand, who studies ports at Kingsmere College, said Rhea Sand's plan was "
     "thin.", [("Jo Rand", "said")]),
    ("The Europeans, who were left out of the talks, derided the harbour plan as toothless.",
     [("Europeans", "derided")]),
    ("The plan is unfair, said Dana Ruiz, a fellow at the Hillcrest Institute, a think tank.",
     [("Dana Ruiz", "said")]),
    # Where or how it was said, between the speaker and the verb; a platform taken to speak.
    ("Councillor Ada Moss on Twitter slammed the ferry plan as a giveaway.",
     [("Ada Moss", "slammed")]),
    ("Harbour pilots in a joint letter warned that the cranes were unsafe.",
     [("Harbour pilots", "warned")]),
    ("Councillor Ada Moss took to the council floor on Monday to denounce the ferry plan.",
     [("Ada Moss", "denounce")]),
    # A long opening with no comma: the full name right before a tensed verb speaks; a name
    # inside a noun phrase before a noun does not.
    ("In a long meeting with the editors of the Kingsmere Gazette late last spring Rhea Sand "
     "said the port might need a second crane.", [("Rhea Sand", "said")]),
    ("Nobody has forgotten how the crowds in the harbour gathered on the quay before the "
     "terrible Port Ellin attack.", []),
])
def test_reported_speakers(sentence: str, expected: list[tuple[str, str]]) -> None:
    found = _speakers(sentence)
    assert [(text.lower().removeprefix("the "), verb) for text, verb in found] == \
        [(text.lower().removeprefix("the "), verb) for text, verb in expected]


FLOOD_PAGE = """<html><head><title>Flood wall gives way in Marrow Bay</title></head><body>
<article><h1>Flood wall gives way in Marrow Bay</h1>
<p>MARROW BAY — The sea wall protecting Marrow Bay collapsed overnight, Mayor Ines Tarrow said on
Friday, forcing two hundred families from their homes.</p>
<p>"We will rebuild it higher and stronger," Tarrow said.</p>
<p>Local councillors said residents had warned for years that the sea wall was too low.</p>
</article></body></html>"""


def test_html_page_actor_is_the_councillors() -> None:
    actors = [r.actor for r in analyze(FLOOD_PAGE, kind="html").reactions]
    assert "Local councillors" in actors
    assert not any("said" in actor or "Tarrow" in actor for actor in actors)


def test_archive_double_quotes_keep_the_speaker_after_the_verb() -> None:
    article = Article(
        title="Senator Ruth Calder unveils a tax plan for small firms",
        paragraphs=[
            "Senator Ruth Calder unveiled a tax plan on Monday that would cut levies on small "
            "firms and raise the top rate on large estates.",
            "''It is time the biggest estates paid their share,'' Ms. Calder said.",
            "''This plan is a mistake that will cost jobs,'' said Tomas Brenner, an economist "
            "at the Harlow Institute who studies the tax plan and small firms.",
        ],
    )
    reactions = analyze_article(article).reactions
    assert [r.actor for r in reactions] == ["Tomas Brenner"]  # not Calder, the principal
    assert reactions[0].text.startswith("''This plan is a mistake")


def test_a_pronoun_speaker_is_the_person_named_just_before() -> None:
    article = Article(
        title="Ferry timetable cut on the Velmar line",
        paragraphs=[
            "The Velmar ferry line will run half as many crossings from May, the operator said "
            "on Monday, after a winter of breakdowns.",
            "Olek Brandt runs the harbour café, which depends on the crossings.",
            "He warned that the cuts would hurt island families and could lead to chaos.",
        ],
    )
    assert [(r.actor, r.stance) for r in analyze_article(article).reactions] == \
        [("Olek Brandt", "warns")]


def test_a_description_with_no_one_before_it_is_itself() -> None:
    # "The mayor" with no person named before: no one to stand for, and no endless search.
    article = Article(title="A headline", paragraphs=[
        "The mayor spoke on Tuesday. \"We are ready,\" she said.",
        "The harbour master said the cranes were unsafe.",
    ])
    result = analyze_article(article)
    assert [s.name for s in result.speakers] == ["The mayor"]


def test_he_after_a_sentence_about_someone_is_that_someone() -> None:
    # A sentence opening with a possessive is about its owner: "he" next is the mayor, not the
    # aide who spoke in the paragraph before.
    article = Article(title="Mayor Ines Tarrow opens the Velmar sea wall", paragraphs=[
        "Mayor Ines Tarrow opened the new sea wall at Velmar on Saturday.",
        "Pavel Rusk, one of the mayor's aides, recalled her long fight for the money.",
        "The mayor's island childhood also came into play. At the ceremony, she said the wall "
        "would protect the harbour for fifty years.",
    ])
    # "she" is the mayor, the principal: her own words are no reaction
    assert not any("ceremony" in r.text for r in analyze_article(article).reactions)


def test_a_possessive_that_owns_a_person_does_not_stand_for_them() -> None:
    article = Article(title="Chess champion expelled from the Kesra open", paragraphs=[
        "The Kesra open expelled its champion, Ivo Marek, on Sunday.",
        "The complaint came from Marek's opponent in the sixth round, Tallin Oskar.",
        "He said: \"Marek kept leaving the hall after every move.\"",
    ])
    quotes = analyze_article(article).quotes
    assert [q.speaker.split(",")[0] for q in quotes] == ["Tallin Oskar"]


@pytest.mark.parametrize("introduced", [
    "in their sixth-round match in the tournament, Tallin Oskar",
    "in the sixth round, Estavia's Tallin Oskar",
])
def test_a_person_introduced_by_their_role_at_the_sentence_end_is_he(introduced: str) -> None:
    """"The complaint was made by Marek's opponent …, Tallin Oskar.": the next "He said" is
    the opponent the sentence ends by naming, not Marek, whom the story is about."""
    article = Article(title="Chess champion expelled from the Kesra open", paragraphs=[
        "Ivo Marek, the Kesra champion, was expelled from the Kesra open on Sunday.",
        f"The complaint was made by Marek's opponent {introduced}.",
        "He said: \"Marek kept leaving the hall after every move.\"",
    ])
    quotes = analyze_article(article).quotes
    assert [q.speaker.split(",")[0] for q in quotes] == ["Tallin Oskar"]


def test_a_person_named_after_their_outlet_is_the_person() -> None:
    article = Article(title="Kesra council votes to close the ferry office", paragraphs=[
        "The Kesra council voted on Monday to close the ferry office.",
        "“The vote will not change much on the islands,” said the Gazette’s Ann Marsh.",
    ])
    result = analyze_article(article)
    assert [(s.name, s.role) for s in result.speakers] == [("Ann Marsh", "Gazette")]


def test_the_company_is_the_business_the_story_is_about() -> None:
    article = Article(title="Velmar Ferries Group cuts winter crossings", paragraphs=[
        "Velmar Ferries Group will cut its winter crossings by half, the operator of the "
        "island routes announced on Monday.",
        "Velmar Ferries Group has lost money on the routes for three years.",
        "Harbour pilots warned that the cuts would leave the islands cut off in storms.",
        "The company said the remaining crossings would run on time.",
    ])
    reactions = analyze_article(article).reactions
    assert [r.actor for r in reactions] == ["Harbour pilots"]  # not "The company": the principal


def test_a_section_heading_is_nobody_a_pronoun_refers_to() -> None:
    article = Article(title="Mayor Piet Tarrow leaves the Kesra sea wall to his successor",
                      paragraphs=[
        "Mayor Piet Tarrow steps down this week, leaving the Kesra sea wall half built.",
        "Harbour Works.",
        "Walls First: It was under Mr. Tarrow's watch that the council began the sea wall. He "
        "said the wall would protect the harbour for fifty years.",
    ])
    assert analyze_article(article).reactions == []  # "he" is the mayor, the principal


def test_he_after_a_fronted_clause_is_its_subject() -> None:
    article = Article(title="Kesra and Velmar sign a ferry pact", paragraphs=[
        "Kesra and Velmar signed a ferry pact on Monday, ending a decade of disputes.",
        "Former mayor Piet Orlov, who first proposed the pact, called it overdue.",
        "When Mayor Ines Tarrow visited Velmar in January, she insisted the pact would cut "
        "fares.",
    ])
    by_text = {r.text[:4]: r.actor for r in analyze_article(article).reactions}
    assert by_text["When"] == "Ines Tarrow"  # not Orlov, named in the sentence before


def test_a_polls_share_of_respondents_is_no_actor() -> None:
    article = Article(title="Poll: Kesra voters split on the ferry pact", paragraphs=[
        "Kesra voters are split over the ferry pact signed with Velmar, a poll showed on "
        "Monday.",
        "Nearly six of 10 voters say the pact will raise ferry fares, and 52 percent of "
        "islanders say it should be put to a vote.",
        "Councillor Ada Moss said the poll showed the pact had been rushed.",
    ])
    actors = [r.actor for r in analyze_article(article).reactions]
    assert actors == ["Ada Moss"]


def test_an_officer_speaks_for_the_group_named_before_them_throughout() -> None:
    article = Article(title="Regulator fines Holt Lines over late ferries", paragraphs=[
        "The Kesra transport regulator fined Holt Lines two million crowns on Monday for a year "
        "of late ferries.",
        "Passenger group Fair Crossing welcomed the fine. Its chair, Mina Osei, said the "
        "penalty was overdue.",
        "“Islanders have waited too long for this,” Osei said.",
    ])
    reactions = analyze_article(article).reactions
    assert [r.actor for r in reactions] == ["Fair Crossing"]  # one actor, one reaction
    speakers = analyze_article(article).speakers
    assert [s.name for s in speakers] == ["Mina Osei"]  # her quote stays hers in the quotes pane


def test_one_of_a_kind_speaks_and_a_named_reaction_takes_its_own_stance() -> None:
    article = Article(title="Kesra minister warns dockers of a return-to-work law", paragraphs=[
        "Kesra's port minister Ada Moss said on Tuesday that a return-to-work law could not be "
        "ruled out, a warning that drew an angry response from dock union leaders.",
        "One crane driver, who asked not to be named, said the law would be a betrayal of "
        "the workers.",
    ])
    stances = {r.actor: r.stance for r in analyze_article(article).reactions}
    assert stances == {"Dock union leaders": "criticises", "One crane driver": "criticises"}


def test_a_quote_running_on_into_a_sentence_names_no_speaker_inside_it() -> None:
    article = Article(title="Kesra council backs Ada Moss for the harbour board", paragraphs=[
        "The Kesra council backed councillor Ada Moss for the harbour board on Monday.",
        "\"She would be a fine chair. Not good, fine. One of the sharpest minds on the whole "
        "council,\" councillor Piet Orlov said in a phone interview.",
    ])
    actors = [r.actor for r in analyze_article(article).reactions]
    assert actors == ["Piet Orlov"]


def test_a_surname_before_a_generation_suffix_is_the_surname() -> None:
    article = Article(title="Kesra man in court over harbour fire", paragraphs=[
        "Tomas Ferris Vell III appeared in court on Thursday over the harbour fire.",
        "Judge Arnold O. Ruiz read the charges.",
        "\"Yes, I know that,\" Vell said. \"No, I did not,\" Vell shot back.",
    ])
    assert [q.speaker for q in analyze_article(article).quotes] == ["Tomas Ferris Vell III"] * 2


def test_the_network_is_no_person_whose_role_a_sentence_put_before_their_name() -> None:
    analysis = analyze_article(Article(
        title="Kest TV hires two veteran anchors",
        paragraphs=[
            "Two veteran anchors, Rhea Sand and Tom Ardle, joined Kest TV on Monday. Part of "
            "the network President Ivo Brand founded in 2009, Kest TV has struggled to find "
            "viewers.",
            "The network said it would give both anchors a prime-time hour.",
            "Media critic Ola Berg said the hires were a bid for respectability.",
        ],
    ))
    assert not [r for r in analysis.reactions if "brand" in r.actor.lower()]


def test_the_union_is_the_officer_whose_role_says_they_lead_it() -> None:
    analysis = analyze_article(Article(
        title="Ferry crews strike over rota",
        paragraphs=[
            "Ferry crews in Kingsmere walked out on Monday over a new night rota.",
            "Mina Ostrow, general secretary of the Ferry and Harbour Crews' Union, told a rally "
            "that the rota was \u201cdangerous for everyone on board.\u201d",
            "The harbour board said the rota was needed to keep the winter timetable.",
            "The union says about 900 of its members have joined the strike.",
        ],
    ))
    actors = [r.actor for r in analysis.reactions]
    assert "Mina Ostrow" in actors
    assert not [a for a in actors if a.lower() == "the union"]


def test_a_transcript_label_speaks_for_its_paragraph() -> None:
    analysis = analyze_article(Article(
        title="Holt says ferry cuts will not touch the islands",
        paragraphs=[
            "Transport Minister Karin Holt on Sunday said the ferry cuts would spare the "
            "islands. Harbour pilots' leader Mina Ostrow and shipping adviser Piet Saar joined "
            "her on a radio show.",
            "Partial transcript as follows:",
            "HOST: Minister, will the islands lose their morning boat?",
            "OSTROW: Well, look, Piet Saar apparently thinks the islanders will not notice. "
            "They will notice on the first cold morning, and it is a reckless plan.",
            "CLARIFICATION: An earlier version of this story misspelt the harbour's name.",
        ],
    ))
    found = {(r.actor, r.stance) for r in analysis.reactions}
    assert ("Mina Ostrow", "criticises") in found  # her label: her words
    assert not [a for a, _ in found if a in ("Piet Saar", "Host", "Clarification")]


def test_words_after_an_inverted_speaker_describe_them_and_are_not_what_they_said() -> None:
    article = Article(title="Kesra harbour board sells its last dredger", paragraphs=[
        "The Kesra harbour board sold its last dredger to a salvage firm on Monday.",
        "The board said the dredger had cost too much to keep.",
        "Most harbour boards lease a dredger for the winter, said port economist Dr. Ivo "
        "Brand, who is not involved in the sale.",
    ])
    reactions = analyze_article(article).reactions
    assert [(r.actor, r.stance) for r in reactions] == [("Ivo Brand", "analyses")]


def test_a_relation_named_by_a_first_name_alone_reacts() -> None:
    """"His mother Rina, 34," is a person though named by one word (a relation or a trade
    before the name says so), and her words are a reaction; the boy's own are not."""
    article = Article(title="Schoolboy copies winger's basket trick", paragraphs=[
        "A nine-year-old from Kesra has copied a famous trick shot by winger Tomas Vell.",
        "Schoolboy Ivo Brand watched Vell score into a basketball hoop from the halfway line.",
        "His mother Rina, 34, of Dunmore, said: \u201cHe loves the game and he practised all "
        "weekend. It was amazing to watch him do the trick.\u201d",
    ])
    analysis = analyze_article(article)
    assert [r.actor for r in analysis.reactions] == ["Rina"]


@pytest.mark.parametrize("position", ["forward", "playmaker"])
def test_a_player_named_by_one_word_after_his_position_reacts(position: str) -> None:
    """"…,” forward Paolo told reporters": a footballer known by one name is named by his
    position, as a relative or a trade names others ("his mother Rina"), and his words about
    the defeat are a reaction."""
    article = Article(title="Harbour City beaten again as del Arco tests new faces", paragraphs=[
        "Harbour City lost 2-0 to Kessel Rovers on Tuesday, a third straight defeat for coach "
        "Tomas del Arco, who fielded five new faces.",
        f"\u201cThe defeat hurts but the team is in good shape,\u201d {position} Paolo told "
        "reporters.",
    ])
    assert [r.actor for r in analyze_article(article).reactions] == ["Paolo"]
