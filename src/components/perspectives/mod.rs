//! The participants' face and the comparison of their views: a participant's own ratings
//! (alone on their phone, or in turns at the facilitator's machine), gathering their
//! files, and the comparison where the group records what it decides.

mod comparison_table;
mod contribute_view;
mod contributor_form;
mod decision_form;
mod gathering;
mod participant_list;
mod perspectives_view;
mod relation_rating;
mod service_rating;

pub use comparison_table::ComparisonTable;
pub use contribute_view::ContributeView;
pub use contributor_form::ContributorForm;
pub use decision_form::DecisionForm;
pub use gathering::Gathering;
pub use participant_list::ParticipantList;
pub use perspectives_view::PerspectivesView;
pub use relation_rating::RelationRatingRow;
pub use service_rating::ServiceRating;
