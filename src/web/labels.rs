//! Every text a block shows, in English by default. Each can be replaced
//! on the script tag (`data-label-heading-upgrade="Passer au premium"`,
//! i.e. the key `HeadingUpgrade`) or on a placeholder (`data-label-heading`).

use super::config::Config;
use crate::core::block::Block;

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
}

impl Label {
    /// The key of the label in `data-label-*` attributes (dataset form).
    pub fn key(self) -> &'static str {
        match self {
            Label::Heading(Block::BoughtTogether) => "HeadingBoughtTogether",
            Label::Heading(Block::Upgrade) => "HeadingUpgrade",
            Label::Heading(Block::AddOns) => "HeadingAddOns",
            Label::Heading(Block::PostPurchase) => "HeadingPostPurchase",
            Label::ThisItem => "ThisItem",
            Label::Total => "Total",
            Label::AddSelected => "AddSelected",
            Label::ChooseInstead => "ChooseInstead",
            Label::InsteadOf => "InsteadOf",
            Label::Add => "Add",
            Label::BundleOffer => "BundleOffer",
            Label::YouSave => "YouSave",
            Label::Rated => "Rated",
            Label::OutOf5 => "OutOf5",
        }
    }

    pub fn english(self) -> &'static str {
        match self {
            Label::Heading(Block::BoughtTogether) => "Frequently bought together",
            Label::Heading(Block::Upgrade) => "Upgrade to premium",
            Label::Heading(Block::AddOns) => "Complete your order",
            Label::Heading(Block::PostPurchase) => "Add to your order",
            Label::ThisItem => "This item:",
            Label::Total => "Total:",
            Label::AddSelected => "Add selected to cart",
            Label::ChooseInstead => "Choose this instead",
            Label::InsteadOf => "Instead of",
            Label::Add => "Add to cart",
            Label::BundleOffer => "Save {percent} when you buy this item with {items}.",
            Label::YouSave => "You save",
            Label::Rated => "Rated",
            Label::OutOf5 => "out of 5",
        }
    }
}

/// The text for `label`: the placeholder's override (`data-label-heading`,
/// `data-label-add`, ...), else the script tag's, else English.
pub fn text<'a>(label: Label, config: &'a Config, local: &'a [(String, String)]) -> &'a str {
    let local_key = match label {
        Label::Heading(_) => "Heading",
        other => other.key(),
    };
    let find = |pairs: &'a [(String, String)], key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    find(local, local_key)
        .or_else(|| find(&config.labels, label.key()))
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(label.english())
}
