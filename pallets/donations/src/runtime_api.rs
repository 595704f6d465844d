//! The runtime API through which donors, charities and auditors read campaigns, donations and
//! receipts without a transaction. The node serves it over JSON-RPC as `donations_campaign`,
//! `donations_campaigns`, `donations_campaignDonations`, `donations_spending`,
//! `donations_ofDonor` and `donations_receipts`.

use crate::types::{
	CampaignId, CampaignSummary, CharityProfile, DonationTrace, IssuedReceipt, ReportId,
	SpendingReport,
};
use codec::Codec;
use seoul_primitives::Page;

sp_api::decl_runtime_apis! {
	/// Reads of campaigns, donations and receipts.
	pub trait DonationsApi<AccountId, Balance, MaxMilestones, MaxLines>
	where
		AccountId: Codec,
		Balance: Codec,
		MaxMilestones: frame_support::traits::Get<u32>,
		MaxLines: frame_support::traits::Get<u32>,
	{
		/// A campaign with what it raised, holds, released, refunded and reported spent.
		fn campaign(id: CampaignId) -> Option<CampaignSummary<AccountId, Balance, MaxMilestones>>;

		/// A page of campaigns: up to `limit` (at most 100) after number `start`.
		fn campaigns(start: Option<CampaignId>, limit: u32) -> Page<CampaignId, CampaignSummary<AccountId, Balance, MaxMilestones>>;

		/// A page of a campaign's donations in the order given, each with its share of what the
		/// campaign released and holds.
		fn campaign_donations(id: CampaignId, start: Option<u64>, limit: u32) -> Page<u64, DonationTrace<AccountId, Balance>>;

		/// A page of a campaign's spending reports.
		fn spending_reports(id: CampaignId, start: Option<ReportId>, limit: u32) -> Page<ReportId, SpendingReport<Balance>>;

		/// A page of a donor's donations in the order given, each with where it went.
		fn donor_donations(donor: AccountId, start: Option<u64>, limit: u32) -> Page<u64, DonationTrace<AccountId, Balance>>;

		/// A page of a donor's receipts for a year, each with what was refunded since it was
		/// issued.
		fn receipts(donor: AccountId, year: u16, start: Option<u64>, limit: u32) -> Page<u64, IssuedReceipt<AccountId, Balance, MaxLines>>;

		/// A charity's registration, if it registered.
		fn charity(charity: AccountId) -> Option<CharityProfile>;
	}
}
