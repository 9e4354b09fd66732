//! The range editor's model: a config being written in the browser (a draft), the edits
//! that change it, the ids they generate, what depends on what before a deletion, and
//! what changed since the file was opened. Pure: the editor's reducer and views are thin
//! over it, and everything here is tested natively.
//!
//! Every form field is named by the JSON path of the value it edits (`$.services[3].label`):
//! the validator's problems carry the same paths, so a problem leads to its field.

use super::gaps::GapTarget;
use super::model::{
    AccessRoute, Availability, BuiltInScale, Config, Continuum, Mechanism, Offer, Provider,
    ProviderKind, Relation, Service, Territory, TerritoryKind, Tier, CONFIG_VERSION,
};
use super::problems::JsonPath;
use super::search::fold;
use super::session::{identity, Session};
use super::text::{Lang, Text};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Longest id generated from a label, in characters.
const ID_LENGTH: usize = 48;
/// A label longer than this is hard to read on a card: the editor says so.
pub const LONG_LABEL: usize = 160;

/// A text field of the config, by what it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    TerritoryName,
    TerritoryDescription,
    PopulationServed,
    TierLabel(usize),
    TierDescription(usize),
    ServiceLabel(usize),
    ServiceDescription(usize),
    /// The service's examples, one per line.
    ServiceExamples(usize),
    ProviderName(usize),
    ProviderAddress(usize),
    OfferEligibility(usize),
    OfferHowToApply(usize),
    OfferHours(usize),
    RelationNote(usize),
}

impl TextField {
    /// The JSON path of the text.
    pub fn path(self) -> JsonPath {
        let root = JsonPath::root();
        match self {
            TextField::TerritoryName => root.key("territory").key("name"),
            TextField::TerritoryDescription => root.key("territory").key("description"),
            TextField::PopulationServed => root.key("territory").key("population_served"),
            TextField::TierLabel(i) => root.key("tiers").index(i).key("label"),
            TextField::TierDescription(i) => root.key("tiers").index(i).key("description"),
            TextField::ServiceLabel(i) => root.key("services").index(i).key("label"),
            TextField::ServiceDescription(i) => root.key("services").index(i).key("description"),
            TextField::ServiceExamples(i) => root.key("services").index(i).key("examples"),
            TextField::ProviderName(i) => root.key("providers").index(i).key("name"),
            TextField::ProviderAddress(i) => {
                root.key("providers").index(i).key("contact").key("address")
            }
            TextField::OfferEligibility(i) => root.key("offers").index(i).key("eligibility"),
            TextField::OfferHowToApply(i) => root.key("offers").index(i).key("how_to_apply"),
            TextField::OfferHours(i) => root.key("offers").index(i).key("hours"),
            TextField::RelationNote(i) => relation_path(i).key("note"),
        }
    }

    /// True for a label or name: it must not be left blank.
    pub fn required(self) -> bool {
        matches!(
            self,
            TextField::TerritoryName
                | TextField::TierLabel(_)
                | TextField::ServiceLabel(_)
                | TextField::ProviderName(_)
        )
    }

    /// Where the field comes in the editor's order: by part of the config, item, field.
    fn order(self) -> (u8, usize, u8) {
        match self {
            TextField::TerritoryName => (0, 0, 0),
            TextField::TerritoryDescription => (0, 0, 1),
            TextField::PopulationServed => (0, 0, 2),
            TextField::TierLabel(i) => (1, i, 0),
            TextField::TierDescription(i) => (1, i, 1),
            TextField::ServiceLabel(i) => (2, i, 0),
            TextField::ServiceDescription(i) => (2, i, 1),
            TextField::ServiceExamples(i) => (2, i, 2),
            TextField::ProviderName(i) => (3, i, 0),
            TextField::ProviderAddress(i) => (3, i, 1),
            TextField::OfferEligibility(i) => (4, i, 0),
            TextField::OfferHowToApply(i) => (4, i, 1),
            TextField::OfferHours(i) => (4, i, 2),
            TextField::RelationNote(i) => (5, i, 0),
        }
    }
}

/// The index of the item of a list a JSON path leads into: `$.services[3].label` with
/// the prefix `$.services[` is 3.
pub fn item_index(path: &str, list_prefix: &str) -> Option<usize> {
    let rest = path.strip_prefix(list_prefix)?;
    rest[..rest.find(']')?].parse().ok()
}

/// The JSON path of relation `i` of the continuum.
pub fn relation_path(i: usize) -> JsonPath {
    JsonPath::root().key("continuum").key("relations").index(i)
}

/// A contact field of a provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactField {
    Phone,
    Email,
    Web,
}

impl ContactField {
    pub fn key(self) -> &'static str {
        match self {
            ContactField::Phone => "phone",
            ContactField::Email => "email",
            ContactField::Web => "web",
        }
    }
}

