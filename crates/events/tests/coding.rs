//! What a user of the event coder relies on, on sentences written for these tests.

use chrono::NaiveDate;
use events::{cameo, EventCoder};
use model::{Analysis, Document, Event, Modality};

fn code_with(coder: &EventCoder, text: &str, published: &str) -> Vec<Event> {
    let mut a = Analysis::new(Document::default());
    a.document.article.text = text.to_string();
    a.document.article.published = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    coder.annotate(&mut a);
    for e in &a.events {
        // Every event points at its evidence.
        assert!(!e.sentence.slice(text).is_empty(), "{e:?}");
        assert!(!e.trigger.slice(text).is_empty(), "{e:?}");
        assert!(e.sentence.contains(e.trigger), "{e:?}");
    }
    a.events
}

fn code(text: &str) -> Vec<Event> {
    code_with(&EventCoder::new(), text, "2024-05-01")
}

/// (source, target, cameo, modality) of every event.
fn summary(events: &[Event]) -> Vec<(String, String, String, Modality)> {
    events
        .iter()
        .map(|e| {
            let actor = |r: &Option<model::Reference>| {
                r.as_ref().and_then(|r| r.actor.clone()).unwrap_or_default()
            };
            (
                actor(&e.source),
                actor(&e.target),
                e.cameo.clone(),
                e.modality,
            )
        })
        .collect()
}

fn has(
    events: &[Event],
    source: &str,
    target: &str,
    code_prefix: &str,
    modality: Modality,
) -> bool {
    summary(events).iter().any(|(s, t, c, m)| {
        s.starts_with(source)
            && t.starts_with(target)
            && c.starts_with(code_prefix)
            && *m == modality
    })
}

