//! Prices for shoppers: `Intl.NumberFormat` in the product's currency and
//! the page's locale, one formatter per currency, made once.
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
    /// One formatter per currency met (a handful: a list will do).
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
        let Ok(mut formatters) = self.formatters.try_borrow_mut() else {
            return money.plain();
        };
        let at = match formatters.iter().position(|(c, _)| *c == money.currency) {
            Some(at) => at,
            None => {
                formatters.push((money.currency.clone(), self.formatter(&money.currency)));
                formatters.len() - 1
            }
        };
        formatters[at]
            .1
            .as_ref()
            .and_then(|f| f.format(money.major()).ok())
            .unwrap_or_else(|| money.plain())
    }

    fn formatter(&self, currency: &str) -> Option<NumberFormat> {
        let options = js_sys::Object::new();
        let set = |k: &str, v: &str| js_sys::Reflect::set(&options, &k.into(), &v.into()).ok();
        set("style", "currency")?;
        set("currency", currency)?;
        NumberFormat::new(&self.locale, &options)
            .or_else(|_| NumberFormat::new(&JsValue::UNDEFINED, &options))
            .ok()
    }
}
