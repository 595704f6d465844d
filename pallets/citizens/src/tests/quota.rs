//! The transaction gate: membership, status, the bounds of one transaction, the quota in units
//! of work and the pool's priority.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::{DispatchClass, DispatchInfo, PostDispatchInfo},
	pallet_prelude::{InvalidTransaction, TransactionSource, TransactionValidityError},
	traits::Get,
	weights::Weight,
};
use sp_runtime::{
	traits::{DispatchTransaction, TransactionExtension},
	transaction_validity::ValidTransaction,
	DispatchError::BadOrigin,
};

type Unit = <Test as Config>::UnitWeight;

fn gate(nonce: u32) -> CheckMember<Test> {
	CheckMember::from(nonce)
}

fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![] })
}

/// Dispatch information of a call declared at `units` units of weight, with the gate's weight as
/// a runtime would set it.
fn info(units: u64) -> DispatchInfo {
	DispatchInfo {
		call_weight: Unit::get() * units,
		extension_weight: gate(0).weight(&remark()),
		..Default::default()
	}
}

/// A transaction of `units` units of weight and `len` bytes from account `n`, run through the
/// gate as a block does; the call reports `used` units of weight. Returns the weight left after
/// refunds.
fn transact_sized(
	n: u8,
	units: u64,
	len: usize,
	used: u64,
) -> Result<Weight, TransactionValidityError> {
	let info = info(units);
	let nonce = System::account_nonce(account(n));
	let post = gate(nonce).test_run(
		RuntimeOrigin::signed(account(n)),
		&remark(),
		&info,
		len,
		0,
		|_| Ok(PostDispatchInfo { actual_weight: Some(Unit::get() * used), ..Default::default() }),
	)?;
	Ok(post.expect("a remark succeeds").actual_weight.expect("the weight was set"))
}

/// A one-unit transaction from account `n` with its next nonce, run as a block does.
fn transact(n: u8) -> Result<Weight, TransactionValidityError> {
	transact_sized(n, 1, 0, 1)
}

/// Validates a transaction from account `n` with `nonce` and dispatch `info` as the pool does.
fn validate_info(
	n: u8,
	nonce: u32,
	info: &DispatchInfo,
	len: usize,
) -> Result<ValidTransaction, TransactionValidityError> {
	gate(nonce)
		.validate_only(
			RuntimeOrigin::signed(account(n)),
			&remark(),
			info,
			len,
			TransactionSource::External,
			0,
		)
		.map(|(validity, _, _)| validity)
}

/// Validates a one-unit transaction from account `n` with `nonce` as the pool does.
fn validate_nonce(n: u8, nonce: u32) -> Result<(), TransactionValidityError> {
	validate_info(n, nonce, &info(1), 0).map(|_| ())
}

/// Validates account `n`'s next one-unit transaction as the pool does.
fn validate(n: u8) -> Result<(), TransactionValidityError> {
	validate_nonce(n, System::account_nonce(account(n)))
}

fn refused(code: u8) -> Result<(), TransactionValidityError> {
	Err(InvalidTransaction::Custom(code).into())
}

fn used(n: u8) -> u32 {
	Citizens::noted_usage(&account(n)).used
}

#[test]
fn strangers_and_barred_members_are_refused_with_their_codes() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(validate(STRANGER), refused(refusal::NOT_A_MEMBER));
		assert_eq!(
			transact(STRANGER),
			Err(InvalidTransaction::Custom(refusal::NOT_A_MEMBER).into())
		);
		assert_eq!(System::account_nonce(account(STRANGER)), 0);
		assert_ok!(validate(CITIZEN));
		assert_ok!(Citizens::suspend(RuntimeOrigin::root(), account(CITIZEN)));
		assert_eq!(validate(CITIZEN), refused(refusal::SUSPENDED));
		assert_ok!(Citizens::revoke(RuntimeOrigin::root(), account(CITIZEN)));
		assert_eq!(validate(CITIZEN), refused(refusal::REVOKED));
		assert_eq!(System::account_nonce(account(CITIZEN)), 0);
	});
}

