//! Contracts: the checks at signing, proposals, signatures, amendments and endings, and the
//! minimum wage schedule they are checked against.

use crate::{
	calendar::{Date, MINUTES_PER_DAY},
	Amendment, Amendments, Config, Contract, ContractId, ContractStatus, Contracts, ContractsOf,
	EndReason, Error, Event, Hours, MemberKind, MemberRegistry, MinimumWage, MinimumWages,
	NextContractId, OpenProposals, Pallet, Party, PastTerms, Role, TermsOf, Won,
};
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*, traits::UnixTime};

/// Contractual minutes a week from which the weekly paid holiday and annual leave are due
/// (Labor Standards Act Art. 18(3)): 15 hours.
pub const PAID_HOLIDAY_WEEKLY_MINUTES: u32 = 15 * 60;

/// Minutes in a week.
const MINUTES_PER_WEEK: u32 = 7 * MINUTES_PER_DAY as u32;

impl<T: Config> Pallet<T> {
	/// Today's date in Korea by the chain's clock.
	pub fn today() -> Date {
		Date::in_korea_at(Self::now_ms())
	}

	/// The chain's clock, in milliseconds since the Unix epoch.
	pub(crate) fn now_ms() -> u64 {
		T::UnixTime::now().as_millis().try_into().unwrap_or(u64::MAX)
	}

	/// The hourly minimum wage in force on `date`, if the schedule has begun by then.
	pub fn minimum_wage_on(date: Date) -> Option<Won> {
		MinimumWages::<T>::get()
			.iter()
			.take_while(|step| step.from <= date)
			.last()
			.map(|step| step.hourly)
	}

	/// Adds `step` to the minimum wage schedule, in date order, replacing a step of its date.
	pub(crate) fn set_minimum_wage_step(step: MinimumWage) -> DispatchResult {
		ensure!(step.from.is_valid(), Error::<T>::InvalidDate);
		ensure!(step.hourly > 0, Error::<T>::ZeroWage);
		MinimumWages::<T>::try_mutate(|schedule| {
			match schedule.binary_search_by_key(&step.from, |existing| existing.from) {
				Ok(at) => schedule[at] = step,
				Err(at) => {
					schedule.try_insert(at, step).map_err(|_| Error::<T>::TooManyWageSteps)?
				}
			}
			Ok(())
		})
	}

	/// Checks `terms` for a contract from `start` to `end` taking effect on `effective`, and
	/// returns the contractual minutes of work a week:
	/// - the dates exist and `end`, if any, is not before `start`;
	/// - every working time is minutes of a day, works more than its break, and has the break
	///   the Labor Standards Act Art. 54 requires (30 minutes from 4 hours of work, an hour from
	///   8); no two working times overlap in the week (a night shift runs into the next day);
	/// - from 15 contractual hours a week a weekly paid holiday on a day without work; below,
	///   none;
	/// - the hourly wage at least the minimum wage in force on `effective`;
	/// - an overtime premium of 50 % or more in a workplace of five or more, and a pay day of 1
	///   to 31.
	pub fn check_terms(
		start: Date,
		end: Option<Date>,
		effective: Date,
		terms: &TermsOf<T>,
	) -> Result<u32, Error<T>> {
		ensure!(start.is_valid() && end.is_none_or(|end| end.is_valid()), Error::<T>::InvalidDate);
		ensure!(end.is_none_or(|end| start <= end), Error::<T>::OutsideTerm);
		ensure!(!terms.schedule.is_empty(), Error::<T>::EmptySchedule);
		let mut weekly_minutes = 0u32;
		let mut spans: Vec<(u32, u32)> = Vec::with_capacity(terms.schedule.len());
		for working_time in &terms.schedule {
			Self::check_hours(&working_time.hours)?;
			weekly_minutes += u32::from(working_time.hours.worked());
			let start_in_week = u32::from(working_time.day.index()) * u32::from(MINUTES_PER_DAY)
				+ u32::from(working_time.hours.start);
			spans.push((start_in_week, start_in_week + u32::from(working_time.hours.span())));
		}
		spans.sort_unstable();
		let overlaps = spans.windows(2).any(|pair| pair[1].0 < pair[0].1);
		// The week wraps: Sunday's night shift runs into Monday.
		let wraps = spans
			.last()
			.zip(spans.first())
			.is_some_and(|(last, first)| spans.len() > 1 && last.1 > MINUTES_PER_WEEK + first.0);
		ensure!(!overlaps && !wraps, Error::<T>::OverlappingHours);
		match terms.weekly_holiday {
			None => ensure!(
				weekly_minutes < PAID_HOLIDAY_WEEKLY_MINUTES,
				Error::<T>::WeeklyHolidayMissing
			),
			Some(holiday) => {
				ensure!(
					weekly_minutes >= PAID_HOLIDAY_WEEKLY_MINUTES,
					Error::<T>::WeeklyHolidayNotDue
				);
				ensure!(
					terms.schedule.iter().all(|working_time| working_time.day != holiday),
					Error::<T>::WeeklyHolidayOnWorkingDay
				);
			}
		}
		let minimum = Self::minimum_wage_on(effective).ok_or(Error::<T>::NoMinimumWage)?;
		ensure!(terms.hourly_wage >= minimum, Error::<T>::BelowMinimumWage);
		ensure!(
			terms.overtime_premium_percent >= 50 || !terms.five_or_more_employees,
			Error::<T>::PremiumBelowLegal
		);
		ensure!((1..=31).contains(&terms.pay_day), Error::<T>::InvalidPayDay);
		Ok(weekly_minutes)
	}

