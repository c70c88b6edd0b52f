//! A problem in an input file, said with its place: `file:line:column:
//! field name: what is wrong`, the shape editors and terminals link to.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub struct InputError {
    pub file: String,
    /// 1-based line of the record (0 when the problem is the whole file).
    pub line: u64,
    /// 1-based column (field number) when one field is at fault.
    pub column: Option<usize>,
    /// The header name of that column.
    pub field: Option<String>,
    pub message: String,
}

impl InputError {
    pub fn file(file: &str, message: impl Into<String>) -> InputError {
        InputError {
            file: file.to_string(),
            line: 0,
            column: None,
            field: None,
            message: message.into(),
        }
    }

    pub fn at(file: &str, line: u64, message: impl Into<String>) -> InputError {
        InputError {
            line,
            ..InputError::file(file, message)
        }
    }

    pub fn in_field(mut self, column: usize, field: &str) -> InputError {
        self.column = Some(column + 1);
        self.field = Some(field.to_string());
        self
    }

    pub fn from_csv(file: &str, err: &csv::Error) -> InputError {
        let line = err.position().map_or(0, |p| p.line());
        let message = match err.kind() {
            csv::ErrorKind::Io(e) => format!("cannot read: {e}"),
            csv::ErrorKind::Utf8 { err, .. } => format!("text is not UTF-8 ({err})"),
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => format!("{len} fields where the header has {expected_len}"),
            _ => err.to_string(),
        };
        InputError::at(file, line, message)
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.file.is_empty() {
            return write!(f, "{}", self.message);
        }
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if let Some(c) = self.column {
                write!(f, ":{c}")?;
            }
        }
        if let Some(field) = &self.field {
            write!(f, ": field {field}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for InputError {}
