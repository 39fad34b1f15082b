//! The `rekey` binary: subcommands only, no logic.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rekey::agent::config::AgentConfig;
use rekey::clock::Clock;
use rekey::config::{Config, LogConfig, LogFormat};

/// mimalloc instead of glibc's allocator: `malloc` and `free` were a fifth of the CPU of a page
/// view in the profile (BENCHMARKS.md, "Changes made for speed"). Built without transparent
/// huge pages, which cost 16 MiB of resident memory for nothing at this size.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "rekey", version = rekey::version::LONG.as_str(), about = "Self-service password portal")]
struct Cli {
    /// Configuration file (default: ./rekey.toml if present). Every key can also be set with
    /// a REKEY_… environment variable, e.g. REKEY_DIRECTORY__URL.
    #[arg(short, long, env = "REKEY_CONFIG", global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the portal.
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Load and validate the configuration, print it with secrets redacted.
    CheckConfig,
    /// Password writeback: run or enrol an agent (inside the network), or manage agents (on
    /// the portal host).
    #[command(subcommand)]
    Agent(AgentCommand),
    /// The audit trail (portal host).
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Tokens for the JSON API at /api/v1: create (printed once), list, revoke (portal host).
    #[command(subcommand)]
    ApiToken(rekey::cli::api_token::ApiTokenCommand),
    /// Accounts whose owners blocked self-service with "this wasn't me" (portal host).
    #[command(subcommand)]
    Account(AccountCommand),
    /// Usage summary: registrations, changes, resets and unlocks, by method and failure
    /// reason, and registration coverage (the numbers of the admin area).
    Report {
        /// How far back, in whole UTC days up to today: 30d, 12w or a number of days.
        #[arg(long, default_value = "30d")]
        since: String,
        /// Print the counts per day as CSV (the admin area's activity download) instead.
        #[arg(long)]
        csv: bool,
        /// Do not list the directory (coverage then shows only who registered).
        #[arg(long)]
        no_directory: bool,
    },
    /// Expiry reminders and registration nudges ([reminders], [campaign]): run one pass now,
    /// or print who would get what (--dry-run).
    Remind {
        /// Print the mails a pass would send now, one a line; send nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Subcommand)]
enum AccountCommand {
    /// List blocked accounts.
    Blocks,
    /// Lift the block on an account (by login or directory id).
    Unblock { account: String },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check the hash chain; exits 1 and names the first record that was altered, removed or
    /// inserted, or, against the latest checkpoint, the records missing from the end.
    Verify {
        /// Files holding checkpoint lines (`audit.checkpoint_file`, or the portal's log). Default:
        /// `audit.checkpoint_file` when it exists.
        #[arg(long)]
        checkpoints: Vec<PathBuf>,
    },
    /// Print records as JSON lines, oldest first.
    Export {
        /// Only records with an id above this.
        #[arg(long, default_value_t = 0)]
        after: i64,
    },
}

#[derive(Subcommand)]
enum AgentCommand {
    /// Run the agent (agent host; -c names rekey-agent.toml).
    Run,
    /// Validate the agent configuration and print it with secrets redacted (agent host).
    CheckConfig,
    /// Register this agent with the portal using a one-time token (agent host).
    Enroll {
        /// The portal's public URL, https://…
        #[arg(long)]
        portal: String,
        /// The token from `rekey agent token create` (or set REKEY_AGENT_TOKEN).
        #[arg(long, env = "REKEY_AGENT_TOKEN", hide_env_values = true)]
        token: String,
        /// A name for this agent in the portal's agent list.
        #[arg(long, default_value = "agent")]
        name: String,
        /// Where to write the agent's keys (mode 0600); must not exist yet.
        #[arg(long, default_value = "/var/lib/rekey-agent/agent.key")]
        key_file: PathBuf,
        /// PEM file with the CA that signed the portal's certificate, if not a public one.
        #[arg(long)]
        ca_file: Option<PathBuf>,
    },
    /// Enrolment tokens (portal host).
    #[command(subcommand)]
    Token(TokenCommand),
    /// List enrolled agents: version, last heartbeat, jobs done and failed (portal host).
    List,
    /// Refuse every further message from an agent (portal host).
    Revoke {
        /// The agent's id or name.
        agent: String,
    },
    /// Ask an agent to rotate its keys at its next heartbeat (portal host).
    Rotate {
        /// The agent's id or name.
        agent: String,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Make a one-time enrolment token and print it.
    Create {
        /// The name the agent will enrol under (the agent may choose its own).
        #[arg(long, default_value = "agent")]
        name: String,
        /// Minutes until the token expires (default: directory.agent.token_ttl_mins).
        #[arg(long)]
        ttl_mins: Option<u64>,
    },
}

fn load(cli: &Cli) -> Result<Config, ExitCode> {
    let config = Config::load(cli.config.as_deref()).map_err(|errors| {
        eprintln!("rekey: the configuration has {} problem(s):", errors.0.len());
        for e in &errors.0 {
            eprintln!("  {e}");
        }
        ExitCode::from(2)
    })?;
    if let Some(key) = rekey::config::language::deprecated_key_in_use(&config) {
        eprintln!("rekey: warning: {key} is deprecated; set server.default_lang instead");
    }
    Ok(config)
}

fn load_agent(cli: &Cli) -> Result<AgentConfig, ExitCode> {
    AgentConfig::load(cli.config.as_deref()).map_err(|errors| {
        eprintln!("rekey agent: the configuration has {} problem(s):", errors.0.len());
        for e in &errors.0 {
            eprintln!("  {e}");
        }
        ExitCode::from(2)
    })
}

fn init_logging(log: &LogConfig) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(&log.level));
    // Colours only on a terminal: journald and log files get plain text.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(ansi);
    let _ = match log.format {
        LogFormat::Json => builder.json().flatten_event(true).with_current_span(false).with_span_list(true).try_init(),
        LogFormat::Text => builder.try_init(),
    };
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(s) => s,
            Err(_) => {
                let _ = ctrl_c.await;
                return;
            }
        };
        tokio::select! {
            _ = ctrl_c => {},
            _ = term.recv() => {},
        }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::Agent(cmd) = &cli.command {
        return agent(&cli, cmd).await;
    }
    let config = match load(&cli) {
        Ok(c) => c,
        Err(code) => return code,
    };
    match cli.command {
        Command::CheckConfig => {
            print!("{}", config.to_redacted_toml());
            eprintln!("rekey: configuration is valid");
            ExitCode::SUCCESS
        }
        Command::Migrate => {
            init_logging(&config.log);
            match rekey::store::Db::connect_upgrading(&config.database.effective_url(), 1).await {
                Ok((db, upgraded)) => {
                    eprintln!("rekey: migrations applied");
                    // Methods stored before row MACs get theirs, once (needs the master key).
                    let Some(master) = config.master_key().filter(|_| upgraded) else { return ExitCode::SUCCESS };
                    let keys = rekey::crypto::Keys::derive(&master);
                    match rekey::flow::rows::bind_legacy_methods(&db, &keys).await {
                        Ok((bound, refused)) if bound + refused > 0 => {
                            eprintln!("rekey: {bound} stored methods bound, {refused} refused (they do not open)");
                            ExitCode::SUCCESS
                        }
                        Ok(_) => ExitCode::SUCCESS,
                        Err(e) => {
                            eprintln!("rekey: database: {e}");
                            ExitCode::FAILURE
                        }
                    }
                }
                Err(e) => {
                    eprintln!("rekey: database: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Serve => {
            init_logging(&config.log);
            // With JSON logs, stderr holds JSON lines only.
            let plain = config.log.format == LogFormat::Text;
            let running = match rekey::web::start(config, Clock::system()).await {
                Ok(r) => r,
                Err(e) => {
                    tracing::error!(error = %e, "rekey could not start");
                    if plain {
                        eprintln!("rekey: {e}");
                    }
                    return ExitCode::FAILURE;
                }
            };
            if plain {
                eprintln!("rekey: listening on http://{}", running.addr);
            }
            shutdown_signal().await;
            tracing::info!("shutting down");
            running.stop().await;
            ExitCode::SUCCESS
        }
        Command::Audit(cmd) => match audit(&config, &cmd).await {
            Ok(code) => code,
            Err(e) => {
                eprintln!("rekey audit: {e}");
                ExitCode::FAILURE
            }
        },
        Command::ApiToken(cmd) => rekey::cli::api_token::run(&config, &cmd).await,
        Command::Account(cmd) => match account(&config, &cmd).await {
            Ok(code) => code,
            Err(e) => {
                eprintln!("rekey account: {e}");
                ExitCode::FAILURE
            }
        },
        Command::Report { since, csv, no_directory } => match report(config, &since, csv, no_directory).await {
            Ok(code) => code,
            Err(e) => {
                eprintln!("rekey report: {e}");
                ExitCode::FAILURE
            }
        },
        Command::Remind { dry_run } => match remind(config, dry_run).await {
            Ok(code) => code,
            Err(e) => {
                eprintln!("rekey remind: {e}");
                ExitCode::FAILURE
            }
        },
        Command::Agent(_) => ExitCode::FAILURE,
    }
}

async fn remind(config: Config, dry_run: bool) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let app = rekey::web::App::build(config, Clock::system()).await?;
    print!("{}", rekey::flow::reminders::command(&app.services, dry_run).await?);
    Ok(ExitCode::SUCCESS)
}

async fn report(
    config: Config,
    since: &str,
    csv: bool,
    no_directory: bool,
) -> Result<ExitCode, Box<dyn std::error::Error>> {
    use rekey::report::{self, ActivityReport, Coverage, Period};
    use std::io::Write as _;
    let now = Clock::system().now();
    let Some(period) = Period::since(since, now) else {
        eprintln!(
            "rekey report: --since expects a number of days like 30d, 12w or 7 (at most {}), got {since:?}",
            report::MAX_DAYS
        );
        return Ok(ExitCode::from(2));
    };
    let app = rekey::web::App::build(config, Clock::system()).await?;
    let s = &app.services;
    let counts = s.db.audit_day_counts(period.from_ts(), period.to_ts()).await?;
    if csv {
        std::io::stdout().write_all(&report::activity_csv(&counts))?;
        return Ok(ExitCode::SUCCESS);
    }
    let activity = ActivityReport::build(period, &counts);
    let summaries = s.db.method_summaries().await?;
    let registered = summaries.iter().map(|m| m.user_id.as_str()).collect::<std::collections::BTreeSet<_>>().len();
    let coverage = if no_directory {
        None
    } else {
        let limit = s.config.admin.max_listed_accounts;
        match report::listed_with_progress(s.directory.as_ref(), limit).await {
            Ok(users) => {
                let truncated = users.len() >= limit;
                Some(Coverage::build(&s.config, &users, &summaries, truncated))
            }
            Err(e) => {
                eprintln!("rekey report: the directory could not be listed: {e}");
                None
            }
        }
    };
    print!("{}", report::text(&activity, coverage.as_ref(), registered));
    Ok(ExitCode::SUCCESS)
}

async fn account(config: &Config, cmd: &AccountCommand) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let db = rekey::store::Db::connect(&config.database.effective_url(), 1).await?;
    match cmd {
        AccountCommand::Blocks => {
            for b in db.list_blocks().await? {
                let when = time::OffsetDateTime::from_unix_timestamp(b.blocked_at)
                    .ok()
                    .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
                    .unwrap_or_default();
                println!("{}\t{}\t{when}\t{}", b.login, b.user_id, b.reason);
            }
            Ok(ExitCode::SUCCESS)
        }
        AccountCommand::Unblock { account } => {
            if db.unblock(account).await? {
                eprintln!("rekey: self-service is available again for {account}");
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!("rekey: {account} is not blocked");
                Ok(ExitCode::FAILURE)
            }
        }
    }
}

async fn audit(config: &Config, cmd: &AuditCommand) -> Result<ExitCode, Box<dyn std::error::Error>> {
    use std::io::Write as _;
    let db = rekey::store::Db::connect(&config.database.effective_url(), 1).await?;
    let keys = rekey::crypto::Keys::derive(&config.master_key().ok_or("secrets.master_key: missing or invalid")?);
    match cmd {
        AuditCommand::Verify { checkpoints } => {
            let mac = |prev: &[u8], record: &[u8]| keys.audit_mac(prev, record);
            let checkpoint = latest_checkpoint(config, checkpoints, &keys)?;
            let check = db.verify_audit_against(&mac, checkpoint.as_ref()).await?;
            Ok(report_chain(check, checkpoint.as_ref()))
        }
        AuditCommand::Export { after } => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let mut after = *after;
            loop {
                let page = db.audit_page(after, 1000).await?;
                let Some(last) = page.last() else { break };
                after = last.id;
                for row in page {
                    let line = serde_json::json!({
                        "id": row.id,
                        "at": time::OffsetDateTime::from_unix_timestamp(row.event.at)
                            .ok()
                            .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok()),
                        "event": row.event,
                        "hash": row.hash.as_deref().map(hex::encode),
                    });
                    writeln!(out, "{line}")?;
                }
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The newest valid checkpoint in the files named, or in `audit.checkpoint_file`.
fn latest_checkpoint(
    config: &Config,
    files: &[PathBuf],
    keys: &rekey::crypto::Keys,
) -> Result<Option<rekey::store::Checkpoint>, Box<dyn std::error::Error>> {
    let files: Vec<PathBuf> = match (files, &config.audit.checkpoint_file) {
        ([], Some(path)) if path.exists() => vec![path.clone()],
        _ => files.to_vec(),
    };
    let mut text = String::new();
    for file in &files {
        let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
        text.push_str(&String::from_utf8_lossy(&bytes));
        text.push('\n');
    }
    let mac = |body: &[u8]| keys.audit_checkpoint_mac(body);
    let (latest, bad) = rekey::store::Checkpoint::latest(&text, &mac);
    if bad > 0 {
        println!(
            "warning: {bad} checkpoint lines do not carry a valid MAC (forged, damaged, or from another master key); ignored"
        );
    }
    if files.is_empty() {
        println!("no checkpoints given: records removed from the end cannot be noticed (see --checkpoints)");
    } else if latest.is_none() {
        println!("no valid checkpoint found in {} file(s)", files.len());
    }
    Ok(latest)
}

fn report_chain(check: rekey::store::ChainCheck, checkpoint: Option<&rekey::store::Checkpoint>) -> ExitCode {
    let when = |at: i64| {
        time::OffsetDateTime::from_unix_timestamp(at)
            .ok()
            .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
            .unwrap_or_else(|| at.to_string())
    };
    match check {
        rekey::store::ChainCheck::Intact { records, unchained } => {
            println!("audit trail intact: {records} records");
            if unchained > 0 {
                println!("({unchained} records were written before the chain began and cannot be checked)");
            }
            if let Some(c) = checkpoint {
                println!("it holds the checkpoint of {}: {} records up to record {}", when(c.at), c.records, c.head);
            }
            ExitCode::SUCCESS
        }
        rekey::store::ChainCheck::Broken { id, why } => {
            println!("audit trail BROKEN at record {id}: {why}");
            ExitCode::FAILURE
        }
        rekey::store::ChainCheck::Truncated { checkpoint: c, last, records } => {
            let left = match last {
                None => "no records are left".to_owned(),
                Some(id) if id < c.head => {
                    format!("it now ends at record {id} ({records} records): the records after it were removed")
                }
                Some(id) => {
                    format!("record {} is gone though the trail goes on to record {id} ({records} records)", c.head)
                }
            };
            println!(
                "audit trail TRUNCATED: the checkpoint of {} counted {} records up to record {}; {left}",
                when(c.at),
                c.records,
                c.head
            );
            ExitCode::FAILURE
        }
    }
}

async fn agent(cli: &Cli, cmd: &AgentCommand) -> ExitCode {
    match cmd {
        AgentCommand::Run => {
            let config = match load_agent(cli) {
                Ok(c) => c,
                Err(code) => return code,
            };
            init_logging(&config.log);
            match rekey::agent::client::run(config, shutdown_signal()).await {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    tracing::error!(error = %e, "rekey agent stopped with an error");
                    eprintln!("rekey agent: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        AgentCommand::CheckConfig => match load_agent(cli) {
            Ok(config) => {
                print!("{}", config.to_redacted_toml());
                eprintln!("rekey agent: configuration is valid");
                ExitCode::SUCCESS
            }
            Err(code) => code,
        },
        AgentCommand::Enroll { portal, token, name, key_file, ca_file } => {
            match rekey::agent::client::enroll(portal, token, name, key_file, ca_file.as_deref()).await {
                Ok(identity) => {
                    eprintln!(
                        "rekey agent: enrolled as {} ({}); keys written to {}",
                        identity.name,
                        identity.agent_id,
                        key_file.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("rekey agent: enrolment failed: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        AgentCommand::Token(_) | AgentCommand::List | AgentCommand::Revoke { .. } | AgentCommand::Rotate { .. } => {
            let config = match load(cli) {
                Ok(c) => c,
                Err(code) => return code,
            };
            match manage_agents(&config, cmd).await {
                Ok(code) => code,
                Err(e) => {
                    eprintln!("rekey agent: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// The portal-host agent commands: they work on the portal's database.
async fn manage_agents(config: &Config, cmd: &AgentCommand) -> Result<ExitCode, Box<dyn std::error::Error>> {
    use rekey::agent::admin;
    let db = rekey::store::Db::connect(&config.database.effective_url(), 1).await?;
    let keys = rekey::crypto::Keys::derive(&config.master_key().ok_or("secrets.master_key: missing or invalid")?);
    let now = Clock::system().now();
    let agent_config = &config.directory.agent;
    match cmd {
        AgentCommand::Token(TokenCommand::Create { name, ttl_mins }) => {
            let ttl = ttl_mins.unwrap_or(agent_config.token_ttl_mins);
            let token = admin::create_token(&db, &keys, name, ttl, now).await?;
            println!("{}", token.as_str());
            eprintln!("rekey: enrolment token for {name:?}, valid once for {ttl} minutes:");
            eprintln!(
                "  rekey agent enroll --portal {} --name {name} --token <the token above>",
                config.server.public_url
            );
        }
        AgentCommand::List => {
            print!("{}", admin::table(&db.list_agents().await?, now, agent_config.heartbeat_window_secs))
        }
        AgentCommand::Revoke { agent } => match admin::find(&db, agent).await? {
            Ok(a) => {
                admin::revoke(&db, &keys, &a, now).await?;
                eprintln!("rekey: revoked agent {} ({}); it can no longer take jobs", a.name, a.id);
            }
            Err(message) => {
                eprintln!("rekey: {message}");
                return Ok(ExitCode::FAILURE);
            }
        },
        AgentCommand::Rotate { agent } => match admin::find(&db, agent).await? {
            Ok(a) if db.request_agent_rotation(&a.id).await? => {
                eprintln!("rekey: agent {} will rotate its keys at its next heartbeat", a.name);
            }
            Ok(a) => {
                eprintln!("rekey: agent {} is revoked", a.name);
                return Ok(ExitCode::FAILURE);
            }
            Err(message) => {
                eprintln!("rekey: {message}");
                return Ok(ExitCode::FAILURE);
            }
        },
        AgentCommand::Run | AgentCommand::CheckConfig | AgentCommand::Enroll { .. } => return Ok(ExitCode::FAILURE),
    }
    Ok(ExitCode::SUCCESS)
}
