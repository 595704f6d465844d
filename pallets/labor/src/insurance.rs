//! The four social insurances: which a contract requires, by when the employer must report the
//! worker's acquisition, the one report that reaches every insurer concerned, the insurers'
//! answers, the loss report at the end, and the enrolments overdue.

use crate::{
	calendar::Date, Config, ContractId, ContractStatus, Contracts, DueEnrolments, Enrolments,
	Error, Event, Insurers, MemberRegistry, Pallet, Role,
};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{ensure, pallet_prelude::*};
use scale_info::TypeInfo;
use seoul_primitives::Page;
use sp_core::H256;

/// Monthly contractual hours from which the National Pension, health and employment insurances
/// apply (60 hours: weekly minutes × 365 / 84 ≥ 3,600).
const INSURED_WEEKLY_MINUTES_TIMES_365: u64 = 60 * 60 * 7 * 12;

/// Whether a contract of `weekly_minutes` a week has 60 contractual hours a month or more.
pub fn is_insured(weekly_minutes: u32) -> bool {
	u64::from(weekly_minutes) * 365 >= INSURED_WEEKLY_MINUTES_TIMES_365
}

/// One of the four major social insurances.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
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
pub enum Insurance {
	/// Industrial accident compensation insurance: every worker, from the first hour.
	IndustrialAccident,
	/// Employment insurance.
	Employment,
	/// National Health Insurance.
	Health,
	/// National Pension.
	Pension,
}

impl Insurance {
	/// The four insurances.
	pub const ALL: [Insurance; 4] = [
		Insurance::IndustrialAccident,
		Insurance::Employment,
		Insurance::Health,
		Insurance::Pension,
	];

	/// The insurances a contract of `weekly_minutes` a week requires: industrial accident
	/// always; employment, health and pension from 60 contractual hours a month.
	pub fn required(weekly_minutes: u32) -> impl Iterator<Item = Insurance> {
		let insured = is_insured(weekly_minutes);
		Self::ALL.into_iter().filter(move |kind| insured || *kind == Insurance::IndustrialAccident)
	}

	/// The last day to report the acquisition of a worker hired on `hired`: the 15th of the next
	/// month for pension, employment and industrial accident; 14 days after for health.
	pub fn deadline(self, hired: Date) -> Date {
		match self {
			Insurance::Health => hired.plus_days(14).unwrap_or(hired),
			_ => {
				let (year, month) = if hired.month == 12 {
					(hired.year.saturating_add(1), 1)
				} else {
					(hired.year, hired.month + 1)
				};
				Date::new(year, month, 15).unwrap_or(hired)
			}
		}
	}
}

/// Where a worker's enrolment in one insurance stands.
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
pub enum EnrolmentStatus {
	/// The contract requires it; the employer has not reported the acquisition.
	Due,
	/// The employer reported the acquisition; the insurer has not answered.
	Reported,
	/// The insurer acknowledged the acquisition, with the hash of its reference.
	Enrolled(H256),
	/// The insurer refused the report, for the reasons whose hash is given; it is due again.
	Refused(H256),
	/// The contract ended and the employer reported the loss; the insurer has not answered.
	LossReported,
	/// The insurer acknowledged the loss, with the hash of its reference.
	Closed(H256),
}

/// A worker's enrolment in one insurance under one contract.
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
pub struct Enrolment {
	/// The last day to report the acquisition.
	pub deadline: Date,
	/// The day the employer last reported it.
	pub reported_on: Option<Date>,
	/// Where it stands.
	pub status: EnrolmentStatus,
}

impl<T: Config> Pallet<T> {
	/// Notes the enrolments a contract of `weekly_minutes` a week requires from `hired`, beside
	/// those it has.
	pub(crate) fn note_required_enrolments(contract: ContractId, weekly_minutes: u32, hired: Date) {
		for insurance in Insurance::required(weekly_minutes) {
			if !Enrolments::<T>::contains_key(contract, insurance) {
				let deadline = insurance.deadline(hired);
				Enrolments::<T>::insert(
					contract,
					insurance,
					Enrolment { deadline, reported_on: None, status: EnrolmentStatus::Due },
				);
				DueEnrolments::<T>::insert((contract, insurance), deadline);
			}
		}
	}

