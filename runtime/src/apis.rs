//! The runtime APIs: what the node, wallets, services and the explorer may ask the runtime
//! without a transaction. The node exposes them over JSON-RPC (`state_call`, and the typed
//! methods in `node/src/rpc.rs`).

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata, H256};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aura, Balance, Block, BlockNumber, Citizens, Consents, Credentials, Donations,
	Enactment, Executive, Grandpa, Hash, Historical, InherentDataExt, Labor, Nonce, Runtime,
	RuntimeCall, RuntimeGenesisConfig, SCoin, SessionKeys, System, TransactionPayment,
	ValidatorSet, VERSION,
};
use crate::configs::{
	credentials::{MaxCredentialsPerSubmission, MaxSchemaNameLength},
	governance::BoundedRootCall,
	labor::MaxAllowances,
	scoin::MaxNameLength,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			pallet_grandpa::CurrentSetId::<Runtime>::get()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			// The node's GRANDPA voter reports an equivocation it sees; `Offences` records it and
			// the validator set reports it to the council.
			let key_owner_proof = key_owner_proof.decode()?;
			Grandpa::submit_unsigned_equivocation_report(equivocation_proof, key_owner_proof)
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			use codec::Encode;
			use frame_support::traits::KeyOwnerProofSystem;
			Historical::prove((sp_consensus_grandpa::KEY_TYPE, authority_id))
				.map(|proof| proof.encode())
				.map(sp_consensus_grandpa::OpaqueKeyOwnershipProof::new)
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_citizens::runtime_api::CitizensApi<Block, AccountId, BlockNumber> for Runtime {
		fn authenticate(
			did: Vec<u8>,
			challenge: Vec<u8>,
			signature: Vec<u8>,
		) -> pallet_citizens::AuthenticationVerdict {
			Citizens::authenticate(&did, &challenge, &signature)
		}

		fn member(did: Vec<u8>) -> Option<pallet_citizens::MemberRecord<AccountId, BlockNumber>> {
			Citizens::member_record(&did)
		}

		fn did_of(account: AccountId) -> Vec<u8> {
			Citizens::did(&account)
		}
	}

	#[api_version(2)]
	impl pallet_scoin::runtime_api::SCoinApi<Block, AccountId, Balance, BlockNumber, MaxNameLength>
		for Runtime
	{
		fn programme(
			programme: pallet_scoin::ProgrammeId,
		) -> Option<pallet_scoin::ProgrammeOf<Runtime>> {
			SCoin::programme(programme)
		}

		fn standing(
			programme: pallet_scoin::ProgrammeId,
			citizen: AccountId,
		) -> Option<pallet_scoin::Standing<Balance, BlockNumber>> {
			SCoin::standing(programme, &citizen)
		}

		fn settlements(
			merchant: AccountId,
			start: Option<pallet_scoin::SettlementId>,
			limit: u32,
		) -> seoul_primitives::Page<pallet_scoin::SettlementId, pallet_scoin::SettlementOf<Runtime>> {
			SCoin::settlements_of(&merchant, start, limit)
		}

		fn supply() -> (pallet_scoin::SupplyLedger<Balance>, Balance) {
			SCoin::supply()
		}

		fn distribution(
			distribution: pallet_scoin::DistributionId,
		) -> Option<pallet_scoin::DistributionOf<Runtime>> {
			SCoin::distribution(distribution)
		}
	}

	impl pallet_credentials::runtime_api::CredentialsApi<
		Block,
		AccountId,
		BlockNumber,
		MaxSchemaNameLength,
		MaxCredentialsPerSubmission,
	> for Runtime
	{
		fn verify(credential: H256) -> pallet_credentials::Verification<AccountId, BlockNumber> {
			Credentials::verify(credential)
		}

		fn schema(schema: H256) -> Option<pallet_credentials::SchemaOf<Runtime>> {
			Credentials::schema(schema)
		}

		fn submissions(
			holder: AccountId,
			start: Option<pallet_credentials::SubmissionId>,
			limit: u32,
		) -> seoul_primitives::Page<
			pallet_credentials::SubmissionId,
			pallet_credentials::SubmissionOf<Runtime>,
		> {
			Credentials::submissions_of(&holder, start, limit)
		}
	}

	impl pallet_consents::runtime_api::ConsentsApi<Block, AccountId, BlockNumber> for Runtime {
		fn check(
			patient: AccountId,
			scope: pallet_consents::ConsentScopeOf<Runtime>,
		) -> Option<(pallet_consents::ConsentId, pallet_consents::ConsentOf<Runtime>)> {
			Consents::consent_in_force(&patient, &scope)
		}

		fn consents(
			patient: AccountId,
			start: Option<pallet_consents::ConsentId>,
			limit: u32,
		) -> seoul_primitives::Page<pallet_consents::ConsentId, pallet_consents::ConsentOf<Runtime>> {
			Consents::consents_of(&patient, start, limit)
		}

		fn accesses(
			patient: AccountId,
			start: Option<pallet_consents::AccessId>,
			limit: u32,
		) -> seoul_primitives::Page<pallet_consents::AccessId, pallet_consents::AccessOf<Runtime>> {
			Consents::accesses_of(&patient, start, limit)
		}
	}

	impl pallet_donations::runtime_api::DonationsApi<
		Block,
		AccountId,
		Balance,
		crate::configs::donations::MaxMilestones,
		crate::configs::donations::MaxReceiptLines,
	> for Runtime {
		fn campaign(
			id: pallet_donations::CampaignId,
		) -> Option<pallet_donations::reads::CampaignSummaryOf<Runtime>> {
			Donations::campaign_summary(id)
		}

		fn campaigns(
			start: Option<pallet_donations::CampaignId>,
			limit: u32,
		) -> seoul_primitives::Page<pallet_donations::CampaignId, pallet_donations::reads::CampaignSummaryOf<Runtime>> {
			Donations::campaigns(start, limit)
		}

		fn campaign_donations(
			id: pallet_donations::CampaignId,
			start: Option<u64>,
			limit: u32,
		) -> seoul_primitives::Page<u64, pallet_donations::reads::DonationTraceOf<Runtime>> {
			Donations::campaign_donations(id, start, limit)
		}

		fn spending_reports(
			id: pallet_donations::CampaignId,
			start: Option<pallet_donations::ReportId>,
			limit: u32,
		) -> seoul_primitives::Page<pallet_donations::ReportId, pallet_donations::SpendingReport<Balance>> {
			Donations::spending_reports(id, start, limit)
		}

		fn donor_donations(
			donor: AccountId,
			start: Option<u64>,
			limit: u32,
		) -> seoul_primitives::Page<u64, pallet_donations::reads::DonationTraceOf<Runtime>> {
			Donations::donor_donations(&donor, start, limit)
		}

		fn receipts(
			donor: AccountId,
			year: u16,
			start: Option<u64>,
			limit: u32,
		) -> seoul_primitives::Page<u64, pallet_donations::reads::IssuedReceiptOf<Runtime>> {
			Donations::donor_receipts(&donor, year, start, limit)
		}

		fn charity(charity: AccountId) -> Option<pallet_donations::CharityProfile> {
			Donations::charity_profile(&charity)
		}
	}

	impl pallet_labor::runtime_api::LaborApi<Block, AccountId, MaxAllowances> for Runtime {
		fn contract(
			contract: pallet_labor::ContractId,
		) -> Option<pallet_labor::ContractRecord<AccountId, MaxAllowances>> {
			Labor::contract_record(contract)
		}

		fn contracts(
			member: AccountId,
			start: Option<pallet_labor::ContractId>,
			limit: u32,
		) -> seoul_primitives::Page<pallet_labor::ContractId, pallet_labor::Party> {
			Labor::contracts_of(&member, start, limit)
		}

		fn history(
			worker: AccountId,
			start: Option<pallet_labor::ContractId>,
			limit: u32,
		) -> seoul_primitives::Page<pallet_labor::ContractId, pallet_labor::HistoryEntry<AccountId>> {
			Labor::history_of(&worker, start, limit)
		}

		fn timesheet(
			contract: pallet_labor::ContractId,
			from: pallet_labor::Date,
			days: u32,
		) -> Vec<pallet_labor::TimesheetEntry> {
			Labor::timesheet(contract, from, days)
		}

		fn minimum_wage(date: pallet_labor::Date) -> Option<pallet_labor::Won> {
			Labor::minimum_wage_on(date)
		}

		fn pay(
			contract: pallet_labor::ContractId,
			from: pallet_labor::Date,
			to: pallet_labor::Date,
		) -> Result<pallet_labor::Payslip, pallet_labor::PayError> {
			Labor::compute_pay(contract, from, to)
		}

		fn pay_statements(
			contract: pallet_labor::ContractId,
			start: Option<pallet_labor::Date>,
			limit: u32,
		) -> seoul_primitives::Page<pallet_labor::Date, pallet_labor::PayStatement> {
			Labor::pay_statements_of(contract, start, limit)
		}

		fn enrolments(
			contract: pallet_labor::ContractId,
		) -> Vec<(pallet_labor::Insurance, pallet_labor::Enrolment)> {
			Labor::enrolments_of(contract)
		}

		fn overdue_enrolments(
			employer: Option<AccountId>,
			start: Option<(pallet_labor::ContractId, pallet_labor::Insurance)>,
			limit: u32,
		) -> seoul_primitives::Page<
			(pallet_labor::ContractId, pallet_labor::Insurance),
			pallet_labor::Date,
		> {
			Labor::overdue_enrolments(employer, start, limit)
		}
	}

	impl pallet_validator_set::runtime_api::ValidatorSetApi<
		Block,
		AccountId,
		AuraId,
		sp_session::MembershipProof,
	> for Runtime {
		fn statuses() -> Vec<pallet_validator_set::ValidatorStatus<AccountId>> {
			ValidatorSet::statuses()
		}

		fn minimum() -> u32 {
			ValidatorSet::minimum()
		}

		fn aura_key_ownership_proof(authority: AuraId) -> Option<sp_session::MembershipProof> {
			ValidatorSet::aura_key_ownership_proof(authority)
		}
	}

	impl pallet_enactment::runtime_api::EnactmentApi<Block, Hash, BlockNumber, BoundedRootCall> for Runtime {
		fn pending() -> Vec<(Hash, pallet_enactment::PendingCall<BlockNumber, BoundedRootCall>)> {
			Enactment::pending()
		}

		fn delay() -> BlockNumber {
			Enactment::delay()
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::{
				extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
			};
			use super::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::{TrackedStorageKey, WhitelistedStorageKeys};
			use frame_system_benchmarking::{
				extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
			};
			use super::*;

			let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// A failed migration check must stop try-runtime right here, with its backtrace.
			let weight = Executive::try_runtime_upgrade(checks).unwrap();
			(weight, super::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("execute-block failed")
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}
}
