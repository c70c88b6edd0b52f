//! Pieces every block uses: the frame (section + heading), and a
//! product's picture, name, price and rating.

use web_sys::{Document, Element};

use crate::core::view::ItemView;
use crate::web::app::App;
use crate::web::dom::{append, el, set, text_el};
use crate::web::labels::{text, Label};
use crate::web::placeholder::Placement;

/// `<section class="xsell xsell--{block}" aria-labelledby><h2>` and the
/// section to fill.
pub fn frame(app: &App, doc: &Document, placement: &Placement) -> Option<Element> {
    let name = placement.block.name();
    let section = el(doc, "section", &format!("xsell xsell--{name}"))?;
    let heading_id = app.unique_id();
    let heading = text_el(
        doc,
        "h2",
        "xsell__heading",
        text(
            Label::Heading(placement.block),
            &app.config,
            &placement.labels,
        ),
    )?;
    set(&heading, "id", &heading_id);
    // Focusable by script only: where focus lands when a redraw removed
    // the focused control.
    set(&heading, "tabindex", "-1");
    set(&section, "aria-labelledby", &heading_id);
    append(&section, &heading);
    Some(section)
}

/// The product's picture (decorative: the name is right beside it).
pub fn image(doc: &Document, item: &ItemView<'_>) -> Option<Element> {
    let src = item.image?;
    let img = el(doc, "img", "xsell__image")?;
    set(&img, "src", src);
    set(&img, "alt", "");
    set(&img, "loading", "lazy");
    set(&img, "decoding", "async");
    Some(img)
}

/// The product's name, a link when it has a safe URL. Gets an id so
/// controls can point at it.
pub fn name(app: &App, doc: &Document, item: &ItemView<'_>) -> Option<Element> {
    let name = match item.url {
        Some(url) => {
            let a = text_el(doc, "a", "xsell__name", item.title)?;
            set(&a, "href", url);
            a
        }
        None => text_el(doc, "span", "xsell__name", item.title)?,
    };
    set(&name, "id", &app.unique_id());
    Some(name)
}

pub fn price(app: &App, doc: &Document, item: &ItemView<'_>) -> Option<Element> {
    let price = item.price.as_ref()?;
    text_el(doc, "span", "xsell__price", &app.prices.format(price))
}

/// Stars for the eye, words for screen readers.
pub fn rating(
    app: &App,
    doc: &Document,
    item: &ItemView<'_>,
    placement: &Placement,
) -> Option<Element> {
    let r = item.rating?;
    let wrap = el(doc, "span", "xsell__rating")?;
    // One decimal without float formatting (which would add kilobytes).
    let tenths = (r * 10.0).round() as u32;
    let r = format!("{}.{}", tenths / 10, tenths % 10);
    let stars = text_el(doc, "span", "", &format!("★ {r}"))?;
    set(&stars, "aria-hidden", "true");
    let words = format!(
        "{} {r} {}",
        text(Label::Rated, &app.config, &placement.labels),
        text(Label::OutOf5, &app.config, &placement.labels)
    );
    let spoken = text_el(doc, "span", "xsell__sr-only", &words)?;
    append(&wrap, &stars);
    append(&wrap, &spoken);
    Some(wrap)
}

/// The parts of a product line that callers add to.
pub struct Line {
    /// The product's name (its id labels controls).
    pub name: Element,
    /// Name, rating and notes: the flexible middle column.
    pub info: Element,
    /// Price and actions: the right-hand column.
    pub buy: Element,
}

/// The common body of a product line, appended to `holder`: picture, then
/// name and rating, then price.
pub fn product_line(
    app: &App,
    doc: &Document,
    holder: &Element,
    item: &ItemView<'_>,
    placement: &Placement,
) -> Option<Line> {
    if let Some(img) = image(doc, item) {
        append(holder, &img);
    }
    let info = el(doc, "div", "xsell__info")?;
    let name = name(app, doc, item)?;
    append(&info, &name);
    if let Some(r) = rating(app, doc, item, placement) {
        append(&info, &r);
    }
    append(holder, &info);
    let buy = el(doc, "div", "xsell__buy")?;
    if let Some(p) = price(app, doc, item) {
        append(&buy, &p);
    }
    append(holder, &buy);
    Some(Line { name, info, buy })
}
