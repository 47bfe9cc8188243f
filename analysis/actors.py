"""Who is acting in an article: the subject of a reporting verb, names and titles, actor nouns,
comparison keys. Helpers for `analysis.statements` and `analysis.reactions`; no I/O."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .actor_words import ACTOR_NOUNS, SENTENCE_OPENERS
from .pattern_text import lazy_compile, lowered_like_ignorecase, trie_pattern

UP = "A-ZÀ-ÖØ-Þ"
_CAP_TOKEN = rf"[{UP}][\w’'.-]*"
_PARTICLES = frozenset("de del della der den di da van von la le du bin al ibn st. dos das".split())
# A run of capitalised words (with name particles inside): candidate names and organisations.
NAME_RUN = lazy_compile(rf"{_CAP_TOKEN}(?:\s+(?:(?:{'|'.join(_PARTICLES)})\s+)?{_CAP_TOKEN})*")

TITLE_WORDS = frozenset(
    """president vice prime minister secretary secretary-general general chancellor defense defence
    foreign interior finance transport transportation labour labor health justice economy trade
    environment education state senator sen. rep. representative gov. governor mayor deputy
    gen. chief executive spokesman spokeswoman spokesperson head director leader chairman
    chairwoman chair ceo king queen prince pope ambassador envoy commissioner judge mr mr. mrs
    mrs. ms ms. dr dr. professor prof. former acting opposition premier councillor councilor
    minister-president lord lady sir dame attorney treasurer superintendent inspector officer
    captain capt. colonel col. lieutenant lt sergeant sgt admiral commander president-elect
    speaker shadow junior retired republican democrat democratic conservative labour liberal
    nominee candidate mp mep sen rep gov gen prof insp supt det rival fellow incoming outgoing
    embattled veteran longtime then-president magistrate coroner sheriff detective constable
    bishop archbishop rabbi imam coach manager boss striker midfielder defender goalkeeper
    chef singer actor actress author founder co-founder owner critic""".split()
)
DEMONYM = lazy_compile(r"(?:ian|ean|an|ese|ish|ch|i|ic|ene|ine)$")
ORG_WORDS = frozenset(
    """press palace council union ministry house party department association agency
    commission office committee bank court parliament government institute university centre
    center group federation league company corporation authority foundation organisation
    organization alliance assembly senate congress kremlin pentagon police army navy board
    tribunal network coalition front movement college society trust institution""".split()
)
DETERMINERS = frozenset(
    "the a an some other several many most few two three four both all its his her their "
    "our one another senior top leading local".split()
)
PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "org", "we": "group",
            "i": "person"}
_EXPERT = lazy_compile(
    r"professor|analyst|expert|researcher|scholar|economist|historian|\bfellow\b|think[- ]tank"
    r"|lecturer|academic|political scientist|strategist|consultant|\binstitute\b|observer"
    r"|commentator|specialist|university|\bcritic\b", re.IGNORECASE)
_EXPERT_LOWER = lazy_compile(_EXPERT.pattern)
_EXPERT_WORDS = ("professor", "analyst", "expert", "researcher", "scholar", "economist",
                 "historian", "fellow", "think", "lecturer", "academic", "political scientist",
                 "strategist", "consultant", "institute", "observer", "commentator",
                 "specialist", "university", "critic")  # one in each alternative of _EXPERT
# Finds one of those words: one scan, cheaper than a substring test of each.
_ANY_EXPERT_WORD = lazy_compile(trie_pattern(sorted(_EXPERT_WORDS)))
_LEADING_ADVERBIAL = frozenset(
    """soon later earlier meanwhile however on in at after before since when while whatever
    but yet still also separately elsewhere now today yesterday last this asked speaking
    instead and so then still by for from as though although even despite within following
    during shortly overnight""".split()
)
_RELATIVE = lazy_compile(r"\s+(?:that|who|which|whose|with|familiar|close to|speaking|,\s*who)\s")
_POST_MODIFIER = lazy_compile(r"\s+(?:from|of|at|in|for)\s+")
_APPOSITIVE_OPENERS = frozenset("the a an its their his her our".split())
_SUBORDINATORS = frozenset("as because since while though although but and so or yet if".split())
_RELATIVE_PART = lazy_compile(r"(?:who|which|whose|where)\b")
_ADVERBS = frozenset("also later then quickly swiftly publicly previously repeatedly has have had "
                     "now again already once too".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday week".split())


def _strip_trailing_adverbs(text: str) -> str:
    """'French officials later' -> 'French officials'; 'The union on Monday' -> 'The union'."""
    words = text.split()
    while words:
        low = words[-1].lower()
        if low in _ADVERBS or (low.endswith("ly") and len(low) > 4 and words[-1].islower()):
            words.pop()
        elif low in _WEEKDAYS and len(words) > 1 and words[-2].lower() in ("on", "this"):
            del words[-2:]
        else:
            break
    return " ".join(words)


def fold(text: str) -> str:
    """Lower case, accents and non-ASCII marks dropped, one kind of apostrophe: for comparing."""
    if text.isascii():
        return text.lower()  # what _fold() makes of it, without a cache lookup
    return _fold_short(text) if len(text) < 64 else _fold(text)


def _fold(text: str) -> str:
    text = text.replace("’", "'")
    if not text.isascii():
        # Quote marks and dashes have no decomposition and are dropped: when nothing else is
        # outside ASCII, dropping them is the whole of the normalisation below.
        plain = text.replace("“", "").replace("”", "").replace("—", "").replace("–", "")
        if plain.isascii():
            return plain.lower()
        if len(plain) > _LONG_TEXT:
            # Only the few stretches outside ASCII are normalised (see _ascii_of_stretch).
            return plain.encode("ascii", _ASCII_OF_STRETCH).decode("ascii").lower()
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return text.lower()


def _ascii_of_stretch(error: UnicodeEncodeError) -> tuple[str, int]:
    """The ASCII that NFKD leaves of a stretch of text outside ASCII. The same per stretch as
    over the whole text: decomposition maps each character on its own, and canonical
    reordering moves only combining marks, which are never ASCII and are dropped."""
    stretch = error.object[error.start:error.end]
    return unicodedata.normalize("NFKD", stretch).encode("ascii", "ignore").decode(), error.end


_LONG_TEXT = 1000  # from about this many characters the handler is faster than normalize()
_ASCII_OF_STRETCH = "byline-fold-ascii"
codecs.register_error(_ASCII_OF_STRETCH, _ascii_of_stretch)


_fold_short = lru_cache(maxsize=8192)(_fold)  # names and phrases recur; long texts do not


@lru_cache(maxsize=4096)
def strip_titles(name: str) -> str:
    """'Russian President Vladimir Putin' -> 'Vladimir Putin', 'Retired Lt. Gen. Ann Lee' ->
    'Ann Lee': everything up to the last title word goes, and leading determiners."""
    tokens = name.split()
    last_title = -1
    for i, tok in enumerate(tokens[:-1]):
        low = tok.lower()
        if low in TITLE_WORDS or low.rstrip(".,") in TITLE_WORDS:
            last_title = i
    tokens = tokens[last_title + 1:]
    while len(tokens) > 1 and tokens[0].lower() in DETERMINERS:
        tokens.pop(0)
    return " ".join(tokens)


@lru_cache(maxsize=4096)
def looks_like_name(text: str) -> bool:
    """1-6 capitalised words (particles allowed inside), nothing else."""
    tokens = text.split()
    if not 1 <= len(tokens) <= 7 or not tokens[0][:1].isupper() or not tokens[-1][:1].isupper():
        return False
    return all(t[:1].isupper() or t.lower() in _PARTICLES or t in _NAME_JOINERS for t in tokens)


_NAME_JOINERS = frozenset(("and", "of", "for", "the", "on", "&"))  # "Bank of Eastmark"


_RELATIVE_WORDS = ("that", "who", "which", "with", "familiar", "close to", "speaking")
_ANY_RELATIVE_WORD = lazy_compile(trie_pattern(sorted(_RELATIVE_WORDS)))  # one scan finds any


def _before_relative(text: str) -> str:
    """_RELATIVE.split(" " + text + " ")[0]: the padded text up to a relative clause ("who …",
    "familiar with …"); a text without any of the pattern's words is not searched."""
    if _ANY_RELATIVE_WORD.search(text) is None:
        return f" {text} "
    return _RELATIVE.split(" " + text + " ")[0]


