"""Plain-text page dumps in several house styles: header fields split off, furniture dropped."""

from __future__ import annotations

import pytest

from analysis.text.article import block_paragraphs, header_fields, looks_like_html, parse
from analysis.text.dates import date_line, normalise_published, parse_date
from analysis.text.furniture import byline_of, is_furniture, split_dateline

WIRE_DUMP = """Harbour pilots strike closes Eastmouth port for a second day

By JANE DOE and JOHN ROE Associated Press

Updated 4:10 PM GMT, March 2, 2024

Published 3:04 PM EST, March 1, 2024

Share this

EASTMOUTH, England (AP) — Harbour pilots at the port of Eastmouth stayed off work on Friday, \
leaving more than 40 cargo ships anchored offshore.

“We have asked for the same thing for three years,” said Oriel Banks, who chairs the pilots’ \
association.

Advertisement

A dock worker watches idle cranes at Eastmouth on Thursday. (AP Photo/Ilse Varga)

The port authority said talks would resume next week.

___

Associated Press writer Pim Okafor in London contributed to this report.

Follow AP’s coverage of the shipping industry at https://example.org/hub/shipping

Copyright 2024 The Associated Press. All rights reserved."""

REUTERS_DUMP = """Grain exporters cut forecasts after dry spring

By Lena Marsh

LONDON, March 3 (Reuters) - Grain exporters cut their harvest forecasts on Monday after the \
driest spring in three decades.

"Yields will be down by a fifth," said analyst Tomas Vey.

Reporting by Lena Marsh; Editing by Carl Brandt"""

GUARDIAN_DUMP = """Ministers face backlash over rail fare rise

Rail passengers queue at a ticket office in Leeds. Photograph: Ana Rua/Getty Images

Commuters will pay up to 6% more for season tickets from next month, the transport department \
confirmed on Tuesday.

Read more: Why rail fares rise every January

Campaigners called the increase “a slap in the face” for workers who cannot work from home.

© 2024 Guardian News & Media Limited or its affiliated companies. All rights reserved."""

NEWSPAPER_DUMP = """Coastal towns weigh a retreat from the sea.

ABSTRACT.

Several towns are debating whether to move homes inland as storms worsen.

FULL TEXT.

PORT ALDER, Me. -- The sea wall that protected this fishing village for a century failed twice \
last winter.

"We cannot keep rebuilding the same wall," said the harbour master, Ruth Calder.

Ezra Mott contributed reporting."""

CNN_DUMP = """Museum returns looted bronze to Benin City

(CNN) — A London museum on Wednesday handed back a bronze head taken by British soldiers in 1897.

The museum's director called it "a debt long overdue.\""""


def test_wire_style_header_fields_and_furniture() -> None:
    article = parse(WIRE_DUMP)
    assert article.title == "Harbour pilots strike closes Eastmouth port for a second day"
    assert article.byline == "Jane Doe and John Roe"
    assert article.published == "2024-03-01"  # "Published" wins over "Updated"
    assert article.dateline == "EASTMOUTH, England"
    assert article.paragraphs[0].startswith("Harbour pilots at the port")
    assert len(article.paragraphs) == 3
    body = " ".join(article.paragraphs)
    for furniture in ("Share this", "Advertisement", "AP Photo", "contributed", "coverage",
                      "Copyright", "___"):
        assert furniture not in body


def test_reuters_style() -> None:
    article = parse(REUTERS_DUMP, kind="text")
    assert article.byline == "Lena Marsh"
    assert article.dateline == "LONDON"
    assert article.paragraphs[0].startswith("Grain exporters cut")
    assert article.paragraphs[-1].startswith('"Yields')


def test_guardian_style_caption_and_read_more() -> None:
    article = parse(GUARDIAN_DUMP)
    assert article.dateline == ""
    assert [p.split()[0] for p in article.paragraphs] == ["Commuters", "Campaigners"]


def test_newspaper_style_sections_and_double_hyphen_dateline() -> None:
    article = parse(NEWSPAPER_DUMP)
    assert article.title == "Coastal towns weigh a retreat from the sea."
    assert article.paragraphs[0].startswith("Several towns")  # the abstract is kept
    assert article.dateline == "PORT ALDER, Me."
    assert article.paragraphs[1].startswith("The sea wall")
    assert not any("ABSTRACT" in p or "contributed" in p for p in article.paragraphs)


def test_agency_marker_without_place() -> None:
    article = parse(CNN_DUMP)
    assert article.paragraphs[0].startswith("A London museum")
    assert article.dateline == ""


