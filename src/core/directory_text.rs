//! The words of the editor's "Répertoire" part (importing a directory, placing its
//! services, exporting the range as HSDS), in French and English, and the import problems
//! said with where they are.

use super::directory::{column_letter, ImportKind, ImportProblem, Status};
use super::i18n::pick;
use super::mapping::Reason;
use super::text::Lang;

/// Fixed strings of the directory part.
pub struct DirectoryText {
    pub section: &'static str,
    pub intro: &'static str,
    pub import_title: &'static str,
    pub choose: &'static str,
    pub drop: &'static str,
    pub reading: &'static str,
    pub templates: &'static str,
    pub template_fr: &'static str,
    pub template_en: &'static str,
    pub export_title: &'static str,
    pub export_intro: &'static str,
    pub export_json: &'static str,
    pub export_package: &'static str,
    pub files_read: &'static str,
    pub problems_title: &'static str,
    pub mapping_title: &'static str,
    pub mapping_intro: &'static str,
    pub col_imported: &'static str,
    pub col_organization: &'static str,
    pub col_place: &'static str,
    pub group_range: &'static str,
    pub group_new: &'static str,
    pub left_out: &'static str,
    pub closed_note: &'static str,
    pub preview_title: &'static str,
    pub col_tier: &'static str,
    pub col_services: &'static str,
    pub col_covered: &'static str,
    pub apply: &'static str,
    pub cancel: &'static str,
    pub nothing: &'static str,
    pub kind_json: &'static str,
    pub kind_package: &'static str,
    pub kind_spreadsheet: &'static str,
    pub kind_zip: &'static str,
    pub kind_ignored: &'static str,
}

const FR: DirectoryText = DirectoryText {
    section: "Répertoire",
    intro: "Partez du répertoire de services qui existe déjà : un export Open Referral HSDS 3.0 (JSON, ou paquet de données : datapackage.json et ses fichiers CSV, ou leur .zip) ou un tableur d'une ligne par offre. Chaque service importé est placé dans la gamme ; rien n'est appliqué avant que vous confirmiez, et l'import se défait d'un seul « Annuler ».",
    import_title: "Importer un répertoire",
    choose: "Choisir des fichiers…",
    drop: "ou déposez-les ici, plusieurs à la fois.",
    reading: "Lecture des fichiers…",
    templates: "Modèle de tableur, une ligne par offre :",
    template_fr: "en français (.csv, points-virgules)",
    template_en: "en anglais (.csv, virgules)",
    export_title: "Exporter la gamme (HSDS 3.0)",
    export_intro: "Pour les répertoires et les autres outils : chaque offre devient un service HSDS avec son organisation, son lieu, ses téléphones et ses langues ; le palier, le service de la gamme et la voie d'accès voyagent en attributs de la taxonomie « service-range-mapper ». Réimporté ici, l'export redonne la même gamme.",
    export_json: "Liste de services (JSON)",
    export_package: "Paquet de données (.zip de CSV)",
    files_read: "Fichiers lus",
    problems_title: "Ce que les fichiers ont de travers",
    mapping_title: "Placer chaque service dans la gamme",
    mapping_intro: "Une place est proposée pour chaque service importé d'après les mots de son nom, de sa description et de ses catégories (accents, majuscules et langue pardonnés). Confirmez-la ou changez-la ; plusieurs services importés peuvent aller au même service de la gamme : ils en deviennent les offres.",
    col_imported: "Service importé",
    col_organization: "Organisation",
    col_place: "Place dans la gamme",
    group_range: "Services de la gamme",
    group_new: "Nouveau service dans le palier",
    left_out: "Laisser de côté",
    closed_note: "Fermé temporairement : importé comme offert en partie.",
    preview_title: "Aperçu de la gamme une fois l'import appliqué",
    col_tier: "Palier",
    col_services: "Services",
    col_covered: "Services offerts : avant → après",
    apply: "Appliquer l'import",
    cancel: "Abandonner l'import",
    nothing: "Les fichiers n'ont aucun service à placer.",
    kind_json: "HSDS JSON",
    kind_package: "paquet de données HSDS",
    kind_spreadsheet: "tableur",
    kind_zip: "archive .zip",
    kind_ignored: "non utilisé",
};

