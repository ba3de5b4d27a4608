"""Counted groups as event sides (events/groups.py): "the two countries", "both militaries", "the three leaders"
stand for the sides they count, found before them; a group that fits no reading stands for nobody."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsgraph.cli import main

PUBLISHED = "2025-06-12"


def dyads(extract_text, text: str) -> set[tuple[str | None, str, str | None]]:
    """(source, type, target) codes of the article's claims; a joint event of several sources counts each pair."""
    article = extract_text(text, published=PUBLISHED)
    code = {a.id: a.code for a in article.actors}
    out = set()
    for e in article.events:
        if not e.is_claim:
            continue
        sources = [code[s] for s in e.source]
        targets = [code[t] for t in e.target] or [s for s in sources if len(sources) > 1] or [None]
        out |= {(s, e.type, t) for s in sources for t in targets if s != t}
    return out


@pytest.mark.parametrize(("text", "wanted"), [
    # a counted subject of an act that is not a joint one: each side does it
    ("Peru and Bolivia have argued for years over lithium exports through the port of Ilo. On Wednesday the two "
     "countries rejected a Chilean proposal for a shared customs zone, in statements from Lima and La Paz.",
     {("PER", "REJECT", "CHL"), ("BOL", "REJECT", "CHL")}),
    # a counted target, its sides named together in the sentence before
    ("Ghana and Togo have clashed over smuggling along their shared border. Nigeria for its part accused both "
     "governments of turning a blind eye to fuel traders, its customs service said on Monday.",
     {("NGA", "ACCUSE", "GHA"), ("NGA", "ACCUSE", "TGO")}),
    # the counted group as the owner of what the verb is aimed at
    ("Moldova and Georgia both applied for membership of the European Union in 2022. France praised the two "
     "countries' reforms at a meeting in Paris on Tuesday.",
     {("FRA", "SUPPORT", "MDA"), ("FRA", "SUPPORT", "GEO")}),
    # people or bodies owned by a counted group are its sides
    ("Serbia and Kosovo have traded blame over the northern border for months. On Thursday the two neighbours' "
     "prime ministers agreed to reopen the Jarinje crossing.", {("SRB", "AGREE", "XKX"), ("XKX", "AGREE", "SRB")}),
    # a kind of state counts states
    ("Guinea, Mali and Burkina Faso have all been suspended by the regional bloc. On Monday the three juntas "
     "accused ECOWAS of serving foreign interests.", {("GIN", "ACCUSE", "ECOWAS"), ("MLI", "ACCUSE", "ECOWAS"),
                                                     ("BFA", "ACCUSE", "ECOWAS")}),
    ("Kuwait and Oman kept out of the quarrel with Doha in 2017. On Sunday the two monarchies condemned Israel's "
     "strike on the Qatari capital.", {("KWT", "ACCUSE", "ISR"), ("OMN", "ACCUSE", "ISR")}),
])
def test_a_counted_group_stands_for_the_sides_named_before(extract_text, text, wanted):
    assert wanted <= dyads(extract_text, text)


def test_a_list_named_together_is_the_group_before_other_sides_named_near(extract_text):
    text = ("Senegal and Mauritania began pumping gas from their shared offshore field last year. Mali, which has no "
            "coast, watched the project closely. The two countries then signed a deal on revenue sharing, officials "
            "in Dakar said.")
    found = dyads(extract_text, text)
    assert ("SEN", "AGREE", "MRT") in found or ("MRT", "AGREE", "SEN") in found
    assert not {d for d in found if d[1] == "AGREE" and "MLI" in d}


def test_a_state_s_own_forces_count_as_that_state(extract_text):
    text = ("Indonesian and Malaysian warships sailed together off Borneo last month. Both militaries held joint "
            "patrols in the Sulu Sea on Friday, the Indonesian navy said.")
    found = dyads(extract_text, text)
    assert ("IDN", "COOPERATE", "MYS") in found or ("MYS", "COOPERATE", "IDN") in found


def test_a_counted_group_of_leaders_is_the_people_named_before(extract_text):
    text = ("Kenyan President William Ruto and Tanzanian President Samia Suluhu Hassan opened a new border post at "
            "Namanga on Saturday. Ugandan President Yoweri Museveni later received the two presidents at State "
            "House in Entebbe.")
    assert {("UGA", "CONSULT", "KEN"), ("UGA", "CONSULT", "TZA")} <= dyads(extract_text, text)


