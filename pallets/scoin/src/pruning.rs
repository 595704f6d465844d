//! Pruning [`PaidRequests`] in idle time: a record is needed only until its request expires,
//! after which `pay` refuses the request as expired. A cursor walks the map a bounded number of
//! records per block and starts over at the end, so every record is examined within a bounded
//! number of idle blocks, and no block does more than its remaining weight allows.

use crate::{Config, PaidRequests, Pallet, PruneCursor, WeightInfo};
use frame_support::{traits::Get, weights::Weight, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// Prunes as many records as `remaining` weight and [`Config::MaxPrunedPerBlock`] allow, and
	/// returns the weight used: a record still valid is charged its read, an expired one also its
	/// removal.
	pub(crate) fn prune_paid_requests_within(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
		// What the block can afford is counted as if every record examined had expired.
		let Some(affordable) =
			seoul_primitives::items_within(remaining, T::WeightInfo::prune_paid_requests)
		else {
			return Weight::zero();
		};
		let most = T::MaxPrunedPerBlock::get().min(affordable);
		let Pruned { kept, removed } = Self::prune_paid_requests(now, most);
		Self::pruning_weight(kept, removed)
	}

	/// The weight of a block's pruning that examined and kept `kept` records and removed
	/// `removed`: each measured on its own, their common base (the cursor) counted once.
	pub(crate) fn pruning_weight(kept: u32, removed: u32) -> Weight {
		T::WeightInfo::prune_paid_requests(removed)
			.saturating_add(T::WeightInfo::examine_paid_requests(kept))
			.saturating_sub(T::WeightInfo::examine_paid_requests(0))
	}

	/// Examines up to `most` records from the cursor on and removes those whose request expired
	/// before `now`.
	pub(crate) fn prune_paid_requests(now: BlockNumberFor<T>, most: u32) -> Pruned {
		let mut pruned = Pruned::default();
		if most == 0 {
			return pruned;
		}
		let mut records = match PruneCursor::<T>::take() {
			Some(after) => PaidRequests::<T>::iter_from(after.into_inner()),
			None => PaidRequests::<T>::iter(),
		};
		while pruned.kept + pruned.removed < most {
			let Some((merchant, nonce, expiry)) = records.next() else {
				// The sweep reached the end: the next one starts from the beginning.
				return pruned;
			};
			if expiry < now {
				PaidRequests::<T>::remove(&merchant, nonce);
				pruned.removed += 1;
			} else {
				pruned.kept += 1;
			}
		}
		// A raw key of this map is at most 96 bytes, within the cursor's bound.
		PruneCursor::<T>::put(BoundedVec::truncate_from(records.last_raw_key().to_vec()));
		pruned
	}
}

/// What one block's pruning did: the records it examined and kept, and those it removed.
#[derive(Default, Debug, PartialEq, Eq)]
pub(crate) struct Pruned {
	/// Records examined whose request is still valid.
	pub kept: u32,
	/// Records removed because their request expired.
	pub removed: u32,
}
