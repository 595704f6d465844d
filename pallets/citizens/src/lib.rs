//! # Citizens Card
//!
//! The city's register of members: every citizen and organisation that may use the chain has a
//! DID, `did:seoul:<address>`, that the city registered. Roles decide what a member may do in the
//! other pallets; the [`CheckMember`] transaction extension keeps everyone else off the chain and
//! lets members transact without fees inside a daily quota; the authentication API lets a public
//! service check a signed challenge without a transaction.
//!
//! ## Overview
//!
//! - **Members.** The city ([`Config::CityOrigin`]) or a member holding [`Role::Registrar`]
//!   registers an account as a citizen or an organisation of a [`MemberKind`]. The register keeps
//!   the kind, the roles, the status (active, suspended, revoked), the block of registration and
//!   a salted hash of the identity evidence checked off chain: no name, resident registration
//!   number, address or other personal data.
//! - **DID documents.** Each member has a document in the shape of W3C DID Core: its controller
//!   (the member's account), authentication keys (sr25519 or ed25519, at most
//!   [`Config::MaxAuthenticationKeys`]) and service endpoints (at most [`Config::MaxServices`]).
//!   The member adds and removes keys and endpoints; a registrar replaces the keys of a member who
//!   lost their card; revocation or the member's own deactivation is permanent and keeps the
//!   record.
//! - **Roles** ([`Role`]) are the one source of authorisation for other pallets, which ask
//!   through [`MemberRegistry`] or require a role with
//!   [`seoul_primitives::membership::EnsureMemberWithRole`]. Only the city grants or takes the
//!   roles [`Role::is_city_granted`] names (the registrar's, those that create or settle money,
//!   the labour inspector's and the healthcare provider's), or acts on a member who holds one;
//!   registrars grant the others.
//! - **Permissioning and quota.** [`CheckMember`], the runtime's nonce check, refuses at the
//!   transaction pool every signed transaction from an account that is not an active member,
//!   every general (unsigned, non-inherent) transaction, every transaction heavier or longer than
//!   [`Config::MaxTransactionWeight`] or [`Config::MaxTransactionLength`], and every transaction
//!   that would take the member beyond its quota for the current period ([`QuotaPeriod`],
//!   [`Quotas`] per kind); the codes are in [`refusal`]. The quota is counted in units of work
//!   ([`Pallet::units`]): a plain transfer costs one unit, a batch what its weight or its length is
//!   worth, whichever is more, and what a call reports unused after dispatch is given back. The
//!   chain charges no fees, so inside the quota a member transacts with a zero balance. The count
//!   is kept in the member's account entry ([`Config::AccountQuota`]), in the same write that
//!   raises its nonce. The pool orders transactions by the gate's priority, never by tips: each member's
//!   next transaction before anyone's later ones, lighter before heavier.
//! - **Authentication** ([`authentication`]): a runtime API answers whether a challenge signed
//!   with one of a DID's authentication keys proves control of an active DID.
//!
//! The council's members and the validator operators ([`Config::ProtectedMembers`]) can be
//! suspended, revoked or re-keyed by the city alone.
//!
//! ## Interface
//!
//! ### Registrar calls (the city, or an active member with the registrar role)
//! - [`Pallet::register`], [`Pallet::set_roles`], [`Pallet::suspend`], [`Pallet::reinstate`],
//!   [`Pallet::revoke`], [`Pallet::rotate_authentication_keys`].
//!
//! ### Member calls (signed by an active member, on its own DID)
//! - [`Pallet::add_authentication_key`], [`Pallet::remove_authentication_key`],
//!   [`Pallet::add_service`], [`Pallet::remove_service`], [`Pallet::deactivate`].
//!
//! ### City calls ([`Config::CityOrigin`])
//! - [`Pallet::set_quota`], [`Pallet::set_quota_period`].
//!
//! ### Storage
//! - [`Members`], [`DidDocuments`], [`ActiveMembers`], [`QuotaPeriod`], [`Quotas`].
//!
//! ### Runtime API
//! - [`runtime_api::CitizensApi`]: authenticate a signed challenge, read a member's record.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod authentication;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod did;
mod extension;
pub mod migrations;
#[cfg(test)]
mod mock;
mod quota;
pub mod rotation;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use extension::{refusal, CheckMember};
pub use pallet::*;
pub use quota::AccountQuota;
pub use seoul_primitives::membership::{MemberKind, MemberRegistry, RegisterWalk, Role};
pub use types::{
	AuthenticationKey, AuthenticationVerdict, DidDocument, GenesisMember, MemberRecord,
	MemberStatus, PendingRotation, QuotaStanding, QuotaUsage, Registration, RoleSet,
	ServiceEndpoint,
};
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::traits::{Contains, UnixTime};
use sp_runtime::{
	traits::{Saturating, Zero},
	SaturatedConversion,
};

/// Which operational transactions are the city's own: they may exceed the weight bound of one
/// member transaction and come first in the pool.
pub trait CityOperational<AccountId, Call> {
	/// Whether `who` signing `call`, an operational call, acts for the city.
	fn contains(who: &AccountId, call: &Call) -> bool;
}

/// No transaction is the city's own.
impl<AccountId, Call> CityOperational<AccountId, Call> for () {
	fn contains(_: &AccountId, _: &Call) -> bool {
		false
	}
}

/// The calls' arguments before their bounds are checked.
type ServiceFields = (Vec<u8>, Vec<u8>, Vec<u8>);

