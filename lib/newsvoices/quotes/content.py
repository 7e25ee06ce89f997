"""Content spans: what a cue reports, found on the dependency parse by two ordered sieves.

A naming verb ("called the plan a disaster", data/naming_verbs.txt, or a verb of
data/label_verbs.txt with a quoted "as" label) reads its label, by `NAMING_RULES`, unless
`names_no_statement` says it is a name or a telephone call. Every other cue reads its clause
by `CLAUSE_RULES`. Each rule is a function of a `CueFrame`, named after what it recognises,
returning the content's character span or None; the first span found wins. The README's "How
statements are found" lists the rules in this order.
"""
from __future__ import annotations

from .. import lexicon
from .marks import ALL_MARKS
from .spans import (
    COMPLEMENT_DEPS,
    CueFrame,
    after_comma,
    extend_to_sentence_end,
    has_subject,
    has_that_mark,
    is_naming_cue,
    subtree_bounds,
    token_span_chars,
)


def content_span(cue, speaker, doc, in_quote) -> tuple[int, int] | None:
    """Character span of what the cue reports, or None."""
    frame = CueFrame.of(cue, speaker, doc, in_quote)
    if is_naming_cue(cue):
        if names_no_statement(frame):
            return None
        rules = NAMING_RULES
    else:
        rules = CLAUSE_RULES
    for rule in rules:
        span = rule(frame)
        if span is not None:
            return span
    return None


# ---------------------------------------------------------------- naming verbs

