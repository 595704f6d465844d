//! What the labour pallet stores and what its runtime API answers.

use crate::calendar::{Date, Weekday, MINUTES_PER_DAY};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use scale_info::TypeInfo;
use sp_core::{ConstU32, Get, H256};

/// An amount of Korean won.
pub type Won = u64;

/// A contract's number, from 0.
pub type ContractId = u64;

/// The most working times in a weekly schedule: two shifts a day.
pub type MaxWorkingTimes = ConstU32<14>;

/// A daily working time of a weekly schedule, or the times of one shift, in minutes from
/// midnight. An `end` at or before `start` falls on the next day (a night shift).
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
pub struct Hours {
	/// When work starts, 0 to 1,439.
	pub start: u16,
	/// When work ends, 0 to 1,439.
	pub end: u16,
	/// The unpaid break within, in minutes.
	pub break_minutes: u16,
}

impl Hours {
	/// Whether the times are minutes of a day.
	pub fn is_valid(&self) -> bool {
		self.start < MINUTES_PER_DAY && self.end < MINUTES_PER_DAY
	}

	/// Minutes from start to end, across midnight if `end` is not after `start` (24 hours when
	/// they are equal).
	pub fn span(&self) -> u16 {
		if self.end > self.start {
			self.end - self.start
		} else {
			MINUTES_PER_DAY - self.start + self.end
		}
	}

	/// Minutes worked: the span less the break; zero if the break fills it.
	pub fn worked(&self) -> u16 {
		self.span().saturating_sub(self.break_minutes)
	}
}

/// A working time of the weekly schedule: a day and the hours worked on it.
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
pub struct WorkingTime {
	/// The day the work starts on.
	pub day: Weekday,
	/// The hours.
	pub hours: Hours,
}

/// What an allowance is paid for.
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
pub enum AllowanceKind {
	/// Meals.
	Meal,
	/// Commuting.
	Transport,
	/// A position or responsibility.
	Position,
	/// Skills or licences.
	Qualification,
	/// Another allowance, named in the contract document.
	Other,
}

/// An itemised allowance, paid each month on top of the hourly wage.
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
pub struct Allowance {
	/// What it is for.
	pub kind: AllowanceKind,
	/// Won a month.
	pub monthly: Won,
}

/// How wages are paid (the Labor Standards Act, Art. 43, requires currency, paid directly).
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
pub enum PayMethod {
	/// Into the worker's bank account.
	BankTransfer,
	/// In cash, to the worker.
	Cash,
}

/// The terms of a part-time contract that the law requires in writing (Labor Standards Act
/// Art. 17; Fixed-term and Part-time Workers Act Art. 17), without personal data: places and
/// duties by the hash of their description, the full document by its hash.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
)]
#[serde(rename_all = "camelCase")]
#[scale_info(skip_type_params(MaxAllowances))]
#[serde(bound(serialize = ""))]
pub struct Terms<MaxAllowances: Get<u32>> {
	/// The hash of the place of work's description.
	pub workplace: H256,
	/// The hash of the duties' description.
	pub duties: H256,
	/// The working days and their hours, at most two a day, none overlapping.
	pub schedule: BoundedVec<WorkingTime, MaxWorkingTimes>,
	/// The weekly paid holiday (Labor Standards Act Art. 55): due from 15 contractual hours a
	/// week, and then a day without work; none below.
	pub weekly_holiday: Option<Weekday>,
	/// The hourly wage, in won.
	pub hourly_wage: Won,
	/// The itemised allowances.
	pub allowances: BoundedVec<Allowance, MaxAllowances>,
	/// The day of the month wages are paid, 1 to 31 (the month's last day in shorter months).
	pub pay_day: u8,
	/// How wages are paid.
	pub pay_method: PayMethod,
	/// The premium on hours beyond the contractual ones, in percent of the hourly wage: at least
	/// 50 in a workplace of five or more (Fixed-term and Part-time Workers Act Art. 6(3); the Act
	/// applies from five employees).
	pub overtime_premium_percent: u16,
	/// Whether the workplace has five or more employees: night and holiday premiums (Labor
	/// Standards Act Art. 56) apply only then.
	pub five_or_more_employees: bool,
	/// The hash of the full contract document, kept off chain by both sides.
	pub document: H256,
}

