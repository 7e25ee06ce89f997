"""People NER missed or called something else, recognised by what news sets beside a name:
`PERSON_CUES`, an ordered list of small tests on a name's phrase, each named after what it
recognises. A name of two to four capitalised words that NER left untagged, or tagged as an
organisation, facility or work (not a town: "the suburb of Santa Catarina, a worker said"),
becomes a PERSON when one of them holds:

1. `after_a_title`: "Justice Hélène Desrosiers wrote" (a title of `titles.csv` right before it);
2. `apposed_to_a_person_noun`: "The villagers' lawyer, Ifeoma Nwachukwu,", "Olumide Adeyemi, a
   mining analyst at ..." (a noun for a person beside it, not a kind of organisation);
3. `given_an_age`: "Mandla Ntshona, 38, who grows vegetables";
4. `taken_up_by_who`: "Doreen Vukovich, who has lived on the street for 40 years," (untagged
   names only: British news writes "Rovers, who ..." of a club);
5. `given_name_speaking_or_described`: "Eleanor Marsh said ... she added", "Anders Kvale, a
   glaciologist" (a first name of one gender in the given-name table, and the name speaks and a
   he or she takes it up, or a person noun stands beside it);
6. `given_name_whose_surname_speaks`: "Connor McDavid scored twice ... McDavid said" (a first
   name of the table, of either gender, and the surname alone speaks later);
7. `given_name_taken_up_as_she_or_he`: "Olena Hryhorchuk ... has outlived two husbands and
   most of her friends" (a first name of one gender, the name a subject, and a pronoun of that
   gender in its own sentence, or the next when its own brings no one else in by a noun, "named
   a new chief executive", before another person is a subject).
Its other mentions then resolve as any person's do (a surname NER tagged ORG included).
"""
from __future__ import annotations

from .. import lexicon
from .index import Mention, _lower_case_words, clean_name

RELABELLED = {"ORG", "LOC", "NORP", "FAC", "WORK_OF_ART", "PRODUCT"}  # not GPE: "the suburb of Santa Catarina, a worker said"
LONGEST_NAME = 4


def _name_like(tokens, shortest: int = 2) -> bool:
    """Two to four capitalised words, not all of them words the article also writes in lower
    case, none a kind of organisation or a legal form ("Harmattan Advisory Ltd" is no one), none a
    country or people."""
    if not shortest <= len(tokens) <= LONGEST_NAME:
        return False
    if all(t.lower_ in _lower_case_words(tokens.doc) for t in tokens):
        return False  # a headline's "Clinton Holds Off": words the article writes in lower case too
    doc = tokens.doc
    if tokens.end < len(doc) and doc[tokens.end].text in {"-", "–"} or tokens.start > 0 and doc[tokens.start - 1].text == "-":
        return False  # part of a hyphenated name ("Amory-Walsh"), which the surname pass reads whole
    for token in tokens:
        word = token.text
        if word in {"-", "‐"} and token.i not in {tokens.start, tokens.end - 1}:
            continue  # "Marie - Claude Duchesne": a hyphenated given name in three tokens
        if word.lower() in lexicon.function_words("definite_singular") or not (word[:1].isupper() and word.replace("-", "").replace("'", "").replace("’", "").isalpha()):
            return False
        if word.isupper() or lexicon.is_organisation_noun(word) or word.rstrip(".") in lexicon.legal_forms() \
                or word.lower() in lexicon.nationalities() or word.lower() in lexicon.person_titles():
            return False
    return True


def _set_beside(tokens) -> list:
    """The phrases set off by a comma right beside a name: the noun phrase just before it
    ("The villagers' lawyer, Ifeoma Nwachukwu,") and the one just after it ("Olumide Adeyemi, a
    mining analyst", "Mandla Ntshona, 38,"), as their head tokens."""
    doc, root = tokens.doc, tokens.root
    found = []
    before = tokens.start - 2
    if before >= 0 and doc[before + 1].text == "," and root.dep_ == "appos" and root.head.i == before:
        found.append(root.head)
    if tokens.end + 1 < len(doc) and doc[tokens.end].text == "," and doc[tokens.end + 1].tag_ not in {"WP", "WP$", "WDT"}:
        # a phrase closed by punctuation and with no verb of its own: not "X, the candidate said
        # ..." (a new clause; a participle the parser tags VBN, "the candidate boasted", still slips by)
        found += [c for c in root.children if c.dep_ == "appos" and c.left_edge.i == tokens.end + 1
                  and (c.right_edge.i + 1 >= len(doc) or doc[c.right_edge.i + 1].is_punct) and not _has_a_clause(c)]
    return found


