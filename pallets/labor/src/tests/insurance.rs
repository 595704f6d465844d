//! The four social insurances: what a contract requires, the one acquisition report, the
//! insurers' answers, the loss report and the overdue list.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

/// The insurer of `insurance`.
fn insurer(insurance: Insurance) -> AccountId {
	INSURERS[Insurance::ALL.iter().position(|kind| *kind == insurance).unwrap()]
}

fn status(contract: ContractId, insurance: Insurance) -> EnrolmentStatus {
	Enrolments::<Test>::get(contract, insurance).unwrap().status
}

#[test]
fn a_contract_of_sixty_hours_a_month_requires_all_four_with_their_deadlines() {
	ExtBuilder.build_and_execute(|| {
		// Signed on 2026-03-02: the 15th of April, and 14 days for health.
		let contract = signed_contract();
		let enrolments = Labor::enrolments_of(contract);
		assert_eq!(enrolments.len(), 4);
		for (insurance, enrolment) in enrolments {
			let deadline =
				if insurance == Insurance::Health { date(2026, 3, 16) } else { date(2026, 4, 15) };
			assert_eq!(
				enrolment,
				Enrolment { deadline, reported_on: None, status: EnrolmentStatus::Due }
			);
		}
		assert_eq!(Insurance::Pension.deadline(date(2026, 12, 20)), date(2027, 1, 15));
	});
}

#[test]
fn under_sixty_hours_a_month_only_industrial_accident_is_required() {
	ExtBuilder.build_and_execute(|| {
		let thirteen = hours(at(9, 0), at(16, 0), 30);
		let terms = terms_with(&[(Weekday::Monday, thirteen), (Weekday::Tuesday, thirteen)], None);
		let contract = propose(today(), terms);
		assert!(Labor::enrolments_of(contract).is_empty(), "a proposal requires nothing yet");
		assert_ok!(Labor::accept_contract(RuntimeOrigin::signed(WORKER), contract));
		let required: Vec<_> =
			Labor::enrolments_of(contract).into_iter().map(|(kind, _)| kind).collect();
		assert_eq!(required, vec![Insurance::IndustrialAccident]);
		// An amendment to 14 hours a week brings the other three, due from its signing.
		assert_ok!(Labor::propose_amendment(
			RuntimeOrigin::signed(EMPLOYER),
			contract,
			None,
			fourteen_hours()
		));
		pass_days(10);
		assert_ok!(Labor::accept_amendment(RuntimeOrigin::signed(WORKER), contract));
		assert_eq!(Labor::enrolments_of(contract).len(), 4);
		assert_eq!(
			Enrolments::<Test>::get(contract, Insurance::Health).unwrap().deadline,
			date(2026, 3, 26)
		);
	});
}

#[test]
fn one_report_reaches_every_insurer_and_each_answers() {
	ExtBuilder.build_and_execute(|| {
		let contract = signed_contract();
		assert_noop!(
			Labor::report_acquisition(RuntimeOrigin::signed(WORKER), contract),
			Error::<Test>::NotParty
		);
		assert_ok!(Labor::report_acquisition(RuntimeOrigin::signed(EMPLOYER), contract));
		for insurance in Insurance::ALL {
			let enrolment = Enrolments::<Test>::get(contract, insurance).unwrap();
			assert_eq!(enrolment.status, EnrolmentStatus::Reported);
			assert_eq!(enrolment.reported_on, Some(today()));
		}
		assert_eq!(DueEnrolments::<Test>::iter().count(), 0);
		assert_noop!(
			Labor::report_acquisition(RuntimeOrigin::signed(EMPLOYER), contract),
			Error::<Test>::NothingToReport
		);
		let reference = H256::repeat_byte(0x11);
		// Only the insurance's own insurer answers.
		assert_noop!(
			Labor::acknowledge_acquisition(
				RuntimeOrigin::signed(insurer(Insurance::Health)),
				contract,
				Insurance::Pension,
				reference
			),
			Error::<Test>::NotInsurer
		);
		for insurance in [Insurance::IndustrialAccident, Insurance::Employment, Insurance::Health] {
			assert_ok!(Labor::acknowledge_acquisition(
				RuntimeOrigin::signed(insurer(insurance)),
				contract,
				insurance,
				reference
			));
			assert_eq!(status(contract, insurance), EnrolmentStatus::Enrolled(reference));
		}
		// The pension refuses; the enrolment is due again and the employer reports it again.
		let reason = H256::repeat_byte(0x22);
		assert_ok!(Labor::refuse_acquisition(
			RuntimeOrigin::signed(insurer(Insurance::Pension)),
			contract,
			Insurance::Pension,
			reason
		));
		assert_eq!(status(contract, Insurance::Pension), EnrolmentStatus::Refused(reason));
		assert!(DueEnrolments::<Test>::contains_key((contract, Insurance::Pension)));
		assert_noop!(
			Labor::acknowledge_acquisition(
				RuntimeOrigin::signed(insurer(Insurance::Pension)),
				contract,
				Insurance::Pension,
				reference
			),
			Error::<Test>::NotReported
		);
		assert_ok!(Labor::report_acquisition(RuntimeOrigin::signed(EMPLOYER), contract));
		assert_eq!(status(contract, Insurance::Pension), EnrolmentStatus::Reported);
		let events = labor_events();
		assert!(events.contains(&Event::AcquisitionReported {
			contract,
			insurances: vec![Insurance::Pension].try_into().unwrap()
		}));
		assert!(events.contains(&Event::ReportAnswered {
			contract,
			insurance: Insurance::Pension,
			status: EnrolmentStatus::Refused(reason)
		}));
	});
}

