//! The runtime overlay: Go packages of rgo's own (`rt/go/`) that replace the
//! standard library's, embedded at build time (see `build.rs`).

use frontend::loader::Overlay;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/overlay.rs"));
}

pub fn load() -> Overlay {
    let mut overlay = Overlay::default();
    for (pkg, name, text) in embedded::FILES {
        overlay
            .packages
            .entry(pkg.to_string())
            .or_default()
            .push((name.to_string(), text.to_string()));
    }
    overlay
}
