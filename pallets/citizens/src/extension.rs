//! The gate every signed transaction passes: [`CheckMember`] admits only active members, and
//! [`CheckNonceWithinQuota`], the runtime's nonce check, admits a member's transaction only while
//! its nonce lies within the member's quota for the period.

use crate::{Config, MemberStatus, Members, Pallet, QuotaUsage, Quotas, WeightInfo};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{dispatch::DispatchInfo, pallet_prelude::TransactionSource, DebugNoBound};
use frame_system::{pallet_prelude::BlockNumberFor, CheckNonce};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, Dispatchable, Implication, PostDispatchInfoOf,
		TransactionExtension, ValidateResult,
	},
	transaction_validity::{InvalidTransaction, TransactionValidityError, ValidTransaction},
	DispatchResult, SaturatedConversion, Saturating, Weight,
};

/// The `InvalidTransaction::Custom` codes with which the gate refuses a transaction. A refused
/// transaction never enters a block, so the signer's nonce does not move.
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

/// Admits a signed transaction only from an active member of the register. Unsigned
/// transactions and inherents pass untouched.
///
/// It comes first in the runtime's pipeline, so that a stranger gets its own refusal code before
/// any other check looks at the transaction, and it adds nothing to what is signed: wallets that
/// do not know it sign as usual.
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

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for CheckMember<T>
where
	T::RuntimeCall: Dispatchable<Info = DispatchInfo>,
	<T::RuntimeCall as Dispatchable>::RuntimeOrigin: AsSystemOriginSigner<T::AccountId> + Clone,
{
	const IDENTIFIER: &'static str = "CheckMember";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	fn weight(&self, _: &T::RuntimeCall) -> Weight {
		T::WeightInfo::check_member()
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_self_implicit: (),
		_inherited_implication: &impl Implication,
		_source: TransactionSource,
	) -> ValidateResult<(), T::RuntimeCall> {
		if let Some(who) = origin.as_system_origin_signer() {
			let member = Members::<T>::get(who).ok_or(refuse(refusal::NOT_A_MEMBER))?;
			match member.status {
				MemberStatus::Active => {}
				MemberStatus::Suspended => return Err(refuse(refusal::SUSPENDED)),
				MemberStatus::Revoked => return Err(refuse(refusal::REVOKED)),
			}
		}
		Ok((ValidTransaction::default(), (), origin))
	}

	fn prepare(
		self,
		_val: (),
		_origin: &T::RuntimeOrigin,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
	) -> Result<(), TransactionValidityError> {
		Ok(())
	}
}

/// The runtime's nonce check: `frame_system::CheckNonce`, which it wraps and whose identifier
/// and signed data (the compact nonce) it keeps, so wallets fill it in as usual; and the
/// fee-free quota, checked against the transaction's own nonce.
///
/// Every included signed transaction raises its account's nonce by exactly one, so a member's
/// transactions in a period are its nonce minus the nonce it had at its first transaction of the
/// period, which the register notes then. A transaction whose nonce lies at or beyond that note
/// plus the kind's quota is refused, in the pool as when a block is built: a burst beyond the
/// quota is refused at once, not queued.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo, DebugNoBound)]
#[scale_info(skip_type_params(T))]
pub struct CheckNonceWithinQuota<T: Config + Send + Sync>(pub CheckNonce<T>);

impl<T: Config + Send + Sync> CheckNonceWithinQuota<T> {
	/// The check for a transaction with `nonce`.
	pub fn from(nonce: T::Nonce) -> Self {
		Self(CheckNonce::from(nonce))
	}

	/// Whether the transaction opens `who`'s count for the current period, or `QUOTA_EXHAUSTED`.
	fn check_quota(&self, who: &T::AccountId) -> Result<QuotaVal<T>, TransactionValidityError> {
		let member = Members::<T>::get(who).ok_or(refuse(refusal::NOT_A_MEMBER))?;
		let (period_start, _) =
			Pallet::<T>::quota_period_bounds(frame_system::Pallet::<T>::block_number());
		let counted = member.quota.period_start == period_start;
		let nonce_at_start = if counted {
			member.quota.nonce_at_start
		} else {
			frame_system::Pallet::<T>::account_nonce(who)
		};
		let position: u32 = self.0 .0.saturating_sub(nonce_at_start).saturated_into();
		if position >= Quotas::<T>::get(member.kind) {
			return Err(refuse(refusal::QUOTA_EXHAUSTED));
		}
		Ok(if counted {
			QuotaVal::Counted
		} else {
			QuotaVal::FirstInPeriod {
				who: who.clone(),
				usage: QuotaUsage { period_start, nonce_at_start },
			}
		})
	}
}

/// What the quota check found out, for the preparation step.
#[derive(DebugNoBound)]
pub enum QuotaVal<T: Config> {
	/// Not a signed transaction.
	Unsigned,
	/// A member's first transaction of the period: the period's start is noted.
	FirstInPeriod { who: T::AccountId, usage: QuotaUsage<BlockNumberFor<T>, T::Nonce> },
	/// A member's transaction in a period already noted.
	Counted,
}

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for CheckNonceWithinQuota<T>
where
	T::RuntimeCall: Dispatchable<Info = DispatchInfo>,
	<T::RuntimeCall as Dispatchable>::RuntimeOrigin: AsSystemOriginSigner<T::AccountId> + Clone,
{
	const IDENTIFIER: &'static str = "CheckNonce";
	type Implicit = ();
	type Val = (<CheckNonce<T> as TransactionExtension<T::RuntimeCall>>::Val, QuotaVal<T>);
	type Pre = (<CheckNonce<T> as TransactionExtension<T::RuntimeCall>>::Pre, Weight);

	fn weight(&self, call: &T::RuntimeCall) -> Weight {
		// The benchmarks measure the wrapped nonce check too; adding its own weight keeps its
		// refunds within what was charged.
		T::WeightInfo::check_nonce_within_quota_first_in_period()
			.saturating_add(self.0.weight(call))
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
		let quota = match origin.as_system_origin_signer() {
			Some(who) => self.check_quota(who)?,
			None => QuotaVal::Unsigned,
		};
		let (validity, nonce, origin) =
			self.0.validate(origin, call, info, len, (), inherited_implication, source)?;
		Ok((validity, (nonce, quota), origin))
	}

	fn prepare(
		self,
		(nonce, quota): Self::Val,
		origin: &T::RuntimeOrigin,
		call: &T::RuntimeCall,
		info: &DispatchInfoOf<T::RuntimeCall>,
		len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		let worst = T::WeightInfo::check_nonce_within_quota_first_in_period();
		let nonce = self.0.prepare(nonce, origin, call, info, len)?;
		let unspent = match quota {
			QuotaVal::FirstInPeriod { who, usage } => {
				Members::<T>::mutate(who, |member| {
					if let Some(member) = member {
						member.quota = usage;
					}
				});
				Weight::zero()
			}
			QuotaVal::Counted => worst.saturating_sub(T::WeightInfo::check_nonce_within_quota()),
			QuotaVal::Unsigned => worst,
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
