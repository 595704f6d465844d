//! Free use, attacked: each test performs an attack a member could make on a chain without fees
//! and shows it refused or charged (issue 10's findings; docs/AUDITORS.md lists them).

use super::{
	account,
	citizens_card::{dev_chain, register_citizen, signed, signed_remark, start_block, validate},
	scoin::{ledger_adds_up, open_programme},
};
use crate::{
	configs::citizens::{MaxTransactionLength, MaxTransactionWeight, UnitLength},
	Balances, Citizens, Executive, Runtime, RuntimeCall, UncheckedExtrinsic,
};
use codec::Encode;
use frame_support::{assert_ok, dispatch::GetDispatchInfo};
use pallet_citizens::{refusal, MemberKind, MemberRegistry};
use seoul_primitives::currency::{MILLI_SCN, SCN};
use sp_core::{sr25519, Pair, H256};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Dave, Eve, EveStash, Ferdie, FerdieStash};
use sp_runtime::transaction_validity::{
	InvalidTransaction, TransactionSource, TransactionValidityError, ValidTransaction,
};

fn refused(code: u8) -> Result<(), TransactionValidityError> {
	Err(InvalidTransaction::Custom(code).into())
}

fn transfer(to: sp_keyring::Sr25519Keyring, value: crate::Balance) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: account(to).into(),
		value,
	})
}

fn batch(calls: Vec<RuntimeCall>) -> RuntimeCall {
	RuntimeCall::Utility(pallet_utility::Call::batch { calls })
}

fn remarks(count: usize, size: usize) -> Vec<RuntimeCall> {
	(0..count)
		.map(|_| RuntimeCall::System(frame_system::Call::remark { remark: vec![7; size] }))
		.collect()
}

/// What the pool answers for `xt`.
fn pool_validity(xt: UncheckedExtrinsic) -> ValidTransaction {
	Executive::validate_transaction(TransactionSource::External, xt, crate::System::parent_hash())
		.expect("the transaction is valid")
}

/// The units `xt` is charged before dispatch.
fn units_of(xt: &UncheckedExtrinsic) -> u32 {
	Citizens::units(xt.function.get_dispatch_info().call_weight, xt.encoded_size() as u32)
}

/// Applies `xt` in the block being built and asserts the refusal `code`, in the pool and in the
/// block, with nothing changed.
fn assert_refused_everywhere(xt: UncheckedExtrinsic, code: u8) {
	let signer = match &xt.preamble {
		sp_runtime::generic::Preamble::Signed(sp_runtime::MultiAddress::Id(who), ..) => {
			Some(who.clone())
		}
		_ => None,
	};
	let before = signer.as_ref().map(frame_system::Account::<Runtime>::get);
	assert_eq!(validate(xt.clone()), refused(code));
	assert_eq!(Executive::apply_extrinsic(xt).map(|_| ()), refused(code));
	assert_eq!(signer.as_ref().map(frame_system::Account::<Runtime>::get), before);
}

#[test]
fn a_batch_of_3000_remarks_is_charged_its_work_not_one_transaction() {
	// Before: a citizen's batch of 3,000 remarks was included and charged one of its hundred
	// transactions.
	dev_chain().execute_with(|| {
		start_block();
		let from_citizen = signed(&Dave.pair(), 0, batch(remarks(3_000, 0)), 0);
		let units = units_of(&from_citizen);
		assert!(units > 100, "{units}");
		assert!(units >= (from_citizen.encoded_size() as u32).div_ceil(UnitLength::get()));
		// More than a citizen's whole day: refused.
		assert_refused_everywhere(from_citizen, refusal::QUOTA_EXHAUSTED);
		// An agency may send it, and pays for it.
		let from_agency = signed(&Alice.pair(), 0, batch(remarks(3_000, 0)), 0);
		assert_ok!(Executive::apply_extrinsic(from_agency).expect("valid"));
		assert_eq!(Citizens::noted_usage(&account(Alice)).used, units);
	});
}

