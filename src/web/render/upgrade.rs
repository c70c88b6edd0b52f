//! "Upgrade to premium": the better version, what it costs more, the
//! attributes that differ side by side, and a "Choose this instead" action
//! naming both products.

use web_sys::{Document, Element};

use super::parts::{frame, item_element, line_button, product_line};
use crate::core::view::{difference, differences, BlockView, ItemView};
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
    let label = |l: Label| text(l, &app.config, &placement.labels);
    let list = el(doc, "ul", "xsell__list")?;
    set(&list, "role", "list");
    for item in &view.items {
        let li = item_element(app, doc, item, "xsell__item xsell__item--upgrade")?;
        let line = product_line(app, doc, &li, item, placement, None, None)?;
        if let Some(diff) = view.anchor.as_ref().and_then(|a| difference(a, item)) {
            let more = format!("+{}", app.prices.format(&diff));
            append(
                &line.buy,
                &text_el(doc, "span", "xsell__difference", &more)?,
            );
        }
        if let Some(anchor) = &view.anchor {
            let instead = el(doc, "p", "xsell__instead")?;
            set(&instead, "data-xsell-anchor", anchor.id);
            instead.set_text_content(Some(&format!(
                "{} {}",
                label(Label::InsteadOf),
                anchor.title
            )));
            append(&line.info, &instead);
            if let Some(table) = comparison(app, doc, anchor, item, placement) {
                append(&li, &table);
            }
        }
        line_button(doc, &line, label(Label::ChooseInstead), "upgrade", item.id)?;
        append(&list, &li);
    }
    append(&section, &list);
    Some(section)
}

/// A table of the attributes that differ: feature | this product | the
/// upgrade. None when the catalog gives no attributes to compare.
fn comparison(
    app: &App,
    doc: &Document,
    from: &ItemView<'_>,
    to: &ItemView<'_>,
    placement: &Placement,
) -> Option<Element> {
    let (from_at, to_at) = (app.catalog.position(from.id)?, app.catalog.position(to.id)?);
    let rows = differences(&app.catalog, from_at, to_at);
    if rows.is_empty() {
        return None;
    }
    let table = el(doc, "table", "xsell__compare")?;
    // Catalog text keeps its own direction ("20 h" stays "20 h" on a
    // right-to-left page); the cells still line up with the page.
    let cell = |tag: &str, text: &str| {
        let c = text_el(doc, tag, "", text)?;
        set(&c, "dir", "auto");
        Some(c)
    };
    let head = el(doc, "thead", "")?;
    let tr = el(doc, "tr", "")?;
    for heading in [
        text(Label::Feature, &app.config, &placement.labels),
        from.title,
        to.title,
    ] {
        let th = cell("th", heading)?;
        set(&th, "scope", "col");
        append(&tr, &th);
    }
    append(&head, &tr);
    append(&table, &head);
    let body = el(doc, "tbody", "")?;
    for (name, a, b) in rows {
        let tr = el(doc, "tr", "")?;
        let th = cell("th", name)?;
        set(&th, "scope", "row");
        append(&tr, &th);
        // An attribute one of them lacks shows as a dash, not as nothing.
        append(&tr, &cell("td", if a.is_empty() { "–" } else { a })?);
        append(&tr, &cell("td", if b.is_empty() { "–" } else { b })?);
        append(&body, &tr);
    }
    append(&table, &body);
    Some(table)
}
