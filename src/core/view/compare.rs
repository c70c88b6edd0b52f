//! Side by side: the attributes in which an upgrade differs from the
//! product it would replace ("Storage: 128 GB | 256 GB").

use crate::core::index::Catalog;

/// (attribute name, the product's value, the upgrade's value) for every
/// attribute either has and whose values differ, in the index's order.
pub fn differences<'a>(
    catalog: &'a Catalog,
    from: u32,
    to: u32,
) -> Vec<(&'a str, &'a str, &'a str)> {
    let (a, b) = (catalog.product(from), catalog.product(to));
    let value = |attrs: &'a [(u32, String)], n: u32| {
        attrs
            .iter()
            .find(|(k, _)| *k == n)
            .map_or("", |(_, v)| v.as_str())
    };
    let names = &catalog.index().attributes;
    (0..names.len() as u32)
        .filter_map(|n| {
            let (va, vb) = (value(&a.attrs, n), value(&b.attrs, n));
            (va != vb).then(|| (names[n as usize].as_str(), va, vb))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::index::{Index, Product};

    #[test]
    fn only_what_differs() {
        let mut a = Product::new("a");
        a.attrs = vec![(0, "128 GB".into()), (1, "6.1 in".into())];
        let mut b = Product::new("b");
        b.attrs = vec![
            (0, "256 GB".into()),
            (1, "6.1 in".into()),
            (2, "Yes".into()),
        ];
        let c = Catalog::new(Index {
            version: 1,
            attributes: vec!["Storage".into(), "Screen".into(), "Zoom".into()],
            products: vec![a, b],
            ..Index::default()
        })
        .unwrap();
        assert_eq!(
            differences(&c, 0, 1),
            vec![("Storage", "128 GB", "256 GB"), ("Zoom", "", "Yes")]
        );
    }
}