#[test]
fn a_batch_that_would_fill_a_block_is_refused_whatever_the_quota() {
	// Before: an organisation's single transaction could use the whole normal class, 1.5 s or
	// 3.75 MiB, charged one of its 100,000 transactions.
	dev_chain().execute_with(|| {
		start_block();
		assert_eq!(Citizens::active_kind(&account(Alice)), Some(MemberKind::Agency));
		// By weight: more transfers than a quarter of a block holds.
		let unit = <Runtime as pallet_citizens::Config>::UnitWeight::get().ref_time();
		let too_many = (MaxTransactionWeight::get().ref_time() / unit + 1) as usize;
		let heavy = batch(vec![transfer(Bob, SCN); too_many]);
		assert!(
			heavy.get_dispatch_info().call_weight.ref_time()
				> MaxTransactionWeight::get().ref_time()
		);
		assert_refused_everywhere(signed(&Alice.pair(), 0, heavy, 0), refusal::TOO_LARGE);
		// By length: three remarks of a MiB each, which weigh next to nothing.
		let long = signed(&Alice.pair(), 0, batch(remarks(3, 1024 * 1024)), 0);
		assert!(long.encoded_size() as u32 > MaxTransactionLength::get());
		assert_refused_everywhere(long, refusal::TOO_LARGE);
		// A citizen's batch as long as a block allows is refused the same way.
		assert_refused_everywhere(
			signed(&Dave.pair(), 0, batch(remarks(3, 1024 * 1024)), 0),
			refusal::TOO_LARGE,
		);
	});
}

#[test]
fn every_legitimate_call_fits_one_transaction() {
	dev_chain().execute_with(|| {
		let programme = open_programme();
		let entries: Vec<_> = (0..1_000u32)
			.map(|n| pallet_scoin::RewardEntry {
				citizen: account(Dave),
				receipt: H256::from_low_u64_be(n.into()),
				amount: SCN,
			})
			.collect();
		let full_batch = RuntimeCall::SCoin(pallet_scoin::Call::reward_batch {
			programme,
			entries: entries.try_into().expect("a full batch"),
		});
		let weight = full_batch.get_dispatch_info().call_weight;
		assert!(weight.ref_time() <= MaxTransactionWeight::get().ref_time(), "{weight:?}");
		let xt = signed(&Bob.pair(), 0, full_batch, 0);
		assert!(xt.encoded_size() as u32 <= MaxTransactionLength::get());
		assert_ok!(validate(xt));
	});
}

#[test]
fn a_plain_transfer_costs_one_unit_and_a_hundred_in_a_batch_about_a_hundred() {
	dev_chain().execute_with(|| {
		start_block();
		let single = signed(&Dave.pair(), 0, transfer(Eve, SCN), 0);
		assert_eq!(units_of(&single), 1);
		assert_ok!(Executive::apply_extrinsic(single).expect("valid"));
		assert_eq!(Citizens::noted_usage(&account(Dave)).used, 1);
		let hundred = signed(&Alice.pair(), 0, batch(vec![transfer(Eve, SCN); 100]), 0);
		let units = units_of(&hundred);
		assert!((100..=110).contains(&units), "{units}");
		assert_ok!(Executive::apply_extrinsic(hundred).expect("valid"));
		assert_eq!(Citizens::noted_usage(&account(Alice)).used, units);
	});
}

#[test]
fn a_batch_that_stops_early_gives_back_what_it_did_not_use() {
	dev_chain().execute_with(|| {
		start_block();
		// The first transfer fails (Dave has not that much), so the batch stops there.
		let mut calls = vec![transfer(Eve, crate::Balance::MAX)];
		calls.extend(vec![transfer(Eve, SCN); 49]);
		let xt = signed(&Dave.pair(), 0, batch(calls), 0);
		let charged = units_of(&xt);
		assert!(charged >= 50, "{charged}");
		// What stays charged is the length, which dispatch cannot give back, not the weight of
		// the 49 transfers never made.
		let by_length = (xt.encoded_size() as u32).div_ceil(UnitLength::get());
		assert!(by_length * 4 < charged, "{by_length} of {charged}");
		assert_ok!(Executive::apply_extrinsic(xt).expect("valid"));
		assert_eq!(Citizens::noted_usage(&account(Dave)).used, by_length);
	});
}

