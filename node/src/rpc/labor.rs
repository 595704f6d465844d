//! `labor_*`: part-time contracts, time sheets and the minimum wage, served from the runtime API
//! `LaborApi`, at the best block or any block asked. Dates are `YYYY-MM-DD`, times of day minutes
//! from midnight, amounts whole won; the sides of a contract are shown by address and DID.

use std::sync::Arc;

use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObject};
use pallet_labor::{
	runtime_api::LaborApi as LaborRuntimeApi, ContractId, ContractRecord, Date, Insurance,
	PayError, TimesheetEntry,
};
use seoul_runtime::{configs::labor::MaxAllowances, opaque::Block, AccountId, Hash};
use serde_json::{json, Value};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;

use super::{
	account_of, address, at_or_best, camel, did_of, runtime_error, serve_page, INVALID_ARGUMENT,
};

/// Reads of contracts and time sheets.
#[rpc(server)]
pub trait LaborApi {
	/// Contract `id`: its sides (address and DID), term, terms, contractual weekly minutes,
	/// whether the weekly paid holiday and annual leave are due, status, the amendment waiting
	/// for a signature, and where it stands today (`proposed`, `notStarted`, `inForce`,
	/// `over`); `null` if there is none. At block `at` (default: the best block).
	#[method(name = "labor_contract", blocking)]
	fn contract(&self, id: ContractId, at: Option<Hash>) -> RpcResult<Option<Value>>;

