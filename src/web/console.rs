//! Messages for the shop owner in the browser console, each said once per
//! page: setup mistakes (an unknown block name, an unknown cart adapter) as
//! warnings, expected gaps (a product newer than the index) as notes.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = warn)]
    fn console_warn(text: &str);
    #[wasm_bindgen(js_namespace = console, js_name = info)]
    fn console_info(text: &str);
}

thread_local! {
    // A few messages a page: a list is enough (a set costs kilobytes of wasm).
    static SAID: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// A mistake in the page's setup.
pub fn warn(message: &str) {
    once(message, console_warn);
}

/// Something the owner may want to know, that is not a mistake.
pub fn note(message: &str) {
    once(message, console_info);
}

fn once(message: &str, say: fn(&str)) {
    let text = format!("xsell: {message}");
    let new = SAID.with(|said| {
        let mut said = said.borrow_mut();
        let new = !said.contains(&text);
        if new {
            said.push(text.clone());
        }
        new
    });
    if new {
        say(&text);
    }
}
