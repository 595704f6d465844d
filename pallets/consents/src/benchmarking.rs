//! Benchmarks of every call, each in its heaviest case: a grant that replaces an expired consent
//! of its scope, a revocation that clears the scope's index, reads under a consent in force
//! (the patient's and both providers' standing checked), an emergency read that starts a new
//! window.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use seoul_primitives::BenchmarkClock;
use sp_core::H256;
use sp_runtime::traits::Zero;

/// The clock the benchmarks run at: 2026-11-23T00:00:00Z, in milliseconds.
const NOW: u64 = 1_795_392_000_000;

/// An active member of `kind` with `roles`.
fn member<T: Config>(name: &'static str, kind: MemberKind, roles: &[Role]) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	T::Registry::register_for_benchmarks(&who, kind, roles);
	who
}

/// A provider the city approved.
fn provider<T: Config>(name: &'static str) -> T::AccountId {
	member::<T>(name, MemberKind::HealthcareProvider, &[Role::HealthcareProvider])
}

/// The patient, signing: the nonce check has read and written its account already.
fn patient<T: Config>() -> T::AccountId {
	T::BenchmarkHelper::set_now(NOW);
	let patient: T::AccountId = whitelisted_caller();
	T::Registry::register_for_benchmarks(&patient, MemberKind::Citizen, &[]);
	patient
}

/// The scope of the benchmarks' consents: a hospital reading a clinic's lab results.
fn scope<T: Config>() -> ConsentScopeOf<T> {
	ConsentScope {
		grantee: provider::<T>("hospital"),
		custodian: provider::<T>("clinic"),
		category: RecordCategory::LabResults,
	}
}

/// `patient`'s consent for `scope`, expiring at `expires_at`, as a grant leaves it.
fn granted<T: Config>(
	patient: &T::AccountId,
	scope: &ConsentScopeOf<T>,
	expires_at: u64,
) -> ConsentId {
	let id = NextConsentId::<T>::get(patient);
	PatientConsents::<T>::insert(
		patient,
		id,
		Consent {
			scope: scope.clone(),
			purpose_hash: H256::repeat_byte(1),
			granted_at: BlockNumberFor::<T>::zero(),
			expires_at,
			revoked_at: None,
		},
	);
	NextConsentId::<T>::insert(patient, id + 1);
	ConsentsByScope::<T>::insert(patient, scope, id);
	id
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Granting a scope whose earlier consent expired: both are read.
	#[benchmark]
	fn grant_consent() {
		let patient = patient::<T>();
		let scope = scope::<T>();
		let now = Pallet::<T>::now();
		granted::<T>(&patient, &scope, now);
		let expires_at = now + T::MaxConsentDuration::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(patient.clone()),
			scope.grantee.clone(),
			scope.custodian.clone(),
			scope.category,
			H256::repeat_byte(2),
			expires_at,
		);

		assert_eq!(ConsentsByScope::<T>::get(&patient, &scope), Some(1));
	}

	/// Revoking the scope's latest consent, which clears its index.
	#[benchmark]
	fn revoke_consent() {
		let patient = patient::<T>();
		let scope = scope::<T>();
		let id = granted::<T>(&patient, &scope, Pallet::<T>::now() + 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(patient.clone()), id);

		assert!(ConsentsByScope::<T>::get(&patient, &scope).is_none());
	}

	/// The grantee logging a read under a consent in force.
	#[benchmark]
	fn log_access() {
		let patient = patient::<T>();
		let scope = scope::<T>();
		let id = granted::<T>(&patient, &scope, Pallet::<T>::now() + 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(scope.grantee.clone()), patient.clone(), id, H256::repeat_byte(3));

		assert_eq!(NextAccessId::<T>::get(&patient), 1);
	}

	/// A provider logging an emergency read after its last window of them ended.
	#[benchmark]
	fn log_emergency_access() {
		let patient = patient::<T>();
		let scope = scope::<T>();
		let last_window = NOW - T::EmergencyWindow::get();
		EmergencyAccessCounts::<T>::insert(&patient, &scope.grantee, (last_window, 1));

		#[extrinsic_call]
		_(
			RawOrigin::Signed(scope.grantee.clone()),
			patient.clone(),
			scope.custodian.clone(),
			scope.category,
			H256::repeat_byte(3),
			H256::repeat_byte(4),
		);

		assert_eq!(NextAccessId::<T>::get(&patient), 1);
		assert_eq!(EmergencyAccessCounts::<T>::get(&patient, &scope.grantee), Some((NOW, 1)));
	}

	/// Idle time sweeping `n` counts whose windows ended, each removed, in a pass that ends:
	/// the costlier close (the cursor cleared and the next pass's time set) rather than the
	/// cursor kept.
	#[benchmark]
	fn sweep_emergency_counts(n: Linear<0, 1_000>) {
		T::BenchmarkHelper::set_now(NOW);
		let provider = scope::<T>().grantee;
		let spent = NOW - T::EmergencyWindow::get();
		for index in 0..n {
			let patient: T::AccountId = account("patient", index, 0);
			EmergencyAccessCounts::<T>::insert(&patient, &provider, (spent, 1));
		}

		#[block]
		{
			Pallet::<T>::sweep_emergency_counts(n + 1);
		}

		assert_eq!(EmergencyAccessCounts::<T>::iter().count(), 0);
		assert!(EmergencySweepCursor::<T>::get().is_none());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::ExtBuilder.build(), crate::mock::Test);
}
