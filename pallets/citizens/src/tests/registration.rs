//! Registering members, their roles and status.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchError::BadOrigin, DispatchResult};

fn registrar() -> RuntimeOrigin {
	RuntimeOrigin::signed(account(REGISTRAR))
}

fn register(origin: RuntimeOrigin, n: u8, kind: MemberKind, roles: Vec<Role>) -> DispatchResult {
	Citizens::register(origin, account(n), kind, roles, evidence(n), key(n))
}

#[test]
fn a_registrar_registers_a_citizen_with_a_did_document() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(5);
		assert_ok!(register(registrar(), 30, MemberKind::Citizen, vec![]));
		let member = Members::<Test>::get(account(30)).unwrap();
		assert_eq!(member.kind, MemberKind::Citizen);
		assert!(member.roles.is_empty());
		assert_eq!(member.status, MemberStatus::Active);
		assert_eq!(member.registered_at, 5);
		assert_eq!(member.evidence_hash, evidence(30));
		let document = DidDocuments::<Test>::get(account(30)).unwrap();
		assert_eq!(document.controller, account(30));
		assert_eq!(document.authentication.to_vec(), vec![key(30)]);
		assert!(document.services.is_empty());
		assert!(!document.deactivated);
		assert_eq!(document.updated_at, 5);
		assert_eq!(ActiveMembers::<Test>::get(MemberKind::Citizen), 2);
		assert_eq!(System::sufficients(&account(30)), 1);
		assert_eq!(
			citizens_events(),
			vec![Event::MemberRegistered { member: account(30), kind: MemberKind::Citizen }]
		);
	});
}

#[test]
fn the_city_registers_organisations_with_any_role() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(
			RuntimeOrigin::root(),
			30,
			MemberKind::Agency,
			vec![Role::Registrar, Role::RewardIssuer]
		));
		assert!(Citizens::has_role(&account(30), Role::Registrar));
		assert!(Citizens::has_role(&account(30), Role::RewardIssuer));
		assert_eq!(Citizens::active_kind(&account(30)), Some(MemberKind::Agency));
		assert_eq!(ActiveMembers::<Test>::get(MemberKind::Agency), 4);
	});
}

#[test]
fn register_refuses_bad_origins() {
	ExtBuilder::default().build_and_execute(|| {
		for origin in [
			RuntimeOrigin::signed(account(STRANGER)),
			RuntimeOrigin::signed(account(CITIZEN)),
			RuntimeOrigin::signed(account(MERCHANT)),
			RuntimeOrigin::none(),
		] {
			assert_noop!(register(origin, 30, MemberKind::Citizen, vec![]), BadOrigin);
		}
		assert_ok!(Citizens::suspend(RuntimeOrigin::root(), account(OTHER_REGISTRAR)));
		assert_noop!(
			register(
				RuntimeOrigin::signed(account(OTHER_REGISTRAR)),
				30,
				MemberKind::Citizen,
				vec![]
			),
			BadOrigin
		);
	});
}

#[test]
fn register_refuses_bad_input() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			register(registrar(), CITIZEN, MemberKind::Citizen, vec![]),
			Error::<Test>::AlreadyRegistered
		);
		assert_noop!(
			register(registrar(), 30, MemberKind::Citizen, vec![Role::Merchant, Role::Merchant]),
			Error::<Test>::DuplicateRole
		);
		assert_noop!(
			register(registrar(), 30, MemberKind::Agency, vec![Role::Registrar]),
			Error::<Test>::CityOnly
		);
		assert_ok!(Citizens::revoke(registrar(), account(CITIZEN)));
		assert_noop!(
			register(registrar(), CITIZEN, MemberKind::Citizen, vec![]),
			Error::<Test>::AlreadyRegistered
		);
	});
}

#[test]
fn set_roles_replaces_roles() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Citizens::set_roles(
			registrar(),
			account(CITIZEN),
			vec![Role::Charity, Role::Merchant]
		));
		let roles = Members::<Test>::get(account(CITIZEN)).unwrap().roles;
		assert_eq!(roles.into_iter().collect::<Vec<_>>(), vec![Role::Merchant, Role::Charity]);
		assert_eq!(
			citizens_events(),
			vec![Event::RolesSet {
				member: account(CITIZEN),
				roles: vec![Role::Merchant, Role::Charity]
			}]
		);
		assert_ok!(Citizens::set_roles(
			RuntimeOrigin::root(),
			account(CITIZEN),
			vec![Role::Registrar]
		));
		assert!(Citizens::has_role(&account(CITIZEN), Role::Registrar));
	});
}

