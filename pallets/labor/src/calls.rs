//! The calls of the labour pallet, a section of the pallet module (imported with
//! `#[import_section]`, so that `lib.rs` keeps the configuration, storage, events and errors).

use frame_support::pallet_macros::pallet_section;

/// The calls: the city's settings, contracts, time sheets, pay statements and insurance reports.
#[pallet_section]
mod calls {
	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Sets the hourly minimum wage in force from `from` until the next step of the schedule,
		/// replacing a step of the same date. Contracts already signed keep their terms; the new
		/// minimum applies to terms signed from then on.
		///
		/// Origin: [`Config::CityOrigin`]. Emits [`Event::MinimumWageSet`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_minimum_wage())]
		pub fn set_minimum_wage(origin: OriginFor<T>, from: Date, hourly: Won) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			Self::set_minimum_wage_step(MinimumWage { from, hourly })?;
			Self::deposit_event(Event::MinimumWageSet { from, hourly });
			Ok(())
		}

		/// Sets how many days after a shift is recorded the other side's silence confirms it,
		/// for shifts recorded from now on.
		///
		/// Origin: [`Config::CityOrigin`]. Emits [`Event::ConfirmationPeriodSet`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_confirmation_period())]
		pub fn set_confirmation_period(origin: OriginFor<T>, days: u32) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			ensure!(days > 0, Error::<T>::ZeroPeriod);
			ConfirmationDays::<T>::put(days);
			Self::deposit_event(Event::ConfirmationPeriodSet { days });
			Ok(())
		}

		/// Proposes a contract to `worker`, an active citizen, from `start` to `end` (`None`: no
		/// fixed term) on `terms`, which must pass [`Pallet::check_terms`] on `start`. It binds
		/// only once the worker accepts it.
		///
		/// Origin: signed by a member holding [`Role::Employer`]. Emits
		/// [`Event::ContractProposed`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::propose_contract(terms.allowances.len() as u32))]
		pub fn propose_contract(
			origin: OriginFor<T>,
			worker: T::AccountId,
			start: Date,
			end: Option<Date>,
			terms: TermsOf<T>,
		) -> DispatchResult {
			let employer = ensure_signed(origin)?;
			Self::do_propose_contract(employer, worker, start, end, terms)
		}

		/// Withdraws a proposal the worker has not answered; its record is removed.
		///
		/// Origin: signed by the proposal's employer. Emits [`Event::ProposalWithdrawn`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::withdraw_proposal())]
		pub fn withdraw_proposal(origin: OriginFor<T>, contract: ContractId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::remove_proposal(&who, contract, Party::Employer)?;
			Self::deposit_event(Event::ProposalWithdrawn { contract });
			Ok(())
		}

		/// Declines a proposal; its record is removed.
		///
		/// Origin: signed by the proposal's worker. Emits [`Event::ContractDeclined`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::decline_contract())]
		pub fn decline_contract(origin: OriginFor<T>, contract: ContractId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::remove_proposal(&who, contract, Party::Worker)?;
			Self::deposit_event(Event::ContractDeclined { contract });
			Ok(())
		}

		/// Accepts a proposal: the worker's signature. The terms are checked again on the
		/// contract's start date, the worker must still be an active citizen and the employer
		/// still hold its role.
		///
		/// Origin: signed by the proposal's worker. Emits [`Event::ContractSigned`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::accept_contract())]
		pub fn accept_contract(origin: OriginFor<T>, contract: ContractId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_contract(who, contract)
		}

		/// Proposes new terms and a new end date for a signed contract, in force from the day
		/// the other side signs them; replaces any amendment waiting. The terms must pass
		/// [`Pallet::check_terms`] on today's date (or the start date, if later).
		///
		/// Origin: signed by either side of the contract. Emits [`Event::AmendmentProposed`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::propose_amendment(terms.allowances.len() as u32))]
		pub fn propose_amendment(
			origin: OriginFor<T>,
			contract: ContractId,
			end: Option<Date>,
			terms: TermsOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_propose_amendment(who, contract, end, terms)
		}

		/// Signs the amendment the other side proposed, after checking its terms again: they are
		/// the contract's from now on.
		///
		/// Origin: signed by the side that did not propose it. Emits [`Event::ContractAmended`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::accept_amendment())]
		pub fn accept_amendment(origin: OriginFor<T>, contract: ContractId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_amendment(who, contract)
		}

		/// Cancels the amendment waiting for a signature: the proposer withdraws it, or the other
		/// side declines it.
		///
		/// Origin: signed by either side of the contract. Emits [`Event::AmendmentCancelled`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::cancel_amendment())]
		pub fn cancel_amendment(origin: OriginFor<T>, contract: ContractId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = Contracts::<T>::get(contract).ok_or(Error::<T>::UnknownContract)?;
			let by = record.party(&who).ok_or(Error::<T>::NotParty)?;
			Amendments::<T>::take(contract).ok_or(Error::<T>::NoAmendment)?;
			Self::deposit_event(Event::AmendmentCancelled { contract, by });
			Ok(())
		}

		/// Ends a signed contract for `reason`, with `last_day` its last day: not before today,
		/// within its term. Shifts worked up to that day can still be recorded and confirmed.
		///
		/// Origin: signed by either side of the contract. Emits [`Event::ContractEnded`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::end_contract())]
		pub fn end_contract(
			origin: OriginFor<T>,
			contract: ContractId,
			reason: EndReason,
			last_day: Date,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_end_contract(who, contract, reason, last_day)
		}

		/// Records a shift worked under a signed contract on `date` (a day that has begun, within
		/// the contract's term): its hours from that day, not overlapping another shift of the
		/// contract. The other side confirms or disputes it within the confirmation period.
		///
		/// Origin: signed by either side of the contract. Emits [`Event::ShiftRecorded`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::record_shift())]
		pub fn record_shift(
			origin: OriginFor<T>,
			contract: ContractId,
			date: Date,
			hours: Hours,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_record_shift(who, contract, date, hours)
		}

		/// Confirms a shift the other side recorded.
		///
		/// Origin: signed by the side that did not record it. Emits [`Event::ShiftConfirmed`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::confirm_shift())]
		pub fn confirm_shift(
			origin: OriginFor<T>,
			contract: ContractId,
			date: Date,
			index: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::answer_shift(who, contract, date, index, ShiftStatus::Confirmed)?;
			Self::deposit_event(Event::ShiftConfirmed { contract, date, index });
			Ok(())
		}

		/// Disputes a shift the other side recorded, within the confirmation period, for the
		/// reasons whose hash is `reason`; a labour inspector rules on it.
		///
		/// Origin: signed by the side that did not record it. Emits [`Event::ShiftDisputed`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::dispute_shift())]
		pub fn dispute_shift(
			origin: OriginFor<T>,
			contract: ContractId,
			date: Date,
			index: u32,
			reason: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::answer_shift(who, contract, date, index, ShiftStatus::Disputed(reason))?;
			Self::deposit_event(Event::ShiftDisputed { contract, date, index, reason });
			Ok(())
		}

		/// Withdraws a shift recorded by mistake, while the other side has not answered and the
		/// confirmation period runs; the withdrawn record stays.
		///
		/// Origin: signed by the side that recorded it. Emits [`Event::ShiftWithdrawn`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::withdraw_shift())]
		pub fn withdraw_shift(
			origin: OriginFor<T>,
			contract: ContractId,
			date: Date,
			index: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_shift(who, contract, date, index)
		}

		/// Rules on a disputed shift: `hours` are the hours worked (checked as a recorded shift's
		/// are), or `None` if the shift did not happen; `ruling` is the hash of the ruling.
		///
		/// Origin: signed by a member holding [`Role::LaborInspector`]. Emits
		/// [`Event::ShiftRuled`].
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::rule_on_shift())]
		pub fn rule_on_shift(
			origin: OriginFor<T>,
			contract: ContractId,
			date: Date,
			index: u32,
			hours: Option<Hours>,
			ruling: H256,
		) -> DispatchResult {
			let inspector = ensure_signed(origin)?;
			Self::do_rule_on_shift(inspector, contract, date, index, hours, ruling)
		}

		/// Lists `date` as a public holiday (`holiday`), or takes it off the list. Pay statements
		/// computed afterwards follow the list.
		///
		/// Origin: [`Config::CityOrigin`]. Emits [`Event::PublicHolidaySet`].
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::set_public_holiday())]
		pub fn set_public_holiday(
			origin: OriginFor<T>,
			date: Date,
			holiday: bool,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			ensure!(date.is_valid(), Error::<T>::InvalidDate);
			if holiday {
				PublicHolidays::<T>::insert(date, ());
			} else {
				PublicHolidays::<T>::remove(date);
			}
			Self::deposit_event(Event::PublicHolidaySet { date, holiday });
			Ok(())
		}

		/// Sets the workers' shares of the insurance premiums that pay statements deduct, in
		/// parts per million, and the National Pension's income bounds.
		///
		/// Origin: [`Config::CityOrigin`]. Emits [`Event::InsuranceRatesSet`].
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::set_insurance_rates())]
		pub fn set_insurance_rates(origin: OriginFor<T>, rates: InsuranceRates) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			let ppm = [
				rates.pension_ppm,
				rates.health_ppm,
				rates.long_term_care_ppm,
				rates.employment_ppm,
			];
			ensure!(
				ppm.iter().all(|rate| *rate <= 1_000_000)
					&& rates.pension_income_floor <= rates.pension_income_ceiling,
				Error::<T>::InvalidRates
			);
			CurrentInsuranceRates::<T>::put(rates);
			Self::deposit_event(Event::InsuranceRatesSet { rates });
			Ok(())
		}

		/// Issues the pay statement of a contract for the days `from` to `to` (at most 31, ended,
		/// after the periods already stated): the totals the employer paid and the hash of the
		/// pay slip it handed over. The chain computes the pay ([`Pallet::compute_pay`]) beside
		/// it and records the shortfall if the employer paid less gross pay. Every shift of the
		/// period must count first.
		///
		/// Origin: signed by the contract's employer, holding [`Role::Employer`]. Emits
		/// [`Event::PayStatementIssued`].
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::issue_pay_statement())]
		pub fn issue_pay_statement(
			origin: OriginFor<T>,
			contract: ContractId,
			from: Date,
			to: Date,
			paid: PaidAmounts,
			slip: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_issue_pay_statement(who, contract, from, to, paid, slip)
		}

		/// Acknowledges the pay statement of a contract for the period from `from`.
		///
		/// Origin: signed by the contract's worker. Emits [`Event::PayStatementAcknowledged`].
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::acknowledge_pay_statement())]
		pub fn acknowledge_pay_statement(
			origin: OriginFor<T>,
			contract: ContractId,
			from: Date,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::answer_statement(who, contract, from, StatementStatus::Acknowledged)
		}

		/// Disputes the pay statement of a contract for the period from `from`, for the reasons
		/// whose hash is `reason`.
		///
		/// Origin: signed by the contract's worker. Emits [`Event::PayStatementDisputed`].
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::dispute_pay_statement())]
		pub fn dispute_pay_statement(
			origin: OriginFor<T>,
			contract: ContractId,
			from: Date,
			reason: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::answer_statement(who, contract, from, StatementStatus::Disputed(reason))
		}

		/// Names `insurer`, a member holding [`Role::Insurer`], the insurer that receives the
		/// reports of `insurance`.
		///
		/// Origin: [`Config::CityOrigin`]. Emits [`Event::InsurerSet`].
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::set_insurer())]
		pub fn set_insurer(
			origin: OriginFor<T>,
			insurance: Insurance,
			insurer: T::AccountId,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			ensure!(T::Registry::has_role(&insurer, Role::Insurer), Error::<T>::NotInsurer);
			Insurers::<T>::insert(insurance, &insurer);
			Self::deposit_event(Event::InsurerSet { insurance, insurer });
			Ok(())
		}

		/// Reports the worker's acquisition to the insurer of every insurance the contract
		/// requires and that is not reported yet (or was refused): one report for all of them.
		///
		/// Origin: signed by the contract's employer, holding [`Role::Employer`]. Emits
		/// [`Event::AcquisitionReported`].
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::report_acquisition())]
		pub fn report_acquisition(origin: OriginFor<T>, contract: ContractId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_report_acquisition(who, contract)
		}

		/// Acknowledges the acquisition reported for `insurance` under `contract`, with the hash
		/// of the insurer's reference.
		///
		/// Origin: signed by the insurance's insurer. Emits [`Event::ReportAnswered`].
		#[pallet::call_index(22)]
		#[pallet::weight(T::WeightInfo::answer_report())]
		pub fn acknowledge_acquisition(
			origin: OriginFor<T>,
			contract: ContractId,
			insurance: Insurance,
			reference: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let answer = EnrolmentStatus::Enrolled(reference);
			Self::answer_report(who, contract, insurance, EnrolmentStatus::Reported, answer)
		}

		/// Refuses the acquisition reported for `insurance` under `contract`, for the reasons
		/// whose hash is `reason`: the enrolment is due again.
		///
		/// Origin: signed by the insurance's insurer. Emits [`Event::ReportAnswered`].
		#[pallet::call_index(23)]
		#[pallet::weight(T::WeightInfo::answer_report())]
		pub fn refuse_acquisition(
			origin: OriginFor<T>,
			contract: ContractId,
			insurance: Insurance,
			reason: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let answer = EnrolmentStatus::Refused(reason);
			Self::answer_report(who, contract, insurance, EnrolmentStatus::Reported, answer)
		}

		/// Reports the loss to the insurer of every insurance the worker is enrolled in, once the
		/// contract is over.
		///
		/// Origin: signed by the contract's employer, holding [`Role::Employer`]. Emits
		/// [`Event::LossReported`].
		#[pallet::call_index(24)]
		#[pallet::weight(T::WeightInfo::report_loss())]
		pub fn report_loss(origin: OriginFor<T>, contract: ContractId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_report_loss(who, contract)
		}

		/// Acknowledges the loss reported for `insurance` under `contract`, with the hash of the
		/// insurer's reference.
		///
		/// Origin: signed by the insurance's insurer. Emits [`Event::ReportAnswered`].
		#[pallet::call_index(25)]
		#[pallet::weight(T::WeightInfo::answer_report())]
		pub fn acknowledge_loss(
			origin: OriginFor<T>,
			contract: ContractId,
			insurance: Insurance,
			reference: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let answer = EnrolmentStatus::Closed(reference);
			Self::answer_report(who, contract, insurance, EnrolmentStatus::LossReported, answer)
		}
	}
}
