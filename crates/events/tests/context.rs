//! Role words with no country of their own take one from their context, on
//! sentences written for these tests.

use events::EventCoder;
use model::{Analysis, Document, Entity, EntityType, Span};

/// (source, target, cameo) of every event of `text`, on a page at `url`,
/// with the entities given.
fn code_document(
    text: &str,
    url: Option<&str>,
    entities: Vec<Entity>,
) -> Vec<(String, String, String)> {
    let mut a = Analysis::new(Document::default());
    a.document.article.text = text.to_string();
    a.document.article.url = url.map(str::to_string);
    a.entities = entities;
    EventCoder::new().annotate(&mut a);
    a.events
        .iter()
        .map(|e| {
            let actor = |r: &Option<model::Reference>| {
                r.as_ref().and_then(|r| r.actor.clone()).unwrap_or_default()
            };
            (actor(&e.source), actor(&e.target), e.cameo.clone())
        })
        .collect()
}

/// Events with the entities given.
fn code_with(text: &str, entities: Vec<Entity>) -> Vec<(String, String, String)> {
    code_document(text, None, entities)
}

fn code(text: &str) -> Vec<(String, String, String)> {
    code_with(text, Vec::new())
}

/// An entity `name` of `kind` coded `actor`, mentioned wherever `text`
/// has its name.
fn entity(text: &str, name: &str, kind: EntityType, actor: Option<&str>) -> Entity {
    Entity {
        id: "e1".into(),
        name: name.into(),
        kind,
        actor: actor.map(str::to_string),
        mentions: text
            .match_indices(name)
            .map(|(s, _)| Span::new(s, s + name.len()))
            .collect(),
        titles: Vec::new(),
    }
}

fn has(events: &[(String, String, String)], source: &str, target: &str, root: &str) -> bool {
    events
        .iter()
        .any(|(s, t, c)| s == source && t.starts_with(target) && c.starts_with(root))
}

#[test]
fn the_dateline_gives_police_their_country() {
    let got = code("KABUL, Afghanistan (AP) — Police arrested a British journalist on Tuesday.");
    assert!(has(&got, "AFGCOP", "GBR", "17"), "{got:?}");
}

#[test]
fn the_place_of_the_sentence_comes_before_the_dateline() {
    let got = code("MOSCOW — Police arrested a British journalist in Minsk on Tuesday.");
    assert!(has(&got, "BLRCOP", "GBR", "17"), "{got:?}");
}

#[test]
fn an_earlier_mention_of_the_same_role_names_the_country() {
    let got = code(
        "Hong Kong police surrounded the campus on Monday. \
         Police later arrested a British journalist.",
    );
    assert!(has(&got, "HKGCOP", "GBR", "17"), "{got:?}");
}

#[test]
fn its_foreign_ministry_is_the_antecedents() {
    let got = code(
        "Azerbaijan recalled its envoy on Monday. \
         Its foreign ministry accused Armenia of shelling border villages.",
    );
    assert!(has(&got, "AZEGOV", "ARM", "11"), "{got:?}");
}

#[test]
fn the_articles_main_country_is_the_last_resort() {
    let text = "Iran faces a new wave of unrest. Iran has blamed foreign powers. \
                Protesters attacked a Chinese diplomat on Friday.";
    let iran = entity(text, "Iran", EntityType::Gpe, Some("IRN"));
    assert_eq!(iran.mentions.len(), 2);
    let got = code_with(text, vec![iran]);
    assert!(has(&got, "IRNOPP", "CHN", "1"), "{got:?}");
}

#[test]
fn two_unnamed_roles_both_take_the_context_country() {
    // Without context this pair would be two unnamed groups and no event.
    let got = code("TEHRAN, Iran — Riot police fired on protesters on Saturday.");
    assert!(has(&got, "IRNCOP", "IRNOPP", "17"), "{got:?}");
    let alone = code("Riot police fired on protesters on Saturday.");
    assert!(alone.is_empty(), "{alone:?}");
}