def _before_post_modifier(text: str) -> str:
    """_POST_MODIFIER.split(text)[0], without building the list of parts."""
    found = _POST_MODIFIER.search(text)
    return text if found is None else text[:found.start()]


@lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """The comparison key of a person or actor: surname for names, head noun for groups."""
    head = _before_relative(name).strip()
    head = _before_post_modifier(head)
    tokens = head.replace(",", " ").split()  # re.split(r"[\s,]+") less its empty strings
    if not tokens:
        return ""
    last = tokens[-1]
    word = fold(last).strip(".,'")
    if last[:1].isupper() and word not in ACTOR_NOUNS:
        return word  # a surname or a name: Ramos, Jones, Harris keep their s
    return word[:-1] if word.endswith("s") and len(word) > 4 and not word.endswith("ss") else word


_ACTOR_KEYS = frozenset(name_key(n) for n in ACTOR_NOUNS)


# Adverb endings that surnames do not have ("Worryingly", "Additionally"; not Kelly, Italy).
_ADVERB_ENDINGS = ("ingly", "ally", "edly", "ously", "fully", "ently", "antly", "ively", "ately",
                   "ably", "essly")


@lru_cache(maxsize=2048)
def sentence_opener(word: str) -> bool:
    """'Now', 'Explaining', 'Certainly': words capitalised for their position, not names. An
    '-ing' word may still be a surname (Manning): callers check it is not used as one."""
    low = fold(word)
    return (low in SENTENCE_OPENERS or low.endswith(_ADVERB_ENDINGS)
            or low.endswith("ing") and len(low) > 4)


