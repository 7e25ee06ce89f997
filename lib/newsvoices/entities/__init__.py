"""Step 3: entity mentions resolved to canonical people, organisations and places.

spaCy's NER finds mentions; this module decides which mentions are the same entity:
"Ruiz" and "Ana Ruiz" are one PERSON, a surname before or after the full name
resolves to it when unambiguous (else to the nearest full name before it), a known person's
surname mis-tagged as ORG or GPE is still that person, and titles ("Secretary of State",
"President") are kept as attributes of the person they precede.

The passes, in the order `find_entities` runs them, live in `index` (mentions and the index
that resolves names), `organisations` (short names, acronyms, canonical names),
`named_people` (people NER missed or mislabelled, by what news sets beside a name), `people`
(role holders, split names, surnames NER missed, canonical full names) and `titles`.
"""
from __future__ import annotations

from .. import lexicon
from .index import NAME_LABELS, EntityIndex, Mention, _sentence_numbers, clean_name
from .named_people import given_name_whose_surname_speaks, people_ner_missed
from .organisations import (
    _organisation_short_names,
    _resolve_others,
    agencies_named_after_a_country,
    organisation_names_ner_missed,
    organisations_ner_called_people,
    team_names_ner_missed,
)
from .people import (
    _join_split_names,
    _people_spoken_of_as_it,
    _resolve_people,
    places_ner_called_people,
    without_adjectives_called_people,
)
from .titles import _attach_titles, _ends_a_title, without_title_tail


def _within_one_line(ent):
    """"Portmouth General\n\n": NER runs a headline's last name on over the line break; a name
    ends at the first line break."""
    for k, token in enumerate(ent):
        if token.is_space and "\n" in token.text and k > 0:
            from spacy.tokens import Span

            return Span(ent.doc, ent.start, ent.start + k, label=ent.label)
    return ent


HEADLINE_RUN_WORDS = 3


def _headline_run(doc, mention) -> bool:
    """"Facebook Courts Campaigns": in a title-case line with no full stop (a headline), the tagger
    reads a run of capitalised words as one organisation. A long one the text never repeats is
    not a name ("Facebook" alone, later, must not become it)."""
    if mention.label != "ORG" or len(mention.text.split()) < HEADLINE_RUN_WORDS:
        return False
    line = doc[mention.token_start].sent
    words = [t for t in line if t.is_alpha]
    if line[-1].text in {".", "!", "?", "\"", "”"} or not all(t.text[:1].isupper() or len(t) <= 3 for t in words):
        return False
    return doc.text.find(mention.text, mention.end_char) < 0 and doc.text.rfind(mention.text, 0, mention.start_char) < 0


def find_entities(doc, paragraph_of_char) -> EntityIndex:
    """Collect and resolve the named-entity mentions of a parsed article."""
    sentence_of_token = _sentence_numbers(doc)
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        ent = without_title_tail(_within_one_line(ent))
        words = ent
        if ent.label_ == "PERSON":
            # "Injecting Clinton's", "Crooked Hillary Clinton": leading words that are not names
            while len(words) > 1 and words[0].pos_ not in {"PROPN"} and words[0].lower_ not in lexicon.person_titles():
                words = words[1:]
        key = clean_name(words.text, ent.label_)
        if not key or not any(ch.isalpha() for ch in key):
            continue
        if ent.label_ == "PERSON" and all(w.lower() in lexicon.person_titles() for w in key.split()):
            continue  # "the Cape Breton Centre MLA": NER's PERSON is the title alone
        mentions.append(Mention(ent.text, ent.label_, ent.start_char, ent.end_char, sentence_of_token[ent.start],
                                paragraph_of_char(ent.start_char), key=key, token_start=ent.start, token_end=ent.end))
    mentions = [m for m in mentions if m.label == "PERSON" or not _ends_a_title(doc, m) and not _headline_run(doc, m)]
    mentions = organisation_names_ner_missed(mentions, doc, sentence_of_token, paragraph_of_char)
    mentions = team_names_ner_missed(mentions, doc, sentence_of_token, paragraph_of_char)
    mentions = agencies_named_after_a_country(mentions, doc, sentence_of_token, paragraph_of_char)
    mentions = people_ner_missed(mentions, doc, sentence_of_token, paragraph_of_char)
    for mention in mentions:
        # "Nordlys Freight, the largest operator at the port": a name in apposition with a
        # kind of organisation is one, whatever NER guessed
        if mention.label == "PERSON":
            root = doc[mention.token_start:mention.token_end].root
            appositions = [c for c in root.children if c.dep_ == "appos"]
            # not "Hauwa Mohammed-Ibe, executive director of the Centre ..., an Abuja-based advocacy
            # group,": a person's role set beside the name too makes it a person
            # nor "Leila Mansour, publisher of the Halifax press ..." when "Mansour said" follows
            if any(lexicon.is_organisation_noun(c.lemma_) for c in appositions) \
                    and not any(c.lemma_.lower() in lexicon.role_nouns() for c in appositions) \
                    and not given_name_whose_surname_speaks(doc[mention.token_start:mention.token_end], False):
                mention.label = "ORG"
                mention.key = clean_name(mention.text, "ORG")
    mentions = _join_split_names(without_adjectives_called_people(mentions, doc), doc)
    organisations_ner_called_people(mentions, doc)
    places_ner_called_people(mentions, doc)
    index = EntityIndex(mentions)
    _organisation_short_names(index, doc, sentence_of_token, paragraph_of_char)
    _resolve_people(index, doc, sentence_of_token, paragraph_of_char)
    _people_spoken_of_as_it(index, doc)
    _resolve_others(index, doc)
    _attach_titles(index, doc)
    index.mentions.sort(key=lambda m: m.start_char)
    return index
