//! The chain's one rule for reading and writing account addresses (SS58), shared by the
//! Citizens Card's DIDs, the node's JSON-RPC and the chain-spec tool, so that each accepts the
//! same addresses.
//!
//! The rule: an address is accepted in this chain's format ([`SS58_PREFIX`], 8282) or in the
//! generic Substrate format ([`GENERIC_PREFIX`], 42) that stock tools print by default, with a
//! valid checksum, for a 32-byte account; a DID (`did:seoul:<address>`) only in this chain's
//! format, so that a DID has one spelling. Everything is written in this chain's format.

use crate::SS58_PREFIX;
use alloc::{string::String, vec::Vec};

/// The generic Substrate address format, which polkadot.js and subkey print by default.
pub const GENERIC_PREFIX: u16 = 42;
/// The DID method prefix.
pub const DID_PREFIX: &str = "did:seoul:";
/// The longest SS58 address of a 32-byte account, in characters; longer input is refused
/// before decoding, which takes time quadratic in the length.
pub const MAX_ADDRESS_LENGTH: usize = 51;

/// Domain of the SS58 checksum.
const CHECKSUM_DOMAIN: &[u8] = b"SS58PRE";
/// Bytes of the SS58 checksum.
const CHECKSUM_LENGTH: usize = 2;
/// Bytes of an account id.
const ACCOUNT_LENGTH: usize = 32;

/// Why an address was refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AddressError {
	/// Not base58, too long, or not an account's length.
	Malformed,
	/// The checksum does not match.
	BadChecksum,
	/// A valid address of another network's format (the format is given).
	OtherNetwork(u16),
}

/// The prefix bytes of an SS58 address in format `format`.
fn prefix_bytes(format: u16) -> Vec<u8> {
	let ident = format & 0b0011_1111_1111_1111;
	if ident < 64 {
		alloc::vec![ident as u8]
	} else {
		let first = ((ident & 0b0000_0000_1111_1100) as u8 >> 2) | 0b0100_0000;
		let second = ((ident >> 8) as u8) | (((ident & 0b0000_0000_0000_0011) as u8) << 6);
		alloc::vec![first, second]
	}
}

/// The format and the length of the prefix that `bytes` start with.
fn format_of(bytes: &[u8]) -> Option<(u16, usize)> {
	match *bytes.first()? {
		ident @ 0..=63 => Some((u16::from(ident), 1)),
		first @ 64..=127 => {
			let second = *bytes.get(1)?;
			let lower = (first << 2) | (second >> 6);
			let upper = second & 0b0011_1111;
			Some((u16::from(lower) | (u16::from(upper) << 8), 2))
		}
		_ => None,
	}
}

/// The SS58 checksum of `payload` (prefix and account).
fn checksum(payload: &[u8]) -> [u8; CHECKSUM_LENGTH] {
	let hash = sp_crypto_hashing::blake2_512(&[CHECKSUM_DOMAIN, payload].concat());
	[hash[0], hash[1]]
}

/// The SS58 address of a 32-byte account in format `format`.
pub fn encode_in(account: &[u8; ACCOUNT_LENGTH], format: u16) -> String {
	let mut payload = prefix_bytes(format);
	payload.extend_from_slice(account);
	let sum = checksum(&payload);
	payload.extend_from_slice(&sum);
	bs58::encode(payload).into_string()
}

/// The address of a 32-byte account in this chain's format.
pub fn encode(account: &[u8; ACCOUNT_LENGTH]) -> String {
	encode_in(account, SS58_PREFIX)
}

/// The account and format of any well-formed SS58 address of a 32-byte account.
fn decode_any(address: &str) -> Result<([u8; ACCOUNT_LENGTH], u16), AddressError> {
	if address.len() > MAX_ADDRESS_LENGTH {
		return Err(AddressError::Malformed);
	}
	let bytes = bs58::decode(address).into_vec().map_err(|_| AddressError::Malformed)?;
	let (format, prefix_length) = format_of(&bytes).ok_or(AddressError::Malformed)?;
	if bytes.len() != prefix_length + ACCOUNT_LENGTH + CHECKSUM_LENGTH {
		return Err(AddressError::Malformed);
	}
	let (payload, sum) = bytes.split_at(prefix_length + ACCOUNT_LENGTH);
	// The format's own encoding must be the one used: two spellings of a format are refused.
	if prefix_bytes(format) != payload[..prefix_length] {
		return Err(AddressError::Malformed);
	}
	if checksum(payload) != sum {
		return Err(AddressError::BadChecksum);
	}
	let account = payload[prefix_length..].try_into().map_err(|_| AddressError::Malformed)?;
	Ok((account, format))
}

