//! The pay the chain computes for a contract and a pay period, by the rules of Korean labour law
//! (docs/LABOR.md, "Pay"), from the shifts that count and the terms in force on each day.
//!
//! Money is counted in minute-won (minutes × won an hour) and divided once per line, so that
//! rounding happens once: each line is rounded down to the won; premiums down to 10 won.

use crate::{
	calendar::{days_in_month, Date, MINUTES_PER_DAY},
	contracts::PAID_HOLIDAY_WEEKLY_MINUTES,
	types::{Hours, InsuranceRates, PayError, Payslip},
	Config, ContractId, ContractStatus, Contracts, CurrentInsuranceRates, Pallet, PastTerms,
	PublicHolidays, TermsOf, Timesheets, Won,
};
use alloc::{collections::BTreeMap, vec::Vec};

/// The longest pay period, in days.
pub const MAX_PAY_PERIOD_DAYS: u32 = 31;

/// Hours a day worked on a holiday at the 50 % premium; beyond, 100 % (LSA Art. 56(2)).
const HOLIDAY_PREMIUM_STEP_MINUTES: u32 = 8 * 60;

/// Minutes of the night, 22:00 to 06:00, relative to the start of the shift's day, for a shift
/// that may run into the next day.
const NIGHTS: [(u32, u32); 3] = [(0, 6 * 60), (22 * 60, 30 * 60), (46 * 60, 48 * 60)];

/// Minutes of `[start, end)` that fall in `[from, to)`.
fn overlap((start, end): (u32, u32), (from, to): (u32, u32)) -> u32 {
	end.min(to).saturating_sub(start.max(from))
}

/// What one shift adds to a day's counts.
struct ShiftMinutes {
	/// Minutes worked.
	worked: u32,
	/// Of which at night; the break is taken out of the day's minutes first, in the worker's
	/// favour.
	night: u32,
	/// Minutes worked on the shift's own day and on the next, the break taken out of the next
	/// day's first.
	on_day: u32,
	on_next_day: u32,
}

impl ShiftMinutes {
	fn of(hours: &Hours) -> Self {
		let start = u32::from(hours.start);
		let span = u32::from(hours.span());
		let worked = u32::from(hours.worked());
		let shift = (start, start + span);
		let night: u32 = NIGHTS.iter().map(|window| overlap(shift, *window)).sum();
		let day = u32::from(MINUTES_PER_DAY);
		let on_day = overlap(shift, (0, day)).min(worked);
		Self { worked, night: night.min(worked), on_day, on_next_day: worked - on_day }
	}
}

/// `amount` × `ppm` / 1,000,000, rounded down to 10 won, as the insurers levy premiums.
fn premium(amount: Won, ppm: u32) -> Won {
	let exact = u128::from(amount) * u128::from(ppm) / 1_000_000;
	(exact / 10 * 10).try_into().unwrap_or(Won::MAX)
}

/// Minute-won counts of a pay statement's lines, before rounding.
#[derive(Default)]
struct Lines {
	base: u128,
	/// Minute-won × percent.
	overtime: u128,
	night: u128,
	holiday: u128,
	/// Minute-won of weekly minutes over 300 (× 8 / 40 / 60).
	weekly_holiday: u128,
	public_holiday: u128,
}

impl<T: Config> Pallet<T> {
	/// Whether `date` is a public holiday the city listed.
	pub fn is_public_holiday(date: Date) -> bool {
		PublicHolidays::<T>::contains_key(date)
	}

	/// The terms of `contract` in force on `date`: the current ones from the day they took
	/// effect, earlier versions before.
	fn terms_on(
		record: &crate::ContractOf<T>,
		past: &[(Date, TermsOf<T>)],
		date: Date,
	) -> TermsOf<T> {
		if date >= record.terms_from {
			return record.terms.clone();
		}
		past.iter()
			.rev()
			.find(|(from, _)| *from <= date)
			.or(past.first())
			.map(|(_, terms)| terms.clone())
			.unwrap_or_else(|| record.terms.clone())
	}

	/// The weekly minutes of `terms`' schedule.
	fn weekly_minutes_of(terms: &TermsOf<T>) -> u32 {
		terms.schedule.iter().map(|time| u32::from(time.hours.worked())).sum()
	}

	/// The contractual minutes of `terms` on the weekday of `date`.
	fn contractual_minutes(terms: &TermsOf<T>, date: Date) -> u32 {
		let weekday = date.weekday();
		terms
			.schedule
			.iter()
			.filter(|time| time.day == weekday)
			.map(|time| u32::from(time.hours.worked()))
			.sum()
	}

