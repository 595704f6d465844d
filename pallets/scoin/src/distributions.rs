//! City-wide distributions: the same amount to every citizen, paid in the blocks' spare weight.
//!
//! A distribution walks the Citizens Card register in its storage order, a block at a time, from
//! where the previous block stopped ([`DistributionStatus::Paying`]). The order is fixed and the
//! walk only goes forward, so each member is read once and each eligible citizen is paid once:
//! unlike [`Pallet::reward_batch`], no receipt and no earnings record are written to stop a
//! second payment, which leaves one balance write per citizen. That is what makes paying the
//! whole city in minutes possible (docs/PERFORMANCE.md, "Rewards to a million citizens").
//!
//! It runs in `on_idle`, after the block's transactions, so it takes only what they left and
//! never delays a citizen's payment. One distribution pays at a time, the oldest first.

use crate::{
	BalanceOf, Config, DistributionQueue, DistributionStatus, Distributions, Error, Event, Pallet,
	ProgrammeStatus, Programmes, StopReason, Supply, WeightInfo,
};
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, Unbalanced},
		tokens::Precision,
		Get,
	},
	weights::Weight,
};
use seoul_primitives::membership::MemberRegistry;
use sp_runtime::{
	traits::{CheckedAdd, CheckedDiv, Saturating, Zero},
	DispatchError, SaturatedConversion,
};

impl<T: Config> Pallet<T> {
	/// Pays the oldest distribution as far as `remaining` weight allows, and returns the weight
	/// used.
	pub(crate) fn distribute_within(remaining: Weight) -> Weight {
		let Some(affordable) = seoul_primitives::items_within(remaining, T::WeightInfo::distribute)
		else {
			return Weight::zero();
		};
		match Self::distribute(affordable) {
			Some(read) => T::WeightInfo::distribute(read),
			None => T::DbWeight::get().reads(1),
		}
	}

	/// Pays the oldest distribution, reading at most `most` members of the register; returns how
	/// many it read, or `None` when no distribution is queued. Waits, reading none, while the
	/// programme is paused, has not started or has too little budget left for one more citizen;
	/// ends the distribution once the programme is closed or has ended.
	pub(crate) fn distribute(most: u32) -> Option<u32> {
		let id = *DistributionQueue::<T>::get().first()?;
		// The queue holds only paying distributions of existing programmes (`try_state`).
		let mut distribution = Distributions::<T>::get(id)?;
		let DistributionStatus::Paying { resume_after } = distribution.status.clone() else {
			return None;
		};
		let mut programme = Programmes::<T>::get(distribution.programme)?;
		let now = Self::now();
		let stop = match programme.status {
			ProgrammeStatus::Closed => Some(StopReason::ProgrammeClosed),
			_ if now > programme.end => Some(StopReason::ProgrammeEnded),
			_ => None,
		};
		if let Some(reason) = stop {
			Self::end_distribution(
				id,
				distribution,
				DistributionStatus::Stopped { reason, at: now },
			);
			return Some(0);
		}
		let affordable = programme
			.budget_left()
			.checked_div(&distribution.amount)
			.unwrap_or_else(Zero::zero)
			.saturated_into::<u32>();
		if programme.status == ProgrammeStatus::Paused || now < programme.start || affordable == 0 {
			return Some(0);
		}

		let amount = distribution.amount;
		let mut paid = 0u32;
		let walk = T::Registry::walk_citizens(
			resume_after,
			most,
			distribution.scheduled_at.saturated_into(),
			|citizen| {
				if paid == affordable {
					return false;
				}
				// Minting without `mint_into`'s per-call issuance update and `Minted` event: the
				// issuance is raised once below, and `Distributed` records the mint. It cannot
				// fail: the amount is at least the existential deposit, and scheduling checked
				// that paying every account there could be does not overflow the issuance, which
				// bounds every balance.
				if T::Currency::increase_balance(citizen, amount, Precision::Exact).is_ok() {
					paid += 1;
					Self::deposit_event(Event::Distributed {
						distribution: id,
						citizen: citizen.clone(),
						amount,
					});
				}
				true
			},
		);
		let minted = amount.saturating_mul(paid.into());
		T::Currency::set_total_issuance(T::Currency::total_issuance().saturating_add(minted));
		Supply::<T>::mutate(|supply| supply.minted.saturating_accrue(minted));
		programme.issued.saturating_accrue(minted);
		Programmes::<T>::insert(distribution.programme, programme);
		distribution.paid.saturating_accrue(paid);
		distribution.total.saturating_accrue(minted);
		if walk.finished {
			Self::end_distribution(id, distribution, DistributionStatus::Completed { at: now });
		} else {
			distribution.status = DistributionStatus::Paying { resume_after: walk.resume_after };
			Distributions::<T>::insert(id, distribution);
		}
		Some(walk.read)
	}

	/// Ends distribution `id` with `status`, takes it off the queue and reports it.
	pub(crate) fn end_distribution(
		id: crate::DistributionId,
		mut distribution: crate::DistributionOf<T>,
		status: DistributionStatus<T::AccountId, frame_system::pallet_prelude::BlockNumberFor<T>>,
	) {
		let (paid, total) = (distribution.paid, distribution.total);
		let event = match status {
			DistributionStatus::Stopped { reason, .. } => {
				Event::DistributionStopped { distribution: id, reason, paid, total }
			}
			_ => Event::DistributionCompleted { distribution: id, paid, total },
		};
		distribution.status = status;
		Distributions::<T>::insert(id, distribution);
		DistributionQueue::<T>::mutate(|queue| queue.retain(|queued| *queued != id));
		Self::deposit_event(event);
	}

	/// Checks that a programme may pay `amount` to every citizen: it is not closed or ended, and
	/// the amount is one its reward rule allows (so within its cap, which bounds the rule) and no
	/// less than the existential deposit, which a citizen's first S-coins must reach.
	pub(crate) fn ensure_distributable(
		programme: &crate::ProgrammeOf<T>,
		amount: BalanceOf<T>,
	) -> Result<(), DispatchError> {
		ensure!(programme.status != ProgrammeStatus::Closed, Error::<T>::ProgrammeClosed);
		ensure!(Self::now() <= programme.end, Error::<T>::Ended);
		ensure!(
			programme.reward.allows(amount) && amount >= T::Currency::minimum_balance(),
			Error::<T>::AmountNotAllowed
		);
		// The whole city's payout must not overflow the issuance: checked for the largest
		// register the walk could visit, which is bounded by the number of accounts.
		T::Currency::total_issuance()
			.checked_add(&amount.saturating_mul(u32::MAX.into()))
			.ok_or(Error::<T>::Overflow)?;
		Ok(())
	}
}