#[test]
fn a_burst_of_batches_beyond_the_quota_is_refused_at_once() {
	dev_chain().execute_with(|| {
		start_block();
		// Each batch costs more than 40 units of the citizen's 100. The pool counts the batches
		// waiting before one as heavy as it: the third does not fit, and is refused at once.
		let xt = |nonce| signed(&Dave.pair(), nonce, batch(vec![transfer(Eve, 1); 40]), 0);
		assert!(units_of(&xt(0)) > 40);
		assert_ok!(validate(xt(0)));
		assert_ok!(validate(xt(1)));
		assert_eq!(validate(xt(2)), refused(refusal::QUOTA_EXHAUSTED));
		// The block admits the two, and the third stays refused.
		assert_ok!(Executive::apply_extrinsic(xt(0)).expect("valid"));
		assert_ok!(Executive::apply_extrinsic(xt(1)).expect("valid"));
		assert_refused_everywhere(xt(2), refusal::QUOTA_EXHAUSTED);
		assert_eq!(Citizens::noted_usage(&account(Dave)).used, 2 * units_of(&xt(0)));
	});
}

#[test]
fn the_weight_a_batch_did_not_use_is_given_back_in_the_block() {
	// The refund is read from the weight dispatch reports, after the extensions before the gate
	// had their say: a batch that made 20 of its 50 transfers keeps what 21 calls weigh.
	dev_chain().execute_with(|| {
		let citizen = sr25519::Pair::from_string("//Twenty", None).unwrap();
		let who: crate::AccountId = citizen.public().into();
		register_citizen(&citizen);
		assert_ok!(Balances::force_set_balance(
			crate::RuntimeOrigin::root(),
			who.clone().into(),
			20 * SCN + SCN / 2
		));
		start_block();
		let xt = signed(&citizen, 0, batch(vec![transfer(Eve, SCN); 50]), 0);
		let charged = units_of(&xt);
		let by_length = (xt.encoded_size() as u32).div_ceil(UnitLength::get());
		assert_ok!(Executive::apply_extrinsic(xt).expect("valid"));
		assert_eq!(Balances::free_balance(&who), SCN / 2);
		let used = Citizens::noted_usage(&who).used;
		assert!(charged >= 50 && by_length < 21, "charged {charged}, length {by_length}");
		assert!((21..=25).contains(&used), "charged {charged}, kept {used}");
	});
}

#[test]
fn a_providers_batch_of_emergency_reads_logs_no_more_than_a_day_allows() {
	// The attack: a hospital buries a patient's access log under emergency reads, sixty in one
	// batch. Before, all sixty were logged; now the batch stops at the day's fiftieth.
	use crate::configs::consents::MaxEmergencyAccesses;
	dev_chain().execute_with(|| {
		start_block();
		let read = RuntimeCall::Consents(pallet_consents::Call::log_emergency_access {
			patient: account(Dave),
			custodian: account(FerdieStash),
			category: pallet_consents::RecordCategory::Treatments,
			record_hash: H256::repeat_byte(1),
			reason_hash: H256::repeat_byte(2),
		});
		let xt = signed(&EveStash.pair(), 0, batch(vec![read; 60]), 0);
		assert_ok!(Executive::apply_extrinsic(xt).expect("valid"));
		let most = MaxEmergencyAccesses::get();
		assert_eq!(pallet_consents::NextAccessId::<Runtime>::get(account(Dave)), u64::from(most));
		assert!(crate::System::events().iter().any(|record| matches!(
			record.event,
			crate::RuntimeEvent::Utility(pallet_utility::Event::BatchInterrupted { index, .. })
				if index == most
		)));
	});
}

#[test]
fn a_tip_is_refused_and_buys_nothing() {
	// Before: a tip of 0.01 SCN put a transaction before every zero-tip one.
	dev_chain().execute_with(|| {
		start_block();
		let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		assert_refused_everywhere(
			signed(&Ferdie.pair(), 0, transfer(Eve, SCN), 10 * MILLI_SCN),
			refusal::TIP_REFUSED,
		);
		assert_eq!(pallet_balances::TotalIssuance::<Runtime>::get(), issuance);
		assert!(ledger_adds_up());
	});
}

