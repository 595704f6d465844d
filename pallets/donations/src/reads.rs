//! What wallets, charities and auditors read without a transaction: the functions behind
//! [`crate::runtime_api::DonationsApi`].

use crate::{pallet::*, *};
use seoul_primitives::Balance;
use sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, Rounding};

/// A receipt of this runtime as the receipts API answers.
pub type IssuedReceiptOf<T> =
	IssuedReceipt<<T as frame_system::Config>::AccountId, Balance, <T as Config>::MaxReceiptLines>;

/// A campaign of this runtime as the transparency API answers.
pub type CampaignSummaryOf<T> =
	CampaignSummary<<T as frame_system::Config>::AccountId, Balance, <T as Config>::MaxMilestones>;

/// Where a donation of this runtime went.
pub type DonationTraceOf<T> = DonationTrace<<T as frame_system::Config>::AccountId, Balance>;

impl<T: Config> Pallet<T> {
	/// `charity`'s registration, if it registered.
	pub fn charity_profile(charity: &T::AccountId) -> Option<CharityProfile> {
		Charities::<T>::get(charity)
	}

	/// Campaign `id` with what it holds.
	pub fn campaign_summary(id: CampaignId) -> Option<CampaignSummaryOf<T>> {
		Campaigns::<T>::get(id).map(|campaign| CampaignSummary { held: campaign.held(), campaign })
	}

	/// Up to `limit` (at most [`MAX_PAGE_SIZE`]) campaigns after number `start`, in order.
	pub fn campaigns(
		start: Option<CampaignId>,
		limit: u32,
	) -> Page<CampaignId, CampaignSummaryOf<T>> {
		Page::numbered(start, limit, NextCampaignId::<T>::get(), Self::campaign_summary)
	}

	/// Up to `limit` of campaign `id`'s donations after position `start`, in the order given,
	/// each with where it went.
	pub fn campaign_donations(
		id: CampaignId,
		start: Option<u64>,
		limit: u32,
	) -> Page<u64, DonationTraceOf<T>> {
		let end = Campaigns::<T>::get(id).map_or(0, |campaign| campaign.donations);
		Page::numbered(start, limit, end, |position| {
			Self::trace(CampaignDonations::<T>::get(id, position)?)
		})
	}

	/// Up to `limit` of campaign `id`'s spending reports after number `start`.
	pub fn spending_reports(
		id: CampaignId,
		start: Option<ReportId>,
		limit: u32,
	) -> Page<ReportId, SpendingReport<Balance>> {
		let end = Campaigns::<T>::get(id).map_or(0, |campaign| campaign.reports);
		Page::numbered(start, limit, end, |report| SpendingReports::<T>::get(id, report))
	}

	/// Up to `limit` of `donor`'s donations after position `start`, in the order given, each
	/// with where it went.
	pub fn donor_donations(
		donor: &T::AccountId,
		start: Option<u64>,
		limit: u32,
	) -> Page<u64, DonationTraceOf<T>> {
		Page::numbered(start, limit, DonorDonationCount::<T>::get(donor), |position| {
			Self::trace(DonorDonations::<T>::get(donor, position)?)
		})
	}

	/// Up to `limit` of `donor`'s receipts for `year` after position `start`, in the order
	/// issued.
	pub fn donor_receipts(
		donor: &T::AccountId,
		year: u16,
		start: Option<u64>,
		limit: u32,
	) -> Page<u64, IssuedReceiptOf<T>> {
		Page::numbered(start, limit, DonorReceiptCount::<T>::get(donor, year), |position| {
			let (charity, number) = DonorReceipts::<T>::get((donor, year, position))?;
			let receipt = Receipts::<T>::get(&charity, number)?;
			Some(IssuedReceipt { number, refunded_since: Self::refunded_since(&receipt), receipt })
		})
	}

	/// Donation `id` with its share of what its campaign released and holds: an S-coin
	/// donation given shares both pro rata to what the campaign raised; any other shares
	/// neither. While the campaign refunds, its share held is what it is to get back; a refund
	/// that could not be paid stays held until [`Pallet::claim_refund`] pays it.
	pub fn trace(id: DonationId) -> Option<DonationTraceOf<T>> {
		let donation = DonationRecords::<T>::get(id)?;
		let campaign = Campaigns::<T>::get(donation.campaign)?;
		let counts = donation.kind == DonationKind::SCoin && donation.state == DonationState::Given;
		let base = campaign.raised.max(1);
		let share = |of: Balance| {
			if counts {
				multiply_by_rational_with_rounding(of, donation.amount, base, Rounding::Down)
					.unwrap_or_default()
			} else {
				0
			}
		};
		let held = match (campaign.status, UnpaidRefunds::<T>::get(id)) {
			// A refund its donor's account could not take waits in escrow for `claim_refund`.
			(_, Some(unpaid)) => unpaid,
			// While refunding, what it will get back; once refunded, nothing.
			(CampaignStatus::Refunding(_), None) if donation.refunded == 0 => {
				share(campaign.raised.saturating_sub(campaign.released))
			}
			(CampaignStatus::Refunding(_) | CampaignStatus::Refunded(_), None) => 0,
			_ => share(campaign.held()),
		};
		let released = share(campaign.released);
		Some(DonationTrace { id, donation, released, held })
	}
}
