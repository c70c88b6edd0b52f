//! The widget's state, one per page: the loaded index, the settings, what
//! the page told us of the cart, and what this shopper did here.
//!
//! Borrows of the state are short and never held while calling code that
//! could call back in (dispatching events runs the shop's listeners, which
//! may call `xsell.setCart()`): see `events`. `try_borrow` turns any
//! overlap into a skipped step, never a panic.

use std::cell::{Cell, RefCell};

use web_sys::Element;

use super::config::Config;
use super::placeholder::{self, Placement};
use super::price_format::PriceFormat;
use super::{analytics, holdout, jsonld, render, viewed};
use crate::core::block::Block;
use crate::core::index::Catalog;

pub struct App {
    pub catalog: Catalog,
    pub config: Config,
    pub prices: PriceFormat,
    /// The cart given to `setCart` (or read back from the shop's cart
    /// API); when set, it wins over `data-cart`.
    pub cart: Option<Vec<String>>,
    /// Added through the widget on this page (so they leave the blocks at
    /// once, before the shop's cart says so).
    pub added: RefCell<Vec<String>>,
    /// Recently viewed products (positions), most recent first.
    pub viewed: Vec<u32>,
    /// This visitor is in the holdout group: no blocks.
    pub held_out: bool,
    /// Where and when an add last succeeded (the block then redraws): a
    /// click in that block soon after is the second half of a double click
    /// landing on whatever the redraw put under the pointer, and adds
    /// nothing. Other blocks stay clickable.
    pub last_added: RefCell<Option<(Element, f64)>>,
    /// Source of unique element ids (for aria-labelledby).
    next_id: Cell<u32>,
}

impl App {
    /// A page-unique id for an element: `xsell-7`.
    pub fn unique_id(&self) -> String {
        let n = self.next_id.get() + 1;
        self.next_id.set(n);
        format!("xsell-{n}")
    }

    /// Whether `id` (or its parent product) is in the cart as far as the
    /// widget knows.
    pub fn in_cart(&self, id: &str) -> bool {
        let target = self.catalog.anchor(id);
        let same = |c: &String| c == id || (target.is_some() && self.catalog.anchor(c) == target);
        self.cart.iter().flatten().any(same) || self.added.borrow().iter().any(same)
    }

    /// What blocks depend on besides their placeholder: redraw on change.
    fn state_key(&self) -> String {
        let cart = self.cart.as_ref().map(|c| c.join(",")).unwrap_or_default();
        let viewed: Vec<String> = self.viewed.iter().map(u32::to_string).collect();
        format!(
            "{cart}|{}|{}",
            self.added.borrow().join(","),
            viewed.join(",")
        )
    }
}

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

#[inline(never)]
pub fn install(catalog: Catalog, mut config: Config) {
    config.label_locale = config.locale.clone().or_else(super::dom::page_language);
    let language = config
        .label_locale
        .as_deref()
        .and_then(|l| l.split(['-', '_']).next())
        .unwrap_or("en");
    config.index_labels = catalog
        .index()
        .labels
        .iter()
        .find(|(l, _)| l.eq_ignore_ascii_case(language))
        .map(|(_, texts)| texts.clone())
        .unwrap_or_default();
    let prices = PriceFormat::new(config.label_locale.as_deref());
    let held_out = holdout::held_out(config.holdout);
    if config.holdout > 0.0 {
        analytics::exposure(&config, held_out);
    }
    let viewed = if config.recently_viewed {
        if let Some(id) = page_product() {
            viewed::record(&id);
        }
        viewed::load()
            .iter()
            .filter_map(|id| catalog.anchor(id))
            .collect()
    } else {
        Vec::new()
    };
    let app = App {
        catalog,
        config,
        prices,
        cart: None,
        added: RefCell::new(Vec::new()),
        viewed,
        held_out,
        last_added: RefCell::new(None),
        next_id: Cell::new(0),
    };
    APP.with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            *slot = Some(app);
        }
    });
}

/// The product this page is about: a product block's `data-product`, else
/// the page's JSON-LD.
fn page_product() -> Option<String> {
    placeholder::all()
        .iter()
        .filter(|e| {
            e.get_attribute("data-xsell")
                .and_then(|n| Block::from_name(&n))
                .is_some_and(|b| matches!(b, Block::BoughtTogether | Block::Upgrade))
        })
        .find_map(|e| {
            e.get_attribute("data-product")
                .filter(|p| !p.trim().is_empty())
        })
        .or_else(jsonld::product_id)
}

/// Runs `f` on the state, if it is loaded and not in use.
pub fn with_app<R>(f: impl FnOnce(&App) -> R) -> Option<R> {
    APP.with(|cell| cell.try_borrow().ok()?.as_ref().map(f))
}

/// Replaces label texts (`xsell.setLabels`), keyed as in `labels`.
pub fn set_labels(labels: Vec<(String, String)>) {
    APP.with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            if let Some(app) = slot.as_mut() {
                app.config.labels.extend(labels);
                // Labels are not part of the placeholders' keys: redraw.
                for e in placeholder::all() {
                    let _ = e.remove_attribute("data-xsell-key");
                }
            }
        }
    });
}

pub fn set_cart(ids: Vec<String>) {
    APP.with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            if let Some(app) = slot.as_mut() {
                // The shop's word replaces what we added on our own.
                app.added.borrow_mut().clear();
                app.cart = Some(ids);
            }
        }
    });
}

/// Renders every placeholder whose inputs changed since it was last drawn.
/// Returns whether a block shows a countdown (then call [`tick`] every
/// second).
#[inline(never)]
pub fn render_all() -> bool {
    with_app(|app| {
        let elements = placeholder::all();
        if app.held_out {
            for e in &elements {
                render::hold_out(e);
            }
            return false;
        }
        let added = app.added.borrow().clone();
        let state = app.state_key();
        let product = jsonld::product_id();
        let mut ticking = false;
        for element in elements {
            let read = Placement::read(&element, app.cart.as_deref(), &added, product.as_deref());
            if read.is_none() {
                unknown_block(&element);
            }
            if let Some(placement) = read {
                render::render_if_changed(app, &element, &placement, &state);
                ticking |= placement.offer.is_some()
                    && element.get_attribute("data-xsell-state").as_deref() == Some("ready");
            }
        }
        ticking
    })
    .unwrap_or(false)
}

/// A placeholder whose `data-xsell` names no block: hidden, and said.
fn unknown_block(element: &Element) {
    let name = element.get_attribute("data-xsell").unwrap_or_default();
    super::dom::set(element, "data-xsell-state", "error");
    super::console::warn(&format!(
        "data-xsell=\"{name}\" is not a block: use bought-together, upgrade, add-ons or post-purchase"
    ));
}

/// Reports `view_item_list` for a placeholder in view, once per drawing.
pub fn seen(element: &Element) {
    with_app(|app| {
        let key = element.get_attribute("data-xsell-key");
        let ready = element.get_attribute("data-xsell-state").as_deref() == Some("ready");
        if !ready || key.is_none() || element.get_attribute("data-xsell-seen") == key {
            return;
        }
        if let (Some(key), Some(block)) = (
            key,
            element
                .get_attribute("data-xsell")
                .and_then(|n| Block::from_name(&n)),
        ) {
            super::dom::set(element, "data-xsell-seen", &key);
            analytics::view_item_list(app, element, block);
        }
    });
}

/// Updates countdowns; returns whether any is still running.
pub fn tick() -> bool {
    with_app(|app| {
        let mut running = false;
        for element in placeholder::all() {
            running |= render::tick(app, &element);
        }
        running
    })
    .unwrap_or(false)
}