def test_a_group_far_from_its_sides_is_the_story_s_protagonists(extract_text):
    text = ("Bolivia and Paraguay signed a deal on Monday to build a gas pipeline across the Chaco, ending years of "
            "talks. Bolivia will ship gas to Paraguay from 2027, and Paraguay will pay in dollars. Bolivia's energy "
            "minister said Paraguay would also buy fertiliser from a Bolivian plant. Paraguay's president called "
            "the deal historic. Brazil, whose own gas contract with Bolivia ends next year, was not consulted. "
            "Engineers say the route runs through some of the hottest land on the continent. The European Union "
            "welcomed the deal and urged both governments to protect the forest along the route.")
    assert {("EU", "REQUEST", "BOL"), ("EU", "REQUEST", "PRY")} <= dyads(extract_text, text)


@pytest.mark.parametrize(("text", "etype"), [
    # three states named, two counted: which two is not said
    ("Officials from Spain, Portugal and Morocco met in Rabat on Monday. The two countries signed a deal on "
     "fishing quotas, a spokesman said.", "AGREE"),
    # a count of soldiers, not of sides
    ("Two Kenyan soldiers were injured when their truck hit a mine near the Somali border, police said. "
     "Both men were flown to Nairobi.", "ASSAULT"),
    # a count's owner that is no group of sides: the ministers of two named ports are no sides
    ("Officials from Spain, Portugal and Morocco met in Rabat on Monday. The two ports' managers signed a deal on "
     "fishing quotas, a spokesman said.", "AGREE"),
    # "both" of proposals, not of sides
    ("Sweden's government put two proposals on migration to parliament on Tuesday. Both were criticised by "
     "the opposition.", "ACCUSE"),
])
def test_a_group_that_fits_no_sides_stands_for_nobody(extract_text, text, etype):
    assert not {d for d in dyads(extract_text, text) if d[1] == etype}


def test_the_two_countries_are_no_mention_of_one_state(extract_text):
    text = "Estonia and Latvia closed border crossings with Russia. Moscow condemned the two Baltic countries."
    article = extract_text(text, published=PUBLISHED)
    assert not [m for a in article.actors for m in a.mentions if "two Baltic countries" in m.text]
    assert {("RUS", "ACCUSE", "EST"), ("RUS", "ACCUSE", "LVA")} <= dyads(extract_text, text)


def test_explain_says_how_a_group_s_sides_were_found(nlp):
    text = "Ghana and Togo signed a border treaty in Lome. Norway called on both governments to publish the treaty."
    result = CliRunner().invoke(main, ["explain", text, "--published", PUBLISHED])
    assert result.exit_code == 0, result.output
    assert "'both governments' as the 2 named together before" in result.output


@pytest.mark.parametrize(("text", "wanted"), [
    ("The Alliance of Sahel States, which groups Mali, Burkina Faso and Niger, accused Algeria on Sunday of "
     "shooting down a drone near the border.",
     {("MLI", "ACCUSE", "DZA"), ("BFA", "ACCUSE", "DZA"), ("NER", "ACCUSE", "DZA")}),
    ("The Alliance of Sahel States, a confederation made up of Mali, Burkina Faso and Niger, rejected the ECOWAS "
     "offer of a transition period on Tuesday.",
     {("MLI", "REJECT", "ECOWAS"), ("NER", "REJECT", "ECOWAS")}),
    ("The Visegrad Group, which comprises Poland, Hungary, Slovakia and the Czech Republic, criticised the "
     "European Commission's plan to share out asylum seekers.",
     {("POL", "ACCUSE", "EU"), ("HUN", "ACCUSE", "EU"), ("SVK", "ACCUSE", "EU"), ("CZE", "ACCUSE", "EU")}),
])
def test_an_uncoded_body_told_to_group_states_acts_for_each_member(extract_text, text, wanted):
    assert wanted <= dyads(extract_text, text)


def test_a_coded_body_stays_itself_whatever_members_it_lists(extract_text):
    text = "NATO, which includes Turkey and Greece, urged Russia to withdraw its troops from the border."
    found = dyads(extract_text, text)
    assert ("NATO", "REQUEST", "RUS") in found
    assert not {d for d in found if d[0] in ("TUR", "GRC")}


