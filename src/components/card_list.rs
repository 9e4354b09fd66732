//! The cards of a tier in the citizens' bundle (citizens' and intranet pages that embed the
//! view bundle): made in one call by `src/cards.js` from their texts ([`cards_record`])
//! rather than node by node, which made the first page of a large range several times
//! slower than the browser's own floor. Nothing on such a card changes while it is shown,
//! so nothing is lost by making the list again when it changes. (The workshop's builds keep
//! [`super::ServiceCard`] components, which a change re-renders one card at a time: the
//! range editor's preview changes at every letter typed.) The list is made while the tier
//! renders (an effect would run only after the browser has painted the tier empty);
//! opening a card is heard on the list.

use super::service_card::{cards_record, opened_service};
use crate::core::text::Lang;
use crate::state::{Prepared, Shared};
use gloo_events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::wasm_bindgen;
use yew::prelude::*;

#[wasm_bindgen(module = "/src/cards.js")]
extern "C" {
    #[wasm_bindgen(js_name = cardList)]
    fn card_list(record: &str) -> web_sys::Element;
}

#[derive(Properties, PartialEq)]
pub struct CardListProps {
    pub prepared: Shared<Prepared>,
    /// Position of the tier in the range.
    pub position: usize,
    /// The services to show, by their positions in the tier.
    pub positions: Rc<[usize]>,
    pub lang: Lang,
    pub on_open: Callback<usize>,
}

#[component]
pub fn CardList(props: &CardListProps) -> Html {
    let record = cards_record(
        &props.prepared,
        props.position,
        &props.positions,
        props.lang,
    );
    // What a click needs, as of the last render (the list outlives renders).
    let opener = use_mut_ref(|| (props.prepared.clone(), props.on_open.clone()));
    *opener.borrow_mut() = (props.prepared.clone(), props.on_open.clone());
    let list = use_memo(record, |record| {
        let list = card_list(record);
        let opener: Rc<RefCell<(Shared<Prepared>, Callback<usize>)>> = opener.clone();
        let listener = EventListener::new(&list, "click", move |event| {
            let (prepared, on_open) = &*opener.borrow();
            if let Some(service) = opened_service(prepared, event) {
                on_open.emit(service);
            }
        });
        (list, listener)
    });
    Html::VRef(list.0.clone().into())
}
