//! Line numbers of CSV records as an editor shows them: the line a record
//! starts on.
//!
//! The csv crate stamps a record with its line count from before the
//! record was read, which is too low in two cases: blank lines before a
//! record are only counted while reading it, and a CRLF line ends its
//! record at the CR, so its LF is counted with the next record (every
//! record of a Windows file came out one line too low). Counting back from
//! where a record ended is exact: the reader's line after the record, less
//! the line breaks inside it (quoted fields), less the LF that ended it if
//! one did. Whether one did depends on the file's line endings and on
//! whether the record was the last one, without a line break: [`Tracked`]
//! notes both as the bytes stream by.

use std::io::Read;

use csv::ByteRecord;

/// An input that notes, on the way through, whether its lines end in CRLF
/// (from the end of its first record) and whether it has ended.
pub struct Tracked<R> {
    inner: R,
    /// None until the first LF outside quotes has been seen.
    crlf: Option<bool>,
    /// The last byte read, for a CR and LF in separate reads.
    last: u8,
    /// Inside a quoted field (`""` toggles twice, as it should).
    quoted: bool,
    ended: bool,
}

impl<R> Tracked<R> {
    pub fn new(inner: R) -> Tracked<R> {
        Tracked {
            inner,
            crlf: None,
            last: 0,
            quoted: false,
            ended: false,
        }
    }

    /// Looks for the first line break that ends a record.
    fn learn(&mut self, read: &[u8]) {
        for &b in read {
            match b {
                b'"' => self.quoted = !self.quoted,
                b'\n' if !self.quoted => {
                    self.crlf = Some(self.last == b'\r');
                    return;
                }
                _ => {}
            }
            self.last = b;
        }
    }
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && !buf.is_empty() {
            self.ended = true;
        }
        // Only until the first record's end: a scan of the header, not the
        // file.
        if self.crlf.is_none() {
            self.learn(&buf[..n]);
        }
        Ok(n)
    }
}

/// Where a reader stood right after reading a record: enough to say
/// where the record began, without looking at it until a message needs
/// its line (order files are read at millions of lines a second).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct After {
    /// The reader's line count after the record.
    line: u64,
    /// Whether an LF ended the record (and was counted): not in a CRLF
    /// file (the CR ends it), nor for a last record without a line break.
    lf_ended: bool,
}

impl After {
    /// Call right after `csv` has read a record.
    pub fn read<R: Read>(csv: &csv::Reader<Tracked<R>>) -> After {
        let input = csv.get_ref();
        After {
            line: csv.position().line(),
            lf_ended: input.crlf != Some(true) && !input.ended,
        }
    }

    /// The line `record` (the one just read) starts on, from 1.
    pub fn line_of(self, record: &ByteRecord) -> u64 {
        let breaks = record.as_slice().iter().filter(|&&b| b == b'\n').count() as u64;
        self.line
            .saturating_sub(breaks + u64::from(self.lf_ended))
            .max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line of every record of `text`, read `chunk` bytes at a time.
    fn lines_in_chunks(text: &str, chunk: usize) -> Vec<u64> {
        struct Chunked<'a>(&'a [u8], usize);
        impl Read for Chunked<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let n = self.0.len().min(self.1).min(buf.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(Tracked::new(Chunked(text.as_bytes(), chunk)));
        let mut record = ByteRecord::new();
        let mut out = Vec::new();
        while csv.read_byte_record(&mut record).unwrap() {
            out.push(After::read(&csv).line_of(&record));
        }
        out
    }

    fn lines_of(text: &str) -> Vec<u64> {
        let whole = lines_in_chunks(text, usize::MAX);
        // The same, however the input arrives (a CR and its LF apart).
        for chunk in [1, 2, 3] {
            assert_eq!(lines_in_chunks(text, chunk), whole, "{text:?} by {chunk}");
        }
        whole
    }

    #[test]
    fn lf_and_crlf_files() {
        assert_eq!(lines_of("h\na\nb\n"), [1, 2, 3]);
        assert_eq!(lines_of("h\na\nb"), [1, 2, 3]);
        assert_eq!(lines_of("h\r\na\r\nb\r\n"), [1, 2, 3]);
        assert_eq!(lines_of("h\r\na\r\nb"), [1, 2, 3]);
        assert_eq!(lines_of("h"), [1]);
        assert_eq!(lines_of(""), Vec::<u64>::new());
    }

    #[test]
    fn quoted_line_breaks_count_where_the_record_starts() {
        assert_eq!(lines_of("h\n\"a\nstill a\"\nb\n"), [1, 2, 4]);
        assert_eq!(lines_of("h\r\n\"a\r\nstill a\"\r\nb\r\n"), [1, 2, 4]);
        assert_eq!(lines_of("h\r\n\"a\r\n\r\nstill a\"\r\nb"), [1, 2, 5]);
        assert_eq!(lines_of("\"h\nh\"\r\na\r\n"), [1, 3]);
    }

    #[test]
    fn blank_lines_and_a_byte_order_mark() {
        assert_eq!(lines_of("h\na\n\n\nb\n"), [1, 2, 5]);
        assert_eq!(lines_of("h\na\n\n\nb"), [1, 2, 5]);
        assert_eq!(lines_of("h\r\na\r\n\r\nb\r\n"), [1, 2, 4]);
        assert_eq!(lines_of("\nh\na\n"), [2, 3]);
        assert_eq!(lines_of("\r\nh\r\na\r\n"), [2, 3]);
        // (The csv crate drops a mark it gets whole, as from any buffer.)
        let whole = |text| lines_in_chunks(text, usize::MAX);
        assert_eq!(whole("\u{feff}h\r\na\r\nb\r\n"), [1, 2, 3]);
        assert_eq!(whole("\u{feff}h\na\n\nb\n"), [1, 2, 4]);
    }
}