#[test]
fn police_force_on_their_own_protesters_is_repression() {
    let got = code("TEHRAN, Iran — Police assaulted protesters on Saturday.");
    assert!(has(&got, "IRNCOP", "IRNOPP", "175"), "{got:?}");
    // On another country's people it stays an assault.
    let got = code("TEHRAN, Iran — Police assaulted British journalists on Saturday.");
    assert!(has(&got, "IRNCOP", "GBR", "18"), "{got:?}");
}

#[test]
fn a_document_naming_one_country_is_its_main_country() {
    let text = "Protests spread across Iran after a fuel price rise. \
                Police fired on protesters in several cities.";
    let iran = entity(text, "Iran", EntityType::Gpe, Some("IRN"));
    let got = code_with(text, vec![iran]);
    assert!(has(&got, "IRNCOP", "IRNOPP", "17"), "{got:?}");
}

#[test]
fn with_no_context_the_role_stays_countryless() {
    let got = code("Police arrested a British journalist on Tuesday.");
    assert!(has(&got, "---COP", "GBR", "17"), "{got:?}");
}

#[test]
fn world_leaders_are_no_one_country() {
    let got = code("MOSCOW — World leaders condemned North Korea's nuclear test on Friday.");
    assert!(!got.iter().any(|(s, _, _)| s == "RUSGOV"), "{got:?}");
}

/// Events on a page at `url`.
fn code_page(url: &str, text: &str) -> Vec<(String, String, String)> {
    code_document(text, Some(url), Vec::new())
}

#[test]
fn sports_results_are_no_events() {
    // A sports section: "beat" is a result, not an assault.
    let got = code_page(
        "https://sports.example.com/tennis/davis-cup-roundup",
        "Russia beat Croatia on Monday.",
    );
    assert!(got.is_empty(), "{got:?}");
    // Elsewhere, the score and the sports words give it away.
    let got = code_page(
        "https://news.example.com/world/roundup",
        "Wales beat Hungary 2-0 in the qualifying tournament on Tuesday.",
    );
    assert!(got.is_empty(), "{got:?}");
    // A vote tally is no score, and war news stays news.
    let got = code_page(
        "https://news.example.com/world/roundup",
        "Russian troops attacked Ukraine on Tuesday, a week after the Senate voted 52-48.",
    );
    assert!(has(&got, "RUSMIL", "UKR", "19"), "{got:?}");
}

#[test]
fn market_moves_are_no_attacks() {
    let url = "https://news.example.com/markets/today";
    let got = code_page(url, "Chinese firms attacked Japan on Tuesday.");
    assert!(has(&got, "CHNBUS", "JPN", "19"), "{got:?}");
    let got = code_page(
        url,
        "Chinese firms attacked Japan as shares fell on Tuesday.",
    );
    assert!(!got.iter().any(|(_, _, c)| c.starts_with("19")), "{got:?}");
}

#[test]
fn another_role_word_is_no_coreferent_mention() {
    // "officials" do not corefer with "the U.S. defence secretary": the
    // dateline places them.
    let got = code(
        "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper arrived on Tuesday. \
         Officials accused China of bullying its neighbours.",
    );
    assert!(has(&got, "VNMGOV", "CHN", "11"), "{got:?}");
}

#[test]
fn he_after_a_person_with_no_actor_is_that_person() {
    let text = "Swedish prosecutors dropped the case on Tuesday. Julian Assange fought \
                extradition to the United States, which accuses him of espionage and \
                accuses Russia of hacking.";
    let assange = entity(text, "Julian Assange", EntityType::Person, None);
    let got = code_with(text, vec![assange]);
    // "him" is Assange, whom the coder has no actor for: not the prosecutors.
    assert!(!has(&got, "USA", "SWE", "11"), "{got:?}");
    assert!(has(&got, "USA", "RUS", "112"), "{got:?}");
}

#[test]
fn gunmen_keep_no_country_but_police_take_the_datelines() {
    let got = code("KABUL, Afghanistan (AP) — Gunmen abducted two British teachers on Monday.");
    assert!(has(&got, "---REB", "GBR", "18"), "{got:?}");
    let got = code("KABUL, Afghanistan (AP) — Police arrested two British teachers on Monday.");
    assert!(has(&got, "AFGCOP", "GBR", "17"), "{got:?}");
}

