//! The runtime API through which a provider checks a patient's consent without a transaction,
//! and a patient lists their consents and who accessed their records. The node serves it over
//! JSON-RPC as `consents_check`, `consents_list` and `consents_accesses`.

use crate::types::{Access, AccessId, Consent, ConsentId, ConsentScope};
use codec::Codec;
use seoul_primitives::Page;

sp_api::decl_runtime_apis! {
	/// Reads of the consents register.
	pub trait ConsentsApi<AccountId, BlockNumber>
	where
		AccountId: Codec + Clone + PartialEq + Eq + core::fmt::Debug,
		BlockNumber: Codec + Clone + PartialEq + Eq + core::fmt::Debug,
	{
		/// The consent of `patient` in force at this block for `scope`, by the chain's clock,
		/// with its number; `None` if none was granted, or it was revoked or expired.
		fn check(patient: AccountId, scope: ConsentScope<AccountId>) -> Option<(ConsentId, Consent<AccountId, BlockNumber>)>;

		/// A page of `patient`'s consents, revoked and expired ones included: up to `limit` (at
		/// most 100) after number `start`, the previous page's `next`.
		fn consents(patient: AccountId, start: Option<ConsentId>, limit: u32) -> Page<ConsentId, Consent<AccountId, BlockNumber>>;

		/// A page of the accesses to `patient`'s records, in the order they were logged: up to
		/// `limit` (at most 100) after number `start`.
		fn accesses(patient: AccountId, start: Option<AccessId>, limit: u32) -> Page<AccessId, Access<AccountId, BlockNumber>>;
	}
}
