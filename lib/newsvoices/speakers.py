"""Who said it: each statement's mention resolved to one canonical speaker.

- a name ("de Vries", "senior union official Marta de Vries") resolves through the article's
  canonical people; the words around the name become the role and the affiliation;
- a title alone ("the US Secretary of State") resolves to the one person carrying that title;
- pronouns (he, she, they, it) go to the nearest earlier speaker or subject that fits;
- definite nominals ("the official", "the spokesman") go to the nearest earlier speaker with
  that role, so an anonymous source mentioned again stays one speaker;
- unnamed sources ("a senior French government official, who asked not to be identified")
  become anonymous speakers described by their role, with the affiliation read off their words.
Affiliations come from nationality words (data/nationalities.csv), organisations and places.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from . import lexicon
from .nlp import doc_text

PERSON_PRONOUNS = {"he", "she", "him", "her", "i"}
GROUP_PRONOUNS = {"they", "we", "them", "us"}
THING_PRONOUNS = {"it"}
GROUP_NOUNS = {"side", "sides", "both", "group", "groups", "party", "parties", "government", "movement",
               "organization", "organisation", "company", "campaign", "administration", "ministry", "agency",
               "team", "committee", "council", "office", "department", "family", "families", "residents",
               "people", "officials", "sources", "others", "critics", "supporters", "analysts", "experts"}
ORG_NOUNS = lexicon.organisation_nouns()
ANONYMITY_WORDS = lexicon.ANONYMITY_WORDS
# What an organisation or person issues, standing in for them as a subject ("the statement said")
DOCUMENT_NOUNS = {"statement", "release", "letter", "memo", "email", "communique", "communiqué", "post", "tweet"}
SOURCE_NOUNS = {"source", "sources", "official", "officials", "person", "people", "aide", "aides", "insider",
                "diplomat", "diplomats", "someone", "resident", "residents", "witness", "witnesses"}


@dataclass
class Referent:
    position: int
    speaker: str
    kind: str  # person, group, thing
    role: str | None = None
    affiliation: str | None = None
    anonymous: bool = False


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}


def person_genders(doc, entity_index) -> dict[str, str]:
    """The grammatical gender the article itself gives each person: honorifics and gendered
    role words around their name ("Mrs.", "spokeswoman", "his wife, ...") count three; the
    first he/she after a mention, before any other person is named, counts one. Names alone
    say nothing: a person with no such evidence stays unknown."""
    words = lexicon.gendered_words()
    votes: dict[str, Counter] = defaultdict(Counter)
    if entity_index is None:
        return {}
    for person, titles in entity_index.titles.items():
        for title in titles:
            gender = words.get(title.split()[0].lower())
            if gender:
                votes[person][gender] += 3
    people = [m for m in entity_index.mentions if m.label == "PERSON"]
    starts = sorted(m.token_start for m in people)
    for mention in people:
        root = doc[mention.token_start:mention.token_end].root
        around = [c for c in root.children if c.dep_ in {"appos", "compound", "amod"} and c.i not in range(mention.token_start, mention.token_end)]
        if root.dep_ == "appos":
            around.append(root.head)  # "his wife, Ana Ruiz"
        for word in around:
            gender = words.get(word.lower_)
            if gender:
                votes[mention.canonical][gender] += 3
        # "Ana Ruiz taught for 30 years. She says ...": the subject of one sentence taken up
        # by a subject pronoun at the start of the next, before anyone else is named
        if root.dep_ in {"nsubj", "nsubjpass"} and root.head.dep_ == "ROOT":
            sentence_end = root.sent.end
            if sentence_end < len(doc):
                following = bisect.bisect_left(starts, sentence_end)
                stop = starts[following] if following < len(starts) else len(doc)
                for token in doc[sentence_end:min(stop, sentence_end + 8, doc[sentence_end].sent.end)]:
                    if token.is_quote:
                        break  # quoted speech: "He got sick," she said — "he" is someone else
                    if token.dep_ in {"nsubj", "nsubjpass"}:
                        if token.lower_ in {"he", "she"}:
                            votes[mention.canonical][PRONOUN_GENDER[token.lower_]] += 1
                        break
    genders = {}
    for person, counts in votes.items():
        (first, n), *rest = counts.most_common() + [(None, 0)]
        if first and n > rest[0][1]:
            genders[person] = first
    return genders


def resolve_speakers(statements, doc, article, entity_index) -> None:
    people_by_token = {}
    orgs = []
    person_subjects = []
    # people named inside quoted words are not who "he says" after the quote refers to
    quoted = sorted((s.content_start, s.content_end) for s in statements if s.kind == "direct")
    quoted_starts = [a for a, _ in quoted]

    def inside_quote(char: int) -> bool:
        k = bisect.bisect_right(quoted_starts, char) - 1
        return k >= 0 and char < quoted[k][1]

    if entity_index is not None:
        for mention in entity_index.mentions:
            for i in range(mention.token_start, mention.token_end):
                people_by_token.setdefault(i, mention)
            if mention.label in {"ORG", "GPE", "NORP"}:
                orgs.append(mention)
            if mention.label == "PERSON":
                root = doc[mention.token_start:mention.token_end].root
                if (root.dep_ in {"nsubj", "nsubjpass"} or root.head.dep_ in {"nsubj", "nsubjpass"}) \
                        and not inside_quote(mention.start_char):
                    person_subjects.append(mention)
    organisations = [m for m in orgs if m.label == "ORG"]  # in text order, for "it" and "they"
    genders = person_genders(doc, entity_index)
    referents: list[Referent] = []
    for statement in sorted(statements, key=lambda s: (s.mention_start if s.mention_start is not None else s.content_start)):
        if getattr(statement, "speaker_of", None) is not None:
            continue
        root = doc[statement.mention_root]
        referent = _resolve(root, statement, doc, entity_index, people_by_token, orgs, organisations, person_subjects, referents, genders)
        statement.speaker = referent.speaker
        statement.anonymous = referent.anonymous
        statement.affiliation = referent.affiliation
        statement.role = referent.role
        referents.append(Referent(statement.mention_start if statement.mention_start is not None else statement.content_start, referent.speaker, referent.kind,
                                  referent.role, referent.affiliation, referent.anonymous))
    for statement in statements:
        neighbour = getattr(statement, "speaker_of", None)
        if neighbour is not None:
            statement.speaker = neighbour.speaker
            statement.anonymous = neighbour.anonymous
            statement.affiliation = neighbour.affiliation
            statement.role = neighbour.role
            statement.mention = None
            del statement.speaker_of
    _unify_affiliations(statements)


def _unify_affiliations(statements) -> None:
    """A speaker's affiliation is the one most often read off their mentions."""
    seen = defaultdict(Counter)
    roles = defaultdict(Counter)
    for s in statements:
        if s.affiliation:
            seen[s.speaker][s.affiliation] += 1
        if s.role:
            roles[s.speaker][s.role] += 1
    for s in statements:
        if seen[s.speaker]:
            s.affiliation = seen[s.speaker].most_common(1)[0][0]
        if not s.role and roles[s.speaker]:
            s.role = roles[s.speaker].most_common(1)[0][0]