@pytest.mark.parametrize(("text", "wanted"), [
    ("Djibouti and Eritrea fought over the Ras Doumeira headland in 2008. The neighbours signed a peace "
     "agreement in June 2018, ending a decade of hostility.", {("DJI", "AGREE", "ERI")}),
    ("India and China have disputed their Himalayan frontier for decades. Russia urged the rivals on Monday to "
     "settle the row through talks.", {("RUS", "REQUEST", "IND"), ("RUS", "REQUEST", "CHN")}),
])
def test_uncounted_neighbours_or_rivals_are_the_sides_named_together(extract_text, text, wanted):
    found = dyads(extract_text, text) | {(t, e, s) for s, e, t in dyads(extract_text, text) if e == "AGREE"}
    assert wanted <= found


def test_someone_s_allies_are_no_sides_named_before(extract_text):
    text = ("Poland and Lithuania closed their borders with Belarus in June. Ukraine's allies pledged more air "
            "defence systems on Friday, a NATO spokesman said.")
    assert not {d for d in dyads(extract_text, text) if d[1] in ("AGREE", "AID") and d[0] in ("POL", "LTU")}


@pytest.mark.parametrize(("text", "wanted"), [
    ("Britain, France and Germany told the Security Council in August that talks had failed. The trio accused "
     "Iran of breaching the 2015 nuclear deal.",
     {("GBR", "ACCUSE", "IRN"), ("FRA", "ACCUSE", "IRN"), ("DEU", "ACCUSE", "IRN")}),
    ("Kenya and Uganda have quarrelled over fuel imports for months. On Tuesday they signed a memorandum on a new "
     "pipeline, officials said.", {("KEN", "AGREE", "UGA")}),
])
def test_a_trio_or_they_stands_for_the_sides_named_together(extract_text, text, wanted):
    found = dyads(extract_text, text)
    assert wanted <= found | {(t, e, s) for s, e, t in found if e == "AGREE"}


def test_they_of_other_people_is_not_the_states_named_before(extract_text):
    text = "Kenya and Uganda are hosting a trade fair in Nairobi. Farmers said they would boycott it."
    assert not {d for d in dyads(extract_text, text) if d[1] in ("REJECT", "PROTEST")}


def test_counted_officials_received_are_the_states_named_before(extract_text):
    text = ("The foreign ministers of Oman and Kuwait flew to Tehran on Sunday. Both ministers were received by "
            "President Masoud Pezeshkian, Iranian state media reported.")
    assert {("IRN", "CONSULT", "OMN"), ("IRN", "CONSULT", "KWT")} <= dyads(extract_text, text)


def test_a_meeting_between_the_two_leaders_is_aimed_at_no_one_else(extract_text):
    text = ("Nepalese Prime Minister K.P. Sharma Oli and Indian Prime Minister Narendra Modi met in Bangkok, in talks "
            "attended by officials from Thailand and Bhutan. It was the first meeting between the two leaders.")
    assert not {d for d in dyads(extract_text, text) if d[1] == "CONSULT" and {"THA", "BTN"} & {d[0], d[2]}}


def test_they_after_a_nearer_plural_subject_is_not_the_list_before(extract_text):
    text = ("Spain and Italy sent ministers to the Lisbon talks on migration on Monday. European leaders gathered "
            "in the city on Tuesday, where they agreed to fund new reception centres in North Africa.")
    assert not {d for d in dyads(extract_text, text) if d[1] == "AGREE" and {d[0], d[2]} <= {"ESP", "ITA"}}



def test_they_after_a_nearer_plural_subject_is_not_the_parties_of_the_latest_act(extract_text):
    text = ("Britain and France held talks in London on Monday. European leaders gathered in Paris on Tuesday, "
            "where they pledged to raise military spending.")
    assert not {d for d in dyads(extract_text, text) if d[1] == "AGREE" and {d[0], d[2]} <= {"GBR", "FRA"}}


def test_each_side_accusing_the_other_is_one_accusation_each_way(extract_text):
    text = ("Armenian and Azerbaijani troops exchanged fire along the border overnight, the third clash this month. "
            "Each side accused the other of opening fire first.")
    assert {("ARM", "ACCUSE", "AZE"), ("AZE", "ACCUSE", "ARM")} <= dyads(extract_text, text)


