//! Safe links from config text: only `https:`/`http:`, `mailto:` and `tel:` are ever
//! produced, so a config cannot smuggle `javascript:` or other schemes into the page.

/// An `http(s)://` address with a host, unchanged; anything else is refused.
pub fn web_href(web: &str) -> Option<String> {
    let web = web.trim();
    // The scheme compared without copying the address in lower case (every provider of
    // a config of thousands has one).
    let scheme = ["https://", "http://"].into_iter().find(|scheme| {
        web.get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    })?;
    let host = web[scheme.len()..]
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("");
    let valid = !host.is_empty()
        && !web
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>');
    valid.then(|| web.to_string())
}

/// `mailto:` for an address of the shape `local@domain`.
pub fn mailto_href(email: &str) -> Option<String> {
    let email = email.trim();
    let (local, domain) = email.split_once('@')?;
    let allowed = |c: char| c.is_alphanumeric() || "._%+-'".contains(c);
    let valid = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && local.chars().all(allowed)
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    valid.then(|| format!("mailto:{email}"))
}

/// `tel:` with the digits of a phone number (and a leading `+`); an extension written
/// "poste 1234" / "ext. 1234" becomes `;ext=1234`.
pub fn tel_href(phone: &str) -> Option<String> {
    let phone = phone.trim();
    // Where the extension starts: the first of its markers, in any case (one pass, no copy).
    let bytes = phone.as_bytes();
    let cut = (0..bytes.len()).find(|&i| {
        ["poste", "ext", "#", "p."].iter().any(|marker| {
            bytes
                .get(i..i + marker.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(marker.as_bytes()))
        })
    });
    let (main, extension) = match cut {
        Some(i) => (&phone[..i], &phone[i..]),
        None => (phone, ""),
    };
    if main
        .chars()
        .any(|c| !(c.is_ascii_digit() || " +-().".contains(c)))
    {
        return None;
    }
    let mut href = String::from("tel:");
    if main.trim_start().starts_with('+') {
        href.push('+');
    }
    let digits_from = href.len();
    href.extend(main.chars().filter(char::is_ascii_digit));
    if href.len() - digits_from < 3 {
        return None;
    }
    let mut ext = extension.chars().filter(char::is_ascii_digit).peekable();
    if ext.peek().is_some() {
        href.push_str(";ext=");
        href.extend(ext);
    }
    Some(href)
}
