//! Pruning [`PaidRequests`] in idle time: a record is needed only until its request expires,
//! after which `pay` refuses the request as expired. A cursor walks the map a bounded number of
//! records per block and starts over at the end, so every record is examined within a bounded
//! number of idle blocks, and no block does more than its remaining weight allows.

use crate::{Config, PaidRequests, Pallet, PruneCursor, WeightInfo};
use frame_support::{traits::Get, weights::Weight, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// Prunes as many records as `remaining` weight and [`Config::MaxPrunedPerBlock`] allow, and
	/// returns the weight used.
	pub(crate) fn prune_paid_requests_within(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
		let Some(affordable) = crate::items_within(remaining, T::WeightInfo::prune_paid_requests)
		else {
			return Weight::zero();
		};
		let most = T::MaxPrunedPerBlock::get().min(affordable);
		let examined = Self::prune_paid_requests(now, most);
		T::WeightInfo::prune_paid_requests(examined)
	}

	/// Examines up to `most` records from the cursor on and removes those whose request expired
	/// before `now`; returns how many it examined.
	pub(crate) fn prune_paid_requests(now: BlockNumberFor<T>, most: u32) -> u32 {
		if most == 0 {
			return 0;
		}
		let mut records = match PruneCursor::<T>::take() {
			Some(after) => PaidRequests::<T>::iter_from(after.into_inner()),
			None => PaidRequests::<T>::iter(),
		};
		let mut examined = 0;
		while examined < most {
			let Some((merchant, nonce, expiry)) = records.next() else {
				// The sweep reached the end: the next one starts from the beginning.
				return examined;
			};
			examined += 1;
			if expiry < now {
				PaidRequests::<T>::remove(&merchant, nonce);
			}
		}
		// A raw key of this map is at most 96 bytes, within the cursor's bound.
		PruneCursor::<T>::put(BoundedVec::truncate_from(records.last_raw_key().to_vec()));
		examined
	}
}