def _noun_phrase(root):
    """The speaker's noun phrase without relative clauses, appositions or trailing punctuation."""
    cut = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis"}
    keep = [root]
    for child in root.children:
        if child.dep_ in cut:
            continue
        keep.extend(child.subtree)
    keep.sort(key=lambda t: t.i)
    return keep


def _resolve(root, statement, doc, entity_index, people_by_token, orgs, organisations, person_subjects, referents, genders) -> Referent:
    position = statement.mention_start
    phrase = _noun_phrase(root)
    lower = root.lower_
    full_mention = statement.mention or root.text

    # 1. a named person anywhere in the mention (the head, a compound, an apposition)
    person = people_by_token.get(root.i)
    if person is None or person.label != "PERSON":
        person = _person_named_in(root, people_by_token)
    if person is not None and person.label == "PERSON":
        role_tokens = [t for t in phrase if t.i < person.token_start and t.dep_ not in {"det", "poss", "case"} and not t.is_punct]
        if not any(t.pos_ == "NOUN" or t.lower_ in lexicon.role_nouns() or t.lower_ in lexicon.person_titles() for t in role_tokens):
            role_tokens = []  # "de" of "de Vries" is part of the name, not a role
        role = " ".join(t.text for t in role_tokens) or person.title
        person_root = doc[person.token_start:person.token_end].root
        if not role and person_root.dep_ == "appos" and person_root.head.lemma_.lower() in lexicon.role_nouns():
            role = person_root.head.text  # "her son, Thomas Ellory, who said": the son
        if person.title and role and person.title not in role:
            role = person.title + ", " + role
        affiliation = _affiliation(_close_words(root, person), doc, orgs, position, exclude=person) or \
            _affiliation_of_title(person.title)
        if affiliation is None:
            affiliation = _known_affiliation(referents, person.canonical)
        return Referent(position, person.canonical, "person", role or None, affiliation)

    # 2. pronouns
    if root.pos_ == "PRON" or lower in PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS:
        return _resolve_pronoun(lower, position, referents, person_subjects, organisations, genders,
                                _people_opening_paragraph(position, doc, entity_index))

    # 3. an organisation or a country speaking ("the union said", "the White House said")
    mention = people_by_token.get(root.i)
    if mention is not None and mention.label in {"ORG", "GPE", "NORP", "FAC", "LOC"}:
        return Referent(position, mention.canonical, "group", None, _country_or_self(mention))

    words = [t for t in phrase if t.dep_ not in {"det", "predet"} and not t.is_punct]
    description = _description(phrase, root, doc, orgs, position)
    definite = any(t.dep_ in {"det", "poss"} and t.lower_ in {"the", "this", "that", "these", "those"} for t in root.children)
    # "the country's health ministry" points back to an organisation as "the ministry" does
    possessed = any(t.dep_ == "poss" and t.pos_ in {"NOUN", "PROPN"} for t in root.children)

    # 4. a title standing for the person who holds it ("the US Secretary of State")
    if entity_index is not None and root.pos_ == "PROPN" or (lower in lexicon.person_titles()):
        title_words = [t.text for t in words if not _is_place_word(t)]
        holder = entity_index.person_with_title(" ".join(title_words)) if entity_index is not None and title_words else None
        if holder:
            affiliation = _affiliation(phrase, doc, orgs, position) or _known_affiliation(referents, holder)
            return Referent(position, holder, "person", " ".join(title_words), affiliation)

    # 5. a definite nominal: the earlier speaker with that role ("the official", "the minister",
    # "her son")
    owned = any(t.dep_ == "poss" and t.lower_ in {"his", "her", "their", "its"} for t in root.children)
    if (definite or owned) and root.pos_ == "NOUN":
        for referent in reversed(referents):
            if referent.role and root.lemma_.lower() in referent.role.lower().split():
                return referent
        for referent in reversed(referents):
            if referent.kind == "person" and referent.role and lower in referent.role.lower().split():
                return referent

    # 5b. "the company", "the chipmaker": the organisation named last before it
    if (definite or possessed) and root.pos_ == "NOUN" and _is_organisation_noun(root):
        named = _organisation_meant_by(root, doc, organisations, position)
        if named:
            return Referent(position, named, "group", None, named)

    # 5c. "the statement said": whoever issued it, the speaker just before ("X said in a statement ...")
    if definite and root.lemma_.lower() in DOCUMENT_NOUNS:
        issuer = next((r for r in reversed(referents) if r.position < position), None)
        if issuer is not None:
            return issuer

    # 6. groups ("both sides", "officials") and unnamed sources
    affiliation = _affiliation(phrase, doc, orgs, position)
    anonymous = bool(ANONYMITY_WORDS.search(full_mention)) or (
        root.lemma_.lower() in lexicon.role_nouns() | SOURCE_NOUNS and not definite)
    kind = "group" if root.tag_ in {"NNS", "NNPS"} or root.lower_ in GROUP_NOUNS or any(t.lower_ == "both" for t in phrase) else "person"
    if kind == "group" and root.lemma_.lower() not in SOURCE_NOUNS | lexicon.role_nouns():
        anonymous = False
    return Referent(position, description, kind, description if root.lemma_.lower() in lexicon.role_nouns() | SOURCE_NOUNS else None,
                    affiliation, anonymous)


