//! Product ids to dense numbers (0, 1, 2, ...), so counting works on
//! small integers instead of strings.

use rustc_hash::FxHashMap;

#[derive(Debug, Default, Clone)]
pub struct Vocab {
    ids: Vec<Box<str>>,
    by_id: FxHashMap<Box<str>, u32>,
}

impl Vocab {
    /// The number of `id`, adding it when new. Callers trim first.
    pub fn intern(&mut self, id: &str) -> u32 {
        if let Some(&n) = self.by_id.get(id) {
            return n;
        }
        let n = self.ids.len() as u32;
        self.ids.push(id.into());
        self.by_id.insert(id.into(), n);
        n
    }

    pub fn get(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    pub fn id(&self, n: u32) -> &str {
        &self.ids[n as usize]
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}
