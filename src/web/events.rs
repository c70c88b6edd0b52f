//! Shoppers' actions inside blocks, delegated by the loader.
//!
//! - A tick box or a variant picker updates prices and the total.
//! - An add button dispatches a bubbling, cancelable `xsell:add-to-cart`
//!   CustomEvent on the placeholder, `detail = {block, items: [{id,
//!   quantity}]}` (upgrades add `from`/`to`, a time-limited offer its
//!   `discount`). Unless a listener cancels it, the cart adapter adds the
//!   items: for `events` the listener is the adapter; for a cart API the
//!   loader makes the calls and hands the outcome back (`added`, `failed`
//!   in `web`). Then the items leave the blocks and `add_to_cart` goes to
//!   analytics.
//! - While an add is under way the block is busy and its buttons disabled;
//!   a second click on the same items within a second adds nothing. A
//!   failed add says so in the block, with a "Try again" button that sends
//!   the very same items: nothing is lost.
//! - Following a product link reports `select_item`.
//!
//! The state is borrowed only to work out what to do; events are
//! dispatched after the borrow ends, because the shop's listeners run
//! inside `dispatchEvent` and may call back into the widget.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlSelectElement};

use super::app::{render_all, set_cart, with_app, App};
use super::dom::{closest, document, el, focus, select_all, set, target_element, text_el};
use super::interop::{to_js, AddToCart, CartItem};
use super::labels::{text, Label};
use super::render::{chosen, picked_variant, show_totals};
use super::{analytics, placeholder};
use crate::core::block::Block;
use crate::core::index::Origin;
use crate::core::view::ItemView;

pub const ADD_TO_CART: &str = "xsell:add-to-cart";

/// Handles a click or change. Returns the items for the loader's cart
/// adapter to add, when that is what should happen next.
pub fn handle(event: &web_sys::Event) -> Option<Vec<CartItem>> {
    let target = target_element(event)?;
    let placeholder = closest(&target, "[data-xsell]")?;
    let block = placeholder
        .get_attribute("data-xsell")
        .and_then(|n| Block::from_name(&n))?;
    match event.type_().as_str() {
        "change" if target.has_attribute("data-xsell-tick") => {
            with_app(|app| show_totals(app, &placeholder));
        }
        "change" if target.has_attribute("data-xsell-variant-of") => {
            with_app(|app| {
                show_variant_price(app, &target);
                show_totals(app, &placeholder);
            });
        }
        "click" => {
            if let Some(action) = closest(&target, "[data-xsell-action]") {
                let detail = add_to_cart(block, &placeholder, &action)?;
                return start_add(&placeholder, detail);
            }
            if let Some(link) = closest(&target, "a[href]") {
                let id = closest(&link, "[data-xsell-item]")
                    .and_then(|li| li.get_attribute("data-xsell-item"));
                if let Some(id) = id {
                    with_app(|app| analytics::select_item(app, &placeholder, block, &id));
                }
            }
        }
        _ => {}
    }
    None
}

/// What a button asks to add, or None when there is nothing to add.
fn add_to_cart(block: Block, placeholder: &Element, action: &Element) -> Option<AddToCart> {
    let one = |id: String| CartItem { id, quantity: 1 };
    let of_item = |id: String| picked_variant(placeholder, &id).unwrap_or(id);
    let items = match action.get_attribute("data-xsell-action")?.as_str() {
        "add-selected" => chosen(placeholder).into_iter().map(one).collect(),
        "add" | "upgrade" => vec![one(of_item(action.get_attribute("data-xsell-id")?))],
        "retry" => decode(&action.get_attribute("data-xsell-retry")?),
        _ => return None,
    };
    if items.is_empty() {
        return None;
    }
    let (from, to) = if block == Block::Upgrade {
        let from = closest(action, "[data-xsell-item]")
            .and_then(|li| select_all(&li, "[data-xsell-anchor]").into_iter().next())
            .and_then(|a| a.get_attribute("data-xsell-anchor"));
        (from, items.first().map(|i| i.id.clone()))
    } else {
        (None, None)
    };
    let discount = offer_percent(placeholder);
    let retry = action.get_attribute("data-xsell-action").as_deref() == Some("retry");
    Some(AddToCart {
        block: block.name(),
        items,
        from,
        to,
        discount,
        retry,
    })
}

