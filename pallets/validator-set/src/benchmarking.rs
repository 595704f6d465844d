//! Benchmarks of the validator set's calls, as a function of the current set size `v`.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};

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

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