/// The Citizens Card register.
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_core::H256;

	/// Default configuration for tests, so that mocks only name what they change.
	pub mod config_preludes {
		use super::*;
		use frame_support::derive_impl;

		/// Test defaults: the bounds the runtime uses.
		pub struct TestDefaultConfig;

		frame_support::parameter_types! {
			/// One unit of work: 100 µs.
			pub const UnitWeight: Weight = Weight::from_parts(100_000_000, 0);
			/// At most 1,000 units in one transaction.
			pub const MaxTransactionWeight: Weight = Weight::from_parts(100_000_000_000, 0);
		}

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type MaxAuthenticationKeys = ConstU32<4>;
			type MaxServices = ConstU32<4>;
			type MaxServiceFieldLength = ConstU32<32>;
			type MaxEndpointLength = ConstU32<128>;
			type MaxChallengeValidity = frame_support::traits::ConstU64<{ 10 * 60 * 1000 }>;
			type UnitWeight = UnitWeight;
			type UnitLength = ConstU32<256>;
			type MaxTransactionWeight = MaxTransactionWeight;
			type MaxTransactionLength = ConstU32<{ 64 * 1024 }>;
			type MaxRotationsPerBlock = ConstU32<2>;
			type WeightInfo = ();
		}
	}

	/// Configuration of the register.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// The city: registers members, grants the roles only it grants, acts on protected
		/// members and sets quotas.
		#[pallet::no_default]
		type CityOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Members only the city may suspend, revoke, re-key or change the roles of, whatever their
		/// roles: those the city's governance and consensus rely on (the council's members and
		/// the validator operators), so that no registrar can lock the city out of its chain.
		#[pallet::no_default]
		type ProtectedMembers: Contains<Self::AccountId>;

		/// The clock authentication challenges expire by.
		#[pallet::no_default]
		type UnixTime: UnixTime;

		/// Most authentication keys in a DID document.
		#[pallet::constant]
		type MaxAuthenticationKeys: Get<u32>;

		/// Most service endpoints in a DID document.
		#[pallet::constant]
		type MaxServices: Get<u32>;

		/// Longest service id or service type, in bytes.
		#[pallet::constant]
		type MaxServiceFieldLength: Get<u32>;

		/// Longest service endpoint URI, in bytes.
		#[pallet::constant]
		type MaxEndpointLength: Get<u32>;

		/// Longest time, in milliseconds, an authentication challenge may stay valid.
		#[pallet::constant]
		type MaxChallengeValidity: Get<u64>;

		/// Where each member's use of its quota ([`QuotaUsage`]) sits in its account's data
		/// (`frame_system::Account`): the gate notes it in the same write that raises the nonce,
		/// so that counting work costs no write of its own.
		#[pallet::no_default]
		type AccountQuota: AccountQuota<Self::AccountData, BlockNumberFor<Self>>;

		/// The call weight worth one unit of quota: the runtime's plain transfer
		/// (`Balances::transfer_keep_alive`), so that a transfer costs one unit. Only `ref_time`
		/// counts: blocks bound no proof size on this solo chain.
		#[pallet::constant]
		type UnitWeight: Get<Weight>;

		/// The encoded transaction length worth one unit of quota, in bytes: the same share of a
		/// block's length as [`Config::UnitWeight`] is of its weight, so that a transaction pays
		/// for whichever of the two it fills more.
		#[pallet::constant]
		type UnitLength: Get<u32>;

		/// The heaviest call a member may sign in one transaction (a fraction of a block, enough
		/// for every legitimate call, such as a full reward batch).
		#[pallet::constant]
		type MaxTransactionWeight: Get<Weight>;

		/// The operational transactions that may be heavier than [`Config::MaxTransactionWeight`]
		/// and come first in the pool: the council's own (closing a motion that carries a heavy
		/// call). Asked only of operational transactions.
		#[pallet::no_default]
		type CityOperational: CityOperational<
			Self::AccountId,
			<Self as frame_system::Config>::RuntimeCall,
		>;

		/// The longest transaction a member may sign, in encoded bytes.
		#[pallet::constant]
		type MaxTransactionLength: Get<u32>;

		/// How many blocks a registrar's replacement of a member's keys waits, during which the
		/// member or any of its current keys can cancel it.
		#[pallet::constant]
		#[pallet::no_default]
		type KeyRotationDelay: Get<BlockNumberFor<Self>>;

		/// Most key rotations that take effect in one block; a registrar finding a block full
		/// schedules again in the next.
		#[pallet::constant]
		type MaxRotationsPerBlock: Get<u32>;

		/// Weights of this pallet's calls and of [`CheckMember`].
		type WeightInfo: WeightInfo;
	}

	/// A member's entry in this runtime.
	pub type MemberOf<T> = Registration<BlockNumberFor<T>>;

	/// A DID document in this runtime.
	pub type DidDocumentOf<T> = DidDocument<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxAuthenticationKeys,
		<T as Config>::MaxServices,
		<T as Config>::MaxServiceFieldLength,
		<T as Config>::MaxEndpointLength,
	>;

	/// A service endpoint in this runtime.
	pub type ServiceEndpointOf<T> =
		ServiceEndpoint<<T as Config>::MaxServiceFieldLength, <T as Config>::MaxEndpointLength>;

	/// The authentication keys of a DID document in this runtime.
	pub type AuthenticationKeysOf<T> =
		BoundedVec<AuthenticationKey, <T as Config>::MaxAuthenticationKeys>;

	/// A scheduled key replacement in this runtime.
	pub type PendingRotationOf<T> = PendingRotation<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		AuthenticationKeysOf<T>,
	>;

	/// The storage layout version; `migrations` moves a chain from each version to the next.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The register, by account. Blake2 because accounts are chosen by their holders, so their
	/// distribution in the trie must not be theirs to choose.
	#[pallet::storage]
	pub type Members<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, MemberOf<T>>;

	/// Each member's DID document, by account.
	#[pallet::storage]
	pub type DidDocuments<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, DidDocumentOf<T>>;

	/// How many members of each kind are active. Twox is safe: kinds are few and fixed.
	#[pallet::storage]
	pub type ActiveMembers<T: Config> = StorageMap<_, Twox64Concat, MemberKind, u32, ValueQuery>;

	/// Key replacements registrars scheduled, by member: one at a time.
	#[pallet::storage]
	pub type PendingKeyRotations<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, PendingRotationOf<T>>;

	/// The members whose scheduled key replacement takes effect at each block.
	#[pallet::storage]
	pub type RotationsDue<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<T::AccountId, T::MaxRotationsPerBlock>,
		ValueQuery,
	>;

	/// Length of a quota period in blocks (a day on the city's chain).
	#[pallet::storage]
	pub type QuotaPeriod<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// Fee-free units of work per quota period, by member kind ([`Pallet::units`]).
	#[pallet::storage]
	pub type Quotas<T: Config> = StorageMap<_, Twox64Concat, MemberKind, u32, ValueQuery>;

	/// The register at genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Members registered in the genesis block, active.
		pub members: Vec<GenesisMember<T::AccountId>>,
		/// Length of a quota period in blocks; zero means a day of six-second blocks.
		pub quota_period: BlockNumberFor<T>,
		/// Units of work per period by kind; kinds left out get the defaults: 100 for citizens
		/// and 100,000 for organisations.
		pub quotas: Vec<(MemberKind, u32)>,
		/// Citizens generated for load measurements, so that a test network holds a city-sized
		/// register: [`Pallet::generated_citizen`] `0..generated_citizens`, active, without
		/// roles. Their keys are no one's, so they can receive but never sign. Zero on every
		/// real network.
		pub generated_citizens: u32,
	}

	/// A day of six-second blocks.
	const DEFAULT_QUOTA_PERIOD: u32 = 14_400;
	/// Daily units of a citizen (a hundred transfers) unless the city sets otherwise.
	pub const DEFAULT_CITIZEN_QUOTA: u32 = 100;
	/// Daily units of an organisation unless the city sets otherwise.
	pub const DEFAULT_ORGANISATION_QUOTA: u32 = 100_000;

	/// The units per period a member of `kind` has unless the city sets otherwise.
	pub fn default_quota(kind: MemberKind) -> u32 {
		if kind.is_organisation() {
			DEFAULT_ORGANISATION_QUOTA
		} else {
			DEFAULT_CITIZEN_QUOTA
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let period = if self.quota_period.is_zero() {
				DEFAULT_QUOTA_PERIOD.into()
			} else {
				self.quota_period
			};
			QuotaPeriod::<T>::put(period);
			for kind in MemberKind::ALL {
				Quotas::<T>::insert(kind, default_quota(kind));
			}
			for (kind, quota) in &self.quotas {
				Quotas::<T>::insert(kind, quota);
			}
			for member in &self.members {
				let roles = Pallet::<T>::role_set(&member.roles)
					.expect("genesis member roles must be distinct");
				Pallet::<T>::do_register(
					member.account.clone(),
					member.kind,
					roles,
					member.evidence_hash,
					member.authentication_key,
				)
				.expect("genesis members must be distinct");
			}
			for index in 0..self.generated_citizens {
				let who = Pallet::<T>::generated_citizen(index);
				let hash = H256(who.using_encoded(sp_io::hashing::blake2_256));
				Pallet::<T>::do_register(
					who,
					MemberKind::Citizen,
					RoleSet::default(),
					hash,
					AuthenticationKey::Sr25519(hash.0),
				)
				.expect("generated citizens are distinct from each other and from named members");
			}
		}
	}

	/// Events of the register.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An account was registered as an active member.
		MemberRegistered { member: T::AccountId, kind: MemberKind },
		/// A member's roles were replaced.
		RolesSet { member: T::AccountId, roles: Vec<Role> },
		/// A member was suspended.
		MemberSuspended { member: T::AccountId },
		/// A suspended member was reinstated.
		MemberReinstated { member: T::AccountId },
		/// A member was revoked, or deactivated its DID, for good.
		MemberRevoked { member: T::AccountId },
		/// A member added an authentication key.
		AuthenticationKeyAdded { member: T::AccountId, key: AuthenticationKey },
		/// A member removed an authentication key.
		AuthenticationKeyRemoved { member: T::AccountId, key: AuthenticationKey },
		/// A member's authentication keys were replaced (by the city, or by a registrar's
		/// rotation taking effect).
		AuthenticationKeysRotated { member: T::AccountId, keys: u32 },
		/// A registrar scheduled the replacement of a member's keys; the member can cancel it
		/// until `effective_at`.
		KeyRotationScheduled {
			member: T::AccountId,
			registrar: T::AccountId,
			effective_at: BlockNumberFor<T>,
		},
		/// A scheduled key replacement was cancelled.
		KeyRotationCancelled { member: T::AccountId },
		/// A member added a service endpoint.
		ServiceAdded { member: T::AccountId, id: Vec<u8> },
		/// A member removed a service endpoint.
		ServiceRemoved { member: T::AccountId, id: Vec<u8> },
		/// The city set a kind's quota.
		QuotaSet { kind: MemberKind, units: u32 },
		/// The city set the length of a quota period.
		QuotaPeriodSet { blocks: BlockNumberFor<T> },
	}

	/// Errors of the register.
	#[pallet::error]
	pub enum Error<T> {
		/// The account is already registered (revoked accounts stay registered).
		AlreadyRegistered,
		/// The account is not a member.
		NotMember,
		/// The member is suspended.
		Suspended,
		/// The member is revoked and its DID deactivated for good.
		Revoked,
		/// The member is not suspended.
		NotSuspended,
		/// Only the city grants or takes the registrar, reward-issuer and settlement-agent roles,
		/// or acts on a member holding one or on a protected member (council, operators).
		CityOnly,
		/// A role is named twice.
		DuplicateRole,
		/// More authentication keys than a DID document holds.
		TooManyKeys,
		/// A DID document needs at least one authentication key.
		NoKeys,
		/// The key is already in the DID document.
		DuplicateKey,
		/// The key is not in the DID document.
		UnknownKey,
		/// More service endpoints than a DID document holds.
		TooManyServices,
		/// A service with this id is already in the DID document.
		DuplicateService,
		/// No service with this id is in the DID document.
		UnknownService,
		/// A service id or type is empty, longer than `MaxServiceFieldLength`, or has a character
		/// other than a letter, a digit or `-._~`.
		BadServiceField,
		/// A service endpoint is empty, longer than `MaxEndpointLength`, or not printable ASCII
		/// without spaces.
		BadEndpoint,
		/// A quota period must last at least one block.
		ZeroQuotaPeriod,
		/// A quota must allow at least one unit; suspend a member to bar it.
		ZeroQuota,
		/// A key replacement is scheduled for this member already.
		RotationPending,
		/// No key replacement is scheduled for this member.
		NoPendingRotation,
		/// `MaxRotationsPerBlock` rotations take effect in that block already; try in the next.
		RotationQueueFull,
		/// The signature is not by the given key over the cancellation message.
		BadSignature,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Applies the key replacements that take effect in this block.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::enact_due_rotations(now)
		}

		fn integrity_test() {
			use sp_runtime::traits::TrailingZeroInput;
			let account = T::AccountId::decode(&mut TrailingZeroInput::zeroes())
				.expect("any account decodes from zeroes");
			assert_eq!(account.encoded_size(), 32, "DIDs need 32-byte accounts");
			assert_eq!(
				T::SS58Prefix::get(),
				seoul_primitives::SS58_PREFIX,
				"DIDs are written in the chain's address format"
			);
			assert!(T::MaxAuthenticationKeys::get() > 0, "a DID needs room for a key");
			assert!(T::MaxChallengeValidity::get() > 0, "challenges must be able to live");
			assert!(T::UnitWeight::get().ref_time() > 0, "a unit of work must weigh something");
			assert!(T::UnitLength::get() > 0, "a unit of length must be at least a byte");
			assert!(
				T::MaxTransactionWeight::get().all_gte(T::UnitWeight::get()),
				"a member must be able to sign a transaction of one unit"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers `who` as an active member of `kind` with `roles`, the salted hash of the
		/// identity evidence checked off chain and the first authentication key of its DID.
		///
		/// Origin: the city, or an active registrar for a citizen (organisations, whose quota is
		/// a thousand citizens', are the city's alone; a registrar may not grant the roles only
		/// the city grants). Emits [`Event::MemberRegistered`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register())]
		pub fn register(
			origin: OriginFor<T>,
			who: T::AccountId,
			kind: MemberKind,
			roles: Vec<Role>,
			evidence_hash: H256,
			authentication_key: AuthenticationKey,
		) -> DispatchResult {
			let authority = Self::ensure_registrar(origin)?;
			ensure!(
				authority == Authority::City || kind == MemberKind::Citizen,
				Error::<T>::CityOnly
			);
			let roles = Self::role_set(&roles)?;
			Self::ensure_may_grant(&authority, &roles)?;
			Self::do_register(who, kind, roles, evidence_hash, authentication_key)
		}

		/// Replaces the roles of `who`.
		///
		/// Origin: the city, or an active registrar for members who neither hold nor receive a
		/// role only the city grants.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_roles())]
		pub fn set_roles(
			origin: OriginFor<T>,
			who: T::AccountId,
			roles: Vec<Role>,
		) -> DispatchResult {
			let authority = Self::ensure_registrar(origin)?;
			let roles = Self::role_set(&roles)?;
			let mut member = Self::registered(&who)?;
			ensure!(member.status != MemberStatus::Revoked, Error::<T>::Revoked);
			Self::ensure_may_act_on(&authority, &who, &member)?;
			Self::ensure_may_grant(&authority, &roles)?;
			member.roles = roles;
			let roles = member.roles.iter().copied().collect();
			Members::<T>::insert(&who, member);
			Self::deposit_event(Event::RolesSet { member: who, roles });
			Ok(())
		}

		/// Suspends `who`: its transactions are refused and authentication fails until a
		/// registrar reinstates it.
		///
		/// Origin: the city, or an active registrar for members without a city-granted role.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::suspend())]
		pub fn suspend(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let authority = Self::ensure_registrar(origin)?;
			let mut member = Self::registered(&who)?;
			Self::ensure_may_act_on(&authority, &who, &member)?;
			Self::ensure_active(&member)?;
			member.status = MemberStatus::Suspended;
			Members::<T>::insert(&who, member.clone());
			ActiveMembers::<T>::mutate(member.kind, |count| *count = count.saturating_sub(1));
			Self::deposit_event(Event::MemberSuspended { member: who });
			Ok(())
		}

		/// Reinstates a suspended member.
		///
		/// Origin: the city, or an active registrar for members without a city-granted role.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::reinstate())]
		pub fn reinstate(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let authority = Self::ensure_registrar(origin)?;
			let mut member = Self::registered(&who)?;
			Self::ensure_may_act_on(&authority, &who, &member)?;
			ensure!(member.status != MemberStatus::Revoked, Error::<T>::Revoked);
			ensure!(member.status == MemberStatus::Suspended, Error::<T>::NotSuspended);
			member.status = MemberStatus::Active;
			Members::<T>::insert(&who, member.clone());
			ActiveMembers::<T>::mutate(member.kind, |count| count.saturating_inc());
			Self::deposit_event(Event::MemberReinstated { member: who });
			Ok(())
		}

		/// Revokes `who` for good: its DID document is deactivated and the record kept.
		///
		/// Origin: the city, or an active registrar for members without a city-granted role.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::revoke())]
		pub fn revoke(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let authority = Self::ensure_registrar(origin)?;
			let member = Self::registered(&who)?;
			Self::ensure_may_act_on(&authority, &who, &member)?;
			ensure!(member.status != MemberStatus::Revoked, Error::<T>::Revoked);
			Self::do_revoke(who, member);
			Ok(())
		}

		/// Adds an authentication key to the caller's DID document.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::add_authentication_key())]
		pub fn add_authentication_key(
			origin: OriginFor<T>,
			key: AuthenticationKey,
		) -> DispatchResult {
			let (who, _) = Self::ensure_active_member(origin)?;
			Self::update_document(&who, |document| {
				ensure!(!document.authentication.contains(&key), Error::<T>::DuplicateKey);
				document.authentication.try_push(key).map_err(|_| Error::<T>::TooManyKeys)?;
				Ok(())
			})?;
			Self::deposit_event(Event::AuthenticationKeyAdded { member: who, key });
			Ok(())
		}

		/// Removes an authentication key from the caller's DID document; the last key stays.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::remove_authentication_key())]
		pub fn remove_authentication_key(
			origin: OriginFor<T>,
			key: AuthenticationKey,
		) -> DispatchResult {
			let (who, _) = Self::ensure_active_member(origin)?;
			Self::update_document(&who, |document| {
				let position = document
					.authentication
					.iter()
					.position(|known| known == &key)
					.ok_or(Error::<T>::UnknownKey)?;
				ensure!(document.authentication.len() > 1, Error::<T>::NoKeys);
				document.authentication.remove(position);
				Ok(())
			})?;
			Self::deposit_event(Event::AuthenticationKeyRemoved { member: who, key });
			Ok(())
		}

		/// Adds a service endpoint to the caller's DID document.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::add_service())]
		pub fn add_service(
			origin: OriginFor<T>,
			id: Vec<u8>,
			service_type: Vec<u8>,
			endpoint: Vec<u8>,
		) -> DispatchResult {
			let (who, _) = Self::ensure_active_member(origin)?;
			let service = Self::service((id.clone(), service_type, endpoint))?;
			Self::update_document(&who, |document| {
				ensure!(
					!document.services.iter().any(|known| known.id == service.id),
					Error::<T>::DuplicateService
				);
				document.services.try_push(service).map_err(|_| Error::<T>::TooManyServices)?;
				Ok(())
			})?;
			Self::deposit_event(Event::ServiceAdded { member: who, id });
			Ok(())
		}

		/// Removes the service endpoint `id` from the caller's DID document.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::remove_service())]
		pub fn remove_service(origin: OriginFor<T>, id: Vec<u8>) -> DispatchResult {
			let (who, _) = Self::ensure_active_member(origin)?;
			Self::update_document(&who, |document| {
				let position = document
					.services
					.iter()
					.position(|known| known.id.as_slice() == id.as_slice())
					.ok_or(Error::<T>::UnknownService)?;
				document.services.remove(position);
				Ok(())
			})?;
			Self::deposit_event(Event::ServiceRemoved { member: who, id });
			Ok(())
		}

		/// Replaces every authentication key of `who`: recovery for a member who lost their
		/// card. The city's replacement takes effect at once. A registrar's is scheduled
		/// [`Config::KeyRotationDelay`] blocks ahead ([`Event::KeyRotationScheduled`], which the
		/// member's wallet sees), and until then the member, or any of its current keys, can
		/// cancel it: a registrar's key alone cannot take over a citizen's DID.
		///
		/// Origin: the city, or an active registrar for a citizen without a city-granted role.
		/// Emits [`Event::AuthenticationKeysRotated`] (the city) or
		/// [`Event::KeyRotationScheduled`] (a registrar).
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::rotate_authentication_keys(keys.len() as u32))]
		pub fn rotate_authentication_keys(
			origin: OriginFor<T>,
			who: T::AccountId,
			keys: Vec<AuthenticationKey>,
		) -> DispatchResult {
			let authority = Self::ensure_registrar(origin)?;
			let member = Self::registered(&who)?;
			Self::ensure_may_act_on(&authority, &who, &member)?;
			ensure!(!keys.is_empty(), Error::<T>::NoKeys);
			let keys: AuthenticationKeysOf<T> =
				keys.try_into().map_err(|_| Error::<T>::TooManyKeys)?;
			ensure!(
				keys.iter().enumerate().all(|(i, key)| !keys[..i].contains(key)),
				Error::<T>::DuplicateKey
			);
			match authority {
				Authority::City => {
					Self::replace_keys(&who, keys)?;
					Self::unschedule_rotation(&who);
				}
				Authority::Registrar(registrar) => Self::schedule_rotation(who, keys, registrar)?,
			}
			Ok(())
		}

		/// Cancels the key rotation a registrar scheduled for the signer.
		///
		/// Origin: signed by the member whose keys were to be replaced. Emits
		/// [`Event::KeyRotationCancelled`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::cancel_key_rotation())]
		pub fn cancel_key_rotation(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::cancel_rotation(who)
		}

		/// Cancels the key rotation a registrar scheduled for `member`, on the word of one of its
		/// current authentication keys: `key` signed [`rotation::cancellation_message`] (raw or
		/// `<Bytes>`-wrapped), so that a citizen whose account key is out of reach but who still
		/// holds its card can stop a rotation it did not ask for. Anyone may submit it.
		///
		/// Origin: signed. Emits [`Event::KeyRotationCancelled`].
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::cancel_key_rotation_with_key())]
		pub fn cancel_key_rotation_with_key(
			origin: OriginFor<T>,
			member: T::AccountId,
			key: AuthenticationKey,
			signature: [u8; 64],
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::ensure_cancelled_by_key(&member, &key, &signature)?;
			Self::cancel_rotation(member)
		}

		/// Deactivates the caller's own DID for good, as a revocation does.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::deactivate())]
		pub fn deactivate(origin: OriginFor<T>) -> DispatchResult {
			let (who, member) = Self::ensure_active_member(origin)?;
			Self::do_revoke(who, member);
			Ok(())
		}

		/// Sets how many fee-free units of work ([`Pallet::units`]; a plain transfer is one)
		/// members of `kind` may use per quota period, at least one: a zero quota could bar the
		/// council's own members for good. A member's current period keeps the allowance it
		/// started with; the new one applies from its next period (suspend a member to stop it at
		/// once).
		///
		/// Origin: [`Config::CityOrigin`]. Emits [`Event::QuotaSet`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::set_quota())]
		pub fn set_quota(origin: OriginFor<T>, kind: MemberKind, units: u32) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			ensure!(units > 0, Error::<T>::ZeroQuota);
			Quotas::<T>::insert(kind, units);
			Self::deposit_event(Event::QuotaSet { kind, units });
			Ok(())
		}

		/// Sets the length of a quota period in blocks. Periods are counted from block zero; a
		/// member's current period runs to its end, and the next one follows the new length.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_quota_period())]
		pub fn set_quota_period(origin: OriginFor<T>, blocks: BlockNumberFor<T>) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			ensure!(!blocks.is_zero(), Error::<T>::ZeroQuotaPeriod);
			QuotaPeriod::<T>::put(blocks);
			Self::deposit_event(Event::QuotaPeriodSet { blocks });
			Ok(())
		}
	}

	/// Who performs a registrar call.
	#[derive(PartialEqNoBound, EqNoBound, DebugNoBound)]
	pub(crate) enum Authority<T: Config> {
		/// The city's privileged origin.
		City,
		/// An active member holding the registrar role.
		Registrar(T::AccountId),
	}

	impl<T: Config> Pallet<T> {
		/// The `index`th citizen generated at genesis ([`GenesisConfig::generated_citizens`]):
		/// the account `blake2_256(b"seoul/generated-citizen" ++ index as u32 little-endian)`,
		/// which measurement tools derive the same way to reward them.
		pub fn generated_citizen(index: u32) -> T::AccountId {
			use sp_runtime::traits::TrailingZeroInput;
			let seed =
				(b"seoul/generated-citizen", index).using_encoded(sp_io::hashing::blake2_256);
			T::AccountId::decode(&mut TrailingZeroInput::new(&seed))
				.expect("any account decodes from 32 bytes and zeroes")
		}

		/// The authority behind a registrar call, or `BadOrigin`.
		pub(crate) fn ensure_registrar(
			origin: OriginFor<T>,
		) -> Result<Authority<T>, DispatchError> {
			match T::CityOrigin::try_origin(origin) {
				Ok(_) => Ok(Authority::City),
				Err(origin) => {
					let who = ensure_signed(origin)?;
					ensure!(Self::has_role(&who, Role::Registrar), DispatchError::BadOrigin);
					Ok(Authority::Registrar(who))
				}
			}
		}

		/// Only the city grants the roles of [`Role::is_city_granted`].
		fn ensure_may_grant(authority: &Authority<T>, roles: &RoleSet) -> DispatchResult {
			ensure!(
				*authority == Authority::City || !roles.iter().any(|role| role.is_city_granted()),
				Error::<T>::CityOnly
			);
			Ok(())
		}

		/// Only the city acts on an organisation, on a protected member
		/// ([`Config::ProtectedMembers`]) or on one holding a role of [`Role::is_city_granted`],
		/// e.g. another registrar: a registrar acts on citizens.
		fn ensure_may_act_on(
			authority: &Authority<T>,
			who: &T::AccountId,
			member: &MemberOf<T>,
		) -> DispatchResult {
			ensure!(
				*authority == Authority::City
					|| (member.kind == MemberKind::Citizen && !T::ProtectedMembers::contains(who)),
				Error::<T>::CityOnly
			);
			Self::ensure_may_grant(authority, &member.roles)
		}

		/// The signer of `origin` and its entry, if it is an active member.
		fn ensure_active_member(
			origin: OriginFor<T>,
		) -> Result<(T::AccountId, MemberOf<T>), DispatchError> {
			let who = ensure_signed(origin)?;
			let member = Self::registered(&who)?;
			Self::ensure_active(&member)?;
			Ok((who, member))
		}

		/// The entry of `who`, or `NotMember`.
		fn registered(who: &T::AccountId) -> Result<MemberOf<T>, DispatchError> {
			Ok(Members::<T>::get(who).ok_or(Error::<T>::NotMember)?)
		}

		/// `Ok` if the member is active, else why not.
		fn ensure_active(member: &MemberOf<T>) -> DispatchResult {
			match member.status {
				MemberStatus::Active => Ok(()),
				MemberStatus::Suspended => Err(Error::<T>::Suspended.into()),
				MemberStatus::Revoked => Err(Error::<T>::Revoked.into()),
			}
		}

		/// `roles` as a set, or `DuplicateRole`.
		pub(crate) fn role_set(roles: &[Role]) -> Result<RoleSet, Error<T>> {
			let mut set = RoleSet::new();
			for role in roles {
				// The set's bound is the number of roles, so only a repeat can fail to insert.
				ensure!(set.try_insert(*role) == Ok(true), Error::<T>::DuplicateRole);
			}
			Ok(set)
		}

		/// A service endpoint from a call's arguments, or why they are out of bounds.
		pub(crate) fn service(
			(id, service_type, endpoint): ServiceFields,
		) -> Result<ServiceEndpointOf<T>, Error<T>> {
			// Ids and types are DID URL fragments and names: letters, digits and `-._~`.
			let field = |value: Vec<u8>| {
				ensure!(seoul_primitives::is_uri_unreserved(&value), Error::<T>::BadServiceField);
				BoundedVec::try_from(value).map_err(|_| Error::<T>::BadServiceField)
			};
			let id = field(id)?;
			let service_type = field(service_type)?;
			// An endpoint is a URI: printable ASCII without spaces.
			ensure!(
				!endpoint.is_empty() && endpoint.iter().all(|byte| byte.is_ascii_graphic()),
				Error::<T>::BadEndpoint
			);
			let endpoint = BoundedVec::try_from(endpoint).map_err(|_| Error::<T>::BadEndpoint)?;
			Ok(ServiceEndpoint { id, service_type, endpoint })
		}

		/// Applies `change` to the DID document of `who` and stamps the block; nothing is
		/// written if `change` fails.
		pub(crate) fn update_document(
			who: &T::AccountId,
			change: impl FnOnce(&mut DidDocumentOf<T>) -> DispatchResult,
		) -> DispatchResult {
			DidDocuments::<T>::try_mutate(who, |document| {
				let document = document.as_mut().ok_or(Error::<T>::NotMember)?;
				ensure!(!document.deactivated, Error::<T>::Revoked);
				change(document)?;
				document.updated_at = frame_system::Pallet::<T>::block_number();
				Ok(())
			})
		}

		/// Writes a new active member and its DID document.
		pub(crate) fn do_register(
			who: T::AccountId,
			kind: MemberKind,
			roles: RoleSet,
			evidence_hash: H256,
			authentication_key: AuthenticationKey,
		) -> DispatchResult {
			ensure!(!Members::<T>::contains_key(&who), Error::<T>::AlreadyRegistered);
			let now = frame_system::Pallet::<T>::block_number();
			let authentication = BoundedVec::try_from(alloc::vec![authentication_key])
				.map_err(|_| Error::<T>::TooManyKeys)?;
			Members::<T>::insert(
				&who,
				Registration {
					kind,
					roles,
					status: MemberStatus::Active,
					registered_at: now,
					evidence_hash,
				},
			);
			DidDocuments::<T>::insert(
				&who,
				DidDocument {
					controller: who.clone(),
					authentication,
					services: BoundedVec::new(),
					deactivated: false,
					updated_at: now,
				},
			);
			ActiveMembers::<T>::mutate(kind, |count| count.saturating_inc());
			// The member's account exists, and may sign, with a zero balance; the reference
			// is never released because the record stays even after revocation.
			frame_system::Pallet::<T>::inc_sufficients(&who);
			Self::deposit_event(Event::MemberRegistered { member: who, kind });
			Ok(())
		}

		/// Marks `member` revoked and deactivates its DID document.
		fn do_revoke(who: T::AccountId, mut member: MemberOf<T>) {
			if member.status == MemberStatus::Active {
				ActiveMembers::<T>::mutate(member.kind, |count| *count = count.saturating_sub(1));
			}
			member.status = MemberStatus::Revoked;
			Members::<T>::insert(&who, member);
			DidDocuments::<T>::mutate(&who, |document| {
				if let Some(document) = document {
					document.deactivated = true;
					document.updated_at = frame_system::Pallet::<T>::block_number();
				}
			});
			Self::deposit_event(Event::MemberRevoked { member: who });
		}

		/// The DID of `who`.
		pub fn did(who: &T::AccountId) -> Vec<u8> {
			did::did_of(who)
		}

		/// Whether `signature` over `challenge` proves control of the active DID `did`.
		pub fn authenticate(
			did: &[u8],
			challenge: &[u8],
			signature: &[u8],
		) -> AuthenticationVerdict {
			Self::check_authentication(did, challenge, signature)
				.map_or_else(|verdict| verdict, |()| AuthenticationVerdict::Authentic)
		}

		/// [`Self::authenticate`], with every refusal as an error.
		fn check_authentication(
			did: &[u8],
			challenge: &[u8],
			signature: &[u8],
		) -> Result<(), AuthenticationVerdict> {
			let who: T::AccountId =
				did::account_of(did).ok_or(AuthenticationVerdict::MalformedDid)?;
			let member = Members::<T>::get(&who).ok_or(AuthenticationVerdict::UnknownDid)?;
			let document = DidDocuments::<T>::get(&who).ok_or(AuthenticationVerdict::UnknownDid)?;
			let genesis: [u8; 32] =
				frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero())
					.using_encoded(|hash| hash.try_into())
					.map_err(|_| AuthenticationVerdict::WrongChain)?;
			authentication::check_challenge(
				challenge,
				did,
				&genesis,
				T::UnixTime::now().as_millis().saturated_into(),
				T::MaxChallengeValidity::get(),
			)?;
			let signature: &[u8; 64] =
				signature.try_into().map_err(|_| AuthenticationVerdict::BadSignature)?;
			ensure!(
				document
					.authentication
					.iter()
					.any(|key| authentication::signed_by(key, challenge, signature)),
				AuthenticationVerdict::BadSignature
			);
			match member.status {
				MemberStatus::Active => Ok(()),
				MemberStatus::Suspended => Err(AuthenticationVerdict::Suspended),
				MemberStatus::Revoked => Err(AuthenticationVerdict::Deactivated),
			}
		}

		/// The public record of the member holding `did`, if any.
		pub fn member_record(did: &[u8]) -> Option<MemberRecord<T::AccountId, BlockNumberFor<T>>> {
			let who: T::AccountId = did::account_of(did)?;
			let member = Members::<T>::get(&who)?;
			let document = DidDocuments::<T>::get(&who)?;
			// Quotas are checked against the block being built, the one after this one.
			let next_block = frame_system::Pallet::<T>::block_number().saturating_add(1u32.into());
			let quota = Self::quota_standing(&who, member.kind, next_block);
			let key_rotation_at =
				PendingKeyRotations::<T>::get(&who).map(|pending| pending.effective_at);
			Some(MemberRecord {
				did: did.to_vec(),
				account: who,
				kind: member.kind,
				roles: member.roles.iter().copied().collect(),
				status: member.status,
				registered_at: member.registered_at,
				evidence_hash: member.evidence_hash,
				controller: document.controller,
				authentication: document.authentication.into_inner(),
				services: document
					.services
					.into_iter()
					.map(|service| {
						(
							service.id.into_inner(),
							service.service_type.into_inner(),
							service.endpoint.into_inner(),
						)
					})
					.collect(),
				deactivated: document.deactivated,
				updated_at: document.updated_at,
				quota,
				key_rotation_at,
			})
		}

		/// Invariants of the register.
		#[cfg(any(feature = "try-runtime", test))]
		pub(crate) fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::BTreeMap;
			let mut active = BTreeMap::<MemberKind, u32>::new();
			for (who, member) in Members::<T>::iter() {
				let document =
					DidDocuments::<T>::get(&who).ok_or("a member has no DID document")?;
				ensure!(
					document.controller == who,
					"a DID document is controlled by another account"
				);
				ensure!(!document.authentication.is_empty(), "a DID document has no key");
				ensure!(
					document.deactivated == (member.status == MemberStatus::Revoked),
					"a DID document is deactivated unless its member is revoked"
				);
				ensure!(
					frame_system::Pallet::<T>::sufficients(&who) > 0,
					"a member's account is not kept alive"
				);
				if member.status == MemberStatus::Active {
					*active.entry(member.kind).or_default() += 1;
				}
				let usage = Self::noted_usage(&who);
				ensure!(usage.used <= usage.allowance, "a member used more than its allowance");
				if let Some(pending) = PendingKeyRotations::<T>::get(&who) {
					ensure!(
						RotationsDue::<T>::get(pending.effective_at).contains(&who),
						"a scheduled key rotation is not due at its block"
					);
				}
			}
			ensure!(
				DidDocuments::<T>::iter_keys().all(Members::<T>::contains_key),
				"a DID document has no member"
			);
			for kind in MemberKind::ALL {
				ensure!(
					ActiveMembers::<T>::get(kind) == active.get(&kind).copied().unwrap_or(0),
					"active member counts do not match the register"
				);
			}
			ensure!(!QuotaPeriod::<T>::get().is_zero(), "the quota period is zero");
			for (block, due) in RotationsDue::<T>::iter() {
				ensure!(
					due.iter().all(|who| PendingKeyRotations::<T>::get(who)
						.is_some_and(|pending| pending.effective_at == block)),
					"a due key rotation is not scheduled"
				);
			}
			Ok(())
		}
	}
}

