//! Embeds the demo site's media files, whatever their names, so the binary
//! carries the whole demo and `serve --demo` needs nothing else on disk.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/demo/media");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect())
        .unwrap_or_default();
    names.sort();
    let mut code =
        String::from("/// (file name, contents) of every demo media file.\npub const FILES: &[(&str, &[u8])] = &[\n");
    for name in names {
        let path = dir.join(&name);
        let _ = writeln!(code, "    ({name:?}, include_bytes!({:?})),", path.display().to_string());
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("demo_media.rs");
    if let Err(error) = std::fs::write(&out, code) {
        panic!("writing {}: {error}", out.display());
    }
}
