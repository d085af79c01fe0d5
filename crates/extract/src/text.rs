use model::Article;

/// Plain text → article: leading and trailing page chrome removed (see
/// [`strip_chrome`]) and nothing else — the interior is kept byte for byte
/// (only `\r\n` line ends become `\n`), so offsets computed on the body
/// of the input stay meaningful. The first line becomes the title when it
/// looks like a headline (short, no final period, followed by a blank line);
/// it stays in the text.
pub fn extract_text(text: &str) -> Article {
    let text = text.trim_start_matches('\u{feff}');
    let unix;
    let text = if text.contains('\r') {
        unix = text.replace("\r\n", "\n");
        unix.as_str()
    } else {
        text
    };
    let body = strip_chrome(text);
    Article {
        language: crate::detect_language(body),
        title: headline(body),
        text: body.to_string(),
        ..Article::default()
    }
}

/// The first line of `body` if it reads as a headline.
fn headline(body: &str) -> Option<String> {
    let (first, rest) = body.split_once('\n')?;
    let first = first.trim();
    let looks_like = !first.is_empty()
        && first.chars().count() <= 150
        && !first.ends_with(['.', ',', ';', ':'])
        && rest.starts_with(|c: char| c == '\n' || c.is_whitespace());
    looks_like.then(|| first.to_string())
}

/// Whether a whole line is page chrome rather than article text.
fn is_chrome_line(line: &str) -> bool {
    let l = line
        .trim()
        .trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .to_lowercase();
    if l.is_empty() {
        return true;
    }
    // Besides the stock lines and rights lines the HTML extractor drops
    // anywhere, lines that scraped pages put only before or after the
    // article (comment forms, cookie and log-in prompts; `chrome.txt`).
    lexicon::chrome().edge_lines.contains(l.as_str())
        || crate::boilerplate::is_boilerplate_line(&l)
        || (l.starts_with("follow us on") && l.len() < 60)
        || (line.len() < 120 && crate::boilerplate::chrome_start(line.trim()) == Some(0))
}

/// Removes page chrome lines from the start and end of `text`, never from
/// the middle: an article that happens to say "Share" mid-text stays whole.
pub fn strip_chrome(text: &str) -> &str {
    let lines: Vec<(usize, &str)> = line_offsets(text);
    let first = lines.iter().position(|(_, l)| !is_chrome_line(l));
    let last = lines.iter().rposition(|(_, l)| !is_chrome_line(l));
    match (first, last) {
        (Some(f), Some(l)) => {
            let start = lines[f].0;
            let end = lines[l].0 + lines[l].1.len();
            text[start..end].trim()
        }
        _ => "",
    }
}

fn line_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        out.push((at, line));
        at += line.len() + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_trailing_comment_form_and_keeps_article() {
        let t = "Russia asked China for help.\n\nShare this on the ground, he said.\n\n\nPlease enter your comment!\nPlease enter your name here\n";
        let a = extract_text(t);
        assert_eq!(
            a.text,
            "Russia asked China for help.\n\nShare this on the ground, he said."
        );
    }

    #[test]
    fn interior_whitespace_is_kept() {
        let t = "Headline here\n\nFirst  line.\n   Indented line.\n\n\n\nLast.\n\nShare\n";
        let a = extract_text(t);
        assert_eq!(
            a.text,
            "Headline here\n\nFirst  line.\n   Indented line.\n\n\n\nLast."
        );
        assert_eq!(a.title.as_deref(), Some("Headline here"));
    }

    #[test]
    fn keeps_chrome_words_mid_article() {
        let t = "First paragraph.\n\nShare\n\nLast paragraph.";
        assert_eq!(extract_text(t).text, t);
    }
}
