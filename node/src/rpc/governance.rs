//! `enactment_*`: the Root calls the council has proposed and not yet enacted, served from the
//! runtime API `EnactmentApi`, at the best block or any block asked.

use std::sync::Arc;

use codec::Decode;
use frame_support::traits::{Bounded, GetCallMetadata};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_enactment::{runtime_api::EnactmentApi as EnactmentRuntimeApi, PendingCall};
use seoul_runtime::{
	configs::governance::BoundedRootCall, opaque::Block, BlockNumber, Hash, RuntimeCall,
};
use serde_json::{json, Value};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;

use super::{at_or_best, runtime_error};

/// Reads of the governed path to Root.
#[rpc(server)]
pub trait EnactmentApi {
	/// The Root calls waiting for their block: `callHash`, `call` (`pallet` and `method`, and
	/// `encoded` for a call kept inline; `preimage` and `length` for one kept in `Preimage`),
	/// `weight` (`refTime`, `proofSize`), `proposedAt` and `enactAt`. At block `at` (default:
	/// the best block).
	#[method(name = "enactment_pending", blocking)]
	fn pending(&self, at: Option<Hash>) -> RpcResult<Vec<Value>>;

	/// Blocks between the council's proposal of a Root call and its enactment.
	#[method(name = "enactment_delay", blocking)]
	fn delay(&self, at: Option<Hash>) -> RpcResult<BlockNumber>;
}

/// Serves [`EnactmentApiServer`] from a client.
pub struct Enactment<C> {
	client: Arc<C>,
}

impl<C> Enactment<C> {
	/// Serves the governed path to Root of `client`'s chain.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

/// The JSON of a call as `Enactment` keeps it.
fn call_json(call: &BoundedRootCall) -> Value {
	match call {
		Bounded::Inline(bytes) => {
			let mut json = json!({ "encoded": format!("0x{}", hex::encode(bytes)) });
			if let Ok(call) = RuntimeCall::decode(&mut &bytes[..]) {
				let metadata = call.get_call_metadata();
				json["pallet"] = json!(metadata.pallet_name);
				json["method"] = json!(metadata.function_name);
			}
			json
		}
		Bounded::Lookup { hash, len } => json!({ "preimage": format!("{hash:?}"), "length": len }),
		Bounded::Legacy { hash, .. } => json!({ "preimage": format!("{hash:?}") }),
	}
}

/// The JSON of the pending call `call_hash`.
pub fn pending_json(call_hash: Hash, pending: PendingCall<BlockNumber, BoundedRootCall>) -> Value {
	json!({
		"callHash": format!("{call_hash:?}"),
		"call": call_json(&pending.call),
		"weight": { "refTime": pending.weight.ref_time(), "proofSize": pending.weight.proof_size() },
		"proposedAt": pending.proposed_at,
		"enactAt": pending.enact_at,
	})
}

impl<C> EnactmentApiServer for Enactment<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: EnactmentRuntimeApi<Block, Hash, BlockNumber, BoundedRootCall>,
{
	fn pending(&self, at: Option<Hash>) -> RpcResult<Vec<Value>> {
		let at = at_or_best(&*self.client, at);
		let pending = self.client.runtime_api().pending(at).map_err(runtime_error)?;
		Ok(pending.into_iter().map(|(hash, call)| pending_json(hash, call)).collect())
	}

	fn delay(&self, at: Option<Hash>) -> RpcResult<BlockNumber> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().delay(at).map_err(runtime_error)
	}
}
