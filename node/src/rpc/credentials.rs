//! `credentials_*`: online verification of credentials and holders' submissions, served from the
//! runtime API `CredentialsApi`, at the best block or any block asked.

use std::sync::Arc;

use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_credentials::{
	runtime_api::CredentialsApi as CredentialsRuntimeApi, Credential, CredentialStatus, Schema,
	Submission, Verification,
};
use seoul_runtime::{
	configs::credentials::{MaxCredentialsPerSubmission, MaxSchemaNameLength},
	opaque::Block,
	AccountId, BlockNumber, Hash,
};
use serde_json::{json, Value};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::H256;

use super::{account_of, address, at_or_best, camel, did_of, runtime_error, serve_page};

/// Reads of the credentials register.
#[rpc(server)]
pub trait CredentialsApi {
	/// The verdict on the credential whose hash is `hash` (`valid`, `suspended`, `revoked`,
	/// `expired`, `notYetValid` or `unknown`) and, unless unknown, its on-chain record: issuer,
	/// attester, subject DID, schema, dates (milliseconds since the Unix epoch) and the block it
	/// was attested in. At block `at` (default: the best block).
	#[method(name = "credentials_verify", blocking)]
	fn verify(&self, hash: H256, at: Option<Hash>) -> RpcResult<Value>;

	/// The schema registered under `hash`: its name, status and registration block; `null` if
	/// none.
	#[method(name = "credentials_schema", blocking)]
	fn schema(&self, hash: H256, at: Option<Hash>) -> RpcResult<Option<Value>>;

	/// A page of the submissions of `holder` (an address or a `did:seoul:` DID), in order:
	/// `{ submissions: [...], next }`, each with verifier, credential hashes, purpose hash, and
	/// the blocks of submission and acknowledgement; up to `limit` (default and most: 100) after
	/// number `start` (the previous page's `next`; none for the first page).
	#[method(name = "credentials_submissions", blocking)]
	fn submissions(
		&self,
		holder: String,
		start: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value>;
}

/// Serves [`CredentialsApiServer`] from a client.
pub struct Credentials<C> {
	client: Arc<C>,
}

impl<C> Credentials<C> {
	/// Serves the credentials register of `client`'s chain.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

/// The JSON of a verification of `hash`.
pub fn verification_json(hash: H256, verification: Verification<AccountId, BlockNumber>) -> Value {
	let mut json = json!({ "hash": format!("{hash:?}"), "status": camel(verification.verdict) });
	if let Some(Credential {
		schema,
		issuer,
		attester,
		subject,
		valid_from,
		valid_until,
		attested_at,
		status,
	}) = verification.credential
	{
		json["issuer"] = json!(address(&issuer));
		json["attester"] = json!(address(&attester));
		json["subject"] = json!(did_of(&subject));
		json["schema"] = json!(format!("{schema:?}"));
		json["validFrom"] = json!(valid_from);
		json["validUntil"] = json!(valid_until);
		json["attestedAt"] = json!(attested_at);
		match status {
			CredentialStatus::Active => {}
			CredentialStatus::Suspended(at) => json["suspendedAt"] = json!(at),
			CredentialStatus::Revoked(at) => json["revokedAt"] = json!(at),
		}
	}
	json
}

/// The JSON of a schema.
pub fn schema_json(hash: H256, schema: Schema<BlockNumber, MaxSchemaNameLength>) -> Value {
	json!({
		"hash": format!("{hash:?}"),
		"name": String::from_utf8_lossy(&schema.name),
		"status": camel(schema.status),
		"registeredAt": schema.registered_at,
	})
}

/// The JSON of submission `id`.
pub fn submission_json(
	id: u64,
	submission: Submission<AccountId, BlockNumber, MaxCredentialsPerSubmission>,
) -> Value {
	json!({
		"id": id,
		"verifier": address(&submission.verifier),
		"credentials": submission.credentials.iter().map(|hash| format!("{hash:?}")).collect::<Vec<_>>(),
		"purposeHash": format!("{:?}", submission.purpose_hash),
		"submittedAt": submission.submitted_at,
		"acknowledgedAt": submission.acknowledged_at,
	})
}

impl<C> CredentialsApiServer for Credentials<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CredentialsRuntimeApi<
		Block,
		AccountId,
		BlockNumber,
		MaxSchemaNameLength,
		MaxCredentialsPerSubmission,
	>,
{
	fn verify(&self, hash: H256, at: Option<Hash>) -> RpcResult<Value> {
		let at = at_or_best(&*self.client, at);
		let verification = self.client.runtime_api().verify(at, hash).map_err(runtime_error)?;
		Ok(verification_json(hash, verification))
	}

	fn schema(&self, hash: H256, at: Option<Hash>) -> RpcResult<Option<Value>> {
		let at = at_or_best(&*self.client, at);
		let schema = self.client.runtime_api().schema(at, hash).map_err(runtime_error)?;
		Ok(schema.map(|schema| schema_json(hash, schema)))
	}

	fn submissions(
		&self,
		holder: String,
		start: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		let holder = account_of(&holder)?;
		serve_page(
			&*self.client,
			at,
			limit,
			"submissions",
			|at, limit| self.client.runtime_api().submissions(at, holder, start, limit),
			submission_json,
		)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use pallet_credentials::Verdict;
	use sp_keyring::Sr25519Keyring;

	#[test]
	fn an_unknown_hash_shows_only_its_verdict() {
		let json = verification_json(
			H256::repeat_byte(1),
			Verification { verdict: Verdict::Unknown, credential: None },
		);
		assert_eq!(json, json!({ "hash": format!("0x{}", "01".repeat(32)), "status": "unknown" }));
	}

	#[test]
	fn a_revoked_credential_shows_its_record_and_when() {
		let issuer = Sr25519Keyring::Bob.to_account_id();
		let subject = Sr25519Keyring::Dave.to_account_id();
		let credential = Credential {
			schema: H256::repeat_byte(2),
			issuer: issuer.clone(),
			attester: issuer.clone(),
			subject: subject.clone(),
			valid_from: 1_700_000_000_000,
			valid_until: None,
			attested_at: 5,
			status: CredentialStatus::Revoked(9),
		};
		let json = verification_json(
			H256::repeat_byte(1),
			Verification { verdict: Verdict::Revoked, credential: Some(credential) },
		);
		assert_eq!(json["status"], "revoked");
		assert_eq!(json["issuer"], address(&issuer));
		assert_eq!(json["subject"], format!("did:seoul:{}", address(&subject)));
		assert_eq!(json["validFrom"], 1_700_000_000_000u64);
		assert_eq!(json["validUntil"], Value::Null);
		assert_eq!(json["revokedAt"], 9);
		assert!(json.get("suspendedAt").is_none());
	}

	#[test]
	fn a_submission_lists_its_hashes_and_acknowledgement() {
		let submission = Submission {
			verifier: Sr25519Keyring::Eve.to_account_id(),
			credentials: vec![H256::repeat_byte(3)].try_into().unwrap(),
			purpose_hash: H256::repeat_byte(4),
			submitted_at: 7,
			acknowledged_at: None,
		};
		let json = submission_json(0, submission);
		assert_eq!(json["credentials"], json!([format!("0x{}", "03".repeat(32))]));
		assert_eq!(json["acknowledgedAt"], Value::Null);
		assert_eq!(json["verifier"], address(&Sr25519Keyring::Eve.to_account_id()));
	}
}
