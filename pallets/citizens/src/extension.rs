//! [`CheckMember`]: the gate every transaction passes.

use crate::{
	AccountQuota, CityOperational, Config, MemberStatus, Members, Pallet, QuotaUsage, WeightInfo,
};
use alloc::vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
	dispatch::{DispatchClass, DispatchInfo, PostDispatchInfo},
	pallet_prelude::TransactionSource,
	traits::Get,
	DebugNoBound,
};
use frame_system::{pallet_prelude::BlockNumberFor, CheckNonce};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		AsSystemOriginSigner, CheckedAdd, DispatchInfoOf, Dispatchable, Implication, One,
		PostDispatchInfoOf, TransactionExtension, ValidateResult, Zero,
	},
	transaction_validity::{
		InvalidTransaction, TransactionLongevity, TransactionPriority, TransactionValidityError,
		ValidTransaction,
	},
	DispatchResult, SaturatedConversion, Saturating, Weight,
};

/// The `InvalidTransaction::Custom` codes with which the runtime refuses a transaction before it
/// runs. A refused transaction never enters a block, so the signer's nonce does not move.
pub mod refusal {
	/// The signer is not registered in the Citizens Card register.
	pub const NOT_A_MEMBER: u8 = 1;
	/// The signer is a suspended member.
	pub const SUSPENDED: u8 = 2;
	/// The signer is a revoked member.
	pub const REVOKED: u8 = 3;
	/// The transaction's units, with those of the signer's transactions still waiting before it
	/// (one unit each at least; as many as this one's, if it costs more than one), exceed what
	/// remains of the signer's quota for the period. It may be submitted again once the waiting
	/// transactions are included, or in the next period.
	pub const QUOTA_EXHAUSTED: u8 = 4;
	/// The call is heavier than `MaxTransactionWeight` or the transaction longer than
	/// `MaxTransactionLength`; split it into smaller transactions.
	pub const TOO_LARGE: u8 = 5;
	/// The transaction offers a tip. Tips buy nothing on this chain (priority does not depend on
	/// them), so the runtime's payment check refuses them rather than burn them; sign with a
	/// zero tip.
	pub const TIP_REFUSED: u8 = 6;
	/// A general transaction (extrinsic format 5, neither signed nor an inherent): only members'
	/// signed transactions may enter the chain.
	pub const GENERAL_TRANSACTION: u8 = 7;
}

/// A refusal with one of the [`refusal`] codes.
pub(crate) fn refuse(code: u8) -> TransactionValidityError {
	InvalidTransaction::Custom(code).into()
}

/// The pool's priority for a transaction: the council's operational transactions
/// ([`Config::CityOperational`]) before everything else; then each member's next transaction before
/// anyone's later ones (fewer of the signer's transactions waiting before it first), so that no
/// member's backlog delays another member's transaction by more than one round; then lighter
/// before heavier. Tips play no part.
pub fn priority(city_operational: bool, queued: u32, units: u32) -> TransactionPriority {
	const CITY_OPERATIONAL: TransactionPriority = 1 << 63;
	const QUEUE_SLOTS: u32 = u32::MAX >> 1;
	let round = TransactionPriority::from(QUEUE_SLOTS - queued.min(QUEUE_SLOTS)) << 32;
	let lightness = TransactionPriority::from(u32::MAX - units);
	let class = if city_operational { CITY_OPERATIONAL } else { 0 };
	class | round | lightness
}

