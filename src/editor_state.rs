//! The state of one range editor and the only way it changes: a reducer over
//! [`EditorAction`]s. The draft is a config; each edit is checked at once by the same
//! reader as any config, and can be undone. The pure parts (edits, ids, dependents,
//! changes) are in [`crate::core::draft`].

use crate::core::directory::Directory;
use crate::core::draft::{
    self, advice, apply, missing_translations, Advice, Applied, Edit, Refusal, TextField,
};
use crate::core::mapping::{self, propose, Place, Proposal};
use crate::core::model::Config;
use crate::core::session::{identity, Session};
use crate::core::text::Lang;
use crate::core::text::Text;
use crate::core::validate::{Loaded, Problem, ProblemKind, Severity};
use crate::state::Shared;
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

/// How many steps undo remembers.
const HISTORY: usize = 300;

/// The parts of the editor, one shown at a time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Section {
    Territory,
    #[default]
    Range,
    Providers,
    Continuum,
    /// Importing a directory (HSDS, spreadsheet) and exporting the range as HSDS.
    Directory,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Territory,
        Section::Range,
        Section::Providers,
        Section::Continuum,
        Section::Directory,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Section::Territory => "territory",
            Section::Range => "range",
            Section::Providers => "providers",
            Section::Continuum => "continuum",
            Section::Directory => "directory",
        }
    }
}

/// Everything the validator and the editor have to say about a draft, found once per
/// change: the reader's problems, the editor's advice, the missing translations, and for
/// each field path what concerns it.
#[derive(Debug)]
pub struct DraftCheck {
    /// The reader's verdict; shared with the preview when the draft has no error.
    pub loaded: Shared<Loaded>,
    pub advice: Vec<(String, Advice)>,
    pub missing: Vec<(TextField, Lang)>,
    /// Field path → indexes in `loaded.problems` (`Ok`) or in `advice` (`Err`).
    by_path: HashMap<String, Vec<Result<usize, usize>>>,
}

impl DraftCheck {
    pub fn of(config: &Config) -> DraftCheck {
        DraftCheck::of_parts(draft::check(config), advice(config), config)
    }

    /// The check after one text of the draft was typed in, from the check before it:
    /// the reader says of a text only that a name is blank, so only that verdict, the
    /// advice on names and the translations are found again — not the whole config read
    /// at each keystroke. (A test checks it agrees with [`DraftCheck::of`].)
    pub fn after_text(&self, config: &Config, field: TextField) -> DraftCheck {
        let path = field.path().to_string();
        let mut problems: Vec<Problem> = self
            .loaded
            .problems
            .iter()
            .filter(|p| p.path != path)
            .cloned()
            .collect();
        let blank = draft::text_of(config, field).is_none_or(Text::is_blank);
        if field.required() && blank {
            let at = self
                .loaded
                .problems
                .iter()
                .position(|p| p.path == path)
                .unwrap_or(problems.len());
            let problem = Problem {
                severity: Severity::Error,
                path,
                position: None,
                kind: ProblemKind::EmptyText,
            };
            problems.insert(at.min(problems.len()), problem);
        }
        let clean = !problems.iter().any(Problem::is_error);
        // The draft is what reading its own JSON gives (a property test says so).
        let loaded = Loaded {
            config: clean.then(|| config.clone()),
            problems,
        };
        let advice = if field.required() {
            advice(config)
        } else {
            self.advice.clone()
        };
        DraftCheck::of_parts(loaded, advice, config)
    }

    fn of_parts(loaded: Loaded, advice: Vec<(String, Advice)>, config: &Config) -> DraftCheck {
        let mut by_path: HashMap<String, Vec<Result<usize, usize>>> = HashMap::new();
        for (i, problem) in loaded.problems.iter().enumerate() {
            by_path.entry(problem.path.clone()).or_default().push(Ok(i));
        }
        for (i, (path, _)) in advice.iter().enumerate() {
            by_path.entry(path.clone()).or_default().push(Err(i));
        }
        DraftCheck {
            loaded: Shared::from(loaded),
            advice,
            missing: missing_translations(config),
            by_path,
        }
    }

    /// What concerns the field at `path`: problems (`Ok`) and advice (`Err`).
    pub fn at(&self, path: &str) -> &[Result<usize, usize>] {
        self.by_path.get(path).map_or(&[], Vec::as_slice)
    }

