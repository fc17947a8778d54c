//! No tofu: every character the app can show is in a bundled font.

use skrifa::MetadataProvider;
use std::path::Path;

fn covered_by_bundled_fonts(c: char) -> bool {
    // egui's own fonts cover ASCII and Latin; the CJK subset covers the rest.
    let font = skrifa::FontRef::new(service_dojo::ui::theme::CJK_FONT).unwrap();
    c.is_ascii() || font.charmap().map(c).is_some()
}

fn chars_in(dir: &Path, ext: &str, out: &mut std::collections::BTreeMap<char, String>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            chars_in(&p, ext, out);
        } else if p.extension().is_some_and(|x| x == ext) {
            for c in std::fs::read_to_string(&p)
                .unwrap()
                .chars()
                .filter(|c| !c.is_control() && !c.is_whitespace())
            {
                out.entry(c).or_insert_with(|| p.display().to_string());
            }
        }
    }
}

#[test]
fn every_character_in_the_scenarios_and_the_interface_is_in_a_bundled_font() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut chars = std::collections::BTreeMap::new();
    chars_in(&root.join("scenarios"), "ron", &mut chars);
    chars_in(&root.join("src"), "rs", &mut chars);
    let missing: Vec<String> = chars
        .iter()
        .filter(|(c, _)| !covered_by_bundled_fonts(**c))
        .map(|(c, f)| format!("{c:?} U+{:04X} in {f}", *c as u32))
        .collect();
    assert!(
        missing.is_empty(),
        "missing glyphs (rerun scripts/make-font.sh):\n{}",
        missing.join("\n")
    );
    assert!(
        chars.len() > 1500,
        "only {} distinct characters found",
        chars.len()
    );
}

#[test]
fn the_subset_keeps_all_of_gb2312() {
    // GB2312's 6763 hanzi are kept, so a new scenario rarely needs a new subset.
    let font = skrifa::FontRef::new(service_dojo::ui::theme::CJK_FONT).unwrap();
    let hanzi = (0x4E00u32..=0x9FFF)
        .filter_map(char::from_u32)
        .filter(|&c| font.charmap().map(c).is_some())
        .count();
    assert!(hanzi >= 6763, "only {hanzi} hanzi in the subset");
}
