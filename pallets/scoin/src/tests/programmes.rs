//! Creating and running programmes, and appointing their reward issuers.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError::BadOrigin;

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn signed(n: u8) -> RuntimeOrigin {
	RuntimeOrigin::signed(account(n))
}

#[test]
fn the_city_creates_a_programme() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(3);
		assert_ok!(NewProgramme {
			name: "서울 납세".as_bytes().to_vec(),
			category: ServiceCategory::EcoMileage,
			budget: 777,
			reward: RewardRule::Fixed(50),
			cap: 150,
			period: 7,
			start: 5,
			end: 90,
			..Default::default()
		}
		.create(root()));
		assert_eq!(
			Programmes::<Test>::get(0u32),
			Some(Programme {
				name: reference("서울 납세".as_bytes()),
				agency: account(AGENCY),
				category: ServiceCategory::EcoMileage,
				budget: 777,
				issued: 0,
				reward: RewardRule::Fixed(50),
				cap_per_period: 150,
				period: 7,
				start: 5,
				end: 90,
				status: ProgrammeStatus::Active,
			})
		);
		assert_eq!(NextProgrammeId::<Test>::get(), 1);
		assert_eq!(
			scoin_events(),
			vec![Event::ProgrammeCreated {
				programme: 0,
				agency: account(AGENCY),
				category: ServiceCategory::EcoMileage,
				budget: 777,
			}]
		);
		// Nothing is minted: a budget is an allowance.
		assert_eq!(issuance(), GENESIS_ISSUANCE);
		assert_eq!(Supply::<Test>::get().minted, 0);
	});
}

#[test]
fn programme_ids_increase() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(open_programme(), 0);
		assert_eq!(open_programme(), 1);
		assert_ok!(
			NewProgramme { agency: OTHER_AGENCY, budget: 42, ..Default::default() }.create(root())
		);
		assert_eq!(NextProgrammeId::<Test>::get(), 3);
		let third = Programmes::<Test>::get(2u32).unwrap();
		assert_eq!(third.agency, account(OTHER_AGENCY));
		assert_eq!(third.budget, 42);
		System::assert_last_event(
			Event::ProgrammeCreated {
				programme: 2,
				agency: account(OTHER_AGENCY),
				category: ServiceCategory::TaxPayment,
				budget: 42,
			}
			.into(),
		);
	});
}

#[test]
fn only_the_city_creates_programmes() {
	ExtBuilder::default().build_and_execute(|| {
		for origin in [signed(AGENCY), signed(ISSUER), signed(CITIZEN), RuntimeOrigin::none()] {
			assert_noop!(NewProgramme::default().create(origin), BadOrigin);
		}
	});
}

#[test]
fn create_refuses_bad_names() {
	ExtBuilder::default().build_and_execute(|| {
		let bad_names = [vec![], vec![b'n'; 33], vec![0xff, 0xfe], b"caf\xc3".to_vec()];
		for name in bad_names {
			assert_noop!(
				NewProgramme { name, ..Default::default() }.create(root()),
				Error::<Test>::BadName
			);
		}
		// 32 bytes is the bound, and is accepted.
		assert_ok!(NewProgramme { name: vec![b'n'; 32], ..Default::default() }.create(root()));
		assert_eq!(Programmes::<Test>::get(0u32).unwrap().name.len(), 32);
	});
}

#[test]
fn create_refuses_an_agency_that_is_not_an_active_agency() {
	ExtBuilder::default().build_and_execute(|| {
		for agency in [CITIZEN, MERCHANT, STRANGER] {
			assert_noop!(
				NewProgramme { agency, ..Default::default() }.create(root()),
				Error::<Test>::NotAgency
			);
		}
		Register::suspend(&account(AGENCY));
		assert_noop!(NewProgramme::default().create(root()), Error::<Test>::NotAgency);
	});
}

#[test]
fn create_refuses_zero_budgets_caps_and_periods() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			NewProgramme { budget: 0, ..Default::default() }.create(root()),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			NewProgramme { cap: 0, ..Default::default() }.create(root()),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			NewProgramme { period: 0, ..Default::default() }.create(root()),
			Error::<Test>::ZeroPeriod
		);
	});
}

