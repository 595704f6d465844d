//! `scoin_*`: the S-coin's programmes, citizens' standings, merchants' settlements, the supply
//! ledger and city-wide distributions, served from the runtime API `SCoinApi`.
//!
//! Amounts are decimal strings of planck (a millionth of an SCN), because they exceed what a
//! JSON number carries exactly; accounts are SS58 addresses of this chain.

use std::sync::Arc;

use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_scoin::{
	runtime_api::SCoinApi as SCoinRuntimeApi, Distribution, DistributionStatus, Programme,
	RewardRule, Settlement, SettlementStatus, Standing, SupplyLedger,
};
use seoul_runtime::{
	configs::scoin::MaxNameLength, opaque::Block, AccountId, Balance, BlockNumber, Hash,
};
use serde_json::{json, Value};
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;

use super::{account_of, address, at_or_best, camel, runtime_error, serve_page};

/// Reads of the S-coin.
#[rpc(server)]
pub trait SCoinApi {
	/// The state of programme `id`: name, agency, category, budget, issued, budget left, reward
	/// rule, cap, period, schedule and status; `null` if there is none. At block `at` (default:
	/// the best block).
	#[method(name = "scoin_programme", blocking)]
	fn programme(&self, id: u32, at: Option<Hash>) -> RpcResult<Option<Value>>;

	/// The standing of `citizen` (an SS58 address or a `did:seoul:` DID) in programme `id`: the
	/// current period, what the citizen earned in it, what the cap still allows and when the next
	/// period starts; `null` if there is no such programme.
	#[method(name = "scoin_standing", blocking)]
	fn standing(&self, id: u32, citizen: String, at: Option<Hash>) -> RpcResult<Option<Value>>;