def test_the_other_after_a_named_subject_is_no_reciprocal(extract_text):
    text = "Serbia and Kosovo held talks in Brussels. Serbia rejected the other proposal tabled by the EU."
    assert not {d for d in dyads(extract_text, text) if d[1] == "REJECT" and d[2] == "SRB"}


@pytest.mark.parametrize(("text", "wanted"), [
    ("Kenya and Uganda have quarrelled over fuel imports for months. Both of the governments signed a memorandum "
     "on a new pipeline on Tuesday.", {("KEN", "AGREE", "UGA")}),
    ("Kyrgyz President Sadyr Japarov and Tajik President Emomali Rahmon signed a border treaty in Bishkek on "
     "Thursday. Kazakh President Kassym-Jomart Tokayev called both of his counterparts on Friday.",
     {("KAZ", "CONSULT", "KGZ"), ("KAZ", "CONSULT", "TJK")}),
])
def test_a_count_of_sides_given_as_both_of_them_is_the_sides(extract_text, text, wanted):
    found = dyads(extract_text, text)
    assert wanted <= found | {(t, e, s) for s, e, t in found if e == "AGREE"}


def test_they_is_not_one_side_or_the_other(extract_text):
    text = ("Neither Thailand nor Laos has said where the two bloggers are, months after they criticised Cambodia's "
            "government online.")
    assert ("LAO", "ACCUSE", "KHM") not in dyads(extract_text, text)


@pytest.mark.parametrize(("text", "wanted"), [
    # a spokesman of one of the two sides asks "both countries": the other one is asked
    ("Armenia and Azerbaijan blamed each other for shelling along their border in September 2022. An Azerbaijani "
     "foreign ministry spokeswoman urged both countries to return to the negotiating table.",
     ("AZE", "REQUEST", "ARM")),
    ("Thailand and Cambodia traded fire along their disputed border in July 2025. Cambodian Prime Minister Hun "
     "Manet called on both governments to accept an immediate ceasefire.", ("KHM", "REQUEST", "THA")),
    ("Kyrgyzstan and Tajikistan accused each other of starting the border clashes of 2022. Tajikistan urged each "
     "side to pull its troops back from the frontier.", ("TJK", "REQUEST", "KGZ")),
    ("Ethiopia and Egypt have quarrelled for years over the Nile dam. Cairo pressed the two capitals to resume "
     "technical talks.", ("EGY", "REQUEST", "ETH")),
])
def test_a_counted_target_that_counts_its_addresser_is_the_other_side(extract_text, text, wanted):
    found = dyads(extract_text, text)
    assert wanted in found
    assert not {d for d in found if d[1] == "REQUEST" and d[0] == d[2]}


def test_a_counted_target_that_is_only_its_addressers_stands_for_nobody(extract_text):
    text = ("Serbia and Kosovo argued over licence plates in 2022. Serbia and Kosovo urged both sides to keep "
            "calm at the crossings.")
    assert not {d for d in dyads(extract_text, text) if d[1] == "REQUEST"}


def test_explain_says_the_addresser_was_left_out_of_the_group(nlp):
    text = ("India and Pakistan exchanged artillery fire across the Line of Control. Pakistani Foreign Minister "
            "Ishaq Dar urged both countries to show restraint.")
    result = CliRunner().invoke(main, ["explain", text, "--published", PUBLISHED])
    assert result.exit_code == 0, result.output
    assert "but its addresser" in result.output


def test_opposing_sides_armed_by_a_side_are_not_the_other_side(extract_text):
    text = ("Turkey and Russia were on opposite sides of the Libyan war in 2020. Russia armed opposing sides in "
            "several African conflicts, Western officials said.")
    assert ("RUS", "AID", "TUR") not in dyads(extract_text, text)


def test_sides_only_named_near_the_group_are_not_its_addresser_s_partners(extract_text):
    text = ("France, Malta and Belgium said in September 2025 they would recognise a Palestinian state. Israel's "
            "cabinet met, and an Israeli spokesman talked of Egypt and Jordan, then urged the three governments "
            "to think again.")
    assert not {d for d in dyads(extract_text, text) if d[1] == "REQUEST" and d[2] in ("EGY", "JOR")}


