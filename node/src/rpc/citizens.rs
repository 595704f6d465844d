//! `citizens_*`: digital authentication and public records of the Citizens Card register, served
//! from the runtime API `CitizensApi`.

use std::sync::Arc;

use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::error::ErrorObjectOwned};
use pallet_citizens::{
	runtime_api::CitizensApi as CitizensRuntimeApi, AuthenticationKey, AuthenticationVerdict,
	MemberRecord, MemberStatus,
};
use seoul_runtime::{opaque::Block, AccountId, BlockNumber, Hash};
use serde::Serialize;
use serde_json::{json, Value};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::Bytes;

use super::{account_of, address, at_or_best, camel, did_of, runtime_error};

/// The longest challenge passed on to the runtime; a well-formed one is far shorter.
const MAX_CHALLENGE_LENGTH: usize = 1024;

/// The answer to `citizens_authenticate`.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AuthenticationReply {
	/// Whether the challenge proves control of an active DID.
	pub authentic: bool,
	/// `Authentic`, or why not (see `pallet_citizens::AuthenticationVerdict`).
	pub verdict: AuthenticationVerdict,
}

/// Reads of the Citizens Card register.
#[rpc(server)]
pub trait CitizensApi {
	/// Whether `signature` (hex, 64 bytes) over `challenge` (the documented challenge text) is by
	/// one of the authentication keys of `did` (a DID, or an address in any SS58 format) and its
	/// member is active, at block `at` (default: the best block, which a service should use; an
	/// older block answers as of that block, for audits).
	#[method(name = "citizens_authenticate", blocking)]
	fn authenticate(
		&self,
		did: String,
		challenge: String,
		signature: Bytes,
		at: Option<Hash>,
	) -> RpcResult<AuthenticationReply>;

	/// The public record and W3C DID document of a member, by DID (`did:seoul:<address>`) or by
	/// address in any SS58 format; `null` if the register does not hold it, an error if the
	/// argument is neither.
	#[method(name = "citizens_member", blocking)]
	fn member(&self, did_or_address: String, at: Option<Hash>) -> RpcResult<Option<Value>>;
}

/// Serves [`CitizensApiServer`] from a client.
pub struct Citizens<C> {
	client: Arc<C>,
}

impl<C> Citizens<C> {
	/// Serves the register of `client`'s chain.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

/// The DID named by `did_or_address`: a `did:seoul:` DID, or an address under the chain's
/// address rule, turned into this chain's DID.
fn normalise_did(did_or_address: &str) -> Result<String, ErrorObjectOwned> {
	account_of(did_or_address).map(|account| did_of(&account))
}

/// A multibase (base58btc) multikey: the multicodec of the key type, then the key.
fn multikey(key: &AuthenticationKey) -> (&'static str, String) {
	let (type_name, codec, public) = match key {
		AuthenticationKey::Sr25519(public) => ("sr25519", [0xef, 0x01], public),
		AuthenticationKey::Ed25519(public) => ("ed25519", [0xed, 0x01], public),
	};
	(type_name, format!("z{}", bs58::encode([&codec[..], &public[..]].concat()).into_string()))
}

/// The JSON of a member's record, with its DID document in W3C DID Core form.
pub fn record_json(record: MemberRecord<AccountId, BlockNumber>) -> Value {
	let did = String::from_utf8_lossy(&record.did).into_owned();
	let methods: Vec<Value> = record
		.authentication
		.iter()
		.enumerate()
		.map(|(index, key)| {
			let (key_type, multibase) = multikey(key);
			json!({
				"id": format!("{did}#key-{}", index + 1),
				"type": "Multikey",
				"controller": did_of(&record.controller),
				"publicKeyMultibase": multibase,
				"keyType": key_type,
			})
		})
		.collect();
	let services: Vec<Value> = record
		.services
		.iter()
		.map(|(id, service_type, endpoint)| {
			json!({
				"id": format!("{did}#{}", String::from_utf8_lossy(id)),
				"type": String::from_utf8_lossy(service_type),
				"serviceEndpoint": String::from_utf8_lossy(endpoint),
			})
		})
		.collect();
	json!({
		"did": did,
		"account": address(&record.account),
		"kind": camel(record.kind),
		"roles": record.roles.iter().map(|role| camel(*role)).collect::<Vec<_>>(),
		"status": camel(record.status),
		"active": record.status == MemberStatus::Active,
		"registeredAt": record.registered_at,
		"evidenceHash": format!("{:?}", record.evidence_hash),
		// In units of work; a plain transfer costs one unit, so what remains is also the number
		// of transfers the member can still make this period.
		"quota": {
			"allowance": record.quota.allowance,
			"used": record.quota.used,
			"remaining": record.quota.remaining,
			"transfersRemaining": record.quota.remaining,
			"resetsAt": record.quota.resets_at,
		},
		// A registrar's replacement of the keys, scheduled for this block: a wallet warns.
		"keyRotationAt": record.key_rotation_at,
		"didDocument": {
			"@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
			"id": did,
			"controller": did_of(&record.controller),
			"verificationMethod": methods,
			"authentication": methods.iter().map(|method| method["id"].clone()).collect::<Vec<_>>(),
			"service": services,
		},
		"didDocumentMetadata": {
			"deactivated": record.deactivated,
			"updatedAtBlock": record.updated_at,
		},
	})
}

impl<C> CitizensApiServer for Citizens<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CitizensRuntimeApi<Block, AccountId, BlockNumber>,
{
	fn authenticate(
		&self,
		did: String,
		challenge: String,
		signature: Bytes,
		at: Option<Hash>,
	) -> RpcResult<AuthenticationReply> {
		let did = normalise_did(&did)?;
		if challenge.len() > MAX_CHALLENGE_LENGTH {
			return Ok(AuthenticationReply {
				authentic: false,
				verdict: AuthenticationVerdict::MalformedChallenge,
			});
		}
		let at = at_or_best(&*self.client, at);
		let verdict = self
			.client
			.runtime_api()
			.authenticate(at, did.into_bytes(), challenge.into_bytes(), signature.0)
			.map_err(runtime_error)?;
		Ok(AuthenticationReply { authentic: verdict == AuthenticationVerdict::Authentic, verdict })
	}