def _person_named_in(root, people_by_token):
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
    for token in root.subtree:
        mention = person_at(token)
        if mention is None:
            continue
        if root.pos_ == "NOUN" and token.head.i == root.i and token.dep_ in {"poss", "compound", "nmod"}:
            continue
        if root.pos_ == "NOUN" and token.dep_ == "compound" and token.head.head.i == root.i and token.head.dep_ in {"poss", "compound"}:
            continue  # "Teresa Vukovic's aide": the compound first name of the possessor
        return mention
    return None


def _is_organisation_noun(token) -> bool:
    return lexicon.is_organisation_noun(token.lemma_)


def _close_words(root, person):
    """The words that describe a named speaker directly: the noun phrase and the heads of its
    appositions with their modifiers, not the places or groups further down those clauses.
    Words of the person's title are left out ("Secretary of State" says nothing of a side)
    except nationality words ("US Secretary of State")."""
    title_words = len(person.title.split()) if person.title else 0
    title_range = range(person.token_start - title_words, person.token_start)
    words = []
    for token in _noun_phrase(root):
        words.append(token)
    for child in root.children:
        if child.dep_ == "appos":
            words.append(child)
            words.extend(c for c in child.children if c.dep_ in {"amod", "compound", "nmod", "poss"})
    return [t for t in sorted(words, key=lambda t: t.i) if t.i not in title_range or _is_place_word(t)]


