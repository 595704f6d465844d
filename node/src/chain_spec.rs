//! Chain specifications: the development chain, the local test network, and the city's
//! production network built from its network file.

use codec::Decode;
use sc_service::ChainType;
use seoul_primitives::{
	currency::{SCN, TOKEN_DECIMALS, TOKEN_SYMBOL},
	AccountId, SS58_PREFIX,
};
use seoul_runtime::{
	configs::{consensus::MAX_VALIDATORS, governance::CouncilMaxMembers},
	genesis_config_presets::{network_genesis, NetworkGenesis, Operator},
	SessionKeys, WASM_BINARY,
};
use serde::Deserialize;
use std::{collections::BTreeSet, path::Path, str::FromStr};

/// A chain specification of this chain; it has no client extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The properties wallets and the explorer read to show amounts and addresses.
pub fn chain_properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn runtime_code() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| "the runtime was built without its WASM binary".to_string())
}

/// A test chain built from one of the runtime's genesis presets.
fn preset_chain_spec(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(runtime_code()?, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(chain_properties())
		.build())
}

/// The development chain: Alice validates alone; sudo is Alice.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	preset_chain_spec(
		"Seoul Civic Chain Development",
		"seoul_dev",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
	)
}

/// The local test network: Alice, Bob, Charlie and Dave validate on well-known node keys.
pub fn local_testnet_chain_spec() -> Result<ChainSpec, String> {
	preset_chain_spec(
		"Seoul Civic Chain Local Testnet",
		"seoul_local",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	)
}

/// The city's network file, from which `production-spec` builds the production chain spec.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NetworkFile {
	/// The chain's name, shown by wallets and the explorer.
	pub name: String,
	/// The chain's id, which names its database folder.
	pub id: String,
	/// The network protocol id; defaults to the chain id.
	#[serde(default)]
	pub protocol_id: Option<String>,
	/// Multiaddresses of the nodes a new node connects to first.
	#[serde(default)]
	pub boot_nodes: Vec<String>,
	/// The validator operators.
	pub operators: Vec<OperatorEntry>,
	/// The City Council's members (SS58 addresses).
	pub council: Vec<String>,
	/// Initial balances, e.g. for the fees of the first council motions.
	#[serde(default)]
	pub endowments: Vec<EndowmentEntry>,
}

/// One validator operator in the network file.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OperatorEntry {
	/// The operator's account (SS58).
	pub account: String,
	/// The session keys, as `author_rotateKeysWithOwner` returned them (`0x` + 128 hex digits).
	pub session_keys: String,
	/// The PeerId of the operator's node, as `seoul-node key inspect-node-key` prints it.
	pub peer_id: String,
}

/// An initial balance in the network file.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EndowmentEntry {
	/// The account (SS58).
	pub account: String,
	/// Whole S-coins.
	pub scn: u64,
}

/// Parses an address under the chain's one address rule (`seoul_primitives::address`): this
/// chain's format (prefix 8282) or the generic one (42).
fn parse_account(what: &str, address: &str) -> Result<AccountId, String> {
	seoul_primitives::address::decode(address).map(AccountId::new).map_err(|error| match error {
		seoul_primitives::address::AddressError::OtherNetwork(format) => format!(
			"{what}: `{address}` has the address prefix {format}, not {SS58_PREFIX} (or 42)"
		),
		error => format!("{what}: `{address}` is not an SS58 address ({error:?})"),
	})
}

fn parse_operator(index: usize, entry: &OperatorEntry) -> Result<Operator, String> {
	let what = format!("operator {}", index + 1);
	let account = parse_account(&format!("{what} account"), &entry.account)?;
	let key_bytes = entry
		.session_keys
		.strip_prefix("0x")
		.and_then(|digits| hex::decode(digits).ok())
		.filter(|bytes| bytes.len() == 64)
		.ok_or_else(|| format!("{what} sessionKeys: expected 0x and 128 hex digits"))?;
	let keys = SessionKeys::decode(&mut &key_bytes[..])
		.map_err(|error| format!("{what} sessionKeys: {error}"))?;
	let peer_id = sc_network::PeerId::from_str(&entry.peer_id)
		.map_err(|error| format!("{what} peerId: `{}` is not a PeerId ({error})", entry.peer_id))?;
	Ok(Operator { account, aura: keys.aura, grandpa: keys.grandpa, peer_id: peer_id.to_bytes() })
}

