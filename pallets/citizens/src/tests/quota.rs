//! The transaction gate: membership, status and the fee-free quota.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::{DispatchInfo, PostDispatchInfo},
	pallet_prelude::{InvalidTransaction, TransactionSource, TransactionValidityError},
	weights::Weight,
};
use sp_runtime::{
	traits::{DispatchTransaction, TransactionExtension, TxBaseImplication},
	DispatchError::BadOrigin,
};

fn gate(nonce: u32) -> CheckMember<Test> {
	CheckMember::from(nonce)
}

fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![] })
}

/// A remark's dispatch information, with the gate's weight as a runtime would set it.
fn info() -> DispatchInfo {
	DispatchInfo {
		call_weight: Weight::from_parts(1_000, 0),
		extension_weight: gate(0).weight(&remark()),
		..Default::default()
	}
}

/// Runs a signed remark from account `n` with its next nonce through the gate, as a block
/// does. Returns the weight left after refunds.
fn transact(n: u8) -> Result<Weight, TransactionValidityError> {
	transact_with_nonce(n, System::account_nonce(account(n)))
}

fn transact_with_nonce(n: u8, nonce: u32) -> Result<Weight, TransactionValidityError> {
	let info = info();
	let post =
		gate(nonce).test_run(RuntimeOrigin::signed(account(n)), &remark(), &info, 0, 0, |_| {
			Ok(PostDispatchInfo { actual_weight: Some(info.call_weight), ..Default::default() })
		})?;
	Ok(post.expect("a remark succeeds").actual_weight.expect("the weight was set"))
}

/// Validates a signed remark from account `n` with `nonce` as the transaction pool does.
fn validate_nonce(n: u8, nonce: u32) -> Result<(), TransactionValidityError> {
	gate(nonce)
		.validate_only(
			RuntimeOrigin::signed(account(n)),
			&remark(),
			&info(),
			0,
			TransactionSource::External,
			0,
		)
		.map(|_| ())
}

/// Validates account `n`'s next transaction as the transaction pool does.
fn validate(n: u8) -> Result<(), TransactionValidityError> {
	validate_nonce(n, System::account_nonce(account(n)))
}

fn refused(code: u8) -> Result<(), TransactionValidityError> {
	Err(InvalidTransaction::Custom(code).into())
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
fn unsigned_transactions_pass_and_refund_the_whole_weight() {
	ExtBuilder::default().build_and_execute(|| {
		let info = info();
		let extension = gate(0);
		let (validity, val, origin) = extension
			.validate(
				RuntimeOrigin::none(),
				&remark(),
				&info,
				0,
				(),
				&TxBaseImplication(()),
				TransactionSource::External,
			)
			.unwrap();
		assert_eq!(validity, Default::default());
		let pre = extension.prepare(val, &origin, &remark(), &info, 0).unwrap();
		let unspent = CheckMember::<Test>::post_dispatch_details(
			pre,
			&info,
			&PostDispatchInfo::default(),
			0,
			&Ok(()),
		);
		assert_eq!(unspent, Ok(info.extension_weight));
	});
}

#[test]
fn a_citizen_transacts_within_its_quota_and_is_refused_beyond() {
	ExtBuilder::default().build_and_execute(|| {
		// Block 1 lies in the period of blocks 0..10, which registration at genesis noted.
		for used in 0..CITIZEN_QUOTA {
			assert_ok!(validate(CITIZEN));
			assert_ok!(transact(CITIZEN));
			let member = Members::<Test>::get(account(CITIZEN)).unwrap();
			assert_eq!(
				member.quota,
				QuotaWindow {
					period_start: 0,
					period_end: PERIOD,
					nonce_at_start: 0,
					allowance: CITIZEN_QUOTA
				}
			);
			let nonce = System::account_nonce(account(CITIZEN));
			assert_eq!(
				Citizens::quota_standing(&member, 1, nonce),
				QuotaStanding { allowance: CITIZEN_QUOTA, used: used + 1, resets_at: PERIOD }
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
fn the_pool_refuses_queued_nonces_beyond_the_quota() {
	ExtBuilder::default().build_and_execute(|| {
		// Nothing is included yet: nonces 0..3 fit the quota of three, nonce 3 does not.
		for nonce in 0..CITIZEN_QUOTA {
			assert_ok!(validate_nonce(CITIZEN, nonce));
		}
		assert_eq!(validate_nonce(CITIZEN, CITIZEN_QUOTA), refused(refusal::QUOTA_EXHAUSTED));
		assert_eq!(validate_nonce(CITIZEN, u32::MAX), refused(refusal::QUOTA_EXHAUSTED));
		// In a new period the count starts from the account's nonce.
		assert_ok!(transact(CITIZEN));
		System::set_block_number(PERIOD);
		assert_ok!(validate_nonce(CITIZEN, 1 + CITIZEN_QUOTA - 1));
		assert_eq!(validate_nonce(CITIZEN, 1 + CITIZEN_QUOTA), refused(refusal::QUOTA_EXHAUSTED));
	});
}

#[test]
fn stale_and_future_nonces_keep_their_usual_answers() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(transact(CITIZEN));
		assert_eq!(validate_nonce(CITIZEN, 0), Err(InvalidTransaction::Stale.into()));
		assert_eq!(transact_with_nonce(CITIZEN, 2), Err(InvalidTransaction::Future.into()));
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
			Members::<Test>::get(account(CITIZEN)).unwrap().quota,
			QuotaWindow {
				period_start: PERIOD,
				period_end: 2 * PERIOD,
				nonce_at_start: CITIZEN_QUOTA,
				allowance: CITIZEN_QUOTA
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
fn only_the_first_transaction_of_a_period_pays_for_a_write() {
	ExtBuilder::default().build_and_execute(|| {
		let call_weight = info().call_weight;
		let first = <() as WeightInfo>::check_member_first_in_period();
		let counted = <() as WeightInfo>::check_member();
		assert!(counted.ref_time() < first.ref_time());
		System::set_block_number(PERIOD);
		assert_eq!(transact(CITIZEN), Ok(call_weight + first));
		assert_eq!(transact(CITIZEN), Ok(call_weight + counted));
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
		// From the next one, the new rules: one transaction per hundred blocks.
		System::set_block_number(PERIOD);
		assert_ok!(transact(CITIZEN));
		assert_eq!(validate(CITIZEN), refused(refusal::QUOTA_EXHAUSTED));
		let window = Members::<Test>::get(account(CITIZEN)).unwrap().quota;
		assert_eq!((window.period_start, window.period_end, window.allowance), (0, 100, 1));
		assert_eq!(Citizens::quota_period_bounds(150), (100, 200));
		assert_eq!(
			citizens_events(),
			vec![
				Event::QuotaSet { kind: MemberKind::Citizen, transactions: 1 },
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