	/// A page of the settlement requests of `merchant` (an address or a `did:seoul:` DID),
	/// pending and settled: `{ settlements: [...], next }`, up to `limit` (default and most:
	/// 100) after `start` (the previous page's `next`; none for the first page). Pages follow
	/// storage order; each is sorted by id.
	#[method(name = "scoin_settlements", blocking)]
	fn settlements(
		&self,
		merchant: String,
		start: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value>;

	/// The supply ledger (genesis issuance, minted, burned in settlement, in redemption and
	/// otherwise), the issuance it implies and the actual total issuance, which must be equal.
	#[method(name = "scoin_supply", blocking)]
	fn supply(&self, at: Option<Hash>) -> RpcResult<Value>;

	/// City-wide distribution `id`: its programme, the amount each citizen is paid, the block it
	/// was scheduled in (citizens registered before it are paid), how many citizens were paid and
	/// the total so far, and its status: `paying` (with `resumeAfter`, the last member of the
	/// register read), `completed` or `stopped` (with `reason`), each ended one with `endedAt`;
	/// `null` if there is none. An error at a block whose runtime predates distributions.
	#[method(name = "scoin_distribution", blocking)]
	fn distribution(&self, id: u32, at: Option<Hash>) -> RpcResult<Option<Value>>;
}

/// Serves [`SCoinApiServer`] from a client.
pub struct SCoin<C> {
	client: Arc<C>,
}

impl<C> SCoin<C> {
	/// Serves the S-coin of `client`'s chain.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

/// The JSON of programme `id`.
pub fn programme_json(
	id: u32,
	programme: Programme<AccountId, Balance, BlockNumber, MaxNameLength>,
) -> Value {
	let reward = match programme.reward {
		RewardRule::Fixed(amount) => json!({ "fixed": amount.to_string() }),
		RewardRule::UpTo(amount) => json!({ "upTo": amount.to_string() }),
	};
	json!({
		"id": id,
		"name": String::from_utf8_lossy(&programme.name),
		"agency": address(&programme.agency),
		"category": camel(programme.category),
		"budget": programme.budget.to_string(),
		"issued": programme.issued.to_string(),
		"budgetLeft": programme.budget_left().to_string(),
		"reward": reward,
		"capPerPeriod": programme.cap_per_period.to_string(),
		"period": programme.period,
		"start": programme.start,
		"end": programme.end,
		"status": camel(programme.status),
	})
}

/// The JSON of a citizen's standing.
pub fn standing_json(standing: Standing<Balance, BlockNumber>) -> Value {
	json!({
		"period": standing.period,
		"nextPeriodStarts": standing.next_period_starts,
		"earned": standing.earned.to_string(),
		"capLeft": standing.cap_left.to_string(),
	})
}

/// The JSON of settlement `id`.
pub fn settlement_json(id: u64, settlement: Settlement<AccountId, Balance, BlockNumber>) -> Value {
	let mut json = json!({
		"id": id,
		"merchant": address(&settlement.merchant),
		"amount": settlement.amount.to_string(),
		"requestedAt": settlement.requested_at,
		"status": "pending",
	});
	if let SettlementStatus::Settled { bank_reference_hash, agent, at } = settlement.status {
		json["status"] = json!("settled");
		json["bankReferenceHash"] = json!(format!("{bank_reference_hash:?}"));
		json["agent"] = json!(address(&agent));
		json["settledAt"] = json!(at);
	}
	json
}

/// The JSON of distribution `id`.
pub fn distribution_json(
	id: u32,
	distribution: Distribution<AccountId, Balance, BlockNumber>,
) -> Value {
	let mut json = json!({
		"id": id,
		"programme": distribution.programme,
		"amount": distribution.amount.to_string(),
		"scheduledAt": distribution.scheduled_at,
		"paid": distribution.paid,
		"total": distribution.total.to_string(),
	});
	match distribution.status {
		DistributionStatus::Paying { resume_after } => {
			json["status"] = json!("paying");
			json["resumeAfter"] = json!(resume_after.as_ref().map(address));
		}
		DistributionStatus::Completed { at } => {
			json["status"] = json!("completed");
			json["endedAt"] = json!(at);
		}
		DistributionStatus::Stopped { reason, at } => {
			json["status"] = json!("stopped");
			json["reason"] = json!(camel(reason));
			json["endedAt"] = json!(at);
		}
	}
	json
}

/// The JSON of the supply ledger beside the total issuance.
pub fn supply_json(ledger: SupplyLedger<Balance>, total_issuance: Balance) -> Value {
	json!({
		"genesis": ledger.genesis.to_string(),
		"minted": ledger.minted.to_string(),
		"burnedInSettlement": ledger.burned_in_settlement.to_string(),
		"burnedInRedemption": ledger.burned_in_redemption.to_string(),
		"burnedOtherwise": ledger.burned_otherwise.to_string(),
		"expectedIssuance": ledger.expected_issuance().to_string(),
		"totalIssuance": total_issuance.to_string(),
	})
}

impl<C> SCoinApiServer for SCoin<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: SCoinRuntimeApi<Block, AccountId, Balance, BlockNumber, MaxNameLength>,
{
	fn programme(&self, id: u32, at: Option<Hash>) -> RpcResult<Option<Value>> {
		let at = at_or_best(&*self.client, at);
		let programme = self.client.runtime_api().programme(at, id).map_err(runtime_error)?;
		Ok(programme.map(|programme| programme_json(id, programme)))
	}

	fn standing(&self, id: u32, citizen: String, at: Option<Hash>) -> RpcResult<Option<Value>> {
		let citizen = account_of(&citizen)?;
		let at = at_or_best(&*self.client, at);
		let standing =
			self.client.runtime_api().standing(at, id, citizen).map_err(runtime_error)?;
		Ok(standing.map(standing_json))
	}

	fn settlements(
		&self,
		merchant: String,
		start: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		let merchant = account_of(&merchant)?;
		serve_page(
			&*self.client,
			at,
			limit,
			"settlements",
			|at, limit| self.client.runtime_api().settlements(at, merchant, start, limit),
			settlement_json,
		)
	}

	fn supply(&self, at: Option<Hash>) -> RpcResult<Value> {
		let at = at_or_best(&*self.client, at);
		let (ledger, total_issuance) =
			self.client.runtime_api().supply(at).map_err(runtime_error)?;
		Ok(supply_json(ledger, total_issuance))
	}

