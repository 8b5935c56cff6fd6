//! [`Budget`]: one FLOP limit with atomic check-and-charge and per-op tallies.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use crate::cost::{registry, OpId};
use crate::error::{Error, Result};

/// FLOPs and calls charged to one op.
#[derive(Debug, Default)]
struct Tally {
    flops: AtomicU64,
    calls: AtomicU64,
}

/// Where a budget comes from; decides how summaries label it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BudgetKind {
    /// The process-wide default that activates on the first counted op.
    GlobalDefault,
    /// A budget opened explicitly (Python's `BudgetContext`).
    Explicit,
}

/// One entry of the opt-in op log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogEntry {
    /// The op that was charged (or refused).
    pub op: OpId,
    /// Its cost in FLOPs.
    pub flops: u64,
    /// FLOPs used after this charge (unchanged when refused).
    pub used_after: u64,
    /// `true` when the charge was refused for lack of budget.
    pub refused: bool,
}

/// A bounded ring of the most recent charges.
#[derive(Debug)]
struct OpLog {
    capacity: usize,
    entries: VecDeque<LogEntry>,
    dropped: u64,
}

impl OpLog {
    fn push(&mut self, entry: LogEntry) {
        if self.entries.len() == self.capacity {
            self.entries.pop_front();
            self.dropped += 1;
        }
        self.entries.push_back(entry);
    }
}

/// A FLOP budget: a limit, the FLOPs used so far and per-op tallies.
///
/// [`Budget::charge`] is one compare-and-swap loop: a charge either fits and
/// is applied whole, or is refused and changes nothing. Under any number of
/// threads `used` never exceeds `limit`, and once every thread is done the
/// per-op tallies add up to `used` exactly.
///
/// ```
/// use mechestim_core::budget::{Budget, BudgetKind};
/// use mechestim_core::cost::registry::lookup;
///
/// let sqrt = lookup("sqrt").unwrap();
/// let b = Budget::new(100, Some("demo".into()), BudgetKind::Explicit);
/// b.charge(sqrt, 60).unwrap();
/// assert!(b.charge(sqrt, 41).is_err()); // would overshoot: refused whole
/// assert_eq!((b.used(), b.remaining()), (60, 40));
/// ```
#[derive(Debug)]
pub struct Budget {
    limit: u64,
    used: AtomicU64,
    tallies: Box<[Tally]>,
    namespace: Option<String>,
    kind: BudgetKind,
    log: Option<Mutex<OpLog>>,
}

impl Budget {
    /// A fresh budget of `limit` FLOPs (validated by the caller; see
    /// [`crate::budget::limit`]).
    pub fn new(limit: u64, namespace: Option<String>, kind: BudgetKind) -> Self {
        let tallies = (0..registry::all().len())
            .map(|_| Tally::default())
            .collect();
        Budget {
            limit,
            used: AtomicU64::new(0),
            tallies,
            namespace,
            kind,
            log: None,
        }
    }

    /// Keep the most recent `capacity` charges (and refusals) in a log.
    pub fn with_log(mut self, capacity: usize) -> Self {
        if capacity > 0 {
            self.log = Some(Mutex::new(OpLog {
                capacity,
                entries: VecDeque::with_capacity(capacity.min(1024)),
                dropped: 0,
            }));
        }
        self
    }

    /// Charge `cost` FLOPs to `op`, or refuse and change nothing.
    ///
    /// # Errors
    /// [`Error::BudgetExhausted`] when `cost` exceeds what remains.
    #[inline]
    pub fn charge(&self, op: OpId, cost: u64) -> Result<()> {
        let mut used = self.used.load(Ordering::Relaxed);
        loop {
            let after = match used.checked_add(cost) {
                Some(after) if after <= self.limit => after,
                _ => {
                    self.record(op, cost, used, true);
                    return Err(Error::BudgetExhausted {
                        op: op.name().to_string(),
                        cost,
                        remaining: self.limit - used,
                        limit: self.limit,
                    });
                }
            };
            match self
                .used
                .compare_exchange_weak(used, after, Ordering::AcqRel, Ordering::Relaxed)
            {
                Ok(_) => {
                    let tally = &self.tallies[op.0 as usize];
                    tally.flops.fetch_add(cost, Ordering::Relaxed);
                    tally.calls.fetch_add(1, Ordering::Relaxed);
                    self.record(op, cost, after, false);
                    return Ok(());
                }
                Err(actual) => used = actual,
            }
        }
    }

