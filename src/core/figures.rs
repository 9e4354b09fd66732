//! Figures derived from a config: how each service is offered and how many services of
//! each tier have at least one available provider.

use super::model::{Availability, Config, Offer, Service, Tier};
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
        match offers.into_iter().map(|o| o.availability).min() {
            Some(Availability::Available) => ServiceStatus::Available,
            Some(Availability::Partial) => ServiceStatus::Partial,
            Some(Availability::WaitingList) => ServiceStatus::WaitingList,
            Some(Availability::Planned) => ServiceStatus::Planned,
            None => ServiceStatus::NoProvider,
        }
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

/// One service with its offers, as the range view shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceSummary<'a> {
    pub service: &'a Service,
    pub offers: Vec<&'a Offer>,
    pub status: ServiceStatus,
}

/// One tier with its services, in config order.
#[derive(Clone, Debug, PartialEq)]
pub struct TierSummary<'a> {
    pub tier: &'a Tier,
    pub services: Vec<ServiceSummary<'a>>,
    /// Services with at least one available provider.
    pub available: usize,
}

/// The whole range, tier by tier, in the config's tier order.
pub fn range(config: &Config) -> Vec<TierSummary<'_>> {
    let mut offers_by_service: HashMap<&str, Vec<&Offer>> = HashMap::new();
    for offer in &config.offers {
        offers_by_service
            .entry(offer.service.as_str())
            .or_default()
            .push(offer);
    }
    let mut services_by_tier: HashMap<&str, Vec<ServiceSummary>> = HashMap::new();
    for service in &config.services {
        let offers = offers_by_service
            .remove(service.id.as_str())
            .unwrap_or_default();
        let status = ServiceStatus::of(offers.iter().copied());
        services_by_tier
            .entry(service.tier.as_str())
            .or_default()
            .push(ServiceSummary {
                service,
                offers,
                status,
            });
    }
    config
        .tiers
        .iter()
        .map(|tier| {
            let services = services_by_tier
                .remove(tier.id.as_str())
                .unwrap_or_default();
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

/// The offers of one service, in config order.
pub fn offers_of<'a>(config: &'a Config, service_id: &str) -> Vec<&'a Offer> {
    config
        .offers
        .iter()
        .filter(|o| o.service == service_id)
        .collect()
}
