//! Digital authentication with a Citizens Card, without a transaction.
//!
//! A public service proves that the person in front of it controls a DID by asking them to sign
//! a challenge and handing DID, challenge and signature to the chain's authentication API.
//!
//! ## Challenge format
//!
//! UTF-8 text, six lines separated by a line feed (`\n`), no trailing line feed:
//!
//! ```text
//! seoul-civic-auth:v1
//! chain:0x<the chain's genesis hash, 64 lowercase hex digits>
//! did:did:seoul:<address>
//! audience:<the service asking, 1 to 128 printable ASCII characters>
//! nonce:<16 to 128 printable ASCII characters the service chose at random>
//! expires:<Unix time in milliseconds, decimal>
//! ```
//!
//! The first line separates the domain: a signature over a challenge can never be a valid
//! transaction or a message of another protocol, and the `chain` line keeps a challenge of a test
//! network from being accepted on the city's chain. The challenge is accepted until `expires`,
//! compared with the timestamp of the block the query runs at, and only if `expires` lies at most
//! [`crate::Config::MaxChallengeValidity`] ahead. The service keeps the nonces it issued to refuse
//! a replay within the validity window.
//!
//! The signature (64 bytes, sr25519 or ed25519) is over the challenge's bytes, or over them
//! wrapped in `<Bytes>` and `</Bytes>` as wallet extensions do when they sign raw messages.

use crate::types::{AuthenticationKey, AuthenticationVerdict};
use alloc::vec::Vec;

/// The first line of every challenge.
pub const CHALLENGE_DOMAIN: &str = "seoul-civic-auth:v1";
/// Longest audience accepted.
pub const MAX_AUDIENCE_LENGTH: usize = 128;
/// Shortest nonce accepted: 16 characters of randomness.
pub const MIN_NONCE_LENGTH: usize = 16;
/// Longest nonce accepted.
pub const MAX_NONCE_LENGTH: usize = 128;

/// The fields of a well-formed challenge.
#[derive(Debug, PartialEq, Eq)]
pub struct Challenge<'a> {
	/// The genesis hash the challenge was made for.
	pub chain: [u8; 32],
	/// The DID the challenge asks to prove.
	pub did: &'a str,
	/// Unix time in milliseconds after which the challenge is void.
	pub expires_at_ms: u64,
}

/// Whether `text` is non-empty printable ASCII, no longer than `max`.
fn printable(text: &str, min: usize, max: usize) -> bool {
	(min..=max).contains(&text.len()) && text.bytes().all(|byte| (0x20..0x7f).contains(&byte))
}

/// Parses lowercase hex into 32 bytes.
fn parse_hash(hex: &str) -> Option<[u8; 32]> {
	let hex = hex.strip_prefix("0x")?;
	if hex.len() != 64 {
		return None;
	}
	let mut hash = [0u8; 32];
	for (i, byte) in hash.iter_mut().enumerate() {
		let digit = |c: u8| match c {
			b'0'..=b'9' => Some(c - b'0'),
			b'a'..=b'f' => Some(c - b'a' + 10),
			_ => None,
		};
		*byte = digit(hex.as_bytes()[2 * i])? << 4 | digit(hex.as_bytes()[2 * i + 1])?;
	}
	Some(hash)
}

/// The value of the next line if it is the field `name`.
fn next_field<'a>(lines: &mut impl Iterator<Item = &'a str>, name: &str) -> Option<&'a str> {
	lines.next()?.strip_prefix(name)?.strip_prefix(':')
}

/// Parses a challenge, or `None` if it does not follow the format.
pub fn parse_challenge(challenge: &[u8]) -> Option<Challenge<'_>> {
	let text = core::str::from_utf8(challenge).ok()?;
	let mut lines = text.split('\n');
	if lines.next()? != CHALLENGE_DOMAIN {
		return None;
	}
	let chain = parse_hash(next_field(&mut lines, "chain")?)?;
	let did = next_field(&mut lines, "did")?;
	let audience = next_field(&mut lines, "audience")?;
	let nonce = next_field(&mut lines, "nonce")?;
	let expires = next_field(&mut lines, "expires")?;
	let well_formed = printable(audience, 1, MAX_AUDIENCE_LENGTH)
		&& printable(nonce, MIN_NONCE_LENGTH, MAX_NONCE_LENGTH)
		&& !expires.is_empty()
		&& expires.bytes().all(|byte| byte.is_ascii_digit())
		&& lines.next().is_none();
	if !well_formed {
		return None;
	}
	Some(Challenge { chain, did, expires_at_ms: expires.parse().ok()? })
}

/// Whether `signature` over `message` is by `key`, directly or as a wallet extension signs raw
/// bytes (wrapped in `<Bytes>` tags).
pub fn signed_by(key: &AuthenticationKey, message: &[u8], signature: &[u8; 64]) -> bool {
	let wrapped: Vec<u8> = [b"<Bytes>".as_slice(), message, b"</Bytes>"].concat();
	let verify = |signed: &[u8]| match key {
		AuthenticationKey::Sr25519(public) => sp_io::crypto::sr25519_verify(
			&sp_core::sr25519::Signature::from_raw(*signature),
			signed,
			&sp_core::sr25519::Public::from_raw(*public),
		),
		AuthenticationKey::Ed25519(public) => sp_io::crypto::ed25519_verify(
			&sp_core::ed25519::Signature::from_raw(*signature),
			signed,
			&sp_core::ed25519::Public::from_raw(*public),
		),
	};
	verify(message) || verify(&wrapped)
}

