//! One import: the files a person chose or dropped together, each read as what it is —
//! a .zip or the files of an HSDS data package, HSDS JSON, or a flat spreadsheet — into one
//! directory with every problem found.

use super::directory::{Directory, FileKind, ImportKind, ImportProblem, MAX_FILE_BYTES};
use super::hsds::{is_package_file, looks_binary, read_json, read_package};
use super::hsds_export::unzip;
use super::spreadsheet::read_flat;

/// Reads the files of one import (name, bytes).
pub fn read_files(files: Vec<(String, Vec<u8>)>) -> Directory {
    let mut dir = Directory::default();
    let mut package = Vec::new();
    for (name, bytes) in files {
        let lower = name.to_ascii_lowercase();
        if bytes.len() > MAX_FILE_BYTES && !lower.ends_with(".zip") {
            dir.problems.push(ImportProblem::file(
                true,
                &name,
                ImportKind::TooLarge { bytes: bytes.len() },
            ));
            continue;
        }
        if lower.ends_with(".zip") || bytes.starts_with(b"PK\x03\x04") {
            match unzip(&bytes) {
                Ok(inner) => {
                    dir.files.push((name.clone(), FileKind::Zip));
                    for (inner_name, inner_bytes) in inner {
                        if is_package_file(&inner_name) {
                            package.push((format!("{name}/{inner_name}"), inner_bytes));
                        } else {
                            dir.extend(read_one(&format!("{name}/{inner_name}"), &inner_bytes));
                        }
                    }
                }
                Err(message) => dir.problems.push(ImportProblem::file(
                    true,
                    &name,
                    ImportKind::BadZip { message },
                )),
            }
        } else if is_package_file(&name) {
            package.push((name, bytes));
        } else {
            dir.extend(read_one(&name, &bytes));
        }
    }
    if !package.is_empty() {
        dir.extend(read_package(&package));
    }
    if dir.files.is_empty() && dir.problems.is_empty() {
        dir.problems
            .push(ImportProblem::file(true, "", ImportKind::Empty));
    }
    dir
}

fn read_one(name: &str, bytes: &[u8]) -> Directory {
    let lower = name.to_ascii_lowercase();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        let mut dir = Directory::default();
        dir.problems
            .push(ImportProblem::file(true, name, ImportKind::Empty));
        return dir;
    }
    if looks_binary(bytes) {
        let mut dir = Directory::default();
        dir.problems
            .push(ImportProblem::file(true, name, ImportKind::WrongKind));
        return dir;
    }
    let first = bytes
        .iter()
        .copied()
        .find(|b| !(b.is_ascii_whitespace() || matches!(b, 0xEF | 0xBB | 0xBF)));
    if lower.ends_with(".json") || matches!(first, Some(b'{') | Some(b'[')) {
        let (text, _) = super::directory::decode(bytes);
        read_json(name, &text)
    } else if lower.ends_with(".csv") || lower.ends_with(".tsv") || lower.ends_with(".txt") {
        read_flat(name, bytes)
    } else {
        let mut dir = Directory::default();
        dir.problems
            .push(ImportProblem::file(true, name, ImportKind::WrongKind));
        dir
    }
}
