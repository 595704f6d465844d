//! Genesis of the chain: the `development` and `local_testnet` presets, and
//! [`network_genesis`], from which both presets and the city's production chain spec
//! (`seoul-node production-spec`) are built.

use crate::{
	configs::consensus::SESSION_PERIOD, configs::labor::statutory_minimum_wages, AccountId,
	Balance, BalancesConfig, BlockNumber, CitizensConfig, CouncilMembershipConfig, EnactmentConfig,
	LaborConfig, NodeAuthorizationConfig, RuntimeGenesisConfig, SessionConfig, SessionKeys,
	SudoConfig, ValidatorSetConfig, DAYS, MINUTES, SCN,
};
use alloc::{vec, vec::Vec};
use pallet_citizens::{AuthenticationKey, GenesisMember, MemberKind, Role};
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::PresetId;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// A validator operator known at genesis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Operator {
	/// The operator's account; it sets session keys and owns its node.
	pub account: AccountId,
	/// The block-authoring key.
	pub aura: AuraId,
	/// The finality key.
	pub grandpa: GrandpaId,
	/// The libp2p PeerId of the operator's node, as bytes.
	pub peer_id: Vec<u8>,
}

/// Everything a network's genesis is made of.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NetworkGenesis {
	/// The validator operators, each with its node on the well-known node list.
	pub operators: Vec<Operator>,
	/// The City Council's members.
	pub council: Vec<AccountId>,
	/// Initial balances.
	pub endowments: Vec<(AccountId, Balance)>,
	/// The superuser; `None` on production networks, which the council governs.
	pub sudo: Option<AccountId>,
	/// Members of the Citizens Card register besides the council (registered as agencies) and
	/// the operators (validator operators), who are registered unless listed here.
	pub members: Vec<GenesisMember<AccountId>>,
	/// Length of a quota period in blocks.
	pub quota_period: BlockNumber,
	/// The insurer of each social insurance, among `members` (holding `Role::Insurer`).
	pub insurers: Vec<(pallet_labor::Insurance, AccountId)>,
	/// Blocks between the council's proposal of a Root call and its enactment.
	pub enactment_delay: BlockNumber,
	/// The fewest validators the network keeps; zero keeps the runtime's floor, one.
	pub min_validators: u32,
	/// Blocks per session; zero keeps the runtime's default, ten minutes.
	pub session_length: BlockNumber,
}

/// A member registered at genesis with no roles, the sr25519 key of its account as its first
/// authentication key and a zero evidence hash: its evidence was checked when the network was
/// planned, not by a registrar.
pub fn genesis_member(account: AccountId, kind: MemberKind) -> GenesisMember<AccountId> {
	let key = AuthenticationKey::Sr25519(account.clone().into());
	GenesisMember {
		account,
		kind,
		roles: vec![],
		evidence_hash: Default::default(),
		authentication_key: key,
	}
}

/// The register at genesis: `network.members`, then every council member and the sudo key (as
/// agencies) and every operator (as a validator operator) not among them, so that all of them
/// can sign.
fn genesis_members(network: &NetworkGenesis) -> Vec<GenesisMember<AccountId>> {
	let mut members = network.members.clone();
	let implied = network
		.council
		.iter()
		.chain(network.sudo.iter())
		.map(|account| (account, MemberKind::Agency))
		.chain(network.operators.iter().map(|op| (&op.account, MemberKind::ValidatorOperator)));
	for (account, kind) in implied {
		if !members.iter().any(|member| &member.account == account) {
			members.push(genesis_member(account.clone(), kind));
		}
	}
	members
}

/// Builds a genesis from `network`, as the JSON of a `RuntimeGenesisConfig`.
///
/// Aura and GRANDPA get their authorities from `Session`, which gets the validators from
/// `ValidatorSet`, so that the three never disagree.
pub fn network_genesis(network: NetworkGenesis) -> Value {
	let members = genesis_members(&network);
	let config = RuntimeGenesisConfig {
		citizens: CitizensConfig {
			members,
			quota_period: network.quota_period,
			quotas: vec![],
			generated_citizens: 0,
		},
		balances: BalancesConfig { balances: network.endowments, ..Default::default() },
		validator_set: ValidatorSetConfig {
			initial_validators: network.operators.iter().map(|op| op.account.clone()).collect(),
			min_validators: network.min_validators,
			session_length: network.session_length,
		},
		session: SessionConfig {
			keys: network
				.operators
				.iter()
				.map(|op| {
					let keys = SessionKeys { aura: op.aura.clone(), grandpa: op.grandpa.clone() };
					(op.account.clone(), op.account.clone(), keys)
				})
				.collect(),
			..Default::default()
		},
		node_authorization: NodeAuthorizationConfig {
			nodes: network
				.operators
				.iter()
				.map(|op| (op.peer_id.clone(), op.account.clone()))
				.collect(),
		},
		council_membership: CouncilMembershipConfig {
			members: network.council.try_into().expect("at most CouncilMaxMembers members"),
			..Default::default()
		},
		sudo: SudoConfig { key: network.sudo },
		enactment: EnactmentConfig { delay: network.enactment_delay },
		labor: LaborConfig {
			minimum_wages: statutory_minimum_wages(),
			insurers: network.insurers,
			..Default::default()
		},
		..Default::default()
	};
	serde_json::to_value(config).expect("a genesis config serialises to JSON")
}

