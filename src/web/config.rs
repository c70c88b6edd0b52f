//! Settings from the script tag (`data-*` attributes, handed over by the
//! loader as a plain object of strings, keys in camelCase as in
//! `element.dataset`).

use std::collections::HashMap;

use wasm_bindgen::JsValue;

#[derive(Debug, Clone, Default)]
pub struct Config {
    /// `data-locale`: BCP 47 tag for prices and labels; else the page's
    /// `<html lang>`, else the browser's.
    pub locale: Option<String>,
    /// `data-label-*`: label overrides, keyed as in [`super::labels`].
    pub labels: HashMap<String, String>,
}

impl Config {
    /// Reads the loader's object; anything unreadable means defaults.
    pub fn from_js(value: JsValue) -> Config {
        let map: HashMap<String, String> =
            serde_wasm_bindgen::from_value(value).unwrap_or_default();
        Config::from_map(&map)
    }

    pub fn from_map(map: &HashMap<String, String>) -> Config {
        let labels = map
            .iter()
            .filter_map(|(k, v)| {
                k.strip_prefix("label")
                    .map(|name| (name.to_string(), v.clone()))
            })
            .filter(|(name, _)| !name.is_empty())
            .collect();
        Config {
            locale: map.get("locale").filter(|l| !l.trim().is_empty()).cloned(),
            labels,
        }
    }
}
