//! Where a person is in the widget: the face shown, what they searched and the service
//! open. The host can open the widget at a place and hear where the person goes (the
//! `<service-range-mapper sync-url>` element keeps it in the page's URL, so that a link
//! reopens the same place).

use super::search::RangeQuery;

/// A place in one widget.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    /// The face shown, by its key (`range`, `inventory`…); none: the first one.
    pub view: Option<String>,
    pub query: RangeQuery,
    /// The service whose detail is open, by id.
    pub service: Option<String>,
}
