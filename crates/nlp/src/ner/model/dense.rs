//! The word-vector weights laid out for tagging, scored in exact integers.
//!
//! The file keeps a `[slot][dimension][label]` block of i16 weights, and the
//! score it defines is `round(Σ x·w / 127)` per label over signed-byte vector
//! components `x`. Summing the integer products exactly and dividing once
//! gives the same rounded score as summing `x/127 · w` in floating point:
//! the exact quotient has a denominator of 127, so it is never closer than
//! 1/254 to a half, far beyond the float sum's error (under 1e-6).
//!
//! For speed the block is re-laid `[slot][label][dimension]` with the
//! dimensions padded to whole chunks of eight, so that each label's score is a
//! dot product of i16 rows, which compilers turn into SIMD (`pmaddwd`).

use super::{DenseInput, DENSE_SLOTS};

/// Labels a block scores at most (the products array's length).
pub(crate) const LANES: usize = 16;

/// Longest vector laid out for SIMD; longer ones are scored the plain way.
const MAX_DIMS: usize = 64;

// A token's products over all its slots fit an i32 exactly
// (`Weights::score_memo` sums them so, and [`round_div_127_i32`] relies on
// it).
const _: () = assert!(DENSE_SLOTS * MAX_DIMS * 128 * 32768 <= i32::MAX as usize);

/// Word-vector weights re-laid for integer dot products.
#[derive(Debug, Clone, Default)]
pub(crate) struct DenseBlock {
    /// Vector dimensions the block was trained for.
    dims: usize,
    /// Components per row: `dims` rounded up to whole chunks of
    /// [`CHUNK`] (the padding weighs zero).
    padded: usize,
    /// Number of labels.
    labels: usize,
    /// `[slot][label][padded dimension]`.
    weights: Vec<i16>,
}

impl DenseBlock {
    /// Re-lays a `[slot][dimension][label]` block of `labels` labels. `None`
    /// when it does not have that shape or its vectors are longer than
    /// [`MAX_DIMS`].
    pub(crate) fn build(dense: &[i16], labels: usize) -> Option<Self> {
        if labels == 0 || labels > LANES || dense.is_empty() {
            return None;
        }
        let per_slot = dense.len() / DENSE_SLOTS;
        if per_slot * DENSE_SLOTS != dense.len() || !per_slot.is_multiple_of(labels) {
            return None;
        }
        let dims = per_slot / labels;
        if dims == 0 || dims > MAX_DIMS {
            return None;
        }
        // Padded to whole chunks of eight components: a dot product of a
        // fixed number of chunks compiles to straight-line SIMD with no
        // remainder ([`DenseBlock::slot_products`] picks the length), and
        // 50 components take seven chunks where padding to [`MAX_DIMS`]
        // took eight.
        let padded = dims.div_ceil(CHUNK) * CHUNK;
        let mut weights = vec![0i16; DENSE_SLOTS * labels * padded];
        for slot in 0..DENSE_SLOTS {
            for d in 0..dims {
                for l in 0..labels {
                    let from = (slot * dims + d) * labels + l;
                    weights[(slot * labels + l) * padded + d] = dense[from];
                }
            }
        }
        Some(DenseBlock {
            dims,
            padded,
            labels,
            weights,
        })
    }

    /// `Σ x·w` per label lane over the vectors of `input`, exactly; `None`
    /// when a vector's length is not the block's (the caller then scores
    /// the plain layout).
    pub(crate) fn products(&self, input: &DenseInput<'_>) -> Option<[i64; LANES]> {
        let mut total = [0i64; LANES];
        for (slot, x) in input.iter().enumerate() {
            let Some(x) = x else { continue };
            let products = self.slot_products(slot, x)?;
            for (t, p) in total.iter_mut().zip(products) {
                *t += i64::from(p);
            }
        }
        Some(total)
    }

    /// `Σ x·w` per label lane of one slot's vector `x`; `None` when its
    /// length is not the block's.
    pub(crate) fn slot_products(&self, slot: usize, x: &[i8]) -> Option<[i32; LANES]> {
        if x.len() != self.dims {
            return None;
        }
        let stride = self.labels * self.padded;
        let block = self.weights.get(slot * stride..(slot + 1) * stride)?;
        // Copied into a buffer of fixed length first, so that widening is
        // a few vector instructions rather than a loop over the slice.
        let mut bytes = [0i8; MAX_DIMS];
        bytes.get_mut(..x.len())?.copy_from_slice(x);
        let wide: [i16; MAX_DIMS] = bytes.map(i16::from);
        let (wide, _) = wide.as_chunks::<CHUNK>();
        match self.padded / CHUNK {
            1 => rows::<1>(wide, block),
            2 => rows::<2>(wide, block),
            3 => rows::<3>(wide, block),
            4 => rows::<4>(wide, block),
            5 => rows::<5>(wide, block),
            6 => rows::<6>(wide, block),
            7 => rows::<7>(wide, block),
            8 => rows::<8>(wide, block),
            _ => None,
        }
    }
}

/// Components a step of [`dot`] multiplies and adds.
const CHUNK: usize = 8;

/// The dot product of the first `C` chunks of `x` with each row of `C`
/// chunks of `block`, a row per label lane.
fn rows<const C: usize>(x: &[[i16; CHUNK]], block: &[i16]) -> Option<[i32; LANES]> {
    let x: &[[i16; CHUNK]; C] = x.get(..C)?.try_into().ok()?;
    let mut out = [0i32; LANES];
    for (t, row) in out.iter_mut().zip(block.chunks_exact(C * CHUNK)) {
        let row: &[[i16; CHUNK]; C] = row.as_chunks::<CHUNK>().0.try_into().ok()?;
        *t = dot(x, row);
    }
    Some(out)
}

