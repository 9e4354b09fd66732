//! The continuum of collaboration between providers: the scales (the five steps of seed 000
//! and Fleury's three, with their criteria), the relations as the workshop sees them (the
//! config's, changed by the session's edits), level arithmetic, the indicators shown with
//! the views, and the collaboration gaps (a target above the current level).

use super::i18n::{mechanism_label, EN_WORKSHOP, FR_WORKSHOP};
use super::model::{
    Aspect, BuiltInScale, Config, Criterion, Level, Mechanism, Named, ProviderKind,
};
use super::session::{RelationEdit, Session};
use super::text::{Lang, Text};
use std::collections::HashMap;
use std::rc::Rc;

/// The id of level 0, "no relation", in every scale.
pub const NONE: &str = "none";

/// The step ids of a built-in scale, lowest first (level 0 not included).
pub fn builtin_ids(scale: BuiltInScale) -> &'static [&'static str] {
    match scale {
        BuiltInScale::FiveSteps => &[
            "communication",
            "cooperation",
            "coordination",
            "coalition",
            "integration",
        ],
        BuiltInScale::Fleury => &["mutual_adjustment", "alliance", "integration"],
    }
}

fn level(id: &str, label: Text, description: Text, criteria: Vec<Criterion>) -> Level {
    Level {
        id: id.into(),
        label,
        description: Some(description),
        criteria,
    }
}

fn fleury(criteria: [(&str, &str); 5]) -> Vec<Criterion> {
    [
        Aspect::Governance,
        Aspect::Formalisation,
        Aspect::Sanctions,
        Aspect::Transactions,
        Aspect::Problem,
    ]
    .into_iter()
    .zip(criteria)
    .map(|(aspect, (fr, en))| Criterion {
        aspect,
        text: Text::bilingual(fr, en),
    })
    .collect()
}

/// The steps of a built-in scale with their labels, descriptions and criteria.
pub fn builtin_levels(scale: BuiltInScale) -> Vec<Level> {
    let t = Text::bilingual;
    match scale {
        BuiltInScale::FiveSteps => vec![
            level("communication", t("Communication", "Communication"),
                t("Les partenaires se connaissent et échangent de l'information, sans engagement.",
                  "The partners know each other and share information, with no commitment."), vec![]),
            level("cooperation", t("Coopération", "Cooperation"),
                t("Entraide ponctuelle et partage de ressources au cas par cas; chacun garde ses objectifs.",
                  "Help and resources shared case by case; each partner keeps its own goals."), vec![]),
            level("coordination", t("Coordination", "Coordination"),
                t("Activités harmonisées et références planifiées autour d'objectifs convenus, par entente.",
                  "Activities aligned and referrals planned around agreed goals, by agreement."), vec![]),
            level("coalition", t("Coalition", "Coalition"),
                t("Ressources et décisions partagées dans une structure commune aux rôles formalisés.",
                  "Resources and decisions shared in a common structure with formal roles."), vec![]),
            level("integration", t("Intégration", "Integration"),
                t("Une seule offre de services : gouvernance, ressources et responsabilités communes.",
                  "One offer of services: shared governance, resources and accountability."), vec![]),
        ],
        BuiltInScale::Fleury => vec![
            level("mutual_adjustment", t("Ajustement mutuel", "Mutual adjustment"),
                t("Chacun ajuste sa pratique à celle des autres, par influence.",
                  "Each adjusts its practice to the others', through influence."),
                fleury([
                    ("Influence", "Influence"),
                    ("Informelle", "Informal"),
                    ("Sans objet", "Not applicable"),
                    ("Peu étendue", "Narrow"),
                    ("Prévention et soins aigus demandant peu de coordination", "Prevention and acute care needing little coordination"),
                ])),
            level("alliance", t("Alliance", "Alliance"),
                t("Des partenaires autonomes négocient des ententes pour des clientèles ou des services précis.",
                  "Autonomous partners negotiate agreements for given populations or services."),
                fleury([
                    ("Négociation", "Negotiation"),
                    ("Moyenne à importante", "Moderate to high"),
                    ("Un peu", "Some"),
                    ("Importante", "Wide"),
                    ("Chronique et non complexe, ou complexe et non chronique", "Chronic and not complex, or complex and not chronic"),
                ])),
            level("integration", t("Intégration", "Integration"),
                t("Une autorité commune gère l'ensemble des services d'un réseau intégré.",
                  "One authority runs all the services of an integrated network."),
                fleury([
                    ("Hiérarchique", "Hierarchical"),
                    ("Importante", "High"),
                    ("Beaucoup", "Many"),
                    ("Importante", "Wide"),
                    ("Complexe et chronique (multidimensionnel)", "Complex and chronic (many-sided)"),
                ])),
        ],
    }
}

