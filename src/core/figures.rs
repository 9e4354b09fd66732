//! Figures derived from a config: how each service is offered and how many services of
//! each tier have at least one available provider.

use super::hash::Ids;
use super::model::{Availability, Config, Offer};

/// How well a service is offered on the territory, from its offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ServiceStatus {
    /// At least one provider offers it without restriction.
    Available,
    /// Offered only partially (limited hours, places or population).
    Partial,
    /// Offered only with a waiting list.
    WaitingList,
    /// Only planned, not offered yet.
    Planned,
    /// No provider on the territory.
    NoProvider,
}

impl ServiceStatus {
    /// The status of a service from the availability of its offers: the best one wins.
    pub fn of<'a>(offers: impl IntoIterator<Item = &'a Offer>) -> ServiceStatus {
        offers
            .into_iter()
            .map(|o| o.availability)
            .min()
            .map_or(ServiceStatus::NoProvider, ServiceStatus::from)
    }

    /// Every status, in the order the legend shows them.
    pub const ALL: [ServiceStatus; 5] = [
        ServiceStatus::Available,
        ServiceStatus::Partial,
        ServiceStatus::WaitingList,
        ServiceStatus::Planned,
        ServiceStatus::NoProvider,
    ];

    /// A stable name, used as a CSS class and in tests.
    pub fn key(self) -> &'static str {
        match self {
            ServiceStatus::Available => "available",
            ServiceStatus::Partial => "partial",
            ServiceStatus::WaitingList => "waiting-list",
            ServiceStatus::Planned => "planned",
            ServiceStatus::NoProvider => "none",
        }
    }
}

impl From<Availability> for ServiceStatus {
    /// The status one offer gives its service.
    fn from(availability: Availability) -> ServiceStatus {
        match availability {
            Availability::Available => ServiceStatus::Available,
            Availability::Partial => ServiceStatus::Partial,
            Availability::WaitingList => ServiceStatus::WaitingList,
            Availability::Planned => ServiceStatus::Planned,
        }
    }
}

/// One service with its offers, as the range view shows it. Items are indices into the
/// config's lists, so a summary is small, owned and cheap to compare.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceSummary {
    /// Index in `config.services`.
    pub service: usize,
    /// Indices in `config.offers`, in config order.
    pub offers: Vec<usize>,
    pub status: ServiceStatus,
}

/// One tier with its services, in config order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TierSummary {
    /// Index in `config.tiers`.
    pub tier: usize,
    pub services: Vec<ServiceSummary>,
    /// Services with at least one available provider.
    pub available: usize,
}

/// The summary of a service of the range, by its index in `config.services` (none for a
/// service whose tier is not in the config).
pub fn summary_of(range: &[TierSummary], service: usize) -> Option<&ServiceSummary> {
    range
        .iter()
        .flat_map(|t| &t.services)
        .find(|s| s.service == service)
}

/// The whole range, tier by tier, in the config's tier order.
pub fn range(config: &Config) -> Vec<TierSummary> {
    // The reader's kind of index (id → position, a cheap hasher) serves every lookup: the
    // bundle carries one hash map implementation instead of one per key and value type.
    let service_index: Ids = config
        .services
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let tier_index: Ids = config
        .tiers
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let mut offers_of: Vec<Vec<usize>> = vec![Vec::new(); config.services.len()];
    for (i, offer) in config.offers.iter().enumerate() {
        if let Some(&service) = service_index.get(offer.service.as_str()) {
            offers_of[service].push(i);
        }
    }
    let mut services_of: Vec<Vec<ServiceSummary>> = vec![Vec::new(); config.tiers.len()];
    for (i, (service, offers)) in config.services.iter().zip(offers_of).enumerate() {
        if let Some(&tier) = tier_index.get(service.tier.as_str()) {
            let status = ServiceStatus::of(offers.iter().map(|&o| &config.offers[o]));
            services_of[tier].push(ServiceSummary {
                service: i,
                offers,
                status,
            });
        }
    }
    services_of
        .into_iter()
        .enumerate()
        .map(|(tier, services)| {
            let available = services
                .iter()
                .filter(|s| s.status == ServiceStatus::Available)
                .count();
            TierSummary {
                tier,
                services,
                available,
            }
        })
        .collect()
}
