//! Small DOM helpers. Text always goes in as text (`textContent`), never
//! as HTML; links and images only take URLs the core judged safe.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

pub fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// The page's language (`<html lang>`), if it names one.
pub fn page_language() -> Option<String> {
    let lang = document()?.document_element()?.get_attribute("lang")?;
    Some(lang).filter(|l| !l.trim().is_empty())
}

/// A new element with a class.
pub fn el(doc: &Document, tag: &str, class: &str) -> Option<Element> {
    let e = doc.create_element(tag).ok()?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Some(e)
}

/// A new element holding `text` as text.
pub fn text_el(doc: &Document, tag: &str, class: &str, text: &str) -> Option<Element> {
    let e = el(doc, tag, class)?;
    e.set_text_content(Some(text));
    Some(e)
}

pub fn set(e: &Element, name: &str, value: &str) {
    // Only fails for invalid attribute names, and names here are constants.
    let _ = e.set_attribute(name, value);
}

pub fn append(parent: &Element, child: &Element) {
    let _ = parent.append_child(child);
}

/// The element an event happened on, if it is an element.
pub fn target_element(event: &web_sys::Event) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()
}

/// `closest()` that treats a bad selector as "none".
pub fn closest(e: &Element, selector: &str) -> Option<Element> {
    e.closest(selector).ok().flatten()
}

/// Every element matching `selector` under `root`.
pub fn select_all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// Moves keyboard focus to `e`, if it is an element that takes it.
pub fn focus(e: &Element) {
    if let Some(e) = e.dyn_ref::<web_sys::HtmlElement>() {
        let _ = e.focus();
    }
}
