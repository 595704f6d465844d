//! # Enactment
//!
//! The council's governed path to Root. A few calls must run as Root and have no other origin:
//! a runtime upgrade (`System::authorize_upgrade`), repairing a finality stall
//! (`Grandpa::note_stalled`), a storage fix (`System::set_storage`, `kill_storage`). A
//! production chain has no sudo key and a council motion dispatches with the council's origin,
//! never as Root; this pallet is how the council reaches those calls, and only those.
//!
//! ## Overview
//!
//! - A stricter majority of the council than `CityOrigin` ([`Config::ProposeOrigin`], 3/4 in
//!   the runtime) proposes a call with [`Pallet::propose`]. Only calls in
//!   [`Config::RootCalls`] are accepted.
//! - The call's bytes go to `pallet-preimage` and an [`Pallet::enact`] of its hash goes into
//!   `pallet-scheduler`'s agenda, as Root, [`Delay`] blocks later. Auditors and operators see
//!   it in both pallets and through [`Pending`].
//! - During the delay the council ([`Config::CancelOrigin`]) can [`Pallet::cancel`] it.
//! - At the block, the scheduler dispatches [`Pallet::enact`], which dispatches the call as
//!   Root and records the outcome in [`Event::Enacted`].
//! - The delay itself changes only through this path ([`Pallet::set_delay`] is Root's), so a
//!   shortened delay waits out the delay in force.
//!
//! ## Why a pallet of our own
//!
//! It only composes maintained pallets: `pallet-collective` counts the votes, `pallet-preimage`
//! keeps the call, `pallet-scheduler` keeps the delay and dispatches as Root. None of them
//! alone gives a council an enforced delay before Root: `pallet-whitelist` dispatches a
//! whitelisted call as Root but its dispatch origin would again be a council motion, which
//! nothing makes wait; `pallet-referenda` enforces a delay but tallies the votes of a second body
//! (a ranked collective) whose members would have to mirror the council's. What is ours is the
//! rule that the one way to schedule a Root call is a 3/4 motion and a delay.
//!
//! ## Interface
//!
//! ### Council calls
//! - [`Pallet::propose`] ([`Config::ProposeOrigin`]): schedule a Root call after the delay.
//! - [`Pallet::cancel`] ([`Config::CancelOrigin`]): cancel a pending one.
//!
//! ### Root calls
//! - [`Pallet::enact`]: dispatched by the scheduler when a proposal's delay has passed.
//! - [`Pallet::set_delay`]: change the delay (itself proposed through this pallet).
//!
//! ### Runtime API
//! [`runtime_api::EnactmentApi`]: the pending calls and the delay, served by the node as
//! `enactment_pending` and `enactment_delay`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod weights;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::schedule::v3::TaskName, weights::Weight};
use scale_info::TypeInfo;

/// Log target of this pallet.
const LOG_TARGET: &str = "runtime::enactment";

/// A proposed Root call waiting for its block.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct PendingCall<BlockNumber, BoundedCall> {
	/// The call, inline if small, else by the hash of its preimage in `pallet-preimage`.
	pub call: BoundedCall,
	/// The call's weight, reserved for it when it is enacted.
	pub weight: Weight,
	/// The block in which the council proposed it.
	pub proposed_at: BlockNumber,
	/// The block in which the scheduler enacts it.
	pub enact_at: BlockNumber,
}

/// The name of the scheduler task that enacts the call with hash `call_hash`: distinct from any
/// other pallet's task names by its prefix.
pub fn task_name<Hash: Encode>(call_hash: &Hash) -> TaskName {
	(b"seoul/enactment", call_hash).using_encoded(sp_io::hashing::blake2_256)
}

/// Prepares what the benchmarks need from the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<Call> {
	/// A call of [`Config::RootCalls`] whose encoding is about `len` bytes long.
	fn root_call(len: u32) -> Call;
}