    pub fn errors(&self) -> usize {
        self.loaded.errors().count()
    }
}

/// The draft as it was at one point, for undo.
#[derive(Clone, Debug)]
struct Snapshot {
    draft: Shared<Config>,
    opened: Shared<Config>,
}

/// What the editor tells the person until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditorNotice {
    /// A draft kept in this browser was restored (when it was saved).
    DraftRestored { saved: String },
    /// An edit was not made, and why.
    Refused(Refusal),
    /// A config was opened (a start point, a file or an address).
    Opened { name: String },
    /// A file or address could not be read as a config.
    Unreadable { source: String, why: String },
    /// An import was applied: what it did.
    Imported(Rc<ImportDone>),
}

/// What an applied import did, for its notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportDone {
    pub done: mapping::Applied,
    /// The names of the imported services left out.
    pub left_out: Vec<String>,
}

/// An import between reading its files and applying it: the directory read, the place
/// chosen for each of its services, and the draft as it would be.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportStep {
    pub directory: Rc<Directory>,
    pub proposals: Rc<Vec<Proposal>>,
    pub places: Rc<Vec<Place>>,
    /// Add the tiers and services of the directory's own range the draft lacks.
    pub with_range: bool,
    pub result: Shared<Config>,
    pub done: Rc<mapping::Applied>,
}

impl ImportStep {
    fn new(draft: &Config, directory: Rc<Directory>) -> ImportStep {
        let proposals = propose(draft, &directory);
        let places = proposals.iter().map(|p| p.place.clone()).collect();
        let with_range = !directory.tiers.is_empty() || !directory.services.is_empty();
        let mut step = ImportStep {
            directory,
            proposals: Rc::new(proposals),
            places: Rc::new(places),
            with_range,
            result: Shared::from(draft.clone()),
            done: Rc::default(),
        };
        step.compute(draft);
        step
    }

    fn compute(&mut self, draft: &Config) {
        let (result, done) = mapping::apply(draft, &self.directory, &self.places, self.with_range);
        self.result = Shared::from(result);
        self.done = Rc::new(done);
    }
}

/// The steps of an import.
#[derive(Clone, Debug)]
pub enum ImportAction {
    /// The files were read: propose a place for each service.
    Read(Rc<Directory>),
    Place {
        index: usize,
        place: Place,
    },
    WithRange(bool),
    /// The person confirms: the draft becomes the result (one undoable step).
    Apply,
    Cancel,
}

/// A deletion waiting for confirmation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deletion {
    Tier(usize),
    Service(usize),
    Provider(usize),
}

/// The JSON text of the draft, when the person works on it as text.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonText {
    pub text: String,
    /// The problems of the text as typed (with line and column).
    pub loaded: Shared<Loaded>,
    /// True when the text can be read into the forms.
    pub readable: bool,
}

/// One range editor.
#[derive(Clone, Debug)]
pub struct EditorState {
    pub lang: Lang,
    pub draft: Shared<Config>,
    /// The config as it was opened (the file, the address or the start point), for the
    /// summary of changes.
    pub opened: Shared<Config>,
    pub check: Shared<DraftCheck>,
    /// The last draft without error, which the preview shows.
    pub preview: Shared<Loaded>,
    /// False while the draft has errors the preview cannot show (it shows an older one).
    pub preview_current: bool,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// The field the last edit typed in: the next keystroke there joins its undo step.
    typing: Option<String>,
    /// True while the first name of a new range is being typed (its id follows it).
    naming: bool,
    pub section: Section,
    /// The service, provider or relation whose form is open, by index.
    pub open: Option<usize>,
    /// The JSON text, when shown instead of the forms.
    pub json: Option<JsonText>,
    pub deletion: Option<Deletion>,
    pub notice: Option<EditorNotice>,
    pub storage_failed: bool,
    /// The workshop session saved in this browser for this config (read, never written
    /// here): what a deletion would leave without a place.
    pub session: Option<Shared<Session>>,
    /// A field to focus after the next render (its path), with a counter so that asking
    /// twice for the same field focuses it twice.
    pub focus: Option<(u32, String)>,
    /// What the last edit did that the person may not see (an item added further down),
    /// read out by assistive technologies.
    pub status: Option<Status>,
    /// An import waiting to be applied.
    pub import: Option<ImportStep>,
}

