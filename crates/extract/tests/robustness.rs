//! Hostile inputs: extraction must return (an article or an error), never
//! panic or overflow the stack.

use extract::{extract, extract_html, Options};
use std::time::Duration;

#[test]
fn deeply_nested_divs_do_not_overflow_the_stack() {
    let depth = 200_000;
    let mut html = String::with_capacity(depth * 11 + 100);
    html.push_str("<html><body>");
    for _ in 0..depth {
        html.push_str("<div>");
    }
    html.push_str("<p>Deep inside, the text is still found, and it is kept as written.</p>");
    for _ in 0..depth {
        html.push_str("</div>");
    }
    html.push_str("</body></html>");
    // Run on a small stack, as a worker thread would have.
    let article = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || extract_html(&html, None))
        .unwrap()
        .join()
        .unwrap();
    assert!(article.text.contains("Deep inside"), "{:?}", article.text);
}

/// The CPU time of this thread: unlike the wall clock it does not count the
/// time another process had the core, which on a busy CI machine made the
/// longer of two runs look superlinear.
fn thread_cpu() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// The CPU time of one extraction of `html`.
fn extraction_time(html: &str) -> Duration {
    let start = thread_cpu();
    let article = extract_html(html, None);
    let elapsed = thread_cpu().saturating_sub(start);
    assert!(!article.text.is_empty());
    elapsed
}

/// Extraction time grows linearly with `page(n)`: the time at 8n is at most
/// 12 times the time at n (a quadratic pass would give 64). Times are the
/// thread's CPU time, and runs at n and 8n are interleaved and the minimum
/// of each kept, so that a busy machine (caches shared, frequency lowered)
/// slows both sides alike rather than failing the test.
fn assert_linear(n: usize, page: impl Fn(usize) -> String) {
    let (small, large) = (page(n), page(8 * n));
    let (mut at_n, mut at_8n) = (Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        at_n = at_n.min(extraction_time(&small));
        at_8n = at_8n.min(extraction_time(&large));
    }
    let ratio = at_8n.as_secs_f64() / at_n.as_secs_f64().max(1e-9);
    assert!(
        ratio <= 12.0,
        "{at_n:?} at n = {n}, {at_8n:?} at 8n: x{ratio:.1}, where linear is x8"
    );
    eprintln!("{at_n:?} at n = {n}, {at_8n:?} at 8n: x{ratio:.1}");
}

#[test]
fn deeply_nested_paragraph_text_everywhere_stays_linear() {
    // Text at every level: a segment per level.
    assert_linear(5_000, |depth| {
        let mut html = String::new();
        for i in 0..depth {
            html.push_str(&format!("<div>level {i}, "));
        }
        html
    });
}

#[test]
fn deeply_nested_tables_and_lists_stay_linear() {
    assert_linear(2_500, |depth| {
        let mut html = String::new();
        for i in 0..depth {
            html.push_str(&format!(
                "<table>cell {i}, and more words here<ul>item {i}, with text<li>"
            ));
        }
        html
    });
}

#[test]
fn ten_megabyte_single_line() {
    let mut html = String::from("<html><body><p>");
    let sentence = "The council met on Tuesday, and the vote was close. ";
    while html.len() < 10 * 1024 * 1024 {
        html.push_str(sentence);
    }
    html.push_str("</p></body></html>");
    let article = extract(html.as_bytes(), &Options::default()).unwrap();
    assert!(article.text.len() > 9 * 1024 * 1024);
    assert!(!article.text.contains('\n'));
}

#[test]
fn nul_bytes_and_control_characters_are_not_output() {
    let html = b"<html><body><p>The minister\0 spoke\x01 on Monday, at length, about the budget.</p></body></html>";
    let article = extract(html, &Options::default()).unwrap();
    assert!(!article.text.contains('\0'));
    assert!(
        article.text.contains("The minister spoke on Monday"),
        "{}",
        article.text
    );
}

#[test]
fn invalid_utf8_is_decoded_not_refused() {
    let mut html = b"<html><body><p>Caf".to_vec();
    html.extend_from_slice(&[0xe9, 0xff, 0xfe]);
    html.extend_from_slice(
        b" opened its doors on the square this week, to much fanfare.</p></body></html>",
    );
    let article = extract(&html, &Options::default()).unwrap();
    assert!(article.text.contains("opened its doors"));
}

#[test]
fn malformed_fragments_never_panic() {
    let cases: &[&[u8]] = &[
        b"<",
        b"<<<<<<",
        b"<p",
        b"<p class='",
        b"<!--",
        b"<script>",
        b"</div></div></p>text",
        b"<a href=\"x\">unclosed link <b>bold <i>italic",
        b"<html><body><p>&#xFFFFFFFF; &#0; &bogus; &amp</p>",
        b"<table><tr><td>cell<td>cell<tr><td>row</table>",
        b"<title>only a title</title>",
        b"\xef\xbb\xbf<p>BOM then text</p>",
        b"<meta charset=\"nonsense\"><p>\xe9t\xe9</p>",
    ];
    for case in cases {
        let _ = extract(case, &Options::default());
        let _ = extract_html(&String::from_utf8_lossy(case), None);
    }
}

#[test]
fn random_markup_never_panics() {
    // Deterministic pseudo-random soup of markup pieces, multibyte text and
    // broken syntax; every piece boundary is a place a parser can trip.
    const PIECES: &[&str] = &[
        "<",
        ">",
        "</",
        "/>",
        "<!--",
        "-->",
        "<!",
        "<?",
        "=",
        "\"",
        "'",
        " ",
        "\n",
        "&",
        ";",
        "&amp;",
        "&#x",
        "&#",
        "9999999",
        "<p>",
        "</p>",
        "<div class=\"comments\">",
        "</div>",
        "<script>",
        "</script>",
        "<title>",
        "</title>",
        "<li>",
        "<br>",
        "<a href=x>",
        "</a>",
        "<meta property=\"article:published_time\" content=\"",
        "2019-02-30",
        "<script type=\"application/ld+json\">{\"datePublished\":",
        "<time datetime=",
        "é",
        "日本語",
        "🙂",
        "\u{0}",
        "\u{feff}",
        "text, with commas, ",
        "<table><tr><td>",
        "<html lang=",
        "<body>",
        "<h1>",
        "</h1>",
        "<link rel=canonical href=",
        "By ",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let len = (next() % 60) as usize;
        let mut html = String::new();
        for _ in 0..len {
            html.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
        }
        let _ = extract_html(&html, Some("https://x.example/2020/01/02/a"));
        let _ = extract(html.as_bytes(), &Options::default());
        let mut bytes = html.into_bytes();
        if !bytes.is_empty() {
            let at = (next() % bytes.len() as u64) as usize;
            bytes[at] = (next() % 256) as u8;
        }
        let _ = extract(&bytes, &Options::default());
    }
}