#[test]
fn a_pronoun_takes_the_country_its_antecedent_took() {
    let got = code(
        "TEHRAN, Iran — Protesters marched on Friday. \
         Police threatened to arrest them on Saturday.",
    );
    assert!(has(&got, "IRNCOP", "IRNOPP", "1"), "{got:?}");
}

#[test]
fn the_us_parties_are_american_wherever_the_sentence_is() {
    let got = code("MOSCOW — Republicans criticized Russia on Monday.");
    assert!(has(&got, "USAPTY", "RUS", "11"), "{got:?}");
    // Another country's party that shares the word is not.
    let got = code("Social Democrats criticized Russia on Monday.");
    assert!(!got.iter().any(|(s, _, _)| s.starts_with("USA")), "{got:?}");
}

#[test]
fn private_people_on_both_sides_are_no_event() {
    let got = code("LONDON — Newspapers accused the victims of lying on Monday.");
    assert!(got.is_empty(), "{got:?}");
    let got = code("LONDON — Police accused the victims of lying on Monday.");
    assert!(has(&got, "GBRCOP", "GBRCVL", "112"), "{got:?}");
}

#[test]
fn a_protest_against_no_one_is_against_its_countrys_government() {
    let got = code("TEHRAN, Iran — Hundreds of demonstrators blocked roads on Friday.");
    assert!(has(&got, "IRNOPP", "IRNGOV", "14"), "{got:?}");
    // A country itself protests to others, not to its own government.
    let got = code("TEHRAN, Iran — Iran protested on Friday.");
    assert!(!has(&got, "IRN", "IRNGOV", "14"), "{got:?}");
}

#[test]
fn people_a_force_acts_on_take_the_forces_country_and_them_is_them() {
    let got = code(
        "Protesters in Beijing marched on Sunday. \
         Hong Kong police have laid siege to a university, pinning 800 students \
         inside and threatened to use live ammunition on them.",
    );
    assert!(has(&got, "HKGCOP", "HKGEDU", "13"), "{got:?}");
    assert!(!got.iter().any(|(_, t, _)| t.starts_with("CHN")), "{got:?}");
}

#[test]
fn a_visit_at_home_is_no_event() {
    let got =
        code("Netanyahu visited a settlement in the West Bank south of Jerusalem on Tuesday.");
    assert!(
        !got.iter()
            .any(|(s, t, _)| s.starts_with("ISR") && t.starts_with("ISR")),
        "{got:?}"
    );
}

#[test]
fn an_appeal_to_the_government_by_its_own_politicians_stays_at_home() {
    let text = "Kenya held a disputed election in August. Kenya closed its border. \
                Kenyan opposition leaders called on the government to release the activists.";
    let kenya = entity(text, "Kenya", EntityType::Gpe, Some("KEN"));
    let got = code_with(text, vec![kenya]);
    assert!(has(&got, "KENOPP", "KENGOV", "02"), "{got:?}");
    // Other unnamed officials met by the country's own still are not its own.
    let text = "Kenya held a disputed election in August. Kenya closed its border. \
                Kenyan diplomats met officials on Monday.";
    let kenya = entity(text, "Kenya", EntityType::Gpe, Some("KEN"));
    let got = code_with(text, vec![kenya]);
    assert!(!has(&got, "KENGOV", "KEN", "04"), "{got:?}");
}

#[test]
fn lawmakers_appeal_to_their_own_administration_in_an_article_on_another_country() {
    let text = "Russia denied any role in the hacking. Russia rejected the report. \
                American lawmakers called on the administration to punish Russia.";
    let russia = entity(text, "Russia", EntityType::Gpe, Some("RUS"));
    let got = code_with(text, vec![russia]);
    assert!(has(&got, "USALEG", "USAGOV", "02"), "{got:?}");
    assert!(!has(&got, "USALEG", "RUSGOV", "02"), "{got:?}");
}