/// A short message after an edit, for the live region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Added {
        name: String,
    },
    Moved {
        name: String,
        position: usize,
        of: usize,
    },
    Deleted {
        name: String,
    },
}

impl EditorState {
    pub fn new(draft: Config, opened: Config, lang: Lang) -> EditorState {
        let check = DraftCheck::of(&draft);
        let preview = preview_of(&draft, &check);
        let preview_current = preview.is_some();
        let preview = preview.unwrap_or_else(|| check.loaded.clone());
        EditorState {
            lang,
            draft: Shared::from(draft),
            opened: Shared::from(opened),
            check: Shared::from(check),
            preview,
            preview_current,
            undo: Vec::new(),
            redo: Vec::new(),
            typing: None,
            naming: false,
            section: Section::default(),
            open: None,
            json: None,
            deletion: None,
            notice: None,
            storage_failed: false,
            session: None,
            focus: None,
            status: None,
            import: None,
        }
    }

    pub fn with_notice(mut self, notice: Option<EditorNotice>) -> EditorState {
        self.notice = notice;
        self
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The identity the draft's saved work is kept under.
    pub fn identity(&self) -> String {
        identity(&self.draft)
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            draft: self.draft.clone(),
            opened: self.opened.clone(),
        }
    }

    /// Makes `draft` the current one, checked; the previous one goes on the undo stack
    /// unless the change continues the typing of the last one.
    fn change(&mut self, draft: Config, typing: Option<String>, text: Option<TextField>) {
        let continues = typing.is_some() && typing == self.typing;
        if !continues {
            self.undo.push(self.snapshot());
            if self.undo.len() > HISTORY {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.typing = typing;
        let check = match text {
            Some(field) => self.check.after_text(&draft, field),
            None => DraftCheck::of(&draft),
        };
        self.set_checked(Shared::from(draft), check);
    }

    fn set_draft(&mut self, draft: Shared<Config>) {
        let check = DraftCheck::of(&draft);
        self.set_checked(draft, check);
    }

    fn set_checked(&mut self, draft: Shared<Config>, check: DraftCheck) {
        if let Some(preview) = preview_of(&draft, &check) {
            self.preview = preview;
            self.preview_current = true;
        } else {
            self.preview_current = false;
        }
        self.check = Shared::from(check);
        self.draft = draft;
    }

    fn restore(&mut self, snapshot: Snapshot) {
        self.opened = snapshot.opened;
        self.set_draft(snapshot.draft);
        self.typing = None;
        self.deletion = None;
        // The open item may be gone or elsewhere: show the list.
        let len = match self.section {
            Section::Range => self.draft.services.len(),
            Section::Providers => self.draft.providers.len(),
            Section::Continuum => draft::relations(&self.draft).len(),
            Section::Territory | Section::Directory => 0,
        };
        self.open = self.open.filter(|i| *i < len);
    }

    fn request_focus(&mut self, path: String) {
        let next = self.focus.as_ref().map_or(1, |(n, _)| n + 1);
        self.focus = Some((next, path));
    }

    /// A new range gets its id from its territory's first name: while that first name is
    /// being typed (one keystroke after the other in the field), the id follows it; once
    /// the typing moves elsewhere, it never changes again.
    fn name_new_range(&mut self, edit: &Edit, draft: &mut Config) {
        let naming = matches!(
            edit,
            Edit::Text {
                field: TextField::TerritoryName,
                ..
            }
        );
        let continues = naming && edit.merge_key().is_some() && edit.merge_key() == self.typing;
        let created = naming
            && self.draft.id.is_none()
            && draft.id.is_some()
            && self.draft.territory.name.is_blank();
        if continues && self.naming && !draft.territory.name.is_blank() {
            draft.id = Some(draft::slug(draft.territory.name.get(Lang::Fr)));
        }
        self.naming = created || (continues && self.naming);
    }

    /// Keeps the person where they were after an edit: a moved item keeps the focus, a
    /// new offer or relation is focused, an added tier, service or organisation is said
    /// (the focus stays in the field that adds the next one).
    fn after(&mut self, edit: &Edit, applied: Applied, draft: &Config) {
        self.status = None;
        let Some(index) = applied.index else {
            if let Some(name) = deleted_name(&self.draft, edit, self.lang) {
                self.status = Some(Status::Deleted { name });
                self.open = None;
            }
            return;
        };
        let name = |label: &Text| label.get(self.lang).to_string();
        match edit {
            Edit::AddTier { .. } => {
                self.status = Some(Status::Added {
                    name: name(&draft.tiers[index].label),
                });
            }
            Edit::AddService { .. } => {
                self.status = Some(Status::Added {
                    name: name(&draft.services[index].label),
                });
            }
            Edit::AddProvider { .. } => {
                self.status = Some(Status::Added {
                    name: name(&draft.providers[index].name),
                });
            }
            Edit::MoveTier { up, .. } => {
                self.status = Some(Status::Moved {
                    name: name(&draft.tiers[index].label),
                    position: index + 1,
                    of: draft.tiers.len(),
                });
                let button = if *up { "up" } else { "down" };
                self.request_focus(format!("$.tiers[{index}].{button}"));
            }
            Edit::MoveService { index: from, .. } => {
                let service = &draft.services[index];
                let siblings: Vec<usize> = (0..draft.services.len())
                    .filter(|i| draft.services[*i].tier == service.tier)
                    .collect();
                self.status = Some(Status::Moved {
                    name: name(&service.label),
                    position: siblings.iter().position(|i| *i == index).unwrap_or(0) + 1,
                    of: siblings.len(),
                });
                // The open form follows its service.
                if self.open == Some(*from) {
                    self.open = Some(index);
                }
                self.request_focus(format!("$.services[{index}]"));
            }
            Edit::ServiceTier { .. } => {
                self.open = Some(index);
                self.request_focus(format!("$.services[{index}].tier"));
            }
            Edit::AddOffer { .. } => {
                let field = if self.section == Section::Providers {
                    "service"
                } else {
                    "provider"
                };
                self.request_focus(format!("$.offers[{index}].{field}"));
            }
            Edit::AddRelation { .. } => {
                self.open = Some(index);
                self.request_focus(format!("$.continuum.relations[{index}].level"));
            }
            _ => {}
        }
    }

    /// Opens the part of the editor where the field at `path` is, and asks for its focus.
    fn go_to(&mut self, path: &str) {
        let index = |prefix: &str| draft::item_index(path, prefix);
        if let Some(i) = index("$.services[") {
            self.section = Section::Range;
            self.open = Some(i);
        } else if path.starts_with("$.tiers") {
            self.section = Section::Range;
        } else if let Some(i) = index("$.providers[") {
            self.section = Section::Providers;
            self.open = Some(i);
        } else if let Some(i) = index("$.offers[") {
            // An offer is edited from its service's form (or its provider's).
            let offer = self.draft.offers.get(i);
            let service =
                offer.and_then(|o| self.draft.services.iter().position(|s| s.id == o.service));
            let provider =
                offer.and_then(|o| self.draft.providers.iter().position(|p| p.id == o.provider));
            match (service, provider) {
                (Some(s), _) => {
                    self.section = Section::Range;
                    self.open = Some(s);
                }
                (None, Some(p)) => {
                    self.section = Section::Providers;
                    self.open = Some(p);
                }
                _ => self.section = Section::Range,
            }
        } else if let Some(i) = index("$.continuum.relations[") {
            self.section = Section::Continuum;
            self.open = Some(i);
        } else if path.starts_with("$.continuum") {
            self.section = Section::Continuum;
        } else {
            self.section = Section::Territory;
        }
        self.json = None;
        self.request_focus(path.to_string());
    }
}

/// The name of what a deletion takes away (read before the edit).
fn deleted_name(before: &Config, edit: &Edit, lang: Lang) -> Option<String> {
    let name = |t: &Text| t.get(lang).to_string();
    match edit {
        Edit::DeleteTier { index, .. } => before.tiers.get(*index).map(|t| name(&t.label)),
        Edit::DeleteService { index } => before.services.get(*index).map(|s| name(&s.label)),
        Edit::DeleteProvider { index } => before.providers.get(*index).map(|p| name(&p.name)),
        Edit::DeleteRelation { index } => draft::relations(before)
            .get(*index)
            .map(|r| r.providers.join(" – ")),
        _ => None,
    }
}

/// What the preview shows of a draft: the draft itself when it has no error, or when only
/// blank names stand in the way (marked "(sans nom)"); none otherwise.
fn preview_of(draft: &Config, check: &DraftCheck) -> Option<Shared<Loaded>> {
    if check.loaded.config.is_some() {
        return Some(check.loaded.clone());
    }
    let marked = draft::check(&draft::with_blank_names_marked(draft));
    marked.config.is_some().then(|| Shared::from(marked))
}

/// Where a config to open comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Opening {
    pub config: Config,
    /// What to call it in the notice (a start point, a file name, an address).
    pub name: String,
}

/// Every change an editor can go through.
#[derive(Clone, Debug)]
pub enum EditorAction {
    SetLang(Lang),
    Edit(Edit),
    Undo,
    Redo,
    /// Shows a part of the editor (and closes the open form).
    Show(Section),
    /// Opens (or, with none, closes) the form of a service, provider or relation.
    Open(Option<usize>),
    /// Goes to the field at a JSON path (from a problem or a missing translation).
    GoTo(String),
    /// Starts from another config (one undoable step).
    Start(Rc<Opening>),
    /// Opens a config given as text (a file, an address, the host page): into the forms
    /// when its shape can be read (one undoable step), else as JSON text with its problems
    /// and a notice. `name` says where it came from (none: the host page).
    OpenText {
        name: Option<String>,
        text: String,
    },
    /// Shows the JSON text (true) or the forms (false, refused while the text cannot be
    /// read).
    ShowJson(bool),
    /// The JSON text as typed.
    SetJson(String),
    AskDelete(Deletion),
    CancelDelete,
    Notice(Option<EditorNotice>),
    StorageFailed(bool),
    /// The session saved beside the draft (none: there is none).
    SetSession(Option<Shared<Session>>),
    Import(ImportAction),
}

/// Reads a config written as JSON text for the editor: the reader's problems (with line
/// and column), and the config even when it has errors the forms can show and mend
/// (blank labels, unknown references, duplicate ids…); none when its shape is wrong.
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub fn read_text(text: &str) -> (Loaded, Option<Config>) {
    let loaded = crate::core::validate::load_text(text);
    let config = loaded
        .config
        .clone()
        .or_else(|| serde_json::from_str::<Config>(text).ok())
        .filter(|c| c.version == crate::core::model::CONFIG_VERSION);
    (loaded, config)
}

impl Reducible for EditorState {
    type Action = EditorAction;

