//! Finding the entity a span belongs to without scanning every mention.

use crate::{Entity, Span};

/// The mentions of a document's entities, sorted by where they start, so
/// that "which entity's mention contains this span?" costs a binary search
/// and a short scan back. Asking it by scanning every mention made a long
/// document quadratic: a live blog naming one city a million times asked a
/// million questions of a million mentions.
#[derive(Debug, Clone, Default)]
pub struct MentionIndex {
    /// (mention, index of its entity), by mention start.
    mentions: Vec<(Span, usize)>,
    /// The furthest end of the mentions up to each position: the scan back
    /// stops where no earlier mention can still reach the span's end.
    reach: Vec<usize>,
    /// For each stretch of `1 << shift` bytes, the number of mentions that
    /// start before it: a lookup binary-searches only the few mentions of
    /// the span's stretch. Searching all of a long page's million mentions
    /// missed the cache at most of its twenty steps, on every token the
    /// coder and the resolver asked about. Empty when there is no mention
    /// (or more than `u32` counts).
    first_in: Vec<u32>,
    /// The log2 of a stretch's length in bytes.
    shift: u32,
}

impl MentionIndex {
    /// The index of `entities`' mentions.
    pub fn new(entities: &[Entity]) -> Self {
        // Sized first: collected from a `flat_map`, which cannot tell its
        // length, a long page's million mentions grew by doubling, each
        // copy into fresh pages.
        let mut mentions = Vec::with_capacity(entities.iter().map(|e| e.mentions.len()).sum());
        mentions.extend(
            entities
                .iter()
                .enumerate()
                .flat_map(|(i, e)| e.mentions.iter().map(move |m| (*m, i))),
        );
        Self::placed(mentions)
    }

    /// The index of `spans` (a document's quotes, its sentences), for which
    /// [`MentionIndex::entity_containing`] answers with the position of the
    /// first of them that contains a span.
    pub fn of_spans(spans: impl IntoIterator<Item = Span>) -> Self {
        Self::placed(spans.into_iter().zip(0..).collect())
    }

    fn placed(mut mentions: Vec<(Span, usize)>) -> Self {
        mentions.sort_unstable_by_key(|&(m, i)| (m.start, m.end, i));
        // One a mention (`scan` tells no lower bound, so `collect` would
        // grow the vector by doubling).
        let mut reach = Vec::with_capacity(mentions.len());
        reach.extend(mentions.iter().scan(0, |far, (m, _)| {
            *far = m.end.max(*far);
            Some(*far)
        }));
        let (first_in, shift) = stretches(&mentions);
        MentionIndex {
            mentions,
            reach,
            first_in,
            shift,
        }
    }

    /// The number of mentions that start at or before `at`.
    fn starting_upto(&self, at: usize) -> usize {
        let n = self.mentions.len();
        let stretch = at >> self.shift;
        let bound = |k: usize| self.first_in.get(k).map_or(n, |&c| c as usize);
        // Every mention of an earlier stretch starts before `at`, none of a
        // later one does; with no table, `bound` gives the whole list.
        let (lo, hi) = if self.first_in.is_empty() {
            (0, n)
        } else {
            (bound(stretch), bound(stretch.saturating_add(1)))
        };
        lo + self.mentions[lo..hi].partition_point(|(m, _)| m.start <= at)
    }

    /// The position in the entities the index was built from of the first
    /// entity one of whose mentions covers `span` or contains it.
    pub fn entity_containing(&self, span: Span) -> Option<usize> {
        let upto = self.starting_upto(span.start);
        (0..upto)
            .rev()
            .take_while(|&k| self.reach[k] >= span.end)
            .filter(|&k| self.mentions[k].0.contains(span))
            .map(|k| self.mentions[k].1)
            .min()
    }
}

