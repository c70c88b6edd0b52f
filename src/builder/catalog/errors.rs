//! Every problem of a catalog counted, the first few kept to be listed: a
//! catalog is fixed from the top, and a broken column would otherwise
//! print one line per row.

use std::fmt;

use crate::builder::InputError;

/// Problems listed; the rest are only counted.
pub const LISTED: usize = 20;

#[derive(Debug, Clone, PartialEq)]
pub struct CatalogErrors {
    pub file: String,
    /// The first [`LISTED`] problems, in file order.
    pub listed: Vec<InputError>,
    /// All problems.
    pub count: usize,
}

impl CatalogErrors {
    pub fn new(file: &str) -> CatalogErrors {
        CatalogErrors {
            file: file.to_string(),
            listed: Vec::new(),
            count: 0,
        }
    }

    pub fn push(&mut self, error: InputError) {
        self.count += 1;
        if self.listed.len() < LISTED {
            self.listed.push(error);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
}

impl fmt::Display for CatalogErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = if self.count == 1 { "" } else { "s" };
        write!(f, "{}: {} error{plural}", self.file, self.count)?;
        if self.count > self.listed.len() {
            write!(f, "; the first {}", self.listed.len())?;
        }
        write!(f, ":")?;
        for error in &self.listed {
            write!(f, "\n  {error}")?;
        }
        Ok(())
    }
}