def is_actor_noun(word: str) -> bool:
    """'Analysts', 'officials': a common noun for people who make statements."""
    return fold(word) in ACTOR_NOUNS or name_key(word) in _ACTOR_KEYS


@lru_cache(maxsize=1024)
def is_expert(text: str) -> bool:
    low = text.lower()
    if lowered_like_ignorecase(text, low):
        # every match has one of the words (most texts none)
        return _ANY_EXPERT_WORD.search(low) is not None and bool(_EXPERT_LOWER.search(low))
    return bool(_EXPERT.search(text))


@dataclass
class Actor:
    name: str  # display name: canonical for people, the noun phrase for groups
    key: str
    kind: str  # person, group, org
    role: str = ""


def classify(name: str) -> str:
    """person, org or group, from the shape of a name or noun phrase."""
    tokens = name.split()
    if not tokens:
        return "group"
    last = fold(tokens[-1]).strip(".,")
    if looks_like_name(name):
        if last in ORG_WORDS or len(tokens) == 1 or tokens[0].isupper():
            return "org"
        return "person"
    head = name_key(name)
    if fold(tokens[0]) in ("the", "a", "an") and head in ORG_WORDS:
        return "org"
    if head.endswith("s") or fold(name).endswith("s") or fold(tokens[0]) in ("some", "other",
                                                                            "several", "many"):
        return "group"
    return "person" if head in ACTOR_NOUNS else "group"


# Verbs of speaking that take a clause: a subject phrase never runs through one.
_SPEECH_VERB = lazy_compile(
    r"(?<![\w-])(?:said|says|told|tells|warned|warns|added|insisted|argued|explained|stressed"
    r"|cautioned|acknowledged|conceded|admitted|replied|responded|retorted|countered|claimed)\b")


def subject_noun_phrase(prefix: str) -> str | None:
    """The subject of a reporting verb from the masked text that precedes it, or None."""
    text = prefix.rpartition("\x00")[2]  # after the last quoted stretch
    if " " in text:
        # "Local councillors said residents had warned": the phrase stops at the first verb.
        speech = _SPEECH_VERB.search(text)
        if speech:
            text = text[:speech.start()]
    text = text.strip(" ,;:—–-")
    text = _strip_trailing_adverbs(text).strip(" ,")
    if not text:
        return None
    parts = [p for p in text.split(", ") if p.strip()] or [text]
    if len(parts) > 1 and looks_like_name(parts[-1].strip()):
        # "…, but his agent, Marco Bellini, said": the name with its short appositive
        appositive = parts[-2].split()
        if appositive and len(appositive) <= 4 and fold(appositive[0]) in _APPOSITIVE_OPENERS:
            return ", ".join(p.strip() for p in parts[-2:])
        return parts[-1].strip()
    for i, part in enumerate(parts[1:], 1):
        if _RELATIVE_PART.match(part):  # "X, who left last year after …, criticised"
            parts = parts[:i]
            break
    words = parts[-1].split()
    while len(words) > 1 and words[0].lower() in _SUBORDINATORS:
        words.pop(0)  # "…, as experts say"
    parts[-1] = " ".join(words)
    last = parts[-1].strip()
    if len(parts) > 1 and (looks_like_name(last) or fold(last) in PRONOUNS):
        return last
    if len(parts) > 1 and len(last.split()) <= 4 and name_key(last) in _ACTOR_KEYS:
        # "…, analysts say" after a clause; but "Osterland, the neighbouring region, said"
        before = parts[-2].strip()
        return ", ".join(parts[-2:]) if looks_like_name(before) and not sentence_opener(
            before) else last
    while len(parts) > 1 and fold(parts[0].split()[0]) in _LEADING_ADVERBIAL:
        parts.pop(0)
    np = ", ".join(parts).strip()
    words = np.split()
    if words and fold(words[0]) in _LEADING_ADVERBIAL and len(words) > 1 and fold(words[0]) not in (
            "this",):
        return None
    if not 1 <= len(words) <= 14:
        return None
    return np


