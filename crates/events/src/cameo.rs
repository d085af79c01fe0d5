//! Facts about CAMEO event codes: Goldstein value, GDELT quad class, name.

use crate::codes::CODES;

/// The Goldstein-scale value of `code` ("0232" → 3.4), if it is a CAMEO code.
pub fn goldstein(code: &str) -> Option<f64> {
    lookup(code).map(|e| e.1)
}

/// The CAMEO short name of `code`, if it is a CAMEO code.
pub fn name(code: &str) -> Option<&'static str> {
    lookup(code).map(|e| e.2)
}

/// Whether `code` is in the CAMEO code list.
pub fn is_code(code: &str) -> bool {
    lookup(code).is_some()
}

/// The two-digit root of `code` ("0232" → "02").
pub fn root(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

/// GDELT's quad class of a code: 1 verbal cooperation (roots 01–05),
/// 2 material cooperation (06–09), 3 verbal conflict (10–14),
/// 4 material conflict (15–20).
pub fn quad_class(code: &str) -> u8 {
    match root(code).parse::<u8>().unwrap_or(0) {
        1..=5 => 1,
        6..=9 => 2,
        10..=14 => 3,
        _ => 4,
    }
}

fn lookup(code: &str) -> Option<&'static crate::codes::CodeEntry> {
    CODES
        .binary_search_by(|e| e.0.cmp(code))
        .ok()
        .and_then(|i| CODES.get(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_goldstein_and_quad_class() {
        assert_eq!(goldstein("0232"), Some(3.4));
        assert_eq!(goldstein("163"), Some(-8.0));
        assert_eq!(goldstein("999"), None);
        assert_eq!(quad_class("0232"), 1);
        assert_eq!(quad_class("073"), 2);
        assert_eq!(quad_class("111"), 3);
        assert_eq!(quad_class("195"), 4);
    }

    #[test]
    fn table_is_sorted_for_binary_search() {
        assert!(CODES.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
