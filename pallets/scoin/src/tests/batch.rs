//! Rewarding many service events with `reward_batch`.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::Get, BoundedVec};
use sp_runtime::{DispatchError, TokenError};

fn issuer() -> RuntimeOrigin {
	RuntimeOrigin::signed(account(ISSUER))
}

fn batch(
	entries: Vec<RewardEntryOf<Test>>,
) -> BoundedVec<RewardEntryOf<Test>, <Test as Config>::MaxBatchSize> {
	entries.try_into().expect("the batch fits")
}

fn refused(n: u8, receipt_id: u32, error: impl Into<DispatchError>) -> Event<Test> {
	Event::RewardRefused {
		programme: 0,
		citizen: account(n),
		receipt: receipt(receipt_id),
		error: error.into(),
	}
}

fn rewarded(n: u8, receipt_id: u32, amount: Balance) -> Event<Test> {
	Event::Rewarded { programme: 0, citizen: account(n), receipt: receipt(receipt_id), amount }
}

#[test]
fn a_batch_of_valid_entries_is_paid_in_full() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		System::reset_events();
		assert_ok!(SCoin::reward_batch(
			issuer(),
			programme,
			batch(vec![entry(CITIZEN, 1, 100), entry(OTHER_CITIZEN, 2, 40), entry(CITIZEN, 3, 60)])
		));
		assert_eq!(
			scoin_events(),
			vec![
				rewarded(CITIZEN, 1, 100),
				rewarded(OTHER_CITIZEN, 2, 40),
				rewarded(CITIZEN, 3, 60),
				Event::BatchRewarded { programme, rewarded: 3, refused: 0, total: 200 },
			]
		);
		assert_eq!(balance(CITIZEN), 160);
		assert_eq!(balance(OTHER_CITIZEN), 40);
		assert_eq!(Programmes::<Test>::get(programme).unwrap().issued, 200);
		assert_eq!(Supply::<Test>::get().minted, 200);
		assert_eq!(issuance(), GENESIS_ISSUANCE + 200);
		for (n, amount) in [(1, 100), (2, 40), (3, 60)] {
			assert_eq!(Receipts::<Test>::get(programme, receipt(n)).unwrap().amount, amount);
		}
		assert_eq!(
			EarningsInPeriod::<Test>::get(programme, account(CITIZEN)),
			Some(Earnings { period: 0, earned: 160 })
		);
	});
}

#[test]
fn refused_entries_are_reported_and_the_others_paid() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		assert_ok!(SCoin::reward(issuer(), programme, entry(OTHER_CITIZEN, 9, 10)));
		System::reset_events();
		assert_ok!(SCoin::reward_batch(
			issuer(),
			programme,
			batch(vec![
				entry(CITIZEN, 1, 100),
				// The same receipt again, within the batch.
				entry(CITIZEN, 1, 50),
				entry(MERCHANT, 2, 50),
				entry(OTHER_CITIZEN, 3, 0),
				entry(CITIZEN, 4, 100),
				// The citizen reached its cap with the entry before.
				entry(CITIZEN, 5, 10),
				// Rewarded in an earlier call.
				entry(OTHER_CITIZEN, 9, 10),
				entry(OTHER_CITIZEN, 6, MAX_REWARD + 1),
			])
		));
		assert_eq!(
			scoin_events(),
			vec![
				rewarded(CITIZEN, 1, 100),
				refused(CITIZEN, 1, Error::<Test>::DuplicateReceipt),
				refused(MERCHANT, 2, Error::<Test>::NotCitizen),
				refused(OTHER_CITIZEN, 3, Error::<Test>::AmountNotAllowed),
				rewarded(CITIZEN, 4, 100),
				refused(CITIZEN, 5, Error::<Test>::CapExceeded),
				refused(OTHER_CITIZEN, 9, Error::<Test>::DuplicateReceipt),
				refused(OTHER_CITIZEN, 6, Error::<Test>::AmountNotAllowed),
				Event::BatchRewarded { programme, rewarded: 2, refused: 6, total: 200 },
			]
		);
		assert_eq!(balance(CITIZEN), 200);
		assert_eq!(balance(OTHER_CITIZEN), 10);
		assert_eq!(balance(MERCHANT), 0);
		assert_eq!(Programmes::<Test>::get(programme).unwrap().issued, 210);
		assert_eq!(Supply::<Test>::get().minted, 210);
		// Refused entries leave no record, so the agency may resubmit them.
		assert_eq!(Receipts::<Test>::get(programme, receipt(1)).unwrap().amount, 100);
		for n in [2, 3, 5, 6] {
			assert!(!Receipts::<Test>::contains_key(programme, receipt(n)));
		}
		assert!(!EarningsInPeriod::<Test>::contains_key(programme, account(MERCHANT)));
		assert_ok!(SCoin::reward(issuer(), programme, entry(OTHER_CITIZEN, 3, 30)));
	});
}

#[test]
fn an_entry_the_currency_refuses_is_reported_and_leaves_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		System::reset_events();
		assert_ok!(SCoin::reward_batch(
			issuer(),
			programme,
			batch(vec![entry(CITIZEN, 1, EXISTENTIAL_DEPOSIT - 1), entry(OTHER_CITIZEN, 2, 20)])
		));
		assert_eq!(
			scoin_events(),
			vec![
				refused(CITIZEN, 1, TokenError::BelowMinimum),
				rewarded(OTHER_CITIZEN, 2, 20),
				Event::BatchRewarded { programme, rewarded: 1, refused: 1, total: 20 },
			]
		);
		assert!(!Receipts::<Test>::contains_key(programme, receipt(1)));
		assert!(!EarningsInPeriod::<Test>::contains_key(programme, account(CITIZEN)));
		assert_eq!(Programmes::<Test>::get(programme).unwrap().issued, 20);
		assert_eq!(Supply::<Test>::get().minted, 20);
	});
}