/// The runtime's nonce check, in `frame_system::CheckNonce`'s place, with the Citizens Card gate.
/// It admits a transaction only if it is signed (general transactions are refused), by an active
/// member of the register, no longer than [`Config::MaxTransactionLength`] and no heavier than
/// [`Config::MaxTransactionWeight`] (the council's own operational calls,
/// [`Config::CityOperational`], excepted from the weight bound), and within what remains of the
/// member's quota for the period in units of work ([`Pallet::units`]). It sets the transaction's
/// priority ([`priority`]).
///
/// It keeps `CheckNonce`'s identifier, signed data (the compact nonce) and answers (`Stale`,
/// `Future`, `Payment` for an account that does not exist, the pool's `provides` and `requires`
/// tags), so it adds nothing to what is signed and wallets fill it in as usual. It does the nonce
/// check itself rather than call `CheckNonce`'s, so that the account entry is read once and
/// written once.
///
/// The count lives in the member's account entry ([`Config::AccountQuota`]): the write that raises
/// the nonce also adds the transaction's units (a member's first transaction of a period notes the
/// period and its allowance), and after dispatch the units of the weight the call reports unused
/// are given back, which is the only second write and is charged only when it happens. The same
/// checks run in the pool and when a block is built. In the pool the signer's transactions still
/// waiting before this one count too: each as one unit at least, and, for a transaction of more
/// than one unit, each as heavy as it, so that a burst beyond the quota is refused at once, not
/// queued (a heavy transaction behind light ones waits until they are included).
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo, DebugNoBound)]
#[scale_info(skip_type_params(T))]
pub struct CheckMember<T: Config + Send + Sync>(pub CheckNonce<T>);

/// What the gate found in validation, for the preparation step.
#[derive(DebugNoBound)]
pub struct Gate<T: Config> {
	/// The signer.
	who: T::AccountId,
	/// The signer's usage before this transaction.
	usage: QuotaUsage<BlockNumberFor<T>>,
	/// Whether `usage` was noted before or starts a period.
	noted: bool,
	/// What the transaction costs.
	units: u32,
}

/// What the gate charged, for after dispatch.
#[derive(DebugNoBound)]
pub struct Charge<T: Config> {
	/// The signer.
	who: T::AccountId,
	/// Units charged.
	units: u32,
	/// The weight of the settings a period already noted did not need to read.
	unspent: Weight,
}

impl<T: Config + Send + Sync> CheckMember<T> {
	/// The check for a transaction with `nonce`.
	pub fn from(nonce: T::Nonce) -> Self {
		Self(CheckNonce::from(nonce))
	}

	/// The nonce the transaction was signed with.
	fn nonce(&self) -> T::Nonce {
		self.0 .0
	}