#[test]
fn an_honest_transfer_outranks_a_flood_whatever_its_size() {
	dev_chain().execute_with(|| {
		let honest = pool_validity(signed(&Dave.pair(), 0, transfer(Eve, SCN), 0)).priority;
		// The flood: an organisation's heaviest allowed transaction, and its queued ones.
		let unit = <Runtime as pallet_citizens::Config>::UnitWeight::get().ref_time();
		let most = (MaxTransactionWeight::get().ref_time() / unit / 2) as usize;
		let heavy = signed(&Alice.pair(), 0, batch(vec![transfer(Bob, SCN); most]), 0);
		assert!(pool_validity(heavy).priority < honest);
		for nonce in 1..4 {
			let queued = pool_validity(signed(&Alice.pair(), nonce, transfer(Bob, SCN), 0));
			assert!(queued.priority < honest);
		}
		// Another member's next transfer ranks with the honest one.
		let other = pool_validity(signed(&Ferdie.pair(), 0, transfer(Eve, SCN), 0)).priority;
		assert_eq!(other, honest);
	});
}

#[test]
fn a_general_transaction_is_refused_with_its_code() {
	// Before: a v5 general transaction passed the gate as "unsigned".
	dev_chain().execute_with(|| {
		start_block();
		let extension = signed_remark(&Dave.pair(), 0).preamble.to_signed().expect("signed").2;
		let general = UncheckedExtrinsic::new_transaction(transfer(Eve, SCN), extension);
		assert_eq!(validate(general.clone()), refused(refusal::GENERAL_TRANSACTION));
		assert_eq!(
			Executive::apply_extrinsic(general).map(|_| ()),
			refused(refusal::GENERAL_TRANSACTION)
		);
	});
}

#[test]
fn reaping_a_member_s_balance_keeps_its_quota_count() {
	// The account's balances and its quota count share one entry; emptying the balance must not
	// wipe the count.
	dev_chain().execute_with(|| {
		let citizen = sr25519::Pair::from_string("//Spender", None).unwrap();
		let who = citizen.public().into();
		register_citizen(&citizen);
		let who: crate::AccountId = who;
		assert_ok!(Balances::force_set_balance(
			crate::RuntimeOrigin::root(),
			who.clone().into(),
			SCN
		));
		start_block();
		let everything = RuntimeCall::Balances(pallet_balances::Call::transfer_all {
			dest: account(Eve).into(),
			keep_alive: false,
		});
		let xt = signed(&citizen, 0, everything, 0);
		let units = units_of(&xt);
		assert_ok!(Executive::apply_extrinsic(xt).expect("valid"));
		assert_eq!(Balances::free_balance(&who), 0);
		let usage = Citizens::noted_usage(&who);
		assert_eq!(usage.used, units);
		assert_eq!(frame_system::Account::<Runtime>::get(&who).data.quota, usage);
		assert_ok!(Executive::apply_extrinsic(signed_remark(&citizen, 1)).expect("valid"));
		assert_eq!(Citizens::noted_usage(&who).used, units + 1);
	});
}

