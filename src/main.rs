//! The `rekey` binary: subcommands only, no logic.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rekey::clock::Clock;
use rekey::config::{Config, LogFormat};

#[derive(Parser)]
#[command(name = "rekey", version, about = "Self-service password portal")]
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
}

fn load(cli: &Cli) -> Result<Config, ExitCode> {
    Config::load(cli.config.as_deref()).map_err(|errors| {
        eprintln!("rekey: the configuration has {} problem(s):", errors.0.len());
        for e in &errors.0 {
            eprintln!("  {e}");
        }
        ExitCode::from(2)
    })
}

fn init_logging(config: &Config) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(&config.log.level));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = match config.log.format {
        LogFormat::Json => builder.json().flatten_event(true).with_current_span(true).try_init(),
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
            init_logging(&config);
            match rekey::store::Db::connect(&config.database.effective_url(), 1).await {
                Ok(_) => {
                    eprintln!("rekey: migrations applied");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("rekey: database: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Serve => {
            init_logging(&config);
            let running = match rekey::web::start(config, Clock::system()).await {
                Ok(r) => r,
                Err(e) => {
                    tracing::error!(error = %e, "rekey could not start");
                    eprintln!("rekey: {e}");
                    return ExitCode::FAILURE;
                }
            };
            eprintln!("rekey: listening on http://{}", running.addr);
            shutdown_signal().await;
            tracing::info!("shutting down");
            running.stop().await;
            ExitCode::SUCCESS
        }
    }
}
