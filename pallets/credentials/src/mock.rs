//! A runtime with the credentials pallet, a clock, a register of members kept in memory and root
//! as the city.

use crate::{self as pallet_credentials, MemberKind, Role};
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
		Credentials: pallet_credentials,
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

#[derive_impl(pallet_credentials::config_preludes::TestDefaultConfig)]
impl pallet_credentials::Config for Test {
	type CityOrigin = frame_system::EnsureRoot<AccountId>;
	type Registry = Register;
	type UnixTime = Timestamp;
}

/// A university holding the credential-issuer role.
pub const UNIVERSITY: AccountId = 1;
/// Another issuer, not authorised for the test schema.
pub const INSTITUTE: AccountId = 2;
/// A member of the university's staff.
pub const REGISTRY_OFFICE: AccountId = 3;
/// An employer, the verifier.
pub const EMPLOYER: AccountId = 4;
/// A citizen holding credentials.
pub const HOLDER: AccountId = 10;
/// Another citizen.
pub const OTHER_CITIZEN: AccountId = 11;
/// An account nobody registered.
pub const STRANGER: AccountId = 99;
/// The clock at the start of every test: 2026-11-23T00:00:00Z, in milliseconds.
pub const NOW: u64 = 1_795_392_000_000;
/// A day in milliseconds.
pub const DAY: u64 = 86_400_000;

/// The hash of the test schema, registered with [`UNIVERSITY`] authorised by [`open_schema`].
pub fn schema() -> H256 {
	H256::repeat_byte(0x5c)
}

/// Credential hash `n`.
pub fn credential(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// Builds test externalities at block 1 and [`NOW`] with the members above.
#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	/// Builds the externalities.
	pub fn build(self) -> sp_io::TestExternalities {
		Register::clear();
		for (who, kind, roles) in [
			(UNIVERSITY, MemberKind::CredentialIssuer, vec![Role::CredentialIssuer]),
			(INSTITUTE, MemberKind::CredentialIssuer, vec![Role::CredentialIssuer]),
			(REGISTRY_OFFICE, MemberKind::Citizen, vec![]),
			(EMPLOYER, MemberKind::Employer, vec![Role::Employer]),
			(HOLDER, MemberKind::Citizen, vec![]),
			(OTHER_CITIZEN, MemberKind::Citizen, vec![]),
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
			Credentials::do_try_state().expect("invariants hold");
		});
	}
}

/// Moves the chain to block `n`; the clock stays where it is.
pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}

/// Registers the test schema and authorises [`UNIVERSITY`] to issue it.
pub fn open_schema() {
	assert_ok!(Credentials::register_schema(
		RuntimeOrigin::root(),
		schema(),
		b"Bachelor degree".to_vec()
	));
	assert_ok!(Credentials::authorise_issuer(RuntimeOrigin::root(), schema(), UNIVERSITY));
}

/// Attests credential `n` by [`UNIVERSITY`] to [`HOLDER`], valid from a day ago for a year.
pub fn attest(n: u8) {
	assert_ok!(Credentials::attest(
		RuntimeOrigin::signed(UNIVERSITY),
		UNIVERSITY,
		credential(n),
		schema(),
		HOLDER,
		NOW - DAY,
		Some(NOW + 365 * DAY),
	));
}

/// The events of this pallet deposited so far.
pub fn credentials_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Credentials(event) => Some(event),
			_ => None,
		})
		.collect()
}