/// The longest gap between the two clicks of a double click (Windows'
/// default; most systems use less).
const DOUBLE_CLICK_MS: f64 = 500.0;

/// Dispatches the event (the shop's listeners may cancel it); unless it
/// was cancelled or a double click, the items go back to the loader.
fn start_add(placeholder: &Element, detail: AddToCart) -> Option<Vec<CartItem>> {
    // While an add is under way the block is busy; right after one
    // succeeded, a click in it is the second half of a double click
    // landing on whatever the redraw put under the pointer. "Try again"
    // is never a double click of the attempt that failed.
    let now = js_sys::Date::now();
    let double_click = with_app(|app| {
        matches!(&*app.last_added.borrow(),
            Some((el, at)) if el == placeholder && now - at < DOUBLE_CLICK_MS)
    })?;
    if placeholder.has_attribute("data-xsell-busy") || (double_click && !detail.retry) {
        return None;
    }
    set_busy(placeholder, true);
    clear_error(placeholder);
    let Ok(js) = to_js(&detail) else {
        set_busy(placeholder, false);
        return None;
    };
    // The shop's listeners run here, and may cancel.
    if !analytics::dispatch(placeholder, ADD_TO_CART, &js) {
        set_busy(placeholder, false);
        return None;
    }
    // The loader adds them (events adapter: once the shop's listener says
    // it is done) and reports back through `finish`.
    Some(detail.items)
}

/// After the add: the cart (if the shop's API told it) becomes the
/// widget's, the blocks redraw, analytics hear of it; or the error shows.
pub fn finish(
    placeholder: &Element,
    items: Vec<CartItem>,
    result: Result<Option<Vec<String>>, String>,
) {
    let Some(block) = placeholder
        .get_attribute("data-xsell")
        .and_then(|n| Block::from_name(&n))
    else {
        return;
    };
    set_busy(placeholder, false);
    match result {
        Ok(cart) => {
            with_app(|app| {
                *app.last_added.borrow_mut() = Some((placeholder.clone(), js_sys::Date::now()))
            });
            let known = cart.is_some();
            match cart {
                Some(ids) => set_cart(ids),
                None => {
                    with_app(|app| {
                        app.added
                            .borrow_mut()
                            .extend(items.iter().map(|i| i.id.clone()))
                    });
                }
            }
            with_app(|app| analytics::add_to_cart(app, placeholder, block, &items));
            if known {
                if let Ok(detail) = to_js(&items) {
                    if let Some(doc) = document() {
                        analytics::dispatch(&doc, "xsell:cart-updated", &detail);
                    }
                }
            }
            render_all();
        }
        Err(reason) => {
            with_app(|app| show_error(app, placeholder, &items, &reason));
        }
    }
}

fn set_busy(placeholder: &Element, busy: bool) {
    for section in select_all(placeholder, "section") {
        if busy {
            set(&section, "aria-busy", "true");
        } else {
            let _ = section.remove_attribute("aria-busy");
        }
    }
    if busy {
        set(placeholder, "data-xsell-busy", "");
    } else {
        let _ = placeholder.remove_attribute("data-xsell-busy");
    }
    // aria-disabled, not disabled: a disabled button loses keyboard focus
    // (to <body>). Clicks meanwhile are ignored by the busy mark.
    for button in select_all(placeholder, "button[data-xsell-action]") {
        if busy {
            set(&button, "aria-disabled", "true");
        } else {
            let _ = button.remove_attribute("aria-disabled");
        }
    }
}

