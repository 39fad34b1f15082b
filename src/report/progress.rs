//! `rekey report`'s listing of the directory, with its progress on stderr.

/// Lists the directory for `rekey report`, telling stderr every few seconds how many accounts
/// were read so far (a large Entra tenant takes minutes).
pub async fn listed_with_progress(
    directory: &dyn crate::directory::Directory,
    limit: usize,
) -> Result<Vec<crate::directory::DirUser>, crate::directory::DirError> {
    let progress = std::sync::atomic::AtomicUsize::new(0);
    let listing = directory.list_users_counted(limit, &progress);
    tokio::pin!(listing);
    let mut ticks = tokio::time::interval(std::time::Duration::from_secs(5));
    ticks.tick().await;
    let mut told = 0;
    loop {
        tokio::select! {
            result = &mut listing => {
                if told > 0 {
                    eprintln!("rekey report: listing the directory: done");
                }
                return result;
            }
            _ = ticks.tick() => {
                let so_far = progress.load(std::sync::atomic::Ordering::Relaxed);
                eprintln!("rekey report: listing the directory: {so_far} accounts so far");
                told += 1;
            }
        }
    }
}
