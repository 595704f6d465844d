//! `consents_*`: a provider's check of a patient's consent without a transaction, and a
//! patient's consents and access log, served from the runtime API `ConsentsApi`, at the best
//! block or any block asked.

use std::sync::Arc;

use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_consents::{
	runtime_api::ConsentsApi as ConsentsRuntimeApi, Access, AccessBasis, Consent, ConsentScope,
	RecordCategory,
};
use seoul_runtime::{opaque::Block, AccountId, BlockNumber, Hash};
use serde_json::{json, Value};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;

use super::{account_of, address, at_or_best, camel, runtime_error, serve_page};

/// Reads of the consents register. Accounts are addresses or `did:seoul:` DIDs; categories are
/// `treatments`, `medications`, `labResults`, `imaging`, `vaccinations`, `screenings`,
/// `allergies`, `procedures`, `mentalHealth` or `genetics`.
#[rpc(server)]
pub trait ConsentsApi {
	/// Whether `patient` has a consent in force, by the chain's clock at block `at` (default:
	/// the best block), that lets `grantee` read their `category` records held by `custodian`:
	/// `{ inForce, consent }`, the consent (with its number) when in force.
	#[method(name = "consents_check", blocking)]
	fn check(
		&self,
		patient: String,
		grantee: String,
		custodian: String,
		category: RecordCategory,
		at: Option<Hash>,
	) -> RpcResult<Value>;

	/// A page of `patient`'s consents, revoked and expired ones included: `{ consents: [...],
	/// next }`, up to `limit` (default and most: 100) after number `start` (the previous page's
	/// `next`; none for the first page).
	#[method(name = "consents_list", blocking)]
	fn list(
		&self,
		patient: String,
		start: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value>;

	/// A page of the accesses to `patient`'s records in the order they were logged: `{
	/// accesses: [...], next }`, each with the provider, the custodian, the category, the hash
	/// of what was read, and either the consent it was read under or the hash of the
	/// emergency's reason.
	#[method(name = "consents_accesses", blocking)]
	fn accesses(
		&self,
		patient: String,
		start: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value>;
}

/// Serves [`ConsentsApiServer`] from a client.
pub struct Consents<C> {
	client: Arc<C>,
}

impl<C> Consents<C> {
	/// Serves the consents register of `client`'s chain.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

/// The JSON of consent `id`.
pub fn consent_json(id: u64, consent: Consent<AccountId, BlockNumber>) -> Value {
	json!({
		"id": id,
		"grantee": address(&consent.scope.grantee),
		"custodian": address(&consent.scope.custodian),
		"category": camel(consent.scope.category),
		"purposeHash": format!("{:?}", consent.purpose_hash),
		"grantedAt": consent.granted_at,
		"expiresAt": consent.expires_at,
		"revokedAt": consent.revoked_at,
	})
}

/// The JSON of access `id`.
pub fn access_json(id: u64, access: Access<AccountId, BlockNumber>) -> Value {
	let mut json = json!({
		"id": id,
		"provider": address(&access.provider),
		"custodian": address(&access.custodian),
		"category": camel(access.category),
		"recordHash": format!("{:?}", access.record_hash),
		"at": access.at,
	});
	match access.basis {
		AccessBasis::Consent(consent) => json["consent"] = json!(consent),
		AccessBasis::Emergency(reason) => {
			json["emergencyReasonHash"] = json!(format!("{reason:?}"))
		}
	}
	json
}

impl<C> ConsentsApiServer for Consents<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ConsentsRuntimeApi<Block, AccountId, BlockNumber>,
{
	fn check(
		&self,
		patient: String,
		grantee: String,
		custodian: String,
		category: RecordCategory,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		let patient = account_of(&patient)?;
		let scope = ConsentScope {
			grantee: account_of(&grantee)?,
			custodian: account_of(&custodian)?,
			category,
		};
		let at = at_or_best(&*self.client, at);
		let found = self.client.runtime_api().check(at, patient, scope).map_err(runtime_error)?;
		Ok(match found {
			Some((id, consent)) => json!({ "inForce": true, "consent": consent_json(id, consent) }),
			None => json!({ "inForce": false, "consent": null }),
		})
	}

	fn list(
		&self,
		patient: String,
		start: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		let patient = account_of(&patient)?;
		serve_page(
			&*self.client,
			at,
			limit,
			"consents",
			|at, limit| self.client.runtime_api().consents(at, patient, start, limit),
			consent_json,
		)
	}

	fn accesses(
		&self,
		patient: String,
		start: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		let patient = account_of(&patient)?;
		serve_page(
			&*self.client,
			at,
			limit,
			"accesses",
			|at, limit| self.client.runtime_api().accesses(at, patient, start, limit),
			access_json,
		)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::H256;
	use sp_keyring::Sr25519Keyring;

	#[test]
	fn a_revoked_consent_shows_its_scope_and_when() {
		let consent = Consent {
			scope: ConsentScope {
				grantee: Sr25519Keyring::EveStash.to_account_id(),
				custodian: Sr25519Keyring::FerdieStash.to_account_id(),
				category: RecordCategory::MentalHealth,
			},
			purpose_hash: H256::repeat_byte(1),
			granted_at: 3,
			expires_at: 1_800_000_000_000,
			revoked_at: Some(9),
		};
		let json = consent_json(4, consent);
		assert_eq!(json["id"], 4);
		assert_eq!(json["grantee"], address(&Sr25519Keyring::EveStash.to_account_id()));
		assert_eq!(json["category"], "mentalHealth");
		assert_eq!(json["purposeHash"], format!("0x{}", "01".repeat(32)));
		assert_eq!(json["expiresAt"], 1_800_000_000_000u64);
		assert_eq!(json["revokedAt"], 9);
	}

	#[test]
	fn an_access_shows_its_consent_or_its_emergency_reason() {
		let access = |basis| Access {
			provider: Sr25519Keyring::EveStash.to_account_id(),
			custodian: Sr25519Keyring::FerdieStash.to_account_id(),
			category: RecordCategory::LabResults,
			record_hash: H256::repeat_byte(2),
			basis,
			at: 5,
		};
		let consented = access_json(0, access(AccessBasis::Consent(7)));
		assert_eq!(consented["consent"], 7);
		assert!(consented.get("emergencyReasonHash").is_none());
		let emergency = access_json(1, access(AccessBasis::Emergency(H256::repeat_byte(3))));
		assert_eq!(emergency["emergencyReasonHash"], format!("0x{}", "03".repeat(32)));
		assert!(emergency.get("consent").is_none());
		assert_eq!(emergency["category"], "labResults");
	}

	#[test]
	fn categories_are_named_in_camel_case_both_ways() {
		for category in RecordCategory::ALL {
			let named: RecordCategory = serde_json::from_value(json!(camel(category))).unwrap();
			assert_eq!(named, category);
		}
		assert!(serde_json::from_value::<RecordCategory>(json!("LabResults")).is_err());
	}
}