    fn reduce(self: Rc<Self>, action: EditorAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            EditorAction::SetLang(lang) => {
                if lang == self.lang {
                    return self;
                }
                next.lang = lang;
            }
            EditorAction::Edit(edit) => {
                let mut draft = (*self.draft).clone();
                match apply(&mut draft, &edit) {
                    Ok(applied) => {
                        next.after(&edit, applied, &draft);
                        next.name_new_range(&edit, &mut draft);
                        next.deletion = None;
                        if matches!(next.notice, Some(EditorNotice::Refused(_))) {
                            next.notice = None;
                        }
                        let text = match &edit {
                            Edit::Text { field, .. } => Some(*field),
                            _ => None,
                        };
                        next.change(draft, edit.merge_key(), text);
                    }
                    Err(Refusal::Unchanged) => return self,
                    Err(refusal) => next.notice = Some(EditorNotice::Refused(refusal)),
                }
            }
            EditorAction::Undo => {
                let Some(previous) = next.undo.pop() else {
                    return self;
                };
                let current = next.snapshot();
                next.redo.push(current);
                next.restore(previous);
                next.json = None;
            }
            EditorAction::Redo => {
                let Some(following) = next.redo.pop() else {
                    return self;
                };
                let current = next.snapshot();
                next.undo.push(current);
                next.restore(following);
                next.json = None;
            }
            EditorAction::Import(action) => match action {
                ImportAction::Read(directory) => {
                    next.import = Some(ImportStep::new(&self.draft, directory));
                    next.section = Section::Directory;
                    next.json = None;
                }
                ImportAction::Place { index, place } => {
                    let Some(step) = next.import.as_mut() else {
                        return self;
                    };
                    if index >= step.places.len() || step.places[index] == place {
                        return self;
                    }
                    Rc::make_mut(&mut step.places)[index] = place;
                    step.compute(&self.draft);
                }
                ImportAction::WithRange(on) => {
                    let Some(step) = next.import.as_mut() else {
                        return self;
                    };
                    step.with_range = on;
                    step.compute(&self.draft);
                }
                ImportAction::Apply => {
                    let Some(mut step) = next.import.take() else {
                        return self;
                    };
                    // Against the draft as it is now (edited since the files were read?).
                    step.compute(&self.draft);
                    let left_out = step
                        .done
                        .left_out
                        .iter()
                        .filter_map(|i| step.directory.listings.get(*i))
                        .map(|l| l.name.get(self.lang).to_string())
                        .collect();
                    next.change((*step.result).clone(), None, None);
                    next.notice = Some(EditorNotice::Imported(Rc::new(ImportDone {
                        done: (*step.done).clone(),
                        left_out,
                    })));
                }
                ImportAction::Cancel => {
                    if next.import.take().is_none() {
                        return self;
                    }
                }
            },
            EditorAction::Show(section) => {
                if section == self.section && self.open.is_none() && self.json.is_none() {
                    return self;
                }
                next.section = section;
                next.open = None;
                next.json = None;
            }
            EditorAction::Open(open) => {
                if open == self.open {
                    return self;
                }
                next.open = open;
                next.typing = None;
            }
            EditorAction::GoTo(path) => next.go_to(&path),
            EditorAction::Start(opening) => {
                let config = opening.config.clone();
                next.undo.push(self.snapshot());
                next.redo.clear();
                next.typing = None;
                next.opened = Shared::from(config.clone());
                next.set_draft(Shared::from(config));
                next.open = None;
                next.json = None;
                next.deletion = None;
                next.notice = Some(EditorNotice::Opened {
                    name: opening.name.clone(),
                });
            }
            EditorAction::OpenText { name, text } => {
                let (loaded, config) = read_text(&text);
                match config {
                    Some(config) => {
                        // The host page's config is named by its identity.
                        let name = name.unwrap_or_else(|| identity(&config));
                        let opening = Rc::new(Opening { config, name });
                        return self.reduce(EditorAction::Start(opening));
                    }
                    None => {
                        let name = name.unwrap_or_else(|| {
                            crate::core::editor_text::editor_text(self.lang)
                                .given_config
                                .into()
                        });
                        next.json = Some(JsonText {
                            text,
                            loaded: Shared::from(loaded),
                            readable: false,
                        });
                        next.notice = Some(EditorNotice::Unreadable {
                            source: name,
                            why: String::new(),
                        });
                    }
                }
            }
            EditorAction::ShowJson(true) => {
                if self.json.is_some() {
                    return self;
                }
                let text = draft::to_json(&self.draft);
                let loaded = Shared::from(crate::core::validate::load_text(&text));
                next.json = Some(JsonText {
                    text,
                    loaded,
                    readable: true,
                });
            }
            EditorAction::ShowJson(false) => match &self.json {
                Some(json) if json.readable => next.json = None,
                _ => return self,
            },
            EditorAction::SetJson(text) => {
                let (loaded, config) = read_text(&text);
                next.json = Some(JsonText {
                    text,
                    loaded: Shared::from(loaded),
                    readable: config.is_some(),
                });
                if let Some(config) = config.filter(|c| *c != *self.draft) {
                    next.change(config, Some("json".into()), None);
                }
            }
            EditorAction::AskDelete(deletion) => next.deletion = Some(deletion),
            EditorAction::CancelDelete => {
                if self.deletion.is_none() {
                    return self;
                }
                next.deletion = None;
            }
            EditorAction::Notice(notice) => {
                if notice == self.notice {
                    return self;
                }
                next.notice = notice;
            }
            EditorAction::StorageFailed(failed) => {
                if failed == self.storage_failed {
                    return self;
                }
                next.storage_failed = failed;
            }
            EditorAction::SetSession(session) => next.session = session,
        }
        Rc::new(next)
    }
}