/// The fewest validators a production network keeps: with four, finality (two thirds of the
/// votes) survives the loss of one.
pub const PRODUCTION_MIN_VALIDATORS: u32 = 4;

/// Checks the network file and turns it into the runtime's genesis description.
pub fn network_genesis_from_file(file: &NetworkFile) -> Result<NetworkGenesis, String> {
	if file.operators.len() < PRODUCTION_MIN_VALIDATORS as usize {
		return Err(format!(
			"the network file lists {} operators; a production network needs at least \
			 {PRODUCTION_MIN_VALIDATORS}, so that finality survives the loss of one",
			file.operators.len()
		));
	}
	if file.council.is_empty() {
		return Err("the network file lists no council member".into());
	}
	if file.operators.len() > MAX_VALIDATORS as usize {
		return Err(format!("the network file lists more than {MAX_VALIDATORS} operators"));
	}
	let max_council = CouncilMaxMembers::get() as usize;
	if file.council.len() > max_council {
		return Err(format!("the network file lists more than {max_council} council members"));
	}
	let operators = file
		.operators
		.iter()
		.enumerate()
		.map(|(index, entry)| parse_operator(index, entry))
		.collect::<Result<Vec<_>, _>>()?;
	let distinct =
		|values: Vec<Vec<u8>>| values.iter().collect::<BTreeSet<_>>().len() == values.len();
	let bytes = |account: &AccountId| AsRef::<[u8]>::as_ref(account).to_vec();
	if !distinct(operators.iter().map(|op| bytes(&op.account)).collect()) {
		return Err("two operators share an account".into());
	}
	if !distinct(operators.iter().map(|op| op.peer_id.clone()).collect()) {
		return Err("two operators share a PeerId".into());
	}
	let council = file
		.council
		.iter()
		.enumerate()
		.map(|(index, address)| parse_account(&format!("council member {}", index + 1), address))
		.collect::<Result<Vec<_>, _>>()?;
	if !distinct(council.iter().map(bytes).collect()) {
		return Err("a council member is listed twice".into());
	}
	let endowments = file
		.endowments
		.iter()
		.enumerate()
		.map(|(index, entry)| {
			let what = format!("endowment {}", index + 1);
			let account = parse_account(&what, &entry.account)?;
			if entry.scn == 0 {
				return Err(format!("{what}: an endowment is at least 1 SCN"));
			}
			Ok((account, u128::from(entry.scn) * SCN))
		})
		.collect::<Result<Vec<_>, String>>()?;
	if !distinct(endowments.iter().map(|(account, _)| bytes(account)).collect()) {
		return Err("an account is endowed twice".into());
	}
	Ok(NetworkGenesis {
		operators,
		council,
		endowments,
		sudo: None,
		members: vec![],
		quota_period: seoul_runtime::DAYS,
		// The council registers the insurers and names them (`Labor.set_insurer`).
		insurers: vec![],
		// A day for the council to see and cancel a Root call before it runs.
		enactment_delay: seoul_runtime::DAYS,
		min_validators: PRODUCTION_MIN_VALIDATORS,
		// Ten-minute sessions: validator changes take twenty minutes at most.
		session_length: seoul_runtime::configs::consensus::SESSION_PERIOD,
	})
}

