//! Proposals, signatures, amendments and endings: every call's success, errors and origins.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::Get};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

#[test]
fn an_employer_proposes_and_the_worker_signs() {
	ExtBuilder.build_and_execute(|| {
		let contract = propose(today(), twenty_hours());
		let record = Contracts::<Test>::get(contract).unwrap();
		assert_eq!(record.status, ContractStatus::Proposed);
		assert_eq!(record.weekly_minutes, 20 * 60);
		assert!(record.paid_holiday_and_leave);
		assert_eq!(OpenProposals::<Test>::get(EMPLOYER), 1);
		assert_eq!(ContractsOf::<Test>::get(EMPLOYER, contract), Some(Party::Employer));
		assert_eq!(ContractsOf::<Test>::get(WORKER, contract), Some(Party::Worker));
		assert_eq!(Labor::contract_record(contract).unwrap().standing, Standing::Proposed);

		assert_ok!(Labor::accept_contract(RuntimeOrigin::signed(WORKER), contract));
		let record = Contracts::<Test>::get(contract).unwrap();
		assert_eq!(record.status, ContractStatus::Signed);
		assert_eq!(OpenProposals::<Test>::get(EMPLOYER), 0);
		assert!(!OpenProposals::<Test>::contains_key(EMPLOYER));
		assert_eq!(Labor::contract_record(contract).unwrap().standing, Standing::InForce);
		assert_eq!(
			labor_events(),
			vec![
				Event::ContractProposed {
					contract,
					employer: EMPLOYER,
					worker: WORKER,
					document: H256::repeat_byte(0xdc),
				},
				Event::ContractSigned {
					contract,
					employer: EMPLOYER,
					worker: WORKER,
					document: H256::repeat_byte(0xdc),
					weekly_minutes: 1_200,
				},
			]
		);
	});
}

#[test]
fn under_fifteen_hours_the_contract_says_no_paid_holiday_or_leave() {
	ExtBuilder.build_and_execute(|| {
		let contract = propose(today(), fourteen_hours());
		let record = Contracts::<Test>::get(contract).unwrap();
		assert_eq!(record.weekly_minutes, 14 * 60);
		assert!(!record.paid_holiday_and_leave);
		assert_eq!(record.terms.weekly_holiday, None);
	});
}

#[test]
fn only_an_employer_proposes_and_only_to_an_active_citizen() {
	ExtBuilder.build_and_execute(|| {
		for (who, worker, error) in [
			(FORMER_EMPLOYER, WORKER, Error::<Test>::NotEmployer),
			(WORKER, OTHER_WORKER, Error::<Test>::NotEmployer),
			(STRANGER, WORKER, Error::<Test>::NotEmployer),
			(EMPLOYER, AGENCY, Error::<Test>::NotCitizen),
			(EMPLOYER, STRANGER, Error::<Test>::NotCitizen),
			(EMPLOYER, SMALL_SHOP, Error::<Test>::NotCitizen),
		] {
			assert_noop!(
				Labor::propose_contract(
					RuntimeOrigin::signed(who),
					worker,
					today(),
					None,
					twenty_hours()
				),
				error
			);
		}
		Register::suspend(&WORKER);
		assert_noop!(
			Labor::propose_contract(
				RuntimeOrigin::signed(EMPLOYER),
				WORKER,
				today(),
				None,
				twenty_hours()
			),
			Error::<Test>::NotCitizen
		);
		assert_noop!(
			Labor::propose_contract(RuntimeOrigin::root(), WORKER, today(), None, twenty_hours()),
			BadOrigin
		);
		assert_noop!(
			Labor::propose_contract(RuntimeOrigin::none(), WORKER, today(), None, twenty_hours()),
			BadOrigin
		);
	});
}

#[test]
fn an_employer_keeps_at_most_max_open_proposals() {
	// The attack: an employer proposes without end to fill the state; it is bounded.
	ExtBuilder.build_and_execute(|| {
		let max = <Test as Config>::MaxOpenProposals::get();
		let proposals: Vec<_> = (0..max).map(|_| propose(today(), twenty_hours())).collect();
		assert_noop!(
			Labor::propose_contract(
				RuntimeOrigin::signed(EMPLOYER),
				WORKER,
				today(),
				None,
				twenty_hours()
			),
			Error::<Test>::TooManyProposals
		);
		// Another employer is not affected; an answered proposal makes room.
		assert_ok!(Labor::propose_contract(
			RuntimeOrigin::signed(SMALL_SHOP),
			WORKER,
			today(),
			None,
			twenty_hours()
		));
		assert_ok!(Labor::decline_contract(RuntimeOrigin::signed(WORKER), proposals[0]));
		propose(today(), twenty_hours());
	});
}

