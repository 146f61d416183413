//! When an article was published, as precisely as its source says: a date alone, or a
//! date and time with the offset the outlet gave (not silently turned into midnight UTC).

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Published {
    Date(NaiveDate),
    DateTime(DateTime<FixedOffset>),
}

impl Published {
    /// For readers: "2025-08-13" or "2025-08-13 14:05 +03:00" (the file keeps RFC 3339).
    pub fn human(&self) -> String {
        match self {
            Self::Date(d) => d.format("%Y-%m-%d").to_string(),
            Self::DateTime(dt) => dt.format("%Y-%m-%d %H:%M %:z").to_string(),
        }
    }

    pub fn date(&self) -> NaiveDate {
        match self {
            Self::Date(d) => *d,
            Self::DateTime(dt) => dt.date_naive(),
        }
    }
}

#[derive(Debug, Clone, thiserror::Error)]
#[error(
    "“{0}” is not a date (2025-08-13) or an RFC 3339 date and time (2025-08-13T14:05:00+03:00)"
)]
pub struct PublishedParseError(String);

impl FromStr for Published {
    type Err = PublishedParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
            return Ok(Self::Date(d));
        }
        DateTime::parse_from_rfc3339(t)
            .map(Self::DateTime)
            .map_err(|_| PublishedParseError(s.to_owned()))
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Self::DateTime(dt) => write!(f, "{}", dt.to_rfc3339()),
        }
    }
}

impl Serialize for Published {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Published {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_precision_it_was_given() {
        let d: Published = "2025-08-13".parse().unwrap();
        assert_eq!(d.to_string(), "2025-08-13");
        let dt: Published = "2025-08-13T14:05:00+03:00".parse().unwrap();
        assert_eq!(dt.to_string(), "2025-08-13T14:05:00+03:00");
        assert_eq!(dt.human(), "2025-08-13 14:05 +03:00");
        assert_eq!(dt.date(), NaiveDate::from_ymd_opt(2025, 8, 13).unwrap());
        assert!("13/08/2025".parse::<Published>().is_err());
    }
}