// The words of the editor's state, in the interface language (the catalogue is in
// `core::editor_text`; these name states of this module).

pub fn section_label(lang: Lang, section: Section) -> &'static str {
    let t = crate::core::editor_text::editor_text(lang);
    match section {
        Section::Territory => t.section_territory,
        Section::Range => t.section_range,
        Section::Providers => t.section_providers,
        Section::Continuum => t.section_continuum,
        Section::Directory => crate::core::directory_text::directory_text(lang).section,
    }
}

pub fn notice_text(lang: Lang, notice: &EditorNotice) -> String {
    match (notice, lang) {
        (EditorNotice::DraftRestored { saved }, Lang::Fr) => format!(
            "Brouillon retrouvé : ce navigateur l'avait gardé ({saved}). Rien n'a été perdu."
        ),
        (EditorNotice::DraftRestored { saved }, Lang::En) => {
            format!("Draft restored: this browser had kept it ({saved}). Nothing was lost.")
        }
        (EditorNotice::Refused(refusal), _) => {
            crate::core::editor_text::refusal_text(lang, refusal)
        }
        (EditorNotice::Opened { name }, Lang::Fr) => {
            format!("Ouvert : {name}. « Annuler » revient à la gamme d'avant.")
        }
        (EditorNotice::Opened { name }, Lang::En) => {
            format!("Opened: {name}. “Undo” goes back to the range before.")
        }
        (EditorNotice::Unreadable { source, why }, Lang::Fr) => {
            let why = if why.is_empty() {
                "ce n'est pas une configuration lisible : voyez ses problèmes ci-dessous"
                    .to_string()
            } else {
                why.clone()
            };
            format!("« {source} » n'a pas pu être ouvert ({why}). Le brouillon n'a pas changé.")
        }
        (EditorNotice::Imported(imported), lang) => imported_text(lang, imported),
        (EditorNotice::Unreadable { source, why }, Lang::En) => {
            let why = if why.is_empty() {
                "it is not a readable configuration: see its problems below".to_string()
            } else {
                why.clone()
            };
            format!("“{source}” could not be opened ({why}). The draft has not changed.")
        }
    }
}

