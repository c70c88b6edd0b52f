//! URLs from the index are untrusted: only http(s) and relative URLs may
//! reach an `href` or `src`. Everything else (`javascript:`, `data:`,
//! `vbscript:`...) is dropped, and the item renders without the link.

/// Returns the URL if it is safe to put in an `href` or `src`.
pub fn safe_url(url: &str) -> Option<&str> {
    // Browsers drop tabs and newlines inside URLs and trim control
    // characters and spaces around them, so "java\nscript:" would still run:
    // refuse any such byte rather than guess how a browser reads it.
    if url.is_empty() || url.bytes().any(|b| b <= b' ' || b == 0x7f) {
        return None;
    }
    match scheme(url) {
        None => Some(url),
        Some(s) if s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https") => Some(url),
        Some(_) => None,
    }
}

/// What comes before the first `:` when that `:` comes before any
/// `/ ? # \\`: the scheme of an absolute URL. Anything there counts, even
/// text that is not a valid scheme, so odd inputs are refused, not guessed.
fn scheme(url: &str) -> Option<&str> {
    // Split at the first of these; a scheme only if that was the colon.
    let (head, _) = url.split_once([':', '/', '?', '#', '\\'])?;
    let at = url.as_bytes().get(head.len()).copied();
    (at == Some(b':')).then_some(head)
}

#[cfg(test)]
mod tests {
    use super::safe_url;

    #[test]
    fn keeps_http_and_relative() {
        for ok in [
            "https://shop.example/p/1",
            "HTTP://shop.example",
            "/p/1",
            "p/1?x=a:b",
            "//cdn.example/i.png",
            "#top",
            "?q=1",
        ] {
            assert_eq!(safe_url(ok), Some(ok), "{ok}");
        }
    }

    #[test]
    fn drops_scripts_and_data() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "java\nscript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<b>",
            "vbscript:x",
            ":x",
            "1a:b",
            "",
            "https://a b",
        ] {
            assert_eq!(safe_url(bad), None, "{bad:?}");
        }
    }
}
