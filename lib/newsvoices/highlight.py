"""The article as HTML with its statements highlighted: quote content, cue and speaker
mention marked and coloured per speaker. Every piece of article text is HTML-escaped, so an
article containing markup or script shows it as text and never runs it."""
from __future__ import annotations

import html

from .output_text import controls_as_spaces, for_drawing
from .plots import SPEAKER_COLOURS

# MathJax (notebook, HTML report) skips elements with these classes, so "$5 and $10" in a
# quotation is shown as written, not typeset as mathematics.
NO_MATH = "tex2jax_ignore mathjax_ignore"


def escape(text: str, quote: bool = False) -> str:
    """Article text as HTML text: controls (invalid in HTML) removed, markup characters escaped."""
    return html.escape(for_drawing(text), quote=quote)

OTHER = "#888888"


def speaker_colours(analysis) -> dict[str, str]:
    speakers = list(analysis.speakers["speaker"]) if len(analysis.speakers) else []
    return {name: SPEAKER_COLOURS[i] if i < len(SPEAKER_COLOURS) else OTHER for i, name in enumerate(speakers)}


def _marks(analysis) -> list[tuple[int, int, str, str]]:
    """(start, end, role, speaker) for every content, cue and speaker-mention span."""
    spans = []
    for statement in analysis.statement_list:
        spans.append((statement.content_start, statement.content_end, "content", statement.speaker))
        if statement.mention_start is not None and statement.mention:
            spans.append((statement.mention_start, statement.mention_end, "mention", statement.speaker))
        if statement.cue_start is not None:
            spans.append((statement.cue_start, statement.cue_end, "cue", statement.speaker))
    return sorted(spans, key=lambda s: (s[0], -(s[1] - s[0])))


def article_html(analysis) -> str:
    """HTML for the article, one <p> per paragraph, statements highlighted."""
    colours = speaker_colours(analysis)
    text = analysis.article.text
    marks = _flatten(_marks(analysis))
    out = [f'<div class="newsvoices-article {NO_MATH}" style="font-family: Georgia, serif; line-height: 1.55; max-width: 46em">']
    for paragraph in analysis.article.paragraphs:
        pieces = []
        position = paragraph.start
        for start, end, role, speaker in marks:
            if end <= paragraph.start or start >= paragraph.end:
                continue
            start, end = max(start, paragraph.start), min(end, paragraph.end)
            if start > position:
                pieces.append(escape(text[position:start]))
            pieces.append(_span(text[start:end], role, speaker, colours.get(speaker, OTHER)))
            position = end
        pieces.append(escape(text[position:paragraph.end]))
        tag = "h4" if paragraph.is_heading else "p"
        out.append(f"<{tag}>{''.join(pieces)}</{tag}>")
    out.append(_legend(colours))
    out.append("</div>")
    return "\n".join(out)


def _flatten(marks):
    """Cut content spans around cue and mention spans inside them, so spans never nest."""
    inner = [m for m in marks if m[2] != "content"]
    flat = []
    for start, end, role, speaker in marks:
        if role != "content":
            flat.append((start, end, role, speaker))
            continue
        position = start
        for i_start, i_end, _, _ in sorted(m for m in inner if start <= m[0] < end):
            if i_start > position:
                flat.append((position, i_start, role, speaker))
            position = max(position, i_end)
        if position < end:
            flat.append((position, end, role, speaker))
    flat.sort(key=lambda m: m[0])
    result, position = [], 0
    for mark in flat:
        if mark[0] >= position:
            result.append(mark)
            position = mark[1]
    return result


def _span(fragment: str, role: str, speaker: str, colour: str) -> str:
    title = escape(f"{role}: {speaker}", quote=True)
    fragment = escape(fragment)
    if role == "content":
        style = f"background: {colour}22; border-bottom: 2px solid {colour}"
    elif role == "mention":
        style = f"color: {colour}; font-weight: bold"
    else:
        style = f"color: {colour}; font-style: italic; text-decoration: underline"
    return f'<span title="{title}" style="{style}">{fragment}</span>'


def _legend(colours) -> str:
    if not colours:
        return "<p><em>No attributed statements were found in this article.</em></p>"
    items = " ".join(f'<span style="background: {c}22; border-bottom: 2px solid {c}; padding: 0 .3em">{escape(name)}</span>'
                     for name, c in colours.items())
    return (f'<p style="font-family: sans-serif; font-size: 85%">Speakers: {items}<br>'
            "Shaded: what was said · <b>bold</b>: who said it · <i><u>underlined</u></i>: the reporting verb</p>")


def entities_html(analysis) -> str:
    """displaCy's entity rendering of the resolved mentions (a person's surname that NER took
    for a place shows as PERSON, as in the tables); displaCy escapes the text."""
    from spacy import displacy

    ents = [{"start": int(r.start_char), "end": int(r.end_char), "label": r.label}
            for r in analysis.entities.itertuples()]
    rendered = displacy.render({"text": controls_as_spaces(analysis.article.text), "ents": ents, "title": None},
                               style="ent", manual=True, jupyter=False, page=False)
    return f'<div class="{NO_MATH}">{rendered}</div>'
