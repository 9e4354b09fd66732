//! The button that shows the widget in the other language.

use crate::core::i18n::catalogue;
use crate::core::text::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    pub lang: Lang,
    pub on_lang: Callback<Lang>,
}

#[component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    let text = catalogue(props.lang);
    let other = props.lang.other();
    let onclick = {
        let on_lang = props.on_lang.clone();
        Callback::from(move |_| on_lang.emit(other))
    };
    html! {
        <button type="button" class="srm-lang-switch" lang={text.other_language_name}
                title={text.switch_language} {onclick}>
            { text.other_language }
        </button>
    }
}