/// One change of the draft. Every form control sends one; undo steps back over them.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Text {
        field: TextField,
        lang: Lang,
        value: String,
    },
    TerritoryKind(TerritoryKind),
    Population(Option<u64>),
    Example(bool),
    /// The config's own id (advanced): keeps its saved work apart.
    ConfigId(String),
    AddTier {
        label: String,
    },
    MoveTier {
        index: usize,
        up: bool,
    },
    /// Deletes a tier; its services move to `services_to` (required when it has some).
    DeleteTier {
        index: usize,
        services_to: Option<String>,
    },
    TierId {
        index: usize,
        id: String,
    },
    AddService {
        tier: String,
        label: String,
    },
    /// Moves a service to the end of another tier.
    ServiceTier {
        index: usize,
        tier: String,
    },
    /// Moves a service before the previous (or after the next) service of its tier.
    MoveService {
        index: usize,
        up: bool,
    },
    DeleteService {
        index: usize,
    },
    ServiceId {
        index: usize,
        id: String,
    },
    AddProvider {
        label: String,
    },
    ProviderKind {
        index: usize,
        kind: ProviderKind,
    },
    Contact {
        index: usize,
        field: ContactField,
        value: String,
    },
    /// Language codes, separated by commas or spaces.
    Languages {
        index: usize,
        value: String,
    },
    DeleteProvider {
        index: usize,
    },
    ProviderId {
        index: usize,
        id: String,
    },
    AddOffer {
        provider: String,
        service: String,
    },
    OfferProvider {
        index: usize,
        provider: String,
    },
    OfferService {
        index: usize,
        service: String,
    },
    Availability {
        index: usize,
        value: Availability,
    },
    Access {
        index: usize,
        value: AccessRoute,
    },
    DeleteOffer {
        index: usize,
    },
    Scale(BuiltInScale),
    AddRelation {
        providers: [String; 2],
    },
    RelationProvider {
        index: usize,
        side: usize,
        provider: String,
    },
    RelationLevel {
        index: usize,
        level: String,
    },
    RelationTarget {
        index: usize,
        target: Option<String>,
    },
    RelationMechanism {
        index: usize,
        mechanism: Mechanism,
        on: bool,
    },
    RelationService {
        index: usize,
        service: String,
        on: bool,
    },
    DeleteRelation {
        index: usize,
    },
}

/// Why an edit was not made (the draft is unchanged).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// An id must not be blank.
    EmptyId,
    /// Another item of the list already has this id.
    IdTaken { id: String },
    /// A new item needs a name.
    EmptyLabel,
    /// A tier with services needs a tier to send them to.
    TierHasServices { services: usize },
    /// The item is not (or no longer) there.
    Gone,
    /// Nothing to change.
    Unchanged,
}

/// What an edit made: the index of the item it created or moved, to keep it open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    pub index: Option<usize>,
}

impl Edit {
    /// Edits of one field that follow each other (typing) make one undo step: the key of
    /// that field, none for the others.
    pub fn merge_key(&self) -> Option<String> {
        match self {
            Edit::Text { field, lang, .. } => Some(format!("{}#{}", field.path(), lang.code())),
            Edit::Population(_) => Some("population".into()),
            Edit::Contact { index, field, .. } => Some(format!("contact{index}{}", field.key())),
            Edit::Languages { index, .. } => Some(format!("languages{index}")),
            _ => None,
        }
    }
}

/// Removes control characters (tabs and line breaks excepted) that nobody types on
/// purpose and that would travel invisibly into every export.
pub fn clean(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

/// What a text field shows in one language: French shows a plain text (written once for
/// every language), English shows only a real English version.
pub fn side(text: Option<&Text>, lang: Lang) -> &str {
    let Some(text) = text else { return "" };
    match lang {
        Lang::Fr => text.fr.as_deref().or(text.plain.as_deref()).unwrap_or(""),
        Lang::En => text.en.as_deref().unwrap_or(""),
    }
}

/// The text with one language set to `value` (blank: that language removed). A plain
/// text stays plain while only its French is edited; it becomes bilingual when an English
/// version is written. A text written in the editor starts as French only, so that its
/// missing translation is counted. `None`: no language left.
pub fn with_side(text: Option<&Text>, lang: Lang, value: &str) -> Option<Text> {
    let value = Some(value.to_string()).filter(|v| !v.trim().is_empty());
    let mut text = text.cloned().unwrap_or_default();
    if let Some(plain) = text.plain.take() {
        match lang {
            Lang::Fr => {
                return value.map(Text::plain);
            }
            Lang::En => {
                text.fr = Some(plain);
            }
        }
    }
    match lang {
        Lang::Fr => text.fr = value,
        Lang::En => text.en = value,
    }
    (text.fr.is_some() || text.en.is_some()).then_some(text)
}

/// True when a text has one language and not the other (a plain text is written for
/// every language on purpose: it misses nothing).
pub fn misses_translation(text: &Text) -> Option<Lang> {
    if text.plain.is_some() {
        return None;
    }
    let has = |s: &Option<String>| s.as_deref().is_some_and(|s| !s.trim().is_empty());
    match (has(&text.fr), has(&text.en)) {
        (true, false) => Some(Lang::En),
        (false, true) => Some(Lang::Fr),
        _ => None,
    }
}

/// Every text of the config with its field, in the order the editor shows them.
pub fn texts(config: &Config) -> Vec<(TextField, &Text)> {
    let mut all = Vec::new();
    let territory = &config.territory;
    all.push((TextField::TerritoryName, &territory.name));
    let optional = [
        (TextField::TerritoryDescription, &territory.description),
        (TextField::PopulationServed, &territory.population_served),
    ];
    all.extend(
        optional
            .into_iter()
            .filter_map(|(f, t)| Some((f, t.as_ref()?))),
    );
    for (i, tier) in config.tiers.iter().enumerate() {
        all.push((TextField::TierLabel(i), &tier.label));
        if let Some(d) = &tier.description {
            all.push((TextField::TierDescription(i), d));
        }
    }
    for (i, service) in config.services.iter().enumerate() {
        all.push((TextField::ServiceLabel(i), &service.label));
        if let Some(d) = &service.description {
            all.push((TextField::ServiceDescription(i), d));
        }
        for example in &service.examples {
            all.push((TextField::ServiceExamples(i), example));
        }
    }
    for (i, provider) in config.providers.iter().enumerate() {
        all.push((TextField::ProviderName(i), &provider.name));
        if let Some(a) = &provider.contact.address {
            all.push((TextField::ProviderAddress(i), a));
        }
    }
    for (i, offer) in config.offers.iter().enumerate() {
        if let Some(e) = &offer.eligibility {
            all.push((TextField::OfferEligibility(i), e));
        }
        if let Some(h) = &offer.how_to_apply {
            all.push((TextField::OfferHowToApply(i), h));
        }
        if let Some(h) = &offer.hours {
            all.push((TextField::OfferHours(i), h));
        }
    }
    for (i, relation) in relations(config).iter().enumerate() {
        if let Some(n) = &relation.note {
            all.push((TextField::RelationNote(i), n));
        }
    }
    all
}

/// The texts that have one language and not the other: the field and the missing one,
/// in the editor's order (a service's examples count once).
pub fn missing_translations(config: &Config) -> Vec<(TextField, Lang)> {
    let mut missing: Vec<(TextField, Lang)> = Vec::new();
    for (field, text) in texts(config) {
        if let Some(lang) = misses_translation(text) {
            if missing.last() != Some(&(field, lang)) {
                missing.push((field, lang));
            }
        }
    }
    missing
}

/// The missing translation after `after` in the editor's order, going round to the first.
pub fn next_missing(
    missing: &[(TextField, Lang)],
    after: Option<(TextField, Lang)>,
) -> Option<(TextField, Lang)> {
    let key = |(field, lang): (TextField, Lang)| (field.order(), lang == Lang::En);
    after
        .and_then(|after| missing.iter().find(|m| key(**m) > key(after)))
        .or(missing.first())
        .copied()
}

/// The path that leads to one language of a text field (`$.services[3].label.en`): the
/// French field is the text's own path.
pub fn side_path(field: TextField, lang: Lang) -> String {
    match lang {
        Lang::Fr => field.path().to_string(),
        Lang::En => format!("{}.en", field.path()),
    }
}

/// An id made from a label: accents folded, lower case, words joined by hyphens.
pub fn slug(label: &str) -> String {
    let mut id = String::new();
    for c in fold(label).chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
        if id.len() >= ID_LENGTH {
            break;
        }
    }
    let id = id.trim_end_matches('-');
    if id.is_empty() {
        "element".into()
    } else {
        id.into()
    }
}

