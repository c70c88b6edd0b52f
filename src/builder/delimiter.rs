//! Which character separates the columns of a CSV file: a comma, or what
//! spreadsheets save in countries whose decimal mark is a comma (`;`), or a
//! tab. Told from the header line, before the file is read.

use std::io::{BufRead, BufReader, Read};

/// The input, buffered, and its separator: `;` or tab when the header
/// holds no comma but those, else `,`.
pub fn sniff<R: Read>(input: R) -> (BufReader<R>, u8) {
    let mut reader = BufReader::with_capacity(1 << 16, input);
    let delimiter = match reader.fill_buf() {
        Ok(start) => from_header(start),
        Err(_) => b',',
    };
    (reader, delimiter)
}

fn from_header(start: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in start {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    match counts {
        [0, semicolons, _] if semicolons > 0 => b';',
        [0, 0, tabs] if tabs > 0 => b'\t',
        _ => b',',
    }
}

/// How a report names a separator other than the comma.
pub fn describe(delimiter: u8) -> Option<&'static str> {
    match delimiter {
        b';' => Some("columns separated by ';' (as spreadsheets save them in many countries)"),
        b'\t' => Some("columns separated by tabs"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_separator_from_the_header() {
        assert_eq!(from_header(b"id,title,price\n1;2"), b',');
        assert_eq!(
            from_header(b"\xef\xbb\xbfid;title;price\r\n1;\"a,b\";2"),
            b';'
        );
        assert_eq!(from_header(b"id\ttitle\n"), b'\t');
        assert_eq!(from_header(b"\"a;b\",c\n"), b',');
        assert_eq!(from_header(b"\"title; with, comma\";price\n"), b';');
        assert_eq!(from_header(b"id\n1\n"), b',');
        assert_eq!(from_header(b""), b',');
    }
}