#[test]
fn create_refuses_bad_schedules() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			NewProgramme { start: 10, end: 9, ..Default::default() }.create(root()),
			Error::<Test>::BadSchedule
		);
		run_to_block(50);
		assert_noop!(
			NewProgramme { start: 1, end: 49, ..Default::default() }.create(root()),
			Error::<Test>::BadSchedule
		);
		// A programme may have started already, and may last a single block.
		assert_ok!(NewProgramme { start: 1, end: 50, ..Default::default() }.create(root()));
		assert_ok!(NewProgramme { start: 60, end: 60, ..Default::default() }.create(root()));
		assert_eq!(NextProgrammeId::<Test>::get(), 2);
	});
}

#[test]
fn create_refuses_bad_reward_rules() {
	ExtBuilder::default().build_and_execute(|| {
		for reward in [
			RewardRule::Fixed(0),
			RewardRule::UpTo(0),
			RewardRule::Fixed(EXISTENTIAL_DEPOSIT - 1),
			RewardRule::UpTo(EXISTENTIAL_DEPOSIT - 1),
			RewardRule::UpTo(CAP + 1),
			RewardRule::Fixed(CAP + 1),
		] {
			assert_noop!(
				NewProgramme { reward, ..Default::default() }.create(root()),
				Error::<Test>::BadRewardRule
			);
		}
		// The bounds themselves are accepted.
		assert_ok!(NewProgramme {
			reward: RewardRule::Fixed(EXISTENTIAL_DEPOSIT),
			..Default::default()
		}
		.create(root()));
		assert_ok!(
			NewProgramme { reward: RewardRule::UpTo(CAP), ..Default::default() }.create(root())
		);
	});
}

#[test]
fn create_refuses_when_ids_run_out() {
	ExtBuilder::default().build_and_execute(|| {
		NextProgrammeId::<Test>::put(ProgrammeId::MAX);
		assert_noop!(NewProgramme::default().create(root()), Error::<Test>::Overflow);
	});
}

#[test]
fn the_city_tops_a_programme_up() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		assert_ok!(SCoin::top_up_programme(root(), programme, 250));
		System::assert_last_event(
			Event::ProgrammeToppedUp { programme, amount: 250, budget: BUDGET + 250 }.into(),
		);
		assert_ok!(SCoin::top_up_programme(root(), programme, 1));
		System::assert_last_event(
			Event::ProgrammeToppedUp { programme, amount: 1, budget: BUDGET + 251 }.into(),
		);
		assert_eq!(Programmes::<Test>::get(programme).unwrap().budget, BUDGET + 251);
		// A paused programme may be topped up.
		assert_ok!(SCoin::pause_programme(root(), programme));
		assert_ok!(SCoin::top_up_programme(root(), programme, 9));
		assert_eq!(Programmes::<Test>::get(programme).unwrap().budget, BUDGET + 260);
		assert_eq!(issuance(), GENESIS_ISSUANCE);
	});
}

#[test]
fn top_up_refuses_bad_calls() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		assert_noop!(SCoin::top_up_programme(signed(AGENCY), programme, 10), BadOrigin);
		assert_noop!(SCoin::top_up_programme(root(), 7, 10), Error::<Test>::UnknownProgramme);
		assert_noop!(SCoin::top_up_programme(root(), programme, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			SCoin::top_up_programme(root(), programme, Balance::MAX),
			Error::<Test>::Overflow
		);
		assert_ok!(SCoin::top_up_programme(root(), programme, Balance::MAX - BUDGET));
		assert_noop!(SCoin::top_up_programme(root(), programme, 1), Error::<Test>::Overflow);
		assert_ok!(SCoin::close_programme(root(), programme));
		assert_noop!(
			SCoin::top_up_programme(root(), programme, 10),
			Error::<Test>::ProgrammeClosed
		);
	});
}

#[test]
fn the_city_pauses_and_resumes_a_programme() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		assert_ok!(SCoin::reward(signed(ISSUER), programme, entry(CITIZEN, 1, 40)));
		assert_ok!(SCoin::pause_programme(root(), programme));
		System::assert_last_event(Event::ProgrammePaused { programme }.into());
		assert_eq!(Programmes::<Test>::get(programme).unwrap().status, ProgrammeStatus::Paused);
		assert_noop!(
			SCoin::reward(signed(ISSUER), programme, entry(CITIZEN, 2, 40)),
			Error::<Test>::ProgrammePaused
		);
		assert_noop!(SCoin::pause_programme(root(), programme), Error::<Test>::ProgrammePaused);

		assert_ok!(SCoin::resume_programme(root(), programme));
		System::assert_last_event(Event::ProgrammeResumed { programme }.into());
		assert_eq!(Programmes::<Test>::get(programme).unwrap().status, ProgrammeStatus::Active);
		assert_noop!(SCoin::resume_programme(root(), programme), Error::<Test>::NotPaused);
		assert_ok!(SCoin::reward(signed(ISSUER), programme, entry(CITIZEN, 2, 40)));
		assert_eq!(balance(CITIZEN), 80);
		assert_eq!(Programmes::<Test>::get(programme).unwrap().issued, 80);
	});
}

