//! Settings from the script tag (`data-*` attributes, handed over by the
//! loader as a plain object of strings, keys in camelCase as in
//! `element.dataset`).

use wasm_bindgen::JsValue;

use crate::core::decimal::parse_decimal;

#[derive(Debug, Clone)]
pub struct Config {
    /// `data-locale`: BCP 47 tag for prices and labels; else the page's
    /// `<html lang>`, else the browser's.
    pub locale: Option<String>,
    /// `data-label-*`: label overrides, keyed as in [`super::labels`].
    pub labels: Vec<(String, String)>,
    /// The language of the labels: `data-locale`, else the page's (filled
    /// in when the widget starts).
    pub label_locale: Option<String>,
    /// The index's labels for that language, if it has them.
    pub index_labels: Vec<(String, String)>,
    /// `data-holdout="0.1"`: share of visitors who see no blocks.
    pub holdout: f64,
    /// `data-analytics="off"` stops dataLayer pushes (DOM events stay).
    pub analytics: bool,
    /// `data-recently-viewed="off"`: no history is kept or used.
    pub recently_viewed: bool,
    /// `data-explain`: items carry their score (for the merchant preview).
    pub explain: bool,
    /// Settings that were not understood, for a console warning each.
    pub problems: Vec<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            locale: None,
            labels: Vec::new(),
            label_locale: None,
            index_labels: Vec::new(),
            holdout: 0.0,
            analytics: true,
            recently_viewed: true,
            explain: false,
            problems: Vec::new(),
        }
    }
}

impl Config {
    /// Reads the loader's object; anything unreadable means defaults.
    pub fn from_js(value: JsValue) -> Config {
        Config::from_entries(super::interop::string_entries(&value))
    }

    pub fn from_entries(entries: Vec<(String, String)>) -> Config {
        let mut config = Config::default();
        for (key, value) in entries {
            let off = matches!(value.trim(), "off" | "false" | "no" | "0");
            match key.as_str() {
                "locale" if !value.trim().is_empty() => config.locale = Some(value),
                // The adapters are the loader's (www/loader.js): HTTP from
                // the wasm would cost 6.5 KB of its gzip budget. Named
                // here only to say when the name is wrong.
                "cartAdapter" => match value.trim().to_ascii_lowercase().as_str() {
                    "" | "events" | "shopify" | "woocommerce" => {}
                    other => config.problems.push(format!(
                        "data-cart-adapter: no adapter {other}; adds are events only"
                    )),
                },
                "holdout" => config.holdout = parse_decimal(&value).unwrap_or(0.0).clamp(0.0, 1.0),
                "analytics" => config.analytics = !off,
                "recentlyViewed" => config.recently_viewed = !off,
                "explain" => config.explain = !off,
                _ => {
                    if let Some(name) = key.strip_prefix("label").filter(|n| !n.is_empty()) {
                        match super::labels::known_key(name) {
                            Some(name) => config.labels.push((name.to_string(), value)),
                            None => config.problems.push(format!("data-label: no label {name}")),
                        }
                    }
                }
            }
        }
        config
    }
}
