//! A cooperative limit on the time spent on one document, which refuses a
//! document early once its own pace shows it cannot finish.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// How much time one document's analysis may still take. The analysis
/// stages ask it between sentences (and between parts of longer steps), so
/// that a document past its limit stops within milliseconds instead of
/// running to its end on a worker that was given up on.
///
/// The long steps also report how far they are ([`Budget::progress`]):
/// once a step has run for a short sample, the budget projects the whole
/// analysis from its pace, and refuses a document that would clearly not
/// finish within the limit then, instead of at the limit. A long page that
/// would take 40 s under a 5 s limit is refused after a fraction of a
/// second rather than after 5 s of work that is thrown away.
///
/// The clock is the caller's: the stages do not read it (they are a pure
/// core), so `ingest` and the CLI hand in "how long has this analysis
/// run?". Cloning shares the limit and the clock.
#[derive(Clone, Default)]
pub struct Budget {
    limit: Option<Arc<Limit>>,
}

/// A limited budget's state, shared by its clones.
struct Limit {
    max: Duration,
    elapsed: Box<dyn Fn() -> Duration + Send + Sync>,
    /// Where the step being sampled started (one document's steps run one
    /// after another, so the lock is never contended).
    sample: Mutex<Option<Sample>>,
}

/// The start of the step whose pace is being measured.
#[derive(Clone, Copy)]
struct Sample {
    step: Step,
    at: Duration,
    done: usize,
}

/// The analysis steps that report their progress, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The entity tagger, by tokens (`nlp`); everything else follows it.
    Tagging,
    /// Finding quotes and claims, by tokens (`attribution`); the event
    /// coder follows it.
    Quotes,
    /// Coding events, by tokens (`events`), the last long step.
    Events,
}

impl Step {
    /// The least that the analysis from this step's start to its end
    /// costs, as a multiple of this step alone: the projection is a lower
    /// bound. Measured per step on long documents of several kinds (news
    /// articles, live blogs of reported speech, lists of names, tables of
    /// figures; docs/measurements.md, round 8), each the smallest ratio
    /// seen, rounded down.
    fn rest_factor(self) -> f64 {
        match self {
            Step::Tagging => 1.4,
            Step::Quotes => 2.5,
            Step::Events => 1.0,
        }
    }
}

/// A step is sampled for at least this long (or a hundredth of the limit,
/// if that is longer) before its pace is trusted: long enough to average
/// over a few parts of the tagger and many sentences.
const MIN_SAMPLE: Duration = Duration::from_millis(50);

/// ... and for at least this many units (a part of the tagger), and a
/// sixty-fourth of the step: a normal article's steps are never projected,
/// and a pause of the thread (a loaded machine) early in a step cannot
/// make a short sample look slow.
const MIN_SAMPLE_UNITS: usize = 20_000;

/// A document is refused early only when its projected time is more than
/// this multiple of the limit: the pace of a short sample varies with the
/// machine's load and the first part's cold caches, and a document that
/// would finish must never be refused. One between 1 and this many times
/// its limit runs to its deadline.
const MARGIN: f64 = 1.5;

impl Budget {
    /// No limit: every check passes (what `annotate` without a budget uses).
    pub fn unlimited() -> Self {
        Budget::default()
    }

    /// A budget of `max`, spent once `elapsed()` (the time since the
    /// analysis started) reaches it, or refused earlier when the stages'
    /// progress projects it past `max` by a wide margin. `elapsed` is
    /// called often: keep it cheap.
    pub fn limited(max: Duration, elapsed: impl Fn() -> Duration + Send + Sync + 'static) -> Self {
        Budget {
            limit: Some(Arc::new(Limit {
                max,
                elapsed: Box::new(elapsed),
                sample: Mutex::new(None),
            })),
        }
    }

    /// Whether the budget has a limit (an unlimited one needs no sample).
    pub fn is_limited(&self) -> bool {
        self.limit.is_some()
    }

    /// How long the analysis has run (zero without a limit).
    pub fn elapsed(&self) -> Duration {
        self.limit
            .as_ref()
            .map_or(Duration::ZERO, |limit| (limit.elapsed)())
    }

    /// Projects the analysis of a text of `whole` bytes from that of a
    /// sample of `part` of its bytes, which took `took`: a document whose
    /// analysis would end well past the limit is refused now.
    ///
    /// # Errors
    ///
    /// [`OverBudget::Spent`] when the time is up, [`OverBudget::Projected`]
    /// when the whole analysis would take far longer than its limit.
    pub fn sampled(&self, part: usize, whole: usize, took: Duration) -> Result<(), OverBudget> {
        let Some(limit) = &self.limit else {
            return Ok(());
        };
        let now = (limit.elapsed)();
        if now >= limit.max {
            return Err(OverBudget::Spent);
        }
        if part == 0 {
            return Ok(());
        }
        let estimate = now.as_secs_f64() + took.as_secs_f64() * whole as f64 / part as f64;
        if estimate > limit.max.as_secs_f64() * MARGIN {
            return Err(OverBudget::Projected {
                estimate: Duration::from_secs_f64(estimate),
            });
        }
        Ok(())
    }