/// A new id from a label, unique among `taken` (`logement`, then `logement-2`…).
pub fn new_id<'a>(label: &str, taken: impl IntoIterator<Item = &'a str>) -> String {
    let taken: HashSet<&str> = taken.into_iter().collect();
    free_id(label, |id| taken.contains(id))
}

/// A new id from a label that `taken` says is free (`logement`, then `logement-2`…).
pub fn free_id(label: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = slug(label);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .expect("an unused suffix")
}

/// The relations of the config's continuum (none without one).
pub fn relations(config: &Config) -> &[Relation] {
    config.continuum.as_deref().map_or(&[], |c| &c.relations)
}

/// The continuum, to change (created, on the five-step scale, when the config has none).
fn continuum_mut(config: &mut Config) -> &mut Continuum {
    let continuum = config.continuum.get_or_insert_with(|| {
        Rc::new(Continuum {
            scale: BuiltInScale::default(),
            levels: Vec::new(),
            relations: Vec::new(),
        })
    });
    Rc::make_mut(continuum)
}

fn relation_mut(config: &mut Config, index: usize) -> Result<&mut Relation, Refusal> {
    if index >= relations(config).len() {
        return Err(Refusal::Gone);
    }
    Ok(&mut continuum_mut(config).relations[index])
}

/// The slot of a text field (optional texts are `None` when absent).
enum Slot<'c> {
    Required(&'c mut Text),
    Optional(&'c mut Option<Text>),
    Examples(&'c mut Vec<Text>),
}

fn slot(config: &mut Config, field: TextField) -> Option<Slot<'_>> {
    Some(match field {
        TextField::TerritoryName => Slot::Required(&mut config.territory.name),
        TextField::TerritoryDescription => Slot::Optional(&mut config.territory.description),
        TextField::PopulationServed => Slot::Optional(&mut config.territory.population_served),
        TextField::TierLabel(i) => Slot::Required(&mut config.tiers.get_mut(i)?.label),
        TextField::TierDescription(i) => Slot::Optional(&mut config.tiers.get_mut(i)?.description),
        TextField::ServiceLabel(i) => Slot::Required(&mut config.services.get_mut(i)?.label),
        TextField::ServiceDescription(i) => {
            Slot::Optional(&mut config.services.get_mut(i)?.description)
        }
        TextField::ServiceExamples(i) => Slot::Examples(&mut config.services.get_mut(i)?.examples),
        TextField::ProviderName(i) => Slot::Required(&mut config.providers.get_mut(i)?.name),
        TextField::ProviderAddress(i) => {
            Slot::Optional(&mut config.providers.get_mut(i)?.contact.address)
        }
        TextField::OfferEligibility(i) => {
            Slot::Optional(&mut config.offers.get_mut(i)?.eligibility)
        }
        TextField::OfferHowToApply(i) => {
            Slot::Optional(&mut config.offers.get_mut(i)?.how_to_apply)
        }
        TextField::OfferHours(i) => Slot::Optional(&mut config.offers.get_mut(i)?.hours),
        TextField::RelationNote(i) => Slot::Optional(&mut relation_mut(config, i).ok()?.note),
    })
}

/// The text a field shows in one language (examples: one per line).
pub fn field_text(config: &Config, field: TextField, lang: Lang) -> String {
    let at = |i: usize| config.services.get(i);
    match field {
        TextField::ServiceExamples(i) => at(i)
            .map(|s| {
                let lines: Vec<&str> = s.examples.iter().map(|e| side(Some(e), lang)).collect();
                lines.join("\n")
            })
            .unwrap_or_default(),
        _ => side(text_of(config, field), lang).to_string(),
    }
}

/// The text of a field, if it has one.
pub fn text_of(config: &Config, field: TextField) -> Option<&Text> {
    let territory = &config.territory;
    match field {
        TextField::TerritoryName => Some(&territory.name),
        TextField::TerritoryDescription => territory.description.as_ref(),
        TextField::PopulationServed => territory.population_served.as_ref(),
        TextField::TierLabel(i) => config.tiers.get(i).map(|t| &t.label),
        TextField::TierDescription(i) => config.tiers.get(i)?.description.as_ref(),
        TextField::ServiceLabel(i) => config.services.get(i).map(|s| &s.label),
        TextField::ServiceDescription(i) => config.services.get(i)?.description.as_ref(),
        TextField::ServiceExamples(i) => config.services.get(i)?.examples.first(),
        TextField::ProviderName(i) => config.providers.get(i).map(|p| &p.name),
        TextField::ProviderAddress(i) => config.providers.get(i)?.contact.address.as_ref(),
        TextField::OfferEligibility(i) => config.offers.get(i)?.eligibility.as_ref(),
        TextField::OfferHowToApply(i) => config.offers.get(i)?.how_to_apply.as_ref(),
        TextField::OfferHours(i) => config.offers.get(i)?.hours.as_ref(),
        TextField::RelationNote(i) => relations(config).get(i)?.note.as_ref(),
    }
}

/// Sets one language of the examples from its lines: example `n` takes line `n` of each
/// language; an example left with no language is dropped.
fn set_examples(examples: &mut Vec<Text>, lang: Lang, value: &str) {
    let lines: Vec<&str> = value.lines().collect();
    let count = examples.len().max(lines.len());
    let mut next = Vec::with_capacity(count);
    for n in 0..count {
        let line = lines.get(n).copied().unwrap_or("");
        if let Some(text) = with_side(examples.get(n), lang, line) {
            next.push(text);
        }
    }
    *examples = next;
}

fn set_text(config: &mut Config, field: TextField, lang: Lang, value: &str) -> Result<(), Refusal> {
    let value = clean(value);
    let renames_territory = field == TextField::TerritoryName && config.id.is_none();
    let before = renames_territory.then(|| (identity(config), config.territory.name.is_blank()));
    match slot(config, field).ok_or(Refusal::Gone)? {
        Slot::Required(text) => {
            *text = with_side(Some(text), lang, &value).unwrap_or_else(|| Text::plain(""));
        }
        Slot::Optional(text) => *text = with_side(text.as_ref(), lang, &value),
        Slot::Examples(examples) => set_examples(examples, lang, &value),
    }
    // A config without an id is known by its territory's name: renaming the territory
    // would detach its saved sessions. It keeps the identity it had (a new range gets an
    // id from the first name written).
    if let Some((identity, blank)) = before {
        if !config.territory.name.is_blank() {
            config.id = Some(if blank {
                slug(config.territory.name.get(Lang::Fr))
            } else {
                identity
            });
        }
    }
    Ok(())
}

/// An id given by hand for an item whose id is `current`, checked: not blank, not
/// another item's (`ids`: those of its list, its own may be among them); trimmed.
pub fn check_new_id<'a>(
    id: &str,
    current: &str,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<String, Refusal> {
    let id = id.trim();
    if id.is_empty() {
        return Err(Refusal::EmptyId);
    }
    if id == current {
        return Err(Refusal::Unchanged);
    }
    if ids.into_iter().any(|other| other == id) {
        return Err(Refusal::IdTaken { id: id.into() });
    }
    Ok(id.into())
}

fn label(value: &str) -> Result<Text, Refusal> {
    let value = clean(value);
    let value = value.trim();
    if value.is_empty() {
        return Err(Refusal::EmptyLabel);
    }
    Ok(Text {
        plain: None,
        fr: Some(value.into()),
        en: None,
    })
}

/// Position just after the last service of `tier` (the end of the list if it has none).
fn end_of_tier(config: &Config, tier: &str) -> usize {
    config
        .services
        .iter()
        .rposition(|s| s.tier == tier)
        .map_or(config.services.len(), |i| i + 1)
}

/// Makes one edit. The draft is unchanged when the edit is refused.
pub fn apply(config: &mut Config, edit: &Edit) -> Result<Applied, Refusal> {
    let none = Ok(Applied::default());
    let at = |index: usize| Ok(Applied { index: Some(index) });
    match edit {
        Edit::Text { field, lang, value } => {
            set_text(config, *field, *lang, value)?;
            none
        }
        Edit::TerritoryKind(kind) => {
            config.territory.kind = *kind;
            none
        }
        Edit::Population(population) => {
            config.territory.population = *population;
            none
        }
        Edit::Example(example) => {
            config.territory.example = *example;
            none
        }
        Edit::ConfigId(id) => {
            let id = id.trim();
            config.id = Some(id.to_string()).filter(|id| !id.is_empty());
            none
        }
        Edit::AddTier { label: name } => {
            let label = label(name)?;
            let id = new_id(name, config.tiers.iter().map(|t| t.id.as_str()));
            config.tiers.push(Tier {
                id,
                label,
                description: None,
            });
            at(config.tiers.len() - 1)
        }
        Edit::MoveTier { index, up } => {
            let other = neighbour(*index, *up, config.tiers.len())?;
            config.tiers.swap(*index, other);
            at(other)
        }
        Edit::DeleteTier { index, services_to } => {
            let tier = config.tiers.get(*index).ok_or(Refusal::Gone)?.id.clone();
            let services = config.services.iter().filter(|s| s.tier == tier).count();
            let destination = services_to
                .as_ref()
                .filter(|to| **to != tier && config.tier(to).is_some());
            match destination {
                Some(to) => {
                    // Moved to the end of their new tier, in their order.
                    let (moved, kept): (Vec<Service>, Vec<Service>) =
                        std::mem::take(&mut config.services)
                            .into_iter()
                            .partition(|s| s.tier == tier);
                    config.services = kept;
                    let end = end_of_tier(config, to);
                    let moved = moved.into_iter().map(|s| Service {
                        tier: to.clone(),
                        ..s
                    });
                    config.services.splice(end..end, moved);
                }
                None if services > 0 => return Err(Refusal::TierHasServices { services }),
                None => {}
            }
            config.tiers.remove(*index);
            none
        }
        Edit::TierId { index, id } => {
            let current = config.tiers.get(*index).ok_or(Refusal::Gone)?.id.clone();
            let id = check_new_id(id, &current, config.tiers.iter().map(|t| t.id.as_str()))?;
            for service in config.services.iter_mut().filter(|s| s.tier == current) {
                service.tier = id.clone();
            }
            config.tiers[*index].id = id;
            none
        }
        Edit::AddService { tier, label: name } => {
            config.tier(tier).ok_or(Refusal::Gone)?;
            let label = label(name)?;
            let id = new_id(name, config.services.iter().map(|s| s.id.as_str()));
            let end = end_of_tier(config, tier);
            config.services.insert(
                end,
                Service {
                    id,
                    tier: tier.clone(),
                    label,
                    description: None,
                    examples: Vec::new(),
                    #[cfg(feature = "workshop")]
                    hsds: None,
                },
            );
            at(end)
        }
        Edit::ServiceTier { index, tier } => {
            let service = config.services.get(*index).ok_or(Refusal::Gone)?;
            config.tier(tier).ok_or(Refusal::Gone)?;
            if service.tier == *tier {
                return Err(Refusal::Unchanged);
            }
            let mut service = config.services.remove(*index);
            service.tier = tier.clone();
            let end = end_of_tier(config, tier);
            config.services.insert(end, service);
            at(end)
        }
        Edit::MoveService { index, up } => {
            let tier = &config.services.get(*index).ok_or(Refusal::Gone)?.tier;
            let same = |i: &usize| config.services[*i].tier == *tier;
            let other = if *up {
                (0..*index).rev().find(same)
            } else {
                (index + 1..config.services.len()).find(same)
            };
            let other = other.ok_or(Refusal::Unchanged)?;
            config.services.swap(*index, other);
            at(other)
        }
        Edit::DeleteService { index } => {
            let id = config.services.get(*index).ok_or(Refusal::Gone)?.id.clone();
            config.services.remove(*index);
            config.offers.retain(|o| o.service != id);
            if relations(config).iter().any(|r| r.services.contains(&id)) {
                for relation in &mut continuum_mut(config).relations {
                    relation.services.retain(|s| *s != id);
                }
            }
            none
        }
        Edit::ServiceId { index, id } => {
            let current = config.services.get(*index).ok_or(Refusal::Gone)?.id.clone();
            let others = config.services.iter().map(|s| s.id.as_str());
            let id = check_new_id(id, &current, others)?;
            for offer in config.offers.iter_mut().filter(|o| o.service == current) {
                offer.service = id.clone();
            }
            if relations(config)
                .iter()
                .any(|r| r.services.contains(&current))
            {
                for relation in &mut continuum_mut(config).relations {
                    for service in relation.services.iter_mut().filter(|s| **s == current) {
                        *service = id.clone();
                    }
                }
            }
            config.services[*index].id = id;
            none
        }
        Edit::AddProvider { label: name } => {
            let label = label(name)?;
            let id = new_id(name, config.providers.iter().map(|p| p.id.as_str()));
            config.providers.push(Provider {
                id,
                name: label,
                kind: ProviderKind::default(),
                contact: Default::default(),
                languages: Vec::new(),
                #[cfg(feature = "workshop")]
                hsds: None,
            });
            at(config.providers.len() - 1)
        }
        Edit::ProviderKind { index, kind } => {
            config.providers.get_mut(*index).ok_or(Refusal::Gone)?.kind = *kind;
            none
        }
        Edit::Contact {
            index,
            field,
            value,
        } => {
            let contact = &mut config
                .providers
                .get_mut(*index)
                .ok_or(Refusal::Gone)?
                .contact;
            let value = Some(clean(value).trim().to_string()).filter(|v| !v.is_empty());
            match field {
                ContactField::Phone => contact.phone = value,
                ContactField::Email => contact.email = value,
                ContactField::Web => contact.web = value,
            }
            none
        }
        Edit::Languages { index, value } => {
            let provider = config.providers.get_mut(*index).ok_or(Refusal::Gone)?;
            provider.languages = clean(value)
                .split([',', ' ', ';'])
                .map(str::trim)
                .filter(|code| !code.is_empty())
                .map(str::to_string)
                .collect();
            none
        }
        Edit::DeleteProvider { index } => {
            let id = config
                .providers
                .get(*index)
                .ok_or(Refusal::Gone)?
                .id
                .clone();
            config.providers.remove(*index);
            config.offers.retain(|o| o.provider != id);
            if relations(config).iter().any(|r| r.providers.contains(&id)) {
                continuum_mut(config)
                    .relations
                    .retain(|r| !r.providers.contains(&id));
            }
            none
        }
        Edit::ProviderId { index, id } => {
            let current = config
                .providers
                .get(*index)
                .ok_or(Refusal::Gone)?
                .id
                .clone();
            let others = config.providers.iter().map(|p| p.id.as_str());
            let id = check_new_id(id, &current, others)?;
            for offer in config.offers.iter_mut().filter(|o| o.provider == current) {
                offer.provider = id.clone();
            }
            if relations(config)
                .iter()
                .any(|r| r.providers.contains(&current))
            {
                for relation in &mut continuum_mut(config).relations {
                    for provider in relation.providers.iter_mut().filter(|p| **p == current) {
                        *provider = id.clone();
                    }
                }
            }
            config.providers[*index].id = id;
            none
        }
        Edit::AddOffer { provider, service } => {
            config.provider(provider).ok_or(Refusal::Gone)?;
            config.service(service).ok_or(Refusal::Gone)?;
            config.offers.push(Offer {
                provider: provider.clone(),
                service: service.clone(),
                availability: Availability::default(),
                access: AccessRoute::default(),
                eligibility: None,
                how_to_apply: None,
                hours: None,
                #[cfg(feature = "workshop")]
                hsds: None,
            });
            at(config.offers.len() - 1)
        }
        Edit::OfferProvider { index, provider } => {
            config.offers.get_mut(*index).ok_or(Refusal::Gone)?.provider = provider.clone();
            none
        }
        Edit::OfferService { index, service } => {
            config.offers.get_mut(*index).ok_or(Refusal::Gone)?.service = service.clone();
            none
        }
        Edit::Availability { index, value } => {
            config
                .offers
                .get_mut(*index)
                .ok_or(Refusal::Gone)?
                .availability = *value;
            none
        }
        Edit::Access { index, value } => {
            config.offers.get_mut(*index).ok_or(Refusal::Gone)?.access = *value;
            none
        }
        Edit::DeleteOffer { index } => {
            if *index >= config.offers.len() {
                return Err(Refusal::Gone);
            }
            config.offers.remove(*index);
            none
        }
        Edit::Scale(scale) => {
            let continuum = continuum_mut(config);
            continuum.scale = *scale;
            none
        }
        Edit::AddRelation { providers } => {
            let level = super::continuum::NONE.to_string();
            let relations = &mut continuum_mut(config).relations;
            relations.push(Relation {
                providers: providers.clone(),
                level,
                target: None,
                mechanisms: Vec::new(),
                services: Vec::new(),
                note: None,
            });
            at(relations.len() - 1)
        }
        Edit::RelationProvider {
            index,
            side,
            provider,
        } => {
            let relation = relation_mut(config, *index)?;
            *relation.providers.get_mut(*side).ok_or(Refusal::Gone)? = provider.clone();
            none
        }
        Edit::RelationLevel { index, level } => {
            relation_mut(config, *index)?.level = level.clone();
            none
        }
        Edit::RelationTarget { index, target } => {
            relation_mut(config, *index)?.target = target.clone();
            none
        }
        Edit::RelationMechanism {
            index,
            mechanism,
            on,
        } => {
            let mechanisms = &mut relation_mut(config, *index)?.mechanisms;
            mechanisms.retain(|m| m != mechanism);
            if *on {
                mechanisms.push(*mechanism);
                mechanisms.sort();
            }
            none
        }
        Edit::RelationService { index, service, on } => {
            let services = &mut relation_mut(config, *index)?.services;
            services.retain(|s| s != service);
            if *on {
                services.push(service.clone());
            }
            none
        }
        Edit::DeleteRelation { index } => {
            relation_mut(config, *index)?;
            continuum_mut(config).relations.remove(*index);
            none
        }
    }
}

fn neighbour(index: usize, up: bool, len: usize) -> Result<usize, Refusal> {
    if index >= len {
        return Err(Refusal::Gone);
    }
    match up {
        true if index > 0 => Ok(index - 1),
        false if index + 1 < len => Ok(index + 1),
        _ => Err(Refusal::Unchanged),
    }
}

/// What would go with a service, a provider or a tier if it were deleted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dependents {
    /// Services of a tier (they must go to another tier).
    pub services: usize,
    /// Offers deleted with it.
    pub offers: usize,
    /// Relations deleted (a provider's) or that stop naming it (a service's).
    pub relations: usize,
    /// Gaps of the session open beside the editor that would lose their place (they are
    /// kept there, as orphans).
    pub gaps: usize,
    /// Whether the session assessed the service's coverage.
    pub coverage: bool,
    /// Relations of the session that name the provider.
    pub session_relations: usize,
}