_CAPITALISED_RUN = lazy_compile(rf"^(?:[{UP}][\w.’'-]*\s+)+[{UP}]")
_LINKING_WORDS = frozenset("at in of from for with and by on to or as than like near".split())


@lru_cache(maxsize=2048)
def actor_from_phrase(np: str) -> tuple[str, str]:
    """Display name and role from a subject noun phrase ('The foreign minister, Lucie
    Duret' -> ('Lucie Duret', 'The foreign minister'))."""
    if "," in np:
        parts = [p.strip() for p in np.split(",") if p.strip()]
    else:  # the common case: one part
        parts = [np.strip()] if np.strip() else []
    if len(parts) > 1 and looks_like_name(parts[0]) and not looks_like_name(parts[1]) and \
            not sentence_opener(parts[0]):
        name = strip_titles(parts[0])  # "Osterland, the neighbouring region"
        return name, ", ".join(parts[1:])
    for i, part in enumerate(parts):
        if i and looks_like_name(part) and len(strip_titles(part).split()) >= 2:
            return strip_titles(part), ", ".join(parts[:i])
    cut = _before_relative(np).strip(" ,")
    words = cut.split()
    cut_is_name = looks_like_name(cut)
    if cut_is_name and not ORG_WORDS.isdisjoint(fold(cut).split()):
        # "The Royal College of General Practitioners": an organisation keeps its whole name
        if fold(words[0]) in ("the", "a", "an"):
            words[0] = words[0].lower()
        return " ".join(words), ""
    if cut_is_name or _CAPITALISED_RUN.match(cut):
        stripped = strip_titles(cut)
        if fold(words[0]) in ("the", "a", "an") and len(stripped.split()) == len(words) - 1:
            return words[0].lower() + " " + stripped, ""
        if looks_like_name(stripped) and stripped != cut:
            return stripped, cut[: len(cut) - len(stripped)].strip()
    # "Political scientist Jan Dvorak of Velden University": the name before "of …"
    core = _before_post_modifier(cut).rstrip(" ,;")
    tokens = core.split()
    run = 0
    while run < min(len(tokens) - 1, 4) and tokens[-1 - run][:1].isupper():
        run += 1
    if 2 <= run < len(tokens):
        before = tokens[-1 - run]
        word = fold(before).rstrip(".")
        if word in TITLE_WORDS or before.islower() and word not in _LINKING_WORDS and \
                word not in DETERMINERS:
            # "Opposition transport spokesman Callum Fenwick", "the music critic Idris Cole"
            return " ".join(tokens[-run:]), (" ".join(tokens[:-run]) + cut[len(core):]).strip()
    if words and fold(words[0]) in ("the", "a", "an", "some", "other"):
        words[0] = words[0].lower()
    return " ".join(words), np[len(cut):].strip(" ,")


_NOT_IN_ACTOR_PHRASES = frozenset("“”\"«»()[]\x00")
_AUXILIARIES = frozenset("is are was were been being has have had will would can could should may "
                         "might must do does did".split())
_PEOPLE_PLURALS = ("ers", "ists", "ians", "ents", "ors", "ees")


@lru_cache(maxsize=2048)
def valid_actor_phrase(name: str) -> bool:
    """A statement-making noun phrase: a name, or a phrase headed by an actor noun."""
    if not name or not name[0].isalpha() or len(name) > 70:
        return False
    words = name.split()
    if len(words) > 10:
        return False
    if not _NOT_IN_ACTOR_PHRASES.isdisjoint(name):
        return False
    if not _AUXILIARIES.isdisjoint(name.lower().split()):
        return False  # "A taxi driver in India has been arrested after being": a clause
    if looks_like_name(name) or looks_like_name(strip_titles(name)):
        return True
    if words and words[-1][:1].isupper() and fold(words[0]) in DETERMINERS:
        return True  # "the Kremlin", "the Workers' Union"
    key = name_key(name)
    if key in ACTOR_NOUNS or key in _ACTOR_KEYS or key in TITLE_WORDS:
        return True  # "analysts", "the ministry", "the European trade commissioner"
    head = fold(words[-1])
    return head.endswith(_PEOPLE_PLURALS) and len(head) > 6  # shopkeepers, cyclists, residents


_FOLDED_WORD = lazy_compile(r"[a-z0-9]+(?:'(?!s\b)[a-z]+)*")


def words_of(folded: str) -> list[str]:
    """The words of folded text, possessive 's dropped: "o'brien's" -> ["o'brien"]."""
    return _FOLDED_WORD.findall(folded)