/// The scale of a config, level 0 ("no relation") first.
pub fn scale(config: &Config) -> Vec<Level> {
    let none = Level {
        id: NONE.into(),
        label: Text::bilingual(FR_WORKSHOP.no_relation, EN_WORKSHOP.no_relation),
        description: None,
        criteria: Vec::new(),
    };
    let steps = match &config.continuum {
        Some(c) if !c.levels.is_empty() => c.levels.clone(),
        Some(c) => builtin_levels(c.scale),
        None => builtin_levels(BuiltInScale::default()),
    };
    std::iter::once(none).chain(steps).collect()
}

/// The level ids of a config's scale, level 0 first.
pub fn level_ids(config: &Config) -> Vec<&str> {
    let mut ids = vec![NONE];
    match &config.continuum {
        Some(c) if !c.levels.is_empty() => ids.extend(c.levels.iter().map(|l| l.id.as_str())),
        Some(c) => ids.extend(builtin_ids(c.scale)),
        None => ids.extend(builtin_ids(BuiltInScale::default())),
    }
    ids
}

/// A pair of providers, as the two ids in order (A–B and B–A are the same pair).
pub fn pair_key<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

/// Each provider's index in the config, by id.
fn provider_index(config: &Config) -> HashMap<&str, usize> {
    config
        .providers
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect()
}

/// The provider indices of two ids, smaller first; none when either is unknown or both are
/// the same provider.
fn pair_of(provider: &HashMap<&str, usize>, [a, b]: &[String; 2]) -> Option<(usize, usize)> {
    let (a, b) = (*provider.get(a.as_str())?, *provider.get(b.as_str())?);
    (a != b).then(|| (a.min(b), a.max(b)))
}

/// A relation between two providers of the config, as the workshop sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// Provider indices in the config, `a < b`.
    pub a: usize,
    pub b: usize,
    /// Level rank: 0 = no relation.
    pub level: usize,
    pub target: Option<usize>,
    /// Shared, like the services: a network is copied at every change of the session.
    pub mechanisms: Rc<[Mechanism]>,
    /// Service indices in the config.
    pub services: Rc<[usize]>,
    /// Index of the relation in the config, when it has one there.
    pub relation: Option<usize>,
    /// True when the session changed it (or made it).
    pub edited: bool,
}

impl Link {
    /// How many steps separate the target from the current level (0: none to climb).
    pub fn steps_to_target(&self) -> usize {
        self.target.map_or(0, |t| t.saturating_sub(self.level))
    }

    /// A collaboration gap: the partners aim above where they stand.
    pub fn is_gap(&self) -> bool {
        self.steps_to_target() > 0
    }

    /// The other provider of the pair.
    pub fn other(&self, provider: usize) -> usize {
        if self.a == provider {
            self.b
        } else {
            self.a
        }
    }
}

/// Every relation of a config with the session's edits applied, in pair order.
#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    /// Level ids, level 0 first.
    pub levels: Vec<String>,
    pub providers: usize,
    /// Sorted by pair `(a, b)`, one link per pair: a pair is found by binary search.
    pub links: Vec<Link>,
    /// Session edits whose provider or level is not in the config (kept, never dropped), by
    /// index in the session.
    pub orphans: Vec<usize>,
}

