//! Runtime tests: genesis presets, the City Council's privileged origin, validator changes
//! through council motions, the Citizens Card gate in the transaction pipeline, the S-coin wired
//! to the register, the balances and the fees, and credentials verified against the chain's clock;
//! the attacks on free use in [`free_use`]; part-time work on the register and the city's minimum
//! wage in [`labor`]; the block's limits and the weights measured here in [`weights`].

use crate::{
	genesis_config_presets, AccountId, Council, CouncilMembership, NodeAuthorization, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeGenesisConfig, RuntimeOrigin, Session, SessionKeys, System,
	ValidatorSet,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	genesis_builder_helper::build_state,
	traits::{IntegrityTest, UnfilteredDispatchable},
};
use seoul_primitives::currency::SCN;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie};
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
use sp_runtime::{traits::Hash as _, DispatchError};
use std::sync::Arc;

/// A chain started from the genesis preset `preset`, with a keystore for session keys.
fn chain_from_preset(preset: &str) -> sp_io::TestExternalities {
	let json = genesis_config_presets::get_preset(&preset.into()).expect("preset exists");
	let mut ext = sp_io::TestExternalities::default();
	ext.execute_with(|| build_state::<RuntimeGenesisConfig>(json).expect("preset builds"));
	ext.register_extension(KeystoreExt(Arc::new(MemoryKeystore::new())));
	ext.execute_with(|| System::set_block_number(1));
	ext
}

fn local_chain() -> sp_io::TestExternalities {
	chain_from_preset(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
}

fn account(key: Sr25519Keyring) -> AccountId {
	key.to_account_id()
}

/// Asserts that the runtime's call filter refuses `call` from a member (Eve).
fn assert_filtered(call: RuntimeCall) {
	let result =
		sp_runtime::traits::Dispatchable::dispatch(call, RuntimeOrigin::signed(account(Eve)));
	assert_eq!(
		result.map_err(|error| error.error),
		Err(frame_system::Error::<Runtime>::CallFiltered.into())
	);
}

/// Registers session keys for `who`, as an operator does with `author_rotateKeysWithOwner`.
fn register_session_keys(who: Sr25519Keyring) -> SessionKeys {
	let generated = SessionKeys::generate(&account(who).encode(), None);
	assert_ok!(Session::set_keys(
		RuntimeOrigin::signed(account(who)),
		generated.keys.clone(),
		generated.proof.encode()
	));
	generated.keys
}

/// Proposes `call` to the council as Alice, has `ayes` vote for it, and closes the motion.
/// Returns the result the call was dispatched with, if the motion passed.
fn council_motion(call: RuntimeCall, ayes: &[Sr25519Keyring]) -> Option<Result<(), DispatchError>> {
	let length = call.encoded_size() as u32;
	let threshold = 2;
	let proposal_hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	assert_ok!(Council::propose(
		RuntimeOrigin::signed(account(Alice)),
		threshold,
		Box::new(call.clone()),
		length
	));
	let index =
		pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get() - 1;
	for voter in ayes {
		assert_ok!(Council::vote(
			RuntimeOrigin::signed(account(*voter)),
			proposal_hash,
			index,
			true
		));
	}
	let _ = Council::close(
		RuntimeOrigin::signed(account(Alice)),
		proposal_hash,
		index,
		call.get_dispatch_info().call_weight,
		length,
	);
	System::events().into_iter().rev().find_map(|record| match record.event {
		RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => Some(result),
		_ => None,
	})
}

mod genesis_presets {
	use super::*;
	use sp_core::Pair;

	#[test]
	fn every_preset_builds_and_keeps_its_invariants() {
		for preset in genesis_config_presets::preset_names() {
			let name = core::str::from_utf8(preset.as_ref()).unwrap().to_owned();
			chain_from_preset(&name).execute_with(|| {
				crate::AllPalletsWithSystem::integrity_test();
				#[cfg(feature = "try-runtime")]
				assert_ok!(<crate::AllPalletsWithSystem as frame_support::traits::TryState<
					crate::BlockNumber,
				>>::try_state(1, frame_support::traits::TryStateSelect::All));
				let validators = pallet_validator_set::Validators::<Runtime>::get();
				assert_eq!(Session::validators(), validators.to_vec(), "preset {name}");
				assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), validators.len());
				assert_eq!(crate::Grandpa::grandpa_authorities().len(), validators.len());
			});
		}
	}

	#[test]
	fn local_testnet_has_four_validators_on_well_known_nodes() {
		local_chain().execute_with(|| {
			let mut expected = vec![account(Alice), account(Bob), account(Charlie), account(Dave)];
			expected.sort();
			assert_eq!(pallet_validator_set::Validators::<Runtime>::get().to_vec(), expected);
			let nodes = pallet_node_authorization::WellKnownNodes::<Runtime>::get();
			assert_eq!(nodes.len(), 4);
			for peer_id in genesis_config_presets::DEV_NODE_PEER_IDS {
				let peer_id = peer_id.to_vec().try_into().expect("within the bound");
				assert!(nodes.contains(&peer_id));
				assert!(pallet_node_authorization::Owners::<Runtime>::get(&peer_id).is_some());
			}
			assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(account(Alice)));
			assert_eq!(
				pallet_membership::Members::<Runtime, pallet_membership::Instance1>::get().len(),
				3
			);
			assert_eq!(
				pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get().len(),
				3
			);
		});
	}

	#[test]
	fn development_chain_has_alice_validating_alone() {
		chain_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			assert_eq!(Session::validators(), vec![account(Alice)]);
		});
	}

	#[test]
	fn a_network_without_sudo_has_no_key() {
		let json =
			genesis_config_presets::network_genesis(genesis_config_presets::NetworkGenesis {
				operators: vec![genesis_config_presets::Operator {
					account: account(Alice),
					aura: Sr25519Keyring::Alice.public().into(),
					grandpa: sp_keyring::Ed25519Keyring::Alice.public().into(),
					peer_id: genesis_config_presets::DEV_NODE_PEER_IDS[0].to_vec(),
				}],
				council: vec![account(Bob)],
				..Default::default()
			});
		let mut ext = sp_io::TestExternalities::default();
		ext.execute_with(|| {
			build_state::<RuntimeGenesisConfig>(serde_json::to_vec(&json).unwrap()).unwrap();
			assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		});
	}

	#[test]
	fn the_node_key_peer_ids_are_those_of_the_well_known_keys() {
		for (index, peer_id) in genesis_config_presets::DEV_NODE_PEER_IDS.iter().enumerate() {
			let mut secret = [0u8; 32];
			secret[31] = index as u8 + 1;
			let public = sp_core::ed25519::Pair::from_seed(&secret).public();
			assert_eq!(peer_id[..6], [0x00, 0x24, 0x08, 0x01, 0x12, 0x20]);
			assert_eq!(peer_id[6..], public.0);
		}
	}
}

