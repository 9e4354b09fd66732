//! The action plan as files: a CSV table (one row per action with its gaps in words, UTF-8
//! with a BOM, no cell starting a formula) and the due dates as an iCalendar file (RFC 5545)
//! that calendar programs import.
//!
//! The iCalendar file is written here rather than with a crate: what it needs (all-day
//! events, text escaping, lines folded at 75 octets, CRLF) is a few dozen lines, while the
//! `icalendar` crate brings `chrono` and `uuid` (with a random source) into the wasm bundle.
//! The tests read it back with `icalendar`'s parser.

use super::export::{spreadsheet_safe, UTF8_BOM};
use super::model::Config;
use super::plan::{action_lines, parse_date, ActionLine, ActionStatus};
use super::plan_text::plan_text;
use super::session::{identity, Session};
use super::text::Lang;
use time::Date;

/// The column titles of the plan's CSV table.
pub fn plan_header(lang: Lang) -> Vec<String> {
    let t = plan_text(lang);
    [
        t.field_id,
        t.field_title,
        t.field_status,
        t.field_late,
        t.field_lead,
        t.field_partners,
        t.field_start,
        t.field_due,
        t.field_addresses,
        t.field_detached,
        t.field_indicator,
        t.field_target,
        t.field_budget,
        t.field_reason,
        t.field_progress,
        t.field_created,
        t.field_modified,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// One action as a row of the table.
pub fn plan_row(line: ActionLine) -> Vec<String> {
    vec![
        line.id,
        line.title,
        line.status,
        line.late,
        line.lead,
        line.partners,
        line.start,
        line.due,
        line.addresses,
        line.detached,
        line.indicator,
        line.target,
        line.budget,
        line.reason,
        line.progress,
        line.created,
        line.modified,
    ]
}

/// The plan as CSV, written with the `csv` crate, UTF-8 with a BOM; lateness on `today`.
pub fn plan_csv(config: &Config, session: &Session, lang: Lang, today: Date) -> Vec<u8> {
    let mut out = UTF8_BOM.to_vec();
    {
        let mut writer = ::csv::Writer::from_writer(&mut out);
        // Writing to memory cannot fail; a failure would only lose the row, never panic.
        let _ = writer.write_record(plan_header(lang));
        for line in action_lines(config, session, lang, today) {
            let row = plan_row(line);
            let _ = writer.write_record(row.iter().map(|c| spreadsheet_safe(c).into_owned()));
        }
        let _ = writer.flush();
    }
    out
}

/// Text as an iCalendar TEXT value: backslash, semicolon, comma and line breaks escaped.
pub fn ical_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (never inside a character), ended by CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// A UTC time for DTSTAMP (`20260312T141500Z`) from an ISO time (`2026-03-12T14:15:00…Z`);
/// the day at midnight when only the day reads.
fn utc_stamp(time: &str) -> Option<String> {
    let day = super::plan::day_of(time)?;
    let digits: String = time
        .get(11..19)
        .filter(|t| t.len() == 8 && t.as_bytes()[2] == b':' && t.as_bytes()[5] == b':')
        .map(|t| t.replace(':', ""))
        .filter(|t| t.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or_else(|| "000000".into());
    Some(format!("{}T{digits}Z", compact(day)))
}

fn compact(date: Date) -> String {
    format!(
        "{:04}{:02}{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// A UID that stays the same for the same action of the same config at every export, so a
/// calendar updates the event instead of adding it twice: characters outside letters,
/// digits, `-`, `.` and `_` are written as `%XX`.
pub fn action_uid(config_identity: &str, action_id: &str) -> String {
    let mut uid = String::new();
    for b in format!("{action_id}.{config_identity}").bytes() {
        if b.is_ascii_alphanumeric() || b"-._".contains(&b) {
            uid.push(b as char);
        } else {
            uid.push_str(&format!("%{b:02X}"));
        }
    }
    uid.push_str("@service-range-mapper");
    uid
}

/// The due dates as an iCalendar file: one all-day event per action with a due date that is
/// a date, titled with the action, its status, lead, gaps and indicator in the description.
/// Proposed actions are tentative, abandoned ones cancelled. `now` (ISO time) stamps it.
pub fn plan_ical(config: &Config, session: &Session, lang: Lang, now: &str, today: Date) -> String {
    let text = plan_text(lang);
    let colon = super::i18n::catalogue(lang).colon;
    let config_id = identity(config);
    let stamp = utc_stamp(now).unwrap_or_else(|| format!("{}T000000Z", compact(today)));
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//service-range-mapper//plan//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    let name = (text.calendar_name)(config.territory.name.get(lang));
    push_line(&mut out, &format!("X-WR-CALNAME:{}", ical_text(&name)));
    let lines = action_lines(config, session, lang, today);
    for line in lines {
        let Some(action) = session.action(&line.id) else {
            continue;
        };
        let Some(due) = action.due.as_deref().and_then(parse_date) else {
            continue;
        };
        let mut description = vec![format!("{}{colon}{}", text.field_status, line.status)];
        for (label, value) in [
            (text.field_late, &line.late),
            (text.field_lead, &line.lead),
            (text.field_partners, &line.partners),
            (text.field_addresses, &line.addresses),
            (text.field_indicator, &line.indicator),
            (text.field_target, &line.target),
            (text.field_reason, &line.reason),
        ] {
            if !value.is_empty() {
                description.push(format!("{label}{colon}{value}"));
            }
        }
        let status = match action.status {
            ActionStatus::Proposed => "TENTATIVE",
            ActionStatus::Abandoned => "CANCELLED",
            _ => "CONFIRMED",
        };
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(
            &mut out,
            &format!("UID:{}", action_uid(&config_id, &action.id)),
        );
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", compact(due)));
        if let Some(next) = due.next_day() {
            push_line(&mut out, &format!("DTEND;VALUE=DATE:{}", compact(next)));
        }
        push_line(&mut out, &format!("SUMMARY:{}", ical_text(&line.title)));
        push_line(
            &mut out,
            &format!("DESCRIPTION:{}", ical_text(&description.join("\n"))),
        );
        push_line(&mut out, &format!("STATUS:{status}"));
        push_line(&mut out, "TRANSP:TRANSPARENT");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}
