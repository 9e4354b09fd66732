//! Figures derived from a config: how each service is offered and how many services of
//! each tier have at least one available provider.

use super::model::{Availability, Config, Offer};
use std::collections::HashMap;

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

/// The whole range, tier by tier, in the config's tier order.
pub fn range(config: &Config) -> Vec<TierSummary> {
    let mut offers_by_service: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, offer) in config.offers.iter().enumerate() {
        offers_by_service
            .entry(offer.service.as_str())
            .or_default()
            .push(i);
    }
    let mut services_by_tier: HashMap<&str, Vec<ServiceSummary>> = HashMap::new();
    for (i, service) in config.services.iter().enumerate() {
        let offers = offers_by_service
            .remove(service.id.as_str())
            .unwrap_or_default();
        let status = ServiceStatus::of(offers.iter().map(|&o| &config.offers[o]));
        services_by_tier
            .entry(service.tier.as_str())
            .or_default()
            .push(ServiceSummary {
                service: i,
                offers,
                status,
            });
    }
    config
        .tiers
        .iter()
        .enumerate()
        .map(|(i, tier)| {
            let services = services_by_tier
                .remove(tier.id.as_str())
                .unwrap_or_default();
            let available = services
                .iter()
                .filter(|s| s.status == ServiceStatus::Available)
                .count();
            TierSummary {
                tier: i,
                services,
                available,
            }
        })
        .collect()
}