	/// Whether `terms` owe paid holidays whose work earns the holiday premium: in a workplace of
	/// five or more, for a contract of 15 hours a week or more (LSA Art. 18(3), 55, 56 and the
	/// Enforcement Decree's table of the articles small workplaces are exempt from).
	fn owes_paid_holidays(terms: &TermsOf<T>) -> bool {
		terms.five_or_more_employees
			&& Self::weekly_minutes_of(terms) >= PAID_HOLIDAY_WEEKLY_MINUTES
	}

	/// Whether `date` is a public holiday `terms` pay.
	fn is_paid_public_holiday(terms: &TermsOf<T>, date: Date) -> bool {
		Self::owes_paid_holidays(terms) && Self::is_public_holiday(date)
	}

	/// Whether `date` is a paid holiday under `terms`: the weekly paid holiday, or a public
	/// holiday, when `terms` owe them.
	fn is_paid_holiday(terms: &TermsOf<T>, date: Date) -> bool {
		Self::owes_paid_holidays(terms)
			&& (terms.weekly_holiday == Some(date.weekday()) || Self::is_public_holiday(date))
	}

	/// The pay owed under `contract` for the days `from` to `to` (at most 31), now, by the
	/// rules in docs/LABOR.md: base pay on every minute worked; the contract's overtime premium
	/// beyond each day's contractual hours; in workplaces of five or more, 50 % at night and on
	/// paid holidays (100 % beyond 8 hours), and public holidays paid; the weekly paid holiday
	/// allowance for each week of 15 contractual hours or more whose contractual days were all
	/// worked; the monthly allowances pro rata; and, for contracts of 60 hours a month or more,
	/// the worker's insurance premiums.
	pub fn compute_pay(contract: ContractId, from: Date, to: Date) -> Result<Payslip, PayError> {
		let record = Contracts::<T>::get(contract).ok_or(PayError::UnknownContract)?;
		if record.status == ContractStatus::Proposed {
			return Err(PayError::NotSigned);
		}
		let valid = from.is_valid() && to.is_valid() && from <= to;
		if !valid || to.day_number() - from.day_number() >= MAX_PAY_PERIOD_DAYS {
			return Err(PayError::InvalidPeriod);
		}
		let past: Vec<(Date, TermsOf<T>)> = (0..record.amendments)
			.filter_map(|version| PastTerms::<T>::get(contract, version))
			.collect();
		let now = Self::now_ms();
		let in_term =
			|date: Date| record.start <= date && record.last_day().is_none_or(|last| date <= last);
		let mut slip = Payslip { from, to, ..Default::default() };
		let mut lines = Lines::default();
		// Minutes worked on each paid holiday, by day number, for the 8-hour step.
		let mut holiday_work = BTreeMap::<u32, (u32, Won)>::new();
		let mut weekly_overtime = BTreeMap::<u32, u32>::new();
		let mut allowances = BTreeMap::<(u16, u8), u128>::new();
		let days = (from.day_number()..=to.day_number()).filter_map(Date::from_day_number);
		for date in days.filter(|date| in_term(*date)) {
			let terms = Self::terms_on(&record, &past, date);
			let wage = u128::from(terms.hourly_wage);
			let monthly: u128 = terms.allowances.iter().map(|a| u128::from(a.monthly)).sum();
			*allowances.entry((date.year, date.month)).or_default() += monthly;
			let next_day = date.plus_days(1).unwrap_or(date);
			let holidays =
				[Self::is_paid_holiday(&terms, date), Self::is_paid_holiday(&terms, next_day)];
			let mut ordinary = 0u32;
			for shift in Timesheets::<T>::get(contract, date).iter().filter(|shift| shift.stands())
			{
				if !shift.is_confirmed_at(now) {
					slip.unconfirmed_shifts += 1;
					continue;
				}
				let minutes = ShiftMinutes::of(&shift.hours);
				slip.worked_minutes += minutes.worked;
				lines.base += u128::from(minutes.worked) * wage;
				if terms.five_or_more_employees {
					slip.night_minutes += minutes.night;
					lines.night += u128::from(minutes.night) * wage * 50;
				}
				for (day, worked, holiday) in [
					(date, minutes.on_day, holidays[0]),
					(next_day, minutes.on_next_day, holidays[1]),
				] {
					if holiday {
						let entry =
							holiday_work.entry(day.day_number()).or_insert((0, terms.hourly_wage));
						entry.0 += worked;
					} else {
						ordinary += worked;
					}
				}
			}
			let contractual = Self::contractual_minutes(&terms, date);
			let overtime = ordinary.saturating_sub(contractual);
			slip.overtime_minutes += overtime;
			lines.overtime +=
				u128::from(overtime) * wage * u128::from(terms.overtime_premium_percent);
			*weekly_overtime.entry(date.day_number().saturating_add(3) / 7).or_default() +=
				overtime;
			if contractual > 0 && Self::is_paid_public_holiday(&terms, date) {
				slip.paid_public_holidays += 1;
				lines.public_holiday += u128::from(contractual) * wage;
			}
			// A week ends on its Sunday: the weekly paid holiday is owed in the period holding it.
			if date.weekday() == crate::Weekday::Sunday {
				if let Some(weekly) = Self::weekly_holiday_pay(contract, &record, &past, date, now)
				{
					slip.paid_weeks += 1;
					lines.weekly_holiday += weekly;
				}
			}
		}
		for (minutes, wage) in holiday_work.values() {
			let first = (*minutes).min(HOLIDAY_PREMIUM_STEP_MINUTES);
			let beyond = minutes - first;
			slip.holiday_minutes += first;
			slip.holiday_extra_minutes += beyond;
			lines.holiday +=
				(u128::from(first) * 50 + u128::from(beyond) * 100) * u128::from(*wage);
		}
		slip.overtime_limit_exceeded = weekly_overtime.values().any(|minutes| *minutes > 12 * 60);
		let won = |value: u128| -> Won { value.try_into().unwrap_or(Won::MAX) };
		slip.base_pay = won(lines.base / 60);
		slip.overtime_premium = won(lines.overtime / 6_000);
		slip.night_premium = won(lines.night / 6_000);
		slip.holiday_premium = won(lines.holiday / 6_000);
		slip.weekly_holiday_allowance = won(lines.weekly_holiday / 300);
		slip.public_holiday_pay = won(lines.public_holiday / 60);
		slip.allowances = won(allowances
			.iter()
			.map(|((year, month), sum)| sum / u128::from(days_in_month(*year, *month).max(1)))
			.sum());
		slip.gross = [
			slip.base_pay,
			slip.overtime_premium,
			slip.night_premium,
			slip.holiday_premium,
			slip.weekly_holiday_allowance,
			slip.public_holiday_pay,
			slip.allowances,
		]
		.iter()
		.fold(0, |sum: Won, line| sum.saturating_add(*line));
		slip.insured = crate::insurance::is_insured(Self::weekly_minutes_of(&record.terms));
		if slip.insured {
			let rates: InsuranceRates = CurrentInsuranceRates::<T>::get();
			let pension_base = slip.gross.clamp(
				rates.pension_income_floor,
				rates.pension_income_ceiling.max(rates.pension_income_floor),
			);
			slip.pension = premium(pension_base, rates.pension_ppm);
			slip.health = premium(slip.gross, rates.health_ppm);
			slip.long_term_care = premium(slip.health, rates.long_term_care_ppm);
			slip.employment = premium(slip.gross, rates.employment_ppm);
			slip.deductions = slip.pension + slip.health + slip.long_term_care + slip.employment;
		}
		slip.net = slip.gross.saturating_sub(slip.deductions);
		Ok(slip)
	}

