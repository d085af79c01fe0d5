//! Exports: GDELT 2.0 event-table TSV and newsgraph/1 JSON Lines.
//!
//! # GDELT columns
//!
//! Every row has GDELT 2.0's 61 event-table columns, in GDELT's order and
//! without a header line (as GDELT ships it); see [`GDELT_COLUMNS`]. We fill:
//!
//! - `GLOBALEVENTID` (the store's event row id), `SQLDATE`, `MonthYear`,
//!   `Year`, `FractionDate` (GDELT's formula `Year + (Month*30 + Day)/365`)
//!   from the event's counted day (its own date, else the publication date,
//!   else the day the document was stored, as GDELT dates what it reads:
//!   every row has a date);
//! - `Actor1Code`, `Actor1Name`, `Actor1CountryCode`, `Actor1Type1Code` …
//!   `Actor1Type3Code` from the CAMEO actor code, split into 3-letter parts
//!   (a first part that is a role such as `GOV` or `IGO` is a type, not a
//!   country); the same for `Actor2`;
//! - `IsRootEvent` (1 when the evidence sentence is in the first paragraph),
//!   `EventCode`, `EventBaseCode`, `EventRootCode`, `QuadClass`,
//!   `GoldsteinScale`;
//! - `NumMentions` and `NumArticles`: the documents of the story that report
//!   the event (the event and its near-duplicate copies);
//! - `ActionGeo_Type` (4 when the place has coordinates, 1 for a country
//!   alone), `ActionGeo_FullName`, `ActionGeo_CountryCode` (**ISO 3166
//!   alpha-3**, where GDELT writes FIPS 10-4), `ActionGeo_Lat`, `ActionGeo_Long`;
//! - `DATEADDED` (when the document was stored, UTC, `YYYYMMDDHHMMSS`) and
//!   `SOURCEURL` (the article URL, else `newsgraph:<document id>`).
//!
//! Blank: `Actor*KnownGroupCode`, `Actor*EthnicCode`, `Actor*Religion*Code`,
//! `NumSources`, `AvgTone`, every `Actor1Geo_*` and `Actor2Geo_*` column,
//! `ActionGeo_ADM1Code`, `ActionGeo_ADM2Code`, `ActionGeo_FeatureID`.

use crate::events::event_conditions;
use crate::types::EventFilter;
use crate::{Result, Store};
use chrono::{DateTime, NaiveDate};
use model::gdelt::{clean_name, split_code, GdeltDate};
use std::io::Write;

