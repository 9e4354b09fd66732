//! The root of one range editor ("Configurer la gamme"): owns its state (a reducer),
//! connects the JavaScript handle, keeps the draft in the browser after every edit, reads
//! the workshop session kept beside it, takes the undo and redo shortcuts, puts the focus
//! where an action asks for it, and shows the forms (or the JSON text) beside a live
//! preview of the range.

use super::confirm_delete::ConfirmDelete;
use super::continuum_form::ContinuumForm;
use super::directory_panel::DirectoryPanel;
use super::draft_problems::DraftProblems;
use super::editor_bar::EditorBar;
use super::editor_notice::EditorNoticeBar;
use super::field_notes::field_id;
use super::json_text::JsonTextView;
use super::provider_list::ProviderList;
use super::range_outline::RangeOutline;
use super::territory_form::TerritoryForm;
use crate::browser;
use crate::components::{history_key, language_switch, HistoryKey, Widget};
use crate::core::draft::{draft_key, last_draft_key, relations, DraftFile};
use crate::core::editor_text::editor_text;
use crate::core::model::Config;
use crate::core::text::Lang;
use crate::editor_state::{section_label, status_text};
use crate::editor_state::{EditorAction, EditorNotice, EditorState, Section};
use crate::session_io;
use crate::state::{Action, Mode, Remote, Shared};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The handle's way in: editor actions in, the current draft out.
pub type EditorRemote = Remote<EditorAction, Shared<Config>>;

#[derive(Properties, PartialEq)]
pub struct RangeEditorProps {
    /// The draft to start from, and the config as it was opened.
    pub draft: Shared<Config>,
    pub opened: Shared<Config>,
    #[prop_or_default]
    pub notice: Option<EditorNotice>,
    #[prop_or_default]
    pub lang: Lang,
    /// Prefix for element ids, unique per instance on the page.
    pub uid: AttrValue,
    #[prop_or_default]
    pub remote: EditorRemote,
    /// Keep the draft in the browser's storage (off in tests).
    #[prop_or_default]
    pub autosave: bool,
    /// Keeps the drafts of two editors of one config on a page apart.
    #[prop_or_default]
    pub instance: Option<AttrValue>,
    #[prop_or_default]
    pub on_ready: Option<Callback<()>>,
    /// Told the draft after every change.
    #[prop_or_default]
    pub on_change: Option<Callback<Shared<Config>>>,
}

/// Puts the focus on the field at `path`, or the closest thing that contains it, opening
/// the folded parts around it.
fn focus_field(root: &web_sys::Element, uid: &str, path: &str) {
    let mut candidate = path.to_string();
    loop {
        let selector = format!("#{}", field_id(uid, &candidate));
        if let Ok(Some(element)) = root.query_selector(&selector) {
            let enabled = !element.has_attribute("disabled");
            if let (true, Ok(element)) = (enabled, element.dyn_into::<web_sys::HtmlElement>()) {
                let mut parent = element.parent_element();
                while let Some(p) = parent {
                    if p.tag_name() == "DETAILS" {
                        let _ = p.set_attribute("open", "");
                    }
                    parent = p.parent_element();
                }
                let _ = element.focus();
                element.scroll_into_view_with_bool(false);
                return;
            }
        }
        // Up one step: `a.b[2].c` → `a.b[2]` → `a.b`.
        let cut = candidate.rfind(['.', '[']);
        match cut {
            Some(at) if at > 1 => candidate.truncate(at),
            _ => return,
        }
    }
}

/// Where the workshop session of a config is kept in this browser: under the editor's own
/// instance, else without one, else under any page's instance (a workshop page keys its
/// session by its element's id).
async fn session_key(config: &Config, instance: Option<&str>) -> Option<String> {
    let own = session_io::storage_key(config, instance);
    let plain = session_io::storage_key(config, None);
    let keys = browser::stored_keys(&plain).await;
    let of_a_page = format!("{plain}:");
    let found = [own, plain].into_iter().find(|key| keys.contains(key));
    found.or_else(|| {
        keys.into_iter()
            .find(|k| k.starts_with(&of_a_page) && !k.ends_with(":damaged"))
    })
}

