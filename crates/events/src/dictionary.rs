//! A parser for PETRARCH-style actor and agent dictionaries, so that callers
//! can load extra actor tables (e.g. the fictional actors of PETRARCH's
//! validation suite) next to the built-in lexicon.
//!
//! Format, as the PETRARCH documentation describes it:
//!
//! ```text
//! GONDOR [GON]                 # an actor; '_' or ' ' join words
//! +MINAS_TIRITH                # a synonym of the entry above
//! GOLLUM                       # codes may follow on their own lines,
//!     [HOB < 950601]           #   restricted to dates before,
//!     [HOBGOV 19950601 - 19990815]  # between,
//!     [HOBREB > 990816]        #   or after a day
//! ARNOR_ [ARN]                 # a final '_' means "this exact word";
//! ARGENTIN [ARG]               #   without it the last word is a stem
//! PRESIDENT [~GOV]             # an agent: '~' marks where the country goes
//! TROOPS {} [~MIL]             # {} no plural; {PLURAL_FORM} an explicit one
//! !MINST! = MINISTER, MINISTRY # a macro, used as !MINST!_OF_DEFENCE
//! ```
//!
//! `#` starts a comment, and `<!-- … -->` blocks are skipped.

use crate::actor_table::{DatedCode, Entry, EntryKind};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Why a dictionary could not be read.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum DictionaryError {
    /// A code block that is not `[CODE]`, `[CODE < DATE]`, `[CODE > DATE]`
    /// or `[CODE DATE - DATE]`.
    #[error("line {line}: cannot read code block {block:?}")]
    BadCode {
        /// 1-based line number.
        line: usize,
        /// The block as written.
        block: String,
    },
    /// A synonym or code line with no entry before it.
    #[error("line {line}: {what} with no entry before it")]
    Orphan {
        /// 1-based line number.
        line: usize,
        /// "synonym" or "code".
        what: &'static str,
    },
}

/// Parses an actor or agent dictionary into lexicon entries.
pub fn parse(text: &str) -> Result<Vec<Entry>, DictionaryError> {
    let text = strip_html_comments(text);
    let mut macros: HashMap<String, Vec<String>> = HashMap::new();
    let mut out: Vec<Entry> = Vec::new();
    // The entry being built: its names and codes.
    let mut names: Vec<String> = Vec::new();
    let mut codes: Vec<DatedCode> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some((name, alts)) = macro_definition(line) {
            macros.insert(name, alts);
            continue;
        }
        if let Some(syn) = line.strip_prefix('+') {
            if names.is_empty() {
                return Err(DictionaryError::Orphan {
                    line: line_no,
                    what: "synonym",
                });
            }
            let (name, block) = split_code(syn);
            names.push(name.to_string());
            if let Some(b) = block {
                codes.push(parse_code(b, line_no)?);
            }
            continue;
        }
        if line.starts_with('[') {
            if names.is_empty() {
                return Err(DictionaryError::Orphan {
                    line: line_no,
                    what: "code",
                });
            }
            codes.push(parse_code(line, line_no)?);
            continue;
        }
        flush(&mut out, &mut names, &mut codes, &macros);
        let (name, block) = split_code(line);
        names.push(name.to_string());
        if let Some(b) = block {
            codes.push(parse_code(b, line_no)?);
        }
    }
    flush(&mut out, &mut names, &mut codes, &macros);
    Ok(out)
}

/// "!PERSON! = MAN, MEN" → ("!PERSON!", ["MAN", "MEN"]).
fn macro_definition(line: &str) -> Option<(String, Vec<String>)> {
    let (lhs, rhs) = line.split_once('=')?;
    let lhs = lhs.trim();
    if !(lhs.starts_with('!') && lhs.ends_with('!') && lhs.len() > 2) {
        return None;
    }
    let alts = rhs
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    Some((lhs.to_string(), alts))
}

/// Splits "NAME {PLURAL} [CODE]" into the name part and the code block.
fn split_code(line: &str) -> (&str, Option<&str>) {
    match line.find('[') {
        Some(i) => (line[..i].trim(), Some(line[i..].trim())),
        None => (line.trim(), None),
    }
}

/// Parses one code block.
fn parse_code(block: &str, line: usize) -> Result<DatedCode, DictionaryError> {
    let bad = || DictionaryError::BadCode {
        line,
        block: block.to_string(),
    };
    let inner = block
        .strip_prefix('[')
        .and_then(|b| b.split(']').next())
        .ok_or_else(bad)?
        .trim();
    let (code_part, rest) = match inner.find(|c: char| c.is_whitespace() || c == '<' || c == '>') {
        Some(i) => (&inner[..i], inner[i..].trim()),
        None => (inner, ""),
    };
    // "FRO/BIL/SAM": a name that stands for several actors; kept whole
    // and split by the phrase builder.
    let code = code_part.to_uppercase();
    let (mut from, mut to) = (None, None);
    if let Some(d) = rest.strip_prefix('<') {
        to = Some(
            parse_date(d.trim())
                .ok_or_else(bad)?
                .pred_opt()
                .ok_or_else(bad)?,
        );
    } else if let Some(d) = rest.strip_prefix('>') {
        from = Some(parse_date(d.trim()).ok_or_else(bad)?);
    } else if let Some((a, b)) = rest.split_once('-') {
        from = Some(parse_date(a.trim()).ok_or_else(bad)?);
        to = Some(parse_date(b.trim()).ok_or_else(bad)?);
    } else if !rest.is_empty() {
        return Err(bad());
    }
    if code.is_empty() && inner.is_empty() {
        return Err(bad());
    }
    Ok(DatedCode { code, from, to })
}