impl Dependents {
    pub fn is_empty(&self) -> bool {
        *self == Dependents::default()
    }
}

/// What depends on service `index`, in the config and in the session beside it.
pub fn service_dependents(config: &Config, session: Option<&Session>, index: usize) -> Dependents {
    let Some(service) = config.services.get(index) else {
        return Dependents::default();
    };
    let id = service.id.as_str();
    Dependents {
        offers: config.offers.iter().filter(|o| o.service == id).count(),
        relations: relations(config)
            .iter()
            .filter(|r| r.services.iter().any(|s| s == id))
            .count(),
        gaps: session.map_or(0, |s| s.gaps_of_service(id).count()),
        coverage: session.is_some_and(|s| s.coverage.contains_key(id)),
        ..Dependents::default()
    }
}

/// What depends on provider `index`.
pub fn provider_dependents(config: &Config, session: Option<&Session>, index: usize) -> Dependents {
    let Some(provider) = config.providers.get(index) else {
        return Dependents::default();
    };
    let id = provider.id.as_str();
    Dependents {
        offers: config.offers.iter().filter(|o| o.provider == id).count(),
        relations: relations(config)
            .iter()
            .filter(|r| r.providers.iter().any(|p| p == id))
            .count(),
        session_relations: session.map_or(0, |s| {
            s.relations
                .iter()
                .filter(|r| r.providers.iter().any(|p| p == id))
                .count()
        }),
        ..Dependents::default()
    }
}

