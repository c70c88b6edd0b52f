//! The widget's state, one per page: the loaded index, the settings, and
//! the cart set through `xsell.setCart()`.
//!
//! Borrows of the state are short and never held while calling code that
//! could call back in (dispatching events runs the shop's listeners, which
//! may call `xsell.setCart()`): see `events`. `try_borrow` turns any
//! overlap into a skipped step, never a panic.

use std::cell::{Cell, RefCell};

use super::config::Config;
use super::placeholder::{self, Placement};
use super::price_format::PriceFormat;
use super::render;
use crate::core::index::Catalog;

pub struct App {
    pub catalog: Catalog,
    pub config: Config,
    pub prices: PriceFormat,
    /// The cart given to `setCart`; when set, it wins over `data-cart`.
    pub cart: Option<Vec<String>>,
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
}

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

pub fn install(catalog: Catalog, config: Config) {
    let prices = PriceFormat::new(
        config
            .locale
            .clone()
            .or_else(super::dom::page_language)
            .as_deref(),
    );
    let app = App {
        catalog,
        config,
        prices,
        cart: None,
        next_id: Cell::new(0),
    };
    APP.with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            *slot = Some(app);
        }
    });
}

/// Runs `f` on the state, if it is loaded and not in use.
pub fn with_app<R>(f: impl FnOnce(&App) -> R) -> Option<R> {
    APP.with(|cell| cell.try_borrow().ok()?.as_ref().map(f))
}

pub fn set_cart(ids: Vec<String>) {
    APP.with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            if let Some(app) = slot.as_mut() {
                app.cart = Some(ids);
            }
        }
    });
}

/// Renders every placeholder whose inputs changed since it was last drawn.
pub fn render_all() {
    with_app(|app| {
        for element in placeholder::all() {
            if let Some(placement) = Placement::read(&element, app.cart.as_deref()) {
                render::render_if_changed(app, &element, &placement);
            }
        }
    });
}
