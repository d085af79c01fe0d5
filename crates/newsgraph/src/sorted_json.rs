//! Compact JSON with every object's keys in sorted order, written straight
//! from `Serialize`: the bytes of `serde_json::to_vec(&serde_json::to_value(v)?)`
//! (whose objects are `BTreeMap`s, so sorted), without building the `Value`
//! tree, its every key and string copied into an allocation of its own.
//!
//! `analyze --jsonl` has printed its records with sorted keys since it first
//! went through a `Value`; this keeps those bytes (about 3% of its
//! instructions went into the tree: docs/measurements.md, ²⁴).

use serde::ser::{self, Serialize};
use std::borrow::Cow;

type Error = serde_json::Error;

/// `value` as compact JSON, every object's keys in sorted order, in a
/// buffer of `capacity` bytes to begin with (the length it is expected to
/// reach: growing copies what is written).
///
/// Fails on a map whose keys are neither strings nor integers (as
/// `serde_json::to_value` does), or on a value's own `Serialize` error.
pub fn to_vec<T: Serialize + ?Sized>(value: &T, capacity: usize) -> Result<Vec<u8>, Error> {
    let mut w = Writer {
        out: Vec::with_capacity(capacity),
        entries: Vec::with_capacity(64),
    };
    value.serialize(Sorted { w: &mut w })?;
    Ok(w.out)
}

/// The JSON written so far, and the entries of the objects still open.
struct Writer {
    out: Vec<u8>,
    /// Each open object's entries, the innermost's last (objects close in
    /// the reverse order they open): its key and the byte range of its
    /// `"key":value`.
    entries: Vec<(Cow<'static, str>, usize, usize)>,
}

/// Writes one value at the end of the output.
struct Sorted<'a> {
    w: &'a mut Writer,
}

/// serde_json's own compact writer for a scalar, so that numbers, strings
/// and their escapes are its bytes.
fn json(out: &mut Vec<u8>) -> serde_json::Serializer<&mut Vec<u8>> {
    serde_json::Serializer::new(out)
}

macro_rules! scalars {
    ($($method:ident($t:ty)),* $(,)?) => {$(
        fn $method(self, v: $t) -> Result<(), Error> {
            ser::Serializer::$method(&mut json(&mut self.w.out), v)
        }
    )*};
}

impl<'a> ser::Serializer for Sorted<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Seq<'a>;
    type SerializeTuple = Seq<'a>;
    type SerializeTupleStruct = Seq<'a>;
    type SerializeTupleVariant = Seq<'a>;
    type SerializeMap = Object<'a>;
    type SerializeStruct = Object<'a>;
    type SerializeStructVariant = Object<'a>;

    scalars!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
    );

    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.w.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        open_variant(&mut self.w.out, variant)?;
        value.serialize(Sorted { w: &mut *self.w })?;
        self.w.out.push(b'}');
        Ok(())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Seq<'a>, Error> {
        Ok(Seq::open(self.w, b"]"))
    }

    fn serialize_tuple(self, len: usize) -> Result<Seq<'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Seq<'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Seq<'a>, Error> {
        open_variant(&mut self.w.out, variant)?;
        Ok(Seq::open(self.w, b"]}"))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Object<'a>, Error> {
        Ok(Object::open(self.w, b"}"))
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Object<'a>, Error> {
        self.serialize_map(None)
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Object<'a>, Error> {
        open_variant(&mut self.w.out, variant)?;
        Ok(Object::open(self.w, b"}}"))
    }
}

/// `{"variant":`, as serde_json writes an enum variant with data.
fn open_variant(out: &mut Vec<u8>, variant: &str) -> Result<(), Error> {
    out.push(b'{');
    ser::Serializer::serialize_str(&mut json(out), variant)?;
    out.push(b':');
    Ok(())
}

/// An array being written, elements in the order they come.
struct Seq<'a> {
    w: &'a mut Writer,
    first: bool,
    close: &'static [u8],
}

impl<'a> Seq<'a> {
    fn open(w: &'a mut Writer, close: &'static [u8]) -> Self {
        w.out.push(b'[');
        Seq {
            w,
            first: true,
            close,
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        if !std::mem::take(&mut self.first) {
            self.w.out.push(b',');
        }
        value.serialize(Sorted { w: &mut *self.w })
    }

    fn close(self) -> Result<(), Error> {
        self.w.out.extend_from_slice(self.close);
        Ok(())
    }
}

impl ser::SerializeSeq for Seq<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTuple for Seq<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Seq<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTupleVariant for Seq<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

/// An object being written. Its entries go into the output as
/// `"key":value` in the order they come; at its end, unless they came
/// sorted, they are copied after it in key order and the unsorted ones
/// removed: the bytes move, nothing is parsed or allocated per entry.
struct Object<'a> {
    w: &'a mut Writer,
    /// Where the object's `{` is.
    base: usize,
    /// Where its entries begin in `w.entries`.
    first: usize,
    /// A map's key, until its value comes.
    key: Option<String>,
    close: &'static [u8],
}

impl<'a> Object<'a> {
    fn open(w: &'a mut Writer, close: &'static [u8]) -> Self {
        let base = w.out.len();
        w.out.push(b'{');
        Object {
            first: w.entries.len(),
            w,
            base,
            key: None,
            close,
        }
    }

