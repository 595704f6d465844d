//! Benchmarks of the validator set's calls, as a function of the current set size `v`.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get, ValidatorRegistration},
	BoundedVec,
};
use frame_system::RawOrigin;

/// Fills the set with `count` operators that have session keys.
fn fill_validators<T: Config>(count: u32) {
	let mut validators: Vec<T::AccountId> =
		(0..count).map(|index| account("validator", index, 0)).collect();
	validators.sort();
	validators.iter().for_each(T::BenchmarkHelper::register_session_keys);
	Validators::<T>::put(BoundedVec::try_from(validators).expect("count is at most MaxValidators"));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_validator(v: Linear<1, { T::MaxValidators::get() - 1 }>) -> Result<(), BenchmarkError> {
		fill_validators::<T>(v);
		let newcomer: T::AccountId = account("newcomer", 0, 0);
		T::BenchmarkHelper::register_session_keys(&newcomer);
		let origin =
			T::UpdateOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, newcomer.clone());

		assert!(Validators::<T>::get().contains(&newcomer));
		Ok(())
	}

	#[benchmark]
	fn remove_validator(
		v: Linear<{ T::MinValidators::get() + 1 }, { T::MaxValidators::get() }>,
	) -> Result<(), BenchmarkError> {
		fill_validators::<T>(v);
		let leaver = Validators::<T>::get()[0].clone();
		let origin =
			T::UpdateOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, leaver.clone());

		assert!(!Validators::<T>::get().contains(&leaver));
		Ok(())
	}

	#[benchmark]
	fn set_min_validators() -> Result<(), BenchmarkError> {
		fill_validators::<T>(T::MaxValidators::get());
		let origin =
			T::UpdateOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let min = T::MinValidators::get() + 1;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, min);

		assert_eq!(MinimumValidators::<T>::get(), min);
		Ok(())
	}

	#[benchmark]
	fn purge_keys(v: Linear<1, { T::MaxValidators::get() }>) {
		fill_validators::<T>(v);
		let leaver: T::AccountId = account("leaver", 0, 0);
		T::BenchmarkHelper::register_session_keys(&leaver);

		#[extrinsic_call]
		_(RawOrigin::Signed(leaver.clone()));

		assert!(!T::Session::is_registered(&leaver));
	}

	#[benchmark]
	fn clear_offences() -> Result<(), BenchmarkError> {
		let offender: T::AccountId = account("offender", 0, 0);
		Offences::<T>::insert(&offender, OffenceRecord { count: 1, last_session: 1 });
		let origin =
			T::UpdateOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, offender.clone());

		assert!(!Offences::<T>::contains_key(&offender));
		Ok(())
	}

	/// The longest proof the bound lets through (both headers padded up to it), of the current
	/// session with `v` validators, whose set the key-ownership proof is checked against.
	#[benchmark]
	fn report_aura_equivocation(v: Linear<1, { T::MaxValidators::get() }>) {
		T::BenchmarkHelper::activate_validators(v);
		let (unpadded, _) = T::BenchmarkHelper::aura_equivocation(0);
		let room = T::MaxEquivocationProofLen::get().saturating_sub(unpadded.encoded_size() as u32);
		// Each header carries half the room, less the few bytes of its padding's length prefix.
		let (proof, key_owner_proof) =
			T::BenchmarkHelper::aura_equivocation((room / 2).saturating_sub(8));
		assert!(proof.encoded_size() <= T::MaxEquivocationProofLen::get() as usize);
		let reporter: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(reporter), Box::new(proof), key_owner_proof);

		assert_eq!(Offences::<T>::iter().count(), 1);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