	pub(crate) fn do_report_acquisition(who: T::AccountId, contract: ContractId) -> DispatchResult {
		Self::contract_as_employer(&who, contract)?;
		let today = Self::today();
		let mut reported = Vec::new();
		for (insurance, mut enrolment) in Enrolments::<T>::iter_prefix(contract) {
			if matches!(enrolment.status, EnrolmentStatus::Due | EnrolmentStatus::Refused(_)) {
				ensure!(Insurers::<T>::contains_key(insurance), Error::<T>::NoInsurer);
				enrolment.status = EnrolmentStatus::Reported;
				enrolment.reported_on = Some(today);
				reported.push((insurance, enrolment));
			}
		}
		ensure!(!reported.is_empty(), Error::<T>::NothingToReport);
		let insurances: Vec<Insurance> = reported.iter().map(|(insurance, _)| *insurance).collect();
		for (insurance, enrolment) in reported {
			Enrolments::<T>::insert(contract, insurance, enrolment);
			DueEnrolments::<T>::remove((contract, insurance));
		}
		Self::deposit_event(Event::AcquisitionReported {
			contract,
			insurances: insurances.try_into().unwrap_or_default(),
		});
		Ok(())
	}

	pub(crate) fn do_report_loss(who: T::AccountId, contract: ContractId) -> DispatchResult {
		let record = Self::contract_as_employer(&who, contract)?;
		let over = matches!(record.status, ContractStatus::Ended { .. })
			|| record.last_day().is_some_and(|last| last < Self::today());
		ensure!(over, Error::<T>::ContractNotOver);
		let mut insurances = Vec::new();
		for (insurance, mut enrolment) in Enrolments::<T>::iter_prefix(contract) {
			if matches!(enrolment.status, EnrolmentStatus::Enrolled(_)) {
				enrolment.status = EnrolmentStatus::LossReported;
				Enrolments::<T>::insert(contract, insurance, enrolment);
				insurances.push(insurance);
			}
		}
		ensure!(!insurances.is_empty(), Error::<T>::NothingToReport);
		Self::deposit_event(Event::LossReported {
			contract,
			insurances: insurances.try_into().unwrap_or_default(),
		});
		Ok(())
	}

	/// The insurer `who`'s answer to the report on `insurance` under `contract`: `answer` is the
	/// new status, allowed from `from`.
	pub(crate) fn answer_report(
		who: T::AccountId,
		contract: ContractId,
		insurance: Insurance,
		from: EnrolmentStatus,
		answer: EnrolmentStatus,
	) -> DispatchResult {
		ensure!(
			Insurers::<T>::get(insurance).as_ref() == Some(&who)
				&& T::Registry::has_role(&who, Role::Insurer),
			Error::<T>::NotInsurer
		);
		Enrolments::<T>::try_mutate(contract, insurance, |enrolment| {
			let enrolment = enrolment.as_mut().ok_or(Error::<T>::UnknownEnrolment)?;
			ensure!(enrolment.status == from, Error::<T>::NotReported);
			enrolment.status = answer;
			if let EnrolmentStatus::Refused(_) = answer {
				DueEnrolments::<T>::insert((contract, insurance), enrolment.deadline);
			}
			Ok::<_, Error<T>>(())
		})?;
		Self::deposit_event(Event::ReportAnswered { contract, insurance, status: answer });
		Ok(())
	}

	/// The enrolments of `contract`.
	pub fn enrolments_of(contract: ContractId) -> Vec<(Insurance, Enrolment)> {
		Enrolments::<T>::iter_prefix(contract).collect()
	}

	/// The enrolments whose acquisition report is overdue today (due or refused, past the
	/// deadline), city-wide or of `employer`'s contracts: among at most `limit` (at most
	/// [`crate::MAX_PAGE_SIZE`]) enrolments due, after `start` (the previous page's `next`), in the
	/// chain's key order. A page may hold fewer overdue enrolments than it read; follow `next`
	/// until it is `None`.
	pub fn overdue_enrolments(
		employer: Option<T::AccountId>,
		start: Option<(ContractId, Insurance)>,
		limit: u32,
	) -> Page<(ContractId, Insurance), Date> {
		let today = Self::today();
		let entries = match start {
			Some(after) => DueEnrolments::<T>::iter_from(DueEnrolments::<T>::hashed_key_for(after)),
			None => DueEnrolments::<T>::iter(),
		};
		let read = Page::read(entries, limit);
		let of_employer = |contract: ContractId| match &employer {
			None => true,
			Some(employer) => {
				Contracts::<T>::get(contract).is_some_and(|record| record.employer == *employer)
			}
		};
		let items = read
			.items
			.into_iter()
			.filter(|((contract, _), deadline)| *deadline < today && of_employer(*contract))
			.collect();
		Page { items, next: read.next }
	}
}