@pytest.mark.parametrize(("text", "wanted"), [
    # the side the sentence before is about, not its owner's
    ("Iran seized a British-flagged tanker in the Strait of Hormuz on Friday. Iranian officials said the ship had "
     "collided with a fishing boat. Syria defended its ally.", ("SYR", "SUPPORT", "IRN")),
    # the story's other side, of the two the sentence before is about
    ("Azerbaijan and Armenia have quarrelled over the Lachin road since 2020. Armenia accused its neighbour on "
     "Tuesday of blocking the road.", ("ARM", "ACCUSE", "AZE")),
])
def test_its_ally_or_neighbour_is_the_one_other_side_named_before(extract_text, text, wanted):
    assert wanted in dyads(extract_text, text)


@pytest.mark.parametrize(("text", "wrong"), [
    # named by its own apposition: never the subject of the sentence before
    ("U.N. Secretary-General Antonio Guterres urged calm on Monday. Russia asked its ally Belarus to send troops "
     "to the border on Tuesday.", ("RUS", "REQUEST", "UN")),
    # its own sentence names other sides before it: the subject before is not the one meant
    ("China's coast guard fired water cannon at a Philippine supply boat on Saturday. Chinese officials said the "
     "boat had entered Chinese waters. The State Department condemned China's actions against Philippine vessels "
     "and said Washington stood by its ally.", ("USA", "SUPPORT", "CHN")),
])
def test_its_ally_is_no_side_the_text_does_not_tie_to_it(extract_text, text, wrong):
    assert wrong not in dyads(extract_text, text)


def test_explain_says_which_side_its_ally_stands_for(nlp):
    text = ("Iran seized a British-flagged tanker in the Strait of Hormuz on Friday. Iranian officials said the ship "
            "had collided with a fishing boat. Syria defended its ally.")
    result = CliRunner().invoke(main, ["explain", text, "--published", PUBLISHED])
    assert result.exit_code == 0, result.output
    assert "'its ally' as the subject of the sentence before" in result.output


@pytest.mark.parametrize(("text", "wanted"), [
    # "them" continues the counted owner of the phrase before it
    ("Armenia and Azerbaijan traded artillery fire along their border in September 2022. France said it had spoken "
     "to the foreign ministers of both countries, urging them to return to negotiations.",
     {("FRA", "REQUEST", "ARM"), ("FRA", "REQUEST", "AZE")}),
    # a second "them" continues the first
    ("Thailand and Cambodia fought along their border for five days in July 2025. Malaysia phoned both governments "
     "on Monday, thanking them for the truce and urging them to pull back their troops.",
     {("MYS", "REQUEST", "THA"), ("MYS", "REQUEST", "KHM")}),
])
def test_a_plural_pronoun_continues_the_counted_group_before_it(extract_text, text, wanted):
    assert wanted <= dyads(extract_text, text)


def test_a_pronoun_after_a_nearer_plural_does_not_continue_the_group(nlp, extract_text):
    from newsgraph.resources.bundle import Resources
    from newsgraph.stages.events.groups import counted_antecedent
    text = ("Japan and South Korea settled their quarrel over wartime labour in March 2023. Officials of both "
            "countries said the workers' families had not been consulted, and China urged Tokyo to compensate them.")
    doc = nlp(text)
    them = next(t for t in doc if t.lower_ == "them")
    assert counted_antecedent(them, Resources.load().grammar) is None
    assert not {d for d in dyads(extract_text, text) if d[:2] == ("CHN", "REQUEST") and d[2] == "KOR"}


def test_explain_says_a_pronoun_continues_a_counted_group(nlp):
    text = ("Armenia and Azerbaijan traded artillery fire along their border in September 2022. France said it had "
            "spoken to the foreign ministers of both countries, urging them to return to negotiations.")
    result = CliRunner().invoke(main, ["explain", text, "--published", PUBLISHED])
    assert result.exit_code == 0, result.output
    assert "'them' continuing 'both countries'" in result.output


def test_a_group_whose_sides_named_together_are_not_the_story_s_stands_for_nobody(extract_text):
    text = ("North Korea launched balloons carrying rubbish across the border into South Korea in May 2024, and Seoul "
            "answered by switching its loudspeakers back on. Pyongyang warned of a new response, and North Korean "
            "troops crossed the line briefly in June. South Korea's military said North Korea had sent more "
            "balloons. North Korea called the broadcasts a provocation. Japan and South Korea both lie within range "
            "of the North's missiles. The two sides accused each other of raising tensions.")
    found = dyads(extract_text, text)
    assert not {d for d in found if d[1] == "ACCUSE" and "JPN" in d}