mod city_origin {
	use super::*;

	/// Every call that needs the City Council, with arguments that would otherwise succeed.
	fn privileged_calls() -> Vec<RuntimeCall> {
		let node = vec![1, 2, 3];
		vec![
			RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
				who: account(Eve),
			}),
			RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
				who: account(Alice),
			}),
			RuntimeCall::NodeAuthorization(pallet_node_authorization::Call::add_well_known_node {
				node: node.clone(),
				owner: account(Eve),
			}),
			RuntimeCall::NodeAuthorization(
				pallet_node_authorization::Call::remove_well_known_node {
					node: genesis_config_presets::DEV_NODE_PEER_IDS[0].to_vec(),
				},
			),
			RuntimeCall::NodeAuthorization(pallet_node_authorization::Call::swap_well_known_node {
				remove: genesis_config_presets::DEV_NODE_PEER_IDS[0].to_vec(),
				add: node.clone(),
			}),
			RuntimeCall::NodeAuthorization(
				pallet_node_authorization::Call::reset_well_known_nodes {
					nodes: vec![(node, account(Eve))],
				},
			),
			RuntimeCall::CouncilMembership(pallet_membership::Call::add_member {
				who: account(Eve).into(),
			}),
			RuntimeCall::CouncilMembership(pallet_membership::Call::remove_member {
				who: account(Charlie).into(),
			}),
			RuntimeCall::CouncilMembership(pallet_membership::Call::swap_member {
				remove: account(Charlie).into(),
				add: account(Eve).into(),
			}),
			RuntimeCall::CouncilMembership(pallet_membership::Call::reset_members {
				members: vec![account(Eve)],
			}),
			RuntimeCall::CouncilMembership(pallet_membership::Call::set_prime {
				who: account(Bob).into(),
			}),
			RuntimeCall::CouncilMembership(pallet_membership::Call::clear_prime {}),
			RuntimeCall::Council(pallet_collective::Call::disapprove_proposal {
				proposal_hash: Default::default(),
			}),
			RuntimeCall::Council(pallet_collective::Call::kill {
				proposal_hash: Default::default(),
			}),
			RuntimeCall::Citizens(pallet_citizens::Call::set_quota {
				kind: pallet_citizens::MemberKind::Citizen,
				units: 1,
			}),
			RuntimeCall::Citizens(pallet_citizens::Call::set_quota_period { blocks: 5 }),
			RuntimeCall::SCoin(pallet_scoin::Call::create_programme {
				name: b"Public poll rewards".to_vec(),
				agency: account(Alice),
				category: pallet_scoin::ServiceCategory::PublicPoll,
				budget: 1_000 * SCN,
				reward: pallet_scoin::RewardRule::Fixed(SCN),
				cap_per_period: 10 * SCN,
				period: 100,
				start: 1,
				end: 1_000,
			}),
			RuntimeCall::Credentials(pallet_credentials::Call::register_schema {
				schema: [7; 32].into(),
				name: b"Bachelor degree".to_vec(),
			}),
			RuntimeCall::SCoin(pallet_scoin::Call::list_catalogue_item {
				name: b"Seoul Grand Park day pass".to_vec(),
				price: 5 * SCN,
				stock: 10,
			}),
		]
	}

	#[test]
	fn a_signed_account_gets_bad_origin_on_every_privileged_call() {
		local_chain().execute_with(|| {
			register_session_keys(Eve);
			for call in privileged_calls() {
				for signer in [Alice, Ferdie] {
					let result =
						call.clone().dispatch_bypass_filter(RuntimeOrigin::signed(account(signer)));
					assert_eq!(
						result.map_err(|error| error.error),
						Err(DispatchError::BadOrigin),
						"{call:?} signed by {signer:?}"
					);
				}
			}
		});
	}

	#[test]
	fn a_third_of_the_council_is_not_enough() {
		local_chain().execute_with(|| {
			register_session_keys(Eve);
			let call = RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
				who: account(Eve),
			});
			let length = call.encoded_size() as u32;
			// A threshold of one executes at once, with the origin of one member out of three.
			assert_ok!(Council::propose(
				RuntimeOrigin::signed(account(Alice)),
				1,
				Box::new(call),
				length
			));
			let executed = System::events().into_iter().find_map(|record| match record.event {
				RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => {
					Some(result)
				}
				_ => None,
			});
			assert_eq!(executed, Some(Err(DispatchError::BadOrigin)));
			assert!(!pallet_validator_set::Validators::<Runtime>::get().contains(&account(Eve)));
		});
	}

	#[test]
	fn two_thirds_of_the_council_pass_a_privileged_call() {
		local_chain().execute_with(|| {
			let node = vec![7; 38];
			let call = RuntimeCall::NodeAuthorization(
				pallet_node_authorization::Call::add_well_known_node {
					node: node.clone(),
					owner: account(Eve),
				},
			);
			assert_eq!(council_motion(call, &[Alice, Bob]), Some(Ok(())));
			let node = node.try_into().expect("within the bound");
			assert!(pallet_node_authorization::WellKnownNodes::<Runtime>::get().contains(&node));
		});
	}

	#[test]
	fn root_passes_a_privileged_call() {
		local_chain().execute_with(|| {
			assert_ok!(CouncilMembership::add_member(RuntimeOrigin::root(), account(Eve).into()));
			assert!(pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get()
				.contains(&account(Eve)));
			assert_ok!(NodeAuthorization::remove_well_known_node(
				RuntimeOrigin::root(),
				genesis_config_presets::DEV_NODE_PEER_IDS[3].to_vec()
			));
		});
	}
}

