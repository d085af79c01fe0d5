/// Converts byte offsets into a text to Unicode code-point offsets.
///
/// Built once per document in O(n); each lookup is O(log k) where k is the
/// number of non-ASCII characters, so ASCII-heavy news text costs almost nothing.
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// One entry per non-ASCII character: its byte offset, its code-point
    /// offset, and the extra bytes (beyond one per character) accumulated
    /// through it.
    multibyte: Vec<Multibyte>,
    len: usize,
    chars: usize,
}

#[derive(Debug, Clone, Copy)]
struct Multibyte {
    byte: usize,
    char: usize,
    extra_through: usize,
}

impl CharOffsets {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut extra = 0;
        let mut multibyte = Vec::new();
        for (byte, ch) in text.char_indices() {
            let width = ch.len_utf8();
            if width > 1 {
                let char = byte - extra;
                extra += width - 1;
                multibyte.push(Multibyte {
                    byte,
                    char,
                    extra_through: extra,
                });
            }
        }
        CharOffsets {
            multibyte,
            len: text.len(),
            chars: text.len() - extra,
        }
    }

    /// The code-point offset of byte offset `byte` (clamped to the text's
    /// length; an offset inside a character gives an in-range but unspecified
    /// answer, so pass character boundaries).
    pub fn to_char(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let i = self.multibyte.partition_point(|m| m.byte < byte);
        let extra = if i == 0 {
            0
        } else {
            self.multibyte[i - 1].extra_through
        };
        byte.saturating_sub(extra).min(self.chars)
    }

    /// The byte offset of code-point offset `ch` (clamped to the text's length).
    pub fn to_byte(&self, ch: usize) -> usize {
        let ch = ch.min(self.chars);
        let i = self.multibyte.partition_point(|m| m.char < ch);
        let extra = if i == 0 {
            0
        } else {
            self.multibyte[i - 1].extra_through
        };
        ch + extra
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let o = CharOffsets::new("hello");
        assert_eq!(o.to_char(3), 3);
        assert_eq!(o.to_byte(3), 3);
    }

    #[test]
    fn round_trips_on_every_char_boundary() {
        let text = "a“b”c — 中文 x😀y";
        let o = CharOffsets::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(o.to_char(bi), ci, "byte {bi}");
            assert_eq!(o.to_byte(ci), bi, "char {ci}");
        }
        assert_eq!(o.to_char(text.len()), text.chars().count());
        assert_eq!(o.to_byte(text.chars().count()), text.len());
    }
}
