//! Splits a report file's text into its top-level fields and list items in resumable steps,
//! so a large file is parsed item by item instead of as one document.
//!
//! The splitter checks the grammar of the top-level object and of the lists in it
//! (keys, colons, commas, brackets) and only finds where every other value ends; each
//! value it cuts out is parsed by serde later, which checks the rest. Any syntax error makes
//! the caller parse the whole text once to report serde's own line and column.

use std::ops::Range;

/// Top-level fields whose arrays are cut into items instead of being kept whole.
pub const LISTS: [&str; 4] = ["subsidiaries", "categories", "entries", "divisions"];

/// The file with the lists taken out.
#[derive(Debug, Default)]
pub struct Split {
    /// The top-level object as JSON text, every list replaced by `[]` (items are in `items`).
    pub skeleton: String,
    /// For each of [`LISTS`], the byte ranges of its items in the text.
    pub items: [Vec<Range<usize>>; 4],
}

/// Where the splitter is in the grammar of the top-level object.
#[derive(Clone, Copy, Debug, PartialEq)]
enum State {
    /// Before `{`.
    Start,
    /// After `{`: a key or `}`.
    FirstKey,
    /// After `,`: a key.
    Key,
    /// After a key: `:`.
    Colon,
    /// After `:`: a value.
    Value,
    /// After a value: `,` or `}`.
    AfterValue,
    /// Inside a list, after `[`: an item or `]`.
    FirstItem(usize),
    /// Inside a list, after `,`: an item.
    Item(usize),
    /// Inside a list, after an item: `,` or `]`.
    AfterItem(usize),
    /// After the closing `}`: only white space.
    Done,
}

/// Why the splitter stopped: the text is not valid JSON, or not an object at the top.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SplitError {
    /// The text does not start with `{`: parse it whole to say what it holds.
    NotAnObject,
    /// The text is not valid JSON near this byte offset.
    Syntax(usize),
}

/// A resumable splitter over one text.
#[derive(Debug)]
pub struct Splitter {
    pos: usize,
    state: State,
    key: Option<String>,
    split: Split,
}

impl Default for Splitter {
    fn default() -> Self {
        Self::new()
    }
}

impl Splitter {
    /// A splitter at the start of a text.
    pub fn new() -> Self {
        Splitter {
            pos: 0,
            state: State::Start,
            key: None,
            split: Split::default(),
        }
    }

    /// Bytes read so far.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Reads on until about `budget` more bytes are read or the text ends.
    /// Returns `Ok(Some(split))` at the end, `Ok(None)` when there is more to read.
    pub fn step(&mut self, text: &str, budget: usize) -> Result<Option<Split>, SplitError> {
        let bytes = text.as_bytes();
        let stop = self.pos.saturating_add(budget.max(1));
        while self.pos < stop {
            self.pos = skip_space(bytes, self.pos);
            let Some(&b) = bytes.get(self.pos) else {
                return if self.state == State::Done {
                    Ok(Some(std::mem::take(&mut self.split)))
                } else if self.state == State::Start {
                    Err(SplitError::NotAnObject)
                } else {
                    Err(SplitError::Syntax(self.pos))
                };
            };
            self.advance(text, b)?;
        }
        Ok(None)
    }