mod validator_changes {
	use super::*;

	fn rotate_to_session(index: u32) {
		while Session::current_index() < index {
			Session::rotate_session();
		}
	}

	#[test]
	fn a_council_motion_adds_a_validator_from_the_session_after_next() {
		local_chain().execute_with(|| {
			let keys = register_session_keys(Eve);
			let call = RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
				who: account(Eve),
			});
			assert_eq!(council_motion(call, &[Alice, Bob]), Some(Ok(())));
			System::assert_has_event(RuntimeEvent::ValidatorSet(
				pallet_validator_set::Event::ValidatorAdded { who: account(Eve) },
			));

			rotate_to_session(1);
			System::assert_has_event(RuntimeEvent::ValidatorSet(
				pallet_validator_set::Event::NewSetQueued { active_from: 2, count: 5 },
			));
			assert!(!Session::validators().contains(&account(Eve)));
			assert!(!pallet_aura::Authorities::<Runtime>::get().contains(&keys.aura));

			rotate_to_session(2);
			assert!(Session::validators().contains(&account(Eve)));
			assert!(pallet_aura::Authorities::<Runtime>::get().contains(&keys.aura));
			let scheduled = pallet_grandpa::PendingChange::<Runtime>::get()
				.expect("GRANDPA schedules the new authority set");
			assert!(scheduled.next_authorities.iter().any(|(id, _)| *id == keys.grandpa));
		});
	}

	#[test]
	fn a_council_motion_removes_a_validator_from_the_session_after_next() {
		local_chain().execute_with(|| {
			let call = RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
				who: account(Dave),
			});
			assert_eq!(council_motion(call, &[Alice, Bob]), Some(Ok(())));
			rotate_to_session(1);
			assert!(Session::validators().contains(&account(Dave)));
			rotate_to_session(2);
			assert!(!Session::validators().contains(&account(Dave)));
			assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 3);
		});
	}

	#[test]
	fn the_minimum_holds() {
		local_chain().execute_with(|| {
			let minimum = ValidatorSet::minimum();
			assert_eq!(minimum, genesis_config_presets::LOCAL_MIN_VALIDATORS);
			let mut validators = pallet_validator_set::Validators::<Runtime>::get().to_vec();
			while validators.len() as u32 > minimum {
				let who = validators.pop().unwrap();
				assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), who));
			}
			assert_noop!(
				ValidatorSet::remove_validator(RuntimeOrigin::root(), validators[0].clone()),
				pallet_validator_set::Error::<Runtime>::TooFewValidators
			);
		});
	}
}

