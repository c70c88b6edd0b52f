//! Add-ons (cart) and post-purchase offers (thank-you page): a list of
//! products, each with its own add-to-cart button. A post-purchase block
//! may carry a time-limited discount (`data-discount` with
//! `data-countdown` or `data-offer-ends`): prices show it, a countdown
//! shows the time left, and when it runs out the block is drawn again at
//! full prices with a note that the offer ended.

use web_sys::{Document, Element};

use super::parts::{frame, item_element, line_button, product_line};
use crate::core::view::BlockView;
use crate::web::app::App;
use crate::web::dom::{append, el, select_all, set};
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
    let now = js_sys::Date::now();
    let running = placement.offer.filter(|&(_, ends)| ends > now);
    if let Some((percent, ends)) = placement.offer {
        let note = el(doc, "p", "xsell__offer")?;
        match running {
            Some(_) => {
                set(&note, "data-xsell-ends", &(ends as i64).to_string());
                set(&note, "data-xsell-percent", &percent_text(percent));
                note.set_text_content(Some(&offer_text(
                    app,
                    label(Label::OfferEnds),
                    percent,
                    ends - now,
                )));
            }
            None => {
                set(&note, "role", "status");
                note.set_text_content(Some(label(Label::OfferEnded)));
            }
        }
        append(&section, &note);
    }
    let list = el(doc, "ul", "xsell__list")?;
    set(&list, "role", "list");
    for item in &view.items {
        let li = item_element(app, doc, item, "xsell__item")?;
        let discount = running.map(|(p, _)| p);
        let line = product_line(app, doc, &li, item, placement, discount, None)?;
        line_button(doc, &line, label(Label::Add), "add", item.id)?;
        append(&list, &li);
    }
    append(&section, &list);
    Some(section)
}

/// Updates the countdown of `placeholder`; when it has run out, asks for a
/// redraw (full prices, "offer ended"). Returns whether it still runs.
pub fn tick(app: &App, placeholder: &Element, placement: &Placement) -> bool {
    let now = js_sys::Date::now();
    let mut running = false;
    for note in select_all(placeholder, ".xsell__offer[data-xsell-ends]") {
        let ends = note
            .get_attribute("data-xsell-ends")
            .and_then(|e| e.parse::<i64>().ok())
            .unwrap_or(0) as f64;
        if ends > now {
            running = true;
            let percent = placement.offer.map_or(0.0, |(p, _)| p);
            let words = offer_text(
                app,
                text(Label::OfferEnds, &app.config, &placement.labels),
                percent,
                ends - now,
            );
            note.set_text_content(Some(&words));
        } else {
            // Drawn again without the discount.
            let _ = placeholder.remove_attribute("data-xsell-key");
        }
    }
    running
}

/// "10% off, offer ends in 9:58".
fn offer_text(app: &App, template: &str, percent: f64, left_ms: f64) -> String {
    let seconds = (left_ms / 1000.0).ceil().max(0.0) as u64;
    let time = if seconds >= 3600 {
        format!(
            "{}:{:02}:{:02}",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        )
    } else {
        format!("{}:{:02}", seconds / 60, seconds % 60)
    };
    let percent = app.prices.percent(percent, percent_text(percent));
    fill(template, &[("{percent}", &percent), ("{time}", &time)])
}

/// "10" for 10.0, "12.5" for 12.5, without float formatting's weight.
pub fn percent_text(percent: f64) -> String {
    let tenths = (percent * 10.0).round() as i64;
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}
