//! The role → actor-code table (`data/roles.txt`): which nouns give an actor
//! its CAMEO role ("spokesman" → GOV, "media" → MED). Every stage that codes
//! actors reads this one table.

use crate::inflect;
use crate::parse::{self, ParseError};
use foldhash::HashMap;
use std::sync::OnceLock;

const FILE: &str = "roles.txt";
const ROLES: &str = include_str!("data/roles.txt");

/// A CAMEO role (sector) code, the suffix after an actor's country code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Government (`GOV`).
    Gov,
    /// Military (`MIL`).
    Mil,
    /// Police (`COP`).
    Cop,
    /// Media (`MED`).
    Med,
    /// Rebels and armed groups (`REB`).
    Reb,
    /// Opposition and protesters (`OPP`).
    Opp,
    /// Judiciary (`JUD`).
    Jud,
    /// Legislature (`LEG`).
    Leg,
    /// Business (`BUS`).
    Bus,
    /// Civilians (`CVL`).
    Cvl,
    /// Refugees (`REF`).
    Ref,
    /// Education (`EDU`).
    Edu,
    /// Labour (`LAB`).
    Lab,
    /// Intelligence services (`SPY`).
    Spy,
    /// Non-governmental organisations (`NGO`).
    Ngo,
}

impl Role {
    const ALL: [Role; 15] = [
        Role::Gov,
        Role::Mil,
        Role::Cop,
        Role::Med,
        Role::Reb,
        Role::Opp,
        Role::Jud,
        Role::Leg,
        Role::Bus,
        Role::Cvl,
        Role::Ref,
        Role::Edu,
        Role::Lab,
        Role::Spy,
        Role::Ngo,
    ];

    /// The three-letter code ("GOV"), as it follows a country code ("CHNGOV").
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Gov => "GOV",
            Role::Mil => "MIL",
            Role::Cop => "COP",
            Role::Med => "MED",
            Role::Reb => "REB",
            Role::Opp => "OPP",
            Role::Jud => "JUD",
            Role::Leg => "LEG",
            Role::Bus => "BUS",
            Role::Cvl => "CVL",
            Role::Ref => "REF",
            Role::Edu => "EDU",
            Role::Lab => "LAB",
            Role::Spy => "SPY",
            Role::Ngo => "NGO",
        }
    }

    /// The role whose code is `code` ("GOV" → [`Role::Gov`]).
    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == code)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One line of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleEntry {
    /// The words as listed, lowercase and singular ("prime minister").
    pub phrase: String,
    /// Every form that names the role: the phrase and, unless it is listed
    /// as one form only, its plural ("prime ministers").
    pub forms: Vec<String>,
    /// The role.
    pub role: Role,
}

/// The role table: entries in file order, and every form indexed.
#[derive(Debug, Clone, Default)]
pub struct Roles {
    entries: Vec<RoleEntry>,
    by_form: HashMap<String, Role>,
    /// Words in the longest form.
    max_words: usize,
}

impl Roles {
    /// Reads a table in the format of `data/roles.txt`.
    pub fn parse(text: &str) -> Result<Self, ParseError> {
        let mut roles = Roles::default();
        for line in parse::lines(text) {
            let mut words = line.text.split_whitespace();
            let code = words.next().unwrap_or_default();
            let role = Role::from_code(code)
                .ok_or_else(|| line.error(FILE, format!("unknown role code \"{code}\"")))?;
            let words: Vec<&str> = words.collect();
            let Some((last, init)) = words.split_last() else {
                return Err(line.error(FILE, "a role code without words"));
            };
            if init.iter().any(|w| w.starts_with('=')) {
                return Err(line.error(FILE, "'=' marks the last word only"));
            }
            if words.iter().any(|w| w.chars().any(char::is_uppercase)) {
                return Err(line.error(FILE, "words are written in lowercase"));
            }
            let head = init.join(" ");
            let join = |last: &str| {
                if head.is_empty() {
                    last.to_string()
                } else {
                    format!("{head} {last}")
                }
            };
            let forms = match last.strip_prefix('=') {
                Some(only) => vec![join(only)],
                None => vec![join(last), join(&inflect::plural(last))],
            };
            for form in &forms {
                match roles.by_form.get(form) {
                    Some(&other) if other != role => {
                        return Err(
                            line.error(FILE, format!("\"{form}\" is already listed as {other}"))
                        )
                    }
                    Some(_) => {}
                    None => {
                        roles.by_form.insert(form.clone(), role);
                    }
                }
            }
            roles.max_words = roles.max_words.max(words.len());
            roles.entries.push(RoleEntry {
                phrase: forms[0].clone(),
                forms,
                role,
            });
        }
        Ok(roles)
    }

