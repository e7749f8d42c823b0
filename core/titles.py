"""When two need titles name the same thing: one rule for the duplicate check (``duplicates``)
and the overlap warning (``overlaps``), so that a clerk is never told a need is a duplicate of
one that the overlap warning calls different, or the reverse."""

from __future__ import annotations

import difflib
import re

# Words that say nothing of what is needed.
STOPWORDS = frozenset(
    {"untuk", "dan", "yang", "bagi", "dengan", "dari", "para", "pada", "the", "for", "and", "with", "of"}
)


def title_words(title: str) -> set[str]:
    return {word for word in re.findall(r"[a-z]+", title.lower()) if len(word) >= 3 and word not in STOPWORDS}


def similar_titles(first: str, second: str) -> bool:
    """Whether two need titles name the same thing: half their words in common ("Kasur busa
    asrama putra" and "Kasur busa untuk asrama"), or nearly the same text ("Kasur busa" and
    "kasur-busa"). Numbers do not count: "Kasur busa 2024" is "Kasur busa"."""
    words_a, words_b = title_words(first), title_words(second)
    if words_a and words_b and len(words_a & words_b) / len(words_a | words_b) >= 0.5:
        return True
    text_a, text_b = " ".join(sorted(words_a)), " ".join(sorted(words_b))
    if not (text_a and text_b):
        return False
    matcher = difflib.SequenceMatcher(None, text_a, text_b)
    # The two quick ratios are upper bounds of ratio() (difflib's documentation): most titles
    # compared are plainly different, and ratio() is the costly one.
    return matcher.real_quick_ratio() >= 0.85 and matcher.quick_ratio() >= 0.85 and matcher.ratio() >= 0.85