    #[inline]
    fn record(&self, op: OpId, flops: u64, used_after: u64, refused: bool) {
        if let Some(log) = &self.log {
            let mut log = log
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            log.push(LogEntry {
                op,
                flops,
                used_after,
                refused,
            });
        }
    }

    /// The limit in FLOPs.
    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// FLOPs charged so far.
    pub fn used(&self) -> u64 {
        self.used.load(Ordering::Acquire)
    }

    /// FLOPs left.
    pub fn remaining(&self) -> u64 {
        self.limit - self.used()
    }

    /// The namespace given when the budget was opened.
    pub fn namespace(&self) -> Option<&str> {
        self.namespace.as_deref()
    }

    /// Global default or explicit.
    pub fn kind(&self) -> BudgetKind {
        self.kind
    }

    /// `(op, flops, calls)` for every op charged at least once, in registry order.
    pub fn tallies(&self) -> Vec<(OpId, u64, u64)> {
        self.tallies
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let calls = t.calls.load(Ordering::Acquire);
                (calls > 0).then(|| (OpId(i as u32), t.flops.load(Ordering::Acquire), calls))
            })
            .collect()
    }

    /// The logged charges, oldest first, and how many older ones were dropped;
    /// `None` when the log is off.
    pub fn log(&self) -> Option<(Vec<LogEntry>, u64)> {
        self.log.as_ref().map(|log| {
            let log = log
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            (log.entries.iter().copied().collect(), log.dropped)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::registry::lookup;

    fn op(name: &str) -> OpId {
        lookup(name).unwrap()
    }

    #[test]
    fn charges_fit_or_change_nothing() {
        let b = Budget::new(10, None, BudgetKind::Explicit);
        b.charge(op("sqrt"), 4).unwrap();
        b.charge(op("multiply"), 6).unwrap();
        let err = b.charge(op("sqrt"), 1).unwrap_err();
        assert_eq!(
            err,
            Error::BudgetExhausted {
                op: "sqrt".into(),
                cost: 1,
                remaining: 0,
                limit: 10
            }
        );
        assert_eq!(b.used(), 10);
        assert_eq!(
            b.tallies(),
            vec![(op("sqrt"), 4, 1), (op("multiply"), 6, 1)]
        );
    }

    #[test]
    fn a_cost_that_overflows_the_counter_is_refused() {
        let b = Budget::new(u64::MAX, None, BudgetKind::Explicit);
        b.charge(op("sqrt"), u64::MAX - 1).unwrap();
        assert!(b.charge(op("sqrt"), 2).is_err());
        assert_eq!(b.used(), u64::MAX - 1);
    }

    #[test]
    fn zero_cost_counts_a_call() {
        let b = Budget::new(1, None, BudgetKind::Explicit);
        b.charge(op("sqrt"), 0).unwrap();
        assert_eq!(b.tallies(), vec![(op("sqrt"), 0, 1)]);
    }

    #[test]
    fn log_is_bounded_and_records_refusals() {
        let b = Budget::new(5, None, BudgetKind::Explicit).with_log(2);
        b.charge(op("sqrt"), 1).unwrap();
        b.charge(op("sqrt"), 2).unwrap();
        b.charge(op("multiply"), 2).unwrap();
        let _ = b.charge(op("maximum"), 7);
        let (entries, dropped) = b.log().unwrap();
        assert_eq!(dropped, 2);
        assert_eq!(
            entries,
            vec![
                LogEntry {
                    op: op("multiply"),
                    flops: 2,
                    used_after: 5,
                    refused: false
                },
                LogEntry {
                    op: op("maximum"),
                    flops: 7,
                    used_after: 5,
                    refused: true
                },
            ]
        );
        assert!(Budget::new(5, None, BudgetKind::Explicit).log().is_none());
    }
}