pub fn status_text(lang: Lang, status: &Status) -> String {
    match (status, lang) {
        (Status::Added { name }, Lang::Fr) => format!("« {name} » ajouté."),
        (Status::Added { name }, Lang::En) => format!("“{name}” added."),
        (Status::Moved { name, position, of }, Lang::Fr) => {
            format!("« {name} » déplacé : {position} sur {of}.")
        }
        (Status::Moved { name, position, of }, Lang::En) => {
            format!("“{name}” moved: {position} of {of}.")
        }
        (Status::Deleted { name }, Lang::Fr) => format!("« {name} » supprimé."),
        (Status::Deleted { name }, Lang::En) => format!("“{name}” deleted."),
    }
}

/// What an applied import did, in words.
fn imported_text(lang: Lang, imported: &ImportDone) -> String {
    let d = &imported.done;
    let mut text = match lang {
        Lang::Fr => format!(
            "Import appliqué : {} organisation(s) ajoutée(s) et {} mise(s) à jour, {} palier(s) et {} service(s) ajoutés à la gamme, {} offre(s) ajoutée(s) et {} mise(s) à jour. « Annuler » le défait.",
            d.providers_added, d.providers_updated, d.tiers_added, d.services_added, d.offers_added, d.offers_updated
        ),
        Lang::En => format!(
            "Import applied: {} organisation(s) added and {} updated, {} tier(s) and {} service(s) added to the range, {} offer(s) added and {} updated. “Undo” takes it back.",
            d.providers_added, d.providers_updated, d.tiers_added, d.services_added, d.offers_added, d.offers_updated
        ),
    };
    text.push_str(&crate::core::directory_text::merged_text(
        lang,
        d.offers_merged,
    ));
    if !imported.left_out.is_empty() {
        let names = crate::core::text::join(&imported.left_out, ", ");
        text.push_str(&match lang {
            Lang::Fr => format!(" Laissés de côté ({}) : {names}.", imported.left_out.len()),
            Lang::En => format!(" Left out ({}): {names}.", imported.left_out.len()),
        });
    }
    if !d.no_longer_listed.is_empty() {
        text.push_str(&match lang {
            Lang::Fr => format!(" {} offre(s) importée(s) auparavant ne sont plus dans ce répertoire : gardées, à revoir dans « Organisations ».", d.no_longer_listed.len()),
            Lang::En => format!(" {} offer(s) imported before are no longer in this directory: kept, to review under “Organisations”.", d.no_longer_listed.len()),
        });
    }
    text
}
