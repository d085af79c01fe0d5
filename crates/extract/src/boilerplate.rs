//! What page chrome looks like: class/id/role names of boilerplate
//! containers, and the stock lines (share, subscribe, advertisement) that
//! sit inside article containers.

use crate::dom::{Dom, NodeId};

/// Words in a class or id that mark a container as page chrome. Matched
/// against each `-`/`_`-separated part of each class and of the id, and as
/// a prefix of a part (so "comments", "sharing", "sidebar-left" match).
fn is_boilerplate_word(part: &str) -> bool {
    matches!(
        part,
        "comment"
            | "comments"
            | "share"
            | "sharing"
            | "social"
            | "sidebar"
            | "related"
            | "recommended"
            | "newsletter"
            | "subscribe"
            | "subscription"
            | "promo"
            | "advert"
            | "advertisement"
            | "ad"
            | "ads"
            | "adsense"
            | "sponsor"
            | "sponsored"
            | "cookie"
            | "cookies"
            | "gdpr"
            | "consent"
            | "breadcrumb"
            | "breadcrumbs"
            | "menu"
            | "navbar"
            | "nav"
            | "navigation"
            | "footer"
            | "masthead"
            | "popup"
            | "widget"
            | "gallery"
            | "slideshow"
            | "carousel"
            | "tags"
            | "tagline"
            | "byline"
            | "author"
            | "dateline"
            | "timestamp"
            | "disqus"
            | "outbrain"
            | "taboola"
            | "pagination"
            | "pager"
            | "toolbar"
            | "signup"
            | "login"
            | "banner"
            | "skip"
            | "print"
            | "meta"
            | "rss"
            | "trending"
            | "popular"
            | "tooltip"
            | "caption-credit"
            | "credit"
            | "copyright"
            | "sr"
            | "visually"
    )
}

/// Parts that look like a boilerplate word but name article content.
const CONTENT_PARTS: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "story", "text",
];

/// ARIA roles of page chrome.
const BOILERPLATE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "menu",
    "menubar",
    "search",
    "dialog",
    "alert",
];

/// Whether `part` (one piece of a class or id) names page chrome.
fn is_boilerplate_part(part: &str) -> bool {
    if part.bytes().any(|b| b.is_ascii_uppercase()) {
        is_boilerplate_word(&part.to_ascii_lowercase())
    } else {
        is_boilerplate_word(part)
    }
}

/// Whether `part` names article content, in any letter case.
fn is_content_part(part: &str) -> bool {
    CONTENT_PARTS.iter().any(|c| part.eq_ignore_ascii_case(c))
}

/// Whether one class name or id names page chrome: one of its parts does
/// and none of them names article content ("article-body" stays,
/// "article-share" goes, "share-article" goes).
fn is_boilerplate_name(name: &str) -> bool {
    // Runs for every class of every element: no allocation on this path.
    let parts = || name.split(['-', '_', ':']).filter(|p| !p.is_empty());
    if !parts().any(is_boilerplate_part) {
        return false;
    }
    // "article-comments" is chrome; "article" alone, or "post-content", is not.
    let last_is_chrome = parts().next_back().is_some_and(is_boilerplate_part);
    last_is_chrome || !parts().any(is_content_part)
}

/// Whether element `id` is a boilerplate container by its class, id or role.
pub fn is_boilerplate_attr(dom: &Dom, id: NodeId) -> bool {
    if let Some(role) = dom.attr(id, "role") {
        if BOILERPLATE_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()) {
            return true;
        }
    }
    if let Some(class) = dom.attr(id, "class") {
        if class.split_ascii_whitespace().any(is_boilerplate_name) {
            return true;
        }
    }
    if let Some(ident) = dom.attr(id, "id") {
        if is_boilerplate_name(ident.trim()) {
            return true;
        }
    }
    false
}

/// Whole lines that are chrome wherever they appear inside a container.
const BOILERPLATE_LINES: &[&str] = &[
    "advertisement",
    "advertisements",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "share",
    "tweet",
    "email",
    "print",
    "related",
    "related articles",
    "related stories",
    "related posts",
    "read more",
    "read more:",
    "continue reading",
    "subscribe",
    "sign up",
    "like this:",
    "like this",
    "loading...",
    "story continues below",
    "story continues below advertisement",
    "continue reading below",
    "scroll to continue with content",
    "please enter your comment!",
    "please enter your name here",
    "don't miss",
    "don’t miss",
    "caption",
    "close",
    "hide caption",
    "toggle caption",
    "back to gallery",
    "text size",
    "enlarge this image",
    "view comments",
    "show comments",
    "skip advertisement",
    "recommended",
    "most popular",
    "trending",
];

/// Whether a paragraph's whole text is a stock chrome line.
pub fn is_boilerplate_line(text: &str) -> bool {
    if text.len() > 60 {
        return false;
    }
    let t = text.trim().to_lowercase();
    let t = t.trim_end_matches(['.', ':', '!']);
    BOILERPLATE_LINES.contains(&t) || is_slide_counter(t)
}

/// "Image 3 of 12", "Photo 1 of 5", "3 of 12": a gallery's counter.
fn is_slide_counter(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let numbers = match words.as_slice() {
        [_, a, "of", b] | [a, "of", b] => [a, b],
        _ => return false,
    };
    numbers
        .iter()
        .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stock_lines() {
        assert!(is_boilerplate_line("Advertisement"));
        assert!(is_boilerplate_line("Image 3 of 12"));
        assert!(is_boilerplate_line("DON'T MISS"));
        assert!(!is_boilerplate_line(
            "Three of the twelve cables were replaced."
        ));
        assert!(!is_boilerplate_line("Share prices fell on Tuesday."));
    }

    #[test]
    fn class_names() {
        assert!(is_boilerplate_name("comments"));
        assert!(is_boilerplate_name("article-comments"));
        assert!(is_boilerplate_name("social_share"));
        assert!(is_boilerplate_name("sidebar"));
        assert!(!is_boilerplate_name("article-body"));
        assert!(!is_boilerplate_name("post-content"));
        assert!(!is_boilerplate_name("header-ad-content"));
        assert!(!is_boilerplate_name("shadow"));
        assert!(!is_boilerplate_name("loaded"));
    }
}