    /// `Err` once the limit has passed.
    ///
    /// # Errors
    ///
    /// [`OverBudget::Spent`] when the time is up.
    pub fn check(&self) -> Result<(), OverBudget> {
        match &self.limit {
            Some(limit) if (limit.elapsed)() >= limit.max => Err(OverBudget::Spent),
            _ => Ok(()),
        }
    }

    /// [`Budget::check`], from a step that has done `done` of its `total`
    /// units of work (tokens); called as it goes, with `done` growing. Once
    /// the step has run for a short sample, the whole analysis is projected
    /// from its pace (see [`Step`]), and a document whose projection is
    /// well past the limit is refused.
    ///
    /// # Errors
    ///
    /// [`OverBudget::Spent`] when the time is up, [`OverBudget::Projected`]
    /// when the analysis would take far longer than its limit.
    pub fn progress(&self, step: Step, done: usize, total: usize) -> Result<(), OverBudget> {
        let Some(limit) = &self.limit else {
            return Ok(());
        };
        let now = (limit.elapsed)();
        if now >= limit.max {
            return Err(OverBudget::Spent);
        }
        let mut sample = limit.sample.lock().unwrap_or_else(PoisonError::into_inner);
        let start = match *sample {
            Some(s) if s.step == step && s.done <= done => s,
            _ => {
                *sample = Some(Sample {
                    step,
                    at: now,
                    done,
                });
                return Ok(());
            }
        };
        let ran = now.saturating_sub(start.at);
        let units = done - start.done;
        if ran < MIN_SAMPLE.max(limit.max / 100)
            || units < MIN_SAMPLE_UNITS.max(total / 64)
            || done >= total
        {
            return Ok(());
        }
        // Seconds per unit of this step, so far.
        let pace = ran.as_secs_f64() / units as f64;
        let estimate = now.as_secs_f64()
            + pace * (total - done) as f64
            + pace * total as f64 * (step.rest_factor() - 1.0);
        if estimate > limit.max.as_secs_f64() * MARGIN {
            return Err(OverBudget::Projected {
                estimate: Duration::from_secs_f64(estimate),
            });
        }
        Ok(())
    }
}

impl fmt::Debug for Budget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.limit {
            Some(limit) => write!(f, "Budget({:?})", limit.max),
            None => f.write_str("Budget(unlimited)"),
        }
    }
}

/// The analysis of a document was stopped because of its [`Budget`];
/// nothing of it is kept (a document is analysed whole or not at all).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverBudget {
    /// The limit passed before the analysis ended.
    Spent,
    /// Part-way, the analysis's own pace showed it would take about
    /// `estimate` in all, far past its limit.
    Projected {
        /// The projected time of the whole analysis (a lower bound).
        estimate: Duration,
    },
}

impl OverBudget {
    /// "about 95 s" or "about 7.5 s": a projection, to say as one.
    pub fn estimate_words(estimate: Duration) -> String {
        let secs = estimate.as_secs_f64();
        if secs >= 10.0 {
            format!("about {secs:.0} s")
        } else {
            format!("about {secs:.1} s")
        }
    }
}

impl fmt::Display for OverBudget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OverBudget::Spent => f.write_str("the analysis ran out of its time and was stopped"),
            OverBudget::Projected { estimate } => write!(
                f,
                "the analysis would take {}, far past its limit, and was stopped",
                OverBudget::estimate_words(*estimate)
            ),
        }
    }
}

