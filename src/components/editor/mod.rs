//! The range editor ("Configurer la gamme"), in the editor's bundle: forms over the config
//! — the territory, the tiers and their services, the organisations and their offers, the
//! continuum — with the JSON text as another way in, a live preview, and every problem
//! leading to its field. Its state is [`crate::editor_state`]; its model
//! [`crate::core::draft`].

mod add_item;
mod bilingual_field;
mod confirm_delete;
mod continuum_form;
mod directory_panel;
mod draft_problems;
mod editor_bar;
mod editor_notice;
mod field_notes;
mod form_parts;
mod id_field;
mod import_preview;
mod import_problems;
mod import_review;
mod item_row;
mod json_text;
mod mapping_row;
mod mapping_table;
mod offer_adder;
mod offer_fields;
mod plain_field;
mod provider_form;
mod provider_list;
mod range_editor;
mod range_outline;
mod relation_adder;
mod relation_fields;
mod service_form;
mod territory_form;
mod tier_fields;

pub use field_notes::field_id;
pub use range_editor::{EditorRemote, RangeEditor, RangeEditorProps};
