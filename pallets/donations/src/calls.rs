//! The calls of the donations pallet, a section of the pallet module (imported with
//! `#[import_section]`, so that `lib.rs` keeps the configuration, storage, events and errors).

use frame_support::pallet_macros::pallet_section;

/// The calls: the city's setting, charities, campaigns, donations, milestones, refunds and
/// receipts.
#[pallet_section]
mod calls {
	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Sets how long after giving an S-coin donation its donor may withdraw it, in
		/// milliseconds (at most [`Config::MaxCoolingOff`]), for donations given from now on: a
		/// donation keeps the window it was given with.
		///
		/// Origin: [`Config::CityOrigin`]. Emits [`Event::CoolingOffSet`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_cooling_off())]
		pub fn set_cooling_off(origin: OriginFor<T>, period: u64) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			ensure!(period <= T::MaxCoolingOff::get(), Error::<T>::BadCoolingOff);
			CoolingOff::<T>::put(period);
			Self::deposit_event(Event::CoolingOffSet { period });
			Ok(())
		}

		/// Registers the caller's registration number (ten ASCII digits, e.g. `b"1238212345"`
		/// for 123-82-12345) and the donation-type code of the donations it receives, or changes
		/// them for receipts issued from now on.
		///
		/// Origin: signed by a member holding [`Role::Charity`]. Emits
		/// [`Event::CharityRegistered`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::register_charity())]
		pub fn register_charity(
			origin: OriginFor<T>,
			registration: [u8; 10],
			donation_type: DonationType,
		) -> DispatchResult {
			let charity = ensure_signed(origin)?;
			ensure!(T::Registry::has_role(&charity, Role::Charity), Error::<T>::NotCharity);
			let registration =
				RegistrationNumber::new(registration).ok_or(Error::<T>::BadRegistrationNumber)?;
			Charities::<T>::insert(&charity, CharityProfile { registration, donation_type });
			Self::deposit_event(Event::CharityRegistered { charity, registration, donation_type });
			Ok(())
		}

		/// Opens a campaign raising `goal` S-coin until `deadline` (milliseconds since the Unix
		/// epoch, at most [`Config::MaxCampaignDuration`] away) for the plan `milestones` (each
		/// step's amount and description hash, adding up to `goal`), reviewed by `reviewer`.
		///
		/// Origin: signed by a registered charity. Emits [`Event::CampaignOpened`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::open_campaign(milestones.len() as u32))]
		pub fn open_campaign(
			origin: OriginFor<T>,
			goal: Balance,
			deadline: u64,
			mode: FundingMode,
			reviewer: Reviewer<T::AccountId>,
			description_hash: H256,
			milestones: PlanOf<T>,
		) -> DispatchResult {
			let charity = ensure_signed(origin)?;
			Self::ensure_charity(&charity)?;
			let now = Self::now();
			ensure!(
				deadline > now && deadline <= now.saturating_add(T::MaxCampaignDuration::get()),
				Error::<T>::BadDeadline
			);
			let planned = milestones.iter().try_fold(0 as Balance, |sum, (amount, _)| {
				(*amount > 0).then(|| sum.checked_add(*amount)).flatten()
			});
			ensure!(!milestones.is_empty() && planned == Some(goal), Error::<T>::BadPlan);
			if let Reviewer::Agency(agency) = &reviewer {
				ensure!(
					*agency != charity
						&& T::Registry::active_kind(agency) == Some(MemberKind::Agency),
					Error::<T>::BadReviewer
				);
			}
			let milestones: BoundedVec<_, T::MaxMilestones> = milestones
				.into_iter()
				.map(|(amount, description_hash)| Milestone {
					amount,
					description_hash,
					state: MilestoneState::Pending,
				})
				.collect::<alloc::vec::Vec<_>>()
				.try_into()
				.map_err(|_| Error::<T>::BadPlan)?;
			let campaign = NextCampaignId::<T>::get();
			Campaigns::<T>::insert(
				campaign,
				Campaign {
					charity: charity.clone(),
					reviewer: reviewer.clone(),
					description_hash,
					goal,
					deadline,
					mode,
					milestones,
					status: CampaignStatus::Fundraising,
					raised: 0,
					released: 0,
					refunded: 0,
					spent: 0,
					raised_won: 0,
					donations: 0,
					refund_cursor: 0,
					unrefunded: 0,
					unpaid: 0,
					reports: 0,
					withdrawals_end: 0,
				},
			);
			CampaignOpenedAt::<T>::insert(campaign, now);
			NextCampaignId::<T>::put(campaign.saturating_add(1));
			Self::deposit_event(Event::CampaignOpened {
				campaign,
				charity,
				reviewer,
				goal,
				deadline,
				mode,
				description_hash,
			});
			Ok(())
		}

		/// Gives `amount` S-coin to `campaign`, held in escrow until released or refunded. The
		/// donor keeps at least the existential deposit.
		///
		/// Origin: signed by an active member. Emits [`Event::Donated`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::donate())]
		pub fn donate(
			origin: OriginFor<T>,
			campaign: CampaignId,
			amount: Balance,
		) -> DispatchResult {
			let donor = ensure_signed(origin)?;
			Self::ensure_member(&donor)?;
			let mut record = Self::campaign(campaign)?;
			let now = Self::now();
			ensure!(
				record.status == CampaignStatus::Fundraising && now < record.deadline,
				Error::<T>::CampaignClosed
			);
			ensure!(amount >= T::MinDonation::get(), Error::<T>::DonationTooSmall);
			Self::hold_in_escrow(&donor, amount)?;
			record.raised = record.raised.saturating_add(amount);
			let withdrawable_until = now.saturating_add(CoolingOff::<T>::get());
			record.withdrawals_end = record.withdrawals_end.max(withdrawable_until);
			let donation = Self::record_donation(
				&mut record,
				campaign,
				Donation {
					donor: donor.clone(),
					campaign,
					amount,
					kind: DonationKind::SCoin,
					given_at: now,
					withdrawable_until,
					state: DonationState::Given,
					refunded: 0,
					receipt: None,
				},
			)?;
			Campaigns::<T>::insert(campaign, record);
			Self::deposit_event(Event::Donated { campaign, donation, donor, amount });
			Ok(())
		}

		/// Withdraws the caller's S-coin donation `donation` within its cooling-off period, while
		/// its campaign raises (a campaign closes only once every cooling-off has passed).
		///
		/// Origin: signed by the donor. Emits [`Event::DonationWithdrawn`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw_donation())]
		pub fn withdraw_donation(origin: OriginFor<T>, donation: DonationId) -> DispatchResult {
			let donor = ensure_signed(origin)?;
			let mut gift =
				DonationRecords::<T>::get(donation).ok_or(Error::<T>::UnknownDonation)?;
			ensure!(gift.donor == donor, Error::<T>::NotDonor);
			ensure!(
				gift.kind == DonationKind::SCoin && gift.state == DonationState::Given,
				Error::<T>::NotWithdrawable
			);
			ensure!(Self::now() < gift.withdrawable_until, Error::<T>::CoolingOffOver);
			let mut record = Self::campaign(gift.campaign)?;
			ensure!(record.status == CampaignStatus::Fundraising, Error::<T>::AlreadyEnded);
			Self::pay_from_escrow(&donor, gift.amount)?;
			record.raised = record.raised.saturating_sub(gift.amount);
			gift.state = DonationState::Withdrawn;
			let (campaign, amount) = (gift.campaign, gift.amount);
			DonationRecords::<T>::insert(donation, gift);
			Campaigns::<T>::insert(campaign, record);
			Self::deposit_event(Event::DonationWithdrawn { campaign, donation, donor, amount });
			Ok(())
		}

		/// Records that `donor` gave `amount` won to `campaign` by bank transfer on `paid_at`
		/// (milliseconds since the Unix epoch: not in the future, and within the campaign's
		/// life, from its opening to its deadline), whose reference hashes to
		/// `bank_reference_hash`. It counts once the donor confirms it.
		///
		/// Origin: signed by the campaign's charity. Emits [`Event::WonDonationRecorded`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::record_won_donation())]
		pub fn record_won_donation(
			origin: OriginFor<T>,
			campaign: CampaignId,
			donor: T::AccountId,
			amount: Balance,
			bank_reference_hash: H256,
			paid_at: u64,
		) -> DispatchResult {
			let charity = ensure_signed(origin)?;
			Self::ensure_charity(&charity)?;
			let mut record = Self::campaign(campaign)?;
			ensure!(record.charity == charity, Error::<T>::NotCampaignCharity);
			ensure!(record.is_open(), Error::<T>::CampaignClosed);
			Self::ensure_member(&donor)?;
			ensure!(amount > 0, Error::<T>::ZeroAmount);
			// The date decides the receipt's year: a transfer dated outside the campaign's life
			// would let a charity move a donation into a year it was not given in.
			let opened_at = CampaignOpenedAt::<T>::get(campaign)
				.unwrap_or_else(|| record.deadline.saturating_sub(T::MaxCampaignDuration::get()));
			ensure!(
				paid_at <= Self::now().min(record.deadline) && paid_at >= opened_at,
				Error::<T>::BadDate
			);
			ensure!(
				!BankReferences::<T>::contains_key(bank_reference_hash),
				Error::<T>::DuplicateBankReference
			);
			let donation = Self::record_donation(
				&mut record,
				campaign,
				Donation {
					donor: donor.clone(),
					campaign,
					amount,
					kind: DonationKind::Won { bank_reference_hash },
					given_at: paid_at,
					withdrawable_until: paid_at,
					state: DonationState::Unconfirmed,
					refunded: 0,
					receipt: None,
				},
			)?;
			BankReferences::<T>::insert(bank_reference_hash, donation);
			Campaigns::<T>::insert(campaign, record);
			Self::deposit_event(Event::WonDonationRecorded {
				campaign,
				donation,
				donor,
				amount,
				bank_reference_hash,
			});
			Ok(())
		}

		/// Confirms the won donation `donation` the charity recorded for the caller.
		///
		/// Origin: signed by the donor. Emits [`Event::WonDonationConfirmed`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::confirm_won_donation())]
		pub fn confirm_won_donation(origin: OriginFor<T>, donation: DonationId) -> DispatchResult {
			let donor = ensure_signed(origin)?;
			let mut gift =
				DonationRecords::<T>::get(donation).ok_or(Error::<T>::UnknownDonation)?;
			ensure!(gift.donor == donor, Error::<T>::NotDonor);
			ensure!(gift.state == DonationState::Unconfirmed, Error::<T>::NotUnconfirmed);
			let campaign = gift.campaign;
			Campaigns::<T>::try_mutate(campaign, |record| {
				let record = record.as_mut().ok_or(Error::<T>::UnknownCampaign)?;
				record.raised_won = record.raised_won.saturating_add(gift.amount);
				Ok::<_, DispatchError>(())
			})?;
			gift.state = DonationState::Given;
			DonationRecords::<T>::insert(donation, gift);
			Self::deposit_event(Event::WonDonationConfirmed { campaign, donation, donor });
			Ok(())
		}

		/// Closes `campaign` once its deadline and the cooling-off of its last S-coin donation
		/// have passed: funded, or, if it is all-or-nothing and raised less than its goal,
		/// refunding.
		///
		/// Origin: any signed account. Emits [`Event::CampaignFunded`] or
		/// [`Event::RefundsStarted`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::close_campaign())]
		pub fn close_campaign(origin: OriginFor<T>, campaign: CampaignId) -> DispatchResult {
			ensure_signed(origin)?;
			let mut record = Self::campaign(campaign)?;
			ensure!(record.status == CampaignStatus::Fundraising, Error::<T>::NotFundraising);
			let now = Self::now();
			ensure!(
				now >= record.deadline && now >= record.withdrawals_end,
				Error::<T>::StillFundraising
			);
			if record.mode == FundingMode::AllOrNothing && record.raised < record.goal {
				Self::start_refunds(campaign, &mut record, RefundReason::GoalMissed);
			} else {
				record.status = CampaignStatus::Funded;
				Self::deposit_event(Event::CampaignFunded { campaign, raised: record.raised });
			}
			Campaigns::<T>::insert(campaign, record);
			Ok(())
		}

		/// Claims milestone `milestone` of `campaign` with the hash of its evidence, for the
		/// reviewer to rule on. Milestones go in order; a rejected one may be claimed again.
		///
		/// Origin: signed by the campaign's charity, still holding [`Role::Charity`]. Emits [`Event::MilestoneClaimed`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::claim_milestone())]
		pub fn claim_milestone(
			origin: OriginFor<T>,
			campaign: CampaignId,
			milestone: MilestoneIndex,
			evidence_hash: H256,
		) -> DispatchResult {
			let charity = ensure_signed(origin)?;
			let mut record = Self::campaign(campaign)?;
			ensure!(record.charity == charity, Error::<T>::NotCampaignCharity);
			ensure!(T::Registry::has_role(&charity, Role::Charity), Error::<T>::NotCharity);
			Self::ensure_may_release(&record)?;
			let index = milestone as usize;
			ensure!(index < record.milestones.len(), Error::<T>::UnknownMilestone);
			ensure!(
				record.milestones[..index]
					.iter()
					.all(|earlier| matches!(earlier.state, MilestoneState::Released { .. })),
				Error::<T>::MilestoneOutOfOrder
			);
			let step = &mut record.milestones[index];
			ensure!(
				matches!(step.state, MilestoneState::Pending | MilestoneState::Rejected { .. }),
				Error::<T>::MilestoneNotClaimable
			);
			step.state = MilestoneState::Claimed { evidence_hash };
			Campaigns::<T>::insert(campaign, record);
			Self::deposit_event(Event::MilestoneClaimed { campaign, milestone, evidence_hash });
			Ok(())
		}

		/// Approves the claimed milestone `milestone` of `campaign`: its amount, or what the
		/// campaign holds if less, goes from escrow to the charity, which must still hold
		/// [`Role::Charity`] (once the city takes it, only a cancellation moves the funds: back to
		/// the donors).
		///
		/// Origin: the campaign's reviewer: [`Config::CityOrigin`] for [`Reviewer::City`], or
		/// signed by the agency member it names. Emits [`Event::MilestoneReleased`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::approve_milestone())]
		pub fn approve_milestone(
			origin: OriginFor<T>,
			campaign: CampaignId,
			milestone: MilestoneIndex,
		) -> DispatchResult {
			let mut record = Self::campaign(campaign)?;
			Self::ensure_reviewer(origin, &record)?;
			Self::ensure_may_release(&record)?;
			ensure!(T::Registry::has_role(&record.charity, Role::Charity), Error::<T>::NotCharity);
			let held = record.held();
			let step = record
				.milestones
				.get_mut(milestone as usize)
				.ok_or(Error::<T>::UnknownMilestone)?;
			ensure!(
				matches!(step.state, MilestoneState::Claimed { .. }),
				Error::<T>::MilestoneNotClaimed
			);
			let amount = step.amount.min(held);
			ensure!(amount > 0, Error::<T>::NothingHeld);
			step.state = MilestoneState::Released { amount };
			Self::pay_from_escrow(&record.charity, amount)?;
			record.released = record.released.saturating_add(amount);
			let charity = record.charity.clone();
			Campaigns::<T>::insert(campaign, record);
			Self::deposit_event(Event::MilestoneReleased { campaign, milestone, charity, amount });
			Ok(())
		}

		/// Rejects the claim of milestone `milestone` of `campaign`, for the reason whose hash is
		/// `reason_hash`; the charity may claim it again with new evidence.
		///
		/// Origin: the campaign's reviewer, as for [`Pallet::approve_milestone`]. Emits
		/// [`Event::MilestoneRejected`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::reject_milestone())]
		pub fn reject_milestone(
			origin: OriginFor<T>,
			campaign: CampaignId,
			milestone: MilestoneIndex,
			reason_hash: H256,
		) -> DispatchResult {
			let mut record = Self::campaign(campaign)?;
			Self::ensure_reviewer(origin, &record)?;
			let step = record
				.milestones
				.get_mut(milestone as usize)
				.ok_or(Error::<T>::UnknownMilestone)?;
			let MilestoneState::Claimed { evidence_hash } = step.state else {
				return Err(Error::<T>::MilestoneNotClaimed.into());
			};
			step.state = MilestoneState::Rejected { evidence_hash, reason_hash };
			Campaigns::<T>::insert(campaign, record);
			Self::deposit_event(Event::MilestoneRejected { campaign, milestone, reason_hash });
			Ok(())
		}

		/// Reports spending `amount` of the funds `campaign` released on `category`, with the hash
		/// of the evidence; reported spending never exceeds what was released.
		///
		/// Origin: signed by the campaign's charity. Emits [`Event::SpendingReported`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::report_spending())]
		pub fn report_spending(
			origin: OriginFor<T>,
			campaign: CampaignId,
			amount: Balance,
			category: SpendingCategory,
			evidence_hash: H256,
		) -> DispatchResult {
			let charity = ensure_signed(origin)?;
			let mut record = Self::campaign(campaign)?;
			ensure!(record.charity == charity, Error::<T>::NotCampaignCharity);
			ensure!(amount > 0, Error::<T>::ZeroAmount);
			let spent = record
				.spent
				.checked_add(amount)
				.filter(|spent| *spent <= record.released)
				.ok_or(Error::<T>::SpendingExceedsReleased)?;
			let report = record.reports;
			SpendingReports::<T>::insert(
				campaign,
				report,
				SpendingReport { amount, category, evidence_hash, reported_at: Self::now() },
			);
			record.spent = spent;
			record.reports = report.saturating_add(1);
			Campaigns::<T>::insert(campaign, record);
			Self::deposit_event(Event::SpendingReported {
				campaign,
				report,
				amount,
				category,
				evidence_hash,
			});
			Ok(())
		}

		/// Cancels `campaign`: every donor's unreleased share is paid back, a batch at a time.
		///
		/// Origin: signed by the campaign's charity, or [`Config::CityOrigin`]. Emits
		/// [`Event::RefundsStarted`], and [`Event::RefundsCompleted`] at once if the campaign
		/// holds nothing.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::cancel_campaign())]
		pub fn cancel_campaign(origin: OriginFor<T>, campaign: CampaignId) -> DispatchResult {
			let mut record = Self::campaign(campaign)?;
			let reason = match T::CityOrigin::try_origin(origin) {
				Ok(_) => RefundReason::CancelledByCity,
				Err(origin) => {
					ensure!(
						ensure_signed(origin)? == record.charity,
						Error::<T>::NotCampaignCharity
					);
					RefundReason::CancelledByCharity
				}
			};
			ensure!(record.is_open(), Error::<T>::AlreadyEnded);
			Self::start_refunds(campaign, &mut record, reason);
			Campaigns::<T>::insert(campaign, record);
			Ok(())
		}

		/// Pays back up to `max` (at most [`Config::MaxRefundBatch`]) donations of the refunding
		/// `campaign`, each its share of what the campaign holds. The blocks' idle time does the
		/// same; this call is for whoever wants it sooner.
		///
		/// Origin: any signed account. Emits [`Event::Refunded`] for each donation paid (or
		/// [`Event::RefundFailed`]), and [`Event::RefundsCompleted`] after the last.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::refund((*max).clamp(1, T::MaxRefundBatch::get())))]
		pub fn refund(
			origin: OriginFor<T>,
			campaign: CampaignId,
			max: u32,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let max = max.clamp(1, T::MaxRefundBatch::get());
			let record = Self::campaign(campaign)?;
			ensure!(
				matches!(record.status, CampaignStatus::Refunding(_)),
				Error::<T>::NotRefunding
			);
			let paid = Self::refund_batch(campaign, record, max);
			Ok(Some(T::WeightInfo::refund(paid)).into())
		}

		/// Pays the refund of `donation` that could not be paid when its campaign refunded (its
		/// donor's account could not take it then, e.g. a share below the existential deposit of
		/// a reaped account), once the donor's account can take it.
		///
		/// Origin: any signed account (the donor, or anyone for them: the S-coin goes to the
		/// donor). Emits [`Event::Refunded`].
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::claim_refund())]
		pub fn claim_refund(origin: OriginFor<T>, donation: DonationId) -> DispatchResult {
			ensure_signed(origin)?;
			let amount = UnpaidRefunds::<T>::get(donation).ok_or(Error::<T>::NoUnpaidRefund)?;
			let mut gift =
				DonationRecords::<T>::get(donation).ok_or(Error::<T>::UnknownDonation)?;
			let mut record = Self::campaign(gift.campaign)?;
			Self::pay_from_escrow(&gift.donor, amount)?;
			record.unpaid = record.unpaid.saturating_sub(amount);
			record.refunded = record.refunded.saturating_add(amount);
			gift.refunded = amount;
			let (campaign, donor) = (gift.campaign, gift.donor.clone());
			UnpaidRefunds::<T>::remove(donation);
			DonationRecords::<T>::insert(donation, gift);
			Campaigns::<T>::insert(campaign, record);
			Self::deposit_event(Event::Refunded { campaign, donation, donor, amount });
			Ok(())
		}

		/// Retracts the won donation `donation` before its donor confirmed it, while its campaign
		/// still takes records: the charity takes back a wrong record, or the donor disputes one.
		/// The record stays, marked [`DonationState::Retracted`], counted nowhere; its bank
		/// reference may be recorded again, so a correct record takes its place. A dispute also
		/// frees the record's place in the donor's year; a charity's retraction keeps it taken, so
		/// that recording and retracting again cannot grow a donor's records past
		/// [`Config::MaxReceiptLines`] a year.
		///
		/// Origin: signed by the donation's donor or its campaign's charity (even one the city
		/// took the role from: retracting only takes back its own claim). Emits
		/// [`Event::WonDonationRetracted`].
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::retract_won_donation())]
		pub fn retract_won_donation(origin: OriginFor<T>, donation: DonationId) -> DispatchResult {
			let by = ensure_signed(origin)?;
			let mut gift =
				DonationRecords::<T>::get(donation).ok_or(Error::<T>::UnknownDonation)?;
			let record = Self::campaign(gift.campaign)?;
			ensure!(by == gift.donor || by == record.charity, Error::<T>::NotParty);
			let DonationKind::Won { bank_reference_hash } = gift.kind else {
				return Err(Error::<T>::NotUnconfirmed.into());
			};
			ensure!(gift.state == DonationState::Unconfirmed, Error::<T>::NotUnconfirmed);
			// Once the campaign takes no records, a retracted transfer could not be recorded again.
			ensure!(record.is_open(), Error::<T>::CampaignClosed);
			BankReferences::<T>::remove(bank_reference_hash);
			if by == gift.donor {
				let year = Date::in_korea_at(gift.given_at).year;
				ReceiptableDonations::<T>::mutate_exists(
					(&gift.donor, &record.charity, year),
					|ids| {
						if let Some(list) = ids {
							list.retain(|id| *id != donation);
							if list.is_empty() {
								*ids = None;
							}
						}
					},
				);
			}
			gift.state = DonationState::Retracted;
			let campaign = gift.campaign;
			DonationRecords::<T>::insert(donation, gift);
			Self::deposit_event(Event::WonDonationRetracted { campaign, donation, by });
			Ok(())
		}

		/// Issues `donor` a receipt for their donations of `year` (in Korea) to the caller's
		/// campaigns that no receipt lists yet: S-coin past its cooling-off and not withdrawn,
		/// confirmed won, each less what was paid back of it. Charged for every donation of the
		/// year it looked at, listed or not.
		///
		/// Origin: signed by a registered charity. Emits [`Event::ReceiptIssued`].
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::issue_receipt(T::MaxReceiptLines::get()))]
		pub fn issue_receipt(
			origin: OriginFor<T>,
			donor: T::AccountId,
			year: u16,
		) -> DispatchResultWithPostInfo {
			let charity = ensure_signed(origin)?;
			let profile = Self::ensure_charity(&charity)?;
			let examined = Self::issue(&charity, profile, &donor, year)?;
			Ok(Some(T::WeightInfo::issue_receipt(examined)).into())
		}
	}
}
