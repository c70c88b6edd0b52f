//! The web layer in a real browser (wasm-bindgen-test in headless
//! Chromium: `wasm-pack test --headless --chrome`). Each test builds its own
//! placeholders, mounts a small index and checks the DOM and events.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A phone (two tiers), a case, a charger, a protection plan declared for
/// phones, and an item with hostile text and URLs.
const INDEX: &str = r#"{"version":1,"currency":"USD",
 "categories":["Phones","Cases","Chargers","Plans","Misc"],"families":["phone"],
 "products":[
  {"id":"P1","title":"Phone One","url":"/p/P1","price":49900,"category":0,"family":0,"tier":1,
   "together":{"items":[1,2,5],"scores":[0.3,0.2,0.1]},"upgrade":{"items":[6]},
   "add_ons":{"items":[3,1,2],"scores":[0,0.3,0.2],"pinned":1}},
  {"id":"C1","title":"Case","url":"/p/C1","price":1999,"category":1,
   "together":{"items":[0,2],"scores":[0.3,0.1]},"add_ons":{"items":[2],"scores":[0.1]}},
  {"id":"CH","title":"Charger","price":2999,"category":2,"together":{"items":[0,1],"scores":[0.2,0.1]}},
  {"id":"PLAN","title":"Protection plan","price":4900,"category":3,"addon":true},
  {"id":"OUT","title":"Sold out","price":100,"category":4,"in_stock":false},
  {"id":"EVIL","title":"<img src=x onerror=alert(1)>","url":"javascript:alert(1)","image":"data:text/html,x","price":500,"category":4},
  {"id":"P2","title":"Phone Two","price":69900,"category":0,"family":0,"tier":2}
 ]}"#;

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh container with the given placeholders' HTML. (The body itself
/// is left alone: the test runner reports through it.)
fn page(html: &str) -> Element {
    // Each test starts as a new visitor (no recently viewed products).
    if let Ok(Some(storage)) = web_sys::window().unwrap().local_storage() {
        storage.clear().unwrap();
    }
    let doc = document();
    if let Some(old) = doc.get_element_by_id("xsell-test-root") {
        old.remove();
    }
    let root = doc.create_element("div").unwrap();
    root.set_id("xsell-test-root");
    root.set_inner_html(html);
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

fn mount(index: &str) -> Result<(), String> {
    xsell::web::mount(index.as_bytes(), "test.json", JsValue::UNDEFINED).map(|_| ())
}

fn ids(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| {
            list.item(i)
                .unwrap()
                .dyn_into::<Element>()
                .unwrap()
                .get_attribute("data-xsell-item")
                .unwrap()
        })
        .collect()
}

#[wasm_bindgen_test]
fn renders_every_block_kind() {
    let root = page(
        r#"<div id="bt" data-xsell="bought-together" data-product="P1"></div>
           <div id="up" data-xsell="upgrade" data-product="P1"></div>
           <div id="ao" data-xsell="add-ons" data-cart="P1:1"></div>
           <div id="pp" data-xsell="post-purchase" data-order="P1"></div>"#,
    );
    mount(INDEX).unwrap();
    assert_eq!(ids(&root, "#bt [data-xsell-item]"), ["C1", "CH", "EVIL"]);
    assert_eq!(ids(&root, "#up [data-xsell-item]"), ["P2"]);
    assert_eq!(ids(&root, "#ao [data-xsell-item]"), ["PLAN", "C1", "CH"]);
    assert_eq!(ids(&root, "#pp [data-xsell-item]"), ["C1", "CH", "EVIL"]);
    let bt = root.query_selector("#bt").unwrap().unwrap();
    assert_eq!(
        bt.get_attribute("data-xsell-state").as_deref(),
        Some("ready")
    );
    // The product itself is shown as the anchor, not as a recommendation.
    assert!(bt
        .query_selector("[data-xsell-anchor='P1']")
        .unwrap()
        .is_some());
    let total = bt.query_selector(".xsell__total-amount").unwrap().unwrap();
    assert_eq!(total.text_content().unwrap(), "$553.98");
    let up = root
        .query_selector("#up .xsell__difference")
        .unwrap()
        .unwrap();
    assert_eq!(up.text_content().unwrap(), "+$200.00");
}

