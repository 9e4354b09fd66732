//! The partner matrix: providers × providers, each cell naming the level of the pair in
//! words (and its target), rows and columns grouped by kind of organisation, headers that
//! stay in view while the table scrolls. Large networks show one block of kinds at a time
//! (chosen above the table): a 300 × 300 table helps no one and costs seconds to draw. In
//! a workshop each cell opens the relation's form; arrow keys move between cells.

use super::{CollaborationIndicators, MatrixCell, MatrixRow};
use crate::core::continuum::{by_kind, kind_key, level_label, scale};
use crate::core::i18n::{provider_kind_label, workshop_text};
use crate::core::model::{Named, ProviderKind};
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::state::{use_collaboration, Action, Prepared, Shared};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PartnerMatrixProps {
    pub prepared: Shared<Prepared>,
    pub session: Shared<Session>,
    pub lang: Lang,
    pub editable: bool,
    pub uid: AttrValue,
    pub on_action: Callback<Action>,
}

/// Above this many providers, the matrix starts on one block of kinds.
const WHOLE: usize = 60;

fn kind_from_key(key: &str) -> Option<ProviderKind> {
    ProviderKind::NAMES
        .iter()
        .find(|(name, _)| *name == key)
        .map(|(_, k)| *k)
}

/// The place of a cell button in the rows and columns shown (`data-cell="row-column"`).
fn cell_place(element: &web_sys::Element) -> Option<(usize, usize)> {
    let place = element.get_attribute("data-cell")?;
    let (r, c) = place.split_once('-')?;
    Some((r.parse().ok()?, c.parse().ok()?))
}

/// Moves the focus from the cell of an arrow key press to the next cell that way.
fn move_focus(table: &web_sys::Element, event: &KeyboardEvent) {
    let (dr, dc): (isize, isize) = match event.key().as_str() {
        "ArrowUp" => (-1, 0),
        "ArrowDown" => (1, 0),
        "ArrowLeft" => (0, -1),
        "ArrowRight" => (0, 1),
        _ => return,
    };
    let Some((r, c)) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| cell_place(&e))
    else {
        return;
    };
    let (mut r, mut c) = (r as isize, c as isize);
    event.prevent_default();
    // A step over the diagonal (a provider with itself has no cell to reach).
    for _ in 0..2 {
        (r, c) = (r + dr, c + dc);
        let selector = format!("[data-cell=\"{r}-{c}\"]");
        if let Ok(Some(cell)) = table.query_selector(&selector) {
            let _ = cell.unchecked_into::<web_sys::HtmlElement>().focus();
            return;
        }
    }
}

