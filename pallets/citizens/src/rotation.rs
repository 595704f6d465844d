//! Key rotation by registrars, delayed: a registrar who replaces a citizen's authentication keys
//! (recovery for a lost card) schedules the replacement [`Config::KeyRotationDelay`] blocks
//! ahead, and the member, or any key it still holds, can cancel it until then. So a registrar's
//! key alone, lost or misused, cannot take over a citizen's DID without the citizen's wallet
//! seeing it coming ([`Event::KeyRotationScheduled`]).

use crate::{
	authentication, did, AuthenticationKey, AuthenticationKeysOf, Config, DidDocuments, Error,
	Event, Pallet, PendingKeyRotations, PendingRotation, RotationsDue, WeightInfo,
};
use alloc::vec::Vec;
use frame_support::{ensure, traits::Get, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Zero, DispatchResult, Saturating};

/// The message a member's current authentication key signs to cancel the key rotation that takes
/// effect at `effective_at`: `seoul-cancel-key-rotation:v1`, the chain's genesis hash (hex), the
/// member's DID and the block, one per line.
pub fn cancellation_message(genesis: &[u8], did: &[u8], effective_at: u64) -> Vec<u8> {
	let mut message = b"seoul-cancel-key-rotation:v1\nchain:0x".to_vec();
	for byte in genesis {
		message.extend_from_slice(&[hex_digit(byte >> 4), hex_digit(byte & 0xf)]);
	}
	message.extend_from_slice(b"\ndid:");
	message.extend_from_slice(did);
	message.extend_from_slice(b"\neffective:");
	message.extend_from_slice(alloc::format!("{effective_at}").as_bytes());
	message
}

/// The lower-case hex digit of a nibble.
fn hex_digit(nibble: u8) -> u8 {
	b"0123456789abcdef"[usize::from(nibble & 0xf)]
}

impl<T: Config> Pallet<T> {
	/// Replaces the keys of `who`'s document at once.
	pub(crate) fn replace_keys(
		who: &T::AccountId,
		keys: AuthenticationKeysOf<T>,
	) -> DispatchResult {
		let count = keys.len() as u32;
		Self::update_document(who, |document| {
			document.authentication = keys;
			Ok(())
		})?;
		Self::deposit_event(Event::AuthenticationKeysRotated { member: who.clone(), keys: count });
		Ok(())
	}

	/// Schedules `registrar`'s replacement of `who`'s keys by `keys`.
	pub(crate) fn schedule_rotation(
		who: T::AccountId,
		keys: AuthenticationKeysOf<T>,
		registrar: T::AccountId,
	) -> DispatchResult {
		ensure!(!PendingKeyRotations::<T>::contains_key(&who), Error::<T>::RotationPending);
		let document = DidDocuments::<T>::get(&who).ok_or(Error::<T>::NotMember)?;
		ensure!(!document.deactivated, Error::<T>::Revoked);
		let effective_at =
			frame_system::Pallet::<T>::block_number().saturating_add(T::KeyRotationDelay::get());
		RotationsDue::<T>::try_mutate(effective_at, |due| due.try_push(who.clone()))
			.map_err(|_| Error::<T>::RotationQueueFull)?;
		PendingKeyRotations::<T>::insert(
			&who,
			PendingRotation { keys, registrar: registrar.clone(), effective_at },
		);
		Self::deposit_event(Event::KeyRotationScheduled { member: who, registrar, effective_at });
		Ok(())
	}

	/// Drops the rotation scheduled for `who`, if any; returns whether there was one.
	pub(crate) fn unschedule_rotation(who: &T::AccountId) -> bool {
		let Some(pending) = PendingKeyRotations::<T>::take(who) else { return false };
		RotationsDue::<T>::mutate_exists(pending.effective_at, |due| {
			if let Some(members) = due {
				members.retain(|member| member != who);
				if members.is_empty() {
					*due = None;
				}
			}
		});
		true
	}

	/// Cancels the rotation scheduled for `who`.
	pub(crate) fn cancel_rotation(who: T::AccountId) -> DispatchResult {
		ensure!(Self::unschedule_rotation(&who), Error::<T>::NoPendingRotation);
		Self::deposit_event(Event::KeyRotationCancelled { member: who });
		Ok(())
	}

	/// Passes if `key` is one of `member`'s current authentication keys and signed the
	/// cancellation of its scheduled rotation.
	pub(crate) fn ensure_cancelled_by_key(
		member: &T::AccountId,
		key: &AuthenticationKey,
		signature: &[u8; 64],
	) -> DispatchResult {
		let pending = PendingKeyRotations::<T>::get(member).ok_or(Error::<T>::NoPendingRotation)?;
		let document = DidDocuments::<T>::get(member).ok_or(Error::<T>::NotMember)?;
		ensure!(document.authentication.contains(key), Error::<T>::UnknownKey);
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		let effective_at: u64 =
			sp_runtime::SaturatedConversion::saturated_into(pending.effective_at);
		let message = cancellation_message(genesis.as_ref(), &did::did_of(member), effective_at);
		ensure!(authentication::signed_by(key, &message, signature), Error::<T>::BadSignature);
		Ok(())
	}

	/// Applies the rotations due at `now`; returns the weight used.
	pub(crate) fn enact_due_rotations(now: BlockNumberFor<T>) -> Weight {
		let due = RotationsDue::<T>::take(now);
		let count = due.len() as u32;
		for who in due {
			let Some(pending) = PendingKeyRotations::<T>::take(&who) else { continue };
			// A member revoked meanwhile keeps its deactivated document as it was.
			let _ = Self::replace_keys(&who, pending.keys);
		}
		T::WeightInfo::enact_key_rotations(count)
	}
}
