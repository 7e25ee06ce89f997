"""How a speaker is described: the readable name of an unnamed source, the organisation that
"the company" stands for, and the affiliation read off a speaker's words."""
from __future__ import annotations

import re
from collections import Counter

from .. import lexicon
from ..quotes.spans import SUBJECT_DEPS, object_read_as_subject

RECENT_PARAGRAPHS = 3  # "the company" looks back this many paragraphs for the company in the news
NAMED_SOON_PARAGRAPHS = 4  # "the union" in a lead looks ahead this many paragraphs for its name, when none came before


TIME_ENTITIES = {"DATE", "TIME"}


def is_time_phrase(token) -> bool:
    """"on Monday", "in 2015": a phrase of time (spaCy's DATE, TIME) the parse hangs on a name.
    The mention keeps it (it is how the text runs); the speaker's name does not."""
    return token.dep_ in {"prep", "npadvmod"} and (
        token.ent_type_ in TIME_ENTITIES or any(c.ent_type_ in TIME_ENTITIES for c in token.children))


def noun_phrase(root):
    """The speaker's noun phrase without relative clauses, appositions or trailing punctuation."""
    cut = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis"}
    keep = [root]
    for child in root.children:
        if child.dep_ in cut or is_time_phrase(child) or _across_a_dash(child, root):  # "…, the mayor, on Monday"
            continue
        keep.extend(child.subtree)
    taken = object_read_as_subject(root) if root.dep_ in SUBJECT_DEPS else None
    if taken is not None:  # "A spokesperson for [Health Minister Sylvia Jones] said", misparsed
        keep.extend(taken.subtree)
    keep.sort(key=lambda t: t.i)
    return keep


DASHES = {"–", "—", "--", ":"}


def _across_a_dash(child, root) -> bool:
    """"as a two-time candidate for president - Mrs. Clinton": the parser may hang a word before
    a dash on the name after it; a dash ends a noun phrase. A hyphen is a dash only with spaces
    around it, not inside "front-runner"."""
    return child.i < root.i and any(_is_dash(t) for t in root.doc[child.right_edge.i + 1:root.i])


def _is_dash(token) -> bool:
    spaced = token.i > 0 and token.doc[token.i - 1].whitespace_ and token.whitespace_
    return token.text in DASHES or token.text == "-" and bool(spaced)


def close_words(root, person):
    """The words that describe a named speaker directly: the noun phrase and the heads of its
    appositions with their modifiers, not the places or groups further down those clauses.
    Words of the person's title are left out ("Secretary of State" says nothing of a side)
    except nationality words ("US Secretary of State")."""
    title_words = len(person.title.split()) if person.title else 0
    title_range = range(person.token_start - title_words, person.token_start)
    words = list(noun_phrase(root))
    for child in root.children:
        if child.dep_ == "appos":
            # "Poe, the pizza maven and former Republican presidential candidate,": a singular
            # common noun joined to the apposition describes the same person
            for noun in [child, *(k for k in child.conjuncts if k.tag_ == "NN")]:
                words.append(noun)
                words.extend(c for c in noun.children if c.dep_ in {"amod", "compound", "nmod", "poss"})
    return [t for t in sorted(words, key=lambda t: t.i) if t.i not in title_range or is_place_word(t)]


def description(phrase, root, doc, orgs, position) -> str:
    """A readable name for an unnamed source: 'senior French government official',
    'official close to the talks'; "of the group" becomes the organisation it refers to."""
    words = []
    moved = None
    # "an official at the centre, which is hosting the talks": clauses deeper in the phrase
    # describe something else, not the source
    clauses = {t.i for token in phrase if token.dep_ in {"relcl", "acl", "advcl"} and token.i != root.i
               and token.tag_ != "VBN" for t in token.subtree}
    # "a spokesperson for Carrick Transport, a charity that runs ...": an apposition deeper in
    # the phrase describes the organisation, not the source
    clauses |= {t.i for token in phrase if token.dep_ == "appos" and token.i != root.i and token.head.i != root.i
                for t in token.subtree}
    phrase = [t for t in phrase if t.i not in clauses]
    for token in phrase:
        if token.dep_ in {"det", "predet"} and token.head == root and token.lower_ != "both":
            continue
        if token.dep_ == "poss" and token.head == root and token.pos_ == "PRON":
            continue  # "its spokesman", but "the Growers' Federation" keeps its name
        if not words and token.lower_ in lexicon.function_words("article"):
            continue
        if token.is_punct and token.text not in "-–" and token.dep_ != "case":
            continue
        words.append(token)
    # "an official of the group" -> "Greenpeace official" when "the group" is an earlier organisation
    preps = [c for c in root.children if c.dep_ == "prep" and c.lower_ in lexicon.function_words("description_preposition")]
    for prep in preps:
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if not objects:
            continue
        org = organisation_for(objects[0], doc, orgs, position)
        if org:
            drop = {t.i for t in prep.subtree}
            words = [t for t in words if t.i not in drop]
            moved = org
    # words keep the spacing they have in the article ("Growers' Federation", "co-founder")
    text_words = [t.text + (t.whitespace_ if k + 1 < len(words) and words[k + 1].i == t.i + 1 else " ")
                  for k, t in enumerate(words)]
    if moved:
        head_index = next((k for k, t in enumerate(words) if t.i == root.i), len(words) - 1)
        text_words.insert(head_index, moved + " ")
    return re.sub(r"\s+", " ", "".join(text_words)).strip() or root.text


