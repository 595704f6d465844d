//! The idle-time sweep of spent emergency windows: a count of a provider's emergency reads of a
//! patient matters only while its window lasts, so that blocks' idle time removes those whose
//! window ended, and the counts stay as many as the pairs with an emergency read this window.

use crate::{pallet::*, *};
use frame_support::{pallet_prelude::*, BoundedVec};

impl<T: Config> Pallet<T> {
	/// Sweeps as many counts as `remaining` weight pays for, at most
	/// [`Config::MaxSweptPerBlock`], and returns the weight used.
	pub(crate) fn sweep_emergency_counts_within(remaining: Weight) -> Weight {
		let Some(affordable) =
			seoul_primitives::items_within(remaining, T::WeightInfo::sweep_emergency_counts)
		else {
			return Weight::zero();
		};
		let most = affordable.min(T::MaxSweptPerBlock::get());
		T::WeightInfo::sweep_emergency_counts(Self::sweep_emergency_counts(most))
	}

	/// Examines up to `most` counts from where the last block's sweep stopped, removes those
	/// whose window ended, and returns how many it examined. A pass that reaches the last count
	/// rests for a window before the next starts from the first, so that idle time does not walk
	/// the same counts every block: a count outlives its window by at most a window and the time
	/// of two passes.
	pub(crate) fn sweep_emergency_counts(most: u32) -> u32 {
		let now = Self::now();
		let cursor = EmergencySweepCursor::<T>::get();
		if most == 0 || (cursor.is_none() && now < NextEmergencySweep::<T>::get()) {
			return 0;
		}
		let mut counts = match cursor {
			Some(after) => EmergencyAccessCounts::<T>::iter_from(after.into_inner()),
			None => EmergencyAccessCounts::<T>::iter(),
		};
		let mut examined = 0;
		while examined < most {
			let Some((patient, provider, (window_start, _))) = counts.next() else {
				EmergencySweepCursor::<T>::kill();
				NextEmergencySweep::<T>::put(now.saturating_add(T::EmergencyWindow::get()));
				return examined;
			};
			examined += 1;
			if !Self::window_lasts(window_start, now) {
				EmergencyAccessCounts::<T>::remove(&patient, &provider);
			}
		}
		// A raw key of the counts is 32 bytes of prefix and two hashed accounts: 128 bytes for
		// the runtime's 32-byte accounts, within the cursor's bound.
		EmergencySweepCursor::<T>::put(BoundedVec::truncate_from(counts.last_raw_key().to_vec()));
		examined
	}
}