def test_feed_entry_text_keeps_every_block_as_body() -> None:
    article = parse("First paragraph of the entry.\n\nSecond one.", kind="entry",
                    title="Entry title", published="Fri, 14 Mar 2025 09:30:00 GMT")
    assert article.title == "Entry title"
    assert article.paragraphs == ["First paragraph of the entry.", "Second one."]
    assert article.published == "2025-03-14"


def test_multi_paragraph_quote_keeps_paragraph_boundaries() -> None:
    text = ("Title line\n\n“The first part of a long statement goes here.\n\n"
            "“And the second paragraph carries on,” she said.")
    article = parse(text)
    assert article.paragraphs == [
        "“The first part of a long statement goes here.",
        "“And the second paragraph carries on,” she said.",
    ]


def test_single_newline_paragraphs_and_soft_wraps() -> None:
    assert block_paragraphs("One paragraph ends here.\nAnother starts here.") == [
        "One paragraph ends here.", "Another starts here."]
    assert block_paragraphs("A link broke this\nsentence in two.") == [
        "A link broke this sentence in two."]
    wrapped = ("The council voted on Tuesday to close the old library on\n"
               "Main Street, despite a petition signed by more than two\n"
               "thousand residents who asked for it to stay open.")
    assert len(block_paragraphs(wrapped)) == 1


def test_control_characters_and_escapes_are_stripped() -> None:
    article = parse("Ti\x1b[31mtle\x07\n\nBody \x00with\x1b]0;evil\x07 controls.")
    assert article.title == "Title"
    assert article.paragraphs == ["Body with controls."]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("By JANE DOE Associated Press", "Jane Doe"),
        ("By Mara Quill, Reuters", "Mara Quill"),
        ("By G.K. Ansah", "G.K. Ansah"),
        ("By the time the vote came, most had left.", None),
        ("By Friday", None),
    ],
)
def test_byline_lines(line: str, names: str | None) -> None:
    assert byline_of(line) == names


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        ("PARIS – French officials said", "PARIS"),
        ("WASHINGTON (AP) — The Senate voted", "WASHINGTON"),
        ("NEW YORK — Stocks fell", "NEW YORK"),
        ("KYIV, Ukraine (AP) — Air raid sirens", "KYIV, Ukraine"),
        ("Paris (AFP) - Strikes continued", "Paris"),
        ("Washington (CNN)President Ann Lee said", "Washington"),
        ("Kesra, Osterland (CNN)Rescuers pulled a man from the rubble", "Kesra, Osterland"),
        ("Ann Lee, Harbour Master (Ind) said the quay was shut", ""),
        ("BEIJING/SHANGHAI (Reuters) - Shares fell", "BEIJING/SHANGHAI"),
        ("ST. LOUIS — A jury found", "ST. LOUIS"),
        ("GAZA CITY, Gaza Strip (AP) — Strikes hit", "GAZA CITY, Gaza Strip"),
        ("UPDATE: The vote was delayed", ""),
        ("NATO – which was founded in 1949 – said", ""),
        ("U.S.-led forces withdrew", ""),
        ("The mayor — a former judge — said", ""),
    ],
)
def test_datelines(paragraph: str, dateline: str) -> None:
    place, rest = split_dateline(paragraph)
    assert place == dateline
    if dateline:
        assert rest[0].isupper() and not paragraph.startswith(rest)


@pytest.mark.parametrize(
    "paragraph",
    ["Full Screen", "1 / 4", "Image 2 of 9", "Recommended Videos", "Advertisement",
     "Copyright 2024 The Associated Press. All rights reserved.", "© 2025 Example Media Ltd",
     "Share this", "Read more: Ten things to know", "Sign up for our morning newsletter",
     "Follow the Ledger's coverage of the election at example.org",
     "Maria Ortiz in Madrid contributed reporting.",
     "A protester holds a flag in Lisbon. (Rui Sol/Reuters)",
     "Photo: Kim Ahn/Pool", "Story continues below advertisement",
     "Image caption, Flood water in the square on Sunday", "Image source, Getty Images",
     "READ: The full statement", "Supported by", "Click to share on X (Opens in new window)",
     "This article is more than 2 years old", "4 min read", "Reuse this content"],
)
def test_furniture(paragraph: str) -> None:
    assert is_furniture(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    ["The minister said the plan would be published in May.",
     "“We will not share this data,” she said.",
     "Read the statement again, and you will see the change, he said.",
     "Stop lying",
     "He was arrested after the march. (Warning: the video contains graphic images.)",
     "Following the coverage, the broadcaster apologised to viewers on Monday night.",
     "More than 40 ships were waiting offshore on Friday."],
)
def test_not_furniture(paragraph: str) -> None:
    assert not is_furniture(paragraph)