def names_no_statement(frame: CueFrame) -> bool:
    """"a program called Safe Streets" (a name) and "he had called Vukovic to congratulate her"
    (a telephone call) report nothing."""
    cue = frame.cue
    if cue.dep_ == "acl" and cue.tag_ == "VBN" and not after_comma(cue):
        return True
    objects = [c for c in cue.children if c.dep_ == "dobj" and c.pos_ in {"PROPN", "PRON"}]
    return frame.lemma == "call" and bool(objects) and any(
        c.dep_ in {"xcomp", "advcl"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in cue.children)


def _has_complement(cue) -> bool:
    return any(c.dep_ in COMPLEMENT_DEPS for c in cue.children)


def label_in_apposition(frame: CueFrame) -> tuple[int, int] | None:
    """"called the plan ‘a false economy’" parsed as an apposition to the object."""
    for obj in frame.objects():
        names = [c for c in obj.children if c.dep_ == "appos" and c.i > obj.i]
        if names and not _has_complement(frame.cue):
            return token_span_chars(frame.doc, obj.left_edge.i, subtree_bounds(names[-1])[1])
    return None


def quoted_label_after_object(frame: CueFrame) -> tuple[int, int] | None:
    """"called the delay “unacceptable by any standard”": a quotation opening right after the
    object is the label, whatever the parser made of it (often a modifier of the object)."""
    objects = frame.objects()
    if not objects or _has_complement(frame.cue):
        return None
    doc, in_quote, obj = frame.doc, frame.in_quote, objects[0]
    k = obj.i + 1
    while k < len(doc) and doc[k].is_quote and in_quote[k] is None:
        k += 1
    if k == obj.i + 1 or k >= len(doc) or in_quote[k] is None:
        return None
    last = k
    while last + 1 < len(doc) and in_quote[last + 1] == in_quote[k]:
        last += 1
    if last + 1 < len(doc) and doc[last + 1].is_quote and in_quote[last + 1] is None:
        last += 1  # the closing mark
    return token_span_chars(doc, obj.left_edge.i, last + 1)


def naming_complement(frame: CueFrame, child) -> tuple[int, int] | None:
    """"in what X called a hopeful sign", "called the plan a disaster": object and label."""
    if child.dep_ not in COMPLEMENT_DEPS or child.i in frame.speaker_tokens:
        return None
    start, end = subtree_bounds(child)
    objects = frame.objects()
    if objects and objects[0].i < child.i:
        start = objects[0].left_edge.i
    return token_span_chars(frame.doc, start, end)


def label_after_as(frame: CueFrame, child) -> tuple[int, int] | None:
    """"in what she described as “a gesture”", "labelled the law as unjust" (not "call")."""
    if child.dep_ != "prep" or child.lower_ != "as" or frame.lemma == "call":
        return None
    target = next((g for g in child.children if g.dep_ in {"pobj", "pcomp", "amod", "acomp"}), None)
    if target is None:
        return None
    objects = frame.objects()
    start = objects[0].left_edge.i if objects and objects[0].i < child.i else target.left_edge.i
    return token_span_chars(frame.doc, start, subtree_bounds(child)[1])


def call_for_or_on(frame: CueFrame, child) -> tuple[int, int] | None:
    """"called for X", "called on X to ...": the preposition right after the verb ("called her
    on Friday", "On Twitter, she called ..." are not that)."""
    cue = frame.cue
    if child.dep_ != "prep" or child.lower_ not in lexicon.function_words("call_particle") or child.i != cue.i + 1:
        return None
    objects = [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
    if not objects:
        return None
    end = max(t.i for t in child.subtree) + 1
    tail = [c for c in cue.children if c.dep_ in {"xcomp", "ccomp"} and c.i > child.i]
    if tail:
        end = max(end, tail[-1].right_edge.i + 1)
    return token_span_chars(frame.doc, objects[0].left_edge.i, end)


NAMING_CHILD_RULES = (naming_complement, label_after_as, call_for_or_on)


def label_beside_the_verb(frame: CueFrame) -> tuple[int, int] | None:
    """The naming verb's dependants in order, each tried by `NAMING_CHILD_RULES`."""
    for child in frame.cue.children:
        for rule in NAMING_CHILD_RULES:
            span = rule(frame, child)
            if span is not None:
                return span
    return None


NAMING_RULES = (label_in_apposition, quoted_label_after_object, label_beside_the_verb)


# ---------------------------------------------------------------- clauses

def medial_cue(frame: CueFrame) -> tuple[int, int] | None:
    """"Too often, Ms. Lee said, the debate is ...": a cue set off by commas inside the
    sentence it reports. What was said is the sentence on both sides of it, so the statement
    spans the sentence (as a quote interrupted by its cue does)."""
    cue, speaker, doc, in_quote = frame.cue, frame.speaker, frame.doc, frame.in_quote
    sent = cue.sent
    # "Marsh, a consultant who advises the firm, said ...": a relative clause describes the
    # speaker; it does not interrupt a sentence to attribute it
    if speaker.sent != sent or cue.dep_ == "relcl":
        return None
    before = min(cue.i, speaker.left_edge.i) - 1
    if before <= sent.start or doc[before].text != ",":
        return None
    after = _comma_closing_the_cue(cue, doc, max(cue.i, speaker.right_edge.i), sent)
    if after is None or in_quote[before] is not None or in_quote[after] is not None:
        return None
    words_before = [t for t in doc[sent.start:before] if not (t.is_punct or t.is_space)]
    rest = [t for t in doc[after + 1: sent.end] if not t.is_space]
    words_after = [t for t in rest if not t.is_punct]
    if not words_before or len(words_after) < 3 or rest[0].text in ALL_MARKS:
        return None
    start = sent.start
    if doc[start].tag_ in {"VBN", "VBG"}:
        # "Asked about the deal, he said, ...": the narrator's frame, not the statement
        start = after + 1
    end = sent.end
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and doc[end - 1].text not in ALL_MARKS:
        end -= 1
    return token_span_chars(doc, start, end)


def _comma_closing_the_cue(cue, doc, frame_right: int, sent) -> int | None:
    """The comma after "he said" / "he said on Monday" / "she said in an interview", or None."""
    for token in doc[frame_right + 1: min(sent.end, frame_right + 8)]:
        if token.text == ",":
            return token.i
        # modifiers of the cue only
        if not cue.is_ancestor(token) or token.pos_ in {"VERB", "AUX"}:
            return None
    return None


def _misparsed_clause(xcomp, cue) -> bool:
    """"He said legalizing it could put ...": a clause read as the cue's open complement. After
    a verb of saying, a gerund or an infinitive holding a finite verb of its own is the clause."""
    if cue.lemma_.lower() not in lexicon.clause_object_verbs() or xcomp.i < cue.i:
        return False
    finite = any(t.tag_ in {"MD", "VBD", "VBZ", "VBP"} for t in xcomp.subtree if t.i != xcomp.i)
    return xcomp.tag_ == "VBG" or finite


def _narrator_tail(clause) -> set[int]:
    """Tokens of a trailing ", raising doubt ..." / ", prompting ..." participle: the writer's
    comment on the reported clause, not part of what was said."""
    for child in reversed(list(clause.children)):
        if child.dep_ == "advcl" and child.tag_ == "VBG" and child.i > clause.i and child.i > 0 \
                and clause.doc[child.left_edge.i - 1].text == ",":
            return {t.i for t in child.subtree} | {child.left_edge.i - 1}
    return set()


def _second_report(cue, clause) -> set[int]:
    """"says [the response was slow] and says he acted": a speech verb in the cue's own form, with
    no subject or auxiliary of its own, joined to the reported clause by a slip of the parse, opens
    the next statement ("had been circulated but not answered" is still the clause)."""
    for child in clause.children:
        if child.dep_ == "conj" and child.i > clause.i and child.tag_ == cue.tag_ and not has_subject(child) \
                and not any(c.dep_ in {"aux", "auxpass", "neg"} for c in child.children) \
                and child.lemma_.lower() in lexicon.speech_verbs():
            joints = [c.i for c in clause.children if c.dep_ in {"cc", "punct"} and clause.i < c.i < child.i]
            return {t.i for t in child.subtree} | set(joints)
    return set()


def _run_on_complement(cue, clause, end: int) -> int:
    """"said she was hopeful a compromise could be reached": the small model hangs the clause
    of "hopeful" (or "confident", "sure") on the cue as a second complement. A complement of the
    cue that starts right where the first ends, with no comma or "and" between, is part of it."""
    for sibling in cue.children:
        if sibling.i > clause.i and sibling.dep_ == "ccomp" and sibling.left_edge.i == end:
            return subtree_bounds(sibling, _narrator_tail(sibling))[1]
    return end


def complement_clause(frame: CueFrame) -> tuple[int, int] | None:
    """"X said (that) ...", "X told reporters ...", "urged Congress to act"."""
    cue, doc = frame.cue, frame.doc
    for child in cue.children:
        if child.dep_ not in {"ccomp", "xcomp"} or child.i in frame.speaker_tokens or frame.speaker.head.i == child.i:
            continue  # the speaker's words, or a noun the parser made a clause with the speaker as its subject
        if child.dep_ == "xcomp" and frame.lemma not in lexicon.directive_verbs() and not _misparsed_clause(child, cue):
            continue
        start, end = subtree_bounds(child, _narrator_tail(child) | _second_report(cue, child))
        end = _run_on_complement(cue, child, end)
        if child.dep_ == "xcomp":
            # "urged Congress to act": the object is part of what was urged.
            objects = [c for c in cue.children if c.dep_ in {"dobj"} and c.i < child.i]
            if objects:
                start = objects[0].left_edge.i
        if start > cue.i:
            end = extend_to_sentence_end(doc, cue, end)
            start = _with_quoted_subject(frame, start, end)
        return token_span_chars(doc, start, end)
    return None


def _with_quoted_subject(frame: CueFrame, start: int, end: int) -> int:
    """'said "the deal" was the only option', 'said "=X(1)" was ...': a quotation right after the
    cue that opens the reported clause, and is followed by more of it, belongs to it, opening
    mark included, however the parse hung its words. (A clause wholly inside the quotation,
    'said “we will not negotiate.”', is a direct quote and keeps its own edges.)"""
    doc, in_quote, first = frame.doc, frame.in_quote, frame.cue.i + 1
    if start <= first or doc[first].text not in ALL_MARKS:
        return start
    between = range(first, start)
    quoted = [i for i in range(first, end) if in_quote[i] is not None]
    if not quoted or not all(doc[i].text in ALL_MARKS or in_quote[i] is not None for i in between):
        return start
    after_quote = [i for i in range(quoted[-1] + 1, end) if doc[i].text not in ALL_MARKS and not doc[i].is_punct]
    return first if after_quote and (quoted[0] < start or in_quote[start] is not None) else start


def clause_read_as_object(frame: CueFrame) -> tuple[int, int] | None:
    """"said the movement that is sweeping the country appeals to ...": a clause misparsed as
    the object; an object that long, with a verb of its own, is what was said."""
    cue = frame.cue
    if frame.lemma not in lexicon.clause_object_verbs():
        return None
    for child in cue.children:
        if child.dep_ == "dobj" and child.i > cue.i and child.lemma_.lower() not in lexicon.speech_nouns():
            subtree = list(child.subtree)
            words = [t for t in subtree if not (t.is_punct or t.is_space)]
            quoted = any(t.text in ALL_MARKS and t.text != "'" for t in subtree)
            if (len(words) >= 6 and any(t.pos_ in {"VERB", "AUX"} for t in subtree)) or (quoted and len(words) >= 3) \
                    or _subject_and_verb_as_modifiers(subtree):
                end = extend_to_sentence_end(frame.doc, cue, subtree[-1].i + 1)
                return token_span_chars(frame.doc, child.left_edge.i, end)
    return None


def _subject_and_verb_as_modifiers(subtree) -> bool:
    """"said the pilot reduced stigma": a short clause the parser read as one noun phrase, its verb
    a modifier of the last noun ("reduced stigma") after the subject's noun ("the pilot"); not "the
    proposed changes", whose verb form comes first, nor "the city's revised budget"."""
    for k, token in enumerate(subtree):
        if token.tag_ in {"VBD", "VBN", "VBZ", "VBP"} and token.dep_ in {"amod", "compound", "nmod"} and k > 0:
            before = subtree[k - 1]
            return before.pos_ in {"NOUN", "PROPN", "PRON"} and before.tag_ != "POS" \
                and not any(t.tag_ == "POS" for t in subtree[:k]) and token.i < token.head.i
    return False


def that_clause_after_preposition(frame: CueFrame) -> tuple[int, int] | None:
    """"said in a statement that ...", "said on Twitter that ...": the that-clause hung on the
    preposition's object by the parser."""
    cue = frame.cue
    for child in cue.children:
        if child.dep_ == "prep" and child.i > cue.i:
            for obj in (g for g in child.children if g.dep_ == "pobj"):
                for clause in obj.children:
                    if clause.dep_ in {"acl", "relcl", "ccomp"} and has_that_mark(clause):
                        start, end = subtree_bounds(clause)
                        return token_span_chars(frame.doc, start, extend_to_sentence_end(frame.doc, cue, end))
    return None


def statement_noun_clause(frame: CueFrame) -> tuple[int, int] | None:
    """"repeated the stance that ...": a statement noun with its that-clause."""
    cue = frame.cue
    for child in cue.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in lexicon.speech_nouns():
            for clause in child.children:
                if clause.dep_ in {"acl", "ccomp"} and has_that_mark(clause):
                    start, end = subtree_bounds(clause)
                    return token_span_chars(frame.doc, start, extend_to_sentence_end(frame.doc, cue, end))
    return None


def object_content(frame: CueFrame) -> tuple[int, int] | None:
    """"X cited polls showing ...", "X denied the allegations", "X pointed to the numbers",
    "accused the government of closing ...", "praised the team for its work"."""
    cue = frame.cue
    if frame.lemma not in lexicon.object_content_verbs():
        return None
    for child in cue.children:
        target = child
        if child.dep_ == "prep" and child.lower_ in lexicon.function_words("pointing_particle"):
            target = next((g for g in child.children if g.dep_ == "pobj"), None)
        elif child.dep_ != "dobj":
            continue
        if target is not None and target.pos_ != "PRON" and target.i > cue.i:
            start, end = subtree_bounds(child if child.dep_ == "dobj" else target)
            if child.dep_ == "dobj":
                reasons = [c for c in cue.children if c.dep_ == "prep" and c.lower_ in lexicon.function_words("reason_preposition") and c.i >= end]
                if reasons:
                    end = subtree_bounds(reasons[0])[1]
            return token_span_chars(frame.doc, start, end)
    return None


def parenthetical_cue(frame: CueFrame) -> tuple[int, int] | None:
    """"..., he said": a cue hanging on the clause before it reports that clause ("X said A
    and added B" is left to the second cue's own rules)."""
    cue, speaker = frame.cue, frame.speaker
    if cue.dep_ not in {"parataxis", "ccomp", "conj", "advcl"} or cue.head.i >= cue.i or cue.head.pos_ not in {"VERB", "AUX"}:
        return None
    head = cue.head
    if head.lemma_.lower() in lexicon.speech_verbs() and has_subject(head):
        return None
    if any(child.dep_ == "mark" for child in cue.children):
        return None  # "..., even though they disclosed ...": a subordinate clause, not an attribution
    start = cue.sent.start
    cue_left = min(t.i for t in cue.subtree)
    if speaker.i < cue.i:
        cue_left = min(cue_left, speaker.left_edge.i)
    if cue_left <= start:
        return None
    before = frame.doc[cue_left - 1]
    # set off by a comma, a dash or a closing quotation mark; a cue run into its clause
    # ("the way that helps him maintain ...") is a verb of the sentence, not its attribution
    if not (before.is_quote or before.text in lexicon.word_list("parenthesis_marks.txt")):
        return None
    return token_span_chars(frame.doc, start, cue_left)


CLAUSE_RULES = (medial_cue, complement_clause, clause_read_as_object, that_clause_after_preposition,
                statement_noun_clause, object_content, parenthetical_cue)