/// One side of a contract.
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
pub enum Party {
	/// The employer.
	Employer,
	/// The worker.
	Worker,
}

impl Party {
	/// The other side.
	pub fn other(self) -> Self {
		match self {
			Party::Employer => Party::Worker,
			Party::Worker => Party::Employer,
		}
	}
}

/// Why a contract ended before its end date.
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
pub enum EndReason {
	/// The worker resigned.
	Resignation,
	/// The employer dismissed the worker.
	Dismissal,
	/// Both sides agreed.
	MutualAgreement,
	/// The business closed or stopped the work.
	BusinessClosure,
	/// Another reason, in the documents kept off chain.
	Other,
}

/// Where a contract stands.
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
pub enum ContractStatus {
	/// The employer proposed it; the worker has not accepted it.
	Proposed,
	/// Both sides signed it; it binds from its start date to its end date.
	Signed,
	/// A side ended it, with `last_day` its last day of work.
	Ended {
		/// The side that ended it.
		by: Party,
		/// Why.
		reason: EndReason,
		/// Its last day.
		last_day: Date,
	},
}

/// A part-time contract between an employer and a worker.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
)]
#[scale_info(skip_type_params(MaxAllowances))]
#[serde(rename_all = "camelCase")]
#[serde(bound(serialize = "AccountId: serde::Serialize"))]
pub struct Contract<AccountId, MaxAllowances: Get<u32>>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The employer, a member holding the employer role.
	pub employer: AccountId,
	/// The worker, a citizen.
	pub worker: AccountId,
	/// The first day of the contract.
	pub start: Date,
	/// The last day of the contract; `None` for a contract without a fixed term.
	pub end: Option<Date>,
	/// The terms in force.
	pub terms: Terms<MaxAllowances>,
	/// The day the terms in force took effect: the start date, or the day the latest amendment
	/// was signed (the terms it replaced are kept in `PastTerms`).
	pub terms_from: Date,
	/// The contractual minutes of work a week, from the schedule.
	pub weekly_minutes: u32,
	/// Whether the weekly paid holiday and annual leave are due: 15 contractual hours a week or
	/// more (Labor Standards Act Art. 18(3)).
	pub paid_holiday_and_leave: bool,
	/// Where it stands.
	pub status: ContractStatus,
	/// How many amendments both sides signed.
	pub amendments: u16,
}

impl<AccountId, MaxAllowances> Contract<AccountId, MaxAllowances>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxAllowances: Get<u32>,
{
	/// The side `who` is on, if any.
	pub fn party(&self, who: &AccountId) -> Option<Party> {
		if *who == self.employer {
			Some(Party::Employer)
		} else if *who == self.worker {
			Some(Party::Worker)
		} else {
			None
		}
	}

	/// The account on side `party`.
	pub fn account(&self, party: Party) -> &AccountId {
		match party {
			Party::Employer => &self.employer,
			Party::Worker => &self.worker,
		}
	}

	/// The contract's last day: the day a side ended it on, or its end date.
	pub fn last_day(&self) -> Option<Date> {
		match self.status {
			ContractStatus::Ended { last_day, .. } => Some(last_day),
			_ => self.end,
		}
	}

	/// Whether both sides signed it and `date` lies in its term.
	pub fn binds_on(&self, date: Date) -> bool {
		self.status != ContractStatus::Proposed
			&& self.start <= date
			&& self.last_day().is_none_or(|last| date <= last)
	}
}

/// An amendment one side proposed, waiting for the other's signature.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
)]
#[scale_info(skip_type_params(MaxAllowances))]
#[serde(rename_all = "camelCase")]
#[serde(bound(serialize = ""))]
pub struct Amendment<MaxAllowances: Get<u32>> {
	/// The side that proposed it.
	pub proposed_by: Party,
	/// The new end date.
	pub end: Option<Date>,
	/// The new terms.
	pub terms: Terms<MaxAllowances>,
}

