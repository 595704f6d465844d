//! What the register stores: members, their DID documents and their quota usage.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::ConstU32, BoundedBTreeSet, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound,
	PartialEqNoBound,
};
use scale_info::TypeInfo;
use seoul_primitives::membership::{MemberKind, Role};
use serde::{Deserialize, Serialize};
use sp_core::{Get, H256};

/// The roles a member holds; every role at most once.
pub type RoleSet = BoundedBTreeSet<Role, ConstU32<{ Role::COUNT }>>;

/// Where a member stands in the register.
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
	Serialize,
	Deserialize,
)]
pub enum MemberStatus {
	/// May transact and authenticate.
	Active,
	/// Temporarily barred by a registrar; may be reinstated.
	Suspended,
	/// Barred for good; the DID document is deactivated and the record kept.
	Revoked,
}

/// A public key a member authenticates with (W3C DID Core "authentication" verification method).
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
	Serialize,
	Deserialize,
)]
pub enum AuthenticationKey {
	/// A Schnorrkel/Ristretto (sr25519) public key, as wallets and Citizens Cards use by default.
	Sr25519([u8; 32]),
	/// An Ed25519 public key.
	Ed25519([u8; 32]),
}

/// A member's use of its fee-free allowance in one quota period, in units of work (see
/// [`crate::Pallet::units`]). It is kept in the member's account entry, which the nonce check
/// writes in every transaction anyway, so counting costs no write of its own; the first
/// transaction of a period notes the period's bounds and the allowance then in force.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct QuotaUsage<BlockNumber> {
	/// First block of the period.
	pub period_start: BlockNumber,
	/// First block of the next period.
	pub period_end: BlockNumber,
	/// Units allowed in the period.
	pub allowance: u32,
	/// Units used in the period, net of what dispatch gave back.
	pub used: u32,
}

impl<BlockNumber: PartialOrd> QuotaUsage<BlockNumber> {
	/// Whether `block` lies in the period.
	pub fn covers(&self, block: &BlockNumber) -> bool {
		self.period_start <= *block && *block < self.period_end
	}

	/// Units left in the period.
	pub fn remaining(&self) -> u32 {
		self.allowance.saturating_sub(self.used)
	}
}

/// A key replacement a registrar scheduled, waiting for its block.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct PendingRotation<AccountId, BlockNumber, Keys> {
	/// The keys that will replace the member's.
	pub keys: Keys,
	/// The registrar that scheduled it.
	pub registrar: AccountId,
	/// The block it takes effect in.
	pub effective_at: BlockNumber,
}

/// A member's entry in the register. No personal data: the identity evidence the city checked
/// off chain is kept only as a salted hash.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Registration<BlockNumber> {
	/// Citizen or kind of organisation.
	pub kind: MemberKind,
	/// Permissions granted by the city.
	pub roles: RoleSet,
	/// Active, suspended or revoked.
	pub status: MemberStatus,
	/// The block the member was registered in.
	pub registered_at: BlockNumber,
	/// Salted hash of the identity evidence the registrar checked off chain.
	pub evidence_hash: H256,
}

/// A service endpoint of a DID document (W3C DID Core "service").
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxFieldLength, MaxEndpointLength))]
pub struct ServiceEndpoint<MaxFieldLength: Get<u32>, MaxEndpointLength: Get<u32>> {
	/// The service's id within the document, e.g. `hub` (the DID URL fragment).
	pub id: BoundedVec<u8, MaxFieldLength>,
	/// The service type, e.g. `LinkedDomains`.
	pub service_type: BoundedVec<u8, MaxFieldLength>,
	/// The endpoint URI.
	pub endpoint: BoundedVec<u8, MaxEndpointLength>,
}

/// A member's DID document, `did:seoul:<address>`, in the shape of W3C DID Core.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxKeys, MaxServices, MaxFieldLength, MaxEndpointLength))]
pub struct DidDocument<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxKeys: Get<u32>,
	MaxServices: Get<u32>,
	MaxFieldLength: Get<u32>,
	MaxEndpointLength: Get<u32>,
