//! The transaction gate: membership, status and the fee-free quota.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::{DispatchInfo, PostDispatchInfo},
	pallet_prelude::{InvalidTransaction, TransactionSource, TransactionValidityError},
	weights::Weight,
};
use sp_runtime::{traits::DispatchTransaction, DispatchError::BadOrigin};

/// A remark's dispatch information, with the extension's weight as a runtime would set it.
fn info() -> DispatchInfo {
	let call = remark();
	DispatchInfo {
		call_weight: Weight::from_parts(1_000, 0),
		extension_weight: CheckMember::<Test>::new().weight(&call),
		..Default::default()
	}
}

fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![] })
}

use sp_runtime::traits::TransactionExtension;

/// Runs a signed remark from account `n` through the gate, as a block would, and counts it in
/// the account's nonce as `CheckNonce` does. Returns the weight left after refunds.
fn transact(n: u8) -> Result<Weight, TransactionValidityError> {
	let info = info();
	let result = CheckMember::<Test>::new().test_run(
		RuntimeOrigin::signed(account(n)),
		&remark(),
		&info,
		0,
		0,
		|_| Ok(PostDispatchInfo { actual_weight: Some(info.call_weight), ..Default::default() }),
	)?;
	System::inc_account_nonce(account(n));
	Ok(result.expect("a remark succeeds").actual_weight.expect("the weight was set"))
}

/// Validates a signed remark from account `n` as the transaction pool does.
fn validate(n: u8) -> Result<(), TransactionValidityError> {
	CheckMember::<Test>::new()
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
	});
}

#[test]
fn unsigned_transactions_pass_and_refund_the_whole_weight() {
	ExtBuilder::default().build_and_execute(|| {
		let info = info();
		let extension = CheckMember::<Test>::new();
		let (validity, val, origin) = extension
			.validate(
				RuntimeOrigin::none(),
				&remark(),
				&info,
				0,
				(),
				&sp_runtime::traits::TxBaseImplication(()),
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
		// Block 1 lies in the period of blocks 0..10.
		for used in 0..CITIZEN_QUOTA {
			assert_ok!(validate(CITIZEN));
			assert_ok!(transact(CITIZEN));
			let member = Members::<Test>::get(account(CITIZEN)).unwrap();
			assert_eq!(member.quota, QuotaUsage { period_start: 0, nonce_at_start: 0 });
			assert_eq!(
				Citizens::quota_used(&member, 0, System::account_nonce(account(CITIZEN))),
				used + 1
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
			QuotaUsage { period_start: PERIOD, nonce_at_start: CITIZEN_QUOTA }
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
fn the_city_sets_quotas_and_the_period() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Citizens::set_quota(RuntimeOrigin::root(), MemberKind::Citizen, 1));
		assert_ok!(transact(CITIZEN));
		assert_eq!(validate(CITIZEN), refused(refusal::QUOTA_EXHAUSTED));
		assert_ok!(Citizens::set_quota(RuntimeOrigin::root(), MemberKind::Citizen, 0));
		assert_eq!(validate(CITIZEN), refused(refusal::QUOTA_EXHAUSTED));

		assert_ok!(Citizens::set_quota_period(RuntimeOrigin::root(), 100));
		assert_eq!(QuotaPeriod::<Test>::get(), 100);
		assert_eq!(Citizens::quota_period_bounds(150), (100, 200));
		assert_eq!(
			citizens_events(),
			vec![
				Event::QuotaSet { kind: MemberKind::Citizen, transactions: 1 },
				Event::QuotaSet { kind: MemberKind::Citizen, transactions: 0 },
				Event::QuotaPeriodSet { blocks: 100 },
			]
		);
	});
}

#[test]
fn quota_calls_need_the_city() {
	ExtBuilder::default().build_and_execute(|| {
		let registrar = || RuntimeOrigin::signed(account(REGISTRAR));
		assert_noop!(Citizens::set_quota(registrar(), MemberKind::Citizen, 1), BadOrigin);
		assert_noop!(Citizens::set_quota_period(registrar(), 5), BadOrigin);
		assert_noop!(
			Citizens::set_quota_period(RuntimeOrigin::root(), 0),
			Error::<Test>::ZeroQuotaPeriod
		);
	});
}

#[test]
fn the_gate_adds_nothing_to_what_is_signed() {
	use codec::Encode;
	assert!(CheckMember::<Test>::new().encode().is_empty());
	let metadata = <CheckMember<Test> as TransactionExtension<RuntimeCall>>::metadata();
	assert_eq!(metadata.len(), 1);
	assert_eq!(metadata[0].identifier, "CheckMember");
}