/// The well-known node keys of the development and local test networks: node `i` (1-based) has
/// the ed25519 secret `0x00…0i`, so anyone can start it with `--node-key 00…0i`. Never use them
/// on a real network.
pub const DEV_NODE_PEER_IDS: [[u8; 38]; 4] = [
	// 12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp
	peer_id(hex_literal(b"4cb5abf6ad79fbf5abbccafcc269d85cd2651ed4b885b5869f241aedf0a5ba29")),
	// 12D3KooWHdiAxVd8uMQR1hGWXccidmfCwLqcMpGwR6QcTP6QRMuD
	peer_id(hex_literal(b"7422b9887598068e32c4448a949adb290d0f4e35b9e01b0ee5f1a1e600fe2674")),
	// 12D3KooWSCufgHzV4fCwRijfH2k3abrpAJxTKxEvN1FDuRXA2U9x
	peer_id(hex_literal(b"f381626e41e7027ea431bfe3009e94bdd25a746beec468948d6c3c7c5dc9a54b")),
	// 12D3KooWSsChzF81YDUKpe9Uk5AHV5oqAaXAcWNSPYgoLauUk4st
	peer_id(hex_literal(b"fd50b8e3b144ea244fbf7737f550bc8dd0c2650bbc1aada833ca17ff8dbf329b")),
];

/// The libp2p PeerId of an ed25519 node key: an identity multihash of its protobuf public key.
const fn peer_id(public_key: [u8; 32]) -> [u8; 38] {
	let mut bytes = [0u8; 38];
	let prefix = [0x00, 0x24, 0x08, 0x01, 0x12, 0x20];
	let mut i = 0;
	while i < 6 {
		bytes[i] = prefix[i];
		i += 1;
	}
	while i < 38 {
		bytes[i] = public_key[i - 6];
		i += 1;
	}
	bytes
}

/// Decodes 64 hex digits at compile time.
const fn hex_literal(hex: &[u8; 64]) -> [u8; 32] {
	const fn nibble(digit: u8) -> u8 {
		match digit {
			b'0'..=b'9' => digit - b'0',
			b'a'..=b'f' => digit - b'a' + 10,
			_ => panic!("not a lowercase hex digit"),
		}
	}
	let mut bytes = [0u8; 32];
	let mut i = 0;
	while i < 32 {
		bytes[i] = nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]);
		i += 1;
	}
	bytes
}

/// A development operator: the keyring's account and Aura (sr25519) key, its GRANDPA (ed25519)
/// key, and the `index`-th well-known node.
fn dev_operator(sr25519: Sr25519Keyring, ed25519: Ed25519Keyring, index: usize) -> Operator {
	Operator {
		account: sr25519.to_account_id(),
		aura: sr25519.public().into(),
		grandpa: ed25519.public().into(),
		peer_id: DEV_NODE_PEER_IDS[index].to_vec(),
	}
}