/// The account of an address in this chain's format or the generic one.
pub fn decode(address: &str) -> Result<[u8; ACCOUNT_LENGTH], AddressError> {
	match decode_any(address)? {
		(account, format) if format == SS58_PREFIX || format == GENERIC_PREFIX => Ok(account),
		(_, format) => Err(AddressError::OtherNetwork(format)),
	}
}

/// The DID of a 32-byte account: `did:seoul:` and its address in this chain's format.
pub fn did(account: &[u8; ACCOUNT_LENGTH]) -> String {
	let mut did = String::from(DID_PREFIX);
	did.push_str(&encode(account));
	did
}

/// The account a DID names: `did:seoul:` and an address in this chain's format.
pub fn decode_did(did: &str) -> Result<[u8; ACCOUNT_LENGTH], AddressError> {
	let address = did.strip_prefix(DID_PREFIX).ok_or(AddressError::Malformed)?;
	match decode_any(address)? {
		(account, SS58_PREFIX) => Ok(account),
		(_, format) => Err(AddressError::OtherNetwork(format)),
	}
}

/// The account named by `text`: a DID of this chain, or an address under [the rule](self).
pub fn decode_did_or_address(text: &str) -> Result<[u8; ACCOUNT_LENGTH], AddressError> {
	if text.starts_with(DID_PREFIX) {
		decode_did(text)
	} else {
		decode(text)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::crypto::{AccountId32, Ss58AddressFormat, Ss58Codec};

	fn sp_core_address(byte: u8, format: u16) -> String {
		AccountId32::new([byte; 32]).to_ss58check_with_version(Ss58AddressFormat::custom(format))
	}

	#[test]
	fn addresses_match_sp_core_for_short_and_long_prefixes() {
		for format in [0u16, 42, 63, 64, 8282, 16383] {
			for byte in [0u8, 1, 0x5a, 0xff] {
				let expected = sp_core_address(byte, format);
				assert_eq!(encode_in(&[byte; 32], format), expected, "format {format}");
				assert_eq!(decode_any(&expected), Ok(([byte; 32], format)));
			}
		}
	}

	#[test]
	fn the_chain_and_the_generic_format_are_accepted_and_no_other() {
		assert_eq!(decode(&sp_core_address(7, 8282)), Ok([7; 32]));
		assert_eq!(decode(&sp_core_address(7, 42)), Ok([7; 32]));
		assert_eq!(decode(&sp_core_address(7, 0)), Err(AddressError::OtherNetwork(0)));
		assert_eq!(decode(&sp_core_address(7, 9999)), Err(AddressError::OtherNetwork(9999)));
	}

	#[test]
	fn a_did_has_one_spelling() {
		let did = did(&[7; 32]);
		assert_eq!(did, format!("did:seoul:{}", sp_core_address(7, 8282)));
		assert_eq!(decode_did(&did), Ok([7; 32]));
		assert_eq!(decode_did_or_address(&did), Ok([7; 32]));
		let generic = format!("did:seoul:{}", sp_core_address(7, 42));
		assert_eq!(decode_did(&generic), Err(AddressError::OtherNetwork(42)));
	}

	#[test]
	fn malformed_input_is_refused_quickly() {
		let good = sp_core_address(7, 8282);
		let mut bad_checksum = good.clone();
		let last = bad_checksum.pop().unwrap();
		bad_checksum.push(if last == '1' { '2' } else { '1' });
		assert_eq!(decode(&bad_checksum), Err(AddressError::BadChecksum));
		for bad in [
			String::new(),
			"0OIl".to_string(),
			format!("{good}x"),
			good[1..].to_string(),
			"1".repeat(100_000),
		] {
			assert!(decode(&bad).is_err(), "{bad}");
		}
		for bad in ["did:example:x", "did:seoul:", "did:seoul:0OIl"] {
			assert!(decode_did(bad).is_err(), "{bad}");
		}
	}
}
