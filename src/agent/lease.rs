//! How a running agent judges time: its wall clock (possibly shifted for a test) stamps
//! messages; a lease is a duration counted on the monotonic clock from the offer's arrival.

use std::time::Duration;

use tokio::time::Instant;

use super::proto::JobOffer;

/// Test hook: shifts this agent's wall clock by the given seconds (`-10`: ten seconds slow),
/// as a machine whose clock is wrong would. Every reading of the wall clock by a running agent
/// goes through the agent's `now`, so the tests see what such a machine would do.
pub const CLOCK_SKEW_VAR: &str = "REKEYTEST_AGENT_CLOCK_SKEW_SECS";

pub(super) fn clock_skew() -> i64 {
    let skew = std::env::var(CLOCK_SKEW_VAR).ok().and_then(|v| v.trim().parse::<i64>().ok()).unwrap_or(0);
    if skew != 0 {
        tracing::warn!(skew_secs = skew, "{CLOCK_SKEW_VAR} is set: this agent's wall clock is shifted (a test)");
    }
    skew
}

/// A job offer as received.
pub(super) struct Offered {
    pub offer: JobOffer,
    /// The portal's clock when it signed the offer (the reply's header, checked fresh).
    pub portal_now: i64,
    /// When the offer arrived, on this machine's monotonic clock.
    pub received: Instant,
}

impl Offered {
    /// When the lease ends on this machine's monotonic clock: the granted seconds from the
    /// offer's arrival. A portal before `lease_secs` states the lease's end by its own clock,
    /// so the duration is that end less its own time in the offer. The offer's time in transit
    /// is not counted; the second kept back for posting the answer covers it.
    pub fn lease_ends(&self) -> Instant {
        let secs = match self.offer.lease_secs {
            Some(secs) => secs,
            None => u64::try_from(self.offer.lease_expires - self.portal_now).unwrap_or(0),
        };
        self.received + Duration::from_secs(secs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agent::proto::Op;

    fn offered(lease_expires: i64, lease_secs: Option<u64>) -> Offered {
        let offer = JobOffer {
            job_id: "j".into(),
            lease_id: "l".into(),
            op: Op::Unlock,
            sealed: String::new(),
            lease_expires,
            lease_secs,
        };
        Offered { offer, portal_now: 1_000, received: Instant::now() }
    }

    #[test]
    fn the_lease_is_the_granted_duration_or_the_old_portals_end_less_its_own_time() {
        let o = offered(5_000, Some(7));
        assert_eq!(o.lease_ends() - o.received, Duration::from_secs(7));
        let old = offered(1_010, None);
        assert_eq!(old.lease_ends() - old.received, Duration::from_secs(10));
        let past = offered(900, None);
        assert_eq!(past.lease_ends(), past.received);
    }
}
