//! Baskets written aside during the first pass and read back for the
//! second (bundle counts), so the order file is parsed once. Compact: each
//! basket is its length and its sorted item numbers as gaps, in LEB128
//! varints (about 1.5 bytes per order line). The CLI keeps the log in a
//! temporary file, so memory stays independent of the order file's length.

use std::io::{self, BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};

pub struct BasketLog<S: Read + Write + Seek> {
    writer: Option<BufWriter<S>>,
    error: Option<io::Error>,
    /// One basket's bytes, written in one call.
    scratch: Vec<u8>,
}

impl<S: Read + Write + Seek> BasketLog<S> {
    pub fn new(store: S) -> BasketLog<S> {
        BasketLog {
            writer: Some(BufWriter::with_capacity(1 << 16, store)),
            error: None,
            scratch: Vec::new(),
        }
    }

    /// Appends a basket (a sorted set of item numbers).
    pub fn record(&mut self, basket: &[u32]) {
        let Some(w) = self.writer.as_mut() else {
            return;
        };
        self.scratch.clear();
        push_varint(&mut self.scratch, basket.len() as u64);
        let mut last = 0u32;
        for &item in basket {
            push_varint(&mut self.scratch, u64::from(item - last));
            last = item;
        }
        if let Err(e) = w.write_all(&self.scratch) {
            self.error.get_or_insert(e);
        }
    }

    /// Hands every recorded basket to `each`, in order.
    pub fn replay(&mut self, each: &mut dyn FnMut(&[u32])) -> io::Result<()> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        let writer = self
            .writer
            .take()
            .ok_or_else(|| io::Error::other("the basket log was replayed twice"))?;
        let mut store = writer.into_inner().map_err(|e| e.into_error())?;
        store.seek(SeekFrom::Start(0))?;
        let mut reader = BufReader::with_capacity(1 << 16, store);
        let mut basket = Vec::new();
        while !reader.fill_buf()?.is_empty() {
            let len = read_varint(&mut reader)? as usize;
            basket.clear();
            let mut last = 0u32;
            for _ in 0..len {
                last += read_varint(&mut reader)? as u32;
                basket.push(last);
            }
            each(&basket);
        }
        Ok(())
    }
}

fn push_varint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn read_varint(r: &mut impl Read) -> io::Result<u64> {
    let (mut n, mut shift) = (0u64, 0);
    loop {
        let mut byte = [0u8];
        r.read_exact(&mut byte)?;
        n |= u64::from(byte[0] & 0x7f) << shift;
        if byte[0] & 0x80 == 0 {
            return Ok(n);
        }
        shift += 7;
        if shift > 63 {
            return Err(io::Error::other("corrupt basket log"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replays_what_was_recorded() {
        let baskets = vec![vec![0, 5, 300, 70_000, u32::MAX], vec![7], vec![]];
        let mut log = BasketLog::new(io::Cursor::new(Vec::new()));
        for b in &baskets {
            log.record(b);
        }
        let mut seen = Vec::new();
        log.replay(&mut |b| seen.push(b.to_vec())).unwrap();
        assert_eq!(seen, baskets);
        assert!(log.replay(&mut |_| {}).is_err(), "once only");
    }
}
