//! [`RefuseTips`]: the runtime's payment check, without tips.

use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{dispatch::DispatchInfo, pallet_prelude::TransactionSource, DebugNoBound};
use pallet_citizens::refusal;
use pallet_transaction_payment::ChargeTransactionPayment;
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		DispatchInfoOf, Implication, PostDispatchInfoOf, TransactionExtension, ValidateResult, Zero,
	},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	DispatchResult, Weight,
};

use crate::{Runtime, RuntimeCall, RuntimeOrigin};

/// `pallet_transaction_payment::ChargeTransactionPayment`, which it wraps (same identifier, same
/// signed compact tip, so stock wallets sign it as usual), refusing any tip with
/// [`refusal::TIP_REFUSED`] and leaving the transaction's priority to the Citizens Card gate.
///
/// Upstream, a tip buys priority: on a chain with zero fees, a tip of 0.01 SCN would put a
/// transaction before every other member's, so a few coins a day would censor everyone else.
/// Here priority never depends on money, so a tip would buy nothing; it is refused rather than
/// burned. Fees are zero, so what the wrapped check charges is nothing, and it still reports
/// `TransactionFeePaid` with zero.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, DebugNoBound)]
pub struct RefuseTips(pub ChargeTransactionPayment<Runtime>);

/// Described in the metadata as upstream's extension itself, so that every client finds the type
/// it knows under the identifier it knows.
impl TypeInfo for RefuseTips {
	type Identity = ChargeTransactionPayment<Runtime>;

	fn type_info() -> scale_info::Type {
		ChargeTransactionPayment::<Runtime>::type_info()
	}
}

impl RefuseTips {
	/// The check for a transaction offering `tip`; only zero passes.
	pub fn from(tip: crate::Balance) -> Self {
		Self(ChargeTransactionPayment::from(tip))
	}
}

impl TransactionExtension<RuntimeCall> for RefuseTips {
	const IDENTIFIER: &'static str = "ChargeTransactionPayment";
	type Implicit = ();
	type Val = <ChargeTransactionPayment<Runtime> as TransactionExtension<RuntimeCall>>::Val;
	type Pre = <ChargeTransactionPayment<Runtime> as TransactionExtension<RuntimeCall>>::Pre;

	// Nothing of its own: fees are zero, so the wrapped check withdraws nothing, and what it
	// does run (computing a zero fee, reporting it) is part of the measured no-op extrinsic, the
	// base every transaction pays (`configs::extrinsic_base_weight`). Upstream's weight is that
	// of withdrawing a fee, which never happens here.
	fn weight(&self, _call: &RuntimeCall) -> Weight {
		Weight::zero()
	}

	fn validate(
		&self,
		origin: RuntimeOrigin,
		call: &RuntimeCall,
		info: &DispatchInfo,
		len: usize,
		_self_implicit: (),
		inherited_implication: &impl Implication,
		source: TransactionSource,
	) -> ValidateResult<Self::Val, RuntimeCall> {
		if !self.0.tip().is_zero() {
			return Err(InvalidTransaction::Custom(refusal::TIP_REFUSED).into());
		}
		let (mut validity, val, origin) =
			self.0.validate(origin, call, info, len, (), inherited_implication, source)?;
		// Upstream ranks by tip per share of the block; the gate ranks every transaction.
		validity.priority = 0;
		Ok((validity, val, origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		origin: &RuntimeOrigin,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		self.0.prepare(val, origin, call, info, len)
	}

	fn post_dispatch_details(
		pre: Self::Pre,
		info: &DispatchInfoOf<RuntimeCall>,
		post_info: &PostDispatchInfoOf<RuntimeCall>,
		len: usize,
		result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		ChargeTransactionPayment::<Runtime>::post_dispatch_details(
			pre, info, post_info, len, result,
		)
	}
}