impl Network {
    /// The relations of `config` as `session` leaves them.
    pub fn build(config: &Config, session: &Session) -> Network {
        Network::of_config(config).with_edits(config, session)
    }

    /// The relations the config lists, with no edit. A workshop changes a few of thousands:
    /// the views keep this and apply the session's edits to a copy ([`Network::with_edits`]).
    pub fn of_config(config: &Config) -> Network {
        let levels: Vec<String> = level_ids(config).into_iter().map(String::from).collect();
        let rank = |id: &str| levels.iter().position(|l| l == id);
        let provider = provider_index(config);
        let service: HashMap<&str, usize> = config
            .services
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let mut links: Vec<Link> = Vec::new();
        let relations = config.continuum.iter().flat_map(|c| c.relations.iter());
        for (i, relation) in relations.enumerate() {
            let (Some((a, b)), Some(level)) = (
                pair_of(&provider, &relation.providers),
                rank(&relation.level),
            ) else {
                continue;
            };
            links.push(Link {
                a,
                b,
                level,
                target: relation.target.as_deref().and_then(rank),
                mechanisms: relation.mechanisms.as_slice().into(),
                services: relation
                    .services
                    .iter()
                    .filter_map(|s| service.get(s.as_str()).copied())
                    .collect(),
                relation: Some(i),
                edited: false,
            });
        }
        // A pair listed twice (refused by validation) keeps its first listing.
        links.sort_by_key(|l| (l.a, l.b));
        links.dedup_by_key(|l| (l.a, l.b));
        Network {
            levels,
            providers: config.providers.len(),
            links,
            orphans: Vec::new(),
        }
    }

    /// A copy of this network (of [`Network::of_config`]) with the edits of `session`.
    pub fn with_edits(&self, config: &Config, session: &Session) -> Network {
        self.with_relation_edits(config, &session.relations)
    }

    /// A copy of this network (of [`Network::of_config`]) with relation edits applied (a
    /// session's, or a milestone's frozen copy of them); `orphans` are indices in `edits`.
    pub fn with_relation_edits(&self, config: &Config, edits: &[RelationEdit]) -> Network {
        let mut network = self.clone();
        let provider = provider_index(config);
        // Pairs the config does not list, by pair: thousands of new relations are each
        // found in one look, not by a scan of those added before.
        let mut added: Vec<Link> = Vec::new();
        let mut added_at: HashMap<(usize, usize), usize> = HashMap::new();
        for (i, edit) in edits.iter().enumerate() {
            let target = match &edit.target {
                Some(t) => network.rank(t).map(Some),
                None => Some(None),
            };
            let (Some((a, b)), Some(level), Some(target)) = (
                pair_of(&provider, &edit.providers),
                network.rank(&edit.level),
                target,
            ) else {
                network.orphans.push(i);
                continue;
            };
            let link = match network.position(a, b) {
                Some(at) => &mut network.links[at],
                None => {
                    let at = *added_at.entry((a, b)).or_insert_with(|| {
                        added.push(Link {
                            a,
                            b,
                            level,
                            target,
                            mechanisms: Rc::from([]),
                            services: Rc::from([]),
                            relation: None,
                            edited: true,
                        });
                        added.len() - 1
                    });
                    &mut added[at]
                }
            };
            link.level = level;
            link.target = target;
            link.mechanisms = edit.mechanisms.as_slice().into();
            link.edited = true;
        }
        if !added.is_empty() {
            network.links.extend(added);
            network.links.sort_by_key(|l| (l.a, l.b));
        }
        network
    }

    /// Where the link of a pair of provider indices (in either order) is in `links`.
    fn position(&self, a: usize, b: usize) -> Option<usize> {
        let pair = (a.min(b), a.max(b));
        self.links.binary_search_by_key(&pair, |l| (l.a, l.b)).ok()
    }

