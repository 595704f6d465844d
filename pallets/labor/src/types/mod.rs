//! What the labour pallet stores and what its runtime API answers: contracts, time sheets and
//! the work history here; pay and statements in `types/pay.rs`.

mod pay;
pub use pay::{InsuranceRates, PaidAmounts, PayError, PayStatement, Payslip, StatementStatus};

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