/// What depends on tier `index`: its services, and the session's gaps on the tier.
pub fn tier_dependents(config: &Config, session: Option<&Session>, index: usize) -> Dependents {
    let Some(tier) = config.tiers.get(index) else {
        return Dependents::default();
    };
    let id = tier.id.as_str();
    Dependents {
        services: config.services.iter().filter(|s| s.tier == id).count(),
        gaps: session.map_or(0, |s| {
            s.gaps
                .iter()
                .filter(|g| matches!(&g.target, GapTarget::Tier { tier } if tier == id))
                .count()
        }),
        ..Dependents::default()
    }
}

/// How many items of one kind were added, removed and changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
}

impl Count {
    pub fn is_empty(&self) -> bool {
        *self == Count::default()
    }
}

/// What changed between the config as opened and the draft, by kind of item (items are
/// matched by id; offers by provider and service; relations by pair).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub territory: bool,
    pub tiers: Count,
    pub services: Count,
    pub providers: Count,
    pub offers: Count,
    pub relations: Count,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }
}

/// Items are matched by a key of one or two ids, borrowed (this runs at every edit).
fn count<'c, T: PartialEq>(
    before: &'c [T],
    after: &'c [T],
    key: impl Fn(&'c T) -> (&'c str, &'c str),
) -> Count {
    let old: HashMap<(&str, &str), &T> = before.iter().map(|item| (key(item), item)).collect();
    let new_keys: HashSet<(&str, &str)> = after.iter().map(&key).collect();
    let mut count = Count::default();
    for item in after {
        match old.get(&key(item)) {
            None => count.added += 1,
            Some(previous) if *previous != item => count.changed += 1,
            Some(_) => {}
        }
    }
    count.removed = old.keys().filter(|k| !new_keys.contains(*k)).count();
    count
}