def test_dates() -> None:
    assert parse_date("2025-03-14T09:30:00Z") == "2025-03-14"
    assert parse_date("14 March 2025") == "2025-03-14"
    assert parse_date("Sept. 3, 2024") == "2024-09-03"
    assert parse_date("no date here") == ""
    assert date_line("Published 3:04 PM EST, March 1, 2024") == "2024-03-01"
    assert date_line("March 1, 2024 3:04 p.m. ET") == "2024-03-01"
    assert date_line("The law passed on March 1, 2024, after a long debate.") is None
    assert normalise_published("2025-03-14T09:30:00+00:00") == "2025-03-14T09:30:00+00:00"
    assert normalise_published("not a date") == ""


def test_html_sniffing() -> None:
    assert looks_like_html("<p>One</p><p>Two</p>")
    assert looks_like_html("<!DOCTYPE html><html></html>")
    assert not looks_like_html("Prices rose 3% as x < y and y > z.")


def test_header_lines() -> None:
    assert header_fields("By Ellen Pryce | Published 7:00 AM GMT, Nov. 2, 2024") == (
        "Ellen Pryce", "2024-11-02", "")
    assert header_fields("By Ann Lee Updated March 3, 2024") == ("Ann Lee", "", "2024-03-03")
    assert header_fields("Updated 10:12 AM GMT+1, March 2, 2024") == ("", "", "2024-03-02")
    assert header_fields("By the end of March 2, 2024, the talks had failed.") is None
    assert header_fields("The minister said on March 1, 2024 that talks would go on.") is None


@pytest.mark.parametrize("line", ["About us | Contact | Terms", "24 comments",
                                  "World • Europe • Business"])
def test_navigation_lines(line: str) -> None:
    assert is_furniture(line)


BROADCASTER_DUMP = """Storm cuts power to thousands

By Ann Lee, CNN Updated 7:13 AM EST, Sat March 2, 2024

Image source, Getty Images

Image caption, Crews worked through the night

(CNN) — A storm cut power to more than 40,000 homes on Friday night, the utility said.

READ: What to do in a power cut

Crews expected to restore most supplies by Sunday."""


def test_broadcaster_style() -> None:
    article = parse(BROADCASTER_DUMP)
    assert article.byline == "Ann Lee"
    assert article.published == "2024-03-02"
    assert article.paragraphs == [
        "A storm cut power to more than 40,000 homes on Friday night, the utility said.",
        "Crews expected to restore most supplies by Sunday.",
    ]


def test_site_chrome_before_the_title() -> None:
    dump = ("Skip to main content\n\nMenu\n\nWorld\n\nFerry operator cancels winter sailings\n\n"
            "The island ferry will not run between December and March, the operator said.")
    article = parse(dump)
    assert article.title == "Ferry operator cancels winter sailings"
    assert article.paragraphs == [
        "The island ferry will not run between December and March, the operator said."]


