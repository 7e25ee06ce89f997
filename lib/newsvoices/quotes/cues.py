"""Cues: speech verbs and nouns of `data/` matched on lemmas, each with its speaker (subject,
inverted subject, "according to X", a possessor) and its content (`content`), or the quotation
beside it. `CUE_RULES` is the ordered sieve of cue kinds: "according to X", a statement noun
with a that-clause, a verb of saying. The dependency shapes that tie a cue to its speaker are
the cue frames of `frames` (data); what the frames cannot say stays here, rule by rule.
"""
from __future__ import annotations

import bisect
import re
from functools import cache

from .. import lexicon
from .content import content_span
from .edges import classify, clip
from .frames import frame_matches
from .spans import (
    SUBJECT_DEPS,
    after_comma,
    has_subject,
    is_naming_cue,
    object_read_as_subject,
    subtree_bounds,
    token_span_chars,
)
from .statement import QuoteContext, Statement


def _non_sources() -> frozenset[str]:
    return lexicon.word_list("non_source_subjects.txt")


@cache
def _cue_lemma_ids() -> frozenset[int]:
    from spacy.strings import get_string_id

    return frozenset(get_string_id(form) for w in lexicon.cue_lemmas() for form in (w, w.capitalize(), w.upper()))


def cue_candidates(doc) -> list[int]:
    """Indices of the tokens that could be a cue (their lemma is on one of the cue lists), in
    text order: one array operation instead of a Python call per token."""
    import numpy as np
    from spacy.attrs import LEMMA, LOWER

    if not len(doc):
        return []
    ids = np.fromiter(_cue_lemma_ids(), dtype="uint64")
    table = doc.to_array([LEMMA, LOWER])
    return np.flatnonzero(np.isin(table[:, 0], ids) | np.isin(table[:, 1], ids)).tolist()


def is_cue(token) -> bool:
    """A verb of saying, of reporting by its object, or of naming."""
    lemma = token.lemma_.lower()
    if lemma not in lexicon.speech_verbs() and lemma not in lexicon.object_content_verbs() and not is_naming_cue(token):
        return False
    return not (token.pos_ not in {"VERB", "AUX"} and not token.tag_.startswith("VB"))


def statement_from_cue(token, ctx: QuoteContext) -> Statement | None:
    """The statement a cue candidate introduces, by the first of `CUE_RULES` that reads one."""
    for rule in CUE_RULES:
        statement = rule(token, ctx)
        if statement is not None:
            return statement
    return None


def speech_verb(token, ctx: QuoteContext) -> Statement | None:
    """"X said (that) ...", "…,” she said", "she said: “…”", "called the plan ‘a false economy’"."""
    if not is_cue(token):
        return None
    speaker = speaker_head(token)
    if speaker is None:
        return None
    content = content_span(token, speaker, ctx.doc, ctx.in_quote)
    if content is None:
        adjacent = adjacent_quote(token, speaker, ctx)
        if adjacent is None:
            return None
        quote = ctx.quotes[adjacent]
        content = (quote.start, quote.end)
    content = clip(content, ctx.body_start, ctx.text)
    if content is None:
        return None
    content, kind, quote_ids = classify(content, ctx.quotes, ctx.claimed, ctx.text)
    if kind == "indirect" and is_anonymity_request(ctx.text[content[0]:content[1]]):
        return None  # "who asked not to be identified" describes the source; it is not a statement
    ctx.claimed.update(quote_ids)
    if kind == "direct" and quote_ids:
        content = resume_after_cue(content, quote_ids, token, speaker, ctx)
        content = opened_before_cue(content, quote_ids, token, speaker, ctx)
    speaker = past_the_dateline(speaker, ctx.body_start)
    mention_start, mention_end = mention_bounds(speaker, token)
    return Statement(
        content_start=content[0], content_end=content[1], kind=kind,
        cue=cue_text(token), cue_start=token.idx, cue_end=token.idx + len(token.text),
        mention=ctx.text[mention_start:mention_end], mention_start=mention_start, mention_end=mention_end,
        mention_root=speaker.i, quotes=quote_ids,
    )


def is_anonymity_request(content: str) -> bool:
    """"(who asked) not to be named [because he was not authorised to speak]": a request for
    anonymity is short, or opens with its reason for being one."""
    found = lexicon.anonymity_words().search(content)
    return found is not None and (len(content.split()) <= 8 or len(content[:found.start()].split()) <= 2)


