//! Running child processes with clear output.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Errors are messages for the person running the task.
pub type Result<T> = std::result::Result<T, String>;

/// Prints a section header.
pub fn header(title: &str) {
    println!("\n==> {title}");
}

/// The cargo that runs this task (so `cargo +toolchain xtask` keeps its toolchain).
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// A command line as it would be typed.
pub fn display(command: &Command) -> String {
    let mut line = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        line.push(' ');
        line.push_str(&arg.to_string_lossy());
    }
    line
}

/// Runs `command` with inherited stdio and fails unless it exits successfully.
pub fn run(command: &mut Command) -> Result<()> {
    let line = display(command);
    println!("$ {line}");
    let status = command
        .status()
        .map_err(|e| format!("could not start `{line}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{line}` failed ({status})"))
    }
}

/// Runs `command` and returns its trimmed stdout, or `None` when it cannot be
/// started or fails. Used to probe installed tools.
pub fn output(command: &mut Command) -> Option<String> {
    let out = command.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// Like [`output`] but fails with a message naming the command.
pub fn require_output(command: &mut Command) -> Result<String> {
    let line = display(command);
    let out = command
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("could not start `{line}`: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!("`{line}` failed ({})", out.status))
    }
}

/// `1m 05s` or `4.2s`.
pub fn elapsed(started: Instant) -> String {
    format_duration(started.elapsed())
}

pub fn format_duration(duration: Duration) -> String {
    let secs = duration.as_secs();
    if secs >= 60 {
        format!("{}m {:02}s", secs / 60, secs % 60)
    } else {
        format!("{:.1}s", duration.as_secs_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(format_duration(Duration::from_millis(4200)), "4.2s");
        assert_eq!(format_duration(Duration::from_secs(65)), "1m 05s");
        assert_eq!(format_duration(Duration::from_secs(1212)), "20m 12s");
    }

    #[test]
    fn command_lines_are_displayed_as_typed() {
        let mut command = Command::new("trunk");
        command.args(["build", "--release"]);
        assert_eq!(display(&command), "trunk build --release");
    }
}
