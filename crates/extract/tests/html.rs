//! Extraction of self-written pages: what a user relies on.

use chrono::NaiveDate;
use extract::{extract, extract_html, Options};

const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Harbour bridge reopens after repairs | The Coastal Courier</title>
<meta property="og:site_name" content="The Coastal Courier">
<meta name="author" content="Mara Quill">
<meta property="article:modified_time" content="2023-05-09T10:00:00Z">
<meta property="article:published_time" content="2023-05-02T07:30:00+01:00">
<link rel="canonical" href="https://courier.example/news/harbour-bridge">
</head><body>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<main><article>
<h1>Harbour bridge reopens after repairs</h1>
<div class="byline">By Mara Quill</div>
<div class="article-body">
<p>The harbour bridge reopened to traffic on Tuesday morning, three weeks after engineers closed it to replace corroded cables, the council said.</p>
<p>Drivers had faced detours of up to forty minutes, and local shops said trade had fallen by a third while the crossing was shut.</p>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
<h2>What changed</h2>
<p>Engineers replaced twelve cables, resurfaced the deck and added a protected lane for cyclists, according to the project&rsquo;s lead, Ivo Brandt.</p>
<blockquote><p>&ldquo;It is stronger now than the day it opened,&rdquo; Brandt told reporters, standing on the new lane.</p></blockquote>
<ul><li>Twelve cables replaced, each weighing two tonnes.</li><li>A new cycle lane, separated from traffic by a barrier.</li></ul>
<p>The council expects the final inspection, due in June, to confirm that the bridge needs no further work this decade.</p>
</div>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Ferry timetable changes for summer, with later crossings</a></li><li><a href="/b">Council approves budget for road repairs across the town</a></li></ul></aside>
</article></main>
<section id="comments" class="comments-area"><h3>Leave a Reply</h3><p>Great news, finally! I have been waiting for this bridge to open, it has been a nightmare.</p>
<form><label>Please enter your comment!</label><textarea></textarea></form></section>
<footer><p>&copy; 2023 The Coastal Courier. All rights reserved. Contact us, advertise, privacy policy and terms.</p></footer>
</body></html>"##;

#[test]
fn keeps_article_paragraphs_in_order_with_breaks() {
    let a = extract_html(PAGE, None);
    let paragraphs: Vec<&str> = a.text.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        vec![
            "The harbour bridge reopened to traffic on Tuesday morning, three weeks after engineers closed it to replace corroded cables, the council said.",
            "Drivers had faced detours of up to forty minutes, and local shops said trade had fallen by a third while the crossing was shut.",
            "What changed",
            "Engineers replaced twelve cables, resurfaced the deck and added a protected lane for cyclists, according to the project\u{2019}s lead, Ivo Brandt.",
            "\u{201c}It is stronger now than the day it opened,\u{201d} Brandt told reporters, standing on the new lane.",
            "Twelve cables replaced, each weighing two tonnes.",
            "A new cycle lane, separated from traffic by a barrier.",
            "The council expects the final inspection, due in June, to confirm that the bridge needs no further work this decade.",
        ]
    );
}

#[test]
fn removes_navigation_share_related_comments_cookies_footer() {
    let a = extract_html(PAGE, None);
    for chrome in [
        "Home",
        "Share on",
        "cookies",
        "Related stories",
        "Ferry timetable",
        "Great news",
        "Please enter",
        "All rights reserved",
        "By Mara Quill",
    ] {
        assert!(!a.text.contains(chrome), "{chrome:?} left in {:?}", a.text);
    }
}

#[test]
fn reads_metadata() {
    let a = extract_html(PAGE, Some("https://mirror.example/x"));
    assert_eq!(
        a.title.as_deref(),
        Some("Harbour bridge reopens after repairs")
    );
    assert_eq!(a.byline.as_deref(), Some("Mara Quill"));
    assert_eq!(a.site.as_deref(), Some("The Coastal Courier"));
    assert_eq!(a.published, NaiveDate::from_ymd_opt(2023, 5, 2));
    assert_eq!(
        a.url.as_deref(),
        Some("https://courier.example/news/harbour-bridge")
    );
    assert_eq!(a.language.as_deref(), Some("en"));
}

#[test]
fn published_date_from_url_when_the_page_has_none() {
    let html = "<html><body><article><p>The festival opened on Friday with a parade through the old town, and thousands came.</p></article></body></html>";
    let a = extract_html(html, Some("https://news.example/2021/07/16/festival-opens"));
    assert_eq!(a.published, NaiveDate::from_ymd_opt(2021, 7, 16));
}

#[test]
fn lying_utf8_declaration_is_survived() {
    let body = "<html><head><meta charset=\"utf-8\"></head><body><p>Москва объявила о новых мерах поддержки для малого бизнеса, сообщили в мэрии.</p></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(body);
    let a = extract(&bytes, &Options::default()).unwrap();
    assert!(a.text.contains("Москва объявила"), "{}", a.text);
    assert_eq!(a.language.as_deref(), Some("ru"));
}

#[test]
fn declared_legacy_charset_and_bom() {
    let body = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body><p>Le caf\u{e9} de la gare a rouvert ses portes apr\u{e8}s des mois de travaux, \u{e0} la joie des habitants.</p></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(body);
    let a = extract(&bytes, &Options::default()).unwrap();
    assert!(a.text.contains("Le café de la gare"), "{}", a.text);
    let mut with_bom = vec![0xef, 0xbb, 0xbf];
    with_bom.extend_from_slice(body.as_bytes());
    let a = extract(&with_bom, &Options::default()).unwrap();
    assert!(a.text.contains("après des mois"), "{}", a.text);
}

#[test]
fn entities_are_decoded_and_whitespace_normalised() {
    let html = "<html><body><div class=\"story-body\"><p>Fish &amp; chips,\n   &quot;fresh&quot;&nbsp;daily &#8212; since&#x20;1921, said the owner of the shop.</p></div></body></html>";
    let a = extract_html(html, None);
    assert_eq!(
        a.text,
        "Fish & chips, \"fresh\" daily \u{2014} since 1921, said the owner of the shop."
    );
}
