//! The runtime API through which the council, operators and auditors read what is about to be
//! dispatched as Root. The node serves it over JSON-RPC as `enactment_pending` and
//! `enactment_delay`.

use crate::PendingCall;
use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Reads of the governed path to Root.
	pub trait EnactmentApi<Hash, BlockNumber, BoundedCall>
	where
		Hash: Codec,
		BlockNumber: Codec,
		BoundedCall: Codec,
	{
		/// The proposed calls waiting for their block, by call hash: what each is, its weight,
		/// when it was proposed and when it is enacted unless the council cancels it.
		fn pending() -> Vec<(Hash, PendingCall<BlockNumber, BoundedCall>)>;

		/// Blocks between a proposal and its enactment.
		fn delay() -> BlockNumber;
	}
}
