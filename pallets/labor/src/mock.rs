//! A runtime with the labour pallet, a clock, a register of members kept in memory and root as
//! the city.

use crate::{
	self as pallet_labor, calendar::Weekday, AllowanceKind, ContractId, Date, Hours, MemberKind,
	MinimumWage, PayMethod, Role, TermsOf, WorkingTime,
};
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
		Labor: pallet_labor,
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

#[derive_impl(pallet_labor::config_preludes::TestDefaultConfig)]
impl pallet_labor::Config for Test {
	type CityOrigin = frame_system::EnsureRoot<AccountId>;
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

/// A café with five or more employees, holding the employer role.
pub const EMPLOYER: AccountId = 1;
/// A shop with fewer than five employees, holding the employer role.
pub const SMALL_SHOP: AccountId = 2;
/// A business registered as an employer whose role was taken.
pub const FORMER_EMPLOYER: AccountId = 3;
/// A part-time worker, a citizen.
pub const WORKER: AccountId = 10;
/// Another citizen.
pub const OTHER_WORKER: AccountId = 11;
/// A labour inspector of the city's labour office.
pub const INSPECTOR: AccountId = 20;
/// An agency without the inspector's role.
pub const AGENCY: AccountId = 21;
/// The insurers of the four insurances, in the order of `Insurance::ALL`.
pub const INSURERS: [AccountId; 4] = [30, 31, 32, 33];
/// An account nobody registered.
pub const STRANGER: AccountId = 99;
/// A day in milliseconds.
pub const DAY: u64 = 86_400_000;
/// The clock at the start of every test: Monday 2026-03-02, 09:00 in Korea (00:00 UTC), in
/// milliseconds.
pub const NOW: u64 = 1_772_409_600_000;
/// The minimum wage in 2026: 10,320 won an hour.
pub const MINIMUM_2026: u64 = 10_320;
/// The minimum wage in 2025: 10,030 won an hour.
pub const MINIMUM_2025: u64 = 10_030;

/// A date that exists.
pub fn date(year: u16, month: u8, day: u8) -> Date {
	Date::new(year, month, day).expect("the test's dates exist")
}

/// The test's today: 2026-03-02, a Monday.
pub fn today() -> Date {
	date(2026, 3, 2)
}

/// Hours from `start` to `end` ("HH:MM" as minutes) with `break_minutes` of break.
pub fn hours(start: u16, end: u16, break_minutes: u16) -> Hours {
	Hours { start, end, break_minutes }
}

/// `h` hours and `m` minutes after midnight.
pub const fn at(h: u16, m: u16) -> u16 {
	h * 60 + m
}

/// Terms with `schedule`, `weekly_holiday` and the 2026 minimum wage, and every other term as the
/// law allows.
pub fn terms_with(schedule: &[(Weekday, Hours)], weekly_holiday: Option<Weekday>) -> TermsOf<Test> {
	TermsOf::<Test> {
		workplace: H256::repeat_byte(0xa1),
		duties: H256::repeat_byte(0xd1),
		schedule: schedule
			.iter()
			.map(|(day, hours)| WorkingTime { day: *day, hours: *hours })
			.collect::<Vec<_>>()
			.try_into()
			.expect("at most 14 working times"),
		weekly_holiday,
		hourly_wage: MINIMUM_2026,
		allowances: vec![crate::Allowance { kind: AllowanceKind::Meal, monthly: 100_000 }]
			.try_into()
			.expect("within the bound"),
		pay_day: 10,
		pay_method: PayMethod::BankTransfer,
		overtime_premium_percent: 50,
		five_or_more_employees: true,
		document: H256::repeat_byte(0xdc),
	}
}

/// 20 hours a week: Monday to Friday 10:00 to 14:30 with a 30-minute break; Sunday the paid
/// holiday.
pub fn twenty_hours() -> TermsOf<Test> {
	let day = hours(at(10, 0), at(14, 30), 30);
	terms_with(
		&[
			(Weekday::Monday, day),
			(Weekday::Tuesday, day),
			(Weekday::Wednesday, day),
			(Weekday::Thursday, day),
			(Weekday::Friday, day),
		],
		Some(Weekday::Sunday),
	)
}

/// 14 hours a week: Monday and Wednesday 10:00 to 17:30 with a 30-minute break; no paid holiday.
pub fn fourteen_hours() -> TermsOf<Test> {
	let day = hours(at(10, 0), at(17, 30), 30);
	terms_with(&[(Weekday::Monday, day), (Weekday::Wednesday, day)], None)
}

/// Builds test externalities at block 1 and [`NOW`] with the members above and the minimum wage
/// schedule of 2025 and 2026.
#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	/// Builds the externalities.
	pub fn build(self) -> sp_io::TestExternalities {
		Register::clear();
		for (who, kind, roles) in [
			(EMPLOYER, MemberKind::Employer, vec![Role::Employer]),
			(SMALL_SHOP, MemberKind::Merchant, vec![Role::Merchant, Role::Employer]),
			(FORMER_EMPLOYER, MemberKind::Employer, vec![]),
			(WORKER, MemberKind::Citizen, vec![]),
			(OTHER_WORKER, MemberKind::Citizen, vec![]),
			(INSPECTOR, MemberKind::Agency, vec![Role::LaborInspector]),
			(AGENCY, MemberKind::Agency, vec![]),
		]
		.into_iter()
		.chain(INSURERS.map(|insurer| (insurer, MemberKind::Insurer, vec![Role::Insurer])))
		{
			Register::add(&who, kind, &roles);
		}
		let storage = RuntimeGenesisConfig {
			labor: pallet_labor::GenesisConfig {
				minimum_wages: vec![
					MinimumWage { from: date(2025, 1, 1), hourly: MINIMUM_2025 },
					MinimumWage { from: date(2026, 1, 1), hourly: MINIMUM_2026 },
				],
				confirmation_days: 7,
				insurers: crate::Insurance::ALL.into_iter().zip(INSURERS).collect(),
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
		});
		ext
	}

	/// Builds the externalities and checks the invariants after `test`.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Labor::do_try_state().expect("invariants hold");
		});
	}
}

/// Moves the clock `days` days on.
pub fn pass_days(days: u64) {
	Timestamp::set_timestamp(Timestamp::get() + days * DAY);
}

/// [`EMPLOYER`] proposes `terms` to [`WORKER`] from `start` without an end date; returns the
/// contract's number.
pub fn propose(start: Date, terms: TermsOf<Test>) -> ContractId {
	let contract = crate::NextContractId::<Test>::get();
	assert_ok!(Labor::propose_contract(
		RuntimeOrigin::signed(EMPLOYER),
		WORKER,
		start,
		None,
		terms
	));
	contract
}

/// A contract of [`twenty_hours`] between [`EMPLOYER`] and [`WORKER`] from today, signed by both.
pub fn signed_contract() -> ContractId {
	let contract = propose(today(), twenty_hours());
	assert_ok!(Labor::accept_contract(RuntimeOrigin::signed(WORKER), contract));
	contract
}

/// The events of this pallet deposited so far.
pub fn labor_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Labor(event) => Some(event),
			_ => None,
		})
		.collect()
}
