//! Every text a block shows. English is built in; other languages come in
//! the index (`xsell build --labels de,fr`: German, French, Spanish and
//! Arabic are ready-made, see `core::labels`), chosen by the locale (the
//! script tag's `data-locale`, else `<html lang>`). Any text can be
//! replaced on the script tag (`data-label-heading-upgrade="..."`, i.e. the
//! key `HeadingUpgrade`), on a placeholder (`data-label-heading`,
//! `data-label-add`...) or with `xsell.setLabels({HeadingUpgrade: "..."})`.

use super::config::Config;
use crate::core::block::Block;
use crate::core::labels::{EN, KEYS};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Heading(Block),
    /// Before the product itself in the bought-together block.
    ThisItem,
    Total,
    AddSelected,
    ChooseInstead,
    /// Before the product an upgrade would replace.
    InsteadOf,
    Add,
    /// The bundle note; `{percent}` and `{items}` are filled in.
    BundleOffer,
    /// Before the bundle saving, e.g. "You save".
    YouSave,
    /// Screen-reader text before a rating, e.g. "Rated".
    Rated,
    /// Screen-reader text after a rating, e.g. "out of 5".
    OutOf5,
    /// The label of a variant picker.
    Option,
    /// Heading of the comparison table's first column.
    Feature,
    /// A time-limited offer; `{percent}` and `{time}` are filled in.
    OfferEnds,
    OfferEnded,
    /// Beside a product the shopper already has in the cart.
    InCart,
    AddFailed,
    Retry,
    /// Screen-reader text before a struck-through price.
    PriceWas,
    /// Screen-reader text before the discounted price.
    PriceNow,
}

impl Label {
    const ALL: [Label; 23] = [
        Label::Heading(Block::BoughtTogether),
        Label::Heading(Block::Upgrade),
        Label::Heading(Block::AddOns),
        Label::Heading(Block::PostPurchase),
        Label::ThisItem,
        Label::Total,
        Label::AddSelected,
        Label::ChooseInstead,
        Label::InsteadOf,
        Label::Add,
        Label::BundleOffer,
        Label::YouSave,
        Label::Rated,
        Label::OutOf5,
        Label::Option,
        Label::Feature,
        Label::OfferEnds,
        Label::OfferEnded,
        Label::InCart,
        Label::AddFailed,
        Label::Retry,
        Label::PriceWas,
        Label::PriceNow,
    ];

    /// The key of the label in `data-label-*` attributes (dataset form),
    /// the index's `labels` and `xsell.setLabels()`.
    pub fn key(self) -> &'static str {
        KEYS[self.at()]
    }

    /// The label's position in the translation tables.
    fn at(self) -> usize {
        Label::ALL.iter().position(|l| *l == self).unwrap_or(0)
    }
}

/// The label key `name` means, in any of the forms a page may write it:
/// `HeadingAddOns` (dataset form), `headingAddOns` or `heading-add-ons`.
pub fn known_key(name: &str) -> Option<&'static str> {
    let written = name.trim().bytes().filter(|b| *b != b'-');
    KEYS.iter().copied().find(|key| {
        let mut written = written.clone();
        key.bytes()
            .all(|k| written.next().is_some_and(|b| b.eq_ignore_ascii_case(&k)))
            && written.next().is_none()
    })
}

/// The text for `label`: the placeholder's override (`data-label-heading`,
/// `data-label-add`, ...), else the script tag's (or `setLabels`'), else
/// the index's for the page's language, else English.
pub fn text<'a>(label: Label, config: &'a Config, local: &'a [(String, String)]) -> &'a str {
    let local_key = match label {
        Label::Heading(_) => "Heading",
        other => other.key(),
    };
    let find = |pairs: &'a [(String, String)], key: &str| {
        pairs
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    find(local, local_key)
        .or_else(|| find(&config.labels, label.key()))
        .filter(|t| !t.trim().is_empty())
        .or_else(|| find(&config.index_labels, label.key()))
        .unwrap_or(EN[label.at()])
}

/// `template` with each `{name}` of `values` filled in ("Save {percent}
/// ..."). A small scanner: the standard `replace` costs kilobytes of wasm.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(c) = rest.chars().next() {
        let hit = (c == '{')
            .then(|| values.iter().find(|(name, _)| rest.starts_with(name)))
            .flatten();
        match hit {
            Some((name, value)) => {
                out.push_str(value);
                rest = rest.get(name.len()..).unwrap_or("");
            }
            None => {
                out.push(c);
                rest = rest.get(c.len_utf8()..).unwrap_or("");
            }
        }
    }
    out
}
