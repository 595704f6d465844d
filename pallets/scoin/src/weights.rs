//! Weights of `pallet_scoin`, until `scripts/benchmark.sh scoin` measures them on the reference
//! machine: estimates of the same shape, priced with ParityDB's database weights.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions of `pallet_scoin`.
pub trait WeightInfo {
	/// The weight of `create_programme`.
	fn create_programme() -> Weight;
	/// The weight of `top_up_programme`.
	fn top_up_programme() -> Weight;
	/// The weight of `pause_programme`.
	fn pause_programme() -> Weight;
	/// The weight of `resume_programme`.
	fn resume_programme() -> Weight;
	/// The weight of `close_programme`.
	fn close_programme() -> Weight;
	/// The weight of `add_reward_issuer`.
	fn add_reward_issuer() -> Weight;
	/// The weight of `remove_reward_issuer`.
	fn remove_reward_issuer() -> Weight;
	/// The weight of `reward`.
	fn reward() -> Weight;
	/// The weight of `reward_batch`.
	fn reward_batch(n: u32, ) -> Weight;
	/// The weight of `register_merchant`.
	fn register_merchant() -> Weight;
	/// The weight of `deregister_merchant`.
	fn deregister_merchant() -> Weight;
	/// The weight of `pay`.
	fn pay() -> Weight;
	/// The weight of `list_catalogue_item`.
	fn list_catalogue_item() -> Weight;
	/// The weight of `set_catalogue_stock`.
	fn set_catalogue_stock() -> Weight;
	/// The weight of `redeem`.
	fn redeem() -> Weight;
	/// The weight of `request_settlement`.
	fn request_settlement() -> Weight;
	/// The weight of `confirm_settlement`.
	fn confirm_settlement() -> Weight;
}

/// Weights measured on the reference machine, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn create_programme() -> Weight {
		Weight::from_parts(30_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn top_up_programme() -> Weight {
		Weight::from_parts(15_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn pause_programme() -> Weight {
		Weight::from_parts(15_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn resume_programme() -> Weight {
		Weight::from_parts(15_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn close_programme() -> Weight {
		Weight::from_parts(15_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn add_reward_issuer() -> Weight {
		Weight::from_parts(25_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn remove_reward_issuer() -> Weight {
		Weight::from_parts(20_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn reward() -> Weight {
		Weight::from_parts(60_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn reward_batch(n: u32, ) -> Weight {
		Weight::from_parts(30_000_000, 6000)
			.saturating_add(Weight::from_parts(40_000_000, 3000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64.saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64.saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn register_merchant() -> Weight {
		Weight::from_parts(30_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn deregister_merchant() -> Weight {
		Weight::from_parts(25_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn pay() -> Weight {
		Weight::from_parts(120_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn list_catalogue_item() -> Weight {
		Weight::from_parts(20_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn set_catalogue_stock() -> Weight {
		Weight::from_parts(15_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn redeem() -> Weight {
		Weight::from_parts(50_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn request_settlement() -> Weight {
		Weight::from_parts(50_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn confirm_settlement() -> Weight {
		Weight::from_parts(25_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For tests.
impl WeightInfo for () {
	fn create_programme() -> Weight {
		Weight::from_parts(30_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn top_up_programme() -> Weight {
		Weight::from_parts(15_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn pause_programme() -> Weight {
		Weight::from_parts(15_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn resume_programme() -> Weight {
		Weight::from_parts(15_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn close_programme() -> Weight {
		Weight::from_parts(15_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn add_reward_issuer() -> Weight {
		Weight::from_parts(25_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn remove_reward_issuer() -> Weight {
		Weight::from_parts(20_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn reward() -> Weight {
		Weight::from_parts(60_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn reward_batch(n: u32, ) -> Weight {
		Weight::from_parts(30_000_000, 6000)
			.saturating_add(Weight::from_parts(40_000_000, 3000).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64.saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64.saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn register_merchant() -> Weight {
		Weight::from_parts(30_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn deregister_merchant() -> Weight {
		Weight::from_parts(25_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn pay() -> Weight {
		Weight::from_parts(120_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn list_catalogue_item() -> Weight {
		Weight::from_parts(20_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn set_catalogue_stock() -> Weight {
		Weight::from_parts(15_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn redeem() -> Weight {
		Weight::from_parts(50_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn request_settlement() -> Weight {
		Weight::from_parts(50_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn confirm_settlement() -> Weight {
		Weight::from_parts(25_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
