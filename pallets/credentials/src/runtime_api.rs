//! The runtime API through which anyone verifies a credential without a transaction, and holders
//! list their submissions. The node serves it over JSON-RPC as `credentials_verify`,
//! `credentials_schema` and `credentials_submissions`.

use crate::types::{Schema, Submission, SubmissionId, Verification};
use codec::Codec;
use seoul_primitives::Page;
use sp_core::H256;

sp_api::decl_runtime_apis! {
	/// Reads of the credentials register.
	pub trait CredentialsApi<AccountId, BlockNumber, MaxNameLength, MaxCredentials>
	where
		AccountId: Codec + Clone + PartialEq + Eq + core::fmt::Debug,
		BlockNumber: Codec + Clone + PartialEq + Eq + core::fmt::Debug,
		MaxNameLength: sp_core::Get<u32>,
		MaxCredentials: sp_core::Get<u32>,
	{
		/// The verdict on the credential whose hash is `credential` at this block, by the chain's
		/// clock, and its record unless it is unknown.
		fn verify(credential: H256) -> Verification<AccountId, BlockNumber>;

		/// The schema registered under `schema`, if any.
		fn schema(schema: H256) -> Option<Schema<BlockNumber, MaxNameLength>>;

		/// A page of the submissions of `holder`, in order: up to `limit` (at most 100) after
		/// number `start`, the previous page's `next`.
		fn submissions(holder: AccountId, start: Option<SubmissionId>, limit: u32) -> Page<SubmissionId, Submission<AccountId, BlockNumber, MaxCredentials>>;
	}
}