#[test]
fn the_loss_is_reported_once_the_contract_is_over() {
	ExtBuilder.build_and_execute(|| {
		let contract = signed_contract();
		assert_ok!(Labor::report_acquisition(RuntimeOrigin::signed(EMPLOYER), contract));
		for insurance in Insurance::ALL {
			assert_ok!(Labor::acknowledge_acquisition(
				RuntimeOrigin::signed(insurer(insurance)),
				contract,
				insurance,
				H256::repeat_byte(1)
			));
		}
		assert_noop!(
			Labor::report_loss(RuntimeOrigin::signed(EMPLOYER), contract),
			Error::<Test>::ContractNotOver
		);
		assert_ok!(Labor::end_contract(
			RuntimeOrigin::signed(WORKER),
			contract,
			EndReason::Resignation,
			today()
		));
		assert_ok!(Labor::report_loss(RuntimeOrigin::signed(EMPLOYER), contract));
		assert_noop!(
			Labor::report_loss(RuntimeOrigin::signed(EMPLOYER), contract),
			Error::<Test>::NothingToReport
		);
		for insurance in Insurance::ALL {
			assert_eq!(status(contract, insurance), EnrolmentStatus::LossReported);
			assert_ok!(Labor::acknowledge_loss(
				RuntimeOrigin::signed(insurer(insurance)),
				contract,
				insurance,
				H256::repeat_byte(2)
			));
			assert_eq!(status(contract, insurance), EnrolmentStatus::Closed(H256::repeat_byte(2)));
		}
	});
}

#[test]
fn unreported_enrolments_are_listed_overdue_city_wide_and_per_employer() {
	ExtBuilder.build_and_execute(|| {
		let cafe = signed_contract();
		let shop = NextContractId::<Test>::get();
		assert_ok!(Labor::propose_contract(
			RuntimeOrigin::signed(SMALL_SHOP),
			OTHER_WORKER,
			today(),
			None,
			twenty_hours()
		));
		assert_ok!(Labor::accept_contract(RuntimeOrigin::signed(OTHER_WORKER), shop));
		assert!(Labor::overdue_enrolments(None, None, 100).items.is_empty(), "nothing is late yet");
		// 15 days on, health is late for both; the café reports, the shop does not.
		pass_days(15);
		assert_ok!(Labor::report_acquisition(RuntimeOrigin::signed(EMPLOYER), cafe));
		let overdue = Labor::overdue_enrolments(None, None, 100);
		assert_eq!(overdue.items, vec![((shop, Insurance::Health), date(2026, 3, 16))]);
		assert!(Labor::overdue_enrolments(Some(EMPLOYER), None, 100).items.is_empty());
		assert_eq!(Labor::overdue_enrolments(Some(SMALL_SHOP), None, 100).items.len(), 1);
		// After the 15th of April, all four of the shop's.
		pass_days(31);
		assert_eq!(Labor::overdue_enrolments(None, None, 100).items.len(), 4);
		// Page by page: every entry is read once.
		let first = Labor::overdue_enrolments(None, None, 3);
		let second = Labor::overdue_enrolments(None, first.next, 3);
		assert_eq!((first.items.len(), second.items.len(), second.next), (3, 1, None));
	});
}

#[test]
fn the_city_names_insurers_that_hold_the_role() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			Labor::set_insurer(RuntimeOrigin::signed(EMPLOYER), Insurance::Health, 30),
			BadOrigin
		);
		assert_noop!(
			Labor::set_insurer(RuntimeOrigin::root(), Insurance::Health, AGENCY),
			Error::<Test>::NotInsurer
		);
		assert_ok!(Labor::set_insurer(RuntimeOrigin::root(), Insurance::Health, 33));
		assert_eq!(Insurers::<Test>::get(Insurance::Health), Some(33));
		assert!(labor_events()
			.contains(&Event::InsurerSet { insurance: Insurance::Health, insurer: 33 }));
		// Without an insurer, nothing can be reported.
		Insurers::<Test>::remove(Insurance::Pension);
		let contract = signed_contract();
		assert_noop!(
			Labor::report_acquisition(RuntimeOrigin::signed(EMPLOYER), contract),
			Error::<Test>::NoInsurer
		);
	});
}
