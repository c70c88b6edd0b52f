//! "Frequently bought together": the product and its complements, each
//! with a tick box, a live total of what is ticked (less the bundle saving
//! when the whole bundle is ticked), and one button that adds everything
//! ticked in one event.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use super::parts::{frame, item_element, product_line};
use crate::core::index::Origin;
use crate::core::view::{totals, BlockView, ItemView};
use crate::web::app::App;
use crate::web::dom::{append, el, select_all, set, text_el};
use crate::web::labels::{fill, text, Label};
use crate::web::placeholder::Placement;

pub fn render(
    app: &App,
    doc: &Document,
    view: &BlockView<'_>,
    placement: &Placement,
) -> Option<Element> {
    let section = frame(app, doc, placement)?;
    let label = |l: Label| text(l, &app.config, &placement.labels);
    let in_bundle = |id: &str| {
        view.bundle
            .as_ref()
            .is_some_and(|(_, partners)| partners.contains(&id))
    };
    let list = el(doc, "ul", "xsell__list")?;
    set(&list, "role", "list");
    if let Some(anchor) = &view.anchor {
        append(
            &list,
            &line(app, doc, anchor, placement, true, view.bundle.is_some())?,
        );
    }
    for item in &view.items {
        append(
            &list,
            &line(app, doc, item, placement, false, in_bundle(item.id))?,
        );
    }
    append(&section, &list);

    if let Some((percent, partners)) = &view.bundle {
        let names: Vec<&str> = view
            .items
            .iter()
            .filter(|i| partners.contains(&i.id))
            .map(|i| i.title)
            .collect();
        let percent = app
            .prices
            .percent(*percent, super::offers::percent_text(*percent));
        let offer = fill(
            label(Label::BundleOffer),
            &[("{percent}", &percent), ("{items}", &names.join(" + "))],
        );
        append(&section, &text_el(doc, "p", "xsell__bundle", &offer)?);
    }

    let footer = el(doc, "div", "xsell__footer")?;
    let sums = el(doc, "p", "xsell__total")?;
    // Read out whole ("Total: $432.00"), not just the changed amount.
    set(&sums, "aria-live", "polite");
    set(&sums, "aria-atomic", "true");
    // Real spaces between texts and amounts: screen readers do not hear
    // margins.
    append(&sums, &text_el(doc, "span", "", label(Label::Total))?);
    let _ = sums.append_with_str_1(" ");
    append(&sums, &el(doc, "strong", "xsell__total-amount")?);
    let saving = el(doc, "span", "xsell__saving")?;
    append(&saving, &text_el(doc, "span", "", label(Label::YouSave))?);
    let _ = saving.append_with_str_1(" ");
    append(&saving, &el(doc, "span", "xsell__saving-amount")?);
    append(&sums, &saving);
    append(&footer, &sums);
    let button = text_el(doc, "button", "xsell__button", label(Label::AddSelected))?;
    set(&button, "type", "button");
    set(&button, "data-xsell-action", "add-selected");
    append(&footer, &button);
    append(&section, &footer);
    show_totals(app, &section);
    Some(section)
}

