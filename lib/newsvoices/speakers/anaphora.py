"""Pronouns and descriptions resolved by ranking their candidate antecedents (`candidates`,
`ranking`): which mentions are ranked, where they stand, and the referent the best candidate
gives. Each candidate list is recorded on the resolution context, so the ranker can be trained on
what resolution saw (`benchmarks/train_antecedents.py`)."""
from __future__ import annotations

from .. import lexicon
from . import ranking
from .candidates import (
    FORWARD_SENTENCES,
    SUBJECTS,
    MentionPlace,
    age_word,
    described_words,
    gather,
    noun_and_modifiers,
    wanted_gender,
)
from .pronouns import Referent

LEAD_PARAGRAPHS = 2  # the headline and the first paragraph
LEAD_FORWARD_SENTENCES = 4  # "… the province's chief medical officer said.\n\n“…. ….” Dr. Rachel Okonjo told reporters."


def place_of(m, ctx, **extra) -> MentionPlace:
    discourse = ctx.discourse
    return MentionPlace(m.position, discourse.sentence_of_token[m.root.i], ctx.article.paragraph_at(m.position), **extra)


def ranked_referent(m, ctx, place: MentionPlace, kind: str, role: str | None = None, needs=()) -> Referent | None:
    """The referent of the best candidate the model for `kind` accepts (and that has one of
    the features `needs`, if given), or None."""
    candidates = gather(place, ctx.discourse, ctx.referents, ctx.genders)
    if kind != "pronoun":  # "An official at the directorate ... the official said": the one introduced since
        candidates = [c for c in candidates if not c.features.get("introduced_since")]
    ctx.ranked[m.position] = (kind, candidates)
    chosen = ranking.best(candidates, kind)
    if chosen is None or (needs and not any(chosen.candidate.features.get(name) for name in needs)):
        return None
    return referent_of(m, chosen.candidate, role)


def referent_of(m, candidate, role: str | None) -> Referent:
    """The mention as the chosen candidate: as it spoke before, if it has, else by its name."""
    known = candidate.referent
    if known is not None:
        return Referent(m.position, known.speaker, known.kind, known.role or role, known.affiliation, known.anonymous)
    return Referent(m.position, candidate.name, "person", role)


def gendered_pronoun(m, ctx) -> Referent | None:
    """He or she: the best-ranked person of that gender before it."""
    if m.lower not in lexicon.pronoun_genders() or m.root.pos_ != "PRON":
        return None
    place = place_of(m, ctx, gender=wanted_gender(m.lower), not_names=_reported_on(m.root, ctx))
    return ranked_referent(m, ctx, place, "pronoun")


def _reported_on(pronoun, ctx) -> frozenset[str]:
    """"Lindqvist, he said, had been battling an addiction": the people a cue set off by commas
    inside the sentence reports on, the subjects before it of the clause it interrupts; the
    pronoun speaking of them is someone else."""
    doc, cue = pronoun.doc, pronoun.head
    # a cue hung inside the clause it reports ("While Trump agreed, he also stated, ..." is no such cue)
    if pronoun.i == 0 or doc[pronoun.i - 1].text != "," or cue.i <= pronoun.i or cue.dep_ == "ROOT" \
            or not any(t.text == "," for t in doc[cue.i + 1:min(len(doc), cue.i + 4)]):
        return frozenset()
    subjects = [t for t in doc[pronoun.sent.start:pronoun.i - 1] if t.dep_ in {"nsubj", "nsubjpass"} and t.head.i != cue.i]
    people = (ctx.people_by_token.get(t.i) for t in subjects)
    return frozenset(p.canonical for p in people if p is not None and p.label == "PERSON")


