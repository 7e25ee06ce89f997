"""Speakers resolved by ranking candidates and by issuers (newsvoices.speakers.anaphora,
candidates, ranking, documents; entities.acronyms): one short made-up article per class of
issue 15."""
import pytest

from newsvoices.entities.acronyms import initials
from newsvoices.speakers.anaphora import is_person_noun

CASES = [
    pytest.param(  # a description of a person already named is that person, not a new speaker
        "Marta Kowalczyk has run the Harbourview bakery on Dunmore Street for twenty years.\n\n"
        "Kowalczyk opened the shop with her late husband in 2004. The 58-year-old baker said her rent had doubled "
        "since the spring and that she might have to close by Christmas.",
        ["Marta Kowalczyk"], id="description-of-a-named-person"),
    pytest.param(  # a prenominal description ("Yellowhead MP") taken up alone later
        "Hinton MP Jim Ostrowski spent Friday touring the flooded farms west of town.\n\n"
        "The Hinton MP said the federal relief program had been too slow to reach growers.",
        ["Jim Ostrowski"], id="prenominal-role-taken-up"),
    pytest.param(  # he goes to the person the paragraph is about and the last speaker, not to the man named last
        "Daniel Osei, a city councillor, said the transit plan had been rushed through.\n\n"
        "Osei has sat on the council since 2014. He voted against the budget that Mayor Tom Briggs presented "
        "last year, and against the transit levy Briggs proposed in March.\n\n"
        "“We were given no time to read it,” he said.",
        ["Daniel Osei", "Daniel Osei"], id="pronoun-with-several-men"),
    pytest.param(  # a document speaks for whoever released it
        "The Harbour Tenants Trust released a study of rents on the waterfront on Monday.\n\n"
        "The study said rents in the district had risen by 40 per cent in three years.",
        ["Harbour Tenants Trust"], id="document-speaks-for-its-issuer"),
    pytest.param(  # "a release from X"
        "Workers at the Kelso meat plant voted to strike on Sunday.\n\n"
        "A release from the Prairie Food Workers Union said 90 per cent of members had backed the walkout.",
        ["Prairie Food Workers Union"], id="release-from-an-organisation"),
    pytest.param(  # an acronym the article never puts in brackets
        "Immigration, Refugees and Citizenship Canada has changed how it processes student permits.\n\n"
        "IRCC said in an email that the backlog would be cleared by June.",
        ["Immigration, Refugees and Citizenship Canada"], id="acronym-without-brackets"),
    pytest.param(  # "the department" is the department named before
        "Inspectors from the Department of Agriculture visited the Pelham dairy on Friday. "
        "Owner Ruth Calder showed them the new cooling tanks.\n\n"
        "The department said the farm had met every standard.",
        ["Department of Agriculture"], id="the-department"),
    pytest.param(  # a description taken up by the name given just after it, with the same head noun
        "Thousands marched through the city centre on Saturday.\n\nEven the organiser of the march said the route "
        "was too narrow. \"You put everybody face to face, you get trouble,\" said Tim Selaty, organiser of a group "
        "called Citizens First.",
        ["Tim Selaty", "Tim Selaty"], id="description-named-just-after"),
    pytest.param(  # a thing that "says" is no one a later "he" takes up
        "Director Sam Okafor has spent five years on the project.\n\nThe documentary says the river has lost half "
        "its fish since 1990. \"We filmed every bend of it,\" he said.",
        ["documentary", "Sam Okafor"], id="he-is-not-a-thing"),
    pytest.param(  # an age epithet stands for the person the text is about
        "Steve Marsh watched his side lose on penalties on Saturday.\n\n"
        "The 47-year-old said he would ask the club to lodge a complaint.",
        ["Steve Marsh", "Steve Marsh"], id="age-epithet"),
    pytest.param(  # ... and never for someone the article gives another age
        "Steve Marsh, 47, coaches the side. Ann Cole, 63, chairs the club and spoke to fans after the match.\n\n"
        "\"We were robbed,\" the 47-year-old said.",
        ["Steve Marsh"], id="age-epithet-of-that-age"),
    pytest.param(  # a person the article has called by the description's head noun, however salient
        "Fenby lost the semi-final on penalties. Supporters booed the referee, and the club's chairman, Len Hart, "
        "called for a replay. Fenby midfielder Josh Amankwah was more measured.\n\n"
        "\"The result's the result,\" the midfielder said.",
        ["Len Hart", "Josh Amankwah"], id="head-noun-match"),
    pytest.param(  # a definite epithet with no word the article gave the person refers back to them
        "Developer Ray Castell threw reporter Jon Pike out of a news conference on Monday.\n\n"
        "The reporter for the Gazette was trying to ask a question about the mill when Castell cut him off.\n\n"
        "A guard escorted Pike out after Castell complained.\n\n"
        "The row erupted two months after the property magnate announced that the mill would become flats.",
        ["Ray Castell"], id="definite-epithet-refers-back"),
    pytest.param(  # an indefinite one brings in someone new, even beside a person of the same body
        "The ministry changed the rules for small firms in March.\n\n"
        "A Finance Ministry spokesman said the ministry does not comment on single cases. In a call with "
        "reporters, Finance Minister Ida Lunde said the rules would stay.",
        ["Finance Ministry spokesman", "Ida Lunde"], id="indefinite-description-is-someone-new"),
    pytest.param(  # a name the parser made the root of its sentence ("steam-rolls" read as a noun)
        "Carson has tried to turn the questions to his advantage.\n\n"
        "Trump, when asked about his own contradictions or factual errors, often steam-rolls through the "
        "questions, talking and talking.\n\n"
        "For example: \"We made a terrible mistake,\" he told a reporter in October.",
        ["Trump"], id="name-as-misparsed-root-is-the-subject"),
    pytest.param(  # an unnamed speaker named as an object ("asked by a caller") is not its sentence's subject
        "The plant closed in March after forty years.\n\nRecently, Dan Hale, a former mayor who hosts a talk show "
        "on local radio, was asked by a caller why the plant had closed. \"Because they ran it into the ground,\" "
        "he said.",
        ["Dan Hale"], id="unnamed-object-is-no-subject"),
    pytest.param(  # the place in "who represents X" is the later "X MLA", whatever the head noun
        "Transport Minister Ruth Abara, who represents Cape Breton Centre, defended the toll on Friday.\n\n"
        "\"Nobody likes paying it, but the bridge has to be paid for,\" the Cape Breton Centre MLA said.",
        ["Ruth Abara"], id="named-modifier-from-a-relative-clause"),
    pytest.param(  # "chief executive of Veltrax" is "the Veltrax CEO"
        "Helen Marsh, chief executive of Veltrax, met the staff on Tuesday.\n\n"
        "\"We have no choice left,\" the Veltrax CEO said.",
        ["Helen Marsh"], id="role-family-ceo"),
    pytest.param(  # the president of a union is "the union leader"
        "Omar Field, president of Local 12 of the Harbour Workers Union, met members at the gate. "
        "He said the union had not been warned.\n\n"
        "\"They told us the yard was safe,\" the union leader said.",
        ["Omar Field", "Omar Field"], id="role-family-leader"),
    pytest.param(  # "the union" is the union, not the earlier speaker whose role was "union leader"
        "Omar Field, president of the Harbour Workers Union, met members at the gate.\n\n"
        "\"They told us the yard was safe,\" the union leader said.\n\n"
        "The union said in a statement that it would file a grievance.",
        ["Omar Field", "Harbour Workers Union"], id="organisation-noun-is-no-persons-role"),
    pytest.param(  # two councillors: "the Ward 4 councillor" is the one the article put in Ward 4
        "Ward 4 Coun. Lisa Moreau, who brought the motion, said the cameras would slow drivers.\n\n"
        "Coun. Pat Greer, who has represented Ward 9 since 2010, said the program was a cash grab.\n\n"
        "The Ward 4 councillor said speed humps had already failed on two streets.",
        ["Lisa Moreau", "Pat Greer", "Lisa Moreau"], id="numbered-ward-councillor"),
    pytest.param(  # what a description resolved to is told also describes that person later
        "Premier Alan Roy tabled the bill on Monday.\n\n"
        "The premier, a former plumber, said he expected it to pass by June.\n\n"
        "\"I have fixed harder things than this,\" the former plumber said.",
        ["Alan Roy", "Alan Roy"], id="apposition-to-a-description-carries-over"),
    pytest.param(  # "A political scientist ... The researcher, NAME,": the next sentence names the newcomer
        "The bill passed on Thursday.\n\n"
        "A political scientist who has followed the debate for years said the law would change little. "
        "The researcher, Mira Osten of Hallam University, said cabinet would rarely use it.",
        ["Mira Osten", "Mira Osten"], id="indefinite-description-named-next-sentence"),
    pytest.param(  # a release from the company's short name, which NER may not tag
        "Brackley Foods Ltd. will close its plant in Dunmore next spring.\n\n"
        "A release from Brackley later in the day said the company had met every obligation.",
        ["Brackley Foods"], id="release-from-a-short-name"),
    pytest.param(  # a hyphenated surname NER missed after an honorific is the person named in full
        "The health minister, Karen Ashby-Lowe, visited the ward on Monday.\n\n"
        "\"Nobody should wait a night on a trolley,\" Ms Ashby-Lowe said during a visit to a GP surgery in Leeds.",
        ["Karen Ashby-Lowe"], id="hyphenated-surname-missed-by-ner"),
    pytest.param(  # a lead that gives the role before the name: the person named next, with no other role
        "Police front desks to close\n\n"
        "The home secretary said on Tuesday that more than 120 police station front counters would close.\n\n"
        "Speaking to broadcasters, Sarah Whitlock said the counters were used by fewer than 15 people a day.",
        ["Sarah Whitlock", "Sarah Whitlock"], id="lead-role-named-after"),
    pytest.param(  # a role owned by a name: "the Ravens' coach" is the Ravens coach named before
        "Ravens coach Darren Kell said his midfielder had not meant to hurt anyone. Bluetongues coach Tim Hadley "
        "said the tackle was late.\n\n"
        "Asked about the final, the Ravens' coach said the decision was an easy one.",
        ["Darren Kell", "Tim Hadley", "Darren Kell"], id="possessive-owner-of-a-role"),
    pytest.param(  # with no gender in the article, a first name still keeps "she" off the man named last
        "Margaret Olsen, who chairs the arts board, said the festival had its best year. David Kerr, the "
        "festival director, said ticket sales had doubled.\n\n"
        "\"It was the programme that did it,\" she said.",
        ["Margaret Olsen", "David Kerr", "Margaret Olsen"], id="first-name-keeps-a-pronoun-off"),
    pytest.param(  # a document a candidate's campaign put out speaks for the campaign
        "Mayor Ann Marsh is seeking a second term. The Marsh campaign is releasing a new online ad on Monday aimed "
        "at her rival.\n\nThe ad says the rival cannot be trusted with the budget.",
        ["Ann Marsh campaign"], id="campaign-issues-a-document"),
    pytest.param(  # the document as a modifier of what was sent: "an email fundraising appeal"
        "Mayor Ann Marsh is seeking a second term. Her campaign sent out an email fundraising appeal on Tuesday.\n\n"
        "\"We need every dollar we can raise,\" the email said.",
        ["Ann Marsh campaign"], id="document-as-a-modifier"),
    pytest.param(  # a description whose noun the tagger reads as another part of speech ("forward")
        "Jonas Weber and Luca Brandt each scored twice as the Harbour City Kings won 5-2 on Saturday.\n\n"
        "Weber said the crowd gave the team a lift.\n\n"
        "\"It was so loud. You could feel it on the bench,\" the German forward said.",
        ["Jonas Weber", "Jonas Weber"], id="description-noun-tagged-otherwise"),
    pytest.param(  # a nationality the article never gave does not keep a description off its person
        "Dana Whitfield, the general manager, praised the deal on Monday. Goaltender Simon Brodeur also spoke to "
        "reporters.\n\n\"We are built to win now,\" the Swiss goaltender said.",
        ["Dana Whitfield", "Simon Brodeur"], id="nationality-never-given"),
    pytest.param(  # a name set beside an organisation's description is the organisation
        "The food agency has recalled two brands of peanut butter.\n\n"
        "The maker, Hollins Foods Ltd., said in a statement it had stopped shipments from its plant.",
        ["Hollins Foods"], id="organisation-named-beside-its-description"),
    pytest.param(  # the only organisation named before, though only as a modifier
        "More than 40,000 Bayshore Electric customers lost power on Sunday after high winds.\n\n"
        "The utility said crews would work through the night.",
        ["Bayshore Electric"], id="organisation-named-as-a-modifier"),
    pytest.param(  # the parser makes two subjects of "a spokesperson for [the minister]"; it is one
        "Hospitals in the north closed their wards over the weekend.\n\n"
        "A spokesperson for Health Minister Sylvia Moretti said the government had hired 2,000 nurses since 2020.",
        ["spokesperson for Health Minister Sylvia Moretti"], id="spokesperson-for-a-minister"),
    pytest.param(  # a headline's role is the person the lead names for it, not a source of its own
        "Rail line will open in 2027, minister says\n\nTORONTO — Ontario's transport minister says the new "
        "northern rail line will open in 2027.\n\nKaveh Rostami, who took over the portfolio in June, told "
        "reporters the first trains would run to Timmins.\n\nThe minister said tickets would cost less than the bus.",
        ["Kaveh Rostami"] * 4, id="headline-role-named-in-the-lead"),
    pytest.param(  # a legislator's title NER tags as an organisation ("Liberal MPP") still describes a person
        "Sandra Oyelaran, elected in Kingston in 2022, tabled an amendment on Monday. The first-term Liberal MPP "
        "called the bill \"a missed opportunity\" for renters.", ["Sandra Oyelaran"], id="title-tagged-an-organisation"),
    pytest.param(  # a relative ("the man's sister") holds no role that keeps a description off her
        "Police shot a man in Laval on Saturday.\n\nThe man's sister, Aminata Sow, said her brother had been in "
        "crisis. \"We called for help,\" she said.\n\nThe 31-year-old nursing assistant said the family had asked "
        "for an ambulance.", ["Aminata Sow"] * 3, id="a-relative-holds-no-role"),
    pytest.param(  # a lead's role named in the next paragraph, after a quotation of two sentences
        "FREDERICTON — The measles outbreak has grown to 23 cases, the province's chief medical officer of health "
        "said Wednesday.\n\n\"Measles is very contagious. One case can infect dozens,\" Dr. Miriam Achebe told "
        "reporters.", ["Miriam Achebe"] * 2, id="lead-role-named-after-a-quotation"),
    pytest.param(  # "X, he said, had ...": the pronoun is not the person it reports on
        "Defence lawyer Aaron Feld argued for four years. Derek Halvorsen, he said, had been battling a gambling "
        "addiction for a decade.", ["Aaron Feld"], id="a-cue-inside-the-clause-it-reports"),
    pytest.param(  # a lead's role goes to the person later called by its noun, not the first one named
        "CALGARY — A former financial adviser was sentenced Friday to six years, with the judge calling the scheme "
        "\"calculated and cruel.\"\n\nDerek Halvorsen, 58, pleaded guilty in March.\n\nCourt of King's Bench "
        "Justice Priya Anand said Halvorsen had exploited his clients.", ["Priya Anand"] * 2, id="lead-role-by-its-noun"),
    pytest.param(  # with no organisation tagged at all, the untagged name that is the lead's subject
        "Alberta energy producer cuts 600 jobs as oil slump drags on\n\nCALGARY — Prairie Ridge Energy will cut "
        "about 600 jobs across Alberta and Saskatchewan, the company said Thursday, blaming a prolonged slump in "
        "crude prices and rising costs.\n\nIn a news release, the company said the cuts were \"a difficult but "
        "necessary step.\"", ["Prairie Ridge Energy"] * 2, id="the-company-named-but-untagged"),
    pytest.param(  # a nationality before a noun that may name a body: a player's position
        "Mikael Lindholm scored twice as the Oilers won 4-3 on Saturday.\n\n\"We didn't quit,\" Lindholm said.\n\n"
        "The Swedish centre said the win felt bigger than two points.", ["Mikael Lindholm"] * 2,
        id="a-nationality-before-a-position"),
    pytest.param(  # a first name left untagged before a surname NER called an organisation
        "Vivian Cheng visits her mother at a home in Scarborough. \"Some days she hasn't been changed,\" Cheng "
        "said.\n\nJosefina Reyes has been a personal support worker for 18 years. The 52-year-old said she cares "
        "for 14 residents on a night shift.", ["Vivian Cheng", "Josefina Reyes"], id="first-name-tagged-apart"),
    pytest.param(  # a former role is no other role: "the former energy lawyer" may be the premier
        "CALGARY — Alberta Premier Colleen Harcourt says her government will challenge the federal emissions cap in "
        "court.\n\nHarcourt did not hold back on Monday: \"Ottawa wants to shut down our largest industry.\"\n\n"
        "The former energy lawyer said the cap was a clear intrusion into provincial jurisdiction.",
        ["Colleen Harcourt"] * 3, id="a-former-role"),
    pytest.param(  # a one-word noun for a person NER tagged an organisation ("Olympian")
        "Women's hockey drew 19,000 fans in Montreal on Saturday. Natalie Brassard scored twice for Montreal.\n\n"
        "\"The noise was unbelievable,\" Brassard said.\n\nThe three-time Olympian said she never imagined crowds "
        "this size.", ["Natalie Brassard"] * 2, id="a-person-noun-tagged-an-organisation"),
    pytest.param(  # an adjective NER tagged a person ("Olympic") is no one's name
        "Speed skater Hannah Kowalczyk retired on Wednesday after 14 years on the national team.\n\n\"It's time,\" "
        "Kowalczyk said.\n\nThe Olympic silver medallist said she plans to finish a nursing degree.",
        ["Hannah Kowalczyk"] * 2, id="an-adjective-tagged-a-person"),
    pytest.param(  # the subject of the sentence just before a description, though another spoke last
        "Quarterback Marcus Delaney threw for 311 yards, and kicker Sébastien Larose kicked the winning field goal on "
        "Sunday.\n\n\"I've dreamed about that kick since I was a kid,\" Larose said.\n\nDelaney was named the game's "
        "most outstanding player. The American quarterback said Winnipeg feels like home now.",
        ["Sébastien Larose", "Marcus Delaney"], id="the-subject-just-before"),
    pytest.param(  # ... but "the Australian company" stays the company, not its chief executive
        "SYDNEY — Qantas will cut 300 jobs. Chief executive Vanessa Hudson announced the cuts on Tuesday. \"This is "
        "a difficult day,\" the Australian company said.", ["Vanessa Hudson", "Qantas"], id="a-nationality-before-a-company"),
    pytest.param(  # a company named as a modifier is no union
        "LONDON — Amazon warehouse workers in Coventry walked out on Tuesday over pay. \"We are not robots,\" the union "
        "said.", ["union"], id="a-company-modifier-is-no-union"),
    pytest.param(  # "the former" and "the latter" are no description of a person
        "Labor's Jim Chalmers debated the Liberals' Angus Taylor on Sunday. The former said the budget was fair, while "
        "the latter said it was reckless.", ["former", "latter"], id="the-former-and-the-latter"),
    pytest.param(  # a union described in the lead and named later as a federation
        "Teachers vote to strike\n\nREGINA — Public school teachers have voted 95 per cent in favour of strike "
        "action, their union announced Wednesday.\n\nThe vote is the first of its kind in 20 years.\n\n"
        "The Prairie Teachers' Federation of Saskatchewan said turnout was 88 per cent.",
        ["Prairie Teachers' Federation of Saskatchewan", "Prairie Teachers' Federation of Saskatchewan"],
        id="a-union-named-later-as-a-federation"),
    pytest.param(  # a document that speaks in a relative clause of the sentence that issues it
        "Senator Ann Marsh is releasing a new ad that urges voters to turn out early.",
        ["Ann Marsh"], id="document-issued-in-its-own-sentence"),
]


