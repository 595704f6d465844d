//! Time sheets: shifts recorded by one side, answered by the other, ruled on by inspectors.

use crate::{
	calendar::{Date, MINUTES_PER_DAY},
	Config, ConfirmationDays, ContractId, ContractStatus, Contracts, Error, Event, Hours,
	MemberRegistry, Pallet, Party, Role, Shift, ShiftStatus, Timesheets,
};
use frame_support::{ensure, pallet_prelude::*};
use sp_core::H256;

/// Milliseconds in a day.
const MS_PER_DAY: u64 = 86_400_000;

impl<T: Config> Pallet<T> {
	/// Whether `hours` on `date` overlap a shift of `contract` that still stands (not withdrawn,
	/// not struck) other than shift `except` of that day: on that day, a night shift of the day
	/// before running into it, or a shift of the next day it runs into.
	fn overlaps_recorded(
		contract: ContractId,
		date: Date,
		hours: &Hours,
		except: Option<u32>,
	) -> bool {
		let day = u32::from(MINUTES_PER_DAY);
		let span = |start: u32, hours: &Hours| (start, start + u32::from(hours.span()));
		let (start, end) = span(day + u32::from(hours.start), hours);
		let previous = date.minus_days(1);
		let earlier = previous.map(|previous| (0, Timesheets::<T>::get(contract, previous)));
		let same = Some((day, Timesheets::<T>::get(contract, date)));
		// The next day's shifts start a day later; one recorded there may have started before
		// this one ends.
		let next = date.plus_days(1).map(|next| (2 * day, Timesheets::<T>::get(contract, next)));
		[earlier, same, next].into_iter().flatten().any(|(offset, shifts)| {
			let is_except = |index: usize| offset == day && except == Some(index as u32);
			shifts
				.iter()
				.enumerate()
				.filter(|(index, shift)| shift.stands() && !is_except(*index))
				.any(|(_, shift)| {
					let (other_start, other_end) =
						span(offset + u32::from(shift.hours.start), &shift.hours);
					other_start < end && start < other_end
				})
		})
	}

	pub(crate) fn do_record_shift(
		who: T::AccountId,
		contract: ContractId,
		date: Date,
		hours: Hours,
	) -> DispatchResult {
		let record = Contracts::<T>::get(contract).ok_or(Error::<T>::UnknownContract)?;
		let by = record.party(&who).ok_or(Error::<T>::NotParty)?;
		ensure!(record.status != ContractStatus::Proposed, Error::<T>::NotSigned);
		ensure!(date.is_valid(), Error::<T>::InvalidDate);
		ensure!(record.binds_on(date), Error::<T>::NotInTerm);
		ensure!(date <= Self::today(), Error::<T>::FutureShift);
		Self::check_hours(&hours)?;
		ensure!(
			!Self::overlaps_recorded(contract, date, &hours, None),
			Error::<T>::OverlappingHours
		);
		let confirms_at = Self::now_ms()
			.saturating_add(u64::from(ConfirmationDays::<T>::get()).saturating_mul(MS_PER_DAY));
		let index = Timesheets::<T>::try_mutate(contract, date, |shifts| {
			let index = shifts.len() as u32;
			shifts
				.try_push(Shift {
					hours,
					recorded_by: by,
					confirms_at,
					status: ShiftStatus::Recorded,
				})
				.map_err(|_| Error::<T>::TooManyShifts)?;
			Ok::<_, Error<T>>(index)
		})?;
		Self::deposit_event(Event::ShiftRecorded { contract, date, index, by, hours });
		Ok(())
	}

	/// Changes shift `index` of `contract` on `date` as `change` decides, given the shift and
	/// the side of the caller `who` (`None` for someone else).
	fn change_shift(
		who: &T::AccountId,
		contract: ContractId,
		date: Date,
		index: u32,
		change: impl FnOnce(&mut Shift, Option<Party>) -> DispatchResult,
	) -> DispatchResult {
		let record = Contracts::<T>::get(contract).ok_or(Error::<T>::UnknownContract)?;
		Timesheets::<T>::try_mutate(contract, date, |shifts| {
			let shift = shifts.get_mut(index as usize).ok_or(Error::<T>::UnknownShift)?;
			change(shift, record.party(who))
		})
	}

	/// The other side's answer to a recorded shift: `answer` is its new status.
	pub(crate) fn answer_shift(
		who: T::AccountId,
		contract: ContractId,
		date: Date,
		index: u32,
		answer: ShiftStatus,
	) -> DispatchResult {
		let now = Self::now_ms();
		Self::change_shift(&who, contract, date, index, |shift, party| {
			let party = party.ok_or(Error::<T>::NotParty)?;
			ensure!(party != shift.recorded_by, Error::<T>::OwnShift);
			ensure!(shift.status == ShiftStatus::Recorded, Error::<T>::NotRecorded);
			if matches!(answer, ShiftStatus::Disputed(_)) {
				ensure!(now < shift.confirms_at, Error::<T>::ConfirmationPeriodOver);
			}
			shift.status = answer;
			Ok(())
		})
	}

	pub(crate) fn do_withdraw_shift(
		who: T::AccountId,
		contract: ContractId,
		date: Date,
		index: u32,
	) -> DispatchResult {
		let now = Self::now_ms();
		Self::change_shift(&who, contract, date, index, |shift, party| {
			ensure!(party == Some(shift.recorded_by), Error::<T>::NotRecorder);
			ensure!(shift.status == ShiftStatus::Recorded, Error::<T>::NotRecorded);
			ensure!(now < shift.confirms_at, Error::<T>::ConfirmationPeriodOver);
			shift.status = ShiftStatus::Withdrawn;
			Ok(())
		})?;
		Self::deposit_event(Event::ShiftWithdrawn { contract, date, index });
		Ok(())
	}

	pub(crate) fn do_rule_on_shift(
		inspector: T::AccountId,
		contract: ContractId,
		date: Date,
		index: u32,
		hours: Option<Hours>,
		ruling: H256,
	) -> DispatchResult {
		ensure!(T::Registry::has_role(&inspector, Role::LaborInspector), Error::<T>::NotInspector);
		if let Some(hours) = &hours {
			Self::check_hours(hours)?;
		}
		let shifts = Timesheets::<T>::get(contract, date);
		let recorded = shifts.get(index as usize).ok_or(Error::<T>::UnknownShift)?.hours;
		ensure!(
			matches!(shifts[index as usize].status, ShiftStatus::Disputed(_)),
			Error::<T>::NotDisputed
		);
		if let Some(hours) = &hours {
			ensure!(
				!Self::overlaps_recorded(contract, date, hours, Some(index)),
				Error::<T>::OverlappingHours
			);
		}
		Timesheets::<T>::mutate(contract, date, |shifts| {
			if let Some(shift) = shifts.get_mut(index as usize) {
				match hours {
					Some(hours) => {
						shift.hours = hours;
						shift.status = ShiftStatus::Ruled(ruling);
					}
					None => shift.status = ShiftStatus::Struck(ruling),
				}
			}
		});
		Self::deposit_event(Event::ShiftRuled {
			contract,
			date,
			index,
			inspector,
			recorded,
			hours,
			ruling,
		});
		Ok(())
	}
}