#[test]
fn set_roles_refuses_bad_origin_and_input() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Citizens::set_roles(RuntimeOrigin::signed(account(MERCHANT)), account(CITIZEN), vec![]),
			BadOrigin
		);
		assert_noop!(
			Citizens::set_roles(registrar(), account(STRANGER), vec![]),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Citizens::set_roles(registrar(), account(CITIZEN), vec![Role::Registrar]),
			Error::<Test>::CityOnly
		);
		assert_noop!(
			Citizens::set_roles(registrar(), account(OTHER_REGISTRAR), vec![]),
			Error::<Test>::CityOnly
		);
		assert_noop!(
			Citizens::set_roles(registrar(), account(CITIZEN), vec![Role::Charity, Role::Charity]),
			Error::<Test>::DuplicateRole
		);
		assert_ok!(Citizens::revoke(registrar(), account(CITIZEN)));
		assert_noop!(
			Citizens::set_roles(registrar(), account(CITIZEN), vec![]),
			Error::<Test>::Revoked
		);
	});
}

#[test]
fn suspend_and_reinstate() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Citizens::suspend(registrar(), account(CITIZEN)));
		assert_eq!(Members::<Test>::get(account(CITIZEN)).unwrap().status, MemberStatus::Suspended);
		assert_eq!(ActiveMembers::<Test>::get(MemberKind::Citizen), 0);
		assert!(!Citizens::is_active(&account(CITIZEN)));
		assert_ok!(Citizens::reinstate(registrar(), account(CITIZEN)));
		assert_eq!(Members::<Test>::get(account(CITIZEN)).unwrap().status, MemberStatus::Active);
		assert_eq!(ActiveMembers::<Test>::get(MemberKind::Citizen), 1);
		// The city suspends an organisation, whose roles then count for nothing.
		assert_ok!(Citizens::suspend(RuntimeOrigin::root(), account(MERCHANT)));
		assert!(!Citizens::has_role(&account(MERCHANT), Role::Merchant));
		assert_ok!(Citizens::reinstate(RuntimeOrigin::root(), account(MERCHANT)));
		assert!(Citizens::has_role(&account(MERCHANT), Role::Merchant));
		assert_eq!(
			citizens_events(),
			vec![
				Event::MemberSuspended { member: account(CITIZEN) },
				Event::MemberReinstated { member: account(CITIZEN) },
				Event::MemberSuspended { member: account(MERCHANT) },
				Event::MemberReinstated { member: account(MERCHANT) },
			]
		);
	});
}

#[test]
fn suspend_and_reinstate_refuse_bad_origin_and_input() {
	ExtBuilder::default().build_and_execute(|| {
		let citizen = || RuntimeOrigin::signed(account(CITIZEN));
		assert_noop!(Citizens::suspend(citizen(), account(MERCHANT)), BadOrigin);
		assert_noop!(Citizens::reinstate(citizen(), account(MERCHANT)), BadOrigin);
		assert_noop!(Citizens::suspend(registrar(), account(STRANGER)), Error::<Test>::NotMember);
		assert_noop!(Citizens::reinstate(registrar(), account(STRANGER)), Error::<Test>::NotMember);
		assert_noop!(
			Citizens::reinstate(registrar(), account(CITIZEN)),
			Error::<Test>::NotSuspended
		);
		assert_noop!(
			Citizens::suspend(registrar(), account(OTHER_REGISTRAR)),
			Error::<Test>::CityOnly
		);
		assert_ok!(Citizens::suspend(registrar(), account(CITIZEN)));
		assert_noop!(Citizens::suspend(registrar(), account(CITIZEN)), Error::<Test>::Suspended);
		assert_ok!(Citizens::revoke(registrar(), account(CITIZEN)));
		assert_noop!(Citizens::suspend(registrar(), account(CITIZEN)), Error::<Test>::Revoked);
		assert_noop!(Citizens::reinstate(registrar(), account(CITIZEN)), Error::<Test>::Revoked);
		// The city may act on a registrar.
		assert_ok!(Citizens::suspend(RuntimeOrigin::root(), account(OTHER_REGISTRAR)));
		assert_ok!(Citizens::reinstate(RuntimeOrigin::root(), account(OTHER_REGISTRAR)));
	});
}

