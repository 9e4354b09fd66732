//! Helpers shared by the native test files.

/// The first ```json block of the README after the line containing `heading`.
pub fn readme_json_after(heading: &str) -> String {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme
        .find(heading)
        .unwrap_or_else(|| panic!("the README has \"{heading}\""));
    let block = &readme[start..];
    let open = block.find("```json\n").unwrap() + "```json\n".len();
    let close = block[open..].find("```").unwrap();
    block[open..open + close].to_string()
}
