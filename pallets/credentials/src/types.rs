//! What the credentials pallet stores and what its runtime API answers.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use scale_info::TypeInfo;
use sp_core::{Get, H256};

/// A submission's number among its holder's submissions, from 0.
pub type SubmissionId = u64;

/// Whether a schema may be issued.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum SchemaStatus {
	/// Authorised issuers may attest credentials of it.
	Active,
	/// No new credentials; those attested stay verifiable.
	Deprecated,
}

/// A credential schema the city registered, keyed by the hash of its JSON Schema document.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxNameLength))]
pub struct Schema<BlockNumber, MaxNameLength: Get<u32>>
where
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// Its short public name, UTF-8, e.g. "Bachelor degree".
	pub name: BoundedVec<u8, MaxNameLength>,
	/// Whether it may be issued.
	pub status: SchemaStatus,
	/// The block the city registered it in.
	pub registered_at: BlockNumber,
}

/// A credential's status as its issuer set it; expiry is read from its dates, not stored.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum CredentialStatus<BlockNumber> {
	/// In force, between its dates.
	Active,
	/// Suspended by its issuer or the city since the block noted; may be reinstated.
	Suspended(BlockNumber),
	/// Revoked for good in the block noted; the record stays so that verifiers learn it.
	Revoked(BlockNumber),
}

/// An attested credential: only its hash (the key) and these facts are on chain.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Credential<AccountId, BlockNumber> {
	/// The hash of the JSON Schema the credential follows.
	pub schema: H256,
	/// The organisation that issued it.
	pub issuer: AccountId,
	/// Who signed the attestation: the issuer or one of its delegates.
	pub attester: AccountId,
	/// The member the credential is about (`credentialSubject.id`).
	pub subject: AccountId,
	/// `validFrom`, in milliseconds since the Unix epoch.
	pub valid_from: u64,
	/// `validUntil`, in milliseconds since the Unix epoch, if the credential expires.
	pub valid_until: Option<u64>,
	/// The block it was attested in.
	pub attested_at: BlockNumber,
	/// Its status.
	pub status: CredentialStatus<BlockNumber>,
}

/// What a verifier learns of a credential hash.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum Verdict {
	/// Attested, neither suspended nor revoked, and within its dates.
	Valid,
	/// Suspended by its issuer or the city.
	Suspended,
	/// Revoked by its issuer or the city.
	Revoked,
	/// Past its `validUntil`.
	Expired,
	/// Before its `validFrom`.
	NotYetValid,
	/// No credential with this hash was attested: a forged or altered document.
	Unknown,
}

/// The answer to a verification: the verdict and, unless unknown, the record.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct Verification<AccountId, BlockNumber> {
	/// The verdict at the block asked.
	pub verdict: Verdict,
	/// The on-chain record, to compare with the document.
	pub credential: Option<Credential<AccountId, BlockNumber>>,
}

/// A holder's submission of credentials to a verifying organisation: the holder's consent, on
/// chain.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxCredentials))]
pub struct Submission<AccountId, BlockNumber, MaxCredentials: Get<u32>>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The organisation the credentials were submitted to.
	pub verifier: AccountId,
	/// The hashes of the credentials submitted.
	pub credentials: BoundedVec<H256, MaxCredentials>,
	/// The hash of the stated purpose, e.g. of "job application 2026-11".
	pub purpose_hash: H256,
	/// The block the holder submitted them in.
	pub submitted_at: BlockNumber,
	/// The block the verifier acknowledged receipt in.
	pub acknowledged_at: Option<BlockNumber>,
}
