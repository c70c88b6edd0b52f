//! Keeps keyboard focus when a block is redrawn (the cart changed, an
//! add-on was just added): the same control if it is still there, else the
//! control now in its place, else the block's heading. Without this, focus
//! would fall back to the top of the page.

use web_sys::Element;

use crate::web::dom::{document, focus, select_all};

/// Where focus was inside a placeholder, to find its equivalent later.
pub struct FocusMemory {
    selector: String,
    id: Option<String>,
    nth: usize,
}

/// Remembers the focused control, if focus is inside `placeholder`.
pub fn remember(placeholder: &Element) -> Option<FocusMemory> {
    let active = document()?.active_element()?;
    if !placeholder.contains(Some(&active)) {
        return None;
    }
    let (selector, id) = if let Some(action) = active.get_attribute("data-xsell-action") {
        (
            format!("[data-xsell-action=\"{action}\"]"),
            active.get_attribute("data-xsell-id"),
        )
    } else if let Some(tick) = active.get_attribute("data-xsell-tick") {
        ("[data-xsell-tick]".to_string(), Some(tick))
    } else {
        (".xsell__name".to_string(), None)
    };
    let nth = select_all(placeholder, &selector)
        .iter()
        .position(|e| e == &active)
        .unwrap_or(0);
    Some(FocusMemory { selector, id, nth })
}

/// Puts focus back on the equivalent control after a redraw.
pub fn restore(placeholder: &Element, memory: FocusMemory) {
    let same = memory.id.as_ref().and_then(|id| {
        select_all(placeholder, &memory.selector)
            .into_iter()
            .find(|e| {
                e.get_attribute("data-xsell-id")
                    .or_else(|| e.get_attribute("data-xsell-tick"))
                    .as_deref()
                    == Some(id)
            })
    });
    let target = same
        .or_else(|| {
            let all = select_all(placeholder, &memory.selector);
            let at = memory.nth.min(all.len().saturating_sub(1));
            all.into_iter().nth(at)
        })
        .or_else(|| {
            select_all(placeholder, ".xsell__heading")
                .into_iter()
                .next()
        });
    if let Some(el) = target {
        focus(&el);
    }
}