def age_epithet(m, ctx) -> Referent | None:
    """"The 47-year-old said", "the 57-year-old, who has coached the side since 2015,": the age
    stands for the person the text is about, as a pronoun does (ranked the same way), but never
    for someone the article gives another age; an unnamed person when no one fits."""
    age = age_word(m.root)
    if age is None:
        return None
    place = place_of(m, ctx, head_words=frozenset({age}), head=age, end=max(t.idx + len(t) for t in m.phrase))
    candidates = gather(place, ctx.discourse, ctx.referents, ctx.genders)
    aged = {name for name, words in ctx.discourse.descriptors.items() if any(w.endswith("-year-old") for w in words)}
    fitting = [c for c in candidates if c.features.get("head_matches") or c.name not in aged]
    ctx.ranked[m.position] = ("pronoun", fitting)
    # news names a person, then calls them by their age to avoid repeating the name: the one just
    # named, if they are also the last subject or speaker, is whom "the 71-year-old" stands for
    fresh = [c for c in fitting if c.features.get("last_named") and (c.features.get("last_speaker")
                                                                     or c.features.get("last_subject"))]
    chosen = ranking.best([c for c in fitting if c.features.get("head_matches")] or fresh or fitting, "pronoun")
    if chosen is None:
        return Referent(m.position, age, "person", age, None, True)
    return referent_of(m, chosen.candidate, age)


def person_description(m, ctx) -> Referent | None:
    """"The retired neurosurgeon", "the Yellowhead MP", "an independent political expert": a
    singular description of one person, resolved to a named person when one fits."""
    root = m.root
    # NER's "MLA" tagged a person, "the first-term Liberal MPP" tagged an organisation
    mistagged_title = root.ent_type_ in {"PERSON", "ORG"} and (root.lower_ in lexicon.person_titles() \
        and root.lower_ not in lexicon.function_words("adjective_title") or _one_word_person_noun(root))
    if not (root.tag_ in {"NN", "NNP"} or _noun_by_its_place(root)) \
            or root.ent_type_ not in {"", "NORP"} and not mistagged_title or not _describes_a_person(root):
        return None
    if lexicon.anonymity_words().search(m.mention):
        return None
    determiners = _determiners(root)
    if determiners & lexicon.function_words("indefinite"):
        indefinite = True
    elif determiners & (lexicon.function_words("definite_singular") | lexicon.possessive_pronouns()) \
            or _named_modifier(root) or owner_named(root):  # "its chief said", "the Ravens' coach"
        indefinite = False
    else:
        return None
    words = [t for t in m.phrase if t.dep_ in {"amod", "compound", "nmod", "nummod"} and t.head.i == root.i]
    words += [c for c in root.children if c.dep_ == "poss" and c.pos_ == "PROPN"]  # "the Ravens' coach"
    words += [n for t in words for n in t.children if n.dep_ == "nummod"]  # "the Ward 4 councillor"
    head_words = frozenset(t.lemma_.lower() for t in words) | {root.lemma_.lower()}
    place = place_of(m, ctx, gender=wanted_gender(root.lower_), head_words=head_words, head=root.lemma_.lower(),
                     indefinite=indefinite, end=max(t.idx + len(t) for t in m.phrase))
    role = " ".join(t.text for t in m.phrase if t.dep_ not in {"det", "poss"} and not t.is_punct) or None
    # "the man", "the woman": an ordinary unnamed person, and "an independent expert" someone
    # named after it, only when the words the article gives the person say so
    generic = place.head in lexicon.word_list("generic_person_nouns.txt")
    needs = ("head_matches",) if generic else ("head_matches", "modifier_matches") if indefinite else ()
    former = any(t.lower_ in lexicon.function_words("past_role") for t in words)  # "the former energy lawyer"
    if not needs and place.head in lexicon.role_nouns() and not former:
        # "the mayor" is not the man the article has called a union leader: a role noun needs a
        # person it fits, or one the article has given no other role
        needs = ("head_matches", "modifier_matches", "no_other_role")
    # an indefinite description mostly brings in someone new ("a spokesman said"), a definite one
    # refers back ("the real estate tycoon"): each kind has its own threshold for taking the best
    kind = "indefinite description" if indefinite else "description"
    named_modifiers = frozenset(t.lemma_.lower() for t in words if t.pos_ == "PROPN" or t.like_num)
    return head_matched(m, ctx, place, role) or named_modifiers_matched(m, ctx, place, named_modifiers, role) \
        or subject_just_before(m, ctx, place, role, ("head_matches",) if needs and not generic else needs) \
        or ranked_referent(m, ctx, place, kind, role, needs=needs) or named_after(m, ctx, place, role)


