//! Where a problem sits in the file: the line and column of the value at a JSON path
//! (`entries[3].figures[0].value`, `report.period`, `$`), found by scanning the JSON text.
//!
//! Lines and columns are 1-based and columns count **bytes**, as the loader's syntax errors
//! (and serde, and most JSON tools) do; a leading byte order mark is not counted. The scan
//! builds no document: it walks the text once with an explicit stack (so deep nesting cannot
//! overflow), skips every value no path leads into, and places any number of paths in that one
//! pass. A path that is not in the file (a missing field, an index past the end) is placed at
//! the nearest enclosing value that is: a missing field at its object's `{`.

use crate::core::load::LoadError;
use crate::core::problem::{Position, Problem};
use crate::core::split::skip_value;
use std::collections::HashMap;

/// One step of a JSON path.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// A field of an object.
    Key(String),
    /// An item of an array.
    Index(usize),
}

/// The steps of a loader path: `$` (or an empty path) is the whole file; `a.b[2].c` is
/// `a`, `b`, 2, `c`. Reading stops at anything else, so a path with an odd tail is placed by
/// its readable head.
pub fn steps(path: &str) -> Vec<Step> {
    let mut out = Vec::new();
    let rest = path.strip_prefix('$').unwrap_or(path);
    let bytes = rest.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'.' => i += 1,
            b'[' => {
                let Some(close) = rest[i..].find(']') else {
                    break;
                };
                let Ok(n) = rest[i + 1..i + close].parse() else {
                    break;
                };
                out.push(Step::Index(n));
                i += close + 1;
            }
            _ => {
                let end = rest[i..].find(['.', '[']).map_or(rest.len(), |e| i + e);
                out.push(Step::Key(rest[i..end].to_owned()));
                i = end;
            }
        }
    }
    out
}

/// A node of the tree of wanted paths, with where its value starts once found.
#[derive(Default)]
struct Node {
    children: HashMap<Step, usize>,
    start: Option<usize>,
    /// Found, or known to be missing (its container has closed).
    settled: bool,
}

/// Settles `n` and every node under it; returns how many were not settled before. A settled
/// node's subtree is settled already, so each node is visited once over a whole scan.
fn settle(nodes: &mut [Node], n: usize) -> usize {
    let mut count = 0;
    let mut todo = vec![n];
    while let Some(n) = todo.pop() {
        if nodes[n].settled {
            continue;
        }
        nodes[n].settled = true;
        count += 1;
        todo.extend(nodes[n].children.values().copied());
    }
    count
}

/// An open container on the scan stack.
struct Frame {
    /// The wanted-path node of the container.
    node: usize,
    /// Array: the index of the next item. Object: unused.
    next: usize,
    /// An object (else an array).
    is_object: bool,
}

/// The position of the value at each path in `text` (or of its nearest enclosing value that
/// is there), in one pass. `None` only when the text holds no JSON value at all.
pub fn locate_all(text: &str, paths: &[&str]) -> Vec<Option<Position>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut nodes = vec![Node::default()];
    let targets: Vec<Vec<usize>> = paths
        .iter()
        .map(|path| {
            let mut chain = vec![0];
            for step in steps(path) {
                let parent = *chain.last().expect("starts with the root");
                let next = nodes.len();
                let child = *nodes[parent].children.entry(step).or_insert(next);
                if child == next {
                    nodes.push(Node::default());
                }
                chain.push(child);
            }
            chain
        })
        .collect();
    scan(text.as_bytes(), &mut nodes);
    let offsets: Vec<Option<usize>> = targets
        .iter()
        .map(|chain| chain.iter().rev().find_map(|&n| nodes[n].start))
        .collect();
    positions(text, &offsets)
}

/// The position of the value at `path` in `text`; see [`locate_all`].
pub fn locate(text: &str, path: &str) -> Option<Position> {
    locate_all(text, &[path]).pop().flatten()
}

/// Sets [`Problem::at`] on each problem from its path in `text`, in one pass.
pub fn place(text: &str, problems: &mut [Problem]) {
    if problems.is_empty() {
        return;
    }
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    let found = locate_all(text, &paths);
    for (problem, at) in problems.iter_mut().zip(found) {
        problem.at = at;
    }
}

