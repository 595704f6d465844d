//! The escrow: S-coin moving in with donations and out with releases, withdrawals and refunds,
//! and the pro rata refunds paid a batch at a time.

use crate::{pallet::*, *};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
};
use frame_system::pallet_prelude::OriginFor;
use seoul_primitives::{calendar::Date, Balance};
use sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, traits::Zero, Rounding};

impl<T: Config> Pallet<T> {
	/// Moves `amount` from `donor` into the escrow, on hold. The donor keeps the existential
	/// deposit; the escrow account is kept in existence by this pallet, as it holds no free
	/// balance of its own.
	pub(crate) fn hold_in_escrow(donor: &T::AccountId, amount: Balance) -> DispatchResult {
		let escrow = Self::escrow_account();
		if frame_system::Pallet::<T>::providers(&escrow).is_zero() {
			frame_system::Pallet::<T>::inc_providers(&escrow);
		}
		T::Currency::transfer_and_hold(
			&HoldReason::Escrow.into(),
			donor,
			&escrow,
			amount,
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Polite,
		)?;
		Ok(())
	}

	/// Pays `amount` out of the escrow to `to`, free to spend.
	pub(crate) fn pay_from_escrow(to: &T::AccountId, amount: Balance) -> DispatchResult {
		T::Currency::transfer_on_hold(
			&HoldReason::Escrow.into(),
			&Self::escrow_account(),
			to,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Polite,
		)?;
		Ok(())
	}

	/// Stores `donation` under a new number, at the end of its campaign's and its donor's lists
	/// and of the donor's donations to the charity in its year; refused when the donor gave the
	/// charity the most donations a year allows.
	pub(crate) fn record_donation(
		record: &mut CampaignOf<T>,
		campaign: CampaignId,
		donation: DonationOf<T>,
	) -> Result<DonationId, DispatchError> {
		let id = NextDonationId::<T>::get();
		let year = Date::in_korea_at(donation.given_at).year;
		ReceiptableDonations::<T>::try_mutate((&donation.donor, &record.charity, year), |ids| {
			ids.try_push(id).map_err(|_| Error::<T>::TooManyDonations)
		})?;
		CampaignDonations::<T>::insert(campaign, record.donations, id);
		record.donations = record.donations.saturating_add(1);
		let count = DonorDonationCount::<T>::get(&donation.donor);
		DonorDonations::<T>::insert(&donation.donor, count, id);
		DonorDonationCount::<T>::insert(&donation.donor, count.saturating_add(1));
		DonationRecords::<T>::insert(id, donation);
		NextDonationId::<T>::put(id.saturating_add(1));
		Ok(id)
	}

	/// Passes if `record` may release funds now: once it is closed as funded. Releasing only
	/// then means no donation arrives after a release, so a release spends every donation in
	/// the same proportion and refunds pay each its exact unreleased share.
	pub(crate) fn ensure_may_release(record: &CampaignOf<T>) -> DispatchResult {
		ensure!(record.status == CampaignStatus::Funded, Error::<T>::ReleaseNotAllowed);
		Ok(())
	}

	/// Passes if `origin` is `record`'s reviewer.
	pub(crate) fn ensure_reviewer(origin: OriginFor<T>, record: &CampaignOf<T>) -> DispatchResult {
		let is_reviewer = match (&record.reviewer, T::CityOrigin::try_origin(origin)) {
			(Reviewer::City, Ok(_)) => true,
			(Reviewer::Agency(agency), Err(origin)) => {
				frame_system::ensure_signed(origin).ok().as_ref() == Some(agency)
			}
			_ => false,
		};
		ensure!(is_reviewer, Error::<T>::NotReviewer);
		Ok(())
	}

	/// Turns `record` to refunding for `reason`, or straight to refunded if it holds nothing,
	/// and queues it for the blocks' idle time.
	pub(crate) fn start_refunds(
		campaign: CampaignId,
		record: &mut CampaignOf<T>,
		reason: RefundReason,
	) {
		let held = record.held();
		Self::deposit_event(Event::RefundsStarted { campaign, reason, held });
		if held.is_zero() {
			record.status = CampaignStatus::Refunded(reason);
			Self::deposit_event(Event::RefundsCompleted { campaign, refunded: 0 });
			return;
		}
		record.status = CampaignStatus::Refunding(reason);
		record.unrefunded = record.raised;
		RefundingCampaigns::<T>::insert(campaign, ());
	}

	/// Pays back up to `max` donations of the refunding `campaign` from where the last batch
	/// stopped, and returns how many donations it went through. Each S-coin donation given gets
	/// what the campaign holds times its amount over the donations not yet reached, rounded
	/// down; the last one gets what is left, so the escrow of the campaign ends empty.
	pub(crate) fn refund_batch(campaign: CampaignId, mut record: CampaignOf<T>, max: u32) -> u32 {
		let mut walked = 0;
		while walked < max && record.refund_cursor < record.donations {
			let position = record.refund_cursor;
			record.refund_cursor = position.saturating_add(1);
			walked += 1;
			let Some(id) = CampaignDonations::<T>::get(campaign, position) else { continue };
			let Some(mut gift) = DonationRecords::<T>::get(id) else { continue };
			if gift.kind != DonationKind::SCoin || gift.state != DonationState::Given {
				continue;
			}
			let pool = record.held().saturating_sub(record.unpaid);
			let share = if gift.amount >= record.unrefunded {
				pool
			} else {
				multiply_by_rational_with_rounding(
					pool,
					gift.amount,
					record.unrefunded,
					Rounding::Down,
				)
				.unwrap_or_default()
			};
			record.unrefunded = record.unrefunded.saturating_sub(gift.amount);
			if share.is_zero() {
				continue;
			}
			let donor = gift.donor.clone();
			if Self::pay_from_escrow(&donor, share).is_err() {
				record.unpaid = record.unpaid.saturating_add(share);
				UnpaidRefunds::<T>::insert(id, share);
				Self::deposit_event(Event::RefundFailed {
					campaign,
					donation: id,
					donor,
					amount: share,
				});
				continue;
			}
			record.refunded = record.refunded.saturating_add(share);
			gift.refunded = share;
			DonationRecords::<T>::insert(id, gift);
			Self::deposit_event(Event::Refunded { campaign, donation: id, donor, amount: share });
		}
		if record.refund_cursor >= record.donations {
			if let CampaignStatus::Refunding(reason) = record.status {
				record.status = CampaignStatus::Refunded(reason);
			}
			RefundingCampaigns::<T>::remove(campaign);
			Self::deposit_event(Event::RefundsCompleted { campaign, refunded: record.refunded });
		}
		Campaigns::<T>::insert(campaign, record);
		walked
	}

	/// Pays refunds in the block's idle time: as many donations of the first refunding campaign
	/// as `remaining` pays for, at most [`Config::MaxRefundBatch`]. Returns the weight used.
	pub(crate) fn refund_in_idle_time(remaining: Weight) -> Weight {
		let lookup = T::DbWeight::get().reads(1);
		let Some(affordable) =
			seoul_primitives::items_within(remaining.saturating_sub(lookup), T::WeightInfo::refund)
		else {
			return Weight::zero();
		};
		let Some(campaign) = RefundingCampaigns::<T>::iter_keys().next() else { return lookup };
		let Some(record) = Campaigns::<T>::get(campaign) else {
			RefundingCampaigns::<T>::remove(campaign);
			return lookup.saturating_add(T::WeightInfo::refund(0));
		};
		let walked = Self::refund_batch(campaign, record, affordable.min(T::MaxRefundBatch::get()));
		lookup.saturating_add(T::WeightInfo::refund(walked))
	}
}
