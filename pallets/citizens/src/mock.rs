//! A runtime with the register, the clock it needs and root as the city.

use crate::{self as pallet_citizens, AuthenticationKey, GenesisMember, MemberKind, Role};
use frame_support::{derive_impl, traits::ConstU64};
use sp_core::{sr25519, Pair, H256};
use sp_runtime::{traits::IdentityLookup, AccountId32, BuildStorage};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Citizens: pallet_citizens,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId32;
	type Lookup = IdentityLookup<AccountId32>;
	type SS58Prefix = frame_support::traits::ConstU16<8282>;
	// The register's quota usage is all this test chain keeps of an account besides its nonce.
	type AccountData = crate::QuotaUsage<u64>;
}

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = ConstU64<1>;
	type WeightInfo = ();
}

/// The council's member [`COUNCILLOR`], whom only the city may act on.
pub struct Council;
impl frame_support::traits::Contains<AccountId32> for Council {
	fn contains(who: &AccountId32) -> bool {
		*who == account(COUNCILLOR)
	}
}

#[derive_impl(pallet_citizens::config_preludes::TestDefaultConfig)]
impl pallet_citizens::Config for Test {
	type CityOrigin = frame_system::EnsureRoot<AccountId32>;
	type ProtectedMembers = Council;
	type UnixTime = Timestamp;
	type AccountQuota = WholeAccountData;
	type CityOperational = CouncilOperational;
	type KeyRotationDelay = ConstU64<5>;
}

/// The quota usage is the whole of this test chain's account data.
pub struct WholeAccountData;
impl crate::AccountQuota<crate::QuotaUsage<u64>, u64> for WholeAccountData {
	fn usage(data: &crate::QuotaUsage<u64>) -> crate::QuotaUsage<u64> {
		*data
	}

	fn note(data: &mut crate::QuotaUsage<u64>, usage: crate::QuotaUsage<u64>) {
		*data = usage;
	}
}

/// The council member's operational calls are the city's.
pub struct CouncilOperational;
impl crate::CityOperational<AccountId32, RuntimeCall> for CouncilOperational {
	fn contains(who: &AccountId32, _: &RuntimeCall) -> bool {
		*who == account(COUNCILLOR)
	}
}

/// The key pair of test account `n`; the account is its sr25519 public key.
pub fn pair(n: u8) -> sr25519::Pair {
	sr25519::Pair::from_seed(&[n; 32])
}

/// Test account `n`.
pub fn account(n: u8) -> AccountId32 {
	pair(n).public().into()
}

/// The sr25519 authentication key of test account `n`.
pub fn key(n: u8) -> AuthenticationKey {
	AuthenticationKey::Sr25519(pair(n).public().0)
}

/// The evidence hash the tests register account `n` with.
pub fn evidence(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// The city's registrar.
pub const REGISTRAR: u8 = 1;
/// A second registrar.
pub const OTHER_REGISTRAR: u8 = 2;
/// A council member, registered as an agency without roles.
pub const COUNCILLOR: u8 = 3;
/// A citizen.
pub const CITIZEN: u8 = 10;
/// A merchant.
pub const MERCHANT: u8 = 20;
/// An account nobody registered.
pub const STRANGER: u8 = 99;
/// The genesis quota period.
pub const PERIOD: u64 = 10;
/// The genesis quota of a citizen.
pub const CITIZEN_QUOTA: u32 = 3;

/// Builds test externalities: two registrars and a councillor (agencies), a citizen and a
/// merchant, quota periods
/// of [`PERIOD`] blocks and [`CITIZEN_QUOTA`] transactions for citizens.
pub struct ExtBuilder {
	members: Vec<(u8, MemberKind, Vec<Role>)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			members: vec![
				(REGISTRAR, MemberKind::Agency, vec![Role::Registrar]),
				(OTHER_REGISTRAR, MemberKind::Agency, vec![Role::Registrar]),
				(COUNCILLOR, MemberKind::Agency, vec![]),
				(CITIZEN, MemberKind::Citizen, vec![]),
				(MERCHANT, MemberKind::Merchant, vec![Role::Merchant]),
			],
		}
	}
}

impl ExtBuilder {
	/// Starts without members.
	#[cfg(feature = "runtime-benchmarks")]
	pub fn empty() -> Self {
		Self { members: vec![] }
	}

	/// Builds the externalities at block 1, timestamp 1,000,000 ms.
	pub fn build(self) -> sp_io::TestExternalities {
		let storage = RuntimeGenesisConfig {
			system: Default::default(),
			citizens: pallet_citizens::GenesisConfig {
				members: self
					.members
					.into_iter()
					.map(|(n, kind, roles)| GenesisMember {
						account: account(n),
						kind,
						roles,
						evidence_hash: evidence(n),
						authentication_key: key(n),
					})
					.collect(),
				quota_period: PERIOD,
				quotas: vec![(MemberKind::Citizen, CITIZEN_QUOTA)],
				generated_citizens: 0,
			},
		}
		.build_storage()
		.expect("the test genesis is valid");
		let mut ext = sp_io::TestExternalities::new(storage);
		// The benchmarks sign with keys from a keystore.
		ext.register_extension(sp_keystore::KeystoreExt::new(
			sp_keystore::testing::MemoryKeystore::new(),
		));
		ext.execute_with(|| {
			System::set_block_number(1);
			Timestamp::set_timestamp(1_000_000);
		});
		ext
	}

	/// Builds the externalities and checks the invariants after `test`.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			crate::Pallet::<Test>::do_try_state().expect("invariants hold");
		});
	}
}

/// The events of this pallet deposited so far.
pub fn citizens_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Citizens(event) => Some(event),
			_ => None,
		})
		.collect()
}
