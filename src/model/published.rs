//! When an article was published, as precisely as its source says: a date alone, or a
//! date and time with the offset the outlet gave (not silently turned into midnight UTC).

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate};

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

impl Published {
    /// Reads the dates web pages carry: RFC 3339, ISO 8601 with a `+0500` offset or
    /// fractional seconds, RFC 2822, or a plain date. A time without an offset keeps only
    /// its date: which zone it meant is unknown, and guessing would misstate it.
    pub fn parse_lenient(s: &str) -> Option<Self> {
        let t = s.trim();
        if t.is_empty() || t.len() > 64 {
            return None;
        }
        if let Ok(p) = t.parse() {
            return Some(p);
        }
        for f in [
            "%Y-%m-%dT%H:%M:%S%.f%z",
            "%Y-%m-%d %H:%M:%S%.f%z",
            "%Y-%m-%dT%H:%M%z",
        ] {
            if let Ok(dt) = DateTime::parse_from_str(t, f) {
                return Some(Self::DateTime(dt));
            }
        }
        if let Ok(dt) = DateTime::parse_from_rfc2822(t) {
            return Some(Self::DateTime(dt));
        }
        for f in [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
        ] {
            if let Ok(dt) = chrono::NaiveDateTime::parse_from_str(t, f) {
                return Some(Self::Date(dt.date()));
            }
        }
        let date_part = t.get(..10)?;
        NaiveDate::parse_from_str(date_part, "%Y-%m-%d")
            .ok()
            .map(Self::Date)
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

serde_as_string!(Published);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_parsing_reads_what_pages_carry() {
        let p = |s| Published::parse_lenient(s).map(|p| p.to_string());
        assert_eq!(
            p("2019-01-03T02:00:02-0500").as_deref(),
            Some("2019-01-03T02:00:02-05:00")
        );
        assert_eq!(
            p("2016-12-22T10:43:37Z").as_deref(),
            Some("2016-12-22T10:43:37+00:00")
        );
        assert_eq!(
            p("2017-11-03 03:01:00.000000").as_deref(),
            Some("2017-11-03")
        );
        assert_eq!(
            p("Thu, 30 Apr 2015 07:19:58 +0200").as_deref(),
            Some("2015-04-30T07:19:58+02:00")
        );
        assert_eq!(p("2015-04-30").as_deref(), Some("2015-04-30"));
        assert_eq!(p("yesterday"), None);
        assert_eq!(p(""), None);
    }

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