#[test]
fn a_proposal_is_withdrawn_by_its_employer_or_declined_by_its_worker() {
	ExtBuilder.build_and_execute(|| {
		let withdrawn = propose(today(), twenty_hours());
		let declined = propose(today(), twenty_hours());
		assert_noop!(
			Labor::withdraw_proposal(RuntimeOrigin::signed(WORKER), withdrawn),
			Error::<Test>::NotParty
		);
		assert_noop!(
			Labor::decline_contract(RuntimeOrigin::signed(EMPLOYER), declined),
			Error::<Test>::NotParty
		);
		assert_noop!(
			Labor::decline_contract(RuntimeOrigin::signed(OTHER_WORKER), declined),
			Error::<Test>::NotParty
		);
		assert_noop!(
			Labor::withdraw_proposal(RuntimeOrigin::signed(EMPLOYER), 99),
			Error::<Test>::UnknownContract
		);
		assert_ok!(Labor::withdraw_proposal(RuntimeOrigin::signed(EMPLOYER), withdrawn));
		assert_ok!(Labor::decline_contract(RuntimeOrigin::signed(WORKER), declined));
		for contract in [withdrawn, declined] {
			assert!(!Contracts::<Test>::contains_key(contract));
			assert!(!ContractsOf::<Test>::contains_key(EMPLOYER, contract));
			assert!(!ContractsOf::<Test>::contains_key(WORKER, contract));
		}
		assert!(!OpenProposals::<Test>::contains_key(EMPLOYER));
		let events = labor_events();
		assert!(events.contains(&Event::ProposalWithdrawn { contract: withdrawn }));
		assert!(events.contains(&Event::ContractDeclined { contract: declined }));
	});
}

#[test]
fn a_signed_contract_cannot_be_withdrawn_declined_or_signed_again() {
	ExtBuilder.build_and_execute(|| {
		let contract = signed_contract();
		assert_noop!(
			Labor::withdraw_proposal(RuntimeOrigin::signed(EMPLOYER), contract),
			Error::<Test>::NotProposed
		);
		assert_noop!(
			Labor::decline_contract(RuntimeOrigin::signed(WORKER), contract),
			Error::<Test>::NotProposed
		);
		assert_noop!(
			Labor::accept_contract(RuntimeOrigin::signed(WORKER), contract),
			Error::<Test>::NotProposed
		);
	});
}

#[test]
fn only_the_worker_signs_and_the_checks_run_again() {
	ExtBuilder.build_and_execute(|| {
		let contract = propose(today(), twenty_hours());
		for who in [EMPLOYER, OTHER_WORKER, INSPECTOR] {
			assert_noop!(
				Labor::accept_contract(RuntimeOrigin::signed(who), contract),
				Error::<Test>::NotParty
			);
		}
		assert_noop!(
			Labor::accept_contract(RuntimeOrigin::signed(WORKER), 99),
			Error::<Test>::UnknownContract
		);
		// The city raised the minimum wage from the contract's start date in the meantime.
		assert_ok!(Labor::set_minimum_wage(RuntimeOrigin::root(), today(), MINIMUM_2026 + 1));
		assert_noop!(
			Labor::accept_contract(RuntimeOrigin::signed(WORKER), contract),
			Error::<Test>::BelowMinimumWage
		);
		assert_ok!(Labor::set_minimum_wage(RuntimeOrigin::root(), today(), MINIMUM_2026));
		// The employer lost its role, then the worker its standing.
		Register::take_roles(&EMPLOYER);
		assert_noop!(
			Labor::accept_contract(RuntimeOrigin::signed(WORKER), contract),
			Error::<Test>::NotEmployer
		);
		Register::add(&EMPLOYER, MemberKind::Employer, &[Role::Employer]);
		Register::suspend(&WORKER);
		assert_noop!(
			Labor::accept_contract(RuntimeOrigin::signed(WORKER), contract),
			Error::<Test>::NotCitizen
		);
	});
}

