//! Sending e-mail over SMTP with lettre, configured by one URL:
//! `smtp://user:pass@host:587?tls=required` (STARTTLS), `smtps://user:pass@host:465`
//! (TLS), or `smtp://host:25` (no encryption: only for a relay on a trusted network).

use lettre::message::{Mailbox, Message, header::ContentType};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncTransport, Tokio1Executor};

#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("invalid SMTP settings: {0}")]
    Config(String),
    #[error("could not send: {0}")]
    Send(String),
}

impl Mailer {
    /// `url` as described above; `from` is the sender address, e.g. `pamir <noreply@example.org>`.
    pub fn new(url: &str, from: &str) -> Result<Self, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Config(format!("smtp url: {e}")))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        let from = from.parse().map_err(|e| MailError::Config(format!("sender {from:?}: {e}")))?;
        Ok(Self { transport, from })
    }

    /// Sends a plain-text message; `reply_to` lets the office answer the reader directly.
    pub async fn send(&self, to: &str, reply_to: Option<&str>, subject: &str, body: String) -> Result<(), MailError> {
        let to: Mailbox = to.parse().map_err(|e| MailError::Config(format!("recipient {to:?}: {e}")))?;
        let mut builder = Message::builder().from(self.from.clone()).to(to).subject(subject);
        if let Some(reply_to) = reply_to.and_then(|address| address.parse::<Mailbox>().ok()) {
            builder = builder.reply_to(reply_to);
        }
        let message = builder.header(ContentType::TEXT_PLAIN).body(body).map_err(|e| MailError::Send(e.to_string()))?;
        self.transport.send(message).await.map_err(|e| MailError::Send(e.to_string()))?;
        Ok(())
    }
}
