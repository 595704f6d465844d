//! The runtime API through which services, wallets and auditors read the register without a
//! transaction. The node serves it over JSON-RPC as `citizens_authenticate` and
//! `citizens_member`.

use crate::types::{AuthenticationVerdict, MemberRecord};
use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Reads of the Citizens Card register.
	pub trait CitizensApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// Whether `signature` over `challenge` (see [`crate::authentication`]) is by one of the
		/// authentication keys of `did` and its member is active, and if not, why.
		fn authenticate(did: Vec<u8>, challenge: Vec<u8>, signature: Vec<u8>) -> AuthenticationVerdict;

		/// The public record of the member holding `did` (`did:seoul:<address>`), if any.
		fn member(did: Vec<u8>) -> Option<MemberRecord<AccountId, BlockNumber>>;

		/// The DID of `account`.
		fn did_of(account: AccountId) -> Vec<u8>;
	}
}