#[test]
fn both_sides_sign_an_amendment() {
	ExtBuilder.build_and_execute(|| {
		let contract = signed_contract();
		let mut raise = twenty_hours();
		raise.hourly_wage = 12_000;
		raise.document = H256::repeat_byte(0xee);
		assert_ok!(Labor::propose_amendment(
			RuntimeOrigin::signed(EMPLOYER),
			contract,
			Some(date(2026, 12, 31)),
			raise.clone()
		));
		assert_eq!(
			Amendments::<Test>::get(contract),
			Some(Amendment {
				proposed_by: Party::Employer,
				end: Some(date(2026, 12, 31)),
				terms: raise.clone()
			})
		);
		assert_eq!(Labor::contract_record(contract).unwrap().amendment.unwrap().terms, raise);
		assert_noop!(
			Labor::accept_amendment(RuntimeOrigin::signed(EMPLOYER), contract),
			Error::<Test>::OwnAmendment
		);
		assert_noop!(
			Labor::accept_amendment(RuntimeOrigin::signed(OTHER_WORKER), contract),
			Error::<Test>::NotParty
		);
		assert_ok!(Labor::accept_amendment(RuntimeOrigin::signed(WORKER), contract));
		let record = Contracts::<Test>::get(contract).unwrap();
		assert_eq!(record.terms, raise);
		assert_eq!(record.end, Some(date(2026, 12, 31)));
		assert_eq!(record.amendments, 1);
		assert!(!Amendments::<Test>::contains_key(contract));
		let events = labor_events();
		assert!(events.contains(&Event::AmendmentProposed {
			contract,
			by: Party::Employer,
			document: H256::repeat_byte(0xee)
		}));
		assert!(events.contains(&Event::ContractAmended {
			contract,
			document: H256::repeat_byte(0xee),
			weekly_minutes: 1_200
		}));
		assert_noop!(
			Labor::accept_amendment(RuntimeOrigin::signed(WORKER), contract),
			Error::<Test>::NoAmendment
		);
	});
}

#[test]
fn an_amendment_is_checked_like_a_contract_and_can_change_the_hours() {
	ExtBuilder.build_and_execute(|| {
		let contract = signed_contract();
		let mut cut = twenty_hours();
		cut.hourly_wage = MINIMUM_2026 - 1;
		assert_noop!(
			Labor::propose_amendment(RuntimeOrigin::signed(EMPLOYER), contract, None, cut),
			Error::<Test>::BelowMinimumWage
		);
		assert_noop!(
			Labor::propose_amendment(
				RuntimeOrigin::signed(EMPLOYER),
				contract,
				Some(date(2026, 3, 1)),
				twenty_hours()
			),
			Error::<Test>::OutsideTerm
		);
		// The worker proposes fewer hours; the holiday goes with them.
		assert_ok!(Labor::propose_amendment(
			RuntimeOrigin::signed(WORKER),
			contract,
			None,
			fourteen_hours()
		));
		assert_ok!(Labor::accept_amendment(RuntimeOrigin::signed(EMPLOYER), contract));
		let record = Contracts::<Test>::get(contract).unwrap();
		assert_eq!(record.weekly_minutes, 840);
		assert!(!record.paid_holiday_and_leave);
	});
}

#[test]
fn either_side_cancels_an_amendment_and_only_sides_amend() {
	ExtBuilder.build_and_execute(|| {
		let contract = signed_contract();
		assert_noop!(
			Labor::propose_amendment(
				RuntimeOrigin::signed(OTHER_WORKER),
				contract,
				None,
				twenty_hours()
			),
			Error::<Test>::NotParty
		);
		assert_noop!(
			Labor::cancel_amendment(RuntimeOrigin::signed(EMPLOYER), contract),
			Error::<Test>::NoAmendment
		);
		for (proposer, canceller) in [(EMPLOYER, EMPLOYER), (EMPLOYER, WORKER)] {
			assert_ok!(Labor::propose_amendment(
				RuntimeOrigin::signed(proposer),
				contract,
				None,
				twenty_hours()
			));
			assert_noop!(
				Labor::cancel_amendment(RuntimeOrigin::signed(OTHER_WORKER), contract),
				Error::<Test>::NotParty
			);
			assert_ok!(Labor::cancel_amendment(RuntimeOrigin::signed(canceller), contract));
			assert!(!Amendments::<Test>::contains_key(contract));
		}
		assert!(labor_events().contains(&Event::AmendmentCancelled { contract, by: Party::Worker }));
		let proposal = propose(today(), twenty_hours());
		assert_noop!(
			Labor::propose_amendment(
				RuntimeOrigin::signed(EMPLOYER),
				proposal,
				None,
				twenty_hours()
			),
			Error::<Test>::NotSigned
		);
	});
}

