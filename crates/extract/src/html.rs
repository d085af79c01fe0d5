//! HTML page → article: parse once, read the metadata, select the main text.

use crate::dom::Dom;
use crate::{content, meta};
use model::Article;

/// HTML page → article: the main text (paragraphs, headings, lists, quotes
/// and captions in reading order, separated by blank lines; navigation,
/// related links, share widgets, comments and other chrome removed) and the
/// page's metadata. `url` is where the page came from, if known; the page's
/// own canonical URL wins over it.
pub fn extract_html(html: &str, url: Option<&str>) -> Article {
    let dom = Dom::parse(html);
    let meta = meta::read(&dom, url);
    let text = content::main_text(&dom, meta.title.as_deref());
    let language = crate::detect_language(&text).or(meta.lang);
    Article {
        url: meta.url,
        title: meta.title,
        byline: meta.byline,
        published: meta.published,
        site: meta.site,
        language,
        text,
    }
}