/// The id of "no vector" among a document's distinct vectors.
pub(crate) const NO_VECTOR: u32 = u32::MAX;

/// `Σ a·b` of two rows of `C` chunks (at most [`MAX_DIMS`] components,
/// so that the sum fits an i32). Summed in eight lanes, a chunk at a time:
/// the compiler makes each step one multiply-add of eight pairs
/// (`pmaddwd`), where a plain `.sum()` of the products loads four
/// components at a time and runs twice the instructions.
fn dot<const C: usize>(a: &[[i16; CHUNK]; C], b: &[[i16; CHUNK]; C]) -> i32 {
    let mut lanes = [0i32; CHUNK];
    for (x, w) in a.iter().zip(b) {
        for ((lane, x), w) in lanes.iter_mut().zip(x).zip(w) {
            *lane += i32::from(*x) * i32::from(*w);
        }
    }
    lanes.iter().sum()
}

/// `sum / 127` rounded to the nearest integer (never a tie: 127 is odd).
pub(crate) fn round_div_127(sum: i64) -> i32 {
    // ⌊(sum + 63) / 127⌋: sum's remainder r rounds up exactly when r ≥ 64.
    // A token's sum is far below 2^40 in magnitude: moved up by 127 · 2^40
    // it is positive, and one unsigned division by a constant (a
    // multiplication) floors it, where a signed floor takes two and fixes.
    const UP: i64 = 1 << 40;
    if sum.unsigned_abs() < UP as u64 {
        let floor = ((sum + 63 + 127 * UP) as u64 / 127) as i64 - UP;
        return floor as i32;
    }
    let rounded = sum.saturating_add(63).div_euclid(127);
    rounded.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32
}

/// [`round_div_127`] of the sum of a token's products over all its slots,
/// which is at most `DENSE_SLOTS · MAX_DIMS · 128 · 32768 < 2^31` in
/// magnitude, exactly: for every `i32`.
///
/// In doubles, so that a token's lanes are rounded a few at a time by
/// vector instructions (an integer division by 127, even as a
/// multiplication, is a 32×32→64-bit product per lane, which the
/// baseline x86-64 instruction set does not vectorise: it was some 175
/// instructions a token). `sum / 127` is never a half (127 is odd): its
/// distance to the nearest half is at least 1/254, while `sum · (1/127)`
/// in doubles is off by under 2^-27 for |sum| < 2^31, so rounding the
/// product to the nearest integer gives the exact quotient's rounding.
/// Adding 1.5 · 2^52 rounds it (to nearest, as every float operation
/// does) into the low bits of the double, whose low 32 bits are then the
/// result in two's complement for any |result| < 2^31.
pub(crate) fn round_div_127_i32(sum: i32) -> i32 {
    const ROUNDER: f64 = 6_755_399_441_055_744.0; // 1.5 · 2^52
    let rounded = f64::from(sum) * (1.0 / 127.0) + ROUNDER;
    rounded.to_bits() as u32 as i32
}

#[cfg(test)]
mod tests {
    use super::super::add_dense;
    use super::*;

    #[test]
    fn rounds_like_the_float_sum() {
        for sum in [
            -300i64,
            -192,
            -191,
            -190,
            -65,
            -64,
            -63,
            -1,
            0,
            1,
            63,
            64,
            190,
            191,
            12_345_678,
            -1_610_612_736,
            1_610_612_736,
        ] {
            assert_eq!(
                round_div_127(sum),
                (sum as f64 / 127.0).round() as i32,
                "{sum}"
            );
            assert_eq!(round_div_127_i32(sum as i32), round_div_127(sum), "{sum}");
        }
    }

    #[test]
    fn rounds_every_i32_like_the_integer_division() {
        // Around every multiple of 127 near zero and near the extremes
        // (where the quotient's rounding turns), and a spread in between.
        let near = |c: i64| c - 130..=c + 130;
        let spread = (0..=200_000i64).map(|k| k * 21_475 - 2_147_483_648);
        let edges = near(0)
            .chain(near(i64::from(i32::MAX) - 130))
            .chain(near(i64::from(i32::MIN) + 130))
            .chain(near(127 * 1_000_003))
            .chain(near(-127 * 1_000_003));
        for sum in edges.chain(spread) {
            let Ok(s) = i32::try_from(sum) else { continue };
            assert_eq!(round_div_127_i32(s), round_div_127(sum), "{sum}");
        }
        for s in [
            i32::MIN,
            i32::MIN + 1,
            i32::MAX,
            i32::MAX - 1,
            -63,
            -64,
            63,
            64,
        ] {
            assert_eq!(round_div_127_i32(s), round_div_127(i64::from(s)), "{s}");
        }
    }

    #[test]
    fn matches_the_plain_layout() {
        let labels = 9;
        let dims = 5;
        let dense: Vec<i16> = (0..DENSE_SLOTS * dims * labels)
            .map(|i| ((i * 7919) % 65_521) as i16)
            .collect();
        let block = DenseBlock::build(&dense, labels).unwrap();
        let a: Vec<i8> = vec![127, -128, 3, 0, -77];
        let b: Vec<i8> = vec![1, 2, -3, 4, 5];
        let input: DenseInput<'_> = [Some(&a), None, Some(&b), Some(&a), None, Some(&b)];
        let exact = block.products(&input).unwrap();
        let mut float = vec![0f64; labels];
        add_dense(&dense, &input, &mut float);
        for l in 0..labels {
            assert_eq!(round_div_127(exact[l]), float[l].round() as i32);
        }
        assert!(exact[labels..].iter().all(|s| *s == 0));
        let short: Vec<i8> = vec![1, 2];
        assert!(block
            .products(&[Some(&short), None, None, None, None, None])
            .is_none());
    }
}
