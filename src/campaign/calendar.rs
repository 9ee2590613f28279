//! Pending callbacks as an iCalendar file (RFC 5545), each at the time the respondent asked
//! for, in the respondent's own time zone: opens in Outlook, Thunderbird or a phone. Each
//! zone gets a VTIMEZONE with its real offsets and changes over the events' period (from
//! the IANA database through jiff), since a TZID alone is not enough for every client.

use std::collections::BTreeMap;

use ics::components::Property;
use ics::properties::{Description, DtStart, Duration, Summary, TzName};
use ics::{Daylight, Event, ICalendar, Standard, TimeZone, escape_text};
use jiff::Timestamp;
use jiff::tz::Offset;

use super::progress::{Progress, State};

/// A callback is booked for half an hour.
const LENGTH: &str = "PT30M";

fn utc(t: Timestamp) -> String {
    t.strftime("%Y%m%dT%H%M%SZ").to_string()
}

fn local(t: Timestamp, offset: Offset) -> String {
    offset.to_datetime(t).strftime("%Y%m%dT%H%M%S").to_string()
}

fn offset(o: Offset) -> String {
    let s = o.seconds();
    let sign = if s < 0 { '-' } else { '+' };
    let s = s.unsigned_abs();
    format!("{sign}{:02}{:02}", s / 3600, s / 60 % 60)
}

/// Text an interviewer's calendar shows: inert (no control characters), escaped.
fn text(s: &str) -> String {
    escape_text(crate::neutralise::line(s).into_owned()).into_owned()
}

/// The VTIMEZONE of `name` for events between `from` and `to`: the offset in force a year
/// before the first event, then every change up to the last.
fn zone(name: &str, tz: &jiff::tz::TimeZone, from: Timestamp, to: Timestamp) -> TimeZone<'static> {
    let start = from
        .checked_sub(jiff::SignedDuration::from_hours(24 * 366))
        .unwrap_or(from);
    let first = tz.to_offset(start);
    let mut component = TimeZone::standard(
        name.to_string(),
        Standard::new(local(start, first), offset(first), offset(first)),
    );
    let mut before = first;
    for tr in tz.following(start) {
        if tr.timestamp() > to {
            break;
        }
        let (at, from_o, to_o) = (
            local(tr.timestamp(), tr.offset()),
            offset(before),
            offset(tr.offset()),
        );
        if tr.dst().is_dst() {
            let mut d = Daylight::new(at, from_o, to_o);
            d.push(TzName::new(tr.abbreviation().to_string()));
            component.add_daylight(d);
        } else {
            let mut s = Standard::new(at, from_o, to_o);
            s.push(TzName::new(tr.abbreviation().to_string()));
            component.add_standard(s);
        }
        before = tr.offset();
    }
    component
}