/// The production chain spec described by the network file at `path`: no sudo key, governed by
/// the council.
pub fn production_chain_spec(path: &Path) -> Result<ChainSpec, String> {
	let text = std::fs::read_to_string(path)
		.map_err(|error| format!("cannot read the network file {}: {error}", path.display()))?;
	let file: NetworkFile = serde_json::from_str(&text)
		.map_err(|error| format!("the network file {} is not valid: {error}", path.display()))?;
	let genesis = network_genesis_from_file(&file)?;
	let boot_nodes = file
		.boot_nodes
		.iter()
		.map(|address| address.parse().map_err(|error| format!("boot node `{address}`: {error}")))
		.collect::<Result<Vec<_>, String>>()?;
	Ok(ChainSpec::builder(runtime_code()?, None)
		.with_name(&file.name)
		.with_id(&file.id)
		.with_protocol_id(file.protocol_id.as_deref().unwrap_or(&file.id))
		.with_chain_type(ChainType::Live)
		.with_boot_nodes(boot_nodes)
		.with_genesis_config(network_genesis(genesis))
		.with_properties(chain_properties())
		.build())
}

#[cfg(test)]
mod tests {
	use super::*;
	use sc_chain_spec::ChainSpec as _;

	const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

	/// Operator `index` of the local test network (Alice, Bob, Charlie, Dave), as the network
	/// file lists it.
	fn operator_entry(index: usize) -> String {
		use codec::Encode;
		use sp_core::crypto::Ss58Codec;
		use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
		let (sr25519, ed25519) = [
			(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		][index];
		let keys = SessionKeys { aura: sr25519.public().into(), grandpa: ed25519.public().into() };
		let peer_id = sc_network::PeerId::from_bytes(
			&seoul_runtime::genesis_config_presets::DEV_NODE_PEER_IDS[index],
		)
		.unwrap();
		format!(
			r#"{{ "account": "{}", "sessionKeys": "0x{}", "peerId": "{peer_id}" }}"#,
			sr25519.to_account_id().to_ss58check(),
			hex::encode(keys.encode())
		)
	}

	/// A network file of the four local operators and `extra_operator`, Alice its council.
	fn network_file(extra_operator: &str) -> String {
		let operators = (0..4).map(operator_entry).collect::<Vec<_>>().join(", ");
		format!(
			r#"{{
				"name": "Seoul Civic Chain", "id": "seoul",
				"bootNodes": ["/ip4/127.0.0.1/tcp/30333/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp"],
				"operators": [{operators}{extra_operator}],
				"council": ["{ALICE}"],
				"endowments": [{{ "account": "{ALICE}", "scn": 10 }}]
			}}"#
		)
	}

	fn parse(text: &str) -> Result<NetworkGenesis, String> {
		network_genesis_from_file(&serde_json::from_str(text).map_err(|e| e.to_string())?)
	}

	#[test]
	fn a_network_file_becomes_a_genesis_without_sudo() {
		let genesis = parse(&network_file("")).unwrap();
		assert_eq!(genesis.operators.len(), 4);
		assert_eq!(genesis.min_validators, PRODUCTION_MIN_VALIDATORS);
		assert_eq!(genesis.enactment_delay, seoul_runtime::DAYS);
		assert_eq!(genesis.sudo, None);
		assert_eq!(genesis.endowments[0].1, 10 * SCN);
		assert_eq!(
			genesis.operators[0].peer_id,
			seoul_runtime::genesis_config_presets::DEV_NODE_PEER_IDS[0].to_vec()
		);
	}

	#[test]
	fn addresses_follow_the_chain_s_one_address_rule() {
		use sp_core::crypto::{Ss58AddressFormat, Ss58Codec};
		let alice = sp_keyring::Sr25519Keyring::Alice.to_account_id();
		let ours = alice.to_ss58check_with_version(Ss58AddressFormat::custom(SS58_PREFIX));
		assert_eq!(parse_account("council member 1", &ours), Ok(alice.clone()));
		let foreign = alice.to_ss58check_with_version(Ss58AddressFormat::custom(9999));
		assert_eq!(
			parse_account("council member 1", &foreign),
			Err(format!(
				"council member 1: `{foreign}` has the address prefix 9999, not 8282 (or 42)"
			))
		);
	}

	#[test]
	fn a_production_spec_has_the_chain_properties_and_no_sudo() {
		let path = std::env::temp_dir().join(format!("seoul-network-{}.json", std::process::id()));
		std::fs::write(&path, network_file("")).unwrap();
		let spec = production_chain_spec(&path).unwrap();
		std::fs::remove_file(&path).unwrap();
		assert_eq!(spec.chain_type(), ChainType::Live);
		assert_eq!(spec.properties()["ss58Format"], SS58_PREFIX);
		assert_eq!(spec.properties()["tokenSymbol"], "SCN");
		let json: serde_json::Value = serde_json::from_str(&spec.as_json(false).unwrap()).unwrap();
		let genesis = &json["genesis"]["runtimeGenesis"]["config"];
		assert_eq!(genesis["sudo"]["key"], serde_json::Value::Null);
		assert_eq!(genesis["validatorSet"]["initialValidators"][0], ALICE);
		// The raw form runs the runtime's genesis build, which checks the genesis as a whole.
		assert!(spec.as_json(true).is_ok());
	}

	#[test]
	fn bad_network_files_are_refused_with_the_reason() {
		// Ferdie's account on Alice's node.
		let ferdie = {
			use sp_core::crypto::Ss58Codec;
			sp_keyring::Sr25519Keyring::Ferdie.to_account_id().to_ss58check()
		};
		let same_node_again = format!(", {}", operator_entry(0).replace(ALICE, &ferdie));
		let duplicate = network_file(&same_node_again);
		assert_eq!(parse(&duplicate).unwrap_err(), "two operators share a PeerId");
		let three = network_file("").replace(&format!(", {}", operator_entry(3)), "");
		assert_eq!(
			parse(&three).unwrap_err(),
			"the network file lists 3 operators; a production network needs at least 4, so that \
			 finality survives the loss of one"
		);
		assert!(parse(&network_file("").replace(ALICE, "5Bad"))
			.unwrap_err()
			.contains("operator 1 account: `5Bad` is not an SS58 address"));
		assert!(parse(&network_file("").replace("0xd435", "0x"))
			.unwrap_err()
			.contains("operator 1 sessionKeys"));
		assert!(parse(&network_file("").replace("12D3KooWEyopp", "nope"))
			.unwrap_err()
			.contains("operator 1 peerId"));
		assert!(parse(&network_file("").replace("\"council\": [", "\"councl\": ["))
			.unwrap_err()
			.contains("unknown field `councl`"));
		let council_twice = network_file("").replace(
			&format!("\"council\": [\"{ALICE}\"]"),
			&format!("\"council\": [\"{ALICE}\", \"{ALICE}\"]"),
		);
		assert_eq!(parse(&council_twice).unwrap_err(), "a council member is listed twice");
		let nothing = network_file("").replace("\"scn\": 10", "\"scn\": 0");
		assert_eq!(parse(&nothing).unwrap_err(), "endowment 1: an endowment is at least 1 SCN");
		let endowed_twice = network_file("").replace(
			&format!("\"endowments\": [{{ \"account\": \"{ALICE}\", \"scn\": 10 }}]"),
			&format!("\"endowments\": [{{ \"account\": \"{ALICE}\", \"scn\": 10 }}, {{ \"account\": \"{ALICE}\", \"scn\": 1 }}]"),
		);
		assert_eq!(parse(&endowed_twice).unwrap_err(), "an account is endowed twice");
		let crowd = (0..=100).map(|_| format!("\"{ALICE}\"")).collect::<Vec<_>>().join(", ");
		let big_council = network_file("")
			.replace(&format!("\"council\": [\"{ALICE}\"]"), &format!("\"council\": [{crowd}]"));
		assert_eq!(
			parse(&big_council).unwrap_err(),
			"the network file lists more than 100 council members"
		);
	}
}
