//! Every text a block shows. English, German, French, Spanish and Arabic
//! are built in, chosen by the locale (the script tag's `data-locale`, else
//! `<html lang>`); any text can be replaced on the script tag
//! (`data-label-heading-upgrade="..."`, i.e. the key `HeadingUpgrade`), on
//! a placeholder (`data-label-heading`, `data-label-add`...) or with
//! `xsell.setLabels({HeadingUpgrade: "..."})`.

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
}

impl Label {
    const ALL: [Label; 21] = [
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
    ];

    /// The key of the label in `data-label-*` attributes (dataset form)
    /// and `xsell.setLabels()`.
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
            Label::Option => "Option",
            Label::Feature => "Feature",
            Label::OfferEnds => "OfferEnds",
            Label::OfferEnded => "OfferEnded",
            Label::InCart => "InCart",
            Label::AddFailed => "AddFailed",
            Label::Retry => "Retry",
        }
    }

    /// The label's position in the translation tables.
    fn at(self) -> usize {
        Label::ALL.iter().position(|l| *l == self).unwrap_or(0)
    }
}

/// The built-in texts, in `Label::ALL` order.
const EN: [&str; 21] = [
    "Frequently bought together",
    "Upgrade to premium",
    "Complete your order",
    "Add to your order",
    "This item:",
    "Total:",
    "Add selected to cart",
    "Choose this instead",
    "Instead of",
    "Add to cart",
    "Save {percent} when you buy this item with {items}.",
    "You save",
    "Rated",
    "out of 5",
    "Option",
    "Feature",
    "{percent} off, offer ends in {time}",
    "This offer has ended.",
    "In your cart",
    "Could not add to cart.",
    "Try again",
];
const DE: [&str; 21] = [
    "Wird oft zusammen gekauft",
    "Upgrade auf Premium",
    "Vervollständigen Sie Ihre Bestellung",
    "Zu Ihrer Bestellung hinzufügen",
    "Dieser Artikel:",
    "Gesamt:",
    "Auswahl in den Warenkorb",
    "Stattdessen wählen",
    "Statt",
    "In den Warenkorb",
    "Sparen Sie {percent}, wenn Sie diesen Artikel mit {items} kaufen.",
    "Sie sparen",
    "Bewertet mit",
    "von 5",
    "Variante",
    "Merkmal",
    "{percent} Rabatt, Angebot endet in {time}",
    "Dieses Angebot ist abgelaufen.",
    "Im Warenkorb",
    "Konnte nicht in den Warenkorb gelegt werden.",
    "Erneut versuchen",
];
const FR: [&str; 21] = [
    "Souvent achetés ensemble",
    "Passer à la version premium",
    "Complétez votre commande",
    "Ajoutez à votre commande",
    "Cet article :",
    "Total :",
    "Ajouter la sélection au panier",
    "Choisir plutôt celui-ci",
    "Au lieu de",
    "Ajouter au panier",
    "Économisez {percent} en achetant cet article avec {items}.",
    "Vous économisez",
    "Noté",
    "sur 5",
    "Option",
    "Caractéristique",
    "{percent} de remise, l'offre se termine dans {time}",
    "Cette offre est terminée.",
    "Dans votre panier",
    "Impossible d'ajouter au panier.",
    "Réessayer",
];
const ES: [&str; 21] = [
    "Comprados juntos habitualmente",
    "Mejora a premium",
    "Completa tu pedido",
    "Añade a tu pedido",
    "Este artículo:",
    "Total:",
    "Añadir selección a la cesta",
    "Elegir este en su lugar",
    "En lugar de",
    "Añadir a la cesta",
    "Ahorra {percent} si compras este artículo con {items}.",
    "Ahorras",
    "Valorado con",
    "de 5",
    "Opción",
    "Característica",
    "{percent} de descuento, la oferta termina en {time}",
    "Esta oferta ha terminado.",
    "En tu cesta",
    "No se pudo añadir a la cesta.",
    "Reintentar",
];
const AR: [&str; 21] = [
    "يُشترى معًا غالبًا",
    "الترقية إلى الإصدار المميز",
    "أكمل طلبك",
    "أضف إلى طلبك",
    "هذا المنتج:",
    "الإجمالي:",
    "أضف المحدد إلى السلة",
    "اختر هذا بدلًا منه",
    "بدلًا من",
    "أضف إلى السلة",
    "وفّر {percent} عند شراء هذا المنتج مع {items}.",
    "توفّر",
    "التقييم",
    "من 5",
    "الخيار",
    "الميزة",
    "خصم {percent}، ينتهي العرض خلال {time}",
    "انتهى هذا العرض.",
    "في سلتك",
    "تعذّرت الإضافة إلى السلة.",
    "أعد المحاولة",
];

/// The built-in table for a locale ("de-AT" -> German), English otherwise.
fn table(locale: Option<&str>) -> &'static [&'static str; 21] {
    let language = locale
        .and_then(|l| l.split(['-', '_']).next())
        .map(str::to_ascii_lowercase);
    match language.as_deref() {
        Some("de") => &DE,
        Some("fr") => &FR,
        Some("es") => &ES,
        Some("ar") => &AR,
        _ => &EN,
    }
}

/// The text for `label`: the placeholder's override (`data-label-heading`,
/// `data-label-add`, ...), else the script tag's (or `setLabels`'), else
/// the built-in text of the page's language.
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
        .unwrap_or(table(config.label_locale.as_deref())[label.at()])
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