const EN: DirectoryText = DirectoryText {
    section: "Directory",
    intro: "Start from the directory of services that already exists: an Open Referral HSDS 3.0 export (JSON, or a data package: datapackage.json and its CSV files, or their .zip) or a spreadsheet with one row per offer. Each imported service is placed in the range; nothing is applied until you confirm, and one “Undo” takes the import back.",
    import_title: "Import a directory",
    choose: "Choose files…",
    drop: "or drop them here, several at once.",
    reading: "Reading the files…",
    templates: "Spreadsheet template, one row per offer:",
    template_fr: "in French (.csv, semicolons)",
    template_en: "in English (.csv, commas)",
    export_title: "Export the range (HSDS 3.0)",
    export_intro: "For directories and other tools: each offer becomes an HSDS service with its organisation, location, phones and languages; the tier, the service of the range and the access route travel as attributes of the “service-range-mapper” taxonomy. Imported back here, the export gives the same range.",
    export_json: "List of services (JSON)",
    export_package: "Data package (.zip of CSV files)",
    files_read: "Files read",
    problems_title: "What is wrong in the files",
    mapping_title: "Place each service in the range",
    mapping_intro: "A place is proposed for each imported service from the words of its name, description and categories (accents, case and language forgiven). Confirm it or change it; several imported services may go to one service of the range: they become its offers.",
    col_imported: "Imported service",
    col_organization: "Organisation",
    col_place: "Place in the range",
    group_range: "Services of the range",
    group_new: "New service in the tier",
    left_out: "Leave out",
    closed_note: "Temporarily closed: imported as partly offered.",
    preview_title: "Preview of the range once the import is applied",
    col_tier: "Tier",
    col_services: "Services",
    col_covered: "Services offered: before → after",
    apply: "Apply the import",
    cancel: "Drop the import",
    nothing: "The files have no service to place.",
    kind_json: "HSDS JSON",
    kind_package: "HSDS data package",
    kind_spreadsheet: "spreadsheet",
    kind_zip: ".zip archive",
    kind_ignored: "not used",
};

pub fn directory_text(lang: Lang) -> &'static DirectoryText {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// Why a place was proposed, in words.
pub fn reason_text(lang: Lang, reason: &Reason) -> String {
    match reason {
        Reason::Ours => pick(
            lang,
            "Indiqué par l'export de cet outil",
            "Said by this tool's export",
        )
        .into(),
        Reason::Before => pick(
            lang,
            "Importé auparavant à cette place",
            "Imported before to this place",
        )
        .into(),
        Reason::Words(words) => format!(
            "{} {}",
            pick(lang, "Mots en commun :", "Words in common:"),
            words.join(", ")
        ),
        Reason::TierGiven => pick(
            lang,
            "Aucun service semblable ; palier donné par le fichier",
            "No similar service; tier given by the file",
        )
        .into(),
        Reason::NoMatch => pick(
            lang,
            "Aucun service semblable dans la gamme",
            "No similar service in the range",
        )
        .into(),
        Reason::NotOffered(Status::Defunct) => pick(
            lang,
            "Disparu selon le répertoire (defunct)",
            "Gone according to the directory (defunct)",
        )
        .into(),
        Reason::NotOffered(_) => pick(
            lang,
            "Inactif selon le répertoire (inactive)",
            "Inactive according to the directory",
        )
        .into(),
    }
}

/// Where a problem is: file, row and column, or JSON path, line and column.
pub fn problem_place(lang: Lang, p: &ImportProblem) -> String {
    let mut parts = Vec::new();
    if !p.file.is_empty() {
        parts.push(p.file.clone());
    }
    if let Some(row) = p.row {
        parts.push(format!("{} {row}", pick(lang, "ligne", "row")));
    }
    if let Some((name, index)) = &p.column {
        parts.push(format!(
            "{} {} ({name})",
            pick(lang, "colonne", "column"),
            column_letter(*index)
        ));
    }
    if let Some(path) = &p.path {
        parts.push(path.clone());
    }
    if let Some((line, column)) = p.line {
        parts.push(super::i18n::line_column(lang, line, column));
    }
    parts.join(", ")
}

