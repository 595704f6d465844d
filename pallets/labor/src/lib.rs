//! # Labor
//!
//! Part-time work that both sides and the city's labour office can check: contracts with the
//! terms Korean law requires in writing, signed by the employer and the worker with their own
//! transactions, and time sheets that neither side can rewrite alone. What a part-time worker
//! loses today is what nobody can check later (a contract never handed over, hours the employer
//! does not acknowledge); here each step is a signed, dated record. No personal data is on chain:
//! places, duties and documents by their hashes; people by their Citizens Card accounts.
//!
//! ## Overview
//!
//! - **Contracts.** A member holding [`Role::Employer`] proposes a contract to a citizen
//!   ([`Terms`]: term, workplace and duties by hash, the weekly schedule, the weekly paid holiday,
//!   the hourly wage and allowances, pay day and method, the overtime premium, whether the
//!   workplace has five or more employees, and the hash of the full document). It binds only once
//!   the worker accepts it with its own transaction. Amendments need both sides the same way;
//!   either side ends a contract with a reason code; a contract with an end date ends by itself
//!   after that day.
//! - **Checks at signing** ([`Pallet::check_terms`]), when proposed and again when accepted: the
//!   hourly wage is at least the minimum wage in force on the day the terms take effect
//!   ([`MinimumWages`], a schedule the city keeps); the schedule is sane (valid times, no
//!   overlapping shifts, breaks as the Labor Standards Act Art. 54 requires); the contractual
//!   weekly hours are computed and stored; from 15 hours a week a weekly paid holiday on a day
//!   without work is required, below 15 hours none is due and the contract says so (Art. 18(3)).
//! - **Time sheets.** Either side records a shift worked on a day the contract binds; the other
//!   confirms it or disputes it with the hash of its reasons. A shift nobody disputes within the
//!   city's confirmation period ([`ConfirmationDays`], 7 days by default) counts as confirmed, so
//!   one side's silence cannot erase hours. A member holding [`Role::LaborInspector`] (granted by
//!   the city only) rules on a dispute with corrected hours, or strikes the shift, and the hash of
//!   the ruling. Records are never deleted: a recorder withdraws a shift it recorded by mistake
//!   while the other side has not answered, and the withdrawn record stays.
//!
//! - **Pay computed by the chain** ([`Pallet::compute_pay`], the runtime API's `pay`): for a
//!   contract and a period of up to a month, from the shifts that count and the terms in force on
//!   each day (an amendment keeps the terms it replaced in [`PastTerms`]): base pay; the
//!   contract's overtime premium beyond each day's contractual hours (the weekly 12-hour limit
//!   flagged); in workplaces of five or more, 50 % at night (22:00–06:00) and on paid holidays
//!   (100 % beyond 8 hours) and public holidays ([`PublicHolidays`], the city's list) paid; the
//!   weekly paid holiday allowance for each week of 15 contractual hours or more whose
//!   contractual days were all worked; the monthly allowances pro rata; and, from 60 contractual
//!   hours a month, the worker's insurance premiums at the city's rates
//!   ([`CurrentInsuranceRates`]).
//!
//! Dates are calendar dates in Korea ([`calendar`]); the chain's clock decides what "today" is.
//!
//! ## Interface
//!
//! ### City calls ([`Config::CityOrigin`])
//! - [`Pallet::set_minimum_wage`], [`Pallet::set_confirmation_period`],
//!   [`Pallet::set_public_holiday`], [`Pallet::set_insurance_rates`].
//!
//! ### Employers (members holding [`Role::Employer`])
//! - [`Pallet::propose_contract`], [`Pallet::withdraw_proposal`].
//!
//! ### Workers (active citizens)
//! - [`Pallet::accept_contract`], [`Pallet::decline_contract`].
//!
//! ### Either side of a signed contract
//! - [`Pallet::propose_amendment`], [`Pallet::accept_amendment`], [`Pallet::cancel_amendment`],
//!   [`Pallet::end_contract`].
//! - [`Pallet::record_shift`], [`Pallet::confirm_shift`], [`Pallet::dispute_shift`],
//!   [`Pallet::withdraw_shift`].
//!
//! ### Labour inspectors (members holding [`Role::LaborInspector`])
//! - [`Pallet::rule_on_shift`].
//!
//! ### Runtime API
//! - [`runtime_api::LaborApi`]: a contract, a member's contracts, a time sheet, the minimum wage
//!   on a date, the pay for a period.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod calls;
mod contracts;
pub mod insurance;
pub mod migrations;
#[cfg(test)]
mod mock;
mod pay;
mod reads;
pub mod runtime_api;
mod statements;
#[cfg(test)]
mod tests;
mod timesheet;
#[cfg(any(feature = "try-runtime", test))]
mod try_state;
pub mod types;
pub mod weights;

