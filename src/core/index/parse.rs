//! Reads index JSON into an [`Index`] without serde.
//!
//! Why not serde_json: in the wasm, serde's deserializers (and the float
//! and Debug formatting their error messages pull in) cost about 40 KB of
//! the widget's budget; this reader is a few KB, as fast natively
//! (`benches/parse_index.rs`), and its errors say more: file line, column
//! and the field's path (`products[3].together.items[1]`). The writer
//! stays serde (the builder is native), and tests check that the two agree
//! on every field.
//!
//! Unknown fields are skipped, so newer builders can add fields without
//! breaking older widgets. Nesting is bounded, so hostile input cannot
//! exhaust the stack.

use super::format::{Bundle, Index, Labels, Merchandising, Product, Ranked, Stats};
use super::IndexError;
use crate::core::decimal::{decimal_to_f64, Digits};
use std::borrow::Cow;

/// Deeper nesting than this in skipped values is refused.
const MAX_DEPTH: usize = 64;

#[inline(never)]
pub fn parse_index(bytes: &[u8]) -> Result<Index> {
    let mut p = Parser {
        bytes,
        // Checked once here, so that each string is a cheap slice; when
        // the check fails each string is checked as it is read instead,
        // and the error can name the field.
        text: std::str::from_utf8(bytes).ok(),
        pos: 0,
        path: Vec::new(),
        positions: Vec::new(),
        scores: Vec::new(),
    };
    let index = p.index()?;
    p.ws();
    if p.pos < bytes.len() {
        return Err(p.error("unexpected text after the end of the index"));
    }
    Ok(index)
}

/// One step of the path to the value being read.
#[derive(Clone, Copy)]
enum Step {
    Key(&'static str),
    At(usize),
}

struct Parser<'a> {
    bytes: &'a [u8],
    /// The same bytes as text, when they are valid UTF-8.
    text: Option<&'a str>,
    pos: usize,
    path: Vec<Step>,
    // Reused buffers for the many short number lists: each list then costs
    // one exact allocation instead of a chain of growing ones.
    positions: Vec<u32>,
    scores: Vec<f32>,
}

type Result<T> = std::result::Result<T, IndexError>;

impl<'a> Parser<'a> {
    // ---- the index layout ------------------------------------------------

    fn index(&mut self) -> Result<Index> {
        let mut index = Index::default();
        let (mut version, mut products) = (false, false);
        self.object(|p, key| {
            match key {
                "version" => {
                    version = true;
                    index.version = p.field("version", Parser::u32)?;
                }
                "currency" => index.currency = p.field("currency", Parser::opt_string)?,
                "categories" => index.categories = p.field("categories", Parser::strings)?,
                "families" => index.families = p.field("families", Parser::strings)?,
                "products" => {
                    products = true;
                    index.products = p.field("products", |p| p.array(Parser::product))?;
                }
                "popular" => index.popular = p.field("popular", Parser::positions)?,
                "bundle_discount" => {
                    index.bundle_discount = p.field("bundle_discount", |p| p.opt(Parser::f64))?
                }
                "stats" => index.stats = p.field("stats", |p| p.opt(Parser::stats))?,
                "attributes" => index.attributes = p.field("attributes", Parser::strings)?,
                "merchandising" => {
                    index.merchandising = p.field("merchandising", Parser::merchandising)?
                }
                "labels" => index.labels = p.field("labels", Parser::labels)?,
                _ => p.skip()?,
            }
            Ok(())
        })?;
        if !version {
            return Err(self.missing("version"));
        }
        if !products {
            return Err(self.missing("products"));
        }
        Ok(index)
    }

