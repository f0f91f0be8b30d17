#[test]
fn probe() {
    let path =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpora/wordpress/themeunittestdata.wordpress.xml");
    let b = std::fs::read(path).unwrap();
    let e = pamir_import::read_wxr(&b).unwrap();
    for p in &e.posts {
        let c = pamir_import::convert(&p.content);
        std::fs::write(format!("/tmp/wxrprobe/{}.raw", p.id), &p.content).unwrap();
        std::fs::write(
            format!("/tmp/wxrprobe/{}.html", p.id),
            format!("{:?}\n{:?} attached={}\n{}", c.warnings, c.gallery_ids, c.attached_gallery, c.html),
        )
        .unwrap();
    }
}