    /// The relation of a pair of provider indices, in either order.
    pub fn link(&self, a: usize, b: usize) -> Option<&Link> {
        self.position(a, b).map(|i| &self.links[i])
    }

    /// The level rank of a pair (0 when it has no relation).
    pub fn level_of(&self, a: usize, b: usize) -> usize {
        self.link(a, b).map_or(0, |l| l.level)
    }

    /// The relations of one provider.
    pub fn links_of(&self, provider: usize) -> impl Iterator<Item = &Link> {
        self.links
            .iter()
            .filter(move |l| l.a == provider || l.b == provider)
    }

    /// The collaboration gaps: relations whose target is above their level, the widest
    /// first.
    pub fn gaps(&self) -> Vec<&Link> {
        let mut gaps: Vec<&Link> = self.links.iter().filter(|l| l.is_gap()).collect();
        gaps.sort_by_key(|l| std::cmp::Reverse(l.steps_to_target()));
        gaps
    }

    /// Every pair of the given providers (for a service: those who offer it), smaller index
    /// first, in order, each with its relation when it has one: a pair with none is worth
    /// seeing too (two organisations offer the same service and do not work together).
    pub fn pairs_among(&self, providers: &[usize]) -> Vec<((usize, usize), Option<&Link>)> {
        let mut providers = providers.to_vec();
        providers.sort_unstable();
        providers.dedup();
        let mut pairs = Vec::new();
        for (i, &a) in providers.iter().enumerate() {
            for &b in &providers[i + 1..] {
                pairs.push(((a, b), self.link(a, b)));
            }
        }
        pairs
    }

    /// The level id of a rank.
    pub fn level_id(&self, rank: usize) -> &str {
        self.levels.get(rank).map_or(NONE, String::as_str)
    }

    /// The level rank of an id.
    pub fn rank(&self, id: &str) -> Option<usize> {
        self.levels.iter().position(|l| l == id)
    }
}

/// What the views show beside the continuum, the matrix and the graph.
#[derive(Clone, Debug, PartialEq)]
pub struct Indicators {
    /// Pairs of providers there can be: n(n-1)/2.
    pub pairs: usize,
    /// Pairs with a relation above level 0.
    pub related: usize,
    /// Relations at each level, level 0 first (relations listed at "none" count there).
    pub per_level: Vec<usize>,
    /// Mean level rank of the relations above level 0.
    pub mean_level: Option<f64>,
    /// Relations whose target is above their level.
    pub below_target: usize,
    /// Providers with no relation above level 0, by index.
    pub isolated: Vec<usize>,
    /// Each mechanism with the number of relations that use it, most used first (ties in
    /// list order); mechanisms no relation uses are left out.
    pub mechanisms: Vec<(Mechanism, usize)>,
}

impl Indicators {
    /// Share of the pairs with a relation, from 0 to 1.
    pub fn density(&self) -> f64 {
        ratio(self.related, self.pairs)
    }

    /// Every relation listed, at any level.
    pub fn relations(&self) -> usize {
        self.per_level.iter().sum()
    }

    /// The mechanisms used by the fewest relations (none when no relation has any).
    pub fn least_used(&self) -> Vec<Mechanism> {
        let fewest = self.mechanisms.last().map(|(_, n)| *n);
        self.mechanisms
            .iter()
            .filter(|(_, n)| Some(*n) == fewest)
            .map(|(m, _)| *m)
            .collect()
    }

    /// The mechanisms used by the most relations.
    pub fn most_used(&self) -> Vec<Mechanism> {
        let most = self.mechanisms.first().map(|(_, n)| *n);
        self.mechanisms
            .iter()
            .filter(|(_, n)| Some(*n) == most)
            .map(|(m, _)| *m)
            .collect()
    }
}

