//! Connections to the directory: the URLs allowed, TLS settings, timeouts, and a small pool of
//! service-account connections that are opened lazily and replaced when they break.
//!
//! With several URLs every new connection tries them in order, passing over a server that
//! cannot be reached (refused, timed out, TLS failed): the pool fails over when a connection
//! breaks, and connections opened once the first server is back go to it again. With
//! `directory.discover_domain` the list comes from DNS instead (`discovery.rs`).
//!
//! Nothing here may log or return a password; errors carry ldap3's description of what went
//! wrong with the connection, which never contains one.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use ldap3::{Ldap, LdapConnAsync, LdapConnSettings, LdapError, StdStream};
use rustls::{ClientConfig, RootCertStore};
use secrecy::{ExposeSecret, SecretString};
use tokio::sync::Mutex;

use super::discovery::Discovery;
use crate::config::{AD_NEEDS_TLS, DirectoryConfig, LdapFlavour, PLAINTEXT_REFUSED};
use crate::directory::DirError;

/// How to open one connection: URLs in order of preference, TLS and the time allowed.
#[derive(Clone)]
pub struct Connector {
    urls: Vec<String>,
    /// With `directory.discover_domain`: the DCs come from DNS and `urls` is empty.
    discovery: Option<Arc<Discovery>>,
    starttls: bool,
    tls: Arc<ClientConfig>,
    timeout: Duration,
}

impl Connector {
    /// Reads the CA file (if any) and prepares TLS; does not contact the server.
    pub fn new(config: &DirectoryConfig) -> Result<Connector, DirError> {
        let roots = match &config.ca_file {
            Some(path) => {
                let pem = std::fs::read(path).map_err(|e| {
                    DirError::Unavailable(format!("cannot read directory.ca_file {}: {e}", path.display()))
                })?;
                let mut roots = RootCertStore::empty();
                for cert in rustls_pemfile::certs(&mut pem.as_slice()) {
                    let cert =
                        cert.map_err(|e| DirError::Unavailable(format!("directory.ca_file {}: {e}", path.display())))?;
                    roots
                        .add(cert)
                        .map_err(|e| DirError::Unavailable(format!("directory.ca_file {}: {e}", path.display())))?;
                }
                if roots.is_empty() {
                    return Err(DirError::Unavailable(format!(
                        "directory.ca_file {} holds no certificate",
                        path.display()
                    )));
                }
                roots
            }
            None => RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() },
        };
        let tls = ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .map_err(|e| DirError::Unavailable(format!("TLS set-up: {e}")))?
            .with_root_certificates(roots)
            .with_no_client_auth();
        let discovery =
            if config.discover_domain.trim().is_empty() { None } else { Some(Arc::new(Discovery::new(config)?)) };
        Ok(Connector {
            urls: if discovery.is_some() { Vec::new() } else { config.urls().map(str::to_owned).collect() },
            discovery,
            starttls: config.starttls,
            tls: Arc::new(tls),
            timeout: Duration::from_secs(config.timeout_secs.max(1)),
        })
    }

    /// Time allowed for connecting and for each operation.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Opens a connection (TCP, then StartTLS or TLS as configured) within the timeout, to the
    /// first URL (or discovered DC) that answers.
    pub async fn connect(&self) -> Result<Ldap, DirError> {
        if let Some(discovery) = &self.discovery {
            return self.connect_discovered(discovery).await;
        }
        let mut last = DirError::Unavailable("directory.url lists no server".into());
        for url in &self.urls {
            match self.connect_to(url, None).await {
                Ok(ldap) => return Ok(ldap),
                Err(e) => last = e,
            }
        }
        Err(last)
    }

    /// Each DC in DNS order, each of its addresses in turn. The TCP connection is opened here
    /// (to an address from the same resolver) and handed to ldap3 with the DC's name in the
    /// URL, which TLS checks the certificate against.
    async fn connect_discovered(&self, discovery: &Discovery) -> Result<Ldap, DirError> {
        let mut last = DirError::Unavailable("directory.discover_domain: no domain controller answered".into());
        for target in discovery.servers().await? {
            let url = discovery.url(&target);
            let addresses = match discovery.addresses(&target).await {
                Ok(addresses) => addresses,
                Err(e) => {
                    last = e;
                    continue;
                }
            };
            for address in addresses {
                let stream = match tokio::time::timeout(self.timeout, tokio::net::TcpStream::connect(address)).await {
                    Ok(Ok(stream)) => stream.into_std(),
                    Ok(Err(e)) => Err(e),
                    Err(_) => Err(std::io::ErrorKind::TimedOut.into()),
                };
                let result = match stream {
                    Ok(stream) => self.connect_to(&url, Some(stream)).await,
                    Err(e) => {
                        tracing::warn!(url = %url, %address, error = %e, "cannot connect to the domain controller");
                        Err(DirError::Unavailable(format!("cannot connect to {url} at {address}: {e}")))
                    }
                };
                match result {
                    Ok(ldap) => return Ok(ldap),
                    Err(e) => last = e,
                }
            }
        }
        Err(last)
    }

    async fn connect_to(&self, url: &str, stream: Option<std::net::TcpStream>) -> Result<Ldap, DirError> {
        let mut settings = LdapConnSettings::new()
            .set_conn_timeout(self.timeout)
            .set_config(self.tls.clone())
            .set_starttls(self.starttls && url.starts_with("ldap://"));
        if let Some(stream) = stream {
            settings = settings.set_std_stream(StdStream::Tcp(stream));
        }
        let opened = tokio::time::timeout(self.timeout, LdapConnAsync::with_settings(settings, url)).await;
        let (conn, ldap) = match opened {
            Ok(Ok(pair)) => pair,
            Ok(Err(e)) => {
                tracing::warn!(url, error = %e, "cannot connect to the directory");
                return Err(DirError::Unavailable(format!("cannot connect to {url}: {e}")));
            }
            Err(_) => {
                tracing::warn!(url, "connecting to the directory timed out");
                return Err(DirError::Unavailable(format!("connecting to {url} timed out")));
            }
        };
        ldap3::drive!(conn);
        Ok(ldap)
    }

    /// Connects and binds as the service account.
    pub async fn connect_as(&self, bind_dn: &str, password: &SecretString) -> Result<Ldap, DirError> {
        let mut ldap = self.connect().await?;
        let result = ldap
            .with_timeout(self.timeout)
            .simple_bind(bind_dn, password.expose_secret())
            .await
            .map_err(|e| super::connection_error(&e))?;
        match result.rc {
            0 => Ok(ldap),
            rc => {
                tracing::warn!(rc, dn = bind_dn, text = %result.text, "the directory refused the service account's bind");
                let _ = ldap.unbind().await;
                Err(match rc {
                    49 => DirError::Denied(format!("bind as {bind_dn} refused: invalid credentials (49)")),
                    rc => super::result_error(rc, &result.text),
                })
            }
        }
    }
}

