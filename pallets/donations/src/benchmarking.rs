//! Benchmarks of every call, each in its heaviest case: a donation that opens the escrow and
//! joins a donor's year of donations one short of full, a claim of the last milestone after all
//! others were released, a close that starts refunds, refunds each to a different donor, a
//! receipt of a full year.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use seoul_primitives::Balance;
use seoul_primitives::{calendar::Date, BenchmarkClock};
use sp_core::H256;

/// The clock the benchmarks run at: 2026-11-23T00:00:00Z, in milliseconds.
const NOW: u64 = 1_795_392_000_000;

/// What each benchmark donor starts with.
const ENDOWMENT: seoul_primitives::Balance = 1_000_000_000_000;

/// An active member of `kind` with `roles`.
fn member<T: Config>(
	name: &'static str,
	index: u32,
	kind: MemberKind,
	roles: &[Role],
) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Registry::register_for_benchmarks(&who, kind, roles);
	who
}

/// The registered charity of the benchmarks, with the clock set.
fn charity<T: Config>() -> T::AccountId {
	T::BenchmarkHelper::set_now(NOW);
	let charity = member::<T>("charity", 0, MemberKind::Charity, &[Role::Charity]);
	Charities::<T>::insert(
		&charity,
		CharityProfile {
			registration: RegistrationNumber(*b"1248100998"),
			donation_type: DonationType::General,
		},
	);
	charity
}

/// The reviewing agency.
fn reviewer<T: Config>() -> T::AccountId {
	member::<T>("reviewer", 0, MemberKind::Agency, &[])
}

/// A citizen with S-coin to give.
fn donor<T: Config>(index: u32) -> T::AccountId {
	let donor = member::<T>("donor", index, MemberKind::Citizen, &[]);
	T::Currency::set_balance(&donor, ENDOWMENT);
	donor
}

/// A step's cost and a donation: a thousand of the smallest donations.
fn amount<T: Config>() -> Balance {
	T::MinDonation::get() * 1_000
}

/// A plan of `steps` milestones of [`amount`] each.
fn plan<T: Config>(steps: u32) -> PlanOf<T> {
	(0..steps)
		.map(|n| (amount::<T>(), H256::repeat_byte(n as u8)))
		.collect::<alloc::vec::Vec<_>>()
		.try_into()
		.expect("within the bound")
}

/// A campaign of `charity` in `mode` with the most milestones, reviewed by the agency.
fn campaign<T: Config>(charity: &T::AccountId, mode: FundingMode) -> CampaignId {
	let steps = T::MaxMilestones::get();
	Pallet::<T>::open_campaign(
		RawOrigin::Signed(charity.clone()).into(),
		amount::<T>() * Balance::from(steps),
		NOW + T::MaxCampaignDuration::get(),
		mode,
		Reviewer::Agency(reviewer::<T>()),
		H256::repeat_byte(1),
		plan::<T>(steps),
	)
	.expect("a valid campaign");
	NextCampaignId::<T>::get() - 1
}

/// Closes `campaign` as funded, as `close_campaign` leaves a campaign that met its goal.
fn fund<T: Config>(campaign: CampaignId) {
	Campaigns::<T>::mutate(campaign, |record| {
		if let Some(record) = record {
			record.status = CampaignStatus::Funded;
		}
	});
}

/// Fills `donor`'s year of donations to `charity` with `count` recorded ones.
fn fill_year<T: Config>(donor: &T::AccountId, charity: &T::AccountId, count: u32) {
	let year = Date::in_korea_at(NOW).year;
	let ids: BoundedVec<DonationId, T::MaxReceiptLines> = (0..count)
		.map(|n| u64::MAX - u64::from(n))
		.collect::<alloc::vec::Vec<_>>()
		.try_into()
		.expect("within the bound");
	ReceiptableDonations::<T>::insert((donor, charity, year), ids);
}

/// `donor` gives `amount` to `campaign`.
fn give<T: Config>(donor: &T::AccountId, campaign: CampaignId, amount: Balance) -> DonationId {
	Pallet::<T>::donate(RawOrigin::Signed(donor.clone()).into(), campaign, amount)
		.expect("a valid donation");
	NextDonationId::<T>::get() - 1
}

