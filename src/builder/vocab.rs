//! Product ids to dense numbers (0, 1, 2, ...), so counting works on
//! small integers instead of strings.
//!
//! Looked up once per order line, so built for that: the ids live in one
//! contiguous buffer (a lookup's final comparison reads memory that is
//! probably cached, not a separate allocation per id), and the table holds
//! only numbers.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

#[derive(Default, Clone)]
pub struct Vocab {
    /// Every id, back to back; `ends[n]` is where id `n` ends.
    text: String,
    ends: Vec<u32>,
    table: HashTable<u32>,
}

impl std::fmt::Debug for Vocab {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Vocab({} ids)", self.len())
    }
}

impl Vocab {
    /// The number of `id`, adding it when new. Callers trim first.
    pub fn intern(&mut self, id: &str) -> u32 {
        let hash = FxBuildHasher.hash_one(id);
        let Vocab { text, ends, table } = self;
        let found = table.find(hash, |&n| slice(text, ends, n) == id);
        if let Some(&n) = found {
            return n;
        }
        let n = ends.len() as u32;
        text.push_str(id);
        ends.push(text.len() as u32);
        table.insert_unique(hash, n, |&m| FxBuildHasher.hash_one(slice(text, ends, m)));
        n
    }

    pub fn get(&self, id: &str) -> Option<u32> {
        let hash = FxBuildHasher.hash_one(id);
        self.table
            .find(hash, |&n| slice(&self.text, &self.ends, n) == id)
            .copied()
    }

    pub fn id(&self, n: u32) -> &str {
        slice(&self.text, &self.ends, n)
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

fn slice<'a>(text: &'a str, ends: &[u32], n: u32) -> &'a str {
    let end = ends[n as usize] as usize;
    let start = if n == 0 {
        0
    } else {
        ends[n as usize - 1] as usize
    };
    &text[start..end]
}

#[cfg(test)]
mod tests {
    use super::Vocab;

    #[test]
    fn numbers_ids_in_order_of_first_sight() {
        let mut v = Vocab::default();
        assert_eq!(v.intern("b"), 0);
        assert_eq!(v.intern("ä"), 1);
        assert_eq!(v.intern("b"), 0);
        assert_eq!(v.intern(""), 2);
        assert_eq!(v.get("ä"), Some(1));
        assert_eq!(v.get("c"), None);
        assert_eq!((v.id(0), v.id(1), v.id(2)), ("b", "ä", ""));
        for i in 0..10_000 {
            assert_eq!(v.intern(&format!("P{i}")), 3 + i);
        }
        assert_eq!(v.id(10_002), "P9999");
        assert_eq!(v.len(), 10_003);
    }
}