/// "Could not add to cart. {the shop's reason}" and a "Try again" button
/// carrying the same items.
fn show_error(app: &App, placeholder: &Element, items: &[CartItem], reason: &str) {
    let Some(doc) = document() else { return };
    let Some(section) = select_all(placeholder, "section").into_iter().next() else {
        return;
    };
    // The placeholder's own texts (data-label-add-failed, -retry) first.
    let labels = placeholder::labels(placeholder);
    let Some(alert) = el(&doc, "div", "xsell__error") else {
        return;
    };
    set(&alert, "role", "alert");
    let message = format!("{} {reason}", text(Label::AddFailed, &app.config, &labels));
    if let Some(p) = text_el(&doc, "p", "", &message) {
        let _ = alert.append_child(&p);
    }
    if let Some(retry) = text_el(
        &doc,
        "button",
        "xsell__button xsell__button--secondary",
        text(Label::Retry, &app.config, &labels),
    ) {
        set(&retry, "type", "button");
        set(&retry, "data-xsell-action", "retry");
        set(&retry, "data-xsell-retry", &encode(items));
        let _ = alert.append_child(&retry);
    }
    let _ = section.append_child(&alert);
    // The shopper who pressed the button is taken to "Try again".
    if placeholder.contains(doc.active_element().as_ref().map(|e| e.as_ref())) {
        focus_first(placeholder, "[data-xsell-action=retry]");
    }
}

fn clear_error(placeholder: &Element) {
    let focused = document().and_then(|d| d.active_element());
    for e in select_all(placeholder, ".xsell__error") {
        // "Try again" was pressed by keyboard: focus goes to the block's
        // heading, not to the page's start.
        if e.contains(focused.as_ref().map(|f| f.as_ref())) {
            focus_first(placeholder, ".xsell__heading");
        }
        e.remove();
    }
}

fn focus_first(placeholder: &Element, selector: &str) {
    if let Some(el) = select_all(placeholder, selector).first() {
        focus(el);
    }
}

/// Items as `id\tquantity` lines (ids may hold commas and colons).
fn encode(items: &[CartItem]) -> String {
    items
        .iter()
        .map(|i| format!("{}\t{}", i.id, i.quantity))
        .collect::<Vec<_>>()
        .join("\n")
}

fn decode(text: &str) -> Vec<CartItem> {
    text.lines()
        .filter_map(|line| {
            let (id, quantity) = line.rsplit_once('\t')?;
            Some(CartItem {
                id: id.to_string(),
                quantity: quantity.parse().ok()?,
            })
        })
        .collect()
}

/// After a variant was picked: that variant's price on its line.
fn show_variant_price(app: &App, select: &Element) {
    let Some(select) = select.dyn_ref::<HtmlSelectElement>() else {
        return;
    };
    let Some(position) = app.catalog.position(&select.value()) else {
        return;
    };
    let view = ItemView::new(&app.catalog, position, Origin::Earned, 0.0);
    let (Some(price), Some(li)) = (
        view.price,
        closest(select, "[data-xsell-item], [data-xsell-anchor]"),
    ) else {
        return;
    };
    let percent = closest(&li, "[data-xsell]").and_then(|p| offer_percent(&p));
    for p in select_all(&li, ".xsell__price") {
        // A discount's form (old price struck through, new price) stays.
        match (select_all(&p, ".xsell__amount").as_slice(), percent) {
            ([was, now], Some(percent)) => {
                was.set_text_content(Some(&app.prices.format(&price)));
                now.set_text_content(Some(&app.prices.format(&price.less_percent(percent))));
            }
            _ => p.set_text_content(Some(&app.prices.format(&price))),
        }
    }
}

/// The percent off of a running time-limited offer in `placeholder`.
fn offer_percent(placeholder: &Element) -> Option<f64> {
    select_all(placeholder, ".xsell__offer[data-xsell-percent]")
        .into_iter()
        .next()
        .and_then(|o| o.get_attribute("data-xsell-percent"))
        .and_then(|p| crate::core::decimal::parse_decimal(&p))
}
