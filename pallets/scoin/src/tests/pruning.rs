//! Paid-request records, pruned in idle time once their request expired.

use super::payments::{pay, setup};
use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::{Get, Hooks},
	weights::{RuntimeDbWeight, Weight},
};

fn record_count() -> usize {
	PaidRequests::<Test>::iter().count()
}

#[test]
fn a_record_is_kept_while_its_request_is_valid_and_pruned_after() {
	// The attack: a merchant paying its own requests (a transfer to itself costs nothing) grew
	// this map without bound, for good.
	ExtBuilder::default().build_and_execute(|| {
		setup();
		let request = payment_request(MERCHANT, 100, 1);
		let expiry = request.expiry;
		let signature = sign(MERCHANT, &request);
		assert_ok!(pay(CITIZEN, request.clone(), signature.clone()));
		assert_eq!(PaidRequests::<Test>::get(account(MERCHANT), 1u64), Some(expiry));
		// Up to its expiry, the record stays: a replay is refused as paid.
		run_to_block(expiry);
		SCoin::on_idle(expiry, Weight::MAX);
		assert_eq!(record_count(), 1);
		assert_noop!(pay(CITIZEN, request.clone(), signature.clone()), Error::<Test>::AlreadyPaid);
		// After it, the record goes, and a replay is refused as expired.
		run_to_block(expiry + 1);
		SCoin::on_idle(expiry + 1, Weight::MAX);
		assert_eq!(record_count(), 0);
		assert_noop!(pay(CITIZEN, request, signature), Error::<Test>::PaymentExpired);
	});
}

#[test]
fn pruning_is_bounded_per_block_and_walks_the_whole_map() {
	ExtBuilder::default().build_and_execute(|| {
		let most = <Test as Config>::MaxPrunedPerBlock::get();
		for nonce in 0..10u64 {
			// Every other record expired at block 5; the rest expire at 50.
			let expiry = if nonce % 2 == 0 { 5 } else { 50 };
			PaidRequests::<Test>::insert(account(MERCHANT), nonce, expiry);
		}
		run_to_block(6);
		// Each block examines at most `MaxPrunedPerBlock` records and reports their weight, and
		// the read of the distribution queue, empty here.
		let used = SCoin::on_idle(6, Weight::MAX);
		let removed = 10 - record_count() as u32;
		assert_eq!(used, SCoin::pruning_weight(most - removed, removed) + queue_read());
		assert!(PruneCursor::<Test>::get().is_some());
		let mut blocks = 1;
		while PruneCursor::<Test>::get().is_some() {
			SCoin::on_idle(6, Weight::MAX);
			blocks += 1;
		}
		assert_eq!(blocks, 10u32.div_ceil(most));
		assert_eq!(record_count(), 5);
		assert!(PaidRequests::<Test>::iter_values().all(|expiry| expiry == 50));
	});
}

/// The weight of reading the distribution queue, which idle time does after pruning.
fn queue_read() -> Weight {
	<<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get().reads(1)
}

#[test]
fn a_record_still_valid_is_charged_its_read_not_a_removal() {
	// The overcharge: every record examined was charged a removal, although during a flood of
	// payments none has expired, and idle time had that much less for distributions.
	ExtBuilder::default().build_and_execute(|| {
		let most = <Test as Config>::MaxPrunedPerBlock::get();
		for nonce in 0..u64::from(most) {
			PaidRequests::<Test>::insert(account(MERCHANT), nonce, 50);
		}
		run_to_block(6);
		let used = SCoin::on_idle(6, Weight::MAX);
		assert_eq!(record_count(), most as usize);
		assert_eq!(used, SCoin::pruning_weight(most, 0) + queue_read());
		let all_removed = <() as WeightInfo>::prune_paid_requests(most) + queue_read();
		assert!(used.ref_time() < all_removed.ref_time());
	});
}

#[test]
fn pruning_does_no_more_than_the_block_s_remaining_weight_allows() {
	ExtBuilder::default().build_and_execute(|| {
		for nonce in 0..3u64 {
			PaidRequests::<Test>::insert(account(MERCHANT), nonce, 1);
		}
		run_to_block(2);
		let one = <() as WeightInfo>::prune_paid_requests(1);
		// Not even one record's weight left: nothing is done, nothing is charged.
		assert_eq!(SCoin::on_idle(2, one - Weight::from_parts(1, 0)), Weight::zero());
		assert_eq!(record_count(), 3);
		// Room for one: one.
		assert_eq!(SCoin::on_idle(2, one), one);
		assert_eq!(record_count(), 2);
	});
}