mod citizens_card {
	use super::*;
	use crate::{Citizens, Executive, Header, SignedPayload, UncheckedExtrinsic, DAYS};
	use pallet_citizens::{
		refusal, AuthenticationKey, MemberKind, MemberRegistry, Members, Quotas, Role,
	};
	use sp_core::{sr25519, Pair};
	use sp_runtime::{
		generic::Era,
		traits::Header as _,
		transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
	};

	pub(super) fn dev_chain() -> sp_io::TestExternalities {
		chain_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET)
	}

	/// A remark signed by `signer` with the runtime's full transaction extension, as a stock
	/// wallet signs it.
	pub(super) fn signed_remark(signer: &sr25519::Pair, nonce: u32) -> UncheckedExtrinsic {
		let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![1, 2, 3] });
		signed(signer, nonce, call, 0)
	}

	/// `call` signed by `signer` with the runtime's full transaction extension and `tip`, as a
	/// stock wallet signs it.
	pub(super) fn signed(
		signer: &sr25519::Pair,
		nonce: u32,
		call: RuntimeCall,
		tip: crate::Balance,
	) -> UncheckedExtrinsic {
		let extension = crate::tx_extension(nonce, Era::Immortal, tip);
		let payload = SignedPayload::new(call.clone(), extension.clone()).expect("implicit data");
		let signature = payload.using_encoded(|bytes| signer.sign(bytes));
		UncheckedExtrinsic::new_signed(
			call,
			AccountId::from(signer.public()).into(),
			signature.into(),
			extension,
		)
	}

	pub(super) fn validate(xt: UncheckedExtrinsic) -> Result<(), TransactionValidityError> {
		Executive::validate_transaction(TransactionSource::External, xt, System::parent_hash())
			.map(|_| ())
	}

	/// Starts block 2 on top of the preset's genesis.
	pub(super) fn start_block() {
		let header = Header::new(
			2,
			Default::default(),
			Default::default(),
			System::block_hash(1),
			Default::default(),
		);
		Executive::initialize_block(&header);
	}

	pub(super) fn register_citizen(pair: &sr25519::Pair) {
		assert_ok!(Citizens::register(
			RuntimeOrigin::signed(account(Alice)),
			pair.public().into(),
			MemberKind::Citizen,
			vec![],
			[9; 32].into(),
			AuthenticationKey::Sr25519(pair.public().0),
		));
	}

	#[test]
	fn the_development_preset_registers_the_dev_accounts() {
		dev_chain().execute_with(|| {
			let kind = |key| Members::<Runtime>::get(account(key)).map(|member| member.kind);
			assert_eq!(kind(Alice), Some(MemberKind::Agency));
			assert!(Citizens::has_role(&account(Alice), Role::Registrar));
			assert_eq!(kind(Bob), Some(MemberKind::Agency));
			assert_eq!(kind(Charlie), Some(MemberKind::Agency));
			for citizen in [Dave, Eve, Ferdie] {
				assert_eq!(kind(citizen), Some(MemberKind::Citizen), "{citizen:?}");
			}
			assert_eq!(
				pallet_citizens::QuotaPeriod::<Runtime>::get(),
				genesis_config_presets::DEV_QUOTA_PERIOD
			);
			assert_eq!(Quotas::<Runtime>::get(MemberKind::Citizen), 100);
			assert_eq!(Quotas::<Runtime>::get(MemberKind::Agency), 100_000);
		});
	}

	#[test]
	fn the_local_preset_registers_operators_and_a_day_long_period() {
		local_chain().execute_with(|| {
			let kind = |key| Members::<Runtime>::get(account(key)).map(|member| member.kind);
			assert_eq!(kind(Alice), Some(MemberKind::Agency));
			assert_eq!(kind(Dave), Some(MemberKind::ValidatorOperator));
			assert_eq!(kind(Eve), Some(MemberKind::Citizen));
			assert_eq!(pallet_citizens::QuotaPeriod::<Runtime>::get(), DAYS);
		});
	}

	#[test]
	fn a_network_registers_its_council_and_operators() {
		let json =
			genesis_config_presets::network_genesis(genesis_config_presets::NetworkGenesis {
				operators: vec![genesis_config_presets::Operator {
					account: account(Eve),
					aura: Sr25519Keyring::Eve.public().into(),
					grandpa: sp_keyring::Ed25519Keyring::Eve.public().into(),
					peer_id: genesis_config_presets::DEV_NODE_PEER_IDS[0].to_vec(),
				}],
				council: vec![account(Bob), account(Eve)],
				quota_period: DAYS,
				..Default::default()
			});
		let mut ext = sp_io::TestExternalities::default();
		ext.execute_with(|| {
			build_state::<RuntimeGenesisConfig>(serde_json::to_vec(&json).unwrap()).unwrap();
			let kind = |key| Members::<Runtime>::get(account(key)).map(|member| member.kind);
			assert_eq!(kind(Bob), Some(MemberKind::Agency));
			// A council member who also operates a validator is registered once, as council.
			assert_eq!(kind(Eve), Some(MemberKind::Agency));
			assert_eq!(kind(Alice), None);
		});
	}

	#[test]
	fn the_pool_refuses_a_stranger_with_its_code() {
		dev_chain().execute_with(|| {
			let stranger = sr25519::Pair::from_string("//Stranger", None).unwrap();
			assert_eq!(
				validate(signed_remark(&stranger, 0)),
				Err(InvalidTransaction::Custom(refusal::NOT_A_MEMBER).into())
			);
			// A member passes every check.
			assert_ok!(validate(signed_remark(&Eve.pair(), 0)));
		});
	}

	#[test]
	fn a_member_with_a_zero_balance_transacts_without_a_fee() {
		dev_chain().execute_with(|| {
			let citizen = sr25519::Pair::from_string("//ZeroBalance", None).unwrap();
			let who: AccountId = citizen.public().into();
			register_citizen(&citizen);
			start_block();
			assert_ok!(validate(signed_remark(&citizen, 0)));
			assert_eq!(Executive::apply_extrinsic(signed_remark(&citizen, 0)), Ok(Ok(())));
			assert_eq!(System::account_nonce(&who), 1);
			assert_eq!(pallet_balances::Pallet::<Runtime>::free_balance(&who), 0);
			assert!(System::events().iter().any(|record| matches!(
				&record.event,
				RuntimeEvent::TransactionPayment(
					pallet_transaction_payment::Event::TransactionFeePaid { actual_fee: 0, .. }
				)
			)));
		});
	}

	#[test]
	fn over_the_quota_a_transaction_is_refused_in_the_pool_and_in_the_block() {
		dev_chain().execute_with(|| {
			let citizen = sr25519::Pair::from_string("//Busy", None).unwrap();
			// Set before registration, so that the citizen's first period has it.
			assert_ok!(Citizens::set_quota(RuntimeOrigin::root(), MemberKind::Citizen, 2));
			register_citizen(&citizen);
			start_block();
			for nonce in 0..2 {
				assert_eq!(Executive::apply_extrinsic(signed_remark(&citizen, nonce)), Ok(Ok(())));
			}
			let exhausted = Err(TransactionValidityError::from(InvalidTransaction::Custom(
				refusal::QUOTA_EXHAUSTED,
			)));
			assert_eq!(validate(signed_remark(&citizen, 2)), exhausted);
			assert_eq!(Executive::apply_extrinsic(signed_remark(&citizen, 2)), exhausted.map(Ok));
			assert_eq!(System::account_nonce(AccountId::from(citizen.public())), 2);
		});
	}

	#[test]
	fn suspended_members_are_refused_with_their_code() {
		dev_chain().execute_with(|| {
			assert_ok!(Citizens::suspend(RuntimeOrigin::signed(account(Alice)), account(Ferdie)));
			assert_eq!(
				validate(signed_remark(&Ferdie.pair(), 0)),
				Err(InvalidTransaction::Custom(refusal::SUSPENDED).into())
			);
		});
	}

	#[test]
	fn transactions_are_free() {
		dev_chain().execute_with(|| {
			let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: account(Bob).into(),
				value: 1,
			});
			let info = call.get_dispatch_info();
			assert_eq!(crate::TransactionPayment::compute_fee(200, &info, 0), 0);
			assert_eq!(crate::TransactionPayment::compute_fee(200, &info, 7), 7);
		});
	}

	#[test]
	fn the_pool_refuses_a_burst_beyond_the_quota_at_once() {
		dev_chain().execute_with(|| {
			let citizen = sr25519::Pair::from_string("//Burst", None).unwrap();
			// Set before registration, so that the citizen's first period has it.
			assert_ok!(Citizens::set_quota(RuntimeOrigin::root(), MemberKind::Citizen, 3));
			register_citizen(&citizen);
			for nonce in 0..3 {
				assert_ok!(validate(signed_remark(&citizen, nonce)));
			}
			assert_eq!(
				validate(signed_remark(&citizen, 3)),
				Err(InvalidTransaction::Custom(refusal::QUOTA_EXHAUSTED).into())
			);
		});
	}

	#[test]
	fn a_registrar_cannot_act_on_the_council_or_the_operators() {
		local_chain().execute_with(|| {
			let alice = || RuntimeOrigin::signed(account(Alice));
			for protected in [Bob, Dave] {
				assert_noop!(
					Citizens::suspend(alice(), account(protected)),
					pallet_citizens::Error::<Runtime>::CityOnly
				);
				assert_noop!(
					Citizens::revoke(alice(), account(protected)),
					pallet_citizens::Error::<Runtime>::CityOnly
				);
			}
			assert_ok!(Citizens::suspend(alice(), account(Eve)));
		});
	}

	#[test]
	fn a_council_motion_registers_a_member() {
		local_chain().execute_with(|| {
			let newcomer = sr25519::Pair::from_string("//Newcomer", None).unwrap();
			let call = RuntimeCall::Citizens(pallet_citizens::Call::register {
				who: newcomer.public().into(),
				kind: MemberKind::CredentialIssuer,
				roles: vec![Role::CredentialIssuer, Role::RewardIssuer],
				evidence_hash: [1; 32].into(),
				authentication_key: AuthenticationKey::Sr25519(newcomer.public().0),
			});
			assert_eq!(council_motion(call, &[Alice, Bob]), Some(Ok(())));
			assert!(Citizens::has_role(&newcomer.public().into(), Role::RewardIssuer));
		});
	}

	#[test]
	fn acting_through_derived_accounts_is_filtered() {
		dev_chain().execute_with(|| {
			assert_filtered(RuntimeCall::Utility(pallet_utility::Call::as_derivative {
				index: 0,
				call: Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] })),
			}));
		});
	}

	#[test]
	fn the_sudo_key_is_a_member() {
		dev_chain().execute_with(|| {
			assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(account(Alice)));
			assert!(Citizens::is_active(&account(Alice)));
		});
	}

	#[test]
	fn the_runtime_api_authenticates_against_the_chain_s_genesis() {
		use crate::{Block, BlockNumber};
		use pallet_citizens::{
			runtime_api::runtime_decl_for_citizens_api::CitizensApiV1, AuthenticationVerdict,
		};
		dev_chain().execute_with(|| {
			pallet_timestamp::Now::<Runtime>::put(1_000_000);
			let did = <Runtime as CitizensApiV1<Block, AccountId, BlockNumber>>::did_of(account(Eve));
			let genesis: String =
				System::block_hash(0).as_bytes().iter().map(|byte| format!("{byte:02x}")).collect();
			let challenge = format!(
				"seoul-civic-auth:v1\nchain:0x{genesis}\ndid:{}\naudience:ward-office\nnonce:0123456789abcdef\nexpires:1060000",
				String::from_utf8(did.clone()).unwrap()
			);
			let signature = Eve.pair().sign(challenge.as_bytes()).0.to_vec();
			assert_eq!(
				<Runtime as CitizensApiV1<Block, AccountId, BlockNumber>>::authenticate(
					did.clone(),
					challenge.clone().into_bytes(),
					signature.clone(),
				),
				AuthenticationVerdict::Authentic
			);
			let forged = Ferdie.pair().sign(challenge.as_bytes()).0.to_vec();
			assert_eq!(
				<Runtime as CitizensApiV1<Block, AccountId, BlockNumber>>::authenticate(
					did.clone(),
					challenge.into_bytes(),
					forged,
				),
				AuthenticationVerdict::BadSignature
			);
			let record =
				<Runtime as CitizensApiV1<Block, AccountId, BlockNumber>>::member(did).unwrap();
			assert_eq!(record.account, account(Eve));
			assert_eq!(record.kind, MemberKind::Citizen);
		});
	}
}

