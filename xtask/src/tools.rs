//! The pinned build tools: installed on first use into one tools directory and
//! reused afterwards.
//!
//! | tool | version from | installed with |
//! |---|---|---|
//! | Rust target `wasm32-unknown-unknown` | active toolchain | `rustup target add` |
//! | trunk | [`TRUNK_VERSION`] | `cargo install --locked --root <tools>` |
//! | wasm-bindgen-cli | `Cargo.lock` (`wasm-bindgen`) | `cargo install --root <tools>` |
//! | wasm-opt (binaryen) | `Trunk.toml` `[tools] wasm_opt` | `npm install --prefix <tools>/npm` |
//! | cargo-fuzz (`fuzz` only) | [`CARGO_FUZZ_VERSION`] | `cargo install --locked --root <tools>` |
//!
//! The directory is `$REPORT_EXPLORER_TOOLS`, or `.tools/` in the repository.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::run::{self, output, require_output, run, Result};

pub const TRUNK_VERSION: &str = "0.21.14";
/// The cargo-fuzz that `cargo xtask fuzz` runs the fuzz targets with.
pub const CARGO_FUZZ_VERSION: &str = "0.13.2";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const MIN_NODE_MAJOR: u32 = 20;

/// The tools directory with everything installed.
pub struct Tools {
    dir: PathBuf,
    path: OsString,
}

impl Tools {
    /// Checks every tool and installs the ones missing or at another version.
    pub fn ensure(root: &Path) -> Result<Tools> {
        let dir = tools_dir(root)?;
        fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let tools = Tools {
            path: search_path(&dir)?,
            dir,
        };
        println!("tools directory: {}", tools.dir.display());

        let wasm_bindgen = wasm_bindgen_version(root)?;
        let binaryen = binaryen_version(root)?;

        check_node(&tools)?;
        tools.ensure_wasm_target()?;
        tools.ensure_trunk()?;
        tools.ensure_wasm_bindgen(&wasm_bindgen)?;
        tools.ensure_wasm_opt(&binaryen)?;
        Ok(tools)
    }

    /// The tools directory with only cargo-fuzz checked (and installed when missing):
    /// fuzzing needs none of the web tools.
    pub fn for_fuzz(root: &Path) -> Result<Tools> {
        let dir = tools_dir(root)?;
        fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let tools = Tools {
            path: search_path(&dir)?,
            dir,
        };
        println!("tools directory: {}", tools.dir.display());
        tools.ensure_cargo_fuzz()?;
        Ok(tools)
    }

    /// An executable installed by `cargo install --root`.
    pub fn bin(&self, name: &str) -> PathBuf {
        self.dir.join("bin").join(name)
    }

    /// binaryen's wasm-opt, installed from npm.
    pub fn wasm_opt(&self) -> PathBuf {
        self.dir.join("npm/node_modules/.bin/wasm-opt")
    }

