//! # Validator set
//!
//! The city decides who validates its chain. This pallet keeps the list of validator operators
//! and hands it to `pallet-session`, so that a change takes effect at a session boundary.
//!
//! ## Overview
//!
//! - The city (the runtime's privileged origin, [`Config::UpdateOrigin`]) adds an operator's
//!   account with [`Pallet::add_validator`] and removes it with [`Pallet::remove_validator`].
//! - An operator can only be added once it has registered session keys (`Session::set_keys`),
//!   so a new validator can never stall block production for lack of keys.
//! - The set never shrinks below the network's minimum ([`MinimumValidators`], set in genesis:
//!   four on production networks, so that finality survives the loss of one; never below
//!   [`Config::MinValidators`]) nor grows beyond [`Config::MaxValidators`], which the runtime ties
//!   to the Aura and GRANDPA authority limits.
//! - An operator in the set cannot purge its session keys ([`Pallet::purge_keys`]; the runtime
//!   refuses `Session::purge_keys` to signed origins): without keys it would drop out of the
//!   authorities at the next session, and enough of them would halt the chain. The council
//!   removes it first.
//! - A validator that authored no block in [`Config::SilentSessionsToReport`] sessions in a row
//!   is reported ([`Event::ValidatorSilent`] and the runtime API), so that the council can
//!   replace it; the count comes from `pallet-authorship` ([`Pallet`] is its event handler).
//! - Equivocations proven on chain (`pallet-offences`, with key-ownership proofs from
//!   `pallet_session::historical`) are recorded in [`Offences`] and reported
//!   ([`Event::OffenceRecorded`]); nothing is slashed: the council decides. GRANDPA's are
//!   reported by the nodes through `pallet-grandpa`; Aura's, which FRAME does not check, by
//!   anyone through [`Pallet::report_aura_equivocation`] (two headers of one slot sealed by the
//!   same key).
//! - Each network sets its session length in genesis ([`SessionLength`]; `Config::DefaultSessionLength`
//!   when it sets none): [`Sessions`] is the runtime's `ShouldEndSession` and
//!   `NextSessionRotation`. Production networks keep ten minutes; a test network rotates faster,
//!   so that its validator changes and finality repairs are seen in minutes.
//! - The pallet is the runtime's `pallet_session::SessionManager`. `pallet-session` asks it for
//!   the validators of session `n + 1` when session `n` starts, so a change made during session
//!   `n` is announced at the start of session `n + 1` ([`Event::NewSetQueued`]) and the new set
//!   authors blocks and votes on finality from session `n + 2`. Operators that purged their
//!   session keys by then are left out; if fewer than `MinValidators` would remain, the current
//!   set stays and the change waits for the next session.
//!
//! ## Interface
//!
//! ### Privileged calls ([`Config::UpdateOrigin`])
//! - [`Pallet::add_validator`]: add an operator that has registered session keys.
//! - [`Pallet::remove_validator`]: remove an operator.
//! - [`Pallet::set_min_validators`]: change the network's minimum.
//! - [`Pallet::clear_offences`]: clear a validator's record of offences, dealt with.
//!
//! ### Operator calls
//! - [`Pallet::purge_keys`]: remove one's session keys, once out of the set.
//!
//! ### Anyone's calls
//! - [`Pallet::report_aura_equivocation`]: prove that a validator sealed two blocks for one slot.
//!
//! ### Storage
//! - [`Validators`]: the set the city decided, sorted by account.
//! - [`ChangePending`]: whether that set changed since it was last handed to `pallet-session`.
//! - [`MinimumValidators`]: the network's minimum.
//! - [`SessionLength`]: the network's blocks per session.
//! - [`BlocksAuthored`], [`SilentSessions`]: blocks each active validator authored this
//!   session, and the sessions in a row in which it authored none.
//! - [`Offences`]: the offences proven against each validator.
//!
//! ### Runtime API
//! [`runtime_api::ValidatorSetApi`]: each validator's standing, served by the node as
//! `validatorSet_status`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod equivocation;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod runtime_api;
mod session;
#[cfg(test)]
mod tests;
pub mod weights;