/// What changed since the config was opened.
pub fn changes(before: &Config, after: &Config) -> Changes {
    let same_territory = before.territory == after.territory && before.id == after.id;
    fn pair(r: &Relation) -> (&str, &str) {
        let [a, b] = &r.providers;
        if a <= b {
            (a.as_str(), b.as_str())
        } else {
            (b.as_str(), a.as_str())
        }
    }
    let scale = |c: &Config| c.continuum.as_ref().map(|c| (c.scale, c.levels.clone()));
    let mut relations = count(relations(before), relations(after), pair);
    if scale(before) != scale(after) && before.continuum.is_some() && after.continuum.is_some() {
        relations.changed += usize::from(relations.is_empty());
    }
    Changes {
        territory: !same_territory,
        tiers: count(&before.tiers, &after.tiers, |t| (&t.id, "")),
        services: count(&before.services, &after.services, |s| (&s.id, "")),
        providers: count(&before.providers, &after.providers, |p| (&p.id, "")),
        offers: count(&before.offers, &after.offers, |o| (&o.provider, &o.service)),
        relations,
    }
}

/// Something the validator accepts but a reader of the range would trip on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Advice {
    /// Another item of the list has the same name (the path of the first one).
    SameName { first: String },
    /// A label or name too long to read on a card (its length in characters).
    LongLabel { length: usize },
}