mod scoin {
	use super::*;
	use crate::{Balances, Citizens, SCoin};
	use pallet_citizens::{AuthenticationKey, MemberKind, MemberRegistry, Role};
	use pallet_scoin::{
		qr, PaymentRequest, RewardEntry, RewardRule, ServiceCategory, SettlementStatus, Supply,
	};
	use sp_core::{sr25519, Pair, H256};

	fn dev_chain() -> sp_io::TestExternalities {
		chain_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET)
	}

	/// Whether the supply ledger adds up to the total issuance.
	pub(super) fn ledger_adds_up() -> bool {
		Supply::<Runtime>::get().expected_issuance()
			== pallet_balances::TotalIssuance::<Runtime>::get()
	}

	/// Opens a programme through sudo, run by Bob, who is appointed its reward issuer.
	pub(super) fn open_programme() -> pallet_scoin::ProgrammeId {
		let create = RuntimeCall::SCoin(pallet_scoin::Call::create_programme {
			name: b"Property tax e-payment 2026".to_vec(),
			agency: account(Bob),
			category: ServiceCategory::TaxPayment,
			budget: 1_000 * SCN,
			reward: RewardRule::Fixed(5 * SCN),
			cap_per_period: 10 * SCN,
			period: 100,
			start: 1,
			end: 10_000,
		});
		assert_ok!(pallet_sudo::Pallet::<Runtime>::sudo(
			RuntimeOrigin::signed(account(Alice)),
			Box::new(create)
		));
		assert_ok!(SCoin::add_reward_issuer(RuntimeOrigin::signed(account(Bob)), 0, account(Bob)));
		0
	}

	#[test]
	fn the_development_preset_starts_the_ledger_and_grants_the_city_s_roles() {
		dev_chain().execute_with(|| {
			assert!(ledger_adds_up());
			assert_eq!(
				Supply::<Runtime>::get().genesis,
				pallet_balances::TotalIssuance::<Runtime>::get()
			);
			assert!(Citizens::has_role(&account(Bob), Role::RewardIssuer));
			assert!(Citizens::has_role(&account(Charlie), Role::SettlementAgent));
			assert_eq!(Citizens::active_kind(&account(Dave)), Some(MemberKind::Citizen));
		});
	}

	#[test]
	fn a_reward_a_qr_payment_and_a_settlement_keep_the_ledger() {
		dev_chain().execute_with(|| {
			let programme = open_programme();
			let receipt = H256::repeat_byte(7);
			let dave_before = Balances::free_balance(account(Dave));
			assert_ok!(SCoin::reward(
				RuntimeOrigin::signed(account(Bob)),
				programme,
				RewardEntry { citizen: account(Dave), receipt, amount: 5 * SCN },
			));
			assert_eq!(Balances::free_balance(account(Dave)), dave_before + 5 * SCN);

			let merchant = sr25519::Pair::from_string("//SeoulMerchant", None).unwrap();
			let merchant_account = AccountId::from(merchant.public());
			// Organisations are the city's: Root here, a council motion on a live network.
			assert_ok!(Citizens::register(
				RuntimeOrigin::root(),
				merchant_account.clone(),
				MemberKind::Merchant,
				vec![Role::Merchant],
				[3; 32].into(),
				AuthenticationKey::Sr25519(merchant.public().0),
			));
			assert_ok!(SCoin::register_merchant(
				RuntimeOrigin::signed(merchant_account.clone()),
				b"ZP-1100-0001".to_vec().try_into().unwrap(),
				5812,
			));
			let request = PaymentRequest {
				merchant: merchant_account.clone(),
				amount: 3 * SCN,
				order_reference: b"ORD-0001".to_vec().try_into().unwrap(),
				expiry: 100,
				nonce: 1,
			};
			let payload = qr::signing_payload(System::block_hash(0).as_ref(), &request);
			let signature = merchant.sign(&payload);
			assert_ok!(SCoin::pay(
				RuntimeOrigin::signed(account(Dave)),
				request.clone(),
				signature.into()
			));
			assert_noop!(
				SCoin::pay(RuntimeOrigin::signed(account(Dave)), request, signature.into()),
				pallet_scoin::Error::<Runtime>::AlreadyPaid
			);
			assert_eq!(Balances::free_balance(&merchant_account), 3 * SCN);

			assert_ok!(SCoin::request_settlement(
				RuntimeOrigin::signed(merchant_account.clone()),
				3 * SCN
			));
			assert_ok!(SCoin::confirm_settlement(
				RuntimeOrigin::signed(account(Charlie)),
				0,
				H256::repeat_byte(9)
			));
			assert!(matches!(
				SCoin::settlements_of(&merchant_account, None, 100).items[0].1.status,
				SettlementStatus::Settled { .. }
			));
			let supply = Supply::<Runtime>::get();
			assert_eq!(supply.minted, 5 * SCN);
			assert_eq!(supply.burned_in_settlement, 3 * SCN);
			assert!(ledger_adds_up());
		});
	}

	#[test]
	fn dust_leaves_the_issuance_through_the_ledger() {
		dev_chain().execute_with(|| {
			let everything = Balances::free_balance(account(Ferdie));
			let dust = crate::EXISTENTIAL_DEPOSIT - 1;
			assert_ok!(Balances::transfer_allow_death(
				RuntimeOrigin::signed(account(Ferdie)),
				account(Eve).into(),
				everything - dust,
			));
			assert_eq!(Balances::free_balance(account(Ferdie)), 0);
			assert_eq!(Supply::<Runtime>::get().burned_otherwise, dust);
			assert!(ledger_adds_up());
		});
	}

	#[test]
	fn members_cannot_burn_s_coins_outside_settlement_and_redemption() {
		dev_chain().execute_with(|| {
			assert_filtered(RuntimeCall::Balances(pallet_balances::Call::burn {
				value: SCN,
				keep_alive: true,
			}));
			assert!(ledger_adds_up());
		});
	}

	#[test]
	fn a_city_wide_distribution_pays_every_citizen_in_idle_time() {
		use frame_support::traits::Hooks;
		use pallet_scoin::runtime_api::runtime_decl_for_s_coin_api::SCoinApiV2;
		dev_chain().execute_with(|| {
			let programme = open_programme();
			let schedule = RuntimeCall::SCoin(pallet_scoin::Call::schedule_distribution {
				programme,
				amount: 5 * SCN,
			});
			assert_ok!(pallet_sudo::Pallet::<Runtime>::sudo(
				RuntimeOrigin::signed(account(Alice)),
				Box::new(schedule)
			));
			let dave = Balances::free_balance(account(Dave));
			System::reset_events();
			let max_block = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
			let used = SCoin::on_idle(1, max_block);
			assert!(used.all_lte(max_block));
			let paid = System::events()
				.iter()
				.filter(|record| {
					matches!(
						record.event,
						RuntimeEvent::SCoin(pallet_scoin::Event::Distributed { .. })
					)
				})
				.count() as u32;
			let citizens = pallet_citizens::ActiveMembers::<Runtime>::get(MemberKind::Citizen);
			assert!(citizens > 0);
			assert_eq!(paid, citizens);
			assert_eq!(Balances::free_balance(account(Dave)), dave + 5 * SCN);
			let distribution = Runtime::distribution(0).expect("it was scheduled");
			assert_eq!(distribution.status, pallet_scoin::DistributionStatus::Completed { at: 1 });
			assert_eq!(distribution.total, 5 * SCN * u128::from(citizens));
			assert!(ledger_adds_up());
		});
	}

	#[test]
	fn a_member_cannot_schedule_a_distribution_even_inside_a_batch() {
		use sp_runtime::traits::Dispatchable;
		dev_chain().execute_with(|| {
			let programme = open_programme();
			let schedule = RuntimeCall::SCoin(pallet_scoin::Call::schedule_distribution {
				programme,
				amount: 5 * SCN,
			});
			// Bob runs the programme's agency; a batch lends its calls no other origin.
			let batch = RuntimeCall::Utility(pallet_utility::Call::batch_all {
				calls: vec![schedule.clone(), schedule],
			});
			let result = batch.dispatch(RuntimeOrigin::signed(account(Bob)));
			assert_eq!(
				result.map_err(|error| error.error),
				Err(sp_runtime::DispatchError::BadOrigin)
			);
			assert!(SCoin::distribution(0).is_none());
			assert_eq!(pallet_scoin::NextDistributionId::<Runtime>::get(), 0);
		});
	}

	#[test]
	fn the_runtime_api_reports_a_programme_a_standing_and_the_supply() {
		// The runtime implements the API once, so its generic arguments are inferred.
		use pallet_scoin::runtime_api::runtime_decl_for_s_coin_api::SCoinApiV2;
		dev_chain().execute_with(|| {
			let programme = open_programme();
			assert_ok!(SCoin::reward(
				RuntimeOrigin::signed(account(Bob)),
				programme,
				RewardEntry { citizen: account(Dave), receipt: H256::zero(), amount: 5 * SCN },
			));
			let state = Runtime::programme(programme).expect("the programme exists");
			assert_eq!(state.issued, 5 * SCN);
			let standing =
				Runtime::standing(programme, account(Dave)).expect("the programme exists");
			assert_eq!((standing.earned, standing.cap_left), (5 * SCN, 5 * SCN));
			assert_eq!(standing.next_period_starts, 101);
			let (ledger, issuance) = Runtime::supply();
			assert_eq!(ledger.expected_issuance(), issuance);
			assert!(Runtime::programme(1).is_none());
		});
	}
}

