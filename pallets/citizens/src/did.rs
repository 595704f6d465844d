//! DIDs of the form `did:seoul:<address>`, where the address is the member's account in the
//! chain's SS58 format, by the chain's one address rule ([`seoul_primitives::address`]).
//!
//! The runtime writes and reads the address itself, so that a service can hand any DID string to
//! the authentication API without a client-side SS58 library.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use seoul_primitives::address;

pub use address::DID_PREFIX;

/// The DID of `account`: `did:seoul:` and its SS58 address.
pub fn did_of<AccountId: Encode>(account: &AccountId) -> Vec<u8> {
	let raw: [u8; 32] = account
		.using_encoded(|bytes| bytes.try_into())
		.expect("the runtime's accounts are 32 bytes long; checked by integrity_test");
	address::did(&raw).into_bytes()
}

/// The account a DID names, or `None` if it is not a well-formed `did:seoul:` DID of this chain.
pub fn account_of<AccountId: Decode>(did: &[u8]) -> Option<AccountId> {
	let raw = address::decode_did(core::str::from_utf8(did).ok()?).ok()?;
	AccountId::decode(&mut &raw[..]).ok()
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::crypto::{AccountId32, Ss58AddressFormat, Ss58Codec};

	fn account(byte: u8) -> AccountId32 {
		AccountId32::new([byte; 32])
	}

	#[test]
	fn did_round_trips() {
		let did = did_of(&account(7));
		assert!(did.starts_with(b"did:seoul:"));
		assert_eq!(account_of::<AccountId32>(&did), Some(account(7)));
	}

	#[test]
	fn malformed_dids_name_no_account() {
		let good = String::from_utf8(did_of(&account(7))).unwrap();
		let address = good.strip_prefix(DID_PREFIX).unwrap();
		let other_network = account(7).to_ss58check_with_version(Ss58AddressFormat::custom(42));
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
			assert_eq!(account_of::<AccountId32>(did.as_bytes()), None, "{did}");
		}
		assert_eq!(account_of::<AccountId32>(&[0xff, 0xfe]), None);
	}
}
