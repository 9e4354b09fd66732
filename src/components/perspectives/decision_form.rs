//! The group's decision on an item, in a modal dialog: the agreed value (a service's
//! coverage; a relation's level and target; a gap's severity, impact and feasibility) and
//! a note of what was decided, with what each participant said kept in view. Saving makes
//! it the session's value (undo takes it back).

use super::super::modal::{CloseModal, Modal};
use crate::browser;
use crate::components::field_value;
use crate::core::continuum::scale;
use crate::core::contribution::{Agreed, Decision, Item};
use crate::core::gaps::{Coverage, GapSeverity, SCORE_RANGE};
use crate::core::i18n::{catalogue, coverage_label, severity_label, workshop_text};
use crate::core::participant_text::participant_text;
use crate::core::text::Lang;
use crate::state::{Action, Prepared, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct DecisionFormProps {
    pub prepared: Shared<Prepared>,
    pub item: Item,
    /// The item in words.
    pub label: AttrValue,
    /// What each participant said: (who, their rating), in words.
    pub said: Vec<(String, String)>,
    /// The value the form opens with: the decision already taken, else the median.
    pub proposal: Agreed,
    /// The note of the decision already taken.
    pub note: AttrValue,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<Action>,
}

#[component]
pub fn DecisionForm(props: &DecisionFormProps) -> Html {
    let on_close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::CloseDecision))
    };
    let words = participant_text(props.lang);
    html! {
        <Modal class="srm-detail srm-decision-form" title={words.decision_title}
               title_id={format!("{}-decision-title", props.uid)} {on_close}>
            <DecisionFormBody ..props.clone() />
        </Modal>
    }
}

#[component]
fn DecisionFormBody(props: &DecisionFormProps) -> Html {
    let lang = props.lang;
    let text = catalogue(lang);
    let work = workshop_text(lang);
    let words = participant_text(lang);
    let agreed = use_state(|| props.proposal.clone());
    let note = use_state(|| props.note.to_string());
    let id = |name: &str| format!("{}-decision-{name}", props.uid);
    let close = use_context::<CloseModal>();
    let onsubmit = {
        let (agreed, note, item) = (agreed.clone(), note.clone(), props.item.clone());
        let (on_action, close) = (props.on_action.clone(), close.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_action.emit(Action::Decide(Decision {
                item: item.clone(),
                agreed: (*agreed).clone(),
                note: note.trim().to_string(),
                decided: browser::now_iso(),
            }));
            if let Some(CloseModal(close)) = &close {
                close.emit(());
            }
        })
    };
    let cancel = CloseModal::cancel(close, &props.on_action, Action::CloseDecision);
    let set = |apply: fn(&mut Agreed, String)| {
        let agreed = agreed.clone();
        Callback::from(move |event: Event| {
            let mut next = (*agreed).clone();
            apply(&mut next, field_value(&event));
            agreed.set(next);
        })
    };
    let radios = |name: &str,
                  choices: Vec<(&'static str, &'static str, bool)>,
                  apply: fn(&mut Agreed, String)| {
        html! {
            <div class="srm-decision-choices">
                { for choices.into_iter().map(|(key, label, checked)| {
                    let radio = id(&format!("{name}-{key}"));
                    html! {
                        <span key={key} class="srm-severity-choice">
                            <input type="radio" id={radio.clone()} name={id(name)} value={key} {checked}
                                   onchange={set(apply)} />
                            <label for={radio}>{ label }</label>
                        </span>
                    }
                }) }
            </div>
        }
    };
    let fields = match &*agreed {
        Agreed::Coverage(current) => html! {
            <fieldset class="srm-severity">
                <legend>{ work.col_coverage }</legend>
                { radios("coverage", [Coverage::Covered, Coverage::Partial, Coverage::Absent].iter()
                    .map(|c| (c.key(), coverage_label(lang, *c), c == current)).collect(),
                    |a, v| if let Some(c) = Coverage::from_key(&v) { *a = Agreed::Coverage(c) }) }
            </fieldset>
        },
        Agreed::Level { level, target } => {
            let levels = scale(&props.prepared.config);
            let options = |selected: Option<&str>| {
                levels.iter().map(|l| html! {
                <option key={l.id.clone()} value={l.id.clone()} selected={selected == Some(l.id.as_str())}>{ l.label.get(lang) }</option>
            }).collect::<Html>()
            };
            html! {
                <div class="srm-form-grid">
                    <label for={id("level")}>{ work.col_level }</label>
                    <select id={id("level")} onchange={set(|a, v| if let Agreed::Level { level, .. } = a { *level = v })}>
                        { options(Some(level.as_str())) }
                    </select>
                    <label for={id("target")}>{ work.col_target }</label>
                    <select id={id("target")} onchange={set(|a, v| if let Agreed::Level { target, .. } = a { *target = Some(v).filter(|v| !v.is_empty()) })}>
                        <option value="" selected={target.is_none()}>{ work.no_target }</option>
                        { options(target.as_deref()) }
                    </select>
                </div>
            }
        }
        Agreed::Scores {
            severity,
            impact,
            feasibility,
        } => {
            let scores = |selected: u8| {
                SCORE_RANGE.map(|n| html! {
                <option key={n} value={n.to_string()} selected={n == selected}>{ n }</option>
            }).collect::<Html>()
            };
            html! {
                <>
                    <fieldset class="srm-severity">
                        <legend>{ work.col_severity }</legend>
                        { radios("severity", GapSeverity::ALL.iter()
                            .map(|s| (s.key(), severity_label(lang, *s), s == severity)).collect(),
                            |a, v| if let (Agreed::Scores { severity, .. }, Some(s)) = (a, GapSeverity::from_key(&v)) { *severity = s }) }
                    </fieldset>
                    <div class="srm-form-grid">
                        <label for={id("impact")}>{ work.form_impact }</label>
                        <select id={id("impact")} onchange={set(|a, v| if let (Agreed::Scores { impact, .. }, Ok(n)) = (a, v.parse()) { *impact = n })}>
                            { scores(*impact) }
                        </select>
                        <label for={id("feasibility")}>{ work.form_feasibility }</label>
                        <select id={id("feasibility")} onchange={set(|a, v| if let (Agreed::Scores { feasibility, .. }, Ok(n)) = (a, v.parse()) { *feasibility = n })}>
                            { scores(*feasibility) }
                        </select>
                    </div>
                </>
            }
        }
    };
    let on_note = {
        let note = note.clone();
        Callback::from(move |event: Event| note.set(field_value(&event)))
    };
    html! {
        <form class="srm-decision-fields" {onsubmit}>
            <p class="srm-form-about"><strong>{ work.form_about }{ text.colon }</strong>{ &props.label }</p>
            <details class="srm-said" open={props.said.len() <= 8}>
                <summary>{ words.what_was_said }{ format!(" ({})", props.said.len()) }</summary>
                <ul>
                    { for props.said.iter().map(|(who, rating)| html! {
                        <li>{ who }{ text.colon }<strong>{ rating }</strong></li>
                    }) }
                </ul>
            </details>
            { fields }
            <label class="srm-form-label" for={id("note")}>{ words.decision_note }</label>
            <textarea id={id("note")} rows="3" value={(*note).clone()} onchange={on_note} />
            <div class="srm-form-buttons">
                <button type="submit" class="srm-primary">{ words.record_decision }</button>
                <button type="button" onclick={cancel}>{ work.cancel }</button>
            </div>
        </form>
    }
}
