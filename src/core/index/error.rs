//! Why an index was refused, said so that a person can find the spot:
//! a JSON line and column for syntax errors, a field path for the rest.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub struct IndexError {
    /// Where the index came from (file name or URL), for the message.
    pub source: String,
    /// 1-based line and column in the JSON text, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The field, as a path like `products[3].together.items[1]`.
    pub field: Option<String>,
    pub message: String,
}

impl IndexError {
    pub fn at_field(field: impl Into<String>, message: impl Into<String>) -> IndexError {
        IndexError {
            source: String::new(),
            line: None,
            column: None,
            field: Some(field.into()),
            message: message.into(),
        }
    }

    /// Names the file or URL the index came from.
    pub fn in_source(mut self, source: impl Into<String>) -> IndexError {
        self.source = source.into();
        self
    }
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let source = if self.source.is_empty() {
            "index"
        } else {
            &self.source
        };
        write!(f, "{source}")?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        if let Some(field) = &self.field {
            write!(f, ": field {field}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for IndexError {}
