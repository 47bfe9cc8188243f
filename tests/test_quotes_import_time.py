"""Importing the engine stays cheap: its patterns compile on first use, and the HTML extractor
(trafilatura, lxml) loads only when an HTML page is parsed. Each check runs in a fresh
interpreter, so modules other tests imported do not hide the cost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.pattern_text import compile_all_patterns, lazy_compile

ROOT = Path(__file__).resolve().parent.parent

_ENGINE = "analysis.quotes, analysis.reactions, analysis.summary, analysis.text.article"


def _run(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=True)
    return json.loads(done.stdout)


def test_importing_the_whole_engine_is_fast() -> None:
    # Generous for a loaded CI machine without bytecode caches (about 80 ms on a quiet one);
    # compiling every pattern at import, as before, took about twice that.
    code = ("import json, sys, time\n"
            "start = time.perf_counter()\n"
            f"import {_ENGINE}\n"
            "print(json.dumps({'ms': (time.perf_counter() - start) * 1000}))")
    best = min(_run(code)["ms"] for _ in range(2))
    assert best < 400, f"importing the engine took {best:.0f} ms"


def test_importing_analysis_does_not_load_the_html_extractor() -> None:
    code = ("import json, sys\n"
            "import analysis\n"
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('trafilatura', 'lxml'))\n"
            "print(json.dumps({'heavy': heavy, 'engine': 'analysis' in sys.modules}))")
    found = _run(code)
    assert found["engine"]
    assert found["heavy"] == []


def test_importing_the_engine_compiles_no_large_pattern_of_its_own() -> None:
    code = ("import json, re, sys\n"
            "compiled = []\n"
            "real = re.compile\n"
            "def spy(pattern, flags=0):\n"
            "    if '/analysis/' in sys._getframe(1).f_code.co_filename.replace(chr(92), '/'):\n"
            "        compiled.append(len(str(pattern)))\n"
            "    return real(pattern, flags)\n"
            "re.compile = spy\n"
            f"import {_ENGINE}\n"
            "from analysis import stance\n"
            "print(json.dumps({'longest': max(compiled, default=0),\n"
            "                  'verbs': len(stance.REPORTING_VERB.pattern)}))")
    found = _run(code)
    # The reporting-verb and stance cue patterns run to thousands of characters; what the
    # engine still compiles at import are a few short helpers.
    assert found["verbs"] > 1000
    assert found["longest"] < 300


def test_a_lazy_pattern_behaves_as_the_compiled_one() -> None:
    lazy = lazy_compile(r"(?P<word>\b[a-z]+)\b", 0)
    real = __import__("re").compile(r"(?P<word>\b[a-z]+)\b")
    text = "Alpha beta, gamma-delta 42 epsilon"
    assert lazy.pattern == real.pattern
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.findall(text) == real.findall(text)
    assert lazy.sub("#", text) == real.sub("#", text)
    assert lazy.search(text, 7).group("word") == real.search(text, 7).group("word")
    assert lazy.match(text) is None and lazy.fullmatch("beta") is not None
    assert lazy.groupindex == real.groupindex and lazy.groups == real.groups
    with pytest.raises(AttributeError):
        lazy.no_such_attribute  # noqa: B018


def test_compile_all_patterns_compiles_the_lazy_ones() -> None:
    code = ("import json\n"
            f"import {_ENGINE}\n"
            "from analysis import pattern_text, stance\n"
            "before = sum(p._compiled is not None for p in pattern_text._LAZY_PATTERNS)\n"
            "count = pattern_text.compile_all_patterns()\n"
            "after = sum(p._compiled is not None for p in pattern_text._LAZY_PATTERNS)\n"
            "print(json.dumps({'before': before, 'count': count, 'after': after,\n"
            "                  'verbs': stance.REPORTING_VERB.search('she said so')['verb']}))")
    found = _run(code)
    assert found["before"] < found["count"] / 2 and found["count"] > 100
    assert found["after"] == found["count"]
    assert found["verbs"] == "said"
    lazy = lazy_compile(r"x+")
    assert compile_all_patterns() >= 1 and lazy._compiled is not None
