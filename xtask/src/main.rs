//! Project automation: `cargo xtask <command>`.
//!
//! - `setup [--browser]`: install what building (and, with `--browser`,
//!   testing) needs, each piece only when missing: the wasm target, Trunk,
//!   the wasm-bindgen CLI matching Cargo.lock, npm packages (wasm-opt,
//!   playwright-core, axe-core), Chromium and its driver.
//! - `serve [--release]`: setup, then serve the app on http://127.0.0.1:8080.
//! - `build`: setup, then the release bundle in `dist/`.
//! - `size [--no-build]`: the first-load size of the release bundle, file by
//!   file, raw and gzipped, against the budget.
//! - `eval [--verbose]`: the extractor against the Italian Recognizers-Text
//!   suites in `eval/`, a pass rate per file.
//! - `bench [--quick]`: the whole CLI at scale and on adversarial inputs
//!   (time, the child's peak memory, JSON size, growth per 10× of input),
//!   extraction throughput against peers (chrono-node, text2num) and as
//!   the release WebAssembly build in Node.js; fails when a budget is
//!   missed (see `bench.rs`).
//! - `audit`: Lighthouse (mobile preset) on the release build served
//!   statically; prints the category scores against the targets.
//! - `fuzz [--seconds N] [--target NAME] [--keep-going] [--smoke]`: the
//!   cargo-fuzz targets of `fuzz/` (nightly), each for N seconds
//!   (`fuzz.rs`).
//! - `test` (alias `ci`): setup --browser, then fmt, clippy (native and wasm),
//!   every Rust test, the fuzz smoke, the release build and the browser
//!   tests.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

mod bench;
mod eval;
mod eval_compare;
mod eval_news;
mod fuzz;
mod size;

const TRUNK_VERSION: &str = "0.21.14";
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// The other engines of the browser tests: Firefox ESR with geckodriver, and
/// WebKitGTK (Safari's engine) with its WebDriver and MiniBrowser, drawn on
/// a virtual display.
const FIREFOX: &str = "/usr/bin/firefox-esr";
const WEBKIT_WEBDRIVER: &str = "/usr/bin/WebKitWebDriver";
const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const XVFB: &str = "/usr/bin/Xvfb";
const GECKODRIVER_VERSION: &str = "0.37.1";

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let cmd = args.first().map(String::as_str).unwrap_or("help");
    let flags: Vec<&str> = args.iter().skip(1).map(String::as_str).collect();
    let result = match cmd {
        "setup" => setup(flags.contains(&"--browser")),
        "serve" => serve(flags.contains(&"--release")),
        "build" => setup(false).and_then(|_| build_release()),
        "size" => size_cmd(flags.contains(&"--no-build")),
        "test" | "ci" => test(),
        "eval" => eval::run(
            &root(),
            flags.contains(&"--verbose"),
            flags.contains(&"--check"),
        ),
        "eval-news" => eval_news::run(
            &root(),
            flags.contains(&"--verbose"),
            flags.contains(&"--check"),
            flags
                .iter()
                .find(|f| !f.starts_with("--"))
                .copied()
                .unwrap_or(""),
        ),
        "eval-compare" => eval_compare::run(
            &root(),
            flags.contains(&"--verbose"),
            flags.contains(&"--check"),
            flags
                .iter()
                .find(|f| !f.starts_with("--"))
                .copied()
                .unwrap_or(""),
        ),
        "bench" => bench::bench(flags.contains(&"--quick")),
        "bench-ui" => bench_ui(),
        "engines" => setup(true).and_then(|_| {
            if !flags.contains(&"--no-build") {
                build_release()?;
            }
            engines()
        }),
        "audit" => audit(),
        "fuzz" => fuzz::run_cmd(&root(), &args[1..]),
        "help" | "--help" | "-h" => {
            println!("{}", HELP);
            Ok(())
        }
        other => Err(format!("unknown command {other:?}\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

const HELP: &str = "usage: cargo xtask <command>

  setup [--browser]   install the build tools (and the test browsers)
  serve [--release]   serve the app on http://127.0.0.1:8080
  build               build the release bundle into dist/
  size [--no-build]   print the first-load size of the release bundle
  eval [--verbose] [--check]
                      pass rates of the figure extractor on the Italian test suites
                      (--check fails under the specification's targets)
  eval-news [--verbose] [--check] [PREFIX]
                      the extractor on the Italian news evaluation set: recall, precision,
                      value+unit F1 and subject accuracy per split, family and kind
                      (--check fails under the targets; PREFIX: t, m or an article id)
  eval-compare [--verbose] [--check] [PREFIX]
                      the comparison on the evaluation stories: link precision and recall,
                      verdicts, planted and false conflicts per story and split
                      (--check fails under the targets on the measure split)
  bench [--quick]     the CLI at scale and on adversarial inputs, extraction against peers
                      and as WebAssembly, against budgets (--quick: a reduced set)
  bench-ui            how long switching views, outlets and figures keeps the browser busy
                      (Chromium, Firefox and WebKit side by side, release build)
  engines [--no-build]
                      the browser scenarios in Chromium, Firefox ESR and WebKit through
                      WebDriver, with screenshots (ENGINES=firefox,webkit picks some)
  audit               Lighthouse scores of the release build (installs lighthouse on first use)
  fuzz [--seconds N] [--target NAME] [--keep-going] [--smoke]
                      run the cargo-fuzz targets (article, compare, metadata) N seconds each
                      (default 60; installs nightly and cargo-fuzz when missing);
                      --keep-going records crashes and fuzzes on (long hunts);
                      --smoke shares about 2 minutes among the targets, build included
  test | ci           fmt, clippy, all Rust tests, fuzz smoke, release build, browser tests
                      (Chromium, then every scenario in Chromium, Firefox and WebKit)";

/// The workspace root (the parent of this crate).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// PATH with the project's npm binaries and cargo's bin directory first.
fn tool_path() -> OsString {
    let mut dirs = vec![root().join("node_modules/.bin")];
    if let Some(home) = env::var_os("CARGO_HOME") {
        dirs.push(PathBuf::from(home).join("bin"));
    } else if let Some(home) = env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo/bin"));
    }
    if let Some(path) = env::var_os("PATH") {
        dirs.extend(env::split_paths(&path));
    }
    env::join_paths(dirs).unwrap_or_default()
}

fn cmd(program: &str) -> Command {
    let mut c = Command::new(program);
    c.current_dir(root()).env("PATH", tool_path());
    c
}

fn run(c: &mut Command) -> Result {
    let shown = format!("{c:?}");
    println!("$ {}", describe(c));
    let status = c
        .status()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(c)))
    }
}