#[test]
fn either_side_ends_a_contract_within_its_term() {
	ExtBuilder.build_and_execute(|| {
		let contract = signed_contract();
		assert_ok!(Labor::propose_amendment(
			RuntimeOrigin::signed(EMPLOYER),
			contract,
			None,
			twenty_hours()
		));
		assert_noop!(
			Labor::end_contract(
				RuntimeOrigin::signed(OTHER_WORKER),
				contract,
				EndReason::Resignation,
				today()
			),
			Error::<Test>::NotParty
		);
		assert_noop!(
			Labor::end_contract(
				RuntimeOrigin::signed(WORKER),
				contract,
				EndReason::Resignation,
				date(2026, 3, 1)
			),
			Error::<Test>::OutsideTerm
		);
		assert_noop!(
			Labor::end_contract(
				RuntimeOrigin::signed(WORKER),
				contract,
				EndReason::Resignation,
				Date { year: 2026, month: 2, day: 30 }
			),
			Error::<Test>::InvalidDate
		);
		let last_day = date(2026, 3, 31);
		assert_ok!(Labor::end_contract(
			RuntimeOrigin::signed(WORKER),
			contract,
			EndReason::Resignation,
			last_day
		));
		let record = Contracts::<Test>::get(contract).unwrap();
		assert_eq!(
			record.status,
			ContractStatus::Ended { by: Party::Worker, reason: EndReason::Resignation, last_day }
		);
		assert!(!Amendments::<Test>::contains_key(contract));
		assert!(labor_events().contains(&Event::ContractEnded {
			contract,
			by: Party::Worker,
			reason: EndReason::Resignation,
			last_day
		}));
		assert_noop!(
			Labor::end_contract(
				RuntimeOrigin::signed(EMPLOYER),
				contract,
				EndReason::Dismissal,
				last_day
			),
			Error::<Test>::NotSigned
		);
		// Until its last day it binds; after, it is over.
		assert_eq!(Labor::contract_record(contract).unwrap().standing, Standing::InForce);
		pass_days(30);
		assert_eq!(Labor::contract_record(contract).unwrap().standing, Standing::Over);
	});
}

#[test]
fn a_fixed_term_contract_ends_by_itself_after_its_end_date() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(Labor::propose_contract(
			RuntimeOrigin::signed(EMPLOYER),
			WORKER,
			date(2026, 3, 9),
			Some(date(2026, 3, 13)),
			twenty_hours()
		));
		assert_ok!(Labor::accept_contract(RuntimeOrigin::signed(WORKER), 0));
		assert_eq!(Labor::contract_record(0).unwrap().standing, Standing::NotStarted);
		pass_days(7);
		assert_eq!(Labor::contract_record(0).unwrap().standing, Standing::InForce);
		pass_days(5);
		assert_eq!(Labor::contract_record(0).unwrap().standing, Standing::Over);
		assert_noop!(
			Labor::propose_amendment(RuntimeOrigin::signed(EMPLOYER), 0, None, twenty_hours()),
			Error::<Test>::ContractOver
		);
		assert_noop!(
			Labor::end_contract(RuntimeOrigin::signed(EMPLOYER), 0, EndReason::Other, today()),
			Error::<Test>::ContractOver
		);
	});
}

#[test]
fn a_member_lists_its_contracts_page_by_page() {
	ExtBuilder.build_and_execute(|| {
		let mut all: Vec<ContractId> = (0..3).map(|_| signed_contract()).collect();
		all.sort();
		let first = Labor::contracts_of(&WORKER, None, 2);
		assert_eq!(first.items.len(), 2);
		assert!(first.items.iter().all(|(_, party)| *party == Party::Worker));
		let second = Labor::contracts_of(&WORKER, first.next, 2);
		assert_eq!(second.items.len(), 1);
		assert_eq!(second.next, None);
		let mut listed: Vec<ContractId> =
			first.items.iter().chain(&second.items).map(|(id, _)| *id).collect();
		listed.sort();
		assert_eq!(listed, all);
		assert_eq!(Labor::contracts_of(&EMPLOYER, None, 100).items.len(), 3);
		assert!(Labor::contracts_of(&OTHER_WORKER, None, 100).items.is_empty());
		assert!(Labor::contract_record(99).is_none());
	});
}

