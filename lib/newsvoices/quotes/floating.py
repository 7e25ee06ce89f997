"""Floating quotes: a quoted sentence with no cue goes to the speaker of the statement beside
it, in the same or the previous paragraph."""
from __future__ import annotations

import bisect
import re

from .. import lexicon
from ..nlp import doc_text
from .marks import DOUBLE_CLOSE, DOUBLE_OPEN, trim_end
from .spans import SUBJECT_DEPS
from .statement import QuoteContext, Statement

COLON_CLAUSE_WORDS = 25  # "Brampton Coun. Rowena Santos, who has pushed for it for years, had a message:", not a paragraph
MIN_FLOATING_WORDS = 4  # shorter quoted sentences float only right after a statement
# What may stand between a statement and a short quote that goes on with it: the rest of the
# cue's sentence ("…, the representative said on Monday.") and one line break, no blank line.
RIGHT_AFTER = re.compile(r"[^\w\n]*(?:\w+[^\w\n]*){0,4}[.!?…][^\w\n]*\n?[^\S\n]*|[^\S\n]*\n?[^\S\n]*")


def _stands_as_sentence(text, span, article) -> bool:
    """A floating quote is a quoted sentence: nothing but the start of a paragraph or the end
    of a sentence before its opening mark, and the end of a sentence or paragraph after it."""
    paragraph = article.paragraphs[article.paragraph_at(span.open_mark)]
    before = text[paragraph.start:span.open_mark].rstrip()
    if before and before[-1] not in ".!?…:" + DOUBLE_CLOSE + '"':
        return False
    inner = text[span.start:span.end].rstrip()
    if not inner or not (inner[0].isupper() or inner[0].isdigit() or inner[0] in "…."):
        return False
    end = (span.close_mark + 1) if span.close_mark is not None else span.end
    after = text[end:paragraph.end].lstrip()
    return not after or after[0] in DOUBLE_OPEN + '"' or after[0].isupper() or inner[-1] in ".!?…" and not after[:1].islower()


def _right_after(text, statement, span) -> bool:
    """""It's disgraceful."" on the line after "…, the representative said.": nothing but the
    end of the statement's own sentence between it and the quote."""
    inner = text[span.start:span.end].rstrip(" \n" + DOUBLE_CLOSE + '"')
    if not inner or inner[-1] not in ".!?…":
        return False  # "“On this basis,” the website said, “…”": the first half of a sentence
    end = max(statement.content_end, statement.mention_end or 0, statement.cue_end or 0)
    return end <= span.open_mark and RIGHT_AFTER.fullmatch(text, end, span.open_mark) is not None


def add_floating_quotes(statements, ctx: QuoteContext, article, sentence_number) -> list[tuple[Statement, Statement]]:
    """Quoted sentences with no cue, added to `statements`; returned as (floating quote, the
    statement beside it, whose speaker it takes) pairs."""
    text, quotes, claimed, doc = ctx.text, ctx.quotes, ctx.claimed, ctx.doc
    pairs = []
    ordered = sorted(statements, key=lambda s: s.content_start)
    starts = [s.content_start for s in ordered]
    for q, span in enumerate(quotes):
        if q in claimed:
            continue
        position = bisect.bisect_right(starts, span.start)
        nearby = ordered[max(0, position - 8):position + 8]
        if any(s.content_start <= span.start and span.end <= s.content_end for s in nearby):
            continue
        words = re.findall(r"\w+", text[span.start:span.end])
        if not words or not _stands_as_sentence(text, span, article):
            continue  # a title, a nickname, a scare-quoted term, a phrase inside someone else's sentence
        introduced = _introduced_by_colon(doc, span, q, sentence_number)
        if introduced is not None:  # "Calandra was blunt: “…”": its own speaker, no neighbour's
            _add(introduced, statements, ordered, starts)
            claimed.add(q)
            continue
        paragraph = article.paragraph_at(span.start)
        before = [s for s in ordered[max(0, position - 8):position]
                  if s.content_end <= span.open_mark and article.paragraph_at(s.content_start) >= paragraph - 1]
        after = [s for s in ordered[position:position + 4]
                 if s.content_start > span.end and article.paragraph_at(s.content_start) == paragraph]
        neighbour = before[-1] if before else (after[0] if after else None)
        introduced = _introduced_the_paragraph_before(doc, span, article) \
            if neighbour is None and len(words) >= MIN_FLOATING_WORDS else None
        if introduced is not None:  # "Goaltender Ann Roe also spoke to reporters.\n\n“…”"
            _add(_statement_of(doc, span, introduced, q, sentence_number), statements, ordered, starts)
            claimed.add(q)
            continue
        if neighbour is None or len(words) < MIN_FLOATING_WORDS and not (before and _right_after(text, before[-1], span)):
            continue
        chars = doc.char_span(span.start, span.end, alignment_mode="expand")
        sentence = sentence_number.get(chars.sent.start, 0) if chars is not None and len(chars) else 0
        content = (span.start, trim_end(text, span.start, span.end))
        floating = Statement(content[0], content[1], "direct", sentence=sentence, floating=True, quotes=[q])
        statements.append(floating)
        pairs.append((floating, neighbour))
        claimed.add(q)
    return pairs


