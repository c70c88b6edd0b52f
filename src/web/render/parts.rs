//! Pieces every block uses: the frame (section + heading), a product's
//! picture, name, price, rating and variant picker, and the attributes
//! that explain why it is there.

use web_sys::{Document, Element};

use crate::core::index::Origin;
use crate::core::money::Money;
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

/// A product's list item: `data-xsell-item`, why it is there
/// (`data-xsell-origin`) and, for the merchant preview, its score.
pub fn item_element(
    app: &App,
    doc: &Document,
    item: &ItemView<'_>,
    class: &str,
) -> Option<Element> {
    let li = el(doc, "li", class)?;
    set(&li, "data-xsell-item", item.id);
    set(&li, "data-xsell-origin", origin_name(item.origin));
    // A score only where there is one: pins and fills are not scored.
    if app.config.explain
        && matches!(item.origin, Origin::Earned | Origin::Viewed)
        && item.score != 0.0
    {
        set(&li, "data-xsell-score", &four_decimals(item.score));
    }
    Some(li)
}

pub fn origin_name(origin: Origin) -> &'static str {
    match origin {
        Origin::Pinned => "pinned",
        Origin::Earned => "earned",
        Origin::Viewed => "viewed",
        Origin::Fallback => "fallback",
    }
}

/// 0.1234 as "0.1234", without float formatting (kilobytes of wasm).
fn four_decimals(x: f32) -> String {
    let n = (f64::from(x) * 10_000.0).round() as i64;
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}.{:04}", n.abs() / 10_000, n.abs() % 10_000)
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
    // A Latin title on a right-to-left page (or the reverse) keeps its
    // own order.
    set(&name, "dir", "auto");
    set(&name, "id", &app.unique_id());
    Some(name)
}

/// The price; `discount` percent off shows the old price struck through,
/// each price named for screen readers (which do not announce `<del>`).
pub fn price(
    app: &App,
    doc: &Document,
    price: Option<&Money>,
    discount: Option<f64>,
    placement: &Placement,
) -> Option<Element> {
    let price = price?;
    let wrap = el(doc, "span", "xsell__price")?;
    match discount {
        Some(percent) => {
            let now = price.less_percent(percent);
            for (tag, label, amount) in [
                ("del", Label::PriceWas, price),
                ("ins", Label::PriceNow, &now),
            ] {
                let part = el(doc, tag, "")?;
                let words = text(label, &app.config, &placement.labels);
                append(&part, &text_el(doc, "span", "xsell__sr-only", words)?);
                append(
                    &part,
                    &text_el(doc, "span", "xsell__amount", &app.prices.format(amount))?,
                );
                append(&wrap, &part);
            }
        }
        None => wrap.set_text_content(Some(&app.prices.format(price))),
    }
    Some(wrap)
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
    // One decimal as the locale writes it; without Intl, plain (no float
    // formatting: it would add kilobytes).
    let tenths = (r * 10.0).round() as u32;
    let r = app.prices.tenths(
        f64::from(tenths) / 10.0,
        format!("{}.{}", tenths / 10, tenths % 10),
    );
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

/// A `<select>` of the product's variants (out-of-stock ones disabled),
/// labelled with the product's name; what is chosen is what gets added.
/// It starts on `chosen`.
pub fn variant_picker(
    app: &App,
    doc: &Document,
    item: &ItemView<'_>,
    name_id: &str,
    placement: &Placement,
    chosen: Option<&str>,
) -> Option<Element> {
    if item.variants.is_empty() {
        return None;
    }
    let select = el(doc, "select", "xsell__variant")?;
    set(&select, "data-xsell-variant-of", item.id);
    let label_id = app.unique_id();
    let label = text_el(
        doc,
        "span",
        "xsell__sr-only",
        text(Label::Option, &app.config, &placement.labels),
    )?;
    set(&label, "id", &label_id);
    set(&select, "aria-labelledby", &format!("{label_id} {name_id}"));
    for v in &item.variants {
        let option = text_el(doc, "option", "", v.option)?;
        set(&option, "dir", "auto");
        set(&option, "value", v.id);
        if !v.in_stock {
            set(&option, "disabled", "");
        }
        if Some(v.id) == chosen {
            set(&option, "selected", "");
        }
        append(&select, &option);
    }
    let wrap = el(doc, "span", "xsell__variants")?;
    append(&wrap, &label);
    append(&wrap, &select);
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

/// The line's action button ("Add to cart", "Choose this instead"),
/// described by the product's name, appended to its buy column.
pub fn line_button(doc: &Document, line: &Line, text: &str, action: &str, id: &str) -> Option<()> {
    let button = text_el(doc, "button", "xsell__button", text)?;
    set(&button, "type", "button");
    set(&button, "data-xsell-action", action);
    set(&button, "data-xsell-id", id);
    set(&button, "aria-describedby", &line.name.id());
    append(&line.buy, &button);
    Some(())
}

/// The common body of a product line, appended to `holder`: picture, then
/// name, rating and variant picker, then price (of the variant picked:
/// `preferred` if it is one of the product's variants in stock, say the
/// one the page is about, else the first in stock).
pub fn product_line(
    app: &App,
    doc: &Document,
    holder: &Element,
    item: &ItemView<'_>,
    placement: &Placement,
    discount: Option<f64>,
    preferred: Option<&str>,
) -> Option<Line> {
    let chosen = item
        .variants
        .iter()
        .find(|v| v.in_stock && Some(v.id) == preferred)
        .or_else(|| item.default_variant());
    if let Some(img) = image(doc, item) {
        append(holder, &img);
    }
    let info = el(doc, "div", "xsell__info")?;
    let name = name(app, doc, item)?;
    append(&info, &name);
    if let Some(r) = rating(app, doc, item, placement) {
        append(&info, &r);
    }
    if let Some(picker) =
        variant_picker(app, doc, item, &name.id(), placement, chosen.map(|v| v.id))
    {
        append(&info, &picker);
    }
    append(holder, &info);
    let buy = el(doc, "div", "xsell__buy")?;
    let shown = chosen
        .and_then(|v| v.price.as_ref())
        .or(item.price.as_ref());
    if let Some(p) = price(app, doc, shown, discount, placement) {
        append(&buy, &p);
    }
    append(holder, &buy);
    Some(Line { name, info, buy })
}