    /// A command whose `PATH` starts with the tools, so Trunk (and anything it
    /// runs) finds the pinned versions before any system-wide ones.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut command = Command::new(program);
        command.env("PATH", &self.path);
        command
    }

    /// The cargo running this task, with the tools first on `PATH`.
    pub fn cargo(&self) -> Command {
        let mut command = crate::run::cargo();
        command.env("PATH", &self.path);
        command
    }

    fn ensure_wasm_target(&self) -> Result<()> {
        let sysroot = require_output(Command::new("rustc").args(["--print", "sysroot"]))?;
        let target_lib = Path::new(sysroot.trim())
            .join("lib/rustlib")
            .join(WASM_TARGET);
        if target_lib.is_dir() {
            println!("ok  Rust target {WASM_TARGET}");
            return Ok(());
        }
        install(
            &format!("Rust target {WASM_TARGET} (rustup, about a minute)"),
            Command::new("rustup").args(["target", "add", WASM_TARGET]),
        )
    }

    fn ensure_trunk(&self) -> Result<()> {
        self.ensure_crate("trunk", TRUNK_VERSION, "roughly 10-20 minutes on 2 cores")
    }

    fn ensure_cargo_fuzz(&self) -> Result<()> {
        self.ensure_crate(
            "cargo-fuzz",
            CARGO_FUZZ_VERSION,
            "roughly 2-5 minutes on 2 cores",
        )
    }

    /// Installs the binary crate `name` at `version` into the tools folder with
    /// `cargo install --locked`, unless it is there already; its binary has the same name
    /// and prints `<name> <version>` for `--version`.
    fn ensure_crate(&self, name: &str, version: &str, how_long: &str) -> Result<()> {
        let binary = self.bin(name);
        let wanted = format!("{name} {version}");
        if output(Command::new(&binary).arg("--version")).as_deref() == Some(wanted.as_str()) {
            println!("ok  {wanted}");
            return Ok(());
        }
        install(
            &format!("{wanted} (compiles from source: {how_long})"),
            crate::run::cargo()
                .args(["install", name, "--version", version, "--locked", "--root"])
                .arg(&self.dir)
                .current_dir(&self.dir),
        )?;
        self.expect_version(Command::new(&binary).arg("--version"), &wanted)
    }

    fn ensure_wasm_bindgen(&self, version: &str) -> Result<()> {
        let wanted = [
            ("wasm-bindgen", format!("wasm-bindgen {version}")),
            (
                "wasm-bindgen-test-runner",
                format!("wasm-bindgen-test-runner {version}"),
            ),
        ];
        let present = wanted.iter().all(|(bin, line)| {
            output(Command::new(self.bin(bin)).arg("--version")).as_deref() == Some(line.as_str())
        });
        if present {
            println!("ok  wasm-bindgen-cli {version}");
            return Ok(());
        }
        install(
            &format!(
                "wasm-bindgen-cli {version} (the version in Cargo.lock; compiles from source: \
                 roughly 3-5 minutes on 2 cores)"
            ),
            crate::run::cargo()
                .args([
                    "install",
                    "wasm-bindgen-cli",
                    "--version",
                    version,
                    "--root",
                ])
                .arg(&self.dir)
                .current_dir(&self.dir),
        )?;
        for (bin, line) in &wanted {
            self.expect_version(Command::new(self.bin(bin)).arg("--version"), line)?;
        }
        Ok(())
    }

    fn ensure_wasm_opt(&self, binaryen: &str) -> Result<()> {
        let wanted = format!("(version_{binaryen})");
        let is_wanted = |line: Option<String>| line.is_some_and(|l| l.ends_with(&wanted));
        if is_wanted(output(Command::new(self.wasm_opt()).arg("--version"))) {
            println!("ok  wasm-opt version {binaryen} (binaryen from npm)");
            return Ok(());
        }
        let npm_dir = self.dir.join("npm");
        fs::create_dir_all(&npm_dir)
            .map_err(|e| format!("cannot create {}: {e}", npm_dir.display()))?;
        install(
            &format!("binaryen {binaryen}.0.0 from npm for wasm-opt (a few seconds)"),
            self.command("npm")
                .args([
                    "install",
                    "--no-audit",
                    "--no-fund",
                    "--save-exact",
                    "--prefix",
                ])
                .arg(&npm_dir)
                .arg(format!("binaryen@{binaryen}.0.0")),
        )?;
        let line = output(Command::new(self.wasm_opt()).arg("--version"));
        if is_wanted(line.clone()) {
            Ok(())
        } else {
            Err(format!(
                "{} --version printed {line:?}, expected a line ending in `{wanted}`",
                self.wasm_opt().display()
            ))
        }
    }

    fn expect_version(&self, command: &mut Command, wanted: &str) -> Result<()> {
        let line = output(command);
        if line.as_deref() == Some(wanted) {
            Ok(())
        } else {
            Err(format!(
                "after installing, `{}` printed {line:?}, expected `{wanted}`",
                run::display(command)
            ))
        }
    }
}

/// Prints what is being installed, runs the installer and reports how long it took.
fn install(what: &str, command: &mut Command) -> Result<()> {
    println!("installing {what}");
    let started = Instant::now();
    run(command)?;
    println!("installed {what} in {}", run::elapsed(started));
    Ok(())
}

fn tools_dir(root: &Path) -> Result<PathBuf> {
    let dir = match std::env::var_os("REPORT_EXPLORER_TOOLS") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => root.join(".tools"),
    };
    if dir.is_absolute() {
        Ok(dir)
    } else {
        let cwd = std::env::current_dir().map_err(|e| format!("no current directory: {e}"))?;
        Ok(cwd.join(dir))
    }
}

fn search_path(dir: &Path) -> Result<OsString> {
    let mut entries = vec![dir.join("bin"), dir.join("npm/node_modules/.bin")];
    if let Some(path) = std::env::var_os("PATH") {
        entries.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(entries).map_err(|e| format!("cannot build PATH: {e}"))
}

fn check_node(tools: &Tools) -> Result<()> {
    let version = output(tools.command("node").arg("--version")).ok_or_else(|| {
        format!("Node.js {MIN_NODE_MAJOR} or newer is needed (for wasm-opt, sizes and the end-to-end tests); install `nodejs` and `npm`")
    })?;
    let major = version
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse::<u32>().ok())
        .unwrap_or(0);
    if major < MIN_NODE_MAJOR {
        return Err(format!(
            "Node.js {MIN_NODE_MAJOR} or newer is needed, found {version}"
        ));
    }
    if output(tools.command("npm").arg("--version")).is_none() {
        return Err("npm is needed next to Node.js; install `npm`".to_owned());
    }
    println!("ok  node {version}");
    Ok(())
}