	/// Checks `who` against the register, the transaction against the bounds of one transaction,
	/// its nonce against the account, and its units against the quota; returns the gate and the
	/// transaction's validity.
	fn check(
		&self,
		who: &T::AccountId,
		call: &<T as frame_system::Config>::RuntimeCall,
		info: &DispatchInfo,
		len: usize,
	) -> Result<(Gate<T>, ValidTransaction), TransactionValidityError> {
		let member = Members::<T>::get(who).ok_or(refuse(refusal::NOT_A_MEMBER))?;
		match member.status {
			MemberStatus::Active => {}
			MemberStatus::Suspended => return Err(refuse(refusal::SUSPENDED)),
			MemberStatus::Revoked => return Err(refuse(refusal::REVOKED)),
		}
		// Only operational calls pay for the look-up: the council closing a motion may carry a
		// call as heavy as the operational class allows.
		let city_operational =
			info.class == DispatchClass::Operational && T::CityOperational::contains(who, call);
		let len: u32 = len.saturated_into();
		if len > T::MaxTransactionLength::get()
			|| (!city_operational
				&& info.call_weight.ref_time() > T::MaxTransactionWeight::get().ref_time())
		{
			return Err(refuse(refusal::TOO_LARGE));
		}
		let account = frame_system::Account::<T>::get(who);
		if account.providers.is_zero() && account.sufficients.is_zero() {
			return Err(InvalidTransaction::Payment.into());
		}
		let nonce = self.nonce();
		if nonce < account.nonce {
			return Err(InvalidTransaction::Stale.into());
		}
		let units = Pallet::<T>::units(info.call_weight, len);
		let (usage, noted) = Pallet::<T>::usage_in_period(
			T::AccountQuota::usage(&account.data),
			member.kind,
			frame_system::Pallet::<T>::block_number(),
		);
		let queued: u32 = nonce.saturating_sub(account.nonce).saturated_into();
		// What the transactions waiting before this one will cost at least: one unit each, or, for
		// a heavy transaction, as much as it each, lest a burst of heavy ones fill the pool.
		let waiting = if units > 1 { queued.saturating_mul(units) } else { queued };
		if usage.used.saturating_add(waiting).saturating_add(units) > usage.allowance {
			return Err(refuse(refusal::QUOTA_EXHAUSTED));
		}
		let requires = if queued > 0 {
			vec![(who, nonce.saturating_sub(One::one())).encode()]
		} else {
			vec![]
		};
		let validity = ValidTransaction {
			priority: priority(city_operational, queued, units),
			requires,
			provides: vec![(who, nonce).encode()],
			longevity: TransactionLongevity::MAX,
			propagate: true,
		};
		Ok((Gate { who: who.clone(), usage, noted, units }, validity))
	}
}

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for CheckMember<T>
where
	T::RuntimeCall: Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo>,
	<T::RuntimeCall as Dispatchable>::RuntimeOrigin: AsSystemOriginSigner<T::AccountId> + Clone,
{
	const IDENTIFIER: &'static str = "CheckNonce";
	type Implicit = ();
	type Val = Gate<T>;
	type Pre = Charge<T>;

	fn weight(&self, _: &T::RuntimeCall) -> Weight {
		// The worst case: a period to note, and units to give back after dispatch.
		T::WeightInfo::check_member_first_in_period()
			.saturating_add(T::WeightInfo::check_member_give_back())
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		call: &T::RuntimeCall,
		info: &DispatchInfoOf<T::RuntimeCall>,
		len: usize,
		_self_implicit: (),
		_inherited_implication: &impl Implication,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		// Inherents and bare unsigned transactions never reach `validate`; what does without a
		// signer is a general transaction.
		let who = origin.as_system_origin_signer().ok_or(refuse(refusal::GENERAL_TRANSACTION))?;
		let (gate, validity) = self.check(who, call, info, len)?;
		Ok((validity, gate, origin))
	}

	fn prepare(
		self,
		gate: Self::Val,
		_origin: &T::RuntimeOrigin,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		let Gate { who, mut usage, noted, units } = gate;
		usage.used = usage.used.saturating_add(units);
		let nonce = self.nonce();
		frame_system::Account::<T>::try_mutate(&who, |account| {
			if nonce > account.nonce {
				return Err(InvalidTransaction::Future);
			}
			if nonce < account.nonce {
				return Err(InvalidTransaction::Stale);
			}
			// Wraps as frame_system's nonce check does.
			account.nonce = nonce.checked_add(&One::one()).unwrap_or_else(Zero::zero);
			T::AccountQuota::note(&mut account.data, usage);
			Ok(())
		})?;
		let unspent = if noted {
			T::WeightInfo::check_member_first_in_period()
				.saturating_sub(T::WeightInfo::check_member())
		} else {
			Weight::zero()
		};
		Ok(Charge { who, units, unspent })
	}

	fn post_dispatch_details(
		charge: Self::Pre,
		info: &DispatchInfoOf<T::RuntimeCall>,
		post_info: &PostDispatchInfoOf<T::RuntimeCall>,
		len: usize,
		_result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		// The actual weight includes the extensions' by now; what the call used is the rest.
		let call_used = post_info
			.calc_actual_weight(info)
			.saturating_sub(info.extension_weight)
			.min(info.call_weight);
		let given_back =
			charge.units.saturating_sub(Pallet::<T>::units(call_used, len.saturated_into()));
		if given_back > 0 {
			Pallet::<T>::give_back(&charge.who, given_back);
			Ok(charge.unspent)
		} else {
			Ok(charge.unspent.saturating_add(T::WeightInfo::check_member_give_back()))
		}
	}
}