	fn member(&self, did_or_address: String, at: Option<Hash>) -> RpcResult<Option<Value>> {
		let did = normalise_did(&did_or_address)?;
		let at = at_or_best(&*self.client, at);
		let record =
			self.client.runtime_api().member(at, did.into_bytes()).map_err(runtime_error)?;
		Ok(record.map(record_json))
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use pallet_citizens::{MemberKind, QuotaStanding, Role};
	use sp_keyring::Sr25519Keyring;

	#[test]
	fn addresses_under_the_chain_s_rule_become_this_chains_did() {
		use sp_core::crypto::{Ss58AddressFormat, Ss58Codec};
		let alice = Sr25519Keyring::Alice.to_account_id();
		let generic = alice.to_ss58check_with_version(Ss58AddressFormat::custom(42));
		let polkadot = alice.to_ss58check_with_version(Ss58AddressFormat::custom(0));
		assert_eq!(normalise_did(&generic).unwrap(), did_of(&alice));
		assert!(did_of(&alice).starts_with("did:seoul:"));
		assert_eq!(normalise_did(&did_of(&alice)).unwrap(), did_of(&alice));
		for bad in [
			"not an address".to_string(),
			"did:seoul:anything".to_string(),
			format!("did:seoul:{generic}"),
			format!("did:example:{generic}"),
			polkadot,
			"1".repeat(100_000),
		] {
			assert_eq!(
				normalise_did(&bad).unwrap_err().code(),
				super::super::INVALID_ARGUMENT,
				"{bad:.40}"
			);
		}
	}

	#[test]
	fn a_record_becomes_a_w3c_did_document() {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let did = did_of(&alice);
		let record = MemberRecord {
			did: did.clone().into_bytes(),
			account: alice.clone(),
			kind: MemberKind::CredentialIssuer,
			roles: vec![Role::CredentialIssuer, Role::SettlementAgent],
			status: MemberStatus::Active,
			registered_at: 3,
			evidence_hash: [7; 32].into(),
			controller: alice.clone(),
			authentication: vec![AuthenticationKey::Ed25519([1; 32])],
			services: vec![(
				b"hub".to_vec(),
				b"LinkedDomains".to_vec(),
				b"https://u.example".to_vec(),
			)],
			deactivated: false,
			updated_at: 5,
			quota: QuotaStanding { allowance: 100, used: 30, remaining: 70, resets_at: 60 },
			key_rotation_at: Some(90),
		};
		let json = record_json(record);
		assert_eq!(json["kind"], "credentialIssuer");
		assert_eq!(json["roles"], json!(["credentialIssuer", "settlementAgent"]));
		assert_eq!(json["status"], "active");
		assert_eq!(json["quota"]["remaining"], 70);
		assert_eq!(json["quota"]["transfersRemaining"], 70);
		assert_eq!(json["keyRotationAt"], 90);
		let document = &json["didDocument"];
		assert_eq!(document["id"], did);
		assert_eq!(document["controller"], did);
		assert_eq!(document["authentication"], json!([format!("{did}#key-1")]));
		let multibase = document["verificationMethod"][0]["publicKeyMultibase"].as_str().unwrap();
		let decoded = bs58::decode(&multibase[1..]).into_vec().unwrap();
		assert_eq!(&decoded[..2], &[0xed, 0x01]);
		assert_eq!(&decoded[2..], &[1; 32]);
		assert_eq!(document["service"][0]["id"], format!("{did}#hub"));
		assert_eq!(document["service"][0]["serviceEndpoint"], "https://u.example");
		assert_eq!(json["didDocumentMetadata"]["deactivated"], false);
	}
}