/// Makes sure Debian's `chromium` and `chromium-driver` are installed: as root
/// they are installed with apt-get, otherwise the task stops and says what to install.
pub fn ensure_chromium(chromium: &str, chromedriver: &str) -> Result<()> {
    let missing: Vec<&str> = [chromium, chromedriver]
        .into_iter()
        .filter(|path| !Path::new(path).exists())
        .collect();
    if missing.is_empty() {
        println!("ok  {chromium} and {chromedriver}");
        return Ok(());
    }
    let is_root = output(Command::new("id").arg("-u")).as_deref() == Some("0");
    if !is_root {
        return Err(format!(
            "missing {}: install the Debian packages `chromium` and `chromium-driver`, \
             e.g. `sudo apt-get install -y chromium chromium-driver`",
            missing.join(" and ")
        ));
    }
    install(
        "package lists (apt-get update)",
        Command::new("apt-get").arg("update"),
    )?;
    install(
        "Debian chromium and chromium-driver (apt-get, 1-3 minutes)",
        Command::new("apt-get")
            .args([
                "install",
                "-y",
                "--no-install-recommends",
                "chromium",
                "chromium-driver",
            ])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// A file Debian's `fonts-noto-cjk` installs: Chinese, Japanese and Korean glyphs.
pub const CJK_FONT: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

/// Makes sure Debian's `fonts-noto-cjk` is installed, so the test browsers draw Chinese
/// interface text (pages, screenshots, canvas charts) rather than empty boxes: as root it is
/// installed with apt-get, otherwise the task stops and says what to install.
pub fn ensure_cjk_font() -> Result<()> {
    if Path::new(CJK_FONT).exists() {
        println!("ok  {CJK_FONT}");
        return Ok(());
    }
    let is_root = output(Command::new("id").arg("-u")).as_deref() == Some("0");
    if !is_root {
        return Err(format!(
            "missing {CJK_FONT}: install the Debian package `fonts-noto-cjk` (the Chinese \
             interface's glyphs for the test browsers), e.g. `sudo apt-get install -y fonts-noto-cjk`"
        ));
    }
    install(
        "package lists (apt-get update)",
        Command::new("apt-get").arg("update"),
    )?;
    install(
        "Debian fonts-noto-cjk (apt-get, 1-2 minutes)",
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends", "fonts-noto-cjk"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// Makes sure Debian's `firefox-esr` (the second engine of the end-to-end tests) is installed:
/// as root it is installed with apt-get, otherwise the task stops and says what to install.
/// Never downloaded from anywhere else: puppeteer-core drives this binary.
pub fn ensure_firefox(firefox: &str) -> Result<()> {
    if Path::new(firefox).exists() {
        println!("ok  {firefox}");
        return Ok(());
    }
    let is_root = output(Command::new("id").arg("-u")).as_deref() == Some("0");
    if !is_root {
        return Err(format!(
            "missing {firefox}: install the Debian package `firefox-esr`, \
             e.g. `sudo apt-get install -y firefox-esr`"
        ));
    }
    install(
        "package lists (apt-get update)",
        Command::new("apt-get").arg("update"),
    )?;
    install(
        "Debian firefox-esr (apt-get, 1-3 minutes)",
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends", "firefox-esr"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    if Path::new(firefox).exists() {
        Ok(())
    } else {
        Err(format!(
            "apt-get installed firefox-esr but {firefox} does not exist; \
             set REPORT_EXPLORER_FIREFOX to its path"
        ))
    }
}

/// Makes sure Debian's `poppler-utils` is installed: the print test (tests/e2e/print.test.mjs)
/// reads the text of the PDFs it prints with `pdftotext` and counts pages with `pdfinfo`. As
/// root it is installed with apt-get, otherwise the task stops and says what to install.
pub fn ensure_poppler() -> Result<()> {
    const PDFTOTEXT: &str = "/usr/bin/pdftotext";
    if Path::new(PDFTOTEXT).exists() {
        println!("ok  {PDFTOTEXT}");
        return Ok(());
    }
    let is_root = output(Command::new("id").arg("-u")).as_deref() == Some("0");
    if !is_root {
        return Err(format!(
            "missing {PDFTOTEXT}: install the Debian package `poppler-utils`, \
             e.g. `sudo apt-get install -y poppler-utils`"
        ));
    }
    install(
        "package lists (apt-get update)",
        Command::new("apt-get").arg("update"),
    )?;
    install(
        "Debian poppler-utils (apt-get, under a minute)",
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends", "poppler-utils"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// The `wasm-bindgen` version in `Cargo.lock`; wasm-bindgen-cli must match it
/// exactly. If `Trunk.toml` pins `[tools] wasm_bindgen`, it must agree.
fn wasm_bindgen_version(root: &Path) -> Result<String> {
    let lock = read(&root.join("Cargo.lock"))?;
    let version = lock_version(&lock, "wasm-bindgen")?;
    let trunk_toml = read(&root.join("Trunk.toml"))?;
    if let Some(pinned) = toml_string(&trunk_toml, "tools", "wasm_bindgen") {
        if pinned != version {
            return Err(format!(
                "Trunk.toml pins [tools] wasm_bindgen = \"{pinned}\" but Cargo.lock has \
                 wasm-bindgen {version}; make them equal (or remove the pin: Trunk then \
                 reads the version from Cargo.lock)"
            ));
        }
    }
    Ok(version)
}

/// The binaryen release number from `Trunk.toml` `[tools] wasm_opt = "version_N"`.
fn binaryen_version(root: &Path) -> Result<String> {
    let trunk_toml = read(&root.join("Trunk.toml"))?;
    let value = toml_string(&trunk_toml, "tools", "wasm_opt").ok_or_else(|| {
        "Trunk.toml must pin [tools] wasm_opt = \"version_N\" (the binaryen release)".to_owned()
    })?;
    value
        .strip_prefix("version_")
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_owned)
        .ok_or_else(|| {
            format!("Trunk.toml [tools] wasm_opt = \"{value}\" is not of the form \"version_N\"")
        })
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The version of the one package called `name` in a Cargo.lock file.
fn lock_version(lock: &str, name: &str) -> Result<String> {
    let wanted_name = format!("name = \"{name}\"");
    let mut versions = Vec::new();
    for block in lock.split("[[package]]").skip(1) {
        let mut lines = block.lines().map(str::trim);
        if lines.clone().any(|line| line == wanted_name) {
            if let Some(version) = lines.find_map(|line| {
                line.strip_prefix("version = \"")
                    .and_then(|rest| rest.strip_suffix('"'))
            }) {
                versions.push(version.to_owned());
            }
        }
    }
    match versions.as_slice() {
        [version] => Ok(version.clone()),
        [] => Err(format!("Cargo.lock has no package `{name}`")),
        _ => Err(format!(
            "Cargo.lock has several versions of `{name}` ({}); wasm-bindgen-cli must match exactly one",
            versions.join(", ")
        )),
    }
}

/// A string value `key = "..."` in table `[section]` of a simple TOML file.
fn toml_string(text: &str, section: &str, key: &str) -> Option<String> {
    let mut current = String::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name.trim().to_owned();
            continue;
        }
        if current != section {
            continue;
        }
        let Some((k, v)) = line.split_once('=') else {
            continue;
        };
        if k.trim() != key {
            continue;
        }
        let v = v.trim();
        let quote = v.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let rest = &v[1..];
        return rest.find(quote).map(|end| rest[..end].to_owned());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen-futures"
version = "0.4.80"
dependencies = [
 "wasm-bindgen",
]
"#;

    #[test]
    fn reads_the_locked_version_of_a_package() {
        assert_eq!(lock_version(LOCK, "wasm-bindgen").unwrap(), "0.2.130");
        assert_eq!(
            lock_version(LOCK, "wasm-bindgen-futures").unwrap(),
            "0.4.80"
        );
        assert!(lock_version(LOCK, "trunk").is_err());
    }

    #[test]
    fn refuses_a_package_locked_at_two_versions() {
        let twice =
            format!("{LOCK}\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.100\"\n");
        assert!(lock_version(&twice, "wasm-bindgen").is_err());
    }

    #[test]
    fn reads_string_values_from_a_toml_table() {
        let toml = "[build]\nwasm_opt = \"no\"\n\n[tools]\n# a comment\nwasm_opt = \"version_132\" # pinned\nwasm_bindgen = '0.2.130'\n";
        assert_eq!(
            toml_string(toml, "tools", "wasm_opt").as_deref(),
            Some("version_132")
        );
        assert_eq!(
            toml_string(toml, "build", "wasm_opt").as_deref(),
            Some("no")
        );
        assert_eq!(
            toml_string(toml, "tools", "wasm_bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(toml_string(toml, "tools", "sass"), None);
    }

    #[test]
    fn the_repository_pins_are_consistent() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let binaryen = binaryen_version(root).unwrap();
        assert!(binaryen.parse::<u32>().is_ok());
        let wasm_bindgen = wasm_bindgen_version(root).unwrap();
        assert!(wasm_bindgen.starts_with("0.2."));
    }
}
