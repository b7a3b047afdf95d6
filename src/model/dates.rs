//! Serde helpers for dates, so a bad date in a board file says what was expected.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serializer, de::Error};

fn parse<E: Error>(text: &str) -> Result<NaiveDate, E> {
    text.parse::<NaiveDate>()
        .map_err(|_| E::custom(format!("`{text}` is not a date (expected YYYY-MM-DD)")))
}

pub mod date {
    use super::*;

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(date)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        parse(&String::deserialize(d)?)
    }
}

pub mod optional_date {
    use super::*;

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.serialize_some(&d.to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|t| parse(&t))
            .transpose()
    }
}