#[test]
fn revoke_is_permanent_and_keeps_the_record() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(7);
		assert_ok!(Citizens::suspend(registrar(), account(CITIZEN)));
		assert_ok!(Citizens::revoke(registrar(), account(CITIZEN)));
		let member = Members::<Test>::get(account(CITIZEN)).unwrap();
		assert_eq!(member.status, MemberStatus::Revoked);
		assert_eq!(member.evidence_hash, evidence(CITIZEN));
		let document = DidDocuments::<Test>::get(account(CITIZEN)).unwrap();
		assert!(document.deactivated);
		assert_eq!(document.updated_at, 7);
		assert_eq!(ActiveMembers::<Test>::get(MemberKind::Citizen), 0);
		assert_eq!(System::sufficients(&account(CITIZEN)), 1);
		assert_eq!(
			citizens_events().last(),
			Some(&Event::MemberRevoked { member: account(CITIZEN) })
		);
		assert_noop!(Citizens::revoke(registrar(), account(CITIZEN)), Error::<Test>::Revoked);
	});
}

#[test]
fn revoke_refuses_bad_origin_and_input() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Citizens::revoke(RuntimeOrigin::signed(account(MERCHANT)), account(CITIZEN)),
			BadOrigin
		);
		assert_noop!(Citizens::revoke(registrar(), account(STRANGER)), Error::<Test>::NotMember);
		assert_noop!(
			Citizens::revoke(registrar(), account(OTHER_REGISTRAR)),
			Error::<Test>::CityOnly
		);
		assert_ok!(Citizens::revoke(RuntimeOrigin::root(), account(OTHER_REGISTRAR)));
		assert_eq!(ActiveMembers::<Test>::get(MemberKind::Agency), 2);
	});
}

#[test]
fn a_member_deactivates_its_own_did_for_good() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Citizens::deactivate(RuntimeOrigin::signed(account(CITIZEN))));
		assert_eq!(Members::<Test>::get(account(CITIZEN)).unwrap().status, MemberStatus::Revoked);
		assert!(DidDocuments::<Test>::get(account(CITIZEN)).unwrap().deactivated);
		assert_eq!(citizens_events(), vec![Event::MemberRevoked { member: account(CITIZEN) }]);
		assert_noop!(
			Citizens::deactivate(RuntimeOrigin::signed(account(CITIZEN))),
			Error::<Test>::Revoked
		);
		assert_noop!(
			Citizens::reinstate(RuntimeOrigin::root(), account(CITIZEN)),
			Error::<Test>::Revoked
		);
	});
}

#[test]
fn deactivate_refuses_strangers_and_suspended_members() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Citizens::deactivate(RuntimeOrigin::signed(account(STRANGER))),
			Error::<Test>::NotMember
		);
		assert_noop!(Citizens::deactivate(RuntimeOrigin::root()), BadOrigin);
		assert_ok!(Citizens::suspend(registrar(), account(CITIZEN)));
		assert_noop!(
			Citizens::deactivate(RuntimeOrigin::signed(account(CITIZEN))),
			Error::<Test>::Suspended
		);
	});
}

#[test]
fn only_the_city_grants_the_roles_that_move_money() {
	ExtBuilder::default().build_and_execute(|| {
		for role in [Role::RewardIssuer, Role::SettlementAgent, Role::LaborInspector] {
			assert_noop!(
				register(registrar(), 30, MemberKind::Agency, vec![role]),
				Error::<Test>::CityOnly
			);
			assert_noop!(
				Citizens::set_roles(registrar(), account(MERCHANT), vec![Role::Merchant, role]),
				Error::<Test>::CityOnly
			);
		}
		assert_ok!(register(
			RuntimeOrigin::root(),
			30,
			MemberKind::Agency,
			vec![Role::RewardIssuer]
		));
		assert_noop!(Citizens::suspend(registrar(), account(30)), Error::<Test>::CityOnly);
		assert_noop!(
			Citizens::set_roles(registrar(), account(30), vec![]),
			Error::<Test>::CityOnly
		);
		assert_ok!(Citizens::set_roles(RuntimeOrigin::root(), account(30), vec![]));
		// A registrar grants a citizen the other roles.
		assert_ok!(register(
			registrar(),
			31,
			MemberKind::Citizen,
			vec![Role::Charity, Role::Employer, Role::Insurer, Role::CredentialIssuer]
		));
	});
}