#[test]
fn a_general_transaction_is_refused_with_its_code() {
	// The attack: a v5 general transaction carries no signer, so before this check it reached
	// the register as "unsigned" and passed, stopped only by a detail of the pool.
	ExtBuilder::default().build_and_execute(|| {
		let general = gate(0).validate_only(
			RuntimeOrigin::none(),
			&remark(),
			&info(1),
			0,
			TransactionSource::External,
			0,
		);
		assert_eq!(general.map(|_| ()), refused(refusal::GENERAL_TRANSACTION));
		let in_block = gate(0).test_run(RuntimeOrigin::none(), &remark(), &info(1), 0, 0, |_| {
			Ok(PostDispatchInfo::default())
		});
		assert_eq!(
			in_block.map(|_| ()),
			Err(InvalidTransaction::Custom(refusal::GENERAL_TRANSACTION).into())
		);
	});
}

#[test]
fn a_transaction_costs_its_weight_or_its_length_in_units_whichever_is_more() {
	ExtBuilder::default().build_and_execute(|| {
		let unit_length: u32 = <Test as Config>::UnitLength::get();
		// A plain transfer: one unit of weight, a short transaction.
		assert_eq!(Citizens::units(Unit::get(), 150), 1);
		// Nothing costs less than one unit.
		assert_eq!(Citizens::units(Weight::zero(), 0), 1);
		// A batch of a hundred transfers costs a hundred; a part of a unit costs a whole one.
		assert_eq!(Citizens::units(Unit::get() * 100, 100 * 150), 100);
		assert_eq!(Citizens::units(Unit::get() * 100 + Weight::from_parts(1, 0), 0), 101);
		// A long transaction of light calls (a batch of remarks) costs what its bytes are worth.
		assert_eq!(Citizens::units(Unit::get(), 3 * 1024 * 1024), 3 * 1024 * 1024 / unit_length);
		assert_eq!(Citizens::units(Unit::get(), unit_length + 1), 2);
		// Proof size does not count: blocks bound none.
		assert_eq!(Citizens::units(Weight::from_parts(0, u64::MAX), 0), 1);
		assert_eq!(Citizens::units(Weight::MAX, u32::MAX), u32::MAX);
	});
}

#[test]
fn a_citizen_transacts_within_its_quota_and_is_refused_beyond() {
	ExtBuilder::default().build_and_execute(|| {
		for used_before in 0..CITIZEN_QUOTA {
			assert_ok!(validate(CITIZEN));
			assert_ok!(transact(CITIZEN));
			assert_eq!(
				Citizens::noted_usage(&account(CITIZEN)),
				QuotaUsage {
					period_start: 0,
					period_end: PERIOD,
					allowance: CITIZEN_QUOTA,
					used: used_before + 1
				}
			);
			assert_eq!(
				Citizens::quota_standing(&account(CITIZEN), MemberKind::Citizen, 1),
				QuotaStanding {
					allowance: CITIZEN_QUOTA,
					used: used_before + 1,
					remaining: CITIZEN_QUOTA - used_before - 1,
					resets_at: PERIOD
				}
			);
		}
		assert_eq!(validate(CITIZEN), refused(refusal::QUOTA_EXHAUSTED));
		assert_eq!(
			transact(CITIZEN),
			Err(InvalidTransaction::Custom(refusal::QUOTA_EXHAUSTED).into())
		);
		assert_eq!(System::account_nonce(account(CITIZEN)), CITIZEN_QUOTA);
		// Still refused in the last block of the period.
		System::set_block_number(PERIOD - 1);
		assert_eq!(validate(CITIZEN), refused(refusal::QUOTA_EXHAUSTED));
	});
}