#[component]
pub fn PartnerMatrix(props: &PartnerMatrixProps) -> Html {
    let collaboration = use_collaboration(&props.prepared, &props.session);
    let lang = props.lang;
    let work = workshop_text(lang);
    let config = &props.prepared.config;
    let groups = use_memo(props.prepared.clone(), |p| by_kind(&p.config));
    let start = (config.providers.len() > WHOLE)
        .then(|| groups.first().map(|(k, _)| *k))
        .flatten();
    let rows_kind = use_state(|| start);
    let columns_kind = use_state(|| start);
    // Names and level labels change with the language only, so rows keep equal props.
    let names = use_memo((props.prepared.clone(), lang), |(p, lang)| {
        Rc::new(
            p.config
                .providers
                .iter()
                .map(|p| AttrValue::from(p.name.get(*lang).to_string()))
                .collect::<Vec<_>>(),
        )
    });
    let levels = use_memo((props.prepared.clone(), lang), |(p, lang)| {
        let scale = scale(&p.config);
        Rc::new(
            (0..scale.len())
                .map(|r| AttrValue::from(level_label(&scale, r, *lang)))
                .collect::<Vec<_>>(),
        )
    });
    let table_ref = use_node_ref();
    let onkeydown = {
        let table_ref = table_ref.clone();
        Callback::from(move |event: KeyboardEvent| {
            if let Some(table) = table_ref.cast::<web_sys::Element>() {
                move_focus(&table, &event);
            }
        })
    };
    let shown = |kind: Option<ProviderKind>| {
        groups
            .iter()
            .filter(move |(k, _)| kind.is_none_or(|kind| kind == *k))
    };
    let columns: Rc<Vec<usize>> = Rc::new(
        shown(*columns_kind)
            .flat_map(|(_, m)| m.iter().copied())
            .collect(),
    );
    let rows: Rc<Vec<usize>> = Rc::new(
        shown(*rows_kind)
            .flat_map(|(_, m)| m.iter().copied())
            .collect(),
    );
    // One listener for every cell (thousands of them): the button's place says the pair.
    let onclick = {
        let (prepared, on_action) = (props.prepared.clone(), props.on_action.clone());
        let (rows, columns) = (rows.clone(), columns.clone());
        Callback::from(move |event: MouseEvent| {
            let place = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("[data-cell]").ok().flatten())
                .and_then(|cell| cell_place(&cell));
            let Some((r, c)) = place.and_then(|(r, c)| Some((*rows.get(r)?, *columns.get(c)?)))
            else {
                return;
            };
            let providers = &prepared.config.providers;
            let ids = [providers[r].id.clone(), providers[c].id.clone()];
            on_action.emit(Action::EditRelation(ids));
        })
    };
    let network = &collaboration.network;
    let id = |name: &str| format!("{}-matrix-{name}", props.uid);
    let chooser = |name: &'static str,
                   label: &'static str,
                   state: &UseStateHandle<Option<ProviderKind>>| {
        let onchange = {
            let state = state.clone();
            Callback::from(move |event: Event| {
                let value = event
                    .target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value();
                state.set(kind_from_key(&value));
            })
        };
        let current = **state;
        html! {
            <span class="srm-filter">
                <label for={id(name)}>{ label }</label>
                <select id={id(name)} {onchange}>
                    <option value="" selected={current.is_none()}>{ work.all_kinds }</option>
                    { for groups.iter().map(|(k, members)| html! {
                        <option key={kind_key(*k)} value={kind_key(*k)} selected={current == Some(*k)}>
                            { format!("{} ({})", provider_kind_label(lang, *k), members.len()) }
                        </option>
                    }) }
                </select>
            </span>
        }
    };
    let mut position = 0;
    let mut tab_given = false;
    let bodies = shown(*rows_kind).map(|(kind, members)| {
        let rows = members.iter().map(|&r| {
            let cells: Vec<MatrixCell> = columns
                .iter()
                .map(|&c| {
                    let link = network.link(r, c).filter(|_| c != r);
                    MatrixCell {
                        column: c,
                        level: link.map_or(0, |l| l.level),
                        target: link.and_then(|l| l.target),
                    }
                })
                .collect();
            let tab_cell = (!tab_given)
                .then(|| cells.iter().position(|cell| cell.column != r))
                .flatten();
            tab_given |= tab_cell.is_some();
            position += 1;
            html! {
                <MatrixRow key={r} row={r} cells={Rc::new(cells)} names={(*names).clone()} levels={(*levels).clone()}
                           position={position - 1} {tab_cell} editable={props.editable} {lang} />
            }
        }).collect::<Html>();
        html! {
            <tbody key={kind_key(*kind)}>
                <tr class="srm-group-row">
                    <th scope="rowgroup" colspan={(columns.len() + 1).to_string()}>{ provider_kind_label(lang, *kind) }</th>
                </tr>
                { rows }
            </tbody>
        }
    }).collect::<Html>();
    html! {
        <div class="srm-matrix-view">
            <CollaborationIndicators prepared={props.prepared.clone()} collaboration={collaboration.clone()} {lang} />
            <fieldset class="srm-filters">
                <legend>{ work.view_matrix }</legend>
                { chooser("rows", work.matrix_rows, &rows_kind) }
                { chooser("columns", work.matrix_columns, &columns_kind) }
            </fieldset>
            if props.editable {
                <p class="srm-hint">{ work.matrix_hint }</p>
            }
            <div class="srm-matrix-scroll" tabindex="0" role="region" aria-label={work.view_matrix}>
                <table class="srm-table srm-matrix" ref={table_ref} {onkeydown} {onclick}>
                    <caption>{ work.matrix_caption }</caption>
                    <thead>
                        <tr class="srm-matrix-kinds">
                            <td></td>
                            { for shown(*columns_kind).map(|(kind, members)| html! {
                                <th key={kind_key(*kind)} scope="colgroup" colspan={members.len().to_string()}>{ provider_kind_label(lang, *kind) }</th>
                            }) }
                        </tr>
                        <tr class="srm-matrix-names">
                            <td></td>
                            { for columns.iter().map(|&c| html! {
                                <th key={c} scope="col"><span class="srm-matrix-heading">{ names[c].clone() }</span></th>
                            }) }
                        </tr>
                    </thead>
                    { bodies }
                </table>
            </div>
        </div>
    }
}
