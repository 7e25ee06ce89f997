"""Unnamed groups counted rather than named ("some Democrats", "many backers", "a full 79
percent of voters", "those surveyed", "all but two", "three in four"): each is an unnamed
source of its own, whatever organisation or nationality its words name. The quantifiers are
`data/quantifier_words.txt`."""
from __future__ import annotations

from .. import lexicon


def quantifiers() -> frozenset[str]:
    return lexicon.word_list("quantifier_words.txt")


def is_counted_group(root, phrase) -> bool:
    """A mention that counts people instead of naming them."""
    words = quantifiers()
    if root.lower_ in words or root.lemma_.lower() in words or root.lower_ in lexicon.function_words("percent_word"):
        return True  # "some of the women", "most of them", "a mere 9 percent"
    if any(c.dep_ == "prep" and c.lower_ == "but" for c in root.children) and root.lower_ == "all":
        return True
    for child in root.children:
        if child.dep_ in {"det", "amod", "predet", "quantmod", "nummod"} and child.lower_ in words:
            return True
        if child.dep_ == "nummod" and child.like_num and root.tag_ in {"NNS", "NNPS"}:
            return not any(c.dep_ == "det" and c.lower_ in lexicon.function_words("plural_definite") for c in root.children)
    # "those surveyed", "those polled"
    return root.lower_ == "those" and any(c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in lexicon.word_list("survey_verbs.txt")
                                          for c in root.children)
