//! What the pay the chain computes and the pay statements store and answer.

use crate::calendar::Date;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;

use super::Won;

/// The workers' shares of the social insurance premiums that a pay statement deducts, in parts
/// per million of the gross pay, and the bounds of the monthly income the National Pension is
/// levied on. The city keeps them; each year's are announced by the insurers.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct InsuranceRates {
	/// National Pension, the worker's share (2026: 4.75 %, 47,500).
	pub pension_ppm: u32,
	/// National Health Insurance, the worker's share (2026: 3.595 %, 35,950).
	pub health_ppm: u32,
	/// Long-term care insurance, of the health premium (2026: 13.14 %, 131,400).
	pub long_term_care_ppm: u32,
	/// Employment insurance, the worker's share (2026: 0.9 %, 9,000).
	pub employment_ppm: u32,
	/// The lowest monthly income the pension is levied on (July 2025 to June 2026: 400,000 won).
	pub pension_income_floor: Won,
	/// The highest monthly income the pension is levied on (July 2025 to June 2026: 6,370,000
	/// won).
	pub pension_income_ceiling: Won,
}

impl Default for InsuranceRates {
	/// The 2026 rates.
	fn default() -> Self {
		Self {
			pension_ppm: 47_500,
			health_ppm: 35_950,
			long_term_care_ppm: 131_400,
			employment_ppm: 9_000,
			pension_income_floor: 400_000,
			pension_income_ceiling: 6_370_000,
		}
	}
}

/// What the chain computes a worker is owed for a pay period, from the shifts that count and the
/// terms in force on each day. Amounts in won, each line rounded down to the won; premiums
/// rounded down to 10 won, as the insurers levy them.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Payslip {
	/// The first day of the period.
	pub from: Date,
	/// The last day of the period.
	pub to: Date,
	/// Minutes worked in shifts that count.
	pub worked_minutes: u32,
	/// Minutes worked beyond each day's contractual hours, holidays aside.
	pub overtime_minutes: u32,
	/// Minutes worked between 22:00 and 06:00 (premium in workplaces of five or more).
	pub night_minutes: u32,
	/// Minutes worked on paid holidays, up to 8 hours a day (premium in workplaces of five or
	/// more).
	pub holiday_minutes: u32,
	/// Minutes worked on paid holidays beyond 8 hours a day.
	pub holiday_extra_minutes: u32,
	/// Weeks whose weekly paid holiday is paid.
	pub paid_weeks: u32,
	/// Public holidays paid without work.
	pub paid_public_holidays: u32,
	/// The hourly wage on every minute worked.
	pub base_pay: Won,
	/// The overtime premium: the contract's rate on overtime minutes.
	pub overtime_premium: Won,
	/// The night premium: 50 % on night minutes.
	pub night_premium: Won,
	/// The holiday premium: 50 % up to 8 hours a day, 100 % beyond.
	pub holiday_premium: Won,
	/// The weekly paid holiday allowance: contractual weekly hours / 40 × 8 hours of wage for
	/// each paid week.
	pub weekly_holiday_allowance: Won,
	/// The day's contractual hours of wage for each public holiday paid without work.
	pub public_holiday_pay: Won,
	/// The contract's monthly allowances, pro rata to the days of each month in the period.
	pub allowances: Won,
	/// Everything above.
	pub gross: Won,
	/// Whether the contract's monthly hours (60 or more) require the National Pension, health and
	/// employment insurances, so that their premiums are deducted.
	pub insured: bool,
	/// The worker's National Pension premium.
	pub pension: Won,
	/// The worker's health insurance premium.
	pub health: Won,
	/// The worker's long-term care premium.
	pub long_term_care: Won,
	/// The worker's employment insurance premium.
	pub employment: Won,
	/// The premiums together.
	pub deductions: Won,
	/// The gross pay less the deductions.
	pub net: Won,
	/// Whether a week of the period had more than 12 hours of overtime, the legal weekly limit.
	pub overtime_limit_exceeded: bool,
	/// Shifts of the period that do not count yet: waiting for confirmation or disputed. A pay
	/// statement cannot be issued while there are any.
	pub unconfirmed_shifts: u32,
}

/// Why the chain could not compute a pay statement.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	serde::Serialize,
)]
#[serde(rename_all = "camelCase")]
pub enum PayError {
	/// No contract has this number.
	UnknownContract,
	/// The contract was never signed.
	NotSigned,
	/// A date does not exist, the period ends before it starts, or it is longer than 31 days.
	InvalidPeriod,
}

/// What an employer says it paid for a period: the totals of its pay slip.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
)]
#[serde(rename_all = "camelCase")]
pub struct PaidAmounts {
	/// The gross pay.
	pub gross: Won,
	/// What was deducted.
	pub deductions: Won,
	/// What the worker received: the gross pay less the deductions.
	pub net: Won,
}

/// Where a pay statement stands with the worker.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
)]
#[serde(rename_all = "camelCase")]
pub enum StatementStatus {
	/// The employer issued it; the worker has not answered.
	Issued,
	/// The worker acknowledged it.
	Acknowledged,
	/// The worker disputed it, for the reasons whose hash is given.
	Disputed(H256),
}

/// A pay statement (LSA Art. 48(2): compulsory with every payment of wages): what the employer
/// paid, what the chain computed, and the shortfall if the employer paid less.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
)]
#[serde(rename_all = "camelCase")]
pub struct PayStatement {
	/// The last day of the period; it starts on the day the statement is keyed by.
	pub to: Date,
	/// What the employer paid.
	pub paid: PaidAmounts,
	/// The hash of the pay slip handed to the worker.
	pub slip: H256,
	/// What the chain computed when the statement was issued.
	pub computed: Payslip,
	/// How much less gross pay the employer paid than the chain computed; zero if none.
	pub shortfall: Won,
	/// Where it stands with the worker.
	pub status: StatementStatus,
}