#[test]
fn the_budget_runs_out_in_the_middle_of_a_batch() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = NewProgramme { budget: 250, ..Default::default() }.open();
		System::reset_events();
		assert_ok!(SCoin::reward_batch(
			issuer(),
			programme,
			batch(vec![
				entry(CITIZEN, 1, 100),
				entry(OTHER_CITIZEN, 2, 100),
				entry(CITIZEN, 3, 100),
				entry(OTHER_CITIZEN, 4, 50),
				entry(CITIZEN, 5, 10),
			])
		));
		assert_eq!(
			scoin_events(),
			vec![
				rewarded(CITIZEN, 1, 100),
				rewarded(OTHER_CITIZEN, 2, 100),
				refused(CITIZEN, 3, Error::<Test>::BudgetExhausted),
				rewarded(OTHER_CITIZEN, 4, 50),
				refused(CITIZEN, 5, Error::<Test>::BudgetExhausted),
				Event::BatchRewarded { programme, rewarded: 3, refused: 2, total: 250 },
			]
		);
		let state = Programmes::<Test>::get(programme).unwrap();
		assert_eq!(state.issued, 250);
		assert_eq!(state.budget_left(), 0);
		assert_eq!(balance(CITIZEN), 100);
		assert_eq!(balance(OTHER_CITIZEN), 150);
		assert_eq!(issuance(), GENESIS_ISSUANCE + 250);
	});
}

#[test]
fn a_batch_where_every_entry_is_refused_still_succeeds() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		System::reset_events();
		assert_ok!(SCoin::reward_batch(
			issuer(),
			programme,
			batch(vec![entry(STRANGER, 1, 10), entry(CITIZEN, 2, 0)])
		));
		assert_eq!(
			scoin_events(),
			vec![
				refused(STRANGER, 1, Error::<Test>::NotCitizen),
				refused(CITIZEN, 2, Error::<Test>::AmountNotAllowed),
				Event::BatchRewarded { programme, rewarded: 0, refused: 2, total: 0 },
			]
		);
		assert_eq!(Programmes::<Test>::get(programme).unwrap().issued, 0);
		assert_eq!(issuance(), GENESIS_ISSUANCE);
	});
}

#[test]
fn a_full_batch_pays_every_entry() {
	ExtBuilder::default().build_and_execute(|| {
		let citizens: Vec<u8> = (30..38).collect();
		for n in &citizens {
			Register::add(&account(*n), MemberKind::Citizen, &[]);
		}
		let programme = open_programme();
		let entries: Vec<_> = citizens
			.iter()
			.enumerate()
			.map(|(i, n)| entry(*n, i as u32, 10 + i as Balance))
			.collect();
		assert_eq!(entries.len(), <<Test as Config>::MaxBatchSize as Get<u32>>::get() as usize);
		assert_ok!(SCoin::reward_batch(issuer(), programme, batch(entries)));
		System::assert_last_event(
			Event::BatchRewarded { programme, rewarded: 8, refused: 0, total: 108 }.into(),
		);
		for (i, n) in citizens.iter().enumerate() {
			assert_eq!(balance(*n), 10 + i as Balance);
			System::assert_has_event(rewarded(*n, i as u32, 10 + i as Balance).into());
		}
		assert_eq!(Programmes::<Test>::get(programme).unwrap().issued, 108);
	});
}

#[test]
fn batch_level_errors_refuse_the_whole_batch() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		let valid = || batch(vec![entry(CITIZEN, 1, 10)]);
		assert_noop!(
			SCoin::reward_batch(issuer(), programme, batch(vec![])),
			Error::<Test>::EmptyBatch
		);
		assert_noop!(
			SCoin::reward_batch(issuer(), programme + 1, valid()),
			Error::<Test>::UnknownProgramme
		);
		assert_noop!(
			SCoin::reward_batch(RuntimeOrigin::signed(account(AGENCY)), programme, valid()),
			Error::<Test>::NotRewardIssuer
		);
		assert_noop!(
			SCoin::reward_batch(RuntimeOrigin::none(), programme, valid()),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(SCoin::pause_programme(RuntimeOrigin::root(), programme));
		assert_noop!(
			SCoin::reward_batch(issuer(), programme, valid()),
			Error::<Test>::ProgrammePaused
		);
		assert_ok!(SCoin::resume_programme(RuntimeOrigin::root(), programme));
		run_to_block(END + 1);
		assert_noop!(SCoin::reward_batch(issuer(), programme, valid()), Error::<Test>::Ended);
		assert_ok!(SCoin::close_programme(RuntimeOrigin::root(), programme));
		assert_noop!(
			SCoin::reward_batch(issuer(), programme, valid()),
			Error::<Test>::ProgrammeClosed
		);
	});
}

#[test]
fn a_batch_before_the_start_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = NewProgramme { start: 3, ..Default::default() }.open();
		assert_noop!(
			SCoin::reward_batch(issuer(), programme, batch(vec![entry(CITIZEN, 1, 10)])),
			Error::<Test>::NotStarted
		);
	});
}