#[test]
fn a_pronoun_for_a_titled_person_keeps_the_articles_country() {
    // The article is about the United States first and Russia second; "He"
    // points back at "Senator Bernie Sanders", a named office-holder the
    // text gives no other country, so he is American, not the runner-up's.
    let text = "Trump praised Russia on Monday. Russia welcomed the remarks by Trump. \
                Senator Bernie Sanders spoke on Tuesday. He criticized Trump on Wednesday.";
    let mut trump = entity(text, "Trump", EntityType::Person, Some("USAGOV"));
    trump.id = "e2".into();
    let mut russia = entity(text, "Russia", EntityType::Gpe, Some("RUS"));
    russia.id = "e3".into();
    let sanders = entity(text, "Bernie Sanders", EntityType::Person, None);
    let got = code_with(text, vec![trump, russia, sanders]);
    assert!(has(&got, "USALEG", "USA", "11"), "{got:?}");
    assert!(!got.iter().any(|(s, _, _)| s == "RUSLEG"), "{got:?}");
}

#[test]
fn an_institution_named_without_a_country_is_the_articles() {
    // "Congress" is a proper name: the article's own country's
    // legislature, not the runner-up's, though the other side is American.
    let text = "Trump praised Russia on Monday. Russia welcomed the remarks by Trump. \
                Trump met Congress on Tuesday.";
    let mut trump = entity(text, "Trump", EntityType::Person, Some("USAGOV"));
    trump.id = "e2".into();
    let mut russia = entity(text, "Russia", EntityType::Gpe, Some("RUS"));
    russia.id = "e3".into();
    let got = code_with(text, vec![trump, russia]);
    assert!(has(&got, "USAGOV", "USALEG", "04"), "{got:?}");
    assert!(!got.iter().any(|(_, t, _)| t == "RUSLEG"), "{got:?}");
}

#[test]
fn her_administration_is_the_persons_countrys() {
    // "her" is Clinton: her administration is American, though the other
    // side is American too and the article's runner-up is Saudi Arabia.
    let text = "Clinton met Saudi Arabia's king on Monday. Saudi Arabia thanked Clinton. \
                Clinton said her administration would criticize Trump.";
    let mut clinton = entity(text, "Clinton", EntityType::Person, Some("USAELI"));
    clinton.id = "e2".into();
    let mut saudi = entity(text, "Saudi Arabia", EntityType::Gpe, Some("SAU"));
    saudi.id = "e3".into();
    let mut trump = entity(text, "Trump", EntityType::Person, Some("USAGOV"));
    trump.id = "e4".into();
    let got = code_with(text, vec![clinton, saudi, trump]);
    assert!(has(&got, "USAGOV", "USAGOV", "11"), "{got:?}");
    assert!(!has(&got, "SAUGOV", "USAGOV", "11"), "{got:?}");
}

#[test]
fn whom_a_politician_criticizes_at_home_is_of_home() {
    // "the media" a US politician denounces are his country's, not the
    // country the article is second most about.
    let text = "Trump praised Russia on Monday. Russia welcomed the remarks by Trump. \
                Trump denounced the media on Tuesday.";
    let mut trump = entity(text, "Trump", EntityType::Person, Some("USAGOV"));
    trump.id = "e2".into();
    let mut russia = entity(text, "Russia", EntityType::Gpe, Some("RUS"));
    russia.id = "e3".into();
    let got = code_with(text, vec![trump, russia]);
    assert!(has(&got, "USAGOV", "USAMED", "11"), "{got:?}");
    assert!(!has(&got, "USAGOV", "RUSMED", "11"), "{got:?}");
}

#[test]
fn a_us_state_named_like_a_country_places_its_sentence_in_the_united_states() {
    // The entity stage read "Georgia" as the state (the article names
    // Ohio too): "in Georgia" is no sentence in the country Georgia.
    let text = "Voters in Ohio were angry. In Georgia, police arrested a British \
                journalist on Tuesday.";
    let entities = vec![
        entity(text, "Georgia", EntityType::Gpe, Some("USA")),
        entity(text, "Ohio", EntityType::Gpe, Some("USA")),
    ];
    let got = code_with(text, entities);
    assert!(has(&got, "USACOP", "GBR", "17"), "{got:?}");
    assert!(!got.iter().any(|(s, _, _)| s.starts_with("GEO")), "{got:?}");
}
