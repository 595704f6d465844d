//! DIDs of the form `did:seoul:<address>`, where the address is the member's account in the
//! chain's SS58 format.
//!
//! The runtime writes and reads the address itself, so that a service can hand any DID string to
//! the authentication API without a client-side SS58 library.

use alloc::{string::String, vec::Vec};
use codec::{Decode, Encode};

/// The DID method prefix.
pub const DID_PREFIX: &str = "did:seoul:";

/// Domain of the SS58 checksum.
const SS58_CHECKSUM_DOMAIN: &[u8] = b"SS58PRE";
/// Bytes of the SS58 checksum.
const SS58_CHECKSUM_LENGTH: usize = 2;
/// Bytes of an account id.
const ACCOUNT_LENGTH: usize = 32;
/// The longest SS58 address of a 32-byte account.
const MAX_ADDRESS_LENGTH: usize = 51;

/// The prefix bytes of an SS58 address with network identifier `format`.
fn ss58_prefix_bytes(format: u16) -> Vec<u8> {
	let ident = format & 0b0011_1111_1111_1111;
	if ident < 64 {
		alloc::vec![ident as u8]
	} else {
		let first = ((ident & 0b0000_0000_1111_1100) as u8 >> 2) | 0b0100_0000;
		let second = ((ident >> 8) as u8) | (((ident & 0b0000_0000_0000_0011) as u8) << 6);
		alloc::vec![first, second]
	}
}

/// The SS58 checksum of `payload` (prefix and account).
fn ss58_checksum(payload: &[u8]) -> [u8; SS58_CHECKSUM_LENGTH] {
	let hash = sp_crypto_hashing::blake2_512(&[SS58_CHECKSUM_DOMAIN, payload].concat());
	[hash[0], hash[1]]
}

/// The SS58 address of a 32-byte account in address format `format`.
pub fn ss58_address(account: &[u8; ACCOUNT_LENGTH], format: u16) -> String {
	let mut payload = ss58_prefix_bytes(format);
	payload.extend_from_slice(account);
	let checksum = ss58_checksum(&payload);
	payload.extend_from_slice(&checksum);
	bs58::encode(payload).into_string()
}

/// The account of an SS58 address in format `format`, or `None` if the address is malformed,
/// of another format or fails its checksum.
pub fn parse_ss58_address(address: &str, format: u16) -> Option<[u8; ACCOUNT_LENGTH]> {
	// Base58 decoding takes time quadratic in the length: refuse what cannot be an address
	// (at most 37 bytes, 51 characters) before decoding.
	if address.len() > MAX_ADDRESS_LENGTH {
		return None;
	}
	let bytes = bs58::decode(address).into_vec().ok()?;
	let prefix = ss58_prefix_bytes(format);
	if bytes.len() != prefix.len() + ACCOUNT_LENGTH + SS58_CHECKSUM_LENGTH
		|| !bytes.starts_with(&prefix)
	{
		return None;
	}
	let (payload, checksum) = bytes.split_at(prefix.len() + ACCOUNT_LENGTH);
	if ss58_checksum(payload) != checksum {
		return None;
	}
	payload[prefix.len()..].try_into().ok()
}

/// The DID of `account`: `did:seoul:` and its SS58 address.
pub fn did_of<AccountId: Encode>(account: &AccountId, format: u16) -> Vec<u8> {
	let raw: [u8; ACCOUNT_LENGTH] = account
		.using_encoded(|bytes| bytes.try_into())
		.expect("the runtime's accounts are 32 bytes long; checked by integrity_test");
	let mut did = String::from(DID_PREFIX);
	did.push_str(&ss58_address(&raw, format));
	did.into_bytes()
}

/// The account a DID names, or `None` if it is not a well-formed `did:seoul:` DID of this chain.
pub fn account_of<AccountId: Decode>(did: &[u8], format: u16) -> Option<AccountId> {
	let address = core::str::from_utf8(did).ok()?.strip_prefix(DID_PREFIX)?;
	let raw = parse_ss58_address(address, format)?;
	AccountId::decode(&mut &raw[..]).ok()
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::crypto::{AccountId32, Ss58AddressFormat, Ss58Codec};

	const FORMAT: u16 = 8282;

	fn account(byte: u8) -> AccountId32 {
		AccountId32::new([byte; 32])
	}

	#[test]
	fn addresses_match_sp_core_for_short_and_long_prefixes() {
		for format in [0u16, 42, 63, 64, 8282, 16383] {
			for byte in [0u8, 1, 0x5a, 0xff] {
				let expected =
					account(byte).to_ss58check_with_version(Ss58AddressFormat::custom(format));
				assert_eq!(ss58_address(&[byte; 32], format), expected, "format {format}");
				assert_eq!(parse_ss58_address(&expected, format), Some([byte; 32]));
			}
		}
	}

	#[test]
	fn did_round_trips() {
		let did = did_of(&account(7), FORMAT);
		assert!(did.starts_with(b"did:seoul:"));
		assert_eq!(account_of::<AccountId32>(&did, FORMAT), Some(account(7)));
	}

	#[test]
	fn malformed_dids_name_no_account() {
		let good = String::from_utf8(did_of(&account(7), FORMAT)).unwrap();
		let address = good.strip_prefix(DID_PREFIX).unwrap();
		let other_network = ss58_address(&[7; 32], 42);
		let mut bad_checksum = address.to_string();
		let last = bad_checksum.pop().unwrap();
		bad_checksum.push(if last == '1' { '2' } else { '1' });
		for did in [
			address.to_string(),
			format!("did:example:{address}"),
			format!("did:seoul:{other_network}"),
			format!("did:seoul:{bad_checksum}"),
			format!("did:seoul:{address}x"),
			"did:seoul:0OIl".to_string(),
			"did:seoul:".to_string(),
			format!("did:seoul:{}", "1".repeat(100_000)),
		] {
			assert_eq!(account_of::<AccountId32>(did.as_bytes(), FORMAT), None, "{did}");
		}
		assert_eq!(account_of::<AccountId32>(&[0xff, 0xfe], FORMAT), None);
	}
}