#[test]
fn appeal_for_military_aid_names_asker_and_asked() {
    let ev = code("Russia has asked China for military support.");
    assert!(
        has(&ev, "RUS", "CHN", "0232", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    let e = &ev[0];
    assert_eq!(e.goldstein, 3.4);
    assert_eq!(e.quad_class, 1);
}

#[test]
fn passive_voice_takes_the_source_from_the_by_phrase() {
    let ev = code("The Russian embassy was attacked by Ukrainian protesters.");
    assert!(
        has(&ev, "UKR", "RUS", "19", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn coordinated_subjects_meet_each_other_at_a_third_place_on_a_resolved_day() {
    let ev = code("France and Germany will meet in Rome on Monday.");
    assert!(
        has(&ev, "FRA", "DEU", "044", Modality::Future),
        "{:?}",
        summary(&ev)
    );
    assert!(
        has(&ev, "DEU", "FRA", "044", Modality::Future),
        "{:?}",
        summary(&ev)
    );
    let e = &ev[0];
    let place = e.place.as_ref().unwrap();
    assert_eq!(place.name, "Rome");
    assert_eq!(place.country.as_deref(), Some("ITA"));
    assert!(place.lat.is_some() && place.lon.is_some());
    // Published on Wednesday 2024-05-01: "Monday" in a future event is the 6th.
    assert_eq!(e.date, NaiveDate::from_ymd_opt(2024, 5, 6));
}

#[test]
fn negated_action_is_not_a_fact_but_the_refusal_is() {
    let ev = code("Japan will not supply weapons to Ukraine.");
    assert!(
        has(&ev, "JPN", "UKR", "072", Modality::Negated),
        "{:?}",
        summary(&ev)
    );
    assert!(!ev.iter().any(|e| e.cameo == "072" && e.modality.is_fact()));
    assert!(
        has(&ev, "JPN", "UKR", "12", Modality::Future),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn conditional_and_hypothetical_events_are_marked() {
    let ev = code("If Iran attacks Israel, Washington could impose sanctions on Tehran.");
    assert!(
        has(&ev, "IRN", "ISR", "19", Modality::Conditional),
        "{:?}",
        summary(&ev)
    );
    assert!(
        !ev.iter().any(|e| e.modality.is_fact()),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn reported_and_quoted_events_are_reported() {
    let ev = code("Egypt criticized Israel on Sunday, officials said.");
    assert!(
        has(&ev, "EGY", "ISR", "111", Modality::Reported),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn promises_become_intent_codes() {
    let ev = code("Brazil promised to provide humanitarian aid to Haiti.");
    assert!(
        has(&ev, "BRA", "HTI", "0333", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn organisations_blocs_and_organs_have_actor_codes() {
    let ev = code("The West imposed sanctions on Russia.");
    assert!(
        has(&ev, "WST", "RUS", "163", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    let ev = code("The United Nations criticized Israel.");
    assert!(
        has(&ev, "IGOUNO", "ISR", "111", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    let ev = code("The Kremlin accused the Pentagon of espionage.");
    assert!(
        has(&ev, "RUSGOV", "USAMIL", "1125", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    let ev = code("Chinese police arrested two Canadian journalists.");
    assert!(
        has(&ev, "CHNCOP", "CANMED", "173", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn pronouns_and_that_country_resolve_to_named_actors() {
    let ev = code(
        "A Chinese foreign ministry spokesman spoke about Ukraine. \
         He said it will continue to provide humanitarian aid to that country.",
    );
    assert!(
        has(&ev, "CHNGOV", "UKR", "073", Modality::Future),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn extra_actor_tables_code_unknown_actors() {
    let coder = EventCoder::new()
        .with_actor_table("GONDOR [GON]\n+MINAS_TIRITH\nMORDOR [MOR]\n")
        .unwrap();
    let ev = code_with(
        &coder,
        "Minas Tirith accused Mordor of war crimes.",
        "2024-05-01",
    );
    assert!(
        has(&ev, "GON", "MOR", "1124", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn sentences_without_actors_give_no_events() {
    assert!(code("The weather was fine and people attacked the buffet.").is_empty());
}

#[test]
fn a_denial_is_its_own_event_and_the_denied_act_is_no_fact() {
    let ev = code("Pakistan denied that it had supported the Taliban.");
    assert!(
        has(&ev, "PAK", "AFG", "016", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    assert!(
        !ev.iter()
            .any(|e| e.cameo.starts_with("05") && e.modality.is_fact()),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn a_page_long_sentence_is_coded_without_blowing_up() {
    let text = "Russia attacked Ukraine and ".repeat(5_000);
    let ev = code(&text);
    assert!(ev.iter().any(|e| e.cameo.starts_with("19")));
    // Identical events of one sentence are reported once.
    assert!(ev.len() < 10, "{}", ev.len());
}

#[test]
fn relative_clauses_and_blamed_gerunds_do_not_give_actors_or_events() {
    let ev = code("Iraq, which borders Iran, attacked Kuwait.");
    assert!(
        has(&ev, "IRQ", "KWT", "19", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    assert!(!summary(&ev).iter().any(|(s, _, _, _)| s == "IRN"));
    let ev = code("Russia accused Ukraine of attacking Crimea.");
    assert!(
        has(&ev, "RUS", "UKR", "112", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    assert!(
        !ev.iter().any(|e| e.cameo.starts_with("19")),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn questions_and_plans_are_not_past_facts() {
    let ev = code("Will Iran attack Israel?");
    assert!(
        has(&ev, "IRN", "ISR", "19", Modality::Hypothetical),
        "{:?}",
        summary(&ev)
    );
    let ev = code("The Indian prime minister is to visit Nepal on Friday.");
    assert!(
        has(&ev, "INDGOV", "NPL", "042", Modality::Future),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn sanctions_imposed_by_the_west_are_coded_from_the_participle() {
    let ev =
        code("It is a counterweight to the sanctions imposed on the Russian economy by the West.");
    assert!(
        has(&ev, "WST", "RUS", "163", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn a_contest_result_is_not_an_assault() {
    for text in [
        "Russia beat Croatia 6-3, 6-4 in the Davis Cup final on Sunday.",
        "Spain defeated Brazil in the final of the tournament.",
    ] {
        let ev = code(text);
        assert!(
            !ev.iter()
                .any(|e| matches!(cameo::root(&e.cameo), "18" | "19" | "20")),
            "{text}: {:?}",
            summary(&ev)
        );
    }
    // Forces that defeat forces still fight.
    let ev = code("Ukrainian troops defeated Russian forces near Kharkiv on Sunday.");
    assert!(
        has(&ev, "UKR", "RUS", "19", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn a_noun_compound_gerund_is_not_an_event() {
    let ev = code("Delhi has turned into a gas chamber due to smoke from crop burning in neighbouring states.");
    assert!(
        !ev.iter().any(|e| e.cameo.starts_with("17")),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn the_partner_of_talks_is_the_object_of_with() {
    let ev = code(
        "The Afghan government had been holding direct talks with the insurgents on the withdrawal of US troops.",
    );
    assert!(
        !ev.iter().any(|e| e
            .target
            .as_ref()
            .and_then(|t| t.actor.as_deref())
            .is_some_and(|a| a.starts_with("USA"))),
        "{:?}",
        summary(&ev)
    );
    assert!(
        has(&ev, "AFG", "---", "04", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn the_cameo_dictionary_codes_verbs_our_patterns_lack() {
    // "engage" is not in verbs.txt; the dictionary's "* (IN FIREFIGHT)" is 193.
    let ev = code("Israeli troops engaged in a firefight with Hamas fighters near Gaza City.");
    assert!(
        has(&ev, "ISR", "PSE", "193", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn an_object_pronoun_points_past_its_own_subject() {
    // "him" is not the subject who criticises; "it" is not a person.
    let ev = code("The Kenyan president met the Ugandan president in March. Later the Kenyan president criticized him.");
    assert!(
        has(&ev, "KEN", "UGA", "11", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    let ev = code("Ghana closed the border with Togo. The Nigerian president accused it of lying.");
    assert!(
        has(&ev, "NGA", "GHA", "112", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn a_subject_pronoun_points_back_to_the_last_subject() {
    let ev = code("The Kenyan president met the Ugandan president on Monday. He condemned Sudan.");
    assert!(
        has(&ev, "KEN", "SDN", "11", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    assert!(
        !has(&ev, "UGA", "SDN", "11", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn coordinated_role_phrases_are_each_an_actor() {
    let ev =
        code("The Kenyan president and the Ugandan foreign minister condemned Sudan on Monday.");
    assert!(
        has(&ev, "KEN", "SDN", "11", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    assert!(
        has(&ev, "UGA", "SDN", "11", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    let ev = code("Sudan attacked the Kenyan army, the Ugandan police and the Ethiopian army.");
    for target in ["KEN", "UGA", "ETH"] {
        assert!(
            has(&ev, "SDN", target, "19", Modality::Asserted),
            "{target}: {:?}",
            summary(&ev)
        );
    }
    // An apposition is one actor, not a list.
    let ev = code("Kenya, a close ally, condemned Sudan.");
    assert_eq!(summary(&ev).len(), 1, "{:?}", summary(&ev));
}

#[test]
fn a_middle_initial_does_not_split_a_name() {
    let ev = code("President Obama and President Vladimir V. Putin met in Geneva.");
    assert!(
        has(&ev, "USA", "RUS", "04", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    assert!(
        has(&ev, "RUS", "USA", "04", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn an_act_done_by_an_actor_makes_that_actor_the_target() {
    let ev = code("Ghana condemned the latest border raid by Togo.");
    assert!(
        has(&ev, "GHA", "TGO", "11", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    let ev = code("Ghana praised the reforms carried out by Togo.");
    assert!(
        has(&ev, "GHA", "TGO", "05", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    // "by" right after the verb is a means, not a doer.
    let ev = code("Ghana attacked the border post by night.");
    assert!(
        summary(&ev)
            .iter()
            .all(|(_, t, _, _)| t.is_empty() || t.starts_with("GHA")),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn a_show_of_force_needs_no_target() {
    let ev = code("Ghana mobilized its troops on Monday.");
    let found = ev.iter().any(|e| {
        cameo::root(&e.cameo) == "15"
            && e.target.is_none()
            && e.source.as_ref().and_then(|r| r.actor.as_deref()) == Some("GHA")
    });
    assert!(found, "{:?}", summary(&ev));
    // Other events still need someone on the receiving end.
    assert!(code("Ghana condemned the decision.").is_empty());
}

#[test]
fn a_perfect_gerund_after_a_preposition_is_what_someone_is_blamed_for() {
    let ev = code("Ghana condemned Togo for having attacked a Ghanaian border post.");
    assert!(
        has(&ev, "GHA", "TGO", "11", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    // The attack is told as done, by the one condemned: never the
    // condemner's own.
    assert!(
        !summary(&ev)
            .iter()
            .any(|(s, _, c, _)| c.starts_with("19") && s.starts_with("GHA")),
        "{:?}",
        summary(&ev)
    );
    // What someone is accused of is only alleged.
    let ev = code("Ghana accused Togo of having attacked a Ghanaian border post.");
    assert!(
        !summary(&ev).iter().any(|(_, _, c, _)| c.starts_with("19")),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn a_meeting_with_a_named_partner_goes_both_ways() {
    let ev = code("The Kenyan foreign minister met with the Ugandan president on Monday.");
    assert!(
        has(&ev, "KEN", "UGA", "04", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    assert!(
        has(&ev, "UGA", "KEN", "04", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    // A place is not a partner that meets back; an attack is one-way.
    let ev = code("The Kenyan foreign minister met in Uganda on Monday.");
    assert!(
        !has(&ev, "UGA", "KEN", "04", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    let ev = code("Kenya attacked Uganda on Monday.");
    assert!(
        !has(&ev, "UGA", "KEN", "", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn they_points_back_to_every_member_of_a_coordinated_subject() {
    let ev = code("Ghana condemned Togo. Kenya and Uganda met on Friday. They criticized Sudan.");
    assert!(
        has(&ev, "KEN", "SDN", "11", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    assert!(
        has(&ev, "UGA", "SDN", "11", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    assert!(
        !has(&ev, "TGO", "SDN", "11", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn news_verbs_outside_the_dictionary_code_their_cameo_meaning() {
    let ev = code("Iran lashed out at Saudi Arabia on Sunday.");
    assert!(
        has(&ev, "IRN", "SAU", "111", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    let ev = code("Chile has been pressuring Peru to reopen the border.");
    assert!(
        has(&ev, "CHL", "PER", "10", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    let ev = code("Poland ripped into Belarus on Tuesday.");
    assert!(
        has(&ev, "POL", "BLR", "111", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    let ev = code("Norway expressed outrage over the arrest by Russia.");
    assert!(
        has(&ev, "NOR", "RUS", "11", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    let ev = code("Turkey closed its border with Iraq on Monday.");
    assert!(
        has(&ev, "TUR", "IRQ", "191", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    let ev = code("Japan bolstered its military after the launch.");
    assert!(
        has(&ev, "JPN", "", "15", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn a_concessive_clause_opening_the_sentence_is_background_not_news() {
    let ev =
        code("Although Egypt has criticized Israel in the past, Egypt praised Israel on Monday.");
    assert!(
        has(&ev, "EGY", "ISR", "051", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    assert!(
        !has(&ev, "EGY", "ISR", "11", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    let ev = code("Even as Chile condemned Peru, Chile praised Bolivia.");
    assert!(
        !has(&ev, "CHL", "PER", "11", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    // A concession after the news does not hide it.
    let ev = code("Chile condemned Peru, although Chile praised Bolivia.");
    assert!(
        has(&ev, "CHL", "PER", "111", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn a_meeting_between_two_actors_is_a_meeting_of_both() {
    let ev = code("The crisis eased after a two-hour meeting on Friday between Kenya and Uganda.");
    assert!(
        has(&ev, "KEN", "UGA", "04", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    assert!(
        has(&ev, "UGA", "KEN", "04", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn a_meeting_hosted_somewhere_is_not_a_meeting_with_the_host() {
    let with_host = |text: &str, host: &str| {
        summary(&code(text))
            .iter()
            .any(|(_, t, c, _)| t.starts_with(host) && c.starts_with("04"))
    };
    assert!(!with_host(
        "The African Union met in Kenya on Friday.",
        "KEN"
    ));
    assert!(!with_host(
        "Kenya's president met in Nairobi on Friday.",
        "KEN"
    ));
    // Abroad, with no one else named, the place is the counterpart.
    assert!(with_host(
        "Kenya's president met in Geneva on Friday.",
        "CHE"
    ));
}

#[test]
fn an_apposed_role_with_an_article_defers_to_the_named_person() {
    let ev = code_with(
        &EventCoder::new(),
        "Kenyatta, the president, criticized Sudan on Monday.",
        "2016-09-08",
    );
    assert!(
        has(&ev, "KEN", "SDN", "111", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn a_verb_phrase_after_and_shares_the_first_clauses_subject() {
    let ev = code(
        "Chile is one of the loudest critics of Peru's fishing policy in the Pacific \
         and has accused Lima of harassing its fishermen.",
    );
    let s = summary(&ev);
    assert!(
        s.iter().any(|(src, tgt, c, _)| src.starts_with("CHL")
            && tgt.starts_with("PER")
            && c.starts_with("112")),
        "{s:?}"
    );
    assert!(
        !s.iter().any(|(src, _, _, _)| src.starts_with("PER")),
        "{s:?}"
    );
}

#[test]
fn the_us_congress_titles_sen_and_rep_code_a_us_legislator() {
    let ev = code("Sen. Jane Doe criticized Cuba on Tuesday.");
    assert!(
        has(&ev, "USALEG", "CUB", "111", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
    let ev = code("Rep. John Roe, a member of the committee, condemned Venezuela.");
    assert!(
        summary(&ev)
            .iter()
            .any(|(s, t, _, _)| s == "USALEG" && t.starts_with("VEN")),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn a_participle_clause_takes_the_main_clause_subject_when_its_verb_codes_nothing() {
    // "called China reckless" codes no event, yet "accusing it" is Chile's.
    let ev = code("Chile has called China reckless, accusing it of aggression at sea.");
    let s = summary(&ev);
    assert!(
        s.iter().any(|(src, tgt, c, _)| src.starts_with("CHL")
            && tgt.starts_with("CHN")
            && c.starts_with("112")),
        "{s:?}"
    );
    assert!(
        !s.iter().any(|(src, _, _, _)| src.starts_with("CHN")),
        "{s:?}"
    );
}

#[test]
fn petrarch_agent_nouns_make_role_actors() {
    // "admiral" is not one of our role nouns; PETRARCH's agents give MIL.
    let ev = code("A Peruvian admiral accused Chile of aggression.");
    assert!(
        has(&ev, "PERMIL", "CHL", "112", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn the_subject_of_a_clause_after_after_is_its_own_source() {
    // "after" opens a clause here, not a prepositional phrase: Chile
    // condemned Bolivia, Peru did not.
    let ev = code("The talks stalled in Lima after Chile condemned Bolivia.");
    let s = summary(&ev);
    assert!(has(&ev, "CHL", "BOL", "111", Modality::Asserted), "{s:?}");
    assert!(
        !s.iter()
            .any(|(src, _, c, _)| src.starts_with("PER") && c.starts_with("111")),
        "{s:?}"
    );
}

#[test]
fn a_verb_after_and_continues_the_reporting_clause_when_the_reported_one_names_no_actor() {
    let ev = code("Peru predicted that the harvest would recover and praised Chile for its help.");
    assert!(
        has(&ev, "PER", "CHL", "05", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn a_relative_pronoun_points_back_at_a_governed_phrase() {
    // "to the United States" is governed by "to", yet "which" is its.
    let ev = code(
        "The activist fought extradition to the United States, which accuses Iran of hacking.",
    );
    assert!(
        has(&ev, "USA", "IRN", "112", Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn a_hyphenated_descent_names_the_second_country() {
    let ev = code("President Obama met an Iranian-American pastor on Monday.");
    assert!(
        summary(&ev)
            .iter()
            .any(|(s, t, c, _)| s.starts_with("USA") && t == "USA" && c.starts_with("04")),
        "{:?}",
        summary(&ev)
    );
    assert!(
        !summary(&ev).iter().any(|(_, t, _, _)| t.starts_with("IRN")),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn condemning_a_told_act_targets_its_doer() {
    let got = code(
        "North Korea conducted a nuclear test on Friday. \
         President Obama condemned Friday's test.",
    );
    assert!(
        has(&got, "USA", "PRK", "11", Modality::Asserted),
        "{:?}",
        summary(&got)
    );
}

#[test]
fn a_role_word_modifying_a_shared_noun_names_no_one() {
    let got = code(
        "The US Justice Department has charged Assange with espionage by publishing \
         secret military and diplomatic files.",
    );
    let got = summary(&got);
    assert!(!got.iter().any(|e| e.1.ends_with("MIL")), "{got:?}");
}

// Events named by nouns and carried by light verbs (`coder/nominal.rs`),
// and fights with a partner both ways.

/// Whether any event under CAMEO root `root` was coded.
fn any_root(events: &[Event], root: &str) -> bool {
    events.iter().any(|e| e.cameo.starts_with(root))
}

#[test]
fn a_possessor_is_the_agent_of_the_noun_and_the_of_phrase_its_target() {
    let s = "Russia's invasion of Ukraine began on Thursday.";
    assert!(
        has(&code(s), "RUS", "UKR", "19", Modality::Asserted),
        "{:?}",
        summary(&code(s))
    );
}

#[test]
fn a_by_phrase_is_the_agent_and_the_of_phrase_who_it_was_done_to() {
    let s = "The arrest of the opposition leader by Turkish police drew crowds.";
    assert!(
        has(&code(s), "TURCOP", "TUR", "17", Modality::Asserted),
        "{:?}",
        summary(&code(s))
    );
    let s = "A visit to Beijing by the Japanese prime minister took place on Monday.";
    assert!(
        has(&code(s), "JPN", "CHN", "04", Modality::Asserted),
        "{:?}",
        summary(&code(s))
    );
}

#[test]
fn a_light_verb_gives_its_subject_to_the_event_its_object_names() {
    let s = "China made a strong condemnation of Japan on Monday.";
    assert!(
        has(&code(s), "CHN", "JPN", "11", Modality::Asserted),
        "{:?}",
        summary(&code(s))
    );
    let s = "Iran announced the release of two American sailors.";
    assert!(
        has(&code(s), "IRN", "USA", "08", Modality::Reported),
        "{:?}",
        summary(&code(s))
    );
}

#[test]
fn background_labels_are_not_news() {
    for s in [
        "The 2003 invasion of Iraq by the United States still divides Europe.",
        "Last year's invasion of Georgia by Russia still divides Europe.",
        "The former occupation of Lebanon by Syria still divides its politics.",
        "Since the arrest of the editor by Turkish police, the paper has been silent.",
    ] {
        assert!(
            !any_root(&code(s), "19") && !any_root(&code(s), "17"),
            "{s}: {:?}",
            summary(&code(s))
        );
    }
}

#[test]
fn an_event_noun_asked_for_or_only_possible_is_no_fact_of_its_own() {
    // The call is the event; the talks have not happened.
    let s = "Japan called for talks between China and South Korea.";
    assert!(
        !has(&code(s), "CHN", "KOR", "04", Modality::Asserted),
        "{:?}",
        summary(&code(s))
    );
    let s = "A possible attack on Iran by Israel worries the markets.";
    assert!(
        !has(&code(s), "ISR", "IRN", "19", Modality::Asserted),
        "{:?}",
        summary(&code(s))
    );
    let s = "The planned visit to Moscow by the Chinese president was confirmed.";
    assert!(
        has(&code(s), "CHN", "RUS", "04", Modality::Future),
        "{:?}",
        summary(&code(s))
    );
}

#[test]
fn a_meeting_without_an_agent_is_its_clause_subjects_with_each_other() {
    let s = "Obama and Putin failed to find common ground during meeting in China.";
    assert!(
        has(&code(s), "USA", "RUS", "04", Modality::Asserted),
        "{:?}",
        summary(&code(s))
    );
    assert!(
        has(&code(s), "RUS", "USA", "04", Modality::Asserted),
        "{:?}",
        summary(&code(s))
    );
}

#[test]
fn a_clash_with_someone_goes_both_ways() {
    let s = "Turkish troops clashed with Syrian troops near the border.";
    assert!(
        has(&code(s), "TURMIL", "SYRMIL", "19", Modality::Asserted),
        "{:?}",
        summary(&code(s))
    );
    assert!(
        has(&code(s), "SYRMIL", "TURMIL", "19", Modality::Asserted),
        "{:?}",
        summary(&code(s))
    );
}

#[test]
fn nouns_that_name_things_or_roles_as_adjectives_name_no_agent() {
    // "target" is the thing struck; "military" describes the aid.
    let s = "The jets hit an Islamic State target southwest of Baghdad.";
    assert!(
        !summary(&code(s))
            .iter()
            .any(|(src, t, _, _)| src.starts_with("IMG") && t.starts_with("IRQ")),
        "{:?}",
        summary(&code(s))
    );
    let s = "Officials weighed expanding military aid to rebels vetted by the United States.";
    assert!(!any_root(&code(s), "07"), "{:?}", summary(&code(s)));
}

#[test]
fn a_protest_noun_names_its_protesters_by_the_place_it_happens_in() {
    let s = "Largely peaceful protests in Tehran continued on Monday.";
    assert!(
        has(&code(s), "IRNOPP", "IRN", "14", Modality::Asserted),
        "{:?}",
        summary(&code(s))
    );
    let s = "The protests in Chile against the government began in October.";
    assert!(
        has(&code(s), "CHLOPP", "CHL", "14", Modality::Asserted),
        "{:?}",
        summary(&code(s))
    );
    // A verb with its object is no protest noun, and "to demonstrate" is
    // an infinitive.
    let s = "In Tehran, this case demonstrates that the courts are weak.";
    assert!(!any_root(&code(s), "14"), "{:?}", summary(&code(s)));
    let s = "The sanctions in Tehran are meant to demonstrate to Iran that there are costs.";
    assert!(!any_root(&code(s), "14"), "{:?}", summary(&code(s)));
}

#[test]
fn a_meeting_named_for_next_month_is_future() {
    let s = "Russia and Saudi Arabia set out their plans during a meeting due next month.";
    assert!(
        has(&code(s), "RUS", "SAU", "04", Modality::Future),
        "{:?}",
        summary(&code(s))
    );
    assert!(
        !has(&code(s), "RUS", "SAU", "04", Modality::Asserted),
        "{:?}",
        summary(&code(s))
    );
}

#[test]
fn the_subject_of_a_receiving_verb_is_who_the_noun_was_done_to() {
    let s = "Israel faced stiff international and Egyptian criticism on Tuesday.";
    assert!(
        has(&code(s), "EGY", "ISR", "11", Modality::Asserted),
        "{:?}",
        summary(&code(s))
    );
    let s = "The Turkish government drew sharp condemnation from Germany.";
    assert!(
        has(&code(s), "DEU", "TURGOV", "11", Modality::Asserted),
        "{:?}",
        summary(&code(s))
    );
}