/// The editor's own advice, by the path of the field concerned: names given twice (in a
/// tier for services), and labels too long to read.
pub fn advice(config: &Config) -> Vec<(String, Advice)> {
    let mut found = Vec::new();
    let mut same = |list: &str, names: Vec<(String, &Text)>| {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, (group, name)) in names.iter().enumerate() {
            let path = JsonPath::root().key(list).index(i);
            let field = if list == "providers" { "name" } else { "label" };
            let key = format!("{group}\u{1f}{}", fold(name.get(Lang::Fr).trim()));
            if name.is_blank() {
                continue;
            }
            match seen.get(&key) {
                Some(first) => {
                    let first = JsonPath::root().key(list).index(*first).to_string();
                    found.push((path.key(field).to_string(), Advice::SameName { first }));
                }
                None => {
                    seen.insert(key, i);
                }
            }
        }
    };
    same(
        "tiers",
        config
            .tiers
            .iter()
            .map(|t| (String::new(), &t.label))
            .collect(),
    );
    same(
        "services",
        config
            .services
            .iter()
            .map(|s| (s.tier.clone(), &s.label))
            .collect(),
    );
    same(
        "providers",
        config
            .providers
            .iter()
            .map(|p| (String::new(), &p.name))
            .collect(),
    );
    for (field, text) in texts(config) {
        if !field.required() {
            continue;
        }
        let length = text.parts().map(|p| p.chars().count()).max().unwrap_or(0);
        if length > LONG_LABEL {
            found.push((field.path().to_string(), Advice::LongLabel { length }));
        }
    }
    found
}

