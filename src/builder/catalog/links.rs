//! A catalog's `url` and `image` as a shopper's browser will read them:
//! links the widget would refuse (`javascript:`, `data:`) are dropped here,
//! where the owner hears of it, and a web address without `https://`
//! (`shop.com/mug`, which a browser reads as a path under the current
//! page) is pointed out.

use super::report::{CatalogNote, CatalogReport};
use crate::core::safe_url::safe_url;

pub fn check(link: &mut Option<String>, report: &mut CatalogReport, line: u64) {
    let Some(text) = link.as_deref() else { return };
    if safe_url(text).is_none() {
        report.note(CatalogNote::LinkRefused, line);
        *link = None;
    } else if looks_like_a_domain(text) {
        report.note(CatalogNote::LinkWithoutScheme, line);
    }
}

/// `shop.com/mug`, `www.shop.com`: a first path segment with a dot in it
/// and a letter-only ending, where a path from the site root (`/mug`) or
/// one relative to the page (`mug.html`) was meant to be written.
fn looks_like_a_domain(link: &str) -> bool {
    let first = link.split(['/', '?', '#']).next().unwrap_or_default();
    let Some((name, ending)) = first.rsplit_once('.') else {
        return false;
    };
    link.contains('/')
        && !name.is_empty()
        && ending.len() >= 2
        && ending.bytes().all(|b| b.is_ascii_alphabetic())
        && !matches!(
            ending.to_ascii_lowercase().as_str(),
            "html"
                | "htm"
                | "php"
                | "aspx"
                | "jpg"
                | "jpeg"
                | "png"
                | "webp"
                | "gif"
                | "svg"
                | "avif"
        )
        || first.starts_with("www.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_scripts_and_points_out_addresses_without_a_scheme() {
        let mut report = CatalogReport::default();
        let mut check_one = |text: &str| {
            let mut link = Some(text.to_string());
            check(&mut link, &mut report, 2);
            link
        };
        assert_eq!(check_one("javascript:alert(1)"), None);
        assert_eq!(check_one("shop.com/cake").as_deref(), Some("shop.com/cake"));
        assert_eq!(check_one("www.shop.com").as_deref(), Some("www.shop.com"));
        for fine in [
            "/p/cake",
            "https://shop.com/cake",
            "cake.html",
            "img/cake.jpg",
            "cake.jpg",
            "../p/1",
        ] {
            assert_eq!(check_one(fine).as_deref(), Some(fine));
        }
        assert_eq!(report.notes.get(&CatalogNote::LinkRefused), Some(&(1, 2)));
        assert_eq!(
            report.notes.get(&CatalogNote::LinkWithoutScheme),
            Some(&(2, 2))
        );
    }
}
