//! A runtime with the S-coin, balances, a register of members kept in memory and root as the
//! city.

use crate::{self as pallet_scoin, MemberKind, ProgrammeId, RewardRule, Role};
use frame_support::{assert_ok, derive_impl, parameter_types, traits::ConstU64};
use seoul_primitives::membership::EnsureMemberWithRole;
use sp_core::{sr25519, Pair, H256};
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
use sp_runtime::{traits::IdentityLookup, AccountId32, BuildStorage, MultiSignature, MultiSigner};

type Block = frame_system::mocking::MockBlock<Test>;
/// The balance type of the test runtime.
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		SCoin: pallet_scoin,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId32;
	type Lookup = IdentityLookup<AccountId32>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

/// Below this an account is reaped and its dust goes to the S-coin's supply ledger.
pub const EXISTENTIAL_DEPOSIT: Balance = 10;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type ExistentialDeposit = ConstU64<EXISTENTIAL_DEPOSIT>;
	type DustRemoval = SCoin;
}

/// The register of members, kept in memory: kind, roles and whether active, by account.
pub use seoul_primitives::membership::testing::TestRegistry as Register;

parameter_types! {
	pub const SettlementAgentRole: Role = Role::SettlementAgent;
}

#[derive_impl(pallet_scoin::config_preludes::TestDefaultConfig)]
impl pallet_scoin::Config for Test {
	type CityOrigin = frame_system::EnsureRoot<AccountId32>;
	type SettlementOrigin = EnsureMemberWithRole<Register, SettlementAgentRole, AccountId32>;
	type Registry = Register;
	type Currency = Balances;
	type Signature = MultiSignature;
	type Signer = MultiSigner;
	type MaxPaymentValidity = ConstU64<MAX_PAYMENT_VALIDITY>;
}

/// How far ahead a payment request may expire.
pub const MAX_PAYMENT_VALIDITY: u64 = 100;

/// The key pair of test account `n`; the account is its sr25519 public key.
pub fn pair(n: u8) -> sr25519::Pair {
	sr25519::Pair::from_seed(&[n; 32])
}

/// Test account `n`.
pub fn account(n: u8) -> AccountId32 {
	pair(n).public().into()
}

/// The agency that runs the test programmes.
pub const AGENCY: u8 = 1;
/// An agency's employee holding the reward-issuer role.
pub const ISSUER: u8 = 2;
/// Another agency, without roles.
pub const OTHER_AGENCY: u8 = 3;
/// A member holding the settlement-agent role.
pub const AGENT: u8 = 4;
/// A citizen.
pub const CITIZEN: u8 = 10;
/// Another citizen.
pub const OTHER_CITIZEN: u8 = 11;
/// A merchant, not yet registered with ZeroPay.
pub const MERCHANT: u8 = 20;
/// Another merchant.
pub const OTHER_MERCHANT: u8 = 21;
/// An account nobody registered.
pub const STRANGER: u8 = 99;
/// What [`STRANGER`] holds at genesis: the whole genesis issuance.
pub const GENESIS_ISSUANCE: Balance = 5_000;

/// The budget of [`open_programme`]'s programme.
pub const BUDGET: Balance = 1_000;
/// The most one event earns in [`open_programme`]'s programme.
pub const MAX_REWARD: Balance = 100;
/// The cap per citizen per period of [`open_programme`]'s programme.
pub const CAP: Balance = 200;
/// The period of [`open_programme`]'s programme, in blocks.
pub const PERIOD: u64 = 10;
/// The last block of [`open_programme`]'s programme.
pub const END: u64 = 1_000;

/// Builds test externalities at block 1 with the members above and a keystore for signing.
pub struct ExtBuilder {
	members: Vec<(u8, MemberKind, Vec<Role>)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			members: vec![
				(AGENCY, MemberKind::Agency, vec![]),
				(ISSUER, MemberKind::Agency, vec![Role::RewardIssuer]),
				(OTHER_AGENCY, MemberKind::Agency, vec![]),
				(AGENT, MemberKind::Agency, vec![Role::SettlementAgent]),
				(CITIZEN, MemberKind::Citizen, vec![]),
				(OTHER_CITIZEN, MemberKind::Citizen, vec![]),
				(MERCHANT, MemberKind::Merchant, vec![Role::Merchant]),
				(OTHER_MERCHANT, MemberKind::Merchant, vec![Role::Merchant]),
			],
		}
	}
}

impl ExtBuilder {
	/// Starts without members.
	#[cfg(feature = "runtime-benchmarks")]
	pub fn empty() -> Self {
		Self { members: vec![] }
	}

	/// Builds the externalities.
	pub fn build(self) -> sp_io::TestExternalities {
		Register::clear();
		for (n, kind, roles) in &self.members {
			Register::add(&account(*n), *kind, roles);
		}
		let storage = RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig {
				balances: vec![(account(STRANGER), GENESIS_ISSUANCE)],
				..Default::default()
			},
			s_coin: Default::default(),
		}
		.build_storage()
		.expect("the test genesis is valid");
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Builds the externalities and checks the invariants after `test`.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			SCoin::do_try_state().expect("invariants hold");
		});
	}
}

/// Moves to block `n`; the pallet has no per-block hooks to run.
pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}

