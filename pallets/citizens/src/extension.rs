//! [`CheckMember`]: the gate every signed transaction passes.

use crate::{Config, MemberStatus, Members, Pallet, QuotaUsage, Quotas, WeightInfo};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{dispatch::DispatchInfo, pallet_prelude::TransactionSource, DebugNoBound};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, Dispatchable, PostDispatchInfoOf,
		TransactionExtension, ValidateResult,
	},
	transaction_validity::{InvalidTransaction, TransactionValidityError, ValidTransaction},
	DispatchResult, Weight,
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
	/// The signer has used up its fee-free quota for the current period; it may transact again
	/// from the first block of the next period.
	pub const QUOTA_EXHAUSTED: u8 = 4;
}

/// Admits a signed transaction only from an active member within its quota for the period, and
/// counts it. Unsigned transactions and inherents pass untouched.
///
/// It adds nothing to what is signed: wallets that do not know it sign as usual.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo, DebugNoBound)]
#[scale_info(skip_type_params(T))]
pub struct CheckMember<T: Config + Send + Sync>(PhantomData<T>);

impl<T: Config + Send + Sync> CheckMember<T> {
	/// The extension, as a transaction carries it.
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T: Config + Send + Sync> Default for CheckMember<T> {
	fn default() -> Self {
		Self::new()
	}
}

/// What validation found out, for the preparation step.
#[derive(DebugNoBound)]
pub enum Val<T: Config> {
	/// Not a signed transaction.
	Unsigned,
	/// A member's transaction that opens a new quota period, which must be recorded.
	FirstInPeriod { who: T::AccountId, usage: QuotaUsage<BlockNumberFor<T>, T::Nonce> },
	/// A member's transaction within an already counted period.
	Counted,
}

/// Whether the worst-case weight was used, for the refund after dispatch.
#[derive(DebugNoBound)]
pub enum Pre {
	/// The period's start was written.
	Recorded,
	/// Nothing was written; this much weight is returned.
	Refund(Weight),
}

/// A refusal with one of the [`refusal`] codes.
fn refuse(code: u8) -> TransactionValidityError {
	InvalidTransaction::Custom(code).into()
}

impl<T: Config + Send + Sync> CheckMember<T> {
	/// Checks `who` against the register and its quota.
	fn check(who: &T::AccountId) -> Result<Val<T>, TransactionValidityError> {
		let member = Members::<T>::get(who).ok_or(refuse(refusal::NOT_A_MEMBER))?;
		match member.status {
			MemberStatus::Active => {}
			MemberStatus::Suspended => return Err(refuse(refusal::SUSPENDED)),
			MemberStatus::Revoked => return Err(refuse(refusal::REVOKED)),
		}
		let (period_start, _) =
			Pallet::<T>::quota_period_bounds(frame_system::Pallet::<T>::block_number());
		let nonce = frame_system::Pallet::<T>::account_nonce(who);
		if Pallet::<T>::quota_used(&member, period_start, nonce) >= Quotas::<T>::get(member.kind) {
			return Err(refuse(refusal::QUOTA_EXHAUSTED));
		}
		Ok(if member.quota.period_start == period_start {
			Val::Counted
		} else {
			Val::FirstInPeriod {
				who: who.clone(),
				usage: QuotaUsage { period_start, nonce_at_start: nonce },
			}
		})
	}
}

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for CheckMember<T>
where
	T::RuntimeCall: Dispatchable<Info = DispatchInfo>,
	<T::RuntimeCall as Dispatchable>::RuntimeOrigin: AsSystemOriginSigner<T::AccountId> + Clone,
{
	const IDENTIFIER: &'static str = "CheckMember";
	type Implicit = ();
	type Val = Val<T>;
	type Pre = Pre;

	fn weight(&self, _: &T::RuntimeCall) -> Weight {
		T::WeightInfo::check_member_first_in_period()
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_self_implicit: (),
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		let val = match origin.as_system_origin_signer() {
			Some(who) => Self::check(who)?,
			None => Val::Unsigned,
		};
		Ok((ValidTransaction::default(), val, origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		_origin: &T::RuntimeOrigin,
		call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		let refund = self.weight(call).saturating_sub(T::WeightInfo::check_member());
		match val {
			Val::FirstInPeriod { who, usage } => {
				Members::<T>::mutate(who, |member| {
					if let Some(member) = member {
						member.quota = usage;
					}
				});
				Ok(Pre::Recorded)
			}
			Val::Counted => Ok(Pre::Refund(refund)),
			Val::Unsigned => Ok(Pre::Refund(self.weight(call))),
		}
	}

	fn post_dispatch_details(
		pre: Self::Pre,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_post_info: &PostDispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		Ok(match pre {
			Pre::Recorded => Weight::zero(),
			Pre::Refund(weight) => weight,
		})
	}
}
