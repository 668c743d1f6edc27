"""How `suggest` reads a figure's meaning from its sentence, one rule at a time: each
test drafts a few sentences written for the test against the project's own curation,
in process, and checks the claims the draft makes of them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from repatriations.curation import load_curation
from repatriations.project import Project
from repatriations.suggest import compose
from repatriations.suggest import lexicon as lx
from repatriations.suggest.draft import Draft
from repatriations.suggest.known import Known, known_from
from repatriations.support.checkout import ROOT


@cache
def known() -> Known:
    return known_from(load_curation(Project(ROOT)), "test-article.txt")


def draft_of(text: str) -> Draft:
    return compose(Project(ROOT), Path("raw/test-article.txt"), text.encode("utf-8"), known())


def claims_by_value(text: str) -> dict[int, dict]:
    records = [c.record() for c in draft_of(text).claims]
    return {r["value"]: r for r in records}


def test_a_figure_no_single_handover_comes_near_is_a_running_total_and_so_is_its_pair():
    claims = claims_by_value(
        "Foreign Minister Sergei Lavrov said on Thursday that Moscow had returned more than 11,000 bodies and had received 201.\n"
        "Russia handed over 1,000 bodies on Friday and received 26 in return, officials said.\n"
    )
    assert claims[11000]["metric"] == "cumulative_bodies_to_ukraine"
    assert claims[201]["metric"] == "cumulative_bodies_to_russia"
    # the day's own handover in the next sentence stays one handover
    assert (claims[1000]["metric"], claims[26]["metric"]) == ("bodies_to_ukraine", "bodies_to_russia")


def test_a_figure_inside_a_quotation_of_several_sentences_is_the_words_of_its_speaker():
    claims = claims_by_value(
        "Russia has handed over to Kiev the bodies of another 1,200 Ukrainian servicemen, "
        "a source in the Russian negotiating group told TASS.\n"
        '"This is the third batch. The first, 1,212 bodies, was transferred on June 11, and we received '
        '27 bodies in return," the source said.\n'
    )
    assert {v: claims[v]["side"] for v in (1200, 1212, 27)} == {1200: "russia", 1212: "russia", 27: "russia"}
    # "we received" governs the 27, not the 1,212 before it
    assert (claims[1212]["metric"], claims[27]["metric"]) == ("bodies_to_ukraine", "bodies_to_russia")


def test_a_deal_named_in_another_clause_makes_the_figure_its_terms():
    claims = claims_by_value(
        "Under the agreements reached in Istanbul on June 2, Russia is to transfer more than 6,000 bodies to Ukraine, "
        "Kremlin aide Vladimir Medinsky said.\n"
    )
    assert (claims[6000]["metric"], claims[6000]["qualifier"]) == ("agreed_bodies_to_ukraine", "more_than")


def test_a_figure_whose_noun_is_left_out_counts_the_bodies_its_paragraph_is_about():
    draft = draft_of(
        "Russia has handed over the bodies of 1,212 soldiers, the Coordination Headquarters said. "
        "The second batch, of 1,200, followed two days later, and the headquarters counted 6,057 of them by Monday. "
        "Of those, 70 came from the Donetsk front.\n"
    )
    claims = {c.value: c.record() for c in draft.claims}
    assert claims[1200]["metric"] == "bodies_to_ukraine"
    assert 6057 in claims
    # a breakdown of another figure is no figure of the record
    assert 70 not in claims and any(e.number == "70" for e in draft.unplaced)


def exchanges_of(text: str) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for claim in draft_of(text).claims:
        record = claim.record()
        found.setdefault(record["value"], set()).add(record["exchange_id"])
    return found


def test_handovers_dated_apart_are_apart_and_an_undated_figure_joins_its_dateline():
    exchanges = exchanges_of(
        "Russia hands over to Kiev another 1,150 bodies\n\n"
        "14 June 2025, 15:42\n\n"
        "MOSCOW, June 14. /TASS/. Russia has handed over to Kiev the bodies of another 1,150 Ukrainian servicemen, "
        "a source told TASS. The first batch, 1,212 bodies, was transferred on June 11, and Moscow received 27 bodies in return. "
        "The second, of 1,150, followed on June 13, the source said.\n"
    )
    (today,) = exchanges[1150] - {e for e in exchanges[1150] if "06-13" in e}
    assert "2025-06-14" in today  # the headline and the lead: the dateline's day, not June 13's
    assert exchanges[1212] == exchanges[27] == {"ex-2025-06-1212"}  # the curated 11 June handover
    assert len(exchanges[1150]) == 2


def test_months_named_in_one_sentence_are_two_handovers():
    exchanges = exchanges_of(
        "MOSCOW, October 23, 2025. Russia has handed over to Kiev the bodies of 1,000 Ukrainian servicemen "
        "and received 31 in return, Medinsky said.\n"
        'In September the ratio was 24 for 1000, and in August 19 for 1000, State Duma deputy Shamsail Saraliev noted.\n'
    )
    assert len(exchanges[31] | exchanges[24] | exchanges[19]) == 3
    assert len(exchanges[1000]) == 3


def test_a_body_speaks_in_its_own_voice_only_under_its_own_name():
    statement = claims_by_value(
        "Ministry of Internal Affairs of Ukraine\n19 August 2025\n\n"
        "Today 1000 bodies went to the Ukrainian side. "
        "Since June 6,057 have come home, according to the Coordination Headquarters. "
        "We remind relatives to give DNA samples.\n"
    )
    assert statement[1000]["side"] == "ukraine" and statement[1000]["official_id"] == "ministry-of-internal-affairs-of-ukraine"
    # a speaker the statement names for a figure keeps it
    assert statement[6057]["official_id"] == "ukraine-coordination-hq"
    analysis = claims_by_value(
        "THE WEEK IN NUMBERS | Analysis\n\n"
        "The Coordination Headquarters is the body that counts the dead. "
        "On our arithmetic, 14,060 bodies have been returned to Ukraine since June.\n"
    )
    assert (analysis[14060]["side"], analysis[14060]["official_id"]) == ("media", None)


def test_the_other_side_speaking_inside_a_bodys_own_statement_keeps_its_figure():
    claims = claims_by_value(
        "Coordination Headquarters for the Treatment of Prisoners of War\n16 June 2025\n\n"
        "Today another 1,245 bodies were returned to Ukraine. "
        "According to the Russian side, they are the bodies of Ukrainian citizens.\n\n"
        "We note that the Russian side gives a different total, 6,060 bodies. "
        "The Russian side states that it received 51 bodies. "
        "We remind relatives to give DNA samples.\n"
    )
    assert {v: claims[v]["side"] for v in (1245, 6060, 51)} == {1245: "ukraine", 6060: "russia", 51: "russia"}
    assert claims[1245]["official_id"] == "ukraine-coordination-hq" and claims[6060]["official_id"] is None


def test_a_masthead_over_a_statement_without_we_is_its_speaker_and_capitals_are_read_as_a_name():
    draft = draft_of(
        "MINISTRY FOR REINTEGRATION OF THE TEMPORARILY OCCUPIED TERRITORIES OF UKRAINE\n"
        "News | Press releases\n\n14 July 2023\n\n"
        "Another repatriation took place today. The bodies of 62 defenders were brought back.\n"
        "Four of them died in Russian captivity.\n"
        "On 12 July, the Coordination Headquarters said, the bodies of 19 more people were brought home.\n"
    )
    ministry = "Ministry for Reintegration of the Temporarily Occupied Territories of Ukraine"
    assert [(o.name, o.side) for o in draft.new_officials] == [(ministry, "ukraine")]
    claims = {c.value: c.record() for c in draft.claims}
    assert {claims[v]["side"] for v in (62, 4)} == {"ukraine"}
    assert claims[62]["official_id"] == draft.new_officials[0].official_id
    assert claims[19]["official_id"] == "ukraine-coordination-hq"  # a speaker it names keeps the figure


def test_an_outlets_masthead_in_capitals_is_no_body_of_a_side():
    draft = draft_of(
        "VECHE NEWS AGENCY\nKyiv · 18.10.2024 16:52 · War\n\n"
        "Bodies of 501 fallen defenders were returned to Ukraine today, our correspondent reports.\n\n"
        "We will update this story.\n"
    )
    assert draft.new_officials == []
    assert [(c.record()["side"], c.record()["official_id"]) for c in draft.claims] == [("media", None)]


def test_a_sides_count_is_that_sides_claim_as_a_label_a_longer_subject_or_its_own_count():
    claims = claims_by_value(
        "Moscow gives its count as 1,248 bodies and gets 51 back\n\n"
        "Kyiv's count: 1,245 bodies today\n\n"
        "Moscow's total for the same five stages was 6,060 bodies handed over.\n"
    )
    assert {v: claims[v]["side"] for v in (1248, 1245, 6060)} == {1248: "russia", 1245: "ukraine", 6060: "russia"}


def test_while_without_a_comma_parts_two_speakers_but_not_a_time():
    claims = claims_by_value(
        "On Dec. 19, Kyiv counted 1,003 bodies received while Medinsky put the number at 1,000.\n"
        "Medinsky said 26 had died while in captivity before their bodies came back.\n"
    )
    assert (claims[1003]["side"], claims[1003]["official_id"]) == ("ukraine", None)
    assert claims[1000]["official_id"] == "medinsky" and claims[26]["official_id"] == "medinsky"


def test_a_verb_across_a_semicolon_says_nothing_of_the_figures_direction():
    claims = claims_by_value("Russia and Ukraine exchange war dead; Kyiv counts 1,003 bodies\n")
    assert claims[1003]["metric"] == "bodies_to_ukraine"


def test_both_directions_to_the_body_link_a_handover_whose_total_the_article_gives_otherwise():
    exchanges = {
        c.record()["value"]: c.record()["exchange_id"]
        for c in draft_of(
            "KYIV, 19 December 2025 — Ukraine received 1,003 bodies on Friday and Russia received 26, "
            "the Coordination Headquarters said.\n"
            "The two sides exchanged 2,000 bodies in all, a Russian source claimed.\n"
        ).claims
    }
    assert exchanges == dict.fromkeys((1003, 26, 2000), "ex-2025-late-1003-for-26")


def test_a_side_speaks_through_which_said_and_a_headlines_says_it():
    claims = claims_by_value(
        "Russia sends back 1,000 Ukrainian dead, says it received 30 in latest swap\n\n"
        "Moscow said on Thursday it had recovered the bodies of 31 of its soldiers in its latest exchange of war dead "
        "with Ukraine, which said it had been handed 1,003 bodies.\n"
    )
    assert (claims[1000]["side"], claims[30]["side"]) == ("media", "russia")  # the says-clause speaks for what it says
    assert (claims[31]["side"], claims[1003]["side"]) == ("russia", "ukraine")


def test_a_verb_governing_the_figure_says_which_way_passive_or_beside_the_events_name():
    claims = claims_by_value(
        "Moscow said on Thursday it had recovered the bodies of 31 of its soldiers in its latest exchange of war dead "
        "with Ukraine, which said it had been handed 1,003 bodies.\n"
        "On 11 June the Coordination Headquarters said it had been handed 1,212 bodies.\n"
    )
    assert (claims[31]["metric"], claims[1003]["metric"]) == ("bodies_to_russia", "bodies_to_ukraine")
    assert claims[1212]["metric"] == "bodies_to_ukraine"  # the one handed them got them


def test_an_identity_aside_is_no_role_noun_for_the_speaker_of_a_quotation():
    draft = draft_of(
        "Ukraine has brought home the bodies of 1 003 fallen soldiers, the Coordination Headquarters reported on Telegram.\n\n"
        '"Today, repatriation measures took place. 1 003 bodies were returned to Ukraine which, according to the Russian side, '
        'belong to Ukrainian servicemen," the headquarters said.\n'
    )
    quoted = [c.record() for c in draft.claims if c.line == 3]
    assert [(r["side"], r["official_id"]) for r in quoted] == [("ukraine", "ukraine-coordination-hq")]


def test_a_figure_each_after_its_days_is_one_claim_per_day():
    draft = draft_of(
        "KYIV, 16 June 2025 — On 11 June, 1,212 bodies were returned; on 13, 14 and 15 June, 1,200 each, "
        "the Coordination Headquarters said.\n"
    )
    days = sorted(c.occasion.day for c in draft.claims if c.value == 1200 and c.occasion and c.occasion.day)
    assert days == [13, 14, 15]
    assert all(c.record()["metric"] == "bodies_to_ukraine" for c in draft.claims)


def occasions_of(draft: Draft, value: int) -> list[tuple[int | None, int | None]]:
    return [(c.occasion.month, c.occasion.day) for c in draft.claims if c.value == value and c.occasion]


def test_a_preposition_said_again_before_each_date_makes_one_claim_per_date():
    draft = draft_of("Before Istanbul they were smaller: 757 bodies in January, then 909 in March, in April and in May.\n")
    assert occasions_of(draft, 909) == [(3, None), (4, None), (5, None)]
    assert occasions_of(draft, 757) == []  # one month, one handover
    draft = draft_of("Russia handed over 909 bodies on 28 March, on 18 April and on 16 May.\n")
    assert occasions_of(draft, 909) == [(3, 28), (4, 18), (5, 16)]
    # one preposition for two months is a total over them, not each of them
    assert occasions_of(draft_of("Russia handed over 6,057 bodies in June and July.\n"), 6057) == []


def test_each_after_the_bodies_and_on_both_name_several_handovers():
    draft = draft_of("Russia handed over bodies on January 24 and February 14 (757 bodies each), the headquarters said.\n")
    assert occasions_of(draft, 757) == [(1, 24), (2, 14)]
    draft = draft_of("Ukraine received 1,003 on 19 December, and 1,000 on both 29 January and 26 February.\n")
    assert occasions_of(draft, 1000) == [(1, 29), (2, 26)]
    # "each" with the dates after it
    draft = draft_of("Russia handed over 1,212 bodies on 11 June. Three more stages of 1,200 each followed on 13, 14 and 15 June.\n")
    assert occasions_of(draft, 1200) == [(6, 13), (6, 14), (6, 15)]


def test_twice_before_the_verb_counts_one_handover_per_date_not_a_total():
    draft = draft_of("This year, Russia has twice handed over 1,000 bodies, on 29 January and on 26 February.\n")
    assert occasions_of(draft, 1000) == [(1, 29), (2, 26)]
    assert {c.record()["metric"] for c in draft.claims if c.value == 1000} == {"bodies_to_ukraine"}
    # without its dates "this year" still makes it a running total
    assert claims_by_value("This year, Russia has handed over 2,000 bodies.\n")[2000]["metric"] == "cumulative_bodies_to_ukraine"


def test_each_time_opening_a_sentence_takes_the_dates_of_the_sentence_before():
    draft = draft_of("Two more exchanges followed, on July 17 and August 19. Each time Russia handed over 1,000 bodies and got back 19.\n")
    assert occasions_of(draft, 1000) == [(7, 17), (8, 19)]
    assert occasions_of(draft, 19) == [(7, 17), (8, 19)]


def test_each_handover_of_a_sentence_is_dated_by_its_own_words():
    draft = draft_of(
        "23 December 2025\n\nBefore Istanbul the handovers were smaller: 757 bodies in January, then 909 in March, in April and in May.\n"
    )
    assert sorted(d["quote"] for d in draft.datings) == ["in April", "in January", "in March", "in May"]


def test_died_in_captivity_with_words_between_and_a_speaker_set_off_by_commas():
    claims = claims_by_value("Ukraine received the bodies of 1,000 soldiers. Among them are five defenders who died while in Russian captivity.\n")
    assert claims[5]["metric"] == "died_in_captivity"
    claims = claims_by_value("Russia handed over 62 bodies. Four of the 62 did not die on the battlefield but in Russian captivity.\n")
    assert claims[4]["metric"] == "died_in_captivity"
    claims = claims_by_value("Ukraine received 1,000 bodies, five of whom, the headquarters said, had died in Russian captivity.\n")
    assert claims[5]["metric"] == "died_in_captivity"


def test_a_ranked_handover_of_a_period_is_one_handover_not_a_running_total():
    claims = claims_by_value("Russia returns 1,000 bodies to Ukraine in first exchange of war dead this year\n")
    assert claims[1000]["metric"] == "bodies_to_ukraine"
    assert claims_by_value("Russia has returned 2,000 bodies this year.\n")[2000]["metric"] == "cumulative_bodies_to_ukraine"


def test_a_size_set_beside_a_vague_one_is_no_figure():
    for text in (
        "Analysis: A thousand for a few dozen - what the exchanges add up to\n",
        "Why a thousand bodies go one way and a few dozen the other\n",
        "How the handovers grew from dozens to nearly a thousand\n",
        "They usually take place once a month, each time with Russia returning about 1,000 bodies and receiving a few dozen.\n",
    ):
        assert not draft_of(text).claims, text
    # a size beside an exact one, and one handover told plainly, stay figures
    assert set(claims_by_value("A thousand for nineteen: why the exchanges are so lopsided\n")) == {1000, 19}
    assert 1000 in claims_by_value("On Thursday Russia handed over 1,000 bodies and received a few dozen in return.\n")


def test_the_right_figure_of_a_correction_stays_and_the_replaced_one_goes():
    draft = draft_of("Correction: An earlier version misstated the number of bodies returned to Russia as 30; it was 26.\n")
    assert [c.value for c in draft.claims] == [26]


def test_a_figure_followed_by_today_leaves_its_noun_out():
    draft = draft_of("Ukraine says it has received three batches: 1,212 bodies on Wednesday, 1,200 on Friday and 1,200 today.\n")
    assert [c.value for c in draft.claims if c.value >= 1000] == [1212, 1200, 1200]


def test_a_figure_set_off_by_dashes_does_not_cut_the_dates_of_a_repeated_figure():
    draft = draft_of(
        "There have been three more returns of 1,000 bodies each: on 17 July, on 19 August - when five of the dead "
        "had died in Russian captivity - and on 18 September.\n"
    )
    assert occasions_of(draft, 1000) == [(7, 17), (8, 19), (9, 18)]


def days_of(draft: Draft, value: int) -> list[str]:
    return [str(c.occasion.event(draft.published).earliest) for c in draft.claims if c.value == value and c.occasion]


def test_a_list_of_weekdays_names_one_handover_a_day():
    # the days before the article's own date
    draft = draft_of("16 June 2025\n\nFurther stages followed on Friday, Saturday and Sunday, with 1,200 bodies each time, Kyiv said.\n")
    assert days_of(draft, 1200) == ["2025-06-13", "2025-06-14", "2025-06-15"]
    # or the days after a day the sentence names, whatever the article's date
    draft = draft_of(
        "18 July 2025\n\nThe headquarters counted 1,212 bodies on Wednesday 11 June, 1,200 on each of the Friday, "
        "Saturday and Sunday that followed, and 1,245 on Monday 16 June.\n"
    )
    assert days_of(draft, 1200) == ["2025-06-13", "2025-06-14", "2025-06-15"]
    first_of_the_list = draft.claims[1].exchange
    assert first_of_the_list is not None
    assert {d["exchange_id"]: d.get("date_earliest") for d in draft.datings}.get(first_of_the_list.value) == "2025-06-13"


def test_going_by_what_others_published_is_the_outlets_reading_but_going_by_a_sides_count_is_that_sides():
    claims = claims_by_value(
        "Russia, going by the figures of Kremlin aide Vladimir Medinsky, received 300: the 78 of June, then 19 in July.\n"
        "Going by Kyiv's count, 6,057 bodies came back in June.\n"
        "The Coordination Headquarters confirmed the 1,000, which may belong to Ukrainian defenders, "
        "going by preliminary information from the Russian side.\n"
    )
    assert {claims[v]["side"] for v in (300, 78, 19)} == {"media"}
    assert claims[300]["official_id"] is None
    assert claims[6057]["side"] == "ukraine"
    assert claims[1000]["official_id"] == "ukraine-coordination-hq"


def test_russian_media_and_agencies_speak_in_the_present_and_through_an_aside():
    for text in (
        "Russian media, citing members of Moscow's negotiating group, report that another 1,200 bodies were handed over.\n",
        "Russian news agencies, citing the negotiating group, reported that a third batch of 1,200 bodies had been handed over.\n",
        "Russian state outlet Sputnik says Moscow has so far handed over at least 1,200 bodies of Ukrainian soldiers.\n",
    ):
        assert claims_by_value(text)[1200]["side"] == "russia", text


def test_a_person_named_bare_first_takes_the_title_given_later_for_every_mention():
    draft = draft_of(
        '"Nothing is confirmed until the DNA comes back": Artur Dobroserdov on the first repatriation of 2026\n\n'
        "PRESENTER: With me is Artur Dobroserdov, Ukraine's Commissioner for Persons Missing in Special Circumstances.\n\n"
        "DOBROSERDOV: In the June stages, by our count, 6,057 bodies came back.\n"
    )
    assert [(o.name, o.side) for o in draft.new_officials] == [("Artur Dobroserdov", "ukraine")]
    assert draft.new_officials[0].role == "Ukraine's Commissioner for Persons Missing in Special Circumstances"
    assert [c.record()["side"] for c in draft.claims] == ["ukraine"]


def test_a_lists_figures_go_the_way_of_its_first_but_not_a_handovers_other_way():
    claims = claims_by_value(
        "In the previous handovers, beginning in July, the Russian side received 19, 24, 31 and 30 bodies of its servicemen, "
        "according to figures published by Russian officials.\n"
    )
    assert {claims[v]["metric"] for v in (19, 24, 31, 30)} == {"bodies_to_russia"}
    pair = claims_by_value("Then, too, Russia transferred 1,000 bodies, and 19 were returned to it.\n")
    assert pair[19]["metric"] == "bodies_to_russia"


def test_by_after_a_verb_of_publishing_names_the_speaker_not_the_giver():
    claims = claims_by_value(
        "We wrote that Russia got back 91 bodies; the right number, given by the Kremlin aide Vladimir Medinsky, is 19.\n"
        "Another 1,000 bodies were handed over by Russia on Thursday.\n"
    )
    assert "by the kremlin" not in claims[19]["notes"]  # who gave the number, not who gave the bodies
    assert claims[1000]["metric"] == "bodies_to_ukraine"


def test_a_figure_over_a_counted_series_of_handovers_is_a_running_total():
    claims = claims_by_value(
        "Russia received 212 bodies in those five swaps.\n"
        "Together, the two handovers brought home 1,064 bodies.\n"
        "On Friday 1,000 bodies came back, the first of two stages.\n"
        "Added together, the four swaps brought 356 bodies to Ukraine.\n"
        "In the four exchanges this year for which both sides gave figures, Russia received 214 bodies.\n"
    )
    assert claims[212]["metric"] == "cumulative_bodies_to_russia"
    assert claims[1064]["metric"] == "cumulative_bodies_to_ukraine"
    assert claims[1000]["metric"] == "bodies_to_ukraine"  # one stage of a series is one handover
    assert (claims[356]["metric"], claims[214]["metric"]) == ("cumulative_bodies_to_ukraine", "cumulative_bodies_to_russia")


def test_bodies_waiting_at_the_exchange_point_are_not_yet_handed_over():
    claims = claims_by_value(
        "On 7 June Lt Gen Alexander Zorin said a first column of 1,212 bodies had reached the exchange point.\n"
        "Three trains with 1,200 bodies each would follow, he said.\n"
        "On 11 June Russia handed over 1,245 bodies.\n"
    )
    assert (claims[1212]["metric"], claims[1200]["metric"]) == ("planned_bodies_to_ukraine", "planned_bodies_to_ukraine")
    assert claims[1212]["exchange_id"] is None
    assert claims[1245]["metric"] == "bodies_to_ukraine"


def test_hedges_read_as_written_and_over_or_up_to_that_belong_to_another_word_are_none():
    claims = claims_by_value(
        "Moscow said it had received just over 200 bodies.\n"
        "By that reckoning the figure now stands near 20,800.\n"
        "Ukraine took delivery of 6,057 bodies over five stages between June 11 and June 16.\n"
        "Moscow's own figures for June and July add up to 7,060 bodies handed over.\n"
    )
    assert (claims[200]["qualifier"], claims[20800]["qualifier"]) == ("more_than", "approximately")
    assert (claims[5]["qualifier"], claims[7060]["qualifier"]) == ("exact", "exact")


def test_a_tie_between_exchanges_goes_to_the_one_more_of_the_articles_claims_back():
    text = (
        "Russia returns 1,000 bodies, gets 38 back\n\n"
        "Russia handed over 1,000 bodies of Ukrainian soldiers and received 38, Medinsky said. "
        "The 38 Russian soldiers came home through Belarus, he added.\n\n"
        "The November 2023 exchange saw Russia return 1,000 bodies to Ukraine while receiving 30.\n"
    )
    headline = [c.record()["exchange_id"] for c in draft_of(text).claims if c.line == 1]
    assert headline == ["ex-2026-early-1000-for-38", "ex-2026-early-1000-for-38"]


def test_a_body_that_puts_a_count_is_proposed_and_a_gapped_verb_keeps_each_speaker_to_its_figure():
    draft = draft_of(
        "Russia's defence ministry put Monday's handover at 1,248 bodies. "
        "The ministry said 51 bodies of Russian servicemen had come back.\n"
        "The last June stage, which Kyiv put at 1,245 and the Russian Defence Ministry at 1,248, ended the series.\n"
    )
    assert [o.kind for o in draft.new_officials] == ["body"]
    ministry = draft.new_officials[0].official_id
    claims = [c.record() for c in draft.claims]
    assert [(r["value"], r["official_id"]) for r in claims if r["value"] in (1248, 51)] == [
        (1248, ministry), (51, ministry), (1248, ministry)
    ]
    assert [(r["side"], r["official_id"]) for r in claims if r["value"] == 1245] == [("ukraine", None)]


def test_a_role_noun_refers_back_to_a_body_named_where_it_did_not_speak_and_proposes_it():
    draft = draft_of(
        "The September repatriation was carried out by the Ministry for Reintegration of the Temporarily Occupied Territories. "
        "At the time the ministry said that the remains of 1,832 defenders had been brought back to Ukraine.\n"
    )
    ministry = "Ministry for Reintegration of the Temporarily Occupied Territories"
    assert [(o.name, o.kind, o.side) for o in draft.new_officials] == [(ministry, "body", "ukraine")]  # no person in its name
    record = draft.claims[0].record()
    assert (record["side"], record["official_id"]) == ("ukraine", draft.new_officials[0].official_id)


def test_a_statement_signed_by_a_body_on_a_line_of_its_own_is_that_bodys():
    claims = claims_by_value(
        "Another repatriation has been carried out\n\n"
        "1000 bodies have been returned to Ukraine. We remind relatives to give DNA samples.\n\n"
        "As the State Emergency Service of Ukraine has said before, we will need time to identify everyone.\n\n"
        "Coordination Headquarters for the Treatment of Prisoners of War\n"
    )
    assert (claims[1000]["side"], claims[1000]["official_id"]) == ("ukraine", "ukraine-coordination-hq")


def test_a_statement_heading_names_who_speaks_in_the_first_person():
    claims = claims_by_value(
        "Statement by the High Commissioner for Human Rights in the Russian Federation on the return of the fallen\n\n"
        "Bringing home every one of our servicemen remains the first priority of my work.\n\n"
        "In 2025, more than 1,800 Russian servicemen came home from Ukrainian captivity. I thank the families.\n"
    )
    assert claims[1800]["side"] == "russia"
    column = claims_by_value("Statement by the numbers\n\nI counted 1,800 bodies on the list. My editor checked them.\n")
    assert column[1800]["side"] == "media"  # a heading that names nobody of a side


def test_the_organisation_refers_back_to_the_body_named_before():
    claims = claims_by_value(
        "The International Committee of the Red Cross said its teams had observed the handovers. "
        "The organisation said it had now taken part in more than 50 repatriations of human remains since 2022.\n"
    )
    assert claims[50]["side"] == "international"


def test_a_person_in_a_sentence_that_gives_a_count_without_speaking_is_not_proposed():
    draft = draft_of("Oksana Petrenko puts flowers on the graves as 1,000 bodies come home.\n")
    assert draft.new_officials == []


def test_according_to_speaks_on_to_the_end_of_its_paragraph_not_into_the_next():
    claims = claims_by_value(
        "According to the Russian Foreign Ministry, since June Moscow has handed over more than 12,000 bodies.\n\n"
        "Under the agreements reached in Istanbul, Russia undertook to hand over more than 6,000 bodies.\n"
    )
    assert claims[12000]["side"] == "russia" and claims[6000]["side"] == "media"


def test_a_side_opening_a_later_part_of_the_sentence_speaks_only_for_that_part():
    claims = claims_by_value(
        "Russia and Ukraine agreed in Istanbul to exchange the remains of 6,000 soldiers each, "
        "and Moscow says it has since handed over 12,000 bodies.\n"
        "Ukraine received 1,000 bodies, and 26 went to Russia, Ukrainian officials said.\n"
    )
    assert (claims[6000]["side"], claims[12000]["side"]) == ("media", "russia")
    assert claims[1000]["side"] == "ukraine"  # a speaker at the end speaks for every part


def test_a_speaker_named_just_before_its_own_figure_with_the_verb_left_out_speaks_for_that_figure():
    claims = claims_by_value(
        "The difference sits in the last day: Kyiv logged 1,245 bodies, the Russian Defence Ministry 1,248.\n"
    )
    assert claims[1245]["side"] == "ukraine" and claims[1248]["side"] == "russia"


def test_where_parts_two_counts_and_a_semicolon_half_dates_its_own():
    draft = draft_of(
        "KYIV, 5 March 2026 — Moscow's Defence Ministry counted 1,248 bodies on 16 June, where Kyiv counted 1,245; "
        "on 19 December Vladimir Medinsky put the handover at 1,000 bodies, where Kyiv counted 1,003.\n"
    )
    claims = {c.value: c.record() for c in draft.claims}
    assert (claims[1245]["side"], claims[1003]["side"]) == ("ukraine", "ukraine")
    assert claims[1003]["exchange_id"] == claims[1000]["exchange_id"] != claims[1245]["exchange_id"]


def test_a_figure_between_a_sides_two_verbs_goes_the_way_the_first_says():
    claims = claims_by_value(
        "Moscow handed Kyiv 1,200 bodies on 13 June and got none back.\n"
        "Russia handed over 1,000 bodies on Friday and received 26.\n"
    )
    assert claims[1200]["metric"] == claims[1000]["metric"] == "bodies_to_ukraine"
    assert claims[26]["metric"] == "bodies_to_russia"


def test_a_recipient_named_in_the_figures_own_clause_outweighs_in_return_before_it():
    claims = claims_by_value(
        "Russia got back 60 bodies. In return, the deputy said, 909 bodies of Ukrainian soldiers were transferred to Kiev.\n"
        "In return, 26 bodies went back.\n"
    )
    assert claims[909]["metric"] == "bodies_to_ukraine"
    assert claims[26]["metric"] == "bodies_to_russia"


def test_the_speakers_own_verbs_say_which_way_when_no_party_is_named():
    moscow = claims_by_value(
        "The Russian Defence Ministry said it had transferred 1,248 and received 51.\n"
        'Kremlin aide Vladimir Medinsky wrote: "1,000 handed over, 35 received."\n'
    )
    assert (moscow[1248]["metric"], moscow[51]["metric"]) == ("bodies_to_ukraine", "bodies_to_russia")
    assert (moscow[1000]["metric"], moscow[35]["metric"]) == ("bodies_to_ukraine", "bodies_to_russia")
    kyiv = claims_by_value("Russia has handed over the bodies of 1,200 soldiers to Ukraine, officials in Kyiv said on Sunday.\n")
    assert kyiv[1200]["metric"] == "bodies_to_ukraine"  # a party named beats the speaker's side


def test_the_articles_date_is_read_from_its_top_lines_beside_page_furniture():
    for top, day in (
        ("THE WEEK IN NUMBERS | Analysis\nEight handovers in eight months\n\nSaturday 28 February 2026 · 6 min read\n", "2026-02-28"),
        ("Russia hands over 1,212 bodies\n\nMoscow started returning the dead days ago\n\n11 Jun, 2025 16:02\n", "2025-06-11"),
    ):
        draft = draft_of(top + "\nRussia handed over 1,000 bodies, officials said.\n")
        assert draft.published is not None and draft.published.date.isoformat() == day
    undated = draft_of("Russia handed over 1,000 bodies\n\nOfficials said the bodies came back on Friday.\n")
    assert undated.published is None


def test_deal_terms_plans_and_totals_are_read_from_the_paragraph_and_clause():
    claims = claims_by_value(
        "At talks in Istanbul on 2 June 2025, the delegations agreed to return the dead on a far larger scale. "
        'Defence Minister Rustem Umerov summed it up as "6,000 for 6,000". '
        "Medinsky said Moscow would transfer roughly 5,000 bodies on its own initiative.\n"
        "On 16 June the Russian Defence Ministry said a further 2,239 bodies were ready to be handed over.\n"
        "Altogether, 6,057 bodies have been returned to Ukraine under the Istanbul agreements, the headquarters said.\n"
        "By the end of December 2022 the Ministry of Reintegration counted 869 bodies returned since 24 February.\n"
    )
    assert claims[6000]["metric"] == "agreed_bodies_per_side"
    assert claims[5000]["metric"] == "agreed_bodies_to_ukraine"  # promised in a paragraph about the deal
    assert claims[2239]["metric"] == "planned_bodies_to_ukraine"  # "to be handed over" is not done
    assert claims[6057]["metric"] == "cumulative_bodies_to_ukraine"  # done under the deal, not its terms
    assert claims[869]["metric"] == "cumulative_bodies_to_ukraine"


def test_n_for_n_terms_are_one_claim_per_side_not_one_per_number():
    draft = draft_of('Defence Minister Rustem Umerov summed up the deal as "6,000 for 6,000".\n')
    sixes = [c.record() for c in draft.claims if c.value == 6000]
    assert [(c["metric"], c["quote"].count("6,000")) for c in sixes] == [("agreed_bodies_per_side", 2)]
    assert not [e for e in draft.unplaced if e.number == "6,000"]  # the claim's quote accounts for the second


def test_a_handover_all_of_captivity_deaths_is_also_a_handover_figure_but_a_part_is_not():
    draft = draft_of(
        "Kotenko: 19 soldiers who died in Russian captivity were brought home on Wednesday.\n\n"
        "The bodies of eight Kursk residents who died in Ukrainian captivity were returned to Russia.\n\n"
        "Ukraine received 1,000 bodies on Friday. Five of them died in Russian captivity.\n\n"
        "Among those returned are the bodies of two defenders who died in Russian captivity.\n"
    )
    metrics = sorted((c.value, c.record()["metric"]) for c in draft.claims)
    assert (19, "died_in_captivity") in metrics and (19, "bodies_to_ukraine") in metrics
    assert (8, "died_in_captivity") in metrics and (8, "bodies_to_russia") in metrics  # whose captivity says which way
    assert [m for v, m in metrics if v in (5, 2)] == ["died_in_captivity", "died_in_captivity"]  # parts of a handover


def test_people_killed_beside_people_injured_are_civilian_deaths_and_the_injured_are_none():
    claims = claims_by_value(
        "Russian forces struck Kostiantynivka with guided bombs, killing one civilian and injuring 14 others, "
        "Governor Vadym Filashkin said.\n\n"
        "Russian drone and missile attacks kill four civilians, injure 19 across Ukraine\n"
    )
    assert {v: claims[v]["metric"] for v in claims} == {1: "civilian_deaths", 4: "civilian_deaths"}


def test_a_pair_written_in_words_is_one_swap():
    claims = claims_by_value('"Thirty for a thousand," the deputy said of the latest exchange of bodies.\n')
    assert (claims[30]["metric"], claims[1000]["metric"]) == ("bodies_to_russia", "bodies_to_ukraine")


def test_the_speakers_own_dead_of_ours_are_bodies_that_came_to_the_speakers_side():
    claims = claims_by_value(
        "State Duma deputy Shamsail Saraliev wrote on Telegram on Thursday.\n\n"
        '"The Ukrainian side returned 38 of ours," he said.\n'
    )
    assert (claims[38]["metric"], claims[38]["side"]) == ("bodies_to_russia", "russia")


def test_handed_over_a_thousand_is_exact_and_over_a_thousand_is_more():
    draft = draft_of("In January, too, we handed over a thousand bodies. In June Russia returned over a thousand bodies.\n")
    assert [c.record()["qualifier"] for c in draft.claims] == ["exact", "more_than"]


@pytest.mark.parametrize(
    "sentence",
    ["Four of them died while they were held in Russian captivity.", "Among them were five men who died while being held as prisoners of war."],
)
def test_held_says_captivity_when_the_word_is_left_out(sentence: str):
    claims = claims_by_value(f"Ukraine received the bodies of 62 soldiers on Friday, the ministry said. {sentence}\n")
    small = next(v for v in claims if v < 62)
    assert claims[small]["metric"] == "died_in_captivity"


def test_a_year_heading_is_no_figure_though_the_line_below_names_persons():
    draft = draft_of(
        "Summer 2022\nCommissioner for persons missing in special circumstances Oleh Kotenko says 541 fallen "
        "defenders have been brought home so far.\n"
    )
    assert [c.value for c in draft.claims] == [541]
    assert [(e.number, e.reason) for e in draft.unplaced] == [("2022", "UNPLACED: a year")]


def test_a_timeline_entry_is_dated_by_the_date_heading_it():
    exchanges = exchanges_of(
        "TIMELINE\n\nPublished 30 January 2024\n\n"
        "12 July 2023\nThe bodies of 19 defenders who died in Russian captivity are brought back.\n\n"
        "14 July 2023\nSixty-two more bodies come home, the ministry says.\n\n"
        "18 September 2023\nThe ministry reports 51 bodies returned.\n"
    )
    assert len(exchanges[19] | exchanges[62] | exchanges[51]) == 3
    assert all(len(exchanges[v]) == 1 for v in (19, 62, 51))


def test_an_aggregators_time_line_with_at_dates_the_article():
    draft = draft_of("Yahoo News\n\nRussia and Ukraine swap bodies\n\nReuters\nFri, December 19, 2025 at 2:31 PM UTC\n\n"
                     "Russia handed over 1,000 bodies on Friday, officials said.\n")
    assert draft.published is not None and draft.published.date.isoformat() == "2025-12-19"


def test_a_title_with_another_word_in_it_is_no_fuzzy_match_of_a_curated_title():
    draft = draft_of(
        "Meanwhile, Ukrainian Foreign Minister Dmytro Kuleba toured European capitals.\n\n"
        "Ukrainian Defence Minister Rustem Umerov said 6,000 bodies would come back.\n"
    )
    assert [n["as_written"] for n in draft.names() if n["official_id"] == "umerov"] == ["Ukrainian Defence Minister Rustem Umerov"]


def test_a_listener_named_with_a_role_after_told_is_not_the_speaker():
    draft = draft_of(
        "Interior Minister Ihor Klymenko, speaking on the national telethon, told host Iryna Sheremeta that "
        "Russia had handed over 6,060 bodies under the Istanbul agreements.\n"
    )
    (claim,) = [c.record() for c in draft.claims]
    assert claim["attributed_to"] == "Interior Minister Ihor Klymenko"
    assert "Sheremeta" not in [o.name.split()[-1] for o in draft.new_officials]


def test_a_sentence_opening_with_the_russian_defence_ministry_in_lower_case_names_that_body():
    claims = claims_by_value(
        "The Russian defence ministry said 1,248 bodies were handed over on Monday. "
        "It added that another 2,239 bodies were ready to be handed over.\n"
    )
    assert claims[1248]["attributed_to"] == "The Russian defence ministry"
    assert claims[1248]["official_id"] == claims[2239]["official_id"] is not None  # "It" refers back to it
    assert claims[2239]["side"] == "russia"


def test_a_pair_that_was_both_months_figures_is_one_claim_per_month_for_each_half():
    exchanges = exchanges_of("MOSCOW, Sept 18, 2025. The exchanges in July and August were both a thousand for nineteen.\n")
    assert len(exchanges[1000]) == len(exchanges[19]) == 2


def test_the_same_figures_given_again_mean_what_they_meant_just_before():
    draft = draft_of(
        "Medinsky said Russia had handed over 1,000 bodies and received 38. He said it was done under the Istanbul deal.\n\n"
        "State Duma deputy Shamsail Saraliyev gave the news outlet RBC the same figures, 1,000 and 38.\n"
    )
    metrics = [(c.value, c.record()["metric"]) for c in draft.claims]
    assert metrics == [(1000, "bodies_to_ukraine"), (38, "bodies_to_russia")] * 2


def test_captivity_deaths_are_read_past_an_aside_in_their_relative_clause():
    claims = claims_by_value(
        "Moscow said 43 bodies had gone the other way, among them eight civilians from the Kursk region "
        "who, it said, had died in Ukrainian captivity.\n"
    )
    assert claims[8]["metric"] == "died_in_captivity"


def test_one_sides_document_with_its_article_gives_that_sides_figures():
    claims = claims_by_value("According to a Russian recap, Russia hands over 64 bodies and takes back 60.\n")
    assert (claims[64]["side"], claims[60]["side"]) == ("russia", "russia")


def test_a_pronoun_inside_a_quotation_is_the_quoted_speakers_word_not_a_reference_back():
    claims = claims_by_value(
        "Ukraine's Coordination Headquarters said the bodies had been examined.\n\n"
        'Vladimir Medinsky wrote on Telegram: "We handed over 1,000 bodies of Ukrainian servicemen. '
        'They returned 19 of ours, the same as a month ago."\n'
    )
    assert (claims[19]["side"], claims[19]["official_id"]) == ("russia", "medinsky")


def test_they_gave_us_said_by_one_side_went_to_that_side():
    claims = claims_by_value('Vladimir Medinsky wrote on Telegram: "We handed over 1,000 bodies. They gave us 19."\n')
    assert claims[19]["metric"] == "bodies_to_russia"


def test_a_counted_figure_dated_that_day_leaves_its_noun_out():
    claims = claims_by_value("Moscow disagreed, because its defence ministry counted 1,248 that Monday.\n")
    assert claims[1248]["metric"] == "bodies_to_ukraine"


def test_a_live_entrys_relative_time_is_no_figure():
    draft = draft_of("3h ago Medinsky says Russia received 31 bodies\n\n4h ago Ukraine gets back 1,000 bodies from Russia\n")
    assert sorted(c.value for c in draft.claims) == [31, 1000]
    assert {e.number for e in draft.unplaced} == {"3", "4"}


def test_digits_joined_to_letters_are_part_of_a_name_or_code():
    draft = draft_of(
        "The Moscow city broadcaster M24 wrote that 26 bodies came back.\n\n"
        "Support the show: use the code DISPATCH20 for 20% off your first year.\n"
    )
    assert [c.value for c in draft.claims] == [26]
    assert {e.number: e.reason for e in draft.unplaced if e.number in ("24", "20")} == {
        "24": "UNPLACED: part of a name, model or code ('Il-76', 'M24'), not a count",
        "20": "UNPLACED: part of a name, model or code ('Il-76', 'M24'), not a count",
    }


def test_a_fact_checks_score_is_no_pair_of_figures():
    draft = draft_of("Verdict: MISLEADING (2/5)\n\nRussia handed over 757 / 45 in February, officials said.\n")
    assert [c.value for c in draft.claims] == [757, 45]
    assert {e.number for e in draft.unplaced if "rating" in e.reason} == {"2", "5"}


def test_a_pronoun_in_an_aside_means_the_group_that_speaks_the_sentence():
    claims = claims_by_value(
        "Ukraine's Coordination Headquarters said the bodies of 909 soldiers had been returned from Russia. "
        "Russian state television said that 43 bodies had gone the other way, among them eight civilians "
        "who, it said, had died in Ukrainian captivity.\n"
    )
    assert (claims[43]["side"], claims[8]["side"]) == ("russia", "russia")
    assert claims[43]["official_id"] is None


def test_a_sentence_breaking_down_the_figure_just_given_goes_on_in_its_speakers_name():
    claims = claims_by_value(
        "Russia received 43 bodies in the same exchange, according to Russian lawmaker Shamsail Saraliev. "
        "Eight of them were civilians from the Kursk region who had died in captivity.\n"
    )
    assert (claims[8]["side"], claims[8]["attributed_to"]) == ("russia", claims[43]["attributed_to"])


def test_the_captivity_dead_named_again_by_their_exchange_lists_are_no_wounded():
    draft = draft_of(
        "Ukraine received 1,000 bodies. Five of them died in Russian captivity, the headquarters said. "
        "All five had been on the lists agreed for exchanges of the seriously wounded and the seriously ill.\n\n"
        "Earlier, the lists of the seriously wounded and seriously ill named 12 men.\n"
    )
    metrics = [(c.value, c.record()["metric"]) for c in draft.claims]
    assert metrics == [(1000, "bodies_to_ukraine"), (5, "died_in_captivity"), (5, "died_in_captivity")]


def test_a_side_by_its_own_account_speaks_for_its_figure():
    claims = claims_by_value("Russia, by its own account, received 78 bodies over those days.\n")
    assert claims[78]["side"] == "russia"


def test_a_sides_mod_is_that_sides_defence_ministry():
    claims = claims_by_value("Russian MoD: 1,248 Ukrainian bodies handed over on final day of repatriation\n")
    assert claims[1248]["side"] == "russia"


def test_a_news_agency_or_a_desk_is_no_person_who_speaks():
    draft = draft_of(
        "KYIV, Nov 20, 2025 (Global Desk) - Ukraine said on Thursday it had received the bodies of 1,000 soldiers.\n\n"
        "Last month, Agence France-Presse put the number of bodies Kyiv had received at 15,000.\n"
    )
    assert [o.name for o in draft.new_officials] == []
    assert [c.record()["side"] for c in draft.claims] == ["ukraine", "media"]


def test_a_governor_of_a_russian_region_speaks_for_russia():
    draft = draft_of("Bryansk Region Governor Aleksandr Bogomaz wrote that the bodies of 27 fallen fighters have returned home.\n")
    assert [(o.name, o.side) for o in draft.new_officials] == [("Aleksandr Bogomaz", "russia")]


def test_ukraine_returning_bodies_of_its_fallen_brought_them_home():
    claims = claims_by_value("Umerov said Ukraine has managed to return more than 6,000 bodies of the fallen over the past week.\n")
    assert claims[6000]["metric"] == "cumulative_bodies_to_ukraine"


def test_a_recap_dates_each_swap_by_its_own_clause():
    exchanges = exchanges_of(
        "MOSCOW, June 11, 2025. According to State Duma deputy Shamsail Saraliev, Russia handed over 757 bodies and received "
        "49 in January, gave 757 for 45 in February, 909 for 43 in March and 909 for 41 in April.\n"
    )
    assert len(exchanges[45] | exchanges[43] | exchanges[41]) == 3
    assert exchanges[49] == exchanges[757] - exchanges[45]


def test_a_statement_in_its_own_voice_without_a_masthead_is_the_body_it_names_unreported():
    claims = claims_by_value(
        "Another repatriation of the fallen\n\n"
        "Today 1,000 bodies were returned to Ukraine. The Coordination Headquarters thanks the ICRC for its help. "
        "We remind relatives that DNA samples can be given at any police unit. Our specialists will contact each family.\n"
    )
    assert (claims[1000]["side"], claims[1000]["official_id"]) == ("ukraine", "ukraine-coordination-hq")
    reported = claims_by_value(
        "Another repatriation of the fallen\n\n"
        "Today 1,000 bodies were returned to Ukraine, the Coordination Headquarters said. "
        "We asked our readers what they thought. Our poll closes on Friday.\n"
    )
    assert reported[1000]["official_id"] == "ukraine-coordination-hq"  # by its own "said", not as its voice
    assert "own voice" not in reported[1000]["notes"]


def test_numbers_that_only_compare_label_or_source_a_report_are_no_figures():
    draft = draft_of(
        "The Morning Dispatch\nIssue 412 · sent at 07:30 Kyiv time\n\n"
        "Kyiv counted 1,003 bodies; the difference of three is unexplained, two people familiar with the talks said. "
        "The ratio has drifted between roughly 25 and 50 to one. "
        "At that point 428 of them were from Mariupol. The remains of one person may arrive in one body bag.\n"
    )
    assert {c.value for c in draft.claims} == {1003}


def test_a_list_of_handovers_counts_bodies_by_who_receives_them():
    claims = claims_by_value(
        "Here is the series since the Istanbul stages:\n\n- 17 July: 1,000 to Ukraine, 19 to Russia.\n"
        "- 19 August: again 1000 for nineteen.\n"
    )
    assert (claims[1000]["metric"], claims[19]["metric"]) == ("bodies_to_ukraine", "bodies_to_russia")


def test_who_speaks_for_each_part_of_a_sentence_and_who_is_carried_on():
    claims = claims_by_value(
        "Ukraine's Coordination Headquarters counted 1,245 bodies on 16 June, while the Russian Defence Ministry said "
        "it had transferred 1,248.\n"
        "State Duma deputy Shamsail Saraliev confirmed the exchange to RIA Novosti. "
        'The previous exchange, in November, had gone "1000 for 30", he recalled. '
        "The last swap before the deal was 909 for 34, the lawmaker told RBC.\n"
        "Kiev, for its part, claimed it had taken in 1,003 bodies.\n"
    )
    assert (claims[1245]["official_id"], claims[1245]["side"]) == ("ukraine-coordination-hq", "ukraine")
    assert claims[1248]["side"] == "russia"
    assert {claims[v]["attributed_to"] for v in (30, 34)} == {"he", "the lawmaker"}
    assert {claims[v]["side"] for v in (30, 34, 909)} == {"russia"}
    assert claims[1003]["side"] == "ukraine"


def test_words_after_the_attribution_do_not_make_a_handover_an_earlier_one():
    exchanges = exchanges_of(
        "Russia-Ukraine war: latest updates\n\nTuesday, 19 August 2025\n\n"
        "18:10 — Medinsky: the same as a month ago\n"
        "Russia handed over 1,000 bodies of Ukrainian soldiers and received 19 of its own, Kremlin aide Vladimir Medinsky "
        "wrote on Telegram, noting that the numbers were the same as a month ago.\n\n"
        "13:20 — 1,000 fallen defenders returned home\n"
        "Ukraine received the bodies of 1,000 fallen soldiers on Tuesday, the Coordination Headquarters said.\n"
    )
    assert len(exchanges[1000] | exchanges[19]) == 1


def test_an_undated_article_linked_by_its_figures_says_its_date_was_not_checked():
    draft = draft_of(
        "Russia Hands Over 1,003 Bodies to Ukraine, Gets 26 Back\nBy Daniel Example\n4 min read\n\n"
        "Moscow has handed Kyiv the bodies of 1,003 soldiers and taken back 26 of its own, Vladimir Medinsky said.\n"
    )
    records = [c.record() for c in draft.claims]
    assert {r["exchange_id"] for r in records} == {"ex-2025-late-1003-for-26"}
    assert all("no date to check" in r["notes"] for r in records)


def test_the_other_side_of_a_running_total_is_one_too():
    claims = claims_by_value(
        "Lavrov said on December 11 that Russia had handed over more than 11,000 bodies of Ukrainian military personnel "
        "in all, while Kiev had returned 201.\n"
        "On our arithmetic that makes 14,060 bodies returned to Ukraine since June, on either side's count, "
        "against 300 returned to Russia.\n"
        "Over the same days, Moscow says, 78 bodies of its own soldiers came back.\n"
    )
    assert (claims[201]["metric"], claims[300]["metric"]) == ("cumulative_bodies_to_russia", "cumulative_bodies_to_russia")
    assert claims[78]["metric"] == "cumulative_bodies_to_russia"


def test_page_furniture_and_things_counted_beside_bodies_are_no_figures():
    draft = draft_of(
        "Live: Russia's war in Ukraine, day 1,464\nBy Jane Example, 12:40, 20 November 2025\n"
        "Updated 5 hours ago · 4 min read · 12 comments\n\n"
        "12:15 — Bodies returned\n"
        "Russia handed over 1,000 bodies to Ukraine on Thursday and received 30, officials said. The bodies of soldiers "
        "aged under 25 made up 15 to 20 percent of the total. Identification takes 13 to 14 months. "
        "Two or three people may be in one bag.\n"
        "Read also: Russia returned 1,212 bodies in June\nPhoto: Coordination Headquarters / 2025\n"
        "Russia launched 58 drones overnight; 46 of them were shot down. Five people were injured in Kharkiv.\n"
        "The bodies arrived in 40 refrigerated railcars at 09:30 local time. Some 150 forensic experts in 12 regional labs "
        "worked on the remains, which were examined at 6 morgues.\n"
    )
    assert {c.value for c in draft.claims} == {1000, 30}


def test_ages_and_years_beside_counts_are_no_figures():
    claims = claims_by_value(
        "Kyiv, 26 February 2026\n\n"
        'When the bodies of 1,000 soldiers came home on Thursday, Olha checked the list. Her son was 23. "There were 1,000 '
        'names," she said. Her husband, 54, keeps the letters.\n'
        "Since the start of 2026 two repatriations have taken place, bringing the total to 2,000 bodies this year.\n"
    )
    assert set(claims) == {1000, 2, 2000}
    assert claims[2000]["metric"] == "cumulative_bodies_to_ukraine"


def test_was_n_when_is_an_age_but_a_count_that_was_n_when_stays_a_figure():
    text = (
        "Russia handed over 1,000 bodies on Thursday. Her son Dmytro, a mortar gunner, was 29 when his unit "
        "lost contact with him near Avdiivka.\n"
    )
    assert set(claims_by_value(text)) == {1000}
    # a count that "was 62 when" is no person's age
    count = claims_by_value(text + "The number of bodies returned was 62 when the ministry last reported.\n")
    assert set(count) == {1000, 62}


def test_link_lines_and_most_read_lists_are_page_furniture():
    draft = draft_of(
        "Bodies returned\n\nMoscow, 26 February 2026\n\n"
        "Russia handed over 1,000 bodies to Ukraine on Thursday, officials said.\n"
        "Watch: 48 bodies returned to Russia\nMost read\n1. Russia returns 88 bodies\n2. 99 bodies came home\n\n"
        "Here is the series:\n- 17 July: 1,000 to Ukraine, 19 to Russia.\n"
    )
    assert sorted(c.value for c in draft.claims) == [19, 1000, 1000]
    furniture = {u.number for u in draft.unplaced if "page furniture" in u.reason}
    assert {"48", "88", "99"} <= furniture


def test_a_long_quotation_closed_by_the_ministry_said_is_the_ministrys():
    claims = claims_by_value(
        "MOSCOW — Russia's Defence Ministry said on Monday that it had completed the final stage of the handover.\n\n"
        "“Today, 16 June, the bodies of 1,248 Ukrainian servicemen were transferred to the Ukrainian side. In return, the "
        "bodies of 51 Russian servicemen were handed over to us. With this, Russia has fully met its obligations. Another "
        "2,239 bodies have been prepared and can be transferred as soon as Kyiv is ready,” the ministry said in a statement.\n"
    )
    assert {claims[v]["side"] for v in (1248, 51, 2239)} == {"russia"}
    assert len({claims[v]["official_id"] for v in (1248, 51, 2239)}) == 1 and claims[51]["official_id"]
    assert claims[2239]["metric"] == "planned_bodies_to_ukraine"


def test_a_transcripts_speaker_labels_say_who_speaks():
    draft = draft_of(
        "Excerpts from the weekly briefing of Foreign Ministry spokeswoman Maria Zakharova in Moscow on 4 February 2026.\n\n"
        "QUESTION: Kyiv has confirmed receiving 1,000. How do you sum up the repatriations?\n\n"
        "ZAKHAROVA: Since June we have handed over more than 12,000 bodies to the Kiev regime.\n"
    )
    claims = {c.value: c.record() for c in draft.claims}
    assert claims[1000]["side"] == "ukraine"  # the question's own words name Kyiv
    assert (claims[12000]["side"], claims[12000]["official_id"]) == ("russia", "maria-zakharova")
    assert [o.name for o in draft.new_officials] == ["Maria Zakharova"]


def test_ratios_rates_corrections_statistics_and_breakdowns_are_no_figures():
    draft = draft_of(
        "Russia handed over 1,000 bodies on Thursday, officials said. Since July the flow has settled at roughly "
        "1,000 a month. About one in five of the bodies exchanged went to Russia, roughly one Russian body for every "
        "55 Ukrainian ones, and 2 of every 3 came from Donetsk. Ukraine received more in nine of the ten rows. "
        "The median handover has been 1,000 bodies to Ukraine and 24 to Russia. Some of the remains were of several hundred "
        "people. According to the headquarters, 107 of the dead had fallen in the Donetsk region, 12 in the Luhansk region "
        "and 2 in the Zaporizhzhia region.\n\nCorrection: It was 757, not 775.\n"
    )
    assert sorted(c.value for c in draft.claims) in ([1000], [757, 1000])  # 775 and the rest never


def test_a_table_in_the_text_is_read_by_its_column_headers():
    draft = draft_of(
        "One direction\n\nFriday 30 May 2025 · Long read\n\n"
        "We put the published counts side by side. Ukrainian figures come from the Coordination Headquarters. "
        "We asked what they show.\n\n"
        "Date | To Ukraine | To Russia\n26 Jan 2024 | 77 | 55\n16 Feb 2024 | 58 | 61\n"
    )
    claims = [c.record() for c in draft.claims]
    by_value = {c["value"]: c for c in claims}
    assert {v: by_value[v]["metric"] for v in (77, 55, 58, 61)} == {
        77: "bodies_to_ukraine", 55: "bodies_to_russia", 58: "bodies_to_ukraine", 61: "bodies_to_russia",
    }
    assert by_value[77]["exchange_id"] == by_value[55]["exchange_id"] != by_value[58]["exchange_id"]
    assert {c["side"] for c in claims} == {"media"}  # the outlet's "we" is no body's own voice


def test_a_table_aligned_with_spaces_is_read_by_its_headers_and_each_column_names_its_side():
    draft = draft_of(
        "The gap of three\n\nJune 21, 2025\n\nBoth governments published their own counts.\n\n"
        "Stage                 Kyiv: received   Moscow: handed over   Moscow: received\n"
        "June 13 (Friday)      1,200            1,200                 0\n"
        "June 16 (Monday)      1,245            1,248                 51\n"
        "Total                 6,057            6,060                 78\n"
    )
    cells = [(c.record()["value"], c.record()["metric"], c.record()["side"]) for c in draft.claims]
    assert cells == [
        (1200, "bodies_to_ukraine", "ukraine"), (1200, "bodies_to_ukraine", "russia"), (0, "bodies_to_russia", "russia"),
        (1245, "bodies_to_ukraine", "ukraine"), (1248, "bodies_to_ukraine", "russia"), (51, "bodies_to_russia", "russia"),
        (6057, "cumulative_bodies_to_ukraine", "ukraine"), (6060, "cumulative_bodies_to_ukraine", "russia"),
        (78, "cumulative_bodies_to_russia", "russia"),
    ]
    # prose with two spaces after its full stops is no table: its sentences are longer than cells
    prose = draft_of(
        "Moscow had stalled the handover for a week.  Then the trucks came.  Families waited at the morgue.\n"
        "On Friday Russia handed over 1,200 bodies, officials said.  Kyiv confirmed it.  Moscow got none back.\n"
    )
    assert ["table" in c.record()["notes"] for c in prose.claims] == [False]


def test_a_tables_reported_by_column_names_the_speaker_of_its_row_or_one_per_figure_in_order():
    draft = draft_of(
        "Ministry for Reintegration spokesman Oleh Kotenko spoke of 19 bodies on 12 July 2023. "
        "State Duma deputy Shamsail Saraliev gave Moscow's count in November.\n\n"
        "Date            To Ukraine   To Russia   Reported by\n"
        "12 Jul 2023     19           –           Kotenko\n"
        "Nov 2023        94           80          Kotenko / Saraliev\n"
    )
    rows = [(c.record()["value"], c.record()["side"]) for c in draft.claims if c.line > 2]
    assert rows == [(19, "ukraine"), (94, "ukraine"), (80, "russia")]


def test_a_quoted_post_under_the_headquarters_wrote_is_the_headquarters():
    claims = claims_by_value(
        "Ukraine's Coordination Headquarters for the Treatment of Prisoners of War announced another repatriation on "
        "Thursday. In a post on Telegram, the headquarters wrote:\n\n"
        '"Another repatriation of the bodies of the dead has taken place.\n'
        "- 1 000 bodies, which according to the Russian side belong to Ukrainian servicemen, have been returned to Ukraine.\n"
        '- We thank everyone involved."\n'
    )
    assert (claims[1000]["side"], claims[1000]["official_id"]) == ("ukraine", "ukraine-coordination-hq")


def test_handovers_counted_in_stages_are_a_count_of_repatriations():
    claims = claims_by_value("Between 11 and 16 June, Ukraine took in 6,057 bodies in five stages, the Coordination Headquarters said.\n")
    assert (claims[5]["metric"], claims[6057]["metric"]) == ("repatriation_count", "cumulative_bodies_to_ukraine")


def test_new_people_and_bodies_are_proposed_with_their_own_side():
    draft = draft_of(
        "The U.N. Human Rights Monitoring Mission in Ukraine said more than 13,000 civilians had been killed.\n"
        "United Russia lawmaker Shamsail Saraliev told RBC that Moscow got 29 bodies back.\n"
        "On 7 June, Lieutenant General Alexander Zorin, a member of the Russian negotiating group, said Moscow had "
        "handed Kyiv 1,212 bodies.\n"
    )
    proposed = {o.name: (o.kind, o.side) for o in draft.new_officials}
    assert proposed["Human Rights Monitoring Mission"] == ("body", "international")
    assert proposed["Shamsail Saraliev"] == ("person", "russia")
    assert proposed["Alexander Zorin"] == ("person", "russia")


def test_a_headline_part_after_a_semicolon_speaks_for_itself():
    claims = claims_by_value(
        "Russia returns 757 more bodies of Ukrainian soldiers; Moscow says it got 45 back\n\n"
        "Russia and Ukraine swap war dead; Kyiv counts 1,003 bodies\n"
    )
    assert (claims[757]["side"], claims[45]["side"], claims[1003]["side"]) == ("media", "russia", "ukraine")


def test_today_dates_the_handover_and_a_days_total_is_that_handover():
    draft = draft_of(
        "Ministry statement\n19 August 2025\n\nAnother 1000 fallen brought home\n\n"
        "Today, in the course of a repatriation, 1000 bodies went to the Ukrainian side.\n"
        "The headquarters announced another repatriation of the fallen on Tuesday, 19 August, 1,000 bodies in all.\n"
    )
    records = [c.record() for c in draft.claims]
    assert {r["metric"] for r in records} == {"bodies_to_ukraine"}
    (dating,) = draft.datings  # both sentences are that day's one handover, read as the build reads "Today"
    assert (dating["quote"], dating["reading"]) == ("Today", "relative")


def test_earlier_the_same_day_is_the_same_handover():
    exchanges = exchanges_of(
        "by Daria Example · September 18, 2025 5:41 PM\n\n"
        "Ukraine has brought home the bodies of 1,000 soldiers, the Coordination Headquarters reported on Sept. 18.\n"
        "The headquarters said 24 bodies of Russian soldiers had been sent to Russia earlier the same day.\n"
    )
    assert exchanges[1000] == exchanges[24]


def test_an_interviews_answers_are_the_person_it_introduces():
    draft = draft_of(
        "A number is only the start\n\nKyiv, 23 December 2025\n\n"
        "Dr Halyna Example leads the DNA identification team at the forensic centre in Kyiv. We spoke to her on Tuesday.\n\n"
        "Q: How many bodies came back on Friday?\n\nA: We took in 1,003. Our count was one thousand and three.\n\n"
        "Q: How many bodies has Ukraine received since the June stages?\n\nA: Since June, more than 12,000.\n"
    )
    claims = {c.value: c.record() for c in draft.claims}
    assert {claims[v]["official_id"] for v in (1003, 12000)} == {"halyna-example"}
    assert claims[12000]["metric"] == "cumulative_bodies_to_ukraine"  # the question says what the answer counts
    assert [o.name for o in draft.new_officials] == ["Halyna Example"]


def test_factbox_lines_bullets_ages_and_places_are_read_for_what_they_are():
    draft = draft_of(
        "FACTBOX: how the handovers went\n\nJune 24, 2025\n\n"
        "Feb. 14: 757 / 45\nJune 23: Ukraine sends back to Russia the bodies of 3 Russian soldiers.\n\n"
        "Key numbers\n• 6,000: bodies each side agreed to return\n\n"
        "We received 403 bodies from the Donetsk direction and 12 from the Luhansk direction. "
        "Among the men from our region, the youngest was 21 and the oldest 58. My uncle was 52 when he went missing.\n"
    )
    claims = {c.value: c.record() for c in draft.claims}
    assert set(claims) == {757, 45, 3, 6000}
    assert claims[6000]["metric"] == "agreed_bodies_per_side"
    assert claims[757]["exchange_id"] == claims[45]["exchange_id"] != claims[3]["exchange_id"]


def test_the_headquarters_refers_back_to_the_body_so_named_and_a_semicolon_parts_speakers():
    claims = claims_by_value(
        "Ukraine's Coordination Headquarters for the Treatment of Prisoners of War said the handover took place on Thursday. "
        "The Red Cross helped, as it has since 2022. Its staff drove the trucks. Families waited. The weather was cold.\n"
        "The headquarters announced 1,000 bodies; Medinsky said 35 had gone to Russia.\n"
        "Kyiv counts 1,245; Russia's Defence Ministry says it handed over 1,248. The ICRC acts as a go-between when asked to; "
        "it says it has taken part in more than 50 repatriations.\n"
    )
    assert claims[1000]["official_id"] == "ukraine-coordination-hq" and claims[35]["official_id"] == "medinsky"
    assert (claims[1245]["side"], claims[1248]["side"]) == ("ukraine", "russia")
    assert claims[50]["side"] == "international"


def test_capitalised_words_that_are_no_name_are_never_proposed():
    draft = draft_of("Among March's dead were 8 civilians who died in custody, Moscow said on Friday, 28 March 2025.\n")
    assert draft.new_officials == []
    assert [c.record()["metric"] for c in draft.claims] == ["died_in_captivity"]


def test_a_paragraph_opening_with_its_month_dates_its_figures():
    exchanges = exchanges_of(
        "Month by month\n\nSaturday, 7 March 2026\n\n"
        "August repeated July almost exactly. Ukraine again took in one thousand bodies, and Russia received 19.\n\n"
        "September brought the first rise on the Russian side. The swap was 1,000 for 24, according to Shamsail Saraliev.\n"
    )
    assert exchanges[19] != exchanges[24]
    assert len(exchanges[1000]) == 2


def test_parenthesised_sides_gapped_verbs_and_bare_repatriated_say_which_way():
    claims = claims_by_value(
        "June 11: 1,212 (to Ukraine) / 27 (to Russia). The first stage under the Istanbul deal.\n"
        "On 28 March 2025 Ukraine also took back 909 bodies, and Russia 43, officials said.\n"
        "Ukraine's Coordination Headquarters reported on Thursday that 1,000 bodies had been repatriated.\n"
    )
    assert (claims[1212]["metric"], claims[27]["metric"]) == ("bodies_to_ukraine", "bodies_to_russia")
    assert (claims[909]["metric"], claims[43]["metric"]) == ("bodies_to_ukraine", "bodies_to_russia")
    assert claims[1000]["metric"] == "bodies_to_ukraine"


def test_thresholds_list_entries_and_a_soldiers_age_are_no_figures():
    draft = draft_of(
        "Russia handed over 1,000 bodies on Friday, officials said. It was the sixth return of 500 or more bodies since "
        "October. Zorin said Moscow had handed Kyiv a list of 640 prisoners. Last month the lab named a soldier who "
        "was 19 when he went missing.\n"
    )
    assert [c.value for c in draft.claims] == [1000]


def test_casualties_beside_injuries_and_who_reports_them():
    claims = claims_by_value(
        "Thursday, 20 November 2025\n\n"
        "A Russian strike on Dnipro killed 4 people and injured 20, the regional governor said.\n"
        "Ukraine's General Staff said Russia lost 1,120 troops in the past day.\n"
        "Russia's state news agency TASS, quoting an unnamed Russian official, said Moscow had received 78 of its own dead.\n"
        "Russia has returned the bodies of more than 15,000 soldiers since 2022, according to the headquarters, and received "
        "about 400.\n"
    )
    assert set(claims) == {4, 1120, 78, 15000, 400}
    assert (claims[4]["metric"], claims[1120]["metric"], claims[1120]["side"]) == ("civilian_deaths", "military_losses", "ukraine")
    assert claims[78]["side"] == "russia"


def test_the_nth_in_a_paragraph_about_a_month_dates_its_handover_to_that_day():
    draft = draft_of(
        "Month by month\n\nSaturday, 7 March 2026\n\n"
        "August repeated July almost exactly. On the 19th Ukraine again took in one thousand bodies. "
        "Medinsky said 19 had gone to Russia.\n"
    )
    records = [c.record() for c in draft.claims]
    assert len({r["exchange_id"] for r in records}) == 1
    assert [(d["date_earliest"], d["date_latest"]) for d in draft.datings if "date_earliest" in d] == [("2025-08-19", "2025-08-19")]


def test_an_unnamed_speaker_of_one_side_speaks_for_its_own_part_of_the_sentence():
    claims = claims_by_value(
        "Ukraine received the bodies of 1,000 soldiers from Russia on Thursday, Kyiv's prisoner-of-war "
        "coordination centre said, while Moscow got 30 back, according to a Russian lawmaker.\n"
    )
    assert (claims[1000]["side"], claims[1000]["official_id"]) == ("ukraine", "ukraine-coordination-hq")
    assert (claims[30]["side"], claims[30]["official_id"]) == ("russia", None)
    assert claims[30]["attributed_to"] == "a Russian lawmaker"


@pytest.mark.parametrize(
    ("top", "day"),
    [
        ("Kyiv · 18.10.2024 16:52 · War", "2024-10-18"),  # a meta line's fields
        ("THE NORTHERN GAZETTE | Saturday, July 26, 2025 | World | Page 14", "2025-07-26"),
        ("Posted by NewsPulse Staff | January 29, 2026 at 8:14 pm", "2026-01-29"),
        ("Live · Wednesday, June 11, 2025 · Kyiv time", "2025-06-11"),
        ("Briefing by the Foreign Ministry Spokeswoman, Moscow, December 17, 2025", "2025-12-17"),  # a title ending in its date
        ("MOSCOW/KYIV, December 19, 2025 (Reuters) - Russia handed Ukraine 1,000 bodies on Friday.", "2025-12-19"),
        ("A standfirst\n\nBy Anna Petrenko\n\nPhotographs by Taras Vovk\n\nWed 28 Dec 2022 11.42 GMT", "2022-12-28"),  # a weekday's short name, lower down
        ("A standfirst\n\nBy Anna Petrenko\n\nPhotographs by Taras Vovk\n\nFri 18 Jul 2025 06.00 BST", "2025-07-18"),
    ],
)
def test_an_article_dates_itself_on_the_lines_pages_really_carry(top: str, day: str):
    draft = draft_of(f"Bodies of fallen soldiers returned\n\n{top}\n\nThe bodies of 501 soldiers came back, the headquarters said.\n")
    assert draft.published is not None and str(draft.published.date) == day


def test_a_yearless_dateline_follows_the_month_the_text_counts_since():
    text = (
        "Russia hands over 1,000 bodies to Kiev\n"
        "MOSCOW, February 26. /TASS/. Russia has handed over the bodies of 1,000 Ukrainian servicemen, "
        "presidential aide Vladimir Medinsky said.\n"
        "He said Russia had transferred more than 12,000 bodies since June 2025.\n"
    )
    published = draft_of(text).published
    assert published is not None and published.date.isoformat() == "2026-02-26"
    assert "since June 2025" in published.basis
    # with no count since a later month, the only year named is the year
    plain = draft_of(text.replace("since June 2025", "in January 2025")).published
    assert plain is not None and plain.date.isoformat() == "2025-02-26"


def test_footnote_marks_phone_numbers_capacities_identifications_and_corrected_figures_are_no_figures():
    claims = claims_by_value(
        "UPDATE 2-Russia returns 1,000 bodies to Ukraine\n\n"
        "(Corrects number of Russian bodies in paragraph 3 to 24 from 42)\n\n"
        "KYIV, Sept 18 - Ukraine received the bodies of 1,000 soldiers on Thursday, the Coordination Headquarters said.[2] "
        "Russia received 24 bodies in return, Kremlin aide Vladimir Medinsky said.[3]\n"
        "The regional bureau can take up to 300 bodies at a time. Since January it has identified 1 146 soldiers.\n"
        "Relatives should call the police on 102 or the headquarters hotline on 0 800 300 529.\n"
        "An earlier version of this story said 42 Russian bodies had been returned.\n"
    )
    assert set(claims) == {1000, 24}
    # the footnote mark ends the sentence: the 24 is Medinsky's, not the headquarters'
    assert (claims[24]["side"], claims[24]["official_id"]) == ("russia", "medinsky")


def test_one_sides_count_outlets_and_a_podcasts_own_correspondent_attribute_as_the_outlet_reads_them():
    draft = draft_of(
        "THE FRONT DESK\nEpisode 87\n\n"
        "[00:00:04] HOST (NINA ADLER): With me is our correspondent Taras Vovk.\n"
        "[00:00:27] TARAS VOVK: Ukraine received 909 bodies on Friday. By Russian accounts, 43 bodies went the other way.\n"
        "[00:12:36] VOVK: Sputnik's Hindi service said Russia had handed over at least 8,000 bodies since June.\n"
    )
    claims = {c.record()["value"]: c.record() for c in draft.claims}
    assert (claims[909]["side"], claims[909]["official_id"]) == ("media", None)  # the correspondent reports it
    assert (claims[43]["side"], claims[43]["official_id"]) == ("russia", None)
    assert claims[8000]["side"] == "russia"
    assert draft.new_officials == []  # neither the outlet's correspondent nor "Sputnik's Hindi" is an official


def test_the_speaker_as_the_subject_gave_and_bodies_that_come_home_came_to_the_speakers_side():
    claims = claims_by_value(
        "Russia's Defence Ministry says it has returned 1,000 bodies. Medinsky said on Telegram: "
        '"The bodies of our 24 servicemen have come home."\n'
    )
    assert claims[1000]["metric"] == "bodies_to_ukraine"
    assert (claims[24]["metric"], claims[24]["side"]) == ("bodies_to_russia", "russia")


def test_a_titled_person_named_without_a_speech_verb_is_proposed_when_a_later_sentence_quotes_him():
    draft = draft_of(
        "KYIV, 19 August 2025 - Verkhovna Rada Commissioner for Human Rights Dmytro Lubinets has called the deaths a war crime. "
        "Five of the 1,000 bodies Ukraine received on Tuesday were of men who had died as prisoners, he said.\n"
        "Our correspondent Olena Bondar, in Kyiv, has followed the handovers since 2022.\n"
    )
    claims = {c.record()["value"]: c.record() for c in draft.claims}
    assert [o.name for o in draft.new_officials] == ["Dmytro Lubinets"]
    assert (claims[1000]["side"], claims[1000]["official_id"]) == ("ukraine", draft.new_officials[0].official_id)


def test_people_set_free_and_soldiers_counted_beside_prisoners_are_prisoners_exchanged():
    claims = claims_by_value(
        "KYIV, 24 August 2025 - Ukraine brought home 146 servicemen and eight civilians from Russian captivity on Sunday, "
        "President Volodymyr Zelensky said. The freed soldiers range in age from 20 to 59.\n"
        "Russia's Defence Ministry said 147 Russian servicemen had been returned, and that Ukrainian prisoners of war "
        "had been handed over in return. The swap came days after a Russian Il-76 military plane crashed.\n"
    )
    assert {v: claims[v]["metric"] for v in (146, 8, 147)} == dict.fromkeys((146, 8, 147), "prisoners_exchanged")
    assert not {20, 59, 76} & set(claims)  # ages and a plane's model


def test_a_figure_whose_noun_is_left_out_may_be_followed_by_again_or_going():
    claims = claims_by_value(
        "2025 in review\n\n"
        "14 February 2025 — Russia handed over 757 bodies, matched by 45 going the other way.\n"
        "28 March 2025 — 909 bodies to Ukraine and 43 to Russia.\n"
        "18 April 2025 — 910 again.\n"
    )
    assert {45, 910} <= set(claims)
    assert claims[910]["metric"] == "bodies_to_ukraine"


def test_one_sides_figure_as_subject_and_by_its_count_say_whose_figure_not_who_gave():
    claims = claims_by_value(
        "16 June 2025 — The last stage, 1,245 bodies by Kyiv's count. The Coordination Headquarters put the June total "
        "at 6,057; Moscow's figure was 6,060.\n"
        "Last month's handover, on Nov. 20, was 1,001 bodies for 30.\n"
        "Our running sum of Moscow's figures stood at 9,060 by 18 September.\n"
    )
    assert (claims[1245]["metric"], claims[1245]["side"]) == ("bodies_to_ukraine", "ukraine")
    assert (claims[6060]["side"], claims[6060]["official_id"]) == ("russia", None)
    assert claims[30]["metric"] == "bodies_to_russia"  # "1,001 bodies for 30": the pair of one swap
    assert claims[9060]["side"] == "media"


def test_a_part_that_died_in_captivity_the_other_way_just_before_a_promise_and_bodies_waiting():
    claims = claims_by_value(
        "KYIV, 19 August 2025 - Five of the 1,000 bodies Ukraine received on Tuesday were of men who had died as prisoners.\n"
        "It sits in the headline above the bodies that went the other way, this time 19, according to Vladimir Medinsky.\n"
        "At the Istanbul talks Moscow undertook to hand over more than 6,000 bodies unilaterally.\n"
        "On 20 June Medinsky spoke of another 2,239 bodies ready and about 3,000 waiting in refrigerators.\n"
    )
    assert (claims[5]["metric"], claims[1000]["metric"]) == ("died_in_captivity", "bodies_to_ukraine")
    assert claims[19]["metric"] == "bodies_to_russia"
    assert claims[6000]["metric"] == "agreed_bodies_to_ukraine"
    assert claims[3000]["metric"] == "planned_bodies_to_ukraine"


def test_a_small_figure_with_no_direction_beside_a_handover_to_ukraine_went_the_other_way():
    claims = claims_by_value(
        "On Tuesday Ukraine received the bodies of 1,000 soldiers, the Coordination Headquarters said. "
        "Medinsky's count for Russia's own dead was 19, the same as a month ago.\n"
        "Our running sum of the headquarters' figures stood at 9,060 and 140 by 18 September.\n"
        "Kyiv put the last June stage at 1,245 and Russia's Defence Ministry at 1,248.\n"
    )
    assert claims[19]["metric"] == "bodies_to_russia"
    assert (claims[9060]["metric"], claims[140]["metric"]) == ("cumulative_bodies_to_ukraine", "cumulative_bodies_to_russia")
    assert claims[1248]["metric"] == "bodies_to_ukraine"  # as large as a handover to Ukraine: not the other way


def test_every_lexicon_phrase_is_text_and_a_bare_boolean_or_a_repeated_key_is_refused(tmp_path, monkeypatch):
    words = [p for key in lx.data() for p in (lx.phrases(key) if "phrases" in lx.data()[key] else [])]
    assert "on" in lx.phrases("elided_noun") and all(isinstance(p, str) for p in words)
    bad = tmp_path / "lexicon.yml"
    bad.write_text("elided_noun:\n  note: x\n  phrases: [in, on]\n", encoding="utf-8")
    monkeypatch.setattr(lx, "LEXICON", bad)
    lx.data.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"elided_noun\.phrases: True is not a phrase; quote it"):
            lx.data()
        # a list written twice under one key would silently replace the first
        bad.write_text("elided_noun:\n  note: x\n  phrases: [in]\n  phrases: [on]\n", encoding="utf-8")
        lx.data.cache_clear()
        with pytest.raises(ValueError, match=r"lexicon\.yml:4: key 'phrases' appears twice"):
            lx.data()
    finally:
        monkeypatch.undo()
        lx.data.cache_clear()


def test_one_figure_for_several_handovers_is_one_claim_per_handover_each_linked_by_its_own_date():
    draft = draft_of(
        "MOSCOW, 18 September 2025\n\n"
        "Russia handed over 1,000 bodies in July and again in August, receiving 19 each time.\n"
        "The earlier stages had brought 1,212 bodies on 11 June and 1,200 on each of 13, 14 and 15 June.\n"
    )
    records = [c.record() for c in draft.claims]
    by_value: dict[int, list[str]] = {}
    for r in records:
        by_value.setdefault(r["value"], []).append(r["exchange_id"])
    assert len(by_value[1000]) == len(by_value[19]) == 2 and len(set(by_value[1000])) == 2
    assert set(by_value[19]) == set(by_value[1000])  # "each time": the 19 of each handover goes with its 1,000
    assert len(by_value[1200]) == 3 and len(set(by_value[1200])) == 3
    assert "ex-2025-06-sunday-1200" in by_value[1200]  # 15 June is the Sunday the curation knows
    assert by_value[1212] == ["ex-2025-06-1212"]  # 11 June is one handover, not four
    assert len({r["claim_id"] for r in records}) == len(records)


def test_small_figures_beside_a_guessed_handover_to_ukraine_went_the_other_way_too():
    claims = claims_by_value(
        "Look at this year. In March it was 909 bodies. The Russian side reports 49, 45 and now 34.\n"
    )
    assert claims[909]["metric"] == "bodies_to_ukraine"
    assert {v: claims[v]["metric"] for v in (49, 45, 34)} == dict.fromkeys((49, 45, 34), "bodies_to_russia")


def test_an_unnamed_speaker_of_one_side_may_be_described_at_length_before_the_verb():
    claims = claims_by_value(
        "A Ukrainian official involved in the repatriations, who asked not to be named because he was not "
        "authorised to speak, said 6,057 bodies had come back in the five stages.\n"
    )
    assert (claims[6057]["side"], claims[6057]["official_id"]) == ("ukraine", None)


def test_earlier_in_the_day_is_the_same_handover_and_a_comparison_does_not_date_the_figure():
    draft = draft_of(
        "KYIV, 19 August 2025 - Some 1,000 bodies of fallen soldiers were returned to Ukraine on Tuesday, the "
        "Coordination Headquarters said. Earlier in the day, 24 bodies of Russian soldiers were handed over to Russia.\n"
        "Kremlin aide Vladimir Medinsky wrote that Russia had received 24 bodies, the same as a month ago.\n"
    )
    exchanges = {c.record()["exchange_id"] for c in draft.claims}
    assert len(exchanges) == 1


def test_a_released_or_published_line_near_the_top_dates_the_article():
    for line in ("Released 24 October 2025 | 38 min", "Published: 24 October 2025", "Last updated on 24 October 2025"):
        published = draft_of(f"THE FRONT DESK\nEpisode 87\n{line}\n\nRussia handed over 1,000 bodies on Thursday.\n").published
        assert published is not None and published.date.isoformat() == "2025-10-24", line


def test_a_body_named_with_several_of_and_for_parts_heads_its_own_statement():
    draft = draft_of(
        "Ministry for Reintegration of the Temporarily Occupied Territories of Ukraine\n\n18 September 2023, 16:45\n\n"
        "Today another repatriation has taken place. The bodies of 51 Ukrainian soldiers who gave their lives defending "
        "our country have been returned. The return was organised by the Coordination Headquarters. We thank our partners.\n"
    )
    assert [o.name for o in draft.new_officials] == ["Ministry for Reintegration of the Temporarily Occupied Territories of Ukraine"]
    claim = draft.claims[0].record()
    assert (claim["value"], claim["official_id"], claim["side"]) == (51, draft.new_officials[0].official_id, "ukraine")


def test_a_list_under_a_line_ending_in_a_colon_counts_what_that_line_counts():
    claims = claims_by_value(
        "According to the Coordination Headquarters, the bodies came back in two stages:\n\n"
        "11 June – 1,212\n16 June – 1,245\n\n"
        "That makes 2,457 in all. Russia received 78 bodies over the whole operation. "
        "Russia's Defence Ministry said 51 of them came back on the last day.\n"
    )
    assert {v: claims[v]["metric"] for v in (1212, 1245)} == dict.fromkeys((1212, 1245), "bodies_to_ukraine")
    assert 2457 in claims
    assert claims[51]["metric"] == "bodies_to_russia"  # the part one day brought is that day's handover


def test_speakers_carried_by_a_dated_list_a_time_phrase_a_role_a_possessive_and_a_headline_label():
    draft = draft_of(
        "Saraliyev: bodies of 29 Russian servicemen returned home\n\n"
        "Another exchange has taken place, State Duma deputy Shamsail Saraliyev said on Friday.\n"
        "The exchange followed talks. It was cold. Trains ran late. Families waited.\n"
        "On 15 March, 69 bodies of Russian soldiers were returned, according to the deputy.\n"
        "According to the Coordination Headquarters, the bodies came back in two stages:\n"
        "11 June – 1,212\n16 June – 1,245\n"
        "On Monday the headquarters announced the final stage: 1,246 bodies.\n"
        "Kremlin aide Vladimir Medinsky led the Russian side.\n"
        "That evening the Ukrainian headquarters gave its total as 6,057. Medinsky's was 6,060, and he said Russia "
        "had received 78 of its own.\n"
    )
    claims = {c.record()["value"]: c.record() for c in draft.claims}
    saraliyev = next(o.official_id for o in draft.new_officials if o.name == "Shamsail Saraliyev")
    assert claims[29]["official_id"] == claims[69]["official_id"] == saraliyev
    hq = {claims[v]["official_id"] for v in (1212, 1245, 1246, 6057)}
    assert hq == {"ukraine-coordination-hq"}
    assert claims[6060]["official_id"] == claims[78]["official_id"] == "medinsky"


def test_a_count_with_an_adjective_a_left_out_count_and_a_who_appositive_say_whose_figure():
    draft = draft_of(
        "VERDICT: Moscow's published count was 1,000, but Ukraine registered 1,003 bodies.\n"
        "The last stage went by road: 1,245 bodies by Kyiv's count, 1,248 by the Russian defence ministry's.\n"
        "Lieutenant General Alexander Zorin, who speaks for the Russian negotiating group, told the cameras that "
        "1,212 bodies of Ukrainian soldiers had reached the exchange area.\n"
    )
    claims = {c.record()["value"]: c.record() for c in draft.claims}
    assert {v: claims[v]["side"] for v in (1000, 1003, 1245, 1248, 1212)} == {
        1000: "russia", 1003: "ukraine", 1245: "ukraine", 1248: "russia", 1212: "russia"
    }
    assert [(o.name, o.side) for o in draft.new_officials] == [("Alexander Zorin", "russia")]


def test_a_ministry_written_in_lower_case_is_proposed_as_written():
    draft = draft_of("Russia's defence ministry counted 1,248 bodies that day and said 51 Russian bodies had come back.\n")
    assert [(o.name, o.kind, o.side) for o in draft.new_officials] == [("Russia's defence ministry", "body", "russia")]
    assert {c.record()["official_id"] for c in draft.claims} == {draft.new_officials[0].official_id}


def test_links_under_watch_more_an_international_phone_number_and_where_bodies_were_found_are_no_figures():
    claims = claims_by_value(
        "Ukraine received 501 bodies on Friday, the Coordination Headquarters said. The vast majority of the remains, 382, "
        "were recovered around Avdiivka. Another 45 came from near Maryinka.\n"
        "Families can call +380 44 256 18 43 on weekdays.\n\n"
        "Watch more:\nFamilies wait for DNA results (2:31)\n\"Six thousand for six thousand\": what was agreed (1:55)\n"
    )
    assert set(claims) == {501}


def test_bodies_that_went_to_them_a_swap_written_back_for_and_a_further_figure_that_followed():
    claims = claims_by_value(
        "Medinsky on the exchange\n\n"
        "Kremlin aide Vladimir Medinsky wrote about the bodies on Telegram. "
        '"A thousand went to them, nineteen came back to us," he wrote.\n'
        "Medinsky says Russia got 24 bodies back for 1,001.\n"
        "On Friday, Ukraine received another 1,200 bodies, the Coordination Headquarters said. "
        "A further 1,199 followed the next day.\n"
    )
    assert (claims[1000]["metric"], claims[19]["metric"]) == ("bodies_to_ukraine", "bodies_to_russia")
    assert (claims[1001]["metric"], claims[24]["metric"]) == ("bodies_to_ukraine", "bodies_to_russia")
    assert claims[1199]["metric"] == "bodies_to_ukraine"  # done ("followed"), not planned ("further")


def test_a_date_alone_on_its_line_under_a_section_heading_and_a_byline_dates_the_article():
    text = (
        "THE LONG READ\n\nThe trains of the dead\n\nPart three of five\n\nIII. Postponed\n\nBy Anna Kovalenko\n"
        "24 July 2025 · 18 min read\n\n"
        "On the morning of Saturday 7 June, lorries stood on a road. Russia handed over 1,212 bodies on 11 June.\n"
    )
    published = draft_of(text).published
    assert published is not None and published.date.isoformat() == "2025-07-24"
    # so low down, a date in running text is no publication date
    assert draft_of(text.replace("24 July 2025 · 18 min read", "Written on 24 July 2025 in Kyiv")).published is None


def test_a_difference_said_after_a_comma_and_people_wounded_in_an_attack_are_no_figures():
    claims = claims_by_value(
        "Kyiv counted 6,057 bodies, while Medinsky put the number at 6,060. The whole difference, again three bodies, "
        "lay in the last batch.\nRussian shelling killed two people and wounded five in Kherson overnight.\n"
    )
    assert 3 not in claims and 5 not in claims
    assert claims[2]["metric"] == "civilian_deaths"


def test_the_last_batch_and_a_close_count_belong_to_the_handover_and_the_whole_operation_is_a_total():
    draft = draft_of(
        "KYIV, 17 June 2025 - On Monday the Coordination Headquarters announced the final stage: 1,245 bodies.\n"
        "The difference lies in the last batch, which Russia's Defence Ministry counted as 1,248.\n"
        "According to Medinsky, Russia received 78 bodies of its servicemen over the whole operation.\n"
    )
    claims = {c.record()["value"]: c.record() for c in draft.claims}
    assert claims[1245]["exchange_id"] == claims[1248]["exchange_id"]
    assert (claims[78]["metric"], claims[78]["exchange_id"]) == ("cumulative_bodies_to_russia", None)


def test_killed_and_wounded_together_are_losses():
    claims = claims_by_value("Ukraine's General Staff said Russia's losses had surpassed 1,000,000 soldiers killed and wounded.\n")
    assert (claims[1000000]["metric"], claims[1000000]["qualifier"]) == ("military_losses", "more_than")


def test_a_role_noun_in_the_figures_own_part_wins_over_a_speaker_named_in_another_part():
    claims = claims_by_value(
        "Kremlin aide Vladimir Medinsky wrote that Russia had handed over 6,060 bodies. The Coordination Headquarters "
        "for the Treatment of Prisoners of War disagreed. The gap comes down to the last day: the headquarters counted "
        "1,245 bodies on 16 June, while the Russian Defence Ministry said it had transferred 1,248.\n"
    )
    assert (claims[1245]["side"], claims[1245]["official_id"]) == ("ukraine", "ukraine-coordination-hq")
    assert claims[1248]["side"] == "russia"


def test_the_outlets_own_sum_of_a_bodys_figures_is_the_outlets_and_a_count_for_a_side_is_its_counters():
    claims = claims_by_value(
        "That brings the total returned to Ukraine to 11,057 bodies, on our sums of the Coordination Headquarters' "
        "figures. Moscow's own tally for Ukraine is 11,060.\n"
        "Monday 16 June: 1,245 bodies, by the count of Ukraine's Coordination Headquarters for the Treatment of Prisoners of War.\n"
    )
    assert (claims[11057]["side"], claims[11057]["official_id"]) == ("media", None)
    assert claims[11060]["side"] == "russia"
    assert claims[1245]["official_id"] == "ukraine-coordination-hq"  # "by the count of" the body: its own count


def test_a_named_giver_beats_in_exchange_a_by_the_numbers_list_is_read_after_its_dash_and_call_102_is_a_phone():
    claims = claims_by_value(
        "Saraliev said Moscow had received the bodies of 34 servicemen. Russia had handed over 909 bodies in exchange, he said. "
        "Moscow received 43 bodies, while the Kiev regime took back 910 of its fallen troops.\n"
        '"Today the Kiev regime received one thousand bodies, and nineteen of our soldiers are at last coming home '
        'to their families," Kremlin aide Vladimir Medinsky said.\n\n'
        "By the numbers\n\n16 — handovers of bodies between the two countries in 2025.\n"
        "16,301 — bodies received by Ukraine, adding up the counts of the headquarters.\n\n"
        "Relatives can call 102.\n"
    )
    assert (claims[909]["metric"], claims[910]["metric"]) == ("bodies_to_ukraine", "bodies_to_ukraine")
    assert claims[19]["metric"] == "bodies_to_russia"  # "received" belongs to the thousand
    assert (claims[16]["metric"], claims[16301]["metric"]) == ("repatriation_count", "cumulative_bodies_to_ukraine")
    assert 102 not in claims


def test_a_page_number_a_figure_the_correct_one_replaces_and_bodies_held_in_morgues_are_no_figures():
    claims = claims_by_value(
        "• A report (18 July, page 19) gave the wrong number of bodies returned to Russia. We said Russia received 91; the correct "
        "figure, given by the Kremlin aide Vladimir Medinsky, is 19.\n"
        "Ukraine has brought home the bodies of 502 soldiers, the Coordination Headquarters said. Another 17 had been held "
        "in morgues on the territory of the Russian Federation.\n"
    )
    assert set(claims) == {19, 502}


def test_a_new_bodys_side_is_not_read_from_half_a_word_before_it():
    draft = draft_of("Zvezda, a TV channel run by the Russian defence ministry, reported that 1,003 bodies were handed over.\n")
    assert [(o.name, o.side) for o in draft.new_officials] == [("the Russian defence ministry", "russia")]


def test_a_duma_deputy_a_regional_military_administration_by_its_own_count_and_the_identified_so_far():
    draft = draft_of(
        "Moscow and Kiev swap bodies\n\n"
        "Russia has received the remains of 43 of its dead, a Duma deputy has said.\n"
        "The previous exchange saw Ukraine take back 1,003 bodies, by its own count.\n"
        "In all, 19 natives of the region were among the 757 bodies returned in February, the Poltava Regional Military "
        "Administration said. Eleven of them have been identified so far.\n"
    )
    claims = {c.record()["value"]: c.record() for c in draft.claims}
    assert (claims[43]["side"], claims[1003]["side"], claims[757]["side"]) == ("russia", "ukraine", "ukraine")
    assert 11 not in claims


def test_figures_listed_with_respectively_take_the_dates_listed_before_them_in_order():
    draft = draft_of(
        "KYIV, May 16 2025 - Friday's handover was the third in a row in which Ukraine received 909 bodies, after those "
        "of March 28 and April 18, when Russia got back 43 and 41 bodies respectively.\n"
    )
    exchanges = {c.record()["value"]: c.record()["exchange_id"] for c in draft.claims}
    assert len({exchanges[909], exchanges[43], exchanges[41]}) == 3
    assert "03-28" in exchanges[43] and "04-18" in exchanges[41]


def test_a_labelled_speaker_behind_a_title_and_the_hq_speak_for_their_figures():
    briefing = draft_of(
        "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, December 17, 2025\n\n"
        "Question: Can you give the latest figures?\n\n"
        "Maria Zakharova: Since June, Russia has handed over more than 11,000 bodies of Ukrainian servicemen.\n"
    )
    assert [o.name for o in briefing.new_officials] == ["Maria Zakharova"]
    assert briefing.claims[0].record()["official_id"] == briefing.new_officials[0].official_id
    hq = claims_by_value(
        "Ukraine received 1,000 bodies, the Coordination Headquarters for the Treatment of Prisoners of War said.\n"
        "Details: The HQ said five of those returned had died in Russian captivity.\n"
    )
    assert (hq[5]["metric"], hq[5]["official_id"]) == ("died_in_captivity", "ukraine-coordination-hq")


def test_the_whole_a_breakdown_opens_with_is_a_figure_and_its_parts_and_other_groups_are_not():
    draft = draft_of(
        "KYIV, Nov 8, 2024 - Ukraine said on Friday it had recovered the bodies of 563 soldiers.\n"
        "Of the 563, 320 were returned from the Donetsk direction and 89 from the Bakhmut direction, the headquarters said. "
        "According to the headquarters, 403 were returned from the Donetsk direction.\n"
        "Since 2023, 612 of these families have been told that their relative was identified.\n"
    )
    assert [c.record()["value"] for c in draft.claims] == [563, 563]


def test_an_agency_written_in_lower_case_with_its_acronym_is_proposed_with_its_side():
    draft = draft_of(
        "Russia has handed over to Ukraine the bodies of a further 25 Ukrainian defenders, Ukraine's military intelligence (HUR) said.\n"
    )
    assert [(o.name, o.side) for o in draft.new_officials] == [("Ukraine's military intelligence (HUR)", "ukraine")]


def test_a_governor_of_a_region_kyiv_governs_speaks_for_ukraine_in_a_sentence_about_russian_attacks():
    claims = claims_by_value(
        "Russian attacks on the Kharkiv region killed three civilians, regional governor Oleh Syniehubov said.\n"
    )
    assert (claims[3]["metric"], claims[3]["side"]) == ("civilian_deaths", "ukraine")


def test_a_part_from_a_region_that_died_in_captivity_is_counted():
    claims = claims_by_value(
        "Russia received 43 bodies then, including eight civilians from the Kursk region who had been taken by Ukrainian "
        "troops and died in captivity, Saraliyev said.\n"
    )
    assert claims[8]["metric"] == "died_in_captivity"


def test_it_refers_to_a_speaker_a_role_noun_carried_and_ukraines_offices_give_their_side():
    claims = claims_by_value(
        "The Coordination Headquarters for the Treatment of Prisoners of War said the work went on. Trains came. "
        "Lorries came. The headquarters reported 1,212 bodies on 11 June. It then counted 1,201 on 14 June.\n"
        "By the end of December 2022 the Ministry of Reintegration counted 869 bodies returned since 24 February. "
        "In September 2023 it gave a total of 1,832.\n"
    )
    assert claims[1201]["official_id"] == "ukraine-coordination-hq"
    assert (claims[869]["side"], claims[1832]["side"]) == ("ukraine", "ukraine")
    assert claims[1832]["metric"] == "cumulative_bodies_to_ukraine"  # "it gave a total of" reports a figure


def test_the_headquarters_refers_back_however_far_and_spoke_of_is_speech():
    lines = ["The Coordination Headquarters for the Treatment of Prisoners of War runs the exchanges."]
    lines += [f"Month {n} passed without news." for n in range(14)]
    lines += ["The headquarters announced 1,000 bodies; Kremlin aide Vladimir Medinsky's post spoke of 35 sent to Russia."]
    claims = claims_by_value("\n".join(lines) + "\n")
    assert claims[1000]["official_id"] == "ukraine-coordination-hq"
    assert claims[35]["official_id"] == "medinsky"


def test_a_name_with_a_possessive_is_the_person_named():
    draft = draft_of(
        "Kremlin aide Vladimir Medinsky's post spoke of 35 bodies sent to Russia. "
        "State Duma deputy Ivan Petrov's channel said 36 had come home.\n"
    )
    claims = {c.record()["value"]: c.record() for c in draft.claims}
    assert claims[35]["official_id"] == "medinsky"
    assert [o.name for o in draft.new_officials] == ["Ivan Petrov"]


def test_a_list_of_a_statements_main_points_is_the_statement_of_the_body_that_published_it():
    claims = claims_by_value(
        "Russian Defence Ministry statement\n\n16 June 2025\n\n"
        "The Russian Defence Ministry on Monday published a statement on the latest stage. Its main points:\n\n"
        "- On 16 June, the bodies of 1,248 Ukrainian servicemen were handed over to the Ukrainian side.\n"
        "- Another 2,239 bodies of Ukrainian servicemen are ready to be transferred.\n"
    )
    assert {claims[v]["side"] for v in (1248, 2239)} == {"russia"}


def test_a_headline_credited_to_a_source_is_the_claim_of_the_source_the_body_names():
    text = (
        "Russia hands over to Kiev 1,000 bodies of Ukrainian servicemen, receives 30 back - source\n\n"
        "Russia on Thursday handed over the bodies of 1,000 Ukrainian soldiers, "
        "a source in the Russian negotiating group told TASS.\n"
        "Ukraine's Coordination Headquarters said it had received the bodies.\n"
    )
    headline = [c.record() for c in draft_of(text).claims if c.line == 1]
    assert {r["value"]: r["side"] for r in headline} == {1000: "russia", 30: "russia"}
    # a credit the body never names again leaves the headline to the outlet
    lone = [c.record() for c in draft_of(text.replace("a source in the Russian negotiating group told TASS", "officials said")).claims]
    assert {r["side"] for r in lone if r["quote"].endswith("- source")} == {"media"}


def test_a_headline_credited_to_a_role_is_the_claim_of_the_speaker_the_body_names_in_other_words():
    body = (
        "\n\nThe remains of 55 Russian servicemen have been returned to Russia, State Duma deputy Ivan Petrov said on Friday. "
        "In exchange, the Ukrainian side was given 77 bodies, he told RBC.\n"
    )
    for headline in ("Bodies of 55 servicemen brought back to Russia, lawmaker says", "Bodies of 55 servicemen brought back to Russia, says MP"):
        claims = [c.record() for c in draft_of(headline + body).claims if c.line == 1]
        assert [(r["value"], r["side"]) for r in claims] == [(55, "russia")], headline
    # the credit covers the clause it ends, not the one before a semicolon
    text = "Ukraine gets back 100 fallen soldiers; Russia receives 55, says Duma deputy" + body
    sides = {c.record()["value"]: c.record()["side"] for c in draft_of(text).claims if c.line == 1}
    assert sides == {100: "media", 55: "russia"}


def test_a_headline_credit_after_a_colon_is_the_claim_of_the_body_the_article_names():
    text = (
        "Moscow returns 62 more bodies of Ukrainian soldiers: Reintegration Ministry\n\n"
        "Russia returned the bodies of 62 Ukrainian soldiers on Tuesday, the Ministry for Reintegration reported.\n"
    )
    headline = [c.record() for c in draft_of(text).claims if c.line == 1]
    assert [(r["value"], r["side"]) for r in headline] == [(62, "ukraine")]
    # a colon before words the body never gives as a speaker is no credit
    plain = draft_of(text.replace("Reintegration Ministry", "What We Know"))
    assert [c.record()["side"] for c in plain.claims if c.line == 1] == ["media"]


def test_a_heading_opening_with_a_speaker_in_lower_case_is_that_speakers_claim_but_a_topic_is_not():
    text = (
        "Ukraine's military intelligence: Russia has handed over bodies of 25 more defenders\n\n"
        "Russia has handed over to Ukraine the bodies of a further 25 Ukrainian defenders, "
        "Ukraine's military intelligence said on Wednesday.\n"
    )
    assert [c.record()["side"] for c in draft_of(text).claims if c.line == 1] == ["ukraine"]
    topic = (
        "Russia-Ukraine war live: bodies of 1,000 fallen soldiers returned\n\n"
        "The bodies of 1,000 soldiers were returned, the I Want to Live project said.\n"
    )
    assert [c.record()["side"] for c in draft_of(topic).claims if c.line == 1] == ["media"]


def test_the_count_as_the_next_sentences_subject_goes_on_with_the_counters_series():
    text = (
        "By the end of 2022, the Ministry for Reintegration counted 869 bodies returned since the invasion. "
        "By September 2023 the total had reached 1,832.\n"
    )
    claims = claims_by_value(text)
    assert claims[869]["side"] == "ukraine" and claims[869]["official_id"]
    assert (claims[1832]["side"], claims[1832]["official_id"]) == (claims[869]["side"], claims[869]["official_id"])
    # a sentence whose subject is not the count stays the outlet's
    other = claims_by_value(text.replace("the total had reached 1,832", "Russia had handed over 1,832 bodies"))
    assert other[1832]["side"] == "media"


def test_a_day_of_the_calendar_is_never_proposed_as_a_person():
    draft = draft_of(
        "A Russian strike on Kherson on 24 December, the day many Ukrainians now mark as Christmas Eve, "
        "killed at least 10 people, Ukrainian officials said.\n"
    )
    assert [c.record()["official_id"] for c in draft.claims] == [None]
    assert draft.new_officials == []


def test_a_name_after_told_without_a_title_is_a_listener_and_no_proposal():
    text = (
        "62 more fallen defenders brought home: what relatives in the Poltava region need to know\n\n"
        '"We waited eight months," his sister Olena told Vezha Poltava.\n'
    )
    draft = draft_of(text)
    assert draft.new_officials == [] and [c.record()["official_id"] for c in draft.claims] == [None]
    # the same bare name as the one who speaks is still proposed, for a person to check
    speaker = draft_of(text.replace("his sister Olena told Vezha Poltava", "said Vezha Poltava"))
    assert [o.name for o in speaker.new_officials] == ["Vezha Poltava"]


def test_a_tables_or_charts_number_is_a_label_not_a_figure():
    draft = draft_of("Russia handed over 1,248 bodies on Monday. Taken together, the returns in Table 3 add up to more.\n")
    assert [c.value for c in draft.claims] == [1248]
    assert [u.reason for u in draft.unplaced if u.number == "3"] == [
        "UNPLACED: a label or serial number (an issue, a number in a series, 'resolution No 257')"]


def test_not_one_body_is_none_and_no_figure_but_one_body_is_one():
    text = "Russia handed over 1,200 bodies on Saturday, and a source told TASS that not one body had come back.\n"
    assert set(claims_by_value(text)) == {1200}
    assert set(claims_by_value(text.replace("not one body", "one body"))) == {1200, 1}


def test_handovers_picked_out_of_a_series_are_no_count_but_a_count_over_a_period_is():
    text = "Umerov said 4,812 bodies had come home, the sum of the first four stages.\n"
    assert set(claims_by_value(text)) == {4812}
    counted = claims_by_value(text.replace("the sum of the first four stages", "in four stages"))
    assert counted[4]["metric"] == "repatriation_count"


def test_a_title_ending_in_commissioner_is_no_body_named_commission():
    from repatriations.suggest.people import BODY

    assert BODY.search("from Verkhovna Rada Commissioner for Human Rights Dmytro Lubinets") is None
    found = BODY.search("the Verkhovna Rada Commission on Human Rights said")
    assert found and found.group() == "the Verkhovna Rada Commission"


def test_a_handovers_usual_shape_told_in_words_is_no_figure():
    text = "Russia handed over 1,000 bodies on Thursday. Each return has followed the same pattern: {}.\n"
    for shape in ("a round thousand to Ukraine, a few dozen to Russia", "a thousand bodies from one side, a few dozen from the other"):
        assert set(claims_by_value(text.format(shape))) == {1000}
        assert len(draft_of(text.format(shape)).claims) == 1
    # a thousand against an exact count is a figure
    assert len(draft_of(text.format("a thousand bodies to Ukraine and 30 to Russia")).claims) == 3


def test_a_fact_checks_labelled_question_restates_the_claim_it_rates_exaggerated():
    text = (
        "FACT CHECK | Has Ukraine really brought home 30,000 of its fallen?\n\nVerdict: EXAGGERATED\n\n"
        "Ukraine has received 6,057 bodies in June, the Coordination Headquarters said.\n"
    )
    assert set(claims_by_value(text)) == {6057}
    # the same question under a verdict that is no rating of falsehood stays a figure to review
    assert set(claims_by_value(text.replace("EXAGGERATED", "ACCURATE"))) == {30000, 6057}


def test_in_the_words_of_names_the_speaker():
    claims = claims_by_value('Under the Istanbul deal each side is to return 6,000 bodies, in the words of Ukraine\'s delegation.\n')
    assert claims[6000]["side"] == "ukraine"


def test_a_governor_of_a_city_kyiv_governs_is_ukraines_unless_the_title_says_russian_installed():
    kherson = claims_by_value("Russian shelling killed two people in Kherson overnight, regional governor Oleksandr Prokudin said.\n")
    assert kherson[2]["side"] == "ukraine"
    installed = claims_by_value(
        "Ukrainian shelling killed three people in Enerhodar, the Russian-installed governor of Zaporizhzhia Yevgeny Balitsky said.\n"
    )
    assert installed[3]["side"] == "russia"


def test_an_unnamed_governor_or_administration_speaks_for_the_side_its_sentence_gives():
    claims = claims_by_value(
        "In Zaporizhzhia a guided bomb killed two people, the regional governor said.\n"
        "Of the 909 returned, 16 were natives of the Chernihiv region, the regional military administration told a local site.\n"
        "Shelling killed three civilians in a village, the district council said.\n"
    )
    assert (claims[2]["side"], claims[909]["side"]) == ("ukraine", "ukraine")
    assert claims[3]["side"] == "media"  # nothing says whose council it is
    # a bare "the ministry" refers back to a body named before; the sentence's "Ukrainian" gives it no side
    referring = claims_by_value(
        "Russia's defence ministry put Monday's handover at 1,248 bodies. "
        "The ministry said 51 bodies of Russian servicemen had come back the other way, for 1,248 Ukrainian soldiers.\n"
    )
    assert referring[51]["side"] != "ukraine"


def test_a_quotation_that_closed_in_the_sentence_before_carries_no_speaker():
    claims = claims_by_value(
        "Russia has handed over the bodies of 1,000 Ukrainian servicemen, an informed source told TASS.\n"
        '"Today the bodies were transferred to the Ukrainian side. Thirty of our fallen were returned to Russia," the source said. '
        "The previous exchange took place on October 23, when Russia also handed over 1,000 bodies and received 31.\n"
    )
    assert claims[30]["side"] == "russia"
    assert claims[31]["side"] == "media"  # the agency's own background, not the source's


def test_numbers_inside_page_furniture_phrases_are_no_figures():
    draft = draft_of("Today the bodies of 254 fallen defenders were returned to Ukraine.\nOur lines are open 24/7.\n")
    assert [c.value for c in draft.claims] == [254]
    assert {u.number for u in draft.unplaced if "furniture" in u.reason} == {"24", "7"}


def test_figures_before_the_places_of_a_paragraph_that_names_several_are_a_breakdown():
    draft = draft_of(
        "Today, 14 June 2024, the bodies of 254 fallen defenders were returned to Ukraine.\n"
        "Most of them, 221, fell in the Donetsk sector. Another 25 were brought back from the Zaporizhzhia sector "
        "and 4 from the Luhansk sector.\n"
        "Russia handed over 1,000 bodies of soldiers killed in the Donetsk direction, officials said.\n"
    )
    # one place alone in its paragraph is where a handover's dead fell, not a part of it
    assert [c.value for c in draft.claims] == [254, 1000]
    # a date between the part and its place is words, not another figure
    dated = draft_of(
        "Ukraine received 502 bodies on 29 November.\n"
        "According to the headquarters, 397 of the bodies returned on 29 November came from the Donetsk direction, "
        "64 from the Zaporizhzhia direction and 24 from the Luhansk direction.\n"
    )
    assert [c.value for c in dated.claims] == [502]


def test_a_role_noun_refers_back_to_a_speaker_no_curated_name_holds():
    claims = claims_by_value(
        "Ukraine's Coordination Headquarters for the Treatment of Prisoners of War said it had received 1,245 bodies on Monday. "
        "The agency said that brought the number returned under the agreement to 6,057.\n"
        "Russia's defence ministry put Monday's handover at 1,248 bodies. "
        "The ministry said 51 bodies of Russian servicemen had come back the other way.\n"
    )
    assert (claims[6057]["side"], claims[6057]["official_id"]) == ("ukraine", "ukraine-coordination-hq")
    assert claims[51]["side"] == "russia"


def test_the_outlets_own_suppositions_are_no_figures_but_a_speakers_offer_is():
    draft = draft_of(
        "What if Moscow really does send 3,000 more?\n"
        "Suppose Russia does transfer the full 3,000 in one go. That would put the bodies handed over at roughly 10,000.\n"
        "So if the 2,000 do come, expect the ratio to look even more lopsided.\n"
        "On 17 July another 1,000 arrived in Ukraine, and 19 went the other way.\n"
        "Medinsky said Russia would hand over 4,000 more bodies if Kyiv agreed.\n"
    )
    assert sorted(c.value for c in draft.claims) == [19, 1000, 4000]
    assert {u.number for u in draft.unplaced if "supposition" in u.reason} == {"3,000", "10,000", "2,000"}


def test_phone_numbers_in_groups_with_an_area_code_or_after_hotline_are_no_figures():
    draft = draft_of(
        "Their bodies were among the 502 fallen defenders brought back to Ukraine.\n"
        "Families can contact the centre, tel. (04633) 2-14-56, or call the Coordination Headquarters' hotline 1648.\n"
    )
    assert [c.value for c in draft.claims] == [502]
    assert {u.number for u in draft.unplaced if "phone" in u.reason} >= {"04633", "2", "14", "56", "1648"}


def test_a_gallerys_photo_numbers_and_a_year_before_1900_are_no_figures():
    draft = draft_of(
        "Ukraine received the bodies of 1,000 soldiers on Friday, the Coordination Headquarters said.\n\n"
        "2/7\n"
        "A refrigerated wagon at the station.\n\n"
        "The idea of a neutral go-between goes back to the battlefield of Solferino in 1859.\n"
    )
    assert [c.value for c in draft.claims] == [1000]
    reasons = {u.number: u.reason for u in draft.unplaced}
    assert "gallery" in reasons["2"] and "gallery" in reasons["7"] and "year" in reasons["1859"]


def test_a_possessive_name_before_anothers_title_is_no_name_of_the_source():
    text = (
        "Ukraine received the bodies of 1,000 soldiers on Friday, the Coordination Headquarters said.\n"
        "Zelensky's chief of staff wrote that the work does not stop.\n"
    )
    assert "zelensky" not in {n["official_id"] for n in draft_of(text).names()}
    # his own words name him
    spoken = draft_of(text.replace("Zelensky's chief of staff wrote", "Zelensky wrote"))
    assert "zelensky" in {n["official_id"] for n in spoken.names()}


def test_money_counters_war_days_list_items_and_dates_in_figures_are_no_figures():
    draft = draft_of(
        "LIVE Russia-Ukraine war, day 1,395: 1,003 bodies returned to Ukraine\n"
        "01/27/2024 | Views: 1 388\n\n"
        "Ukraine received the bodies of 1,003 soldiers on Friday, the Coordination Headquarters said. "
        "A DNA profile from bone costs UAH 4,000 to 6,000, and testing the June returns will cost between UAH 30 million "
        "and 55 million; each family gets a one-time payment of 1 million rubles. The ministry needs 60,000 more test kits.\n"
        "The hotline for relatives of missing and captured servicemen is 1648. The hearing lasted three and a half hours.\n"
        "The headquarters thanked:\n"
        "2. the Office of the Commissioner for Persons Missing under Special Circumstances;\n"
        "Row 4: Friday, 29 March 2024\n"
        "Kyiv has counted three more returns since then.\n"
    )
    claims = [c.record() for c in draft.claims]
    assert sorted(r["value"] for r in claims) == [3, 1003, 1003]
    assert [r["metric"] for r in claims if r["value"] == 3] == ["repatriation_count"]
    reasons = {u.number: u.reason for u in draft.unplaced}
    assert "money" in reasons["4,000"] and "money" in reasons["30"] and "money" in reasons["million"]
    assert "counter" in reasons["1 388"] and "day of the war" in reasons["1,395"] and "numbered list" in reasons["2"]
    assert "date" in reasons["27"] and "phone" in reasons["1648"] and "duration" in reasons["three"]


def test_a_part_after_a_comma_before_its_place_and_the_police_number_are_no_figures():
    draft = draft_of(
        "On the 18th, the headquarters announced that the bodies of 501 fallen defenders had been brought back. "
        "By far the largest group, 382, came from the Avdiivka direction.\n"
        "Families of the missing are asked to contact the police on 102.\n"
    )
    assert [c.value for c in draft.claims] == [501]


def test_how_far_two_counts_are_apart_and_what_a_bag_holds_are_no_figures():
    draft = draft_of(
        "The headquarters says 1,245 bodies were repatriated today. That is three fewer than the figure Moscow has given.\n"
        "Klymenko said one bag may contain the remains of one to three people.\n"
        "He said a single bag can hold the remains of up to four people.\n"
    )
    assert [c.value for c in draft.claims] == [1245]


def test_a_house_number_is_no_figure_but_bodies_on_the_road_are():
    draft = draft_of(
        "Their bodies were among the 502 fallen defenders brought back to Ukraine.\n"
        "Families of missing defenders who have not yet given a DNA sample can contact the community's "
        "veterans' support centre at 12 Vokzalna Street, on weekdays.\n"
        "Russia sent 1,000 bodies on the road to Kyiv, officials said.\n"
    )
    assert [c.value for c in draft.claims] == [502, 1000]


def test_saying_putting_and_pledged_are_speech():
    claims = claims_by_value(
        "Russia and Ukraine exchanged the bodies of soldiers on Friday, with Ukrainian officials saying 1,003 bodies "
        "had been returned and a Kremlin aide putting the number handed over at 1,000.\n"
        "Moscow has pledged to transfer more than 6,000 bodies in all.\n"
    )
    assert (claims[1003]["side"], claims[1000]["side"], claims[6000]["side"]) == ("ukraine", "russia", "russia")


def test_figures_published_by_one_side_and_the_kiev_regime_are_that_sides():
    claims = claims_by_value(
        "In the previous handovers the Russian side received 19, 24 and 31 bodies of its servicemen, "
        "according to figures published by Russian officials.\n"
        "The Kiev regime, for its part, claimed to have received 1,003 bodies.\n"
    )
    assert (claims[24]["side"], claims[1003]["side"]) == ("russia", "ukraine")


def test_a_heading_label_naming_one_sides_body_gives_its_side():
    claims = claims_by_value("Russian Defence Ministry: 1,248 handed over, 51 received\n\nThe handover took place on Monday.\n")
    assert (claims[1248]["side"], claims[51]["side"]) == ("russia", "russia")


def test_a_headings_bare_figure_means_what_the_text_below_says_of_it_but_a_section_number_does_not():
    draft = draft_of(
        "Live: bodies returned\n\n"
        "12:40 — Umerov: more than 6,000 home\n"
        "Defence Minister Rustem Umerov writes that more than 6,000 fallen defenders have now been brought home.\n\n"
        "2. FRONT LINE\n"
        "In Zaporizhzhia a guided bomb killed two people, the regional governor said.\n"
    )
    heading = [c.record() for c in draft.claims if c.quote.endswith("6,000 home")]
    assert [(r["metric"], r["side"]) for r in heading] == [("cumulative_bodies_to_ukraine", "ukraine")]
    assert sorted(c.value for c in draft.claims) == [2, 6000, 6000]


def test_twice_opening_a_sentence_and_each_brought_make_one_claim_per_handover():
    draft = draft_of(
        "KYIV, 2 July 2025 - Then the scale changed.\n"
        "Twice, on 24 January and on 14 February, Russia handed over 757 bodies. "
        "The returns that followed, on 28 March, 18 April and 16 May, each brought 909 bodies.\n"
    )
    assert sorted(c.value for c in draft.claims) == [757, 757, 909, 909, 909]


def test_a_sentence_without_figures_opening_according_to_carries_its_speaker_to_the_next():
    claims = claims_by_value(
        "According to Medinsky, the exchange was heavily weighted toward the return of Ukrainian personnel.\n"
        "Russia repatriated the remains of 1,003 Ukrainian soldiers, while receiving the bodies of 26 Russian service members.\n"
    )
    assert (claims[1003]["official_id"], claims[26]["official_id"]) == ("medinsky", "medinsky")


def test_a_body_heading_its_own_statement_takes_the_side_whose_dead_it_calls_its_own():
    draft = draft_of(
        "Ichnia City Council\n\n"
        "Our defenders have come home\n\n"
        "It is with deep sorrow that we inform you that our fellow countrymen were among the 502 fallen defenders "
        "brought back on 29 November.\n"
    )
    assert [(o.name, o.side) for o in draft.new_officials] == [("Ichnia City Council", "ukraine")]
    assert {c.record()["side"] for c in draft.claims} == {"ukraine"}


def test_a_headline_under_a_masthead_proposes_no_person_and_its_says_credit_gives_a_side():
    draft = draft_of(
        "The Moscow Times\n\n"
        "Two Russians Taken Prisoner Unhurt Came Back as Bodies, Ombudsman Says\n\n"
        "Two Russian soldiers captured without a wound were later returned to Russia dead, "
        "Russian human rights commissioner Tatyana Moskalkova said.\n"
    )
    assert [o.name for o in draft.new_officials] == ["Tatyana Moskalkova"]
    headline = [c.record() for c in draft.claims if c.line == 3]
    assert [(r["side"], r["official_id"]) for r in headline] == [("russia", None)]


def test_a_person_introduced_with_a_title_in_apposition_is_proposed_and_quoted_by_surname_later():
    draft = draft_of(
        "Moscow's figures have come from Shamsail Saraliev, a State Duma deputy who gives the numbers to RBC after each swap.\n"
        "The headquarters said Ukraine received 77 bodies. Saraliev put the number that went to Russia at 55.\n"
    )
    claims = {c.value: c.record() for c in draft.claims}
    assert (claims[55]["side"], claims[55]["official_id"]) == ("russia", "shamsail-saraliev")


def test_a_quoted_post_of_several_paragraphs_with_emoji_bullets_is_the_words_of_who_posted_it():
    draft = draft_of(
        "State Duma deputy Shamsail Saraliev announced another exchange on his Telegram channel on Friday. Our translation:\n\n"
        '"Today another repatriation has taken place. 34 bodies of our fallen fighters have come home to Russia.\n\n'
        "Since the start of the year we have carried out five such exchanges:\n"
        "🔹 January – 757 for 49\n"
        "🔹 February – 757 for 45\n\n"
        'In all, 4,241 for 212. The work goes on."\n\n'
        "Kyiv has not commented on that claim.\n"
    )
    sides = {(c.value, c.record()["side"]) for c in draft.claims}
    assert {(49, "russia"), (45, "russia"), (4241, "russia")} <= sides


def test_according_to_a_role_noun_before_a_colon_refers_back():
    claims = claims_by_value(
        "Ukraine's Coordination Headquarters for the Treatment of Prisoners of War announces each return on Telegram.\n"
        "The latest handover brought back 121 soldiers, according to the headquarters: most came from the Donetsk region.\n"
    )
    assert (claims[121]["side"], claims[121]["official_id"]) == ("ukraine", "ukraine-coordination-hq")


def test_a_sides_body_described_at_length_before_said_is_that_side():
    claims = claims_by_value(
        "Russia has handed over to Kyiv the bodies of 503 Ukrainian soldiers, "
        "Ukraine's agency in charge of prisoners of war said Friday.\n"
    )
    assert claims[503]["side"] == "ukraine"


def test_by_a_persons_count_or_account_is_that_persons_claim():
    claims = claims_by_value(
        "In June Russia handed over 6,060 bodies and took back 78, by Medinsky's account.\n"
        "Kyiv got back 58 bodies on Friday. Russia, by Medinsky's count, received 61.\n"
    )
    assert {claims[v]["official_id"] for v in (6060, 78, 61)} == {"medinsky"}


def test_one_sides_reports_and_totals_are_its_count():
    claims = claims_by_value(
        "Kyiv counted 1,003 bodies on Friday. Some Russian reports gave 1,000 bodies.\n"
        "Russian reports that day also gave 1,200 bodies and said Ukraine had sent back none.\n"
    )
    assert (claims[1000]["side"], claims[1200]["side"]) == ("russia", "russia")


def test_this_was_stated_by_names_the_speaker_of_the_sentence_before():
    claims = claims_by_value(
        "The bodies of 55 Russian servicemen have been returned to Russia, while the Ukrainian side received 77 bodies. "
        "This was stated by State Duma member Shamsail Saraliev.\n"
        "Relatives were told the identification would take months, with 12 laboratories involved.\n"
    )
    assert (claims[55]["side"], claims[77]["side"]) == ("russia", "russia")


def test_the_outlets_own_count_of_a_bodys_figures_is_the_outlets_but_a_speakers_is_the_speakers():
    claims = claims_by_value(
        "By our count, based on the Coordination Headquarters' announcements, 9,744 bodies had been returned to Ukraine.\n"
        "We spoke to Dmytro Lubinets, Ukraine's human rights commissioner.\n"
        "Q: How many have come back since June?\n"
        "A: By our count Ukraine has received 14,060 bodies since the first stage on 11 June.\n"
    )
    assert (claims[9744]["side"], claims[9744]["official_id"]) == ("media", None)
    assert (claims[14060]["side"], claims[14060]["official_id"]) == ("ukraine", "dmytro-lubinets")


def test_figures_an_earlier_version_gave_are_no_figures_wherever_the_correction_begins():
    draft = draft_of(
        "Russia returned 501 bodies on Friday, the headquarters said.\n"
        "Correction, 18.10.2024 19:30: An earlier version of this story gave Saraliev's figure for Russian servicemen as 98 bodies.\n"
    )
    assert [c.value for c in draft.claims] == [501]


def test_a_part_of_them_from_a_named_place_is_a_breakdown():
    draft = draft_of(
        "Commissioner Oleh Kotenko said that 541 fallen defenders had been brought back, 428 of them from Mariupol.\n"
    )
    assert [c.value for c in draft.claims] == [541]


def test_a_local_count_among_a_handovers_count_is_a_part_not_a_figure():
    draft = draft_of(
        "DNA examinations have confirmed the identities of two soldiers from the Korostyshiv community whose bodies "
        "were among the 51 fallen defenders returned to Ukraine on 18 September, the administration said.\n"
        "Five of the 1,000 bodies returned were of men who had died in Russian captivity.\n"
    )
    assert sorted(c.value for c in draft.claims) == [5, 51, 1000]


def test_the_other_sides_dead_found_among_those_received_are_not_figures():
    draft = draft_of(
        "On 23 June Ukraine sent three bodies back to Russia; officials said at least 20 such cases had been found, "
        "17 of them still being examined.\n"
        "Zelensky said the bodies of at least 20 Russian soldiers had turned up in the recent exchanges.\n"
        "The Interior Ministry was still examining 17.\n"
        "Russia returned 1,000 bodies on Thursday.\n"
    )
    assert sorted(c.value for c in draft.claims) == [3, 1000]
    assert "found among those received" in " ".join(n.reason for n in draft.unplaced if n.number == "17")


@pytest.mark.parametrize(
    "lines",
    [
        # an age limit, a gap in bodies, a vague quantity
        "The deal covered prisoners who were seriously wounded or younger than 25.\n"
        "The three-body gap between the two totals lies in Monday's figure.\n"
        "The dead come back by the hundred.\n",
        # an area code in brackets, a resolution's number
        "Relatives looking for the bodies of soldiers can call the headquarters by phone 8 (4712) 55-21-09.\n"
        "The headquarters was set up under a cabinet resolution, No 257, to deal with the dead.\n",
    ],
)
def test_numbers_beside_a_handover_that_are_not_figures(lines: str):
    draft = draft_of(lines + "Russia returned 1,000 bodies on Thursday.\n")
    assert [c.value for c in draft.claims] == [1000]


def test_a_verb_of_another_clause_after_a_figure_is_no_noun_it_counts():
    claims = claims_by_value("Kremlin aide Medinsky gives a figure of 1,000 and says Russia received 26\n")
    assert (claims[1000]["metric"], claims[26]["metric"]) == ("bodies_to_ukraine", "bodies_to_russia")
    # while "12 labs and" still counts labs
    assert [c.value for c in draft_of("The bodies go to 12 labs and three morgues.\n").claims] == []


def test_a_bare_figure_followed_by_home_back_or_one_way_counts_bodies():
    def metrics(text: str) -> dict[int, str]:
        return {v: c["metric"] for v, c in claims_by_value("Russia returned 1,000 bodies on Thursday.\n\n" + text).items()}

    assert metrics("The first stage, on Wednesday, brought 1,212 home.\n")[1212] == "bodies_to_ukraine"
    assert metrics("In January it was 909 one way and 38 the other.\n") == {1000: "bodies_to_ukraine", 909: "bodies_to_ukraine", 38: "bodies_to_russia"}
    assert metrics("Umerov says 4,812 home this week\n")[4812] == "cumulative_bodies_to_ukraine"
    # "would follow", "would be brought": bodies not yet handed over
    assert metrics("Zorin said that more than 6,000 would be brought in all.\n")[6000] == "planned_bodies_to_ukraine"


def test_a_name_in_the_outlets_masthead_is_no_person():
    draft = draft_of(
        "KURYER DELOVOY | English edition | Politics\n\n"
        "Deputy Shamsail Saraliev confirmed the figures to Kuryer Delovoy. Russia received 30 bodies, he said.\n"
    )
    assert "Kuryer Delovoy" not in [p.name for p in draft.new_officials]


def test_ukraine_returning_the_bodies_of_soldiers_brings_its_own_dead_home():
    def metric(text: str, value: int) -> str:
        return claims_by_value(text + "\n")[value]["metric"]

    assert metric("On October 23, Ukraine returned the bodies of 1,000 fallen soldiers.", 1000) == "bodies_to_ukraine"
    assert metric("Ukraine returned the bodies of 30 Russian soldiers.", 30) == "bodies_to_russia"
    assert metric("Ukraine returned the bodies of 30 soldiers to Russia.", 30) == "bodies_to_russia"
    assert metric("Russia handed over 1,000 bodies. In return, Ukraine returned the bodies of 26 soldiers.", 26) == "bodies_to_russia"
    # both parties as the subject: both directions
    assert metric("Russia and Ukraine have repatriated the bodies of 1,029 combatants killed in action.", 1029) == "bodies_total"


def test_a_list_of_days_after_its_month_is_dates():
    draft = draft_of("Ukraine received 1,212 bodies on June 11 and 1,200 on each of the next handovers, on June 13, 14 and 15.\n")
    assert [c.value for c in draft.claims] == [1212, 1200, 1200, 1200]
    assert [c.occasion.day for c in draft.claims[1:] if c.occasion] == [13, 14, 15]
    # a count of the handovers between the figure and its days does not part them
    draft = draft_of("Ukraine received 1,200 bodies on each of the following three handovers, on June 13, 14 and 15.\n")
    assert [c.occasion.day for c in draft.claims if c.value == 1200 and c.occasion] == [13, 14, 15]
    # "June 13, 1,200 bodies": a day, then a figure
    assert [c.value for c in draft_of("On June 13, 1,200 bodies came back.\n").claims] == [1200]


def test_people_injured_right_after_the_figure_are_not_figures():
    draft = draft_of("Russia returned 1,000 bodies.\n\nGuided bomb strike on Kostiantynivka: one dead, four injured\n")
    assert 4 not in [c.value for c in draft.claims]


def test_a_size_of_handover_a_sites_name_and_the_two_count_nothing():
    draft = draft_of(
        "Regional news site 62.ua said the headquarters had received 1 000 bodies.\n"
        "It was another of the thousand-body handovers, after the five 1,000-body swaps since June.\n"
        "Saraliyev said Russia had received 55 bodies. The Moscow Times added the two: 132 in all.\n"
        "By late June 20 Russians had been found among the dead.\n"
    )
    assert [c.value for c in draft.claims if c.value in (62, 1000, 2, 20)] == [1000]


def test_regions_named_without_region_are_a_breakdowns_parts_but_not_a_whole_told_by_its_parts():
    draft = draft_of(
        "The December batch included 403 bodies from the Donetsk region, 57 from Zaporizhzhia, "
        "12 from Luhansk and 31 from Russian morgues.\n"
        "The project said that 41 bodies of Russian soldiers, most of them found in the Pokrovsk and Bakhmut "
        "districts and in the Kharkiv region, had been handed over.\n"
    )
    assert [c.value for c in draft.claims] == [41]


def test_the_dead_of_a_drone_attack_on_a_town_are_civilian_deaths_even_one():
    def metrics(text: str) -> dict[int, str]:
        return {v: c["metric"] for v, c in claims_by_value("Russia returned 1,000 bodies.\n\n" + text + "\n").items()}

    assert metrics("Drone attack on Kharkiv: one killed, seven injured")[1] == "civilian_deaths"
    assert metrics("Kharkiv Mayor Ihor Terekhov said one person was killed and 14 were injured.")[1] == "civilian_deaths"
    assert metrics("Two people were killed in a Russian missile strike on Kherson, the governor said.")[2] == "civilian_deaths"
    # drones shot down stay furniture, and "one bag" no figure
    assert set(metrics("Russia launched 49 drones, 37 were shot down. One bag may hold several people.")) == {1000}


def test_the_lines_under_a_more_on_this_story_heading_are_links():
    draft = draft_of(
        "Russia returned 1,000 bodies on Tuesday and received 19, officials said.\n\n"
        "More on this story\n"
        "Russia and Ukraine swap bodies: 1,000 for 19\n"
        "17 July\n"
        "Ukraine says 6,057 bodies returned under Istanbul deal\n"
    )
    assert sorted(c.value for c in draft.claims) == [19, 1000]


def test_a_figure_after_a_for_every_clause_is_a_ratio_and_those_under_25_an_age():
    draft = draft_of(
        "Russia handed over 1,000 bodies and received 19 on Tuesday, officials said.\n"
        "A thousand for 19 means that for every Russian body that goes home, some 53 Ukrainian bodies cross the line.\n"
        "The two sides are exchanging all seriously wounded prisoners and all those under 25.\n"
    )
    values = {c.value for c in draft.claims}
    assert {19, 1000} <= values and not values & {53, 25}


def test_a_title_case_line_anywhere_proposes_no_person():
    draft = draft_of(
        "Saturday's return was the third this week. On Wednesday, 1,212 bodies came back, and Russia received 27 "
        "of its own dead, according to Kremlin aide Vladimir Medinsky. On Friday, another 1,200 were handed over to Ukraine.\n\n"
        "A source in the Russian negotiating team told TASS that Kyiv had not given back a single Russian body on Friday.\n\n"
        "Other Topics of Interest\n"
        "Wounded and Under 25: Who Is Coming Home in the Istanbul Swaps\n\n"
        "The two tracks have run side by side since the talks on June 2, but they are announced differently.\n"
    )
    assert [o.name for o in draft.new_officials if "Coming" in o.name] == []


def test_a_total_since_a_date_is_a_running_total_not_that_days_handover():
    claims = claims_by_value(
        "According to the ministry, since February 24 the Russian side has handed over a total of 869 bodies of Ukrainian soldiers.\n"
    )
    assert claims[869]["metric"] == "cumulative_bodies_to_ukraine"


def test_period_words_make_a_running_total_unless_the_figures_clause_names_its_day():
    claims = claims_by_value(
        "Zakharova said more than 10,000 bodies had been handed to Kiev since June. "
        "Over the same months 171 bodies of Russian soldiers have come home.\n"
        "Added up, the four swaps returned 356 bodies to Ukraine and 214 to Russia.\n"
        "In 2024 Ukraine also received 563 bodies on 8 November.\n"
    )
    assert claims[171]["metric"] == "cumulative_bodies_to_russia"
    assert (claims[356]["metric"], claims[214]["metric"]) == ("cumulative_bodies_to_ukraine", "cumulative_bodies_to_russia")
    assert claims[563]["metric"] == "bodies_to_ukraine"


def test_plan_words_nearer_the_figure_than_a_month_make_it_planned():
    claims = claims_by_value("In June Russia's Defence Ministry said another 2,239 were waiting to be handed over.\n")
    assert claims[2239]["metric"] == "planned_bodies_to_ukraine"


def test_a_figure_only_the_speakers_own_verb_directs_goes_against_its_sentences_named_figure():
    claims = claims_by_value(
        "On Wednesday, 1,212 bodies came back, and Russia received 27 of its own dead, according to Kremlin aide Vladimir Medinsky.\n"
        "In mid-March, 100 bodies came back to Ukraine, and at the end of March another 121, according to Ukrainian figures.\n"
    )
    assert (claims[1212]["metric"], claims[27]["metric"]) == ("bodies_to_ukraine", "bodies_to_russia")
    assert claims[121]["metric"] == "bodies_to_ukraine"  # like-sized figures of one list go the same way


def test_a_title_set_off_by_a_comma_before_a_new_persons_name_gives_their_side():
    claims = claims_by_value(
        "Russia's human rights commissioner, Tatyana Moskalkova, has said that more than 1,800 Russian servicemen "
        "came home from Ukrainian captivity this year.\n"
    )
    assert claims[1800]["side"] == "russia"


def test_an_outlet_with_a_descriptor_and_a_group_with_a_long_aside_are_their_sides():
    claims = claims_by_value(
        "According to the Russian broadcaster RT, 43 bodies were returned to Russia.\n"
        "Russian media, citing members of Moscow's negotiating group, report that another 1,200 bodies were handed over.\n"
    )
    assert (claims[43]["side"], claims[1200]["side"]) == ("russia", "russia")


def test_the_lines_of_a_dated_list_under_an_attributed_intro_are_its_speakers_handovers():
    draft = draft_of(
        "The list of returns of 500 or more since October, according to the Coordination Headquarters, reads:\n\n"
        "18 October 2024: 501\n"
        "8 November 2024: 563\n"
    )
    claims = {c.value: c.record() for c in draft.claims}
    assert {v: (claims[v]["metric"], claims[v]["side"]) for v in (501, 563)} == {
        501: ("bodies_to_ukraine", "ukraine"),
        563: ("bodies_to_ukraine", "ukraine"),
    }


def test_times_after_an_exchange_verb_counts_handovers_and_otherwise_counts_nothing():
    exchanged = claims_by_value("Since late January, Russia and Ukraine have exchanged the bodies of fallen soldiers four times.\n")
    assert exchanged[4]["metric"] == "repatriation_count"
    assert draft_of("The air alert sounded four times in Kyiv on Sunday.\n").claims == []


def test_a_bare_figure_in_a_paragraph_about_bodies_counts_bodies():
    claims = claims_by_value(
        "Friday 13 June. The second stage of the repatriation of bodies took place. Trains arrived in the morning. "
        "The headquarters counted 1,200.\n"
        "Shelling on Friday hit 12 villages near the front line.\n"
    )
    assert claims[1200]["metric"] == "bodies_to_ukraine"
    assert 12 not in claims


def test_russian_state_television_is_russias():
    claims = claims_by_value("Russian state television put the day's transfer at 1,200 bodies.\n")
    assert claims[1200]["side"] == "russia"


def test_a_role_noun_refers_back_to_a_body_named_where_it_did_not_speak():
    claims = claims_by_value(
        "The repatriation was carried out by the Ministry for Reintegration of the Temporarily Occupied Territories "
        "with the help of the Red Cross.\n"
        "The ministry added that Moscow had now returned 869 bodies since the full-scale invasion began.\n"
    )
    assert claims[869]["side"] == "ukraine"


def test_another_outlets_tally_is_the_outlets_own_sum_but_a_speakers_count_is_theirs():
    claims = claims_by_value(
        "In the four swaps, Ukraine received 356 bodies and Russia 214, by the FT's count, "
        "using the figures State Duma deputy Shamsail Saraliev gave RBC.\n"
        "Russia, by Medinsky's count, received 61 bodies.\n"
    )
    assert (claims[356]["side"], claims[214]["side"]) == ("media", "media")
    assert (claims[61]["side"], claims[61]["official_id"]) == ("russia", "medinsky")


def test_two_figures_only_the_speakers_own_verbs_direct_do_not_turn_each_other():
    claims = claims_by_value(
        "Ukraine's Coordination Headquarters for the Treatment of Prisoners of War said 1,000 bodies had been repatriated "
        "on Friday and 100 had been repatriated on Monday.\n"
    )
    assert (claims[1000]["metric"], claims[100]["metric"]) == ("bodies_to_ukraine", "bodies_to_ukraine")


def test_the_two_digits_that_close_a_span_of_years_are_no_figure():
    draft = draft_of(
        "The scale changed in the winter of 2024-25. Russia handed over 757 bodies on Friday, the headquarters said.\n"
    )
    assert [c.record()["value"] for c in draft.claims] == [757]
    assert any(u.number == "25" and "span of years" in u.reason for u in draft.unplaced)


def test_people_injured_are_no_figure_even_when_a_military_administration_reports_them():
    claims = claims_by_value(
        "Russian shelling of Kherson injured four people on Friday morning, the regional military administration said.\n"
        "Russian shelling wounded 12 Ukrainian servicemen near Pokrovsk, the General Staff said.\n"
    )
    assert 4 not in claims
    assert claims[12]["metric"] == "military_wounded"


def test_by_after_a_verb_of_disagreeing_gives_how_far_two_counts_are_apart():
    claims = claims_by_value(
        "Kyiv and Moscow disagree by three bodies over the June handovers.\n"
        "Russia's figures differ twice, and both times by three bodies.\n"
        "Russia handed over 1,000 bodies on Friday, officials said.\n"
    )
    assert sorted(claims) == [1000]


def test_a_figure_a_few_words_before_for_every_is_a_ratio():
    claims = claims_by_value(
        "Russia handed over 1,000 bodies on Friday and received 19, officials said. "
        "That makes roughly 50 bodies going to Ukraine for every one going to Russia.\n"
    )
    assert sorted(claims) == [19, 1000]
    # a figure with a "for" of its own is no ratio's term
    paired = claims_by_value("A thousand for 19 means that for every Russian body that goes home, 53 Ukrainian bodies cross.\n")
    assert 1000 in paired and 53 not in paired


def test_a_figure_inside_an_it_was_the_nth_time_that_clause_counts_no_handover():
    claims = claims_by_value(
        "Russia handed over 502 bodies on Friday, the headquarters said. "
        "It was the fourth time since mid-October that Ukraine has received more than 500 bodies in a single repatriation.\n"
        "It is the second time in three weeks that Ukraine has received exactly this number: on 28 March it took back 909.\n"
    )
    assert sorted(claims) == [502, 909]


def test_a_part_of_a_handover_that_came_from_a_region_is_a_breakdown():
    claims = claims_by_value(
        "Ukraine recovered the bodies of 121 soldiers on Friday, the headquarters said. "
        "Most of the dead, 107, had been brought back from the Donetsk region, "
        "while 12 came from the neighbouring Luhansk region.\n"
    )
    assert sorted(claims) == [121]


def test_a_new_person_the_record_knows_takes_its_side_when_the_article_gives_none():
    draft = draft_of(
        "Foreign Minister Sergei Lavrov has offered totals of his own. "
        "On 13 November he said Russia had handed over more than 9,000 bodies this year and received 143.\n"
        "War correspondent Alexander Kots wrote on Telegram that the swap was 1000 for 30.\n"
        "Defence Ministry spokesman Igor Konashenkov said Ukrainian forces had lost up to 1,310 servicemen.\n"
    )
    claims = {c.record()["value"]: c.record() for c in draft.claims}
    assert {v: claims[v]["side"] for v in (9000, 143, 1000, 30, 1310)} == dict.fromkeys((9000, 143, 1000, 30, 1310), "russia")
    lavrov = next(o for o in draft.new_officials if o.surname == "lavrov")
    assert lavrov.side == "russia"
    assert "known_voices" in draft.yaml()


def test_the_go_between_of_a_handover_is_no_speaker():
    claims = claims_by_value(
        "The swap was 1,000 for 24, according to Shamsail Saraliev, a State Duma deputy. "
        "The lawmaker said all 24 had come back to Russia through the Red Cross.\n"
    )
    assert claims[24]["official_id"] != "icrc" and claims[24]["side"] == "russia"
    assert claims[24]["attributed_to"] == "The lawmaker"


def test_by_his_count_refers_back_to_the_person_named_before():
    claims = claims_by_value(
        "Vladimir Medinsky, the Kremlin aide, wrote on Telegram on Monday that Russia had done what it promised. "
        "By his count Russia handed over 6,060 bodies in all and received 78.\n"
    )
    assert (claims[6060]["official_id"], claims[78]["official_id"]) == ("medinsky", "medinsky")
    assert claims[6060]["attributed_to"] == "his"


def test_soldiers_named_before_an_elided_figure_make_it_the_wounded():
    claims = claims_by_value(
        "Ukrainian President Volodymyr Zelensky revealed that over 46,000 Ukrainian soldiers have died and some 380,000 were hurt.\n"
    )
    assert claims[380000]["metric"] == "military_wounded"


def test_a_signed_statement_is_its_signers_even_where_a_line_reports_a_part_of_it():
    claims = claims_by_value(
        "Today another repatriation took place. The bodies of 1,000 people have been returned to Ukraine.\n\n"
        'As part of the repatriation, the bodies of 38 Russian servicemen were handed over, the "I Want to Live" project reported.\n\n'
        "We remind relatives of missing defenders to give a DNA sample. We thank the International Committee of the Red Cross.\n\n"
        "Coordination Headquarters for the Treatment of Prisoners of War\n"
    )
    assert (claims[1000]["official_id"], claims[1000]["side"]) == ("ukraine-coordination-hq", "ukraine")


def test_a_source_line_under_a_paragraph_names_its_speaker_and_only_its():
    text = (
        "Ukraine gets back 1 000 bodies\n\n"
        "On Tuesday, Ukraine received another 1 000 bodies that, according to the Russian side, belong to Ukrainian service members.\n\n"
        "Source: Coordination Headquarters for the Treatment of Prisoners of War\n\n"
        "In July, Ukraine also received 909 bodies.\n"
    )
    records = [c.record() for c in draft_of(text).claims]
    lead = next(r for r in records if r["quote"].startswith("On Tuesday"))
    assert (lead["official_id"], lead["side"]) == ("ukraine-coordination-hq", "ukraine")
    assert {r["side"] for r in records if r is not lead} == {"media"}


def test_a_speaker_reporting_the_event_in_the_next_sentence_speaks_for_the_one_before():
    claims = claims_by_value(
        "Ukraine has received the bodies of 1 000 people who, according to the Russian side, are fallen Ukrainian defenders. "
        "The Coordination Headquarters for the Treatment of Prisoners of War reported the repatriation on Thursday afternoon.\n"
    )
    assert (claims[1000]["official_id"], claims[1000]["side"]) == ("ukraine-coordination-hq", "ukraine")


def test_a_side_that_says_whose_the_bodies_were_is_an_aside_not_the_speaker():
    claims = claims_by_value(
        "Ukraine said on Thursday it had received the bodies of 1,000 people that Moscow says were Ukrainian soldiers.\n"
    )
    assert (claims[1000]["side"], claims[1000]["metric"]) == ("ukraine", "bodies_to_ukraine")


def test_a_body_named_again_without_its_side_is_the_one_named_with_it():
    draft = draft_of(
        "The difference sits in the last stage: Kyiv logged 1,245, the Russian Defence Ministry 1,248.\n"
        "On 16 June the Defence Ministry said a further 2,239 bodies were ready to be handed over.\n"
    )
    ready = next(c.record() for c in draft.claims if c.record()["value"] == 2239)
    assert (ready["official_id"], ready["side"]) == ("russian-defence-ministry", "russia")
    assert "defence-ministry" not in {o.official_id for o in draft.new_officials}


def test_a_sentence_in_the_tense_of_the_speech_reported_before_goes_on_reporting_it():
    claims = claims_by_value(
        "Russia handed over 1,000 bodies on Friday, Ukraine's headquarters said.\n"
        "Medinsky said the exchange had been carried out under the agreements reached in Istanbul. "
        "In return, Russia had received the bodies of 26 of its servicemen, who would be buried at home.\n"
    )
    assert (claims[26]["official_id"], claims[26]["side"]) == ("medinsky", "russia")


def test_the_figure_came_from_names_the_speaker_of_the_sentence_before():
    claims = claims_by_value(
        "Russia received 30 bodies of its own soldiers in return. "
        "The figure came from an unnamed source quoted by Russian state media.\n"
    )
    assert claims[30]["side"] == "russia"


def test_a_deals_terms_for_each_side_read_per_side_however_they_are_put():
    claims = claims_by_value(
        "Russia and Ukraine agreed during direct talks in Istanbul in June to return 6,000 bodies each.\n"
    )
    assert claims[6000]["metric"] == "agreed_bodies_per_side"
    claims = claims_by_value("Under the deal reached in Istanbul on 2 June, each side was to hand over 6,000 bodies of fallen soldiers.\n")
    assert claims[6000]["metric"] == "agreed_bodies_per_side"
    claims = claims_by_value("Some early wire reports put the terms at up to 6,000 bodies from each side.\n")
    assert claims[6000]["metric"] == "agreed_bodies_per_side"


def test_an_aside_between_a_party_and_its_verb_keeps_the_direction():
    claims = claims_by_value(
        "Since June, Ukraine has received 12,060 bodies by its own count. "
        "Over the same period Russia, going by its own announcements, has received 201.\n"
    )
    assert claims[201]["metric"] == "cumulative_bodies_to_russia"


def test_over_those_days_points_back_to_a_series_and_makes_a_running_total():
    claims = claims_by_value(
        "By 16 June five handovers had taken place, and the headquarters counted 6,057 in all. "
        "Russia, by its own account, received 78 bodies over those days.\n"
    )
    assert claims[78]["metric"] == "cumulative_bodies_to_russia"


def test_and_before_a_curated_name_is_no_part_of_its_title():
    claims = claims_by_value("A similar gap appeared in June, when Kyiv counted 6,057 bodies for the whole series and Medinsky 6,060.\n")
    assert (claims[6057]["side"], claims[6057]["official_id"]) == ("ukraine", None)
    assert (claims[6060]["official_id"], claims[6060]["attributed_to"]) == ("medinsky", "Medinsky")


def test_a_speaker_in_a_comparison_after_the_figure_gives_the_other_count():
    claims = claims_by_value(
        "Ukraine said Friday it had received the bodies of 1,003 soldiers from Russia, "
        "three more than Moscow's top negotiator said he had handed over.\n"
    )
    assert claims[1003]["side"] == "ukraine"


def test_a_backward_credit_speaks_for_the_sentences_before_it_in_its_paragraph():
    claims = claims_by_value(
        "Russia has handed over 1 000 bodies which, according to the Russian side, belong to Ukrainian soldiers. "
        "Among them are five defenders who died in Russian captivity. "
        "This was reported by the Coordination Headquarters for the Treatment of Prisoners of War on Tuesday.\n"
    )
    assert {claims[v]["official_id"] for v in (1000, 5)} == {"ukraine-coordination-hq"}
    # "said it had …" reports no event: its "it" opens a clause of its own
    claims = claims_by_value(
        "The first handover after the June series came on July 17: 1,000 bodies to Ukraine. "
        "Ukraine's Coordination Headquarters for the Treatment of Prisoners of War said it had nothing to do with the deal.\n"
    )
    assert claims[1000]["side"] == "media"


def test_a_backward_credit_opening_its_paragraph_speaks_for_the_whole_lead_before_it():
    lead = (
        "Ukraine has received 1 000 bodies of fallen soldiers from Russia. Five of them died in Russian captivity.\n\n"
    )
    credit = "This was reported on Telegram by the Coordination Headquarters for the Treatment of Prisoners of War.\n"
    records = [c.record() for c in draft_of(lead + credit).claims]
    assert [(r["value"], r.get("official_id")) for r in records] == [(1000, "ukraine-coordination-hq"), (5, "ukraine-coordination-hq")]
    # a byline removed between a standfirst and the credit parts them: the standfirst stays the outlet's
    records = [c.record() for c in draft_of(lead + "By Olena Kovalenko | Published 19.08.2025 14:32\n\n" + credit).claims]
    assert [(r["value"], r["side"]) for r in records] == [(1000, "media"), (5, "ukraine")]
    # a headline just above the credit stays the outlet's
    records = [c.record() for c in draft_of("Bodies of 1 000 fallen defenders returned\n\n" + credit).claims]
    assert [(r["value"], r["side"]) for r in records] == [(1000, "media")]


def test_an_unnamed_source_of_a_sentence_without_figures_is_who_the_source_recalled_is():
    claims = claims_by_value(
        "A source in the Russian negotiating group told TASS that Kyiv had not handed over a single body in return. "
        "Russia had received 27 bodies of its servicemen on Wednesday, the source recalled.\n"
    )
    assert claims[27]["side"] == "russia"


def test_he_after_an_unnamed_source_is_that_source():
    claims = claims_by_value(
        "In total, 3,612 bodies have been handed over to the Ukrainian side, a source in the Russian negotiating group "
        "told TASS. So far Kiev has returned only 27 bodies of Russian servicemen, he added.\n"
    )
    assert claims[27]["side"] == "russia"
    # "he" after an outlet's own sentence finds nobody to refer to
    claims = claims_by_value("Ukraine received 1,000 bodies. Russia got 27 back, he added.\n")
    assert claims[27]["side"] == "media"


def test_a_speaker_in_a_headline_speaks_for_its_own_comma_part_and_on_until_a_new_subject():
    def sides(headline: str) -> dict[int, str]:
        return {v: c["side"] for v, c in claims_by_value(headline + "\n\nThe bodies came back on Friday.\n").items()}

    assert sides("Ukraine recovers 121 soldiers' bodies, Russia says 29 sent back") == {121: "media", 29: "russia"}
    assert sides("Ukraine says 1,000 soldiers' bodies returned, Russia gets 30") == {1000: "ukraine", 30: "media"}
    assert sides('Moscow says last stage done with 1,248 bodies, 2,239 more "ready"') == {1248: "russia", 2239: "russia"}
    assert sides("Russia sends back 1,000 Ukrainian dead, says it received 30") == {1000: "media", 30: "russia"}
    assert sides("Russia returns 1,000 bodies of Ukrainian soldiers, Kyiv says") == {1000: "ukraine"}


def test_a_sum_opening_the_sentence_is_the_outlets_in_its_later_parts_too():
    claims = claims_by_value(
        "By our tally of the figures Russian officials gave, Moscow has received 512 bodies since January, "
        "while Ukraine has received more than 18,000 over the same period.\n"
    )
    assert (claims[512]["side"], claims[18000]["side"]) == ("media", "media")
    claims = claims_by_value(
        "By this publication's count, which adds up the Coordination Headquarters' announcements, "
        "14,060 bodies have come back to Ukraine since 11 June.\n"
    )
    assert claims[14060]["side"] == "media"
    # a later part with a speaker of its own is that speaker's
    claims = claims_by_value(
        "By our count, Russia has handed over 12,000 bodies since June, while Medinsky put the number at 11,000.\n"
    )
    assert (claims[12000]["side"], claims[11000]["side"]) == ("media", "russia")


def test_a_new_persons_surname_in_another_spelling_is_the_same_person():
    claims = claims_by_value(
        "Russia received 34 bodies, State Duma deputy Shamsail Saraliyev told the Russian outlet RBC.\n\n"
        "On 16 February Ukraine received 58 bodies and Russia 61, according to Saraliev.\n"
    )
    assert claims[61]["official_id"] == claims[34]["official_id"] and claims[61]["side"] == "russia"
    # "Forces" is no spelling of a proposed "Air Force", nor "Kotenko" of "Kovalenko"
    from repatriations.suggest.people import spelled_like

    assert spelled_like("Medynsky's", "Medinsky") and not spelled_like("Forces", "Force")
    assert not spelled_like("Kovalenko", "Kotenko")


def test_the_statement_reads_is_the_words_of_the_body_named_before():
    claims = claims_by_value(
        "The Coordination Headquarters for the Treatment of Prisoners of War reported the repatriation on Telegram.\n\n"
        '"Today 1,000 bodies were returned to Ukraine," the statement reads.\n'
    )
    assert claims[1000]["official_id"] == "ukraine-coordination-hq"


def test_a_source_line_naming_the_headquarters_on_telegram_sources_the_paragraph_above():
    claims = claims_by_value(
        "Ukraine has received the bodies of 1,000 people whom Russia describes as fallen Ukrainian soldiers.\n\n"
        "Source: Coordination Headquarters for the Treatment of Prisoners of War on Telegram\n\n"
        "Details: The Headquarters said the repatriation had taken place on Thursday.\n"
    )
    assert claims[1000]["official_id"] == "ukraine-coordination-hq"


def test_a_persons_name_over_a_post_in_the_first_person_is_its_speaker_throughout():
    post = (
        "\n29 January 2026, 14:12\n\n"
        "Today Russia handed over to Ukraine 1,000 bodies of Ukrainian servicemen.\n\n"
        "In return, the Ukrainian side transferred to us the bodies of 38 of our fallen soldiers. We expect the same.\n"
    )
    claims = claims_by_value("Vladimir Medinsky" + post)
    assert {(c["official_id"], c["side"]) for c in claims.values()} == {("medinsky", "russia")}
    draft = draft_of("Alexander Khinshtein | Acting Governor of the Kursk Region | Telegram" + post)
    assert {c.attribution.attributed_to for c in draft.claims} == {"Alexander Khinshtein"}
    assert [(p.name, p.side) for p in draft.new_officials] == [("Alexander Khinshtein", "russia")]
    # a desk's name over the outlet's own "we" is no person
    draft = draft_of("Data Desk | Analysis" + post)
    assert {c.attribution.side for c in draft.claims} == {"media"} and draft.new_officials == []


def test_a_speaker_whose_part_ends_in_a_colon_speaks_for_the_list_it_opens():
    claims = claims_by_value(
        "Russia received 34 bodies, State Duma deputy Shamsail Saraliev told RIA Novosti.\n\n"
        "Saraliev recalled the earlier exchanges of the year: in January, Ukraine received 757 bodies and Russia 49; "
        "in February, the figures were 757 and 45; in April, Kiev received 909 bodies, and 41 were transferred to Moscow.\n"
    )
    assert {claims[v]["side"] for v in (49, 45, 909, 41)} == {"russia"}
    # without the colon each part after a ";" is its own
    claims = claims_by_value("Kyiv counted 1,245 bodies, the headquarters said; Russia put the last batch at 1,248.\n")
    assert claims[1248]["side"] != "ukraine"


def test_a_speaker_named_right_next_to_the_figure_is_its_speaker():
    claims = claims_by_value(
        "Russia returned 1,000 bodies on Thursday.\n\n"
        "On June 16 came a final batch of bodies, 1,245 by Kyiv's count, 1,248 according to the Russian Defence Ministry.\n"
    )
    assert claims[1245]["side"] == "ukraine"
    # the verb that gave the figure before is left out: "Medinsky 6,060", "Moscow 1,000"
    claims = claims_by_value("The Coordination Headquarters counted 6,057 bodies, Medinsky 6,060.\n")
    assert (claims[6057]["official_id"], claims[6060]["official_id"]) == ("ukraine-coordination-hq", "medinsky")
    assert claims_by_value("Kyiv counts 1,003 bodies, Moscow 1,000\n\nThe bodies came back.\n")[1000]["side"] == "russia"
    # but not the receiver of a verb of getting: "Ukraine received 8,057 bodies, and Russia 116"
    claims = claims_by_value("By the BBC's count, Ukraine has received 8,057 bodies since the talks, and Russia 116.\n")
    assert claims[116]["side"] == "media"


def test_it_is_the_second_repatriation_points_at_no_speaker():
    claims = claims_by_value(
        "On Friday Ukraine received the bodies of 909 soldiers, the Coordination Headquarters said. "
        "It is the largest return so far this year, after 757 on 24 January.\n"
    )
    assert (claims[909]["side"], claims[757]["side"]) == ("ukraine", "media")
    # while "It said" is the headquarters again
    claims = claims_by_value(
        "The Coordination Headquarters reported the repatriation on Friday. It said 909 bodies had come home.\n"
    )
    assert claims[909]["official_id"] == "ukraine-coordination-hq"


def test_and_russia_said_after_a_figure_speaks_for_the_later_figure():
    claims = claims_by_value("On December 19 Ukraine said it received 1,003 bodies and Russia said it received 26.\n")
    assert (claims[1003]["side"], claims[26]["side"]) == ("ukraine", "russia")


def test_a_list_under_main_points_of_the_statement_is_the_statement_of_the_body_named_before():
    claims = claims_by_value(
        "The Russian Defence Ministry said on 16 June that it had completed the transfer of the bodies.\n\n"
        "Main points of the statement:\n\n"
        "- On Monday, 1,248 bodies of Ukrainian servicemen were handed over to the Ukrainian side. "
        "In return, Russia received the bodies of 51 Russian servicemen.\n"
    )
    assert {claims[v]["side"] for v in (1248, 51)} == {"russia"}


def test_the_headquarters_described_by_what_it_does_is_the_headquarters():
    for speaker in (
        "the Ukrainian state agency that deals with prisoners of war",
        "Ukraine's agency in charge of prisoners of war",
        # a description the lexicon lists no phrase of: a head noun, words, a duty and what it deals with
        "the Ukrainian body in charge of prisoner-of-war affairs",
        "the authority in Kyiv that deals with prisoners of war",
        "the office responsible for the repatriation of the fallen",
    ):
        claims = claims_by_value(f"Ukraine received the bodies of 757 of its soldiers from Russia on Friday, {speaker} said.\n")
        assert claims[757]["official_id"] == "ukraine-coordination-hq", speaker
    # the other side's description is not Kyiv's headquarters
    claims = claims_by_value("Russia received the bodies of 26 of its soldiers, the Russian agency responsible for prisoners of war said.\n")
    assert claims[26].get("official_id") is None


def test_an_official_and_other_officials_are_a_group_of_the_officials_side():
    claims = claims_by_value("Russia received 19 bodies in July, according to Medinsky and other Russian officials.\n")
    assert (claims[19]["side"], claims[19].get("official_id")) == ("russia", None)


def test_the_ministrys_total_refers_back_to_the_ministry_named_before():
    claims = claims_by_value(
        "The Ministry for Reintegration of the Temporarily Occupied Territories of Ukraine said in March that 869 bodies had come home. "
        "By September 2023, the ministry's total was 1,832.\n"
    )
    assert (claims[1832]["official_id"], claims[1832]["side"]) == (claims[869]["official_id"], "ukraine")
    assert claims[1832]["metric"] == "cumulative_bodies_to_ukraine"


def test_a_speaker_whose_appositive_stands_before_the_verb_outweighs_the_party_in_the_clause():
    claims = claims_by_value(
        "Russia's Ministry of Defence has received the bodies of 80 Russian servicemen killed in the special military "
        "operation zone, State Duma deputy Shamsail Saraliev, a member of the parliamentary coordination group on the "
        "operation, said on Monday.\n"
    )
    assert claims[80]["attributed_to"] == "State Duma deputy Shamsail Saraliev"
    # ", who told RBC that …": an appositive holding the verb is no title before it
    claims = claims_by_value(
        "The exact figure, 89, came from State Duma deputy Shamsail Saraliev, who told RBC that the bodies had been "
        "handed to Russia's Defence Ministry.\n"
    )
    assert claims[89]["attributed_to"] == "State Duma deputy Shamsail Saraliev"


def test_a_go_between_named_in_several_words_is_no_speaker():
    claims = claims_by_value(
        "MOSCOW, November 20. /TASS/. The bodies of 80 Russian servicemen killed in the special military operation zone "
        "have been returned to Russia, State Duma deputy Shamsail Saraliev, a member of the parliamentary coordination "
        "group on the special military operation, told RBC on Monday.\n\n"
        '"Today 80 bodies of our fallen fighters came home," he said, adding that the handover had been carried out '
        "with the participation of the International Committee of the Red Cross.\n"
    )
    assert claims[80]["side"] == "russia"


def test_a_role_noun_after_an_and_speaks_for_its_own_later_figure_only():
    claims = claims_by_value(
        "Ukraine's Coordination Headquarters for the Treatment of Prisoners of War announced the first stage on 11 June. "
        "By 16 June five handovers of bodies had taken place, of 1,212 bodies, then 1,200, 1,200 and 1,200, and finally 1,245, "
        "and the headquarters counted 6,057 bodies in all.\n"
    )
    assert claims[6057]["official_id"] == "ukraine-coordination-hq"
    assert {claims[v]["side"] for v in (1212, 1200, 1245)} == {"media"}


def test_a_bare_figure_a_verb_of_handing_over_or_counting_governs_counts_bodies():
    claims = claims_by_value("The headquarters counted 1,200.\n")
    assert claims[1200]["metric"] == "bodies_to_ukraine"


def test_the_figure_an_earlier_edition_gave_is_no_figure_of_the_record():
    claims = claims_by_value(
        "Russia handed over 1,000 bodies on July 17, the headquarters said.\n\n"
        "CORRECTION: An earlier edition of this article gave the number of bodies Russia handed over on July 17 as 1,200. "
        "The correct figure is 1,000.\n"
    )
    assert 1200 not in claims


def test_a_count_so_many_higher_than_another_is_the_gap_between_them():
    claims = claims_by_value("Moscow's count of the bodies it handed over is three higher than Kyiv's, which was 6,057.\n")
    assert 3 not in claims


def test_one_persons_remains_tell_of_a_case_and_count_nothing():
    claims = claims_by_value(
        "Russia handed over 1,000 bodies on Thursday. Identification is slow: "
        "one person's remains can arrive spread over several packages.\n"
    )
    assert sorted(claims) == [1000]


def test_bodies_handed_over_from_morgues_are_a_part_of_the_handover():
    claims = claims_by_value(
        "Ukraine received the bodies of 757 fallen defenders on Friday, the headquarters said. "
        "Another 34 bodies were handed over from morgues on the territory of the Russian Federation.\n"
    )
    assert sorted(claims) == [757]


def test_last_month_dates_a_recalled_handover_to_the_month_before_the_article():
    draft = draft_of(
        "KYIV, December 19, 2025 (AFP) - Ukraine said Friday it had received the bodies of 1,003 soldiers from Russia.\n\n"
        "Last month, Kyiv said it received 1,000 bodies and Russia 30.\n"
    )
    november = [c.record() for c in draft.claims if c.record()["value"] in (1000, 30)]
    assert {r["exchange_id"] for r in november} == {"ex-2025-11-1000-for-30"}


def test_bodies_still_to_follow_are_planned():
    claims = claims_by_value(
        "Lieutenant General Alexander Zorin said on 7 June that a first convoy of 1,212 bodies was waiting at the "
        "exchange area, with three trains and a road convoy of 1,200 each to follow.\n"
    )
    assert claims[1200]["metric"] == "planned_bodies_to_ukraine"


def test_according_to_the_statement_is_the_words_of_the_body_named_just_before():
    claims = claims_by_value(
        "Russia's Ministry of Defence reported on Monday the completion of the transfer. "
        "According to the statement, 1,248 bodies were handed over to the Ukrainian side.\n"
    )
    assert (claims[1248]["side"], claims[1248]["attributed_to"]) == ("russia", "the statement")


def test_a_party_that_says_it_received_keeps_the_direction():
    claims = claims_by_value("Russia said it had received the remains of 78 of its soldiers.\n")
    assert claims[78]["metric"] == "bodies_to_russia"


def test_russian_outlets_speak_for_russia_but_not_for_the_one_they_quote():
    claims = claims_by_value("The previous swap, in December, saw Russia receive 26 bodies, according to Russian outlets.\n")
    assert claims[26]["side"] == "russia"
    claims = claims_by_value(
        "Medinsky put that handover at 1,000 bodies at the time, and some Russian outlets quoted him as saying 1,003 bodies.\n"
    )
    assert claims[1003]["official_id"] == "medinsky"


def test_reminded_is_a_verb_of_speech():
    claims = claims_by_value(
        "The bodies of 121 fallen Ukrainian defenders were returned to Ukraine today, the Coordination Staff for the Treatment of Prisoners of War reported. "
        "On 15 March, 100 bodies were returned to Ukraine, the Staff reminded.\n"
    )
    assert claims[100]["official_id"] == "ukraine-coordination-hq"


def test_what_it_received_after_a_partys_count_goes_to_that_party():
    claims = claims_by_value("Russia's own count of what it received was 19 bodies in July.\n")
    assert claims[19]["metric"] == "bodies_to_russia"


def test_an_outlet_that_quoted_him_as_saying_gives_his_words():
    claims = claims_by_value(
        "Vladimir Medinsky, the Kremlin aide, spoke after the exchange. "
        "Reuters quoted him as saying that Russia had handed over 1,000 bodies.\n"
    )
    assert (claims[1000]["official_id"], claims[1000]["side"]) == ("medinsky", "russia")


def test_the_statement_says_is_the_body_named_last():
    claims = claims_by_value(
        "Another 1 000 bodies have been returned to Ukraine. This was reported by the Coordinating Headquarters for the "
        "Treatment of Prisoners of War on Telegram, a Derzhinform correspondent reports.\n\n"
        '"Today, the repatriation measures were carried out, as a result of which 1000 bodies were returned to Ukraine," '
        "the statement says.\n"
    )
    assert claims[1000]["official_id"] == "ukraine-coordination-hq"


def test_a_comma_ends_the_clause_of_a_recurrence():
    claims = claims_by_value(
        "On 16 February 2024, the only time in that series that Russia received more than it gave, "
        "58 bodies went to Ukraine and 61 to Russia, by Saraliev's count.\n"
    )
    assert {58, 61} <= set(claims)


def test_a_speaker_named_with_a_possessive_count_speaks_for_the_figure():
    claims = claims_by_value(
        "Moscow's figures come from State Duma deputy Shamsail Saraliev, who gives them to RBC.\n\n"
        "Kyiv got back 58 bodies. Russia, by Saraliev's count, received 61.\n"
    )
    assert (claims[61]["side"], claims[61]["official_id"]) == ("russia", "shamsail-saraliev")
    assert claims[58]["official_id"] is None


@pytest.mark.parametrize(
    ("sentence", "sides"),
    [
        ("That puts Kyiv's June total at 6,057 bodies returned and Moscow's at 6,060.", {6057: "ukraine", 6060: "russia"}),
        ("Moscow's June figure of 6,060 bodies handed over is three more than Kyiv's.", {6060: "russia"}),
        ("On Moscow's figures Russia received only 78 bodies in June, 51 of them on the last day.", {78: "russia", 51: "russia"}),
        # whoever puts a side's total at a figure gives it
        ("AFP, citing public figures, put Kyiv's total at 15,000 bodies returned in November.", {15000: "media"}),
    ],
)
def test_a_sides_own_figure_of_or_at_a_number_is_that_sides(sentence: str, sides: dict[int, str]):
    claims = claims_by_value(sentence + "\n")
    assert {v: claims[v]["side"] for v in sides} == sides


def test_a_body_named_bare_takes_the_side_the_article_gives_it_elsewhere():
    draft = draft_of(
        "Russian Defence Ministry: 1,248 bodies handed over on Monday, 51 received\n\n"
        "MOSCOW, June 16. Russia handed over the bodies of 1,248 Ukrainian soldiers on Monday, the Defence Ministry said.\n"
    )
    assert [(o.name, o.side) for o in draft.new_officials] == [("Russian Defence Ministry", "russia")]
    assert {(c.record()["side"], c.record()["official_id"]) for c in draft.claims} == {("russia", "russian-defence-ministry")}


def test_a_sub_headings_label_is_the_speaker_its_paragraph_names_below():
    draft = draft_of(
        "Day 1,200 of the war\n\n"
        "General Staff: Russia has lost about 998,000 troops\n\n"
        "Russia has lost about 998,000 troops since the start of the full-scale invasion, Ukraine's General Staff said.\n"
    )
    staff = [o for o in draft.new_officials if o.name.endswith("General Staff")]
    assert [(o.kind, o.side) for o in staff] == [("body", "ukraine")]
    claims = [c.record() for c in draft.claims if c.record()["value"] == 998000]
    assert [(c["side"], c["official_id"]) for c in claims] == [("ukraine", staff[0].official_id)] * 2


def test_it_after_a_sentence_that_opens_with_a_body_refers_to_that_body_speaking_or_not():
    claims = claims_by_value(
        "Interior Minister Ihor Klymenko said 1,000 bodies had come home.\n\n"
        "The Red Cross has tried to stay out of the arithmetic. "
        "It says it has taken part in more than 50 repatriations since 2022.\n"
    )
    assert (claims[50]["side"], claims[50]["attributed_to"]) == ("international", "It")
    assert claims[1000]["official_id"] == "ihor-klymenko"


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("The repatriation was organised by the Coordination Center for Prisoner of War Treatment, the ministry said.",
         "Coordination Center for Prisoner of War Treatment"),
        ("Its work runs alongside that of the Coordination Headquarters for the Treatment of Prisoners of War.",
         "Coordination Headquarters for the Treatment of Prisoners of War"),
    ],
)
def test_a_curated_body_is_named_once_as_written_without_a_leading_of(sentence: str, written: str):
    assert [n["as_written"].removeprefix("the ") for n in draft_of(sentence + "\n").names()] == [written]


def test_a_name_in_another_part_of_a_sentence_without_a_speech_verb_speaks_for_nothing():
    draft = draft_of(
        "Ukraine war latest: Zelensky arrives in New York ahead of UN General Assembly; bodies of 51 soldiers returned\n\n"
        "The bodies of 51 Ukrainian soldiers were returned to Ukraine on Monday.\n"
    )
    assert [(c.record()["side"], c.record()["official_id"]) for c in draft.claims] == [("media", None)] * 2


def test_a_roundups_post_header_names_the_poster_of_the_quoted_post_under_it():
    draft = draft_of(
        "Telegram roundup\n\nOur desk follows the channels of officials and war correspondents on both sides.\n\n"
        "Shamsail Saraliyev, State Duma deputy · 14:20\n"
        '"Today the bodies of 30 of our fighters came back to Russia. In October it was 31 for 1000."\n\n'
        "Alexander Kots, war correspondent of Komsomolskaya Pravda · 13:36\n"
        '"Another exchange of bodies. 1000 for 30."\n'
    )
    speakers = [(c.record()["value"], c.record()["side"], c.record()["official_id"]) for c in draft.claims]
    assert speakers == [
        (30, "russia", "shamsail-saraliyev"), (31, "russia", "shamsail-saraliyev"), (1000, "russia", "shamsail-saraliyev"),
        (1000, "russia", "alexander-kots"), (30, "russia", "alexander-kots"),
    ]
    assert "komsomolskaya-pravda" not in {o.official_id for o in draft.new_officials}  # a correspondent's paper, no speaker


def test_a_headline_credit_whose_words_the_body_gives_a_named_official_is_that_official():
    draft = draft_of(
        "Russia Hands Over 1,000 Bodies of Ukrainian Soldiers to Kiev, Gets 38 Back – Presidential Aide\n\n"
        "MOSCOW, January 29 (Sputnik) - Russia has handed over to Kiev the bodies of 1,000 Ukrainian servicemen and "
        "received 38 in return, Russian presidential aide and head of the Russian delegation Vladimir Medinsky said.\n"
    )
    headline = [c.record() for c in draft.claims][:2]
    assert [(c["value"], c["side"], c["official_id"]) for c in headline] == [(1000, "russia", "medinsky"), (38, "russia", "medinsky")]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Russia handed over 1,248 bodies on Monday.\n\n(Monitoring desk, compiled 1650 gmt 16 Jun 25)\n", "date"),
        ("Russia handed over 1,248 bodies on Monday.\n\nSources\n1. Oleh Kotenko, statement, July 12, 2023\n"
         '2. Ministry for Reintegration, "Bodies of 62 more defenders returned", July 14, 2023\n', "sources"),
        ("Russia handed over 1,248 bodies on Monday. Under Articles 109 and 110 of the Third Geneva Convention "
         "such prisoners must be sent back.\n", "label"),
        ("Russia handed over 1,248 bodies on Monday. Relatives of men of military unit 3057 may give DNA.\n", "label"),
        ("Russia handed over 1,248 bodies on Monday. The sides also agreed to swap prisoners under 25.\n", "an age"),
        ("Russia handed over 1,248 bodies on Monday. By direction:\n▪️ Avdiivka direction: 382;\n▪️ Bakhmut direction: 56;\n",
         "breakdown by place"),
    ],
)
def test_a_short_dated_line_a_sources_list_articles_of_a_law_and_a_places_label_give_no_figures(text: str, reason: str):
    draft = draft_of(text)
    assert [c.value for c in draft.claims] == [1248]
    small = [u for u in draft.unplaced if u.number in ("25", "62", "110", "382", "56", "3057")]
    assert small and all(reason in u.reason for u in small)


def test_a_bare_figure_a_counting_verb_governs_or_another_count_faces_counts_bodies():
    draft = draft_of(
        "From July the pattern settled into one handover a month, save for 19 December 2025, "
        "when the Headquarters recorded 1,003.[7] On 16 June the Russian Defence Ministry counted 1,248 against Ukraine's 1,245.\n"
    )
    assert {c.value: c.record()["metric"] for c in draft.claims} == {
        1003: "bodies_to_ukraine", 1248: "bodies_to_ukraine", 1245: "bodies_to_ukraine"
    }


def test_a_part_told_as_died_in_captivity_far_on_in_its_sentence_counts_and_its_whole_does_not():
    draft = draft_of(
        "Russian sources stated that eight of the 43 bodies Russia received on 28 March 2025 were civilians "
        "who had died in Ukrainian custody.\n\n"
        "8 — civilians among the 43 Russians returned in March who had died in Ukrainian captivity, according to Moscow.\n"
    )
    metrics = [(c.value, c.record()["metric"]) for c in draft.claims]
    assert metrics[:2] == [(8, "died_in_captivity"), (43, "bodies_to_russia")]
    assert (43, "died_in_captivity") not in metrics


def test_a_bare_ministry_is_of_the_side_of_its_minister_or_of_the_country_its_refers_to():
    claims = claims_by_value(
        "In December Foreign Minister Sergei Lavrov said Russia had handed over more than 11,000 bodies.\n\n"
        "In early February the Foreign Ministry said more than 12,000 bodies had been handed over since June 2025.\n\n"
        "Ukraine's then defence minister Rustem Umerov had spoken of 6,000 for 6,000.\n\n"
        "Moscow's numbers did not quite match: its Defence Ministry said it had handed over 1,248 bodies that day.\n"
    )
    assert {v: claims[v]["side"] for v in (11000, 12000, 1248)} == {11000: "russia", 12000: "russia", 1248: "russia"}


def test_a_role_noun_refers_back_to_the_person_whose_title_it_names():
    claims = claims_by_value(
        "State Duma deputy Shamsail Saraliev said on Thursday that 31 bodies had come back to Russia.\n\n"
        "Other formats came before. \"24 for 1000\" was September's, the parliamentarian recalled.\n\n"
        "Medinsky, who heads the Russian delegation, spoke on Monday. "
        "The head of the Russian delegation lists 6,060 bodies handed to Kyiv over the past week.\n"
    )
    assert (claims[24]["official_id"], claims[24]["side"]) == ("shamsail-saraliev", "russia")
    assert (claims[6060]["official_id"], claims[6060]["side"]) == ("medinsky", "russia")


def test_the_headquarters_refers_to_the_curated_body_named_another_way_and_a_name_is_no_role_noun():
    claims = claims_by_value(
        "The repatriation took place on Friday, the Coordination Staff for the Treatment of Prisoners of War (Koordshtab) said.\n\n"
        '"Thanks to repatriation measures, 254 bodies of fallen defenders have come back to Ukraine," the headquarters said.\n\n'
        "The Center for Strategic and International Studies estimated that 60,000 Ukrainian soldiers had been killed.\n"
    )
    assert (claims[254]["official_id"], claims[254]["side"]) == ("ukraine-coordination-hq", "ukraine")
    assert (claims[60000]["official_id"], claims[60000]["side"]) != ("ukraine-coordination-hq", "ukraine")


def test_a_role_noun_speaking_in_a_clause_of_when_or_which_speaks_for_its_figure():
    claims = claims_by_value(
        "The Coordination Headquarters announced each return on Telegram.\n\n"
        "Each monthly handover was of 1,000 bodies by Kyiv's count, except in December, when the headquarters counted 1,003.\n"
    )
    assert (claims[1003]["side"], claims[1003]["official_id"]) == ("ukraine", "ukraine-coordination-hq")


def test_a_figureless_sentence_ending_with_its_speaker_credits_the_figures_before_it_but_no_sub_heading():
    claims = [
        c.record()
        for c in draft_of(
            "Khmelnytskyi news\n\nViews: 1,284\n\nOne killed in Kharkiv\n\n"
            "Ukraine has returned the bodies of 1,000 dead which, according to the Russian side, belong to Ukrainian "
            "defenders. It is the first repatriation of 2026, the Coordination Headquarters for the Treatment of "
            "Prisoners of War reported on Thursday.\n"
        ).claims
    ]
    by_value = {c["value"]: c for c in claims}
    assert (by_value[1000]["side"], by_value[1000]["official_id"]) == ("ukraine", "ukraine-coordination-hq")
    assert all(c["official_id"] is None for c in claims if c["value"] != 1000)


def test_a_line_opening_quote_from_a_speaker_gives_its_quotation_to_that_speaker():
    claims = claims_by_value(
        "Another repatriation took place on Thursday.\n\n"
        'Quote from the Coordination HQ: "Today, repatriation measures were carried out, as a result of which the bodies '
        'of 1,000 fallen, which according to the Russian side belong to Ukrainian defenders, were returned to Ukraine."\n'
    )
    assert (claims[1000]["side"], claims[1000]["official_id"]) == ("ukraine", "ukraine-coordination-hq")


@pytest.mark.parametrize("outlet", ["The Moscow Times", "The Kyiv Independent", "Interfax-Ukraine"])
def test_a_side_named_inside_an_outlets_name_does_not_speak(outlet: str):
    claims = claims_by_value(f"Russia handed over 77 bodies and received 55. {outlet} put the total for the day at 132.\n")
    assert (claims[132]["side"], claims[132]["attributed_to"]) == ("media", outlet)


def test_a_sides_outlet_adding_up_for_itself_gives_its_own_sum():
    claims = claims_by_value(
        "Thus, according to TASS calculations, since January 214 bodies of Russian soldiers have been returned to Russia "
        "in four exchanges.\n"
    )
    assert claims[214]["side"] == "media"
    reported = claims_by_value("According to TASS, 214 bodies of Russian soldiers have been returned to Russia since January.\n")
    assert reported[214]["side"] == "russia"  # what the agency reports, not what it adds up


def test_last_year_after_a_month_dates_the_month_and_sums_nothing():
    claims = claims_by_value(
        "In May last year Ukraine received 909 bodies. Over the last year Ukraine has received 14,060 bodies.\n"
    )
    assert (claims[909]["metric"], claims[14060]["metric"]) == ("bodies_to_ukraine", "cumulative_bodies_to_ukraine")


def test_a_list_item_with_its_own_time_before_its_figure_goes_the_way_of_the_item_before():
    claims = claims_by_value("Before Istanbul, Saraliev said, Russia received 49 bodies in January, in February 45, in March 43.\n")
    assert {v: claims[v]["metric"] for v in (49, 45, 43)} == dict.fromkeys((49, 45, 43), "bodies_to_russia")


def test_a_lower_case_ministry_named_bare_or_by_its_is_a_body_of_the_side_the_article_gives_it():
    draft = draft_of(
        "In December Foreign Minister Sergei Lavrov said Russia had handed over more than 11,000 bodies. "
        "In February the foreign ministry spoke of more than 12,000 handed over since June 2025.\n\n"
        "Russia says the handover is complete; its defence ministry counted 1,248 bodies on Monday.\n"
    )
    claims = {c.value: c.record() for c in draft.claims}
    assert (claims[12000]["side"], claims[1248]["side"]) == ("russia", "russia")
    assert {o.name for o in draft.new_officials} >= {"foreign ministry", "defence ministry"}  # no "its" in a name


def test_whose_count_a_figure_is_named_just_before_or_after_it_past_its_recipient():
    claims = claims_by_value(
        "December 19: 1,003 to Ukraine by Kyiv's count (Medinsky said 1,000); 26 to Russia\n\n"
        "On 16 June the Russian Defence Ministry counted 1,248 against Ukraine's 1,245.\n\n"
        "In February Russia received 45 bodies against Ukraine's 757.\n"
    )
    assert {v: claims[v]["side"] for v in (1003, 1000, 1248, 1245)} == {1003: "ukraine", 1000: "russia", 1248: "russia", 1245: "ukraine"}
    assert claims[757]["side"] == "media"  # Ukraine's bodies, not Ukraine's count


def test_each_part_of_a_sentence_keeps_its_own_speaker_past_a_date_or_a_role_noun():
    claims = [c.record() for c in draft_of(
        "The Coordination Headquarters counted each stage.\n\n"
        "The gap of three sits in the last day: Kyiv counted 1,245 bodies on 16 June, the Russian defence ministry 1,248.\n\n"
        "The headquarters reported another 1,200 on Sunday, and Russian state television put the day's transfer at 1,200 as well.\n"
    ).claims]
    assert [(c["value"], c["side"]) for c in claims] == [(1245, "ukraine"), (1248, "russia"), (1200, "ukraine"), (1200, "russia")]


def test_puts_the_number_in_the_present_is_a_speech_verb():
    claims = claims_by_value("Russia's chief negotiator puts the number of Russian bodies it received at 19.\n")
    assert claims[19]["side"] == "russia"


@pytest.mark.parametrize("verb", ["boasted", "asserted", "conceded", "tweeted", "reiterated"])
def test_more_verbs_of_saying_give_the_figure_to_their_subject(verb: str):
    claims = claims_by_value(f"In early February Russia's Foreign Ministry {verb} that more than 12,000 bodies had been handed over.\n")
    assert claims[12000]["side"] == "russia"


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("Between October and December 2024 alone, four returns of more than 500 bodies each took place.", "500"),
        ("In all, 541 defenders have been brought back, 428 of them from Mariupol and more than 300 of those from Azovstal.", "300"),
        ("In all, 541 defenders have been brought back, including more than 300 from the Azovstal steelworks.", "300"),
    ],
)
def test_a_threshold_of_several_returns_and_a_part_from_a_works_are_no_figures(sentence: str, number: str):
    draft = draft_of(sentence + "\n")
    assert number not in {c.figure.number.as_written for c in draft.claims}
    assert any(u.number == number for u in draft.unplaced)


def test_a_month_before_a_persons_title_is_no_part_of_how_the_article_names_them():
    claims = claims_by_value("In December Foreign Minister Sergei Lavrov said Russia had handed over more than 11,000 bodies.\n")
    assert claims[11000]["attributed_to"] == "Foreign Minister Sergei Lavrov"


FACT_CHECK = (
    "FACT CHECK\n\n"
    "Did Russia return only 40 bodies to Ukraine last week?\n\n"
    'CLAIM: "Moscow sent back just 40 of Ukraine\'s dead and took 900 of its own."\n\n'
    "VERDICT: {verdict}. The figures are the wrong way round.\n\n"
    "A screenshot passed around Telegram since Monday says that Russia handed Ukraine 40 bodies.\n\n"
    'The post has Moscow "sent back just 40" while it "took 900 of its own".\n\n'
    "The Coordination Headquarters said 900 bodies had been returned to Ukraine, and Russia received 40.\n"
)


def test_a_fact_check_rating_a_claim_false_leaves_the_figures_it_restates_unplaced():
    draft = draft_of(FACT_CHECK.format(verdict="FALSE"))
    refuted = [u for u in draft.unplaced if "a fact-check rates false" in u.reason]
    # the question, the CLAIM line (two), the screenshot's words and both quoted fragments
    assert sorted(u.number for u in refuted) == ["40", "40", "40", "40", "900", "900"]
    kept = {(c.record()["value"], c.record()["metric"]) for c in draft.claims}
    assert kept == {(900, "bodies_to_ukraine"), (40, "bodies_to_russia")}


def test_a_fact_check_rating_a_claim_true_keeps_the_claims_figures():
    draft = draft_of(FACT_CHECK.format(verdict="TRUE"))
    assert not [u for u in draft.unplaced if "fact-check" in u.reason]
    quotes = [c.record()["quote"] for c in draft.claims]
    assert sum(q.startswith(("Did Russia", "CLAIM:", "A screenshot")) for q in quotes) == 4


def test_a_pronoun_before_the_verb_makes_the_figure_its_speakers_claim_not_the_posts():
    text = FACT_CHECK.format(verdict="FALSE") + "In the same post he claimed that Russia had handed over 6,000 bodies in all.\n"
    assert 6000 in claims_by_value(text)


@pytest.mark.parametrize(
    ("sentence", "denied", "kept"),
    [
        ("No Russian official source we found gave 75 as the number, but the ministry said 757 bodies had come back.", "75", 757),
        ("We found no official statement that speaks of 3,000 bodies; Ukraine received 1,000, its headquarters said.", "3,000", 1000),
    ],
)
def test_a_figure_the_article_says_no_source_gave_is_no_claim(sentence: str, denied: str, kept: int):
    draft = draft_of(sentence + "\n")
    assert any(u.number == denied and "no source gave" in u.reason for u in draft.unplaced)
    assert kept in {c.record()["value"] for c in draft.claims}


def test_a_statement_in_the_first_person_signed_at_its_foot_is_its_signers_not_its_mastheads():
    text = (
        "Office of the Human Rights Commissioner of Ukraine\n"
        "News | Statements\n\n"
        "Statement on the repatriation of the fallen\n\n"
        "Today 212 of our fallen defenders came home. I thank everyone who made this return possible.\n\n"
        "My office will keep asking the Russian side for the medical records of each of them.\n\n"
        "Olena Marchenko,\n"
        "Human Rights Commissioner of Ukraine\n"
        "Hotline: 0 800 50 17 20\n"
    )
    draft = draft_of(text)
    [claim] = [c.record() for c in draft.claims]
    [signer] = draft.new_officials  # the masthead is her office's name, not a second speaker
    assert (signer.name, signer.kind, signer.side) == ("Olena Marchenko", "person", "ukraine")
    assert signer.role == "Human Rights Commissioner of Ukraine"
    assert (claim["value"], claim["official_id"]) == (212, signer.official_id)
    unsigned = draft_of(text.replace("Olena Marchenko,\n", ""))  # unsigned, the office that heads it speaks
    assert [c.record()["official_id"] for c in unsigned.claims] == ["office-of-the-human-rights-commissioner"]


def test_a_signed_statement_under_a_heading_that_names_an_office_is_its_signers():
    draft = draft_of(
        "Statement by the Human Rights Commissioner of Ukraine on the return of the fallen\n\n"
        "Today 212 of our fallen defenders came home. I thank everyone who made this return possible.\n\n"
        "My office will keep asking the Russian side for the medical records of each of them.\n\n"
        "Olena Marchenko,\n"
        "Human Rights Commissioner of Ukraine\n"
    )
    [claim] = [c.record() for c in draft.claims]
    assert [o.name for o in draft.new_officials] == ["Olena Marchenko"]
    assert claim["official_id"] == draft.new_officials[0].official_id


def test_whoever_is_informed_or_urged_listens_and_never_speaks_for_the_figure():
    text = (
        "Ukraine's ombudsman Olena Marchenko said on Friday that 212 bodies had come home.\n\n"
        "She has informed the International Committee of the Red Cross and the United Nations Human Rights "
        "Monitoring Mission in Ukraine that 40 of them died in captivity.\n"
    )
    for verb in ("informed", "urged", "wrote to"):
        claims = claims_by_value(text.replace("informed", verb))
        assert (claims[40]["side"], claims[40]["official_id"]) == ("ukraine", "olena-marchenko"), verb


def test_a_body_whose_name_has_five_capitalised_words_before_its_noun_is_named_in_full():
    draft = draft_of(
        "The United Nations Human Rights Monitoring Mission in Ukraine said on Friday that 40 of the 212 "
        "bodies returned this week were of prisoners who had died in captivity.\n"
    )
    [claim] = [c.record() for c in draft.claims if c.record()["value"] == 40]
    assert [o.name for o in draft.new_officials] == ["United Nations Human Rights Monitoring Mission"]
    assert claim["official_id"] == draft.new_officials[0].official_id


def test_an_official_named_only_as_what_others_speak_of_is_not_linked():
    text = (
        "Ukraine handed over the bodies of 19 Russian soldiers on Thursday, the Coordination Headquarters said.\n\n"
        "Rustem Umerov said Kyiv had proposed a meeting between Zelensky and Putin before the end of August.\n"
    )
    assert "zelensky" not in {n["official_id"] for n in draft_of(text).names()}
    speaking = text + "\nZelensky said every body would be identified.\n"
    assert "zelensky" in {n["official_id"] for n in draft_of(speaking).names()}  # he speaks as well


def test_a_transcripts_host_and_untitled_guest_are_no_officials_but_a_titled_guest_is():
    text = (
        "THE BORDERLANDS PODCAST\n\n"
        "[00:00:05] OKSANA VERES (HOST): Welcome back. I'm Oksana Veres, and with me is Tom Ashby, who has "
        "followed every exchange of the dead since 2022.\n\n"
        "[00:00:12] ASHBY: By my count, 1,245 bodies came home to Ukraine in that single week.\n\n"
        "[00:00:20] VERES: Later we hear from Petro Kovalchuk, spokesman of the Ukrainian coordination centre.\n\n"
        "[00:00:31] KOVALCHUK: We received 77 bodies on Friday.\n"
    )
    draft = draft_of(text)
    assert [o.name for o in draft.new_officials] == ["Petro Kovalchuk"]
    claims = {c.record()["value"]: c.record() for c in draft.claims}
    assert (claims[1245]["side"], claims[1245]["official_id"]) == ("media", None)
    assert claims[77]["official_id"] == draft.new_officials[0].official_id


def test_a_communitys_funerals_and_its_soldiers_identified_among_a_return_are_no_handover_figures():
    draft = draft_of(
        "Bila Tserkva buries three defenders identified after the May repatriation\n\n"
        "Six soldiers from the Uzyn community identified among the bodies returned in May\n\n"
        "The city said goodbye on Sunday to three soldiers whose bodies came home on 16 May, when Russia handed over "
        "909 fallen Ukrainians.\n"
    )
    assert [c.record()["value"] for c in draft.claims] == [909]
    reasons = {u.number: u.reason for u in draft.unplaced}
    assert "funerals" in reasons["three"] and "identifications" in reasons["Six"]


def test_a_newsletters_correction_of_its_last_issue_leaves_the_replaced_figures_unplaced():
    claims = claims_by_value(
        "THE MONDAY BRIEF\n\nCorrection\n\n"
        "Our last issue said that the October exchange was \"1,000 for 27\". It was 1,000 for 31, "
        "the Coordination Headquarters said.\n"
    )
    assert sorted(claims) == [31, 1000]
    assert claims[1000]["quote"].startswith("It was 1,000 for 31")