#[test]
fn pause_and_resume_refuse_bad_calls() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		assert_noop!(SCoin::pause_programme(signed(AGENCY), programme), BadOrigin);
		assert_noop!(SCoin::pause_programme(root(), 9), Error::<Test>::UnknownProgramme);
		assert_ok!(SCoin::pause_programme(root(), programme));
		assert_noop!(SCoin::resume_programme(signed(AGENCY), programme), BadOrigin);
		assert_noop!(SCoin::resume_programme(root(), 9), Error::<Test>::UnknownProgramme);
		assert_ok!(SCoin::close_programme(root(), programme));
		assert_noop!(SCoin::pause_programme(root(), programme), Error::<Test>::ProgrammeClosed);
		assert_noop!(SCoin::resume_programme(root(), programme), Error::<Test>::NotPaused);
	});
}

#[test]
fn closing_releases_what_is_left_of_the_budget() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		assert_ok!(SCoin::reward(signed(ISSUER), programme, entry(CITIZEN, 1, 100)));
		assert_ok!(SCoin::reward(signed(ISSUER), programme, entry(OTHER_CITIZEN, 2, 30)));
		assert_ok!(SCoin::close_programme(root(), programme));
		System::assert_last_event(
			Event::ProgrammeClosed { programme, released: BUDGET - 130 }.into(),
		);
		let state = Programmes::<Test>::get(programme).unwrap();
		assert_eq!(state.status, ProgrammeStatus::Closed);
		assert_eq!(state.issued, 130);
		assert_eq!(state.budget, 130);
		assert_eq!(state.budget_left(), 0);
		// What was rewarded stays; nothing else was minted.
		assert_eq!(balance(CITIZEN), 100);
		assert_eq!(issuance(), GENESIS_ISSUANCE + 130);
		// The records stay for audit.
		assert!(Receipts::<Test>::contains_key(programme, receipt(1)));
		assert!(RewardIssuers::<Test>::contains_key(programme, account(ISSUER)));

		assert_noop!(
			SCoin::reward(signed(ISSUER), programme, entry(CITIZEN, 3, 10)),
			Error::<Test>::ProgrammeClosed
		);
		assert_noop!(
			SCoin::top_up_programme(root(), programme, 10),
			Error::<Test>::ProgrammeClosed
		);
		assert_noop!(
			SCoin::add_reward_issuer(root(), programme, account(AGENCY)),
			Error::<Test>::ProgrammeClosed
		);
		assert_noop!(SCoin::close_programme(root(), programme), Error::<Test>::ProgrammeClosed);
	});
}

#[test]
fn closing_an_untouched_programme_releases_its_whole_budget() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		assert_ok!(SCoin::pause_programme(root(), programme));
		assert_ok!(SCoin::close_programme(root(), programme));
		System::assert_last_event(Event::ProgrammeClosed { programme, released: BUDGET }.into());
		assert_eq!(Programmes::<Test>::get(programme).unwrap().budget, 0);
	});
}

#[test]
fn close_refuses_bad_calls() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		assert_noop!(SCoin::close_programme(signed(AGENCY), programme), BadOrigin);
		assert_noop!(SCoin::close_programme(root(), 3), Error::<Test>::UnknownProgramme);
	});
}

