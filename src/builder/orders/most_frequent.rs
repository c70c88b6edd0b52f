//! The most frequent value of a stream, in a few slots: one product's
//! titles or prices over its order lines, without keeping the lines.
//!
//! Exact while a product has at most [`SLOTS`] distinct values (in the
//! UCI retail sample: up to 10 prices, most products one title and one
//! price, so slots are added one by one). Beyond that it is the
//! "space-saving" count of Metwally, Agrawal and El Abbadi (2005): a new
//! value takes the least counted slot and its count plus one, so a value
//! on more than 1/SLOTS of the lines is never lost.

use std::borrow::Borrow;

/// Values kept per product, at most.
pub const SLOTS: usize = 16;

#[derive(Debug, Clone, PartialEq)]
pub struct MostFrequent<T> {
    slots: Vec<Slot<T>>,
}

#[derive(Debug, Clone, PartialEq)]
struct Slot<T> {
    value: T,
    count: u32,
    /// When the value was last seen: ties go to the latest.
    seen: u64,
}

impl<T> Default for MostFrequent<T> {
    fn default() -> Self {
        MostFrequent { slots: Vec::new() }
    }
}

impl<T> MostFrequent<T> {
    /// Counts `value`, seen at `now` (a row number, growing). Allocates
    /// only for a value new to the product; a slot given up is reused.
    pub fn add<B>(&mut self, value: &B, now: u64)
    where
        B: ?Sized + PartialEq + ToOwned<Owned = T>,
        T: Borrow<B>,
    {
        if let Some(slot) = self.slots.iter_mut().find(|s| s.value.borrow() == value) {
            slot.count = slot.count.saturating_add(1);
            slot.seen = now;
            return;
        }
        if self.slots.len() < SLOTS {
            // Most products have one value: no room for more until needed.
            if self.slots.is_empty() {
                self.slots.reserve_exact(1);
            }
            self.slots.push(Slot {
                value: value.to_owned(),
                count: 1,
                seen: now,
            });
            return;
        }
        if let Some(least) = self.slots.iter_mut().min_by_key(|s| (s.count, s.seen)) {
            value.clone_into(&mut least.value);
            least.count = least.count.saturating_add(1);
            least.seen = now;
        }
    }

    /// The most frequent value; of equally frequent ones, the latest.
    pub fn get(&self) -> Option<&T> {
        self.slots
            .iter()
            .max_by_key(|s| (s.count, s.seen))
            .map(|s| &s.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn most_frequent(values: &[&str]) -> Option<String> {
        let mut m = MostFrequent::<Vec<u8>>::default();
        for (now, v) in values.iter().enumerate() {
            m.add(v.as_bytes(), now as u64);
        }
        m.get().map(|v| String::from_utf8_lossy(v).into_owned())
    }

    #[test]
    fn most_frequent_then_latest() {
        assert_eq!(most_frequent(&[]), None);
        assert_eq!(most_frequent(&["a", "b", "a"]).as_deref(), Some("a"));
        assert_eq!(most_frequent(&["a", "b", "b", "a"]).as_deref(), Some("a"));
        assert_eq!(most_frequent(&["b", "a", "a", "b"]).as_deref(), Some("b"));
    }

    #[test]
    fn a_frequent_value_survives_many_others() {
        let mut values = Vec::new();
        let others: Vec<String> = (0..200).map(|i| format!("other {i}")).collect();
        for other in &others {
            values.extend(["mug", other.as_str()]);
        }
        assert_eq!(most_frequent(&values).as_deref(), Some("mug"));
    }

    #[test]
    fn exact_while_values_fit() {
        // Ten distinct values, the winner by one.
        let mut values: Vec<String> = (0..10).map(|i| format!("v{i}")).collect();
        values.extend(["v3", "v7", "v3"].map(String::from));
        let values: Vec<&str> = values.iter().map(String::as_str).collect();
        assert_eq!(most_frequent(&values).as_deref(), Some("v3"));
    }

    #[test]
    fn numbers_too() {
        let mut m = MostFrequent::<u64>::default();
        for (now, v) in [5u64, 7, 7, 5].iter().enumerate() {
            m.add(v, now as u64);
        }
        assert_eq!(m.get(), Some(&5));
    }
}