impl<T: Config> MemberRegistry<T::AccountId> for Pallet<T> {
	fn active_kind(who: &T::AccountId) -> Option<MemberKind> {
		Members::<T>::get(who)
			.filter(|member| member.status == MemberStatus::Active)
			.map(|m| m.kind)
	}

	fn has_role(who: &T::AccountId, role: Role) -> bool {
		Members::<T>::get(who).is_some_and(|member| {
			member.status == MemberStatus::Active && member.roles.contains(&role)
		})
	}

	fn walk_citizens(
		after: Option<T::AccountId>,
		limit: u32,
		registered_before: u64,
		visit: impl FnMut(&T::AccountId) -> bool,
	) -> RegisterWalk<T::AccountId> {
		let members = match &after {
			Some(after) => Members::<T>::iter_from(Members::<T>::hashed_key_for(after)),
			None => Members::<T>::iter(),
		};
		RegisterWalk::over(
			members,
			after,
			limit,
			|member| {
				member.kind == MemberKind::Citizen
					&& member.status == MemberStatus::Active
					&& member.registered_at.saturated_into::<u64>() < registered_before
			},
			visit,
		)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmarks(who: &T::AccountId, kind: MemberKind, roles: &[Role]) {
		if !Members::<T>::contains_key(who) {
			let roles = Self::role_set(roles).expect("benchmarks name each role once");
			Self::do_register(
				who.clone(),
				kind,
				roles,
				Default::default(),
				AuthenticationKey::Sr25519([0; 32]),
			)
			.expect("the account was checked to be unregistered");
		}
	}
}