/// GDELT 2.0's event-table columns, in order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// A TSV field: tabs and line breaks would break the row.
fn field(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn push_actor(row: &mut Vec<String>, name: Option<String>, code: Option<String>) {
    let code = code.unwrap_or_default();
    let parts = split_code(&code);
    row.push(field(&code));
    row.push(field(&clean_name(&name.unwrap_or_default())));
    row.push(parts.country);
    row.extend(std::iter::repeat_n(String::new(), 4)); // known group, ethnic, religion 1–2
    row.extend(parts.types);
}

fn fmt_f64(v: Option<f64>) -> String {
    v.map(|v| format!("{v}")).unwrap_or_default()
}

/// The counted day's four GDELT date columns.
fn date_columns(day: Option<NaiveDate>) -> [String; 4] {
    match day.map(GdeltDate::of) {
        Some(d) => [
            d.sqldate.to_string(),
            d.month_year.to_string(),
            d.year.to_string(),
            format!("{:.4}", d.fraction_date),
        ],
        None => Default::default(),
    }
}

impl Store {
    /// Writes the events matching `filter` as GDELT 2.0 event-table TSV (see
    /// the module documentation for the columns filled), each story's event
    /// once; `filter.limit == 0` exports all. Returns the rows written.
    pub fn export_gdelt(&self, w: &mut dyn Write, filter: &EventFilter) -> Result<u64> {
        let cond = event_conditions(filter);
        let limit = if filter.limit == 0 {
            -1
        } else {
            filter.limit as i64
        };
        let sql = format!(
            "SELECT e.event, e.day, e.source_name, e.source_code, e.target_name, e.target_code,
                 instr(substr(d.text, 1, e.sentence_start), char(10) || char(10)) = 0,
                 e.cameo, e.root_code, e.quad_class, e.goldstein,
                 1 + (SELECT count(*) FROM events c WHERE c.copy_of = e.event),
                 e.place_name, e.place_country, e.lat, e.lon, d.added, d.url, d.id
             FROM events e JOIN documents d ON d.doc = e.doc
             {} ORDER BY e.event LIMIT ? OFFSET ?",
            cond.sql()
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let params = cond.params(&[limit, filter.offset as i64]);
        let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
        let mut written = 0u64;
        while let Some(r) = rows.next()? {
            let mut row: Vec<String> = Vec::with_capacity(GDELT_COLUMNS.len());
            row.push(r.get::<_, i64>(0)?.to_string());
            let added = DateTime::from_timestamp(r.get::<_, i64>(16)?, 0);
            let day = crate::parse_day(r.get(1)?).or(added.map(|t| t.date_naive()));
            row.extend(date_columns(day));
            push_actor(&mut row, r.get(2)?, r.get(3)?);
            push_actor(&mut row, r.get(4)?, r.get(5)?);
            row.push(if r.get::<_, bool>(6)? { "1" } else { "0" }.to_string());
            let cameo: String = r.get(7)?;
            row.push(field(&cameo));
            row.push(field(&cameo.chars().take(3).collect::<String>()));
            row.push(field(&r.get::<_, String>(8)?));
            row.push(r.get::<_, i64>(9)?.to_string());
            row.push(format!("{}", r.get::<_, f64>(10)?));
            let articles = r.get::<_, i64>(11)?.to_string();
            row.push(articles.clone()); // NumMentions
            row.push(String::new()); // NumSources
            row.push(articles); // NumArticles
            row.push(String::new()); // AvgTone
            row.extend(std::iter::repeat_n(String::new(), 16)); // Actor1Geo_*, Actor2Geo_*
            let place: Option<String> = r.get(12)?;
            let country: Option<String> = r.get(13)?;
            let (lat, lon): (Option<f64>, Option<f64>) = (r.get(14)?, r.get(15)?);
            let geo_type = match (&place, &country, lat) {
                (Some(_), _, Some(_)) => "4",
                (Some(_), Some(_), None) => "1",
                _ => "",
            };
            row.push(geo_type.to_string());
            row.push(field(&clean_name(&place.unwrap_or_default())));
            row.push(field(&country.unwrap_or_default()));
            row.extend([String::new(), String::new()]); // ADM1, ADM2
            row.push(fmt_f64(lat));
            row.push(fmt_f64(lon));
            row.push(String::new()); // FeatureID
            row.push(
                added
                    .map(|t| t.format("%Y%m%d%H%M%S").to_string())
                    .unwrap_or_default(),
            );
            let url: Option<String> = r.get(17)?;
            let id: String = r.get(18)?;
            row.push(field(&url.unwrap_or_else(|| format!("newsgraph:{id}"))));
            debug_assert_eq!(row.len(), GDELT_COLUMNS.len());
            writeln!(w, "{}", row.join("\t"))?;
            written += 1;
        }
        Ok(written)
    }

    /// Writes every stored document as one newsgraph/1 JSON object per
    /// line, in storage order. Returns the lines written.
    pub fn export_jsonl(&self, w: &mut dyn Write) -> Result<u64> {
        let mut stmt = self
            .conn
            .prepare("SELECT output, text FROM documents ORDER BY doc")?;
        let mut rows = stmt.query([])?;
        let mut written = 0u64;
        while let Some(r) = rows.next()? {
            let out = crate::stored_output::decode(r.get_ref(0)?, r.get(1)?)?;
            serde_json::to_writer(&mut *w, &out)?;
            writeln!(w)?;
            written += 1;
        }
        Ok(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fraction_date_follows_gdelt() {
        let cols = date_columns(NaiveDate::from_ymd_opt(2022, 3, 14));
        assert_eq!(cols[0], "20220314");
        assert_eq!(cols[3], "2022.2849");
    }
}
