//! What the consents pallet stores and what its runtime API answers.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_core::H256;

/// A consent's number among its patient's consents, from 0.
pub type ConsentId = u64;

/// An access's number in its patient's access log, from 0.
pub type AccessId = u64;

/// A category of health records, by code: what a consent opens, never the records themselves.
/// The codes follow the data groups of Korea's My Healthway (the national health-data
/// platform); the chain learns which category a provider may read, nothing of its content.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum RecordCategory {
	/// Visits, diagnoses and treatment notes.
	#[codec(index = 0)]
	Treatments,
	/// Prescriptions and dispensed medicines.
	#[codec(index = 1)]
	Medications,
	/// Laboratory test results.
	#[codec(index = 2)]
	LabResults,
	/// Radiology images and their reports.
	#[codec(index = 3)]
	Imaging,
	/// Vaccinations.
	#[codec(index = 4)]
	Vaccinations,
	/// National health screening results.
	#[codec(index = 5)]
	Screenings,
	/// Allergies and adverse reactions.
	#[codec(index = 6)]
	Allergies,
	/// Surgeries and procedures.
	#[codec(index = 7)]
	Procedures,
	/// Mental health records, which Korean law protects more strictly.
	#[codec(index = 8)]
	MentalHealth,
	/// Genetic test results.
	#[codec(index = 9)]
	Genetics,
}

impl RecordCategory {
	/// Every category, in code order.
	pub const ALL: [RecordCategory; 10] = [
		RecordCategory::Treatments,
		RecordCategory::Medications,
		RecordCategory::LabResults,
		RecordCategory::Imaging,
		RecordCategory::Vaccinations,
		RecordCategory::Screenings,
		RecordCategory::Allergies,
		RecordCategory::Procedures,
		RecordCategory::MentalHealth,
		RecordCategory::Genetics,
	];
}

/// What a consent opens: one provider's access to one category of a patient's records held by
/// another provider. A patient has at most one consent in force for each scope.
#[derive(
	Clone,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct ConsentScope<AccountId> {
	/// The provider the patient lets read the records.
	pub grantee: AccountId,
	/// The provider that holds the records.
	pub custodian: AccountId,
	/// The category of records.
	pub category: RecordCategory,
}

/// A patient's consent, kept after revocation and expiry so that the accesses made under it
/// stay explained.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Consent<AccountId, BlockNumber> {
	/// Who may read what.
	pub scope: ConsentScope<AccountId>,
	/// The hash of the stated purpose, e.g. of "referral to Seoul National University Hospital
	/// cardiology, 2026-11".
	pub purpose_hash: H256,
	/// The block the patient granted it in.
	pub granted_at: BlockNumber,
	/// When it lapses, in milliseconds since the Unix epoch, by the chain's clock.
	pub expires_at: u64,
	/// The block the patient revoked it in, if they did.
	pub revoked_at: Option<BlockNumber>,
}

/// Why a provider read a patient's records.
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
pub enum AccessBasis {
	/// Under the patient's consent with this number.
	Consent(ConsentId),
	/// In an emergency, without consent, for the reason whose hash is given (the reason's text
	/// stays in the provider's files, where the patient and the city may ask for it).
	Emergency(H256),
}

/// One access to a patient's records, as the provider logged it.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Access<AccountId, BlockNumber> {
	/// The provider that read the records.
	pub provider: AccountId,
	/// The provider that holds them.
	pub custodian: AccountId,
	/// Their category.
	pub category: RecordCategory,
	/// The hash of what was read (e.g. of the record request the custodian answered), so that
	/// the patient and an auditor can match the log with both providers' files.
	pub record_hash: H256,
	/// Under a consent, or in an emergency.
	pub basis: AccessBasis,
	/// The block the access was logged in.
	pub at: BlockNumber,
}
