//! From mentions to entities: mention clustering within a document and
//! actor codes.
//!
//! Mentions of one thing are merged: a person's full name and surname
//! ("Jake Sullivan" … "Sullivan"), a name and its acronym ("The New York
//! Times" / "NYT"), every name of a country ("U.S.", "United States",
//! "America"). Demonyms ("Chinese") are NORP entities coded with their
//! country, split by the role the text gives them ("Chinese media" → CHNMED,
//! "Chinese embassy" → CHNGOV). Capitals used as actors ("Beijing warned")
//! and seats ("the Kremlin") stand for governments. A person takes the
//! country (and role) of the nationality or title before his first full
//! mention ("American Kevin King", "Nigerian senator Dino Melaye") or of an
//! appositive after it ("Harris of the US Pacific Command"), and his later
//! surname-only mentions share it through the cluster.

mod actors;
mod index;
pub mod mentions;

use index::{ClusterIndex, Indexed, Kinds, MentionIndex};
use mentions::Mention;
use model::{Budget, Entity, EntityType, OverBudget, Span};

/// Everything clustering needs to know about the text around mentions.
pub struct Context<'a> {
    /// The article text.
    pub text: &'a str,
    /// All tokens.
    pub tokens: &'a [Span],
    /// For each token, the index of the first token of its sentence.
    pub sentence_of: &'a [usize],
    /// The publication date, which dates leaders' offices.
    pub published: Option<chrono::NaiveDate>,
}

impl Context<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.slice(self.text))
    }
}

/// An entity being built.
struct Cluster {
    name: String,
    kinds: Kinds,
    actor: Option<String>,
    /// Actor codes with a role outrank bare country codes.
    actor_has_role: bool,
    /// Whether the code is a leader's from the dated table, which outranks
    /// what the words around any other mention suggest.
    actor_is_leader: bool,
    mentions: Vec<Span>,
    /// Titles written before its person mentions ("Dr.", "President").
    titles: Vec<Span>,
}

impl Cluster {
    /// What [`ClusterIndex`] finds it by.
    fn indexed(&self) -> Indexed<'_> {
        Indexed {
            name: &self.name,
            kinds: &self.kinds,
        }
    }
}

/// Words that do not count towards an acronym ("The New York Times" → NYT).
const ACRONYM_SKIP: &[&str] = &["The", "the", "of", "and", "for", "&", "de", "on"];

/// The acronym of a multi-word name.
fn acronym(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| !ACRONYM_SKIP.contains(w))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// Whether `word` reads as an acronym ("NYT", "U.S.", "NATO").
fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase())
}