def opened_before_cue(content, quote_ids, cue, speaker, ctx: QuoteContext):
    """“On this basis,” the website said, “prices will …”: when the cue's statement is the quote
    after it, the quote it interrupts, ending in a comma right before the cue, is its start."""
    text, quotes, claimed = ctx.text, ctx.quotes, ctx.claimed
    frame_start = min(cue.idx, speaker.left_edge.idx)
    earlier = quote_ids[0] - 1
    if earlier < 0 or earlier in claimed or quotes[quote_ids[0]].open_mark < frame_start:
        return content
    before = quotes[earlier]
    if before.close_mark is None or not re.fullmatch(r"[ \t]*", text[before.close_mark + 1:frame_start]) \
            or not text[before.start:before.end].rstrip().endswith(","):
        return content
    claimed.add(earlier)
    quote_ids.insert(0, earlier)
    return before.start, content[1]


def resume_after_cue(content, quote_ids, cue, speaker, ctx: QuoteContext):
    """“My hope,” he said, “is that …”: a quote interrupted by its cue goes on after it; the
    statement runs from the first quote to the end of the second."""
    text, quotes, claimed = ctx.text, ctx.quotes, ctx.claimed
    last = quotes[quote_ids[-1]]
    frame_end = max(cue.idx + len(cue.text), speaker.right_edge.idx + len(speaker.right_edge.text))
    if last.end > cue.idx:
        return content
    following = quote_ids[-1] + 1
    if following >= len(quotes) or following in claimed:
        return content
    nxt = quotes[following]
    gap = text[frame_end:nxt.open_mark]
    if nxt.open_mark < frame_end or not re.fullmatch(r"[ \t]*[,:;—–-]?[ \t]*", gap):
        return content
    claimed.add(following)
    quote_ids.append(following)
    end = nxt.end
    while end > nxt.start and text[end - 1] in ", \n":
        end -= 1
    return content[0], end


def cue_text(token) -> str:
    particles = [c for c in token.children if c.dep_ == "prt"]
    return token.text + "".join(" " + p.text for p in particles)


def speaker_head(cue):
    """The token heading the source of a cue verb, or None."""
    if cue.dep_ == "acl" and after_comma(cue) and cue.head.pos_ == "PROPN" and cue.lemma_.lower() in lexicon.naming_verbs():
        return cue.head  # "Colin Fairweather, who speaks for the opposition, called the plan ‘a shrug’" misread as a name
    subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) > 1:
        # "Outside the station on Tuesday, Ann Lee, 71, said": a fronted phrase misread as a
        # second subject; the named person, else the subject nearest the verb
        subjects.sort(key=lambda c: (object_read_as_subject(c) is None, c.ent_type_ != "PERSON", abs(cue.i - c.i)))
    for child in subjects:
        if child.dep_ in SUBJECT_DEPS:
            if child.dep_ == "nsubjpass":
                agent = [g for g in cue.children if g.dep_ == "agent"]
                pobj = [p for a in agent for p in a.children if p.dep_ == "pobj"]
                return pobj[0] if pobj else None  # "it was said" names no source
            if child.lower_ in lexicon.function_words("relative_pronoun") and not child.text.isupper() and cue.dep_ == "relcl":
                return _relative_antecedent(cue.head)  # "a man who said ...": the man
            if child.lower_ == "one" and any(c.lower_ == "no" for c in child.children):
                return None  # "no one said"
            return None if child.lower_ in _non_sources() and not child.text.isupper() else child  # "WHO" is an organisation
    # "..., saying that ..." / "and added that ...": the subject of the verb it hangs on.
    if cue.dep_ in {"conj", "advcl", "xcomp"} and cue.head.i != cue.i:
        if cue.dep_ != "conj" and cue.tag_ not in {"VBG", "VBN"}:
            return None
        if cue.dep_ == "advcl" and cue.tag_ == "VBN" and not any(c.dep_ == "aux" for c in cue.children):
            return None  # "Asked about the deal, she said ...": she was asked; her answer is the statement
        reporter = _reporting_verb_above(cue.head) if cue.dep_ == "conj" else None
        if reporter is not None:
            return speaker_head(reporter)  # "He says the response was slow and says he acted": he, twice
        return speaker_head(cue.head) if has_subject(cue.head) else None
    # Parse slips around appositions: the nearest noun phrase before the cue in its sentence.
    if cue.dep_ in {"ROOT", "parataxis", "ccomp"}:
        return _subject_of_a_noun_read_as_clause(cue) or _nearest_noun_before(cue) or _nearest_noun_after(cue)
    return None


def _subject_of_a_noun_read_as_clause(cue):
    """"An official at the fisheries directorate, who asked not to be named ..., said": the
    parser read "directorate" as a verb heading a clause before the cue, with "official" as its
    subject. A clause whose head is a noun, or takes a relative clause, is always such a slip;
    its subject is the cue's."""
    def noun_like(head) -> bool:
        return head.pos_ in {"NOUN", "PROPN"} or any(c.dep_ == "relcl" for c in head.children)

    for clause in (c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i and noun_like(c)):
        subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}), None)
        if subject is not None:
            return subject
    return None


PLACE_TYPES = {"GPE", "LOC", "FAC", "DATE", "TIME"}


