//! `donations_*`: campaigns with what they raised, hold, released, refunded and reported spent,
//! where each donation went, and a donor's receipts of a year, served from the runtime API
//! `DonationsApi`, at the best block or any block asked. Amounts are strings, in millionths of
//! an SCN or of a won (1 SCN is 1 won).

use std::sync::Arc;

use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_donations::{
	runtime_api::DonationsApi as DonationsRuntimeApi, Campaign, CampaignStatus, CampaignSummary,
	CharityProfile, Donation, DonationKind, DonationTrace, IssuedReceipt, MilestoneState,
	ReceiptNumber, RegistrationNumber, Reviewer, SpendingReport,
};
use seoul_runtime::{
	configs::donations::{MaxMilestones, MaxReceiptLines},
	opaque::Block,
	AccountId, Balance, Hash,
};
use serde_json::{json, Value};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;

use super::{account_of, address, at_or_best, camel, did_of, runtime_error, serve_page};

/// Reads of campaigns, donations and receipts. Accounts are addresses or `did:seoul:` DIDs.
#[rpc(server)]
pub trait DonationsApi {
	/// Campaign `id`: its charity, reviewer, goal, deadline, mode, status, milestones, and what
	/// it raised, holds, released, refunded and reported spent; `null` if there is none.
	#[method(name = "donations_campaign", blocking)]
	fn campaign(&self, id: u64, at: Option<Hash>) -> RpcResult<Value>;

