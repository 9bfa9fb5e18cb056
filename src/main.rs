//! Entry point: mounts the app into the page body.

#[cfg(target_arch = "wasm32")]
fn main() {
    report_explorer::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("report-explorer runs in the browser: use `cargo xtask serve`.");
    std::process::exit(2);
}