/// Every pending callback of `plan` (targets not done whose last attempt asked for one).
pub fn calendar(plan: &[Progress], now: Timestamp, lang: crate::i18n::UiLang) -> String {
    let mut cal = ICalendar::new("2.0", "-//stocktake//call campaign//EN");
    let pending: Vec<(&Progress, Timestamp, &str)> = plan
        .iter()
        .filter(|p| !matches!(p.state, State::Done(_)) && p.callback)
        .filter_map(|p| Some((p, p.next?, p.callback_attempt.as_deref()?)))
        .collect();
    let mut zones: BTreeMap<&str, (jiff::tz::TimeZone, Timestamp, Timestamp)> = BTreeMap::new();
    for (p, at, _) in &pending {
        if let Some(name) = p.target.timezone.as_deref()
            && let Ok(tz) = jiff::tz::TimeZone::get(name)
        {
            let e = zones.entry(name).or_insert((tz, *at, *at));
            e.1 = e.1.min(*at);
            e.2 = e.2.max(*at);
        }
    }
    for (name, (tz, from, to)) in &zones {
        cal.add_timezone(zone(name, tz, *from, *to));
    }
    for (p, at, attempt) in pending {
        let mut e = Event::new(format!("{attempt}@stocktake"), utc(now));
        let t = &p.target;
        match t
            .timezone
            .as_deref()
            .and_then(|n| zones.get(n).map(|z| (n, z)))
        {
            Some((name, (tz, _, _))) => {
                let mut start = DtStart::new(local(at, tz.to_offset(at)));
                start.add(ics::parameters::TzIDParam::new(name.to_string()));
                e.push(start);
            }
            None => e.push(DtStart::new(utc(at))),
        }
        e.push(Duration::new(LENGTH));
        let who = [t.coordinator.as_str(), t.organisation.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        // Words an interviewer reads in their calendar, in the program's language.
        let said = |id: &str, args: &[(&str, crate::i18n::FluentValue<'_>)]| {
            crate::i18n::tr(lang, id, args)
        };
        let target = t.name(lang.code());
        let summary = if who.is_empty() {
            said("calendar-call-back", &[("target", target.into())])
        } else {
            said(
                "calendar-call-back-who",
                &[("target", target.into()), ("who", who.into())],
            )
        };
        e.push(Summary::new(text(&summary)));
        let mut description = said("calendar-target", &[("id", t.id.as_str().into())]);
        if !t.contact.is_empty() {
            description.push(' ');
            description.push_str(&said(
                "calendar-contact",
                &[("contact", t.contact.as_str().into())],
            ));
        }
        if let Some(z) = &t.timezone {
            description.push(' ');
            description.push_str(&said("calendar-time-zone", &[("zone", z.as_str().into())]));
        }
        e.push(Description::new(text(&description)));
        e.push(Property::new("CATEGORIES", "stocktake"));
        cal.add_event(e);
    }
    cal.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::{Attempt, Outcome, Rules, Target, plan};
    use crate::guide::Structure;

    #[test]
    fn a_callback_is_an_event_in_the_respondents_zone() {
        let t = Target {
            id: "iraq/cp_aor".into(),
            response: "Iraq".into(),
            structure: Structure::CpAor,
            structure_label: String::new(),
            coordinator: "Dana; \"the lead\"".into(),
            organisation: "UNICEF".into(),
            contact: "+964 770 123 4567\u{1b}[2J".into(),
            timezone: Some("Asia/Baghdad".into()),
            languages: vec!["ar".into()],
            notes: Default::default(),
            removed: false,
        };
        let at = |s: &str| s.parse::<Timestamp>().expect("time");
        let a = Attempt {
            id: "01J00000000000000000000000".into(),
            target: t.id.clone(),
            at: at("2018-03-14T09:00:00Z"),
            outcome: Outcome::Callback,
            callback: Some(at("2018-03-15T07:30:00Z")),
            note: String::new(),
            interviewer: "amina".into(),
            sessions: Vec::new(),
        };
        let p = plan(&[t], &[a], &Rules::default(), at("2018-03-14T10:00:00Z"));
        let ics = calendar(&p, at("2018-03-14T10:00:00Z"), crate::i18n::UiLang::En);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
        // 07:30 UTC is 10:30 in Baghdad (UTC+3).
        assert!(
            ics.contains("DTSTART;TZID=Asia/Baghdad:20180315T103000\r\n"),
            "{ics}"
        );
        assert!(
            ics.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Baghdad\r\n"),
            "{ics}"
        );
        assert!(ics.contains("TZOFFSETTO:+0300"), "{ics}");
        assert!(
            ics.contains("SUMMARY:Call back: Iraq · CP AOR (Dana\\; \"the lead\"\\, UNICEF)"),
            "{ics}"
        );
        assert!(
            !ics.contains('\u{1b}'),
            "no escape sequence reaches a calendar"
        );
        assert!(ics.contains("UID:01J00000000000000000000000@stocktake"));
        assert!(
            ics.contains("DESCRIPTION:Target iraq/cp_aor. Contact: +964 770 123 4567"),
            "{ics}"
        );
        // In French, the words and the structure's short name.
        let fr = calendar(&p, at("2018-03-14T10:00:00Z"), crate::i18n::UiLang::Fr);
        assert!(
            fr.contains("SUMMARY:Rappeler\u{a0}: Iraq · DR PE (Dana\\; \"the lead\"\\, UNICEF)"),
            "{fr}"
        );
        assert!(fr.contains("DESCRIPTION:Cible iraq/cp_aor."), "{fr}");
        assert!(!fr.contains("Call back"), "{fr}");
        // Every line is CRLF-terminated and at most 75 octets.
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
    }
}
