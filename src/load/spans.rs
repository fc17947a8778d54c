//! Where things are in a RON file, so semantic diagnostics can point at the field.
//!
//! serde forgets positions once a value is built. After a file parses, this
//! module re-reads it with a small structural scanner (strings, brackets, field
//! names; no values) and answers "where is `nodes[3].choices[1].next`?".

/// A 1-based line and column (columns count characters, as ron's do).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
}

/// One step of a path into the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    /// A named field of a struct.
    Field(&'static str),
    /// An element of a list (or a positional tuple element).
    Index(usize),
}

/// Shorthand for building paths: `path![F("nodes"), I(3), F("id")]`.
pub type Path = Vec<Seg>;

#[derive(Debug, Default)]
struct Item {
    /// Where the value starts.
    start: Pos,
    /// Field name → child, for structs.
    fields: Vec<(String, Pos, Item)>,
    /// Positional children, for lists and tuples.
    elems: Vec<Item>,
}

/// A structural index of a RON document.
#[derive(Debug)]
pub struct SourceMap {
    root: Item,
}

impl SourceMap {
    /// Index a document that already parsed; on malformed input the index is partial, never a panic.
    pub fn new(src: &str) -> Self {
        let mut sc = Scanner {
            chars: src.chars().collect(),
            i: 0,
            line: 1,
            col: 1,
            depth: 0,
        };
        sc.skip_ws();
        let root = sc.value();
        SourceMap { root }
    }

    /// Where the value at `path` is; falls back to the deepest ancestor found.
    /// For a field, this points at the field's name, which is where a reader looks.
    pub fn locate(&self, path: &[Seg]) -> Pos {
        let mut item = &self.root;
        let mut pos = item.start;
        for seg in path {
            match seg {
                Seg::Field(name) => match item.fields.iter().find(|(n, _, _)| n == name) {
                    Some((_, name_pos, child)) => {
                        pos = *name_pos;
                        item = child;
                    }
                    None => return pos,
                },
                Seg::Index(i) => match item.elems.get(*i) {
                    Some(child) => {
                        pos = child.start;
                        item = child;
                    }
                    None => return pos,
                },
            }
        }
        pos
    }

    /// Where the value (not the field name) at `path` starts.
    pub fn locate_value(&self, path: &[Seg]) -> Pos {
        let mut item = &self.root;
        for seg in path {
            let next = match seg {
                Seg::Field(name) => item
                    .fields
                    .iter()
                    .find(|(n, _, _)| n == name)
                    .map(|(_, _, c)| c),
                Seg::Index(i) => item.elems.get(*i),
            };
            match next {
                Some(c) => item = c,
                None => return self.locate(path),
            }
        }
        item.start
    }
}

/// Scanner depth cap: the scanner only ever sees files ron already accepted under a lower limit.
const MAX_DEPTH: usize = 256;

struct Scanner {
    chars: Vec<char>,
    i: usize,
    line: usize,
    col: usize,
    depth: usize,
}

impl Scanner {
    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.col,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.chars.get(self.i + k).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn skip_ws(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_whitespace() => {
                    self.bump();
                }
                (Some('/'), Some('/')) => {
                    while let Some(c) = self.bump() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                (Some('/'), Some('*')) => {
                    self.bump();
                    self.bump();
                    let mut nest = 1;
                    while nest > 0 {
                        match (self.bump(), self.peek()) {
                            (None, _) => return,
                            (Some('*'), Some('/')) => {
                                self.bump();
                                nest -= 1;
                            }
                            (Some('/'), Some('*')) => {
                                self.bump();
                                nest += 1;
                            }
                            _ => {}
                        }
                    }
                }
                (Some('#'), Some('!')) => {
                    // `#![enable(...)]` attribute line.
                    while let Some(c) = self.bump() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// Scan one value and return its index entry.
    fn value(&mut self) -> Item {
        let mut item = Item {
            start: self.pos(),
            ..Item::default()
        };
        if self.depth > MAX_DEPTH {
            return item;
        }
        match self.peek() {
            Some('"') => self.string(),
            Some('r') if matches!(self.peek_at(1), Some('"') | Some('#')) => self.raw_string(),
            Some('\'') => self.char_lit(),
            Some('(') | Some('[') | Some('{') => self.group(&mut item),
            Some(c) if c.is_alphanumeric() || c == '_' || c == '-' || c == '+' || c == '.' => {
                self.word();
                self.skip_ws();
                // A named struct or enum variant: `Name(...)`.
                if self.peek() == Some('(') {
                    self.group(&mut item);
                }
            }
            _ => {
                self.bump();
            }
        }
        item
    }

    fn word(&mut self) -> String {
        let mut w = String::new();
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || c == '_' || c == '-' || c == '+' || c == '.' {
                w.push(c);
                self.bump();
            } else {
                break;
            }
        }
        w
    }

    fn string(&mut self) {
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '"' => return,
                _ => {}
            }
        }
    }