def organisation_for(token, doc, orgs, position) -> str | None:
    span_tokens = [t for t in token.subtree if t.dep_ != "case"]  # "the community center's": three words
    for mention in orgs:
        if mention.label == "ORG" and mention.token_start <= token.i < mention.token_end:
            return mention.canonical
    if token.lemma_.lower() in lexicon.organisation_nouns() and any(c.lower_ == "the" for c in token.children) and len(span_tokens) <= 3:
        # "the group" refers back to an organisation that stood on its own, not to a modifier ("a UN resolution")
        return organisation_meant_by(token, doc, [m for m in orgs if m.label == "ORG"], position)
    return None


def organisation_meant_by(noun, doc, organisations, position) -> str | None:
    """The organisation that "the league", "the company" stands for, in this order:
    1. the last one named with that word ("the Pacific Soccer League", "the Ministry of Health"),
       whether or not NER caught the name;
    2. of the organisations in the last few paragraphs that name one, the one the article mentions most
       (news keeps "the company" for the company the story is about, not the rival in passing);
    3. the last organisation named;
    4. with none named before, the first whose name ends in that word in the
       next two paragraphs ("..., the players' association warned" in a lead)."""
    earlier = [m for m in organisations if m.start_char < position]
    named = named_with_word(noun, doc, earlier)
    if named:
        return named
    lemma = noun.lemma_.lower()
    unrecognised = proper_name_headed_by(noun, doc)
    if unrecognised:
        return unrecognised
    standing = [m for m in earlier if doc[m.token_start:m.token_end].root.dep_ not in {"compound", "nmod", "amod", "poss"}]
    if not standing:
        # "..., the players' association warned" in a lead: its name, ending in the word, comes in
        # the next paragraphs (not "the Bank of England" for "the bank")
        # a union is named a federation or an association too, anywhere in its name ("the union
        # representing the province's teachers ... the Saskatchewan Teachers' Federation",
        # "the Elementary Teachers' Federation of Ontario"; job `union_noun`)
        unions = lexicon.function_words("union_noun") if lemma in lexicon.function_words("union_noun") else set()
        soon = [m for m in organisations if m.start_char > position and m.token_start > noun.i
                and (m.canonical.split()[-1].lower() in {noun.lower_, lemma} or unions & set(lexicon.plain_letters(m.canonical).split()))
                and _paragraphs_entered(doc.text[position:m.start_char]) <= NAMED_SOON_PARAGRAPHS]
        # else the one named only as a modifier ("Nova Scotia Power customers ... The utility said")
        ahead = named_with_word(noun, doc, soon[::-1]) or (soon[0].canonical if soon else None)
        if ahead or lemma not in lexicon.function_words("company_noun"):
            return ahead
        # a company named only as a modifier ("Nova Scotia Power customers ... The utility said"), or
        # left untagged as its own sentence's subject ("Prairie Ridge Energy will cut jobs, the company said")
        return (earlier[-1].canonical if len({m.canonical for m in earlier}) == 1 else None) or untagged_subject_name(noun, doc)
    # "the company" is not the "Consumer Data Authority": a name ending in another kind of body
    # (by its canonical name: "JHEC" is the "Joint Harbour Employers' Council")
    same_kind = [m for m in standing if not (lexicon.is_organisation_noun(last := m.canonical.split()[-1].lower())
                                             and last != lemma)]
    standing = same_kind or standing
    return named_most_of_late(standing, earlier).canonical


def named_most_of_late(candidates, earlier):
    """Of the `candidates` named in the last few paragraphs of the `earlier` mentions
    (`RECENT_PARAGRAPHS`), the one the `earlier` mentions name most, the later on a tie; else the
    last candidate. News keeps "the company", "the province" for the one the story is about, not
    one named in passing."""
    last_paragraph = max(m.paragraph for m in earlier)
    recent = [m for m in candidates if m.paragraph >= last_paragraph - RECENT_PARAGRAPHS + 1] or candidates[-1:]
    mentions = Counter(m.canonical for m in earlier)
    return max(recent, key=lambda m: (mentions[m.canonical], m.start_char))


def _paragraphs_entered(text: str) -> int:
    """How many paragraphs begin in `text` (lines with words after a line break)."""
    return sum(1 for line in text.split("\n")[1:] if line.strip())


