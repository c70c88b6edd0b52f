//! Prices for shoppers: `Intl.NumberFormat` in the product's currency and
//! the page's locale, one formatter per currency, made once; ratings and
//! percentages as the locale writes them too ("4,2", "10 %" in German).
//!
//! `Intl` throws on a malformed locale or currency; the bindings here catch
//! that (an exception crossing wasm frames would skip Rust's clean-up), and
//! fall back to the browser's default locale, then to plain numbers.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::core::money::Money;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    type NumberFormat;

    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "NumberFormat")]
    fn new(locales: &JsValue, options: &JsValue) -> Result<NumberFormat, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn format(this: &NumberFormat, value: f64) -> Result<String, JsValue>;
}

pub struct PriceFormat {
    locale: JsValue,
    /// One formatter per currency met (a handful: a list will do), and
    /// for ratings (`.1`) and percentages (`%`).
    formatters: RefCell<Vec<(String, Option<NumberFormat>)>>,
}

impl PriceFormat {
    pub fn new(locale: Option<&str>) -> PriceFormat {
        PriceFormat {
            locale: locale.map_or(JsValue::UNDEFINED, JsValue::from_str),
            formatters: RefCell::new(Vec::new()),
        }
    }

    /// "$1,099.00", "1.099,00 €", "¥1,099" as the locale writes them.
    pub fn format(&self, money: &Money) -> String {
        self.with(&money.currency, money.major())
            .unwrap_or_else(|| money.plain())
    }

    /// A rating rounded to tenths: "4.2", "4,2" ("4" for 4.0).
    pub fn tenths(&self, value: f64, plain: String) -> String {
        self.with(".1", value).unwrap_or(plain)
    }

    /// "10%", "10 %", "12.5%" for 10, 12.5 percent.
    pub fn percent(&self, percent: f64, plain: String) -> String {
        self.with("%", percent / 100.0)
            .unwrap_or_else(|| format!("{plain}%"))
    }

    /// `value` through the formatter named `kind` (a currency code, or
    /// `.1`, `%`), made the first time it is asked for.
    fn with(&self, kind: &str, value: f64) -> Option<String> {
        let mut formatters = self.formatters.try_borrow_mut().ok()?;
        let at = match formatters.iter().position(|(k, _)| k == kind) {
            Some(at) => at,
            None => {
                formatters.push((kind.to_string(), self.formatter(kind)));
                formatters.len() - 1
            }
        };
        formatters[at].1.as_ref()?.format(value).ok()
    }

    fn formatter(&self, kind: &str) -> Option<NumberFormat> {
        let options = js_sys::Object::new();
        let set = |k: &str, v: JsValue| js_sys::Reflect::set(&options, &k.into(), &v).ok();
        match kind {
            // Ratings come rounded to tenths: the defaults write them.
            ".1" => {}
            "%" => {
                set("style", "percent".into())?;
                set("maximumFractionDigits", 1.into())?;
            }
            currency => {
                set("style", "currency".into())?;
                set("currency", currency.into())?;
            }
        }
        NumberFormat::new(&self.locale, &options)
            .or_else(|_| NumberFormat::new(&JsValue::UNDEFINED, &options))
            .ok()
    }
}
