//! The pallet's invariants, checked after every block by try-runtime and after every test.

use crate::{pallet::*, *};
use alloc::collections::BTreeMap;
use frame_support::ensure;
use seoul_primitives::Balance;
use sp_runtime::traits::Zero;

/// What a campaign's donations add up to.
#[derive(Default)]
struct Tally {
	raised: Balance,
	refunded: Balance,
	raised_won: Balance,
	donations: u64,
	unpaid: Balance,
}

impl<T: Config> Pallet<T> {
	/// Checks that the escrow holds exactly what the campaigns hold (donations less releases
	/// and refunds), and that each campaign's figures are its donations', milestones' and
	/// reports': raised the S-coin given, refunded what its donations got back, won the won
	/// confirmed, released its released milestones, spent its reports, never more spent than
	/// released nor more released and refunded than raised; that refunding campaigns and only
	/// they are queued; that a refunding campaign's `unrefunded` is the S-coin of the donations
	/// its refunds have not reached, and that nothing was released while raising; that unpaid
	/// refunds are the campaign's `unpaid`, each on an S-coin donation not yet refunded; that
	/// each bank reference names the one won donation not retracted that bears it; and that
	/// every receipt adds up and lists donations given that name it.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut tallies = BTreeMap::<CampaignId, Tally>::new();
		for (id, gift) in DonationRecords::<T>::iter() {
			ensure!(id < NextDonationId::<T>::get(), "a donation's number is ahead");
			let tally = tallies.entry(gift.campaign).or_default();
			tally.donations += 1;
			tally.refunded = tally.refunded.saturating_add(gift.refunded);
			match (gift.kind, gift.state) {
				(DonationKind::SCoin, DonationState::Given) => {
					tally.raised = tally.raised.saturating_add(gift.amount)
				}
				(DonationKind::Won { .. }, DonationState::Given) => {
					tally.raised_won = tally.raised_won.saturating_add(gift.amount)
				}
				(DonationKind::SCoin, DonationState::Unconfirmed | DonationState::Retracted) => {
					return Err("an S-coin donation awaits confirmation or was retracted".into())
				}
				_ => {}
			}
			if let DonationKind::Won { bank_reference_hash } = gift.kind {
				let recorded = BankReferences::<T>::get(bank_reference_hash) == Some(id);
				ensure!(
					recorded == (gift.state != DonationState::Retracted),
					"a won donation's bank reference is not recorded for it, or a retracted one's is"
				);
			}
			if let Some(unpaid) = UnpaidRefunds::<T>::get(id) {
				ensure!(
					gift.kind == DonationKind::SCoin
						&& gift.state == DonationState::Given
						&& gift.refunded.is_zero()
						&& unpaid <= gift.amount,
					"an unpaid refund belongs to no refundable donation"
				);
				tally.unpaid = tally.unpaid.saturating_add(unpaid);
			}
			ensure!(gift.refunded <= gift.amount, "a donation got back more than it gave");
			ensure!(
				gift.receipt.is_none() || gift.state == DonationState::Given,
				"a receipt lists a donation not given"
			);
		}

		let mut held: Balance = 0;
		for (id, campaign) in Campaigns::<T>::iter() {
			ensure!(id < NextCampaignId::<T>::get(), "a campaign's number is ahead");
			let tally = tallies.remove(&id).unwrap_or_default();
			ensure!(campaign.raised == tally.raised, "a campaign's raised is not its donations'");
			ensure!(
				campaign.refunded == tally.refunded,
				"a campaign's refunded is not its donations'"
			);
			ensure!(
				campaign.raised_won == tally.raised_won,
				"a campaign's won is not its donations'"
			);
			ensure!(
				campaign.donations == tally.donations,
				"a campaign's count is not its donations'"
			);
			let released =
				campaign.milestones.iter().fold(0 as Balance, |sum, step| match step.state {
					MilestoneState::Released { amount } => sum.saturating_add(amount),
					_ => sum,
				});
			ensure!(campaign.released == released, "a campaign's released is not its milestones'");
			ensure!(
				campaign.released.saturating_add(campaign.refunded) <= campaign.raised,
				"a campaign paid out more than it raised"
			);
			let spent = SpendingReports::<T>::iter_prefix_values(id)
				.fold(0 as Balance, |sum, report| sum.saturating_add(report.amount));
			ensure!(campaign.spent == spent, "a campaign's spent is not its reports'");
			ensure!(campaign.spent <= campaign.released, "a campaign spent more than it released");
			ensure!(
				matches!(campaign.status, CampaignStatus::Refunding(_))
					== RefundingCampaigns::<T>::contains_key(id),
				"the refund queue and the refunding campaigns differ"
			);
			ensure!(
				campaign.refund_cursor <= campaign.donations,
				"a refund cursor is past the list"
			);
			ensure!(campaign.unpaid <= campaign.held(), "unpaid refunds exceed what is held");
			ensure!(campaign.unpaid == tally.unpaid, "a campaign's unpaid is not its donations'");
			if let CampaignStatus::Refunding(_) = campaign.status {
				let unreached = (campaign.refund_cursor..campaign.donations)
					.filter_map(|position| CampaignDonations::<T>::get(id, position))
					.filter_map(DonationRecords::<T>::get)
					.filter(|gift| {
						gift.kind == DonationKind::SCoin && gift.state == DonationState::Given
					})
					.fold(0 as Balance, |sum, gift| sum.saturating_add(gift.amount));
				ensure!(
					campaign.unrefunded == unreached,
					"unrefunded is not the donations not reached"
				);
			}
			ensure!(
				campaign.released.is_zero()
					|| !matches!(campaign.status, CampaignStatus::Fundraising),
				"a campaign released funds while raising"
			);
			held = held.saturating_add(campaign.held());
		}
		ensure!(tallies.is_empty(), "a donation names no campaign");
		for (reference, id) in BankReferences::<T>::iter() {
			let gift = DonationRecords::<T>::get(id).ok_or("a bank reference names no donation")?;
			ensure!(
				gift.kind == DonationKind::Won { bank_reference_hash: reference },
				"a bank reference names a donation that does not bear it"
			);
		}
		for (id, _) in CampaignOpenedAt::<T>::iter() {
			ensure!(Campaigns::<T>::contains_key(id), "an opening time names no campaign");
		}
		ensure!(held == Self::escrow_held(), "the escrow is not what the campaigns hold");

		for (charity, number, receipt) in Receipts::<T>::iter() {
			let total = receipt
				.lines
				.iter()
				.fold(0 as Balance, |sum, line| sum.saturating_add(line.amount));
			ensure!(receipt.total == total, "a receipt's total is not its lines'");
			ensure!(receipt.charity == charity, "a receipt is filed under another charity");
			for line in &receipt.lines {
				let gift = DonationRecords::<T>::get(line.donation)
					.ok_or("a receipt lists no donation")?;
				ensure!(
					gift.receipt == Some(number),
					"a receipt lists a donation that names another"
				);
				ensure!(gift.donor == receipt.donor, "a receipt lists another donor's donation");
			}
		}
		Ok(())
	}
}