	fn distribution(&self, id: u32, at: Option<Hash>) -> RpcResult<Option<Value>> {
		let at = at_or_best(&*self.client, at);
		let api = self.client.runtime_api();
		let version = api
			.api_version::<dyn SCoinRuntimeApi<Block, AccountId, Balance, BlockNumber, MaxNameLength>>(
				at,
			)
			.map_err(runtime_error)?
			.unwrap_or(0);
		if version < 2 {
			return Err(runtime_error(format!(
				"the runtime of block {at} predates city-wide distributions (SCoinApi version {version})"
			)));
		}
		let distribution = api.distribution(at, id).map_err(runtime_error)?;
		Ok(distribution.map(|distribution| distribution_json(id, distribution)))
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use pallet_scoin::{ProgrammeStatus, ServiceCategory};
	use sp_keyring::Sr25519Keyring;

	#[test]
	fn a_programme_shows_its_budget_left_and_rule() {
		let bob = Sr25519Keyring::Bob.to_account_id();
		let programme = Programme {
			name: b"Eco mileage".to_vec().try_into().unwrap(),
			agency: bob.clone(),
			category: ServiceCategory::EcoMileage,
			budget: 10_000_000_000_000_000_000_000,
			issued: 4,
			reward: RewardRule::UpTo(7),
			cap_per_period: 20,
			period: 100,
			start: 1,
			end: 500,
			status: ProgrammeStatus::Paused,
		};
		let json = programme_json(3, programme);
		assert_eq!(json["id"], 3);
		assert_eq!(json["agency"], address(&bob));
		assert_eq!(json["category"], "ecoMileage");
		assert_eq!(json["budget"], "10000000000000000000000");
		assert_eq!(json["budgetLeft"], "9999999999999999999996");
		assert_eq!(json["reward"], json!({ "upTo": "7" }));
		assert_eq!(json["status"], "paused");
	}

	#[test]
	fn a_settled_request_shows_its_bank_reference() {
		let merchant = Sr25519Keyring::Eve.to_account_id();
		let agent = Sr25519Keyring::Charlie.to_account_id();
		let pending = Settlement {
			merchant: merchant.clone(),
			amount: 5,
			requested_at: 9,
			status: SettlementStatus::Pending,
		};
		let json = settlement_json(0, pending.clone());
		assert_eq!(json["status"], "pending");
		assert!(json.get("agent").is_none());
		let settled = Settlement {
			status: SettlementStatus::Settled {
				bank_reference_hash: [2; 32].into(),
				agent: agent.clone(),
				at: 11,
			},
			..pending
		};
		let json = settlement_json(1, settled);
		assert_eq!(json["status"], "settled");
		assert_eq!(json["agent"], address(&agent));
		assert_eq!(json["settledAt"], 11);
		assert_eq!(json["bankReferenceHash"], format!("0x{}", "02".repeat(32)));
	}

	#[test]
	fn a_distribution_shows_where_it_stands() {
		let citizen = Sr25519Keyring::Dave.to_account_id();
		let paying = Distribution {
			programme: 2,
			amount: 10_000_000,
			scheduled_at: 40,
			paid: 3,
			total: 30_000_000,
			status: DistributionStatus::Paying { resume_after: Some(citizen.clone()) },
		};
		let json = distribution_json(1, paying.clone());
		assert_eq!(json["status"], "paying");
		assert_eq!(json["resumeAfter"], address(&citizen));
		assert_eq!(json["total"], "30000000");
		assert!(json.get("endedAt").is_none());
		let stopped = Distribution {
			status: DistributionStatus::Stopped {
				reason: pallet_scoin::StopReason::ProgrammeClosed,
				at: 50,
			},
			..paying
		};
		let json = distribution_json(1, stopped);
		assert_eq!(json["status"], "stopped");
		assert_eq!(json["reason"], "programmeClosed");
		assert_eq!(json["endedAt"], 50);
	}

	#[test]
	fn the_supply_shows_the_issuance_the_ledger_implies() {
		let ledger = SupplyLedger {
			genesis: 100,
			minted: 50,
			burned_in_settlement: 20,
			burned_in_redemption: 5,
			burned_otherwise: 1,
		};
		let json = supply_json(ledger, 124);
		assert_eq!(json["expectedIssuance"], "124");
		assert_eq!(json["totalIssuance"], "124");
	}
}
