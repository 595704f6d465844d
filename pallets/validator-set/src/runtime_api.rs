//! The runtime API through which the council, operators and auditors see where each validator
//! stands. The node serves it over JSON-RPC as `validatorSet_status`.

use crate::ValidatorStatus;
use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Reads of the validator set.
	pub trait ValidatorSetApi<AccountId>
	where
		AccountId: Codec,
	{
		/// Each validator of the city's set or of the current session: whether it is in the
		/// set, active, has keys, its blocks this session and its silence.
		fn statuses() -> Vec<ValidatorStatus<AccountId>>;

		/// The fewest validators the network keeps.
		fn minimum() -> u32;
	}
}