def named_with_word(noun, doc, earlier) -> str | None:
    """The last of the `earlier` organisations whose name has the noun's word ("the Harbour Workers
    Union" for "the union"), not the one the noun is part of."""
    lemma = noun.lemma_.lower()
    for mention in reversed(earlier):
        words = doc[mention.token_start:mention.token_end]
        if any(w.lemma_.lower() == lemma or w.lower_ == noun.lower_ for w in words) and not (words[0].i <= noun.i < words[-1].i + 1):
            return mention.canonical
    return None


def proper_name_headed_by(noun, doc) -> str | None:
    """An earlier name whose last word is the noun, capitalised ("the Pacific Women's Soccer
    League" before "the league"), when NER did not tag it as an organisation."""
    for token in reversed(doc[:noun.i]):
        if token.lower_ != noun.lower_ or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        start = token.i
        while start > 0 and (doc[start - 1].tag_ == "POS" or doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper()):
            start -= 1
        if start < token.i and doc[start].tag_ != "POS":
            return doc[start:token.i + 1].text
    return None


def untagged_subject_name(noun, doc) -> str | None:
    """"CALGARY — Prairie Ridge Energy will cut 600 jobs, the company said": with no
    organisation named at all, the last run of capitalised proper nouns before the noun in its
    own sentence that NER left untagged and that is a subject, not opening with a first name;
    else the one so found for the same noun earlier ("In a release, the company said")."""
    earlier = [t for t in doc[:noun.sent.start] if t.lower_ == noun.lower_ and t.dep_ == noun.dep_]
    for before in [noun, *reversed(earlier)]:
        found = _untagged_subject_in_sentence(before, doc)
        if found:
            return found
    return None


def _untagged_subject_in_sentence(noun, doc) -> str | None:
    for token in reversed(doc[noun.sent.start:noun.i]):
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.pos_ != "PROPN" or token.ent_type_:
            continue
        run = [t for t in token.subtree if t.i <= token.i]
        if len(run) < 2 or any(t.pos_ != "PROPN" or not t.text[:1].isupper() or t.ent_type_ for t in run) \
                or lexicon.is_given_name(run[0].text) or run[-1].i - run[0].i + 1 != len(run):
            continue
        return " ".join(t.text for t in run)
    return None


def is_place_word(token) -> bool:
    return token.text.lower() in lexicon.nationalities() or token.ent_type_ in {"GPE", "NORP"}


def country_or_self(mention) -> str:
    """The country a place or nationality names, the party a party's name stands for
    ("Democrats": Democratic Party), else the mention's own name."""
    found = lexicon.nationalities().get(mention.canonical.lower())
    return found[0] if found else lexicon.party_of(mention.canonical) or mention.canonical


def affiliation_of_title(title: str | None) -> str | None:
    if not title:
        return None
    nationalities = lexicon.nationalities()
    for word in re.findall(r"[\w.]+", title):
        found = nationalities.get(word.lower())
        if found:
            return found[0]
    return None


def known_affiliation(referents, speaker) -> str | None:
    return next((r.affiliation for r in reversed(referents) if r.speaker == speaker and r.affiliation), None)


def person_named_in(root, people_by_token):
    """The person a mention names when its head word is not a name: one in apposition first
    ("Tallis's lawyer, Martin Esposito"); a person who only modifies a common noun head is
    someone else's ("a senior Vukovic aide", "the mayor's press secretary" are not the
    candidate or the mayor)."""
    def person_at(token):
        mention = people_by_token.get(token.i)
        return mention if mention is not None and mention.label == "PERSON" else None

    for child in root.children:
        if child.dep_ == "appos" and person_at(child):
            return person_at(child)
    # the head is a common noun or a counting word: "some of Vukovic's allies" are not Vukovic
    common = root.pos_ != "PROPN"
    for token in root.subtree:
        mention = person_at(token)
        if mention is None or (common and _in_a_clause_or_phrase_of(doc_root(mention, token), root)):
            continue
        if common and token.head.i == root.i and token.dep_ in {"poss", "compound", "nmod"}:
            continue
        if common and token.dep_ == "compound" and token.head.head.i == root.i and token.head.dep_ in {"poss", "compound"}:
            continue  # "Teresa Vukovic's aide": the compound first name of the possessor
        return mention
    return None




def doc_root(mention, token):
    return token.doc[mention.token_start:mention.token_end].root


def _in_a_clause_or_phrase_of(token, root) -> bool:
    """"a spokesman for Mayor X", "a woman who accused X", "aides to X": a name in a clause or a
    prepositional phrase of a common noun is someone else ("experts like X" are X; "her editor
    at Fennick, Colin Ashdown," set off in apposition, is the editor)."""
    if token.dep_ == "appos":
        return False
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ in {"relcl", "acl", "advcl"} or (token.dep_ == "prep" and token.lower_ not in lexicon.function_words("inclusive_preposition")):
            return True
        token = token.head
    return False
