//! A runtime with the consents pallet, a clock and a register of members kept in memory.

use crate::{self as pallet_consents, ConsentId, ConsentScope, MemberKind, RecordCategory, Role};
use frame_support::{assert_ok, derive_impl, traits::ConstU64};
use sp_core::H256;
use sp_runtime::{traits::IdentityLookup, BuildStorage};

type Block = frame_system::mocking::MockBlock<Test>;
/// Accounts are numbers in the tests.
pub type AccountId = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Consents: pallet_consents,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
}

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = ConstU64<1>;
	type WeightInfo = ();
}

/// The register of members, kept in memory: kind, roles and whether active, by account.
pub use seoul_primitives::membership::testing::TestRegistry as Register;

#[derive_impl(pallet_consents::config_preludes::TestDefaultConfig)]
impl pallet_consents::Config for Test {
	type Registry = Register;
	type UnixTime = Timestamp;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Clock;
}

/// Sets the test chain's clock for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct Clock;
#[cfg(feature = "runtime-benchmarks")]
impl seoul_primitives::BenchmarkClock for Clock {
	fn set_now(unix_ms: u64) {
		Timestamp::set_timestamp(unix_ms);
	}
}

/// A hospital, the grantee of the tests' consents.
pub const HOSPITAL: AccountId = 1;
/// A clinic, the custodian of the tests' records.
pub const CLINIC: AccountId = 2;
/// A pharmacy, another provider.
pub const PHARMACY: AccountId = 3;
/// A registered hospital the city has not (yet) granted the provider role.
pub const UNAPPROVED_HOSPITAL: AccountId = 4;
/// An employer: a member, not a provider.
pub const EMPLOYER: AccountId = 5;
/// The patient.
pub const PATIENT: AccountId = 10;
/// Another citizen.
pub const OTHER_PATIENT: AccountId = 11;
/// An account nobody registered.
pub const STRANGER: AccountId = 99;
/// The clock at the start of every test: 2026-11-23T00:00:00Z, in milliseconds.
pub const NOW: u64 = 1_795_392_000_000;
/// A day in milliseconds.
pub const DAY: u64 = 86_400_000;

/// Builds test externalities at block 1 and [`NOW`] with the members above.
#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	/// Builds the externalities.
	pub fn build(self) -> sp_io::TestExternalities {
		Register::clear();
		for (who, kind, roles) in [
			(HOSPITAL, MemberKind::HealthcareProvider, vec![Role::HealthcareProvider]),
			(CLINIC, MemberKind::HealthcareProvider, vec![Role::HealthcareProvider]),
			(PHARMACY, MemberKind::HealthcareProvider, vec![Role::HealthcareProvider]),
			(UNAPPROVED_HOSPITAL, MemberKind::HealthcareProvider, vec![]),
			(EMPLOYER, MemberKind::Employer, vec![Role::Employer]),
			(PATIENT, MemberKind::Citizen, vec![]),
			(OTHER_PATIENT, MemberKind::Citizen, vec![]),
		] {
			Register::add(&who, kind, &roles);
		}
		let storage =
			RuntimeGenesisConfig::default().build_storage().expect("the genesis is valid");
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			Timestamp::set_timestamp(NOW);
		});
		ext
	}

	/// Builds the externalities and checks the invariants after `test`.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Consents::do_try_state().expect("invariants hold");
		});
	}
}

/// Moves the chain to block `n` and the clock `days` on.
pub fn advance(n: u64, days: u64) {
	System::set_block_number(n);
	Timestamp::set_timestamp(Timestamp::get() + days * DAY);
}

/// The hash of stated purpose `n`.
pub fn purpose(n: u8) -> H256 {
	H256::repeat_byte(0xa0 + n)
}

/// The hash of record `n`.
pub fn record(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// The scope of the tests' consents: [`HOSPITAL`] reading [`PATIENT`]'s lab results held by
/// [`CLINIC`].
pub fn lab_results() -> ConsentScope<AccountId> {
	ConsentScope { grantee: HOSPITAL, custodian: CLINIC, category: RecordCategory::LabResults }
}

/// Grants `scope` from `patient` for `days` days, and returns the consent's number.
pub fn grant(patient: AccountId, scope: ConsentScope<AccountId>, days: u64) -> ConsentId {
	let id = crate::NextConsentId::<Test>::get(patient);
	assert_ok!(Consents::grant_consent(
		RuntimeOrigin::signed(patient),
		scope.grantee,
		scope.custodian,
		scope.category,
		purpose(1),
		Timestamp::get() + days * DAY,
	));
	id
}

/// The events of this pallet deposited so far.
pub fn consents_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Consents(event) => Some(event),
			_ => None,
		})
		.collect()
}
