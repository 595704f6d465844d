//! [`CheckMember`]: the gate every signed transaction passes.

use crate::{Config, MemberStatus, Members, Pallet, QuotaWindow, WeightInfo};
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{dispatch::DispatchInfo, pallet_prelude::TransactionSource, DebugNoBound};
use frame_system::{pallet_prelude::BlockNumberFor, CheckNonce};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, Dispatchable, Implication, PostDispatchInfoOf,
		TransactionExtension, ValidateResult,
	},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	DispatchResult, SaturatedConversion, Saturating, Weight,
};

/// The `InvalidTransaction::Custom` codes with which [`CheckMember`] refuses a transaction. A
/// refused transaction never enters a block, so the signer's nonce does not move.
pub mod refusal {
	/// The signer is not registered in the Citizens Card register.
	pub const NOT_A_MEMBER: u8 = 1;
	/// The signer is a suspended member.
	pub const SUSPENDED: u8 = 2;
	/// The signer is a revoked member.
	pub const REVOKED: u8 = 3;
	/// The transaction's nonce lies beyond the signer's quota for the current period; it may be
	/// submitted again from the first block of the next period.
	pub const QUOTA_EXHAUSTED: u8 = 4;
}

/// A refusal with one of the [`refusal`] codes.
fn refuse(code: u8) -> TransactionValidityError {
	InvalidTransaction::Custom(code).into()
}

/// The runtime's nonce check, `frame_system::CheckNonce`, which it wraps, with the Citizens Card
/// gate: it admits a signed transaction only from an active member of the register whose
/// transaction's nonce lies within its quota for the period. Unsigned transactions and inherents
/// pass to the nonce check untouched.
///
/// It keeps `CheckNonce`'s identifier and signed data (the compact nonce), so it adds nothing to
/// what is signed and wallets fill it in as usual.
///
/// Every included signed transaction raises its account's nonce by exactly one, so a member's
/// transactions in a period are its nonce minus the nonce it had at its first transaction of the
/// period. That first transaction notes the period's bounds, the nonce and the allowance in the
/// member's entry ([`QuotaWindow`]); every later one reads only the entry. A transaction whose
/// nonce lies at or beyond the noted nonce plus the allowance is refused, in the pool as when a
/// block is built: a burst beyond the quota is refused at once, not queued.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo, DebugNoBound)]
#[scale_info(skip_type_params(T))]
pub struct CheckMember<T: Config + Send + Sync>(pub CheckNonce<T>);

impl<T: Config + Send + Sync> CheckMember<T> {
	/// The check for a transaction with `nonce`.
	pub fn from(nonce: T::Nonce) -> Self {
		Self(CheckNonce::from(nonce))
	}

	/// Checks `who` against the register and the transaction's nonce against its quota.
	fn check(&self, who: &T::AccountId) -> Result<Gate<T>, TransactionValidityError> {
		let member = Members::<T>::get(who).ok_or(refuse(refusal::NOT_A_MEMBER))?;
		match member.status {
			MemberStatus::Active => {}
			MemberStatus::Suspended => return Err(refuse(refusal::SUSPENDED)),
			MemberStatus::Revoked => return Err(refuse(refusal::REVOKED)),
		}
		let now = frame_system::Pallet::<T>::block_number();
		let (window, gate) = if member.quota.covers(&now) {
			(member.quota, Gate::Counted)
		} else {
			let nonce = frame_system::Pallet::<T>::account_nonce(who);
			let window = Pallet::<T>::quota_window(member.kind, now, nonce);
			(window, Gate::FirstInPeriod { who: who.clone(), window })
		};
		let position: u32 = self.0 .0.saturating_sub(window.nonce_at_start).saturated_into();
		if position >= window.allowance {
			return Err(refuse(refusal::QUOTA_EXHAUSTED));
		}
		Ok(gate)
	}
}

/// What the gate found out, for the preparation step.
#[derive(DebugNoBound)]
pub enum Gate<T: Config> {
	/// Not a signed transaction.
	Unsigned,
	/// A member's first transaction of the period, whose window is noted.
	FirstInPeriod { who: T::AccountId, window: QuotaWindow<BlockNumberFor<T>, T::Nonce> },
	/// A member's transaction in a period already noted.
	Counted,
}

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for CheckMember<T>
where
	T::RuntimeCall: Dispatchable<Info = DispatchInfo>,
	<T::RuntimeCall as Dispatchable>::RuntimeOrigin: AsSystemOriginSigner<T::AccountId> + Clone,
{
	const IDENTIFIER: &'static str = "CheckNonce";
	type Implicit = ();
	type Val = (<CheckNonce<T> as TransactionExtension<T::RuntimeCall>>::Val, Gate<T>);
	type Pre = (<CheckNonce<T> as TransactionExtension<T::RuntimeCall>>::Pre, Weight);

	fn weight(&self, _: &T::RuntimeCall) -> Weight {
		// The benchmarks measure the wrapped nonce check too.
		T::WeightInfo::check_member_first_in_period()
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		call: &T::RuntimeCall,
		info: &DispatchInfoOf<T::RuntimeCall>,
		len: usize,
		_self_implicit: (),
		inherited_implication: &impl Implication,
		source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		let gate = match origin.as_system_origin_signer() {
			Some(who) => self.check(who)?,
			None => Gate::Unsigned,
		};
		let (validity, nonce, origin) =
			self.0.validate(origin, call, info, len, (), inherited_implication, source)?;
		Ok((validity, (nonce, gate), origin))
	}

	fn prepare(
		self,
		(nonce, gate): Self::Val,
		origin: &T::RuntimeOrigin,
		call: &T::RuntimeCall,
		info: &DispatchInfoOf<T::RuntimeCall>,
		len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		let worst = self.weight(call);
		// An unsigned transaction skips the nonce check, which refunds its own weight itself.
		let unsigned_unspent = worst.saturating_sub(self.0.weight(call));
		let nonce = self.0.prepare(nonce, origin, call, info, len)?;
		let unspent = match gate {
			Gate::FirstInPeriod { who, window } => {
				Members::<T>::mutate(who, |member| {
					if let Some(member) = member {
						member.quota = window;
					}
				});
				Weight::zero()
			}
			Gate::Counted => worst.saturating_sub(T::WeightInfo::check_member()),
			Gate::Unsigned => unsigned_unspent,
		};
		Ok((nonce, unspent))
	}

	fn post_dispatch_details(
		(nonce, unspent): Self::Pre,
		info: &DispatchInfoOf<T::RuntimeCall>,
		post_info: &PostDispatchInfoOf<T::RuntimeCall>,
		len: usize,
		result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		let nonce_unspent =
			CheckNonce::<T>::post_dispatch_details(nonce, info, post_info, len, result)?;
		Ok(unspent.saturating_add(nonce_unspent))
	}
}
