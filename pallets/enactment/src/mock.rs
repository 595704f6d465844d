//! A test runtime with the scheduler and the preimage pallet; account 1 is the council's
//! proposing majority, account 2 the cancelling one. The delay is 10 blocks.

use crate as pallet_enactment;
use frame_support::{
	derive_impl, ord_parameter_types, parameter_types,
	traits::{ConstU32, ConstU64, Contains, EqualPrivilegeOnly},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureSignedBy};
use sp_runtime::{BuildStorage, Perbill};

type Block = frame_system::mocking::MockBlock<Test>;

/// The delay in the tests' genesis.
pub const DELAY: u64 = 10;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeHoldReason,
		RuntimeFreezeReason,
		RuntimeTask
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Preimage = pallet_preimage;
	#[runtime::pallet_index(3)]
	pub type Scheduler = pallet_scheduler;
	#[runtime::pallet_index(4)]
	pub type Enactment = pallet_enactment;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type BlockWeights = TestBlockWeights;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

impl pallet_preimage::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<u64>;
	type Consideration = ();
}

parameter_types! {
	/// Two seconds of execution a block, as in the runtime.
	pub TestBlockWeights: frame_system::limits::BlockWeights =
		frame_system::limits::BlockWeights::simple_max(Weight::from_parts(2_000_000_000_000, u64::MAX));
	pub MaximumSchedulerWeight: Weight = Perbill::from_percent(80) * TestBlockWeights::get().max_block;
	/// A tenth of a second: `kill_prefix` of every key of a prefix weighs more.
	pub MaxCallWeight: Weight = Weight::from_parts(100_000_000_000, u64::MAX);
}

impl pallet_scheduler::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	type ScheduleOrigin = EnsureRoot<u64>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<10>;
	type WeightInfo = ();
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

ord_parameter_types! {
	/// The council's proposing majority.
	pub const Council: u64 = 1;
	/// The council's cancelling majority.
	pub const Cancellers: u64 = 2;
}

/// Storage fixes and the delay, as in the runtime; nothing else.
pub struct TestRootCalls;
impl Contains<RuntimeCall> for TestRootCalls {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(
			call,
			RuntimeCall::System(
				frame_system::Call::set_storage { .. }
					| frame_system::Call::kill_storage { .. }
					| frame_system::Call::kill_prefix { .. }
			) | RuntimeCall::Enactment(crate::Call::set_delay { .. })
		)
	}
}

impl pallet_enactment::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type Scheduler = Scheduler;
	type Preimages = Preimage;
	type ProposeOrigin = EnsureSignedBy<Council, u64>;
	type CancelOrigin = EnsureSignedBy<Cancellers, u64>;
	type RootCalls = TestRootCalls;
	type MinDelay = ConstU64<2>;
	type MaxDelay = ConstU64<100>;
	type MaxPending = ConstU32<3>;
	type MaxCallWeight = MaxCallWeight;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestBenchmarkHelper;
}

/// A storage fix of about `len` bytes.
#[cfg(feature = "runtime-benchmarks")]
pub struct TestBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<RuntimeCall> for TestBenchmarkHelper {
	fn root_call(len: u32) -> RuntimeCall {
		storage_fix(b"benchmark", &alloc::vec![7u8; len as usize])
	}
}

/// `System::set_storage` of one `key` to `value`.
pub fn storage_fix(key: &[u8], value: &[u8]) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::set_storage {
		items: alloc::vec![(key.to_vec(), value.to_vec())],
	})
}

/// Genesis with the delay of [`DELAY`] blocks, at block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		enactment: pallet_enactment::GenesisConfig { delay: DELAY },
		..Default::default()
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` on a fresh genesis, then checks the pallet's invariants.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Enactment::do_try_state().expect("the invariants hold");
	});
}

/// Runs blocks up to `n`, with every pallet's hooks.
pub fn run_to_block(n: u64) {
	System::run_to_block::<AllPalletsWithSystem>(n);
}
