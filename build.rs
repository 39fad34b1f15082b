//! Tells the code which git commit it is built from (`VERGEN_GIT_SHA`, read by
//! `src/version.rs`). Without git or outside a checkout nothing is set and the version says
//! "unknown"; the build never fails for it. Also rebuilds the code when a migration is added.

use std::process::Command;

fn main() {
    let git = vergen_gitcl::GitclBuilder::default().sha(false).build();
    match git {
        Ok(git) => {
            let emitted = vergen_gitcl::Emitter::default()
                .fail_on_error()
                .add_instructions(&git)
                .and_then(|emitter| emitter.emit());
            if let Err(err) = emitted {
                println!("cargo:warning=no git commit in the version: {err}");
            }
        }
        Err(err) => println!("cargo:warning=no git commit in the version: {err}"),
    }
    // vergen watches HEAD; in a `git worktree` the branch's ref lives in the common git folder,
    // so watch the file git names for it too, and a commit rebuilds with the new id.
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .output()
            .ok()
            .filter(|out| out.status.success())
            .and_then(|out| String::from_utf8(out.stdout).ok())
            .map(|s| s.trim().to_owned())
    };
    // `sqlx::migrate!` embeds the migration files, but cargo learns only of the files it read:
    // a migration added (or put back) would not rebuild the code, which then runs without it
    // (and refuses a database that already ran it). Watching the folders rebuilds it.
    println!("cargo:rerun-if-changed=migrations");
    if let Some(branch) = git(&["rev-parse", "--symbolic-full-name", "HEAD"]).filter(|b| b.starts_with("refs/"))
        && let Some(path) = git(&["rev-parse", "--path-format=absolute", "--git-path", &branch])
    {
        println!("cargo:rerun-if-changed={path}");
    }
}