	/// A page of campaigns: `{ campaigns: [...], next }`, up to `limit` (default and most: 100)
	/// after number `start`.
	#[method(name = "donations_campaigns", blocking)]
	fn campaigns(
		&self,
		start: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value>;

	/// A page of campaign `id`'s donations in the order given: `{ donations: [...], next }`,
	/// each with its share of what the campaign released and holds.
	#[method(name = "donations_campaignDonations", blocking)]
	fn campaign_donations(
		&self,
		id: u64,
		start: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value>;

	/// A page of campaign `id`'s spending reports: `{ reports: [...], next }`.
	#[method(name = "donations_spending", blocking)]
	fn spending(
		&self,
		id: u64,
		start: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value>;

	/// A page of `donor`'s donations in the order given: `{ donations: [...], next }`, each with
	/// where it went.
	#[method(name = "donations_ofDonor", blocking)]
	fn of_donor(
		&self,
		donor: String,
		start: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value>;

	/// A page of `donor`'s donation receipts for `year`: `{ receipts: [...], next }`, each with
	/// what was refunded since it was issued and what the tax settlement deducts.
	#[method(name = "donations_receipts", blocking)]
	fn receipts(
		&self,
		donor: String,
		year: u16,
		start: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value>;

	/// `charity`'s registration and donation type, or `null` if it has not registered.
	#[method(name = "donations_charity", blocking)]
	fn charity(&self, charity: String, at: Option<Hash>) -> RpcResult<Value>;
}

/// Serves [`DonationsApiServer`] from a client.
pub struct Donations<C> {
	client: Arc<C>,
}

impl<C> Donations<C> {
	/// Serves the donations of `client`'s chain.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

/// A registration number written `123-82-12348`.
pub fn registration_text(registration: &RegistrationNumber) -> String {
	let digits = String::from_utf8_lossy(&registration.0).into_owned();
	format!("{}-{}-{}", &digits[..3], &digits[3..5], &digits[5..])
}

/// A receipt number written `2026-000123`.
pub fn receipt_number_text(number: &ReceiptNumber) -> String {
	format!("{}-{:06}", number.year, number.serial)
}

/// The JSON of a charity's registration.
pub fn charity_json(profile: CharityProfile) -> Value {
	json!({
		"registration": registration_text(&profile.registration),
		"donationType": camel(profile.donation_type),
		"donationTypeCode": profile.donation_type.code(),
	})
}

fn status_json(status: CampaignStatus) -> Value {
	match status {
		CampaignStatus::Fundraising => json!({ "status": "fundraising" }),
		CampaignStatus::Funded => json!({ "status": "funded" }),
		CampaignStatus::Refunding(reason) => {
			json!({ "status": "refunding", "refundReason": camel(reason) })
		}
		CampaignStatus::Refunded(reason) => {
			json!({ "status": "refunded", "refundReason": camel(reason) })
		}
	}
}

/// The JSON of campaign `id` with what it holds.
pub fn campaign_json(
	id: u64,
	summary: CampaignSummary<AccountId, Balance, MaxMilestones>,
) -> Value {
	let Campaign { charity, reviewer, description_hash, goal, deadline, mode, milestones, .. } =
		&summary.campaign;
	let campaign = &summary.campaign;
	let milestones: Vec<Value> = milestones
		.iter()
		.enumerate()
		.map(|(index, step)| {
			let mut json = json!({
				"index": index,
				"amount": step.amount.to_string(),
				"descriptionHash": format!("{:?}", step.description_hash),
			});
			match step.state {
				MilestoneState::Pending => json["state"] = json!("pending"),
				MilestoneState::Claimed { evidence_hash } => {
					json["state"] = json!("claimed");
					json["evidenceHash"] = json!(format!("{evidence_hash:?}"));
				}
				MilestoneState::Rejected { evidence_hash, reason_hash } => {
					json["state"] = json!("rejected");
					json["evidenceHash"] = json!(format!("{evidence_hash:?}"));
					json["reasonHash"] = json!(format!("{reason_hash:?}"));
				}
				MilestoneState::Released { amount } => {
					json["state"] = json!("released");
					json["released"] = json!(amount.to_string());
				}
			}
			json
		})
		.collect();
	let mut json = json!({
		"id": id,
		"charity": address(charity),
		"reviewer": match reviewer {
			Reviewer::City => json!("city"),
			Reviewer::Agency(agency) => json!(address(agency)),
		},
		"descriptionHash": format!("{description_hash:?}"),
		"goal": goal.to_string(),
		"deadline": deadline,
		"mode": camel(mode),
		"milestones": milestones,
		"raised": campaign.raised.to_string(),
		"held": summary.held.to_string(),
		"released": campaign.released.to_string(),
		"refunded": campaign.refunded.to_string(),
		"unpaidRefunds": campaign.unpaid.to_string(),
		"spent": campaign.spent.to_string(),
		"raisedWon": campaign.raised_won.to_string(),
		"donations": campaign.donations,
		"reports": campaign.reports,
		"withdrawalsEnd": campaign.withdrawals_end,
	});
	if let (Value::Object(map), Value::Object(status)) = (&mut json, status_json(campaign.status)) {
		map.extend(status);
	}
	json
}

/// The JSON of a donation with where it went.
pub fn donation_json(_position: u64, trace: DonationTrace<AccountId, Balance>) -> Value {
	let Donation {
		donor,
		campaign,
		amount,
		kind,
		given_at,
		withdrawable_until,
		state,
		refunded,
		receipt,
	} = trace.donation;
	let mut json = json!({
		"id": trace.id,
		"campaign": campaign,
		"donor": address(&donor),
		"donorDid": did_of(&donor),
		"amount": amount.to_string(),
		"givenAt": given_at,
		"withdrawableUntil": withdrawable_until,
		"state": camel(state),
		"released": trace.released.to_string(),
		"held": trace.held.to_string(),
		"refunded": refunded.to_string(),
		"receipt": receipt.as_ref().map(receipt_number_text),
	});
	match kind {
		DonationKind::SCoin => json["currency"] = json!("scoin"),
		DonationKind::Won { bank_reference_hash } => {
			json["currency"] = json!("won");
			json["bankReferenceHash"] = json!(format!("{bank_reference_hash:?}"));
		}
	}
	json
}

/// The JSON of a spending report.
pub fn report_json(id: u64, report: SpendingReport<Balance>) -> Value {
	json!({
		"id": id,
		"amount": report.amount.to_string(),
		"category": camel(report.category),
		"evidenceHash": format!("{:?}", report.evidence_hash),
		"reportedAt": report.reported_at,
	})
}

/// The JSON of a receipt as the year-end tax settlement takes it: the charity by registration,
/// the donor by DID, the donation type's code, each donation's date and amount, and what was
/// refunded since, which is not deducted.
pub fn receipt_json(
	_position: u64,
	issued: IssuedReceipt<AccountId, Balance, MaxReceiptLines>,
) -> Value {
	let receipt = issued.receipt;
	let lines: Vec<Value> = receipt
		.lines
		.iter()
		.map(|line| {
			let mut json = json!({
				"donation": line.donation,
				"date": line.date,
				"amount": line.amount.to_string(),
			});
			match line.kind {
				DonationKind::SCoin => json["currency"] = json!("scoin"),
				DonationKind::Won { bank_reference_hash } => {
					json["currency"] = json!("won");
					json["bankReferenceHash"] = json!(format!("{bank_reference_hash:?}"));
				}
			}
			json
		})
		.collect();
	json!({
		"number": receipt_number_text(&issued.number),
		"year": issued.number.year,
		"charity": address(&receipt.charity),
		"charityRegistration": registration_text(&receipt.registration),
		"donationType": camel(receipt.donation_type),
		"donationTypeCode": receipt.donation_type.code(),
		"donor": did_of(&receipt.donor),
		"donorAddress": address(&receipt.donor),
		"lines": lines,
		"total": receipt.total.to_string(),
		"refundedSince": issued.refunded_since.to_string(),
		"deductible": receipt.total.saturating_sub(issued.refunded_since).to_string(),
		"issuedAt": receipt.issued_at,
	})
}

impl<C> DonationsApiServer for Donations<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: DonationsRuntimeApi<Block, AccountId, Balance, MaxMilestones, MaxReceiptLines>,
{
	fn campaign(&self, id: u64, at: Option<Hash>) -> RpcResult<Value> {
		let at = at_or_best(&*self.client, at);
		let found = self.client.runtime_api().campaign(at, id).map_err(runtime_error)?;
		Ok(found.map_or(Value::Null, |summary| campaign_json(id, summary)))
	}

	fn campaigns(
		&self,
		start: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		serve_page(
			&*self.client,
			at,
			limit,
			"campaigns",
			|at, limit| self.client.runtime_api().campaigns(at, start, limit),
			campaign_json,
		)
	}

	fn campaign_donations(
		&self,
		id: u64,
		start: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		serve_page(
			&*self.client,
			at,
			limit,
			"donations",
			|at, limit| self.client.runtime_api().campaign_donations(at, id, start, limit),
			donation_json,
		)
	}

	fn spending(
		&self,
		id: u64,
		start: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		serve_page(
			&*self.client,
			at,
			limit,
			"reports",
			|at, limit| self.client.runtime_api().spending_reports(at, id, start, limit),
			report_json,
		)
	}

	fn of_donor(
		&self,
		donor: String,
		start: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		let donor = account_of(&donor)?;
		serve_page(
			&*self.client,
			at,
			limit,
			"donations",
			|at, limit| self.client.runtime_api().donor_donations(at, donor, start, limit),
			donation_json,
		)
	}

	fn receipts(
		&self,
		donor: String,
		year: u16,
		start: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		let donor = account_of(&donor)?;
		serve_page(
			&*self.client,
			at,
			limit,
			"receipts",
			|at, limit| self.client.runtime_api().receipts(at, donor, year, start, limit),
			receipt_json,
		)
	}

	fn charity(&self, charity: String, at: Option<Hash>) -> RpcResult<Value> {
		let charity = account_of(&charity)?;
		let at = at_or_best(&*self.client, at);
		let found = self.client.runtime_api().charity(at, charity).map_err(runtime_error)?;
		Ok(found.map_or(Value::Null, charity_json))
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use pallet_donations::{
		DonationState, DonationType, FundingMode, Milestone, Receipt, ReceiptLine,
	};
	use seoul_primitives::calendar::Date;
	use sp_core::H256;
	use sp_keyring::Sr25519Keyring;

	#[test]
	fn a_receipt_names_the_charity_by_registration_and_the_donor_by_did() {
		let donor = Sr25519Keyring::Dave.to_account_id();
		let charity = Sr25519Keyring::Charlie.to_account_id();
		let receipt = Receipt {
			charity: charity.clone(),
			registration: RegistrationNumber(*b"1248100998"),
			donation_type: DonationType::General,
			donor: donor.clone(),
			lines: vec![
				ReceiptLine {
					donation: 3,
					date: Date { year: 2026, month: 11, day: 23 },
					kind: DonationKind::SCoin,
					amount: 5_000_000,
				},
				ReceiptLine {
					donation: 4,
					date: Date { year: 2026, month: 12, day: 1 },
					kind: DonationKind::Won { bank_reference_hash: H256::repeat_byte(0xb1) },
					amount: 30_000,
				},
			]
			.try_into()
			.unwrap(),
			total: 5_030_000,
			issued_at: 1_800_000_000_000,
		};
		let number = ReceiptNumber { year: 2026, serial: 12 };
		let json = receipt_json(0, IssuedReceipt { number, receipt, refunded_since: 1_000_000 });
		assert_eq!(json["number"], "2026-000012");
		assert_eq!(json["charityRegistration"], "124-81-00998");
		assert_eq!(json["donationTypeCode"], 40);
		assert_eq!(json["donor"], did_of(&donor));
		assert_eq!(json["lines"][0]["date"], "2026-11-23");
		assert_eq!(json["lines"][0]["currency"], "scoin");
		assert_eq!(json["lines"][1]["currency"], "won");
		assert_eq!(json["total"], "5030000");
		assert_eq!(json["deductible"], "4030000");
	}

	#[test]
	fn a_campaign_shows_its_figures_status_and_milestones() {
		let campaign = Campaign {
			charity: Sr25519Keyring::Charlie.to_account_id(),
			reviewer: Reviewer::City,
			description_hash: H256::repeat_byte(1),
			goal: 1_000,
			deadline: 1_800_000_000_000,
			mode: FundingMode::AllOrNothing,
			milestones: vec![Milestone {
				amount: 1_000,
				description_hash: H256::repeat_byte(2),
				state: MilestoneState::Released { amount: 400 },
			}]
			.try_into()
			.unwrap(),
			status: CampaignStatus::Refunding(pallet_donations::RefundReason::CancelledByCity),
			raised: 1_000,
			released: 400,
			refunded: 100,
			spent: 50,
			raised_won: 0,
			donations: 3,
			refund_cursor: 1,
			unrefunded: 900,
			unpaid: 0,
			reports: 1,
			withdrawals_end: 1_799_000_000_000,
		};
		let json = campaign_json(7, CampaignSummary { held: 500, campaign });
		assert_eq!(json["status"], "refunding");
		assert_eq!(json["refundReason"], "cancelledByCity");
		assert_eq!(json["reviewer"], "city");
		assert_eq!(json["mode"], "allOrNothing");
		assert_eq!(json["held"], "500");
		assert_eq!(json["milestones"][0]["state"], "released");
		assert_eq!(json["milestones"][0]["released"], "400");
		assert_eq!(json["withdrawalsEnd"], 1_799_000_000_000u64);
	}

	#[test]
	fn a_donation_shows_where_it_went() {
		let trace = DonationTrace {
			id: 9,
			donation: Donation {
				donor: Sr25519Keyring::Dave.to_account_id(),
				campaign: 2,
				amount: 600,
				kind: DonationKind::SCoin,
				given_at: 1_795_392_000_000,
				withdrawable_until: 1_796_000_000_000,
				state: DonationState::Given,
				refunded: 0,
				receipt: Some(ReceiptNumber { year: 2026, serial: 1 }),
			},
			released: 300,
			held: 300,
		};
		let json = donation_json(0, trace);
		assert_eq!(json["id"], 9);
		assert_eq!(json["state"], "given");
		assert_eq!(json["currency"], "scoin");
		assert_eq!((json["released"].as_str(), json["held"].as_str()), (Some("300"), Some("300")));
		assert_eq!(json["receipt"], "2026-000001");
	}
}
