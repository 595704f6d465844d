//! Weights of `pallet_node_authorization`, measured by its benchmarks (`benchmarking.rs`).
//!
//! Estimated from the calls' storage access before the first measurement on the reference
//! machine; `scripts/benchmark.sh node-authorization` replaces them.
//! Regenerate them, do not edit them.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions of `pallet_node_authorization`.
pub trait WeightInfo {
	/// The weight of `add_well_known_node`.
	fn add_well_known_node() -> Weight;
	/// The weight of `remove_well_known_node`.
	fn remove_well_known_node() -> Weight;
	/// The weight of `swap_well_known_node`.
	fn swap_well_known_node() -> Weight;
	/// The weight of `reset_well_known_nodes`.
	fn reset_well_known_nodes(n: u32, ) -> Weight;
	/// The weight of `claim_node`.
	fn claim_node() -> Weight;
	/// The weight of `remove_claim`.
	fn remove_claim() -> Weight;
	/// The weight of `transfer_node`.
	fn transfer_node() -> Weight;
	/// The weight of `add_connections`.
	fn add_connections(n: u32, ) -> Weight;
	/// The weight of `remove_connections`.
	fn remove_connections(n: u32, ) -> Weight;
}

/// Weights measured on the reference machine, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn add_well_known_node() -> Weight {
		Weight::from_parts(40_000_000, 0)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn remove_well_known_node() -> Weight {
		Weight::from_parts(40_000_000, 0)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn swap_well_known_node() -> Weight {
		Weight::from_parts(40_000_000, 0)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn reset_well_known_nodes(n: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 0)
			.saturating_add(Weight::from_parts(25_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(65_u64))
			.saturating_add(T::DbWeight::get().writes(193_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(n.into())))
	}
	fn claim_node() -> Weight {
		Weight::from_parts(40_000_000, 0)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn remove_claim() -> Weight {
		Weight::from_parts(40_000_000, 0)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn transfer_node() -> Weight {
		Weight::from_parts(40_000_000, 0)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn add_connections(n: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 0)
			.saturating_add(Weight::from_parts(2_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn remove_connections(n: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 0)
			.saturating_add(Weight::from_parts(2_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// The same weights for tests and mocks, priced with ParityDB's database weights.
impl WeightInfo for () {
	fn add_well_known_node() -> Weight {
		Weight::from_parts(40_000_000, 0)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn remove_well_known_node() -> Weight {
		Weight::from_parts(40_000_000, 0)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn swap_well_known_node() -> Weight {
		Weight::from_parts(40_000_000, 0)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn reset_well_known_nodes(n: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 0)
			.saturating_add(Weight::from_parts(25_000_000, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(65_u64))
			.saturating_add(ParityDbWeight::get().writes(193_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(n.into())))
	}
	fn claim_node() -> Weight {
		Weight::from_parts(40_000_000, 0)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn remove_claim() -> Weight {
		Weight::from_parts(40_000_000, 0)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn transfer_node() -> Weight {
		Weight::from_parts(40_000_000, 0)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn add_connections(n: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 0)
			.saturating_add(Weight::from_parts(2_000_000, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn remove_connections(n: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 0)
			.saturating_add(Weight::from_parts(2_000_000, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