    fn entry<T: Serialize + ?Sized>(
        &mut self,
        key: Cow<'static, str>,
        value: &T,
    ) -> Result<(), Error> {
        if self.w.entries.len() > self.first {
            self.w.out.push(b',');
        }
        let start = self.w.out.len();
        ser::Serializer::serialize_str(&mut json(&mut self.w.out), &key)?;
        self.w.out.push(b':');
        value.serialize(Sorted { w: &mut *self.w })?;
        let end = self.w.out.len();
        self.w.entries.push((key, start, end));
        Ok(())
    }

    fn close(self) -> Result<(), Error> {
        let Writer { out, entries } = &mut *self.w;
        let mine = &mut entries[self.first..];
        if !mine.windows(2).all(|w| w[0].0 < w[1].0) {
            // As a `BTreeMap` built from them: sorted, a repeated key's
            // last value kept where its first one would go.
            mine.sort_by(|a, b| a.0.cmp(&b.0));
            let written = out.len();
            out.push(b'{');
            let mut any = false;
            for (i, (key, start, end)) in mine.iter().enumerate() {
                if mine.get(i + 1).is_some_and(|next| next.0 == *key) {
                    continue;
                }
                if std::mem::replace(&mut any, true) {
                    out.push(b',');
                }
                out.extend_from_within(*start..*end);
            }
            out.drain(self.base..written);
        }
        entries.truncate(self.first);
        out.extend_from_slice(self.close);
        Ok(())
    }
}

impl ser::SerializeMap for Object<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(KeyString)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("a map value without its key"))?;
        self.entry(Cow::Owned(key), value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStruct for Object<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.entry(Cow::Borrowed(key), value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStructVariant for Object<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.entry(Cow::Borrowed(key), value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

/// A map key as its string: a string, or an integer written out (as
/// `serde_json::to_value` makes them); the contract's only map is a
/// `#[serde(flatten)]`ed struct.
struct KeyString;

fn not_a_string() -> Error {
    <Error as ser::Error>::custom("a map key that is not a string")
}

macro_rules! integer_keys {
    ($($method:ident($t:ty)),* $(,)?) => {$(
        fn $method(self, v: $t) -> Result<String, Error> {
            Ok(v.to_string())
        }
    )*};
}

macro_rules! refused {
    ($($method:ident($($t:ty),*)),* $(,)?) => {$(
        fn $method(self, $(_: $t),*) -> Result<String, Error> {
            Err(not_a_string())
        }
    )*};
}

impl ser::Serializer for KeyString {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = ser::Impossible<String, Error>;
    type SerializeTuple = ser::Impossible<String, Error>;
    type SerializeTupleStruct = ser::Impossible<String, Error>;
    type SerializeTupleVariant = ser::Impossible<String, Error>;
    type SerializeMap = ser::Impossible<String, Error>;
    type SerializeStruct = ser::Impossible<String, Error>;
    type SerializeStructVariant = ser::Impossible<String, Error>;

    fn serialize_str(self, v: &str) -> Result<String, Error> {
        Ok(v.to_string())
    }

    fn serialize_char(self, v: char) -> Result<String, Error> {
        Ok(v.to_string())
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<String, Error> {
        Ok(variant.to_string())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<String, Error> {
        value.serialize(self)
    }

    integer_keys!(
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
    );

    refused!(
        serialize_bool(bool),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
    );

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<String, Error> {
        Err(not_a_string())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, Error> {
        Err(not_a_string())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(not_a_string())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(not_a_string())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(not_a_string())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(not_a_string())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(not_a_string())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(not_a_string())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(not_a_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::HashMap;

    /// The bytes through a `Value`, which these must equal.
    fn via_value<T: Serialize>(v: &T) -> Vec<u8> {
        serde_json::to_vec(&serde_json::to_value(v).unwrap()).unwrap()
    }

    #[derive(Serialize)]
    struct Inner {
        zeta: Option<u8>,
        alpha: &'static str,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        empty: Vec<u8>,
    }

    #[derive(Serialize)]
    enum Shape {
        Dot,
        Pair(i32, f64),
        Boxed(Inner),
        Named { y: f64, x: f64 },
    }

    #[derive(Serialize)]
    struct Outer {
        text: String,
        id: u64,
        #[serde(flatten)]
        inner: Inner,
        shapes: Vec<Shape>,
        nothing: (),
        map: HashMap<String, Vec<f64>>,
        numbered: HashMap<u32, &'static str>,
    }

    #[test]
    fn every_object_comes_out_sorted_as_through_a_value() {
        let outer = Outer {
            text: "“quoted” \\ \"escaped\"\n\u{1}".into(),
            id: u64::MAX,
            inner: Inner {
                zeta: None,
                alpha: "a",
                empty: vec![],
            },
            shapes: vec![
                Shape::Dot,
                Shape::Pair(-3, 0.1),
                Shape::Boxed(Inner {
                    zeta: Some(7),
                    alpha: "b",
                    empty: vec![1, 2],
                }),
                Shape::Named {
                    y: f64::NAN,
                    x: 1e300,
                },
            ],
            nothing: (),
            map: [("b".into(), vec![2.5]), ("a".into(), vec![])].into(),
            numbered: [(10, "ten"), (9, "nine")].into(),
        };
        let ours = to_vec(&outer, 0).unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(via_value(&outer)).unwrap()
        );
        assert!(to_vec(&outer, 0)
            .unwrap()
            .starts_with(br#"{"alpha":"a","id":"#));
    }

    #[test]
    fn a_map_with_keys_that_are_not_strings_is_refused() {
        let map: HashMap<(u8, u8), u8> = [((1, 2), 3)].into();
        assert!(to_vec(&map, 0).is_err());
        assert_eq!(to_vec(&[1, 2], 0).unwrap(), b"[1,2]");
    }
}
