//! A cooperative limit on the work spent on one document.

use std::fmt;
use std::sync::Arc;

/// How much work one document may still take. The analysis stages ask it
/// between sentences (and between parts of longer steps), so that a document
/// past its limit stops within milliseconds instead of running to its end on
/// a worker that was given up on.
///
/// The test is the caller's: the stages do not read the clock (they are a
/// pure core), so `ingest` and the CLI hand in "is the deadline past?".
/// Cloning shares the test.
#[derive(Clone, Default)]
pub struct Budget {
    spent: Option<Arc<dyn Fn() -> bool + Send + Sync>>,
}

impl Budget {
    /// No limit: every check passes (what `annotate` without a budget uses).
    pub fn unlimited() -> Self {
        Budget::default()
    }

    /// A budget that is spent once `spent()` returns true (e.g. "the
    /// deadline is past"). `spent` is called often: keep it cheap.
    pub fn until(spent: impl Fn() -> bool + Send + Sync + 'static) -> Self {
        Budget {
            spent: Some(Arc::new(spent)),
        }
    }

    /// `Err(OverBudget)` once the budget is spent.
    ///
    /// # Errors
    ///
    /// [`OverBudget`] when the caller's test says the work must stop.
    pub fn check(&self) -> Result<(), OverBudget> {
        match &self.spent {
            Some(spent) if spent() => Err(OverBudget),
            _ => Ok(()),
        }
    }
}

impl fmt::Debug for Budget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.spent.is_some() {
            "Budget(limited)"
        } else {
            "Budget(unlimited)"
        })
    }
}

/// The analysis of a document was stopped because its [`Budget`] ran out;
/// nothing of it is kept (a document is analysed whole or not at all).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverBudget;

impl fmt::Display for OverBudget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the analysis ran out of its budget and was stopped")
    }
}

impl std::error::Error for OverBudget {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn unlimited_always_passes_and_a_spent_budget_fails() {
        assert_eq!(Budget::unlimited().check(), Ok(()));
        let calls = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&calls);
        let budget = Budget::until(move || seen.fetch_add(1, Ordering::SeqCst) >= 2);
        assert_eq!(budget.check(), Ok(()));
        assert_eq!(budget.clone().check(), Ok(()));
        assert_eq!(budget.check(), Err(OverBudget));
        assert_eq!(calls.load(Ordering::SeqCst), 3, "clones share the test");
    }
}