#[wasm_bindgen_test]
fn untrusted_text_stays_text_and_bad_urls_are_dropped() {
    let root = page(r#"<div data-xsell="bought-together" data-product="P1"></div>"#);
    mount(INDEX).unwrap();
    let evil = root
        .query_selector("[data-xsell-item='EVIL']")
        .unwrap()
        .unwrap();
    assert!(
        evil.query_selector("img").unwrap().is_none(),
        "no <img> from title or data: URL"
    );
    assert!(
        evil.query_selector("a").unwrap().is_none(),
        "no javascript: link"
    );
    let name = evil.query_selector(".xsell__name").unwrap().unwrap();
    assert_eq!(name.text_content().unwrap(), "<img src=x onerror=alert(1)>");
}

#[wasm_bindgen_test]
fn a_broken_index_is_an_error_not_a_panic() {
    page(r#"<div data-xsell="bought-together" data-product="P1"></div>"#);
    let err = mount("{\"version\":1,\n\"products\":[{\"id\":7}]}").unwrap_err();
    assert!(err.starts_with("test.json:2:"), "{err}");
    assert!(err.contains("products[0].id"), "{err}");
    let err = mount(r#"{"version":2,"products":[]}"#).unwrap_err();
    assert!(err.contains("version 2"), "{err}");
    assert!(mount("<html>not found</html>").is_err());
}

#[wasm_bindgen_test]
fn unknown_products_leave_the_block_empty() {
    let root = page(r#"<div id="x" data-xsell="bought-together" data-product="NOPE"></div>"#);
    mount(INDEX).unwrap();
    let x = root.query_selector("#x").unwrap().unwrap();
    assert_eq!(
        x.get_attribute("data-xsell-state").as_deref(),
        Some("empty")
    );
    assert_eq!(x.child_element_count(), 0);
}

#[wasm_bindgen_test]
fn add_selected_dispatches_one_event_with_the_ticked_items() {
    let root = page(r#"<div id="bt" data-xsell="bought-together" data-product="P1"></div>"#);
    mount(INDEX).unwrap();
    let details = capture_add_to_cart();
    // Untick the charger, then add.
    click(&root, "#bt input[data-xsell-tick='CH']");
    let total = root
        .query_selector("#bt .xsell__total-amount")
        .unwrap()
        .unwrap();
    assert_eq!(total.text_content().unwrap(), "$523.99");
    click(&root, "#bt [data-xsell-action='add-selected']");
    let got = details.borrow();
    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0],
        r#"{"block":"bought-together","items":[{"id":"P1","quantity":1},{"id":"C1","quantity":1},{"id":"EVIL","quantity":1}]}"#
    );
}

#[wasm_bindgen_test]
fn upgrade_names_both_products() {
    let root = page(r#"<div id="up" data-xsell="upgrade" data-product="P1"></div>"#);
    mount(INDEX).unwrap();
    let details = capture_add_to_cart();
    click(&root, "#up [data-xsell-action='upgrade']");
    assert_eq!(
        details.borrow()[0],
        r#"{"block":"upgrade","items":[{"id":"P2","quantity":1}],"from":"P1","to":"P2"}"#
    );
}

#[wasm_bindgen_test]
fn set_cart_rerenders_add_ons_without_a_reload() {
    let root = page(r#"<div id="ao" data-xsell="add-ons" data-cart="C1:1"></div>"#);
    mount(INDEX).unwrap();
    assert_eq!(ids(&root, "#ao [data-xsell-item]"), ["CH"]);
    let cart =
        js_sys::JSON::parse(r#"[{"id":"P1","quantity":1},{"id":"PLAN","quantity":1}]"#).unwrap();
    xsell::web::set_cart(cart).unwrap();
    xsell::web::render();
    assert_eq!(ids(&root, "#ao [data-xsell-item]"), ["C1", "CH"]);
    let bad = js_sys::JSON::parse(r#"[{"quantity":1}]"#).unwrap();
    assert!(xsell::web::set_cart(bad).is_err());
}

#[wasm_bindgen_test]
fn a_whole_bundle_ticked_gets_the_discount() {
    // P1 + case + charger are a bundle, 10% off when taken together.
    let index = INDEX
        .replace(r#""version":1,"#, r#""version":1,"bundle_discount":10,"#)
        .replace(r#""tier":1,"#, r#""tier":1,"bundle":{"items":[1,2]},"#);
    let root = page(r#"<div id="bt" data-xsell="bought-together" data-product="P1"></div>"#);
    mount(&index).unwrap();
    let text = |sel: &str| {
        root.query_selector(sel)
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    let note = text("#bt .xsell__bundle");
    assert_eq!(note, "Save 10% when you buy this item with Case + Charger.");
    // All ticked: $553.98 less 10% of $548.98 ($54.90).
    assert_eq!(text("#bt .xsell__total-amount"), "$499.08");
    assert_eq!(text("#bt .xsell__saving-amount"), "$54.90");
    // Untick the charger: no bundle, no saving.
    let details = capture_add_to_cart();
    click(&root, "#bt input[data-xsell-tick='CH']");
    assert_eq!(text("#bt .xsell__total-amount"), "$523.99");
    let saving = root.query_selector("#bt .xsell__saving").unwrap().unwrap();
    assert!(saving.has_attribute("hidden"));
    assert!(details.borrow().is_empty(), "ticking adds nothing");
}

#[wasm_bindgen_test]
fn labels_can_be_overridden_per_placeholder() {
    let root = page(
        r#"<div id="bt" data-xsell="bought-together" data-product="P1" data-label-heading="Souvent achetés ensemble" data-limit="1"></div>"#,
    );
    mount(INDEX).unwrap();
    let h = root.query_selector("#bt h2").unwrap().unwrap();
    assert_eq!(h.text_content().unwrap(), "Souvent achetés ensemble");
    assert_eq!(ids(&root, "#bt [data-xsell-item]"), ["C1"]);
}

/// Records the detail (as JSON) of every `xsell:add-to-cart` event.
fn capture_add_to_cart() -> Rc<RefCell<Vec<String>>> {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let json = js_sys::JSON::stringify(&e.detail()).unwrap();
            sink.borrow_mut().push(String::from(json));
        });
    document()
        .add_event_listener_with_callback("xsell:add-to-cart", listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
    seen
}

/// Clicks an element and hands the event to the widget, as the loader's
/// delegated listener does.
fn click(root: &Element, selector: &str) {
    let target: HtmlElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let forward = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
        xsell::web::handle(e);
    });
    let doc = document();
    doc.add_event_listener_with_callback("click", forward.as_ref().unchecked_ref())
        .unwrap();
    doc.add_event_listener_with_callback("change", forward.as_ref().unchecked_ref())
        .unwrap();
    target.click();
    doc.remove_event_listener_with_callback("click", forward.as_ref().unchecked_ref())
        .unwrap();
    doc.remove_event_listener_with_callback("change", forward.as_ref().unchecked_ref())
        .unwrap();
}