/// What is wrong, in words.
pub fn problem_text(lang: Lang, p: &ImportProblem) -> String {
    let fr = lang == Lang::Fr;
    let message = match &p.kind {
        ImportKind::WrongKind => pick(lang, "ce n'est pas un fichier que l'import lit (JSON HSDS, CSV ou .zip).", "this is not a file the import reads (HSDS JSON, CSV or .zip).").to_string(),
        ImportKind::Empty => pick(lang, "le fichier est vide.", "the file is empty.").to_string(),
        ImportKind::TooLarge { bytes } => {
            let mb = *bytes as f64 / 1_048_576.0;
            let max = super::directory::MAX_FILE_BYTES / 1_048_576;
            if fr {
                format!("le fichier pèse {mb:.1} Mo ; l'import en lit au plus {max} Mo par fichier.")
            } else {
                format!("the file weighs {mb:.1} MB; the import reads at most {max} MB per file.")
            }
        }
        ImportKind::Syntax { message } => format!("{} ({message})", pick(lang, "le texte ne peut pas être lu", "the text cannot be read")),
        ImportKind::NotHsds => pick(lang, "ni un service ni une organisation HSDS (il leur faut au moins « id » et « name »).", "neither an HSDS service nor an organisation (they need at least “id” and “name”).").to_string(),
        ImportKind::MissingColumn { names } => {
            let names = names.iter().map(|n| format!("« {n} »")).collect::<Vec<_>>().join(pick(lang, " ou ", " or "));
            if fr {
                format!("il manque la colonne {names}.")
            } else {
                format!("the column {names} is missing.")
            }
        }
        ImportKind::MissingValue { field } => {
            if fr {
                format!("« {field} » est vide ; il est requis (l'élément n'est pas importé).")
            } else {
                format!("“{field}” is empty; it is required (the item is not imported).")
            }
        }
        ImportKind::WrongType { field, expected } => {
            if fr {
                format!("« {field} » : type incorrect, on attend {expected}.")
            } else {
                let expected = if expected == "liste" { "a list" } else { "a text" };
                format!("“{field}”: wrong type, {expected} is expected.")
            }
        }
        ImportKind::DuplicateId { id, first } => match (first, fr) {
            (Some(row), true) => format!("l'identifiant « {id} » est déjà celui de la ligne {row} (cette ligne n'est pas importée)."),
            (Some(row), false) => format!("the id “{id}” is already row {row}'s (this row is not imported)."),
            (None, true) => format!("le service « {id} » est déjà listé plus haut (lu une fois)."),
            (None, false) => format!("the service “{id}” is already listed above (read once)."),
        },
        ImportKind::UnknownReference { table, id } => {
            if fr {
                format!("« {id} » ne désigne aucun élément de {table} dans les fichiers (l'élément n'est pas importé).")
            } else {
                format!("“{id}” names no {table} in the files (the item is not imported).")
            }
        }
        ImportKind::UnknownValue { field, value } => {
            if fr {
                format!("« {value} » n'est pas une valeur connue de « {field} » (la valeur habituelle est gardée).")
            } else {
                format!("“{value}” is not a known value of “{field}” (the usual value is kept).")
            }
        }
        ImportKind::Formula { value } => {
            if fr {
                format!("« {value} » serait une formule dans un tableur : importé comme simple texte.")
            } else {
                format!("“{value}” would be a formula in a spreadsheet: imported as plain text.")
            }
        }
        ImportKind::BadLink { field, value } => {
            if fr {
                format!("« {value} » ne peut pas devenir un lien sûr pour « {field} » : laissé de côté.")
            } else {
                format!("“{value}” cannot be made a safe link for “{field}”: left out.")
            }
        }
        ImportKind::MixedEncoding { rows } => {
            let rows = rows.iter().map(usize::to_string).collect::<Vec<_>>().join(", ");
            if fr {
                format!("encodages mêlés : les lignes {rows} sont en UTF-8, le reste en Windows-1252 ; chacune est lue comme elle a été écrite, vérifiez les accents.")
            } else {
                format!("mixed encodings: rows {rows} are UTF-8, the rest Windows-1252; each is read as written, check the accents.")
            }
        }
        ImportKind::MissingFile { name } => {
            if fr {
                format!("le paquet de données n'a pas de fichier « {name} » : choisissez-le avec les autres.")
            } else {
                format!("the data package has no “{name}” file: choose it with the others.")
            }
        }
        ImportKind::BadZip { message } => format!("{} ({message})", pick(lang, "l'archive .zip ne s'ouvre pas", "the .zip archive does not open")),
        ImportKind::TooManyColumns { columns } => {
            if fr {
                format!("{columns} colonnes : ce n'est pas un tableau que l'import lit (vérifiez le séparateur).")
            } else {
                format!("{columns} columns: not a table the import reads (check the separator).")
            }
        }
        ImportKind::RaggedRow { cells, expected } => {
            if fr {
                format!("{cells} cellules pour {expected} colonnes : vérifiez les guillemets et les séparateurs.")
            } else {
                format!("{cells} cells for {expected} columns: check the quotes and separators.")
            }
        }
    };
    let place = problem_place(lang, p);
    if place.is_empty() {
        message
    } else {
        format!("{place}{}{message}", pick(lang, " : ", ": "))
    }
}