#[test]
fn a_batch_is_charged_its_weight_not_one_transaction() {
	// The attack: one transaction carrying the work of many (a `Utility.batch`) was charged one
	// unit of the quota.
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Citizens::set_quota(RuntimeOrigin::root(), MemberKind::Citizen, 150));
		System::set_block_number(PERIOD);
		assert_ok!(transact_sized(CITIZEN, 100, 0, 100));
		assert_eq!(used(CITIZEN), 100);
		// What is left cannot pay for a second batch of a hundred, which is refused whole.
		assert_eq!(
			validate_info(CITIZEN, 1, &info(100), 0).map(|_| ()),
			refused(refusal::QUOTA_EXHAUSTED)
		);
		assert_eq!(
			transact_sized(CITIZEN, 100, 0, 100),
			Err(InvalidTransaction::Custom(refusal::QUOTA_EXHAUSTED).into())
		);
		assert_eq!(used(CITIZEN), 100);
		// Fifty single transfers still fit.
		assert_ok!(transact_sized(CITIZEN, 50, 0, 50));
		assert_eq!(used(CITIZEN), 150);
	});
}

#[test]
fn a_long_transaction_is_charged_its_bytes() {
	// The attack: a batch of remarks weighs little but fills a block's length.
	ExtBuilder::default().build_and_execute(|| {
		let unit_length = <<Test as Config>::UnitLength as Get<u32>>::get() as usize;
		assert_ok!(Citizens::set_quota(RuntimeOrigin::root(), MemberKind::Citizen, 100));
		System::set_block_number(PERIOD);
		assert_ok!(transact_sized(CITIZEN, 1, 40 * unit_length, 1));
		assert_eq!(used(CITIZEN), 40);
		// The length is what it is after dispatch too: nothing is given back for it.
		assert_ok!(transact_sized(CITIZEN, 1, 50 * unit_length, 0));
		assert_eq!(used(CITIZEN), 90);
		assert_eq!(
			validate_info(CITIZEN, 2, &info(1), 11 * unit_length).map(|_| ()),
			refused(refusal::QUOTA_EXHAUSTED)
		);
	});
}

#[test]
fn what_a_call_reports_unused_is_given_back() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Citizens::set_quota(RuntimeOrigin::root(), MemberKind::Citizen, 100));
		System::set_block_number(PERIOD);
		// Declared at 60 units, the call (a batch that stopped early) used 7.
		assert_ok!(transact_sized(CITIZEN, 60, 0, 7));
		assert_eq!(used(CITIZEN), 7);
		// A call that reports more than it declared is charged what it declared.
		assert_ok!(transact_sized(CITIZEN, 3, 0, 50));
		assert_eq!(used(CITIZEN), 10);
	});
}

#[test]
fn a_transaction_beyond_the_bounds_of_one_is_refused_even_with_quota_left() {
	ExtBuilder::default().build_and_execute(|| {
		let max_weight = <Test as Config>::MaxTransactionWeight::get();
		let max_length = <<Test as Config>::MaxTransactionLength as Get<u32>>::get() as usize;
		let at_most = DispatchInfo { call_weight: max_weight, ..info(0) };
		let heavier =
			DispatchInfo { call_weight: max_weight + Weight::from_parts(1, 0), ..info(0) };
		// A merchant has 100,000 units, more than one transaction may hold.
		assert_ok!(validate_info(MERCHANT, 0, &at_most, max_length));
		assert_eq!(
			validate_info(MERCHANT, 0, &heavier, 0).map(|_| ()),
			refused(refusal::TOO_LARGE)
		);
		assert_eq!(
			validate_info(MERCHANT, 0, &info(1), max_length + 1).map(|_| ()),
			refused(refusal::TOO_LARGE)
		);
		// An operational call does not lift the bound for a member who does not act for the
		// city (an operator closing a made-up motion with a huge weight bound, say)...
		let operational = DispatchInfo { class: DispatchClass::Operational, ..heavier };
		assert_eq!(
			validate_info(MERCHANT, 0, &operational, 0).map(|_| ()),
			refused(refusal::TOO_LARGE)
		);
		// ...but does for the council closing a motion that carries a heavy call...
		assert_ok!(validate_info(COUNCILLOR, 0, &operational, 0));
		// ...and only its weight: no transaction may be longer than the bound.
		assert_eq!(
			validate_info(COUNCILLOR, 0, &operational, max_length + 1).map(|_| ()),
			refused(refusal::TOO_LARGE)
		);
		assert_eq!(System::account_nonce(account(MERCHANT)), 0);
	});
}