    fn product(&mut self) -> Result<Product> {
        let mut product = Product::new(String::new());
        let mut has_id = false;
        self.object(|p, key| {
            match key {
                "id" => {
                    has_id = true;
                    product.id = p.field("id", Parser::string)?;
                }
                "title" => {
                    product.title = p.field("title", Parser::opt_string)?.unwrap_or_default()
                }
                "url" => product.url = p.field("url", Parser::opt_string)?,
                "image" => product.image = p.field("image", Parser::opt_string)?,
                "price" => product.price = p.field("price", |p| p.opt(Parser::i64))?,
                "currency" => product.currency = p.field("currency", Parser::opt_string)?,
                "category" => product.category = p.field("category", |p| p.opt(Parser::u32))?,
                "family" => product.family = p.field("family", |p| p.opt(Parser::u32))?,
                "tier" => product.tier = p.field("tier", |p| p.opt(Parser::u32))?,
                "in_stock" => product.in_stock = p.field("in_stock", Parser::bool)?,
                "rating" => {
                    product.rating = p.field("rating", |p| p.opt(Parser::f64))?.map(|r| r as f32)
                }
                "addon" => product.addon = p.field("addon", Parser::bool)?,
                "together" => product.together = p.field("together", Parser::ranked)?,
                "upgrade" => product.upgrade = p.field("upgrade", Parser::ranked)?,
                "add_ons" => product.add_ons = p.field("add_ons", Parser::ranked)?,
                "bundle" => product.bundle = p.field("bundle", |p| p.opt(Parser::bundle))?,
                "parent" => product.parent = p.field("parent", |p| p.opt(Parser::u32))?,
                "variants" => product.variants = p.field("variants", Parser::positions)?,
                "option" => product.option = p.field("option", Parser::opt_string)?,
                "attrs" => product.attrs = p.field("attrs", |p| p.array(Parser::attr))?,
                _ => p.skip()?,
            }
            Ok(())
        })?;
        if !has_id {
            return Err(self.missing("id"));
        }
        Ok(product)
    }

    fn ranked(&mut self) -> Result<Ranked> {
        let mut ranked = Ranked::default();
        self.object(|p, key| {
            match key {
                "items" => ranked.items = p.field("items", Parser::positions)?,
                "scores" => ranked.scores = p.field("scores", Parser::scores)?,
                "pinned" => ranked.pinned = p.field("pinned", Parser::u32)?,
                "fallback_from" => {
                    ranked.fallback_from = p.field("fallback_from", |p| p.opt(Parser::u32))?
                }
                _ => p.skip()?,
            }
            Ok(())
        })?;
        Ok(ranked)
    }

    fn bundle(&mut self) -> Result<Bundle> {
        let mut bundle = Bundle { items: Vec::new() };
        self.object(|p, key| {
            match key {
                "items" => bundle.items = p.field("items", Parser::positions)?,
                _ => p.skip()?,
            }
            Ok(())
        })?;
        Ok(bundle)
    }

    /// `[position, "value"]`.
    fn attr(&mut self) -> Result<(u32, String)> {
        self.ws();
        self.expect(b'[', "an attribute ([position, \"value\"])")?;
        let at = self.u32()?;
        self.ws();
        self.expect(b',', "',' in an attribute")?;
        let value = self.string()?;
        self.ws();
        self.expect(b']', "']' closing an attribute")?;
        Ok((at, value))
    }

    fn merchandising(&mut self) -> Result<Merchandising> {
        let mut m = Merchandising::default();
        self.object(|p, key| {
            match key {
                "limits" => m.limits = p.field("limits", |p| p.array(Parser::limit))?,
                "cross_sell_max_ratio" => {
                    m.cross_sell_max_ratio =
                        p.field("cross_sell_max_ratio", |p| p.opt(Parser::f64))?
                }
                _ => p.skip()?,
            }
            Ok(())
        })?;
        Ok(m)
    }

    /// `{"de": {"Key": "text", ...}, ...}`.
    fn labels(&mut self) -> Result<Labels> {
        let mut out = Vec::new();
        self.object(|p, language| {
            let mut texts = Vec::new();
            p.object(|p, key| {
                texts.push((key.to_string(), p.string()?));
                Ok(())
            })?;
            out.push((language.to_string(), texts));
            Ok(())
        })?;
        Ok(out)
    }

    /// `["block", n]`.
    fn limit(&mut self) -> Result<(String, u32)> {
        self.ws();
        self.expect(b'[', "a limit ([\"block\", n])")?;
        let block = self.string()?;
        self.ws();
        self.expect(b',', "',' in a limit")?;
        let n = self.u32()?;
        self.ws();
        self.expect(b']', "']' closing a limit")?;
        Ok((block, n))
    }

