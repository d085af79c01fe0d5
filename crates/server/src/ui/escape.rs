//! HTML escaping. Everything that came from a document or a request goes
//! through here before it reaches a page: article text is never HTML.

use std::fmt::Write;

/// Escapes `text` for use in HTML element content and in quoted attribute
/// values (`&`, `<`, `>`, `"`, `'`).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_escaped(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped as by [`escape`].
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // NUL and other C0 controls (except tab and newlines) are not
            // allowed in HTML text; show them as the replacement character.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// Percent-encodes `text` for use as one URL path segment or query value.
pub fn url_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_are_escaped() {
        assert_eq!(
            escape(r#"<img src=x onerror="alert('1')">&"#),
            "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;"
        );
    }

    #[test]
    fn control_characters_become_replacement() {
        assert_eq!(escape("a\0b\nc"), "a\u{FFFD}b\nc");
    }

    #[test]
    fn url_component_encodes_everything_but_unreserved() {
        assert_eq!(
            url_component("Jake Sullivan/é?&"),
            "Jake%20Sullivan%2F%C3%A9%3F%26"
        );
    }
}
