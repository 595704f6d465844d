//! Benchmarks of the register's calls and of the [`CheckMember`] gate, each in its worst case:
//! registrar calls made by a registrar (one more read than the city), DID documents filled to
//! one below their bounds, fields at their longest.

use super::*;
use crate::Pallet as Citizens;
use alloc::{vec, vec::Vec};
use frame_benchmarking::{account, v2::*, BenchmarkError};
use frame_support::{
	dispatch::{DispatchInfo, PostDispatchInfo},
	pallet_prelude::*,
	traits::EnsureOrigin,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use sp_runtime::traits::{
	AsSystemOriginSigner, DispatchTransaction, Dispatchable, TransactionExtension,
};

/// The key type of the card key the benchmarks sign a cancellation with.
const CARD_KEY: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"card");

/// A citizen whose keys a registrar's rotation is scheduled to replace.
fn scheduled_rotation<T: Config>() -> Result<T::AccountId, BenchmarkError> {
	let who = member::<T>("citizen", MemberKind::Citizen, &[]);
	Citizens::<T>::rotate_authentication_keys(registrar::<T>().into(), who.clone(), vec![key(7)])
		.map_err(|_| BenchmarkError::Stop("a registrar schedules a rotation"))?;
	Ok(who)
}

/// A distinct authentication key.
fn key(n: u32) -> AuthenticationKey {
	let mut bytes = [0u8; 32];
	bytes[..4].copy_from_slice(&n.to_le_bytes());
	AuthenticationKey::Sr25519(bytes)
}

/// Registers account `name` as an active member of `kind` with `roles`.
fn member<T: Config>(name: &'static str, kind: MemberKind, roles: &[Role]) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	Citizens::<T>::do_register(
		who.clone(),
		kind,
		Citizens::<T>::role_set(roles).expect("distinct roles"),
		H256::repeat_byte(1),
		key(0),
	)
	.expect("a fresh account registers");
	who
}

/// Every role a registrar may grant: the largest role set of a registrar's call.
fn registrar_granted_roles() -> Vec<Role> {
	Role::ALL.into_iter().filter(|role| !role.is_city_granted()).collect()
}

/// A registrar's signed origin.
fn registrar<T: Config>() -> RawOrigin<T::AccountId> {
	RawOrigin::Signed(member::<T>("registrar", MemberKind::Agency, &[Role::Registrar]))
}

/// Fills the DID document of `who` with `count` keys.
fn fill_keys<T: Config>(who: &T::AccountId, count: u32) {
	DidDocuments::<T>::mutate(who, |document| {
		let document = document.as_mut().expect("a member has a document");
		document.authentication = BoundedVec::truncate_from((0..count).map(key).collect());
	});
}

/// A service with id `n` and every field at its longest.
fn longest_service<T: Config>(n: u8) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
	let mut id = vec![b'i'; T::MaxServiceFieldLength::get() as usize];
	id[0] = b'a' + n;
	(
		id,
		vec![b't'; T::MaxServiceFieldLength::get() as usize],
		vec![b'e'; T::MaxEndpointLength::get() as usize],
	)
}

/// Fills the DID document of `who` with `count` longest services.
fn fill_services<T: Config>(who: &T::AccountId, count: u32) {
	for n in 0..count {
		let service = Citizens::<T>::service(longest_service::<T>(n as u8)).expect("within bounds");
		DidDocuments::<T>::mutate(who, |document| {
			document.as_mut().expect("a member has a document").services.try_push(service).ok();
		});
	}
}

/// Passes an empty remark signed by `who` through `extension`, as a block does.
fn pass<T, E>(extension: E, who: &T::AccountId) -> Result<(), BenchmarkError>
where
	T: Config + Send + Sync,
	T::RuntimeCall: Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo>
		+ From<frame_system::Call<T>>,
	E: TransactionExtension<T::RuntimeCall>,
{
	let call: T::RuntimeCall = frame_system::Call::remark { remark: vec![] }.into();
	// One unit, all of it used: nothing to give back ([`check_member_give_back`] measures that).
	let info = DispatchInfo { call_weight: T::UnitWeight::get(), ..Default::default() };
	extension
		.test_run(RawOrigin::Signed(who.clone()).into(), &call, &info, 0, 0, |_| {
			Ok(PostDispatchInfo::default())
		})
		.map_err(|_| BenchmarkError::Stop("the gate refused a member"))?
		.map_err(|_| BenchmarkError::Stop("the remark failed"))?;
	Ok(())
}