@pytest.mark.parametrize("text, speakers", CASES)
def test_speaker_resolved(analyze_text, text, speakers):
    assert list(analyze_text(text).statements["speaker"]) == speakers


def test_a_headline_source_is_the_body_source(analyze_text):
    text = ("Port deal within days\n\n"
            "Operators and the dockers' union are close to a deal, sources say\n\n"
            "Talks between the port operators and the union resumed on Tuesday in Halden.\n\n"
            "A source close to the talks said the two sides had agreed on pay and were now discussing shifts.")
    table = analyze_text(text).statements
    assert len(table) == 2
    assert table["anonymous"].all()
    assert table["speaker"].nunique() == 1
    assert table["speaker"].iloc[0] == "source close to the talks"


def test_an_unnamed_person_stays_unnamed_when_no_named_person_fits(analyze_text):
    text = ("Premier Tom Hallett spoke to the crowd outside the legislature for twenty minutes.\n\n"
            "One man in the crowd interrupted him. “You stole our pensions,” the man shouted.")
    table = analyze_text(text).statements
    assert list(table["speaker"]) == ["man"]


def test_person_nouns_and_initials():
    assert is_person_noun("neurosurgeon") and is_person_noun("tycoon") and is_person_noun("spokeswoman")
    assert is_person_noun("seamstress") and is_person_noun("mechanic") and is_person_noun("poet")
    assert not is_person_noun("statement") and not is_person_noun("answer") and not is_person_noun("company")
    assert initials("Immigration, Refugees and Citizenship Canada") == "IRCC"
    assert initials("Federal Bureau of Investigation") == "FBI"


@pytest.mark.parametrize("words, family", [
    ({"chief", "executive"}, "ceo"),
    ({"coun."}, "councillor"),
    ({"president", "union"}, "leader"),
    ({"spokesman"}, "spokesperson"),
])
def test_role_words_name_their_family(words, family):
    from newsvoices.speakers.candidates import with_role_families

    assert family in with_role_families(words)
    assert "ceo" not in with_role_families({"executive"})  # one word of a phrase is not the phrase