    fn stats(&mut self) -> Result<Stats> {
        let mut stats = Stats::default();
        self.object(|p, key| {
            match key {
                "builder" => stats.builder = p.field("builder", Parser::opt_string)?,
                "settings" => stats.settings = p.field("settings", Parser::strings)?,
                _ => p.skip()?,
            }
            Ok(())
        })?;
        Ok(stats)
    }

    fn positions(&mut self) -> Result<Vec<u32>> {
        let mut buf = std::mem::take(&mut self.positions);
        buf.clear();
        let read = self.array_into(&mut buf, Parser::u32);
        let out = buf.to_vec();
        self.positions = buf;
        read.map(|()| out)
    }

    fn scores(&mut self) -> Result<Vec<f32>> {
        let mut buf = std::mem::take(&mut self.scores);
        buf.clear();
        let read = self.array_into(&mut buf, |p| Ok(p.f64()? as f32));
        let out = buf.to_vec();
        self.scores = buf;
        read.map(|()| out)
    }

    fn strings(&mut self) -> Result<Vec<String>> {
        self.array(Parser::string)
    }

    // ---- JSON ------------------------------------------------------------

    /// Reads the value of field `key` with `read`, keeping the path.
    fn field<T>(
        &mut self,
        key: &'static str,
        read: impl FnOnce(&mut Self) -> Result<T>,
    ) -> Result<T> {
        self.path.push(Step::Key(key));
        let value = read(self)?;
        self.path.pop();
        Ok(value)
    }

    /// `{ "key": value, ... }`, calling `each` with the parser placed on
    /// each value.
    fn object(&mut self, mut each: impl FnMut(&mut Self, &str) -> Result<()>) -> Result<()> {
        self.ws();
        self.expect(b'{', "an object ({...})")?;
        self.ws();
        if self.eat(b'}') {
            return Ok(());
        }
        loop {
            self.ws();
            let key = self.text()?;
            self.ws();
            self.expect(b':', "':' after a field name")?;
            self.ws();
            each(self, &key)?;
            self.ws();
            if self.eat(b'}') {
                return Ok(());
            }
            self.expect(b',', "',' or '}' in an object")?;
        }
    }