def subject_just_before(m, ctx, place: MentionPlace, role: str | None, needs=()) -> Referent | None:
    """"Delaney was named the game's most outstanding player. The American quarterback ... said":
    a definite description right after a sentence whose subject is the person last named is that
    person, though another spoke last; news names someone, then describes them as they speak."""
    if place.indefinite or place.head in lexicon.word_list("generic_person_nouns.txt"):
        return None
    fitting = [c for c in gather(place, ctx.discourse, ctx.referents, ctx.genders)
               if c.features.get("previous_main_subject") and c.features.get("last_named") and not c.features.get("unnamed")
               and (not needs or any(c.features.get(name) for name in needs))]
    return referent_of(m, fitting[0], role) if len(fitting) == 1 else None


def described_further(root, referent: Referent, discourse) -> None:
    """"The premier, a former general contractor, said ...": the words beside a description
    describe the named person it resolved to, for the descriptions after it ("the former
    contractor")."""
    if discourse is None or referent.kind != "person" or referent.anonymous or root.ent_type_ \
            or root.pos_ not in {"NOUN", "PROPN"}:
        return
    words = discourse.matched_words.setdefault(referent.speaker, set())
    words.update(t.lemma_.lower() for t in root.children if t.dep_ in {"amod", "compound", "nmod"})
    words.add(root.lemma_.lower())
    for apposed in (c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
        words.update(noun_and_modifiers(apposed))


def named_modifiers_matched(m, ctx, place: MentionPlace, named: frozenset, role: str | None) -> Referent | None:
    """"the Dartmouth East MLA" after "Sheila Comeau, who represents Dartmouth East": a definite
    description whose proper-noun modifiers the article has used of one person only is that
    person, whatever its head noun."""
    if place.indefinite or not named:
        return None
    fitting = [c for c in gather(place, ctx.discourse, ctx.referents, ctx.genders)
               if named <= described_words(c, ctx.discourse)]
    return referent_of(m, fitting[0], role) if len(fitting) == 1 else None


def head_matched(m, ctx, place: MentionPlace, role: str | None) -> Referent | None:
    """"the midfielder" after "Rovers captain Tom Hale ... midfielder Hale": a person the
    article itself has called by the description's head noun is its first candidate (the best
    ranked of those, as a pronoun would be), before salience alone is weighed."""
    if place.indefinite:
        return None
    modifiers = place.head_words - {place.head}
    countries = lexicon.nationalities()
    plain_adjectives = {t.lemma_.lower() for t in m.phrase if t.pos_ == "ADJ" and t.text.islower() and t.head.i == m.root.i
                        and t.lower_ not in lexicon.function_words("office_adjective")}  # not "the deputy mayor"

    def described_so(candidate) -> bool:  # "the Wisconsin Republican" is not "Republican Donald Trump"
        described = described_words(candidate, ctx.discourse)
        # "the American goaltender" after "Goaltender Connor Hellebuyck": news gives a nationality
        # without having told it; only another one said of the candidate rules them out
        told = {countries[w][0] for w in described if w in countries}
        unsaid = {w for w in modifiers - described if w in countries and (not told or countries[w][0] in told)}
        # "the veteran councillor" after "Coun. Vincent Moreau": a plain adjective is news about
        # the person; a name or a number among the modifiers must have been said of them
        unsaid |= {w for w in modifiers - described if w in plain_adjectives}
        return modifiers - unsaid <= described

    fitting = [c for c in gather(place, ctx.discourse, ctx.referents, ctx.genders)
               if c.features.get("head_matches") and described_so(c)]
    chosen = ranking.best(fitting, "pronoun")
    return referent_of(m, chosen.candidate, role) if chosen is not None else None


def named_after(m, ctx, place: MentionPlace, role: str | None) -> Referent | None:
    """"Even the organizer of a rally said ... said Tim Selaty, organizer of a group": a
    description whose head noun the article gives a person it names just after (within
    `candidates.FORWARD_SENTENCES`) is that person, when no one before fits."""
    forward = MentionPlace(place.position, place.sentence, place.paragraph, gender=place.gender,
                           head_words=place.head_words, head=place.head, indefinite=True, end=place.end)
    # not someone its own sentence names: "the GOP front-runner said Democratic front-runner X ..."
    own_sentence = {p.name for p in ctx.discourse.mentions if p.sentence == place.sentence}
    # a lead that calls someone by role before naming them ("The home secretary has defended ...
    # Speaking on Tuesday, Eleanor Marsh said"): the first person named after it, with no other role
    opening = not place.indefinite and not any(p.start < place.position for p in ctx.discourse.mentions) \
        and place.paragraph <= LEAD_PARAGRAPHS
    # a lead's role is named in the lead's next paragraph, after a quotation of a few sentences
    reach = LEAD_FORWARD_SENTENCES if opening else FORWARD_SENTENCES
    fitting = [c for c in gather(forward, ctx.discourse, ctx.referents, ctx.genders, reach)
               if (c.features.get("head_matches") or opening and c.features.get("no_other_role"))
               and c.name not in own_sentence]
    if fitting:  # one called by the description's noun ("Justice Harpreet Sandhu" for "the judge") first
        chosen = next((c for c in fitting if c.features.get("head_matches")), fitting[0])
        return Referent(m.position, chosen.name, "person", role)
    renamed = named_in_the_next_sentence(m, ctx, place) if place.indefinite else None
    return Referent(m.position, renamed, "person", role) if renamed else None


def named_in_the_next_sentence(m, ctx, place: MentionPlace) -> str | None:
    """"A political scientist who ... said X. The researcher, Ana Ruiz of ..., said Y": the
    next sentence's subject is a definite description in apposition with a name, so news
    names the person it has just brought in."""
    doc = m.root.doc
    if any(t.pos_ == "PROPN" for t in m.phrase):  # "a Downing Street spokesperson": its body's, seldom named
        return None
    following = [s for s in doc.sents if s.start_char > (place.end or m.position)][:1]
    for sentence in following:
        for token in sentence:
            subject = token.head
            # a bare noun names the one just brought in ("The researcher, Ana Ruiz,"), not a new
            # office holder ("The shadow home secretary, Rupert Hale,")
            bare = not any(c.dep_ in {"amod", "compound", "nmod", "poss"} for c in subject.children)
            if token.dep_ != "appos" or subject.dep_ not in SUBJECTS or subject.pos_ != "NOUN" or not bare \
                    or not _describes_a_person(subject) \
                    or not any(c.dep_ == "det" and c.lower_ in lexicon.function_words("definite_singular") for c in subject.children):
                continue
            named = ctx.people_by_token.get(token.i)
            if named is not None and named.label == "PERSON":
                return named.canonical
    return None


def role_fits(m, referent, word: str) -> bool:
    """An earlier speaker whose role has the mention's noun, and the names and numbers that
    modify it ("the Ward 4 councillor" is not "the veteran councillor"); a person's role words
    are no organisation ("the union" is not "the union leader")."""
    if not referent.role or word not in referent.role.lower().split():
        return False
    if referent.kind == "person" and lexicon.is_organisation_noun(m.lemma):
        return False
    named = {t.lower_ for t in m.phrase if (t.pos_ == "PROPN" or t.like_num) and t.i != m.root.i}
    return named <= set(referent.role.lower().split())


def is_person_noun(word: str) -> bool:
    """"spokeswoman", "neurosurgeon", "tycoon", "labourer": a noun for a person (`lexicon`)."""
    return lexicon.is_person_noun(word)


def _one_word_person_noun(root) -> bool:
    """"The three-time Olympian" with "Olympian" alone tagged an organisation: a noun for a person."""
    doc = root.doc
    alone = root.ent_iob_ == "B" and (root.i + 1 >= len(doc) or doc[root.i + 1].ent_iob_ != "I")
    return alone and _describes_a_person(root)


def _noun_by_its_place(root) -> bool:
    """"the German forward said": a word after a determiner that is a subject is a noun, though
    the tagger reads "forward", "guard" or "centre" as another part of speech."""
    # not "the former", "the latter" (adjectives): "forward" read as an adverb, "guard" as a verb
    return not root.tag_.startswith("NN") and root.pos_ != "ADJ" and root.dep_ in {"nsubj", "nsubjpass"} \
        and bool(_determiners(root))


def _determiners(root) -> set[str]:
    """The determiners of a noun phrase, also where the parser hung one on a modifier ("the" of
    "the German forward" on "German") or on the possessor ("the province's officer")."""
    # and the possessor's: "the province's chief medical officer" is as definite as "the officer"
    near = [root, *(c for c in root.children if c.dep_ in {"compound", "amod", "poss"} and c.i < root.i)]
    return {c.lower_ for t in near for c in t.children if c.dep_ in {"det", "poss", "nummod"} and c.i < root.i
            and not (t.dep_ == "poss" and c.dep_ != "det")}


def _describes_a_person(root) -> bool:
    # a title is a person's too: "the Maplecrest CEO", "the Dartmouth East MLA"
    return is_person_noun(root.lemma_) or is_person_noun(root.lower_) or root.lower_ in lexicon.person_titles() \
        or _a_nationality_before_a_body_noun(root)


def _a_nationality_before_a_body_noun(root) -> bool:
    """"The Swedish centre said": a nationality before a player's position that may name a body
    too (function_words.csv, job `position_noun`), with no "for" or "of" after it that a body's
    name would have, is a person; "the Australian company" stays a company."""
    return root.lemma_.lower() in lexicon.function_words("position_noun") and root.dep_ in {"nsubj", "nsubjpass"} \
        and any(c.dep_ in {"amod", "compound"} and c.lower_ in lexicon.nationalities() for c in root.children) \
        and not any(c.dep_ == "prep" for c in root.children)


def apposed_to_a_name(m, ctx) -> Referent | None:
    """"Alfonso Aguilar, the executive director of ..., who said": a description in apposition
    with a name (or joined to one that is) is that person."""
    node = m.root
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ != "appos":
        return None
    mention = ctx.people_by_token.get(node.head.i)
    if mention is None or mention.label != "PERSON":
        return None
    known = next((r for r in reversed(ctx.referents) if r.speaker == mention.canonical), None)
    return Referent(m.position, mention.canonical, "person", known.role if known else None,
                    known.affiliation if known else None)


def owner_named(root) -> bool:
    """"the Ravens' coach", "Maplecrest's chief executive": a role owned by a name."""
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in root.children)


