//! The set at session boundaries: what it hands to `pallet-session`, and how it counts the
//! blocks each validator authors, so that a silent one is reported.

use crate::*;
use alloc::collections::BTreeMap;
use frame_support::{dispatch::DispatchResult, traits::ValidatorRegistration, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::Perbill;
use sp_staking::offence::{OffenceDetails, OnOffenceHandler};

/// What the validator set needs of `pallet-session`, which the runtime implements with it.
pub trait SessionInterface<AccountId>: ValidatorRegistration<AccountId> {
	/// The validators of the current session.
	fn active_validators() -> Vec<AccountId>;

	/// Removes `who`'s session keys, as `Session::purge_keys` signed by `who` does.
	fn purge_keys(who: &AccountId) -> DispatchResult;

	/// Forgets the validator sets of the sessions before `up_to`, against which key-ownership
	/// proofs are checked (`pallet_session::historical`).
	fn prune_key_ownership_proofs(up_to: SessionIndex);
}

/// The network's session length ([`SessionLength`]), as `pallet_session::PeriodicSessions` reads
/// its period.
pub struct SessionLengthOf<T>(core::marker::PhantomData<T>);

impl<T: Config> Get<BlockNumberFor<T>> for SessionLengthOf<T> {
	fn get() -> BlockNumberFor<T> {
		SessionLength::<T>::get()
	}
}

/// Sessions of the network's length from block 0: the runtime's `ShouldEndSession` and
/// `NextSessionRotation`. A length changed on a live chain takes effect at its next multiple.
pub type Sessions<T> =
	pallet_session::PeriodicSessions<SessionLengthOf<T>, frame_support::traits::GetDefault>;

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		if !ChangePending::<T>::get() {
			return None;
		}
		// pallet-session leaves out operators that purged their keys; leave them out here too,
		// so that the count is true and the set never falls below the minimum.
		let validators: Vec<_> =
			Validators::<T>::get().into_iter().filter(T::Session::is_registered).collect();
		if validators.len() < MinimumValidators::<T>::get() as usize {
			log::warn!(
				target: LOG_TARGET,
				"too few validators with session keys for session {new_index}; the change waits"
			);
			return None;
		}
		ChangePending::<T>::kill();
		log::info!(
			target: LOG_TARGET,
			"session {new_index} will be validated by {} operators",
			validators.len()
		);
		Self::deposit_event(Event::NewSetQueued {
			active_from: new_index,
			count: validators.len() as u32,
		});
		Some(validators)
	}

	fn new_session_genesis(_: SessionIndex) -> Option<Vec<T::AccountId>> {
		let validators = Validators::<T>::get();
		(!validators.is_empty()).then(|| validators.into_inner())
	}

	/// Counts the session just ended: a validator that authored no block in it is one session
	/// more silent, one that authored is not; a validator no longer active is forgotten.
	fn end_session(_: SessionIndex) {
		let threshold = T::SilentSessionsToReport::get();
		let previous: BTreeMap<_, _> = SilentSessions::<T>::drain().collect();
		for who in T::Session::active_validators() {
			if BlocksAuthored::<T>::get(&who) > 0 {
				continue;
			}
			let sessions = previous.get(&who).copied().unwrap_or_default().saturating_add(1);
			SilentSessions::<T>::insert(&who, sessions);
			if sessions >= threshold {
				log::warn!(target: LOG_TARGET, "validator {who:?} authored nothing in {sessions} sessions");
				Self::deposit_event(Event::ValidatorSilent { who, sessions });
			}
		}
		let _ = BlocksAuthored::<T>::clear(u32::MAX, None);
	}

	/// Keeps the sets of the current session and the `KeyOwnershipProofSessions` before it for
	/// key-ownership proofs, so that the record does not grow for ever.
	fn start_session(index: SessionIndex) {
		let up_to = index.saturating_sub(T::KeyOwnershipProofSessions::get());
		if up_to > 0 {
			T::Session::prune_key_ownership_proofs(up_to);
		}
	}
}