def _add(statement: Statement, statements: list, ordered: list, starts: list) -> None:
    """A statement of its own, which later floating quotes may go on with."""
    statements.append(statement)
    k = bisect.bisect_right(starts, statement.content_start)
    ordered.insert(k, statement)
    starts.insert(k, statement.content_start)


def _introduced_by_colon(doc, span, q: int, sentence_number) -> Statement | None:
    """"Housing Minister Paul Calandra was blunt: “If a mayor ...”", "Her message was simple:"
    aside: a quotation opened right after a short clause that ends in a colon and whose subject
    is a person, a body or he or she is that subject's, though no verb of saying stands there."""
    end = len(doc_text(doc)[:span.open_mark].rstrip())
    if end < 1 or doc_text(doc)[end - 1] != ":":
        return None
    colon = doc.char_span(end - 1, end)
    if colon is None or len(colon) != 1:
        return None
    i = colon.start
    clause = doc[doc[i].sent.start:i] if doc[i].sent.start < i else None
    if clause is None or len(clause) > COLON_CLAUSE_WORDS or any(t.text in DOUBLE_OPEN + DOUBLE_CLOSE + '"' for t in clause):
        return None
    # "remembers his last words to her:", "read out the text message Brown sent:": the words of
    # someone else, or of a thing, that the clause names (function_words.csv, job `quoted_words_noun`)
    if any(t.lemma_.lower() in lexicon.function_words("quoted_words_noun") | lexicon.word_list("document_nouns.txt")
           for t in clause if t.pos_ == "NOUN"):
        return None
    subject = next((t for t in clause if t.dep_ in SUBJECT_DEPS and t.head.i in range(clause.start, clause.end)
                    and _names_a_source(t)), None)
    return _statement_of(doc, span, subject, q, sentence_number) if subject is not None else None


def _introduced_the_paragraph_before(doc, span, article):
    """"Goaltender Ann Roe also spoke to reporters.\n\n“We are built to win,” …": a quotation
    opening a paragraph, with no statement beside it, after a paragraph whose last sentence has
    a named person as the subject of a verb of speaking: that person, brought in to speak."""
    paragraph = article.paragraph_at(span.open_mark)
    if paragraph == 0 or doc_text(doc)[article.paragraphs[paragraph].start:span.open_mark].strip():
        return None
    previous = article.paragraphs[paragraph - 1]
    last = doc.char_span(previous.start, previous.end, alignment_mode="contract")
    if last is None or not len(last):
        return None
    sentence = doc[last.end - 1].sent
    root = sentence.root
    # "Ann Roe, 34, was killed ...", "Mark Dale pleaded guilty to ...": only one brought in to
    # speak, with nothing said yet ("spoke to reporters after the game")
    if root.lemma_.lower() not in lexicon.speech_verbs() | lexicon.function_words("speaking_verb") \
            or any(c.dep_ in {"dobj", "ccomp", "xcomp", "acomp", "oprd", "attr"} for c in root.children):
        return None
    return next((t for t in root.children if t.dep_ in {"nsubj", "nsubjpass"} and t.ent_type_ == "PERSON"
                 and t.idx >= previous.start), None)


def _statement_of(doc, span, subject, q: int, sentence_number) -> Statement:
    """The quotation as a direct statement whose mention is `subject`'s noun phrase."""
    left, right = subject.left_edge, subject
    content_end = trim_end(doc_text(doc), span.start, span.end)
    chars = doc.char_span(span.start, span.end, alignment_mode="expand")
    sentence = chars.sent.start if chars is not None and len(chars) else subject.sent.start
    return Statement(span.start, content_end, "direct", cue=subject.head.text, cue_start=subject.head.idx,
                     cue_end=subject.head.idx + len(subject.head.text), mention=doc_text(doc)[left.idx:right.idx + len(right)],
                     mention_start=left.idx, mention_end=right.idx + len(right), mention_root=subject.i,
                     sentence=sentence_number.get(sentence, 0), quotes=[q])


def _names_a_source(token) -> bool:
    """A name, he or she, or a noun for a person: not "The message was clear:" nor "Tuesday
    was cold:" (NER may tag a surname a place: the entities step sorts out whose it is)."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ not in {"DATE", "TIME", "EVENT"} \
        or token.lower_ in lexicon.gendered_subject_pronouns() \
        or token.pos_ == "NOUN" and lexicon.is_person_noun(token.lemma_)