/// `part / whole`, 0 when the whole is 0.
pub fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// A share as a whole percentage, rounded.
pub fn percent(part: usize, whole: usize) -> u32 {
    (ratio(part, whole) * 100.0).round() as u32
}

/// The indicators of a network.
pub fn indicators(network: &Network) -> Indicators {
    let n = network.providers;
    let mut per_level = vec![0; network.levels.len()];
    let mut related = 0;
    let mut sum = 0;
    let mut connected = vec![false; n];
    let mut counts: HashMap<Mechanism, usize> = HashMap::new();
    for link in &network.links {
        if let Some(count) = per_level.get_mut(link.level) {
            *count += 1;
        }
        if link.level > 0 {
            related += 1;
            sum += link.level;
            connected[link.a] = true;
            connected[link.b] = true;
        }
        for mechanism in link.mechanisms.iter() {
            *counts.entry(*mechanism).or_default() += 1;
        }
    }
    let mut mechanisms: Vec<(Mechanism, usize)> = Mechanism::NAMES
        .iter()
        .filter_map(|(_, m)| Some((*m, *counts.get(m)?)))
        .collect();
    mechanisms.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    Indicators {
        pairs: n * n.saturating_sub(1) / 2,
        related,
        per_level,
        mean_level: (related > 0).then(|| sum as f64 / related as f64),
        below_target: network.links.iter().filter(|l| l.is_gap()).count(),
        isolated: (0..n).filter(|&p| !connected[p]).collect(),
        mechanisms,
    }
}

/// The kinds of provider in the order the matrix and the graph group them.
pub const KIND_ORDER: [ProviderKind; 5] = [
    ProviderKind::PublicEstablishment,
    ProviderKind::CommunityOrganisation,
    ProviderKind::PrivatePractice,
    ProviderKind::IntersectoralPartner,
    ProviderKind::Other,
];

/// The providers grouped by kind (in [`KIND_ORDER`], config order within a kind); kinds
/// with no provider are left out.
pub fn by_kind(config: &Config) -> Vec<(ProviderKind, Vec<usize>)> {
    KIND_ORDER
        .iter()
        .map(|kind| {
            let members = (0..config.providers.len())
                .filter(|&i| config.providers[i].kind == *kind)
                .collect();
            (*kind, members)
        })
        .filter(|(_, members): &(ProviderKind, Vec<usize>)| !members.is_empty())
        .collect()
}

/// The name of a provider kind in configs and the DOM.
pub fn kind_key(kind: ProviderKind) -> &'static str {
    ProviderKind::NAMES
        .iter()
        .find(|(_, k)| *k == kind)
        .map_or("other", |(name, _)| name)
}

/// Where each provider sits in the graph, in a square of side `size`: on a circle, each
/// kind on its own arc with a space between kinds, so a kind reads as a group.
pub fn layout(
    groups: &[(ProviderKind, Vec<usize>)],
    providers: usize,
    size: f64,
) -> Vec<(f64, f64)> {
    let mut positions = vec![(size / 2.0, size / 2.0); providers];
    let slots: usize = groups.iter().map(|(_, m)| m.len() + 1).sum();
    let radius = size * 0.42;
    let mut slot = 0;
    for (_, members) in groups {
        for &p in members {
            let angle = std::f64::consts::TAU * slot as f64 / slots.max(1) as f64
                - std::f64::consts::FRAC_PI_2;
            positions[p] = (
                size / 2.0 + radius * angle.cos(),
                size / 2.0 + radius * angle.sin(),
            );
            slot += 1;
        }
        // The empty slot that sets the kinds apart.
        slot += 1;
    }
    positions
}