def _people_opening_paragraph(position, doc, entity_index) -> list:
    """People named in the pronoun's own paragraph before it, in any role ("For Marchetti, the
    work is personal. She said ...")."""
    if entity_index is None or position is None:
        return []
    paragraph_start = doc_text(doc).rfind("\n\n", 0, position) + 1
    in_quote = doc.user_data.get("newsvoices_in_quote") or [None] * len(doc)
    return [m for m in entity_index.mentions if m.label == "PERSON" and paragraph_start <= m.start_char < position
            and in_quote[m.token_start] is None]


def _resolve_pronoun(lower, position, referents, person_subjects, organisations, genders=None, opening=()) -> Referent:
    if lower in PERSON_PRONOUNS:
        wanted = PRONOUN_GENDER.get(lower)
        genders = genders or {}

        def fits(name: str) -> bool:  # "she" never goes to a person the article calls "Mr."
            return wanted is None or genders.get(name) in {None, wanted}

        last_referent = next((r for r in reversed(referents) if r.kind == "person" and r.position < position and fits(r.speaker)), None)
        index = bisect.bisect_left(person_subjects, position, key=lambda m: m.start_char)
        # a one-word "person" the article never names in full is often NER's reading of a
        # company or a country ("Brightlane said it would appeal"); a full name comes first
        earlier = [m for m in reversed(person_subjects[:index]) if fits(m.canonical)][:3]
        named = [m for m in earlier if len(m.canonical.split()) >= 2 or m.canonical in genders]
        last_subject = (named or earlier or [None])[0]
        # a paragraph that names one person before its pronoun, with no subject or speaker of its
        # own yet, is about that person
        in_paragraph = {m.canonical for m in opening if fits(m.canonical)}
        paragraph_start = min((m.start_char for m in opening), default=position)
        if len(in_paragraph) == 1 and not (last_subject is not None and last_subject.start_char >= paragraph_start) \
                and not (last_referent is not None and last_referent.position >= paragraph_start):
            name = next(iter(in_paragraph))
            known = next((r for r in reversed(referents) if r.speaker == name), None)
            return known or Referent(position, name, "person")
        if last_subject is not None and (last_referent is None or last_subject.start_char > last_referent.position):
            known = next((r for r in reversed(referents) if r.speaker == last_subject.canonical), None)
            return known or Referent(position, last_subject.canonical, "person")
        if last_referent is not None:
            return last_referent
        return Referent(position, lower, "person")
    if lower in GROUP_PRONOUNS:
        last = next((r for r in reversed(referents) if r.kind == "group" and r.position < position), None)
        if last is not None:
            return last
    org = _last_before(organisations, position)
    if org is not None:
        return Referent(position, org.canonical, "group", None, org.canonical)
    last = next((r for r in reversed(referents) if r.position < position), None)
    return last or Referent(position, lower, "group")


def _last_before(mentions, position):
    """The last mention (sorted by offset) that starts before `position`."""
    index = bisect.bisect_left(mentions, position, key=lambda m: m.start_char)
    return mentions[index - 1] if index else None


def _description(phrase, root, doc, orgs, position) -> str:
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
        if not words and token.lower_ in {"the", "a", "an"}:
            continue
        if token.is_punct and token.text not in "-–" and token.dep_ != "case":
            continue
        words.append(token)
    # "an official of the group" -> "Greenpeace official" when "the group" is an earlier organisation
    preps = [c for c in root.children if c.dep_ == "prep" and c.lower_ in {"of", "from", "for", "with", "at", "in"}]
    for prep in preps:
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if not objects:
            continue
        org = _organisation_for(objects[0], doc, orgs, position)
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