def _has_a_clause(phrase) -> bool:
    """A finite verb of the phrase's own (outside a relative clause): the parser ran a new clause
    into the apposition ("..., the candidate said he ...")."""
    for token in phrase.subtree:
        if token.tag_ in {"VBD", "VBZ", "VBP", "MD"}:
            path = [token] + [a for a in token.ancestors if phrase.is_ancestor(a)]
            if not any(t.dep_ == "relcl" for t in path):
                return True
    return False


def _a_person_noun(noun) -> bool:
    """A noun the word lists give a person ("lawyer", "spokeswoman"; not one guessed from its
    ending, "newsletter"), and not a role a company holds too ("owner", "parent")."""
    lemma = noun.lemma_.lower()
    listed = lemma in lexicon.role_nouns() or lemma in lexicon.gendered_words() or lemma in lexicon.word_list("person_nouns.txt")
    return noun.pos_ == "NOUN" and listed and lemma not in lexicon.word_list("shared_role_nouns.txt")


def apposed_to_a_person_noun(tokens, untagged: bool) -> bool:
    return any(_a_person_noun(n) for n in _set_beside(tokens))


def given_an_age(tokens, untagged: bool) -> bool:
    return any(n.like_num and n.text.isdigit() and 1 < int(n.text) < 120 and n.i + 1 < len(n.doc)
               and n.doc[n.i + 1].text == "," for n in _set_beside(tokens))


def taken_up_by_who(tokens, untagged: bool) -> bool:
    doc = tokens.doc
    return untagged and tokens.end + 1 < len(doc) and doc[tokens.end].text == "," and doc[tokens.end + 1].lower_ == "who"


def after_a_title(tokens, untagged: bool) -> bool:
    doc, start = tokens.doc, tokens.start
    if start == 0 or start > 1 and doc[start - 2].text in {"-", "–"}:
        return False  # not "AFL-CIO Holds Off"
    title = doc[start - 1]
    return title.text in lexicon.title_forms() and title.text[:1].isupper() \
        and title.lower_ not in lexicon.function_words("adjective_title")  # not "Major Legal Action"


def given_name_speaking_or_described(tokens, untagged: bool) -> bool:
    """"Eleanor Marsh said" tagged ORG, "Anders Kvale, a glaciologist at ..." left untagged: a name
    opening with a first name of the given-name table that speaks and is taken up by he or she,
    or that is set beside a noun for a person (by its ending too: with a first name, "-ologist"
    is no "newsletter")."""
    if lexicon.given_name_gender(tokens[0].text) is None:
        return False
    root = tokens.root
    # "Orlando Magic said", "Victoria Police said" speak too: only a he or she taking the name up
    # tells a person from a club or a company named after a place
    if root.dep_ == "nsubj" and root.head.lemma_ in lexicon.speech_verbs() and _taken_up_by_he_or_she(tokens):
        return True
    return any(n.pos_ == "NOUN" and lexicon.is_person_noun(n.lemma_) and n.lemma_.lower() not in
               lexicon.word_list("shared_role_nouns.txt") for n in _set_beside(tokens))


def given_name_whose_surname_speaks(tokens, untagged: bool) -> bool:
    """"Connor McDavid scored twice ... "It was a big win," McDavid said": a name opening with a
    first name of the given-name table, not after a determiner ("the Orlando Magic"), whose last
    word alone is later the subject of a speech verb, as news names a person in full once and by
    surname after."""
    doc = tokens.doc
    if not lexicon.is_given_name(tokens[0].text) or tokens.start > 0 and doc[tokens.start - 1].dep_ == "det":
        return False
    surname = tokens[-1].text
    bodies = lexicon.word_list("standing_bodies.txt") | lexicon.word_list("group_nouns.txt")
    if lexicon.is_organisation_noun(surname.lower()) or surname.lower() in bodies | _lower_case_words(doc):
        return False  # "Victoria Police ... Police said": a body's last word, not a surname
    return any(i >= tokens.end for i in _speaking_names(doc).get(surname, ()))


def _speaking_names(doc) -> dict[str, list[int]]:
    """One-word proper names that are the subject of a verb of saying ("McDavid said"), with
    their token offsets: read once per article."""
    found = doc._.newsvoices_speaking_names
    if found is None:
        found, speech = {}, lexicon.speech_verbs()
        for t in doc:
            if t.dep_ in {"nsubj", "nsubjpass"} and t.head.lemma_ in speech \
                    and (t.i + 1 >= len(doc) or doc[t.i + 1].pos_ != "PROPN") and (t.i == 0 or doc[t.i - 1].pos_ != "PROPN"):
                found.setdefault(t.text, []).append(t.i)
        doc._.newsvoices_speaking_names = found
    return found