/// The stretch table of `mentions` (sorted by start) and its shift: a
/// stretch is the shortest power of two of bytes for which there are at
/// most an eighth as many stretches as mentions, so that the table adds at
/// most half a byte a mention (a mention takes 32).
fn stretches(mentions: &[(Span, usize)]) -> (Vec<u32>, u32) {
    let Some(last) = mentions.last().map(|(m, _)| m.start) else {
        return (Vec::new(), 0);
    };
    if u32::try_from(mentions.len()).is_err() {
        return (Vec::new(), 0);
    }
    let most = mentions.len() / 8;
    let shift = (0..usize::BITS)
        .find(|&s| last >> s <= most)
        .unwrap_or(usize::BITS - 1);
    // Stretches 0..=last's, and one past it (which every mention starts
    // before).
    let len = (last >> shift) + 2;
    let mut first_in = Vec::with_capacity(len);
    let mut k = 0usize;
    for stretch in 0..len {
        let begins = stretch << shift;
        while k < mentions.len() && mentions[k].0.start < begins {
            k += 1;
        }
        // At most `mentions.len()`, which fits (checked above).
        first_in.push(u32::try_from(k).unwrap_or(u32::MAX));
    }
    (first_in, shift)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EntityType;

    fn entity(id: &str, mentions: &[(usize, usize)]) -> Entity {
        Entity {
            id: id.to_string(),
            name: id.to_string(),
            kind: EntityType::Gpe,
            actor: None,
            mentions: mentions.iter().map(|&(s, e)| Span::new(s, e)).collect(),
            titles: Vec::new(),
        }
    }

    #[test]
    fn finds_the_first_entity_whose_mention_contains_the_span() {
        // "New York" (0..8) is e1; "York" (4..8) is also e2's mention; a
        // long mention (20..60) of e3 holds a short one (30..35) of e2.
        let entities = [
            entity("e1", &[(0, 8), (100, 108)]),
            entity("e2", &[(4, 8), (30, 35)]),
            entity("e3", &[(20, 60)]),
        ];
        let index = MentionIndex::new(&entities);
        assert_eq!(index.entity_containing(Span::new(4, 8)), Some(0));
        assert_eq!(index.entity_containing(Span::new(0, 3)), Some(0));
        assert_eq!(index.entity_containing(Span::new(31, 33)), Some(1));
        assert_eq!(index.entity_containing(Span::new(40, 50)), Some(2));
        assert_eq!(index.entity_containing(Span::new(100, 108)), Some(0));
        assert_eq!(index.entity_containing(Span::new(7, 12)), None);
        assert_eq!(index.entity_containing(Span::new(200, 201)), None);
    }

    #[test]
    fn spans_answer_as_a_scan_for_the_first_containing_does() {
        // Nested, touching, repeated and out of order, like quotes inside
        // quotes and the pieces of one claim.
        let spans: Vec<Span> = [
            (5, 30),
            (0, 4),
            (10, 20),
            (10, 20),
            (4, 9),
            (25, 40),
            (12, 13),
        ]
        .iter()
        .map(|&(s, e)| Span::new(s, e))
        .collect();
        let index = MentionIndex::of_spans(spans.iter().copied());
        for start in 0..42 {
            for end in start..42 {
                let span = Span::new(start, end);
                let scanned = spans.iter().position(|s| s.contains(span));
                assert_eq!(index.entity_containing(span), scanned, "{span:?}");
            }
        }
    }

    #[test]
    fn many_mentions_answer_through_their_stretches_as_a_scan_does() {
        // Enough mentions for a stretch table of many entries: short ones
        // every few bytes, a few long ones across stretches, a gap, and
        // some at the same start.
        let mut spans: Vec<Span> = (0..300)
            .map(|k| {
                let start = k * 7 + if k > 200 { 900 } else { 0 };
                Span::new(start, start + 3 + k % 5)
            })
            .collect();
        spans.extend([Span::new(40, 400), Span::new(600, 2500), Span::new(14, 17)]);
        let index = MentionIndex::of_spans(spans.iter().copied());
        assert!(index.first_in.len() > 2, "{}", index.first_in.len());
        for start in (0..3100).step_by(3) {
            for len in [0, 1, 2, 5, 40, 300] {
                let span = Span::new(start, start + len);
                let scanned = spans.iter().position(|s| s.contains(span));
                assert_eq!(index.entity_containing(span), scanned, "{span:?}");
            }
        }
    }
}