/// One product with its tick box, ticked to start with when it is truly
/// bought with the product (earned or placed by the merchant).
fn line(
    app: &App,
    doc: &Document,
    item: &ItemView<'_>,
    placement: &Placement,
    is_anchor: bool,
    in_bundle: bool,
) -> Option<Element> {
    let li = if is_anchor {
        let li = el(doc, "li", "xsell__item")?;
        set(&li, "data-xsell-anchor", item.id);
        li
    } else {
        item_element(app, doc, item, "xsell__item")?
    };
    if in_bundle {
        set(&li, "data-xsell-bundle", "");
    }
    // The product itself starts unticked when it is already in the cart:
    // "Add selected" should not add a second one.
    let in_cart = is_anchor && app.in_cart(item.id);
    // Fills (cold start, what a viewed product goes with) are offered, not
    // pre-chosen: "Add selected" adds only what the shopper can trust.
    let vouched = is_anchor || matches!(item.origin, Origin::Pinned | Origin::Earned);
    let tick = el(doc, "input", "xsell__tick")?;
    set(&tick, "type", "checkbox");
    if vouched && !in_cart {
        set(&tick, "checked", "");
    }
    set(&tick, "data-xsell-tick", item.id);
    append(&li, &tick);
    // The anchor's picker starts on the variant the page is about.
    let preferred = is_anchor
        .then(|| placement.anchors.first().map(String::as_str))
        .flatten();
    let line = product_line(app, doc, &li, item, placement, None, preferred)?;
    if in_cart {
        let note = text_el(
            doc,
            "span",
            "xsell__in-cart",
            text(Label::InCart, &app.config, &placement.labels),
        )?;
        append(&line.info, &note);
    }
    if is_anchor {
        let this = text_el(
            doc,
            "span",
            "xsell__this",
            text(Label::ThisItem, &app.config, &placement.labels),
        )?;
        set(&this, "id", &app.unique_id());
        // "This item:" reads before the name, inside the name's column.
        let _ = line.info.prepend_with_node_1(&this);
        set(
            &tick,
            "aria-labelledby",
            &format!("{} {}", this.id(), line.name.id()),
        );
    } else {
        set(&tick, "aria-labelledby", &line.name.id());
    }
    Some(li)
}

/// The ids a bought-together block would add: each ticked product, or the
/// variant picked for it.
pub fn chosen(block: &Element) -> Vec<String> {
    select_all(block, "input[data-xsell-tick]")
        .into_iter()
        .filter(is_checked)
        .filter_map(|e| e.get_attribute("data-xsell-tick"))
        .map(|id| picked_variant(block, &id).unwrap_or(id))
        .collect()
}

/// The variant picked in the block for product `id`, if it has a picker.
pub fn picked_variant(block: &Element, id: &str) -> Option<String> {
    select_all(block, "select[data-xsell-variant-of]")
        .into_iter()
        .find(|s| s.get_attribute("data-xsell-variant-of").as_deref() == Some(id))
        .and_then(|s| s.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .filter(|v| !v.is_empty())
}

/// Writes the total of what is ticked in `block` (and the bundle saving,
/// when it applies), and disables the button when nothing is ticked. Used
/// when the block is drawn and after every tick or variant change.
pub fn show_totals(app: &App, block: &Element) {
    let ticked = chosen(block);
    let anchor = select_all(block, "[data-xsell-anchor]")
        .into_iter()
        .next()
        .and_then(|a| a.get_attribute("data-xsell-anchor"))
        .and_then(|id| app.catalog.position(&id));
    let positions: Vec<u32> = ticked
        .iter()
        .filter_map(|id| app.catalog.position(id))
        .collect();
    let sums = anchor.and_then(|a| totals(&app.catalog, a, &positions));
    let write = |selector: &str, value: Option<String>| {
        for e in select_all(block, selector) {
            e.set_text_content(Some(value.as_deref().unwrap_or("")));
        }
    };
    write(
        ".xsell__total-amount",
        sums.as_ref().map(|t| app.prices.format(&t.total)),
    );
    let saving = sums.as_ref().and_then(|t| t.saving.as_ref());
    write(
        ".xsell__saving-amount",
        saving.map(|s| app.prices.format(s)),
    );
    for e in select_all(block, ".xsell__saving") {
        toggle(&e, "hidden", saving.is_none());
    }
    // Nothing ticked: no "Total:" without an amount.
    for e in select_all(block, ".xsell__total") {
        toggle(&e, "hidden", sums.is_none());
    }
    for button in select_all(block, "[data-xsell-action=add-selected]") {
        toggle(&button, "disabled", ticked.is_empty());
    }
}

fn is_checked(e: &Element) -> bool {
    e.dyn_ref::<web_sys::HtmlInputElement>()
        .is_some_and(|i| i.checked())
}

fn toggle(e: &Element, attribute: &str, on: bool) {
    if on {
        set(e, attribute, "");
    } else {
        let _ = e.remove_attribute(attribute);
    }
}
