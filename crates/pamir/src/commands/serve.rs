//! `pamir serve`: the site, until SIGTERM or Ctrl-C.

use crate::cli::ServeArgs;
use crate::config::Config;
use anyhow::Context;
use pamir_core::demo::Loaded;
use pamir_web::{AppState, WebConfig};
use std::net::SocketAddr;

pub async fn run(args: ServeArgs, config: Config) -> anyhow::Result<()> {
    let address = config.listen_address(args.listen.as_deref())?;
    let (core, site) = super::open(&config).await?;
    if args.demo {
        match pamir_core::demo::load(&core, site).await? {
            Loaded::Loaded { items } => {
                println!("Demo mission site loaded: {items} items in English, Russian and Tajik.")
            }
            Loaded::AlreadyHasContent => {
                println!("The site already has content; the demo was not loaded.")
            }
        }
        let (email, password) = pamir_core::demo::admin_login(&core).await?;
        println!("Admin: sign in at /admin/ as {email} with the password {password}");
    }
    let web = WebConfig {
        theme_dir: Some(config.data.join("themes")),
        trust_forwarded_for: config.trust_forwarded_for,
        base_url: config.base_url.clone(),
        search_dir: Some(config.data.join("search")),
    };
    let state = AppState::new(core.clone(), web).await?;
    tokio::spawn(pamir_core::scheduler::run(core.clone(), site));
    tokio::spawn(pamir_core::media::keep_swept(core.clone()));
    // Items saved before the editor's checks were kept get them now, for the admin's list.
    let checking = core.clone();
    tokio::spawn(async move {
        match pamir_core::checks::catch_up(&checking).await {
            Ok(items) if items > 0 => tracing::info!(items, "editor's checks stored for older items"),
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "the editor's checks of older items stopped"),
        }
    });
    // The search index catches up in the background (all of it on a first start).
    let search = state.search.get(site)?;
    let indexing = core.clone();
    tokio::spawn(async move {
        match search.sync(&indexing).await {
            Ok(items) if items > 0 => tracing::info!(items, "search index caught up"),
            Ok(_) => {}
            Err(error) => tracing::error!(%error, "search index could not catch up"),
        }
    });
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .with_context(|| format!("cannot listen on {address} (is another server using it?)"))?;
    let bound = listener.local_addr().unwrap_or(address);
    println!("pamir is serving http://{bound}/ from {}", core.db.backend_name());
    axum::serve(listener, pamir_web::app(state).into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    core.db.close().await;
    println!("pamir stopped.");
    Ok(())
}

/// Resolves on SIGTERM (how service managers stop us) or Ctrl-C; in-flight
/// requests then finish before the process exits.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
