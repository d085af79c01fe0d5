//! Cutting the lines of the embedded tables into fields, as every process
//! does at start-up for ~20,000 short lines.

/// The parts of `s` between the bytes `sep` (an ASCII byte), as
/// `s.split(char::from(sep))` gives them. `split`'s searcher costs 100–200
/// instructions a call to find the next tab or space a few bytes on, and
/// loading the tables made ~100,000 such calls; [`find_ascii`] costs a
/// fraction.
pub(crate) fn split_ascii(s: &str, sep: u8) -> impl Iterator<Item = &str> + Clone {
    debug_assert!(sep.is_ascii());
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match find_ascii(sep, r) {
            Some(i) => {
                // An ASCII byte is a whole character: both sides are `str`s.
                rest = r.get(i + 1..);
                r.get(..i)
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// `s` cut at the first byte `sep` (ASCII), as `s.split_once(char::from(sep))`.
pub(crate) fn split_once_ascii(s: &str, sep: u8) -> Option<(&str, &str)> {
    debug_assert!(sep.is_ascii());
    let i = find_ascii(sep, s)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// Where the first byte `sep` is in a field of a table's line. A field is
/// a few bytes long (a word, a code), where a plain loop stops before
/// `memchr` has chosen its method (~20 instructions a call fewer).
pub(crate) fn find_ascii(sep: u8, s: &str) -> Option<usize> {
    s.bytes().position(|b| b == sep)
}

/// The lines of `text`, as `text.lines()` gives them (a final line break
/// ends the last line; a carriage return before a line break is dropped).
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let line = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(i) => {
                let (line, after) = (rest.get(..i)?, rest.get(i + 1..)?);
                rest = after;
                line.strip_suffix('\r').unwrap_or(line)
            }
            None => std::mem::take(&mut rest),
        };
        Some(line)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_as_str_split_does() {
        for s in [
            "",
            "a",
            "\t",
            "a\tb",
            "\ta\t\tb\t",
            "é\tü_ö",
            "pat\tx\t042\tto/ a_b",
        ] {
            for sep in [b'\t', b'_', b' '] {
                let ours: Vec<&str> = split_ascii(s, sep).collect();
                let std: Vec<&str> = s.split(char::from(sep)).collect();
                assert_eq!(ours, std, "{s:?} {sep}");
                assert_eq!(split_once_ascii(s, sep), s.split_once(char::from(sep)));
            }
        }
    }

    #[test]
    fn lines_are_str_lines() {
        for s in [
            "",
            "\n",
            "a",
            "a\n",
            "a\r\nb",
            "a\n\nb\n",
            "a\rb\r\n\r\n",
            "\n\n",
        ] {
            let ours: Vec<&str> = lines(s).collect();
            let std: Vec<&str> = s.lines().collect();
            assert_eq!(ours, std, "{s:?}");
        }
    }
}
