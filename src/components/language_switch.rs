//! The button that shows the widget in the other language (a plain function, like the
//! legend: no state of its own).

use crate::core::i18n::catalogue;
use crate::core::text::Lang;
use yew::prelude::*;

pub fn language_switch(lang: Lang, on_lang: &Callback<Lang>) -> Html {
    let text = catalogue(lang);
    let other = lang.other();
    let onclick = {
        let on_lang = on_lang.clone();
        Callback::from(move |_| on_lang.emit(other))
    };
    html! {
        <button type="button" class="srm-lang-switch" lang={text.other_language_name}
                title={text.switch_language} {onclick}>
            { text.other_language }
        </button>
    }
}
