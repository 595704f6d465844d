//! Weights of `pallet_enactment`, measured by its benchmarks (`benchmarking.rs`).
//!
//! Placeholder until `scripts/benchmark.sh enactment` generates them.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions of `pallet_enactment`.
pub trait WeightInfo {
	/// The weight of `propose` for a call of `l` bytes.
	fn propose(l: u32, ) -> Weight;
	/// The weight of `cancel`.
	fn cancel() -> Weight;
	/// The weight of `enact`, besides the enacted call's own.
	fn enact() -> Weight;
	/// The weight of `set_delay`.
	fn set_delay() -> Weight;
}

/// Weights measured on the reference machine, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn propose(l: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(Weight::from_parts(2_000, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn cancel() -> Weight {
		Weight::from_parts(40_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn enact() -> Weight {
		Weight::from_parts(40_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn set_delay() -> Weight {
		Weight::from_parts(10_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// The same weights for tests and mocks, priced with ParityDB's database weights.
impl WeightInfo for () {
	fn propose(l: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(Weight::from_parts(2_000, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn cancel() -> Weight {
		Weight::from_parts(40_000_000, 10_000)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn enact() -> Weight {
		Weight::from_parts(40_000_000, 10_000)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn set_delay() -> Weight {
		Weight::from_parts(10_000_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