	/// The weekly paid holiday allowance, in minute-won × 8 / 40 (divide by 300 for won), owed
	/// for the week ending on `sunday`: if the week lies within the contract's term, its terms
	/// that Sunday have 15 weekly hours or more, and a shift counts on every contractual day of
	/// the week (public holidays that are paid aside).
	fn weekly_holiday_pay(
		contract: ContractId,
		record: &crate::ContractOf<T>,
		past: &[(Date, TermsOf<T>)],
		sunday: Date,
		now: u64,
	) -> Option<u128> {
		let monday = sunday.minus_days(6)?;
		if monday < record.start || record.last_day().is_some_and(|last| sunday > last) {
			return None;
		}
		let terms = Self::terms_on(record, past, sunday);
		let weekly = Self::weekly_minutes_of(&terms);
		if weekly < PAID_HOLIDAY_WEEKLY_MINUTES {
			return None;
		}
		let attended = (0..7).filter_map(|offset| monday.plus_days(offset)).all(|day| {
			Self::contractual_minutes(&terms, day) == 0
				|| Self::is_paid_public_holiday(&terms, day)
				|| Timesheets::<T>::get(contract, day)
					.iter()
					.any(|shift| shift.stands() && shift.is_confirmed_at(now))
		});
		attended.then(|| u128::from(weekly) * u128::from(terms.hourly_wage))
	}
}
