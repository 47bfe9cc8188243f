"""Whole articles written for these tests in two house styles (British single quotes; a wire
story with straight quotes and a dateline), run through the full `analyze` pipeline."""

from __future__ import annotations

from analysis import analyze

BRITISH = "\n\n".join([
    'Ministers accused of ‘betraying’ coastal towns as ferry cuts approved',
    'The government has approved cuts to ferry services across the Western Isles, a '
    'decision that campaigners said would leave island communities “cut off for days at a '
    'time”.',
    'Transport secretary Fiona Hale told MPs on Tuesday that the changes were ‘painful but '
    'necessary’ and insisted that no route would close entirely.',
    '‘We have looked at every alternative,’ she said. ‘The money simply is not there, and I'
    ' will not pretend otherwise.’',
    'Her Labour shadow, Daniel Osei, said the decision was “a betrayal of every family that'
    ' depends on these boats”. He added: ‘The minister has chosen to balance her books on '
    'the backs of people who have no other way to get to hospital.’',
    'Local councillor Mairi MacLeod, who represents Barra, said residents had been given '
    'two weeks’ notice. ‘People are frightened,’ she said. ‘They don’t know how they will '
    'get to work in the winter.’',
    'The operators’ association warned that further cuts could follow. “If the subsidy '
    'falls again next year, we will have to look at the winter timetable,” a spokesperson '
    'said.',
    'Prof Alan Reid, an economist at the University of Stirling, said the savings were '
    'small. ‘It is roughly what the department spends on consultants in a month,’ he said.',
    'The so-called ‘lifeline’ routes were protected under a 2019 agreement, according to '
    'the Scottish Islands Federation.',
])

WIRE = "\n\n".join([
    'Regulator fines bank $40 million over hidden fees',
    'WASHINGTON (Reuters) - U.S. regulators on Thursday fined Harbor National Bank $40 '
    'million for charging customers hidden overdraft fees, the latest in a string of '
    'penalties against mid-sized lenders.',
    '"These fees were designed to be invisible to the people paying them," Consumer '
    'Financial Protection Bureau Director Rohit Varma said in a statement. "That ends '
    'today."',
    'The bank, which did not admit or deny the findings, said it had already refunded '
    'affected customers. "We regret that our disclosures fell short," Harbor National Chief'
    ' Executive Laura Chen said in an email.',
    'According to the bureau, the bank collected more than $120 million in such fees '
    'between 2017 and 2021.',
    'Senator Elena Ruiz, a Democrat from New Mexico, called the fine "a slap on the wrist" '
    'and said Congress should cap overdraft charges.',
    '"Forty million dollars is a rounding error for a bank this size," Ruiz told reporters.'
    ' "It won\'t change behavior."',
    'Industry groups pushed back. The American Bankers Association said in a statement that'
    ' overdraft services were "valued by millions of consumers" and that new caps would '
    '"reduce access to credit for those who need it most."',
    'Shares of Harbor National fell 2.3 percent in afternoon trading.',
])


def _pairs(text: str) -> list[tuple[str, str]]:
    result = analyze(text, kind="text")
    by_id = {s.id: s for s in result.speakers}
    for q in result.quotes:
        assert result.article.paragraphs[q.paragraph][q.start:q.end] == q.text
    return [(q.text[:24], by_id[q.speaker_id].name if q.speaker_id else "") for q in result.quotes]


def test_british_article() -> None:
    assert _pairs(BRITISH) == [
        ("cut off for days at a ti", "Campaigners"),
        ("painful but necessary", "Fiona Hale"),
        ("We have looked at every ", "Fiona Hale"),
        ("The money simply is not ", "Fiona Hale"),
        ("a betrayal of every fami", "Daniel Osei"),
        ("The minister has chosen ", "Daniel Osei"),
        ("People are frightened,", "Mairi MacLeod"),
        ("They don’t know how they", "Mairi MacLeod"),
        ("If the subsidy falls aga", "A spokesperson"),
        ("It is roughly what the d", "Alan Reid"),
    ]
    speakers = {s.name: s for s in analyze(BRITISH, kind="text").speakers}
    assert speakers["Fiona Hale"].role == "Transport secretary"
    assert speakers["Alan Reid"].role == "economist at the University of Stirling"
    assert "Prof Reid" in speakers["Alan Reid"].aliases
    assert speakers["Mairi MacLeod"].role == "Local councillor, who represents Barra"
    assert speakers["A spokesperson"].kind == "anonymous"


def test_wire_article() -> None:
    assert _pairs(WIRE) == [
        ("These fees were designed", "Rohit Varma"),
        ("That ends today.", "Rohit Varma"),
        ("We regret that our discl", "Laura Chen"),
        ("a slap on the wrist", "Elena Ruiz"),
        ("Forty million dollars is", "Elena Ruiz"),
        ("It won't change behavior", "Elena Ruiz"),
        ("valued by millions of co", "American Bankers Association"),
        ("reduce access to credit ", "American Bankers Association"),
    ]
    speakers = {s.name: s for s in analyze(WIRE, kind="text").speakers}
    assert speakers["Rohit Varma"].role == "Consumer Financial Protection Bureau Director"
    assert speakers["Elena Ruiz"].role == "Senator, Democrat from New Mexico"
    assert speakers["American Bankers Association"].kind == "organisation"


def _flatten(text: str, doubles_to: str) -> str:
    return text.translate(str.maketrans({"‘": "'", "’": "'", "“": doubles_to, "”": doubles_to}))


def test_british_article_typed_with_straight_marks() -> None:
    # The same article on a plain keyboard: straight singles for quotes and apostrophes, with
    # straight doubles nested, or with no double marks at all.
    expected = [(_flatten(text, '"'), name) for text, name in _pairs(BRITISH)]
    assert len(expected) == 10
    assert _pairs(_flatten(BRITISH, '"')) == expected
    assert _pairs(_flatten(BRITISH, "'")) == expected