def _named_modifier(root) -> bool:
    """"Yellowhead MP", "Liberal MP": a bare role noun after a proper-noun modifier."""
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in root.children) and root.i > 0


def possessor_pronoun(m, ctx) -> Referent | None:
    """"His remarks", "her letter": the person the possessive pronoun stands for."""
    owner = next((c for c in m.root.children if c.dep_ == "poss" and c.lower_ in lexicon.pronoun_genders()), None)
    if owner is None:
        return None
    return ranked_referent(m, ctx, possessive_place(owner, ctx), "pronoun")


def possessive_place(owner, ctx) -> MentionPlace:
    """Where a possessive "his", "her" stands, with the gender it asks for."""
    return MentionPlace(owner.idx, ctx.discourse.sentence_of_token[owner.i], ctx.article.paragraph_at(owner.idx),
                        gender=wanted_gender(owner.lower_))


def unnamed_people(root) -> bool:
    """"critics", "old political hands", "the aides", "a group of 67 artists": people in the
    plural whom the article does not name (not "the Democrats", a party's members as a
    nationality-like entity, nor "the committee", a body)."""
    if root.tag_ == "NNS" and is_person_noun(root.lemma_) and not root.ent_type_:
        return True
    members = [pobj for prep in root.children if prep.dep_ == "prep" and prep.lower_ == "of"
               for pobj in prep.children if pobj.dep_ == "pobj"]
    return root.lower_ in lexicon.word_list("group_nouns.txt") and any(unnamed_people(p) for p in members)


AUTHOR = "article's author"


def the_author(m, ctx) -> Referent | None:
    """"I argue that ...", "We asked the campaigns why ...": a first person outside any quotation
    is the writer of the article, an unnamed source (inside one it is the quoted speaker)."""
    if m.lower not in lexicon.function_words("first_person") or ctx.in_quote[m.root.i] is not None:
        return None
    return Referent(m.position, AUTHOR, "person", "author", None, True)
