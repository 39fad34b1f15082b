//! Tells the code which git commit it is built from (`VERGEN_GIT_SHA`, read by
//! `src/version.rs`). Without git or outside a checkout nothing is set and the version says
//! "unknown"; the build never fails for it.

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
}
