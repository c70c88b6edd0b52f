//! A progress line on stderr while a long file is read, only when stderr
//! is a terminal (logs and pipes stay clean):
//! `reading orders.csv  42%  113 MB of 270 MB`.

use std::io::{IsTerminal, Read, Write};
use std::time::{Duration, Instant};

pub struct Progress<R> {
    inner: R,
    name: String,
    total: u64,
    done: u64,
    last: Instant,
    shown: bool,
}

/// Wraps `inner` (a file of `total` bytes); draws nothing unless stderr is
/// a terminal.
pub fn reader<R: Read + Send + 'static>(inner: R, name: &str, total: u64) -> Box<dyn Read + Send> {
    if !std::io::stderr().is_terminal() || total == 0 {
        return Box::new(inner);
    }
    Box::new(Progress {
        inner,
        name: name.to_string(),
        total,
        done: 0,
        last: Instant::now(),
        shown: false,
    })
}

impl<R: Read> Read for Progress<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.done += n as u64;
        if n == 0 {
            if self.shown {
                // Clear the line for the summary that follows.
                eprint!("\r\x1b[2K");
            }
        } else if self.last.elapsed() >= Duration::from_millis(200) {
            self.last = Instant::now();
            self.shown = true;
            let mb = |b: u64| b as f64 / 1e6;
            let mut err = std::io::stderr().lock();
            let _ = write!(
                err,
                "\r\x1b[2Kreading {}  {:>3}%  {:.0} MB of {:.0} MB",
                self.name,
                self.done * 100 / self.total,
                mb(self.done),
                mb(self.total)
            );
            let _ = err.flush();
        }
        Ok(n)
    }
}