def _organisation_for(token, doc, orgs, position) -> str | None:
    span_tokens = list(token.subtree)
    for mention in orgs:
        if mention.label == "ORG" and mention.token_start <= token.i < mention.token_end:
            return mention.canonical
    if token.lemma_.lower() in ORG_NOUNS and any(c.lower_ == "the" for c in token.children) and len(span_tokens) <= 3:
        # "the group" refers back to an organisation that stood on its own, not to a modifier ("a UN resolution")
        return _organisation_meant_by(token, doc, [m for m in orgs if m.label == "ORG"], position)
    return None


RECENT_PARAGRAPHS = 3  # "the company" looks back this many paragraphs for the company in the news


def _organisation_meant_by(noun, doc, organisations, position) -> str | None:
    """The organisation that "the league", "the company" stands for, in this order:
    1. the last one named with that word ("the Pacific Soccer League", "the Ministry of Health"),
       whether or not NER caught the name;
    2. of the organisations in the last few paragraphs that name one, the one the article mentions most
       (news keeps "the company" for the company the story is about, not the rival in passing);
    3. the last organisation named."""
    lemma = noun.lemma_.lower()
    earlier = [m for m in organisations if m.start_char < position]
    for mention in reversed(earlier):
        words = doc[mention.token_start:mention.token_end]
        if any(w.lemma_.lower() == lemma or w.lower_ == noun.lower_ for w in words) and not (words[0].i <= noun.i < words[-1].i + 1):
            return mention.canonical
    unrecognised = _proper_name_headed_by(noun, doc)
    if unrecognised:
        return unrecognised
    standing = [m for m in earlier if doc[m.token_start:m.token_end].root.dep_ not in {"compound", "nmod", "amod", "poss"}]
    # "the company" is not the "Consumer Data Authority": a name ending in another kind of body
    same_kind = [m for m in standing if not (lexicon.is_organisation_noun(doc[m.token_end - 1].lemma_)
                                             and doc[m.token_end - 1].lemma_.lower() != lemma)]
    standing = same_kind or standing
    if not standing:
        return None
    last_paragraph = max(m.paragraph for m in earlier)
    recent = [m for m in standing if m.paragraph >= last_paragraph - RECENT_PARAGRAPHS + 1] or standing[-1:]
    mentions = Counter(m.canonical for m in earlier)
    return max(recent, key=lambda m: (mentions[m.canonical], m.start_char)).canonical


def _proper_name_headed_by(noun, doc) -> str | None:
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


def _is_place_word(token) -> bool:
    return token.text.lower() in lexicon.nationalities() or token.ent_type_ in {"GPE", "NORP"}


def _affiliation(tokens, doc, orgs, position, exclude=None) -> str | None:
    """Organisation, nationality or country named in a speaker's words."""
    nationalities = lexicon.nationalities()
    for token in tokens:
        if exclude is not None and exclude.token_start <= token.i < exclude.token_end:
            continue
        if token.ent_type_ == "ORG":
            mention = next((m for m in orgs if m.token_start <= token.i < m.token_end), None)
            if mention is not None:
                return mention.canonical
        if token.ent_type_ in {"NORP", "GPE"} or token.text.lower() in nationalities:
            found = nationalities.get(token.text.lower())
            if found:
                return found[0]
            mention = next((m for m in orgs if m.token_start <= token.i < m.token_end), None)
            if mention is not None:
                return _country_or_self(mention)
    for token in tokens:
        if token.dep_ == "pobj" and token.head.lower_ in {"of", "from", "for"}:
            org = _organisation_for(token, doc, orgs, position)
            if org:
                return org
    return None


def _country_or_self(mention) -> str:
    found = lexicon.nationalities().get(mention.canonical.lower())
    return found[0] if found else mention.canonical


def _affiliation_of_title(title: str | None) -> str | None:
    if not title:
        return None
    nationalities = lexicon.nationalities()
    for word in re.findall(r"[\w.]+", title):
        found = nationalities.get(word.lower())
        if found:
            return found[0]
    return None


def _known_affiliation(referents, speaker) -> str | None:
    return next((r.affiliation for r in reversed(referents) if r.speaker == speaker and r.affiliation), None)
