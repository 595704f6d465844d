//! # Consents
//!
//! Patient-controlled consent for the city's smart healthcare. Health records stay where they
//! are, with the hospitals, clinics and pharmacies that hold them; the chain holds only who may
//! read which category of whose records, for what purpose (a hash) and until when, and a log of
//! every read a provider made, so that a patient lists who accessed what.
//!
//! ## Overview
//!
//! - **Providers.** The city registers hospitals, clinics and pharmacies as members of kind
//!   [`MemberKind::HealthcareProvider`] and grants them [`Role::HealthcareProvider`], a role only
//!   the city grants (the Citizens Card pallet).
//! - **Consent.** A patient (an active citizen) grants one provider, the grantee, access to one
//!   [`RecordCategory`] of their records held by another provider, the custodian, for a purpose
//!   (its hash), until an expiry at most [`Config::MaxConsentDuration`] away. A patient has at
//!   most one consent in force for each grantee, custodian and category ([`ConsentScope`]).
//! - **Revocation.** The patient revokes a consent at any time; the record stays, marked with
//!   the block, so that the accesses made under it stay explained.
//! - **Checking** ([`Pallet::consent_in_force`], [`runtime_api::ConsentsApi`]): before it asks
//!   the custodian, a provider (or the custodian, before it answers) checks without a
//!   transaction that a consent is in force.
//! - **Suspension.** A consent is in force only while its patient is an active citizen and both
//!   providers hold the provider role: a suspended patient cannot sign a revocation, so their
//!   consents pause with them (and resume on reinstatement, unless expired), and a provider whose
//!   role the city took reads nothing and answers nothing under them.
//! - **Access log.** The grantee logs each read under a consent before the custodian answers
//!   it: the hash of its record request, which the custodian finds in the log before it answers.
//!   A read after revocation or expiry is refused. In an emergency a provider reads without
//!   consent; the read is logged all the same, with the hash of the reason, and the patient sees
//!   it beside the others. A provider logs at most [`Config::MaxEmergencyAccesses`] emergency
//!   reads of one patient in each [`Config::EmergencyWindow`], so that no provider can bury a
//!   patient's log under emergencies, nor read a patient's every record on one pretext. The
//!   blocks' idle time sweeps the counts of windows that ended, so the counts stay as many as
//!   the providers and patients with an emergency read lately.
//!
//! No health data is on chain: categories are codes, purposes, reasons and records are hashes.
//! The log does say which providers read which category of a patient's records: the chain
//! knows a patient only by account and DID, and ties no name to them.
//!
//! ## Interface
//!
//! ### Patients (active citizens)
//! - [`Pallet::grant_consent`], [`Pallet::revoke_consent`].
//!
//! ### Providers (members holding [`Role::HealthcareProvider`])
//! - [`Pallet::log_access`] (the consent's grantee), [`Pallet::log_emergency_access`] (any
//!   provider).
//!
//! ### Runtime API
//! - [`runtime_api::ConsentsApi`]: the consent in force for a scope, a patient's consents, a
//!   patient's access log.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod runtime_api;
mod sweep;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use seoul_primitives::membership::{MemberKind, MemberRegistry, Role};
pub use seoul_primitives::{Page, MAX_PAGE_SIZE};
pub use types::{Access, AccessBasis, AccessId, Consent, ConsentId, ConsentScope, RecordCategory};
pub use weights::WeightInfo;

use frame_support::traits::UnixTime;

