//! Genesis, invariants and the traits other pallets use.

use crate::{mock::*, *};
use frame_support::{
	assert_ok,
	traits::{EnsureOrigin, Hooks},
};
use seoul_primitives::membership::EnsureMemberWithRole;
use sp_runtime::BuildStorage;

#[test]
fn genesis_registers_members_and_sets_quotas() {
	ExtBuilder::default().build_and_execute(|| {
		let registrar = Members::<Test>::get(account(REGISTRAR)).unwrap();
		assert_eq!(registrar.kind, MemberKind::Agency);
		assert_eq!(registrar.registered_at, 0);
		assert_eq!(registrar.evidence_hash, evidence(REGISTRAR));
		assert!(registrar.roles.contains(&Role::Registrar));
		assert_eq!(
			DidDocuments::<Test>::get(account(REGISTRAR)).unwrap().authentication.to_vec(),
			vec![key(REGISTRAR)]
		);
		assert_eq!(ActiveMembers::<Test>::get(MemberKind::Agency), 3);
		assert_eq!(ActiveMembers::<Test>::get(MemberKind::Citizen), 1);
		assert_eq!(ActiveMembers::<Test>::get(MemberKind::Merchant), 1);
		assert_eq!(QuotaPeriod::<Test>::get(), PERIOD);
		for kind in MemberKind::ALL {
			let expected = match kind {
				MemberKind::Citizen => CITIZEN_QUOTA,
				_ => DEFAULT_ORGANISATION_QUOTA,
			};
			assert_eq!(Quotas::<Test>::get(kind), expected, "{kind:?}");
		}
	});
}

#[test]
fn an_empty_genesis_has_a_day_long_period_and_default_quotas() {
	let storage = RuntimeGenesisConfig::default().build_storage().unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		assert_eq!(QuotaPeriod::<Test>::get(), 14_400);
		assert_eq!(Quotas::<Test>::get(MemberKind::Citizen), DEFAULT_CITIZEN_QUOTA);
		assert_eq!(Quotas::<Test>::get(MemberKind::Charity), DEFAULT_ORGANISATION_QUOTA);
		assert_ok!(Citizens::do_try_state());
	});
}

#[test]
fn genesis_generates_citizens_that_exist_without_roles() {
	let storage = RuntimeGenesisConfig {
		citizens: crate::GenesisConfig { generated_citizens: 3, ..Default::default() },
		..Default::default()
	}
	.build_storage()
	.unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		assert_eq!(ActiveMembers::<Test>::get(MemberKind::Citizen), 3);
		for index in 0..3 {
			let who = Citizens::generated_citizen(index);
			let member = Members::<Test>::get(&who).unwrap();
			assert_eq!(member.kind, MemberKind::Citizen);
			assert_eq!(member.status, MemberStatus::Active);
			assert!(member.roles.is_empty());
			assert!(frame_system::Pallet::<Test>::account_exists(&who));
		}
		assert!(Members::<Test>::get(Citizens::generated_citizen(3)).is_none());
		// The derivation the measurement tools repeat: the tag, then the index little-endian.
		let seed = [&b"seoul/generated-citizen"[..], &2u32.to_le_bytes()].concat();
		assert_eq!(
			Citizens::generated_citizen(2),
			sp_runtime::AccountId32::from(sp_io::hashing::blake2_256(&seed))
		);
		assert_ok!(Citizens::do_try_state());
	});
}

#[test]
#[should_panic(expected = "genesis members must be distinct")]
fn genesis_refuses_a_member_twice() {
	let member = GenesisMember {
		account: account(1),
		kind: MemberKind::Citizen,
		roles: vec![],
		evidence_hash: evidence(1),
		authentication_key: key(1),
	};
	let _ = RuntimeGenesisConfig {
		citizens: crate::GenesisConfig {
			members: vec![member.clone(), member],
			..Default::default()
		},
		..Default::default()
	}
	.build_storage();
}

#[test]
fn the_integrity_test_passes() {
	ExtBuilder::default().build_and_execute(|| {
		<Citizens as Hooks<u64>>::integrity_test();
	});
}

#[test]
fn try_state_finds_broken_invariants() {
	ExtBuilder::default().build_and_execute(|| {
		ActiveMembers::<Test>::insert(MemberKind::Citizen, 5);
		assert!(Citizens::do_try_state().is_err());
		ActiveMembers::<Test>::insert(MemberKind::Citizen, 1);
		assert_ok!(Citizens::do_try_state());

		let document = DidDocuments::<Test>::take(account(CITIZEN)).unwrap();
		assert!(Citizens::do_try_state().is_err());
		DidDocuments::<Test>::insert(account(CITIZEN), document);
	});
	ExtBuilder::default().build_and_execute(|| {
		DidDocuments::<Test>::mutate(account(CITIZEN), |document| {
			document.as_mut().unwrap().deactivated = true;
		});
		assert!(Citizens::do_try_state().is_err());
		DidDocuments::<Test>::mutate(account(CITIZEN), |document| {
			document.as_mut().unwrap().deactivated = false;
		});
		QuotaPeriod::<Test>::put(0);
		assert!(Citizens::do_try_state().is_err());
		QuotaPeriod::<Test>::put(PERIOD);
	});
}

#[test]
fn the_registry_answers_for_active_members_only() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Citizens::active_kind(&account(MERCHANT)), Some(MemberKind::Merchant));
		assert!(Citizens::has_role(&account(MERCHANT), Role::Merchant));
		assert!(!Citizens::has_role(&account(MERCHANT), Role::Charity));
		assert!(!Citizens::is_active(&account(STRANGER)));
		assert_ok!(Citizens::suspend(RuntimeOrigin::root(), account(MERCHANT)));
		assert_eq!(Citizens::active_kind(&account(MERCHANT)), None);
		assert!(!Citizens::has_role(&account(MERCHANT), Role::Merchant));
	});
}

frame_support::parameter_types! {
	pub const MerchantRole: Role = Role::Merchant;
}

type EnsureMerchant = EnsureMemberWithRole<Citizens, MerchantRole, sp_runtime::AccountId32>;

#[test]
fn ensure_member_with_role_admits_active_role_holders_only() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(
			EnsureMerchant::try_origin(RuntimeOrigin::signed(account(MERCHANT))).ok(),
			Some(account(MERCHANT))
		);
		assert!(EnsureMerchant::try_origin(RuntimeOrigin::signed(account(CITIZEN))).is_err());
		assert!(EnsureMerchant::try_origin(RuntimeOrigin::signed(account(STRANGER))).is_err());
		assert!(EnsureMerchant::try_origin(RuntimeOrigin::root()).is_err());
		assert!(EnsureMerchant::try_origin(RuntimeOrigin::none()).is_err());
		assert_ok!(Citizens::suspend(RuntimeOrigin::root(), account(MERCHANT)));
		assert!(EnsureMerchant::try_origin(RuntimeOrigin::signed(account(MERCHANT))).is_err());
	});
}