	/// Checks the hours of a working time or a shift: minutes of a day, more work than break,
	/// and the break the law requires for the work (Labor Standards Act Art. 54).
	pub(crate) fn check_hours(hours: &Hours) -> Result<(), Error<T>> {
		ensure!(hours.is_valid() && hours.worked() > 0, Error::<T>::InvalidHours);
		let required_break = match hours.worked() {
			worked if worked >= 8 * 60 => 60,
			worked if worked >= 4 * 60 => 30,
			_ => 0,
		};
		ensure!(hours.break_minutes >= required_break, Error::<T>::BreakTooShort);
		Ok(())
	}

	/// Fails unless `worker` is an active citizen.
	fn ensure_citizen(worker: &T::AccountId) -> DispatchResult {
		ensure!(
			T::Registry::active_kind(worker) == Some(MemberKind::Citizen),
			Error::<T>::NotCitizen
		);
		Ok(())
	}

	/// Fails unless `employer` is an active member holding the employer role.
	fn ensure_employer(employer: &T::AccountId) -> DispatchResult {
		ensure!(T::Registry::has_role(employer, Role::Employer), Error::<T>::NotEmployer);
		Ok(())
	}

	pub(crate) fn do_propose_contract(
		employer: T::AccountId,
		worker: T::AccountId,
		start: Date,
		end: Option<Date>,
		terms: TermsOf<T>,
	) -> DispatchResult {
		Self::ensure_employer(&employer)?;
		Self::ensure_citizen(&worker)?;
		let weekly_minutes = Self::check_terms(start, end, start, &terms)?;
		let open = OpenProposals::<T>::get(&employer);
		ensure!(open < T::MaxOpenProposals::get(), Error::<T>::TooManyProposals);
		let contract = NextContractId::<T>::get();
		let document = terms.document;
		Contracts::<T>::insert(
			contract,
			Contract {
				employer: employer.clone(),
				worker: worker.clone(),
				start,
				end,
				terms,
				terms_from: start,
				weekly_minutes,
				paid_holiday_and_leave: weekly_minutes >= PAID_HOLIDAY_WEEKLY_MINUTES,
				status: ContractStatus::Proposed,
				amendments: 0,
			},
		);
		NextContractId::<T>::put(contract.saturating_add(1));
		OpenProposals::<T>::insert(&employer, open + 1);
		ContractsOf::<T>::insert(&employer, contract, Party::Employer);
		ContractsOf::<T>::insert(&worker, contract, Party::Worker);
		Self::deposit_event(Event::ContractProposed { contract, employer, worker, document });
		Ok(())
	}

	/// Contract `contract`, if `who` is its side `party`.
	pub(crate) fn contract_as(
		who: &T::AccountId,
		contract: ContractId,
		party: Party,
	) -> Result<crate::ContractOf<T>, DispatchError> {
		let record = Contracts::<T>::get(contract).ok_or(Error::<T>::UnknownContract)?;
		ensure!(record.party(who) == Some(party), Error::<T>::NotParty);
		Ok(record)
	}

	/// Contract `contract`, if `who` is its employer and still holds the employer role.
	pub(crate) fn contract_as_employer(
		who: &T::AccountId,
		contract: ContractId,
	) -> Result<crate::ContractOf<T>, DispatchError> {
		let record = Self::contract_as(who, contract, Party::Employer)?;
		Self::ensure_employer(who)?;
		Ok(record)
	}

	/// Removes the proposal `contract` at the request of `who`, who must be its side `party`.
	pub(crate) fn remove_proposal(
		who: &T::AccountId,
		contract: ContractId,
		party: Party,
	) -> DispatchResult {
		let record = Self::contract_as(who, contract, party)?;
		ensure!(record.status == ContractStatus::Proposed, Error::<T>::NotProposed);
		Contracts::<T>::remove(contract);
		ContractsOf::<T>::remove(&record.employer, contract);
		ContractsOf::<T>::remove(&record.worker, contract);
		Self::close_proposal(&record.employer);
		Ok(())
	}

	/// Counts one proposal of `employer` as answered.
	fn close_proposal(employer: &T::AccountId) {
		OpenProposals::<T>::mutate_exists(employer, |open| {
			*open = open.map(|open| open.saturating_sub(1)).filter(|open| *open > 0)
		});
	}