/// Checks a challenge's form, chain, DID and expiry; `Ok` if the signature is what is left to
/// check.
pub fn check_challenge(
	challenge: &[u8],
	did: &[u8],
	genesis_hash: &[u8; 32],
	now_ms: u64,
	max_validity_ms: u64,
) -> Result<(), AuthenticationVerdict> {
	let parsed = parse_challenge(challenge).ok_or(AuthenticationVerdict::MalformedChallenge)?;
	if &parsed.chain != genesis_hash {
		return Err(AuthenticationVerdict::WrongChain);
	}
	if parsed.did.as_bytes() != did {
		return Err(AuthenticationVerdict::WrongDid);
	}
	if parsed.expires_at_ms <= now_ms {
		return Err(AuthenticationVerdict::Expired);
	}
	if parsed.expires_at_ms > now_ms.saturating_add(max_validity_ms) {
		return Err(AuthenticationVerdict::ExpiryTooFar);
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::Pair;

	const DID: &str = "did:seoul:5Example";
	const GENESIS: [u8; 32] = [0xab; 32];

	fn challenge(expires: &str) -> String {
		format!(
			"seoul-civic-auth:v1\nchain:0x{}\ndid:{DID}\naudience:city-hall.seoul.go.kr\nnonce:0123456789abcdef\nexpires:{expires}",
			"ab".repeat(32)
		)
	}

	#[test]
	fn a_well_formed_challenge_parses() {
		let text = challenge("1700000000000");
		assert_eq!(
			parse_challenge(text.as_bytes()),
			Some(Challenge { chain: GENESIS, did: DID, expires_at_ms: 1_700_000_000_000 })
		);
	}

	#[test]
	fn malformed_challenges_are_refused() {
		let good = challenge("1700000000000");
		let cases = [
			good.replace("seoul-civic-auth:v1", "seoul-civic-auth:v2"),
			good.replace("chain:0x", "chain:"),
			good.replace(&"ab".repeat(32), &"AB".repeat(32)),
			good.replace("audience:city-hall.seoul.go.kr", "audience:"),
			good.replace("nonce:0123456789abcdef", "nonce:short"),
			good.replace("expires:1700000000000", "expires:-1"),
			good.replace("expires:1700000000000", "expires:"),
			good.replace("expires:1700000000000", "expires:99999999999999999999999"),
			good.replace("\ndid:", "\nDID:"),
			good.replace("\n", "\r\n"),
			format!("{good}\n"),
			format!("{good}\nextra:1"),
			good.lines().take(5).collect::<Vec<_>>().join("\n"),
		];
		for case in cases {
			assert_eq!(parse_challenge(case.as_bytes()), None, "{case:?}");
		}
		assert_eq!(parse_challenge(&[0xff, 0x00]), None);
	}

	#[test]
	fn checks_run_in_order() {
		let text = challenge("2000");
		let check = |text: &str, did: &str, genesis: &[u8; 32], now| {
			check_challenge(text.as_bytes(), did.as_bytes(), genesis, now, 1_000)
		};
		assert_eq!(check(&text, DID, &GENESIS, 1_500), Ok(()));
		assert_eq!(
			check("x", DID, &GENESIS, 1_500),
			Err(AuthenticationVerdict::MalformedChallenge)
		);
		assert_eq!(check(&text, DID, &[0; 32], 1_500), Err(AuthenticationVerdict::WrongChain));
		assert_eq!(
			check(&text, "did:seoul:5Other", &GENESIS, 1_500),
			Err(AuthenticationVerdict::WrongDid)
		);
		assert_eq!(check(&text, DID, &GENESIS, 2_000), Err(AuthenticationVerdict::Expired));
		assert_eq!(check(&text, DID, &GENESIS, 999), Err(AuthenticationVerdict::ExpiryTooFar));
		assert_eq!(check(&text, DID, &GENESIS, 1_000), Ok(()));
	}

	#[test]
	fn signatures_are_checked_raw_and_wrapped_for_both_schemes() {
		let message = challenge("2000");
		let sr = sp_core::sr25519::Pair::from_seed(&[1; 32]);
		let ed = sp_core::ed25519::Pair::from_seed(&[2; 32]);
		let sr_key = AuthenticationKey::Sr25519(sr.public().0);
		let ed_key = AuthenticationKey::Ed25519(ed.public().0);
		let wrapped = format!("<Bytes>{message}</Bytes>");
		for signed in [message.as_bytes(), wrapped.as_bytes()] {
			assert!(signed_by(&sr_key, message.as_bytes(), &sr.sign(signed).0));
			assert!(signed_by(&ed_key, message.as_bytes(), &ed.sign(signed).0));
		}
		let other = sp_core::sr25519::Pair::from_seed(&[3; 32]);
		assert!(!signed_by(&sr_key, message.as_bytes(), &other.sign(message.as_bytes()).0));
		assert!(!signed_by(&ed_key, message.as_bytes(), &sr.sign(message.as_bytes()).0));
		assert!(!signed_by(&sr_key, b"another message", &sr.sign(message.as_bytes()).0));
	}
}
