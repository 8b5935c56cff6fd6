//! Validation of budget values: a budget is a positive integer that fits in 64 bits.

use crate::error::{Error, Result};

/// The environment variable that overrides the global default budget.
pub const DEFAULT_BUDGET_ENV: &str = "MECHESTIM_DEFAULT_BUDGET";

/// The global default budget when the environment does not override it: 10¹⁵ FLOPs.
pub const DEFAULT_BUDGET: u64 = 1_000_000_000_000_000;

/// A budget given as an integer of any width.
pub fn from_int(value: i128) -> Result<u64> {
    if value <= 0 {
        return Err(Error::InvalidBudget(format!(
            "flop_budget must be a positive integer, got {value}"
        )));
    }
    u64::try_from(value).map_err(|_| {
        Error::InvalidBudget(format!(
            "flop_budget {value} is larger than the largest supported budget (2**64 - 1)"
        ))
    })
}

/// A budget given as a float: it must be finite, positive and integral
/// (`1e8` is accepted and converted exactly).
pub fn from_float(value: f64) -> Result<u64> {
    if !value.is_finite() {
        return Err(Error::InvalidBudget(format!(
            "flop_budget must be a finite positive integer, got {value}"
        )));
    }
    if value.fract() != 0.0 {
        return Err(Error::InvalidBudget(format!(
            "flop_budget must be a whole number of FLOPs, got {value}"
        )));
    }
    if value <= 0.0 {
        return Err(Error::InvalidBudget(format!(
            "flop_budget must be a positive integer, got {value}"
        )));
    }
    // 2**64 is exactly representable; every integral float below it converts exactly.
    if value >= 18_446_744_073_709_551_616.0 {
        return Err(Error::InvalidBudget(format!(
            "flop_budget {value} is larger than the largest supported budget (2**64 - 1)"
        )));
    }
    Ok(value as u64)
}

/// What the environment asks of the global default budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultBudget {
    /// A global default of this many FLOPs activates on the first counted op.
    Limit(u64),
    /// No global default: counted ops outside an explicit context raise
    /// [`Error::NoBudget`].
    Off,
}

impl DefaultBudget {
    /// Parse a value of `MECHESTIM_DEFAULT_BUDGET`: a positive integer
    /// (`1000000`, `1e12`, `1_000_000`), or `off` to disable the default.
    pub fn parse(text: &str) -> Result<Self> {
        let t = text.trim();
        if t.eq_ignore_ascii_case("off") {
            return Ok(DefaultBudget::Off);
        }
        let cleaned: String = t.chars().filter(|&c| c != '_').collect();
        let parsed = if let Ok(i) = cleaned.parse::<i128>() {
            from_int(i)
        } else if let Ok(f) = cleaned.parse::<f64>() {
            from_float(f)
        } else {
            Err(Error::InvalidBudget(String::new()))
        };
        parsed.map(DefaultBudget::Limit).map_err(|_| {
            Error::InvalidBudget(format!(
                "{DEFAULT_BUDGET_ENV}={text:?} is not a positive integer number of FLOPs (or 'off')"
            ))
        })
    }

    /// Read the environment; unset means 10¹⁵.
    pub fn from_env() -> Result<Self> {
        match std::env::var(DEFAULT_BUDGET_ENV) {
            Ok(v) => Self::parse(&v),
            Err(_) => Ok(DefaultBudget::Limit(DEFAULT_BUDGET)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers() {
        assert_eq!(from_int(1).unwrap(), 1);
        assert_eq!(from_int(i128::from(u64::MAX)).unwrap(), u64::MAX);
        assert!(from_int(0).is_err());
        assert!(from_int(-5).is_err());
        assert!(from_int(i128::from(u64::MAX) + 1).is_err());
    }

    #[test]
    fn floats() {
        assert_eq!(from_float(1e8).unwrap(), 100_000_000);
        assert_eq!(from_float(1e15).unwrap(), 1_000_000_000_000_000);
        assert_eq!(from_float(2f64.powi(63)).unwrap(), 1u64 << 63);
        for bad in [
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.0,
            -1.0,
            1.5,
            2f64.powi(64),
        ] {
            assert!(from_float(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn environment_values() {
        assert_eq!(
            DefaultBudget::parse("1000").unwrap(),
            DefaultBudget::Limit(1000)
        );
        assert_eq!(
            DefaultBudget::parse(" 1e12 ").unwrap(),
            DefaultBudget::Limit(1_000_000_000_000)
        );
        assert_eq!(
            DefaultBudget::parse("1_000").unwrap(),
            DefaultBudget::Limit(1000)
        );
        assert_eq!(DefaultBudget::parse("OFF").unwrap(), DefaultBudget::Off);
        for bad in ["", "abc", "0", "-3", "nan", "1.5"] {
            let e = DefaultBudget::parse(bad).unwrap_err().to_string();
            assert!(e.contains(DEFAULT_BUDGET_ENV), "{e}");
        }
    }
}
