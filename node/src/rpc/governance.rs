//! `enactment_*`: the Root calls the council has proposed and not yet enacted, served from the
//! runtime API `EnactmentApi`; `validatorSet_status`: where each validator stands, from
//! `ValidatorSetApi`; at the best block or any block asked.

use std::sync::Arc;

use codec::Decode;
use frame_support::traits::{Bounded, GetCallMetadata};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_enactment::{runtime_api::EnactmentApi as EnactmentRuntimeApi, PendingCall};
use pallet_validator_set::{
	runtime_api::ValidatorSetApi as ValidatorSetRuntimeApi, ValidatorStatus,
};
use seoul_runtime::{
	configs::governance::BoundedRootCall, opaque::Block, AccountId, BlockNumber, Hash, RuntimeCall,
};
use serde_json::{json, Value};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;

use super::{address, at_or_best, runtime_error};

/// Reads of the governed path to Root and of the validators' standing.
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

	/// The network's minimum of validators (`minimum`) and each validator of the city's set or
	/// of the current session (`validators`): `account`, `inSet`, `active`, `hasKeys`,
	/// `blocksThisSession`, `silentSessions` (past sessions in a row without a block),
	/// `reportedSilent`, and `offences` (`count`, `lastSession`). At block `at` (default: the
	/// best block).
	#[method(name = "validatorSet_status", blocking)]
	fn validator_status(&self, at: Option<Hash>) -> RpcResult<Value>;
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

/// The JSON of a validator's standing.
pub fn validator_json(status: ValidatorStatus<AccountId>) -> Value {
	json!({
		"account": address(&status.account),
		"inSet": status.in_set,
		"active": status.active,
		"hasKeys": status.has_keys,
		"blocksThisSession": status.blocks_this_session,
		"silentSessions": status.silent_sessions,
		"reportedSilent": status.reported_silent,
		"offences": { "count": status.offences.count, "lastSession": status.offences.last_session },
	})
}

impl<C> EnactmentApiServer for Enactment<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: EnactmentRuntimeApi<Block, Hash, BlockNumber, BoundedRootCall>
		+ ValidatorSetRuntimeApi<
			Block,
			AccountId,
			sp_consensus_aura::sr25519::AuthorityId,
			sp_session::MembershipProof,
		>,
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

	fn validator_status(&self, at: Option<Hash>) -> RpcResult<Value> {
		let at = at_or_best(&*self.client, at);
		let api = self.client.runtime_api();
		let minimum = api.minimum(at).map_err(runtime_error)?;
		let statuses = api.statuses(at).map_err(runtime_error)?;
		Ok(json!({
			"minimum": minimum,
			"validators": statuses.into_iter().map(validator_json).collect::<Vec<_>>(),
		}))
	}
}
