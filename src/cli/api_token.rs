//! `rekey api-token create|list|revoke` on the portal host: tokens for the JSON API
//! (`/api/v1`). A new token is printed once on stdout; the database keeps only its keyed hash.

use std::process::ExitCode;

use clap::Subcommand;

use crate::clock::Clock;
use crate::config::Config;
use crate::flow::api::Scope;
use crate::flow::api::tokens;

#[derive(Debug, Subcommand)]
pub enum ApiTokenCommand {
    /// Make a token and print it (once: it cannot be shown again).
    Create {
        /// A name for the token, e.g. the system that uses it ("keycloak", "ticketing").
        #[arg(long)]
        name: String,
        /// What it may read or do: registration, status, audit, helpdesk, helpdesk_actions.
        /// Repeat for several.
        #[arg(long = "scope", required = true)]
        scopes: Vec<Scope>,
        /// Days until it expires (at most api.max_token_days).
        #[arg(long, default_value_t = 90)]
        expires_days: u32,
    },
    /// List tokens: name, scopes, expiry, last use, state (never the token itself).
    List,
    /// Refuse a token from now on.
    Revoke {
        /// The token's id or name.
        token: String,
    },
}

/// Runs one `rekey api-token` command against the portal's database.
pub async fn run(config: &Config, cmd: &ApiTokenCommand) -> ExitCode {
    match manage(config, cmd).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("rekey api-token: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn manage(config: &Config, cmd: &ApiTokenCommand) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let db = crate::store::Db::connect(&config.database.effective_url(), 1).await?;
    let keys = crate::crypto::Keys::derive(&config.master_key().ok_or("secrets.master_key: missing or invalid")?);
    let now = Clock::system().now();
    match cmd {
        ApiTokenCommand::Create { name, scopes, expires_days } => {
            let max = config.api.max_token_days;
            if !(1..=max).contains(expires_days) {
                eprintln!(
                    "rekey api-token: --expires-days must be 1 to {max} (api.max_token_days), got {expires_days}"
                );
                return Ok(ExitCode::from(2));
            }
            if name.trim().is_empty() {
                eprintln!("rekey api-token: --name must not be empty");
                return Ok(ExitCode::from(2));
            }
            let (row, token) = tokens::create(&db, &keys, name, scopes, *expires_days, now).await?;
            println!("{}", token.as_str());
            eprintln!(
                "rekey: API token {:?} ({}) with scopes {}, valid for {expires_days} days. It is shown only now: \
                 keep it in the calling system's secret store.",
                row.name, row.id, row.scopes
            );
        }
        ApiTokenCommand::List => print!("{}", tokens::table(&keys, &db.list_api_tokens().await?, now)),
        ApiTokenCommand::Revoke { token } => match tokens::find(&db, token).await? {
            Ok(row) if tokens::revoke(&db, &keys, &row, now).await? => {
                eprintln!("rekey: revoked API token {:?} ({}); it is refused from now on", row.name, row.id);
            }
            Ok(row) => {
                eprintln!("rekey: API token {:?} ({}) was revoked already", row.name, row.id);
                return Ok(ExitCode::FAILURE);
            }
            Err(message) => {
                eprintln!("rekey: {message}");
                return Ok(ExitCode::FAILURE);
            }
        },
    }
    Ok(ExitCode::SUCCESS)
}