/// Opens a programme run by [`AGENCY`] with [`ISSUER`] appointed: a budget of [`BUDGET`],
/// rewards up to [`MAX_REWARD`], a cap of [`CAP`] per [`PERIOD`] blocks, from block 1 to [`END`].
pub fn open_programme() -> ProgrammeId {
	let programme = crate::NextProgrammeId::<Test>::get();
	assert_ok!(SCoin::create_programme(
		RuntimeOrigin::root(),
		b"Property tax e-payment".to_vec(),
		account(AGENCY),
		crate::ServiceCategory::TaxPayment,
		BUDGET,
		RewardRule::UpTo(MAX_REWARD),
		CAP,
		PERIOD,
		1,
		END,
	));
	assert_ok!(SCoin::add_reward_issuer(RuntimeOrigin::root(), programme, account(ISSUER)));
	programme
}

/// Receipt id `n`.
pub fn receipt(n: u32) -> H256 {
	H256::from_low_u64_be(n.into())
}

/// A batch or single entry rewarding `citizen` `amount` for receipt `n`.
pub fn entry(citizen: u8, n: u32, amount: Balance) -> crate::RewardEntryOf<Test> {
	crate::RewardEntry { citizen: account(citizen), receipt: receipt(n), amount }
}

/// The free balance of test account `n`.
pub fn balance(n: u8) -> Balance {
	Balances::free_balance(account(n))
}

/// The events of this pallet deposited so far.
pub fn scoin_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::SCoin(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The arguments of `create_programme`; the defaults are [`open_programme`]'s.
pub struct NewProgramme {
	pub name: Vec<u8>,
	pub agency: u8,
	pub category: crate::ServiceCategory,
	pub budget: Balance,
	pub reward: RewardRule<Balance>,
	pub cap: Balance,
	pub period: u64,
	pub start: u64,
	pub end: u64,
}

impl Default for NewProgramme {
	fn default() -> Self {
		Self {
			name: b"Property tax e-payment".to_vec(),
			agency: AGENCY,
			category: crate::ServiceCategory::TaxPayment,
			budget: BUDGET,
			reward: RewardRule::UpTo(MAX_REWARD),
			cap: CAP,
			period: PERIOD,
			start: 1,
			end: END,
		}
	}
}

impl NewProgramme {
	/// Calls `create_programme` from `origin`.
	pub fn create(self, origin: RuntimeOrigin) -> sp_runtime::DispatchResult {
		SCoin::create_programme(
			origin,
			self.name,
			account(self.agency),
			self.category,
			self.budget,
			self.reward,
			self.cap,
			self.period,
			self.start,
			self.end,
		)
	}

	/// Creates the programme as the city and appoints [`ISSUER`].
	pub fn open(self) -> ProgrammeId {
		let programme = crate::NextProgrammeId::<Test>::get();
		assert_ok!(self.create(RuntimeOrigin::root()));
		assert_ok!(SCoin::add_reward_issuer(RuntimeOrigin::root(), programme, account(ISSUER)));
		programme
	}
}

/// Gives test account `n` `amount` from [`STRANGER`]'s genesis endowment, so that the supply
/// ledger is untouched.
pub fn fund(n: u8, amount: Balance) {
	assert_ok!(Balances::transfer_allow_death(
		RuntimeOrigin::signed(account(STRANGER)),
		account(n),
		amount
	));
}

/// A ZeroPay merchant id or order reference of `bytes`.
pub fn reference<S: frame_support::traits::Get<u32>>(
	bytes: &[u8],
) -> frame_support::BoundedVec<u8, S> {
	bytes.to_vec().try_into().expect("the reference fits its bound")
}

/// Registers merchant `n` with ZeroPay under the id `ZP-<n>`.
pub fn register_with_zeropay(n: u8) {
	assert_ok!(SCoin::register_merchant(
		RuntimeOrigin::signed(account(n)),
		reference(format!("ZP-{n}").as_bytes()),
		5812,
	));
}

/// A payment request of `amount` to `merchant` with `nonce`, expiring ten blocks from now.
pub fn payment_request(merchant: u8, amount: Balance, nonce: u64) -> crate::PaymentRequestOf<Test> {
	crate::PaymentRequest {
		merchant: account(merchant),
		amount,
		order_reference: reference(b"ORDER-1"),
		expiry: System::block_number() + 10,
		nonce,
	}
}

/// Account `signer`'s sr25519 signature over `request` for the chain whose block 0 is
/// `genesis_hash`.
pub fn sign_for(
	genesis_hash: &[u8],
	signer: u8,
	request: &crate::PaymentRequestOf<Test>,
) -> MultiSignature {
	MultiSignature::Sr25519(pair(signer).sign(&crate::qr::signing_payload(genesis_hash, request)))
}

/// Account `signer`'s sr25519 signature over `request` for this chain.
pub fn sign(signer: u8, request: &crate::PaymentRequestOf<Test>) -> MultiSignature {
	sign_for(System::block_hash(0).as_ref(), signer, request)
}

/// The total issuance of S-coins.
pub fn issuance() -> Balance {
	<Balances as frame_support::traits::fungible::Inspect<AccountId32>>::total_issuance()
}