#[test]
fn a_contract_keeps_the_terms_each_amendment_replaced_up_to_max_amendments() {
	ExtBuilder.build_and_execute(|| {
		let contract = signed_contract();
		let max = <Test as Config>::MaxAmendments::get();
		for n in 0..max {
			let mut terms = twenty_hours();
			terms.hourly_wage = MINIMUM_2026 + u64::from(n) + 1;
			assert_ok!(Labor::propose_amendment(
				RuntimeOrigin::signed(EMPLOYER),
				contract,
				None,
				terms
			));
			assert_ok!(Labor::accept_amendment(RuntimeOrigin::signed(WORKER), contract));
			let (from, replaced) = PastTerms::<Test>::get(contract, n as u16).unwrap();
			assert_eq!(from, today());
			assert_eq!(replaced.hourly_wage, MINIMUM_2026 + u64::from(n));
		}
		assert_ok!(Labor::propose_amendment(
			RuntimeOrigin::signed(EMPLOYER),
			contract,
			None,
			twenty_hours()
		));
		assert_noop!(
			Labor::accept_amendment(RuntimeOrigin::signed(WORKER), contract),
			Error::<Test>::TooManyAmendments
		);
	});
}

#[test]
fn a_small_workplace_s_premium_is_the_contract_s() {
	ExtBuilder.build_and_execute(|| {
		let mut terms = twenty_hours();
		terms.overtime_premium_percent = 0;
		assert_noop!(
			Labor::propose_contract(
				RuntimeOrigin::signed(EMPLOYER),
				WORKER,
				today(),
				None,
				terms.clone()
			),
			Error::<Test>::PremiumBelowLegal
		);
		terms.five_or_more_employees = false;
		assert_ok!(Labor::propose_contract(
			RuntimeOrigin::signed(SMALL_SHOP),
			WORKER,
			today(),
			None,
			terms
		));
	});
}

#[test]
fn every_member_call_refuses_root_and_unsigned_origins() {
	use frame_support::traits::UnfilteredDispatchable;
	ExtBuilder.build_and_execute(|| {
		let contract = signed_contract();
		let (day, hash) = (today(), H256::zero());
		let paid = PaidAmounts { gross: 0, deductions: 0, net: 0 };
		let shift = hours(at(10, 0), at(12, 0), 0);
		let calls: Vec<Call<Test>> = vec![
			Call::propose_contract { worker: WORKER, start: day, end: None, terms: twenty_hours() },
			Call::withdraw_proposal { contract },
			Call::decline_contract { contract },
			Call::accept_contract { contract },
			Call::propose_amendment { contract, end: None, terms: twenty_hours() },
			Call::accept_amendment { contract },
			Call::cancel_amendment { contract },
			Call::end_contract { contract, reason: EndReason::Other, last_day: day },
			Call::record_shift { contract, date: day, hours: shift },
			Call::confirm_shift { contract, date: day, index: 0 },
			Call::dispute_shift { contract, date: day, index: 0, reason: hash },
			Call::withdraw_shift { contract, date: day, index: 0 },
			Call::rule_on_shift { contract, date: day, index: 0, hours: None, ruling: hash },
			Call::issue_pay_statement { contract, from: day, to: day, paid, slip: hash },
			Call::acknowledge_pay_statement { contract, from: day },
			Call::dispute_pay_statement { contract, from: day, reason: hash },
			Call::report_acquisition { contract },
			Call::acknowledge_acquisition {
				contract,
				insurance: Insurance::Health,
				reference: hash,
			},
			Call::refuse_acquisition { contract, insurance: Insurance::Health, reason: hash },
			Call::report_loss { contract },
			Call::acknowledge_loss { contract, insurance: Insurance::Health, reference: hash },
		];
		for call in calls {
			for origin in [RuntimeOrigin::root(), RuntimeOrigin::none()] {
				let result = call.clone().dispatch_bypass_filter(origin);
				assert_eq!(result.map_err(|error| error.error), Err(BadOrigin), "{call:?}");
			}
		}
	});
}
