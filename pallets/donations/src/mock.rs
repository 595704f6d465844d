//! A runtime with the donations pallet, balances with holds, a clock, a register of members
//! kept in memory and root as the city.

use crate::{self as pallet_donations, *};
use frame_support::{assert_ok, derive_impl, traits::ConstU64};
use sp_core::H256;
use sp_runtime::{traits::IdentityLookup, BuildStorage};

type Block = frame_system::mocking::MockBlock<Test>;
/// Accounts are numbers in the tests.
pub type AccountId = u64;
/// S-coin amounts.
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Balances: pallet_balances,
		Donations: pallet_donations,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
	/// Priced reads and writes, so that idle time's budget means something.
	type DbWeight = frame_support::weights::constants::ParityDbWeight;
}

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = ConstU64<1>;
	type WeightInfo = ();
}

/// Below this an account is reaped.
pub const EXISTENTIAL_DEPOSIT: Balance = 5;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type ExistentialDeposit = frame_support::traits::ConstU128<EXISTENTIAL_DEPOSIT>;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// The register of members, kept in memory: kind, roles and whether active, by account.
pub use seoul_primitives::membership::testing::TestRegistry as Register;

#[derive_impl(pallet_donations::config_preludes::TestDefaultConfig)]
impl pallet_donations::Config for Test {
	type CityOrigin = frame_system::EnsureRoot<AccountId>;
	type Registry = Register;
	type Currency = Balances;
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

/// A registered charity, running the tests' campaigns.
pub const CHARITY: AccountId = 1;
/// Another registered charity.
pub const OTHER_CHARITY: AccountId = 2;
/// A member holding the charity role that has not registered its number.
pub const UNREGISTERED_CHARITY: AccountId = 3;
/// The district office's welfare team: an agency, the tests' reviewer.
pub const REVIEWER: AccountId = 4;
/// Another agency.
pub const OTHER_AGENCY: AccountId = 5;
/// Donors: citizens with [`ENDOWMENT`] each.
pub const DONOR: AccountId = 10;
/// Another donor.
pub const OTHER_DONOR: AccountId = 11;
/// A third donor.
pub const THIRD_DONOR: AccountId = 12;
/// An account nobody registered, with S-coin.
pub const STRANGER: AccountId = 99;
/// What each donor and the stranger start with.
pub const ENDOWMENT: Balance = 10_000;
/// The clock at the start of every test: 2026-11-23T00:00:00Z, in milliseconds.
pub const NOW: u64 = 1_795_392_000_000;
/// A day in milliseconds.
pub const DAY: u64 = 86_400_000;
/// The tests' registration number, 123-82-12348: the National Tax Service's rule gives 8 as
/// the check digit of 123-82-1234x.
pub const REGISTRATION: [u8; 10] = *b"1238212348";

/// Builds test externalities at block 1 and [`NOW`] with the members above, both charities
/// registered.
#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	/// Builds the externalities.
	pub fn build(self) -> sp_io::TestExternalities {
		Register::clear();
		for (who, kind, roles) in [
			(CHARITY, MemberKind::Charity, vec![Role::Charity]),
			(OTHER_CHARITY, MemberKind::Charity, vec![Role::Charity]),
			(UNREGISTERED_CHARITY, MemberKind::Charity, vec![Role::Charity]),
			(REVIEWER, MemberKind::Agency, vec![]),
			(OTHER_AGENCY, MemberKind::Agency, vec![]),
			(DONOR, MemberKind::Citizen, vec![]),
			(OTHER_DONOR, MemberKind::Citizen, vec![]),
			(THIRD_DONOR, MemberKind::Citizen, vec![]),
		] {
			Register::add(&who, kind, &roles);
		}
		let storage = RuntimeGenesisConfig {
			balances: pallet_balances::GenesisConfig {
				balances: [DONOR, OTHER_DONOR, THIRD_DONOR, STRANGER]
					.into_iter()
					.map(|who| (who, ENDOWMENT))
					.collect(),
				..Default::default()
			},
			..Default::default()
		}
		.build_storage()
		.expect("the genesis is valid");
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			Timestamp::set_timestamp(NOW);
			for charity in [CHARITY, OTHER_CHARITY] {
				assert_ok!(Donations::register_charity(
					RuntimeOrigin::signed(charity),
					REGISTRATION,
					DonationType::General
				));
			}
		});
		ext
	}

	/// Builds the externalities and checks the invariants after `test`.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Donations::do_try_state().expect("invariants hold");
		});
	}
}

/// Moves the chain to the next block and the clock `days` on.
pub fn pass_days(days: u64) {
	System::set_block_number(System::block_number() + 1);
	Timestamp::set_timestamp(Timestamp::get() + days * DAY);
}

/// The hash of text `n` (descriptions, evidence, reasons, bank references).
pub fn hash(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// A plan of milestones costing `amounts`.
pub fn plan(amounts: &[Balance]) -> PlanOf<Test> {
	amounts
		.iter()
		.enumerate()
		.map(|(n, amount)| (*amount, hash(0x10 + n as u8)))
		.collect::<Vec<_>>()
		.try_into()
		.expect("a plan within the bound")
}

/// Opens a campaign of [`CHARITY`], reviewed by [`REVIEWER`], for `milestones`, ending in 30
/// days, and returns its number.
pub fn open(mode: FundingMode, milestones: &[Balance]) -> CampaignId {
	let id = NextCampaignId::<Test>::get();
	assert_ok!(Donations::open_campaign(
		RuntimeOrigin::signed(CHARITY),
		milestones.iter().sum(),
		Timestamp::get() + 30 * DAY,
		mode,
		Reviewer::Agency(REVIEWER),
		hash(1),
		plan(milestones),
	));
	id
}

/// `donor` gives `amount` to `campaign`; returns the donation's number.
pub fn give(donor: AccountId, campaign: CampaignId, amount: Balance) -> DonationId {
	let id = NextDonationId::<Test>::get();
	assert_ok!(Donations::donate(RuntimeOrigin::signed(donor), campaign, amount));
	id
}

/// Passes the deadline of a campaign opened now and the cooling-off of a donation given then,
/// and closes it.
pub fn close(campaign: CampaignId) {
	pass_days(30 + 7);
	assert_ok!(Donations::close_campaign(RuntimeOrigin::signed(STRANGER), campaign));
}

/// The charity claims milestone `n` and the reviewer approves it, closing the campaign first if
/// it still raises.
pub fn release(campaign: CampaignId, n: MilestoneIndex) {
	if Campaigns::<Test>::get(campaign).map(|record| record.status)
		== Some(CampaignStatus::Fundraising)
	{
		close(campaign);
	}
	assert_ok!(Donations::claim_milestone(RuntimeOrigin::signed(CHARITY), campaign, n, hash(0x20)));
	assert_ok!(Donations::approve_milestone(RuntimeOrigin::signed(REVIEWER), campaign, n));
}

/// The free balance of `who`.
pub fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

/// The events of this pallet deposited so far.
pub fn donation_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Donations(event) => Some(event),
			_ => None,
		})
		.collect()
}
