//! The budget under many racing threads: exact totals, never an overshoot.

use std::sync::{Arc, Barrier};
use std::thread;

use mechestim_core::budget::{Budget, BudgetKind, DefaultBudget, Session};
use mechestim_core::cost::registry::lookup;
use mechestim_core::Error;

const THREADS: usize = 16;

fn race<F: Fn(usize) + Send + Sync + 'static>(f: F) {
    let f = Arc::new(f);
    let barrier = Arc::new(Barrier::new(THREADS));
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let (f, barrier) = (Arc::clone(&f), Arc::clone(&barrier));
            thread::spawn(move || {
                barrier.wait();
                f(t);
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}

#[test]
fn totals_are_exact_under_contention() {
    let budget = Arc::new(Budget::new(u64::MAX, None, BudgetKind::Explicit));
    let ops = ["sqrt", "multiply", "maximum", "einsum"].map(|n| lookup(n).unwrap());
    let b = Arc::clone(&budget);
    race(move |t| {
        for i in 0..20_000u64 {
            b.charge(ops[(t + i as usize) % 4], 1 + i % 7).unwrap();
        }
    });
    // Per thread: sum over i of (1 + i % 7) for i < 20000.
    let per_thread: u64 = (0..20_000u64).map(|i| 1 + i % 7).sum();
    assert_eq!(budget.used(), per_thread * THREADS as u64);
    let tallies = budget.tallies();
    assert_eq!(tallies.iter().map(|t| t.1).sum::<u64>(), budget.used());
    assert_eq!(
        tallies.iter().map(|t| t.2).sum::<u64>(),
        20_000 * THREADS as u64
    );
}

#[test]
fn a_budget_for_k_charges_admits_exactly_k() {
    const K: u64 = 12_345;
    const COST: u64 = 3;
    // One FLOP short of K+1 charges: the (K+1)-th can never fit.
    let budget = Arc::new(Budget::new(K * COST + COST - 1, None, BudgetKind::Explicit));
    let admitted = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let refused = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let sqrt = lookup("sqrt").unwrap();
    let (b, a, r) = (
        Arc::clone(&budget),
        Arc::clone(&admitted),
        Arc::clone(&refused),
    );
    race(move |_| {
        for _ in 0..2_000 {
            match b.charge(sqrt, COST) {
                Ok(()) => a.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
                Err(Error::BudgetExhausted { remaining, .. }) => {
                    assert!(remaining < COST);
                    r.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
                }
                Err(e) => panic!("unexpected {e}"),
            };
        }
    });
    assert_eq!(admitted.load(std::sync::atomic::Ordering::Relaxed), K);
    assert_eq!(
        refused.load(std::sync::atomic::Ordering::Relaxed),
        2_000 * THREADS as u64 - K
    );
    assert_eq!(budget.used(), K * COST);
    assert!(budget.used() <= budget.limit());
    assert_eq!(budget.tallies(), vec![(sqrt, K * COST, K)]);
}

#[test]
fn mixed_costs_never_overshoot() {
    let budget = Arc::new(Budget::new(1_000_003, None, BudgetKind::Explicit));
    let sqrt = lookup("sqrt").unwrap();
    let b = Arc::clone(&budget);
    race(move |t| {
        for i in 0..5_000u64 {
            let _ = b.charge(sqrt, 1 + (i * 31 + t as u64 * 17) % 97);
        }
    });
    assert!(budget.used() <= budget.limit());
    assert_eq!(budget.tallies()[0].1, budget.used());
}

#[test]
fn session_charges_from_every_thread_go_to_the_open_budget() {
    let session: &'static Session =
        Box::leak(Box::new(Session::with_default(DefaultBudget::Limit(10))));
    let budget = Arc::new(Budget::new(
        u64::MAX,
        Some("t".into()),
        BudgetKind::Explicit,
    ));
    session.open(Arc::clone(&budget)).unwrap();
    let sqrt = lookup("sqrt").unwrap();
    race(move |_| {
        for _ in 0..10_000 {
            session.charge(sqrt, 2).unwrap();
        }
    });
    session.close(&budget).unwrap();
    assert_eq!(budget.used(), 2 * 10_000 * THREADS as u64);
    // The global default never activated.
    assert_eq!(session.summary().namespaces.len(), 1);
}

#[test]
fn opening_and_closing_while_other_threads_charge_loses_nothing() {
    let session: &'static Session = Box::leak(Box::new(Session::with_default(
        DefaultBudget::Limit(u64::MAX),
    )));
    let sqrt = lookup("sqrt").unwrap();
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let stop = Arc::clone(&stop);
            thread::spawn(move || {
                let mut n = 0u64;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    session.charge(sqrt, 1).unwrap();
                    n += 1;
                }
                n
            })
        })
        .collect();
    let mut budgets = Vec::new();
    for i in 0..200 {
        let b = Arc::new(Budget::new(
            u64::MAX,
            Some(format!("ns{}", i % 3)),
            BudgetKind::Explicit,
        ));
        session.open(Arc::clone(&b)).unwrap();
        thread::yield_now();
        session.close(&b).unwrap();
        budgets.push(b);
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let charged: u64 = workers.into_iter().map(|w| w.join().unwrap()).sum();
    let summary = session.summary();
    assert_eq!(summary.total.flops_used, u128::from(charged));
}
