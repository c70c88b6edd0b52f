//! Settings from the script tag (`data-*` attributes, handed over by the
//! loader as a plain object of strings, keys in camelCase as in
//! `element.dataset`).

use wasm_bindgen::JsValue;

#[derive(Debug, Clone, Default)]
pub struct Config {
    /// `data-locale`: BCP 47 tag for prices and labels; else the page's
    /// `<html lang>`, else the browser's.
    pub locale: Option<String>,
    /// `data-label-*`: label overrides, keyed as in [`super::labels`].
    pub labels: Vec<(String, String)>,
}

impl Config {
    /// Reads the loader's object; anything unreadable means defaults.
    pub fn from_js(value: JsValue) -> Config {
        Config::from_entries(super::interop::string_entries(&value))
    }

    pub fn from_entries(entries: Vec<(String, String)>) -> Config {
        let mut config = Config::default();
        for (key, value) in entries {
            if key == "locale" && !value.trim().is_empty() {
                config.locale = Some(value);
            } else if let Some(name) = key.strip_prefix("label").filter(|n| !n.is_empty()) {
                config.labels.push((name.to_string(), value));
            }
        }
        config
    }
}