    fn advance(&mut self, text: &str, b: u8) -> Result<(), SplitError> {
        let bytes = text.as_bytes();
        let at = self.pos;
        let syntax = Err(SplitError::Syntax(at));
        match (self.state, b) {
            (State::Start, b'{') => {
                self.split.skeleton.push('{');
                self.state = State::FirstKey;
                self.pos += 1;
            }
            (State::Start, _) => return Err(SplitError::NotAnObject),
            (State::FirstKey, b'}') | (State::AfterValue, b'}') => {
                self.split.skeleton.push('}');
                self.state = State::Done;
                self.pos += 1;
            }
            (State::FirstKey | State::Key, b'"') => {
                let end = skip_string(bytes, at).ok_or(SplitError::Syntax(at))?;
                let raw = &text[at..end];
                let key = if raw.contains('\\') {
                    serde_json::from_str::<String>(raw).map_err(|_| SplitError::Syntax(at))?
                } else {
                    raw[1..raw.len() - 1].to_owned()
                };
                self.split.skeleton.push_str(raw);
                self.key = Some(key);
                self.state = State::Colon;
                self.pos = end;
            }
            (State::Colon, b':') => {
                self.split.skeleton.push(':');
                self.state = State::Value;
                self.pos += 1;
            }
            (State::Value, b'[') => {
                let list = self
                    .key
                    .as_deref()
                    .and_then(|k| LISTS.iter().position(|l| *l == k));
                match list {
                    Some(list) => {
                        // A repeated key counts once, the last time, as serde reads it. The
                        // items it replaces are never parsed later, but serde reads them too:
                        // a syntax error in them is still the file's error.
                        let replaced = std::mem::take(&mut self.split.items[list]);
                        if let Some(bad) = replaced.into_iter().find(|r| {
                            serde_json::from_str::<serde_json::Value>(&text[r.clone()]).is_err()
                        }) {
                            return Err(SplitError::Syntax(bad.start));
                        }
                        self.split.skeleton.push_str("[]");
                        self.state = State::FirstItem(list);
                        self.pos += 1;
                    }
                    None => self.whole_value(text)?,
                }
            }
            (State::Value, _) => self.whole_value(text)?,
            (State::AfterValue, b',') => {
                self.split.skeleton.push(',');
                self.state = State::Key;
                self.pos += 1;
            }
            (State::FirstItem(_), b']') | (State::AfterItem(_), b']') => {
                self.state = State::AfterValue;
                self.pos += 1;
            }
            (State::FirstItem(list) | State::Item(list), _) => {
                let end = skip_value(bytes, at).ok_or(SplitError::Syntax(at))?;
                self.split.items[list].push(at..end);
                self.state = State::AfterItem(list);
                self.pos = end;
            }
            (State::AfterItem(list), b',') => {
                self.state = State::Item(list);
                self.pos += 1;
            }
            _ => return syntax,
        }
        Ok(())
    }

    /// Copies a top-level value that is not a list into the skeleton.
    fn whole_value(&mut self, text: &str) -> Result<(), SplitError> {
        let at = self.pos;
        let end = skip_value(text.as_bytes(), at).ok_or(SplitError::Syntax(at))?;
        self.split.skeleton.push_str(&text[at..end]);
        self.state = State::AfterValue;
        self.pos = end;
        Ok(())
    }
}

fn skip_space(bytes: &[u8], mut pos: usize) -> usize {
    while let Some(b' ' | b'\n' | b'\r' | b'\t') = bytes.get(pos) {
        pos += 1;
    }
    pos
}

/// The end (exclusive) of the string starting at `pos` (a `"`), or `None` when it never closes.
fn skip_string(bytes: &[u8], pos: usize) -> Option<usize> {
    let mut i = pos + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return Some(i + 1),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    None
}

/// The end (exclusive) of the value starting at `pos`. Arrays and objects end at their
/// matching bracket (counting only, serde checks the inside); anything else ends before the
/// next delimiter. `None` when the text ends first.
pub(crate) fn skip_value(bytes: &[u8], pos: usize) -> Option<usize> {
    match bytes.get(pos)? {
        b'"' => skip_string(bytes, pos),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = pos;
            while i < bytes.len() {
                match bytes[i] {
                    b'"' => {
                        i = skip_string(bytes, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            None
        }
        b'}' | b']' | b',' | b':' => None,
        _ => {
            let mut i = pos;
            while i < bytes.len()
                && !matches!(
                    bytes[i],
                    b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t' | b':'
                )
            {
                i += 1;
            }
            Some(i)
        }
    }
}

/// Splits a whole text in one go.
pub fn split(text: &str) -> Result<Split, SplitError> {
    let mut splitter = Splitter::new();
    loop {
        if let Some(split) = splitter.step(text, usize::MAX)? {
            return Ok(split);
        }
    }
}