/// Whether an operation may be sent again on a new connection after its connection broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// Reads and idempotent writes: retry once whenever the connection turns out dead.
    Idempotent,
    /// Password operations: retry only if the request certainly never left this process.
    OnlyIfUnsent,
}

impl Retry {
    fn allows(self, e: &LdapError) -> bool {
        matches!(
            (self, e),
            (_, LdapError::OpSend { .. })
                | (Retry::Idempotent, LdapError::ResultRecv { .. } | LdapError::Io { .. } | LdapError::EndOfStream)
        )
    }
}

/// `pool_size` service-account connections, used round-robin. `Ldap` handles multiplex, so a
/// slot's lock is held only while (re)connecting, never during an operation.
pub struct ServicePool {
    connector: Connector,
    bind_dn: String,
    password: SecretString,
    slots: Vec<Mutex<Option<Ldap>>>,
    next: AtomicUsize,
}

impl ServicePool {
    pub fn new(connector: Connector, bind_dn: String, password: SecretString, size: usize) -> ServicePool {
        let slots = (0..size.max(1)).map(|_| Mutex::new(None)).collect();
        ServicePool { connector, bind_dn, password, slots, next: AtomicUsize::new(0) }
    }

    pub fn connector(&self) -> &Connector {
        &self.connector
    }

    /// A fresh connection bound as the service account, outside the pool.
    pub async fn fresh(&self) -> Result<Ldap, DirError> {
        self.connector.connect_as(&self.bind_dn, &self.password).await
    }

    async fn checkout(&self) -> Result<(usize, Ldap), DirError> {
        let index = self.next.fetch_add(1, Ordering::Relaxed) % self.slots.len();
        let Some(slot) = self.slots.get(index) else {
            return Err(DirError::Unavailable("empty connection pool".into()));
        };
        let mut slot = slot.lock().await;
        if let Some(ldap) = slot.as_mut()
            && !ldap.is_closed()
        {
            return Ok((index, ldap.clone()));
        }
        *slot = None;
        let ldap = self.fresh().await?;
        *slot = Some(ldap.clone());
        Ok((index, ldap))
    }

    async fn discard(&self, index: usize) {
        if let Some(slot) = self.slots.get(index) {
            *slot.lock().await = None;
        }
    }