/// `charity` records a won donation of `donor` to `campaign`, for the donor to confirm.
fn record_won<T: Config>(charity: &T::AccountId, campaign: CampaignId, donor: &T::AccountId) {
	Pallet::<T>::record_won_donation(
		RawOrigin::Signed(charity.clone()).into(),
		campaign,
		donor.clone(),
		amount::<T>(),
		H256::repeat_byte(0xb1),
		NOW,
	)
	.expect("a valid record");
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_cooling_off() {
		#[block]
		{
			Pallet::<T>::set_cooling_off(
				T::CityOrigin::try_successful_origin().expect("the city's origin"),
				T::MaxCoolingOff::get(),
			)
			.expect("a valid period");
		}
		assert_eq!(CoolingOff::<T>::get(), T::MaxCoolingOff::get());
	}

	#[benchmark]
	fn register_charity() {
		let charity = member::<T>("charity", 0, MemberKind::Charity, &[Role::Charity]);

		#[extrinsic_call]
		_(RawOrigin::Signed(charity.clone()), *b"1248100998", DonationType::Special);

		assert!(Charities::<T>::contains_key(&charity));
	}

	/// A campaign of `n` milestones.
	#[benchmark]
	fn open_campaign(n: Linear<1, { T::MaxMilestones::get() }>) {
		let charity = charity::<T>();
		let reviewer = reviewer::<T>();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(charity),
			amount::<T>() * Balance::from(n),
			NOW + T::MaxCampaignDuration::get(),
			FundingMode::AllOrNothing,
			Reviewer::Agency(reviewer),
			H256::repeat_byte(1),
			plan::<T>(n),
		);

		assert_eq!(NextCampaignId::<T>::get(), 1);
	}

	/// The first donation, which opens the escrow, into a year one short of full.
	#[benchmark]
	fn donate() {
		let charity = charity::<T>();
		let campaign = campaign::<T>(&charity, FundingMode::KeepWhatIsRaised);
		let donor: T::AccountId = whitelisted_caller();
		T::Registry::register_for_benchmarks(&donor, MemberKind::Citizen, &[]);
		T::Currency::set_balance(&donor, ENDOWMENT);
		fill_year::<T>(&donor, &charity, T::MaxReceiptLines::get() - 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(donor), campaign, amount::<T>());

		assert_eq!(Pallet::<T>::escrow_held(), amount::<T>());
	}

	#[benchmark]
	fn withdraw_donation() {
		let charity = charity::<T>();
		let campaign = campaign::<T>(&charity, FundingMode::KeepWhatIsRaised);
		let donor = donor::<T>(0);
		let donation = give::<T>(&donor, campaign, amount::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(donor), donation);

		assert_eq!(Pallet::<T>::escrow_held(), 0);
	}

	/// Into a year one short of full.
	#[benchmark]
	fn record_won_donation() {
		let charity = charity::<T>();
		let campaign = campaign::<T>(&charity, FundingMode::KeepWhatIsRaised);
		let donor = donor::<T>(0);
		fill_year::<T>(&donor, &charity, T::MaxReceiptLines::get() - 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(charity), campaign, donor, amount::<T>(), H256::repeat_byte(0xb1), NOW);

		assert_eq!(NextDonationId::<T>::get(), 1);
	}

	#[benchmark]
	fn confirm_won_donation() {
		let charity = charity::<T>();
		let campaign = campaign::<T>(&charity, FundingMode::KeepWhatIsRaised);
		let donor = donor::<T>(0);
		record_won::<T>(&charity, campaign, &donor);

		#[extrinsic_call]
		_(RawOrigin::Signed(donor), 0);

		assert_eq!(Campaigns::<T>::get(campaign).map(|c| c.raised_won), Some(amount::<T>()));
	}

	/// Disputed by the donor, from a full year: the donation leaves the year's list at its end
	/// (the charity's retraction leaves the list alone, and costs less).
	#[benchmark]
	fn retract_won_donation() {
		let charity = charity::<T>();
		let campaign = campaign::<T>(&charity, FundingMode::KeepWhatIsRaised);
		let donor = donor::<T>(0);
		fill_year::<T>(&donor, &charity, T::MaxReceiptLines::get() - 1);
		record_won::<T>(&charity, campaign, &donor);

		#[extrinsic_call]
		_(RawOrigin::Signed(donor.clone()), 0);

		assert_eq!(
			DonationRecords::<T>::get(0).map(|gift| gift.state),
			Some(DonationState::Retracted)
		);
		assert!(!BankReferences::<T>::contains_key(H256::repeat_byte(0xb1)));
	}

	/// An all-or-nothing campaign below its goal: refunds start.
	#[benchmark]
	fn close_campaign() {
		let charity = charity::<T>();
		let campaign = campaign::<T>(&charity, FundingMode::AllOrNothing);
		give::<T>(&donor::<T>(0), campaign, amount::<T>());
		T::BenchmarkHelper::set_now(NOW + T::MaxCampaignDuration::get() + CoolingOff::<T>::get());
		let closer = donor::<T>(1);

		#[extrinsic_call]
		_(RawOrigin::Signed(closer), campaign);

		assert!(RefundingCampaigns::<T>::contains_key(campaign));
	}

	/// The last milestone, after all the others were released.
	#[benchmark]
	fn claim_milestone() {
		let charity = charity::<T>();
		let campaign = campaign::<T>(&charity, FundingMode::KeepWhatIsRaised);
		let last = T::MaxMilestones::get() - 1;
		fund::<T>(campaign);
		Campaigns::<T>::mutate(campaign, |record| {
			if let Some(record) = record {
				for step in record.milestones.iter_mut().take(last as usize) {
					step.state = MilestoneState::Released { amount: step.amount };
				}
			}
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(charity), campaign, last, H256::repeat_byte(2));

		assert!(Campaigns::<T>::get(campaign).is_some_and(|record| matches!(
			record.milestones[last as usize].state,
			MilestoneState::Claimed { .. }
		)));
	}

	#[benchmark]
	fn approve_milestone() {
		let charity = charity::<T>();
		let campaign = campaign::<T>(&charity, FundingMode::KeepWhatIsRaised);
		give::<T>(&donor::<T>(0), campaign, amount::<T>());
		fund::<T>(campaign);
		Pallet::<T>::claim_milestone(
			RawOrigin::Signed(charity).into(),
			campaign,
			0,
			H256::repeat_byte(2),
		)
		.expect("a valid claim");

		#[extrinsic_call]
		_(RawOrigin::Signed(reviewer::<T>()), campaign, 0);

		assert_eq!(Pallet::<T>::escrow_held(), 0);
	}

	#[benchmark]
	fn reject_milestone() {
		let charity = charity::<T>();
		let campaign = campaign::<T>(&charity, FundingMode::KeepWhatIsRaised);
		fund::<T>(campaign);
		Pallet::<T>::claim_milestone(
			RawOrigin::Signed(charity).into(),
			campaign,
			0,
			H256::repeat_byte(2),
		)
		.expect("a valid claim");

		#[extrinsic_call]
		_(RawOrigin::Signed(reviewer::<T>()), campaign, 0, H256::repeat_byte(3));

		assert!(Campaigns::<T>::get(campaign).is_some_and(|record| matches!(
			record.milestones[0].state,
			MilestoneState::Rejected { .. }
		)));
	}

	#[benchmark]
	fn report_spending() {
		let charity = charity::<T>();
		let campaign = campaign::<T>(&charity, FundingMode::KeepWhatIsRaised);
		Campaigns::<T>::mutate(campaign, |record| {
			if let Some(record) = record {
				record.released = amount::<T>();
			}
		});

		#[extrinsic_call]
		_(
			RawOrigin::Signed(charity),
			campaign,
			amount::<T>(),
			SpendingCategory::DirectAid,
			H256::zero(),
		);

		assert!(SpendingReports::<T>::contains_key(campaign, 0));
	}

	/// A campaign holding donations: refunds start.
	#[benchmark]
	fn cancel_campaign() {
		let charity = charity::<T>();
		let campaign = campaign::<T>(&charity, FundingMode::KeepWhatIsRaised);
		give::<T>(&donor::<T>(0), campaign, amount::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(charity), campaign);

		assert!(RefundingCampaigns::<T>::contains_key(campaign));
	}

	/// `n` refunds, each to its own donor, the last completing the campaign's.
	#[benchmark]
	fn refund(n: Linear<1, { T::MaxRefundBatch::get() }>) {
		let charity = charity::<T>();
		let campaign = campaign::<T>(&charity, FundingMode::KeepWhatIsRaised);
		for index in 0..n {
			give::<T>(&donor::<T>(index), campaign, amount::<T>());
		}
		Pallet::<T>::cancel_campaign(RawOrigin::Signed(charity).into(), campaign)
			.expect("a valid cancellation");
		let caller = donor::<T>(n);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), campaign, n);

		assert!(!RefundingCampaigns::<T>::contains_key(campaign));
		assert_eq!(Pallet::<T>::escrow_held(), 0);
	}

	/// A refund the donor's account could not take when its campaign refunded, paid once it
	/// can.
	#[benchmark]
	fn claim_refund() {
		let charity = charity::<T>();
		let campaign = campaign::<T>(&charity, FundingMode::KeepWhatIsRaised);
		let donation = give::<T>(&donor::<T>(0), campaign, amount::<T>());
		// The campaign as a refund the donor's account refused leaves it.
		Campaigns::<T>::mutate(campaign, |record| {
			if let Some(record) = record {
				record.status = CampaignStatus::Refunded(RefundReason::CancelledByCharity);
				record.refund_cursor = record.donations;
				record.unpaid = amount::<T>();
			}
		});
		UnpaidRefunds::<T>::insert(donation, amount::<T>());
		let caller = donor::<T>(1);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), donation);

		assert!(!UnpaidRefunds::<T>::contains_key(donation));
		assert_eq!(Pallet::<T>::escrow_held(), 0);
	}

	/// A receipt of `n` donations.
	#[benchmark]
	fn issue_receipt(n: Linear<1, { T::MaxReceiptLines::get() }>) {
		let charity = charity::<T>();
		let campaign = campaign::<T>(&charity, FundingMode::KeepWhatIsRaised);
		let donor = donor::<T>(0);
		for _ in 0..n {
			give::<T>(&donor, campaign, amount::<T>());
		}
		T::BenchmarkHelper::set_now(NOW + CoolingOff::<T>::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(charity.clone()), donor, Date::in_korea_at(NOW).year);

		assert_eq!(
			Receipts::<T>::iter_prefix_values(&charity).next().map(|receipt| receipt.lines.len()),
			Some(n as usize)
		);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::ExtBuilder.build(), crate::mock::Test);
}