/// "950601" (YYMMDD, years before 30 are 20xx) or "19950601".
fn parse_date(s: &str) -> Option<NaiveDate> {
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        6 => {
            let yy: i32 = s[..2].parse().ok()?;
            (if yy < 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().ok()?, &s[4..]),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, rest[..2].parse().ok()?, rest[2..].parse().ok()?)
}

/// Turns the names and codes gathered for one entry into lexicon entries.
fn flush(
    out: &mut Vec<Entry>,
    names: &mut Vec<String>,
    codes: &mut Vec<DatedCode>,
    macros: &HashMap<String, Vec<String>>,
) {
    let gathered_names = std::mem::take(names);
    let gathered_codes = std::mem::take(codes);
    if gathered_codes.is_empty() {
        return;
    }
    let agent = gathered_codes[0].code.contains('~');
    for name in gathered_names {
        let (base, plural) = split_plural(&name);
        let mut forms = expand_macros(base, macros);
        if agent {
            if let Some(p) = plural.filter(|p| !p.is_empty()) {
                forms.extend(expand_macros(p, macros));
            }
        }
        for form in forms {
            let Some(entry) = entry_for(&form, &gathered_codes, agent) else {
                continue;
            };
            out.push(entry);
        }
    }
}

/// "TROOPS {} " → ("TROOPS", Some("")); "X {XS}" → ("X", Some("XS")).
fn split_plural(name: &str) -> (&str, Option<&str>) {
    match (name.find('{'), name.find('}')) {
        (Some(a), Some(b)) if a < b => (name[..a].trim(), Some(name[a + 1..b].trim())),
        _ => (name.trim(), None),
    }
}

/// Every spelling of `name` with its `!MACRO!`s replaced.
fn expand_macros(name: &str, macros: &HashMap<String, Vec<String>>) -> Vec<String> {
    for (m, alts) in macros {
        if name.contains(m.as_str()) {
            return alts
                .iter()
                .flat_map(|a| expand_macros(&name.replacen(m.as_str(), a, 1), macros))
                .collect();
        }
    }
    vec![name.to_string()]
}

fn entry_for(form: &str, codes: &[DatedCode], agent: bool) -> Option<Entry> {
    let exact = form.ends_with('_');
    let display = form.trim_matches('_').replace('_', " ");
    let words: Vec<String> = crate::actor_table::split_words(&display);
    if words.is_empty() {
        return None;
    }
    let kind = if agent {
        let code = &codes[0].code;
        let prefix = code.ends_with('~') && !code.starts_with('~');
        EntryKind::Agent {
            code: code.trim_matches('~').to_string(),
            prefix,
        }
    } else {
        EntryKind::Actor(codes.to_vec())
    };
    // Stems: only single-word names of five letters or more, so that short
    // codes like "ENT" do not swallow ordinary words.
    let stem = !exact && !agent && words.len() == 1 && words[0].chars().count() >= 5;
    Some(Entry {
        words,
        stem,
        case_sensitive: false,
        display,
        kind,
    })
}

/// Removes `<!-- … -->` (and `<! -- … -->`) blocks, keeping line breaks so
/// that line numbers stay right.
pub(crate) fn strip_html_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let open = ["<!--", "<! --"]
            .iter()
            .filter_map(|o| rest.find(o).map(|i| (i, o.len())))
            .min();
        let Some((i, len)) = open else {
            out.push_str(rest);
            return out;
        };
        out.push_str(&rest[..i]);
        let after = &rest[i + len..];
        match after.find("-->") {
            Some(j) => {
                out.extend(after[..j].chars().filter(|&c| c == '\n'));
                rest = &after[j + 3..];
            }
            None => return out,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "<!-- header\n comment -->\nGONDOR [GON]\n+MINAS_TIRITH\n\
        GOLLUM # a comment\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\
        ARNOR_  [ARN]\n!MINST! = MINISTER, MINISTRY\n!MINST!_OF_SILLY_WALKS [~GOV]\n\
        TROOPS {} [~MIL]\nGOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\n";

    #[test]
    fn reads_actors_synonyms_dates_and_agents() {
        let entries = parse(SAMPLE).unwrap();
        let names: Vec<&str> = entries.iter().map(|e| e.display.as_str()).collect();
        assert!(names.contains(&"MINAS TIRITH"));
        assert!(names.contains(&"MINISTRY OF SILLY WALKS"));
        assert!(names.contains(&"GOLDEN GEESE"));
        let gollum = entries.iter().find(|e| e.display == "SMEAGOL").unwrap();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(gollum.code_on(d("1990-01-01")), Some("HOB"));
        assert_eq!(gollum.code_on(d("1996-01-01")), Some("HOBGOV"));
        let arnor = entries.iter().find(|e| e.display == "ARNOR").unwrap();
        assert!(!arnor.stem);
        let troops = entries.iter().find(|e| e.display == "TROOPS").unwrap();
        assert!(matches!(&troops.kind, EntryKind::Agent { code, prefix: false } if code == "MIL"));
    }

    #[test]
    fn rejects_malformed_code_blocks() {
        assert!(matches!(
            parse("X [ABC < notadate]"),
            Err(DictionaryError::BadCode { line: 1, .. })
        ));
        assert!(matches!(
            parse("+ORPHAN"),
            Err(DictionaryError::Orphan { .. })
        ));
    }
}
