//! Benchmarks of the governed path to Root. `propose` is measured as a function of the call's
//! length `l`: beyond 128 bytes the call is noted as a preimage.

use super::*;
use alloc::boxed::Box;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get, UnfilteredDispatchable};
use frame_system::RawOrigin;
use sp_runtime::traits::Hash;

/// Proposes the benchmark helper's call of `len` bytes and returns its hash and weight.
fn proposed<T: Config>(len: u32) -> Result<(T::Hash, Weight), BenchmarkError> {
	let call = T::BenchmarkHelper::root_call(len);
	let call_hash = T::Hashing::hash_of(&call);
	let call_weight =
		frame_support::dispatch::GetDispatchInfo::get_dispatch_info(&call).call_weight;
	let origin =
		T::ProposeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
	Pallet::<T>::propose(origin, Box::new(call))?;
	Ok((call_hash, call_weight))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn propose(l: Linear<0, 65_536>) -> Result<(), BenchmarkError> {
		// The most pending calls but one, so that the count is read at its largest.
		for index in 1..T::MaxPending::get() {
			proposed::<T>(index)?;
		}
		let call = T::BenchmarkHelper::root_call(l);
		let call_hash = T::Hashing::hash_of(&call);
		let origin =
			T::ProposeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Box::new(call));

		assert!(Pending::<T>::contains_key(call_hash));
		Ok(())
	}

	#[benchmark]
	fn cancel() -> Result<(), BenchmarkError> {
		let (call_hash, _) = proposed::<T>(1_024)?;
		let origin =
			T::CancelOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, call_hash);

		assert!(!Pending::<T>::contains_key(call_hash));
		Ok(())
	}

	#[benchmark]
	fn enact() -> Result<(), BenchmarkError> {
		// A preimage to fetch and release; the enacted call's own weight is charged apart.
		let (call_hash, call_weight) = proposed::<T>(1_024)?;
		let call = Call::<T>::enact { call_hash, call_weight };

		#[block]
		{
			call.dispatch_bypass_filter(RawOrigin::Root.into())?;
		}

		assert!(!Pending::<T>::contains_key(call_hash));
		Ok(())
	}

	#[benchmark]
	fn set_delay() {
		let delay = T::MaxDelay::get();

		#[extrinsic_call]
		_(RawOrigin::Root, delay);

		assert_eq!(Delay::<T>::get(), delay);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