    /// Runs `op` on a pooled connection. When the connection turns out to be broken it is
    /// replaced, and `op` is run once more if `retry` allows it for the error seen.
    pub async fn run<T, F, Fut>(&self, retry: Retry, op: F) -> Result<T, DirError>
    where
        F: Fn(Ldap) -> Fut,
        Fut: Future<Output = Result<T, LdapError>>,
    {
        let (index, ldap) = self.checkout().await?;
        let e = match op(ldap).await {
            Ok(value) => return Ok(value),
            Err(e) => e,
        };
        let error = self.failed(index, &e, retry).await;
        if !(is_broken(&e) && retry.allows(&e)) {
            return Err(error);
        }
        tracing::debug!(error = %e, "directory connection was broken; retrying once on a new one");
        let (index, ldap) = self.checkout().await?;
        match op(ldap).await {
            Ok(value) => Ok(value),
            Err(e) => Err(self.failed(index, &e, retry).await),
        }
    }

    /// Drops a connection that broke or timed out, and describes the error: for a password
    /// write that may have reached the server, unconfirmed.
    async fn failed(&self, index: usize, e: &LdapError, retry: Retry) -> DirError {
        tracing::warn!(error = %e, "directory operation failed on the service connection");
        if is_broken(e) || matches!(e, LdapError::Timeout { .. }) {
            self.discard(index).await;
        }
        match retry {
            Retry::OnlyIfUnsent => super::write_error(e),
            Retry::Idempotent => super::connection_error(e),
        }
    }
}

/// Connections for binds as a person, each used by one person at a time (a bind changes whom
/// the whole connection speaks for), and kept open between uses: a sign-in or a change binds
/// on a connection the last one left, instead of opening one (and a TLS session) each time.
///
/// A connection comes back bound as whoever used it last, or anonymous after a refused bind;
/// only this pool holds it, and every use starts with the next person's own bind.
pub struct PersonPool {
    connector: Connector,
    idle: std::sync::Mutex<Vec<Ldap>>,
    keep: usize,
}

/// A connection taken from the [`PersonPool`], and whether it was open already.
pub struct Taken {
    pub ldap: Ldap,
    pub reused: bool,
}

impl PersonPool {
    /// Keeps up to `keep` idle connections.
    pub fn new(connector: Connector, keep: usize) -> PersonPool {
        PersonPool { connector, idle: std::sync::Mutex::new(Vec::new()), keep: keep.max(1) }
    }

    fn idle(&self) -> std::sync::MutexGuard<'_, Vec<Ldap>> {
        self.idle.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// An idle connection that is still open, or a new one.
    pub async fn take(&self) -> Result<Taken, DirError> {
        loop {
            let Some(mut ldap) = self.idle().pop() else { break };
            if !ldap.is_closed() {
                return Ok(Taken { ldap, reused: true });
            }
        }
        Ok(Taken { ldap: self.connector.connect().await?, reused: false })
    }

    /// A new connection, for a bind that failed on a reused one because it had been closed.
    pub async fn fresh(&self) -> Result<Ldap, DirError> {
        self.connector.connect().await
    }

    /// Hands a connection back after a use that ended with an answer from the server; one
    /// that broke, or one more than the pool keeps, is closed.
    pub async fn give_back(&self, mut ldap: Ldap) {
        if !ldap.is_closed() {
            let mut idle = self.idle();
            if idle.len() < self.keep {
                idle.push(ldap);
                return;
            }
        }
        let _ = ldap.unbind().await;
    }
}

/// Errors that mean the connection itself is gone. A search on a connection the server
/// closed (Samba stopping) ends with `EndOfStream`.
pub fn is_broken(e: &LdapError) -> bool {
    matches!(e, LdapError::OpSend { .. } | LdapError::ResultRecv { .. } | LdapError::Io { .. } | LdapError::EndOfStream)
}

/// `directory.url`: ldap:// or ldaps:// URLs, and no plain LDAP unless allowed. Config
/// validation says so too; this also covers configs built in code.
pub(super) fn check_urls(config: &DirectoryConfig) -> Result<(), DirError> {
    let urls: Vec<&str> = config.urls().collect();
    if urls.is_empty() || urls.iter().any(|u| !(u.starts_with("ldap://") || u.starts_with("ldaps://"))) {
        return Err(DirError::Unavailable(format!(
            "directory.url must start with ldap:// or ldaps://, got {:?}",
            config.url
        )));
    }
    if urls.iter().any(|u| u.starts_with("ldap://")) && !config.starttls {
        if config.flavour == LdapFlavour::ActiveDirectory {
            return Err(DirError::Unavailable(format!("directory.url: {AD_NEEDS_TLS}")));
        }
        if !config.allow_plaintext {
            return Err(DirError::Unavailable(format!("directory.url: {PLAINTEXT_REFUSED}")));
        }
    }
    Ok(())
}