def _relative_antecedent(head):
    """"Alan Berger, a gynecologist from Englewood, New Jersey, who said": the parser hangs the
    "who" on the last noun; a place or a date says nothing, so climb to the person it belongs to."""
    node = head
    while node.ent_type_ in PLACE_TYPES or node.pos_ == "ADP":
        if node.head.i == node.i:
            return head
        node = node.head
    return node if node.pos_ in {"NOUN", "PROPN"} else head


def _reporting_verb_above(verb):
    """The speech verb whose reported clause `verb` is ("He says [the response was slow] and says
    ..." misparsed with the second "says" joined to "was"), if it has a subject."""
    if verb.dep_ != "ccomp" or verb.lemma_.lower() in lexicon.speech_verbs():
        return None
    reporter = verb.head
    return reporter if reporter.lemma_.lower() in lexicon.speech_verbs() and has_subject(reporter) else None


def _nearest_noun_before(cue):
    sent = cue.sent
    for token in reversed(list(sent[: cue.i - sent.start])):
        if token.dep_ in {"relcl", "acl"} or token.is_punct:
            continue
        if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in {"appos", "nsubj", "npadvmod", "dep"} \
                and not any(a.dep_ in {"relcl", "acl"} and a.i < token.i for a in token.ancestors
                            if a.i < cue.i and a.sent == sent and a.dep_ in {"relcl"}):
            return token
        if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"relcl", "acl", "xcomp", "auxpass", "aux"} and not any(a.dep_ == "relcl" for a in token.ancestors):
            break
    return None


def _nearest_noun_after(cue):
    for token in cue.doc[cue.i + 1: cue.sent.end]:
        if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in {"nsubj", "dobj", "attr", "npadvmod", "appos", "dep"}:
            return token
        if token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "nsubjpass" and _quote_opens_after(token):
            # "“…,” said the charity, “one family will be priced out”": the parser hangs the
            # inverted subject on the quotation's verb, across its opening mark
            return token
        if token.pos_ in {"VERB", "AUX"} or token.is_punct:
            return None
    return None


def _quote_opens_after(token) -> bool:
    """An opening quotation mark right after the token's phrase, a comma between allowed."""
    doc, k = token.doc, token.right_edge.i + 1
    if k < len(doc) and doc[k].text == ",":
        k += 1
    return k < len(doc) and doc[k].is_quote


def past_the_dateline(speaker, body_start: int):
    """"TAIPEI, Taiwan — Veltrax Semiconductor Corp. said": the parser makes the dateline's place
    the subject; the speaker is the noun after it, the highest of the subject's words in the body."""
    if speaker.idx >= body_start or not (speaker.ent_type_ in {"GPE", "LOC"} or speaker.text.isupper()):
        return speaker  # "Qantas Airways — the national carrier — said": no place, no dateline
    after = [t for t in speaker.subtree if t.idx >= body_start and t.pos_ in {"NOUN", "PROPN"}]
    top = [t for t in after if t.head.idx < body_start or t.head.i == t.i]
    return top[0] if top else speaker


def mention_bounds(speaker, cue) -> tuple[int, int]:
    """The speaker's noun phrase, without a trailing comma or a following clause after the cue."""
    left = speaker.left_edge
    right = speaker.right_edge
    taken = object_read_as_subject(speaker) if speaker.dep_ in SUBJECT_DEPS else None
    if taken is not None:  # "A spokesperson for [Health Minister Sylvia Jones]"
        right = taken.right_edge
    if speaker.head.dep_ == "ccomp" and speaker.head.head.i == cue.i and right.i < speaker.head.i < cue.i:
        right = speaker.head  # "An official at the fisheries [directorate]", the noun read as a clause
    if speaker.is_ancestor(cue):
        # "an official who said ...": the mention stops before the clause holding the cue
        right = speaker.doc[max(speaker.i, cue.left_edge.i - 1)]
    elif speaker.i < cue.i < right.i:
        # a parse that hangs words after the cue on the speaker ("One reviewer dismissed her work
        # as “…,” a judgment she framed"): the mention stops before the cue
        right = speaker.doc[max(speaker.i, cue.i - 1)]
    while right.i > left.i and (right.is_punct or right.is_space):
        right = right.doc[right.i - 1]
    return left.idx, right.idx + len(right.text)



