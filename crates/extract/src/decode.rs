use crate::ExtractError;
use encoding_rs::Encoding;
use std::borrow::Cow;

/// Text decoded from bytes, with the encoding that was used.
#[derive(Debug, Clone)]
pub struct Decoded<'a> {
    /// The text (BOM removed; malformed sequences replaced by U+FFFD):
    /// borrowed from the bytes where they need no decoding (UTF-8 pages,
    /// most of them, are not copied), else a string of its own.
    pub text: Cow<'a, str>,
    /// Name of the encoding used ("UTF-8", "windows-1251", …).
    pub encoding: &'static str,
}

/// Decodes `bytes` to text: a BOM wins; otherwise a declared charset (from
/// the transport, then from an HTML `<meta>`) is used if the bytes are valid
/// in it; otherwise the encoding is detected.
pub fn decode<'a>(
    bytes: &'a [u8],
    declared_charset: Option<&str>,
) -> Result<Decoded<'a>, ExtractError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Decoded {
            text,
            encoding: encoding.name(),
        });
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return Ok(Decoded {
            text,
            encoding: encoding.name(),
        });
    }
    check_not_binary(bytes)?;
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: "UTF-8",
        });
    }
    let declared = declared_charset
        .map(str::to_string)
        .or_else(|| meta_charset(bytes))
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    if let Some(encoding) = declared {
        if encoding != encoding_rs::UTF_8 {
            let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
            if !had_errors {
                return Ok(Decoded {
                    text,
                    encoding: encoding.name(),
                });
            }
        }
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Ok(Decoded {
        text,
        encoding: encoding.name(),
    })
}

/// UTF-16 text saved without a BOM: ASCII-range characters leave a NUL in
/// every other byte (odd positions for little-endian, even for big-endian).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 16 {
        return None;
    }
    let half = sample.len() / 2;
    // One pass over the pairs, without branches (it runs on every page).
    let (mut even_nul, mut odd_nul) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even_nul += usize::from(pair[0] == 0);
        odd_nul += usize::from(pair[1] == 0);
    }
    if odd_nul * 10 > half * 7 && even_nul * 20 < half {
        Some(encoding_rs::UTF_16LE)
    } else if even_nul * 10 > half * 7 && odd_nul * 20 < half {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Refuses inputs that are evidently binary: NUL-heavy or full of control bytes.
fn check_not_binary(bytes: &[u8]) -> Result<(), ExtractError> {
    let sample = &bytes[..bytes.len().min(8192)];
    // One pass, without branches (it runs on every page), counted in bytes
    // over blocks of at most 255 (no count overflows its byte): counters as
    // wide as `usize` let the compiler compare two bytes per vector where
    // byte counters let it compare sixteen (9 instructions a byte → 2).
    let (mut nul, mut control) = (0usize, 0usize);
    for block in sample.chunks(usize::from(u8::MAX)) {
        let (mut block_nul, mut block_control) = (0u8, 0u8);
        for &b in block {
            block_nul += u8::from(b == 0);
            block_control += u8::from(b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0));
        }
        nul += usize::from(block_nul);
        control += usize::from(block_control);
    }
    if nul * 10 > sample.len() {
        return Err(ExtractError::Binary {
            reason: format!("{nul} NUL bytes in the first {} bytes", sample.len()),
        });
    }
    if control * 20 > sample.len() {
        return Err(ExtractError::Binary {
            reason: format!(
                "{control} control bytes in the first {} bytes",
                sample.len()
            ),
        });
    }
    Ok(())
}

/// The charset an HTML `<meta charset>` or `http-equiv` declares in the first
/// 4 KiB, read as ASCII.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let rest = head[at..].trim_start_matches(['"', '\'', ' ']);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| rest[..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_declared_windows_1251() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("Привет, мир");
        let html = [
            b"<meta charset=\"windows-1251\">".as_slice(),
            bytes.as_ref(),
        ]
        .concat();
        let d = decode(&html, None).unwrap();
        assert!(d.text.contains("Привет"), "{}", d.text);
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "Hello".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes, None).unwrap().text, "Hello");
    }

    #[test]
    fn utf16_without_bom_is_detected() {
        let text = "<p>Le conseil a vot\u{e9} mardi soir.</p>";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le, None).unwrap().text, text);
        assert_eq!(decode(&be, None).unwrap().text, text);
    }

    #[test]
    fn lying_utf8_declaration_falls_back_to_detection() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(
            "<meta charset=\"utf-8\"><p>Правительство объявило о новых мерах поддержки</p>",
        );
        let d = decode(&bytes, Some("utf-8")).unwrap();
        assert!(d.text.contains("Правительство"), "{}", d.text);
        assert_eq!(d.encoding, "windows-1251");
    }

    #[test]
    fn binary_is_refused() {
        let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
        assert!(decode(&junk, None).is_err());
    }
}