#[component]
pub fn RangeEditor(props: &RangeEditorProps) -> Html {
    let state = {
        let (draft, opened, lang, notice) = (
            props.draft.clone(),
            props.opened.clone(),
            props.lang,
            props.notice.clone(),
        );
        use_reducer(move || {
            EditorState::new((*draft).clone(), (*opened).clone(), lang).with_notice(notice)
        })
    };
    let root = use_node_ref();
    {
        let on_ready = props.on_ready.clone();
        use_effect_with((), move |_| {
            if let Some(on_ready) = on_ready {
                on_ready.emit(());
            }
        });
    }
    {
        let (remote, dispatcher) = (props.remote.clone(), state.dispatcher());
        use_effect_with(remote, move |remote| {
            remote.connect(dispatcher.into());
            let remote = remote.clone();
            move || remote.disconnect()
        });
    }
    // Kept after every change (not the draft the editor opened with), right after the
    // page shows it; the previous key goes when the identity changed.
    {
        let first = use_mut_ref(|| true);
        let previous_key = use_mut_ref(|| None::<String>);
        let (remote, on_change, dispatcher) = (
            props.remote.clone(),
            props.on_change.clone(),
            state.dispatcher(),
        );
        let (autosave, instance) = (props.autosave, props.instance.clone());
        let opened = state.opened.clone();
        use_effect_with(state.draft.clone(), move |draft| {
            remote.mirror(draft.clone());
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            if let Some(on_change) = on_change {
                on_change.emit(draft.clone());
            }
            if !autosave {
                return;
            }
            let draft = draft.clone();
            browser::soon(move || {
                let instance = instance.as_deref();
                let key = draft_key(&crate::core::session::identity(&draft), instance);
                let file = DraftFile::new(&opened, &draft, browser::now_iso());
                let saved = browser::save(&key, &file.to_text())
                    .and_then(|_| browser::save(&last_draft_key(instance), &key));
                let old = previous_key.borrow_mut().replace(key.clone());
                if let Some(old) = old.filter(|old| *old != key) {
                    browser::remove(&old);
                }
                dispatcher.dispatch(EditorAction::StorageFailed(saved.is_err()));
            });
        });
    }
    // The workshop session kept for this config in this browser: read again when the
    // identity changes and when another tab of the browser saves it (a workshop open
    // beside the editor); never written here.
    {
        let (dispatcher, instance) = (state.dispatcher(), props.instance.clone());
        let preview = state.preview.clone();
        use_effect_with(state.identity(), move |_| {
            let read = move || {
                let (preview, instance, dispatcher) =
                    (preview.clone(), instance.clone(), dispatcher.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let mut session = None;
                    if let Some(config) = preview.config.as_ref() {
                        if let Some(key) = session_key(config, instance.as_deref()).await {
                            let text = browser::stored(&key).await.ok().flatten();
                            session = text
                                .and_then(|text| session_io::from_text(&text, config).ok())
                                .map(|(s, _)| Shared::from(s));
                        }
                    }
                    dispatcher.dispatch(EditorAction::SetSession(session));
                });
            };
            read();
            let listeners = browser::on_saved(move |key| {
                if key.starts_with("srm:session:") {
                    read();
                }
            });
            move || drop(listeners)
        });
    }
    {
        let (root, uid) = (root.clone(), props.uid.clone());
        use_effect_with(state.focus.clone(), move |focus| {
            if let (Some((_, path)), Some(root)) = (focus, root.cast::<web_sys::Element>()) {
                focus_field(&root, &uid, path);
            }
        });
    }
    // The preview: a read-only widget of the last draft without error, with the session.
    let preview_remote = use_memo((), |_| Remote::<Action, _>::default());
    {
        let remote = (*preview_remote).clone();
        use_effect_with(
            (state.preview.clone(), state.session.clone()),
            move |(preview, session)| {
                remote.send(Action::ReplaceConfig(preview.clone(), session.clone()));
            },
        );
    }
    {
        let remote = (*preview_remote).clone();
        use_effect_with(state.lang, move |lang| remote.send(Action::SetLang(*lang)));
    }
    let on_action = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| {
            Callback::from(move |action| dispatcher.dispatch(action))
        })
    };
    let on_action = (*on_action).clone();
    let onkeydown = {
        let on_action = on_action.clone();
        Callback::from(move |event: KeyboardEvent| {
            let Some(key) = history_key(&event) else {
                return;
            };
            event.prevent_default();
            on_action.emit(match key {
                HistoryKey::Undo => EditorAction::Undo,
                HistoryKey::Redo => EditorAction::Redo,
            });
        })
    };
    let lang = state.lang;
    let t = editor_text(lang);
    let uid = &props.uid;
    let draft = &state.draft;
    let counts = |section: Section| match section {
        Section::Territory | Section::Directory => None,
        Section::Range => Some(draft.services.len()),
        Section::Providers => Some(draft.providers.len()),
        Section::Continuum => Some(relations(draft).len()),
    };
    let nav = Section::ALL.iter().map(|section| {
        let section = *section;
        let current = state.json.is_none() && state.section == section;
        let onclick = {
            let on_action = on_action.clone();
            Callback::from(move |_: MouseEvent| on_action.emit(EditorAction::Show(section)))
        };
        let label = match counts(section) {
            Some(n) => format!("{} ({n})", section_label(lang, section)),
            None => section_label(lang, section).to_string(),
        };
        html! {
            <li key={section.key()}>
                <button type="button" aria-pressed={current.to_string()} disabled={state.json.as_ref().is_some_and(|j| !j.readable)}
                        {onclick}>{ label }</button>
            </li>
        }
    });
    let forms = match (&state.json, state.section) {
        (Some(json), _) => {
            html! { <JsonTextView json={json.clone()} {lang} uid={uid.clone()} on_action={on_action.clone()} /> }
        }
        (None, Section::Territory) => html! {
            <TerritoryForm draft={draft.clone()} check={state.check.clone()} {lang} uid={uid.clone()} on_action={on_action.clone()} />
        },
        (None, Section::Range) => html! {
            <RangeOutline draft={draft.clone()} check={state.check.clone()}
                          open={state.open} {lang} uid={uid.clone()} on_action={on_action.clone()} />
        },
        (None, Section::Providers) => html! {
            <ProviderList draft={draft.clone()} check={state.check.clone()} open={state.open} {lang} uid={uid.clone()} on_action={on_action.clone()} />
        },
        (None, Section::Directory) => html! {
            <DirectoryPanel draft={draft.clone()} import={state.import.clone()} {lang} uid={uid.clone()} on_action={on_action.clone()} />
        },
        (None, Section::Continuum) => html! {
            <ContinuumForm draft={draft.clone()} check={state.check.clone()} open={state.open} {lang} uid={uid.clone()} on_action={on_action.clone()} />
        },
    };
    let stale = !state.preview_current;
    let name = draft.territory.name.get(lang);
    let label = if name.trim().is_empty() {
        t.title.to_string()
    } else {
        format!("{} — {name}", t.title)
    };
    let on_lang = {
        let on_action = on_action.clone();
        Callback::from(move |lang| on_action.emit(EditorAction::SetLang(lang)))
    };
    html! {
        <div class="srm srm-editor" lang={lang.code()} data-lang={lang.code()} data-mode="editor"
             role="region" aria-label={label} ref={root} {onkeydown}>
            <header class="srm-editor-header" part="header">
                <h2>{ t.title }</h2>
                { language_switch(lang, &on_lang) }
            </header>
            <EditorBar draft={draft.clone()} opened={state.opened.clone()} errors={state.check.errors()}
                       missing={Rc::new(state.check.missing.clone())} json={state.json.is_some()}
                       readable={state.json.as_ref().is_none_or(|j| j.readable)}
                       can_undo={state.can_undo()} can_redo={state.can_redo()} {lang} uid={uid.clone()}
                       on_action={on_action.clone()} />
            <EditorNoticeBar notice={state.notice.clone()} storage_failed={state.storage_failed}
                             opened={state.opened.clone()} {lang} on_action={on_action.clone()} />
            <p class="srm-visually-hidden" role="status">{ state.status.as_ref().map(|s| status_text(lang, s)).unwrap_or_default() }</p>
            <div class="srm-editor-main">
                <div class="srm-editor-forms">
                    <nav aria-label={t.sections}><ul class="srm-editor-nav">{ for nav }</ul></nav>
                    <DraftProblems draft={draft.clone()} check={state.check.clone()} {lang} uid={uid.clone()} on_action={on_action.clone()} />
                    { forms }
                </div>
                <section class="srm-editor-preview" aria-labelledby={format!("{uid}-preview-title")}>
                    <h3 id={format!("{uid}-preview-title")}>{ t.preview }</h3>
                    if stale {
                        <p class="srm-notice srm-notice-error">{ t.preview_stale }</p>
                    }
                    <Widget loaded={state.preview.clone()} {lang} uid={format!("{uid}-p")}
                            remote={(*preview_remote).clone()} editable={false}
                            session={state.session.clone()} mode={Mode::Intranet}
                            region_label={Some(AttrValue::from(format!("{} — {name}", t.preview)))} />
                </section>
            </div>
            if let Some(deletion) = state.deletion {
                <ConfirmDelete draft={draft.clone()} session={state.session.clone()} {deletion} {lang}
                               uid={uid.clone()} on_action={on_action.clone()} />
            }
        </div>
    }
}
