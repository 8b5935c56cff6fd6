//! [`Session`]: which budget is charged, process-wide.
//!
//! A session holds a lazily activated global default budget, at most one
//! open explicit budget (which, while open, replaces the default for every
//! thread of the process), and the history of every budget it has charged,
//! from which the session summary is built.

use std::sync::{Arc, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use super::ledger::{Budget, BudgetKind};
use super::limit::DefaultBudget;
use super::summary::Summary;
use crate::cost::OpId;
use crate::error::{Error, Result};

#[derive(Debug, Default)]
struct State {
    explicit: Option<Arc<Budget>>,
    default: Option<Arc<Budget>>,
    history: Vec<Arc<Budget>>,
}

/// The accounting state of one process (or of one embedding Rust tool).
#[derive(Debug)]
pub struct Session {
    state: RwLock<State>,
    default: Option<DefaultBudget>,
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

static GLOBAL: Session = Session::new();

impl Session {
    /// A session whose global default is read from `MECHESTIM_DEFAULT_BUDGET`
    /// when it first activates (10¹⁵ FLOPs when unset).
    pub const fn new() -> Self {
        Session {
            state: RwLock::new(State {
                explicit: None,
                default: None,
                history: Vec::new(),
            }),
            default: None,
        }
    }

    /// A session with a fixed global default, ignoring the environment.
    pub const fn with_default(default: DefaultBudget) -> Self {
        Session {
            state: RwLock::new(State {
                explicit: None,
                default: None,
                history: Vec::new(),
            }),
            default: Some(default),
        }
    }

    /// The process-wide session the Python package uses.
    pub fn global() -> &'static Session {
        &GLOBAL
    }

    fn read(&self) -> RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn write(&self) -> RwLockWriteGuard<'_, State> {
        self.state.write().unwrap_or_else(PoisonError::into_inner)
    }

    /// Charge `cost` FLOPs for `op` to the active budget: the open explicit
    /// budget if any, else the global default (activated on first use).
    ///
    /// # Errors
    /// [`Error::BudgetExhausted`] (nothing charged), [`Error::NoBudget`] when
    /// the default is off and no explicit budget is open, or
    /// [`Error::InvalidBudget`] when the environment's default is malformed.
    #[inline]
    pub fn charge(&self, op: OpId, cost: u64) -> Result<()> {
        {
            let state = self.read();
            if let Some(budget) = state.explicit.as_ref().or(state.default.as_ref()) {
                return budget.charge(op, cost);
            }
        }
        self.activate(op)?.charge(op, cost)
    }

    /// The budget to charge when none was active at the last look: the
    /// explicit one if it was opened meanwhile, else a new global default.
    fn activate(&self, op: OpId) -> Result<Arc<Budget>> {
        let mut state = self.write();
        if let Some(b) = state.explicit.as_ref().or(state.default.as_ref()) {
            return Ok(Arc::clone(b));
        }
        let default = match self.default {
            Some(d) => d,
            None => DefaultBudget::from_env()?,
        };
        match default {
            DefaultBudget::Off => Err(Error::NoBudget {
                op: op.name().to_string(),
            }),
            DefaultBudget::Limit(limit) => {
                let budget = Arc::new(Budget::new(limit, None, BudgetKind::GlobalDefault));
                state.default = Some(Arc::clone(&budget));
                state.history.push(Arc::clone(&budget));
                Ok(budget)
            }
        }
    }

    /// Make `budget` the active budget of every thread until [`Session::close`].
    ///
    /// # Errors
    /// [`Error::ContextConflict`] when another explicit budget is open.
    pub fn open(&self, budget: Arc<Budget>) -> Result<()> {
        let mut state = self.write();
        if let Some(open) = &state.explicit {
            return Err(Error::ContextConflict(format!(
                "a BudgetContext{} is already open; explicit contexts do not nest: \
                 close it first, then open the next one (each with its own namespace)",
                open.namespace()
                    .map(|n| format!(" (namespace {n:?})"))
                    .unwrap_or_default()
            )));
        }
        if !state.history.iter().any(|b| Arc::ptr_eq(b, &budget)) {
            state.history.push(Arc::clone(&budget));
        }
        state.explicit = Some(budget);
        Ok(())
    }

    /// Close the explicit `budget`; the global default is active again.
    ///
    /// # Errors
    /// [`Error::ContextConflict`] when `budget` is not the open one.
    pub fn close(&self, budget: &Arc<Budget>) -> Result<()> {
        let mut state = self.write();
        match &state.explicit {
            Some(open) if Arc::ptr_eq(open, budget) => {
                state.explicit = None;
                Ok(())
            }
            _ => Err(Error::ContextConflict(
                "this BudgetContext is not the open one; it cannot be closed".to_string(),
            )),
        }
    }

    /// The open explicit budget, if any.
    pub fn explicit(&self) -> Option<Arc<Budget>> {
        self.read().explicit.clone()
    }

    /// Forget the history and the global default (a fresh default activates
    /// on the next counted op).
    ///
    /// # Errors
    /// [`Error::ContextConflict`] while an explicit budget is open.
    pub fn reset(&self) -> Result<()> {
        let mut state = self.write();
        if state.explicit.is_some() {
            return Err(Error::ContextConflict(
                "budget_reset() cannot run while a BudgetContext is open; call it after the with-block"
                    .to_string(),
            ));
        }
        state.default = None;
        state.history.clear();
        Ok(())
    }

    /// Everything charged in this session, grouped by namespace in order of
    /// first use.
    pub fn summary(&self) -> Summary {
        let history: Vec<Arc<Budget>> = self.read().history.clone();
        Summary::of(history.iter().map(|b| b.as_ref()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::registry::lookup;

    fn sqrt() -> OpId {
        lookup("sqrt").unwrap()
    }

    #[test]
    fn default_activates_on_first_charge() {
        let s = Session::with_default(DefaultBudget::Limit(100));
        assert!(s.summary().namespaces.is_empty());
        s.charge(sqrt(), 5).unwrap();
        let sum = s.summary();
        assert_eq!(sum.total.flops_used, 5);
        assert_eq!(sum.total.flop_budget, 100);
    }

    #[test]
    fn explicit_replaces_default_then_gives_it_back() {
        let s = Session::with_default(DefaultBudget::Limit(100));
        s.charge(sqrt(), 1).unwrap();
        let b = Arc::new(Budget::new(10, Some("x".into()), BudgetKind::Explicit));
        s.open(Arc::clone(&b)).unwrap();
        s.charge(sqrt(), 7).unwrap();
        assert!(s.charge(sqrt(), 4).is_err());
        s.close(&b).unwrap();
        s.charge(sqrt(), 50).unwrap();
        assert_eq!(b.used(), 7);
        let sum = s.summary();
        assert_eq!(sum.namespaces.len(), 2);
        assert_eq!(sum.namespaces[0].flops_used, 51);
        assert_eq!(sum.namespaces[1].label, "x");
        assert_eq!(sum.total.flops_used, 58);
        assert_eq!(sum.total.flop_budget, 110);
    }

    #[test]
    fn explicit_contexts_do_not_nest() {
        let s = Session::with_default(DefaultBudget::Limit(100));
        let a = Arc::new(Budget::new(10, None, BudgetKind::Explicit));
        let b = Arc::new(Budget::new(10, None, BudgetKind::Explicit));
        s.open(Arc::clone(&a)).unwrap();
        assert!(matches!(
            s.open(Arc::clone(&b)),
            Err(Error::ContextConflict(_))
        ));
        assert!(matches!(s.close(&b), Err(Error::ContextConflict(_))));
        assert!(matches!(s.reset(), Err(Error::ContextConflict(_))));
        s.close(&a).unwrap();
        s.reset().unwrap();
        assert!(s.summary().namespaces.is_empty());
    }

    #[test]
    fn default_off_requires_an_explicit_budget() {
        let s = Session::with_default(DefaultBudget::Off);
        assert!(matches!(s.charge(sqrt(), 1), Err(Error::NoBudget { .. })));
        let b = Arc::new(Budget::new(10, None, BudgetKind::Explicit));
        s.open(Arc::clone(&b)).unwrap();
        s.charge(sqrt(), 1).unwrap();
    }

    #[test]
    fn reopening_a_budget_keeps_one_history_entry() {
        let s = Session::with_default(DefaultBudget::Limit(100));
        let b = Arc::new(Budget::new(10, Some("n".into()), BudgetKind::Explicit));
        for _ in 0..3 {
            s.open(Arc::clone(&b)).unwrap();
            s.charge(sqrt(), 2).unwrap();
            s.close(&b).unwrap();
        }
        let sum = s.summary();
        assert_eq!(sum.namespaces.len(), 1);
        assert_eq!((sum.total.flops_used, sum.total.flop_budget), (6, 10));
    }
}
