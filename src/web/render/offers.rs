//! Add-ons (cart) and post-purchase offers (thank-you page): a list of
//! products, each with its own add-to-cart button.

use web_sys::{Document, Element};

use super::parts::{frame, product_line};
use crate::core::view::BlockView;
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
        let li = el(doc, "li", "xsell__item")?;
        set(&li, "data-xsell-item", item.id);
        let line = product_line(app, doc, &li, item, placement)?;
        let button = text_el(
            doc,
            "button",
            "xsell__button",
            text(Label::Add, &app.config, &placement.labels),
        )?;
        set(&button, "type", "button");
        set(&button, "data-xsell-action", "add");
        set(&button, "data-xsell-id", item.id);
        set(&button, "aria-describedby", &line.name.id());
        append(&line.buy, &button);
        append(&list, &li);
    }
    append(&section, &list);
    Some(section)
}