fn describe(c: &Command) -> String {
    let mut s = c.get_program().to_string_lossy().into_owned();
    for a in c.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// Stdout of a command, if it runs and succeeds.
fn output(c: &mut Command) -> Option<String> {
    let out = c.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn step(title: &str) {
    println!("\n== {title}");
    let _ = std::io::stdout().flush();
}

// ---------------------------------------------------------------- setup

fn setup(browser: bool) -> Result {
    step("setup: build tools");
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    ensure_npm()?;
    if browser {
        step("setup: test browsers");
        ensure_browsers()?;
    }
    Ok(())
}

fn ensure_wasm_target() -> Result {
    let installed =
        output(cmd("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        println!("wasm32-unknown-unknown target: present");
        return Ok(());
    }
    run(cmd("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn ensure_trunk() -> Result {
    let version = output(cmd("trunk").arg("--version")).unwrap_or_default();
    if version.split_whitespace().any(|w| w == TRUNK_VERSION) {
        println!("trunk {TRUNK_VERSION}: present");
        return Ok(());
    }
    println!("trunk {TRUNK_VERSION}: installing (compiles for several minutes, once)");
    run(cmd("cargo").args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))
}

/// The wasm-bindgen version that Cargo.lock resolves.
fn locked_wasm_bindgen() -> Result<String> {
    let lock = fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(v.trim_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

fn ensure_wasm_bindgen() -> Result {
    let version = locked_wasm_bindgen()?;
    let trunk_toml = fs::read_to_string(root().join("Trunk.toml")).unwrap_or_default();
    if !trunk_toml.contains(&format!("wasm_bindgen = \"{version}\"")) {
        return Err(format!(
            "Trunk.toml must pin wasm_bindgen = \"{version}\" (the version in Cargo.lock)"
        ));
    }
    let have = output(cmd("wasm-bindgen").arg("--version")).unwrap_or_default();
    if have.split_whitespace().any(|w| w == version) {
        println!("wasm-bindgen {version}: present");
        return Ok(());
    }
    println!("wasm-bindgen-cli {version}: installing (matches Cargo.lock)");
    // `--locked` cannot be used: one of its locked dependencies is not served.
    run(cmd("cargo").args(["install", "wasm-bindgen-cli", "--version", &version]))
}

fn ensure_npm() -> Result {
    let root = root();
    let marker = root.join("node_modules/.package-lock.json");
    let lock = root.join("package-lock.json");
    let fresh = match (fs::metadata(&marker), fs::metadata(&lock)) {
        (Ok(m), Ok(l)) => match (m.modified(), l.modified()) {
            (Ok(m), Ok(l)) => m >= l,
            _ => false,
        },
        _ => false,
    };
    let tools_there = root.join("node_modules/.bin/wasm-opt").exists()
        && root.join("node_modules/playwright-core").exists()
        && root.join("node_modules/selenium-webdriver").exists()
        && root.join("node_modules/chrono-node").exists();
    if fresh && tools_there {
        println!("npm packages: present");
        return Ok(());
    }
    run(cmd("npm").args(["ci", "--no-audit", "--no-fund"]))
}

/// Debian's packages of the three test engines, installed together when one
/// is missing.
fn ensure_browsers() -> Result {
    let pieces = [
        CHROMIUM,
        CHROMEDRIVER,
        FIREFOX,
        WEBKIT_WEBDRIVER,
        MINIBROWSER,
        XVFB,
    ];
    if pieces.iter().all(|p| Path::new(p).exists()) {
        println!("chromium, firefox-esr, webkit2gtk-driver, xvfb: present");
    } else {
        println!(
            "test browsers: installing Debian's chromium, firefox-esr, webkit2gtk-driver and xvfb"
        );
        let is_root = output(Command::new("id").arg("-u")).is_some_and(|s| s.trim() == "0");
        let apt = |args: &[&str]| -> Command {
            let mut c = if is_root {
                cmd("apt-get")
            } else {
                let mut c = cmd("sudo");
                c.arg("apt-get");
                c
            };
            c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
            c
        };
        run(&mut apt(&["update"]))?;
        run(&mut apt(&[
            "install",
            "-y",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
            "firefox-esr",
            "webkit2gtk-driver",
            "xvfb",
        ]))?;
    }
    ensure_geckodriver()
}

/// geckodriver, Firefox's WebDriver, built from its crate (once).
fn ensure_geckodriver() -> Result {
    let have = output(cmd("geckodriver").arg("--version")).unwrap_or_default();
    if have
        .split_whitespace()
        .nth(1)
        .is_some_and(|v| v == GECKODRIVER_VERSION)
    {
        println!("geckodriver {GECKODRIVER_VERSION}: present");
        return Ok(());
    }
    println!("geckodriver {GECKODRIVER_VERSION}: installing (compiles for a few minutes, once)");
    run(cmd("cargo").args([
        "install",
        "geckodriver",
        "--version",
        GECKODRIVER_VERSION,
        "--locked",
    ]))
}

// ---------------------------------------------------------------- build, serve

fn build_release() -> Result {
    step("release build");
    run(cmd("trunk").args(["build", "--release", "--offline"]))
}

fn serve(release: bool) -> Result {
    setup(false)?;
    step("serving on http://127.0.0.1:8080/ (Ctrl-C stops)");
    let mut c = cmd("trunk");
    c.args(["serve", "--offline"]);
    if release {
        c.arg("--release");
    }
    run(&mut c)
}

fn size_cmd(no_build: bool) -> Result {
    if !no_build {
        setup(false)?;
        build_release()?;
    }
    step("first-load size of dist/");
    let report = size::measure(&root().join("dist"))?;
    print!("{report}");
    report.check_budget()
}

// ---------------------------------------------------------------- test

fn test() -> Result {
    setup(true)?;
    step("format");
    run(cmd("cargo").args(["fmt", "--all", "--check"]))?;
    step("clippy (native)");
    run(cmd("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--locked",
        "--",
        "-D",
        "warnings",
    ]))?;
    step("clippy (wasm32)");
    run(cmd("cargo").args([
        "clippy",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "synoptic-app",
        "-p",
        "synoptic-core",
        "-p",
        "synoptic-bench",
        "-p",
        "synoptic-worker",
        "--locked",
        "--",
        "-D",
        "warnings",
    ]))?;
    step("Rust tests (core, CLI, components rendered natively)");
    run(cmd("cargo").args(["test", "--workspace", "--locked"]))?;
    step("browser glue in real browsers (wasm-bindgen tests in Chromium and Firefox)");
    wasm_browser_tests()?;
    step("fuzz smoke (every cargo-fuzz target from its seeds, about 2 minutes)");
    fuzz::run_cmd(&root(), &["--smoke".to_string()])?;
    step("extraction accuracy against the Italian test suites");
    eval::run(&root(), false, true)?;
    build_release()?;
    step("bundle size");
    let report = size::measure(&root().join("dist"))?;
    print!("{report}");
    report.check_budget()?;
    step("browser tests (headless Chromium, release bundle on a static server)");
    run(cmd("node")
        // Exit once the tests are done, even if a handle (a socket, a browser
        // process) is still open: a finished suite must not hang CI.
        .args(["--test", "--test-force-exit", "--test-reporter=spec"])
        .args(e2e_files()?)
        .env("CHROMIUM", CHROMIUM))?;
    step("browser tests in every engine (Chromium, Firefox ESR, WebKit through WebDriver, release bundle)");
    engines()
}

/// The scenarios of `tests/engines/` in Chromium, Firefox and WebKit; every
/// engine must be there (`ENGINES_REQUIRED`).
fn engines() -> Result {
    run(cmd("node")
        .args(["--test", "--test-force-exit", "--test-reporter=spec"])
        .arg("tests/engines/engines.test.mjs")
        .env("ENGINES_REQUIRED", "1")
        .env("CHROMIUM", CHROMIUM)
        .env("FIREFOX", FIREFOX)
        .env("WEBKIT_WEBDRIVER", WEBKIT_WEBDRIVER)
        .env("MINIBROWSER", MINIBROWSER))
}

/// `tests/browser.rs` (the app's storage and database glue) compiled to
/// WebAssembly and run by `wasm-bindgen-test-runner` in headless Chromium,
/// then in headless Firefox ESR.
fn wasm_browser_tests() -> Result {
    let dir = root().join("target/wasm-browser-tests");
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    // The capabilities the runner adds to its own: the flags that keep
    // Chromium off the network (and its sandbox, which needs more than root
    // has in a container); Firefox's binary.
    let webdriver = dir.join("webdriver.json");
    let capabilities = format!(
        r#"{{"goog:chromeOptions": {{"binary": "{CHROMIUM}", "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]}},
  "moz:firefoxOptions": {{"binary": "{FIREFOX}", "args": ["-headless"]}}}}"#
    );
    fs::write(&webdriver, capabilities)
        .map_err(|e| format!("cannot write {}: {e}", webdriver.display()))?;
    let geckodriver = output(cmd("sh").args(["-c", "command -v geckodriver"]))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .ok_or("geckodriver is not on the PATH")?;
    for (driver, path) in [
        ("CHROMEDRIVER", CHROMEDRIVER),
        ("GECKODRIVER", geckodriver.as_str()),
    ] {
        println!("-- {driver}={path}");
        run(cmd("cargo")
            .args([
                "test",
                "--locked",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "browser",
            ])
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            )
            .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &webdriver)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "60")
            .env(driver, path))?;
    }
    Ok(())
}

