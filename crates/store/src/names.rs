//! Name keys for resolving document entities to cross-document actors.

/// The comparison form of a name: lower case, periods and apostrophes
/// dropped ("U.S." → "us"), other punctuation as spaces, spaces collapsed,
/// a leading "the " dropped ("the Kremlin" → "kremlin").
pub fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.chars() {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else if matches!(c, '.' | '\'' | '’' | '‘') {
            // "U.S." and "O'Brien" keep their letters together.
        } else {
            pending_space = true;
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => out,
    }
}

/// The last word of a normalised name (a person's surname).
pub fn last_word(norm: &str) -> &str {
    norm.rsplit(' ').next().unwrap_or(norm)
}

/// The actor key of a normalised name and entity type.
pub fn actor_key(kind: &str, norm: &str) -> String {
    format!("{kind}|{norm}")
}

/// A deterministic 64-bit FNV-1a hash (for the quote copy index; not
/// `std`'s `DefaultHasher`, whose output may change between releases).
pub fn fnv1a(text: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_punctuation_case_and_article() {
        assert_eq!(normalise("U.S."), "us");
        assert_eq!(normalise("the Kremlin"), "kremlin");
        assert_eq!(normalise("  Jake   Sullivan "), "jake sullivan");
        assert_eq!(normalise("Al-Sisi"), "al sisi");
        assert_eq!(normalise("O’Brien"), "obrien");
        assert_eq!(normalise("The"), "the");
    }

    #[test]
    fn last_word_is_surname() {
        assert_eq!(last_word("jake sullivan"), "sullivan");
        assert_eq!(last_word("china"), "china");
    }
}
