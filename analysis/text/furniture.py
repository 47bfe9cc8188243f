"""Page furniture: the lines a saved news page carries that are not the story.

Gallery counters, captions with photo credits, copyright lines, "Recommended Videos",
share/newsletter prompts, "Follow ... coverage" and contributor lines; plus the two header
pieces that are kept as fields rather than dropped: the byline and the dateline.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..patterns import lazy_compile

_SHORT_FURNITURE = lazy_compile(
    r"""^(?:
        full\s*screen | menu | main\s+menu | navigation | search | log\s*in | sign\s+in | home
      | enlarge\s+this\s+image | (?:toggle|hide|show)\s+caption | expand
      | close | open\s+gallery | view\s+(?:gallery|slideshow|photos?) | play(?:\s+video)?
      | (?:recommended|related|featured|latest|top)\s+(?:videos?|stories|articles|news|content)
      | advertisement | advertising | ad | sponsored(?:\s+content)? | paid\s+content
      | (?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?
      | continue\s+reading(?:\s+(?:below|the\s+main\s+story))?
      | scroll\s+(?:down\s+)?to\s+continue.* | skip\s+(?:to\s+(?:main\s+)?content|ad(?:vert)?)
      | share(?:\s+(?:this|the))?(?:\s+(?:article|story|page|post|video))?(?:\s+on\s+\w+)?
      | share\s+via.* | (?:tweet|email|print|comments?|save|bookmark|copy\s+link|link\s+copied)
      | (?:sign\s+up|subscribe|register)\b.*
      | (?:read|see|watch|listen)\s+(?:more|also|next|now)\b.* | more\s+(?:from|on|about)\b.*
      | related(?:\s+(?:articles?|stories|coverage|content|topics|links))?\s*(?::.*)?
      | (?:most\s+(?:read|popular|viewed)|trending(?:\s+now)?|you\s+may\s+also\s+like|up\s+next)
      | read\s+the\s+(?:rest|full\s+(?:story|article|report))\b.*
      | click\s+here\b.* | listen\s+to\s+this\s+article.* | watch:.* | video:.* | image:.*
      | this\s+(?:story|article)\s+(?:has\s+been|was)\s+(?:updated|corrected|amended)\b.*
      | (?:abstract|full\s+text|highlights|story\s+highlights)\s*[.:]?
      | (?:photo|image|picture|gallery)\s+\d+\s+(?:of|/)\s+\d+ | \d+\s*(?:/|of)\s*\d+
      | [_\-=*~•·.\s]{3,}
      | (?:https?://|www\.)\S+ | \S+@\S+\.\w+ | \d+\s+comments?
      | (?:read|related|more|watch|see\s+also)\s*:.* | supported\s+by | loading(?:\.\.\.|…)?
      | click\s+to\b.* | reuse\s+this\s+content
      | explore\s+more\s+on\s+th(?:is|ese)\s+topics? | our\s+standards\s*:.*
      | this\s+article\s+is\s+more\s+than\s+\S+\s+\w+\s+old | \d+\s*min(?:ute)?s?\s+read
    )[.!:]?$""",
    re.I | re.X,
)
# Kept out of _SHORT_FURNITURE: its leading .* made every paragraph a full scan.
_ENABLE_JAVASCRIPT = lazy_compile(r"^.*\benable\s+javascript\b.*[.!:]?$", re.I)
# "About us | Contact | Terms": short items between separators, no sentence in sight.
_NAV_LIST = lazy_compile(r"^[^.!?|•·]{1,40}(?:\s+[|•·]\s+[^.!?|•·]{1,40}){2,}$")
_COPYRIGHT = lazy_compile(r"^(?:copyright\b|©|\(c\)\s*(?:19|20)\d\d)|all\s+rights\s+reserved", re.I)
_CAPTION_START = lazy_compile(
    r"^(?:photo(?:graph)?s?|image|picture|pictured|caption|credit|illustration|file\s+photo"
    r"|(?:image|media|video)\s+(?:caption|source))(?:\s+(?:by|credit))?\s*[:,]",
    re.I,
)
_CREDIT_TAIL = 160
_FILE_PHOTO = lazy_compile(r"^FILE\s*(?:PHOTO\s*)?[-–—:]\s")
# Wire captions date their picture in full: "... in Paris, Monday, Feb. 26, 2024."
_CAPTION_DATE = lazy_compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\b"
)
_CREDIT_WORDS = (
    r"(?:photo|pool|getty|shutterstock|alamy|afp|epa|reuters|ap|associated\s+press"
    r"|via|credit|courtesy|handout|file)"
)
# The credit that ends a caption, three ways (each tried only where the tail can hold it):
# "(Gonzalo Fuentes/Pool via AP)", "(AP Photo/Evan Vucci)", "(Photo by X/Getty Images)"
_CREDIT_IN_BRACKETS = lazy_compile(
    r"\((?=[A-Z])(?=[^()]*(?:[A-Z][^()/]*/\s*[A-Z]|\b" + _CREDIT_WORDS + r"\b)[^()]*\))"
    r"[^():]{2,120}(?<!\.)\)\s*\.?\s*$",
    re.I,
)
_CREDIT_AFTER_COLON = lazy_compile(r"(?:photo(?:graph)?|image|credit)\s*:\s*[^.]{2,100}$", re.I)
_CREDIT_NAME_END = lazy_compile(
    r"\b(?:getty\s+images|shutterstock|alamy(?:\s+stock\s+photo)?|ap\s+photo|epa-efe)\s*\.?\s*$",
    re.I,
)
_FOLLOW = lazy_compile(
    r"^(?:follow|find|see|read|get|for\s+more)\b.{0,160}\b(?:coverage|on\s+(?:twitter|x|"
    r"facebook|instagram|threads|bluesky)\b|@\w+)",
    re.I,
)
_CONTRIBUTED = lazy_compile(
    r"contributed(?:\s+(?:reporting|research|writing|to\s+(?:this|the)\s+(?:report|story|article)"
    r"|(?:to\s+)?this\s+report))?\s*\.?\s*$"
    r"|^(?:additional\s+)?(?:reporting|writing|editing|research)\s+by\b"
    r"|;\s*editing\s+by\b",
    re.I,
)
_TERMINAL = lazy_compile(r"[.!?:;\"”’'»)…]\s*$")


def fold_for_prefilter(text: str) -> str:
    """text lower-cased so that a substring test finds whatever an re.I pattern would: re.I
    also matches "i" to "ı" and "İ" (lower-cased "i" + U+0307), and "s" to "ſ"."""
    low = text.lower()
    if "ı" in low or "ſ" in low or "\u0307" in low:
        low = low.replace("ı", "i").replace("ſ", "s").replace("\u0307", "")
    return low


# What the lower-cased text must start with for _FOLLOW or _CAPTION_START to match.
_FOLLOW_STARTS = ("follow", "find", "see", "read", "get", "for")
_CAPTION_STARTS = ("photo", "image", "picture", "caption", "credit", "illustration", "file",
                   "media", "video")
# What _CONTRIBUTED needs: "contributed", one of these words opening the text, or "; editing".
_CREDIT_LINE_STARTS = ("additional", "reporting", "writing", "editing", "research")
_CREDIT_END_WORDS = ("images", "shutterstock", "alamy", "photo", "epa-efe")
# Their last letters, in every case re.I matches (with the long s and the Kelvin sign).
_CREDIT_END_LAST_LETTERS = frozenset("sSſkKKyYoOeE")


def _ends_with_credit(tail: str) -> bool:
    """A photo credit ends tail: "(AP Photo/Evan Vucci)", "Photo: Jane Roe", "Getty Images"."""
    end = tail.rstrip().removesuffix(".").rstrip()
    if end.endswith(")"):
        # Only the last "(" can open it: the credit holds no bracket and only spaces and a
        # full stop follow it.
        bracket = tail.rfind("(")
        if bracket >= 0 and _CREDIT_IN_BRACKETS.match(tail, bracket):
            return True
    elif end[-1:] in _CREDIT_END_LAST_LETTERS and fold_for_prefilter(end[-16:]).endswith(
            _CREDIT_END_WORDS):  # the longest credit word has 12 letters
        if _CREDIT_NAME_END.search(tail):
            return True
    if ":" in tail:
        low = fold_for_prefilter(tail)
        return ("photo" in low or "image" in low or "credit" in low) and \
            bool(_CREDIT_AFTER_COLON.search(tail))
    return False




@lru_cache(maxsize=4096)  # pages of one site repeat their furniture; summaries re-check sentences
def is_furniture(paragraph: str, *, crumbs: bool = True) -> bool:
    """True when a paragraph is page furniture rather than part of the story.

    crumbs: also count a few capitalised words without punctuation ("World", "Europe News")
    as navigation; off where a short headline is expected.
    """
    text = paragraph.strip()
    if not text:
        return True
    lowered = fold_for_prefilter(text)
    # Cheap substring tests before the patterns that need a special character.
    if len(text) <= 200 and (_SHORT_FURNITURE.match(text) or (
            "|" in text or "•" in text or "·" in text) and _NAV_LIST.match(text) or (
            "javascript" in lowered and _ENABLE_JAVASCRIPT.match(text))):
        return True
    if len(text) <= 300 and ((
            "©" in text or "copyright" in lowered or "(c)" in lowered or "rights" in lowered)
            and _COPYRIGHT.search(text)
            or lowered.startswith(_FOLLOW_STARTS) and _FOLLOW.match(text)):
        return True
    if len(text) <= 400 and ("contributed" in lowered or lowered.startswith(_CREDIT_LINE_STARTS)
                             or "editing" in lowered and ";" in text) and _CONTRIBUTED.search(text):
        return True
    # The credit patterns are anchored at the end: only the tail can match.
    if lowered.startswith(_CAPTION_STARTS) and _CAPTION_START.match(text) or \
            _ends_with_credit(text[-_CREDIT_TAIL:]):
        return True
    if text.startswith("FILE") and _FILE_PHOTO.match(text):
        return True
    # A crumb of navigation: a few words with no sentence punctuation or quote marks.
    if not crumbs:
        return False
    words = text.split(None, 3)  # a fourth part: more than three words
    return (
        len(words) <= 3
        and all(not w[0].isalpha() or w[0].isupper() for w in words)
        and not _TERMINAL.search(text)
        and not re.search(r"[\"“”‘’«»]", text)
    )


def is_leading_caption(paragraph: str) -> bool:
    """A photo caption without credit, as found above a story: dated in full, wire style."""
    return (len(paragraph) <= 600 and bool(_CAPTION_DATE.search(paragraph))
            and not split_dateline(paragraph)[0])


# The words a caption says where its people stand with: "Ivo Brand (left)", "(pictured)".
PICTURE_PLACES = "pictured|left|right|centre|center|above|below|inset"
# What marks a picture's caption that a page dump ran into the story: where the people stand in
# it ("Ivo Brand (left) and his deputy", "his wife (pictured with him last month)"), "pictured".
_IN_PICTURE = lazy_compile(
    rf"\((?:[^()]{{0,40}}\s)?(?:{PICTURE_PLACES})\b[^()]{{0,60}}\)|\bpictured\b")


def is_picture_caption(line: str) -> bool:
    """Whether a line reads as a picture's caption: it says who stands where in the picture,
    or that someone is pictured."""
    return ("(" in line or "ictured" in line) and _IN_PICTURE.search(line) is not None


_BYLINE = lazy_compile(r"^(?:written\s+)?by\s*:?\s+(?P<names>[^!?;:]{2,120}?)\s*\.?\s*$", re.I)
_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may"
    " june july august september october november december the this that then now".split()
)
_BYLINE_TAIL = lazy_compile(
    r"(?:\s*[,|/–—-]\s*|\s+)(?:the\s+)?(?:associated\s+press|ap|reuters|afp|bloomberg|cnn"
    r"|staff\s+(?:writer|reporter)|correspondent|special\s+to\s+.+|for\s+.+)\s*$",
    re.I,
)


def byline_of(paragraph: str) -> str | None:
    """The author names when paragraph is a byline ("By JANE DOE and John Roe, Reuters")."""
    m = _BYLINE.match(paragraph.strip())
    if not m:
        return None
    names = m.group("names").strip()
    while True:
        trimmed = _BYLINE_TAIL.sub("", names).strip(" ,|")
        if trimmed == names or not trimmed:
            break
        names = trimmed
    words = re.findall(r"[^\W\d_][\w'’.-]*", names)
    if not words or len(words) > 14:
        return None
    function_words = {"and", "de", "van", "von", "der", "da", "del", "la", "le", "bin", "al"}
    if any(w.lower() in _NOT_NAMES for w in words):
        return None
    if any(w[0].islower() and w.lower() not in function_words for w in words):
        return None  # "by the time the ...": prose, not names
    if all(w.isupper() or w.lower() in function_words for w in words):
        names = " ".join(
            w.lower() if w.lower() in function_words else w.capitalize() for w in names.split()
        )
    return names


_DATELINE = lazy_compile(
    r"""^(?P<place>
          [A-Z][A-Z'’.\-/]+(?:\s+[A-Z][A-Z'’.\-/]+){0,3}      # PARIS, NEW YORK, BEIJING/SHANGHAI
          (?:,\s+[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){0,2})?  # , N.Y. / , Ukraine
        |
          [A-Z][a-z'’.\-]+(?:\s+[A-Z][a-z'’.\-]+){0,2}                  # Paris (AFP),
          (?:,\s+[A-Z][A-Za-z'’.\-]+(?:\s+[A-Z][A-Za-z'’.\-]+){0,2})?    # Kathmandu, Nepal
          (?=[^()]{0,30}\([A-Z])                                            # (CNN)
        )
        (?:,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?))?  # , March 3
        (?:\s*\((?P<agency>[A-Za-z][\w .&-]{0,30})\)\s*(?:[–—―]{1,2}\s*|-{1,2}\s+)?  # (AP) —
          | \s*[–—―]{1,2}\s* | \s+-{1,2}\s+ | \s*--\s*)                      # or a dash alone
        (?=[A-Z0-9"“‘'«])""",
    re.X,
)
_AGENCY_ONLY = lazy_compile(
    r"^\((?:CNN|AP|AFP|Reuters|Bloomberg|UPI|[A-Z]{2,6})\)\s*(?:[–—―-]{1,2}\s*)?"
)


def split_dateline(paragraph: str) -> tuple[str, str]:
    """("PARIS", rest) when paragraph opens with a dateline, else ("", paragraph)."""
    m = _DATELINE.match(paragraph)
    if m:
        place = m.group("place").strip()
        letters = re.sub(r"[^A-Za-z]", "", place)
        rest = paragraph[m.end():].strip()
        if len(letters) >= 2 and len(place) <= 40 and rest and (
            place.split(",")[0].isupper() or m.group("agency")
        ):
            return place, rest
    m = _AGENCY_ONLY.match(paragraph)
    if m and paragraph[m.end():].strip():
        return "", paragraph[m.end():].strip()
    return "", paragraph
