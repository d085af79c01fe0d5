//! A cooperative limit on the time spent on one document, which refuses a
//! document early once its own pace shows it is expected not to finish.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// How much time one document's analysis may still take. The analysis
/// stages ask it between sentences (and between parts of longer steps), so
/// that a document past its limit stops within milliseconds instead of
/// running to its end on a worker that was given up on.
///
/// The long steps also report how far they are ([`Budget::progress`]):
/// once a step has run for a short sample, the budget estimates the whole
/// analysis from its pace, and refuses a document whose estimate is past
/// the limit then, instead of at the limit. A long page that would take
/// 40 s under a 5 s limit is refused after a fraction of a second rather
/// than after 5 s of work that is thrown away; so is, on the estimate's
/// word, one that would take 6 s (the estimate errs by a few tens of per
/// cent either way: see [`Step`]).
///
/// The clock is the caller's: the stages do not read it (they are a pure
/// core), so `ingest` and the CLI hand in "how long has this analysis
/// run?". Cloning shares the limit and the clock.
#[derive(Clone, Default)]
pub struct Budget {
    limit: Option<Arc<Limit>>,
}

/// What an observed budget tells of each projection.
type Observer = Box<dyn Fn(&Projection) + Send + Sync>;

/// A limited budget's state, shared by its clones.
struct Limit {
    max: Duration,
    elapsed: Box<dyn Fn() -> Duration + Send + Sync>,
    /// Set only by [`Budget::observed`]: told every projection, and the
    /// budget then never refuses.
    observer: Option<Observer>,
    /// Where the step being sampled started (one document's steps run one
    /// after another, so the lock is never contended).
    sample: Mutex<Option<Sample>>,
    /// The document's own rest-of-analysis factors, by [`Step::index`],
    /// measured on the sample of its text ([`Budget::calibrate`]).
    calibrated: Mutex<[Option<f64>; 3]>,
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
    /// Its place in the order the steps run.
    fn index(self) -> usize {
        match self {
            Step::Tagging => 0,
            Step::Quotes => 1,
            Step::Events => 2,
        }
    }

    /// The typical cost of the analysis from this step's start to its end,
    /// as a multiple of this step alone, so that a projection from the
    /// step's pace is an estimate of the whole: the median of the ratios
    /// measured on long documents of seven kinds (news, a live blog of
    /// quotes, lists of names, tables of figures, a repeated sentence, the
    /// same naming a city, a real article repeated) at four sizes each,
    /// leaving out the sizes whose analysis is not yet linear in their
    /// length, which would over-estimate every document once they are
    /// (`scripts/eval/projection.sh`; docs/measurements.md, round 9).
    ///
    /// A document whose sample measured its own factor projects with that
    /// instead ([`Budget::calibrate`]: the tagging's ranged 1.8 to 3.9 by
    /// kind, and a sample tells the kind).
    ///
    /// `None` for quote finding: it is 2 to 25% of an analysis, so the
    /// ratio ranged 3.8 to 50 by kind and its pace estimates nothing (the
    /// event coding that follows is projected instead).
    fn rest_factor(self) -> Option<f64> {
        match self {
            Step::Tagging => Some(TAGGING_FACTOR),
            Step::Quotes => None,
            Step::Events => Some(EVENTS_FACTOR),
        }
    }
}

/// [`Step::rest_factor`] of the tagger: the median ratio was 2.48 (1.77
/// for lists of names to 3.84 for a real article repeated).
const TAGGING_FACTOR: f64 = 2.5;

/// ... of the event coder, the last long step: median 1.20 (1.09 to 1.50).
const EVENTS_FACTOR: f64 = 1.2;

/// The whole analysis's time as a multiple of a sample of the text times
/// its share of the text, measured as the steps' factors: median 1.07
/// (0.95 to 1.42).
const SAMPLE_FACTOR: f64 = 1.1;