	pub(crate) fn do_accept_contract(who: T::AccountId, contract: ContractId) -> DispatchResult {
		let mut record = Contracts::<T>::get(contract).ok_or(Error::<T>::UnknownContract)?;
		ensure!(record.worker == who, Error::<T>::NotParty);
		ensure!(record.status == ContractStatus::Proposed, Error::<T>::NotProposed);
		Self::ensure_citizen(&record.worker)?;
		Self::ensure_employer(&record.employer)?;
		let weekly_minutes =
			Self::check_terms(record.start, record.end, record.start, &record.terms)?;
		record.status = ContractStatus::Signed;
		record.weekly_minutes = weekly_minutes;
		Self::note_required_enrolments(contract, weekly_minutes, record.start);
		let (employer, worker, document) =
			(record.employer.clone(), record.worker.clone(), record.terms.document);
		Contracts::<T>::insert(contract, record);
		Self::close_proposal(&employer);
		Self::deposit_event(Event::ContractSigned {
			contract,
			employer,
			worker,
			document,
			weekly_minutes,
		});
		Ok(())
	}

	/// The signed contract `contract`, its last day not yet past, and the side `who` is on.
	fn signed_contract_of(
		who: &T::AccountId,
		contract: ContractId,
	) -> Result<(crate::ContractOf<T>, Party), DispatchError> {
		let record = Contracts::<T>::get(contract).ok_or(Error::<T>::UnknownContract)?;
		let party = record.party(who).ok_or(Error::<T>::NotParty)?;
		ensure!(record.status == ContractStatus::Signed, Error::<T>::NotSigned);
		ensure!(
			record.last_day().is_none_or(|last| Self::today() <= last),
			Error::<T>::ContractOver
		);
		Ok((record, party))
	}

	/// Checks `terms` and the end date `end` as an amendment of `record` signed today, and
	/// returns the day they would take effect (today, or the start date if it is later) and
	/// their weekly minutes: [`Pallet::check_terms`] on that day, and `end` not before it.
	fn check_amendment(
		record: &crate::ContractOf<T>,
		end: Option<Date>,
		terms: &TermsOf<T>,
	) -> Result<(Date, u32), Error<T>> {
		let effective = Self::today().max(record.start);
		let weekly_minutes = Self::check_terms(record.start, end, effective, terms)?;
		ensure!(end.is_none_or(|end| effective <= end), Error::<T>::OutsideTerm);
		Ok((effective, weekly_minutes))
	}

	pub(crate) fn do_propose_amendment(
		who: T::AccountId,
		contract: ContractId,
		end: Option<Date>,
		terms: TermsOf<T>,
	) -> DispatchResult {
		let (record, by) = Self::signed_contract_of(&who, contract)?;
		Self::check_amendment(&record, end, &terms)?;
		let document = terms.document;
		Amendments::<T>::insert(contract, Amendment { proposed_by: by, end, terms });
		Self::deposit_event(Event::AmendmentProposed { contract, by, document });
		Ok(())
	}

	pub(crate) fn do_accept_amendment(who: T::AccountId, contract: ContractId) -> DispatchResult {
		let (mut record, by) = Self::signed_contract_of(&who, contract)?;
		let amendment = Amendments::<T>::get(contract).ok_or(Error::<T>::NoAmendment)?;
		ensure!(amendment.proposed_by != by, Error::<T>::OwnAmendment);
		if by == Party::Worker {
			Self::ensure_employer(&record.employer)?;
		}
		let (effective, weekly_minutes) =
			Self::check_amendment(&record, amendment.end, &amendment.terms)?;
		ensure!(
			u32::from(record.amendments) < T::MaxAmendments::get(),
			Error::<T>::TooManyAmendments
		);
		let document = amendment.terms.document;
		PastTerms::<T>::insert(contract, record.amendments, (record.terms_from, record.terms));
		record.end = amendment.end;
		record.terms = amendment.terms;
		record.terms_from = effective;
		Self::note_required_enrolments(contract, weekly_minutes, effective);
		record.weekly_minutes = weekly_minutes;
		record.paid_holiday_and_leave = weekly_minutes >= PAID_HOLIDAY_WEEKLY_MINUTES;
		record.amendments = record.amendments.saturating_add(1);
		Contracts::<T>::insert(contract, record);
		Amendments::<T>::remove(contract);
		Self::deposit_event(Event::ContractAmended { contract, document, weekly_minutes });
		Ok(())
	}

	pub(crate) fn do_end_contract(
		who: T::AccountId,
		contract: ContractId,
		reason: EndReason,
		last_day: Date,
	) -> DispatchResult {
		let (mut record, by) = Self::signed_contract_of(&who, contract)?;
		ensure!(last_day.is_valid(), Error::<T>::InvalidDate);
		ensure!(
			Self::today() <= last_day
				&& record.start <= last_day
				&& record.end.is_none_or(|end| last_day <= end),
			Error::<T>::OutsideTerm
		);
		record.status = ContractStatus::Ended { by, reason, last_day };
		Contracts::<T>::insert(contract, record);
		Amendments::<T>::remove(contract);
		Self::deposit_event(Event::ContractEnded { contract, by, reason, last_day });
		Ok(())
	}
}
