//! Weights of `pallet_credentials`, until `scripts/benchmark.sh credentials` measures them on the
//! reference machine: estimates of the same shape, priced with ParityDB's database weights.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions of `pallet_credentials`.
pub trait WeightInfo {
	/// The weight of `register_schema`.
	fn register_schema() -> Weight;
	/// The weight of `deprecate_schema`.
	fn deprecate_schema() -> Weight;
	/// The weight of `authorise_issuer`.
	fn authorise_issuer() -> Weight;
	/// The weight of `deauthorise_issuer`.
	fn deauthorise_issuer() -> Weight;
	/// The weight of `add_delegate`.
	fn add_delegate() -> Weight;
	/// The weight of `remove_delegate`.
	fn remove_delegate() -> Weight;
	/// The weight of `attest`.
	fn attest() -> Weight;
	/// The weight of `suspend`.
	fn suspend() -> Weight;
	/// The weight of `reinstate`.
	fn reinstate() -> Weight;
	/// The weight of `revoke`.
	fn revoke() -> Weight;
	/// The weight of `submit`.
	fn submit(n: u32, ) -> Weight;
	/// The weight of `acknowledge`.
	fn acknowledge() -> Weight;
}

/// Weights measured on the reference machine, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_schema() -> Weight {
		Weight::from_parts(20_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn deprecate_schema() -> Weight {
		Weight::from_parts(15_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn authorise_issuer() -> Weight {
		Weight::from_parts(25_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn deauthorise_issuer() -> Weight {
		Weight::from_parts(15_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn add_delegate() -> Weight {
		Weight::from_parts(30_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn remove_delegate() -> Weight {
		Weight::from_parts(25_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn attest() -> Weight {
		Weight::from_parts(40_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn suspend() -> Weight {
		Weight::from_parts(30_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn reinstate() -> Weight {
		Weight::from_parts(30_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn revoke() -> Weight {
		Weight::from_parts(30_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn submit(n: u32, ) -> Weight {
		Weight::from_parts(30_000_000, 6000)
			.saturating_add(Weight::from_parts(10_000_000, 3000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64.saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn acknowledge() -> Weight {
		Weight::from_parts(20_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For tests.
impl WeightInfo for () {
	fn register_schema() -> Weight {
		Weight::from_parts(20_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn deprecate_schema() -> Weight {
		Weight::from_parts(15_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn authorise_issuer() -> Weight {
		Weight::from_parts(25_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn deauthorise_issuer() -> Weight {
		Weight::from_parts(15_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn add_delegate() -> Weight {
		Weight::from_parts(30_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn remove_delegate() -> Weight {
		Weight::from_parts(25_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn attest() -> Weight {
		Weight::from_parts(40_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn suspend() -> Weight {
		Weight::from_parts(30_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn reinstate() -> Weight {
		Weight::from_parts(30_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn revoke() -> Weight {
		Weight::from_parts(30_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn submit(n: u32, ) -> Weight {
		Weight::from_parts(30_000_000, 6000)
			.saturating_add(Weight::from_parts(10_000_000, 3000).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64.saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn acknowledge() -> Weight {
		Weight::from_parts(20_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