pub use equivocation::{
	seal_header, sealed_equivocation, AuraEquivocationOffence, AuraEquivocationProof,
	AuraOffenceOf, IdentificationOf,
};
pub use session::{SessionInterface, SessionLengthOf, Sessions};

use alloc::{boxed::Box, vec::Vec};
use codec::{Codec, Decode, Encode, MaxEncodedLen};
use frame_support::traits::{Get, KeyOwnerProofSystem};
use scale_info::TypeInfo;
use sp_runtime::KeyTypeId;
use sp_session::{GetSessionNumber, GetValidatorCount};
use sp_staking::offence::ReportOffence;
use sp_staking::SessionIndex;

/// Where a validator stands, for the council and auditors.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ValidatorStatus<AccountId> {
	/// The operator's account.
	pub account: AccountId,
	/// Whether the city's set ([`Validators`]) lists it.
	pub in_set: bool,
	/// Whether it validates in the current session.
	pub active: bool,
	/// Whether it has session keys registered.
	pub has_keys: bool,
	/// Blocks it authored in the current session.
	pub blocks_this_session: u32,
	/// Past sessions in a row in which it authored no block.
	pub silent_sessions: u32,
	/// Whether it is reported silent: `silent_sessions` reached `SilentSessionsToReport`.
	pub reported_silent: bool,
	/// The offences proven against it.
	pub offences: OffenceRecord,
}

/// The offences proven against a validator (equivocations, reported through `pallet-offences`).
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct OffenceRecord {
	/// How many offences were proven.
	pub count: u32,
	/// The session of the last one.
	pub last_session: SessionIndex,
}

/// Log target of this pallet.
const LOG_TARGET: &str = "runtime::validator-set";

/// Prepares the benchmarks: an operator needs session keys before it can be added, and an
/// equivocation needs a validator's key to seal two headers.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<T: Config> {
	/// Registers session keys for `who`, so that [`Pallet::add_validator`] accepts it.
	fn register_session_keys(who: &T::AccountId);

	/// Makes `count` validators active in the current session, among them the one whose key
	/// [`BenchmarkHelper::aura_equivocation`] seals with.
	fn activate_validators(count: u32);

	/// Two headers of one slot, each with `padding` bytes of digest, sealed by an active
	/// validator's Aura key, and the proof that the key is that validator's.
	fn aura_equivocation(padding: u32) -> (AuraEquivocationProof<T>, T::KeyOwnerProof);
}