> {
	/// The account that may update the document: the member's own account.
	pub controller: AccountId,
	/// Keys that prove control of the DID when signing an authentication challenge.
	pub authentication: BoundedVec<AuthenticationKey, MaxKeys>,
	/// Public endpoints of the member's services.
	pub services: BoundedVec<ServiceEndpoint<MaxFieldLength, MaxEndpointLength>, MaxServices>,
	/// Whether the DID is deactivated, which is permanent.
	pub deactivated: bool,
	/// The block of the last change.
	pub updated_at: BlockNumber,
}

/// The answer to an authentication request: whether a signed challenge proves that its signer
/// controls an active DID, and if not, why.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	Serialize,
	Deserialize,
)]
pub enum AuthenticationVerdict {
	/// The signature is by one of the DID's authentication keys and the member is active.
	Authentic,
	/// The DID is not of the form `did:seoul:<address>` with this chain's address format.
	MalformedDid,
	/// No member holds this DID.
	UnknownDid,
	/// The challenge does not follow the documented format.
	MalformedChallenge,
	/// The challenge was made for another chain.
	WrongChain,
	/// The challenge names another DID.
	WrongDid,
	/// The challenge's expiry time has passed.
	Expired,
	/// The challenge's expiry lies further ahead than the chain accepts.
	ExpiryTooFar,
	/// The signature is not by any of the DID's authentication keys.
	BadSignature,
	/// The signature is good but the member is suspended.
	Suspended,
	/// The signature is good but the DID is deactivated.
	Deactivated,
}

/// A member's quota in the current period, for wallets, in units of work: a plain transfer
/// costs one unit, so `remaining` is also the number of transfers the member can still make.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct QuotaStanding<BlockNumber> {
	/// Units allowed per period for the member's kind (or noted at the period's start).
	pub allowance: u32,
	/// Units used in the current period.
	pub used: u32,
	/// Units left in the current period.
	pub remaining: u32,
	/// The first block of the next period, when the count starts again.
	pub resets_at: BlockNumber,
}

/// A member's public record: everything the register holds about a DID.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct MemberRecord<AccountId, BlockNumber> {
	/// The DID, `did:seoul:<address>`.
	pub did: alloc::vec::Vec<u8>,
	/// The member's account.
	pub account: AccountId,
	/// Citizen or kind of organisation.
	pub kind: MemberKind,
	/// Permissions granted by the city.
	pub roles: alloc::vec::Vec<Role>,
	/// Active, suspended or revoked.
	pub status: MemberStatus,
	/// The block the member was registered in.
	pub registered_at: BlockNumber,
	/// Salted hash of the identity evidence.
	pub evidence_hash: H256,
	/// The DID document's controller.
	pub controller: AccountId,
	/// Authentication keys.
	pub authentication: alloc::vec::Vec<AuthenticationKey>,
	/// Service endpoints as (id, type, endpoint).
	pub services: alloc::vec::Vec<(alloc::vec::Vec<u8>, alloc::vec::Vec<u8>, alloc::vec::Vec<u8>)>,
	/// Whether the DID is deactivated.
	pub deactivated: bool,
	/// The block of the document's last change.
	pub updated_at: BlockNumber,
	/// Fee-free units of work in the current period.
	pub quota: QuotaStanding<BlockNumber>,
	/// The block a registrar's scheduled replacement of the keys takes effect in, if any.
	pub key_rotation_at: Option<BlockNumber>,
}

/// A member registered in the genesis block.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisMember<AccountId> {
	/// The member's account; its DID is `did:seoul:<account>`.
	pub account: AccountId,
	/// Citizen or kind of organisation.
	pub kind: MemberKind,
	/// Permissions granted by the city.
	pub roles: alloc::vec::Vec<Role>,
	/// Salted hash of the identity evidence.
	pub evidence_hash: H256,
	/// The first authentication key of the DID document.
	pub authentication_key: AuthenticationKey,
}