pub use calendar::{Date, Weekday};
pub use insurance::{Enrolment, EnrolmentStatus, Insurance};
pub use pallet::*;
pub use pay::MAX_PAY_PERIOD_DAYS;
/// Calendar dates in Korea, shared with the other pallets that count them.
pub use seoul_primitives::calendar;
pub use seoul_primitives::membership::{MemberKind, MemberRegistry, Role};
pub use seoul_primitives::{Page, MAX_PAGE_SIZE};
pub use types::{
	Allowance, AllowanceKind, Amendment, Contract, ContractId, ContractRecord, ContractStatus,
	EndReason, HistoryEntry, Hours, InsuranceRates, MinimumWage, PaidAmounts, Party, PayError,
	PayMethod, PayStatement, Payslip, Shift, ShiftStatus, Standing, StatementStatus, Terms,
	TimesheetEntry, Won, WorkingTime,
};
pub use weights::WeightInfo;

use frame_support::{pallet_macros::import_section, traits::UnixTime};

/// The labour pallet.
#[import_section(calls::calls)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_core::H256;

	/// The storage layout's version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// Default configuration for tests, so that mocks only name what they change.
	pub mod config_preludes {
		use super::*;
		use frame_support::derive_impl;

		/// Test defaults: small bounds, so that tests reach them.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type MaxAllowances = ConstU32<4>;
			type MaxShiftsPerDay = ConstU32<3>;
			type MaxMinimumWageSteps = ConstU32<4>;
			type MaxOpenProposals = ConstU32<3>;
			type MaxAmendments = ConstU32<4>;
			type WeightInfo = ();
		}
	}

	/// Configuration of the labour pallet.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// The city: keeps the minimum wage schedule and sets the confirmation period.
		#[pallet::no_default]
		type CityOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The Citizens Card register: who is an active citizen, who holds the employer and the
		/// labour-inspector roles.
		#[pallet::no_default]
		type Registry: MemberRegistry<Self::AccountId>;

		/// The clock that decides today's date and the confirmation deadlines.
		#[pallet::no_default]
		type UnixTime: UnixTime;

		/// Most itemised allowances in a contract.
		#[pallet::constant]
		type MaxAllowances: Get<u32>;

		/// Most shifts recorded for one contract on one day, withdrawn ones included.
		#[pallet::constant]
		type MaxShiftsPerDay: Get<u32>;

		/// Most steps in the minimum wage schedule.
		#[pallet::constant]
		type MaxMinimumWageSteps: Get<u32>;

		/// Most contracts an employer may have proposed and not yet had accepted or declined, so
		/// that no employer fills the state with proposals.
		#[pallet::constant]
		type MaxOpenProposals: Get<u32>;

		/// Most amendments a contract may have; each keeps the terms it replaced, for the pay of
		/// the days before it.
		#[pallet::constant]
		type MaxAmendments: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// What the benchmarks need of the runtime: moving its clock.
		#[cfg(feature = "runtime-benchmarks")]
		#[pallet::no_default]
		type BenchmarkHelper: seoul_primitives::BenchmarkClock;
	}

	/// A contract in this runtime.
	pub type ContractOf<T> =
		Contract<<T as frame_system::Config>::AccountId, <T as Config>::MaxAllowances>;

	/// Contract terms in this runtime.
	pub type TermsOf<T> = Terms<<T as Config>::MaxAllowances>;

	/// An amendment in this runtime.
	pub type AmendmentOf<T> = Amendment<<T as Config>::MaxAllowances>;

	/// A day's shifts of one contract in this runtime.
	pub type DayShifts<T> = BoundedVec<Shift, <T as Config>::MaxShiftsPerDay>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The minimum wage schedule, by date: each step's hourly minimum is in force from its date
	/// until the next step's.
	#[pallet::storage]
	pub type MinimumWages<T: Config> =
		StorageValue<_, BoundedVec<MinimumWage, T::MaxMinimumWageSteps>, ValueQuery>;

	/// The default confirmation period: 7 days.
	pub struct DefaultConfirmationDays;
	impl Get<u32> for DefaultConfirmationDays {
		fn get() -> u32 {
			7
		}
	}

	/// How many days after a shift is recorded the other side's silence confirms it.
	#[pallet::storage]
	pub type ConfirmationDays<T: Config> =
		StorageValue<_, u32, ValueQuery, DefaultConfirmationDays>;

	/// The number the next proposed contract gets.
	#[pallet::storage]
	pub type NextContractId<T: Config> = StorageValue<_, ContractId, ValueQuery>;

	/// Every contract, proposed or signed, by number. Signed contracts are kept for good: they are
	/// the worker's work history. Twox64Concat, because the numbers are the chain's own.
	#[pallet::storage]
	pub type Contracts<T: Config> = StorageMap<_, Twox64Concat, ContractId, ContractOf<T>>;

	/// The contracts of each member, employer or worker, and its side in each.
	#[pallet::storage]
	pub type ContractsOf<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		ContractId,
		Party,
		OptionQuery,
	>;

	/// How many proposals each employer has open, at most [`Config::MaxOpenProposals`].
	#[pallet::storage]
	pub type OpenProposals<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The amendment waiting for the other side's signature, by contract.
	#[pallet::storage]
	pub type Amendments<T: Config> = StorageMap<_, Twox64Concat, ContractId, AmendmentOf<T>>;

	/// The terms each amendment replaced, by contract and amendment number (from 0), with the
	/// day they took effect: the pay of a day is computed with the terms in force on it.
	#[pallet::storage]
	pub type PastTerms<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ContractId, Twox64Concat, u16, (Date, TermsOf<T>)>;

	/// The public holidays the city listed (the Regulations on Holidays of Government Offices,
	/// substitute holidays and election days included): paid holidays in workplaces of five or
	/// more.
	#[pallet::storage]
	pub type PublicHolidays<T: Config> = StorageMap<_, Twox64Concat, Date, ()>;

	/// The workers' shares of the insurance premiums that pay statements deduct; the 2026 rates
	/// until the city sets others.
	#[pallet::storage]
	pub type CurrentInsuranceRates<T: Config> = StorageValue<_, InsuranceRates, ValueQuery>;

	/// Each contract's pay statements, by the first day of their period. Twox64Concat, because
	/// the keys are the chain's own numbers and dates its members cannot aim.
	#[pallet::storage]
	pub type PayStatements<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ContractId, Twox64Concat, Date, PayStatement>;

	/// The last day the pay statements of each contract cover: the next statement starts after
	/// it, so that no period is stated twice.
	#[pallet::storage]
	pub type PaidUntil<T: Config> = StorageMap<_, Twox64Concat, ContractId, Date>;

	/// The insurer that receives the acquisition and loss reports of each insurance: a member
	/// holding [`Role::Insurer`], named by the city.
	#[pallet::storage]
	pub type Insurers<T: Config> = StorageMap<_, Twox64Concat, Insurance, T::AccountId>;

	/// Each contract's enrolments in the insurances it requires, noted when it is signed (or
	/// amended into requiring more).
	#[pallet::storage]
	pub type Enrolments<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ContractId, Twox64Concat, Insurance, Enrolment>;

	/// The enrolments whose acquisition the employer has still to report (due, or refused), with
	/// their deadline: the index the overdue list reads.
	#[pallet::storage]
	pub type DueEnrolments<T: Config> = StorageMap<_, Twox64Concat, (ContractId, Insurance), Date>;

	/// Each contract's time sheet: the shifts recorded under each day, in the order recorded
	/// (a shift's index in its day is its identifier).
	#[pallet::storage]
	pub type Timesheets<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ContractId, Twox64Concat, Date, DayShifts<T>, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The minimum wage schedule.
		pub minimum_wages: alloc::vec::Vec<MinimumWage>,
		/// The insurer of each insurance.
		pub insurers: alloc::vec::Vec<(Insurance, T::AccountId)>,
		/// The confirmation period in days; the default (7) if zero.
		pub confirmation_days: u32,
		#[serde(skip)]
		/// Ties the configuration to its runtime.
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for step in &self.minimum_wages {
				Pallet::<T>::set_minimum_wage_step(*step)
					.expect("the genesis minimum wage schedule is valid and within its bound");
			}
			if self.confirmation_days > 0 {
				ConfirmationDays::<T>::put(self.confirmation_days);
			}
			for (insurance, insurer) in &self.insurers {
				Insurers::<T>::insert(insurance, insurer);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The city set the minimum wage in force from `from`.
		MinimumWageSet { from: Date, hourly: Won },
		/// The city set the confirmation period.
		ConfirmationPeriodSet { days: u32 },
		/// The city listed a public holiday, or took it off the list.
		PublicHolidaySet { date: Date, holiday: bool },
		/// The city set the insurance rates pay statements deduct.
		InsuranceRatesSet { rates: InsuranceRates },
		/// The employer issued a pay statement; `shortfall` is how much less gross pay it paid
		/// than the chain computed.
		PayStatementIssued {
			contract: ContractId,
			from: Date,
			to: Date,
			gross: Won,
			shortfall: Won,
		},
		/// The worker acknowledged a pay statement.
		PayStatementAcknowledged { contract: ContractId, from: Date },
		/// The worker disputed a pay statement.
		PayStatementDisputed { contract: ContractId, from: Date, reason: H256 },
		/// The city named the insurer of an insurance.
		InsurerSet { insurance: Insurance, insurer: T::AccountId },
		/// The employer reported the worker's acquisition to the insurers of `insurances`.
		AcquisitionReported { contract: ContractId, insurances: BoundedVec<Insurance, ConstU32<4>> },
		/// The employer reported the loss to the insurers of `insurances`.
		LossReported { contract: ContractId, insurances: BoundedVec<Insurance, ConstU32<4>> },
		/// An insurer answered a report: the enrolment's new status.
		ReportAnswered { contract: ContractId, insurance: Insurance, status: EnrolmentStatus },
		/// An employer proposed a contract to a worker.
		ContractProposed {
			contract: ContractId,
			employer: T::AccountId,
			worker: T::AccountId,
			document: H256,
		},
		/// The employer withdrew its proposal; the record is gone.
		ProposalWithdrawn { contract: ContractId },
		/// The worker declined the proposal; the record is gone.
		ContractDeclined { contract: ContractId },
		/// The worker accepted the proposal: both sides signed the contract.
		ContractSigned {
			contract: ContractId,
			employer: T::AccountId,
			worker: T::AccountId,
			document: H256,
			weekly_minutes: u32,
		},
		/// A side proposed an amendment.
		AmendmentProposed { contract: ContractId, by: Party, document: H256 },
		/// The other side signed the amendment; its terms are in force.
		ContractAmended { contract: ContractId, document: H256, weekly_minutes: u32 },
		/// A side cancelled the amendment waiting for a signature.
		AmendmentCancelled { contract: ContractId, by: Party },
		/// A side ended the contract.
		ContractEnded { contract: ContractId, by: Party, reason: EndReason, last_day: Date },
		/// A side recorded a shift.
		ShiftRecorded { contract: ContractId, date: Date, index: u32, by: Party, hours: Hours },
		/// The other side confirmed a shift.
		ShiftConfirmed { contract: ContractId, date: Date, index: u32 },
		/// The other side disputed a shift.
		ShiftDisputed { contract: ContractId, date: Date, index: u32, reason: H256 },
		/// The recorder withdrew a shift.
		ShiftWithdrawn { contract: ContractId, date: Date, index: u32 },
		/// A labour inspector ruled on a disputed shift: `hours` are the hours worked, or `None`
		/// if it did not happen; `recorded` were the hours recorded.
		ShiftRuled {
			contract: ContractId,
			date: Date,
			index: u32,
			inspector: T::AccountId,
			recorded: Hours,
			hours: Option<Hours>,
			ruling: H256,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller does not hold the employer role, or the contract's employer no longer does.
		NotEmployer,
		/// The worker is not an active citizen.
		NotCitizen,
		/// The caller is not a side of the contract, or not the side that may do this.
		NotParty,
		/// No contract has this number.
		UnknownContract,
		/// The contract was signed already; only a proposal may be accepted, declined or
		/// withdrawn.
		NotProposed,
		/// The contract is not signed, or it ended.
		NotSigned,
		/// A date does not exist.
		InvalidDate,
		/// The contract ends before it starts, or a last day lies outside its term.
		OutsideTerm,
		/// The schedule has no working time.
		EmptySchedule,
		/// A time is not a minute of a day, or a break fills the whole span.
		InvalidHours,
		/// A break is shorter than the law requires: 30 minutes from 4 hours of work, an hour
		/// from 8 (Labor Standards Act Art. 54).
		BreakTooShort,
		/// Two working times or shifts overlap.
		OverlappingHours,
		/// From 15 contractual hours a week, the contract must name a weekly paid holiday.
		WeeklyHolidayMissing,
		/// Below 15 contractual hours a week no weekly paid holiday is due; the contract names
		/// none.
		WeeklyHolidayNotDue,
		/// The weekly paid holiday falls on a working day.
		WeeklyHolidayOnWorkingDay,
		/// The hourly wage is below the minimum wage in force on the day the terms take effect.
		BelowMinimumWage,
		/// No minimum wage is in force on the day the terms take effect.
		NoMinimumWage,
		/// The overtime premium is below 50 % in a workplace of five or more.
		PremiumBelowLegal,
		/// The pay day is not 1 to 31.
		InvalidPayDay,
		/// The employer has `MaxOpenProposals` proposals open already.
		TooManyProposals,
		/// The contract has no amendment waiting.
		NoAmendment,
		/// A side cannot sign its own amendment.
		OwnAmendment,
		/// The contract's last day has passed.
		ContractOver,
		/// The shift's day lies outside the contract's term.
		NotInTerm,
		/// A shift cannot be recorded for a day that has not begun.
		FutureShift,
		/// The day has `MaxShiftsPerDay` shifts recorded already.
		TooManyShifts,
		/// No shift has this day and index.
		UnknownShift,
		/// A side cannot confirm or dispute a shift it recorded itself.
		OwnShift,
		/// Only the recorder may withdraw a shift.
		NotRecorder,
		/// The shift was answered already: it is not waiting for confirmation.
		NotRecorded,
		/// The confirmation period is over: the shift counts as confirmed.
		ConfirmationPeriodOver,
		/// The shift is not disputed.
		NotDisputed,
		/// The caller does not hold the labour-inspector role.
		NotInspector,
		/// The minimum wage schedule has `MaxMinimumWageSteps` steps already.
		TooManyWageSteps,
		/// A wage of zero.
		ZeroWage,
		/// A confirmation period of zero days.
		ZeroPeriod,
		/// The contract has `MaxAmendments` amendments already.
		TooManyAmendments,
		/// A rate above 100 %, or a pension income floor above its ceiling.
		InvalidRates,
		/// The net pay is not the gross pay less the deductions.
		InconsistentAmounts,
		/// The period has not ended yet.
		PeriodNotOver,
		/// A date of the period does not exist, it ends before it starts, or it is longer than
		/// 31 days.
		InvalidPeriod,
		/// A statement covers part of the period already.
		PeriodAlreadyStated,
		/// Shifts of the period wait for confirmation or are disputed: they must count first.
		UnconfirmedShifts,
		/// The contract has no statement for a period from this day.
		UnknownStatement,
		/// The worker answered the statement already.
		AlreadyAnswered,
		/// The city has named no insurer for an insurance the contract requires.
		NoInsurer,
		/// The account does not hold the insurer role, or is not this insurance's insurer.
		NotInsurer,
		/// There is no enrolment to report: all are reported already, or none is enrolled.
		NothingToReport,
		/// A loss is reported once the contract is over.
		ContractNotOver,
		/// The contract has no enrolment in this insurance.
		UnknownEnrolment,
		/// The enrolment is not waiting for this insurer's answer.
		NotReported,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxShiftsPerDay::get() > 0, "a day must have room for a shift");
			assert!(T::MaxMinimumWageSteps::get() > 0, "the schedule must have room for a step");
			assert!(T::MaxOpenProposals::get() > 0, "an employer must be able to propose");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