def given_name_taken_up_as_she_or_he(tokens, untagged: bool) -> bool:
    """"REGINA — Olena Hryhorchuk was born on a homestead ..., raised nine children ... her
    friends": a name opening with a first name of one gender that is a clause's subject, taken
    up by a pronoun of that gender (he, she, his, her) in its own sentence, or the next when its
    own brings in no one else by a noun, before another person is a subject. A club or a company
    is an it."""
    gender = lexicon.given_name_gender(tokens[0].text)
    if gender is None or tokens.root.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    doc, genders = tokens.doc, lexicon.pronoun_genders()
    sentence = doc[tokens.end - 1].sent
    # the next sentence too, unless the name's own brings in someone else by a noun: "He will take
    # over", after "Tim Hortons named a new chief executive", is the newcomer's
    newcomer = any(t.dep_ in {"dobj", "pobj"} and lexicon.is_person_noun(t.lemma_) for t in sentence)
    end = doc[sentence.end].sent.end if sentence.end < len(doc) and not newcomer else sentence.end
    for token in doc[tokens.end:end]:
        if token.ent_type_ == "PERSON" and token.dep_ in {"nsubj", "nsubjpass"}:
            return False  # another subject the pronoun may take up ("near Canora" tagged a person is none)
        if token.pos_ == "PRON" and token.lower_ in genders:
            return genders[token.lower_] == gender
    return False


TAKE_UP_SENTENCES = 2  # "X said ... ‘This is not about cutting. It is about ...,’ she said."


def _taken_up_by_he_or_she(tokens) -> bool:
    """A subject he or she in the rest of the name's sentence or the next two, before anyone else is named."""
    doc = tokens.doc
    end = doc[tokens.end - 1].sent.end
    for _ in range(TAKE_UP_SENTENCES):
        end = doc[end].sent.end if end < len(doc) else end
    for token in doc[tokens.end:end]:
        if token.ent_type_ == "PERSON":
            return False
        if token.dep_ in {"nsubj", "nsubjpass"} and token.lower_ in lexicon.gendered_subject_pronouns():
            return True
    return False


PERSON_CUES = (after_a_title, apposed_to_a_person_noun, given_an_age, taken_up_by_who, given_name_speaking_or_described,
               given_name_whose_surname_speaks, given_name_taken_up_as_she_or_he)


def people_ner_missed(mentions: list[Mention], doc, sentence_of_token, paragraph_of_char) -> list[Mention]:
    """The mentions with each name `PERSON_CUES` recognise made a PERSON: a tagged one relabelled
    (every mention of the same text with it), an untagged one added."""
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    # a tagged name may be a surname alone after its title ("Dr. Chelagat" tagged ORG)
    found = {m.text for m in mentions if m.label in RELABELLED and _is_person(doc[m.token_start:m.token_end], False, 1)}
    for mention in mentions:  # "Justice Hélène Desrosiers" tagged ORG, title and all
        title = mention.text.split()[0]
        # not "Private Jet Services", "General Motors": a title that is also a plain adjective
        if title.lower() in lexicon.function_words("adjective_title"):
            continue
        if mention.label in RELABELLED and title in lexicon.title_forms() \
                and mention.token_end - mention.token_start >= 3 and _name_like(doc[mention.token_start + 1:mention.token_end]):
            mention.label, mention.key = "PERSON", clean_name(mention.text, "PERSON")
    for mention in mentions:
        if mention.label in RELABELLED and mention.text in found:
            mention.label, mention.key = "PERSON", clean_name(mention.text, "PERSON")
    mentions = [_without_role_word(m, doc) for m in mentions]
    mentions = _given_names_tagged_apart(mentions, doc)
    mentions = _titled_names(mentions, doc, sentence_of_token, paragraph_of_char)
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    added = []
    for tokens in _untagged_names(doc, covered):
        if _is_person(tokens, True):
            added.append(Mention(tokens.text, "PERSON", tokens.start_char, tokens.end_char, sentence_of_token[tokens.start],
                                 paragraph_of_char(tokens.start_char), key=clean_name(tokens.text, "PERSON"),
                                 token_start=tokens.start, token_end=tokens.end))
    return sorted(mentions + added, key=lambda m: m.start_char)


