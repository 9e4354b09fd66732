//! Safe links from config text: only `https:`/`http:`, `mailto:` and `tel:` are ever
//! produced, so a config cannot smuggle `javascript:` or other schemes into the page.

/// An `http(s)://` address with a host, unchanged; anything else is refused.
pub fn web_href(web: &str) -> Option<String> {
    let web = web.trim();
    let lower = web.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
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
    let lower = phone.to_ascii_lowercase();
    let cut = ["poste", "ext", "#", "p."]
        .iter()
        .filter_map(|marker| lower.find(marker))
        .min();
    let (main, extension) = match cut {
        Some(i) => (&phone[..i], Some(&phone[i..])),
        None => (phone, None),
    };
    if main
        .chars()
        .any(|c| !(c.is_ascii_digit() || " +-().".contains(c)))
    {
        return None;
    }
    let digits: String = main.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 3 {
        return None;
    }
    let plus = if main.trim_start().starts_with('+') {
        "+"
    } else {
        ""
    };
    let ext: String = extension
        .map(|e| e.chars().filter(char::is_ascii_digit).collect())
        .unwrap_or_default();
    let ext = if ext.is_empty() {
        String::new()
    } else {
        format!(";ext={ext}")
    };
    Some(format!("tel:{plus}{digits}{ext}"))
}
