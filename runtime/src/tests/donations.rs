//! Donations in the runtime: S-coin held in escrow on a hold of the runtime's balances with the
//! supply ledger unmoved, a campaign released and refunded through the runtime API, the city's
//! cancellation through its origin, and an organisation's batch of donations stopping at the
//! year's bound.

use super::{
	account,
	citizens_card::{dev_chain, signed, start_block},
	scoin::ledger_adds_up,
};
use crate::{Balances, Citizens, Donations, Executive, Runtime, RuntimeCall, RuntimeOrigin};
use frame_support::{assert_noop, assert_ok};
use pallet_citizens::{AuthenticationKey, MemberKind, Role};
use pallet_donations::{
	runtime_api::runtime_decl_for_donations_api::DonationsApiV1, CampaignStatus, FundingMode,
	RefundReason, Reviewer,
};
use seoul_primitives::currency::SCN;
use sp_core::{sr25519, Pair, H256};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve};
use sp_runtime::DispatchError::BadOrigin;

/// 2026-11-23T00:00:00Z, in milliseconds.
const NOW: u64 = 1_795_392_000_000;
/// A day in milliseconds.
const DAY_MS: u64 = 86_400_000;

/// A charity registered by the city, with its registration number.
fn charity() -> sr25519::Pair {
	let charity = sr25519::Pair::from_string("//SeoulCharity", None).expect("a valid seed");
	assert_ok!(Citizens::register(
		RuntimeOrigin::root(),
		charity.public().into(),
		MemberKind::Charity,
		vec![Role::Charity],
		[9; 32].into(),
		AuthenticationKey::Sr25519(charity.public().0),
	));
	assert_ok!(Donations::register_charity(
		RuntimeOrigin::signed(charity.public().into()),
		*b"1248100998",
		pallet_donations::DonationType::General,
	));
	charity
}

/// A keep-what-is-raised campaign of `charity` for 1,000 SCN, reviewed by Bob's agency.
fn open(charity: &sr25519::Pair) -> pallet_donations::CampaignId {
	let deadline = pallet_timestamp::Now::<Runtime>::get() + 30 * DAY_MS;
	assert_ok!(Donations::open_campaign(
		RuntimeOrigin::signed(charity.public().into()),
		1_000 * SCN,
		deadline,
		FundingMode::KeepWhatIsRaised,
		Reviewer::Agency(account(Bob)),
		H256::repeat_byte(1),
		vec![(400 * SCN, H256::repeat_byte(2)), (600 * SCN, H256::repeat_byte(3))]
			.try_into()
			.expect("within the bound"),
	));
	pallet_donations::NextCampaignId::<Runtime>::get() - 1
}

#[test]
fn donations_are_held_in_escrow_released_and_refunded_with_the_supply_unmoved() {
	dev_chain().execute_with(|| {
		start_block();
		pallet_timestamp::Now::<Runtime>::put(NOW);
		let charity = charity();
		let campaign = open(&charity);
		let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		for (donor, amount) in [(Dave, 600 * SCN), (Eve, 200 * SCN)] {
			assert_ok!(Donations::donate(RuntimeOrigin::signed(account(donor)), campaign, amount));
		}
		assert_eq!(Donations::escrow_held(), 800 * SCN);
		// Past the deadline and the cooling-off, anyone closes it.
		pallet_timestamp::Now::<Runtime>::put(NOW + 37 * DAY_MS);
		assert_ok!(Donations::close_campaign(RuntimeOrigin::signed(account(Charlie)), campaign));
		assert_ok!(Donations::claim_milestone(
			RuntimeOrigin::signed(charity.public().into()),
			campaign,
			0,
			H256::repeat_byte(4)
		));
		// Only the named reviewer releases; the city is not named.
		assert_noop!(
			Donations::approve_milestone(RuntimeOrigin::root(), campaign, 0),
			pallet_donations::Error::<Runtime>::NotReviewer
		);
		assert_ok!(Donations::approve_milestone(RuntimeOrigin::signed(account(Bob)), campaign, 0));
		assert_eq!(
			Balances::free_balance(sp_core::crypto::AccountId32::from(charity.public())),
			400 * SCN
		);
		// A citizen may not cancel; the city may.
		assert_noop!(
			Donations::cancel_campaign(RuntimeOrigin::signed(account(Charlie)), campaign),
			pallet_donations::Error::<Runtime>::NotCampaignCharity
		);
		assert_noop!(Donations::cancel_campaign(RuntimeOrigin::none(), campaign), BadOrigin);
		assert_ok!(Donations::cancel_campaign(RuntimeOrigin::root(), campaign));
		assert_ok!(Donations::refund(RuntimeOrigin::signed(account(Charlie)), campaign, 10));
		let summary = Runtime::campaign(campaign).expect("a campaign");
		assert_eq!(
			summary.campaign.status,
			CampaignStatus::Refunded(RefundReason::CancelledByCity)
		);
		assert_eq!((summary.campaign.refunded, summary.held), (400 * SCN, 0));
		assert_eq!(Donations::escrow_held(), 0);
		// Dave gave three quarters: 300 of the 400 refunded.
		let dave = Runtime::donor_donations(account(Dave), None, 10);
		assert_eq!(dave.items[0].1.donation.refunded, 300 * SCN);
		assert_eq!(pallet_balances::TotalIssuance::<Runtime>::get(), issuance);
		assert!(ledger_adds_up());
		#[cfg(feature = "try-runtime")]
		assert_eq!(Donations::do_try_state(), Ok(()));
	});
}

#[test]
fn an_organisations_batch_of_donations_stops_at_the_years_bound() {
	// The attack: one donor makes a charity's receipt list grow without end, one batch at a time.
	use crate::configs::donations::MaxReceiptLines;
	dev_chain().execute_with(|| {
		start_block();
		pallet_timestamp::Now::<Runtime>::put(NOW);
		let charity = charity();
		let campaign = open(&charity);
		let most = MaxReceiptLines::get();
		let give = RuntimeCall::Donations(pallet_donations::Call::donate { campaign, amount: SCN });
		let batch = RuntimeCall::Utility(pallet_utility::Call::batch {
			calls: vec![give; most as usize + 20],
		});
		assert_ok!(Executive::apply_extrinsic(signed(&Alice.pair(), 0, batch, 0)).expect("valid"));
		assert_eq!(
			Runtime::campaign(campaign).map(|summary| summary.campaign.donations),
			Some(u64::from(most))
		);
		assert_eq!(Donations::escrow_held(), u128::from(most) * SCN);
		assert!(crate::System::events().iter().any(|record| matches!(
			record.event,
			crate::RuntimeEvent::Utility(pallet_utility::Event::BatchInterrupted { index, .. })
				if index == most
		)));
		#[cfg(feature = "try-runtime")]
		assert_eq!(Donations::do_try_state(), Ok(()));
	});
}
