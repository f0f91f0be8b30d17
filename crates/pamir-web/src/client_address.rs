//! Who is sending a request, as far as a rate limit needs to know: the
//! connection's address, or behind a trusted proxy the address that proxy
//! saw. IPv6 senders are counted by their /64 network, since one household
//! or one bot commonly holds a whole /64.

use axum::http::HeaderMap;
use std::net::{IpAddr, SocketAddr};

/// `trust_forwarded_for`: the site runs behind its own proxy, which appends
/// the client's address to `X-Forwarded-For`. Only the last entry is the
/// proxy's word; earlier ones are whatever the client sent.
pub fn sender(trust_forwarded_for: bool, headers: &HeaderMap, peer: Option<SocketAddr>) -> String {
    let forwarded = trust_forwarded_for
        .then(|| headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()))
        .flatten()
        .and_then(|list| list.rsplit(',').next())
        .and_then(|last| last.trim().parse::<IpAddr>().ok());
    match forwarded.or(peer.map(|p| p.ip())) {
        Some(IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_none() => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Some(IpAddr::V6(v6)) => v6.to_ipv4_mapped().map(|v4| v4.to_string()).unwrap_or_default(),
        Some(IpAddr::V4(v4)) => v4.to_string(),
        None => "unknown".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(forwarded: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        if let Ok(value) = forwarded.parse() {
            headers.insert("x-forwarded-for", value);
        }
        headers
    }

    #[test]
    fn the_proxys_entry_counts_not_the_clients() {
        let peer: Option<SocketAddr> = "10.0.0.1:5000".parse().ok();
        assert_eq!(sender(true, &headers("6.6.6.6, 203.0.113.9"), peer), "203.0.113.9");
        assert_eq!(sender(false, &headers("6.6.6.6"), peer), "10.0.0.1");
        assert_eq!(sender(true, &headers("garbage"), peer), "10.0.0.1");
        assert_eq!(sender(true, &HeaderMap::new(), None), "unknown");
    }

    #[test]
    fn ipv6_senders_are_grouped_by_their_64() {
        let one = sender(true, &headers("2001:db8:1:2::1"), None);
        let two = sender(true, &headers("2001:db8:1:2:ffff::9"), None);
        assert_eq!(one, "2001:db8:1:2::/64");
        assert_eq!(one, two);
        assert_eq!(sender(true, &headers("::ffff:192.0.2.1"), None), "192.0.2.1");
    }
}