impl std::error::Error for OverBudget {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};

    /// A clock the test moves: microseconds since the analysis started.
    fn clock() -> (
        Arc<AtomicU64>,
        impl Fn() -> Duration + Send + Sync + 'static,
    ) {
        let now = Arc::new(AtomicU64::new(0));
        let read = Arc::clone(&now);
        (now, move || {
            Duration::from_micros(read.load(Ordering::SeqCst))
        })
    }

    /// Runs a step of `total` tokens at `micros_per_token`, reporting every
    /// 1,000 tokens, after `before` of other work; the first refusal.
    fn run_step(
        limit: Duration,
        before: Duration,
        step: Step,
        total: usize,
        micros_per_token: u64,
    ) -> Option<(usize, OverBudget)> {
        let (now, elapsed) = clock();
        let budget = Budget::limited(limit, elapsed);
        now.store(before.as_micros() as u64, Ordering::SeqCst);
        for done in (0..total).step_by(1_000) {
            if let Err(e) = budget.progress(step, done, total) {
                return Some((done, e));
            }
            now.fetch_add(1_000 * micros_per_token, Ordering::SeqCst);
        }
        None
    }

    #[test]
    fn unlimited_always_passes_and_a_spent_budget_fails() {
        assert_eq!(Budget::unlimited().check(), Ok(()));
        assert_eq!(Budget::unlimited().progress(Step::Tagging, 5, 10), Ok(()));
        let (now, elapsed) = clock();
        let budget = Budget::limited(Duration::from_millis(10), elapsed);
        assert_eq!(budget.check(), Ok(()));
        now.store(10_000, Ordering::SeqCst);
        assert_eq!(
            budget.clone().check(),
            Err(OverBudget::Spent),
            "clones share the clock"
        );
        assert_eq!(budget.progress(Step::Events, 1, 2), Err(OverBudget::Spent));
    }

    #[test]
    fn a_document_far_over_its_limit_is_refused_after_a_short_sample() {
        // 10M tokens at 3 µs: 30 s of tagging, at least 42 s in all,
        // against a limit of 5 s.
        let (done, e) = run_step(
            Duration::from_secs(5),
            Duration::from_millis(400),
            Step::Tagging,
            10_000_000,
            3,
        )
        .expect("refused");
        // After a sixty-fourth of the step (156,250 tokens, 0.47 s).
        assert!(done <= 160_000, "refused only after {done} tokens");
        let OverBudget::Projected { estimate } = e else {
            panic!("{e:?}")
        };
        assert!(
            (41.0..44.0).contains(&estimate.as_secs_f64()),
            "{estimate:?}"
        );
        assert_eq!(
            e.to_string(),
            "the analysis would take about 42 s, far past its limit, and was stopped"
        );
    }

    #[test]
    fn a_document_that_would_finish_is_never_refused() {
        // Tagging that, with the least the rest can cost, ends right at the
        // limit: 0.5 s before, then 10M tokens at 1 µs (× 1.4 = 14 s).
        let limit = Duration::from_millis(14_500);
        assert_eq!(
            run_step(
                limit,
                Duration::from_millis(500),
                Step::Tagging,
                10_000_000,
                1
            ),
            None
        );
        // Over the limit, but not by the margin: left to its deadline.
        assert!(matches!(
            run_step(
                Duration::from_secs(10),
                Duration::ZERO,
                Step::Events,
                1_000_000,
                12
            ),
            Some((done, OverBudget::Spent)) if done > 800_000
        ));
        // The same pace well past the margin is refused early.
        assert!(matches!(
            run_step(
                Duration::from_secs(5),
                Duration::ZERO,
                Step::Events,
                1_000_000,
                12
            ),
            Some((done, OverBudget::Projected { .. })) if done <= 21_000
        ));
    }

    #[test]
    fn a_sample_of_the_text_projects_the_whole() {
        let (now, elapsed) = clock();
        let budget = Budget::limited(Duration::from_secs(20), elapsed);
        assert!(budget.is_limited() && !Budget::unlimited().is_limited());
        now.store(300_000, Ordering::SeqCst);
        assert_eq!(budget.elapsed(), Duration::from_millis(300));
        // 128 KB in 0.2 s: 53 MB would take about 85 s.
        let e = budget
            .sampled(128 << 10, 53 << 20, Duration::from_millis(200))
            .expect_err("refused");
        assert_eq!(
            e,
            OverBudget::Projected {
                estimate: Duration::from_secs_f64(0.3 + 0.2 * 424.0)
            }
        );
        // 2 MB at the same pace: about 3.5 s, well within 20 s.
        assert_eq!(
            budget.sampled(128 << 10, 2 << 20, Duration::from_millis(200)),
            Ok(())
        );
        // 24 s projected: over the limit, within the margin.
        assert_eq!(
            budget.sampled(128 << 10, 15 << 20, Duration::from_millis(200)),
            Ok(())
        );
    }

    #[test]
    fn each_step_is_sampled_from_its_own_start() {
        let (now, elapsed) = clock();
        let budget = Budget::limited(Duration::from_secs(10), elapsed);
        // A slow start of one step says nothing about the next one.
        assert_eq!(budget.progress(Step::Tagging, 0, 100), Ok(()));
        now.store(9_000_000, Ordering::SeqCst);
        assert_eq!(budget.progress(Step::Events, 0, 1_000_000), Ok(()));
        now.store(9_200_000, Ordering::SeqCst);
        // 200 ms for 100,000 of 1,000,000 tokens of the last step: 9.2 +
        // 1.8 = 11 s in all, within the margin of the 10 s limit.
        assert_eq!(budget.progress(Step::Events, 100_000, 1_000_000), Ok(()));
        // Twice as slow: 9.4 + 3.6 = 13 s, still within it.
        now.store(9_400_000, Ordering::SeqCst);
        assert_eq!(budget.progress(Step::Events, 100_000, 1_000_000), Ok(()));
        // 1 s for the first 10% of the step: 10 + 9 = 19 s, refused.
        now.store(9_999_000, Ordering::SeqCst);
        assert!(matches!(
            budget.progress(Step::Events, 100_000, 1_000_000),
            Err(OverBudget::Projected { .. })
        ));
    }
}