#[test]
fn only_the_city_acts_on_protected_members() {
	ExtBuilder::default().build_and_execute(|| {
		let councillor = || account(COUNCILLOR);
		assert_noop!(Citizens::suspend(registrar(), councillor()), Error::<Test>::CityOnly);
		assert_noop!(Citizens::revoke(registrar(), councillor()), Error::<Test>::CityOnly);
		assert_noop!(
			Citizens::set_roles(registrar(), councillor(), vec![Role::Charity]),
			Error::<Test>::CityOnly
		);
		assert_noop!(
			Citizens::rotate_authentication_keys(registrar(), councillor(), vec![key(50)]),
			Error::<Test>::CityOnly
		);
		assert_ok!(Citizens::suspend(RuntimeOrigin::root(), councillor()));
		assert_noop!(Citizens::reinstate(registrar(), councillor()), Error::<Test>::CityOnly);
		assert_ok!(Citizens::reinstate(RuntimeOrigin::root(), councillor()));
	});
}

#[test]
fn organisations_are_the_city_s_alone() {
	// The attack: one registrar key registered organisations without limit, each with an
	// organisation's quota (a thousand citizens' worth), and managed them unchecked.
	ExtBuilder::default().build_and_execute(|| {
		for kind in MemberKind::ALL.into_iter().filter(|kind| kind.is_organisation()) {
			assert_noop!(register(registrar(), 30, kind, vec![]), Error::<Test>::CityOnly);
		}
		assert_noop!(
			Citizens::set_roles(registrar(), account(MERCHANT), vec![]),
			Error::<Test>::CityOnly
		);
		assert_noop!(Citizens::suspend(registrar(), account(MERCHANT)), Error::<Test>::CityOnly);
		assert_noop!(Citizens::revoke(registrar(), account(MERCHANT)), Error::<Test>::CityOnly);
		assert_noop!(
			Citizens::rotate_authentication_keys(registrar(), account(MERCHANT), vec![key(50)]),
			Error::<Test>::CityOnly
		);
		// A registrar still registers citizens, with the roles it may grant, and the city does
		// the rest.
		assert_ok!(register(registrar(), 30, MemberKind::Citizen, vec![Role::Merchant]));
		assert_ok!(register(RuntimeOrigin::root(), 31, MemberKind::Merchant, vec![Role::Merchant]));
		assert_ok!(Citizens::suspend(RuntimeOrigin::root(), account(MERCHANT)));
	});
}

#[test]
fn a_walk_visits_each_active_citizen_registered_in_time_once_in_storage_order() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(5);
		for n in 30..35 {
			assert_ok!(register(registrar(), n, MemberKind::Citizen, vec![]));
		}
		assert_ok!(Citizens::suspend(registrar(), account(31)));
		System::set_block_number(6);
		// Registered in the block the walk's cut-off names: not visited.
		assert_ok!(register(registrar(), 35, MemberKind::Citizen, vec![]));
		let members = Members::<Test>::iter_keys().count() as u32;

		// Two members a call, from where the last call stopped, to the register's end.
		let (mut visited, mut after, mut calls, mut read) = (vec![], None, 0, 0);
		loop {
			let walk = Citizens::walk_citizens(after, 2, 6, |who| {
				visited.push(who.clone());
				true
			});
			calls += 1;
			read += walk.read;
			assert!(walk.read <= 2);
			if walk.finished {
				break;
			}
			after = walk.resume_after;
		}
		assert_eq!(read, members);
		assert_eq!(calls, members / 2 + 1);
		let mut expected: Vec<_> = [CITIZEN, 30, 32, 33, 34].into_iter().map(account).collect();
		expected.sort_by_key(|who| Members::<Test>::hashed_key_for(who));
		assert_eq!(visited, expected);
	});
}

#[test]
fn a_walk_stops_before_the_citizen_its_visitor_refuses() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(5);
		for n in 30..33 {
			assert_ok!(register(registrar(), n, MemberKind::Citizen, vec![]));
		}
		let mut first = vec![];
		let walk = Citizens::walk_citizens(None, u32::MAX, 6, |who| {
			first.push(who.clone());
			first.len() < 2
		});
		assert!(!walk.finished);
		// The refused citizen is the first the next walk visits.
		let mut next = vec![];
		Citizens::walk_citizens(walk.resume_after, u32::MAX, 6, |who| {
			next.push(who.clone());
			true
		});
		assert_eq!(next.first(), first.last());
		assert_eq!(first.len() - 1 + next.len(), 4);
	});
}