#[benchmarks(where
	T: Send + Sync,
	T::RuntimeCall: Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo> + From<frame_system::Call<T>>,
	<T::RuntimeCall as Dispatchable>::RuntimeOrigin: AsSystemOriginSigner<T::AccountId> + Clone,
)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register() {
		let origin = registrar::<T>();
		let who: T::AccountId = account("citizen", 0, 0);
		let roles = registrar_granted_roles();

		#[extrinsic_call]
		_(origin, who.clone(), MemberKind::Citizen, roles, H256::repeat_byte(2), key(1));

		assert_eq!(Members::<T>::get(&who).map(|m| m.status), Some(MemberStatus::Active));
	}

	#[benchmark]
	fn set_roles() {
		let origin = registrar::<T>();
		let who = member::<T>("citizen", MemberKind::Citizen, &[Role::Employer]);
		let roles = registrar_granted_roles();
		let count = roles.len();

		#[extrinsic_call]
		_(origin, who.clone(), roles);

		assert_eq!(Members::<T>::get(&who).map(|m| m.roles.len()), Some(count));
	}

	#[benchmark]
	fn suspend() {
		let origin = registrar::<T>();
		let who = member::<T>("citizen", MemberKind::Citizen, &[]);

		#[extrinsic_call]
		_(origin, who.clone());

		assert_eq!(Members::<T>::get(&who).map(|m| m.status), Some(MemberStatus::Suspended));
	}

	#[benchmark]
	fn reinstate() -> Result<(), BenchmarkError> {
		let origin = registrar::<T>();
		let who = member::<T>("citizen", MemberKind::Citizen, &[]);
		Citizens::<T>::suspend(origin.clone().into(), who.clone())
			.map_err(|_| BenchmarkError::Stop("suspend failed"))?;

		#[extrinsic_call]
		_(origin, who.clone());

		assert_eq!(Members::<T>::get(&who).map(|m| m.status), Some(MemberStatus::Active));
		Ok(())
	}

	#[benchmark]
	fn revoke() {
		let origin = registrar::<T>();
		let who = member::<T>("citizen", MemberKind::Citizen, &[]);

		#[extrinsic_call]
		_(origin, who.clone());

		assert_eq!(DidDocuments::<T>::get(&who).map(|d| d.deactivated), Some(true));
	}

	#[benchmark]
	fn add_authentication_key() {
		let who = member::<T>("citizen", MemberKind::Citizen, &[]);
		fill_keys::<T>(&who, T::MaxAuthenticationKeys::get() - 1);
		let new_key = key(u32::MAX);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), new_key);

		assert_eq!(
			DidDocuments::<T>::get(&who).map(|d| d.authentication.len() as u32),
			Some(T::MaxAuthenticationKeys::get())
		);
	}

	#[benchmark]
	fn remove_authentication_key() {
		let who = member::<T>("citizen", MemberKind::Citizen, &[]);
		let max = T::MaxAuthenticationKeys::get();
		fill_keys::<T>(&who, max);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), key(max - 1));

		assert_eq!(
			DidDocuments::<T>::get(&who).map(|d| d.authentication.len() as u32),
			Some(max - 1)
		);
	}

	#[benchmark]
	fn add_service() {
		let who = member::<T>("merchant", MemberKind::Merchant, &[Role::Merchant]);
		let max = T::MaxServices::get();
		fill_services::<T>(&who, max - 1);
		let (id, service_type, endpoint) = longest_service::<T>(25);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), id, service_type, endpoint);

		assert_eq!(DidDocuments::<T>::get(&who).map(|d| d.services.len() as u32), Some(max));
	}

	#[benchmark]
	fn remove_service() {
		let who = member::<T>("merchant", MemberKind::Merchant, &[Role::Merchant]);
		let max = T::MaxServices::get();
		fill_services::<T>(&who, max);
		let (last_id, _, _) = longest_service::<T>((max - 1) as u8);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), last_id);

		assert_eq!(DidDocuments::<T>::get(&who).map(|d| d.services.len() as u32), Some(max - 1));
	}

	#[benchmark]
	fn rotate_authentication_keys(k: Linear<1, { T::MaxAuthenticationKeys::get() }>) {
		let origin = registrar::<T>();
		let who = member::<T>("citizen", MemberKind::Citizen, &[]);
		fill_keys::<T>(&who, T::MaxAuthenticationKeys::get());
		let keys: Vec<_> = (0..k).map(|n| key(1_000 + n)).collect();

		#[extrinsic_call]
		_(origin, who.clone(), keys);

		// A registrar's rotation is scheduled, not applied.
		assert_eq!(PendingKeyRotations::<T>::get(&who).map(|p| p.keys.len() as u32), Some(k));
	}

	#[benchmark]
	fn cancel_key_rotation() -> Result<(), BenchmarkError> {
		let who = scheduled_rotation::<T>()?;

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(!PendingKeyRotations::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn cancel_key_rotation_with_key() -> Result<(), BenchmarkError> {
		let who = scheduled_rotation::<T>()?;
		let public = sp_io::crypto::sr25519_generate(CARD_KEY, None);
		let card = AuthenticationKey::Sr25519(public.0);
		fill_keys::<T>(&who, T::MaxAuthenticationKeys::get() - 1);
		DidDocuments::<T>::mutate(&who, |document| {
			let document = document.as_mut().expect("a member has a document");
			document.authentication.try_push(card).expect("one key of room was left");
		});
		let effective_at = PendingKeyRotations::<T>::get(&who)
			.map(|pending| pending.effective_at)
			.ok_or(BenchmarkError::Stop("a rotation is scheduled"))?;
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		let message = rotation::cancellation_message(
			genesis.as_ref(),
			&did::did_of(&who),
			sp_runtime::SaturatedConversion::saturated_into(effective_at),
		);
		let signature = sp_io::crypto::sr25519_sign(CARD_KEY, &public, &message)
			.ok_or(BenchmarkError::Stop("the keystore holds the card's key"))?;
		let submitter = member::<T>("kiosk", MemberKind::Citizen, &[]);

		#[extrinsic_call]
		_(RawOrigin::Signed(submitter), who.clone(), card, signature.0);

		assert!(!PendingKeyRotations::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn enact_key_rotations(n: Linear<0, { T::MaxRotationsPerBlock::get() }>) {
		let now = frame_system::Pallet::<T>::block_number();
		let mut due = Vec::new();
		for index in 0..n {
			let who: T::AccountId = account("rotated", index, 0);
			Citizens::<T>::do_register(
				who.clone(),
				MemberKind::Citizen,
				Default::default(),
				H256::repeat_byte(1),
				key(index),
			)
			.expect("a fresh account registers");
			let keys = BoundedVec::truncate_from(vec![key(10_000 + index)]);
			PendingKeyRotations::<T>::insert(
				&who,
				PendingRotation { keys, registrar: who.clone(), effective_at: now },
			);
			due.push(who);
		}
		RotationsDue::<T>::insert(now, BoundedVec::truncate_from(due));

		#[block]
		{
			Citizens::<T>::enact_due_rotations(now);
		}

		assert_eq!(PendingKeyRotations::<T>::iter().count(), 0);
	}

	#[benchmark]
	fn deactivate() {
		let who = member::<T>("citizen", MemberKind::Citizen, &[]);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert_eq!(Members::<T>::get(&who).map(|m| m.status), Some(MemberStatus::Revoked));
	}

	#[benchmark]
	fn set_quota() -> Result<(), BenchmarkError> {
		let origin =
			T::CityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, MemberKind::Citizen, 50);

		assert_eq!(Quotas::<T>::get(MemberKind::Citizen), 50);
		Ok(())
	}

	#[benchmark]
	fn set_quota_period() -> Result<(), BenchmarkError> {
		let origin =
			T::CityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let blocks: BlockNumberFor<T> = 600u32.into();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, blocks);

		assert_eq!(QuotaPeriod::<T>::get(), blocks);
		Ok(())
	}

	/// The gate for a member's transaction in a period already noted: one read of its register
	/// entry, and one read and one write of its account entry for the nonce and the count.
	#[benchmark]
	fn check_member() -> Result<(), BenchmarkError> {
		let who = member::<T>("citizen", MemberKind::Citizen, &[]);
		pass::<T, _>(CheckMember::<T>::from(frame_system::Pallet::<T>::account_nonce(&who)), &who)?;
		let nonce = frame_system::Pallet::<T>::account_nonce(&who);

		#[block]
		{
			pass::<T, _>(CheckMember::<T>::from(nonce), &who)?;
		}

		assert_eq!(frame_system::Pallet::<T>::account_nonce(&who), nonce + 1u32.into());
		assert_eq!(Citizens::<T>::noted_usage(&who).used, 2);
		Ok(())
	}

	/// What the gate adds after dispatch when the call reports unused weight worth units: a
	/// second update of the account entry.
	#[benchmark]
	fn check_member_give_back() -> Result<(), BenchmarkError> {
		let who = member::<T>("citizen", MemberKind::Citizen, &[]);
		pass::<T, _>(CheckMember::<T>::from(frame_system::Pallet::<T>::account_nonce(&who)), &who)?;

		#[block]
		{
			Citizens::<T>::give_back(&who, 1);
		}

		assert_eq!(Citizens::<T>::noted_usage(&who).used, 0);
		Ok(())
	}

	/// The gate for a member's first transaction of a period, which also reads the quota
	/// settings to note the period in the member's account entry.
	#[benchmark]
	fn check_member_first_in_period() -> Result<(), BenchmarkError> {
		let who = member::<T>("citizen", MemberKind::Citizen, &[]);
		let next_period = frame_system::Pallet::<T>::block_number() + QuotaPeriod::<T>::get();
		frame_system::Pallet::<T>::set_block_number(next_period);
		let nonce = frame_system::Pallet::<T>::account_nonce(&who);

		#[block]
		{
			pass::<T, _>(CheckMember::<T>::from(nonce), &who)?;
		}

		let (period_start, _) = Citizens::<T>::quota_period_bounds(next_period);
		assert_eq!(Citizens::<T>::noted_usage(&who).period_start, period_start);
		Ok(())
	}

	impl_benchmark_test_suite!(
		Citizens,
		crate::mock::ExtBuilder::empty().build(),
		crate::mock::Test
	);
}