mod credentials {
	use super::*;
	use crate::{Citizens, Credentials};
	use pallet_citizens::{AuthenticationKey, MemberKind, Role};
	// The runtime implements the API once, so its generic arguments are inferred.
	use pallet_credentials::{
		runtime_api::runtime_decl_for_credentials_api::CredentialsApiV1, Verdict,
	};
	use sp_core::{Pair, H256};

	/// 2026-11-23T00:00:00Z in milliseconds.
	const NOW: u64 = 1_795_392_000_000;

	#[test]
	fn an_issuer_attests_and_anyone_verifies_through_the_runtime_api() {
		chain_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			// Set directly: `set_timestamp` would ask Aura for the matching slot.
			pallet_timestamp::Now::<Runtime>::put(NOW);
			let university = account(Charlie);
			// Organisations are the city's: Root here, a council motion on a live network.
			let issuer =
				sp_core::sr25519::Pair::from_string("//SeoulNationalUniversity", None).unwrap();
			let issuer_account = AccountId::from(issuer.public());
			assert_ok!(Citizens::register(
				RuntimeOrigin::root(),
				issuer_account.clone(),
				MemberKind::CredentialIssuer,
				vec![Role::CredentialIssuer],
				[5; 32].into(),
				AuthenticationKey::Sr25519(issuer.public().0),
			));
			let schema = H256::repeat_byte(0x5c);
			assert_ok!(Credentials::register_schema(
				RuntimeOrigin::root(),
				schema,
				b"Bachelor degree".to_vec()
			));
			assert_noop!(
				Credentials::authorise_issuer(RuntimeOrigin::root(), schema, university),
				pallet_credentials::Error::<Runtime>::NotCredentialIssuer
			);
			assert_ok!(Credentials::authorise_issuer(
				RuntimeOrigin::root(),
				schema,
				issuer_account.clone()
			));
			let degree = H256::repeat_byte(1);
			assert_ok!(Credentials::attest(
				RuntimeOrigin::signed(issuer_account.clone()),
				issuer_account.clone(),
				degree,
				schema,
				account(Dave),
				NOW - 1,
				None,
			));
			let verification = Runtime::verify(degree);
			assert_eq!(verification.verdict, Verdict::Valid);
			assert_eq!(verification.credential.map(|c| c.subject), Some(account(Dave)));
			assert_eq!(Runtime::verify(H256::repeat_byte(2)).verdict, Verdict::Unknown);
			assert_ok!(Credentials::revoke(RuntimeOrigin::signed(issuer_account), degree));
			assert_eq!(Runtime::verify(degree).verdict, Verdict::Revoked);
			assert_eq!(
				Runtime::schema(schema).map(|s| s.name.to_vec()),
				Some(b"Bachelor degree".to_vec())
			);
		});
	}
}

mod donations;
mod free_use;
mod governance;
mod hygiene;
mod labor;
mod weights;