def adjacent_quote(cue, speaker, ctx: QuoteContext) -> int | None:
    """A quote right before the cue ("…,” she said) or right after it (she said: “…”)."""
    sent = cue.sent
    doc, text, quotes, claimed = ctx.doc, ctx.text, ctx.quotes, ctx.claimed
    left = min(cue.i, speaker.left_edge.i)
    right = max(cue.i, speaker.right_edge.i)
    left_char = doc[left].idx
    right_char = doc[right].idx + len(doc[right].text)
    opens = ctx.opens
    # quotes never overlap and come in text order: only the few around the cue can touch it
    middle = bisect.bisect_left(opens, left_char)
    best = None
    for q in range(max(0, middle - 3), min(len(quotes), middle + 4)):
        span = quotes[q]
        if q in claimed:
            continue
        close = span.close_mark if span.close_mark is not None else span.end
        gap_before = text[close + 1:left_char] if close < left_char else None
        gap_after = text[right_char:span.open_mark] if span.open_mark >= right_char else None
        if gap_before is not None and len(gap_before) <= 3 and "\n" not in gap_before:
            return q  # "…,” she said: the quote that ends at the cue is its statement
        if best is None and gap_after is not None and re.fullmatch(r"[^\n\w.]{0,3}|\s*(?:that|,)\s*", gap_after) \
                and span.open_mark < sent.end_char + 3:
            best = q
        # "she said:" closing a paragraph, the quotation set off as the next one
        if best is None and gap_after is not None and re.fullmatch(r"[ \t]*:[ \t]*\n\s*", gap_after):
            best = q
        # "she repeats it to me as she winds the cable in: “…”": a colon that closes the cue's own clause
        if best is None and gap_after is not None and span.open_mark < sent.end_char + 3 \
                and re.fullmatch(r"[^\n]*:[ \t]*", gap_after) and colon_closes_clause(cue, doc, span.open_mark):
            best = q
    return best


def colon_closes_clause(cue, doc, before_char: int) -> bool:
    """Is the last colon before `before_char` in the cue's sentence part of the cue's clause,
    with no other speech verb between the cue and it?"""
    colons = [t for t in cue.sent if t.text == ":" and cue.i < t.i and t.idx < before_char]
    if not colons:
        return False
    colon = colons[-1]
    # the parser often hangs the colon, and the cue, on the quotation's first verb
    if cue not in list(colon.ancestors) and colon.head.i != cue.i and colon.head.i < colon.i:
        return False
    return not any(is_cue(t) for t in doc[cue.i + 1:colon.i])


def statement_noun(token, ctx: QuoteContext) -> Statement | None:
    """"Trump's claim that ...", "the minister's warning that ...": the `statement_noun` frame,
    a possessor and a that-clause."""
    matches = frame_matches(token, "statement_noun")
    if not matches:
        return None
    if token.dep_ == "dobj" and token.head.lemma_.lower() in lexicon.speech_verbs():
        return None  # "X repeated Y's stance that ...": the verb's statement, with X as the speaker
    speaker = min((m["speaker"] for m in matches), key=lambda t: t.i)
    clause = min((m["clause"] for m in matches), key=lambda t: t.i)
    span = clip(token_span_chars(ctx.doc, *subtree_bounds(clause)), ctx.body_start, ctx.text)
    if span is None:
        return None
    span, kind, quote_ids = classify(span, ctx.quotes, ctx.claimed, ctx.text)
    ctx.claimed.update(quote_ids)
    left, right = speaker.left_edge, speaker
    return Statement(span[0], span[1], kind, cue=token.text, cue_start=token.idx, cue_end=token.idx + len(token.text),
                     mention=ctx.text[left.idx:right.idx + len(right.text)], mention_start=left.idx,
                     mention_end=right.idx + len(right.text), mention_root=speaker.i, quotes=quote_ids)


def according_to(token, ctx: QuoteContext) -> Statement | None:
    """"according to X, ...", "..., according to X": the longer side of the sentence."""
    doc = ctx.doc
    matches = frame_matches(token, "according_to")
    if not matches:
        return None
    to = matches[0]["to"]
    # the object of "to" before one the parser hung on "according"
    speaker = min((m["speaker"] for m in matches), key=lambda t: (t.head.i != to.i, t.i))
    phrase_start = token.i
    phrase_end = max(t.i for t in speaker.subtree) + 1
    sent = token.sent
    before = (sent.start, phrase_start)
    after = (phrase_end, sent.end)
    content = before if (before[1] - before[0]) >= (after[1] - after[0]) else after
    span = token_span_chars(doc, *content)
    if span is None:
        return None
    span = clip(span, ctx.body_start, ctx.text)
    if span is None:
        return None
    span, kind, quote_ids = classify(span, ctx.quotes, ctx.claimed, ctx.text)
    ctx.claimed.update(quote_ids)
    return Statement(span[0], span[1], kind, cue="according to", cue_start=token.idx, cue_end=to.idx + len(to.text),
                     mention=doc[speaker.left_edge.i:speaker.right_edge.i + 1].text,
                     mention_start=speaker.left_edge.idx, mention_end=speaker.right_edge.idx + len(speaker.right_edge.text),
                     mention_root=speaker.i, quotes=quote_ids)


CUE_RULES = (according_to, statement_noun, speech_verb)