/// The same sets, for `pallet_session::historical`, which keeps a proof of each session's set so
/// that an equivocation can be proven against it later. A validator's full identification is
/// its account alone: nothing is staked.
impl<T: Config> pallet_session::historical::SessionManager<T::AccountId, ()> for Pallet<T> {
	fn new_session(new_index: SessionIndex) -> Option<Vec<(T::AccountId, ())>> {
		<Self as pallet_session::SessionManager<_>>::new_session(new_index).map(identified)
	}

	fn new_session_genesis(new_index: SessionIndex) -> Option<Vec<(T::AccountId, ())>> {
		<Self as pallet_session::SessionManager<_>>::new_session_genesis(new_index).map(identified)
	}

	fn start_session(start_index: SessionIndex) {
		<Self as pallet_session::SessionManager<_>>::start_session(start_index)
	}

	fn end_session(end_index: SessionIndex) {
		<Self as pallet_session::SessionManager<_>>::end_session(end_index)
	}
}

/// Validators with their (empty) full identification.
fn identified<AccountId>(validators: Vec<AccountId>) -> Vec<(AccountId, ())> {
	validators.into_iter().map(|who| (who, ())).collect()
}

/// Offences proven on chain (equivocations, through `pallet-offences`) are recorded for the
/// council, which decides; nothing is slashed or disabled on a proof-of-authority chain.
impl<T: Config, FullIdentification>
	OnOffenceHandler<T::AccountId, (T::AccountId, FullIdentification), Weight> for Pallet<T>
{
	fn on_offence(
		offenders: &[OffenceDetails<T::AccountId, (T::AccountId, FullIdentification)>],
		_slash_fraction: &[Perbill],
		session: SessionIndex,
	) -> Weight {
		for details in offenders {
			let who = details.offender.0.clone();
			Offences::<T>::mutate(&who, |record| {
				record.count = record.count.saturating_add(1);
				record.last_session = session;
			});
			log::warn!(target: LOG_TARGET, "validator {who:?} committed an offence in session {session}");
			Self::deposit_event(Event::OffenceRecorded { who, session });
		}
		let count = offenders.len() as u64;
		T::DbWeight::get().reads_writes(count, count)
	}
}

impl<T: Config> pallet_authorship::EventHandler<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn note_author(author: T::AccountId) {
		BlocksAuthored::<T>::mutate(author, |blocks| *blocks = blocks.saturating_add(1));
	}
}

impl<T: Config> Pallet<T> {
	/// Each validator of the set or of the current session, with its keys, its blocks this
	/// session and its silence.
	pub fn statuses() -> Vec<ValidatorStatus<T::AccountId>> {
		let in_set = Validators::<T>::get();
		let active = T::Session::active_validators();
		let mut accounts: Vec<_> = in_set.iter().chain(active.iter()).cloned().collect();
		accounts.sort();
		accounts.dedup();
		let threshold = T::SilentSessionsToReport::get();
		accounts
			.into_iter()
			.map(|account| {
				let silent_sessions = SilentSessions::<T>::get(&account);
				ValidatorStatus {
					in_set: in_set.binary_search(&account).is_ok(),
					active: active.contains(&account),
					has_keys: T::Session::is_registered(&account),
					blocks_this_session: BlocksAuthored::<T>::get(&account),
					silent_sessions,
					reported_silent: silent_sessions >= threshold,
					offences: Offences::<T>::get(&account),
					account,
				}
			})
			.collect()
	}

	/// The network's minimum.
	pub fn minimum() -> u32 {
		MinimumValidators::<T>::get()
	}

	/// The proof that the Aura key `authority` is a validator's in the current session.
	pub fn aura_key_ownership_proof(authority: T::AuraId) -> Option<T::KeyOwnerProof> {
		use sp_runtime::RuntimeAppPublic;
		T::KeyOwnerProofSystem::prove((T::AuraId::ID, authority))
	}
}