/// The browser test files, in name order.
fn e2e_files() -> Result<Vec<String>> {
    let dir = root().join("tests/e2e");
    let mut files: Vec<String> = fs::read_dir(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".test.mjs"))
        .map(|n| format!("tests/e2e/{n}"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err("no browser tests in tests/e2e".into());
    }
    Ok(files)
}

/// The Lighthouse version the audit uses (the last that runs on Node 20).
const LIGHTHOUSE: &str = "12.8.2";

/// Lighthouse on the release build.
/// How long switching views and outlets keeps the browser busy, in headless
/// Chromium on the release build (`tools/ui-bench.mjs`).
fn bench_ui() -> Result {
    setup(true)?;
    build_release()?;
    step("interaction benchmark (Chromium, Firefox ESR and WebKit through WebDriver, release bundle)");
    run(cmd("node")
        .arg("tools/ui-bench.mjs")
        .env("CHROMIUM", CHROMIUM)
        .env("FIREFOX", FIREFOX)
        .env("WEBKIT_WEBDRIVER", WEBKIT_WEBDRIVER)
        .env("MINIBROWSER", MINIBROWSER))
}

fn audit() -> Result {
    setup(true)?;
    build_release()?;
    let dir = root().join(".tools/lighthouse");
    let have = fs::read_to_string(dir.join("node_modules/lighthouse/package.json"))
        .map(|p| p.contains(&format!("\"version\": \"{LIGHTHOUSE}\"")))
        .unwrap_or(false);
    if !have {
        step("installing lighthouse (once)");
        fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        run(cmd("npm")
            .args([
                "install",
                "--no-audit",
                "--no-fund",
                "--no-save",
                "--prefix",
            ])
            .arg(&dir)
            .arg(format!("lighthouse@{LIGHTHOUSE}")))?;
    }
    step("Lighthouse audit (mobile preset)");
    run(cmd("node").arg("tools/audit.mjs").env("CHROMIUM", CHROMIUM))
}