def test_text_and_fragments_do_not_load_the_html_extractor() -> None:
    import subprocess
    import sys

    code = (
        "import sys, analysis\n"
        "analysis.analyze('Title\\n\\nPARIS – A story “quoted,” she said.')\n"
        "analysis.analyze('<p>One “quote,” he said.</p><p>Two.</p>', kind='entry')\n"
        "print('trafilatura' in sys.modules, 'lxml' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_uncredited_wire_captions_above_the_story() -> None:
    dump = ("Port reopens after storm\n\n"
            "Cranes stand idle at the port of Eastmouth, England, Tuesday, Jan. 9, 2024.\n\n"
            "FILE - A cargo ship waits offshore near Eastmouth, on Oct. 3, 2023.\n\n"
            "EASTMOUTH, England (AP) — The port reopened on Wednesday, Jan. 10, 2024, after "
            "three days.\n\n"
            "Officials said on Thursday, Jan. 11, 2024, that damage was limited.")
    article = parse(dump)
    assert article.dateline == "EASTMOUTH, England"
    assert article.paragraphs == [
        "The port reopened on Wednesday, Jan. 10, 2024, after three days.",
        "Officials said on Thursday, Jan. 11, 2024, that damage was limited.",
    ]


def test_a_dated_lead_without_dateline_is_not_a_caption() -> None:
    article = parse("Council meets\n\nThe council met on Monday, Feb. 26, 2024, to set the budget."
                    "\n\nIt will meet again in March.")
    assert article.paragraphs[0].startswith("The council met")


def test_date_lines_below_the_story_are_fields_not_body() -> None:
    article = parse("Library to close\n\nThe library will close in June, the council said.\n\n"
                    "Published: 12 May 2025\n\nBy the way, the council meets again on Friday.")
    assert article.published == "2025-05-12"
    assert article.paragraphs == ["The library will close in June, the council said.",
                                  "By the way, the council meets again on Friday."]


def test_a_quote_mark_left_at_a_paragraphs_end_opens_the_next_one() -> None:
    # A text dumped one sentence per line leaves the next quote's opening mark behind; a lone
    # mark after a quote left open closes it.
    article = parse(
        "Trainer keeps faith in his horse\n\n"
        "Ivo Brand backed his horse to win at Dunmore. '\n\n"
        "I'd love good ground - he is a well-balanced horse,' said Brand.\n\n"
        "'\n\n"
        "He jumps well.'\n\n"
        "Fans called the horse \"a sad, slow plodder.\n\n"
        "\"\n\n"
        "The race is on Friday.", kind="text")
    assert article.paragraphs == [
        "Ivo Brand backed his horse to win at Dunmore.",
        "'I'd love good ground - he is a well-balanced horse,' said Brand.",
        "'He jumps well.'",
        "Fans called the horse \"a sad, slow plodder.\"",
        "The race is on Friday.",
    ]


def test_a_quote_going_on_into_a_paragraph_without_its_mark_is_reopened_there() -> None:
    article = parse(
        "Trainer keeps faith in his horse\n\n"
        "'I'd love good ground at Dunmore.\n\n"
        "He is a well-balanced horse,' said Ivo Brand.\n\n"
        "Brand's horse is 16'2\" at the shoulder, the tallest in the race.\n\n"
        "\"It jumps well,\" said Ada Moss, who trains it.", kind="text")
    assert article.paragraphs[1] == "'He is a well-balanced horse,' said Ivo Brand."
    assert article.paragraphs[2].startswith("Brand's horse")  # inches close no quote


# Copy that starts with its story, as CNN/DailyMail pages are dumped: no headline above.
HEADLINELESS_DUMP = """The harbour board of Eastmouth has voted to close the old fish market \
for good after inspectors found that its roof could no longer bear the weight of winter snow.

Traders were told on Monday that they have until the end of the month to move out.
"""

AGENCY_FIRST_DUMP = """(CNN)Ines Varga, one of the best-loved fiddlers of the northern coast, \
died on Friday at the age of 81.

She had played in Eastmouth only last month.
"""


def test_a_story_without_a_headline_keeps_its_opening_sentence() -> None:
    article = parse(HEADLINELESS_DUMP)
    assert article.title == ""
    assert article.paragraphs[0].startswith("The harbour board of Eastmouth has voted")
    assert article.paragraphs[1].startswith("Traders were told")
    article = parse(AGENCY_FIRST_DUMP)
    assert article.title == ""
    assert article.paragraphs[0].startswith("Ines Varga, one of the best-loved fiddlers")


@pytest.mark.parametrize("headline", [
    # Headlines end with a full stop in some dumps; they are short, or written in title case.
    "Harbour board votes to close the old fish market after inspectors condemn its roof.",
    "Harbour Board Votes To Close The Old Fish Market After Inspectors Find That Its Roof "
    "Could No Longer Bear Winter Snow.",
])
def test_a_headline_ending_with_a_full_stop_is_still_the_title(headline: str) -> None:
    article = parse(f"{headline}\n\nTraders were told on Monday that they have until the end "
                    "of the month to move out.\n")
    assert article.title == headline
    assert article.paragraphs[0].startswith("Traders were told")


@pytest.mark.parametrize("story_line", [
    "Brand said he expected the first ferry to berth on Monday.",  # the story reports speech
    "Ivo Brand (left) and his deputy walked the quay on Friday.",  # a caption
])
def test_a_dump_goes_on_with_a_quote_until_the_story_speaks(story_line: str) -> None:
    article = parse("Harbour master keeps faith in the new quay\n\n"
                    "Ivo Brand was on the quay at dawn. '\n\n"
                    "We have worked on it through every tide since March.\n\n"
                    "The crews have never let me down.\n\n"
                    f"{story_line}\n\n"
                    "The council will inspect the quay next week.\n", kind="text")
    # The speaker's paragraph, split over lines by the dump, is one again; the story's own
    # line is not in it.
    assert article.paragraphs[1:3] == ["'We have worked on it through every tide since March. "
                                       "The crews have never let me down.", story_line]