#[test]
fn priority_puts_each_member_s_next_transaction_first_then_the_lighter_and_ignores_nothing_else() {
	ExtBuilder::default().build_and_execute(|| {
		let priority = |n, nonce, info: DispatchInfo| {
			validate_info(n, nonce, &info, 0).expect("valid").priority
		};
		let next_transfer = priority(CITIZEN, 0, info(1));
		let next_batch = priority(MERCHANT, 0, info(1_000));
		let queued_transfer = priority(MERCHANT, 1, info(1));
		assert!(next_transfer > next_batch);
		assert!(next_batch > queued_transfer);
		assert!(priority(MERCHANT, 2, info(1)) < queued_transfer);
		// The council's operational calls come first; anyone else's operational class buys
		// nothing.
		let operational = |units| DispatchInfo { class: DispatchClass::Operational, ..info(units) };
		assert!(priority(COUNCILLOR, 5, operational(1_000)) > next_transfer);
		assert_eq!(priority(MERCHANT, 0, operational(1)), priority(MERCHANT, 0, info(1)));
	});
}

#[test]
fn the_pool_refuses_queued_transactions_beyond_the_quota() {
	ExtBuilder::default().build_and_execute(|| {
		// Nothing is included yet: nonces 0..3 fit the quota of three, nonce 3 does not.
		for nonce in 0..CITIZEN_QUOTA {
			assert_ok!(validate_nonce(CITIZEN, nonce));
		}
		assert_eq!(validate_nonce(CITIZEN, CITIZEN_QUOTA), refused(refusal::QUOTA_EXHAUSTED));
		assert_eq!(validate_nonce(CITIZEN, u32::MAX), refused(refusal::QUOTA_EXHAUSTED));
		// A heavier transaction behind one queued transaction needs room for both.
		assert_eq!(
			validate_info(CITIZEN, 1, &info(CITIZEN_QUOTA.into()), 0).map(|_| ()),
			refused(refusal::QUOTA_EXHAUSTED)
		);
		// A heavy transaction counts those waiting before it as heavy as itself, so that a
		// burst of heavy transactions cannot fill the pool beyond what the quota pays for.
		assert_ok!(validate_info(CITIZEN, 0, &info(2), 0));
		assert_eq!(
			validate_info(CITIZEN, 1, &info(2), 0).map(|_| ()),
			refused(refusal::QUOTA_EXHAUSTED)
		);
		// In a new period the count starts again.
		assert_ok!(transact(CITIZEN));
		System::set_block_number(PERIOD);
		assert_ok!(validate_nonce(CITIZEN, CITIZEN_QUOTA));
		assert_eq!(validate_nonce(CITIZEN, 1 + CITIZEN_QUOTA), refused(refusal::QUOTA_EXHAUSTED));
	});
}

#[test]
fn stale_and_future_nonces_keep_their_usual_answers() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(transact(CITIZEN));
		assert_eq!(validate_nonce(CITIZEN, 0), Err(InvalidTransaction::Stale.into()));
		let info = info(1);
		let future = gate(2).test_run(
			RuntimeOrigin::signed(account(CITIZEN)),
			&remark(),
			&info,
			0,
			0,
			|_| Ok(PostDispatchInfo::default()),
		);
		assert_eq!(future.map(|_| ()), Err(InvalidTransaction::Future.into()));
	});
}

#[test]
fn the_quota_resets_in_the_next_period() {
	ExtBuilder::default().build_and_execute(|| {
		for _ in 0..CITIZEN_QUOTA {
			assert_ok!(transact(CITIZEN));
		}
		assert_eq!(validate(CITIZEN), refused(refusal::QUOTA_EXHAUSTED));
		System::set_block_number(PERIOD);
		assert_ok!(validate(CITIZEN));
		assert_ok!(transact(CITIZEN));
		assert_eq!(
			Citizens::noted_usage(&account(CITIZEN)),
			QuotaUsage {
				period_start: PERIOD,
				period_end: 2 * PERIOD,
				allowance: CITIZEN_QUOTA,
				used: 1
			}
		);
	});
}