/// The cluster key of a mention: mentions with equal keys are one entity.
fn base_key(name: &str, kind: EntityType) -> String {
    let name = name.strip_prefix("The ").unwrap_or(name);
    if matches!(kind, EntityType::Gpe | EntityType::Norp | EntityType::Loc) {
        if let Some(c) = gazetteer::country_by_name(name) {
            return format!("country:{}", c.iso3);
        }
    }
    // One string, lower-cased into it: a long page's mentions each make
    // their key.
    let mut key = String::with_capacity(kind.as_str().len() + 1 + name.len());
    key.push_str(kind.as_str());
    key.push(':');
    if name.is_ascii() {
        key.extend(name.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        key.push_str(&name.to_lowercase());
    }
    key
}

/// The role word nearest after token `end` (up to two words on, across
/// connectors), the longest role phrase there: "Chinese embassy spokesman"
/// → GOV, "Chinese media" → MED, "Syrian defense ministry" → MIL.
fn role_after(cx: &Context<'_>, end: usize) -> Option<&'static str> {
    for k in end..(end + 3).min(cx.tokens.len()) {
        let w = cx.word(k);
        let words: Vec<String> = (k..(k + 4).min(cx.tokens.len()))
            .map(|i| cx.word(i).to_lowercase())
            .collect();
        if let Some(r) = actors::role_at(&words) {
            return Some(r);
        }
        let lower = w.to_lowercase();
        if !actors::is_connector(&lower) || w == "," {
            return None;
        }
    }
    None
}

/// Whether the mention is used as a place ("in Rome") rather than an actor.
fn is_locative(cx: &Context<'_>, first: usize) -> bool {
    // Compared without lower-casing the word into a new string: no
    // character but an ASCII letter lower-cases to one of these letters.
    first > 0
        && [
            "in", "at", "to", "from", "near", "into", "outside", "across", "via",
        ]
        .iter()
        .any(|p| cx.word(first - 1).eq_ignore_ascii_case(p))
}

/// The country a mention names when used as an actor: a demonym, a
/// country not used as a place, or an organisation whose name starts
/// with one ("US Pacific Command").
fn mention_country(cx: &Context<'_>, o: &Mention, all: &MentionIndex<'_>) -> Option<&'static str> {
    let name = o.span.slice(cx.text);
    match o.kind {
        EntityType::Norp => gazetteer::country_by_demonym(name).map(|c| c.iso3),
        EntityType::Gpe if !is_locative(cx, o.first) => country_named(all, name).map(|c| c.iso3),
        // The tagger may type a command or agency a place ("United States
        // Pacific Command"): its leading words name the country, one to
        // three of them.
        EntityType::Org | EntityType::Loc => {
            let bare = name.strip_prefix("The ").unwrap_or(name);
            let ends = bare.match_indices(' ').map(|(i, _)| i).take(3);
            ends.filter_map(|i| {
                let lead = &bare[..i];
                gazetteer::country_by_name(lead).or_else(|| gazetteer::country_by_demonym(lead))
            })
            .last()
            .or_else(|| {
                // A name of one word is its own country only if it is one.
                (!bare.contains(' ') && o.kind == EntityType::Org)
                    .then(|| {
                        gazetteer::country_by_name(bare)
                            .or_else(|| gazetteer::country_by_demonym(bare))
                    })
                    .flatten()
            })
            .map(|c| c.iso3)
        }
        _ => None,
    }
}

/// The country (and role) an appositive after a person's name gives him:
/// "Harris of the US Pacific Command", "Dino Melaye, a Nigerian senator,"
/// "Ana Ruiz, the president of Peru", "Harris, who leads the US Pacific
/// Command".
fn appositive_actor(
    cx: &Context<'_>,
    m: &Mention,
    all: &MentionIndex<'_>,
) -> Option<(String, bool)> {
    let start = cx.sentence_of.get(m.first).copied().unwrap_or(0);
    if !matches!(cx.word(m.end), "of" | ",") {
        return None;
    }
    let mut role: Option<&str> = None;
    let mut led = false;
    let mut k = m.end;
    let limit = (m.end + 8).min(cx.tokens.len());
    while k < limit {
        if cx.sentence_of.get(k).copied().unwrap_or(start) != start {
            return None;
        }
        if let Some(o) = all.covering(k) {
            // A place is what a person leads only after "who leads" (a
            // place's name after a comma is more often a list's next item).
            if o.kind == EntityType::Person || (o.kind == EntityType::Loc && !led) {
                return None;
            }
            let iso3 = mention_country(cx, o, all)?;
            // The role may follow the demonym ("a Nigerian senator") or sit
            // inside the organisation's name ("US Pacific Command").
            let inner = (o.kind == EntityType::Org)
                .then(|| (o.first..o.end).find_map(|i| actors::role_of(cx.word(i))))
                .flatten();
            let role = role.or(inner).or_else(|| role_after(cx, o.end));
            return Some(match role {
                Some(r) => (format!("{iso3}{r}"), true),
                None => (iso3.to_string(), false),
            });
        }
        let w = cx.word(k);
        let lower = w.to_lowercase();
        // ", who leads the US Pacific Command": he is of what he leads.
        let leading = |i: usize| {
            let verbs = &lexicon::actor_words().leading_verbs;
            verbs.contains(&cx.word(i).to_lowercase().as_str())
        };
        let who_leads = (lower == "who" && k == m.end + 1 && leading(k + 1))
            || (k == m.end + 2 && cx.word(k - 1) == "who" && leading(k));
        led |= who_leads;
        if let Some(r) = actors::role_of(w) {
            role = role.or(Some(r));
        } else if !(matches!(lower.as_str(), "a" | "an" | "of" | "the" | ",")
            || who_leads
            || actors::is_connector(&lower)
            || w.chars().next().is_some_and(char::is_uppercase))
        {
            return None;
        }
        // A second comma closes the appositive.
        if w == "," && k > m.end {
            return None;
        }
        k += 1;
    }
    None
}

/// The actor code a person's mention gets from the words before it:
/// "U.S. national security adviser Jake Sullivan" → USAGOV, "American
/// Kevin King" → USA; failing that, from an appositive after it.
fn person_actor(cx: &Context<'_>, m: &Mention, all: &MentionIndex<'_>) -> Option<(String, bool)> {
    person_actor_before(cx, m, all).or_else(|| appositive_actor(cx, m, all))
}

/// [`person_actor`] from the words before the name.
fn person_actor_before(
    cx: &Context<'_>,
    m: &Mention,
    all: &MentionIndex<'_>,
) -> Option<(String, bool)> {
    let start = cx.sentence_of.get(m.first).copied().unwrap_or(0);
    let mut role: Option<&str> = None;
    // A US title before the name ("Sen.", "Gov."): its role, and whether
    // it is the US Congress's own.
    let mut us_title: Option<(&str, bool)> = None;
    // Whether a word that may join two noun phrases ("Russia and John
    // Smith", "in Syria, Ali Haidar") stands between: a bare nationality
    // is then not his.
    let mut joined = false;
    let mut k = m.first;
    let floor = m.first.saturating_sub(10).max(start);
    while k > floor {
        k -= 1;
        let w = cx.word(k);
        if us_title.is_none() && !joined {
            // An abbreviation the tokeniser does not know ends in a token
            // of its own ("Sens" + "."), which the tagger may take for a
            // name of its own.
            let at = if w == "." && k > floor { k - 1 } else { k };
            let title = lexicon::name_words()
                .us_title(cx.word(at))
                .filter(|t| opens_us_title(cx, all, at, start, t.0));
            if let Some(t) = title {
                us_title = Some(t);
                let named = all.covering(at).filter(|o| o.end - o.first == 1);
                if at < k || named.is_some_and(|o| o.kind != EntityType::Person) {
                    k = at;
                    continue;
                }
            }
        }
        if let Some(other) = all.covering(k) {
            if other.kind == EntityType::Person {
                return None;
            }
            let name = other.span.slice(cx.text);
            if let Some(code) = actors::seat_actor(name).or_else(|| actors::outlet_actor(name)) {
                return Some((code.to_string(), true));
            }
            // A US state before a title or role is the United States',
            // whatever else its name names ("Georgia Rep. John Lewis").
            if other.kind == EntityType::Gpe && is_us_state(name) {
                if let Some(r) = us_title.map(|t| t.0).or(role) {
                    return Some((format!("USA{r}"), true));
                }
            }
            // A title of the US Congress joined to another country's name
            // ("Russia and Sen. John McCain") is still the Congress's.
            if joined && us_title.is_some_and(|t| t.1) {
                break;
            }
            let country = match other.kind {
                EntityType::Gpe if !is_locative(cx, other.first) => {
                    country_named(all, name).map(|c| c.iso3)
                }
                EntityType::Norp => gazetteer::country_by_demonym(name).map(|c| c.iso3),
                _ => None,
            };
            if let Some(iso3) = country {
                return match us_title.map(|t| t.0).or(role) {
                    Some(r) => Some((format!("{iso3}{r}"), true)),
                    None if !joined => Some((iso3.to_string(), false)),
                    None => None,
                };
            }
            k = other.first;
            continue;
        }

        if let Some(r) = actors::role_of(w) {
            role = role.or(Some(r));
            continue;
        }
        let lower = w.to_lowercase();
        if matches!(lower.as_str(), "and" | "," | "in" | "by" | "of" | "the") {
            joined = true;
        }
        let first_char = w.chars().next();
        if first_char.is_some_and(char::is_uppercase) || actors::is_connector(&lower) {
            continue;
        }
        break;
    }
    // A title of the US Congress with no other country before it in its
    // phrase ("Sen. Ted Cruz", "Representative Michele Bachmann") is a US
    // lawmaker's, whatever country the sentence names elsewhere; a
    // governor's is a US state's when a party–state tag or "of" a state
    // follows the name ("Gov. John Kasich of Ohio").
    match us_title {
        Some((r, true)) => return Some((format!("USA{r}"), true)),
        Some((r, false)) if party_tag_after(cx.text, m.span.end) || us_state_after(cx, m, all) => {
            return Some((format!("USA{r}"), true));
        }
        _ => {}
    }
    // A role without a country in the noun phrase ("led by Foreign Minister
    // Kari Lund", "fisheries minister Paul Moreau"): the nearest country
    // or nationality named as an actor earlier in the sentence.
    let role = role?;
    all.starting_in(start, m.first)
        .iter()
        .rev()
        .filter(|o| o.end <= m.first && o.first >= start)
        .find_map(|o| {
            let name = o.span.slice(cx.text);
            match o.kind {
                EntityType::Norp => gazetteer::country_by_demonym(name).map(|c| c.iso3),
                EntityType::Gpe if !is_locative(cx, o.first) => {
                    country_named(all, name).map(|c| c.iso3)
                }
                _ => None,
            }
        })
        .map(|iso3| (format!("{iso3}{role}"), true))
}

/// Whether the US title at token `at` (of role `role`) is the US
/// Congress's or a governor's own: a title that is also another role's
/// word ("Representative", an envoy's in "Special Representative", "EU High
/// Representative") is only where it opens its phrase — after a lower-case
/// word, at the sentence's start, or after a US state or the United States.
fn opens_us_title(
    cx: &Context<'_>,
    all: &MentionIndex<'_>,
    at: usize,
    start: usize,
    role: &str,
) -> bool {
    if actors::role_of(cx.word(at)).is_none_or(|r| r == role) || at <= start {
        return true;
    }
    let before = cx.word(at - 1);
    if at - 1 == start || !before.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    all.covering(at - 1).is_some_and(|o| {
        let name = o.span.slice(cx.text);
        o.kind == EntityType::Gpe
            && (is_us_state(name)
                || gazetteer::country_by_name(name).is_some_and(|c| c.iso3 == "USA"))
    })
}

/// Whether `name` is a US state's ("Georgia", "New Jersey"), whatever else
/// it names.
fn is_us_state(name: &str) -> bool {
    gazetteer::region(name).is_some_and(|r| r.country == "USA")
}

/// The country `name` names, unless the document reads it as the US state
/// of that name ([`reads_us_states`]).
fn country_named(all: &MentionIndex<'_>, name: &str) -> Option<&'static gazetteer::Country> {
    gazetteer::country_by_name(name).filter(|_| !(all.us_states && is_us_state(name)))
}

/// Whether the document reads a name that is both a US state and a country
/// ("Georgia") as the state: it names another US state ("Ohio", "New
/// Jersey") and neither a nationality nor a capital of such a country
/// ("Georgian", "Tbilisi").
fn reads_us_states(cx: &Context<'_>, mentions: &[Mention]) -> bool {
    let mut other_state = false;
    for m in mentions {
        if !matches!(m.kind, EntityType::Gpe | EntityType::Norp) {
            continue;
        }
        let name = m.span.slice(cx.text);
        let country = gazetteer::country_by_demonym(name)
            .or_else(|| gazetteer::country_by_capital(name))
            .or_else(|| gazetteer::country_by_name(name));
        match country {
            Some(c) if c.name != name && is_us_state(c.name) => return false,
            Some(_) => {}
            None => other_state |= m.kind == EntityType::Gpe && is_us_state(name),
        }
    }
    other_state
}

/// Whether a US party–state tag follows the name ending at byte `end`:
/// "(R-Ga.)", ", D-Calif.,", "(R)" — the way US news marks members of
/// Congress and governors.
fn party_tag_after(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("").trim_start();
    let (paren, rest) = match rest.strip_prefix('(') {
        Some(r) => (true, r),
        None => match rest.strip_prefix(',') {
            Some(r) => (false, r.trim_start()),
            None => return false,
        },
    };
    let mut cs = rest.chars();
    if !matches!(cs.next(), Some('R' | 'D' | 'I')) {
        return false;
    }
    match cs.next() {
        Some('-' | '–') => cs.next().is_some_and(char::is_uppercase),
        Some(')') => paren,
        _ => false,
    }
}

/// Whether "of" or "from" and a US state follow the person's mention
/// ("Gov. John Kasich of Ohio").
fn us_state_after(cx: &Context<'_>, m: &Mention, all: &MentionIndex<'_>) -> bool {
    matches!(cx.word(m.end), "of" | "from")
        && all.covering(m.end + 1).is_some_and(|o| {
            o.first == m.end + 1 && o.kind == EntityType::Gpe && is_us_state(o.span.slice(cx.text))
        })
}

/// The actor code of a mention, and whether it carries a role.
///
/// `leader` is `gazetteer::leaders::leader` of its name, which the caller
/// reads too.
fn mention_actor(
    cx: &Context<'_>,
    m: &Mention,
    all: &MentionIndex<'_>,
    leader: Option<&gazetteer::leaders::Leader>,
) -> Option<(String, bool)> {
    let name = m.span.slice(cx.text);
    let bare = name.strip_prefix("The ").unwrap_or(name);
    // A head of state or government, foreign or defence minister is his
    // own country's, in office or not on the day of publication, whatever
    // country the sentence names beside him (and whatever type the tagger
    // gave the name).
    if let Some(leader) = leader {
        return Some((leader.code_on(cx.published), true));
    }
    match m.kind {
        EntityType::Person => person_actor(cx, m, all),
        EntityType::Org => actors::seat_actor(bare)
            .or_else(|| actors::outlet_actor(bare))
            .map(|a| (a.to_string(), true)),
        EntityType::Norp => {
            let c = gazetteer::country_by_demonym(name)?;
            Some(match role_after(cx, m.end) {
                Some(r) => (format!("{}{r}", c.iso3), true),
                None => (c.iso3.to_string(), false),
            })
        }
        EntityType::Gpe => {
            if let Some(c) = country_named(all, name) {
                return Some((c.iso3.to_string(), false));
            }
            // A capital used as an actor stands for its government.
            if !is_locative(cx, m.first) {
                if let Some(code) = actors::capital_actor(name) {
                    return Some((code, true));
                }
            }
            gazetteer::city(name)
                .map(|c| c.country)
                .or_else(|| gazetteer::region(name).map(|r| r.country))
                .map(|iso3| (iso3.to_string(), false))
        }
        _ => None,
    }
}

/// Whether the person `full` ("Matt Bennett") has a given name that no
/// full name of `leader` ("Naftali Bennett") contains; a name with no
/// given name ("Bennett", "Mr. Bennett") has none. A relative ("Michelle
/// Obama") is another person too, and keeps no leader's code. The event
/// coder asks the same of its actor table's surnames.
pub fn other_given_name(full: &str, leader: &gazetteer::leaders::Leader) -> bool {
    other_given_name_than(full, &leader.names)
}

/// [`other_given_name`] against the names `names` of one person (full
/// names have a space; other forms are passed over), for a person a
/// table other than the leaders' knows by name.
pub fn other_given_name_than(full: &str, names: &[&str]) -> bool {
    let mut words = full.split(' ');
    let (Some(given), Some(_)) = (words.next(), words.next()) else {
        return false;
    };
    // A title or a word the tagger took into the name ("Mr. Bennett",
    // "Executive Carrie Lam", "If Trump", "Impeaching Trump") is no given
    // name.
    let lower = given.to_lowercase();
    if given.ends_with('.')
        || actors::role_of(given).is_some()
        || lower.ends_with("ing")
        || lexicon::english::is_english_function_word(&lower)
    {
        return false;
    }
    // "Executive Carrie Lam": a word before the leader's full name.
    !names
        .iter()
        .any(|n| n.contains(' ') && (full.ends_with(n) || n.split(' ').any(|w| w == given)))
}

/// The index of the cluster a mention joins, if any: the cluster of its
/// key; for a person, the most recent whose name it begins or ends (or
/// whose name ends it); an acronym's name or a name's acronym; for a lone
/// word, the most recent person it is the surname of.
fn find_cluster(index: &ClusterIndex, name: &str, kind: EntityType, key: &str) -> Option<usize> {
    if let Some(i) = index.by_key(key) {
        return Some(i);
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    match kind {
        EntityType::Person => index.person(&words),
        _ => None,
    }
    .or_else(|| {
        // Acronyms ↔ names ("NYT" / "The New York Times"), whatever type the
        // tagger gave the acronym.
        let bare = name.strip_prefix("The ").unwrap_or(name);
        let named_by_it = is_acronym(bare)
            .then(|| index.with_acronym(&bare.replace('.', "")))
            .flatten();
        let its_acronym = (kind != EntityType::Person)
            .then(|| index.named_as_acronym(&acronym(bare)))
            .flatten();
        match (named_by_it, its_acronym) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    })
    .or_else(|| {
        // A lone surname the tagger typed otherwise still joins a person.
        (words.len() == 1 && kind != EntityType::Gpe)
            .then(|| index.surname(words[0]))
            .flatten()
    })
}

/// Clusters mentions into entities with ids "e1", "e2", … in order of
/// first mention.
pub fn cluster(cx: &Context<'_>, mentions: &[Mention]) -> Vec<Entity> {
    // An unlimited budget never runs out.
    cluster_within(cx, mentions, &Budget::unlimited()).unwrap_or_default()
}

/// [`cluster`], checking `budget` every few mentions (each is compared with
/// the clusters so far).
///
/// # Errors
///
/// [`OverBudget`] when the budget runs out.
pub fn cluster_within(
    cx: &Context<'_>,
    mentions: &[Mention],
    budget: &Budget,
) -> Result<Vec<Entity>, OverBudget> {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut index = ClusterIndex::default();
    let mut all = MentionIndex::new(mentions, cx.tokens.len());
    all.us_states = reads_us_states(cx, mentions);
    for (n, m) in mentions.iter().enumerate() {
        if n % 64 == 0 {
            budget.check()?;
        }
        let name = m.span.slice(cx.text);
        let leader = gazetteer::leaders::leader(name);
        let actor = mention_actor(cx, m, &all, leader);
        let mut key = base_key(name, m.kind);
        if m.kind == EntityType::Norp {
            // Demonyms split by role: "Chinese media" is not "Chinese embassy".
            if let Some((code, _)) = &actor {
                key = format!("norp:{code}");
            }
        }
        let i = match find_cluster(&index, name, m.kind, &key) {
            Some(i) => i,
            None => {
                index.add_key(&key, clusters.len());
                clusters.push(Cluster {
                    name: String::new(),
                    kinds: Kinds::default(),
                    actor: None,
                    actor_has_role: false,
                    actor_is_leader: false,
                    mentions: Vec::new(),
                    titles: Vec::new(),
                });
                clusters.len() - 1
            }
        };
        let c = &mut clusters[i];
        let renamed = name.chars().count() > c.name.chars().count();
        // What the cluster is found by changes with its name and the types
        // of its mentions: re-index it then.
        let reindex = renamed
            || c.kinds.first().is_none()
            || (m.kind == EntityType::Person && !c.kinds.contains(EntityType::Person))
            || (matches!(m.kind, EntityType::Org | EntityType::Misc | EntityType::Gpe)
                && !c.kinds.named());
        if reindex {
            index.remove(i, &c.indexed());
        }
        if renamed {
            c.name = name.to_string();
        }
        c.kinds.push(m.kind);
        if reindex {
            index.insert(i, &c.indexed());
        }
        c.mentions.push(m.span);
        if m.kind == EntityType::Person {
            let start = cx.sentence_of.get(m.first).copied().unwrap_or(0);
            if let Some(t) = mentions::title_before(cx.text, cx.tokens, start, m.first) {
                c.titles.push(t);
            }
        }
        // "Matt Bennett … Bennett said": a surname the leader table lists
        // is not that leader when the person's given name is none of his.
        let namesake = leader.is_some_and(|l| !name.contains(' ') && other_given_name(&c.name, l));
        let is_leader = leader.is_some() && !namesake;
        let actor = actor.filter(|_| !namesake);
        if let Some((code, has_role)) = actor {
            let better = (has_role && !c.actor_has_role) || (is_leader && !c.actor_is_leader);
            if c.actor.is_none() || better {
                c.actor = Some(code);
                c.actor_has_role = has_role;
                c.actor_is_leader = is_leader;
            }
        }
    }
    Ok(clusters
        .into_iter()
        .enumerate()
        .map(|(i, c)| Entity {
            id: format!("e{}", i + 1),
            kind: c.kinds.majority(),
            name: c.name,
            actor: c.actor,
            mentions: c.mentions,
            titles: c.titles,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions_of(text: &str, names: &[(&str, EntityType)]) -> (Vec<Span>, Vec<Mention>) {
        let tokens = crate::tokenize::tokens(text);
        let mut out = Vec::new();
        let mut from = 0;
        for (name, kind) in names {
            let start = from + text[from..].find(name).unwrap();
            let end = start + name.len();
            from = end;
            let first = tokens.iter().position(|t| t.start == start).unwrap();
            let last = tokens.iter().position(|t| t.end == end).unwrap();
            out.push(Mention {
                span: Span::new(start, end),
                first,
                end: last + 1,
                kind: *kind,
            });
        }
        (tokens, out)
    }

    /// The entities `cluster` makes of `names` in `text`, one sentence.
    fn clustered(text: &str, names: &[(&str, EntityType)]) -> Vec<Entity> {
        let (tokens, mentions) = mentions_of(text, names);
        let sentence_of = vec![0; tokens.len()];
        let cx = Context {
            text,
            tokens: &tokens,
            sentence_of: &sentence_of,
            published: None,
        };
        cluster(&cx, &mentions)
    }

    #[test]
    fn clusters_country_names_surnames_and_acronyms() {
        let text = "The United States warned. U.S. envoy Ann Cole met NYT editors. \
                    America stood firm, Cole told The New York Times.";
        let entities = clustered(
            text,
            &[
                ("United States", EntityType::Gpe),
                ("U.S.", EntityType::Gpe),
                ("Ann Cole", EntityType::Person),
                ("NYT", EntityType::Org),
                ("America", EntityType::Gpe),
                ("Cole", EntityType::Person),
                ("The New York Times", EntityType::Org),
            ],
        );
        let names: Vec<(&str, usize)> = entities
            .iter()
            .map(|e| (e.name.as_str(), e.mentions.len()))
            .collect();
        assert_eq!(
            names,
            [
                ("United States", 3),
                ("Ann Cole", 2),
                ("The New York Times", 2)
            ]
        );
        assert_eq!(entities[0].actor.as_deref(), Some("USA"));
        assert_eq!(entities[1].actor.as_deref(), Some("USAGOV"));
        assert_eq!(entities[2].actor.as_deref(), Some("USAMED"));
        assert_eq!(entities[1].id, "e2");
    }

    /// The actor codes of the entities `cluster` makes of `names` in `text`.
    fn actors_of(text: &str, names: &[(&str, EntityType)]) -> Vec<(String, Option<String>)> {
        clustered(text, names)
            .into_iter()
            .map(|e| (e.name, e.actor))
            .collect()
    }

    #[test]
    fn a_leaders_surname_codes_only_the_leader() {
        // A namesake: the leader table's "Cameron" is David Cameron's.
        let got = actors_of(
            "Matt Cameron runs a bakery. Cameron said sales rose.",
            &[
                ("Matt Cameron", EntityType::Person),
                ("Cameron", EntityType::Person),
            ],
        );
        assert_eq!(got, [("Matt Cameron".to_string(), None)]);
        let got = actors_of(
            "David Cameron resigned. Cameron left.",
            &[
                ("David Cameron", EntityType::Person),
                ("Cameron", EntityType::Person),
            ],
        );
        assert_eq!(got.len(), 1);
        assert!(
            got[0].1.as_deref().is_some_and(|c| c.starts_with("GBR")),
            "{got:?}"
        );
        // A title is no given name.
        let got = actors_of(
            "President Cameron resigned. Cameron left.",
            &[
                ("President Cameron", EntityType::Person),
                ("Cameron", EntityType::Person),
            ],
        );
        assert!(
            got[0].1.as_deref().is_some_and(|c| c.starts_with("GBR")),
            "{got:?}"
        );
        let got = actors_of(
            "Mr. Cameron resigned. Cameron left.",
            &[
                ("Mr. Cameron", EntityType::Person),
                ("Cameron", EntityType::Person),
            ],
        );
        assert!(
            got[0].1.as_deref().is_some_and(|c| c.starts_with("GBR")),
            "{got:?}"
        );
    }

    #[test]
    fn nationalities_and_appositives_code_people_and_their_surnames() {
        let text = "American Kevin King was seized. Talks between Russia and Ana Ruiz \
                    ended. Lee Park, a Nigerian senator, spoke. King left.";
        let entities = clustered(
            text,
            &[
                ("American", EntityType::Norp),
                ("Kevin King", EntityType::Person),
                ("Russia", EntityType::Gpe),
                ("Ana Ruiz", EntityType::Person),
                ("Lee Park", EntityType::Person),
                ("Nigerian", EntityType::Norp),
                ("King", EntityType::Person),
            ],
        );
        let coded: Vec<(&str, usize, Option<&str>)> = entities
            .iter()
            .filter(|e| e.kind == EntityType::Person)
            .map(|e| (e.name.as_str(), e.mentions.len(), e.actor.as_deref()))
            .collect();
        // Ruiz is not Russian: "and" joins two parties, not a nationality
        // to its bearer.
        assert_eq!(
            coded,
            [
                ("Kevin King", 2, Some("USA")),
                ("Ana Ruiz", 1, None),
                ("Lee Park", 1, Some("NGALEG")),
            ]
        );
    }

    #[test]
    fn a_person_is_of_the_command_he_leads_not_of_the_next_name_in_a_list() {
        let text = "Tom Reyes, who leads the United States Space Command, spoke. \
                    Ana Ruiz, America Lopez and others sang.";
        let entities = clustered(
            text,
            &[
                ("Tom Reyes", EntityType::Person),
                ("United States Space Command", EntityType::Loc),
                ("Ana Ruiz", EntityType::Person),
                ("America Lopez", EntityType::Loc),
            ],
        );
        let coded: Vec<(&str, Option<&str>)> = entities
            .iter()
            .filter(|e| e.kind == EntityType::Person)
            .map(|e| (e.name.as_str(), e.actor.as_deref()))
            .collect();
        assert_eq!(coded, [("Tom Reyes", Some("USA")), ("Ana Ruiz", None)]);
    }

    #[test]
    fn acronyms() {
        assert_eq!(acronym("The New York Times"), "NYT");
        assert!(is_acronym("NYT") && is_acronym("U.S.") && !is_acronym("Nato"));
    }
}