    /// `[ value, ... ]`.
    fn array<T>(&mut self, item: impl FnMut(&mut Self) -> Result<T>) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.array_into(&mut out, item)?;
        Ok(out)
    }

    /// `[ value, ... ]`, appended to `out`.
    fn array_into<T>(
        &mut self,
        out: &mut Vec<T>,
        mut item: impl FnMut(&mut Self) -> Result<T>,
    ) -> Result<()> {
        self.ws();
        self.expect(b'[', "a list ([...])")?;
        self.ws();
        if self.eat(b']') {
            return Ok(());
        }
        for at in 0.. {
            self.path.push(Step::At(at));
            self.ws();
            out.push(item(self)?);
            self.path.pop();
            self.ws();
            if self.eat(b']') {
                break;
            }
            self.expect(b',', "',' or ']' in a list")?;
        }
        Ok(())
    }

    /// `null`, or what `read` reads.
    fn opt<T>(&mut self, read: impl FnOnce(&mut Self) -> Result<T>) -> Result<Option<T>> {
        self.ws();
        if self.literal(b"null") {
            Ok(None)
        } else {
            read(self).map(Some)
        }
    }

    fn opt_string(&mut self) -> Result<Option<String>> {
        self.opt(Parser::string)
    }

    fn bool(&mut self) -> Result<bool> {
        self.ws();
        if self.literal(b"true") {
            Ok(true)
        } else if self.literal(b"false") {
            Ok(false)
        } else {
            Err(self.error("expected true or false"))
        }
    }

    fn string(&mut self) -> Result<String> {
        self.text().map(Cow::into_owned)
    }

    /// A string, borrowed from the input unless it holds escapes: field
    /// names and skipped values then cost no allocation.
    fn text(&mut self) -> Result<Cow<'a, str>> {
        self.ws();
        self.expect(b'"', "a string (\"...\")")?;
        let start = self.pos;
        // Fast path: no escapes, so the text is the bytes between quotes.
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b'"' => {
                    let text = self.utf8(start, self.pos)?;
                    self.pos += 1;
                    return Ok(Cow::Borrowed(text));
                }
                b'\\' => break,
                0..=0x1f => return Err(self.error("control character inside a string")),
                _ => self.pos += 1,
            }
        }
        let mut out = self.utf8(start, self.pos)?.to_string();
        loop {
            let run = self.pos;
            while let Some(&b) = self.bytes.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(self.utf8(run, self.pos)?);
            match self.bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.error("control character inside a string")),
                None => return Err(self.error("the text ends inside a string")),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<()> {
        let Some(&b) = self.bytes.get(self.pos) else {
            return Err(self.error("the text ends inside a string"));
        };
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = self.hex4()?;
                let code = if (0xd800..0xdc00).contains(&high) {
                    // A surrogate pair: \uD83D\uDE00.
                    if !(self.eat(b'\\') && self.eat(b'u')) {
                        return Err(self.error("unpaired surrogate in a \\u escape"));
                    }
                    let low = self.hex4()?;
                    if !(0xdc00..0xe000).contains(&low) {
                        return Err(self.error("unpaired surrogate in a \\u escape"));
                    }
                    0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00)
                } else {
                    high
                };
                char::from_u32(code).ok_or_else(|| self.error("invalid \\u escape"))?
            }
            _ => return Err(self.error("invalid escape in a string")),
        };
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.error("the text ends inside a \\u escape"))?;
        let mut n = 0u32;
        for &d in digits {
            let v = (d as char)
                .to_digit(16)
                .ok_or_else(|| self.error("invalid \\u escape"))?;
            n = n * 16 + v;
        }
        self.pos += 4;
        Ok(n)
    }

    /// The text between two positions, both just before or after an ASCII
    /// byte (a quote, a digit), so on character boundaries.
    fn utf8(&self, start: usize, end: usize) -> Result<&'a str> {
        if let Some(text) = self.text.and_then(|t| t.get(start..end)) {
            return Ok(text);
        }
        let bytes: &'a [u8] = self.bytes;
        std::str::from_utf8(&bytes[start..end]).map_err(|_| self.error("text is not UTF-8"))
    }

    /// The text of a number, checked against JSON's grammar.
    fn number_text(&mut self) -> Result<&'a str> {
        self.ws();
        let start = self.pos;
        let digits = |p: &mut Self| {
            let from = p.pos;
            while p.bytes.get(p.pos).is_some_and(u8::is_ascii_digit) {
                p.pos += 1;
            }
            p.pos > from
        };
        self.eat(b'-');
        if !digits(self) {
            return Err(self.error("expected a number"));
        }
        if self.eat(b'.') && !digits(self) {
            return Err(self.error("expected digits after the decimal point"));
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _ = self.eat(b'+') || self.eat(b'-');
            if !digits(self) {
                return Err(self.error("expected digits in the exponent"));
            }
        }
        self.utf8(start, self.pos)
    }

    fn u32(&mut self) -> Result<u32> {
        // Fast path: plain digits, the bulk of an index (positions).
        self.ws();
        let start = self.pos;
        let mut n = 0u64;
        while let Some(&b @ b'0'..=b'9') = self.bytes.get(self.pos) {
            n = n * 10 + u64::from(b - b'0');
            self.pos += 1;
            if n > u64::from(u32::MAX) {
                break;
            }
        }
        let plain = self.pos > start
            && n <= u64::from(u32::MAX)
            && !matches!(
                self.bytes.get(self.pos),
                Some(b'0'..=b'9' | b'.' | b'e' | b'E')
            );
        if plain {
            return Ok(n as u32);
        }
        self.pos = start;
        let text = self.number_text()?;
        text.parse()
            .map_err(|_| self.error("expected a whole number from 0 to 4294967295"))
    }

    fn i64(&mut self) -> Result<i64> {
        let text = self.number_text()?;
        text.parse()
            .map_err(|_| self.error("expected a whole number"))
    }

    /// A number, read and checked in one pass: an index holds a million
    /// scores.
    fn f64(&mut self) -> Result<f64> {
        self.ws();
        let start = self.pos;
        let negative = self.eat(b'-');
        let mut digits = Digits::default();
        let mut read = |p: &mut Self, after_dot: bool| {
            let from = p.pos;
            while let Some(&b @ b'0'..=b'9') = p.bytes.get(p.pos) {
                digits.push(b - b'0', after_dot);
                p.pos += 1;
            }
            p.pos > from
        };
        let whole = read(self, false);
        let fraction = !self.eat(b'.') || read(self, true);
        if whole && fraction && !matches!(self.bytes.get(self.pos), Some(b'e' | b'E')) {
            return Ok(digits.value(negative, 0));
        }
        // An exponent, or an error to report: the general path.
        self.pos = start;
        let text = self.number_text()?;
        Ok(decimal_to_f64(text))
    }

    /// Skips a value of any kind (an unknown field).
    fn skip(&mut self) -> Result<()> {
        let mut depth = 0usize;
        loop {
            self.ws();
            match self.bytes.get(self.pos) {
                Some(b'{' | b'[') => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(self.error("nested too deeply"));
                    }
                    self.pos += 1;
                    continue;
                }
                Some(b'}' | b']') if depth > 0 => {
                    self.pos += 1;
                    depth -= 1;
                }
                Some(b'"') => {
                    self.text()?;
                    self.ws();
                    if depth > 0 && self.eat(b':') {
                        continue;
                    }
                }
                Some(b't' | b'f') => {
                    self.bool()?;
                }
                Some(b'n') => {
                    if !self.literal(b"null") {
                        return Err(self.error("expected a value"));
                    }
                }
                Some(_) => {
                    self.number_text()?;
                }
                None => return Err(self.error("the text ends inside a value")),
            }
            // After a complete value: close containers or go on to the next.
            loop {
                self.ws();
                if depth == 0 {
                    return Ok(());
                }
                if self.eat(b',') {
                    break;
                }
                match self.bytes.get(self.pos) {
                    Some(b'}' | b']') => {
                        self.pos += 1;
                        depth -= 1;
                    }
                    _ => return Err(self.error("expected ',' or the end of a list or object")),
                }
            }
        }
    }

    // ---- bytes -----------------------------------------------------------

    fn ws(&mut self) {
        while matches!(self.bytes.get(self.pos), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.bytes.get(self.pos) == Some(&b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn literal(&mut self, word: &[u8]) -> bool {
        if self
            .bytes
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(word))
        {
            self.pos += word.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, b: u8, what: &str) -> Result<()> {
        if self.eat(b) {
            Ok(())
        } else if self.pos >= self.bytes.len() {
            Err(self.error(&format!("the text ends where {what} should be")))
        } else {
            Err(self.error(&format!("expected {what}")))
        }
    }

    // ---- errors ----------------------------------------------------------

    fn missing(&self, field: &str) -> IndexError {
        self.error(&format!("missing field {field}"))
    }

    fn error(&self, message: &str) -> IndexError {
        let upto = &self.bytes[..self.pos.min(self.bytes.len())];
        let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = upto.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        // Characters, not bytes: count the bytes that start one.
        let column = upto
            .iter()
            .skip(line_start)
            .filter(|&&b| (b as i8) >= -0x40)
            .count()
            + 1;
        let mut field = String::new();
        for step in &self.path {
            match step {
                Step::Key(k) => {
                    if !field.is_empty() {
                        field.push('.');
                    }
                    field.push_str(k);
                }
                Step::At(i) => {
                    field.push('[');
                    field.push_str(&i.to_string());
                    field.push(']');
                }
            }
        }
        IndexError {
            source: String::new(),
            line: Some(line),
            column: Some(column),
            field: (!field.is_empty()).then_some(field),
            message: message.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::decimal::decimal_to_f64;

    /// An index using every field, with awkward text.
    fn sample(seed: u64) -> Index {
        let mut x = seed;
        let mut next = move || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) as u32
        };
        let n = 2 + next() % 6;
        let products = (0..n)
            .map(|i| {
                let mut p = Product::new(format!("SKU-{i} \"quoted\" é 😀 \\ / \n\t"));
                p.title = if next() % 2 == 0 {
                    format!("Title {i} <b>&amp;</b>")
                } else {
                    String::new()
                };
                p.url = (next() % 2 == 0).then(|| format!("/p/{i}?a=b&c=\u{1}"));
                p.image = (next() % 3 == 0).then(|| "https://cdn.example/i.png".to_string());
                p.price = (next() % 2 == 0).then(|| i64::from(next() % 100_000));
                p.currency = (next() % 4 == 0).then(|| "JPY".to_string());
                p.category = (next() % 2 == 0).then(|| next() % 3);
                p.family = (next() % 2 == 0).then(|| next() % 2);
                p.tier = (next() % 2 == 0).then(|| next() % 4);
                p.in_stock = next() % 5 != 0;
                p.rating = (next() % 2 == 0).then(|| (next() % 50) as f32 / 10.0);
                p.addon = next() % 3 == 0;
                let list = |next: &mut dyn FnMut() -> u32| {
                    let len = next() % 4;
                    let items: Vec<u32> = (0..len).map(|_| next() % n).collect();
                    let scores = if next() % 2 == 0 {
                        items.iter().map(|_| next() as f32 / 1e6).collect()
                    } else {
                        Vec::new()
                    };
                    Ranked {
                        pinned: if len > 0 { next() % 2 } else { 0 },
                        fallback_from: (len > 1 && next() % 2 == 0).then_some(1),
                        items,
                        scores,
                    }
                };
                p.together = list(&mut next);
                p.upgrade = list(&mut next);
                p.add_ons = list(&mut next);
                p.bundle = (next() % 3 == 0).then(|| Bundle { items: vec![0, 1] });
                if i > 0 && next() % 3 == 0 {
                    p.parent = Some(0);
                    p.option = Some(format!("Size \"{i}\""));
                } else if next() % 4 == 0 {
                    p.variants = vec![1, 2];
                }
                if next() % 2 == 0 {
                    p.attrs = vec![(0, "128 GB".into()), (1, format!("{i}\""))];
                }
                p
            })
            .collect();
        Index {
            version: 1,
            currency: Some("USD".into()),
            categories: vec!["Phones".into(), "Cases & covers".into(), "Plans".into()],
            families: vec!["phone-x".into(), "laptop-y".into()],
            products,
            popular: vec![1, 0],
            bundle_discount: Some(12.5),
            attributes: vec!["Storage".into(), "Screen".into()],
            merchandising: Merchandising {
                limits: vec![("bought-together".into(), 2)],
                cross_sell_max_ratio: Some(1.0),
            },
            labels: vec![(
                "de".into(),
                vec![
                    ("Add".into(), "In den \"Warenkorb\"".into()),
                    ("Total".into(), "Gesamt:".into()),
                ],
            )],
            stats: Some(Stats {
                builder: Some("xsell test".into()),
                settings: vec!["min_count=2".into()],
            }),
        }
    }

    #[test]
    fn reads_what_serde_writes() {
        for seed in 0..200 {
            let index = sample(seed);
            let compact = serde_json::to_vec(&index).unwrap();
            assert_eq!(parse_index(&compact).unwrap(), index, "seed {seed}");
            let pretty = serde_json::to_vec_pretty(&index).unwrap();
            assert_eq!(parse_index(&pretty).unwrap(), index, "seed {seed} (pretty)");
            let via_serde: Index = serde_json::from_slice(&compact).unwrap();
            assert_eq!(via_serde, index);
        }
    }

    #[test]
    fn damaged_input_is_an_error_never_a_panic() {
        // Every cut and many single-byte changes of a real index: each
        // must give Ok or a located error. Where serde_json also reads the
        // damaged text, the two must agree.
        let json = serde_json::to_vec(&sample(7)).unwrap();
        for cut in 0..json.len() {
            let _ = parse_index(&json[..cut]);
        }
        for at in 0..json.len() {
            for b in [
                b'"', b'\\', b'{', b']', b'-', b'9', b'e', b'.', b' ', 0, 0xc3, 0xff,
            ] {
                let mut damaged = json.clone();
                damaged[at] = b;
                match (
                    parse_index(&damaged),
                    serde_json::from_slice::<Index>(&damaged),
                ) {
                    (Ok(ours), Ok(theirs)) => {
                        // What parses must also validate or fail cleanly.
                        let _ = crate::core::index::Catalog::new(ours.clone());
                        // Label texts are a map: their order may differ.
                        let sorted = |mut i: Index| {
                            i.labels.iter_mut().for_each(|(_, texts)| texts.sort());
                            i
                        };
                        assert_eq!(sorted(ours), sorted(theirs), "byte {at} = {b}")
                    }
                    (Err(e), _) => assert!(e.line.is_some(), "byte {at} = {b}: {e}"),
                    (Ok(_), Err(_)) => {}
                }
            }
        }
    }

    #[test]
    fn skips_unknown_fields_of_any_shape() {
        let json = br#"{"future":{"a":[1,{"b":null}],"c":"x"},"version":1,"x":[[],{}],
            "products":[{"id":"a","new":true,"together":{"items":[0],"why":["p"]}}],"y":-1.5e3}"#;
        let index = parse_index(json).unwrap();
        assert_eq!(index.products[0].together.items, vec![0]);
    }

    #[test]
    fn null_means_absent() {
        let json =
            br#"{"version":1,"currency":null,"products":[{"id":"a","price":null,"title":null}]}"#;
        let index = parse_index(json).unwrap();
        assert_eq!(index.currency, None);
        assert_eq!(index.products[0].price, None);
    }

    #[test]
    fn errors_name_line_column_and_field() {
        let json = b"{\"version\":1,\n \"products\":[{\"id\":\"a\"},\n {\"id\":\"b\",\"price\":\"9.99\"}]}";
        let err = parse_index(json).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("products[1].price"));
        assert_eq!((err.line, err.column), (Some(3), Some(20)));
        assert!(err.message.contains("number"), "{err}");

        let err =
            parse_index(br#"{"version":1,"products":[{"id":"a","together":{"items":[-1]}}]}"#)
                .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("products[0].together.items[0]"));

        let err = parse_index(br#"{"version":1,"products":[{"title":"no id"}]}"#).unwrap_err();
        assert!(err.message.contains("missing field id"), "{err}");

        // Text in another encoding (Latin-1 "é"): the field is named all
        // the same, though the fast path checks the whole file at once.
        let err =
            parse_index(b"{\"version\":1,\"products\":[{\"id\":\"a\",\"title\":\"caf\xe9\"}]}")
                .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("products[0].title"));
        assert!(err.message.contains("UTF-8"), "{err}");
    }

    #[test]
    fn refuses_what_is_not_an_index() {
        for bad in [
            &b""[..],
            b"<!doctype html><p>Not found</p>",
            b"{\"version\":1,\"products\":[",
            b"{\"version\":1,\"products\":[]} trailing",
            b"{\"version\":1,\"products\":[{\"id\":\"a\\x\"}]}",
            b"{\"version\":1,\"products\":[{\"id\":\"\\ud800\"}]}",
            b"{\"version\":1,\"products\":[{\"id\":\"a\xff\"}]}",
            b"[1,2]",
            b"{\"version\":01x}",
        ] {
            assert!(
                parse_index(bad).is_err(),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_a_crash() {
        let mut json = b"{\"version\":1,\"products\":[],\"deep\":".to_vec();
        json.extend(std::iter::repeat_n(b'[', 100_000));
        let err = parse_index(&json).unwrap_err();
        assert!(err.message.contains("nested"), "{err}");
    }

    #[test]
    fn numbers_read_as_written() {
        for (text, value) in [
            ("0", 0.0),
            ("12.5", 12.5),
            ("-3", -3.0),
            ("0.1235", 0.1235),
            ("1e3", 1000.0),
            ("2.5E-3", 0.0025),
            ("123456789012345678901234", 1.2345678901234568e23),
        ] {
            let got = decimal_to_f64(text);
            assert!((got - value).abs() <= value.abs() * 1e-15, "{text}: {got}");
        }
    }
}