#[test]
fn the_city_and_the_agency_appoint_and_dismiss_reward_issuers() {
	ExtBuilder::default().build_and_execute(|| {
		Register::add(&account(30), MemberKind::Agency, &[Role::RewardIssuer]);
		let programme = open_programme();
		System::assert_last_event(
			Event::RewardIssuerAdded { programme, issuer: account(ISSUER) }.into(),
		);
		assert_ok!(SCoin::add_reward_issuer(signed(AGENCY), programme, account(30)));
		System::assert_last_event(
			Event::RewardIssuerAdded { programme, issuer: account(30) }.into(),
		);
		assert!(RewardIssuers::<Test>::contains_key(programme, account(30)));
		assert_ok!(SCoin::reward(signed(30), programme, entry(CITIZEN, 1, 20)));

		assert_ok!(SCoin::remove_reward_issuer(signed(AGENCY), programme, account(30)));
		System::assert_last_event(
			Event::RewardIssuerRemoved { programme, issuer: account(30) }.into(),
		);
		assert!(!RewardIssuers::<Test>::contains_key(programme, account(30)));
		assert_noop!(
			SCoin::reward(signed(30), programme, entry(CITIZEN, 2, 20)),
			Error::<Test>::NotRewardIssuer
		);
		assert_ok!(SCoin::remove_reward_issuer(root(), programme, account(ISSUER)));
		System::assert_last_event(
			Event::RewardIssuerRemoved { programme, issuer: account(ISSUER) }.into(),
		);
		assert_eq!(RewardIssuers::<Test>::iter_prefix(programme).count(), 0);
	});
}

#[test]
fn only_the_city_or_the_active_agency_appoints_issuers() {
	ExtBuilder::default().build_and_execute(|| {
		Register::add(&account(30), MemberKind::Agency, &[Role::RewardIssuer]);
		let programme = open_programme();
		for n in [OTHER_AGENCY, ISSUER, CITIZEN, STRANGER] {
			assert_noop!(
				SCoin::add_reward_issuer(signed(n), programme, account(30)),
				Error::<Test>::CityOrAgencyOnly
			);
			assert_noop!(
				SCoin::remove_reward_issuer(signed(n), programme, account(ISSUER)),
				Error::<Test>::CityOrAgencyOnly
			);
		}
		assert_noop!(
			SCoin::add_reward_issuer(RuntimeOrigin::none(), programme, account(30)),
			BadOrigin
		);
		Register::suspend(&account(AGENCY));
		assert_noop!(
			SCoin::add_reward_issuer(signed(AGENCY), programme, account(30)),
			Error::<Test>::CityOrAgencyOnly
		);
		assert_noop!(
			SCoin::remove_reward_issuer(signed(AGENCY), programme, account(ISSUER)),
			Error::<Test>::CityOrAgencyOnly
		);
	});
}

#[test]
fn add_and_remove_reward_issuer_refuse_bad_calls() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		assert_noop!(
			SCoin::add_reward_issuer(root(), 5, account(ISSUER)),
			Error::<Test>::UnknownProgramme
		);
		assert_noop!(
			SCoin::remove_reward_issuer(root(), 5, account(ISSUER)),
			Error::<Test>::UnknownProgramme
		);
		for n in [AGENCY, CITIZEN, STRANGER] {
			assert_noop!(
				SCoin::add_reward_issuer(root(), programme, account(n)),
				Error::<Test>::NoRewardIssuerRole
			);
		}
		Register::add(&account(30), MemberKind::Agency, &[Role::RewardIssuer]);
		Register::suspend(&account(30));
		assert_noop!(
			SCoin::add_reward_issuer(root(), programme, account(30)),
			Error::<Test>::NoRewardIssuerRole
		);
		assert_noop!(
			SCoin::add_reward_issuer(signed(AGENCY), programme, account(ISSUER)),
			Error::<Test>::AlreadyRewardIssuer
		);
		assert_noop!(
			SCoin::remove_reward_issuer(root(), programme, account(AGENCY)),
			Error::<Test>::NotRewardIssuer
		);
		// An issuer of one programme is not one of another.
		let other = NewProgramme::default().open();
		assert_ok!(SCoin::remove_reward_issuer(root(), other, account(ISSUER)));
		assert_noop!(
			SCoin::remove_reward_issuer(root(), other, account(ISSUER)),
			Error::<Test>::NotRewardIssuer
		);
		assert!(RewardIssuers::<Test>::contains_key(programme, account(ISSUER)));
	});
}

#[test]
fn an_issuer_is_dismissed_from_a_closed_programme() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		assert_ok!(SCoin::close_programme(root(), programme));
		assert_ok!(SCoin::remove_reward_issuer(signed(AGENCY), programme, account(ISSUER)));
		assert!(!RewardIssuers::<Test>::contains_key(programme, account(ISSUER)));
	});
}