/// Where a recorded shift stands.
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
pub enum ShiftStatus {
	/// One side recorded it; the other may confirm or dispute it until the confirmation
	/// deadline, after which it counts as confirmed.
	Recorded,
	/// The other side confirmed it.
	Confirmed,
	/// The other side disputed it, for the reason whose hash is given; a labour inspector rules.
	Disputed(H256),
	/// A labour inspector ruled on the dispute: the shift's hours are the ruling's, for the
	/// reasons whose hash is given.
	Ruled(H256),
	/// A labour inspector ruled that the shift did not happen, for the reasons whose hash is
	/// given.
	Struck(H256),
	/// Its recorder withdrew it before the other side answered.
	Withdrawn,
}

/// A shift in a contract's time sheet.
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
pub struct Shift {
	/// The hours worked, from the day the shift is recorded under.
	pub hours: Hours,
	/// The side that recorded it.
	pub recorded_by: Party,
	/// When the other side's silence confirms it, in milliseconds since the Unix epoch.
	pub confirms_at: u64,
	/// Where it stands.
	pub status: ShiftStatus,
}

impl Shift {
	/// Whether it still stands in the time sheet: neither withdrawn nor struck.
	pub fn stands(&self) -> bool {
		!matches!(self.status, ShiftStatus::Withdrawn | ShiftStatus::Struck(_))
	}

	/// Whether it counts as worked at `now` (milliseconds since the Unix epoch): confirmed,
	/// ruled, or recorded and left undisputed past its deadline.
	pub fn is_confirmed_at(&self, now: u64) -> bool {
		match self.status {
			ShiftStatus::Confirmed | ShiftStatus::Ruled(_) => true,
			ShiftStatus::Recorded => now >= self.confirms_at,
			ShiftStatus::Disputed(_) | ShiftStatus::Struck(_) | ShiftStatus::Withdrawn => false,
		}
	}
}

/// A step of the minimum wage schedule: the hourly minimum in force from a date.
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
pub struct MinimumWage {
	/// The first day it is in force.
	pub from: Date,
	/// Won an hour.
	pub hourly: Won,
}

/// Where a contract stands today, as the runtime API tells it.
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
pub enum Standing {
	/// Proposed, waiting for the worker's signature.
	Proposed,
	/// Signed; its start date is still to come.
	NotStarted,
	/// Signed and binding today.
	InForce,
	/// Past its last day: its end date, or the day a side ended it on.
	Over,
}

/// A contract as the runtime API answers it: the record, the amendment waiting for a signature,
/// and where it stands on `today`.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	TypeInfo,
	serde::Serialize,
)]
#[serde(rename_all = "camelCase")]
#[scale_info(skip_type_params(MaxAllowances))]
#[serde(bound(serialize = "AccountId: serde::Serialize"))]
pub struct ContractRecord<AccountId, MaxAllowances: Get<u32>>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The contract.
	pub contract: Contract<AccountId, MaxAllowances>,
	/// The amendment waiting for a signature, if any.
	pub amendment: Option<Amendment<MaxAllowances>>,
	/// Where it stands today.
	pub standing: Standing,
	/// Today's date in Korea by the chain's clock.
	pub today: Date,
}

/// A shift of a time sheet as the runtime API answers it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimesheetEntry {
	/// The day it is recorded under.
	pub date: Date,
	/// Its index in that day: its identifier in calls.
	pub index: u32,
	/// The shift.
	pub shift: Shift,
	/// Whether it counts as worked now: confirmed, ruled, or undisputed past its deadline.
	pub counts: bool,
}

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

/// One contract of a worker's work history, as the runtime API answers it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry<AccountId> {
	/// The employer.
	pub employer: AccountId,
	/// The contract's first day.
	pub start: Date,
	/// Its last day: the day a side ended it on, or its end date; `None` without one.
	pub last_day: Option<Date>,
	/// Where it stands today.
	pub standing: Standing,
	/// Its contractual minutes a week, as the terms in force say.
	pub weekly_minutes: u32,
	/// The minutes of every shift that counts now.
	pub confirmed_minutes: u64,
	/// How many pay statements the employer issued.
	pub statements: u32,
	/// The gross pay they state, together.
	pub paid_gross: Won,
	/// The shortfalls they record, together.
	pub shortfall: Won,
}
