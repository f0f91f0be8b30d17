//! The command-line interface, as `pamir --help` shows it.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "pamir",
    version,
    about = "A publishing system for the websites of organisations and their country offices"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalOptions,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes, before or after its name.
#[derive(Args, Debug, Clone)]
pub struct GlobalOptions {
    /// Folder for the SQLite database, media and theme overrides [default: ./pamir-data]
    #[arg(long, global = true, env = "PAMIR_DATA")]
    pub data: Option<PathBuf>,
    /// Database URL: sqlite://PATH or postgres://USER@HOST/DB [default: SQLite in the data folder]
    #[arg(long, global = true, env = "PAMIR_DATABASE")]
    pub database: Option<String>,
    /// A TOML file with any of the settings (command-line options and PAMIR_* variables win)
    #[arg(long, global = true, env = "PAMIR_CONFIG")]
    pub config: Option<PathBuf>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Serve the site
    Serve(ServeArgs),
    /// Add N synthetic articles (for benchmarks and load tests); loads the demo first into an empty site
    Seed {
        /// How many articles to add
        #[arg(long)]
        articles: usize,
    },
    /// Manage admin users
    #[command(subcommand)]
    User(UserCommand),
    /// Rebuild the search index from the database (while the server is stopped)
    Reindex,
    /// Manage API tokens (for the JSON API's write endpoints)
    #[command(subcommand)]
    Token(TokenCommand),
    /// Import content from another publishing system
    #[command(subcommand)]
    Import(ImportCommand),
    /// Write items from the command line
    #[command(subcommand)]
    Item(ItemCommand),
    /// Look after the media library's files
    #[command(subcommand)]
    Media(MediaCommand),
}

#[derive(Subcommand)]
pub enum MediaCommand {
    /// Remove the files of uploads that never finished (a server killed while storing them); a running
    /// server does this by itself for uploads older than an hour
    CleanUp {
        /// Only uploads begun this many minutes ago or more (0 when no server is running)
        #[arg(long, value_name = "MINUTES", default_value_t = 60)]
        older_than: u64,
    },
}

#[derive(Subcommand)]
pub enum ItemCommand {
    /// Add an item from a JSON file shaped as the API's POST /api/v1/items body, as this user
    Add {
        /// The e-mail address of the user who writes it (their role decides what they may do)
        #[arg(long = "as", value_name = "EMAIL")]
        user: String,
        /// The JSON file (- for standard input)
        file: std::path::PathBuf,
    },
}

#[derive(Subcommand)]
pub enum ImportCommand {
    /// A WordPress export file (Tools → Export → All content)
    Wxr {
        /// The .xml export file
        file: std::path::PathBuf,
        /// The language the site was written in [default: the site's default language]
        #[arg(long)]
        lang: Option<String>,
        /// The site's wp-content/uploads folder (or a copy), for the attachments' files
        #[arg(long)]
        files: Option<std::path::PathBuf>,
        /// The old permalink structure, e.g. '/%year%/%monthnum%/%postname%/', for more 301s
        #[arg(long)]
        permalinks: Option<String>,
        /// Also make the authors pamir users (role Author; an administrator sets their passwords)
        #[arg(long)]
        users: bool,
        /// Show what would be imported, write nothing
        #[arg(long)]
        dry_run: bool,
        /// Import nothing: compare the pages of the posts imported before with the export
        /// (text kept per post, references left to the old site)
        #[arg(long, conflicts_with = "dry_run")]
        check: bool,
    },
    /// A Joomla 3, 4 or 5 site: its live database, or a mysqldump of it
    #[command(group(clap::ArgGroup::new("from").required(true).args(["mysql", "sql_dump"])))]
    Joomla {
        /// The site's database, e.g. mysql://user:password@localhost:3306/joomla
        #[arg(long, env = "PAMIR_JOOMLA_MYSQL")]
        mysql: Option<String>,
        /// A mysqldump (or mariadb-dump) file of the site's database
        #[arg(long)]
        sql_dump: Option<std::path::PathBuf>,
        /// The site's table prefix, e.g. jos_ [default: found from the tables]
        #[arg(long)]
        prefix: Option<String>,
        /// The language of content marked "All languages" [default: the site's default language]
        #[arg(long)]
        lang: Option<String>,
        /// The Joomla site's folder or its images/ folder (or a copy), for the files the articles show and link to
        #[arg(long)]
        files: Option<std::path::PathBuf>,
        /// An address the old site answered on (https://www.example.org), so that absolute links to its files and pages are brought here; repeat for each
        #[arg(long = "old-url", value_name = "URL")]
        old_urls: Vec<String>,
        /// Show what would be imported, write nothing
        #[arg(long)]
        dry_run: bool,
        /// Only check a site imported before: compare each article's page with the source, list what still refers to the old site
        #[arg(long)]
        check: bool,
    },
}

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Print a new token for a user; it acts with that user's role
    Create {
        /// The user's e-mail address
        #[arg(long)]
        email: String,
        /// What the token is for, to recognise it later
        #[arg(long, default_value = "")]
        name: String,
    },
    /// List a user's tokens (never the tokens themselves)
    List {
        #[arg(long)]
        email: String,
    },
    /// Revoke a token by the id `token list` shows
    Revoke {
        #[arg(long)]
        id: i64,
    },
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add a user who can sign in to the admin; prints a generated password unless --password-stdin
    Add {
        /// Their e-mail address, which is also their sign-in name
        #[arg(long)]
        email: String,
        /// administrator, editor, author or translator
        #[arg(long)]
        role: String,
        /// The name shown in the admin and the audit log [default: the part of the address before @]
        #[arg(long, default_value = "")]
        name: String,
        /// Read the password from standard input (its first line) instead of generating one
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on [default: 127.0.0.1:8080]
    #[arg(long, env = "PAMIR_LISTEN")]
    pub listen: Option<String>,
    /// Fill an empty database with the demo mission site
    #[arg(long)]
    pub demo: bool,
}
