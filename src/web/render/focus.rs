//! Keeps keyboard focus when a block is redrawn (the cart changed, an
//! add-on was just added): the same control if it is still there, else the
//! control now in its place, else the block's heading; a block that empties
//! (its last add-on added by keyboard) hands focus on to the page's next
//! control.
//! Without this, focus would fall back to the top of the page.

use web_sys::Element;

use crate::web::dom::{closest, document, focus, select_all};

/// Where focus was inside a placeholder, to find its equivalent later.
pub struct FocusMemory {
    selector: String,
    id: Option<String>,
    nth: usize,
    /// Focus came by keyboard (`:focus-visible`): only then is it handed
    /// on when the block empties. A mouse click also focuses a button, and
    /// moving focus far away would scroll the page from under the pointer.
    pub keyboard: bool,
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
    // (An element is its own closest match.)
    let keyboard = closest(&active, ":focus-visible").is_some();
    Some(FocusMemory {
        selector,
        id,
        nth,
        keyboard,
    })
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

/// Focus was in a block that is now empty (and hidden): on to the next
/// control of the page, where Tab would have gone, else back to the one
/// before (a cart's "Check out", when the block ends the page).
pub fn pass_on(placeholder: &Element) {
    let (Some(doc), Some(body)) = (document(), closest(placeholder, "body")) else {
        return;
    };
    // In document order, split at the placeholder itself.
    let (mut before, mut after) = (Vec::new(), Vec::new());
    let mut passed = false;
    for e in select_all(
        &body,
        "[data-xsell],a[href],button,input,select,textarea,[tabindex]",
    ) {
        if e == *placeholder {
            passed = true;
        } else if !placeholder.contains(Some(&e)) {
            if passed { &mut after } else { &mut before }.push(e);
        }
    }
    for e in after.iter().chain(before.iter().rev()) {
        focus(e);
        // Hidden or disabled controls refuse focus: try the next.
        if doc.active_element().as_ref() == Some(e) {
            return;
        }
    }
}