/// The unit price of each common call, signed as a wallet signs it: the table of
/// docs/CITIZENS_CARD.md, which this test keeps true.
#[test]
fn unit_prices_of_common_calls() {
	use pallet_scoin::{PaymentRequest, RewardEntry};
	dev_chain().execute_with(|| {
		let entries = |count: u32| -> Vec<_> {
			(0..count)
				.map(|n| RewardEntry {
					citizen: account(Dave),
					receipt: H256::from_low_u64_be(n.into()),
					amount: SCN,
				})
				.collect()
		};
		let reward_batch = |count| {
			RuntimeCall::SCoin(pallet_scoin::Call::reward_batch {
				programme: 0,
				entries: entries(count).try_into().expect("within the bound"),
			})
		};
		let payment = PaymentRequest {
			merchant: account(Eve),
			amount: 12_000 * SCN,
			order_reference: vec![b'A'; 32].try_into().expect("within the bound"),
			expiry: 600,
			nonce: u64::MAX,
		};
		let signature = sp_runtime::MultiSignature::Sr25519(Eve.pair().sign(b"request"));
		let calls = [
			("Balances.transfer_keep_alive", transfer(Eve, SCN), 1),
			(
				"Balances.transfer_allow_death",
				RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
					dest: account(Eve).into(),
					value: SCN,
				}),
				2,
			),
			(
				"System.remark (32 bytes)",
				RuntimeCall::System(frame_system::Call::remark { remark: vec![1; 32] }),
				1,
			),
			(
				"SCoin.pay",
				RuntimeCall::SCoin(pallet_scoin::Call::pay { request: payment, signature }),
				3,
			),
			(
				"SCoin.reward",
				RuntimeCall::SCoin(pallet_scoin::Call::reward {
					programme: 0,
					entry: entries(1).remove(0),
				}),
				4,
			),
			("SCoin.reward_batch (100 entries)", reward_batch(100), 206),
			("SCoin.reward_batch (1,000 entries)", reward_batch(1_000), 2_033),
			("SCoin.redeem", RuntimeCall::SCoin(pallet_scoin::Call::redeem { item: 0 }), 3),
			(
				"SCoin.request_settlement",
				RuntimeCall::SCoin(pallet_scoin::Call::request_settlement { amount: SCN }),
				4,
			),
			(
				"Credentials.attest",
				RuntimeCall::Credentials(pallet_credentials::Call::attest {
					issuer: account(Eve),
					credential: H256::repeat_byte(1),
					schema: H256::repeat_byte(2),
					subject: account(Dave),
					valid_from: 0,
					valid_until: Some(u64::MAX),
				}),
				2,
			),
			(
				"Credentials.submit (16 credentials)",
				RuntimeCall::Credentials(pallet_credentials::Call::submit {
					verifier: account(Eve),
					credentials: vec![H256::repeat_byte(3); 16].try_into().expect("bound"),
					purpose_hash: H256::repeat_byte(4),
				}),
				5,
			),
			(
				"Citizens.add_service",
				RuntimeCall::Citizens(pallet_citizens::Call::add_service {
					id: vec![b'a'; 32],
					service_type: vec![b'b'; 32],
					endpoint: vec![b'c'; 200],
				}),
				2,
			),
			("Utility.batch (100 transfers)", batch(vec![transfer(Eve, SCN); 100]), 105),
		];
		let mut table = String::new();
		for (name, call, _) in &calls {
			let xt = signed(&Dave.pair(), 0, call.clone(), 0);
			table += &format!("| `{name}` | {} | {} |\n", xt.encoded_size(), units_of(&xt));
		}
		println!("{table}");
		for (name, call, expected) in calls {
			assert_eq!(units_of(&signed(&Dave.pair(), 0, call, 0)), expected, "{name}");
		}
	});
}

/// Dispatches `call` in a signed transaction of `signer` and returns the call's result.
fn dispatch_signed(
	signer: sp_keyring::Sr25519Keyring,
	call: RuntimeCall,
) -> Result<(), sp_runtime::DispatchError> {
	let nonce = crate::System::account_nonce(account(signer));
	Executive::apply_extrinsic(signed(&signer.pair(), nonce, call, 0))
		.expect("the transaction is valid")
}

