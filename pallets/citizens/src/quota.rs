//! The quota: periods, units of work and each member's standing.

use crate::{Config, MemberKind, Pallet, QuotaPeriod, QuotaStanding, QuotaUsage, Quotas};
use frame_support::{traits::Get, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Saturating, SaturatedConversion};

/// Where a member's [`QuotaUsage`] sits in its account's data (`frame_system::Config::AccountData`),
/// so that the gate reads it with the nonce and notes it in the write that raises the nonce.
pub trait AccountQuota<AccountData, BlockNumber> {
	/// The usage noted in `data`.
	fn usage(data: &AccountData) -> QuotaUsage<BlockNumber>;
	/// Notes `usage` in `data`, leaving the rest of it as it is.
	fn note(data: &mut AccountData, usage: QuotaUsage<BlockNumber>);
}

impl<T: Config> Pallet<T> {
	/// The units of quota a transaction costs: its call weight in [`Config::UnitWeight`]s or its
	/// encoded length in [`Config::UnitLength`]s, whichever is more, rounded up, and at least one.
	/// A transaction fills a block by both its weight and its length, so it pays for the one it
	/// fills more. The weight every transaction carries whatever its call (the base extrinsic
	/// weight and the extensions) is not counted: the minimum of one unit covers it.
	pub fn units(call_weight: Weight, len: u32) -> u32 {
		let unit_weight = T::UnitWeight::get().ref_time().max(1);
		let unit_length = u64::from(T::UnitLength::get().max(1));
		let by_weight = call_weight.ref_time().div_ceil(unit_weight);
		let by_length = u64::from(len).div_ceil(unit_length);
		by_weight.max(by_length).max(1).saturated_into()
	}

	/// The quota usage noted in the account entry of `who`: that of the latest period it
	/// transacted in, which may have ended.
	pub fn noted_usage(who: &T::AccountId) -> QuotaUsage<BlockNumberFor<T>> {
		T::AccountQuota::usage(&frame_system::Account::<T>::get(who).data)
	}

	/// The first block of the quota period `now` falls in, and of the next.
	pub(crate) fn quota_period_bounds(
		now: BlockNumberFor<T>,
	) -> (BlockNumberFor<T>, BlockNumberFor<T>) {
		let period = QuotaPeriod::<T>::get().max(1u32.into());
		let start = now.saturating_sub(now % period);
		(start, start.saturating_add(period))
	}

	/// The usage of a member of `kind` in the quota period of `block`, given the usage `noted` in
	/// its account, and whether that was noted in the same period: if not, a fresh period with the
	/// allowance now in force.
	pub(crate) fn usage_in_period(
		noted: QuotaUsage<BlockNumberFor<T>>,
		kind: MemberKind,
		block: BlockNumberFor<T>,
	) -> (QuotaUsage<BlockNumberFor<T>>, bool) {
		if noted.covers(&block) {
			return (noted, true);
		}
		let (period_start, period_end) = Self::quota_period_bounds(block);
		let fresh =
			QuotaUsage { period_start, period_end, allowance: Quotas::<T>::get(kind), used: 0 };
		(fresh, false)
	}

	/// Gives `units` back to `who` after dispatch; nothing if its account is gone by then.
	pub(crate) fn give_back(who: &T::AccountId, units: u32) {
		frame_system::Account::<T>::mutate_exists(who, |account| {
			if let Some(account) = account {
				let mut usage = T::AccountQuota::usage(&account.data);
				usage.used = usage.used.saturating_sub(units);
				T::AccountQuota::note(&mut account.data, usage);
			}
		});
	}

	/// Where `who`, a member of `kind`, stands in the quota period of `block`.
	pub(crate) fn quota_standing(
		who: &T::AccountId,
		kind: MemberKind,
		block: BlockNumberFor<T>,
	) -> QuotaStanding<BlockNumberFor<T>> {
		let (usage, _) = Self::usage_in_period(Self::noted_usage(who), kind, block);
		QuotaStanding {
			allowance: usage.allowance,
			used: usage.used,
			remaining: usage.remaining(),
			resets_at: usage.period_end,
		}
	}
}
