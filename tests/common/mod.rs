//! Helpers shared by the native test files. Each test file includes this module and uses
//! some of them only.
#![allow(dead_code)]

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

/// A gap on `target` with everyday values (a test changes the fields it is about).
pub fn gap(
    id: &str,
    target: service_range_mapper::core::gaps::GapTarget,
) -> service_range_mapper::core::gaps::Gap {
    use service_range_mapper::core::gaps::{Gap, GapKind, GapSeverity, Perspective};
    Gap {
        id: id.into(),
        target,
        kind: GapKind::Absent,
        barrier: None,
        severity: GapSeverity::Medium,
        population: "Jeunes adultes".into(),
        perspective: Perspective::Practitioner,
        note: String::new(),
        action: String::new(),
        impact: 3,
        feasibility: 3,
        created: "2026-11-22T10:00:00.000Z".into(),
        modified: "2026-11-22T10:00:00.000Z".into(),
        author: None,
    }
}
