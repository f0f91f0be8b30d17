//! A reader's message through the contact form: checked, rate-limited per
//! sender, stored, and delivered to the office's inbox when SMTP is set up.

use crate::{Core, CoreError};
use hmac::{KeyInit, Mac};
use pamir_domain::SiteId;
use pamir_domain::contact::{ContactMessage, FieldError};
use sha2::Sha256;

/// Accepted messages per sender per window; generous for people, tight for bots.
pub const MAX_PER_WINDOW: i64 = 5;
pub const WINDOW_SECONDS: i64 = 3600;

pub struct Submission {
    pub site: SiteId,
    pub lang: String,
    pub message: ContactMessage,
    /// A field people never see; bots fill it in.
    pub honeypot: String,
    /// The sender's network address, as the web layer knows it.
    pub sender_address: String,
}

#[derive(Debug)]
pub enum Outcome {
    Accepted,
    /// Shown to the reader with the input kept, so nothing typed is lost.
    Invalid {
        message: ContactMessage,
        errors: Vec<FieldError>,
    },
    RateLimited,
    /// The honeypot was filled: told "thank you", stored nowhere.
    Discarded,
}

/// The address is not stored as such: a keyed hash is enough to count by,
/// and without the site's secret nobody can find which address it was.
fn sender_key(secret: &str, address: &str) -> String {
    let Ok(mut mac) = hmac::Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        // Any key length is accepted by HMAC; this branch is unreachable in practice.
        return String::new();
    };
    mac.update(address.as_bytes());
    mac.finalize().into_bytes().iter().take(16).map(|b| format!("{b:02x}")).collect()
}

pub async fn submit(core: &Core, submission: Submission) -> Result<Outcome, CoreError> {
    if !submission.honeypot.trim().is_empty() {
        tracing::info!("contact form honeypot filled; message discarded");
        return Ok(Outcome::Discarded);
    }
    let message = match submission.message.validate() {
        Ok(message) => message,
        Err((message, errors)) => return Ok(Outcome::Invalid { message, errors }),
    };
    let now = core.clock.now().timestamp();
    let secret = pamir_db::settings::secret(&core.db, submission.site, "contact").await?;
    let key = sender_key(&secret, &submission.sender_address);
    let site = submission.site;
    // Store first, then count what is stored: parallel submissions cannot all
    // slip under the limit, as they could with count-then-store.
    let id = pamir_db::contact::insert(&core.db, site, &submission.lang, &message, &key, now).await?;
    let recent = pamir_db::contact::count_since(&core.db, site, &key, now - WINDOW_SECONDS).await?;
    if recent > MAX_PER_WINDOW {
        pamir_db::contact::delete(&core.db, id).await?;
        return Ok(Outcome::RateLimited);
    }
    deliver_in_background(core, site, id, message);
    Ok(Outcome::Accepted)
}

/// Sends the message to the office without making the reader wait for SMTP;
/// the outcome is recorded on the stored message either way.
fn deliver_in_background(core: &Core, site: SiteId, id: i64, message: ContactMessage) {
    let Some(mailer) = core.mailer.clone() else {
        return;
    };
    let core = core.clone();
    tokio::spawn(async move {
        let outcome = async {
            let settings = pamir_db::settings::load(&core.db, site).await.map_err(|e| e.to_string())?;
            let Some(office) = settings.contact.email.filter(|email| !email.is_empty()) else {
                return Err("the site has no contact e-mail address".to_owned());
            };
            let subject = format!("Message from the website: {}", message.name);
            let body = format!("From: {} <{}>\n\n{}\n", message.name, message.email, message.message);
            mailer.send(&office, Some(&message.email), &subject, body).await.map_err(|e| e.to_string())?;
            Ok(core.clock.now().timestamp())
        }
        .await;
        if let Err(error) = &outcome {
            tracing::warn!(message_id = id, %error, "contact message not delivered");
        }
        if let Err(error) = pamir_db::contact::record_delivery(&core.db, id, outcome).await {
            tracing::warn!(message_id = id, %error, "could not record delivery");
        }
    });
}
