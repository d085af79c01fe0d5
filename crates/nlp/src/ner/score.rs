//! Entity-level exact-match F1 (as conlleval computes it), used to pick the
//! best training epoch on the development set.

/// Entity chunks `(start, end, type)` of an IOB2 label sequence.
pub fn chunks(tags: &[&str]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (prefix, ty) = t.split_once('-').unwrap_or(("O", ""));
        let continues = prefix == "I" && open.as_ref().is_some_and(|(_, o)| o == ty);
        if !continues {
            if let Some((s, o)) = open.take() {
                out.push((s, i, o));
            }
            if prefix == "B" || prefix == "I" {
                open = Some((i, ty.to_string()));
            }
        }
    }
    if let Some((s, o)) = open {
        out.push((s, tags.len(), o));
    }
    out
}

/// Counts of gold, predicted and correct entities.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct F1Counts {
    /// Entities in the gold tags.
    pub gold: usize,
    /// Entities in the predicted tags.
    pub predicted: usize,
    /// Predicted entities matching a gold one exactly.
    pub correct: usize,
}

impl F1Counts {
    /// Adds the entities of one sentence.
    pub fn add(&mut self, gold: &[&str], predicted: &[&str]) {
        let g = chunks(gold);
        let p = chunks(predicted);
        self.gold += g.len();
        self.predicted += p.len();
        self.correct += p.iter().filter(|c| g.contains(c)).count();
    }

    /// Micro F1 (0 when nothing was predicted or expected).
    pub fn f1(&self) -> f64 {
        if self.gold + self.predicted == 0 {
            return 0.0;
        }
        2.0 * self.correct as f64 / (self.gold + self.predicted) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_match_f1() {
        let mut c = F1Counts::default();
        c.add(
            &["B-PER", "I-PER", "O", "B-LOC"],
            &["B-PER", "I-PER", "O", "B-ORG"],
        );
        assert_eq!((c.gold, c.predicted, c.correct), (2, 2, 1));
        assert!((c.f1() - 0.5).abs() < 1e-9);
    }
}