/// The fatal load error as compiler-style lines naming `file`: a syntax error at its line
/// and column, each problem of an invalid report placed in `text` (see [`place`]), or the
/// message for a file that is not JSON text.
pub fn render_load_error(file: &str, text: &str, error: &LoadError) -> Vec<String> {
    match error {
        LoadError::Syntax {
            line,
            column,
            message,
        } => vec![format!("{file}:{line}:{column}: error: {message}")],
        LoadError::Invalid(problems) => {
            let mut problems = problems.clone();
            place(text, &mut problems);
            problems.iter().map(|p| p.located(file)).collect()
        }
        LoadError::NotJson(message) => vec![format!("{file}: error: {message}")],
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Walks the text once, recording where each wanted node's value starts. Stops as soon as
/// every wanted node is found or known to be missing, and quietly at anything that is not JSON.
fn scan(b: &[u8], nodes: &mut [Node]) {
    let mut stack: Vec<Frame> = Vec::new();
    // Nodes neither found nor known to be missing.
    let mut open = nodes.len();
    // The node of the value about to be read (`None`: skip it).
    let mut wanted = Some(0usize);
    let mut i = 0;
    loop {
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        let Some(&c) = b.get(i) else { return };
        // Expecting a value (or, in a container, its end).
        if matches!(c, b']' | b'}') {
            // An empty container, or a trailing comma; closed below.
        } else {
            if let Some(n) = wanted {
                nodes[n].start.get_or_insert(i);
                if nodes[n].children.is_empty() && !nodes[n].settled {
                    nodes[n].settled = true;
                    open -= 1;
                    if open == 0 {
                        return;
                    }
                }
            }
            match (c, wanted) {
                (b'{' | b'[', Some(n)) if !nodes[n].children.is_empty() => {
                    stack.push(Frame {
                        node: n,
                        next: 0,
                        is_object: c == b'{',
                    });
                    i += 1;
                    if c == b'{' && !read_key(b, &mut i, nodes, &stack, &mut wanted) {
                        if b.get(i) != Some(&b'}') {
                            return;
                        }
                    } else if c == b'[' {
                        wanted = child(nodes, n, Step::Index(0));
                        stack.last_mut().expect("pushed").next = 1;
                        continue;
                    } else {
                        continue;
                    }
                }
                _ => match skip_value(b, i) {
                    Some(end) => i = end,
                    None => return,
                },
            }
        }
        // After a value: a comma and the next item, or the container's end.
        loop {
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            let Some(frame) = stack.last_mut() else {
                return;
            };
            match b.get(i) {
                Some(b',') => {
                    i += 1;
                    if frame.is_object {
                        if !read_key(b, &mut i, nodes, &stack, &mut wanted) {
                            return;
                        }
                    } else {
                        wanted = child(nodes, frame.node, Step::Index(frame.next));
                        frame.next += 1;
                    }
                    break;
                }
                Some(b']' | b'}') => {
                    i += 1;
                    let closed = stack.pop().expect("checked above").node;
                    open -= settle(nodes, closed);
                    if open == 0 {
                        return;
                    }
                }
                _ => return,
            }
        }
    }
}

/// The wanted child of `node` at `step`, if any.
fn child(nodes: &[Node], node: usize, step: Step) -> Option<usize> {
    nodes[node].children.get(&step).copied()
}

/// Reads `"key":` at `i` in the object on top of the stack, setting `wanted` to the node of
/// its value. False (with `i` at the byte it stopped on) when there is no key there.
fn read_key(
    b: &[u8],
    i: &mut usize,
    nodes: &[Node],
    stack: &[Frame],
    wanted: &mut Option<usize>,
) -> bool {
    while *i < b.len() && is_space(b[*i]) {
        *i += 1;
    }
    if b.get(*i) != Some(&b'"') {
        return false;
    }
    let Some(end) = skip_value(b, *i) else {
        return false;
    };
    let raw = &b[*i + 1..end - 1];
    let key = if raw.contains(&b'\\') {
        std::str::from_utf8(&b[*i..end])
            .ok()
            .and_then(|s| serde_json::from_str::<String>(s).ok())
    } else {
        std::str::from_utf8(raw).ok().map(str::to_owned)
    };
    *i = end;
    while *i < b.len() && is_space(b[*i]) {
        *i += 1;
    }
    if b.get(*i) != Some(&b':') {
        return false;
    }
    *i += 1;
    let node = stack.last().expect("inside an object").node;
    *wanted = key.and_then(|k| child(nodes, node, Step::Key(k)));
    true
}

/// Lines and columns of byte offsets, counted in one forward pass over the text.
fn positions(text: &str, offsets: &[Option<usize>]) -> Vec<Option<Position>> {
    let mut order: Vec<usize> = (0..offsets.len())
        .filter(|&k| offsets[k].is_some())
        .collect();
    order.sort_by_key(|&k| offsets[k]);
    let bytes = text.as_bytes();
    let mut out = vec![None; offsets.len()];
    let (mut at, mut line, mut line_start) = (0usize, 1usize, 0usize);
    for k in order {
        let offset = offsets[k].expect("filtered").min(bytes.len());
        for (j, &c) in bytes[at..offset].iter().enumerate() {
            if c == b'\n' {
                line += 1;
                line_start = at + j + 1;
            }
        }
        at = offset;
        out[k] = Some(Position {
            line,
            column: offset - line_start + 1,
        });
    }
    out
}
