//! Profiles of the portal during the floor-off flow runs, when `BENCH_PROFILE_DIR` names a
//! folder: `perf record` with DWARF call graphs, attached to `rekey serve` for the run, one
//! file per run (`perf-<kind>-<clients>.data`). Read them with `perf report -i <file>`.

use std::process::{Child, Command, Stdio};

/// Starts `perf record` on `pid`, if profiles were asked for and perf runs.
pub fn start(pid: u32, name: &str) -> Option<Child> {
    let folder = std::env::var_os("BENCH_PROFILE_DIR")?;
    let out = std::path::Path::new(&folder).join(format!("perf-{name}.data"));
    let child = Command::new("perf")
        .args(["record", "-F", "499", "-g", "--call-graph", "dwarf,16384", "-p", &pid.to_string(), "-o"])
        .arg(&out)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    match child {
        Ok(child) => {
            // perf needs a moment to attach before the run starts.
            std::thread::sleep(std::time::Duration::from_millis(500));
            Some(child)
        }
        Err(e) => {
            eprintln!("  no profile: perf did not start: {e}");
            None
        }
    }
}

/// Stops `perf record` (SIGINT makes it write its file) and waits for it.
pub fn stop(child: Option<Child>) {
    let Some(mut child) = child else { return };
    let _ = Command::new("kill").args(["-INT", &child.id().to_string()]).status();
    let _ = child.wait();
}