/// A test network: sudo Alice, council Alice, Bob and Charlie, a million SCN for every keyring
/// account. Every dev account (Alice to Ferdie) is a member: Alice an agency with the registrar
/// role, Bob and Charlie agencies (the council), the operators validator operators, the others
/// citizens. Bob and Charlie, unless they operate validators, hold the S-coin's city-granted
/// roles: Bob reward issuer, Charlie settlement agent. The keyring's One is the labour office (an
/// agency holding the labour-inspector role) and Two an employer; the stash accounts are the
/// insurers: AliceStash industrial accident, BobStash employment, CharlieStash health,
/// DaveStash pension; and the healthcare providers: EveStash a hospital, FerdieStash a clinic.
fn test_network(
	operators: Vec<Operator>,
	min_validators: u32,
	session_length: BlockNumber,
	quota_period: BlockNumber,
) -> Value {
	let mut alice = genesis_member(Sr25519Keyring::Alice.to_account_id(), MemberKind::Agency);
	alice.roles = vec![Role::Registrar];
	let officers = [
		(Sr25519Keyring::Bob, Role::RewardIssuer),
		(Sr25519Keyring::Charlie, Role::SettlementAgent),
	]
	.into_iter()
	.map(|(key, role)| (key.to_account_id(), role))
	.filter(|(account, _)| !operators.iter().any(|op| &op.account == account))
	.map(|(account, role)| {
		let mut officer = genesis_member(account, MemberKind::Agency);
		officer.roles = vec![role];
		officer
	})
	.collect::<Vec<_>>();
	let citizens = [
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
		Sr25519Keyring::Ferdie,
	]
	.into_iter()
	.map(|key| key.to_account_id())
	.filter(|account| {
		!operators.iter().any(|op| &op.account == account)
			&& *account != Sr25519Keyring::Bob.to_account_id()
			&& *account != Sr25519Keyring::Charlie.to_account_id()
	})
	.map(|account| genesis_member(account, MemberKind::Citizen));
	let organisations = [
		(Sr25519Keyring::One, MemberKind::Agency, Role::LaborInspector),
		(Sr25519Keyring::Two, MemberKind::Employer, Role::Employer),
		(Sr25519Keyring::EveStash, MemberKind::HealthcareProvider, Role::HealthcareProvider),
		(Sr25519Keyring::FerdieStash, MemberKind::HealthcareProvider, Role::HealthcareProvider),
	]
	.into_iter()
	.chain(DEV_INSURERS.iter().map(|(_, key)| (*key, MemberKind::Insurer, Role::Insurer)))
	.map(|(key, kind, role)| {
		let mut member = genesis_member(key.to_account_id(), kind);
		member.roles = vec![role];
		member
	});
	network_genesis(NetworkGenesis {
		members: core::iter::once(alice)
			.chain(officers)
			.chain(citizens)
			.chain(organisations)
			.collect(),
		quota_period,
		operators,
		council: vec![
			Sr25519Keyring::Alice.to_account_id(),
			Sr25519Keyring::Bob.to_account_id(),
			Sr25519Keyring::Charlie.to_account_id(),
		],
		endowments: Sr25519Keyring::iter()
			.map(|key| (key.to_account_id(), 1_000_000 * SCN))
			.collect(),
		sudo: Some(Sr25519Keyring::Alice.to_account_id()),
		insurers: DEV_INSURERS
			.iter()
			.map(|(insurance, key)| (*insurance, key.to_account_id()))
			.collect(),
		enactment_delay: TEST_ENACTMENT_DELAY,
		min_validators,
		session_length,
	})
}

/// The insurers of the development and local test networks.
const DEV_INSURERS: [(pallet_labor::Insurance, Sr25519Keyring); 4] = [
	(pallet_labor::Insurance::IndustrialAccident, Sr25519Keyring::AliceStash),
	(pallet_labor::Insurance::Employment, Sr25519Keyring::BobStash),
	(pallet_labor::Insurance::Health, Sr25519Keyring::CharlieStash),
	(pallet_labor::Insurance::Pension, Sr25519Keyring::DaveStash),
];

/// The enactment delay of the development and local test networks: a minute, so that tests
/// and rehearsals of an upgrade see it pass.
pub const TEST_ENACTMENT_DELAY: BlockNumber = MINUTES;

/// How long a quota "day" lasts on the development chain, so that tests and demos see it end.
pub const DEV_QUOTA_PERIOD: BlockNumber = MINUTES;

/// The development chain: Alice validates alone; the quota period is a minute.
pub fn development_genesis() -> Value {
	test_network(
		vec![dev_operator(Sr25519Keyring::Alice, Ed25519Keyring::Alice, 0)],
		1,
		SESSION_PERIOD,
		DEV_QUOTA_PERIOD,
	)
}

/// The local test network's minimum: two of its four validators, so that rehearsals can remove
/// two lost ones.
pub const LOCAL_MIN_VALIDATORS: u32 = 2;

/// The local test network's sessions: a minute, so that a validator change or a finality repair
/// rehearsed on it takes minutes, not the production network's twenty.
pub const LOCAL_SESSION_LENGTH: BlockNumber = MINUTES;

/// The local test network: Alice, Bob, Charlie and Dave validate, each on its well-known node.
pub fn local_testnet_genesis() -> Value {
	test_network(
		vec![
			dev_operator(Sr25519Keyring::Alice, Ed25519Keyring::Alice, 0),
			dev_operator(Sr25519Keyring::Bob, Ed25519Keyring::Bob, 1),
			dev_operator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie, 2),
			dev_operator(Sr25519Keyring::Dave, Ed25519Keyring::Dave, 3),
		],
		LOCAL_MIN_VALIDATORS,
		LOCAL_SESSION_LENGTH,
		DAYS,
	)
}

/// The JSON genesis of the preset `id`, if the runtime has one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let genesis = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		_ => return None,
	};
	Some(serde_json::to_vec(&genesis).expect("a genesis serialises to JSON"))
}

/// The presets the runtime has.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