/// The option of adding the directory's own range (an export of ours).
pub fn with_range_label(lang: Lang, tiers: usize, services: usize) -> String {
    match lang {
        Lang::Fr => format!("Reprendre aussi la gamme décrite par les fichiers ({tiers} paliers, {services} services) : ses paliers et services absents de cette gamme y sont ajoutés, même ceux que personne n'offre."),
        Lang::En => format!("Also take the range the files describe ({tiers} tiers, {services} services): its tiers and services missing from this range are added, even those nobody offers."),
    }
}

/// What applying would do, in one sentence.
pub fn apply_summary(lang: Lang, d: &super::mapping::Applied) -> String {
    let mut text = match lang {
        Lang::Fr => format!(
            "Appliquer ajoutera {} organisation(s), {} palier(s), {} service(s) et {} offre(s) ; en mettra à jour {} organisation(s) et {} offre(s) ; {} service(s) importé(s) resteront de côté.",
            d.providers_added, d.tiers_added, d.services_added, d.offers_added, d.providers_updated, d.offers_updated, d.left_out.len()
        ),
        Lang::En => format!(
            "Applying will add {} organisation(s), {} tier(s), {} service(s) and {} offer(s); update {} organisation(s) and {} offer(s); {} imported service(s) will be left out.",
            d.providers_added, d.tiers_added, d.services_added, d.offers_added, d.providers_updated, d.offers_updated, d.left_out.len()
        ),
    };
    text.push_str(&merged_text(lang, d.offers_merged));
    text
}

/// Imported services joined to another's offer, said when there are some.
pub fn merged_text(lang: Lang, merged: usize) -> String {
    match (merged, lang) {
        (0, _) => String::new(),
        (n, Lang::Fr) => format!(" {n} service(s) importé(s) rejoignent l'offre d'un autre du même organisme au même service de la gamme."),
        (n, Lang::En) => format!(" {n} imported service(s) join another's offer of the same organisation on the same service of the range."),
    }
}

/// The heading of the uncovered services after the import.
pub fn uncovered_title(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!("Services de la gamme sans offre une fois l'import appliqué ({n})"),
        Lang::En => format!("Services of the range with no offer once the import is applied ({n})"),
    }
}

/// The heading of the import's problems.
pub fn problems_heading(lang: Lang, errors: usize, warnings: usize) -> String {
    match lang {
        Lang::Fr => format!("Ce que les fichiers ont de travers : {errors} erreur(s), {warnings} avertissement(s). Ce qu'une erreur concerne n'est pas importé ; le reste l'est."),
        Lang::En => format!("What is wrong in the files: {errors} error(s), {warnings} warning(s). What an error concerns is not imported; the rest is."),
    }
}
