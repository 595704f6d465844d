//! Aura equivocations, proven on chain. FRAME's Aura pallet has no equivocation report (BABE and
//! GRANDPA have theirs), so the validator set checks one ([`Pallet::report_aura_equivocation`]):
//! two different headers of one slot, both sealed by the offender's Aura key, and a key-ownership
//! proof (`pallet_session::historical`) that the key was a validator's in a session the chain
//! still keeps. `pallet-offences` records the offence once and hands it back to the validator
//! set's `OnOffenceHandler`, which records it for the council.

use crate::*;
use frame_support::ensure;
use sp_consensus_aura::digests::CompatibleDigestItem;
use sp_consensus_slots::{EquivocationProof, Slot};
use sp_runtime::{traits::Header as _, DigestItem, Perbill, RuntimeAppPublic};
use sp_staking::offence::{Kind, Offence};

/// An Aura equivocation: a validator sealed two different blocks for one slot.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct AuraEquivocationOffence<Offender> {
	/// The slot of the two blocks.
	pub slot: Slot,
	/// The session of the key-ownership proof.
	pub session_index: SessionIndex,
	/// How many validators that session had.
	pub validator_set_count: u32,
	/// The validator, with its full identification.
	pub offender: Offender,
}

impl<Offender: Clone> Offence<Offender> for AuraEquivocationOffence<Offender> {
	const ID: Kind = *b"aura:equivocatio";
	type Slot = Slot;

	fn offenders(&self) -> Vec<Offender> {
		alloc::vec![self.offender.clone()]
	}

	fn session_index(&self) -> SessionIndex {
		self.session_index
	}

	fn validator_set_count(&self) -> u32 {
		self.validator_set_count
	}

	fn slot(&self) -> Slot {
		self.slot
	}

	// Nothing is slashed on a proof-of-authority chain: the council decides.
	fn slash_fraction(&self, _: u32) -> Perbill {
		Perbill::zero()
	}
}

/// Two headers of one slot and the Aura key said to have sealed both.
pub type AuraEquivocationProof<T> =
	EquivocationProof<frame_system::pallet_prelude::HeaderFor<T>, <T as Config>::AuraId>;

/// A validator's full identification, as key-ownership proofs give it.
pub type IdentificationOf<T> = <T as Config>::IdentificationTuple;

/// The offence [`Pallet::report_aura_equivocation`] reports.
pub type AuraOffenceOf<T> = AuraEquivocationOffence<IdentificationOf<T>>;

impl<T: Config> Pallet<T> {
	/// The offence `proof` shows, once `key_owner_proof` proves whose key sealed the two headers.
	pub(crate) fn prove_aura_equivocation(
		proof: &AuraEquivocationProof<T>,
		key_owner_proof: T::KeyOwnerProof,
	) -> Result<AuraOffenceOf<T>, Error<T>> {
		ensure!(
			proof.encoded_size() <= T::MaxEquivocationProofLen::get() as usize,
			Error::<T>::EquivocationProofTooLarge
		);
		ensure!(
			proof.first_header.hash() != proof.second_header.hash(),
			Error::<T>::NotAnEquivocation
		);
		for header in [&proof.first_header, &proof.second_header] {
			ensure!(
				sealed_slot(header, &proof.offender) == Some(proof.slot),
				Error::<T>::InvalidEquivocationProof
			);
		}
		let session_index = key_owner_proof.session();
		let validator_set_count = key_owner_proof.validator_count();
		let offender = T::KeyOwnerProofSystem::check_proof(
			(T::AuraId::ID, proof.offender.clone()),
			key_owner_proof,
		)
		.ok_or(Error::<T>::InvalidKeyOwnershipProof)?;
		Ok(AuraEquivocationOffence {
			slot: proof.slot,
			session_index,
			validator_set_count,
			offender,
		})
	}
}

/// The slot `header` was authored for, if `author` sealed it: Aura's pre-runtime digest names the
/// slot, and the seal (the last digest item) signs the hash of the header without it, as the
/// node's import checks.
fn sealed_slot<H: sp_runtime::traits::Header, Id: RuntimeAppPublic>(
	header: &H,
	author: &Id,
) -> Option<Slot> {
	let mut unsealed = header.clone();
	let seal = unsealed.digest_mut().pop()?;
	let signature = CompatibleDigestItem::<Id::Signature>::as_aura_seal(&seal)?;
	let slot = unsealed
		.digest()
		.logs()
		.iter()
		.find_map(CompatibleDigestItem::<Id::Signature>::as_aura_pre_digest)?;
	author.verify(&unsealed.hash(), &signature).then_some(slot)
}

/// Seals `header` for `slot` with `sign`, as an Aura node does: for tests and benchmarks that
/// need a block sealed by a given key.
pub fn seal_header<H: sp_runtime::traits::Header, Signature: Codec>(
	mut header: H,
	slot: Slot,
	sign: impl FnOnce(&[u8]) -> Signature,
) -> H {
	header
		.digest_mut()
		.push(<DigestItem as CompatibleDigestItem<Signature>>::aura_pre_digest(slot));
	let signature = sign(header.hash().as_ref());
	header.digest_mut().push(<DigestItem as CompatibleDigestItem<Signature>>::aura_seal(signature));
	header
}

/// Two headers of `slot` at block 1 that differ only in their parent, each carrying `padding`
/// bytes of digest, sealed with `sign`: an equivocation by `offender`, whose key signs, for tests
/// and benchmarks.
pub fn sealed_equivocation<H: sp_runtime::traits::Header, Id, Signature: Codec>(
	offender: Id,
	slot: Slot,
	padding: u32,
	sign: impl Fn(&[u8]) -> Signature,
) -> EquivocationProof<H, Id> {
	use sp_runtime::traits::{Hash, One};
	let header = |parent: u8| {
		let mut unsealed = H::new(
			One::one(),
			Default::default(),
			Default::default(),
			H::Hashing::hash(&[parent]),
			Default::default(),
		);
		if padding > 0 {
			unsealed.digest_mut().push(DigestItem::Other(alloc::vec![0; padding as usize]));
		}
		seal_header(unsealed, slot, &sign)
	};
	EquivocationProof { offender, slot, first_header: header(1), second_header: header(2) }
}
