//! The plan's three faces (the plan, the milestones and their comparison, the dashboard)
//! and its exports: the plan as CSV, the due dates as iCalendar, the progress report in
//! HTML for print and in Markdown.

use crate::browser;
use crate::components::toolbar::{file_stem, report_of};
use crate::core::export;
use crate::core::plan_export::{plan_csv, plan_ical};
use crate::core::plan_text::plan_text;
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::state::{Action, Prepared, Shared, View};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanTabsProps {
    pub prepared: Shared<Prepared>,
    pub session: Shared<Session>,
    pub view: View,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

/// The plan's files: which, and how they are written.
#[derive(Clone, Copy)]
enum PlanFile {
    Csv,
    Calendar,
    ReportHtml,
    ReportMarkdown,
}

fn download(prepared: &Prepared, session: &Session, lang: Lang, file: PlanFile) {
    let config = &prepared.config;
    let today = browser::today();
    let stem = file_stem(prepared, lang, "plan");
    // The plan's faces are the plan build's: its report is the progress report.
    let report = || report_of(prepared, session, lang);
    let (name, mime, bytes) = match file {
        PlanFile::Csv => (
            format!("{stem}.csv"),
            "text/csv;charset=utf-8",
            plan_csv(config, session, lang, today),
        ),
        PlanFile::Calendar => (
            format!("{stem}.ics"),
            "text/calendar;charset=utf-8",
            plan_ical(config, session, lang, &browser::now_iso(), today).into_bytes(),
        ),
        PlanFile::ReportHtml => (
            format!("{stem}-rapport-etape.html"),
            "text/html;charset=utf-8",
            export::html(&report()).into_bytes(),
        ),
        PlanFile::ReportMarkdown => (
            format!("{stem}-rapport-etape.md"),
            "text/markdown;charset=utf-8",
            export::markdown(&report()).into_bytes(),
        ),
    };
    let _ = browser::download(&name, mime, &bytes);
}

#[component]
pub fn PlanTabs(props: &PlanTabsProps) -> Html {
    let lang = props.lang;
    let text = plan_text(lang);
    let tab = |view: View, label: &'static str| {
        let on_action = props.on_action.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_action.emit(Action::SetView(view)));
        html! {
            <button type="button" class="srm-view-button" aria-pressed={(props.view == view).to_string()}
                    {onclick}>{ label }</button>
        }
    };
    let export = |file: PlanFile, label: &'static str| {
        let (prepared, session) = (props.prepared.clone(), props.session.clone());
        let onclick =
            Callback::from(move |_: MouseEvent| download(&prepared, &session, lang, file));
        html! { <button type="button" {onclick}>{ label }</button> }
    };
    html! {
        <div class="srm-plan-tabs">
            <div class="srm-tool-group" role="group" aria-label={text.tabs_label}>
                { tab(View::Plan, text.tab_actions) }
                { tab(View::Milestones, text.tab_milestones) }
                { tab(View::Dashboard, text.tab_dashboard) }
            </div>
            <div class="srm-tool-group" role="group" aria-label={text.exports_label}>
                { export(PlanFile::Csv, text.export_plan_csv) }
                { export(PlanFile::Calendar, text.export_ics) }
                { export(PlanFile::ReportHtml, text.export_progress_html) }
                { export(PlanFile::ReportMarkdown, text.export_progress_md) }
            </div>
        </div>
    }
}