#[test]
fn a_member_who_is_no_operator_cannot_touch_the_node_list() {
	// Before: any member claimed a PeerId and stored a 64 KiB connection entry in one
	// transaction, for upstream's default weight.
	dev_chain().execute_with(|| {
		start_block();
		assert_eq!(Citizens::active_kind(&account(Dave)), Some(MemberKind::Citizen));
		let claim = RuntimeCall::NodeAuthorization(pallet_node_authorization::Call::claim_node {
			node: vec![7; 38],
		});
		assert_eq!(
			dispatch_signed(Dave, claim.clone()),
			Err(pallet_node_authorization::Error::<Runtime>::NotOperator.into())
		);
		// Nested in a batch, the same.
		assert_ok!(dispatch_signed(Dave, batch(vec![claim])));
		assert!(!pallet_node_authorization::Owners::<Runtime>::contains_key(
			sp_runtime::BoundedVec::try_from(vec![7; 38]).unwrap()
		));
		// The dev chain's own node: its owner cannot store a huge entry either.
		let node = crate::genesis_config_presets::DEV_NODE_PEER_IDS[0].to_vec();
		let huge =
			RuntimeCall::NodeAuthorization(pallet_node_authorization::Call::add_connections {
				node,
				connections: vec![vec![7; 64 * 1024]],
			});
		assert_eq!(
			dispatch_signed(Alice, huge),
			Err(pallet_node_authorization::Error::<Runtime>::BadPeerId.into())
		);
	});
}

#[test]
fn a_peer_id_claimed_before_the_council_lists_it_loses_its_claimer_s_connections() {
	super::local_chain().execute_with(|| {
		start_block();
		// Dave operates a validator of the local network.
		assert_eq!(Citizens::active_kind(&account(Dave)), Some(MemberKind::ValidatorOperator));
		let node = vec![9; 38];
		let intruder = vec![66; 38];
		assert_ok!(dispatch_signed(
			Dave,
			RuntimeCall::NodeAuthorization(pallet_node_authorization::Call::claim_node {
				node: node.clone()
			})
		));
		assert_ok!(dispatch_signed(
			Dave,
			RuntimeCall::NodeAuthorization(pallet_node_authorization::Call::add_connections {
				node: node.clone(),
				connections: vec![intruder.clone()],
			})
		));
		let stored: pallet_node_authorization::PeerIdOf<Runtime> = node.clone().try_into().unwrap();
		assert_eq!(crate::NodeAuthorization::authorized_nodes(&stored), vec![intruder.clone()]);
		let list =
			RuntimeCall::NodeAuthorization(pallet_node_authorization::Call::add_well_known_node {
				node: node.clone(),
				owner: account(Bob),
			});
		assert_eq!(super::council_motion(list, &[Alice, Bob]), Some(Ok(())));
		assert!(!crate::NodeAuthorization::authorized_nodes(&stored).contains(&intruder));
		assert_eq!(pallet_node_authorization::Owners::<Runtime>::get(&stored), Some(account(Bob)));
	});
}

#[test]
fn a_member_cannot_create_accounts_for_a_pittance() {
	// Before: a transfer of 0.001 SCN created an account that, not being a member's, could never
	// transact to clean up: a million of them for 1,000 SCN.
	dev_chain().execute_with(|| {
		start_block();
		let nobody = |n: u8| crate::AccountId::from([n; 32]);
		let pittance = |to: u8, value| {
			RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
				dest: nobody(to).into(),
				value,
			})
		};
		let filtered = Err(frame_system::Error::<Runtime>::CallFiltered.into());
		assert_eq!(dispatch_signed(Dave, pittance(1, MILLI_SCN)), filtered);
		let keep_alive = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: nobody(2).into(),
			value: SCN - 1,
		});
		assert_eq!(dispatch_signed(Dave, keep_alive), filtered);
		let all = RuntimeCall::Balances(pallet_balances::Call::transfer_all {
			dest: nobody(3).into(),
			keep_alive: false,
		});
		assert_eq!(dispatch_signed(Dave, all), filtered);
		// Nested in a batch, the same: the batch stops at it.
		assert_ok!(dispatch_signed(Dave, batch(vec![pittance(4, MILLI_SCN)])));
		for n in 1..=4 {
			assert!(!crate::System::account_exists(&nobody(n)));
		}
		// From the documented minimum on, or to an account that exists, a transfer goes through.
		assert_ok!(dispatch_signed(Dave, pittance(5, crate::configs::MIN_NEW_ACCOUNT_TRANSFER)));
		assert!(crate::System::account_exists(&nobody(5)));
		assert_ok!(dispatch_signed(Dave, pittance(5, MILLI_SCN)));
		assert_ok!(dispatch_signed(Dave, transfer(Eve, 1)));
	});
}