/// The draft as the preview shows it while names are still blank: each blank name or
/// label marked "(sans nom)" / "(no name)", so that a range being written can be seen
/// before every name is given.
pub fn with_blank_names_marked(config: &Config) -> Config {
    let unnamed = Text::bilingual("(sans nom)", "(no name)");
    let mut copy = config.clone();
    let mark = |text: &mut Text| {
        if text.is_blank() {
            *text = unnamed.clone();
        }
    };
    mark(&mut copy.territory.name);
    copy.tiers.iter_mut().for_each(|t| mark(&mut t.label));
    copy.services.iter_mut().for_each(|s| mark(&mut s.label));
    copy.providers.iter_mut().for_each(|p| mark(&mut p.name));
    copy
}

/// Where a draft starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartPoint {
    /// The MSSS 2002 reference range for mental health: its tiers and services, a
    /// territory to name, no provider.
    MentalHealthRange,
    /// The range for youth in difficulty and their families: tiers and services.
    YouthRange,
    /// Nothing but the config's frame: tiers and services to write.
    Empty,
    /// The complete example territory (fictitious providers, offers and continuum).
    MentalHealthExample,
    /// The complete youth example territory.
    YouthExample,
}

impl StartPoint {
    pub const ALL: [StartPoint; 5] = [
        StartPoint::MentalHealthRange,
        StartPoint::YouthRange,
        StartPoint::Empty,
        StartPoint::MentalHealthExample,
        StartPoint::YouthExample,
    ];

    pub fn key(self) -> &'static str {
        match self {
            StartPoint::MentalHealthRange => "mental-health-range",
            StartPoint::YouthRange => "youth-range",
            StartPoint::Empty => "empty",
            StartPoint::MentalHealthExample => "mental-health-example",
            StartPoint::YouthExample => "youth-example",
        }
    }

    pub fn from_key(key: &str) -> Option<StartPoint> {
        StartPoint::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// The youth example, as JSON text (the editor's bundle carries it).
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub const YOUTH_CONFIG_JSON: &str = include_str!("../../www/examples/jeunesse.json");

/// An empty config: no tier, no service, a territory to name.
pub fn empty_config() -> Config {
    Config {
        schema: None,
        version: CONFIG_VERSION,
        id: None,
        territory: Territory {
            name: Text::plain(""),
            kind: TerritoryKind::default(),
            population: None,
            description: None,
            population_served: None,
            example: false,
        },
        tiers: Vec::new(),
        services: Vec::new(),
        providers: Vec::new(),
        offers: Vec::new(),
        continuum: None,
    }
}

/// A range to start from: the tiers and services of `example`, nothing of its territory.
pub fn range_of(example: &Config) -> Config {
    Config {
        tiers: example.tiers.clone(),
        services: example.services.clone(),
        ..empty_config()
    }
}

/// The config of a start point.
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub fn start(point: StartPoint) -> Config {
    let read = |text: &str| {
        super::validate::load_text(text)
            .config
            .expect("the built-in examples are valid (tested)")
    };
    let mental_health = || read(super::defaults::DEFAULT_CONFIG_JSON);
    let youth = || read(YOUTH_CONFIG_JSON);
    match point {
        StartPoint::MentalHealthRange => range_of(&mental_health()),
        StartPoint::YouthRange => range_of(&youth()),
        StartPoint::Empty => empty_config(),
        StartPoint::MentalHealthExample => mental_health(),
        StartPoint::YouthExample => youth(),
    }
}

/// The config as its file is written: indented JSON, ending with a line break.
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub fn to_json(config: &Config) -> String {
    let mut text = serde_json::to_string_pretty(config).expect("a config always serialises");
    text.push('\n');
    text
}

/// The config as compact JSON, for the validator.
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub fn to_compact_json(config: &Config) -> String {
    serde_json::to_string(config).expect("a config always serialises")
}

/// Checks a draft with the same reader as any config (its problems point at fields).
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub fn check(config: &Config) -> super::validate::Loaded {
    super::validate::load_serialised(&to_compact_json(config))
}

/// The `format` of a draft kept in the browser's storage.
pub const DRAFT_FORMAT: &str = "service-range-mapper/draft";

/// A draft as the browser keeps it between visits: the config as it was opened (for the
/// summary of changes) and as it is now, and when it was saved.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DraftFile {
    pub format: String,
    pub version: u32,
    pub saved: String,
    pub opened: Config,
    pub config: Config,
}

/// Where a draft is kept: by the identity of its config, and by instance when the page
/// names one. `last` names the key of the draft worked on last.
pub fn draft_key(identity: &str, instance: Option<&str>) -> String {
    match instance.filter(|i| !i.is_empty()) {
        Some(instance) => format!("srm:draft:{identity}:{instance}"),
        None => format!("srm:draft:{identity}"),
    }
}

/// The key that names the draft worked on last (per instance).
pub fn last_draft_key(instance: Option<&str>) -> String {
    draft_key("\u{1f}last", instance)
}

#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
impl DraftFile {
    pub fn new(opened: &Config, config: &Config, saved: String) -> DraftFile {
        DraftFile {
            format: DRAFT_FORMAT.into(),
            version: 1,
            saved,
            opened: opened.clone(),
            config: config.clone(),
        }
    }

    pub fn to_text(&self) -> String {
        serde_json::to_string(self).expect("a draft always serialises")
    }

    /// Reads a stored draft; `None` when it is not one this build can read.
    pub fn read(text: &str) -> Option<DraftFile> {
        let draft: DraftFile = serde_json::from_str(text).ok()?;
        (draft.format == DRAFT_FORMAT && draft.version == 1).then_some(draft)
    }
}
