//! "Frequently bought together": the product and its complements, each
//! with a tick box, a live total of what is ticked, and one button that
//! adds everything ticked in one event.

use web_sys::{Document, Element};

use super::parts::{frame, product_line};
use crate::core::index::Origin;
use crate::core::view::{total, BlockView, ItemView};
use crate::web::app::App;
use crate::web::dom::{append, el, set, text_el};
use crate::web::labels::{text, Label};
use crate::web::placeholder::Placement;

pub fn render(
    app: &App,
    doc: &Document,
    view: &BlockView<'_>,
    placement: &Placement,
) -> Option<Element> {
    let section = frame(app, doc, placement)?;
    let list = el(doc, "ul", "xsell__list")?;
    set(&list, "role", "list");
    if let Some(anchor) = &view.anchor {
        let li = line(app, doc, anchor, placement, true)?;
        append(&list, &li);
    }
    for item in &view.items {
        let li = line(app, doc, item, placement, false)?;
        append(&list, &li);
    }
    append(&section, &list);

    let all: Vec<&ItemView<'_>> = view.anchor.iter().chain(view.items.iter()).collect();
    let footer = el(doc, "div", "xsell__footer")?;
    let total_line = el(doc, "p", "xsell__total")?;
    set(&total_line, "aria-live", "polite");
    append(
        &total_line,
        &text_el(
            doc,
            "span",
            "",
            text(Label::Total, &app.config, &placement.labels),
        )?,
    );
    let amount = text_el(
        doc,
        "strong",
        "xsell__total-amount",
        &total_text(app, all.iter().copied()).unwrap_or_default(),
    )?;
    append(&total_line, &amount);
    append(&footer, &total_line);
    let button = text_el(
        doc,
        "button",
        "xsell__button",
        text(Label::AddSelected, &app.config, &placement.labels),
    )?;
    set(&button, "type", "button");
    set(&button, "data-xsell-action", "add-selected");
    append(&footer, &button);
    append(&section, &footer);
    Some(section)
}

/// One product with its tick box, ticked to start with.
fn line(
    app: &App,
    doc: &Document,
    item: &ItemView<'_>,
    placement: &Placement,
    is_anchor: bool,
) -> Option<Element> {
    let li = el(doc, "li", "xsell__item")?;
    set(
        &li,
        if is_anchor {
            "data-xsell-anchor"
        } else {
            "data-xsell-item"
        },
        item.id,
    );
    let tick = el(doc, "input", "xsell__tick")?;
    set(&tick, "type", "checkbox");
    set(&tick, "checked", "");
    set(&tick, "data-xsell-tick", item.id);
    append(&li, &tick);
    if is_anchor {
        let this = text_el(
            doc,
            "span",
            "xsell__this",
            text(Label::ThisItem, &app.config, &placement.labels),
        )?;
        set(&this, "id", &app.unique_id());
        let line = product_line(app, doc, &li, item, placement)?;
        // "This item:" reads before the name, inside the name's column.
        let _ = line.info.prepend_with_node_1(&this);
        let (this_id, name_id) = (this.id(), line.name.id());
        set(&tick, "aria-labelledby", &format!("{this_id} {name_id}"));
    } else {
        let line = product_line(app, doc, &li, item, placement)?;
        set(&tick, "aria-labelledby", &line.name.id());
    }
    Some(li)
}

/// The formatted total of the ticked items ("" when prices cannot add up).
fn total_text<'a>(app: &App, ticked: impl IntoIterator<Item = &'a ItemView<'a>>) -> Option<String> {
    total(ticked).map(|m| app.prices.format(&m))
}

/// The formatted total of the products with these ids (after a tick).
pub fn total_of_ids(app: &App, ids: &[String]) -> Option<String> {
    let views: Vec<ItemView<'_>> = ids
        .iter()
        .filter_map(|id| app.catalog.position(id))
        .map(|p| ItemView::new(&app.catalog, p, Origin::Earned, 0.0))
        .collect();
    total_text(app, views.iter())
}
