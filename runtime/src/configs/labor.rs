//! Part-time work: contracts, time sheets and the minimum wage schedule.

use alloc::vec::Vec;
use frame_support::parameter_types;
use pallet_labor::{Date, MinimumWage};

use super::{CityOrigin, Runtime};
use crate::{Citizens, Timestamp};

/// The statutory hourly minimum wage at genesis (Minimum Wage Act; the Minister of Employment
/// and Labor's notices for 2025 and 2026): `(year, month, day, won)` from which each is in force.
/// The city adds each new year's with `Labor::set_minimum_wage`.
const STATUTORY_MINIMUM_WAGES: [(u16, u8, u8, u64); 2] =
	[(2025, 1, 1, 10_030), (2026, 1, 1, 10_320)];

/// The minimum wage schedule every network starts with.
pub fn statutory_minimum_wages() -> Vec<MinimumWage> {
	STATUTORY_MINIMUM_WAGES
		.iter()
		.filter_map(|&(year, month, day, hourly)| {
			Date::new(year, month, day).map(|from| MinimumWage { from, hourly })
		})
		.collect()
}

parameter_types! {
	/// Itemised allowances of one contract: meals, transport, position, qualifications and a few
	/// others.
	pub const MaxAllowances: u32 = 8;
	/// Shifts recorded for one contract on one day, withdrawn ones included: a split shift and
	/// corrections.
	pub const MaxShiftsPerDay: u32 = 4;
	/// Steps of the minimum wage schedule: one a year for decades.
	pub const MaxMinimumWageSteps: u32 = 64;
	/// Proposals an employer may have waiting for workers' answers: a large employer's seasonal
	/// hiring.
	pub const MaxOpenProposals: u32 = 200;
	/// Amendments of one contract: a raise every month for ten years.
	pub const MaxAmendments: u32 = 120;
}

impl pallet_labor::Config for Runtime {
	type CityOrigin = CityOrigin;
	type Registry = Citizens;
	type UnixTime = Timestamp;
	type MaxAllowances = MaxAllowances;
	type MaxShiftsPerDay = MaxShiftsPerDay;
	type MaxMinimumWageSteps = MaxMinimumWageSteps;
	type MaxOpenProposals = MaxOpenProposals;
	type MaxAmendments = MaxAmendments;
	type WeightInfo = pallet_labor::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::Clock;
}