/// The council's governed path to Root.
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::boxed::Box;
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::{
			schedule::{v3::Named as ScheduleNamed, DispatchTime, HARD_DEADLINE},
			Bounded, Contains, QueryPreimage, StorePreimage,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{Dispatchable, Hash, Saturating, Zero};

	/// The storage layout version: 1 is the pallet's first layout, so it has no migrations yet.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// A call of the runtime, bounded for storage.
	pub type BoundedCallOf<T> =
		Bounded<<T as Config>::RuntimeCall, <T as frame_system::Config>::Hashing>;

	/// A pending call as this runtime stores it.
	pub type PendingCallOf<T> = PendingCall<BlockNumberFor<T>, BoundedCallOf<T>>;

	/// The pallet's configuration.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The runtime's event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// The runtime's calls, which this pallet schedules and dispatches as Root.
		type RuntimeCall: Parameter
			+ Dispatchable<
				RuntimeOrigin = <Self as frame_system::Config>::RuntimeOrigin,
				PostInfo = PostDispatchInfo,
			> + GetDispatchInfo
			+ From<Call<Self>>;

		/// The runtime's pallet origins, in which the scheduler keeps a task's origin (Root).
		type PalletsOrigin: From<frame_system::RawOrigin<Self::AccountId>>;

		/// The scheduler that keeps the delay: `pallet-scheduler`.
		type Scheduler: ScheduleNamed<
			BlockNumberFor<Self>,
			<Self as Config>::RuntimeCall,
			Self::PalletsOrigin,
			Hasher = Self::Hashing,
		>;

		/// Where a proposed call's bytes are kept: `pallet-preimage`.
		type Preimages: QueryPreimage<H = Self::Hashing> + StorePreimage;

		/// Who proposes a Root call: a stricter council majority than `CityOrigin`.
		type ProposeOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who cancels a pending call during its delay.
		type CancelOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The calls that may be proposed: the few that only Root may make and the council needs.
		type RootCalls: Contains<<Self as Config>::RuntimeCall>;

		/// The shortest delay a network may set, in blocks; at least one.
		#[pallet::constant]
		type MinDelay: Get<BlockNumberFor<Self>>;

		/// The longest delay a network may set, in blocks, so that the council cannot lock itself
		/// out of its own path by a delay it would have to wait out to shorten.
		#[pallet::constant]
		type MaxDelay: Get<BlockNumberFor<Self>>;

		/// The most calls pending at once.
		#[pallet::constant]
		type MaxPending: Get<u32>;

		/// The heaviest call that may be proposed: what the scheduler can dispatch in one block
		/// besides [`Pallet::enact`] itself.
		#[pallet::constant]
		type MaxCallWeight: Get<Weight>;

		/// Weights of this pallet's calls, measured by its benchmarks.
		type WeightInfo: WeightInfo;

		/// Gives the benchmarks a call of [`Config::RootCalls`].
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<<Self as Config>::RuntimeCall>;
	}

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// A network that sets no delay in its genesis gets the shortest one allowed.
	#[pallet::type_value]
	pub fn DefaultDelay<T: Config>() -> BlockNumberFor<T> {
		T::MinDelay::get()
	}

	/// Blocks between a proposal and its enactment.
	#[pallet::storage]
	pub type Delay<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery, DefaultDelay<T>>;

	/// The proposed calls waiting for their block, by call hash. `Identity`: the key is already
	/// a hash of the call, and only the council chooses calls.
	#[pallet::storage]
	pub type Pending<T: Config> = CountedStorageMap<_, Identity, T::Hash, PendingCallOf<T>>;

	/// The delay a network starts with.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Blocks between a proposal and its enactment, between `MinDelay` and `MaxDelay`; zero
		/// takes `MinDelay`.
		pub delay: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if self.delay.is_zero() {
				return;
			}
			assert!(
				(T::MinDelay::get()..=T::MaxDelay::get()).contains(&self.delay),
				"the enactment delay must be between MinDelay and MaxDelay"
			);
			Delay::<T>::put(self.delay);
		}
	}

	/// Events of the governed path to Root.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The council proposed a Root call; the scheduler enacts it at `enact_at` unless the
		/// council cancels it.
		Proposed {
			/// The hash of the call's encoding, which names it until it is enacted.
			call_hash: T::Hash,
			/// The block in which it is enacted.
			enact_at: BlockNumberFor<T>,
		},
		/// The council cancelled a pending call.
		Cancelled {
			/// The call's hash.
			call_hash: T::Hash,
		},
		/// A pending call was dispatched as Root.
		Enacted {
			/// The call's hash.
			call_hash: T::Hash,
			/// What the call returned.
			result: DispatchResult,
		},
		/// The delay changed; proposals made from now on wait `delay` blocks.
		DelaySet {
			/// Blocks between a proposal and its enactment.
			delay: BlockNumberFor<T>,
		},
	}

	/// Errors of the governed path to Root.
	#[pallet::error]
	pub enum Error<T> {
		/// The call is not among those the council may make as Root (`RootCalls`).
		NotRootCall,
		/// The same call is already pending.
		AlreadyPending,
		/// `MaxPending` calls are already pending.
		TooManyPending,
		/// No such call is pending.
		NotPending,
		/// The call is heavier than `MaxCallWeight`.
		TooHeavy,
		/// The weight given for the call is less than it was proposed with.
		WeightTooLow,
		/// The delay is shorter than `MinDelay`.
		DelayTooShort,
		/// The delay is longer than `MaxDelay`.
		DelayTooLong,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(!T::MinDelay::get().is_zero(), "MinDelay must be at least one block");
			assert!(T::MinDelay::get() <= T::MaxDelay::get(), "MinDelay must not exceed MaxDelay");
			assert!(T::MaxPending::get() >= 1, "MaxPending must allow a pending call");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Proposes `call` for dispatch as Root after the delay.
		///
		/// The origin must be [`Config::ProposeOrigin`]. The call must be in
		/// [`Config::RootCalls`], weigh at most `MaxCallWeight`, and not be pending already;
		/// at most `MaxPending` calls wait at once. Its bytes are noted in the preimage pallet and
		/// its enactment is scheduled `Delay` blocks from now.
		///
		/// Emits [`Event::Proposed`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::propose(call.encoded_size() as u32))]
		pub fn propose(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResult {
			T::ProposeOrigin::ensure_origin(origin)?;
			ensure!(T::RootCalls::contains(&call), Error::<T>::NotRootCall);
			let weight = call.get_dispatch_info().call_weight;
			ensure!(weight.all_lte(T::MaxCallWeight::get()), Error::<T>::TooHeavy);
			let call_hash = T::Hashing::hash_of(&call);
			ensure!(!Pending::<T>::contains_key(call_hash), Error::<T>::AlreadyPending);
			ensure!(Pending::<T>::count() < T::MaxPending::get(), Error::<T>::TooManyPending);

			let proposed_at = frame_system::Pallet::<T>::block_number();
			let enact_at = proposed_at.saturating_add(Delay::<T>::get());
			let bounded = T::Preimages::bound(*call)?;
			let enact = T::Preimages::bound(<T as Config>::RuntimeCall::from(Call::enact {
				call_hash,
				call_weight: weight,
			}))?;
			T::Scheduler::schedule_named(
				task_name(&call_hash),
				DispatchTime::At(enact_at),
				None,
				HARD_DEADLINE,
				frame_system::RawOrigin::Root.into(),
				enact,
			)?;
			Pending::<T>::insert(
				call_hash,
				PendingCall { call: bounded, weight, proposed_at, enact_at },
			);
			Self::deposit_event(Event::Proposed { call_hash, enact_at });
			Ok(())
		}

		/// Cancels the pending call with hash `call_hash`: it is taken off the scheduler's
		/// agenda and its preimage is released.
		///
		/// The origin must be [`Config::CancelOrigin`].
		///
		/// Emits [`Event::Cancelled`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::cancel())]
		pub fn cancel(origin: OriginFor<T>, call_hash: T::Hash) -> DispatchResult {
			T::CancelOrigin::ensure_origin(origin)?;
			let pending = Pending::<T>::get(call_hash).ok_or(Error::<T>::NotPending)?;
			T::Scheduler::cancel_named(task_name(&call_hash))?;
			T::Preimages::drop(&pending.call);
			Pending::<T>::remove(call_hash);
			Self::deposit_event(Event::Cancelled { call_hash });
			Ok(())
		}

		/// Dispatches the pending call with hash `call_hash` as Root, reserving `call_weight`
		/// for it, at least the weight it was proposed with.
		///
		/// The origin must be Root: the scheduler, when the delay has passed. The call is no
		/// longer pending afterwards whatever it returns.
		///
		/// Emits [`Event::Enacted`] with the call's result.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::enact().saturating_add(*call_weight))]
		pub fn enact(
			origin: OriginFor<T>,
			call_hash: T::Hash,
			call_weight: Weight,
		) -> DispatchResultWithPostInfo {
			ensure_root(origin)?;
			let pending = Pending::<T>::get(call_hash).ok_or(Error::<T>::NotPending)?;
			ensure!(call_weight.all_gte(pending.weight), Error::<T>::WeightTooLow);
			Pending::<T>::remove(call_hash);

			let (result, used) = match T::Preimages::realize(&pending.call) {
				Ok((call, _)) => match call.dispatch(frame_system::RawOrigin::Root.into()) {
					Ok(post) => (Ok(()), post.actual_weight),
					Err(error) => (Err(error.error), error.post_info.actual_weight),
				},
				Err(error) => {
					log::error!(target: LOG_TARGET, "pending call {call_hash:?} has no preimage");
					(Err(error), Some(Weight::zero()))
				}
			};
			Self::deposit_event(Event::Enacted { call_hash, result });
			Ok(Some(T::WeightInfo::enact().saturating_add(used.unwrap_or(call_weight))).into())
		}

		/// Sets the delay between a proposal and its enactment to `delay` blocks, between
		/// `MinDelay` and `MaxDelay`. Calls already pending keep their block.
		///
		/// The origin must be Root: the council changes it through [`Pallet::propose`].
		///
		/// Emits [`Event::DelaySet`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_delay())]
		pub fn set_delay(origin: OriginFor<T>, delay: BlockNumberFor<T>) -> DispatchResult {
			ensure_root(origin)?;
			ensure!(delay >= T::MinDelay::get(), Error::<T>::DelayTooShort);
			ensure!(delay <= T::MaxDelay::get(), Error::<T>::DelayTooLong);
			Delay::<T>::put(delay);
			Self::deposit_event(Event::DelaySet { delay });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The calls waiting for their block, by hash (at most `MaxPending`).
		pub fn pending() -> alloc::vec::Vec<(T::Hash, PendingCallOf<T>)> {
			Pending::<T>::iter().collect()
		}

		/// Blocks between a proposal and its enactment.
		pub fn delay() -> BlockNumberFor<T> {
			Delay::<T>::get()
		}

		/// Checks the invariants: the delay is within its bounds, and every pending call is
		/// within `MaxPending`, on the scheduler's agenda and has its preimage.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let delay = Delay::<T>::get();
			ensure!(
				(T::MinDelay::get()..=T::MaxDelay::get()).contains(&delay),
				"the delay is out of its bounds"
			);
			let pending = Self::pending();
			ensure!(pending.len() as u32 == Pending::<T>::count(), "the pending count is wrong");
			ensure!(pending.len() as u32 <= T::MaxPending::get(), "too many pending calls");
			for (call_hash, call) in pending {
				ensure!(call.call.hash() == call_hash, "a pending call is under another hash");
				ensure!(call.proposed_at < call.enact_at, "a pending call has no delay");
				ensure!(
					T::Scheduler::next_dispatch_time(task_name(&call_hash)).is_ok(),
					"a pending call is not on the scheduler's agenda"
				);
				ensure!(T::Preimages::have(&call.call), "a pending call has no preimage");
			}
			Ok(())
		}
	}
}