/// The consents pallet.
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_core::H256;

	/// Default configuration for tests, so that mocks only name what they change.
	pub mod config_preludes {
		use super::*;
		use frame_support::{
			derive_impl,
			traits::{ConstU32, ConstU64},
		};

		/// Test defaults: consents of at most 30 days, three emergency reads of a patient by a
		/// provider a day.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type MaxConsentDuration = ConstU64<{ 30 * 86_400_000 }>;
			type MaxEmergencyAccesses = ConstU32<3>;
			type EmergencyWindow = ConstU64<86_400_000>;
			type MaxSweptPerBlock = ConstU32<100>;
			type WeightInfo = ();
		}
	}

	/// Configuration of the consents pallet.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// The Citizens Card register: who is an active citizen and who holds the
		/// healthcare-provider role.
		#[pallet::no_default]
		type Registry: MemberRegistry<Self::AccountId>;

		/// The clock consents expire by.
		#[pallet::no_default]
		type UnixTime: UnixTime;

		/// The longest a consent may last, in milliseconds: a patient renews a consent rather
		/// than grant one that outlives its purpose.
		#[pallet::constant]
		type MaxConsentDuration: Get<u64>;

		/// The most emergency reads one provider logs of one patient in an
		/// [`Config::EmergencyWindow`]: enough for a stay in an emergency room, few enough that
		/// a patient's log stays readable.
		#[pallet::constant]
		type MaxEmergencyAccesses: Get<u32>;

		/// The window, in milliseconds, that [`Config::MaxEmergencyAccesses`] counts in; a new
		/// one starts with the first emergency read after the last one ended.
		#[pallet::constant]
		type EmergencyWindow: Get<u64>;

		/// The most emergency counts one block's idle time examines, so that the sweep never
		/// takes all the idle time other pallets' backlogs (refunds, distributions) need, and
		/// stays within the range its weight was measured over.
		#[pallet::constant]
		type MaxSweptPerBlock: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// What the benchmarks need of the runtime: setting its clock.
		#[cfg(feature = "runtime-benchmarks")]
		#[pallet::no_default]
		type BenchmarkHelper: seoul_primitives::BenchmarkClock;
	}

	/// A consent in this runtime.
	pub type ConsentOf<T> = Consent<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

	/// A consent's scope in this runtime.
	pub type ConsentScopeOf<T> = ConsentScope<<T as frame_system::Config>::AccountId>;

	/// An access in this runtime.
	pub type AccessOf<T> = Access<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

	/// The storage layout version; `migrations` moves a chain from each version to the next.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Every consent, by patient and number; kept after revocation and expiry. Blake2 for the
	/// patient, an account its holder chose; the numbers are the chain's own.
	#[pallet::storage]
	pub type PatientConsents<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		ConsentId,
		ConsentOf<T>,
		OptionQuery,
	>;

	/// The number each patient's next consent gets.
	#[pallet::storage]
	pub type NextConsentId<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ConsentId, ValueQuery>;

	/// The patient's latest unrevoked consent for each scope: how a provider finds the consent
	/// in force without reading the patient's every consent. An entry whose consent expired
	/// stays until the patient grants that scope again or revokes it.
	#[pallet::storage]
	pub type ConsentsByScope<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		ConsentScopeOf<T>,
		ConsentId,
		OptionQuery,
	>;

	/// Every access to a patient's records, by patient and number.
	#[pallet::storage]
	pub type Accesses<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		AccessId,
		AccessOf<T>,
		OptionQuery,
	>;

	/// The number each patient's next logged access gets.
	#[pallet::storage]
	pub type NextAccessId<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, AccessId, ValueQuery>;

	/// The emergency reads each provider logged of each patient in the current window: when the
	/// window started (milliseconds since the Unix epoch) and how many. Blake2 for both
	/// accounts, which their holders chose. The blocks' idle time removes the counts of windows
	/// that ended.
	#[pallet::storage]
	pub type EmergencyAccessCounts<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		(u64, u32),
		OptionQuery,
	>;

	/// Where the idle-time sweep of spent emergency windows stopped: the raw key of the last
	/// count it examined, or none between passes.
	#[pallet::storage]
	pub type EmergencySweepCursor<T> = StorageValue<_, BoundedVec<u8, ConstU32<256>>, OptionQuery>;

	/// When the next pass of the sweep may start, in milliseconds since the Unix epoch: a window
	/// after the last one ended.
	#[pallet::storage]
	pub type NextEmergencySweep<T> = StorageValue<_, u64, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A patient granted a provider access to a category of their records held by another.
		ConsentGranted {
			patient: T::AccountId,
			consent: ConsentId,
			grantee: T::AccountId,
			custodian: T::AccountId,
			category: RecordCategory,
			purpose_hash: H256,
			expires_at: u64,
		},
		/// A patient revoked a consent.
		ConsentRevoked { patient: T::AccountId, consent: ConsentId },
		/// A provider logged a read of a patient's records under a consent.
		AccessLogged {
			patient: T::AccountId,
			access: AccessId,
			provider: T::AccountId,
			consent: ConsentId,
			record_hash: H256,
		},
		/// A provider logged a read of a patient's records in an emergency, without consent.
		EmergencyAccessLogged {
			patient: T::AccountId,
			access: AccessId,
			provider: T::AccountId,
			custodian: T::AccountId,
			category: RecordCategory,
			record_hash: H256,
			reason_hash: H256,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is not an active citizen.
		NotPatient,
		/// The account does not hold the healthcare-provider role.
		NotProvider,
		/// The grantee is the custodian: a provider needs no consent to read its own records.
		SameProvider,
		/// The expiry is not in the future, or further away than `MaxConsentDuration`.
		BadExpiry,
		/// The patient has a consent in force for this scope already; revoke it first.
		ConsentInForce,
		/// The patient has no consent with this number.
		UnknownConsent,
		/// The consent was revoked already.
		AlreadyRevoked,
		/// The caller is not the provider the consent was granted to.
		NotGrantee,
		/// The consent was revoked.
		ConsentRevoked,
		/// The consent expired.
		ConsentExpired,
		/// The provider has logged the most emergency reads of this patient that one window
		/// allows.
		TooManyEmergencyAccesses,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Removes the counts of emergency windows that ended, as far as the block's remaining
		/// weight allows.
		fn on_idle(_: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::sweep_emergency_counts_within(remaining)
		}

		fn integrity_test() {
			assert!(T::MaxConsentDuration::get() > 0, "a consent must be able to last");
			assert!(
				T::MaxEmergencyAccesses::get() > 0,
				"a provider must be able to read in an emergency"
			);
			assert!(T::EmergencyWindow::get() > 0, "an emergency window must last");
			assert!(T::MaxSweptPerBlock::get() > 0, "the sweep must move");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Lets `grantee` read the caller's records of `category` held by `custodian`, for the
		/// purpose whose hash is `purpose_hash`, until `expires_at` (milliseconds since the Unix
		/// epoch, at most [`Config::MaxConsentDuration`] from now).
		///
		/// Origin: signed by the patient, an active citizen. Emits [`Event::ConsentGranted`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::grant_consent())]
		pub fn grant_consent(
			origin: OriginFor<T>,
			grantee: T::AccountId,
			custodian: T::AccountId,
			category: RecordCategory,
			purpose_hash: H256,
			expires_at: u64,
		) -> DispatchResult {
			let patient = ensure_signed(origin)?;
			Self::ensure_patient(&patient)?;
			Self::ensure_provider(&grantee)?;
			Self::ensure_provider(&custodian)?;
			ensure!(grantee != custodian, Error::<T>::SameProvider);
			let now = Self::now();
			ensure!(
				expires_at > now && expires_at <= now.saturating_add(T::MaxConsentDuration::get()),
				Error::<T>::BadExpiry
			);
			let scope = ConsentScope { grantee, custodian, category };
			ensure!(Self::consent_in_force(&patient, &scope).is_none(), Error::<T>::ConsentInForce);

			let consent = NextConsentId::<T>::get(&patient);
			PatientConsents::<T>::insert(
				&patient,
				consent,
				Consent {
					scope: scope.clone(),
					purpose_hash,
					granted_at: frame_system::Pallet::<T>::block_number(),
					expires_at,
					revoked_at: None,
				},
			);
			NextConsentId::<T>::insert(&patient, consent.saturating_add(1));
			ConsentsByScope::<T>::insert(&patient, &scope, consent);
			let ConsentScope { grantee, custodian, category } = scope;
			Self::deposit_event(Event::ConsentGranted {
				patient,
				consent,
				grantee,
				custodian,
				category,
				purpose_hash,
				expires_at,
			});
			Ok(())
		}

		/// Revokes the caller's consent `consent`, in force or expired; its record stays.
		///
		/// Origin: signed by the consent's patient. Emits [`Event::ConsentRevoked`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::revoke_consent())]
		pub fn revoke_consent(origin: OriginFor<T>, consent: ConsentId) -> DispatchResult {
			let patient = ensure_signed(origin)?;
			let scope = PatientConsents::<T>::try_mutate(&patient, consent, |entry| {
				let entry = entry.as_mut().ok_or(Error::<T>::UnknownConsent)?;
				ensure!(entry.revoked_at.is_none(), Error::<T>::AlreadyRevoked);
				entry.revoked_at = Some(frame_system::Pallet::<T>::block_number());
				Ok::<_, DispatchError>(entry.scope.clone())
			})?;
			// The scope's index names only the latest consent; an older one is not there.
			ConsentsByScope::<T>::mutate_exists(&patient, &scope, |latest| {
				if *latest == Some(consent) {
					*latest = None;
				}
			});
			Self::deposit_event(Event::ConsentRevoked { patient, consent });
			Ok(())
		}

		/// Logs the caller's read of `patient`'s records under consent `consent`: the hash of its
		/// record request, logged before the custodian answers it. Refused once the consent is
		/// revoked or expired, while the patient is suspended ([`Error::NotPatient`]) and once the
		/// custodian no longer holds the provider role ([`Error::NotProvider`]).
		///
		/// Origin: signed by the consent's grantee, holding [`Role::HealthcareProvider`]. Emits
		/// [`Event::AccessLogged`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::log_access())]
		pub fn log_access(
			origin: OriginFor<T>,
			patient: T::AccountId,
			consent: ConsentId,
			record_hash: H256,
		) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::ensure_provider(&provider)?;
			let record =
				PatientConsents::<T>::get(&patient, consent).ok_or(Error::<T>::UnknownConsent)?;
			ensure!(record.scope.grantee == provider, Error::<T>::NotGrantee);
			Self::ensure_in_force(&patient, &record)?;
			let ConsentScope { custodian, category, .. } = record.scope;
			let access = Self::log(
				&patient,
				Access {
					provider: provider.clone(),
					custodian,
					category,
					record_hash,
					basis: AccessBasis::Consent(consent),
					at: frame_system::Pallet::<T>::block_number(),
				},
			);
			Self::deposit_event(Event::AccessLogged {
				patient,
				access,
				provider,
				consent,
				record_hash,
			});
			Ok(())
		}

		/// Logs the caller's read of `patient`'s records of `category` held by `custodian` without
		/// consent, in an emergency, for the reason whose hash is `reason_hash`, before the
		/// custodian answers it. The patient sees it in their access log. At most
		/// [`Config::MaxEmergencyAccesses`] of one patient by one provider in an
		/// [`Config::EmergencyWindow`].
		///
		/// Origin: signed by a member holding [`Role::HealthcareProvider`]. Emits
		/// [`Event::EmergencyAccessLogged`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::log_emergency_access())]
		pub fn log_emergency_access(
			origin: OriginFor<T>,
			patient: T::AccountId,
			custodian: T::AccountId,
			category: RecordCategory,
			record_hash: H256,
			reason_hash: H256,
		) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::ensure_provider(&provider)?;
			Self::ensure_patient(&patient)?;
			Self::ensure_provider(&custodian)?;
			let now = Self::now();
			let (window_start, count) = match EmergencyAccessCounts::<T>::get(&patient, &provider) {
				Some((start, count)) if Self::window_lasts(start, now) => (start, count),
				_ => (now, 0),
			};
			ensure!(count < T::MaxEmergencyAccesses::get(), Error::<T>::TooManyEmergencyAccesses);
			EmergencyAccessCounts::<T>::insert(&patient, &provider, (window_start, count + 1));
			let access = Self::log(
				&patient,
				Access {
					provider: provider.clone(),
					custodian: custodian.clone(),
					category,
					record_hash,
					basis: AccessBasis::Emergency(reason_hash),
					at: frame_system::Pallet::<T>::block_number(),
				},
			);
			Self::deposit_event(Event::EmergencyAccessLogged {
				patient,
				access,
				provider,
				custodian,
				category,
				record_hash,
				reason_hash,
			});
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The chain's clock, in milliseconds since the Unix epoch.
		pub(crate) fn now() -> u64 {
			T::UnixTime::now().as_millis() as u64
		}

		/// Whether an emergency window that started at `start` still lasts at `now`: what the
		/// limit counts in, and what the sweep keeps.
		pub(crate) fn window_lasts(start: u64, now: u64) -> bool {
			now < start.saturating_add(T::EmergencyWindow::get())
		}

		/// Passes if `who` is an active citizen.
		fn ensure_patient(who: &T::AccountId) -> DispatchResult {
			ensure!(
				T::Registry::active_kind(who) == Some(MemberKind::Citizen),
				Error::<T>::NotPatient
			);
			Ok(())
		}

		/// Passes if `who` is an active member holding the healthcare-provider role.
		fn ensure_provider(who: &T::AccountId) -> DispatchResult {
			ensure!(T::Registry::has_role(who, Role::HealthcareProvider), Error::<T>::NotProvider);
			Ok(())
		}

		/// Passes if `consent` of `patient` is in force: neither revoked nor expired, its patient
		/// an active citizen and both its providers holding the provider role.
		fn ensure_in_force(patient: &T::AccountId, consent: &ConsentOf<T>) -> DispatchResult {
			ensure!(consent.revoked_at.is_none(), Error::<T>::ConsentRevoked);
			ensure!(consent.expires_at > Self::now(), Error::<T>::ConsentExpired);
			Self::ensure_patient(patient)?;
			Self::ensure_provider(&consent.scope.grantee)?;
			Self::ensure_provider(&consent.scope.custodian)
		}

		/// Appends `access` to `patient`'s log and returns its number.
		fn log(patient: &T::AccountId, access: AccessOf<T>) -> AccessId {
			let id = NextAccessId::<T>::get(patient);
			Accesses::<T>::insert(patient, id, access);
			NextAccessId::<T>::insert(patient, id.saturating_add(1));
			id
		}

		/// The consent of `patient` in force now for `scope`, with its number: granted, neither
		/// revoked nor expired, its patient active and both providers holding their role. What a
		/// provider checks before it reads, and a custodian before it answers.
		pub fn consent_in_force(
			patient: &T::AccountId,
			scope: &ConsentScopeOf<T>,
		) -> Option<(ConsentId, ConsentOf<T>)> {
			let id = ConsentsByScope::<T>::get(patient, scope)?;
			let consent = PatientConsents::<T>::get(patient, id)?;
			Self::ensure_in_force(patient, &consent).is_ok().then_some((id, consent))
		}

		/// Up to `limit` (at most [`MAX_PAGE_SIZE`]) of `patient`'s consents after number
		/// `start` (the previous page's `next`; `None` for the first page), in order, revoked
		/// and expired ones included.
		pub fn consents_of(
			patient: &T::AccountId,
			start: Option<ConsentId>,
			limit: u32,
		) -> Page<ConsentId, ConsentOf<T>> {
			Page::numbered(start, limit, NextConsentId::<T>::get(patient), |id| {
				PatientConsents::<T>::get(patient, id)
			})
		}

		/// Up to `limit` (at most [`MAX_PAGE_SIZE`]) of the accesses to `patient`'s records
		/// after number `start`, in the order they were logged.
		pub fn accesses_of(
			patient: &T::AccountId,
			start: Option<AccessId>,
			limit: u32,
		) -> Page<AccessId, AccessOf<T>> {
			Page::numbered(start, limit, NextAccessId::<T>::get(patient), |id| {
				Accesses::<T>::get(patient, id)
			})
		}

		/// Checks the pallet's invariants: every consent and access is numbered below its
		/// patient's next number; every scope's index names an unrevoked consent of that scope,
		/// and no scope has two consents unrevoked and unexpired; every access under a consent
		/// names one of the patient's consents, granted to the provider that read, for the
		/// custodian and category it read, and lies between the consent's grant and its
		/// revocation; no emergency count is empty.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let now = Self::now();
			let mut in_force = alloc::collections::BTreeSet::new();
			for (patient, id, consent) in PatientConsents::<T>::iter() {
				ensure!(id < NextConsentId::<T>::get(&patient), "a consent's number is ahead");
				if consent.revoked_at.is_none() && consent.expires_at > now {
					ensure!(
						in_force.insert((patient, consent.scope)),
						"a scope has two consents in force"
					);
				}
			}
			for (patient, scope, id) in ConsentsByScope::<T>::iter() {
				let consent = PatientConsents::<T>::get(&patient, id)
					.ok_or("a scope's index names no consent")?;
				ensure!(consent.scope == scope, "a scope's index names another scope's consent");
				ensure!(consent.revoked_at.is_none(), "a scope's index names a revoked consent");
			}
			for (patient, id, access) in Accesses::<T>::iter() {
				ensure!(id < NextAccessId::<T>::get(&patient), "an access's number is ahead");
				if let AccessBasis::Consent(consent) = access.basis {
					let consent = PatientConsents::<T>::get(&patient, consent)
						.ok_or("an access names no consent")?;
					ensure!(
						consent.scope.grantee == access.provider
							&& consent.scope.custodian == access.custodian
							&& consent.scope.category == access.category,
						"an access lies outside its consent's scope"
					);
					ensure!(
						consent.granted_at <= access.at
							&& consent.revoked_at.is_none_or(|revoked| access.at <= revoked),
						"an access lies outside its consent's life"
					);
				}
			}
			// No upper bound: an upgrade may lower the limit below a window's count.
			for (_, _, (_, count)) in EmergencyAccessCounts::<T>::iter() {
				ensure!(count > 0, "an emergency count is empty");
			}
			Ok(())
		}
	}
}
