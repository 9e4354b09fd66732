//! One row of the partner matrix: a provider and its level with each provider of the
//! columns shown. A row re-renders only when one of its cells changes, so that changing a
//! level updates one row, not the whole matrix.

use crate::core::i18n::workshop_text;
use crate::core::text::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// One cell: the column's provider index, the level rank and the target rank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MatrixCell {
    pub column: usize,
    pub level: usize,
    pub target: Option<usize>,
}

#[derive(Properties, PartialEq)]
pub struct MatrixRowProps {
    /// Provider index of the row.
    pub row: usize,
    pub cells: Rc<Vec<MatrixCell>>,
    /// Every provider's name, and every level's label (rank order), in the language shown.
    pub names: Rc<Vec<AttrValue>>,
    pub levels: Rc<Vec<AttrValue>>,
    /// The row's place among the rows shown (arrow keys move by places).
    pub position: usize,
    /// The cell reached with Tab, when it is in this row (the others by arrow keys).
    pub tab_cell: Option<usize>,
    /// Cells are buttons (`data-cell="position-index"`), which the matrix listens to.
    pub editable: bool,
    pub lang: Lang,
}

#[component]
pub fn MatrixRow(props: &MatrixRowProps) -> Html {
    let work = workshop_text(props.lang);
    let row = props.row;
    let name = &props.names[row];
    let edit = work.edit_relation.to_lowercase();
    html! {
        <tr data-row={row.to_string()}>
            <th scope="row" class="srm-matrix-name">{ name.clone() }</th>
            { for props.cells.iter().enumerate().map(|(i, cell)| {
                if cell.column == row {
                    return html! { <td key={cell.column} class="srm-matrix-self"><span aria-hidden="true">{ "·" }</span></td> };
                }
                let level = &props.levels[cell.level];
                let target = cell.target.map(|t| props.levels[t].clone());
                let class = classes!("srm-cell", format!("srm-cell-{}", cell.level), target.as_ref().map(|_| "srm-cell-target"));
                let content = html! {
                    <>
                        // The level as the cell's own text: one element less in each of
                        // thousands of cells, for the browser to style and lay out.
                        { level.clone() }
                        if let Some(target) = &target {
                            { " " }<span class="srm-cell-goal">{ "→ " }{ target.clone() }</span>
                        }
                    </>
                };
                if !props.editable {
                    return html! { <td key={cell.column} {class}>{ content }</td> };
                }
                let pair = format!("{} — {}", name, props.names[cell.column]);
                // The name starts with the words the cell shows (WCAG 2.5.3, label in name).
                let shown = match &target {
                    Some(t) => format!("{level} → {t}"),
                    None => level.to_string(),
                };
                let said = format!("{shown} — {pair}");
                html! {
                    <td key={cell.column} {class}>
                        <button type="button" class="srm-cell-button" data-cell={format!("{}-{i}", props.position)}
                                tabindex={if props.tab_cell == Some(i) { "0" } else { "-1" }}
                                aria-label={format!("{said} ({edit})")}>
                            { content }
                        </button>
                    </td>
                }
            }) }
        </tr>
    }
}
