//! Fuzzing: random sequences of every call, from random origins, with arguments good and bad,
//! and blocks passing (with idle-time pruning and distributions); the pallet's invariants (the supply ledger equals
//! the issuance among them) hold after each step and nothing panics. CI runs proptest's default
//! of 256 sequences; run more with `PROPTEST_CASES=100000 cargo test --release -p pallet-scoin
//! fuzz`.

use crate::{mock::*, *};
use frame_support::{
	traits::{Hooks, UnfilteredDispatchable},
	weights::Weight,
};
use proptest::prelude::*;
use sp_core::H256;

const ACCOUNTS: [u8; 9] = [
	AGENCY,
	ISSUER,
	OTHER_AGENCY,
	AGENT,
	CITIZEN,
	OTHER_CITIZEN,
	MERCHANT,
	OTHER_MERCHANT,
	STRANGER,
];

fn who() -> impl Strategy<Value = u8> {
	prop::sample::select(ACCOUNTS.to_vec())
}

fn origin() -> impl Strategy<Value = RuntimeOrigin> {
	prop_oneof![
		1 => Just(RuntimeOrigin::root()),
		1 => Just(RuntimeOrigin::none()),
		6 => who().prop_map(|n| RuntimeOrigin::signed(account(n))),
	]
}

fn amount() -> impl Strategy<Value = Balance> {
	prop_oneof![4 => 0..300u64, 1 => Just(Balance::MAX)]
}

fn programme() -> impl Strategy<Value = ProgrammeId> {
	0..3u32
}

fn category() -> impl Strategy<Value = ServiceCategory> {
	prop_oneof![Just(ServiceCategory::TaxPayment), Just(ServiceCategory::PublicPoll)]
}

fn rule() -> impl Strategy<Value = RewardRule<Balance>> {
	prop_oneof![amount().prop_map(RewardRule::Fixed), amount().prop_map(RewardRule::UpTo)]
}

fn entry() -> impl Strategy<Value = RewardEntryOf<Test>> {
	(who(), 0u64..20, amount()).prop_map(|(citizen, receipt, amount)| RewardEntry {
		citizen: account(citizen),
		receipt: H256::from_low_u64_be(receipt),
		amount,
	})
}

fn name() -> impl Strategy<Value = Vec<u8>> {
	prop_oneof![4 => Just(b"Tax".to_vec()), 1 => Just(vec![]), 1 => Just(vec![b'x'; 40])]
}

fn call() -> impl Strategy<Value = Call<Test>> {
	prop_oneof![
		(name(), who(), category(), amount(), rule(), amount(), 0u64..10, 0u64..10, 0u64..40)
			.prop_map(|(name, agency, category, budget, reward, cap, period, start, end)| {
				Call::create_programme {
					name,
					agency: account(agency),
					category,
					budget,
					reward,
					cap_per_period: cap,
					period,
					start,
					end,
				}
			}),
		(programme(), amount())
			.prop_map(|(programme, amount)| Call::top_up_programme { programme, amount }),
		programme().prop_map(|programme| Call::pause_programme { programme }),
		programme().prop_map(|programme| Call::resume_programme { programme }),
		programme().prop_map(|programme| Call::close_programme { programme }),
		(programme(), who()).prop_map(|(programme, issuer)| Call::add_reward_issuer {
			programme,
			issuer: account(issuer)
		}),
		(programme(), who()).prop_map(|(programme, issuer)| Call::remove_reward_issuer {
			programme,
			issuer: account(issuer)
		}),
		(programme(), entry()).prop_map(|(programme, entry)| Call::reward { programme, entry }),
		(programme(), prop::collection::vec(entry(), 0..9)).prop_map(|(programme, entries)| {
			Call::reward_batch { programme, entries: entries.try_into().unwrap_or_default() }
		}),
		(0u8..3, 0u16..10_000).prop_map(|(id, category)| Call::register_merchant {
			zeropay_id: reference(format!("ZP-{id}").as_bytes()),
			category
		}),
		Just(Call::deregister_merchant {}),
		(name(), amount(), 0u32..4).prop_map(|(name, price, stock)| Call::list_catalogue_item {
			name,
			price,
			stock
		}),
		(0u32..3, 0u32..4).prop_map(|(item, stock)| Call::set_catalogue_stock { item, stock }),
		(0u32..3).prop_map(|item| Call::redeem { item }),
		amount().prop_map(|amount| Call::request_settlement { amount }),
		(0u64..6, any::<u64>()).prop_map(|(settlement, reference)| Call::confirm_settlement {
			settlement,
			bank_reference_hash: H256::from_low_u64_be(reference)
		}),
		(programme(), amount())
			.prop_map(|(programme, amount)| Call::schedule_distribution { programme, amount }),
		(0u32..3).prop_map(|distribution| Call::cancel_distribution { distribution }),
	]
}

/// A step: a call from an origin; a payment, whose request and signature are made when it is
/// applied (they need the chain's genesis hash and block); or blocks passing with idle time.
#[derive(Debug, Clone)]
enum Step {
	Call(RuntimeOrigin, Call<Test>),
	Pay {
		payer: RuntimeOrigin,
		merchant: u8,
		signer: u8,
		amount: Balance,
		nonce: u64,
		validity: u64,
	},
	Blocks(u64),
}

fn step() -> impl Strategy<Value = Step> {
	prop_oneof![
		8 => (origin(), call()).prop_map(|(origin, call)| Step::Call(origin, call)),
		2 => (origin(), who(), who(), amount(), 0u64..5, 0u64..20).prop_map(
			|(payer, merchant, signer, amount, nonce, validity)| Step::Pay {
				payer,
				merchant,
				signer,
				amount,
				nonce,
				validity
			}
		),
		1 => (1u64..10).prop_map(Step::Blocks),
	]
}

proptest! {
	#[test]
	fn fuzz_every_call_keeps_the_invariants(steps in prop::collection::vec(step(), 1..60)) {
		ExtBuilder::default().build().execute_with(|| {
			open_programme();
			for n in [CITIZEN, OTHER_CITIZEN, MERCHANT, OTHER_MERCHANT] {
				fund(n, 1_000);
			}
			for step in steps {
				match step {
					Step::Call(origin, call) => {
						let _ = call.dispatch_bypass_filter(origin);
					},
					Step::Pay { payer, merchant, signer, amount, nonce, validity } => {
						let mut request = payment_request(merchant, amount, nonce);
						request.expiry = System::block_number() + validity;
						let signature = sign(signer, &request);
						let _ = Call::<Test>::pay { request, signature }.dispatch_bypass_filter(payer);
					},
					Step::Blocks(count) => {
						let now = System::block_number() + count;
						run_to_block(now);
						SCoin::on_idle(now, Weight::MAX);
					},
				}
				prop_assert_eq!(SCoin::do_try_state(), Ok(()));
			}
			Ok(())
		})?;
	}
}
