//! The runtime API through which the council, operators and auditors see where each validator
//! stands, served by the node over JSON-RPC as `validatorSet_status`, and through which whoever
//! reports an Aura equivocation gets the offender's key-ownership proof.

use crate::ValidatorStatus;
use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Reads of the validator set.
	pub trait ValidatorSetApi<AccountId, AuraId, KeyOwnerProof>
	where
		AccountId: Codec,
		AuraId: Codec,
		KeyOwnerProof: Codec,
	{
		/// Each validator of the city's set or of the current session: whether it is in the
		/// set, active, has keys, its blocks this session and its silence.
		fn statuses() -> Vec<ValidatorStatus<AccountId>>;

		/// The fewest validators the network keeps.
		fn minimum() -> u32;

		/// The proof that the Aura key `authority` is a validator's in the session of the block
		/// this is called at, for `ValidatorSet::report_aura_equivocation`; `None` if no
		/// validator of that session has the key.
		fn aura_key_ownership_proof(authority: AuraId) -> Option<KeyOwnerProof>;
	}
}