    /// The role a lowercase word or phrase names, in any listed form
    /// ("envoy", "spokesmen", "prime minister" → GOV; "said" → `None`).
    pub fn code_for(&self, lower: &str) -> Option<Role> {
        self.by_form.get(lower).copied()
    }

    /// The role named by the longest form that starts at `lower_words[0]`,
    /// with how many words it covers: ["defense", "ministry", "said"] →
    /// (MIL, 2), though "defense" alone names no role.
    pub fn longest_at<S: AsRef<str>>(&self, lower_words: &[S]) -> Option<(Role, usize)> {
        let mut phrase = String::new();
        let mut best = None;
        for (n, w) in lower_words.iter().take(self.max_words).enumerate() {
            if n > 0 {
                phrase.push(' ');
            }
            phrase.push_str(w.as_ref());
            if let Some(&role) = self.by_form.get(&phrase) {
                best = Some((role, n + 1));
            }
        }
        best
    }

    /// Every entry, in file order (for matchers over several tokens).
    pub fn entries(&self) -> &[RoleEntry] {
        &self.entries
    }
}

/// The shipped role table, read once. The file is ours and a test keeps it
/// readable, so a failure here is a build defect, not bad input.
pub fn roles() -> &'static Roles {
    static TABLE: OnceLock<Roles> = OnceLock::new();
    TABLE.get_or_init(|| Roles::parse(ROLES).unwrap_or_else(|e| panic!("embedded word list: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_parses() {
        let r = Roles::parse(ROLES).expect("roles.txt");
        assert!(r.entries().len() > 100);
    }

    #[test]
    fn one_code_for_each_form() {
        let r = roles();
        let code = |w: &str| r.code_for(w).map(Role::as_str);
        assert_eq!(code("envoy"), Some("GOV"));
        assert_eq!(code("spokesmen"), Some("GOV"));
        assert_eq!(code("authorities"), Some("GOV"));
        assert_eq!(code("prime minister"), Some("GOV"));
        assert_eq!(code("generals"), Some("MIL"));
        assert_eq!(code("general"), None);
        assert_eq!(code("forces"), Some("MIL"));
        assert_eq!(code("children"), Some("CVL"));
        assert_eq!(code("media"), Some("MED"));
        assert_eq!(code("state"), None);
        assert_eq!(code("said"), None);
        assert_eq!(
            r.longest_at(&["defense", "ministry", "said"]),
            Some((Role::Mil, 2))
        );
        assert_eq!(r.longest_at(&["defence", "minister"]), Some((Role::Gov, 2)));
        assert_eq!(r.longest_at(&["envoy", "said"]), Some((Role::Gov, 1)));
        assert_eq!(r.longest_at(&["defense"]), None);
        assert_eq!(r.longest_at::<&str>(&[]), None);
    }

    #[test]
    fn errors_name_the_line() {
        let e = Roles::parse("GOV  envoy\n\nXYZ  king\n").unwrap_err();
        assert_eq!((e.file, e.line), (FILE, 3));
        let e = Roles::parse("GOV  envoy\nMIL  envoys\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.reason.contains("GOV"), "{e}");
        assert_eq!(Roles::parse("GOV\n").unwrap_err().line, 1);
        assert_eq!(Roles::parse("GOV =head of state\n").unwrap_err().line, 1);
    }
}