/// The session edit that sets a pair's relation, or `None` when the values are the
/// config's own (the session then keeps no edit for the pair).
pub fn edit_for(
    config: &Config,
    providers: [String; 2],
    level: String,
    target: Option<String>,
    mechanisms: Vec<Mechanism>,
) -> Option<RelationEdit> {
    let (a, b) = pair_key(&providers[0], &providers[1]);
    let in_config = config
        .continuum
        .iter()
        .flat_map(|c| c.relations.iter())
        .find(|r| pair_key(&r.providers[0], &r.providers[1]) == (a, b));
    let unchanged = match in_config {
        Some(r) => r.level == level && r.target == target && r.mechanisms == mechanisms,
        None => level == NONE && target.is_none() && mechanisms.is_empty(),
    };
    (!unchanged).then(|| RelationEdit {
        providers: [a.to_string(), b.to_string()],
        level,
        target,
        mechanisms,
    })
}

/// The label of a level rank in a scale (the rank itself when the scale has no such step).
pub fn level_label(scale: &[Level], rank: usize, lang: Lang) -> String {
    scale
        .get(rank)
        .map_or_else(|| rank.to_string(), |l| l.label.get(lang).to_string())
}

/// "CISSS — Hôpital": the two providers of a relation.
pub fn pair_label(config: &Config, link: &Link, lang: Lang) -> String {
    providers_label(config, (link.a, link.b), lang)
}

/// Two providers (by index), named: "A — B".
pub fn providers_label(config: &Config, (a, b): (usize, usize), lang: Lang) -> String {
    format!(
        "{} — {}",
        config.providers[a].name.get(lang),
        config.providers[b].name.get(lang)
    )
}

/// The mechanisms of a relation, in words, separated by commas.
pub fn mechanisms_text(mechanisms: &[Mechanism], lang: Lang) -> String {
    let names: Vec<&str> = mechanisms
        .iter()
        .map(|m| mechanism_label(lang, *m))
        .collect();
    names.join(", ")
}

/// One relation as the inventory and its exports tell it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelationLine {
    pub pair: String,
    pub level: String,
    pub target: String,
    /// Steps from the level to the target.
    pub steps: usize,
    pub mechanisms: String,
    pub services: String,
    pub note: String,
}

/// The collaboration gaps (widest first), then the orphaned relation edits of the session,
/// in words.
pub fn relation_lines(
    config: &Config,
    session: &Session,
    lang: Lang,
) -> (Vec<RelationLine>, Vec<RelationLine>) {
    let network = Network::build(config, session);
    let scale = scale(config);
    let gaps = network
        .gaps()
        .into_iter()
        .map(|link| RelationLine {
            pair: pair_label(config, link, lang),
            level: level_label(&scale, link.level, lang),
            target: link
                .target
                .map(|t| level_label(&scale, t, lang))
                .unwrap_or_default(),
            steps: link.steps_to_target(),
            mechanisms: mechanisms_text(&link.mechanisms, lang),
            services: link
                .services
                .iter()
                .map(|&s| config.services[s].label.get(lang))
                .collect::<Vec<_>>()
                .join(", "),
            note: link
                .relation
                .and_then(|i| config.continuum.as_ref()?.relations[i].note.as_ref())
                .map(|n| n.get(lang).to_string())
                .unwrap_or_default(),
        })
        .collect();
    // An orphan is told with the ids it was saved with: its provider or level is gone.
    let orphans = network
        .orphans
        .iter()
        .map(|&i| {
            let edit = &session.relations[i];
            let name = |id: &str| {
                config
                    .provider(id)
                    .map_or_else(|| id.to_string(), |p| p.name.get(lang).to_string())
            };
            let level = |id: &str| {
                network
                    .rank(id)
                    .map_or_else(|| id.to_string(), |r| level_label(&scale, r, lang))
            };
            RelationLine {
                pair: format!(
                    "{} — {}",
                    name(&edit.providers[0]),
                    name(&edit.providers[1])
                ),
                level: level(&edit.level),
                target: edit.target.as_deref().map(level).unwrap_or_default(),
                steps: 0,
                mechanisms: mechanisms_text(&edit.mechanisms, lang),
                services: String::new(),
                note: String::new(),
            }
        })
        .collect();
    (gaps, orphans)
}