/// One projection of a whole analysis from the pace of a part of it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    /// The step whose pace it is, or `None` for a sample of the text run
    /// through every step ([`Budget::sampled`]).
    pub step: Option<Step>,
    /// How long the analysis had run when it was made.
    pub at: Duration,
    /// How long the pace was measured for.
    pub sampled: Duration,
    /// The rest of the step (of the whole text, for a sample) at that pace.
    pub rest: Duration,
    /// The whole step at that pace.
    pub whole: Duration,
    /// The rest-of-analysis factor it is projected with: the document's own
    /// when its sample measured one ([`Budget::calibrate`]), else the
    /// step's typical one; the sample's for a sample; `None` for a step
    /// whose pace estimates nothing.
    pub factor: Option<f64>,
}

impl Projection {
    /// The whole analysis's projected time: what has run, the rest of this
    /// step, and the later steps as a multiple of this one (`None` for a
    /// step that is not projected).
    pub fn estimate(&self) -> Option<Duration> {
        self.factor.map(|f| self.estimate_with(f))
    }

    /// [`Projection::estimate`] with another rest-of-analysis factor (to
    /// measure what a factor would have projected).
    pub fn estimate_with(&self, factor: f64) -> Duration {
        Duration::from_secs_f64(
            self.at.as_secs_f64()
                + self.rest.as_secs_f64()
                + self.whole.as_secs_f64() * (factor - 1.0),
        )
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

impl Budget {
    /// No limit: every check passes (what `annotate` without a budget uses).
    pub fn unlimited() -> Self {
        Budget::default()
    }

    /// A budget of `max`, spent once `elapsed()` (the time since the
    /// analysis started) reaches it, or refused earlier when the stages'
    /// progress projects it past `max`. `elapsed` is called often: keep it
    /// cheap.
    pub fn limited(max: Duration, elapsed: impl Fn() -> Duration + Send + Sync + 'static) -> Self {
        Budget {
            limit: Some(Arc::new(Limit {
                max,
                elapsed: Box::new(elapsed),
                observer: None,
                sample: Mutex::new(None),
                calibrated: Mutex::new([None; 3]),
            })),
        }
    }

    /// A budget that projects as one of `max` would and tells `observer`
    /// each projection, but never refuses, not even past `max`: to measure
    /// the projections against the analysis's actual time
    /// (`scripts/eval/projection.sh`).
    pub fn observed(
        max: Duration,
        elapsed: impl Fn() -> Duration + Send + Sync + 'static,
        observer: impl Fn(&Projection) + Send + Sync + 'static,
    ) -> Self {
        Budget {
            limit: Some(Arc::new(Limit {
                max,
                elapsed: Box::new(elapsed),
                observer: Some(Box::new(observer)),
                sample: Mutex::new(None),
                calibrated: Mutex::new([None; 3]),
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
    /// analysis is estimated to end past the limit is refused now.
    ///
    /// # Errors
    ///
    /// [`OverBudget::Spent`] when the time is up, [`OverBudget::Projected`]
    /// when the whole analysis is estimated to take longer than its limit.
    pub fn sampled(&self, part: usize, whole: usize, took: Duration) -> Result<(), OverBudget> {
        let Some(limit) = &self.limit else {
            return Ok(());
        };
        let now = (limit.elapsed)();
        limit.spent(now)?;
        if part == 0 {
            return Ok(());
        }
        let rest = Duration::from_secs_f64(took.as_secs_f64() * whole as f64 / part as f64);
        limit.judge(Projection {
            step: None,
            at: now,
            sampled: took,
            rest,
            whole: rest,
            factor: Some(SAMPLE_FACTOR),
        })
    }

    /// Sets `step`'s rest-of-analysis factor for this document (the cost
    /// of the analysis from the step's start to its end as a multiple of
    /// the step), as measured on the sample of its text, in place of the
    /// typical factor of [`Step`]: the step's projections then estimate
    /// this document by its own make-up (a page of short quoted sentences
    /// costs about 4 times its tagging, news about 2 times). Ignored unless
    /// at least 1 and finite.
    pub fn calibrate(&self, step: Step, factor: f64) {
        let Some(limit) = &self.limit else {
            return;
        };
        if factor.is_finite() && factor >= 1.0 {
            limit
                .calibrated
                .lock()
                .unwrap_or_else(PoisonError::into_inner)[step.index()] = Some(factor);
        }
    }

    /// `Err` once the limit has passed.
    ///
    /// # Errors
    ///
    /// [`OverBudget::Spent`] when the time is up.
    pub fn check(&self) -> Result<(), OverBudget> {
        match &self.limit {
            Some(limit) => limit.spent((limit.elapsed)()),
            None => Ok(()),
        }
    }

    /// [`Budget::check`], from a step that has done `done` of its `total`
    /// units of work (tokens); called as it goes, with `done` growing. Once
    /// the step has run for a short sample, the whole analysis is estimated
    /// from its pace (see [`Step`]), and a document whose estimate is past
    /// the limit is refused.
    ///
    /// # Errors
    ///
    /// [`OverBudget::Spent`] when the time is up, [`OverBudget::Projected`]
    /// when the analysis is estimated to take longer than its limit.
    pub fn progress(&self, step: Step, done: usize, total: usize) -> Result<(), OverBudget> {
        let Some(limit) = &self.limit else {
            return Ok(());
        };
        let now = (limit.elapsed)();
        limit.spent(now)?;
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
        drop(sample);
        // Seconds per unit of this step, so far.
        let pace = ran.as_secs_f64() / units as f64;
        let calibrated = limit
            .calibrated
            .lock()
            .unwrap_or_else(PoisonError::into_inner)[step.index()];
        limit.judge(Projection {
            step: Some(step),
            at: now,
            sampled: ran,
            rest: Duration::from_secs_f64(pace * (total - done) as f64),
            whole: Duration::from_secs_f64(pace * total as f64),
            factor: step.rest_factor().and(calibrated).or(step.rest_factor()),
        })
    }
}

impl Limit {
    /// `Err` once `now` is past the limit (never for an observed budget).
    fn spent(&self, now: Duration) -> Result<(), OverBudget> {
        if now >= self.max && self.observer.is_none() {
            return Err(OverBudget::Spent);
        }
        Ok(())
    }

    /// Refuses a document whose estimated analysis ends past the limit (an
    /// observed budget is told of the projection instead). No margin over
    /// the limit: a document expected to run past its limit most likely
    /// fails there after spending all of it, and the limit is what its
    /// caller would spend on a document. Measured (docs/measurements.md,
    /// round 9), this refuses some documents that would have finished
    /// within 15% of their limit; a margin of 1.5 refused none of those,
    /// but let a third to two thirds of those that could not finish run
    /// to their deadline.
    fn judge(&self, projection: Projection) -> Result<(), OverBudget> {
        if let Some(observer) = &self.observer {
            observer(&projection);
            return Ok(());
        }
        match projection.estimate() {
            Some(estimate) if estimate > self.max => Err(OverBudget::Projected { estimate }),
            _ => Ok(()),
        }
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
    /// `estimate` in all, past its limit.
    Projected {
        /// The estimated time of the whole analysis.
        estimate: Duration,
    },
    /// The text is longer than an analysis can address
    /// ([`MAX_TEXT_BYTES`](crate::MAX_TEXT_BYTES)); refused before any
    /// work.
    TooLong {
        /// Its length in bytes (or the first offset found past the limit).
        bytes: usize,
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
                "the analysis would take {}, past its limit, and was stopped",
                OverBudget::estimate_words(*estimate)
            ),
            OverBudget::TooLong { bytes } => write!(
                f,
                "the text is {bytes} bytes, longer than the {} bytes an analysis can address",
                crate::MAX_TEXT_BYTES
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
        // 10M tokens at 3 µs: 30 s of tagging, about 75 s in all, against
        // a limit of 5 s.
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
            (74.0..77.0).contains(&estimate.as_secs_f64()),
            "{estimate:?}"
        );
        assert_eq!(
            e.to_string(),
            "the analysis would take about 75 s, past its limit, and was stopped"
        );
    }

    #[test]
    fn a_step_is_refused_when_its_estimate_is_past_the_limit_and_only_then() {
        // 0.5 s before, then 10M tokens of tagging at 1 µs: 10 s, and
        // 0.5 + 10 × TAGGING_FACTOR = 25.5 s estimated in all.
        let tagging = |limit_ms| {
            run_step(
                Duration::from_millis(limit_ms),
                Duration::from_millis(500),
                Step::Tagging,
                10_000_000,
                1,
            )
        };
        assert_eq!(tagging(26_000), None);
        assert!(matches!(
            tagging(25_000),
            Some((done, OverBudget::Projected { estimate }))
                if done <= 260_000 && (25.4..25.6).contains(&estimate.as_secs_f64())
        ));
        // 1M tokens of event coding at 12 µs: 12 s, and 12 × EVENTS_FACTOR
        // = 14.4 s estimated in all.
        let events = |limit_ms| {
            run_step(
                Duration::from_millis(limit_ms),
                Duration::ZERO,
                Step::Events,
                1_000_000,
                12,
            )
        };
        assert_eq!(events(15_000), None);
        assert!(matches!(
            events(14_000),
            Some((done, OverBudget::Projected { .. })) if done <= 21_000
        ));
    }

    /// Tagging of 10M tokens at 1 µs (10 s) after 0.5 s, in a budget of
    /// `limit_ms` whose tagging factor is calibrated to `factor`; the first
    /// refusal.
    fn calibrated_tagging(limit_ms: u64, factor: Option<f64>) -> Option<(usize, OverBudget)> {
        let (now, elapsed) = clock();
        let budget = Budget::limited(Duration::from_millis(limit_ms), elapsed);
        if let Some(factor) = factor {
            budget.calibrate(Step::Tagging, factor);
        }
        now.store(500_000, Ordering::SeqCst);
        let total = 10_000_000;
        for done in (0..total).step_by(1_000) {
            if let Err(e) = budget.progress(Step::Tagging, done, total) {
                return Some((done, e));
            }
            now.fetch_add(1_000, Ordering::SeqCst);
        }
        None
    }

    #[test]
    fn a_step_is_projected_with_the_factor_its_sample_measured() {
        // The typical factor: 0.5 + 10 × 2.5 = 25.5 s, run under 30 s.
        assert_eq!(calibrated_tagging(30_000, None), None);
        // The document's own 4: 0.5 + 10 × 4 = 40.5 s, refused after the
        // least sample (a hundredth of the limit).
        assert!(matches!(
            calibrated_tagging(30_000, Some(4.0)),
            Some((done, OverBudget::Projected { estimate }))
                if done <= 310_000 && (40.4..40.6).contains(&estimate.as_secs_f64())
        ));
        // ... and 1.5: 15.5 s, run under 20 s, which the typical factor refuses.
        assert!(matches!(
            calibrated_tagging(20_000, None),
            Some((_, OverBudget::Projected { .. }))
        ));
        assert_eq!(calibrated_tagging(20_000, Some(1.5)), None);
        // A factor no analysis can have is ignored.
        for nonsense in [0.5, f64::NAN, f64::INFINITY] {
            assert_eq!(calibrated_tagging(30_000, Some(nonsense)), None);
        }
        // Quote finding stays unprojected whatever its sample says.
        let (_, elapsed) = clock();
        let budget = Budget::limited(Duration::from_secs(1), elapsed);
        budget.calibrate(Step::Quotes, 3.0);
        assert_eq!(budget.progress(Step::Quotes, 0, 10), Ok(()));
    }

    #[test]
    fn quote_finding_is_not_projected_and_stops_at_the_deadline() {
        // 1M tokens at 12 µs against 5 s: its pace says too little of the
        // rest of the analysis to refuse it early.
        assert!(matches!(
            run_step(
                Duration::from_secs(5),
                Duration::ZERO,
                Step::Quotes,
                1_000_000,
                12
            ),
            Some((done, OverBudget::Spent)) if (416_000..418_000).contains(&done)
        ));
    }

    #[test]
    fn a_sample_of_the_text_estimates_the_whole() {
        let (now, elapsed) = clock();
        let budget = Budget::limited(Duration::from_secs(20), elapsed);
        assert!(budget.is_limited() && !Budget::unlimited().is_limited());
        now.store(300_000, Ordering::SeqCst);
        assert_eq!(budget.elapsed(), Duration::from_millis(300));
        // 128 KB in 0.2 s: 53 MB would take about 0.2 × 424 × 1.1 = 93 s.
        let e = budget
            .sampled(128 << 10, 53 << 20, Duration::from_millis(200))
            .expect_err("refused");
        let OverBudget::Projected { estimate } = e else {
            panic!("{e:?}")
        };
        let expected = 0.3 + 0.2 * 424.0 * SAMPLE_FACTOR;
        assert!(
            (estimate.as_secs_f64() - expected).abs() < 1e-6,
            "{estimate:?}"
        );
        // 2 MB at the same pace: about 3.8 s, well within 20 s.
        assert_eq!(
            budget.sampled(128 << 10, 2 << 20, Duration::from_millis(200)),
            Ok(())
        );
        // Either side of the limit: 0.3 + 0.2 × 88 × 1.1 = 19.66 s is run,
        // 0.3 + 0.2 × 90 × 1.1 = 20.1 s is refused.
        assert_eq!(
            budget.sampled(128 << 10, 88 * (128 << 10), Duration::from_millis(200)),
            Ok(())
        );
        assert!(matches!(
            budget.sampled(128 << 10, 90 * (128 << 10), Duration::from_millis(200)),
            Err(OverBudget::Projected { .. })
        ));
    }

    #[test]
    fn an_observed_budget_reports_each_projection_and_never_refuses() {
        let (now, elapsed) = clock();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&seen);
        let budget = Budget::observed(Duration::from_secs(1), elapsed, move |p| {
            sink.lock().expect("not poisoned").push(*p)
        });
        now.store(5_000_000, Ordering::SeqCst);
        assert_eq!(budget.check(), Ok(()));
        assert_eq!(
            budget.sampled(1, 100, Duration::from_millis(100)),
            Ok(()),
            "an estimate of 16 s against 1 s"
        );
        let seen = seen.lock().expect("not poisoned");
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].step, None);
        assert_eq!(seen[0].rest, Duration::from_secs(10));
        assert_eq!(
            seen[0].estimate_with(1.0),
            Duration::from_secs(15),
            "5 s run and 10 s to come"
        );
    }

    #[test]
    fn each_step_is_sampled_from_its_own_start() {
        let (now, elapsed) = clock();
        let budget = Budget::limited(Duration::from_secs(12), elapsed);
        // A slow start of one step says nothing about the next one.
        assert_eq!(budget.progress(Step::Tagging, 0, 100), Ok(()));
        now.store(9_000_000, Ordering::SeqCst);
        assert_eq!(budget.progress(Step::Events, 0, 1_000_000), Ok(()));
        now.store(9_200_000, Ordering::SeqCst);
        // 200 ms for 100,000 of 1,000,000 tokens of the last step: 9.2 s
        // run, 1.8 s to come and a fifth of the step's 2 s after it: 11.4 s.
        assert_eq!(budget.progress(Step::Events, 100_000, 1_000_000), Ok(()));
        // 300 ms for the same: 9.3 + 2.7 + 0.6 = 12.6 s, refused.
        now.store(9_300_000, Ordering::SeqCst);
        assert!(matches!(
            budget.progress(Step::Events, 100_000, 1_000_000),
            Err(OverBudget::Projected { .. })
        ));
    }
}