	/// A page of the contracts of `member` (an address or a `did:seoul:` DID) with its side in
	/// each: `{ contracts: [{ id, side }], next }`, up to `limit` (default and most: 100) after
	/// contract `start` (the previous page's `next`; none for the first page).
	#[method(name = "labor_contracts", blocking)]
	fn contracts(
		&self,
		member: String,
		start: Option<ContractId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value>;

	/// The work history of `worker` (an address or a `did:seoul:` DID): `{ history: [{ contract,
	/// employer, employerDid, start, lastDay, standing, weeklyMinutes, confirmedMinutes,
	/// statements, paidGross, shortfall }], next }`, the contracts it signed as the worker, up to
	/// `limit` (default and most: 100) after contract `start` (the previous page's `next`).
	#[method(name = "labor_history", blocking)]
	fn history(
		&self,
		worker: String,
		start: Option<ContractId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value>;

	/// The shifts of contract `id` recorded under the `days` days (default 1, at most 62) from
	/// `from` (`YYYY-MM-DD`): each with its day, index, hours, recorder, confirmation deadline
	/// (milliseconds since the Unix epoch), status, and whether it counts as worked now.
	#[method(name = "labor_timesheet", blocking)]
	fn timesheet(
		&self,
		id: ContractId,
		from: String,
		days: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<Value>>;

	/// The hourly minimum wage in won in force on `date` (`YYYY-MM-DD`); `null` before the
	/// schedule begins.
	#[method(name = "labor_minimumWage", blocking)]
	fn minimum_wage(&self, date: String, at: Option<Hash>) -> RpcResult<Option<u64>>;

	/// The pay owed under contract `id` for the days `from` to `to` (`YYYY-MM-DD`, at most 31
	/// days), as the chain computes it now from the shifts that count: minutes worked, overtime,
	/// night and holiday minutes, each pay line, the gross pay, the worker's insurance premiums,
	/// the net pay, and the shifts that do not count yet (docs/LABOR.md).
	#[method(name = "labor_pay", blocking)]
	fn pay(&self, id: ContractId, from: String, to: String, at: Option<Hash>) -> RpcResult<Value>;

	/// A page of the pay statements of contract `id`: `{ statements: [{ from, to, paid, slip,
	/// computed, shortfall, status }], next }`, up to `limit` (default and most: 100) after the
	/// one from `start` (`YYYY-MM-DD`, the previous page's `next`).
	#[method(name = "labor_payStatements", blocking)]
	fn pay_statements(
		&self,
		id: ContractId,
		start: Option<String>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value>;

	/// The enrolments of contract `id` in the insurances it requires: `[{ insurance, deadline,
	/// reportedOn, status }]`.
	#[method(name = "labor_enrolments", blocking)]
	fn enrolments(&self, id: ContractId, at: Option<Hash>) -> RpcResult<Vec<Value>>;

	/// The enrolments whose acquisition report is overdue today, city-wide or of `employer` (an
	/// address or a DID): `{ overdue: [{ contract, insurance, deadline }], next }`, among up to
	/// `limit` (default and most: 100) enrolments due after `start` (the previous page's `next`,
	/// `[contract, insurance]`). A page may hold fewer than it read: follow `next` until `null`.
	#[method(name = "labor_overdue", blocking)]
	fn overdue(
		&self,
		employer: Option<String>,
		start: Option<(ContractId, Insurance)>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value>;
}

/// Serves [`LaborApiServer`] from a client.
pub struct Labor<C> {
	client: Arc<C>,
}

impl<C> Labor<C> {
	/// Serves the contracts of `client`'s chain.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

/// The date written in `text`, or an invalid-argument error.
fn date_of(text: &str) -> Result<Date, jsonrpsee::types::ErrorObjectOwned> {
	Date::parse(text).ok_or_else(|| {
		let shown: String = text.chars().take(40).collect();
		ErrorObject::owned(
			INVALID_ARGUMENT,
			format!("{shown:?} is not an existing date written YYYY-MM-DD"),
			None::<()>,
		)
	})
}

/// The JSON of contract `id`, its sides shown by address and DID.
pub fn contract_json(id: ContractId, record: ContractRecord<AccountId, MaxAllowances>) -> Value {
	let (employer, worker) = (record.contract.employer.clone(), record.contract.worker.clone());
	let mut json = serde_json::to_value(&record).unwrap_or(Value::Null);
	json["id"] = json!(id);
	json["contract"]["employer"] = json!(address(&employer));
	json["contract"]["employerDid"] = json!(did_of(&employer));
	json["contract"]["worker"] = json!(address(&worker));
	json["contract"]["workerDid"] = json!(did_of(&worker));
	json
}

/// The JSON of an enrolment whose acquisition report is overdue: the contract, the insurance and
/// the deadline that passed.
pub fn overdue_json((contract, insurance): (ContractId, Insurance), deadline: Date) -> Value {
	json!({ "contract": contract, "insurance": insurance, "deadline": deadline })
}

/// The JSON of a time sheet entry.
pub fn entry_json(entry: TimesheetEntry) -> Value {
	serde_json::to_value(entry).unwrap_or(Value::Null)
}

impl<C> LaborApiServer for Labor<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: LaborRuntimeApi<Block, AccountId, MaxAllowances>,
{
	fn contract(&self, id: ContractId, at: Option<Hash>) -> RpcResult<Option<Value>> {
		let at = at_or_best(&*self.client, at);
		let record = self.client.runtime_api().contract(at, id).map_err(runtime_error)?;
		Ok(record.map(|record| contract_json(id, record)))
	}

	fn contracts(
		&self,
		member: String,
		start: Option<ContractId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		let member = account_of(&member)?;
		serve_page(
			&*self.client,
			at,
			limit,
			"contracts",
			|at, limit| self.client.runtime_api().contracts(at, member, start, limit),
			|id, side| json!({ "id": id, "side": camel(side) }),
		)
	}

	fn history(
		&self,
		worker: String,
		start: Option<ContractId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		let worker = account_of(&worker)?;
		serve_page(
			&*self.client,
			at,
			limit,
			"history",
			|at, limit| self.client.runtime_api().history(at, worker, start, limit),
			|contract, entry| {
				let employer = entry.employer.clone();
				let mut json = serde_json::to_value(entry).unwrap_or(Value::Null);
				json["contract"] = json!(contract);
				json["employer"] = json!(address(&employer));
				json["employerDid"] = json!(did_of(&employer));
				json
			},
		)
	}

	fn timesheet(
		&self,
		id: ContractId,
		from: String,
		days: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<Value>> {
		let from = date_of(&from)?;
		let at = at_or_best(&*self.client, at);
		let entries = self
			.client
			.runtime_api()
			.timesheet(at, id, from, days.unwrap_or(1))
			.map_err(runtime_error)?;
		Ok(entries.into_iter().map(entry_json).collect())
	}

	fn minimum_wage(&self, date: String, at: Option<Hash>) -> RpcResult<Option<u64>> {
		let date = date_of(&date)?;
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().minimum_wage(at, date).map_err(runtime_error)
	}

	fn pay(&self, id: ContractId, from: String, to: String, at: Option<Hash>) -> RpcResult<Value> {
		let (from, to) = (date_of(&from)?, date_of(&to)?);
		let at = at_or_best(&*self.client, at);
		let slip = self.client.runtime_api().pay(at, id, from, to).map_err(runtime_error)?;
		slip.map(|slip| serde_json::to_value(slip).unwrap_or(Value::Null)).map_err(|error| {
			let reason = match error {
				PayError::UnknownContract => "no contract has this number",
				PayError::NotSigned => "the contract was never signed",
				PayError::InvalidPeriod => {
					"the period ends before it starts or is longer than 31 days"
				}
			};
			ErrorObject::owned(INVALID_ARGUMENT, format!("labor_pay: {reason}"), None::<()>)
		})
	}

	fn pay_statements(
		&self,
		id: ContractId,
		start: Option<String>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		let start = start.as_deref().map(date_of).transpose()?;
		serve_page(
			&*self.client,
			at,
			limit,
			"statements",
			|at, limit| self.client.runtime_api().pay_statements(at, id, start, limit),
			|from, statement| {
				let mut json = serde_json::to_value(statement).unwrap_or(Value::Null);
				json["from"] = json!(from);
				json
			},
		)
	}

	fn enrolments(&self, id: ContractId, at: Option<Hash>) -> RpcResult<Vec<Value>> {
		let at = at_or_best(&*self.client, at);
		let enrolments = self.client.runtime_api().enrolments(at, id).map_err(runtime_error)?;
		Ok(enrolments
			.into_iter()
			.map(|(insurance, enrolment)| {
				let mut json = serde_json::to_value(enrolment).unwrap_or(Value::Null);
				json["insurance"] = json!(insurance);
				json
			})
			.collect())
	}

	fn overdue(
		&self,
		employer: Option<String>,
		start: Option<(ContractId, Insurance)>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		let employer = employer.as_deref().map(account_of).transpose()?;
		serve_page(
			&*self.client,
			at,
			limit,
			"overdue",
			|at, limit| self.client.runtime_api().overdue_enrolments(at, employer, start, limit),
			overdue_json,
		)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use pallet_labor::{
		Contract, ContractStatus, Hours, PayMethod, Shift, ShiftStatus, Standing, Terms, Weekday,
		WorkingTime,
	};
	use sp_core::H256;
	use sp_keyring::Sr25519Keyring;

	fn record() -> ContractRecord<AccountId, MaxAllowances> {
		let hours = Hours { start: 600, end: 870, break_minutes: 30 };
		ContractRecord {
			contract: Contract {
				employer: Sr25519Keyring::Two.to_account_id(),
				worker: Sr25519Keyring::Dave.to_account_id(),
				start: Date::new(2026, 3, 2).unwrap(),
				end: None,
				terms: Terms {
					workplace: H256::repeat_byte(1),
					duties: H256::repeat_byte(2),
					schedule: vec![WorkingTime { day: Weekday::Monday, hours }].try_into().unwrap(),
					weekly_holiday: None,
					hourly_wage: 10_320,
					allowances: Default::default(),
					pay_day: 10,
					pay_method: PayMethod::BankTransfer,
					overtime_premium_percent: 50,
					five_or_more_employees: true,
					document: H256::repeat_byte(3),
				},
				terms_from: Date::new(2026, 3, 2).unwrap(),
				weekly_minutes: 240,
				paid_holiday_and_leave: false,
				status: ContractStatus::Signed,
				amendments: 0,
			},
			amendment: None,
			standing: Standing::InForce,
			today: Date::new(2026, 3, 2).unwrap(),
		}
	}

	#[test]
	fn a_contract_shows_its_sides_by_address_and_did_and_its_dates_as_written() {
		let json = contract_json(4, record());
		let worker = Sr25519Keyring::Dave.to_account_id();
		assert_eq!(json["id"], 4);
		assert_eq!(json["contract"]["worker"], address(&worker));
		assert_eq!(json["contract"]["workerDid"], did_of(&worker));
		assert_eq!(json["contract"]["start"], "2026-03-02");
		assert_eq!(json["contract"]["status"], "signed");
		assert_eq!(json["contract"]["terms"]["schedule"][0]["day"], "monday");
		assert_eq!(json["contract"]["terms"]["hourlyWage"], 10_320);
		assert_eq!(json["contract"]["weeklyMinutes"], 240);
		assert_eq!(json["standing"], "inForce");
	}

	#[test]
	fn a_shift_shows_its_status_and_whether_it_counts() {
		let entry = TimesheetEntry {
			date: Date::new(2026, 3, 2).unwrap(),
			index: 1,
			shift: Shift {
				hours: Hours { start: 600, end: 720, break_minutes: 0 },
				recorded_by: pallet_labor::Party::Worker,
				confirms_at: 5,
				status: ShiftStatus::Disputed(H256::repeat_byte(9)),
			},
			counts: false,
		};
		let json = entry_json(entry);
		assert_eq!(json["date"], "2026-03-02");
		assert_eq!(json["shift"]["recordedBy"], "worker");
		assert_eq!(json["shift"]["status"]["disputed"], format!("0x{}", "09".repeat(32)));
		assert_eq!(json["counts"], false);
	}

	#[test]
	fn a_malformed_date_is_an_invalid_argument() {
		for text in ["2026-02-30", "2026-3-2", "20260302", "", "2026-03-02T00:00"] {
			assert_eq!(date_of(text).unwrap_err().code(), INVALID_ARGUMENT, "{text}");
		}
		assert_eq!(date_of("2026-03-02").unwrap(), Date::new(2026, 3, 2).unwrap());
	}
}
