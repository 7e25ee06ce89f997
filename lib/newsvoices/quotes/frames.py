"""Cue frames: the dependency shapes that tie a cue to its speaker, kept as data.

`data/cue_frames.json` holds spaCy DependencyMatcher patterns, one entry per frame: "according
to X" and "X's claim that ...". A verb's subject and a passive verb's agent are read off its
children in `cues.speaker_head`: a pattern anchored on any token made the statement step four
times slower for what one line of Python says. An attribute value
"@name" stands for a word list of `data/` (`FRAME_WORD_LISTS`), so the patterns and the lists
stay in step. The cue rules (`cues.CUE_RULES`) read the matches; they keep in Python only
what a pattern cannot say (which of two readings wins, what a rule refuses).

The matcher runs at most once per article, over the whole parse, and only when a cue rule
asks about a token that `might_match` a frame (its anchor's attributes and direct children,
read off the patterns); its matches are kept on the Doc
(`newsvoices_cue_frames`, declared in `nlp`).
"""
from __future__ import annotations

import json
from functools import cache, lru_cache

from .. import lexicon


def _cased(words) -> list[str]:
    """Lemmas as the tagger may write them: "claim", "Claim", "CLAIM"."""
    return sorted({form for w in words for form in (w, w.capitalize(), w.upper())})


FRAME_WORD_LISTS = {
    "@speech_nouns": lambda: _cased(lexicon.speech_nouns()),
    # "its claim that", "their warning that": a thing's or a group's possessive names no one
    "@non_owners": lambda: sorted(lexicon.possessive_pronouns("thing") | lexicon.possessive_pronouns("group")),
}


def _resolve(value):
    """A pattern with every "@name" replaced by its word list."""
    if isinstance(value, dict):
        return {key: _resolve(v) for key, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v) for v in value]
    if isinstance(value, str) and value.startswith("@"):
        if value not in FRAME_WORD_LISTS:
            raise ValueError(f"cue_frames.json: unknown word list {value!r}")
        return FRAME_WORD_LISTS[value]()
    return value


@cache
def frame_patterns() -> dict[str, list[list[dict]]]:
    """Frame name -> its patterns, word lists filled in. The patterns of one frame name the same
    nodes in the same order, so a match reads the same whichever pattern found it."""
    frames = json.loads(lexicon.data_path("cue_frames.json").read_text(encoding="utf-8"))
    for name, patterns in frames.items():
        if len({tuple(node["RIGHT_ID"] for node in p) for p in patterns}) != 1:
            raise ValueError(f"cue_frames.json: the patterns of {name!r} must name the same nodes in the same order")
    return {name: _resolve(patterns) for name, patterns in frames.items()}


@cache
def _node_names() -> dict[str, tuple[str, ...]]:
    return {name: tuple(node["RIGHT_ID"] for node in patterns[0]) for name, patterns in frame_patterns().items()}


# Built once per vocabulary; `lru_cache` holds the Vocab itself, so a later one is never confused with it.
@lru_cache(maxsize=8)
def _matcher(vocab):
    from spacy.matcher import DependencyMatcher

    matcher = DependencyMatcher(vocab)
    for name, patterns in frame_patterns().items():
        matcher.add(name, patterns)
    return matcher


@cache
def _match_names() -> dict[int, str]:
    """Match id -> frame name, kept here: strings added inside `nlp.memory_zone()` are freed."""
    from spacy.strings import get_string_id

    return {get_string_id(name): name for name in frame_patterns()}


def _doc_matches(doc) -> dict[tuple[str, int], list[tuple[int, ...]]]:
    cached = doc._.newsvoices_cue_frames
    if cached is None:
        cached = {}
        if len(doc) and doc.has_annotation("DEP"):
            names = _match_names()
            for match_id, token_ids in _matcher(doc.vocab)(doc):
                name = names[match_id]
                cached.setdefault((name, token_ids[0]), set()).add(tuple(token_ids))
        cached = {key: sorted(found) for key, found in cached.items()}
        doc._.newsvoices_cue_frames = cached
    return cached


def _attribute_holds(token, attribute: str, wanted) -> bool:
    value = {"LOWER": token.lower_, "LEMMA": token.lemma_, "POS": token.pos_, "DEP": token.dep_,
             "TAG": token.tag_, "ORTH": token.text}.get(attribute)
    if value is None:
        return True  # an attribute this check does not read: leave it to the matcher
    if isinstance(wanted, dict):
        return ("IN" not in wanted or value in wanted["IN"]) and ("NOT_IN" not in wanted or value not in wanted["NOT_IN"])
    return value == wanted


@cache
def _sets(frame: str) -> list[tuple[dict, list[dict]]]:
    """Per pattern: the anchor's attributes and those of the nodes it must head directly, with
    lists made sets for the quick check."""
    def as_sets(attrs):
        return {k: ({op: set(v) for op, v in w.items()} if isinstance(w, dict) else w) for k, w in attrs.items()}
    return [(as_sets(p[0]["RIGHT_ATTRS"]),
             [as_sets(n["RIGHT_ATTRS"]) for n in p[1:] if n["LEFT_ID"] == "cue" and n["REL_OP"] in {">", ">++", ">--"}])
            for p in frame_patterns()[frame]]


def might_match(token, frame: str) -> bool:
    """Can `frame` match on `token`: its anchor's attributes hold, and it heads a child for each
    node the pattern hangs directly on the anchor? A quick check read off the patterns
    themselves, so the matcher (a pass over the whole parse) runs only where a frame may stand."""
    for anchor, children in _sets(frame):
        if all(_attribute_holds(token, k, w) for k, w in anchor.items()) and all(
                any(all(_attribute_holds(c, k, w) for k, w in node.items()) for c in token.children) for node in children):
            return True
    return False


def frame_matches(token, frame: str) -> list[dict[str, object]]:
    """The matches of `frame` anchored on `token` (its "cue" node), each a dict from node name to
    Token, in text order of their nodes."""
    if not might_match(token, frame):
        return []
    doc = token.doc
    nodes = _node_names()[frame]
    return [{name: doc[i] for name, i in zip(nodes, ids)} for ids in _doc_matches(doc).get((frame, token.i), [])]


def frame_tokens(token, frame: str, node: str = "speaker") -> list:
    """One node of every match of `frame` on `token`, in text order, each once."""
    seen = {m[node].i: m[node] for m in frame_matches(token, frame)}
    return [seen[i] for i in sorted(seen)]