#[test]
fn quotas_follow_the_kind() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Quotas::<Test>::get(MemberKind::Citizen), CITIZEN_QUOTA);
		assert_eq!(Quotas::<Test>::get(MemberKind::Merchant), 100_000);
		for _ in 0..CITIZEN_QUOTA + 5 {
			assert_ok!(transact(MERCHANT));
		}
		assert_ok!(validate(MERCHANT));
	});
}

#[test]
fn the_gate_charges_the_period_s_settings_and_the_give_back_only_when_they_happen() {
	ExtBuilder::default().build_and_execute(|| {
		let call_weight = info(1).call_weight;
		let first = <() as WeightInfo>::check_member_first_in_period();
		let counted = <() as WeightInfo>::check_member();
		let give_back = <() as WeightInfo>::check_member_give_back();
		assert!(counted.ref_time() < first.ref_time());
		assert_eq!(gate(0).weight(&remark()), first + give_back);
		System::set_block_number(PERIOD);
		assert_eq!(transact(MERCHANT), Ok(call_weight + first));
		assert_eq!(transact(MERCHANT), Ok(call_weight + counted));
		// Declared at two units, none used: a unit comes back, and its update is charged.
		assert_eq!(transact_sized(MERCHANT, 2, 0, 0), Ok(counted + give_back));
		assert_eq!(used(MERCHANT), 3);
	});
}

#[test]
fn the_city_sets_quotas_and_the_period_from_each_member_s_next_period() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(transact(CITIZEN));
		assert_ok!(Citizens::set_quota(RuntimeOrigin::root(), MemberKind::Citizen, 1));
		assert_ok!(Citizens::set_quota_period(RuntimeOrigin::root(), 100));
		assert_eq!(Quotas::<Test>::get(MemberKind::Citizen), 1);
		assert_eq!(QuotaPeriod::<Test>::get(), 100);
		// The current period keeps its allowance and end.
		assert_ok!(transact(CITIZEN));
		assert_ok!(transact(CITIZEN));
		assert_eq!(validate(CITIZEN), refused(refusal::QUOTA_EXHAUSTED));
		// From the next one, the new rules: one unit per hundred blocks.
		System::set_block_number(PERIOD);
		assert_ok!(transact(CITIZEN));
		assert_eq!(validate(CITIZEN), refused(refusal::QUOTA_EXHAUSTED));
		let usage = Citizens::noted_usage(&account(CITIZEN));
		assert_eq!((usage.period_start, usage.period_end, usage.allowance), (0, 100, 1));
		assert_eq!(Citizens::quota_period_bounds(150), (100, 200));
		assert_eq!(
			citizens_events(),
			vec![
				Event::QuotaSet { kind: MemberKind::Citizen, units: 1 },
				Event::QuotaPeriodSet { blocks: 100 },
			]
		);
	});
}

#[test]
fn quota_calls_refuse_bad_origin_and_input() {
	ExtBuilder::default().build_and_execute(|| {
		let registrar = || RuntimeOrigin::signed(account(REGISTRAR));
		assert_noop!(Citizens::set_quota(registrar(), MemberKind::Citizen, 1), BadOrigin);
		assert_noop!(Citizens::set_quota_period(registrar(), 5), BadOrigin);
		assert_noop!(
			Citizens::set_quota_period(RuntimeOrigin::root(), 0),
			Error::<Test>::ZeroQuotaPeriod
		);
		assert_noop!(
			Citizens::set_quota(RuntimeOrigin::root(), MemberKind::Agency, 0),
			Error::<Test>::ZeroQuota
		);
	});
}

#[test]
fn the_gate_adds_nothing_to_what_is_signed() {
	use codec::Encode;
	// The gate carries exactly the compact nonce that `CheckNonce` carries, under its name.
	let nonce = 1_000u32;
	assert_eq!(
		CheckMember::<Test>::from(nonce).encode(),
		frame_system::CheckNonce::<Test>::from(nonce).encode()
	);
	let identifiers: Vec<_> = <CheckMember<Test> as TransactionExtension<RuntimeCall>>::metadata()
		.into_iter()
		.map(|extension| extension.identifier)
		.collect();
	assert_eq!(identifiers, vec!["CheckNonce"]);
}
