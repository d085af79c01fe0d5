//! Binary search that starts from where the last one ended: the coder
//! looks up each sentence's tokens in the document's, in text order, and a
//! search over the whole of a long page's tokens misses the cache at
//! every step.

/// The same index as `items.partition_point(pred)` for a `pred` true on a
/// prefix of `items`, found by doubling steps out from `hint` and then a
/// binary search between the last two steps: a handful of reads near
/// `hint` when the answer is near it, about twice a binary search's when
/// it is far.
pub(super) fn partition_point_near<T>(
    items: &[T],
    hint: usize,
    pred: impl Fn(&T) -> bool,
) -> usize {
    let hint = hint.min(items.len());
    if hint == 0 || pred(&items[hint - 1]) {
        // The answer is at `lo` or after it.
        let mut lo = hint;
        let mut step = 1;
        loop {
            let probe = lo + step - 1;
            if probe >= items.len() {
                return lo + items[lo..].partition_point(&pred);
            }
            if !pred(&items[probe]) {
                return lo + items[lo..probe].partition_point(&pred);
            }
            lo = probe + 1;
            step *= 2;
        }
    }
    // `pred` fails at `hi`: the answer is at `hi` or before it.
    let mut hi = hint - 1;
    let mut step = 1;
    loop {
        if hi < step {
            return items[..hi].partition_point(&pred);
        }
        let probe = hi - step;
        if pred(&items[probe]) {
            return probe + 1 + items[probe + 1..hi].partition_point(&pred);
        }
        hi = probe;
        step *= 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_a_binary_search_finds_from_any_hint() {
        let items: Vec<u32> = (0..40).map(|i| i / 3 * 2).collect();
        for bound in 0..30 {
            let pred = |x: &u32| *x < bound;
            let expected = items.partition_point(pred);
            for hint in 0..=items.len() + 2 {
                assert_eq!(
                    partition_point_near(&items, hint, pred),
                    expected,
                    "bound {bound} hint {hint}"
                );
            }
        }
        let empty: [u32; 0] = [];
        assert_eq!(partition_point_near(&empty, 3, |x| *x < 1), 0);
    }
}
