//! "Upgrade to premium": the better version, what it costs more, and a
//! "Choose this instead" action naming both products.

use web_sys::{Document, Element};

use super::parts::{frame, product_line};
use crate::core::view::{difference, BlockView};
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
    for item in &view.items {
        let li = el(doc, "li", "xsell__item xsell__item--upgrade")?;
        set(&li, "data-xsell-item", item.id);
        let line = product_line(app, doc, &li, item, placement)?;
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
            let words = format!(
                "{} {}",
                text(Label::InsteadOf, &app.config, &placement.labels),
                anchor.title
            );
            instead.set_text_content(Some(&words));
            append(&line.info, &instead);
        }
        let button = text_el(
            doc,
            "button",
            "xsell__button",
            text(Label::ChooseInstead, &app.config, &placement.labels),
        )?;
        set(&button, "type", "button");
        set(&button, "data-xsell-action", "upgrade");
        set(&button, "data-xsell-id", item.id);
        set(&button, "aria-describedby", &line.name.id());
        append(&line.buy, &button);
        append(&list, &li);
    }
    append(&section, &list);
    Some(section)
}