def _without_role_word(mention: Mention, doc) -> Mention:
    """"Goaltender Connor Hellebuyck" tagged ORG: a capitalised noun for a person opening the
    mention, before a name that opens with a first name of the given-name table, is the person's
    role; the name after it is a PERSON."""
    if mention.label not in RELABELLED or mention.token_end - mention.token_start < 3:
        return mention
    role, name = doc[mention.token_start], doc[mention.token_start + 1:mention.token_end]
    if not (role.text[:1].isupper() and lexicon.is_person_noun(role.lower_) and not lexicon.is_given_name(role.text)
            and lexicon.is_given_name(name[0].text)
            and _name_like(name)):
        return mention
    return Mention(name.text, "PERSON", name.start_char, name.end_char, mention.sentence, mention.paragraph,
                   key=clean_name(name.text, "PERSON"), token_start=name.start, token_end=name.end)


def _given_names_tagged_apart(mentions, doc) -> list[Mention]:
    """"TORONTO — Nadia Khoury's debut novel" with "Nadia" tagged a place and "Khoury" left
    untagged, or "Josefina" left untagged and "Reyes" tagged an organisation: a first name of the
    table and the proper nouns beside it, one of them tagged on its own, are a name that
    `PERSON_CUES` may recognise whole."""
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    result = []
    for mention in mentions:
        if mention.label not in RELABELLED | {"GPE"} or mention.token_end - mention.token_start != 1 \
                or mention.text.lower() in lexicon.nationalities():
            result.append(mention)
            continue
        start, end = mention.token_start, mention.token_end
        if lexicon.is_given_name(mention.text):  # the first name tagged, the surname not
            while end < len(doc) and end - start < LONGEST_NAME and doc[end].pos_ == "PROPN" and end not in covered \
                    and not doc[end].is_space:
                end += 1
        if end - start == 1 and start > 0 and start - 1 not in covered and doc[start - 1].pos_ == "PROPN" and lexicon.is_given_name(doc[start - 1].text):
            start -= 1  # "Josefina" untagged before "Reyes" tagged an organisation
        tokens = doc[start:end]
        if len(tokens) > 1 and _is_person(tokens, True):
            mention = Mention(tokens.text, "PERSON", tokens.start_char, tokens.end_char, mention.sentence, mention.paragraph,
                              key=clean_name(tokens.text, "PERSON"), token_start=tokens.start, token_end=tokens.end)
            covered.update(range(tokens.start, tokens.end))
        result.append(mention)
    return result


def _titled_names(mentions, doc, sentence_of_token, paragraph_of_char) -> list[Mention]:
    """"Mayor Dolores Vantreight" where NER tagged "Dolores" a place: a run of proper nouns right
    after a title, not a person's already, is one, over whatever NER tagged inside it."""
    people = {i for m in mentions if m.label == "PERSON" for i in range(m.token_start, m.token_end)}
    for title in (t for t in doc if t.text in lexicon.title_forms() and t.text[:1].isupper()
                  and t.lower_ not in lexicon.function_words("adjective_title")):
        end = title.i + 1
        while end < len(doc) and end - title.i <= LONGEST_NAME and doc[end].pos_ == "PROPN" and end not in people:
            end += 1
        run = doc[title.i + 1:end]
        if not len(run) or end < len(doc) and doc[end].pos_ == "PROPN" or not _name_like(run):
            continue
        inside = [m for m in mentions if m.token_start < run.end and m.token_end > run.start]
        if not inside or any(m.token_start < run.start or m.token_end > run.end for m in inside):
            continue  # untagged runs are `_untagged_names`'; a mention running past it is another name
        mentions = [m for m in mentions if m not in inside]
        mentions.append(Mention(run.text, "PERSON", run.start_char, run.end_char, sentence_of_token[run.start],
                                paragraph_of_char(run.start_char), key=clean_name(run.text, "PERSON"),
                                token_start=run.start, token_end=run.end))
        people.update(range(run.start, run.end))
    return sorted(mentions, key=lambda m: m.start_char)


def _is_person(tokens, untagged: bool, shortest: int = 2) -> bool:
    if len(tokens) < 2 and not after_a_title(tokens, untagged):
        return False
    return _name_like(tokens, shortest) and any(cue(tokens, untagged) for cue in PERSON_CUES)


def _untagged_names(doc, covered):
    """Runs of proper nouns outside every mention."""
    start = None
    for token in list(doc) + [None]:
        inside = token is not None and token.pos_ == "PROPN" and token.i not in covered and not token.is_space
        if inside and start is None:
            start = token.i
        elif not inside and start is not None:
            end = token.i if token is not None else len(doc)
            while start < end and doc[start].text in lexicon.title_forms():
                start += 1  # "Mayor Dolores Vantreight": the name after its title
            if start < end:
                yield doc[start:end]
            start = None