    fn raw_string(&mut self) {
        self.bump();
        let mut hashes = 0;
        while self.peek() == Some('#') {
            hashes += 1;
            self.bump();
        }
        self.bump(); // opening quote
        'outer: while let Some(c) = self.bump() {
            if c == '"' {
                for k in 0..hashes {
                    if self.peek_at(k) != Some('#') {
                        continue 'outer;
                    }
                }
                for _ in 0..hashes {
                    self.bump();
                }
                return;
            }
        }
    }

    fn char_lit(&mut self) {
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '\'' => return,
                _ => {}
            }
        }
    }

    /// `( … )`, `[ … ]` or `{ … }`: elements, or `name: value` fields.
    fn group(&mut self, item: &mut Item) {
        let close = match self.bump() {
            Some('(') => ')',
            Some('[') => ']',
            _ => '}',
        };
        self.depth += 1;
        loop {
            self.skip_ws();
            match self.peek() {
                None => break,
                Some(c) if c == close => {
                    self.bump();
                    break;
                }
                Some(',') => {
                    self.bump();
                }
                Some(c)
                    if close == ')' && (c.is_alphabetic() || c == '_') && self.is_field_ahead() =>
                {
                    let name_pos = self.pos();
                    let name = self.word();
                    self.skip_ws();
                    self.bump(); // ':'
                    self.skip_ws();
                    let child = self.value();
                    item.fields.push((name, name_pos, child));
                }
                Some(_) => {
                    let before = self.i;
                    let child = self.value();
                    if close == '}' {
                        // Map entries: `key: value`; index the value.
                        self.skip_ws();
                        if self.peek() == Some(':') {
                            self.bump();
                            self.skip_ws();
                            let v = self.value();
                            item.elems.push(v);
                            continue;
                        }
                    }
                    item.elems.push(child);
                    if self.i == before {
                        self.bump();
                    }
                }
            }
        }
        self.depth -= 1;
    }

    /// True when an identifier followed by `:` (not `::`) starts here.
    fn is_field_ahead(&self) -> bool {
        let mut k = 0;
        while let Some(c) = self.peek_at(k) {
            if c.is_alphanumeric() || c == '_' {
                k += 1;
            } else {
                break;
            }
        }
        while let Some(c) = self.peek_at(k) {
            if c == ' ' || c == '\t' {
                k += 1;
            } else {
                break;
            }
        }
        self.peek_at(k) == Some(':') && self.peek_at(k + 1) != Some(':')
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Seg::{Field as F, Index as I};

    const DOC: &str = "// c\n(\n  id: \"x\",\n  nodes: [\n    (id: \"a\", next: \"b\"),\n    ( id: \"b\", text: (zh: \"你好\", en: \"hi\"), when: [Flag(\"f\")] ),\n  ],\n)\n";

    #[test]
    fn locates_fields_and_elements() {
        let m = SourceMap::new(DOC);
        assert_eq!(m.locate(&[F("id")]), Pos { line: 3, col: 3 });
        assert_eq!(
            m.locate(&[F("nodes"), I(0), F("next")]),
            Pos { line: 5, col: 15 }
        );
        assert_eq!(
            m.locate_value(&[F("nodes"), I(0), F("next")]),
            Pos { line: 5, col: 21 }
        );
        assert_eq!(m.locate(&[F("nodes"), I(1)]), Pos { line: 6, col: 5 });
        assert_eq!(
            m.locate(&[F("nodes"), I(1), F("text"), F("en")]),
            Pos { line: 6, col: 33 }
        );
        assert_eq!(
            m.locate(&[F("nodes"), I(1), F("when"), I(0)]),
            Pos { line: 6, col: 51 }
        );
    }

    #[test]
    fn missing_path_falls_back_to_the_ancestor() {
        let m = SourceMap::new(DOC);
        assert_eq!(
            m.locate(&[F("nodes"), I(1), F("ending")]),
            Pos { line: 6, col: 5 }
        );
    }

    #[test]
    fn junk_never_panics() {
        for s in [
            "",
            "(((",
            "\"unterminated",
            "(a: [1, 2",
            "r#\"x",
            "/* never closed",
            "{a: }",
            "'",
        ] {
            let _ = SourceMap::new(s).locate(&[F("a"), I(0)]);
        }
    }
}
