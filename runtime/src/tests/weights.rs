//! The block's limits and base costs come from this machine's measurements
//! (`crate::weights`), and a transaction is charged what it was measured to cost, its
//! extensions once.

use super::citizens_card::{dev_chain, signed, start_block};
use crate::{
	configs::{extrinsic_base_weight, RuntimeBlockWeights},
	weights::{block_weights::BlockExecutionWeight, extrinsic_weights::ExtrinsicBaseWeight},
	Executive, RuntimeCall, System,
};
use frame_support::{
	assert_ok,
	dispatch::DispatchClass,
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use sp_keyring::Sr25519Keyring::Alice;
use sp_runtime::Perbill;

#[test]
fn a_signed_no_op_is_charged_what_it_was_measured_to_cost() {
	dev_chain().execute_with(|| {
		start_block();
		let no_op = |nonce| {
			let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
			signed(&Alice.pair(), nonce, remark, 0)
		};
		// The first transaction of a quota period also notes the period; the no-ops the overhead
		// benchmark times came after it.
		assert_ok!(Executive::apply_extrinsic(no_op(0)).expect("valid"));
		let before = System::block_weight().total();
		assert_ok!(Executive::apply_extrinsic(no_op(1)).expect("valid"));
		let charged = System::block_weight().total().saturating_sub(before);
		assert_eq!(charged.ref_time(), ExtrinsicBaseWeight::get().ref_time());
		assert!(extrinsic_base_weight().ref_time() > 0, "the extensions cost more than the no-op");
	});
}

#[test]
fn the_block_limits_use_the_measured_overheads() {
	let limits = RuntimeBlockWeights::get();
	assert!(limits.clone().validate().is_ok());
	assert_eq!(limits.max_block, Weight::from_parts(2 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX));
	assert_eq!(limits.base_block, BlockExecutionWeight::get());
	for class in DispatchClass::all() {
		assert_eq!(limits.get(*class).base_extrinsic, extrinsic_base_weight(), "{class:?}");
	}
	// Three quarters for ordinary transactions, the rest kept for operational ones.
	let normal = Perbill::from_percent(75) * limits.max_block;
	assert_eq!(limits.get(DispatchClass::Normal).max_total, Some(normal));
	assert_eq!(limits.get(DispatchClass::Operational).reserved, Some(limits.max_block - normal));
}
