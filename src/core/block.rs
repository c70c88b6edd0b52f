//! The kinds of recommendation block, and their names in the page contract
//! (`data-xsell="..."`) and in `xsell recommend` output.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Block {
    /// Product page: complements of the product, to add all at once.
    #[serde(rename = "bought-together")]
    BoughtTogether,
    /// Product page: a better, pricier version of the product.
    #[serde(rename = "upgrade")]
    Upgrade,
    /// Cart page: accessories and protection plans for what is in the cart.
    #[serde(rename = "add-ons")]
    AddOns,
    /// Thank-you page: complements of the order just placed.
    #[serde(rename = "post-purchase")]
    PostPurchase,
}

impl Block {
    pub const ALL: [Block; 4] = [
        Block::BoughtTogether,
        Block::Upgrade,
        Block::AddOns,
        Block::PostPurchase,
    ];

    /// The name used in `data-xsell` attributes, events and CLI output.
    pub fn name(self) -> &'static str {
        match self {
            Block::BoughtTogether => "bought-together",
            Block::Upgrade => "upgrade",
            Block::AddOns => "add-ons",
            Block::PostPurchase => "post-purchase",
        }
    }

    pub fn from_name(name: &str) -> Option<Block> {
        Block::ALL.into_iter().find(|b| b.name() == name.trim())
    }

    /// How many items a block shows when neither the page nor the index
    /// says otherwise. Two or three complements convert best (field.md).
    pub fn default_limit(self) -> usize {
        match self {
            Block::BoughtTogether => 3,
            Block::Upgrade => 1,
            Block::AddOns => 4,
            Block::PostPurchase => 3,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for b in Block::ALL {
            assert_eq!(Block::from_name(b.name()), Some(b));
            let json = serde_json::to_string(&b).unwrap();
            assert_eq!(json, format!("\"{}\"", b.name()));
        }
        assert_eq!(Block::from_name("related"), None);
    }
}
