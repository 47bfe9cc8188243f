"""The stance cue table: words in a statement that lean it towards a stance, with weights.

Data only; `analysis.stance` merges, compiles and matches it."""

from __future__ import annotations

# (literal triggers, pattern, stance, weight) over the whole statement, quotes included. The
# pattern runs only when one of its triggers occurs in the lower-cased text (speed).
CUES = [
    ("warn", r"\bwarn\w*", "warns", 2.0),
    ("risk", r"\brisk\w*", "warns", 1.5),
    ("inevitab", r"\binevitabl\w*", "warns", 2.0),
    ("threat", r"\bthreat\w*", "warns", 0.5),
    ("predict", r"\bpredict(?:s|ed|ing)?\b", "warns", 1.0),
    ("oppos", r"\boppos(?:e|ed|es|ing)\b", "criticises", 1.5),
    ("danger", r"\bdanger\w*", "warns", 1.5),
    ("escalat", r"\bescalat\w*", "warns", 1.0),
    ("catastroph disast chaos", r"\bcatastroph\w*|\bdisastr\w*|\bchaos\b", "warns", 1.0),
    ("lead to|cause|trigger|provoke",
     r"\b(?:could|would|will) (?:lead to|cause|trigger|provoke)\b", "warns", 1.0),
    ("distanc", r"\bdistanc\w*", "distances", 3.0),
    ("not send|n't send|not join|n't join|not take|n't take|not part|n't part|not follow|"
     "n't follow|not support|n't support|not back|n't back|sending",
     r"\b(?:would|will|do|does|did|could|can)(?: not|n[’']t) (?:send|join|take part|participate"
     r"|follow|support|back)\b|\bnot (?:be )?sending\b", "distances", 2.0),
    ("no plan|no current|no immediate|no firm|no intention|no question",
     r"\bno (?:current |immediate |firm )?(?:plans?|intention|question of)\b",
     "distances", 2.0),
    ("ruled out", r"\bruled out (?:sending|joining|taking part|any (?:deployment|participation"
     r"|involvement))", "distances", 2.0),
    ("interven involved sides", r"\b(?:not|n[’']t|no) (?:intervene|get involved|take sides)\b",
     "distances", 2.0),
    ("speak for|personal|position of|not part of|not involved",
     r"\b(?:does|do|did)(?: not|n[’']t) speak for\b|\bpersonal (?:view|opinion)\b"
     r"|\bnot the (?:position|view|policy) of\b|\bnot (?:a )?part of\b|\bnot involved\b",
     "distances", 2.0),
    ("not on|not our", r"\bnot (?:on the table|our (?:position|policy|view))\b", "distances", 2.0),
    ("clarif", r"\bclarif\w*", "clarifies", 3.0),
    ("explain", r"\bexplain\w*", "clarifies", 2.0),
    ("centred centered focused limited", r"\b(?:centred|centered|focused|limited) on\b",
     "clarifies", 2.0),
    ("misunderst misinterp context misread",
     r"\bmisunderst\w*|\bmisinterpret\w*|\bout of context\b|\bmisread\w*", "clarifies", 2.0),
    ("meant", r"\bmeant\b", "clarifies", 1.5),
    ("no change", r"\bno change (?:in|to) (?:the |its |our )?(?:policy|position|stance|plans?)\b",
     "clarifies", 1.5),
    ("later|limited to|only to|apply only|no more than",
     r"\blater (?:said|added|told|explained|insisted|stressed|issued|released)\b|\blimited to\b"
     r"|\bapply only\b|\bonly (?:apply )?to\b|\bno more than\b", "clarifies", 1.5),
    ("misquot|did not say|didn't say|never said", r"\bmisquot\w*|\bdid(?: not|n[’']t) say\b"
     r"|\bnever said\b", "clarifies", 2.0),
    ("describing|referring|simply|only|merely|n't mean|not mean|announcing",
     r"\b(?:was|were|is|are) (?:describing|referring|simply|only|merely)\b"
     r"|\bdid(?: not|n[’']t) mean\b|\bnot (?:announcing|a (?:decision|policy|plan|threat))\b",
     "clarifies", 2.0),
    ("we're not|we are not", r"\bwe(?:[’']re| are) not\b", "clarifies", 1.0),
    ("not be|n't be|not about|n't about|not a|n't a|rather than|only about|merely",
     r"\b(?:would|will|was|is|were|are)(?: not|n[’']t) (?:be|about|a)\b|\brather than\b"
     r"|\bonly about\b|\bmerely\b", "clarifies", 1.0),
    ("insist", r"\binsist\w*", "defends", 2.0),
    ("stand by|stood by|stands by", r"\bst(?:and|ood|ands) by\b", "defends", 2.0),
    ("signal", r"\bsignal\w*", "defends", 1.0),
    ("option", r"\boptions?\b", "defends", 1.0),
    ("justif|defen|legitimate|necessary|the right",
     r"\bjustif\w*|\bdefen[cd]\w*|\blegitimate\b|\bnecessary\b|\bthe right (?:thing|call)\b",
     "defends", 1.5),
    ("critici condemn outcry", r"\bcritici\w*|\bcondemn\w*|\boutcry\b", "criticises", 3.0),
    ("fumbl|blunder|mistake|no way to|slam|betray",
     r"\bfumbl\w*|\bblunder\w*|\bmistake\w*|\bno way to\b|\bslamm?\w*|\bbetray\w*",
     "criticises", 3.0),
    ("attack on|side|solve|touch|politics|scaremonger|bully",
     r"\ban attack on\b|\b(?:chosen|taken|picked) (?:a )?sides?\b"
     r"|\b(?:won[’']t|doesn[’']t|don[’']t|will not|does not|do not) solve\b|\bout of touch\b"
     r"|\bplaying politics\b|\bscaremonger\w*|\bbully\w*", "criticises", 2.0),
    ("divisi irrespons reckless unacceptable outrag shameful deplor disgrace insult absurd "
     "nonsense",
     r"\bdivisi\w*|\birresponsib\w*|\breckless\w*|\bunacceptable\b|\boutrag\w*|\bshameful\b"
     r"|\bdeplor\w*|\bdisgrace\w*|\binsult\w*|\babsurd\b|\bnonsense\b", "criticises", 2.0),
    ("regret|consult", r"\bregrett?(?:ed|s)\b|\bnot (?:been )?consulted\b|\bwithout consult\w*",
     "criticises", 1.5),
    ("deserve|owe", r"\bdeserves? (?:better|an explanation|an apology|answers)\b"
     r"|\bowes? \w+ (?:an explanation|an apology|answers)\b", "criticises", 2.0),
    ("hardest", r"\bhit (?:\w+ ){0,3}hardest\b|\bhardest hit\b", "warns", 1.5),
    ("ridicul appall shock ill-advised naive provocat misguided unhelpful counterproductive "
     "inappropriate disgust",
     r"\bridicul\w*|\bappall\w*|\bshock(?:ed|ing)\b|\bill-advised\b|\bnaive\b|\bprovocati\w*"
     r"|\bmisguided\b|\bunhelpful\b|\bcounterproductive\b|\binappropriate\b|\bdisgust\w*",
     "criticises", 1.5),
    ("blow|devastat", r"\bhammer blow\b|\b(?:a |heavy |major |huge |severe )blow (?:to|for)\b"
     r"|\bdevastat\w*", "warns", 1.5),
    ("playing with fire|step too far|point of no return",
     r"\bplaying with fire\b|\ba step too far\b|\bpoint of no return\b", "warns", 2.0),
    ("overlong|tedious|clumsy|flawed|dull|bland|overrated|mediocre|sentimental",
     r"\boverlong\b|\btedious\b|\bclumsy\b|\bflawed\b|\bdull\b|\bbland\b|\boverrated\b"
     r"|\bmediocre\b|\bsentimental\b", "criticises", 1.5),
    ("greed|cynical|arrogan|incompeten", r"\bgreed\w*|\bcynical\w*|\barrogan\w*|\bincompeten\w*",
     "criticises", 2.0),
    ("unnecessar disappoint fail regrettab anger angry furious wrong hypocri",
     r"\bunnecessar\w*|\bdisappoint\w*|\bfail(?:ed|ure|ing|s)?\b|\bregrettabl\w*|\banger\w*"
     r"|\bangry\b|\bfurious\b|\bwrong\b|\bhypocri\w*", "criticises", 1.5),
    ("welcom prais applaud hail", r"\bwelcom\w*|\bprais\w*|\bapplaud\w*|\bhail\w*",
     "supports", 3.0),
    ("endors|back|good news|right direction|right decision|encourag|grateful|pleased|applause"
     "|solidarity|thank",
     r"\bendors\w*|\bback(?:s|ed|ing)\b|\bgood news\b|\bright direction\b|\bright decision\b"
     r"|\bencourag\w*|\bgrateful\b|\bpleased\b|\bapplause\b|\bsolidarity\b|\bthank\w*",
     "supports", 2.0),
    ("support agree overdue", r"\bsupport\w*|\bagree(?:s|d)? with\b|\boverdue\b", "supports",
     1.0),
    ("by accident|intended to|designed to|calculat",
     r"\bby accident\b|\bintended to\b|\bdesigned to\b|\bcalculat\w*", "analyses", 1.5),
    ("could be|probabl|likely|perhaps|may have|may be|might|suggest|appear|seem|in effect",
     r"\bcould be\b|\bprobabl\w*|\blikely\b|\bperhaps\b|\bmay (?:have|be)\b|\bmight\b"
     r"|\bsuggests?\b|\bappears? to\b|\bseems? to\b|\bin effect\b", "analyses", 1.0),
]
