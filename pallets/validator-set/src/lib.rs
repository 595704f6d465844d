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
//! - The set never shrinks below [`Config::MinValidators`] nor grows beyond
//!   [`Config::MaxValidators`], which the runtime ties to the Aura and GRANDPA authority limits.
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
//!
//! ### Storage
//! - [`Validators`]: the set the city decided, sorted by account.
//! - [`ChangePending`]: whether that set changed since it was last handed to `pallet-session`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

use alloc::vec::Vec;
use frame_support::traits::{Get, ValidatorRegistration};
use sp_staking::SessionIndex;

/// Log target of this pallet.
const LOG_TARGET: &str = "runtime::validator-set";

/// Prepares accounts for the benchmarks: an operator needs session keys before it can be added.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers session keys for `who`, so that [`Pallet::add_validator`] accepts it.
	fn register_session_keys(who: &AccountId);
}

/// The city's validator set: operators added and removed by the City Council, handed to
/// `pallet-session` at session boundaries.
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::ValidatorRegistration};
	use frame_system::pallet_prelude::*;

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
			type WeightInfo = ();
		}
	}

	/// The pallet's configuration.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// The origin that adds and removes validators: the runtime's City Council origin.
		#[pallet::no_default]
		type UpdateOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Tells whether an account has registered session keys (`pallet_session::Pallet`).
		#[pallet::no_default]
		type SessionKeys: ValidatorRegistration<Self::AccountId>;

		/// The fewest validators the chain keeps; removing one more is refused.
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// The most validators the chain may have: the Aura and GRANDPA authority limit.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// Weights of this pallet's calls, measured by its benchmarks.
		type WeightInfo: WeightInfo;

		/// Registers session keys for benchmark accounts.
		#[cfg(feature = "runtime-benchmarks")]
		#[pallet::no_default]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The storage layout version; `migrations` moves a chain from each version to the next.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

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
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// An empty list (as in a default genesis) leaves the set unmanaged: pallet-session's
			// own genesis keys decide, and the calls refuse with `NoValidatorSet`.
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
				validators.len() >= T::MinValidators::get() as usize,
				"fewer initial validators than MinValidators"
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
		/// The set would shrink below `MinValidators`.
		TooFewValidators,
		/// The chain started without a validator set in this pallet's genesis, so it has none to
		/// change.
		NoValidatorSet,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MinValidators::get() >= 1, "a chain needs at least one validator");
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
			ensure!(T::SessionKeys::is_registered(&who), Error::<T>::NoSessionKeys);
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
					validators.len() > T::MinValidators::get() as usize,
					Error::<T>::TooFewValidators
				);
				validators.remove(position);
				Ok(())
			})?;
			ChangePending::<T>::put(true);
			Self::deposit_event(Event::ValidatorRemoved { who });
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
			// An empty set is one this pallet does not manage (see `GenesisConfig`).
			ensure!(
				validators.is_empty() || validators.len() >= T::MinValidators::get() as usize,
				"fewer validators than MinValidators"
			);
			Ok(())
		}
	}
}

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		if !ChangePending::<T>::get() {
			return None;
		}
		// pallet-session leaves out operators that purged their keys; leave them out here too,
		// so that the count is true and the set never falls below the minimum.
		let validators: Vec<_> =
			Validators::<T>::get().into_iter().filter(T::SessionKeys::is_registered).collect();
		if validators.len() < T::MinValidators::get() as usize {
			log::warn!(
				target: LOG_TARGET,
				"too few validators with session keys for session {new_index}; the change waits"
			);
			return None;
		}
		ChangePending::<T>::kill();
		log::info!(
			target: LOG_TARGET,
			"session {new_index} will be validated by {} operators",
			validators.len()
		);
		Self::deposit_event(Event::NewSetQueued {
			active_from: new_index,
			count: validators.len() as u32,
		});
		Some(validators)
	}

	fn new_session_genesis(_: SessionIndex) -> Option<Vec<T::AccountId>> {
		let validators = Validators::<T>::get();
		(!validators.is_empty()).then(|| validators.into_inner())
	}

	fn end_session(_: SessionIndex) {}

	fn start_session(_: SessionIndex) {}
}