/// The city's validator set: operators added and removed by the City Council, handed to
/// `pallet-session` at session boundaries.
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::ValidatorRegistration};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{traits::Zero, RuntimeAppPublic};

	/// Default configuration for tests, so that mocks only name what they change.
	pub mod config_preludes {
		use super::*;
		use frame_support::derive_impl;

		/// Test defaults: at least one and at most ten validators.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type MinValidators = ConstU32<1>;
			type MaxValidators = ConstU32<10>;
			type SilentSessionsToReport = ConstU32<3>;
			type MaxEquivocationProofLen = ConstU32<4096>;
			type KeyOwnershipProofSessions = ConstU32<4>;
			type WeightInfo = ();
		}
	}

	/// The pallet's configuration.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// The origin that adds and removes validators: the runtime's City Council origin.
		#[pallet::no_default]
		type UpdateOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// What the set needs of `pallet-session`: who has keys, who validates now, and purging
		/// an operator's keys.
		#[pallet::no_default]
		type Session: SessionInterface<Self::AccountId>;

		/// The fewest validators any network may keep; a network's own minimum
		/// ([`MinimumValidators`]) is at least this.
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// Sessions in a row without a block after which a validator is reported silent.
		#[pallet::constant]
		type SilentSessionsToReport: Get<u32>;

		/// The most validators the chain may have: the Aura and GRANDPA authority limit.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// Blocks per session of a network that sets no [`SessionLength`] in its genesis.
		#[pallet::constant]
		#[pallet::no_default]
		type DefaultSessionLength: Get<BlockNumberFor<Self>>;

		/// The key that seals blocks: Aura's authority key.
		#[pallet::no_default]
		type AuraId: Parameter + RuntimeAppPublic;

		/// A proof that a session key was a validator's (`sp_session::MembershipProof`).
		#[pallet::no_default]
		type KeyOwnerProof: Parameter + GetSessionNumber + GetValidatorCount;

		/// A validator's full identification in an offence: its account, and what it staked
		/// (nothing here).
		#[pallet::no_default]
		type IdentificationTuple: Clone + Codec;

		/// Checks key-ownership proofs against the sessions the chain keeps
		/// (`pallet_session::historical`).
		#[pallet::no_default]
		type KeyOwnerProofSystem: KeyOwnerProofSystem<
			(KeyTypeId, Self::AuraId),
			Proof = Self::KeyOwnerProof,
			IdentificationTuple = Self::IdentificationTuple,
		>;

		/// Records a proven offence once and hands it to this pallet's `OnOffenceHandler`
		/// (`pallet-offences`).
		#[pallet::no_default]
		type ReportOffence: ReportOffence<
			Self::AccountId,
			IdentificationOf<Self>,
			AuraOffenceOf<Self>,
		>;

		/// How many past sessions an equivocation can still be proven for: the validator sets of
		/// older ones are forgotten.
		#[pallet::constant]
		type KeyOwnershipProofSessions: Get<SessionIndex>;

		/// The longest Aura equivocation proof accepted, in bytes: two headers and a key. It
		/// bounds what a report makes the chain hash; a real block header is a few hundred bytes.
		#[pallet::constant]
		type MaxEquivocationProofLen: Get<u32>;

		/// Weights of this pallet's calls, measured by its benchmarks.
		type WeightInfo: WeightInfo;

		/// Registers session keys and seals equivocations for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		#[pallet::no_default]
		type BenchmarkHelper: BenchmarkHelper<Self>;
	}

	/// The storage layout version; `migrations` moves a chain from each version to the next.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// A network that sets no minimum in its genesis keeps the floor, `MinValidators`.
	#[pallet::type_value]
	pub fn DefaultMinimum<T: Config>() -> u32 {
		T::MinValidators::get()
	}

	/// The fewest validators this network keeps: removing one more is refused, and a session
	/// change that would leave fewer with keys waits.
	#[pallet::storage]
	pub type MinimumValidators<T: Config> = StorageValue<_, u32, ValueQuery, DefaultMinimum<T>>;

	/// A network that sets no session length in its genesis keeps `DefaultSessionLength`.
	#[pallet::type_value]
	pub fn DefaultSessionLength<T: Config>() -> BlockNumberFor<T> {
		T::DefaultSessionLength::get()
	}

	/// Blocks per session on this network: sessions start at every multiple of it ([`Sessions`]).
	#[pallet::storage]
	pub type SessionLength<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, DefaultSessionLength<T>>;

	/// Blocks each validator authored in the current session. `Twox64Concat`: only the city's
	/// validators author blocks, so nobody chooses these keys.
	#[pallet::storage]
	pub type BlocksAuthored<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, u32, ValueQuery>;

	/// Past sessions in a row in which each active validator authored no block; absent for one
	/// that authored in the last session.
	#[pallet::storage]
	pub type SilentSessions<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, u32, ValueQuery>;

	/// The offences proven against each validator, kept for the council until it clears them.
	/// `Twox64Concat`: only validators' accounts are offenders.
	#[pallet::storage]
	pub type Offences<T: Config> =
		StorageMap<_, Twox64Concat, T::AccountId, OffenceRecord, ValueQuery>;

	/// The validator set the city decided, sorted by account so that lookups are binary searches.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// Whether [`Validators`] changed since it was last handed to `pallet-session`.
	#[pallet::storage]
	pub type ChangePending<T> = StorageValue<_, bool, ValueQuery>;

	/// The validators the chain starts with.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Operators' accounts, between `MinValidators` and `MaxValidators` of them, each with
		/// session keys in the `Session` genesis. Empty leaves the set unmanaged by this pallet.
		pub initial_validators: Vec<T::AccountId>,
		/// The network's minimum, at least `MinValidators`; zero keeps `MinValidators`.
		pub min_validators: u32,
		/// Blocks per session; zero keeps `DefaultSessionLength`.
		pub session_length: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// An empty list (as in a default genesis) leaves the set unmanaged: pallet-session's
			// own genesis keys decide, and the calls refuse with `NoValidatorSet`.
			if self.min_validators != 0 {
				assert!(
					self.min_validators >= T::MinValidators::get(),
					"the network's minimum is below MinValidators"
				);
				MinimumValidators::<T>::put(self.min_validators);
			}
			if !self.session_length.is_zero() {
				SessionLength::<T>::put(self.session_length);
			}
			if self.initial_validators.is_empty() {
				return;
			}
			let mut validators = self.initial_validators.clone();
			validators.sort();
			validators.dedup();
			assert_eq!(
				validators.len(),
				self.initial_validators.len(),
				"duplicate account in the initial validators"
			);
			assert!(
				validators.len() >= MinimumValidators::<T>::get() as usize,
				"fewer initial validators than the network's minimum"
			);
			let validators: BoundedVec<_, T::MaxValidators> =
				validators.try_into().expect("more initial validators than MaxValidators");
			Validators::<T>::put(validators);
		}
	}

	/// Events of the validator set.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An operator joined the validator set; it validates from the session after next.
		ValidatorAdded {
			/// The operator's account.
			who: T::AccountId,
		},
		/// An operator left the validator set; it stops validating from the session after next.
		ValidatorRemoved {
			/// The operator's account.
			who: T::AccountId,
		},
		/// The changed set was handed to `pallet-session`: it is active from `active_from`.
		NewSetQueued {
			/// The session in which the new set authors blocks and votes on finality.
			active_from: SessionIndex,
			/// How many validators the new set has.
			count: u32,
		},
		/// The network's minimum changed.
		MinimumSet {
			/// The fewest validators the network keeps.
			min: u32,
		},
		/// An operator out of the set purged its session keys.
		KeysPurged {
			/// The operator's account.
			who: T::AccountId,
		},
		/// An offence of the validator `who` was proven on chain (an equivocation: two blocks for
		/// one slot, or two finality votes in one round). `Offences.Offence` names its kind.
		OffenceRecorded {
			/// The operator's account.
			who: T::AccountId,
			/// The session in which it was committed.
			session: SessionIndex,
		},
		/// The council cleared the offences recorded against `who`, having dealt with them.
		OffencesCleared {
			/// The operator's account.
			who: T::AccountId,
		},
		/// An active validator authored no block in `sessions` sessions in a row: the council
		/// should see why, and replace it if it is lost. Emitted at each session's end from
		/// `SilentSessionsToReport` sessions on, until it authors again.
		ValidatorSilent {
			/// The operator's account.
			who: T::AccountId,
			/// Sessions in a row without a block.
			sessions: u32,
		},
	}

	/// Errors of the validator set.
	#[pallet::error]
	pub enum Error<T> {
		/// The account is already a validator.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// The account has not registered session keys.
		NoSessionKeys,
		/// The set would grow beyond `MaxValidators`.
		TooManyValidators,
		/// The set would shrink below the network's minimum.
		TooFewValidators,
		/// The minimum would be below `MinValidators`.
		MinimumBelowFloor,
		/// The minimum would be above the size of the set.
		MinimumAboveSet,
		/// The operator is in the set: the council removes it before it purges its keys.
		StillValidator,
		/// No offence is recorded against the account.
		NoOffences,
		/// The chain started without a validator set in this pallet's genesis, so it has none to
		/// change.
		NoValidatorSet,
		/// The equivocation proof is longer than `MaxEquivocationProofLen`.
		EquivocationProofTooLarge,
		/// The two headers are the same block.
		NotAnEquivocation,
		/// A header is not sealed by the offender's key for the proof's slot.
		InvalidEquivocationProof,
		/// The key-ownership proof does not show the key as a validator's in a session the chain
		/// keeps.
		InvalidKeyOwnershipProof,
		/// This offence is already recorded.
		DuplicateOffenceReport,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_: BlockNumberFor<T>) -> Weight {
			// `pallet-authorship` notes the block's author here ([`Pallet::note_author`]), and
			// does not weigh what its handlers do.
			T::DbWeight::get().reads_writes(1, 1)
		}

		fn integrity_test() {
			assert!(T::MinValidators::get() >= 1, "a chain needs at least one validator");
			assert!(T::SilentSessionsToReport::get() >= 1, "silence is counted in sessions");
			assert!(!T::DefaultSessionLength::get().is_zero(), "a session lasts at least a block");
			assert!(
				T::KeyOwnershipProofSessions::get() >= 1,
				"the current session's equivocations must be provable"
			);
			assert!(
				T::MinValidators::get() <= T::MaxValidators::get(),
				"MinValidators must not exceed MaxValidators"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Adds an operator to the validator set, effective from the session after next.
		///
		/// The origin must be [`Config::UpdateOrigin`]. The operator must have registered session
		/// keys, must not already validate, and the set must stay within `MaxValidators`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator(T::MaxValidators::get()))]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::UpdateOrigin::ensure_origin(origin)?;
			ensure!(T::Session::is_registered(&who), Error::<T>::NoSessionKeys);
			Validators::<T>::try_mutate(|validators| -> DispatchResult {
				ensure!(!validators.is_empty(), Error::<T>::NoValidatorSet);
				let position =
					validators.binary_search(&who).err().ok_or(Error::<T>::AlreadyValidator)?;
				validators
					.try_insert(position, who.clone())
					.map_err(|_| Error::<T>::TooManyValidators)?;
				Ok(())
			})?;
			ChangePending::<T>::put(true);
			Self::deposit_event(Event::ValidatorAdded { who });
			Ok(())
		}

		/// Removes an operator from the validator set, effective from the session after next.
		///
		/// The origin must be [`Config::UpdateOrigin`]. The set must keep at least
		/// `MinValidators` operators.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator(T::MaxValidators::get()))]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::UpdateOrigin::ensure_origin(origin)?;
			Validators::<T>::try_mutate(|validators| -> DispatchResult {
				ensure!(!validators.is_empty(), Error::<T>::NoValidatorSet);
				let position =
					validators.binary_search(&who).map_err(|_| Error::<T>::NotValidator)?;
				ensure!(
					validators.len() > MinimumValidators::<T>::get() as usize,
					Error::<T>::TooFewValidators
				);
				validators.remove(position);
				Ok(())
			})?;
			ChangePending::<T>::put(true);
			Self::deposit_event(Event::ValidatorRemoved { who });
			Ok(())
		}

		/// Sets the network's minimum to `min` validators: at least `MinValidators`, at most
		/// the size of the set.
		///
		/// The origin must be [`Config::UpdateOrigin`].
		///
		/// Emits [`Event::MinimumSet`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_min_validators())]
		pub fn set_min_validators(origin: OriginFor<T>, min: u32) -> DispatchResult {
			T::UpdateOrigin::ensure_origin(origin)?;
			ensure!(min >= T::MinValidators::get(), Error::<T>::MinimumBelowFloor);
			let validators = Validators::<T>::decode_len().unwrap_or_default();
			ensure!(validators > 0, Error::<T>::NoValidatorSet);
			ensure!(min as usize <= validators, Error::<T>::MinimumAboveSet);
			MinimumValidators::<T>::put(min);
			Self::deposit_event(Event::MinimumSet { min });
			Ok(())
		}

		/// Clears the offences recorded against `who`, once the council has dealt with them.
		///
		/// The origin must be [`Config::UpdateOrigin`].
		///
		/// Emits [`Event::OffencesCleared`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::clear_offences())]
		pub fn clear_offences(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::UpdateOrigin::ensure_origin(origin)?;
			ensure!(Offences::<T>::contains_key(&who), Error::<T>::NoOffences);
			Offences::<T>::remove(&who);
			Self::deposit_event(Event::OffencesCleared { who });
			Ok(())
		}

		/// Reports an Aura equivocation: the validator whose Aura key is
		/// `equivocation_proof.offender` sealed both of its headers, two different blocks of its
		/// slot; `key_owner_proof` (`sp_session::MembershipProof`, from
		/// `Historical::prove` at a block of that session) shows whose key it is. Nodes log such
		/// blocks ("equivocation") but do not report them, so an operator or auditor does.
		///
		/// The origin must be signed. Each offence is recorded once, with the reporter.
		///
		/// Weighed for a session of `MaxValidators`, whose set a proof of the current session
		/// is checked against whatever count it claims; what a valid proof's session had is
		/// charged in the end.
		///
		/// Emits [`Event::OffenceRecorded`] (and `Offences.Offence`).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::report_aura_equivocation(T::MaxValidators::get()))]
		pub fn report_aura_equivocation(
			origin: OriginFor<T>,
			equivocation_proof: Box<AuraEquivocationProof<T>>,
			key_owner_proof: T::KeyOwnerProof,
		) -> DispatchResultWithPostInfo {
			let reporter = ensure_signed(origin)?;
			let offence = Self::prove_aura_equivocation(&equivocation_proof, key_owner_proof)?;
			let validators = offence.validator_set_count;
			T::ReportOffence::report_offence(alloc::vec![reporter], offence)
				.map_err(|_| Error::<T>::DuplicateOffenceReport)?;
			Ok(Some(T::WeightInfo::report_aura_equivocation(validators)).into())
		}

		/// Removes the caller's session keys, as `Session::purge_keys` does, unless the caller
		/// is in the validator set: the council removes it first.
		///
		/// The origin must be signed by the operator.
		///
		/// Emits [`Event::KeysPurged`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::purge_keys(T::MaxValidators::get()))]
		pub fn purge_keys(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(
				Validators::<T>::get().binary_search(&who).is_err(),
				Error::<T>::StillValidator
			);
			T::Session::purge_keys(&who)?;
			Self::deposit_event(Event::KeysPurged { who });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Checks the invariants: the set is sorted without duplicates and within its bounds.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let validators = Validators::<T>::get();
			ensure!(
				validators.windows(2).all(|pair| pair[0] < pair[1]),
				"validators must be sorted and unique"
			);
			let minimum = MinimumValidators::<T>::get();
			ensure!(minimum >= T::MinValidators::get(), "the minimum is below MinValidators");
			ensure!(!SessionLength::<T>::get().is_zero(), "a session lasts at least a block");
			// An empty set is one this pallet does not manage (see `GenesisConfig`).
			ensure!(
				validators.is_empty() || validators.len() >= minimum as usize,
				"fewer validators than the network's minimum"
			);
			let active = T::Session::active_validators();
			ensure!(
				SilentSessions::<T>::iter_keys().all(|who| active.contains(&who)),
				"a silence is counted for a validator that is not active"
			);
			Ok(())
		}
	}
}
